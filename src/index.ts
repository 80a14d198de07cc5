/**
 * logveil — mask secrets in log lines before they are shipped.
 *
 * Start with `createRedactor()`. Every public export is listed here by name.
 */
export { createRedactor, type Redactor } from './redactor.js';
export type { RedactorOptions } from './options.js';
export type { Finding } from './report/finding.js';
export type { Rule, MaskStrategy, ChecksumKind } from './rules/rule.js';
export { builtinRules } from './rules/catalog/index.js';
export { LogveilError, RuleError, OptionsError, type LogveilErrorCode } from './errors.js';
