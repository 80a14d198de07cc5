/**
 * The CLI's configuration: command-line arguments, the `--config` file and the environment,
 * combined in one order of precedence (defaults < config file < environment < arguments).
 * Every failure is a `CliError` naming the file, option or key — never a value given to it,
 * which may be a secret pasted in the wrong place; nothing here writes output.
 */
import { isIP } from 'node:net';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, UsageError } from './cliError.js';
import { readConfigFile } from './jsonFile.js';
import { applySourceFlags, KNOWN_FLAGS, knownSources, ROTATION_FLAGS, rotationTimes, type KnownSources } from './knownFlags.js';
import { applyRuleFlags, RULE_FLAGS } from './ruleFlags.js';
import type { OptionsError } from '../errors.js';
import type { RedactorOptions } from '../options.js';
import type { RedactStreamOptions } from '../stream/redactStream.js';

export { CliError, UsageError } from './cliError.js';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;
type ParsedFlags<O extends FlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>>;

/**
 * An option name as typed that may be quoted back in a message: lowercase words and hyphens,
 * at most 30 letters — as every logveil option is. Anything else (`--ghp_…`, digits, capitals,
 * a long run of letters) may be a value pasted in the wrong place and is not shown. parseArgs
 * cuts `--name=value` at `=`, so a value after `=` never reaches a message.
 */
const OPTION_NAME = /^--?[a-z][a-z-]{0,29}$/;

/** Levenshtein distance between two short strings (option names). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/**
 * The long option `typed` (without its dashes) was most likely meant to be: the first it begins
 * with three letters or more (`max` → `max-line-length`), else the nearest within two edits
 * (fewer than its length; ties go to the first in `names`). Undefined when nothing is that
 * close, or for one letter.
 *
 * @example
 * closestOption('maks', ['mask', 'stats']); // 'mask'
 */
export function closestOption(typed: string, names: readonly string[]): string | undefined {
  if (typed.length < 2) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    if (name.length < 2) continue;
    // One it begins (three letters or more) is the best guess; then the fewest edits.
    const d = typed.length >= 3 && name.startsWith(typed) ? 0 : editDistance(typed, name);
    const close = d <= 2 && d < typed.length;
    if (close && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** `-v` is `-V` (`--version`): both are what people try. Only before `--`, where options end. */
function versionAlias(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((a, i) => (a === '-v' && (end === -1 || i < end) ? '-V' : a));
}

/** The long name of a flag for messages: `--mask` for `-m` too. */
const longName = (name: string) => `--${name}`;

/**
 * Why parseArgs refused `args`, in plain words, from its tokens read again without `strict`:
 * an unknown option (with the nearest known one), a flag without its value, a value on a
 * flag that takes none. Never a value typed; an unknown option only when it looks like one.
 */
function argumentError(args: string[], options: FlagOptions, err: unknown): UsageError {
  const { tokens } = parseArgs({ args, allowPositionals: true, strict: false, tokens: true, options });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = options[t.name];
    if (spec === undefined) {
      if (!OPTION_NAME.test(t.rawName)) return new UsageError('unknown option (not shown: it does not look like an option name)');
      const meant = closestOption(t.rawName.replace(/^--?/, ''), Object.keys(options));
      return new UsageError(`unknown option ${t.rawName}${meant === undefined ? '' : ` (did you mean ${longName(meant)}?)`}`);
    }
    if (spec.type === 'string' && t.value === undefined) return new UsageError(`${longName(t.name)} needs a value`);
    if (spec.type === 'string' && t.inlineValue === false && t.value?.startsWith('-') === true) return new UsageError(`${longName(t.name)} needs a value, and the argument after it begins with "-" (write ${longName(t.name)}=… for a value that does)`);
    if (spec.type === 'boolean' && t.inlineValue === true) return new UsageError(`${longName(t.name)} takes no value`);
  }
  return new UsageError(`the arguments cannot be read (${(err as { code?: string }).code ?? 'parseArgs'})`);
}

/**
 * The command line of the sidecar or `logveil scan`: strict `parseArgs` with positionals, `-v`
 * taken for `-V`, and its errors as one-line `UsageError`s in plain words.
 *
 * @example
 * const { values, positionals } = parseCommandLine(argv, { ...RULE_FLAGS, help: { type: 'boolean' } });
 */
export function parseCommandLine<O extends FlagOptions>(argv: readonly string[], options: O): ParsedFlags<O> {
  const args = versionAlias(argv);
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (err) {
    throw argumentError(args, options, err);
  }
}

/** A redactor option set from a flag: the flag, and for a list how many entries the config file put before the flag's. */
interface FlagOrigin {
  readonly flag: string;
  readonly after: number;
  /** For `knownSecrets.files`: the paths given by the flag (a message names the path). */
  readonly paths?: readonly string[];
}

/**
 * Where the redactor options came from, to name one in an error as the user wrote it: the
 * flag typed (`--rules`), else the config file's key.
 */
export interface OptionOrigins {
  readonly configFile: string | undefined;
  /** Library option name (`enable`, `maxLineLength`, `knownSecrets.files`) → its flag. */
  readonly flags: ReadonlyMap<string, FlagOrigin>;
}

const lengthOf = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/**
 * The origins of the options the flags in `v` set over the config file `file` (read from `configFile`).
 *
 * @example
 * optionOrigins('logveil.json', { enable: ['aws'] }, { rules: 'jwt' }); // enable → --rules after 1
 */
export function optionOrigins(configFile: string | undefined, file: Record<string, unknown>, v: Readonly<Record<string, unknown>>): OptionOrigins {
  const flags = new Map<string, FlagOrigin>();
  const set = (option: string, flag: string, after = 0) => {
    if (v[flag.slice(2)] !== undefined) flags.set(option, { flag, after });
  };
  set('enable', '--rules', lengthOf(file.enable));
  set('disable', '--disable', lengthOf(file.disable));
  // A config file's `include` that is not a list is the file's error, whatever the flag adds.
  if (file.include === undefined || Array.isArray(file.include)) set('include', '--include', lengthOf(file.include));
  set('mask', '--mask');
  set('maxLineLength', '--max-line-length');
  set('gitleaksConfig', '--gitleaks-config');
  set('revokedFingerprints', '--revoked');
  set('source', '--source');
  const knownFiles = v['known-file'] as string[] | undefined;
  if (knownFiles !== undefined) flags.set('knownSecrets.files', { flag: '--known-file', after: lengthOf(file.knownFiles), paths: knownFiles });
  return { configFile, flags };
}

/**
 * A library `OptionsError` (`option "enable": entry #3 …`) named as the user wrote it: the flag
 * (`--rules entry #1 …`, a `UsageError`) when the value came from one, else the config file's
 * key (`config file logveil.json: "enable" entry #3 …`). List entries are counted from the
 * start of the flag's own list (the config file's come first). A file a flag names that
 * cannot be read (`--known-file`, `--gitleaks-config`) is a `CliError`: nothing was mistyped.
 *
 * @example
 * describeOptionsError(err, origins); // UsageError('--max-line-length must be an integer ≥ 1024')
 */
export function describeOptionsError(err: OptionsError, origins: OptionOrigins): CliError {
  const detail = err.message.startsWith(`option "${err.option}": `) ? err.message.slice(`option "${err.option}": `.length) : err.message;
  const join = (name: string, text: string) => `${name}${/^(?:must|entry|key) /.test(text) ? ' ' : ': '}${text}`;
  const origin = origins.flags.get(err.option);
  if (origin !== undefined) {
    const entry = /^entry #(\d+)([\s\S]*)$/.exec(detail);
    if (entry !== null) {
      const n = Number(entry[1]);
      if (n > origin.after) return new UsageError(`${origin.flag} entry #${n - origin.after}${entry[2]}`);
    } else if (origin.paths === undefined || origin.paths.some((p) => detail.includes(` ${p}: `))) {
      // A file the flag names that cannot be read is not a typing error: no --help hint.
      return detail.startsWith('cannot read ') ? new CliError(join(origin.flag, detail)) : new UsageError(join(origin.flag, detail));
    }
  }
  if (origins.configFile !== undefined) return new CliError(join(`config file ${origins.configFile}: "${err.option}"`, detail));
  return new CliError(err.message);
}

/** Worker threads for matching by default. PERF: chosen by measurement, see bench/RESULTS.md. */
export const DEFAULT_WORKERS = 0;

export interface CliConfig {
  readonly help: boolean;
  /** Worker threads that run the matcher; 0 matches on the main thread. */
  readonly workers: number;
  readonly version: boolean;
  readonly stats: boolean;
  readonly output: string | undefined;
  /** Input paths in order; `-` is standard input. */
  readonly inputs: readonly string[];
  readonly streamOptions: RedactStreamOptions;
  /** Known secrets to load (environment patterns and files), or undefined for none. */
  readonly known: (KnownSources & { readonly rotationGrace: number; readonly retiredTtl: number }) | undefined;
  /** File that findings are appended to as NDJSON. */
  readonly report: string | undefined;
  /** Where to serve Prometheus metrics. */
  readonly metrics: { readonly host: string; readonly port: number } | undefined;
  /** Where the redactor options came from, for errors (`describeOptionsError`). */
  readonly origins: OptionOrigins;
}

/** A host name as RFC 1123 has it: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * `PORT`, `:PORT`, `HOST:PORT` or `[V6]:PORT`; the host defaults to 127.0.0.1 (never all
 * interfaces by accident). An error does not quote the value (a flag takes what is pasted).
 */
export function parseListenAddress(value: string): { host: string; port: number } {
  const m = /^(?:(\[[0-9a-fA-F:.]+\]|[^:\s]*):)?(\d{1,5})$/.exec(value.trim());
  const port = m === null ? NaN : Number(m[2]);
  if (m === null || port > 65535) throw new UsageError('--metrics must be PORT or ADDRESS:PORT (such as 9464 or 127.0.0.1:9464, a port up to 65535)');
  const host = m[1] === undefined || m[1] === '' ? '127.0.0.1' : m[1].replace(/^\[|\]$/g, '');
  // An IP address or a host name (letters, digits, dots, hyphens): whatever else was pasted
  // there is refused here, before anything could print it.
  if (isIP(host) === 0 && !HOST_NAME.test(host)) throw new UsageError('--metrics: the address must be an IP address or a host name');
  return { host, port };
}



/** Keys of the JSON config file, shared by the sidecar and `logveil scan`. */
export const CONFIG_KEYS: ReadonlySet<string> = new Set(['mask', 'maskByRule', 'enable', 'include', 'disable', 'rules', 'builtins', 'maxLineLength', 'fingerprintKey', 'knownSecrets', 'knownEnv', 'knownFiles', 'rotationGrace', 'retiredTtl', 'revokedFingerprints', 'source', 'gitleaksConfig', 'learn', 'sensitiveKeys', 'ignoredKeys', 'allowedKeys', 'scan']);
/** Config keys the CLI itself uses (not redactor options); `scan` is `logveil scan`'s section. */
const CLI_KEYS = ['knownSecrets', 'knownEnv', 'knownFiles', 'rotationGrace', 'retiredTtl', 'scan'];



/**
 * Throws for the first key of `object` not in `known`, naming it by its position (`key #3`):
 * a key is text someone wrote, and may be a secret pasted in the wrong place. `where` names
 * the file (and section).
 *
 * @example
 * checkConfigKeys('config file logveil.json', config, CONFIG_KEYS);
 */
export function checkConfigKeys(where: string, object: object, known: ReadonlySet<string>): void {
  Object.keys(object).forEach((key, i) => {
    if (!known.has(key)) throw new CliError(`${where}: key #${i + 1} is not a known key (known: ${[...known].join(', ')}; the key itself is not shown)`);
  });
}

function loadConfigFile(file: string): Record<string, unknown> {
  const config = readConfigFile(file);
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new CliError(`config file ${file} must hold an object (a JSON object, a YAML mapping or a TOML document)`);
  checkConfigKeys(`config file ${file}`, config, CONFIG_KEYS);
  return config as Record<string, unknown>;
}


/** Parses `argv` (without node and script) and the environment into a CLI config. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliConfig {
  const parsed = parseCommandLine(argv, {
    ...RULE_FLAGS,
    mask: { type: 'string', short: 'm' },
    'max-line-length': { type: 'string' },
    workers: { type: 'string' },
    output: { type: 'string', short: 'o' },
    stats: { type: 'boolean' },
    'no-learn': { type: 'boolean' },
    ...KNOWN_FLAGS,
    ...ROTATION_FLAGS,
    report: { type: 'string' },
    metrics: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
  });
  const v = parsed.values;
  const file = v.config === undefined ? {} : loadConfigFile(v.config);
  const options: Record<string, unknown> = { ...file };
  for (const key of CLI_KEYS) delete options[key];
  const configName = v.config ?? '';
  const known = knownSources(configName, file, v);
  const rotation = rotationTimes(configName, file, v);
  applyRuleFlags(options, v, env);
  applySourceFlags(options, v);
  if (v.mask !== undefined) options.mask = v.mask;
  // Value identity is on by default; the config's "learn" (a boolean or { maxValues, ttl }) is
  // checked by createRedactor, and --no-learn overrides it.
  if (v['no-learn'] === true) options.learn = false;
  if (v['max-line-length'] !== undefined) {
    const n = Number(v['max-line-length']);
    if (!Number.isSafeInteger(n)) throw new UsageError('--max-line-length must be an integer');
    options.maxLineLength = n;
  }
  let workers = DEFAULT_WORKERS;
  if (v.workers !== undefined) {
    workers = Number(v.workers);
    if (!Number.isSafeInteger(workers) || workers < 0 || workers > 16) throw new UsageError('--workers must be an integer from 0 to 16');
  }
  return {
    help: v.help === true,
    workers,
    version: v.version === true,
    stats: v.stats === true,
    output: v.output,
    inputs: parsed.positionals.length === 0 ? ['-'] : parsed.positionals,
    streamOptions: options as RedactorOptions & RedactStreamOptions,
    known: known.secrets.length + known.env.length + known.files.length > 0 ? { ...known, ...rotation } : undefined,
    report: v.report,
    metrics: v.metrics === undefined ? undefined : parseListenAddress(v.metrics),
    origins: optionOrigins(v.config, file, v),
  };
}
