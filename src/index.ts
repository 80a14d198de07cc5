/**
 * logveil — mask secrets in log lines before they are shipped.
 *
 * Start with `createRedactor()`. Every public export is listed here by name.
 */
export { createRedactor, type Redactor, type RedactorStats } from './redactor.js';
export type { RedactorOptions } from './options.js';
export { KNOWN_SECRET_RULE, type Finding } from './report/finding.js';
export { createKnownSecrets, KnownSecrets, DEFAULT_ROTATION_GRACE, type KnownSecretsOptions, type KnownSecretsStats, type SecretState } from './known/knownSecrets.js';
export type { SecretSighting } from './report/sightings.js';
export { MIN_KNOWN_LENGTH, MIN_KNOWN_ENTROPY, type KnownSecret } from './known/knownSecret.js';
export { DEFAULT_LEARN_MAX_VALUES, DEFAULT_LEARN_TTL, type LearnedStats } from './known/learnedSecrets.js';
export type { LearnOptions } from './options.js';
export type { Mask, MaskText } from './mask/maskText.js';
export type { KeyPattern, KeyPolicyOptions } from './policy/keyPolicy.js';
export type { Rule, RuleAllowlist, MaskStrategy, ChecksumKind } from './rules/rule.js';
export { importGitleaksConfig, type GitleaksImport } from './rules/gitleaks/index.js';
export { builtinRules, optInCatalog } from './rules/catalog/index.js';
export { LogveilError, RuleError, OptionsError, type LogveilErrorCode } from './errors.js';
