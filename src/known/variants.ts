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

/** Percent-encodes every byte of `value` but letters, digits and `keep` (works on binary too). */
function percentEncode(value: Buffer, keep: string, space: string, lowerHex: boolean): string {
  let out = '';
  for (const b of value) {
    if (isAlnum(b) || (b < 0x80 && keep.includes(String.fromCharCode(b)))) out += String.fromCharCode(b);
    else if (b === 0x20) out += space;
    else {
      const hex = b.toString(16).padStart(2, '0');
      out += `%${lowerHex ? hex : hex.toUpperCase()}`;
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
  return [
    minimal,
    minimal.replace(/\//g, '\\/'),
    minimal.replace(/[\u0080-\uffff]/g, (c) => unicodeEscape(c, false)),
    minimal.replace(/[\u0080-\uffff]/g, (c) => unicodeEscape(c, true)),
    html(/[<>&\u2028\u2029]/g),
    html(/[<>&='\u2028\u2029]/g),
    JSON.stringify(minimal).slice(1, -1),
  ];
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
    URL_ENCODERS.forEach(({ keep, space }, i) => {
      add(Buffer.from(percentEncode(value, keep, space, false), 'latin1'));
      if (i === 0) add(Buffer.from(percentEncode(value, keep, space, true), 'latin1'));
    });
  }
  if (!PLAIN_JSON.test(latin1) && isUtf8(value)) {
    for (const escaped of jsonEscapes(value.toString('utf8'))) add(Buffer.from(escaped, 'utf8'));
  }
  return out;
}
