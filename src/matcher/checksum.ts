/**
 * Checksums carried by some token formats, verified after a rule's pattern matched.
 *
 * GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, since 2021) and npm (`npm_`, since 2021) tokens
 * share one scheme, described in GitHub's "Behind GitHub's new authentication token formats" and
 * npm's "new access token format" posts:
 *
 *     <prefix>_<30 random base62 chars><6-char checksum>
 *
 * The checksum is the CRC32 (IEEE 802.3 polynomial, as in zlib/`crc32`) of the random part (the
 * characters between the `_` after the prefix and the last six), written in base62 with the
 * alphabet `0-9A-Za-z` (digits, then upper case, then lower case) and left-padded with `0` to six
 * characters. The prefix is not checksummed.
 */
import type { ChecksumKind } from '../rules/rule.js';
import { isIban, isPaymentCard, isUsSsn } from './piiChecks.js';

/** CRC32 lookup table for the reflected IEEE polynomial 0xEDB88320, built once at load. */
const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC32 (IEEE) of `bytes[start, end)`, as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The base62 alphabet GitHub and npm use for the checksum: digits, upper case, lower case. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Number of base62 characters that hold the checksum (62^6 > 2^32). */
const CHECKSUM_LEN = 6;

/** Base62-encodes an unsigned 32-bit number, left-padded with `0` to six characters. */
export function base62Checksum(n: number): string {
  let out = '';
  let v = n >>> 0;
  while (v > 0) {
    out = BASE62_ALPHABET[v % 62]! + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(CHECKSUM_LEN, '0');
}

/** Value of one base62 character (ASCII byte), or -1. */
function base62Digit(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30; // 0-9
  if (b >= 0x41 && b <= 0x5a) return b - 0x41 + 10; // A-Z
  if (b >= 0x61 && b <= 0x7a) return b - 0x61 + 36; // a-z
  return -1;
}

/** Prefixes (including the `_`) each token checksum kind accepts. */
const PREFIXES: Partial<Record<ChecksumKind, readonly string[]>> = {
  'github-crc32': ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  'npm-crc32': ['npm_'],
};

/** Length of the random part in today's tokens; longer ones are accepted (GitHub reserved growth). */
const MIN_BODY_LEN = 30;

function startsWithAscii(secret: Uint8Array, prefix: string): boolean {
  if (secret.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    // Prefixes are lower case; compare case-sensitively (tokens are issued lower case).
    if (secret[i] !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** The checks of personal-data numbers (`piiChecks.ts`), by kind. */
const NUMBER_CHECKS: Partial<Record<ChecksumKind, (secret: Uint8Array) => boolean>> = {
  'payment-card': isPaymentCard,
  iban: isIban,
  'us-ssn': isUsSsn,
};

/**
 * True when `secret` (the whole token, prefix included) carries a valid checksum of `kind`.
 * The random part is everything between the prefix and the last six characters: 30 today, longer
 * accepted (GitHub announced tokens may grow); shorter, or any non-base62 byte, is rejected.
 * The kinds of personal-data numbers are checked by `piiChecks.ts`.
 */
export function verifyChecksum(kind: ChecksumKind, secret: Uint8Array): boolean {
  const numberCheck = NUMBER_CHECKS[kind];
  if (numberCheck !== undefined) return numberCheck(secret);
  const prefixes = PREFIXES[kind];
  if (prefixes === undefined) return false;
  const prefix = prefixes.find((p) => startsWithAscii(secret, p));
  if (prefix === undefined) return false;
  const bodyStart = prefix.length;
  const bodyEnd = secret.length - CHECKSUM_LEN;
  if (bodyEnd - bodyStart < MIN_BODY_LEN) return false;
  for (let i = bodyStart; i < bodyEnd; i++) {
    if (base62Digit(secret[i]!) < 0) return false;
  }
  let stated = 0;
  for (let i = bodyEnd; i < secret.length; i++) {
    const d = base62Digit(secret[i]!);
    if (d < 0) return false;
    stated = stated * 62 + d; // at most 62^6 - 1 < 2^53: exact in a double
  }
  return stated === crc32(secret, bodyStart, bodyEnd);
}
