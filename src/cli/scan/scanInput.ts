/**
 * Reading one input for the scan: a file (in blocks, binary files skipped) or standard input.
 * Blocks are cut after their last newline, so the content scanner always sees complete
 * lines, and never inside a PEM private key (its BEGIN line, the line above it and its body
 * stay in one block); line numbers and offsets carry across blocks.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { BufferFindings, ContentScanner } from './contentScanner.js';
import { pemSafeCut } from './pemBlocks.js';
import type { FileResult, ScanFinding } from './scanFinding.js';

/**
 * Bytes read and scanned at once. PERF: a file up to this size is read with one `readSync`
 * and scanned as one buffer (the common case in a source tree); bigger files cost at most
 * this much memory per thread, plus the carried partial line.
 */
export const SCAN_BLOCK = 8 * 1024 * 1024;
/** A line longer than this is scanned in pieces of this size (a secret across a cut could be missed). */
const MAX_CARRY = 4 * SCAN_BLOCK;
/** Bytes looked at for a NUL to call a file binary: git's own test (buffer_is_binary). */
export const BINARY_SNIFF = 8000;
const NEWLINE = 0x0a;

/**
 * Feeds bytes in order, scans complete lines as blocks fill up.
 *
 * @example
 * const lines = new LineBlocks(scanner, '-');
 * lines.push(chunk1); lines.push(chunk2);
 * const { findings, allowedInline } = lines.end();
 */
export class LineBlocks {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private offset = 0;
  private line = 1;
  private readonly findings: ScanFinding[] = [];
  private allowedInline = 0;

  constructor(
    private readonly scanner: ContentScanner,
    private readonly path: string,
  ) {}

  /** Bytes seen so far. */
  get bytes(): number {
    return this.offset + this.pendingBytes;
  }

  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= SCAN_BLOCK) this.flush(false);
  }

  end(): BufferFindings {
    this.flush(true);
    return { findings: this.findings, allowedInline: this.allowedInline };
  }

  private flush(final: boolean): void {
    if (this.pendingBytes === 0) return;
    const data = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    let cut = final ? data.length : data.lastIndexOf(NEWLINE) + 1;
    if (cut === 0) {
      if (data.length < MAX_CARRY) {
        this.pending = [data];
        return;
      }
      cut = data.length;
    } else if (!final) {
      // A PEM key open at the cut (its BEGIN line among the last lines) goes whole to the
      // next block, with the line above it: cut in two, its body would have no header.
      cut = pemSafeCut(data.subarray(0, cut));
    }
    const head = data.subarray(0, cut);
    this.take(this.scanner.scan(head, this.path, { offset: this.offset, line: this.line }));
    this.offset += cut;
    if (!final) for (let nl = head.indexOf(NEWLINE); nl !== -1; nl = head.indexOf(NEWLINE, nl + 1)) this.line++;
    const rest = data.subarray(cut);
    this.pending = rest.length === 0 ? [] : [rest];
    this.pendingBytes = rest.length;
  }

  private take(found: BufferFindings): void {
    for (const f of found.findings) this.findings.push(f);
    this.allowedInline += found.allowedInline;
  }
}

function readInto(fd: number, buf: Buffer): number {
  let n = 0;
  while (n < buf.length) {
    const got = readSync(fd, buf, n, buf.length - n, null);
    if (got === 0) break;
    n += got;
  }
  return n;
}

/**
 * One read buffer per thread for files that fit in a block. PERF: a source tree is mostly
 * small files; a fresh buffer per file cost an allocation per file for nothing, as the scan
 * keeps no reference to the bytes (findings hold offsets and masked excerpts only).
 */
let scratch: Buffer | undefined;

/**
 * Scans the file at `path` (never throws: a read error is a result).
 *
 * @example
 * scanFile(scanner, 'src/db.ts'); // { kind: 'scanned', path: 'src/db.ts', bytes: 812, findings: [...], allowedInline: 0 }
 */
export function scanFile(scanner: ContentScanner, path: string): FileResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    scratch ??= Buffer.allocUnsafe(SCAN_BLOCK);
    let block = scratch.subarray(0, readInto(fd, scratch));
    if (block.subarray(0, BINARY_SNIFF).includes(0)) return { kind: 'binary', path, bytes: block.length };
    if (block.length < SCAN_BLOCK) return { kind: 'scanned', path, bytes: block.length, ...scanner.scan(block, path, { offset: 0, line: 1 }) };
    // A big file: blocks of its own, as LineBlocks keeps the unfinished last line of each.
    const lines = new LineBlocks(scanner, path);
    lines.push(Buffer.from(block));
    do {
      block = Buffer.allocUnsafe(SCAN_BLOCK);
      block = block.subarray(0, readInto(fd, block));
      lines.push(block);
    } while (block.length === SCAN_BLOCK);
    const bytes = lines.bytes;
    return { kind: 'scanned', path, bytes, ...lines.end() };
  } catch (err) {
    return { kind: 'error', path, message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Scans standard input to its end (shown as `-`). Binary input is scanned too: it was piped
 * in on purpose.
 *
 * @example
 * await scanStream(scanner, process.stdin);
 */
export async function scanStream(scanner: ContentScanner, input: Readable): Promise<FileResult> {
  const lines = new LineBlocks(scanner, '-');
  try {
    for await (const chunk of input) lines.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  } catch (err) {
    return { kind: 'error', path: '-', message: `cannot read standard input: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  const bytes = lines.bytes;
  return { kind: 'scanned', path: '-', bytes, ...lines.end() };
}
