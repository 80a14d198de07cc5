/**
 * `logveil scan` arguments, its config file and the environment → one scan config, in the
 * sidecar's order of precedence (defaults < config file < environment < arguments). The
 * config file is the sidecar's JSON file (read raw here) plus a `"scan"` section:
 *
 * ```json
 * { "disable": ["jwt"], "scan": { "allowPaths": ["test/fixtures/**"], "allowRules": ["generic-secret-assignment"] } }
 * ```
 *
 * Every failure is a `CliError` (one line on stderr, exit 2).
 */
import type { RedactorOptions } from '../../options.js';
import { checkConfigKeys, CliError, CONFIG_KEYS, optionOrigins, parseCommandLine, UsageError, type OptionOrigins } from '../config.js';
import { KNOWN_FLAGS, knownSources, type KnownSources } from '../knownFlags.js';
import { readConfigFile, readJsonFile } from '../jsonFile.js';
import { applyRuleFlags, RULE_FLAGS } from '../ruleFlags.js';
import type { GitScope } from './gitHistory.js';
import { expandRuleAliases, GITLEAKS_ALIASES } from '../../rules/gitleaksAliases.js';
import { loadGitleaksConfig } from '../../rules/gitleaks/loadGitleaksConfig.js';
import { SCAN_EXIT_FINDINGS } from './scanUsage.js';

export const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** The allowlist of the config's `"scan"` section. */
export interface ScanAllow {
  /** picomatch globs over paths relative to the working directory (`/` separators). */
  readonly paths: readonly string[];
  /** Rule ids whose findings are not reported. */
  readonly rules: readonly string[];
}

/**
 * @example
 * parseScanArgs(['--format', 'sarif', 'src'], process.env);
 * // { paths: ['src'], format: 'sarif', workers: 'auto', progress: true, … }
 */
export interface ScanConfig {
  readonly help: boolean;
  /** `--version`, `-V` or `-v`: print the version. */
  readonly version: boolean;
  /** Paths to scan; `-` is standard input. Default: the working directory. */
  readonly paths: readonly string[];
  readonly format: ScanFormat;
  readonly baseline: string | undefined;
  /** Worker threads beside the main thread, or `auto` (decided by the size of the scan). */
  readonly workers: number | 'auto';
  /** False with `--no-progress`: no progress bar even on a terminal. */
  readonly progress: boolean;
  /** Redactor options (plain data). `fingerprintKey` is set only when the user gave one. */
  readonly redactor: Omit<RedactorOptions, 'knownSecrets' | 'onFinding' | 'onWarning'>;
  /** Known secrets to look for: given values, environment variable patterns, files. */
  readonly known: KnownSources;
  readonly allow: ScanAllow;
  /** Where the redactor options came from, for errors (`describeOptionsError`). */
  readonly origins: OptionOrigins;
  /** `--git` (the history) or `--staged`: the lines git changes added are scanned, the paths are pathspecs. */
  readonly git: GitScope | undefined;
  /** `--exit-code N`: the exit code when findings remain (default 1). */
  readonly exitCode: number;
  /** `--report-path FILE`: the report goes to FILE (0600), a one-line summary to stderr; `-` is stdout. */
  readonly reportPath: string | undefined;
  /** `--redact [N]`: the percentage of each secret hidden in excerpts (default and at most 100; see excerpt.ts). */
  readonly redact: number;
  /** `--gitleaks-ignore FILE`: the `.gitleaksignore` file to read instead of the scan roots' own. */
  readonly gitleaksIgnore: string | undefined;
}

/**
 * Config keys of the sidecar alone (its stream's line bound, rotation, learning, the key
 * policy — `allowedKeys` would make every unlisted value a finding): accepted in a shared
 * file, unused by scan.
 */
const SIDECAR_ONLY_KEYS = new Set(['maxLineLength', 'rotationGrace', 'retiredTtl', 'revokedFingerprints', 'source', 'learn', 'sensitiveKeys', 'ignoredKeys', 'allowedKeys']);
/** Known-secret keys: their values are looked for in the scanned files too. */
const KNOWN_KEYS = new Set(['knownSecrets', 'knownEnv', 'knownFiles']);
const SCAN_KEYS = new Set(['allowPaths', 'allowRules']);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function stringList(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.length === 0)) throw new CliError(`${where} must be an array of non-empty strings`);
  return v as string[];
}


/** The config file split into redactor options (checked later by `createRedactor`) and the scan allowlist. */
function loadConfig(file: string): { options: Record<string, unknown>; known: Record<string, unknown>; allow: ScanAllow } {
  const config = readConfigFile(file);
  if (!isObject(config)) throw new CliError(`config file ${file} must hold an object (a JSON object, a YAML mapping or a TOML document)`);
  // Unknown keys are named by position, never quoted: a token pasted as a key stays out of CI logs.
  checkConfigKeys(`config file ${file}`, config, CONFIG_KEYS);
  const { scan, ...rest } = config;
  const options: Record<string, unknown> = {};
  const known: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (KNOWN_KEYS.has(k)) known[k] = v;
    else if (!SIDECAR_ONLY_KEYS.has(k)) options[k] = v;
  }
  if (scan === undefined) return { options, known, allow: { paths: [], rules: [] } };
  if (!isObject(scan)) throw new CliError(`config file ${file}: "scan" must be an object`);
  checkConfigKeys(`config file ${file}: "scan"`, scan, SCAN_KEYS);
  return {
    options,
    known,
    allow: {
      paths: scan.allowPaths === undefined ? [] : stringList(scan.allowPaths, `config file ${file}: "scan.allowPaths"`),
      rules: scan.allowRules === undefined ? [] : stringList(scan.allowRules, `config file ${file}: "scan.allowRules"`),
    },
  };
}


/** `--git [--since REV] [--branch REF | --all]` or `--staged`, checked; undefined for a file scan. */
function gitScopeOf(v: { git?: boolean; staged?: boolean; since?: string; branch?: string; all?: boolean }, paths: readonly string[]): GitScope | undefined {
  const historyOnly = (['since', 'branch', 'all'] as const).find((k) => v[k] !== undefined);
  if (v.git !== true) {
    if (historyOnly !== undefined) throw new UsageError(`--${historyOnly} goes with --git`);
    return v.staged === true ? { kind: 'staged', paths: checkedPathspecs(paths, '--staged') } : undefined;
  }
  if (v.staged === true) throw new UsageError('--git and --staged cannot be used together');
  if (v.branch !== undefined && v.all === true) throw new UsageError('--branch and --all cannot be used together');
  return { kind: 'history', since: v.since, branch: v.branch, all: v.all === true, paths: checkedPathspecs(paths, '--git') };
}

function checkedPathspecs(paths: readonly string[], flag: string): readonly string[] {
  if (paths.includes('-')) throw new UsageError(`${flag} reads the repository, not standard input ("-")`);
  return paths;
}

/** Parses the arguments after `scan`. */
export function parseScanArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ScanConfig {
  const parsed = parseCommandLine(redactValue(argv), {
    format: { type: 'string', short: 'f' },
    baseline: { type: 'string', short: 'b' },
    ...RULE_FLAGS,
    ...KNOWN_FLAGS,
    workers: { type: 'string' },
    'no-progress': { type: 'boolean' },
    git: { type: 'boolean' },
    staged: { type: 'boolean' },
    since: { type: 'string' },
    branch: { type: 'string' },
    all: { type: 'boolean' },
    'exit-code': { type: 'string' },
    'report-path': { type: 'string' },
    redact: { type: 'string' },
    'gitleaks-ignore': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
  });
  const v = parsed.values;
  const format = (v.format ?? 'text') as ScanFormat;
  if (!SCAN_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${SCAN_FORMATS.join(', ')}`);
  let workers: number | 'auto' = 'auto';
  if (v.workers !== undefined && v.workers !== 'auto') {
    workers = Number(v.workers);
    if (!/^\d+$/.test(v.workers) || workers > 16) throw new UsageError('--workers must be "auto" or an integer from 0 to 16');
  }
  const { options, known, allow } = v.config === undefined ? { options: {} as Record<string, unknown>, known: {} as Record<string, unknown>, allow: { paths: [], rules: [] } } : loadConfig(v.config);
  const configName = v.config ?? '';
  const origins = optionOrigins(v.config, { ...options, ...known }, v); // before the flags add to the lists
  applyRuleFlags(options, v, env); // an empty key is no key (a random one would be drawn)
  // gitleaks' rule ids select the logveil rules that find the same secrets (gitleaksAliases.ts).
  // One the user's own rules carry (a gitleaks config's generic-api-key) names those alone.
  const selectors = (['enable', 'disable'] as const).filter((k) => Array.isArray(options[k]));
  const userIds = selectors.some((k) => (options[k] as unknown[]).some((s) => GITLEAKS_ALIASES.has(s as string))) ? userRuleIds(options) : undefined;
  for (const k of selectors) options[k] = expandRuleAliases(options[k] as string[], userIds);
  return {
    help: v.help === true,
    version: v.version === true,
    paths: parsed.positionals.length === 0 ? ['.'] : parsed.positionals,
    format,
    baseline: v.baseline,
    workers,
    progress: v['no-progress'] !== true,
    redactor: options as ScanConfig['redactor'],
    known: knownSources(configName, known, v),
    allow,
    origins,
    git: gitScopeOf(v, parsed.positionals),
    exitCode: exitCodeOf(v['exit-code']),
    reportPath: v['report-path'] === '-' ? undefined : v['report-path'], // "-": stdout, as in gitleaks
    redact: v.redact === undefined ? 100 : percentOf(v.redact),
    gitleaksIgnore: v['gitleaks-ignore'],
  };
}

/**
 * The ids and tags of the user's own rules (rule files, a gitleaks config), read only when a
 * selector is a gitleaks alias. A config that cannot be read gives none: createRedactor says why.
 */
function userRuleIds(options: Record<string, unknown>): Set<string> {
  const rules: unknown[] = Array.isArray(options.rules) ? [...(options.rules as unknown[])] : [];
  if (typeof options.gitleaksConfig === 'string' && options.gitleaksConfig !== '') {
    try {
      rules.push(...loadGitleaksConfig(options.gitleaksConfig, () => undefined).rules);
    } catch {
      // reported by createRedactor, with the flag or key it came from
    }
  }
  const ids = new Set<string>();
  for (const r of rules) {
    if (r === null || typeof r !== 'object') continue;
    const { id, tags } = r as { id?: unknown; tags?: unknown };
    if (typeof id === 'string') ids.add(id);
    if (Array.isArray(tags)) for (const t of tags) if (typeof t === 'string') ids.add(t);
  }
  return ids;
}

/** `--exit-code N`: 0 to 125 (126 and up mean "cannot run" and signals to a shell). */
function exitCodeOf(value: string | undefined): number {
  if (value === undefined) return SCAN_EXIT_FINDINGS;
  if (!/^\d{1,3}$/.test(value) || Number(value) > 125) throw new UsageError('--exit-code must be an integer from 0 to 125');
  return Number(value);
}

function percentOf(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) > 100) throw new UsageError('--redact must be a percentage from 0 to 100 (--redact alone: 100)');
  return Number(value);
}

/**
 * `--redact` takes an optional value, as gitleaks' does: alone it means 100, `--redact=N` or
 * `--redact N` (N a number) give the percentage. Rewritten to `--redact=N` for parseArgs,
 * up to a `--` (after it, everything is a path).
 */
function redactValue(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a !== '--redact') out.push(a);
    // A number that is not a percentage (`50.5`, `-1`, `50%`) is a mistyped value, not a path.
    else if (i + 1 < argv.length && /^[-+]?(?:\d+\.?\d*|\.\d+)%?$/.test(argv[i + 1]!)) out.push(`--redact=${argv[++i]!}`);
    else out.push('--redact=100');
  }
  return out;
}
