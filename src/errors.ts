/**
 * Typed errors. logveil throws only while options and rules are checked (at construction);
 * every error carries a stable `code`, and rule errors name the rule.
 *
 * A message names the rule, the option, the file and the position — never the value or the
 * pattern: a token pasted into the wrong place (a rule id, a regex, an `enable` entry, a
 * config key) would otherwise be printed into a CI log. A rule whose id is not a valid id is
 * named by its position (`rule #3`), since the id itself may be the secret.
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
  /** The rule's id, or `#N` (its position) when it has no valid id. */
  readonly ruleId: string;
  constructor(code: LogveilErrorCode, ruleId: string, message: string, options?: { cause?: unknown }) {
    super(code, `rule ${ruleId.startsWith('#') ? ruleId : `"${ruleId}"`}: ${message}`, options);
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

/** RE2's error kinds (re2/regexp.cc `kErrorStrings`, re2.cc, node-re2's own). */
const RE2_ERROR_KINDS: readonly string[] = [
  'invalid escape sequence', 'invalid character class range', 'invalid character class', 'missing ]', 'missing )',
  'unexpected )', 'trailing \\', 'no argument for repetition operator', 'invalid repetition size',
  'bad repetition operator', 'invalid perl operator', 'invalid UTF-8', 'invalid named capture group',
  'duplicate capture group name', 'pattern too large',
];

/**
 * What RE2 found wrong with a pattern, without the pattern: RE2's message is the kind and the
 * fragment it choked on (`missing ): (ghp_…`), and that fragment may be a secret. An
 * unrecognised message gives a generic answer rather than risk quoting the pattern.
 *
 * @example
 * re2ErrorKind(new SyntaxError('missing ): (ghp_abc')); // 'missing )'
 */
export function re2ErrorKind(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  return RE2_ERROR_KINDS.find((kind) => message === kind || message.startsWith(`${kind}:`) || message.startsWith(`${kind} `)) ?? 'RE2 rejects it';
}
