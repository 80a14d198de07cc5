/**
 * Masks: what replaces a secret (`maskStrategy.ts`; fixed user text, `maskText.ts`), keyed fingerprints (`fingerprint.ts`)
 * and writing masks into bytes, JSON-string-safe (`writeMasks.ts`).
 *
 * Invariants: only the secret's bytes are replaced (grown to whole escape sequences inside
 * JSON strings); masks are printable ASCII without quotes or backslashes; a secret is never
 * hashed without a key.
 */
export { maskWriter, partialPrefixLength, type MaskWriter } from './maskStrategy.js';
export { createFingerprinter, type Fingerprinter } from './fingerprint.js';
export { writeMasks } from './writeMasks.js';
export { isMaskText, maskTextProblem, MAX_MASK_TEXT_LENGTH, type Mask, type MaskText } from './maskText.js';
