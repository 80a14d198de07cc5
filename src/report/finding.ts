/**
 * Findings: what the redactor says about a masked secret — which rule (and which known secret),
 * where, when, which secret as a keyed fingerprint, and for a known or revoked value its
 * rotation state. Never the secret, never the line.
 */
import type { SecretState } from '../known/knownSecrets.js';

export type { SecretState } from '../known/knownSecrets.js';

/** Rule id of the findings for known secret values (`knownSecrets`, `--known-file`, `--known-env`). */
export const KNOWN_SECRET_RULE = 'known-secret';

/**
 * One masked secret.
 *
 * @example
 * redactor.scan('token=ghp_…')
 * // [{ ruleId: 'github-pat', start: 6, end: 46, line: 1, fingerprint: '4f1c9a2e', time: '2026-11-27T22:40:00.000Z' }]
 */
export interface Finding {
  /** The rule that matched; `known-secret` for a known value. */
  readonly ruleId: string;
  /** The known secret's name (file, variable or option name), for `known-secret` findings. */
  readonly name?: string;
  /**
   * Keyed HMAC-SHA256 fingerprint of the secret (8 hex). With the same `fingerprintKey`
   * equal secrets give equal fingerprints across lines, processes and hosts; without a key
   * a random per-process key is used, so they correlate within one process only.
   */
  readonly fingerprint: string;
  /** 1-based line number: within the input of `scan`/`redact`, or since the start of a stream. */
  readonly line: number;
  /** Byte offset of the secret: within the input of `scan`/`redact`, or since the start of a stream. */
  readonly start: number;
  /** Byte offset just past the secret. */
  readonly end: number;
  /** When the secret was found (ISO 8601). */
  readonly time: string;
  /**
   * For a known secret: `current`, `retiring` (rotated out, inside the rotation grace) or
   * `retired` (past the grace). Also `retired` for any finding whose fingerprint is listed in
   * `revokedFingerprints`. Absent for other findings.
   */
  readonly state?: SecretState;
  /** The `source` option (a host, pod or stream name), when it is given. */
  readonly source?: string;
}
