/**
 * Policies over structured log values. `keyPolicy.ts`: the sensitive-key policy
 * (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`) that winston, pino's logged objects and
 * OpenTelemetry records share. Invariant: compiled once, never throws afterwards; it judges
 * key names only, never reads a value.
 */
export { compileKeyPolicy, KEY_POLICY_OPTIONS, SENSITIVE_KEY_RULE, splitKeyPolicy, UNLISTED_KEY_RULE, type KeyPattern, type KeyPolicy, type KeyPolicyOptions, type KeyVerdict } from './keyPolicy.js';
