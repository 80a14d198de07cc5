/**
 * The encodings in which logs repeat a secret: as it is, base64 (standard and URL-safe, at
 * each of the three byte alignments inside a longer base64 string), URL-encoded and
 * JSON-escaped. Each variant is a byte string to look for; quotes around a value need no
 * variant (a known value is matched wherever it occurs, boundaries or not).
 */

/** One byte string to look for, and how far its mask may reach past it. */
export interface Variant {
  readonly bytes: Buffer;
  /**
   * For base64 variants: the alphabet of the characters just before/after it that still
   * carry bits of the secret (a partial character at an unaligned edge) and are masked too.
   */
  readonly widen: 'none' | 'base64' | 'base64url';
  /** Whether a partial character may precede the variant (alignment 1 or 2). */
  readonly partialStart: boolean;
  /** Whether a partial character (and `=` padding) may follow it. */
  readonly partialEnd: boolean;
}

const STD = 'base64';
const URL_SAFE = 'base64url';

/**
 * The characters of base64(`prefix` + value + …) that depend on the value's bytes alone, for
 * a value that starts `align` bytes into a 3-byte group: character j holds bits [6j, 6j+6).
 */
function base64Core(value: Buffer, align: number, alphabet: typeof STD | typeof URL_SAFE): string {
  const padded = Buffer.concat([Buffer.alloc(align), value, Buffer.alloc(2)]);
  const text = padded.toString(alphabet);
  const first = Math.ceil((8 * align) / 6);
  const last = Math.floor((8 * (align + value.length) - 6) / 6); // inclusive
  return text.slice(first, last + 1);
}

const UNRESERVED = /[A-Za-z0-9\-_.~!'()*]/;
/** Values whose URL-encoded form is the value itself. */
const PLAIN_URL = /^[A-Za-z0-9\-_.~!'()*]*$/;
/** Values whose JSON-escaped forms (`/` → `\/` included) are the value itself. */
const PLAIN_JSON = /^[\x20-\x21\x23-\x2e\x30-\x5b\x5d-\x7e]*$/;

/** Percent-encodes every byte but encodeURIComponent's unreserved set (works on binary too). */
function percentEncode(value: Buffer, hex: (b: number) => string): string {
  let out = '';
  for (const b of value) {
    const ch = String.fromCharCode(b);
    out += b < 0x80 && UNRESERVED.test(ch) ? ch : `%${hex(b)}`;
  }
  return out;
}

/** JSON string escapes of `text` (without quotes); `asciiOnly` writes \uXXXX for non-ASCII. */
function jsonEscape(text: string, asciiOnly: boolean): string {
  const inner = JSON.stringify(text).slice(1, -1);
  return asciiOnly ? inner.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : inner;
}

/** True when `buf` is valid UTF-8 (so that its JSON-escaped forms are meaningful). */
function isUtf8(buf: Buffer): boolean {
  return Buffer.from(buf.toString('utf8'), 'utf8').equals(buf);
}

/**
 * Every distinct variant of one secret fragment (a value without line breaks).
 *
 * @example
 * variantsOf(Buffer.from('s3cr3t/Pa55+word')).map((v) => v.bytes.toString());
 * // ['s3cr3t/Pa55+word', 'czNjcjN0L1BhNTUrd29yZA', …, 's3cr3t%2FPa55%2Bword', 's3cr3t\\/Pa55+word', …]
 */
export function variantsOf(value: Buffer): Variant[] {
  const seen = new Set<string>();
  const out: Variant[] = [];
  const add = (bytes: Buffer, widen: Variant['widen'] = 'none', partialStart = false, partialEnd = false) => {
    const key = bytes.toString('latin1');
    if (bytes.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ bytes, widen, partialStart, partialEnd });
  };
  add(value);
  for (const alphabet of [STD, URL_SAFE] as const) {
    for (let align = 0; align < 3; align++) {
      const core = base64Core(value, align, alphabet);
      add(Buffer.from(core, 'latin1'), alphabet, align !== 0, (align + value.length) % 3 !== 0);
    }
  }
  const latin1 = value.toString('latin1');
  // PERF: most tokens need no escaping at all; their encoded forms are the value itself.
  if (!PLAIN_URL.test(latin1)) {
    const upper = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
    const lower = (b: number) => b.toString(16).padStart(2, '0');
    add(Buffer.from(percentEncode(value, upper), 'latin1'));
    add(Buffer.from(percentEncode(value, lower), 'latin1'));
  }
  if (!PLAIN_JSON.test(latin1) && isUtf8(value)) {
    const text = value.toString('utf8');
    const json = jsonEscape(text, false);
    add(Buffer.from(json, 'utf8'));
    add(Buffer.from(json.replace(/\//g, '\\/'), 'utf8'));
    add(Buffer.from(jsonEscape(text, true), 'utf8'));
  }
  return out;
}
