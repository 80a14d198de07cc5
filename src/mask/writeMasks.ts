/**
 * Writing masks into bytes. Everything outside the (adjusted) spans is copied byte for byte;
 * the spans are replaced by their masks.
 *
 * JSON safety: a span may start or end inside a backslash escape of a JSON string (`\n`,
 * `\"`, `\u00e9`) — a token pattern does not know about escapes. Replacing half an escape
 * would leave `\` followed by `[` (invalid JSON) or drop the character a backslash escapes.
 * So a span that starts inside an escape grows left to the backslash, and a span that ends
 * inside one grows right to its end: more is masked, never less (fail closed), and a line
 * that was valid JSON stays valid JSON.
 */
import type { Span } from '../matcher/span.js';

const BACKSLASH = 0x5c;

function isHex(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
}

/** True when `buf[pos]` is a backslash that starts an escape (preceded by an even run). */
function isEscapeStart(buf: Uint8Array, pos: number): boolean {
  if (buf[pos] !== BACKSLASH) return false;
  let run = 0;
  for (let i = pos - 1; i >= 0 && buf[i] === BACKSLASH; i--) run++;
  return run % 2 === 0;
}

/** Length of the escape sequence starting at the backslash at `pos` (2, or 6 for `\uXXXX`). */
function escapeLength(buf: Uint8Array, pos: number): number {
  if (buf[pos + 1] === 0x75 /* u */ && isHex(buf[pos + 2]) && isHex(buf[pos + 3]) && isHex(buf[pos + 4]) && isHex(buf[pos + 5])) return 6;
  return 2;
}

/** Moves `start` left onto the backslash when it points inside an escape sequence. */
export function escapeSafeStart(buf: Uint8Array, start: number): number {
  for (let back = 1; back <= 5 && start - back >= 0; back++) {
    const p = start - back;
    if (isEscapeStart(buf, p)) return p + escapeLength(buf, p) > start ? p : start;
    if (buf[p] === BACKSLASH) continue;
    if (back > 1 && !isHex(buf[p]) && buf[p] !== 0x75) return start;
  }
  return start;
}

/** Moves `end` right past the escape sequence it cuts, if any. */
export function escapeSafeEnd(buf: Uint8Array, end: number): number {
  const start = escapeSafeStart(buf, end);
  if (start === end) return end;
  return Math.min(buf.length, start + escapeLength(buf, start));
}

/**
 * The pieces of `buf` with each span replaced by `maskFor(span, secretBytes)`, in order:
 * slices of `buf` (not copies) between the masks. `spans` must be sorted and non-overlapping
 * (as the matcher returns them).
 */
export function maskParts(buf: Buffer, spans: readonly Span[], maskFor: (span: Span, secret: Buffer) => Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let cursor = 0;
  for (const span of spans) {
    let start = escapeSafeStart(buf, span.start);
    const end = escapeSafeEnd(buf, span.end);
    if (start < cursor) start = cursor; // grown into the previous mask: it already covers it
    if (end <= start) continue;
    if (start > cursor) parts.push(buf.subarray(cursor, start));
    const mask = maskFor(span, buf.subarray(span.start, span.end));
    if (mask.length > 0) parts.push(mask);
    cursor = end;
  }
  if (cursor < buf.length) parts.push(buf.subarray(cursor));
  return parts;
}

/** `buf` with each span replaced by its mask, as one new Buffer (see `maskParts`). */
export function writeMasks(buf: Buffer, spans: readonly Span[], maskFor: (span: Span, secret: Buffer) => Uint8Array): Buffer {
  return Buffer.concat(maskParts(buf, spans, maskFor));
}
