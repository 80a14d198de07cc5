/**
 * Mask strategies: what replaces a secret's bytes. Every mask is plain printable ASCII
 * without quotes or backslashes, so it is valid inside a JSON string, a logfmt value or a URL
 * as it stands.
 */
import type { Fingerprinter } from './fingerprint.js';
import type { Mask } from './maskText.js';

/** Writes the mask for one secret of one rule. */
export type MaskWriter = (secret: Uint8Array) => Buffer;

const REDACTED = Buffer.from('[REDACTED]');
const FIXED = Buffer.from('********');
const EMPTY = Buffer.alloc(0);

/** Secrets shorter than this never keep a prefix under `partial`. */
export const PARTIAL_MIN_LENGTH = 12;
/** The longest prefix `partial` keeps (and never more than a quarter of the secret). */
export const PARTIAL_MAX_PREFIX = 6;

/** Number of leading bytes of `secret` that `partial` may keep. */
export function partialPrefixLength(secret: Uint8Array): number {
  if (secret.length < PARTIAL_MIN_LENGTH) return 0;
  const limit = Math.min(PARTIAL_MAX_PREFIX, Math.floor(secret.length / 4));
  let n = 0;
  // Keep only plain ASCII word bytes: never half a UTF-8 character or an escape sequence.
  while (n < limit) {
    const c = secret[n]!;
    const word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
    if (!word) break;
    n++;
  }
  return n;
}

/**
 * The mask writer for `strategy` (a strategy name or `{ text }`, checked by the options) and
 * `ruleId`. Constant masks are allocated once here and the same Buffer is returned for every
 * secret (callers only copy from it).
 *
 * @example
 * maskWriter('label', 'github-pat', fp)(secret) // <Buffer "[REDACTED:github-pat]">
 * maskWriter({ text: '<hidden>' }, 'github-pat', fp)(secret) // <Buffer "<hidden>">
 */
export function maskWriter(strategy: Mask, ruleId: string, fingerprint: Fingerprinter): MaskWriter {
  if (typeof strategy === 'object') {
    const text = Buffer.from(strategy.text, 'latin1'); // printable ASCII (maskTextProblem)
    return () => text;
  }
  switch (strategy) {
    case 'redact':
      return () => REDACTED;
    case 'label': {
      const label = Buffer.from(`[REDACTED:${ruleId}]`);
      return () => label;
    }
    case 'fixed':
      return () => FIXED;
    case 'remove':
      return () => EMPTY;
    case 'hash': {
      const head = `[REDACTED:${ruleId}:`;
      return (secret) => Buffer.from(`${head}${fingerprint(secret)}]`);
    }
    case 'partial': {
      const tail = Buffer.from(`...[REDACTED:${ruleId}]`);
      const label = Buffer.from(`[REDACTED:${ruleId}]`);
      return (secret) => {
        const keep = partialPrefixLength(secret);
        return keep === 0 ? label : Buffer.concat([secret.subarray(0, keep), tail]);
      };
    }
  }
}
