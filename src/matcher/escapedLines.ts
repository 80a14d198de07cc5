/**
 * Lines that hide text behind `\uXXXX` escapes: `"\u0041KIA…"`, `"pass\u0077ord":…`,
 * Gson's HTML-safe `token\u003dabc`, at any JSON escaping depth (`\\u0041`) — or behind
 * escaped slashes (PHP's and Monolog's `https:\/\/hooks.slack.com\/services\/…`), or broken up
 * by terminal colour codes (a logger writing to a TTY: `\x1b[36mpassword\x1b[0m=…`). The matcher runs
 * once more over such a line with the escapes of printable ASCII decoded, and the spans it
 * finds there are mapped back onto the raw bytes: the mask covers exactly the raw escapes.
 *
 * Quotes and backslashes (`\u0022`, `\u0027`, `\u005c`) stay escaped: decoding them would
 * change the structure of the line (end a string early) rather than reveal its text.
 */
import type { Span } from './span.js';

const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const ESC = 0x1b;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * The code point of an escape at `i` (one or more backslashes, then `/` or `u` and four hex
 * digits) that this view decodes, and the index after it; or undefined. Control characters,
 * quotes, backslashes and surrogates stay escaped.
 */
function escapeAt(buf: Buffer, i: number, end: number): [number, number] | undefined {
  let j = i;
  while (j < end && buf[j] === BACKSLASH) j++;
  if (j === i) return undefined;
  if (buf[j] === SLASH) return [SLASH, j + 1]; // PHP's and Monolog's https:\/\/host\/path
  if (j + 5 > end || buf[j] !== 0x75) return undefined;
  let c = 0;
  for (let k = j + 1; k <= j + 4; k++) {
    const h = hexValue(buf[k]!);
    if (h < 0) return undefined;
    c = c * 16 + h;
  }
  if (c < 0x20 || c === 0x7f || c === 0x22 || c === 0x27 || c === BACKSLASH || (c >= 0xd800 && c <= 0xdfff)) return undefined;
  return [c, j + 5];
}

/**
 * For each line of `buf` that holds an escape of printable ASCII, `find` runs on the line
 * with those escapes decoded; its spans, mapped back to `buf`'s raw offsets, are appended to
 * `out`. Lines without such an escape cost one `indexOf` over the buffer.
 */
export function findInEscapedLines(buf: Buffer, find: (line: Buffer) => readonly Span[], out: Span[]): void {
  for (let from = 0; from < buf.length; ) {
    const at = nextEscape(buf, from);
    if (at === -1) return;
    const lineStart = buf.lastIndexOf(0x0a, at) + 1;
    let lineEnd = buf.indexOf(0x0a, at);
    if (lineEnd === -1) lineEnd = buf.length;
    decodeAndFind(buf, lineStart, lineEnd, find, out);
    from = lineEnd + 1;
  }
}

/** The first `\u`, `\/` or ESC at or after `from`, or -1. */
function nextEscape(buf: Buffer, from: number): number {
  let first = -1;
  for (const at of [buf.indexOf('\\u', from), buf.indexOf('\\/', from), buf.indexOf(ESC, from)]) {
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  return first;
}

/**
 * The end of an ANSI colour code (SGR: ESC `[` digits and `;` then `m`) at `i`, raw or as a
 * JSON escape of ESC (`\u001b`, any depth); `i` when there is none.
 */
function ansiAt(buf: Buffer, i: number, end: number): number {
  let j = i;
  if (buf[j] === ESC) j++;
  else if (buf[j] === BACKSLASH) {
    while (j < end && buf[j] === BACKSLASH) j++;
    if (j + 5 > end || buf.toString('latin1', j, j + 5).toLowerCase() !== 'u001b') return i;
    j += 5;
  } else return i;
  if (buf[j] !== 0x5b /* [ */) return i;
  j++;
  const limit = Math.min(end, j + 16);
  while (j < limit && ((buf[j]! >= 0x30 && buf[j]! <= 0x39) || buf[j] === 0x3b)) j++;
  return buf[j] === 0x6d /* m */ ? j + 1 : i;
}

/** True when `buf` may hold an escape this view decodes (`\uXXXX`, `\/`, a colour code). */
export function hasEscapes(buf: Buffer): boolean {
  // PERF: two byte searches (memchr) settle most buffers; the string searches only run when a
  // backslash is there. Three string searches were a quarter of a short clean line's cost.
  if (buf.indexOf(ESC) !== -1) return true;
  return buf.indexOf(BACKSLASH) !== -1 && nextEscape(buf, 0) !== -1;
}

function decodeAndFind(buf: Buffer, lineStart: number, lineEnd: number, find: (line: Buffer) => readonly Span[], out: Span[]): void {
  // A decoded escape is never longer than the escape (≤ 3 UTF-8 bytes for 6+ raw bytes).
  const decoded = Buffer.allocUnsafe(lineEnd - lineStart);
  // rawOf[k] / rawEnd[k]: where decoded byte k's character starts and ends in buf (every byte
  // of a decoded character maps to its whole escape). A span ends where its last character
  // does: a colour code dropped after a value stays in the output.
  const rawOf = new Int32Array(lineEnd - lineStart + 1);
  const rawEnd = new Int32Array(lineEnd - lineStart + 1);
  let n = 0;
  let escapes = 0;
  for (let i = lineStart; i < lineEnd; ) {
    // A terminal colour code, raw or JSON-escaped (`\x1b[36m`, `\u001b[0m`): dropped.
    const ansi = ansiAt(buf, i, lineEnd);
    if (ansi > i) {
      i = ansi;
      escapes++;
      continue;
    }
    const e = buf[i] === BACKSLASH ? escapeAt(buf, i, lineEnd) : undefined;
    if (e === undefined) {
      rawOf[n] = i;
      rawEnd[n] = i + 1;
      decoded[n++] = buf[i++]!;
      continue;
    }
    const c = e[0];
    const bytes = c < 0x80 ? [c] : c < 0x800 ? [0xc0 | (c >> 6), 0x80 | (c & 63)] : [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    for (const b of bytes) {
      rawOf[n] = i;
      rawEnd[n] = e[1];
      decoded[n++] = b;
    }
    i = e[1];
    escapes++;
  }
  if (escapes === 0) return;
  for (const s of find(decoded.subarray(0, n))) out.push({ start: rawOf[s.start]!, end: rawEnd[s.end - 1]!, rule: s.rule });
}
