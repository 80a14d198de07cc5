/**
 * Findings: what the redactor says about a masked secret — which rule, where, and (with a
 * fingerprint key) which secret, as a keyed fingerprint. Never the secret, never the line.
 */

/**
 * One masked secret.
 *
 * @example
 * redactor.scan('token=ghp_…')
 * // [{ ruleId: 'github-pat', start: 6, end: 46, line: 1, fingerprint: '4f1c9a2e' }]
 */
export interface Finding {
  readonly ruleId: string;
  /** Byte offset of the secret in the scanned input (UTF-8 bytes for string input). */
  readonly start: number;
  /** Byte offset just past the secret. */
  readonly end: number;
  /** 1-based line number within the scanned input. */
  readonly line: number;
  /** Keyed HMAC fingerprint of the secret; present when a `fingerprintKey` was configured. */
  readonly fingerprint?: string;
}
