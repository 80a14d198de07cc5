/** One row of a rule table test. */
export interface RuleCase {
  /** The rule this row is about. */
  readonly rule: string;
  /** A realistic log line (or fragment) — one line, no `\n`. */
  readonly text: string;
  /**
   * Positive row: the exact bytes the rule must report as the secret (and the redactor must
   * mask). Omit for a negative row.
   */
  readonly secret?: string;
  /** Negative row: a near miss the rule must NOT report (other rules may still fire). */
  readonly negative?: true;
  /** Why this row exists, when it is not obvious. */
  readonly note?: string;
}
