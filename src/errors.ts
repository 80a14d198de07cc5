/**
 * Typed errors. logveil throws only while options and rules are checked (at construction);
 * every error carries a stable `code`, and rule errors name the rule.
 */

/** Stable error codes: match on `err.code`, never on the message. */
export type LogveilErrorCode =
  | 'LOGVEIL_INVALID_OPTION'
  | 'LOGVEIL_UNKNOWN_RULE'
  | 'LOGVEIL_RULE_INVALID'
  | 'LOGVEIL_RULE_BAD_PATTERN'
  | 'LOGVEIL_RULE_DUPLICATE_ID'
  | 'LOGVEIL_RULE_EMPTY_MATCH'
  /** A gitleaks config uses a feature logveil does not implement (an unknown key, composite rules). */
  | 'LOGVEIL_GITLEAKS_UNSUPPORTED';

/**
 * Base class of every error logveil throws.
 *
 * @example
 * try { createRedactor({ disable: ['no-such-rule'] }); }
 * catch (err) { if (err instanceof LogveilError) console.error(err.code); }
 */
export class LogveilError extends Error {
  readonly code: LogveilErrorCode;
  constructor(code: LogveilErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LogveilError';
    this.code = code;
  }
}

/**
 * A rule that cannot be used: bad shape, a pattern RE2 rejects, a duplicate id, or a pattern
 * that can match the empty string. `ruleId` names it.
 *
 * @example
 * try { createRedactor({ rules: [{ id: 'x', description: '', tags: [], pattern: '(', keywords: ['x'] }] }); }
 * catch (err) { if (err instanceof RuleError) console.error(err.ruleId, err.code); }
 */
export class RuleError extends LogveilError {
  readonly ruleId: string;
  constructor(code: LogveilErrorCode, ruleId: string, message: string, options?: { cause?: unknown }) {
    super(code, `rule "${ruleId}": ${message}`, options);
    this.name = 'RuleError';
    this.ruleId = ruleId;
  }
}

/**
 * An option with a wrong type or value. `option` names it.
 *
 * @example
 * try { createRedactor({ mask: 'blur' as never }); }
 * catch (err) { if (err instanceof OptionsError) console.error(err.option); }
 */
export class OptionsError extends LogveilError {
  readonly option: string;
  constructor(code: LogveilErrorCode, option: string, message: string) {
    super(code, `option "${option}": ${message}`);
    this.name = 'OptionsError';
    this.option = option;
  }
}
