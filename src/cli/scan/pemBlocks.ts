/**
 * Multi-line PEM private keys in a file. `redactor.scan()` looks at one line at a time, and a
 * base64 body line is not a secret on its own; the stream layer masks PEM bodies by tracking
 * the block (src/stream/pemBlock.ts). A committed `id_rsa` is the first thing a CI gate must
 * catch, so scan finds the same blocks here, read line by line by the same `PemBlock` (the
 * same headers, wrapped bodies of keys logged one line per entry, the same bounds), and
 * reports each block once under the `private-key` rule. A body glued to its BEGIN line is
 * the rule's on that line (one finding) and the block's on the lines after it (another).
 */
import { PemBlock, PEM_BLOCK_MAX_LINES } from '../../stream/pemBlock.js';

const MARKER = Buffer.from('PRIVATE KEY');
const NEWLINE = 0x0a;

/** The body of one PEM block: from its first body byte to its last (wrappers between them included). */
export interface PemBody {
  /** Start of the header line (where an inline `logveil:allow` is looked for). */
  readonly headerStart: number;
  readonly start: number;
  readonly end: number;
}

/** One PEM block as walked: its body, and whether it is still open at the end of the buffer. */
interface PemWalk extends PemBody {
  /** Not over (no END line, within its bounds) when the buffer ended: the block may go on past it. */
  readonly open: boolean;
}

/** A BEGIN header anywhere on a line (the stream wants it at the end of the line or of its value). */
const HEADER = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
/** The first line of a PEM body: base64, or the headers of a legacy encrypted key. */
const BODY_START = /^(?:[A-Za-z0-9+/=]{16,}|Proc-Type:|DEK-Info:)/;

/**
 * A header with text after it (`-----BEGIN RSA PRIVATE KEY----- # logveil:allow`, a comment)
 * still opens a key when the next line starts a PEM body. The stream does not take these
 * (a log line that mentions a header must not mask the lines after it); a gate must not let a
 * trailing comment hide a key.
 */
function opensWithTrailingText(buf: Buffer, headerStart: number, headerEnd: number): boolean {
  if (!HEADER.test(buf.toString('latin1', headerStart, headerEnd))) return false;
  const next = headerEnd + 1;
  const nl = buf.indexOf(NEWLINE, next);
  return BODY_START.test(buf.toString('latin1', next, nl === -1 ? buf.length : nl).trim());
}

/** Every PEM private-key block in `buf`, in order, bodies empty or not. */
function walkPemBlocks(buf: Buffer): PemWalk[] {
  const blocks: PemWalk[] = [];
  let from = 0;
  for (let at = buf.indexOf(MARKER, from); at !== -1; at = buf.indexOf(MARKER, from)) {
    let headerStart = at === 0 ? 0 : buf.lastIndexOf(NEWLINE, at - 1) + 1;
    let headerEnd = buf.indexOf(NEWLINE, at);
    if (headerEnd === -1) break; // the last line: no body can follow
    from = headerEnd + 1;
    let block = PemBlock.open(buf.subarray(headerStart, headerEnd)) ?? (opensWithTrailingText(buf, headerStart, headerEnd) ? PemBlock.wholeLines() : undefined);
    let start = -1;
    let end = -1;
    let lineStart = headerEnd + 1;
    while (block !== undefined && !block.done && lineStart < buf.length) {
      const nl = buf.indexOf(NEWLINE, lineStart);
      const lineEnd = nl === -1 ? buf.length : nl;
      const line = buf.subarray(lineStart, lineEnd);
      const next = PemBlock.open(line);
      if (next !== undefined) {
        // A header inside the block opens the next block (the key before it had no END).
        blocks.push({ headerStart, start: Math.max(start, 0), end: Math.max(end, 0), open: false });
        block = next;
        headerStart = lineStart;
        headerEnd = lineEnd;
        start = end = -1;
      } else {
        const body = block.read(line);
        if (body !== undefined) {
          if (start === -1) start = lineStart + body.start;
          end = lineStart + body.end;
        }
      }
      lineStart = lineEnd + 1;
    }
    if (block === undefined) continue;
    blocks.push({ headerStart, start: Math.max(start, 0), end: Math.max(end, 0), open: !block.done });
    from = Math.max(from, lineStart);
  }
  return blocks;
}

/**
 * Every PEM private-key body in `buf`: a line that opens a block (`PemBlock.open`: a header at
 * the end of the line or of its value, or with a body glued to it; or a header with a comment
 * after it, followed by a body line), then the body on the lines up to the END footer (or
 * {@link PEM_BLOCK_MAX_LINES} lines, or the end of `buf`: an unterminated block is still a key).
 *
 * @example
 * findPemBodies(Buffer.from('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n'));
 * // [{ headerStart: 0, start: 32, end: 36 }]
 */
export function findPemBodies(buf: Buffer): PemBody[] {
  return walkPemBlocks(buf)
    .filter((b) => b.end > b.start)
    .map(({ headerStart, start, end }) => ({ headerStart, start, end }));
}

/**
 * Where `buf` (complete lines) may be cut without splitting a PEM key: `buf.length` unless a
 * block is still open at its end (no END line yet, fewer than {@link PEM_BLOCK_MAX_LINES}
 * lines); then the start of the line above that block's header (which can carry the key's
 * inline `logveil:allow`), or of the header itself when it is on the second line. Scanned in
 * one piece, the key keeps its header, its whole body and so its fingerprint whatever the cut.
 * Never 0: a block opened on the first line goes on longer than `buf`, is reported (as an
 * unterminated block) from this piece, and `buf.length` is returned.
 *
 * @example
 * pemSafeCut(Buffer.from('a\nb\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n')); // 2: the line "b" above the header
 * pemSafeCut(Buffer.from('a\n')); // 2
 */
export function pemSafeCut(buf: Buffer): number {
  const blocks = walkPemBlocks(buf);
  const last = blocks[blocks.length - 1];
  if (last === undefined || !last.open || last.headerStart === 0) return buf.length;
  const above = last.headerStart === 1 ? 0 : buf.lastIndexOf(NEWLINE, last.headerStart - 2) + 1;
  return above > 0 ? above : last.headerStart;
}

/**
 * The bytes a PEM body's fingerprint is taken over: the body without whitespace, so the same
 * key gives the same fingerprint with LF or CRLF line ends and any indentation.
 *
 * @example
 * pemFingerprintBytes(Buffer.from('  MIIE\r\n  AAAA')).toString(); // 'MIIEAAAA'
 */
export function pemFingerprintBytes(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(body.length);
  let n = 0;
  for (const c of body) if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) out[n++] = c;
  return out.subarray(0, n);
}
