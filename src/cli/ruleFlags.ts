/**
 * The flags that choose rules, shared by the sidecar and `logveil scan`: `--config`,
 * `--rules`, `--include`, `--disable`, `--rule-file`, `--gitleaks-config`, and
 * `LOGVEIL_FINGERPRINT_KEY` from the environment. Flags add to what the config file says:
 * `--rules` to `enable`, `--include` to `include` (opt-in rules such as the `pii` pack, added
 * to the default catalog), `--disable` to `disable`.
 */
import type { Rule } from '../rules/rule.js';
import { readRuleFile } from './jsonFile.js';

/** `parseArgs` specs of the rule flags. */
export const RULE_FLAGS = {
  config: { type: 'string', short: 'c' },
  rules: { type: 'string' },
  include: { type: 'string' },
  disable: { type: 'string' },
  'rule-file': { type: 'string', multiple: true },
  'gitleaks-config': { type: 'string' },
} as const;

/** The values `parseArgs` gives for `RULE_FLAGS`. */
export interface RuleFlagValues {
  readonly rules?: string;
  readonly include?: string;
  readonly disable?: string;
  readonly 'rule-file'?: string[];
  readonly 'gitleaks-config'?: string;
}

/** A comma-separated flag value as a list (`a, b,` → `['a', 'b']`). */
export function list(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Applies the rule flags and the environment to `options` (redactor options from the config
 * file, changed in place). An empty fingerprint key counts as none.
 *
 * @example
 * applyRuleFlags(options, { rules: 'aws,github' }, process.env);
 * applyRuleFlags(options, { include: 'pii' }, process.env); // the default catalog + the PII pack
 */
export function applyRuleFlags(options: Record<string, unknown>, v: RuleFlagValues, env: NodeJS.ProcessEnv): void {
  if (env.LOGVEIL_FINGERPRINT_KEY) options.fingerprintKey = env.LOGVEIL_FINGERPRINT_KEY;
  if (options.fingerprintKey === '') delete options.fingerprintKey;
  const enable = list(v.rules);
  if (enable.length > 0) options.enable = [...((options.enable as string[] | undefined) ?? []), ...enable];
  const include = list(v.include);
  // A config file's `include` that is not a list is left for the option check to name.
  if (include.length > 0 && (options.include === undefined || Array.isArray(options.include))) options.include = [...((options.include as string[] | undefined) ?? []), ...include];
  const disable = list(v.disable);
  if (disable.length > 0) options.disable = [...((options.disable as string[] | undefined) ?? []), ...disable];
  const ruleFiles = v['rule-file'] ?? [];
  if (ruleFiles.length > 0) options.rules = [...((options.rules as Rule[] | undefined) ?? []), ...ruleFiles.flatMap(readRuleFile)];
  if (v['gitleaks-config'] !== undefined) options.gitleaksConfig = v['gitleaks-config'];
}
