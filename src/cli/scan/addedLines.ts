/**
 * Added lines (from gitPatch.ts) → scan findings placed at their commit, path and line in the
 * new file. The lines of many hunks, files and commits are copied into one buffer and scanned
 * in one content-scanner call, then each finding is mapped back through the run of lines
 * ("segment": consecutive new-file lines of one hunk) it fell in.
 *
 * PERF: one scanner call per hunk cost a redactor call per hunk (tens of thousands on a
 * history of a few thousand commits, most of them a line or two); batches of ~1 MiB keep the
 * per-call cost out of the way, as the file scan's batches do (see bench/gitHistory.ts).
 *
 * Segments are separated by an empty line, so two hunks' lines never join into one line. A
 * PEM private key is read across lines, and a block opened in one hunk must not run on into
 * another file's lines: a segment holding `PRIVATE KEY` ends its batch.
 *
 * Binary files: the diff is asked for as text (`--text`, so a `.gitattributes` `-diff` cannot
 * hide a file from the gate), and a file whose first 8000 added bytes hold a NUL is skipped as
 * binary — git's own test, on what the diff shows.
 *
 * Offsets: a finding's `start`/`end` count bytes from the first added line of its hunk (the
 * diff holds nothing of the file before it).
 */
import type { ContentScanner } from './contentScanner.js';
import type { GitCommit, ScanFinding } from './scanFinding.js';
import { BINARY_SNIFF } from './scanInput.js';
import { pemSafeCut } from './pemBlocks.js';

/** Bytes gathered before a batch is scanned (at a hunk boundary). */
const BATCH_BYTES = 1024 * 1024;
/** A single hunk longer than this is scanned in blocks of complete lines, never cutting a PEM key. */
const HUNK_BLOCK = 8 * 1024 * 1024;
const NEWLINE = 0x0a;
const PEM_MARKER = Buffer.from('PRIVATE KEY');

interface Segment {
  /** 1-based line of the buffer where it starts. */
  firstLine: number;
  /** Byte of the buffer where it starts. */
  firstByte: number;
  /** Bytes of this hunk scanned in earlier blocks (a long hunk cut in blocks). */
  readonly byteBase: number;
  readonly path: string;
  readonly commit: GitCommit | undefined;
  /** New-file line number of its first line. */
  readonly newLine: number;
  /** Line count so far. */
  lines: number;
  /** The new-file line number of its last line (a long line comes in pieces with one number). */
  lastNewLine: number;
}

/** What was scanned of one path, over every commit. */
export interface PathTotals {
  bytes: number;
  readonly findings: ScanFinding[];
  allowedInline: number;
}

/**
 * @example
 * const lines = new AddedLines(scanner, (path) => allow.path(path));
 * const line = Buffer.from('password=hunter2');
 * lines.file('src/a.ts', commit); lines.add(line, 0, line.length, 3); lines.fileEnd();
 * lines.end(); lines.byPath.get('src/a.ts')?.findings; // [{ path: 'src/a.ts', line: 3, commit, … }]
 */
export class AddedLines {
  /** Results by path, in order of first appearance. */
  readonly byPath = new Map<string, PathTotals>();
  /** Paths skipped as binary (in at least one commit). */
  readonly binary = new Set<string>();
  /** Paths skipped by `allowPaths`. */
  readonly allowedPaths = new Set<string>();

  private buf = Buffer.allocUnsafe(BATCH_BYTES + 64 * 1024);
  private len = 0;
  /** Lines in the buffer (each ends in a newline). */
  private lines = 0;
  private segments: Segment[] = [];
  /** The current file diff: path shown, commit, whether its lines are skipped, how much was sniffed. */
  private path: string | undefined;
  private commit: GitCommit | undefined;
  private skip = false;
  private sniffed = 0;
  /** Where the current file's lines begin in the buffer (to drop them when it proves binary). */
  private fileStart = { len: 0, lines: 0, segments: 0 };
  private fileBytes = 0;

  constructor(
    private readonly scanner: ContentScanner,
    private readonly allowedPath: (path: string) => boolean,
  ) {}

  /** A file diff begins: `path` as reported, in `commit` (none for staged changes). */
  file(path: string, commit: GitCommit | undefined): void {
    this.path = path;
    this.commit = commit;
    this.sniffed = 0;
    this.fileBytes = 0;
    this.skip = this.allowedPath(path);
    if (this.skip) this.allowedPaths.add(path);
    this.fileStart = { len: this.len, lines: this.lines, segments: this.segments.length };
  }

  /** An added line, `buf[start, end)`, at `newLine` of the new file (copied: `buf` may be reused). */
  add(buf: Buffer, start: number, end: number, newLine: number): void {
    if (this.skip || this.path === undefined) return;
    if (this.sniffed < BINARY_SNIFF) {
      if (buf.subarray(start, Math.min(end, start + BINARY_SNIFF - this.sniffed)).includes(0)) {
        this.dropFile();
        return;
      }
      this.sniffed += end - start + 1;
    }
    let seg = this.segments[this.segments.length - 1];
    const continues = seg !== undefined && this.segments.length > this.fileStart.segments && seg.lastNewLine + 1 === newLine;
    if (!continues) {
      // A new hunk: the batch is scanned first when full (never while a file's first bytes
      // are still being sniffed: they may yet be dropped as binary).
      if (this.len >= BATCH_BYTES && this.sniffed >= BINARY_SNIFF) this.flush();
      else if (seg !== undefined && this.holdsPemMarker(seg)) this.flush(); // a PEM block must not read on into the next hunk
      if (this.segments.length > 0) this.append(); // the empty line between segments
      seg = { firstLine: this.lines + 1, firstByte: this.len, byteBase: 0, path: this.path, commit: this.commit, newLine, lines: 0, lastNewLine: newLine - 1 };
      this.segments.push(seg);
    } else if (this.len - seg!.firstByte >= HUNK_BLOCK && this.sniffed >= BINARY_SNIFF) {
      seg = this.cutLongHunk();
    }
    this.append(buf, start, end);
    seg!.lines++;
    seg!.lastNewLine = newLine;
    this.fileBytes += end - start + 1;
  }

  /**
   * True when the segment (the last in the batch) holds `PRIVATE KEY`: looked for once per
   * segment when it ends, not per line. PERF: with this and the parser's offsets (no Buffer
   * per line), a 59 MB patch of 40-byte added lines costs ~0.45 s of CPU to parse and batch and
   * ~0.1 s to scan, in process; `git log -p` producing it costs more (see bench/gitHistory.ts).
   */
  private holdsPemMarker(seg: Segment): boolean {
    return this.buf.subarray(seg.firstByte, this.len).includes(PEM_MARKER);
  }

  /** The current file diff ends. */
  fileEnd(): void {
    if (this.path !== undefined && !this.skip) this.totals(this.path).bytes += this.fileBytes;
    this.path = undefined;
  }

  /** Scans what is left. */
  end(): void {
    this.fileEnd();
    this.flush();
  }

  private totals(path: string): PathTotals {
    let t = this.byPath.get(path);
    if (t === undefined) {
      t = { bytes: 0, findings: [], allowedInline: 0 };
      this.byPath.set(path, t);
    }
    return t;
  }

  private dropFile(): void {
    this.len = this.fileStart.len;
    this.lines = this.fileStart.lines;
    this.segments.length = this.fileStart.segments;
    this.skip = true;
    this.binary.add(this.path!);
  }

  /** Appends `from[start, end)` and a newline (nothing given: an empty line). */
  private append(from?: Buffer, start = 0, end = 0): void {
    const n = end - start + 1;
    if (this.len + n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    if (from !== undefined) from.copy(this.buf, this.len, start, end);
    this.len += n;
    this.buf[this.len - 1] = NEWLINE;
    this.lines++;
  }

  /** Scans the whole batch and empties it. */
  private flush(): void {
    if (this.segments.length === 0) {
      this.len = 0;
      this.lines = 0;
      return;
    }
    const data = this.buf.subarray(0, this.len);
    const segments = this.segments;
    this.segments = [];
    this.scanBatch(data, segments);
    this.len = 0;
    this.lines = 0;
    this.fileStart = { len: 0, lines: 0, segments: 0 };
  }

  /**
   * Takes the first `count` segments (the bytes before `upTo`) out of the batch and moves the
   * rest to its front. Returns a copy of what was taken.
   */
  private takeBatch(upTo: number, count: number): { data: Buffer; segments: Segment[] } {
    const data = Buffer.from(this.buf.subarray(0, upTo));
    const segments = this.segments.splice(0, count);
    let takenLines = 0;
    for (let nl = data.indexOf(NEWLINE); nl !== -1; nl = data.indexOf(NEWLINE, nl + 1)) takenLines++;
    this.buf.copy(this.buf, 0, upTo, this.len);
    this.len -= upTo;
    this.lines -= takenLines;
    for (const s of this.segments) {
      s.firstByte -= upTo;
      s.firstLine -= takenLines;
    }
    this.fileStart = { len: Math.max(0, this.fileStart.len - upTo), lines: Math.max(0, this.fileStart.lines - takenLines), segments: Math.max(0, this.fileStart.segments - count) };
    return { data, segments };
  }

  /** A hunk past {@link HUNK_BLOCK}: the batch up to a PEM-safe cut inside it is scanned; the rest goes on. */
  private cutLongHunk(): Segment {
    const seg = this.segments[this.segments.length - 1]!;
    const own = this.buf.subarray(seg.firstByte, this.len);
    const cut = seg.firstByte + pemSafeCut(own);
    if (cut >= this.len) {
      // Nothing open at the end: scan everything, go on in a fresh segment.
      const next = this.continuation(seg, this.len);
      this.flush();
      next.firstLine = 1;
      next.firstByte = 0;
      this.segments.push(next);
      return next;
    }
    const next = this.continuation(seg, cut);
    // The taken part keeps `seg` (ending before the cut); the rest starts `next`.
    let cutLines = 0;
    for (let nl = own.indexOf(NEWLINE); nl !== -1 && seg.firstByte + nl < cut; nl = own.indexOf(NEWLINE, nl + 1)) cutLines++;
    seg.lines = cutLines;
    this.segments.push(next);
    const taken = this.takeBatch(cut, this.segments.length - 1);
    this.scanBatch(taken.data, taken.segments);
    next.firstLine = 1;
    next.firstByte = 0;
    return next;
  }

  /** The segment that goes on after `seg` is cut at byte `cut` of the buffer. */
  private continuation(seg: Segment, cut: number): Segment {
    let done = 0;
    const own = this.buf.subarray(seg.firstByte, cut);
    for (let nl = own.indexOf(NEWLINE); nl !== -1; nl = own.indexOf(NEWLINE, nl + 1)) done++;
    const newLine = seg.newLine + done;
    const lines = seg.lines - done;
    return {
      firstLine: this.lines - lines + 1,
      firstByte: cut,
      byteBase: seg.byteBase + (cut - seg.firstByte),
      path: seg.path,
      commit: seg.commit,
      newLine,
      lines,
      lastNewLine: seg.lastNewLine,
    };
  }

  /** Scans `data` (lines of `segments` with empty lines between) and files each finding under its path. */
  private scanBatch(data: Buffer, segments: readonly Segment[]): void {
    const { findings, allowedInline } = this.scanner.scan(data, '', { offset: 0, line: 1 });
    if (allowedInline > 0) {
      // Counted under the first path of the batch: the total is what the summary shows.
      this.totals(segments[0]!.path).allowedInline += allowedInline;
    }
    for (const f of findings) {
      const seg = segmentAt(segments, f.line);
      const delta = seg.firstByte - seg.byteBase;
      const finding: ScanFinding = {
        ...f,
        path: seg.path,
        line: seg.newLine + (f.line - seg.firstLine),
        endLine: seg.newLine + (f.endLine - seg.firstLine),
        start: f.start - delta,
        end: f.end - delta,
        ...(seg.commit === undefined ? {} : { commit: seg.commit }),
      };
      this.totals(seg.path).findings.push(finding);
    }
  }
}

/** The segment holding buffer line `line` (segments sorted by first line). */
function segmentAt(segments: readonly Segment[], line: number): Segment {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.firstLine <= line) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo]!;
}
