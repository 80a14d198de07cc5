/**
 * Keyed fingerprints: a truncated HMAC-SHA256 of the secret. Equal secrets give equal
 * fingerprints wherever the same key is used, so the on-call can tell which key leaked and
 * grep every line that carried it; without the key nobody can brute-force a short password
 * back from the log. An unkeyed hash is never written.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** Hex characters of the HMAC kept in a fingerprint (32 bits: enough to tell keys apart). */
export const FINGERPRINT_HEX_LENGTH = 8;

/** Computes the fingerprint of `secret`. */
export type Fingerprinter = (secret: Uint8Array) => string;

/**
 * @param key the HMAC key (string or bytes). Without one a random per-process key is used:
 *   fingerprints then correlate within one process only.
 * @example
 * const fp = createFingerprinter(process.env.LOGVEIL_FINGERPRINT_KEY);
 * fp(Buffer.from('hunter2')); // '4f1c9a2e'-like, stable for the same key
 */
export function createFingerprinter(key?: string | Uint8Array): Fingerprinter {
  const k = key === undefined || key.length === 0 ? randomBytes(32) : typeof key === 'string' ? Buffer.from(key) : Buffer.from(key);
  return (secret) => createHmac('sha256', k).update(secret).digest('hex').slice(0, FINGERPRINT_HEX_LENGTH);
}
