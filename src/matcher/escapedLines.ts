/**
 * Lines that hide text behind `\uXXXX` escapes: `"\u0041KIA…"`, `"pass\u0077ord":…`,
 * Gson's HTML-safe `token\u003dabc`, at any JSON escaping depth (`\\u0041`) — or behind
 * escaped slashes (PHP's and Monolog's `https:\/\/hooks.slack.com\/services\/…`). The matcher runs
 * once more over such a line with the escapes of printable ASCII decoded, and the spans it
 * finds there are mapped back onto the raw bytes: the mask covers exactly the raw escapes.
 *
 * Quotes and backslashes (`\u0022`, `\u0027`, `\u005c`) stay escaped: decoding them would
 * change the structure of the line (end a string early) rather than reveal its text.
 */
import type { Span } from './span.js';

const BACKSLASH = 0x5c;
const SLASH = 0x2f;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * The decoded char of an escape of printable ASCII at `i` (one or more backslashes, `u00`,
 * two hex digits), and the index after it; or undefined.
 */
function escapeAt(buf: Buffer, i: number, end: number): [number, number] | undefined {
  let j = i;
  while (j < end && buf[j] === BACKSLASH) j++;
  if (j === i) return undefined;
  if (buf[j] === SLASH) return [SLASH, j + 1]; // PHP's and Monolog's https:\/\/host\/path
  if (j + 5 > end || buf[j] !== 0x75 || buf[j + 1] !== 0x30 || buf[j + 2] !== 0x30) return undefined;
  const hi = hexValue(buf[j + 3]!);
  const lo = hexValue(buf[j + 4]!);
  if (hi < 0 || lo < 0) return undefined;
  const c = hi * 16 + lo;
  if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x27 || c === BACKSLASH) return undefined;
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

/** The first `\u00` or `\/` at or after `from`, or -1. */
function nextEscape(buf: Buffer, from: number): number {
  const u = buf.indexOf('\\u00', from);
  const slash = buf.indexOf('\\/', from);
  return u === -1 ? slash : slash === -1 ? u : Math.min(u, slash);
}

/** True when `buf` holds an escape this view decodes (`\u00XX`, `\/`). */
export function hasEscapes(buf: Buffer): boolean {
  return nextEscape(buf, 0) !== -1;
}

function decodeAndFind(buf: Buffer, lineStart: number, lineEnd: number, find: (line: Buffer) => readonly Span[], out: Span[]): void {
  const decoded = Buffer.allocUnsafe(lineEnd - lineStart);
  // rawOf[k]: where decoded byte k starts in buf; rawOf[n]: the line's end.
  const rawOf = new Int32Array(lineEnd - lineStart + 1);
  let n = 0;
  let escapes = 0;
  for (let i = lineStart; i < lineEnd; ) {
    const e = buf[i] === BACKSLASH ? escapeAt(buf, i, lineEnd) : undefined;
    rawOf[n] = i;
    if (e === undefined) {
      decoded[n++] = buf[i++]!;
    } else {
      decoded[n++] = e[0];
      i = e[1];
      escapes++;
    }
  }
  if (escapes === 0) return;
  rawOf[n] = lineEnd;
  for (const s of find(decoded.subarray(0, n))) out.push({ start: rawOf[s.start]!, end: rawOf[s.end]!, rule: s.rule });
}
