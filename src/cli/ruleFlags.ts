/**
 * The flags that choose rules, shared by the sidecar and `logveil scan`: `--config`,
 * `--rules`, `--disable`, `--rule-file`, `--gitleaks-config`, and `LOGVEIL_FINGERPRINT_KEY`
 * from the environment. Flags add to what the config file says.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Rule } from '../rules/rule.js';
import { CliError } from './cliError.js';
import { readRuleFile } from './jsonFile.js';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;
type ParsedFlags<O extends FlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>>;

/**
 * `parseArgs` with positionals, strict, and its errors as a one-line `CliError`.
 *
 * @example
 * const { values, positionals } = parseFlags(argv, { ...RULE_FLAGS, help: { type: 'boolean' } });
 */
export function parseFlags<O extends FlagOptions>(argv: readonly string[], options: O): ParsedFlags<O> {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (err) {
    // Node quotes an unknown option (`Unknown option '--x'`): shown when it looks like an
    // option name, not when it could be something pasted (`--ghp_…`).
    const message = (err as Error).message.replace(/\s*\n\s*/g, ' ');
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    if (unknown !== null && !/^--?[a-z][a-z0-9-]{0,39}$/.test(unknown[1]!)) throw new CliError('unknown option (not shown: it does not look like an option name)');
    throw new CliError(message);
  }
}

/** `parseArgs` specs of the rule flags. */
export const RULE_FLAGS = {
  config: { type: 'string', short: 'c' },
  rules: { type: 'string' },
  disable: { type: 'string' },
  'rule-file': { type: 'string', multiple: true },
  'gitleaks-config': { type: 'string' },
} as const;

/** The values `parseArgs` gives for `RULE_FLAGS`. */
export interface RuleFlagValues {
  readonly rules?: string;
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
 */
export function applyRuleFlags(options: Record<string, unknown>, v: RuleFlagValues, env: NodeJS.ProcessEnv): void {
  if (env.LOGVEIL_FINGERPRINT_KEY) options.fingerprintKey = env.LOGVEIL_FINGERPRINT_KEY;
  if (options.fingerprintKey === '') delete options.fingerprintKey;
  const enable = list(v.rules);
  if (enable.length > 0) options.enable = [...((options.enable as string[] | undefined) ?? []), ...enable];
  const disable = list(v.disable);
  if (disable.length > 0) options.disable = [...((options.disable as string[] | undefined) ?? []), ...disable];
  const ruleFiles = v['rule-file'] ?? [];
  if (ruleFiles.length > 0) options.rules = [...((options.rules as Rule[] | undefined) ?? []), ...ruleFiles.flatMap(readRuleFile)];
  if (v['gitleaks-config'] !== undefined) options.gitleaksConfig = v['gitleaks-config'];
}
