/**
 * The text of `git log -p` / `git diff` → the lines each change added, incrementally: bytes
 * are pushed as the git process writes them and nothing but the line being read is kept, so
 * a history of any length is parsed in bounded memory.
 *
 * What it reads (the flags gitHistory.ts passes make it stable whatever the user's config):
 * - a commit header line `\0<sha> <author date>` (`--format=%x00%H %aI`: no diff line can
 *   start with a NUL, as every line of a hunk carries its prefix);
 * - per file, `diff …`, then `--- a/…` and `+++ b/…` (or `"b/…"` C-quoted, `/dev/null` for a
 *   deletion; git appends a tab to an unquoted name holding a space);
 * - hunks `@@ -a,b +c,d @@` (or a combined diff's `@@@ -a,b -c,d +e,f @@@` for a merge, one
 *   prefix column per parent), read by their line counts — so an added line whose text is
 *   `++ b/x` or `diff --git` is content, never a header. An added line is one whose prefix is
 *   `+` in every column: new against every parent (a merge's own lines, an "evil merge");
 *   lines a merge took from one side were read in the commit that added them.
 * - `\ No newline at end of file` after a line, ignored.
 */

const NEWLINE = 0x0a;
const NUL = 0x00;
const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;

/**
 * A line longer than this is handed on in pieces of about this size, each at the same line
 * number (a secret across a cut could be missed; the memory stays bounded).
 */
export const MAX_PATCH_LINE = 16 * 1024 * 1024;

/** What the parser found, in patch order. */
export interface PatchEvents {
  /** A commit header: its full hex name and author date (strict ISO 8601). */
  commit(sha: string, date: string): void;
  /** A file diff whose new side is `path` (as git names it, from the top of the repository) begins. */
  file(path: string): void;
  /** A file diff ends (before the next file, commit, or the end). */
  fileEnd(): void;
  /**
   * An added line's bytes, `buf[start, end)` (without its prefix and newline; a `\r` of a CRLF
   * line kept), and its 1-based line number in the new file. `buf` is only valid during the
   * call. A line longer than {@link MAX_PATCH_LINE} comes in several pieces with one number.
   */
  added(buf: Buffer, start: number, end: number, line: number): void;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 0x22, '\\': 0x5c };

/**
 * A path as git prints it after `+++ `: `b/name` (plus a tab when the name holds a space) or
 * `"b/na\tme"` C-quoted with octal escapes for other bytes; undefined for `/dev/null`.
 *
 * @example
 * newSidePath('"b/\\303\\251.txt"'); // 'é.txt'
 */
export function newSidePath(text: string): string | undefined {
  if (text.startsWith('"')) {
    const bytes: number[] = [];
    for (let i = 1; i < text.length && text[i] !== '"'; i++) {
      const c = text[i]!;
      if (c !== '\\') {
        for (const b of Buffer.from(c, 'latin1')) bytes.push(b);
        continue;
      }
      const next = text[++i] ?? '';
      if (/[0-7]/.test(next)) {
        bytes.push(parseInt(text.slice(i, i + 3), 8) & 0xff);
        i += 2;
      } else bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
    }
    const name = Buffer.from(bytes).toString('utf8');
    return name.startsWith('b/') ? name.slice(2) : name;
  }
  const name = Buffer.from(text.endsWith('\t') ? text.slice(0, -1) : text, 'latin1').toString('utf8');
  if (name === '/dev/null') return undefined;
  return name.startsWith('b/') ? name.slice(2) : name;
}

/** A hunk being read: how many lines of each side are still to come. */
interface Hunk {
  /** Prefix columns: 1 for a plain diff, one per parent for a combined diff. */
  readonly columns: number;
  /** Lines still to come from each parent's side. */
  readonly old: number[];
  /** Lines still to come on the new side. */
  remainingNew: number;
  /** Line number of the next new-side line. */
  nextLine: number;
}

const HUNK_HEADER = /^(@{2,}) ((?:-\d+(?:,\d+)? )+)\+(\d+)(?:,(\d+))? @{2,}/;

function parseHunk(header: string): Hunk | undefined {
  const m = HUNK_HEADER.exec(header);
  if (m === null) return undefined;
  const columns = m[1]!.length - 1;
  const old = m[2]!
    .trim()
    .split(' ')
    .map((r) => {
      const comma = r.indexOf(',');
      return comma === -1 ? 1 : Number(r.slice(comma + 1));
    });
  if (old.length !== columns) return undefined;
  const start = Number(m[3]);
  return { columns, old, remainingNew: m[4] === undefined ? 1 : Number(m[4]), nextLine: start };
}

/**
 * @example
 * const parser = new PatchParser({ commit() {}, file(p) {}, fileEnd() {}, added(b, s, e, n) { console.log(n, b.toString('utf8', s, e)); } });
 * parser.push(Buffer.from('+++ b/a.txt\n@@ -0,0 +1 @@\n+hello\n'));
 * parser.end(); // logs: 1 hello
 */
export class PatchParser {
  private hunk: Hunk | undefined;
  private inFile = false;
  /** Bytes of the current line from earlier chunks. */
  private carry: Buffer[] = [];
  private carryBytes = 0;
  /** The current line was already handed on in part (a long added line), or dropped (a long other line). */
  private piecesSent = false;
  private dropping = false;
  /** The prefix columns of a long line handed on or dropped, to count it off its hunk when it ends. */
  private longPrefix: Buffer | undefined;

  constructor(private readonly events: PatchEvents) {}

  push(chunk: Buffer): void {
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, from);
      if (nl === -1) {
        this.hold(chunk.subarray(from));
        return;
      }
      const start = from;
      from = nl + 1;
      // PERF: a line is read where it lies in the chunk (offsets, no Buffer per line).
      if (this.carryBytes === 0 && !this.piecesSent && !this.dropping) {
        this.line(chunk, start, nl);
        continue;
      }
      this.carry.push(chunk.subarray(start, nl));
      this.carryBytes += nl - start;
      this.finishLongLine();
    }
  }

  end(): void {
    if (this.carryBytes > 0 || this.piecesSent || this.dropping) this.finishLongLine();
    if (this.inFile) this.events.fileEnd();
    this.inFile = false;
    this.hunk = undefined;
  }

  /** Keeps a partial line; past the bound, an added line is handed on in a piece, another dropped. */
  private hold(part: Buffer): void {
    if (this.dropping) return;
    this.carry.push(Buffer.from(part)); // copied: the chunk is not kept for one partial line
    this.carryBytes += part.length;
    if (this.carryBytes < MAX_PATCH_LINE) return;
    const data = Buffer.concat(this.carry, this.carryBytes);
    this.carry = [];
    this.carryBytes = 0;
    const hunk = this.hunk;
    if (hunk !== undefined && !this.piecesSent) this.longPrefix = Buffer.from(data.subarray(0, hunk.columns));
    if (hunk !== undefined && (this.piecesSent || isAdded(data, 0, data.length, hunk.columns))) {
      this.events.added(data, this.piecesSent ? 0 : hunk.columns, data.length, hunk.nextLine);
      this.piecesSent = true;
    } else this.dropping = true;
  }

  private finishLongLine(): void {
    const data = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryBytes);
    this.carry = [];
    this.carryBytes = 0;
    const prefix = this.longPrefix;
    this.longPrefix = undefined;
    if (this.dropping) {
      this.dropping = false;
      if (prefix !== undefined) this.lineDone(prefix, 0);
      return;
    }
    if (this.piecesSent) {
      this.piecesSent = false;
      if (data.length > 0) this.events.added(data, 0, data.length, this.hunk!.nextLine);
      this.lineDone(prefix!, 0);
      return;
    }
    this.line(data, 0, data.length);
  }

  /** One complete line, `buf[start, end)` (without its newline). */
  private line(buf: Buffer, start: number, end: number): void {
    const hunk = this.hunk;
    const first = start < end ? buf[start] : undefined;
    if (hunk !== undefined) {
      if (first === BACKSLASH) return; // "\ No newline at end of file"
      if (isAdded(buf, start, end, hunk.columns)) this.events.added(buf, start + hunk.columns, end, hunk.nextLine);
      this.lineDone(buf, start);
      return;
    }
    if (first === undefined) return;
    const line = buf.subarray(start, end); // a header line: rare
    if (first === NUL) {
      this.closeFile();
      const header = line.toString('latin1', 1);
      const space = header.indexOf(' ');
      this.events.commit(header.slice(0, space), header.slice(space + 1));
    } else if (line[0] === 0x64 /* d */ && line.toString('latin1', 0, 5) === 'diff ') {
      this.closeFile();
    } else if (line[0] === 0x40 /* @ */) {
      this.hunk = parseHunk(line.toString('latin1', 0, Math.min(line.length, 200)));
      if (this.hunk !== undefined) this.settle();
    } else if (line[0] === PLUS && line.toString('latin1', 0, 4) === '+++ ') {
      const path = newSidePath(line.toString('latin1', 4));
      if (path !== undefined) {
        this.inFile = true;
        this.events.file(path);
      }
    }
  }

  /**
   * Counts a hunk line off its sides (by its prefix): present in parent i unless its column i
   * is `+`; on the new side unless any column is `-`.
   */
  private lineDone(buf: Buffer, start: number): void {
    const hunk = this.hunk;
    if (hunk === undefined) return;
    let removed = false;
    for (let i = 0; i < hunk.columns; i++) {
      const c = buf[start + i];
      if (c === MINUS) removed = true;
      if (c !== PLUS && hunk.old[i]! > 0) hunk.old[i]!--;
    }
    if (!removed) {
      hunk.remainingNew--;
      hunk.nextLine++;
    }
    this.settle();
  }

  /** Ends the hunk once every side is read. */
  private settle(): void {
    const hunk = this.hunk!;
    if (hunk.remainingNew > 0) return;
    for (const n of hunk.old) if (n > 0) return;
    this.hunk = undefined;
  }

  private closeFile(): void {
    if (this.inFile) this.events.fileEnd();
    this.inFile = false;
    this.hunk = undefined;
  }
}

/** True when the line `buf[start, end)` has `+` in every prefix column. */
function isAdded(buf: Buffer, start: number, end: number, columns: number): boolean {
  if (end - start < columns) return false;
  for (let i = 0; i < columns; i++) if (buf[start + i] !== PLUS) return false;
  return true;
}
