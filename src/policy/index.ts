/**
 * The sensitive-key policy (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`): one set of options
 * for every door — text lines (the sidecar, streams, `redact()`, pino's lines) and structured
 * values (winston entries, OpenTelemetry records).
 *
 * Start at `keyPolicy.ts` (the options, their checks, the verdict for a key name), then
 * `linePolicy.ts` (the policy over the JSON fields and `key=value` pairs of text lines, as
 * spans the redactor merges with the rules'). Structured values are walked by
 * src/integrations/structured, which asks the same verdicts.
 *
 * Invariants: compiled once, never throws afterwards; a verdict depends on the key's name
 * only; an ignored value is never masked, learned or reported; the policy adds masks to the
 * rules' and removes none outside ignored values.
 */
export { compileKeyPolicy, KEY_POLICY_OPTIONS, SENSITIVE_KEY_RULE, UNLISTED_KEY_RULE, type KeyPattern, type KeyPolicy, type KeyPolicyOptions, type KeyVerdict } from './keyPolicy.js';
export { applyLinePolicy, type PolicyRules } from './linePolicy.js';
