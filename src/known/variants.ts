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

const STD_CHARS = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 'latin1');

/**
 * The characters of base64(`prefix` + value + …) that depend on the value's bytes alone, for
 * a value that starts `align` bytes into a 3-byte group: character j holds bits [6j, 6j+6)
 * (standard alphabet; `toUrlSafe` gives base64url's).
 * PERF: written straight into a Buffer (learned values are encoded one by one, while a stream
 * runs), not 6 rounds of concat, encode, slice and copy back: with the URL and JSON changes
 * below, `variantsOf` for 2,000 alphanumeric values took 5.3 ms instead of 16-17 (scratch).
 */
function base64Core(value: Buffer, align: number): Buffer {
  const first = Math.ceil((8 * align) / 6);
  const last = Math.floor((8 * (align + value.length) - 6) / 6); // inclusive
  const out = Buffer.allocUnsafe(last - first + 1);
  for (let j = first; j <= last; j++) {
    const bit = 6 * j;
    // Bytes i and i + 1 of the zero-padded stream, as value indexes (out of range: a zero byte).
    const i = (bit >>> 3) - align;
    const pair = ((i >= 0 && i < value.length ? value[i]! : 0) << 8) | (i + 1 >= 0 && i + 1 < value.length ? value[i + 1]! : 0);
    out[j - first] = STD_CHARS[(pair >>> (10 - (bit & 7))) & 63]!;
  }
  return out;
}

/** The base64url form of standard base64 characters, or undefined when they are the same. */
function toUrlSafe(std: Buffer): Buffer | undefined {
  if (!std.includes(0x2b) && !std.includes(0x2f)) return undefined;
  const url = Buffer.from(std);
  for (let i = 0; i < url.length; i++) {
    if (url[i] === 0x2b) url[i] = 0x2d;
    else if (url[i] === 0x2f) url[i] = 0x5f;
  }
  return url;
}

/**
 * The URL encoders logs come from differ in what they leave as it is (besides letters and
 * digits) and in how they write a space. Each gives one variant (upper-case hex; the first
 * also lower-case).
 */
const URL_ENCODERS: readonly { readonly keep: string; readonly space: string }[] = [
  { keep: "-_.!~*'()", space: '%20' }, // JS encodeURIComponent
  { keep: '-_.*', space: '+' }, // URLSearchParams / HTML forms, Java URLEncoder
  { keep: '-_.~', space: '+' }, // Python quote_plus, Go url.QueryEscape
  { keep: '-_.~/', space: '%20' }, // Python quote (safe="/")
  { keep: '-_.~', space: '%20' }, // RFC 3986 unreserved only (curl --data-urlencode, Go PathEscape-like)
  { keep: "-_.!~*'();,/?:@&=+$#", space: '%20' }, // JS encodeURI
];

/** Values whose URL-encoded forms are all the value itself. */
const PLAIN_URL = /^[A-Za-z0-9\-_.]*$/;
/** Values whose JSON-escaped forms are all the value itself. */
const PLAIN_JSON = /^[\x20\x21\x23-\x25\x28-\x2e\x30-\x3b\x3f-\x5b\x5d-\x7e]*$/;

const isAlnum = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/** Per encoder: which bytes it leaves as they are (letters, digits and its `keep`). */
const URL_KEEPS = URL_ENCODERS.map(({ keep }) => {
  const table = new Uint8Array(256);
  for (let b = 0; b < 128; b++) if (isAlnum(b) || keep.includes(String.fromCharCode(b))) table[b] = 1;
  return table;
});
const HEX_UPPER = Buffer.from('0123456789ABCDEF', 'latin1');
const HEX_LOWER = Buffer.from('0123456789abcdef', 'latin1');

/**
 * Percent-encodes every byte of `value` the `encoder`-th URL encoder does not keep (works on
 * binary too). PERF: into a Buffer, byte by byte (string building was most of the cost of
 * the URL variants of a learned value; scratch).
 */
function percentEncode(value: Buffer, encoder: number, lowerHex: boolean): Buffer {
  const keep = URL_KEEPS[encoder]!;
  const space = URL_ENCODERS[encoder]!.space;
  const hex = lowerHex ? HEX_LOWER : HEX_UPPER;
  let length = 0;
  for (const b of value) length += keep[b] === 1 ? 1 : b === 0x20 ? space.length : 3;
  const out = Buffer.allocUnsafe(length);
  let o = 0;
  for (const b of value) {
    if (keep[b] === 1) out[o++] = b;
    else if (b === 0x20) o += out.write(space, o, 'latin1');
    else {
      out[o++] = 0x25;
      out[o++] = hex[b >>> 4]!;
      out[o++] = hex[b & 15]!;
    }
  }
  return out;
}

/** `\uXXXX` of one UTF-16 code unit, in lower- or upper-case hex. */
const unicodeEscape = (c: string, upper: boolean) => {
  const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
  return `\\u${upper ? hex.toUpperCase() : hex}`;
};

/**
 * The JSON string escapes of `text` (without quotes) as JSON encoders write them: the minimal
 * ones (JSON.stringify), `\/` for slashes, non-ASCII as `\uXXXX` (Python's default, Jackson's
 * upper-case hex), HTML-safe `\u003c \u003e \u0026` (Go, logrus) and Gson's `= '` on top,
 * and JSON inside a JSON string (escaped twice).
 */
function jsonEscapes(text: string): string[] {
  const minimal = JSON.stringify(text).slice(1, -1);
  const html = (chars: RegExp) => minimal.replace(chars, (c) => unicodeEscape(c, false));
  // PERF: each form only where the characters it escapes occur (the others equal `minimal`).
  const out = [minimal];
  if (text.includes('/')) out.push(minimal.replace(/\//g, '\\/'));
  if (/[\u0080-\uffff]/.test(minimal)) {
    out.push(minimal.replace(/[\u0080-\uffff]/g, (c) => unicodeEscape(c, false)));
    out.push(minimal.replace(/[\u0080-\uffff]/g, (c) => unicodeEscape(c, true)));
  }
  if (/[<>&='\u2028\u2029]/.test(minimal)) {
    out.push(html(/[<>&\u2028\u2029]/g));
    out.push(html(/[<>&='\u2028\u2029]/g));
  }
  if (minimal.includes('\\')) out.push(JSON.stringify(minimal).slice(1, -1));
  return out;
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
  const out: Variant[] = [];
  // A handful of variants: comparing bytes is cheaper than keeping a set of strings.
  const add = (bytes: Buffer, widen: Variant['widen'] = 'none', partialStart = false, partialEnd = false) => {
    if (bytes.length === 0 || out.some((v) => v.bytes.equals(bytes))) return;
    out.push({ bytes, widen, partialStart, partialEnd });
  };
  add(value);
  const cores = [0, 1, 2].map((align) => base64Core(value, align));
  cores.forEach((core, align) => add(core, STD, align !== 0, (align + value.length) % 3 !== 0));
  cores.forEach((core, align) => {
    const url = toUrlSafe(core);
    if (url !== undefined) add(url, URL_SAFE, align !== 0, (align + value.length) % 3 !== 0);
  });
  const latin1 = value.toString('latin1');
  // PERF: most tokens need no escaping at all; their encoded forms are the value itself.
  if (!PLAIN_URL.test(latin1)) {
    // PERF: encoders that treat the bytes present alike give the same bytes: encoded once.
    const present = [...new Set(value)].filter((b) => !isAlnum(b));
    const done = new Set<string>();
    for (let i = 0; i < URL_ENCODERS.length; i++) {
      const signature = present.map((b) => (URL_KEEPS[i]![b] === 1 ? 'k' : b === 0x20 ? URL_ENCODERS[i]!.space : '%')).join();
      if (!done.has(signature)) {
        done.add(signature);
        add(percentEncode(value, i, false));
      }
      if (i === 0) add(percentEncode(value, i, true));
    }
  }
  if (!PLAIN_JSON.test(latin1) && isUtf8(value)) {
    for (const escaped of jsonEscapes(value.toString('utf8'))) add(Buffer.from(escaped, 'utf8'));
  }
  return out;
}
