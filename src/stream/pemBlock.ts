/**
 * Multi-line PEM private keys: a `-----BEGIN … PRIVATE KEY-----` header opens a block whose
 * following lines carry key material until the matching END line. Rules see one line at a
 * time and cannot tell a base64 body line from any other, so the stream layer (and
 * `logveil scan`) tracks the block with a `PemBlock` and masks the body of each line it is
 * handed. It learns of candidate header lines from the matcher (the lines where the
 * private-key rule's keyword occurs).
 *
 * Header lines that open a block:
 * - the header alone at the end of its line (`-----BEGIN RSA PRIVATE KEY-----`, also after
 *   a logger's prefix: `Dec  7 00:00:01 host app[12]: -----BEGIN …-----`);
 * - the header as the whole of a quoted value, line breaks escaped or not
 *   (`{"msg":"-----BEGIN …-----"}`, `{"log":"-----BEGIN …-----\n","stream":"stdout"}`,
 *   `msg="-----BEGIN …-----"`): a key logged one line per entry;
 * - the header with the first body line glued to it (`-----BEGIN PRIVATE KEY-----MIIEv…`,
 *   also `\n`-escaped body lines) when no END follows on the line: the private-key rule masks
 *   that line, the block the lines after it.
 *
 * Body lines. With nothing but whitespace before the header, every line is masked whole up to
 * END, whatever it holds (fail closed; as before wrappers were handled). After a prefix, the
 * block reads each line as either a bare body line (base64 only: a multi-line message printed
 * after one prefixed line) or a wrapped one: the prefix's last key (`"msg`, `msg`, `app[12]`,
 * `\"msg` one JSON level deeper) followed by its separator and a base64 run that ends its value
 * — only that run is masked, so the wrapper stays readable and JSON stays valid. Other lines
 * (another request's entry logged in between) are left alone. Such a block must show a body
 * line ≥ 16 base64 characters within {@link PEM_FIRST_BODY_WITHIN} lines (else the header was
 * a mention, `{"msg":"expected -----BEGIN RSA PRIVATE KEY-----"}`, and the block closes).
 * On the END line, body bytes glued before the footer (`…pQ==-----END …`, `\n`-escaped lines
 * in a wrapper) are masked too.
 */

const MARKER = Buffer.from('PRIVATE KEY');
const BEGIN = Buffer.from('-----BEGIN ');
const END = Buffer.from('-----END ');
const DASHES = Buffer.from('-----');
const LABEL = /^[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?$/;

/** Lines masked at most in one block before the stream gives up waiting for END (fail closed: all of them were masked). */
export const PEM_BLOCK_MAX_LINES = 1000;
/** Lines a block opened after a prefix waits for its first body line before it takes the header for a mention. */
export const PEM_FIRST_BODY_WITHIN = 8;
/** Base64 characters the first body line must hold (PEM lines hold 64; OpenSSH 70). */
const FIRST_BODY_MIN = 16;

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Bytes `[start, end)` of a line that hold key material. */
export interface PemBodySpan {
  readonly start: number;
  readonly end: number;
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

function isBase64(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x3d);
}

/** Characters of a key in a logger's prefix (`msg`, `app[12]`, `c.e.App`). */
function isKeyByte(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x40 || c === 0x24 || c === 0x5b || c === 0x5d);
}

/** Characters between a key and its value (`":"`, `": "`, `=`, `"=>"`, `]: `, ` - `, `\":\"`). */
function isSeparatorByte(c: number | undefined): boolean {
  return c === QUOTE || c === APOSTROPHE || c === BACKSLASH || c === 0x3a || c === 0x3d || c === 0x3e || c === 0x2d || c === 0x7c || c === 0x20 || c === 0x09;
}

function isQuote(c: number | undefined): boolean {
  return c === QUOTE || c === APOSTROPHE;
}

/** Length of an escaped line break (`\n`, `\r`, `\t` at any JSON depth: `\\n`, `\\\\n`) at `p`, else 0. */
function escapedBreak(line: Buffer, p: number): number {
  let q = p;
  while (line[q] === BACKSLASH) q++;
  if (q === p) return 0;
  const c = line[q];
  return c === 0x6e || c === 0x72 || c === 0x74 ? q + 1 - p : 0;
}

/** `p` past whitespace and escaped line breaks. */
function skipBreaks(line: Buffer, p: number): number {
  for (;;) {
    if (isSpace(line[p])) p++;
    else {
      const n = escapedBreak(line, p);
      if (n === 0) return p;
      p += n;
    }
  }
}

/** A run of body bytes: base64 runs joined by escaped line breaks (`\/` escapes count as `/`). */
interface Stretch {
  /** End of the last base64 byte (start when there is none). */
  readonly end: number;
  /** Longest base64 run. */
  readonly longest: number;
  /** Whether it holds a digit, `+`, `/` or `=`, and whether a letter: a short run needs both to pass for base64. */
  readonly mixed: boolean;
}

function readStretch(line: Buffer, start: number): Stretch {
  let p = start;
  let end = start;
  let run = 0;
  let longest = 0;
  let symbol = false;
  let letter = false;
  while (p < line.length) {
    const c = line[p]!;
    if (isBase64(c)) {
      if (c <= 0x39 || c === 0x3d) symbol = true;
      else letter = true;
      run++;
      p++;
      end = p;
      continue;
    }
    if (c === BACKSLASH) {
      let q = p;
      while (line[q] === BACKSLASH) q++;
      if (line[q] === 0x2f) {
        // `\/`: JSON's escaped slash (PHP prints every `/` that way).
        symbol = true;
        run++;
        p = end = q + 1;
        continue;
      }
      const n = escapedBreak(line, p);
      if (n > 0 && isBase64(line[p + n])) {
        longest = Math.max(longest, run);
        run = 0;
        p += n;
        continue;
      }
    }
    break;
  }
  return { end, longest: Math.max(longest, run), mixed: symbol && letter };
}

/**
 * True when a value ends at `p`: the end of the line, its closing quote (escaped or not),
 * or, for an unquoted value, a delimiter.
 */
function endsValue(line: Buffer, p: number, quoted: boolean): boolean {
  p = skipBreaks(line, p);
  if (p >= line.length) return true;
  let q = p;
  while (line[q] === BACKSLASH) q++;
  if (isQuote(line[q])) return true;
  if (quoted) return false;
  const c = line[p];
  return c === 0x20 || c === 0x09 || c === 0x2c || c === 0x3b || c === 0x7d || c === 0x5d || c === 0x29 || c === 0x3c;
}

/** Where the footer (`-----END … PRIVATE KEY`) starts on `line`, or -1. */
function footerAt(line: Buffer): number {
  const at = line.indexOf(END);
  return at !== -1 && line.indexOf(MARKER, at) !== -1 ? at : -1;
}

/**
 * The key that precedes a header's value in `prefix` (the header line up to the header):
 * `"msg` of `{"level":30,"msg":"`, `msg` of `msg="`, `app[12]` of `host app[12]: `, `\"msg`
 * of `{\"msg\":\"`; '' when the prefix is only separators; undefined when it is blank.
 */
function keyOf(prefix: Buffer): { readonly key: Buffer | undefined; readonly quoted: boolean } {
  let p = prefix.length;
  while (p > 0 && isSpace(prefix[p - 1])) p--;
  if (p === 0) return { key: undefined, quoted: false };
  const quoted = isQuote(prefix[p - 1]);
  while (p > 0 && isSeparatorByte(prefix[p - 1])) p--;
  const keyEnd = p;
  while (p > 0 && isKeyByte(prefix[p - 1])) p--;
  if (p === keyEnd) return { key: Buffer.alloc(0), quoted };
  while (p > 0 && (isQuote(prefix[p - 1]) || prefix[p - 1] === BACKSLASH)) p--;
  return { key: Buffer.from(prefix.subarray(p, keyEnd)), quoted };
}

/** A body found after the key on a wrapped line: its span, and its stretch. */
interface Wrapped extends PemBodySpan {
  readonly stretch: Stretch;
}

/**
 * One open PEM block: how its body lines are read, and how many were. Made by
 * {@link PemBlock.open} from a header line; then hand it each following line, in order, with
 * {@link PemBlock.read} until {@link PemBlock.done}.
 *
 * @example
 * const block = PemBlock.open(Buffer.from('{"msg":"-----BEGIN RSA PRIVATE KEY-----"}'))!;
 * block.read(Buffer.from('{"msg":"MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1x"}')); // { start: 8, end: 40 }
 * block.read(Buffer.from('{"msg":"-----END RSA PRIVATE KEY-----"}')); // undefined
 * block.done; // true
 */
export class PemBlock {
  private lines = 0;
  private over = false;

  /**
   * @param key the key before the value on wrapped lines (see `keyOf`), undefined to mask
   *   every line whole
   * @param confirmed whether key material was seen already (a glued body)
   */
  private constructor(
    private readonly key: Buffer | undefined,
    private confirmed: boolean,
    /**
     * Whether key material sits on the header line (a glued body): the private-key rule masks
     * and counts it there, so the block's lines are the same secret, not a new one.
     */
    readonly bodyOnHeader = false,
  ) {}

  /** A block whose lines are all masked whole up to END (a header alone on its line). */
  static wholeLines(): PemBlock {
    return new PemBlock(undefined, true);
  }

  /** The block `line` (without its `\n`) opens, if its header opens one (see the module doc). */
  static open(line: Buffer): PemBlock | undefined {
    const at = line.lastIndexOf(BEGIN);
    if (at === -1) return undefined;
    const labelEnd = line.indexOf(DASHES, at + BEGIN.length);
    if (labelEnd === -1 || labelEnd - at > 64 || !LABEL.test(line.toString('latin1', at + BEGIN.length, labelEnd))) return undefined;
    const after = skipBreaks(line, labelEnd + DASHES.length);
    const { key, quoted } = keyOf(line.subarray(0, at));
    if (after >= line.length) return new PemBlock(key, key === undefined);
    let q = after;
    while (line[q] === BACKSLASH) q++;
    // The header is the whole of a quoted value: `"-----BEGIN …-----"`, `\"-----BEGIN …-----\n\"`.
    if (isQuote(line[q])) return quoted ? new PemBlock(key, false) : undefined;
    // A body glued to the header, to the end of its value, with no END after it.
    const glued = readStretch(line, after);
    if (glued.end - after < FIRST_BODY_MIN || !endsValue(line, glued.end, quoted || key === undefined)) return undefined;
    return new PemBlock(key, true, true);
  }

  /** True once the block is over: its END line was read, it hit its bound, or it was a mention. */
  get done(): boolean {
    return this.over;
  }

  /**
   * Reads the next line of the block (without its `\n`): returns the bytes of it to mask, if
   * any. After an END line, or the last line within the bounds, {@link done} is true.
   */
  read(line: Buffer): PemBodySpan | undefined {
    if (this.over) return undefined;
    this.lines++;
    const footer = footerAt(line);
    if (footer !== -1) {
      this.over = true;
      return this.gluedBeforeFooter(line, footer);
    }
    const span = this.key === undefined ? this.wholeLine(line) : this.bodyOf(line);
    if (this.lines >= (this.confirmed ? PEM_BLOCK_MAX_LINES : PEM_FIRST_BODY_WITHIN)) this.over = true;
    return span;
  }

  private wholeLine(line: Buffer): PemBodySpan | undefined {
    let end = line.length;
    if (end > 0 && line[end - 1] === 0x0d) end--;
    return end > 0 ? { start: 0, end } : undefined;
  }

  /** A bare or wrapped body line after a prefixed header; undefined for any other line. */
  private bodyOf(line: Buffer): PemBodySpan | undefined {
    let start = 0;
    while (isSpace(line[start])) start++;
    const bare = readStretch(line, start);
    const found: Wrapped | undefined = bare.end > start && skipBreaks(line, bare.end) >= line.length ? { start, end: bare.end, stretch: bare } : this.wrapped(line);
    if (found === undefined) return undefined;
    const { longest, mixed } = found.stretch;
    if (!this.confirmed) {
      if (longest < FIRST_BODY_MIN) return undefined;
      this.confirmed = true;
    }
    // A short run is the last line of a body only if it looks like base64 (not `"msg":"done"`).
    return longest >= FIRST_BODY_MIN || mixed ? { start: found.start, end: found.end } : undefined;
  }

  /**
   * The value after this block's key on `line`, when it is a body run that ends the value; or,
   * when the prefix changes from line to line (a timestamp: `2025-03-03T19:27:56.42Z MIIE…`, as
   * CI runners print), a body run that ends the line after a blank.
   */
  private wrapped(line: Buffer): Wrapped | undefined {
    const key = this.key!;
    for (let at = key.length === 0 ? 0 : line.indexOf(key); at !== -1; at = line.indexOf(key, at + 1)) {
      if (key.length > 0 && isKeyByte(key[0]) && isKeyByte(line[at - 1])) continue; // `msg` inside `errmsg`
      let p = at + key.length;
      while (isSeparatorByte(line[p])) p++;
      const stretch = readStretch(line, p);
      if (stretch.end > p && endsValue(line, stretch.end, isQuote(line[p - 1]))) return { start: p, end: stretch.end, stretch };
      if (key.length === 0) return undefined;
    }
    let end = line.length;
    while (end > 0 && (line[end - 1] === 0x0d || isSpace(line[end - 1]))) end--;
    const blank = Math.max(line.lastIndexOf(0x20, end - 1), line.lastIndexOf(0x09, end - 1));
    if (blank <= 0) return undefined;
    const stretch = readStretch(line, blank + 1);
    return stretch.end === end && end > blank + 1 ? { start: blank + 1, end, stretch } : undefined;
  }

  /** Body bytes right before the footer on the END line (`pQ==-----END …`, `{"log":"pQ==\n-----END …`). */
  private gluedBeforeFooter(line: Buffer, footer: number): PemBodySpan | undefined {
    const starts: number[] = [];
    let p = 0;
    while (isSpace(line[p])) p++;
    starts.push(p);
    if (this.key !== undefined && this.key.length > 0) {
      const at = line.indexOf(this.key);
      if (at !== -1 && at < footer) {
        p = at + this.key.length;
        while (isSeparatorByte(line[p]) && p < footer) p++;
        starts.push(p);
      }
    }
    for (const start of starts) {
      const s = skipBreaks(line, start);
      const stretch = readStretch(line, s);
      if (stretch.end > s && skipBreaks(line, stretch.end) === footer) return { start: s, end: stretch.end };
    }
    return undefined;
  }
}
