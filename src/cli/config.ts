/**
 * The CLI's configuration: command-line arguments, the `--config` file and the environment,
 * combined in one order of precedence (defaults < config file < environment < arguments).
 * Every failure is a `CliError` naming the file, option or key — never a value given to it,
 * which may be a secret pasted in the wrong place; nothing here writes output.
 */
import { isIP } from 'node:net';
import { CliError } from './cliError.js';
import { readJsonFile } from './jsonFile.js';
import { KNOWN_FLAGS, knownSources, type KnownSources } from './knownFlags.js';
import { applyRuleFlags, parseFlags, RULE_FLAGS } from './ruleFlags.js';
import { parseDuration } from '../known/duration.js';
import type { RedactorOptions } from '../options.js';
import type { RedactStreamOptions } from '../stream/redactStream.js';

export { CliError } from './cliError.js';

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
  readonly known: (KnownSources & { readonly rotationGrace: number }) | undefined;
  /** File that findings are appended to as NDJSON. */
  readonly report: string | undefined;
  /** Where to serve Prometheus metrics. */
  readonly metrics: { readonly host: string; readonly port: number } | undefined;
}

/** Default rotation grace of the CLI: 24 hours. */
const DEFAULT_GRACE = '24h';

/** A host name as RFC 1123 has it: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * `PORT`, `:PORT`, `HOST:PORT` or `[V6]:PORT`; the host defaults to 127.0.0.1 (never all
 * interfaces by accident). An error does not quote the value (a flag takes what is pasted).
 */
export function parseListenAddress(value: string): { host: string; port: number } {
  const m = /^(?:(\[[0-9a-fA-F:.]+\]|[^:\s]*):)?(\d{1,5})$/.exec(value.trim());
  const port = m === null ? NaN : Number(m[2]);
  if (m === null || port > 65535) throw new CliError('--metrics must be PORT or ADDRESS:PORT (such as 9464 or 127.0.0.1:9464, a port up to 65535)');
  const host = m[1] === undefined || m[1] === '' ? '127.0.0.1' : m[1].replace(/^\[|\]$/g, '');
  // An IP address or a host name (letters, digits, dots, hyphens): whatever else was pasted
  // there is refused here, before anything could print it.
  if (isIP(host) === 0 && !HOST_NAME.test(host)) throw new CliError('--metrics: the address must be an IP address or a host name');
  return { host, port };
}



/** Keys of the JSON config file, shared by the sidecar and `logveil scan`. */
export const CONFIG_KEYS: ReadonlySet<string> = new Set(['mask', 'maskByRule', 'enable', 'disable', 'rules', 'builtins', 'maxLineLength', 'fingerprintKey', 'knownSecrets', 'knownEnv', 'knownFiles', 'rotationGrace', 'gitleaksConfig', 'learn', 'scan']);
/** Config keys the CLI itself uses (not redactor options); `scan` is `logveil scan`'s section. */
const CLI_KEYS = ['knownSecrets', 'knownEnv', 'knownFiles', 'rotationGrace', 'scan'];



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
  const config = readJsonFile(file, 'config file');
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new CliError(`config file ${file} must hold a JSON object`);
  checkConfigKeys(`config file ${file}`, config, CONFIG_KEYS);
  return config as Record<string, unknown>;
}


/** Parses `argv` (without node and script) and the environment into a CLI config. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliConfig {
  const parsed = parseFlags(argv, {
    ...RULE_FLAGS,
    mask: { type: 'string', short: 'm' },
    'max-line-length': { type: 'string' },
    workers: { type: 'string' },
    output: { type: 'string', short: 'o' },
    stats: { type: 'boolean' },
    'no-learn': { type: 'boolean' },
    ...KNOWN_FLAGS,
    'rotation-grace': { type: 'string' },
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
  const graceText = v['rotation-grace'] ?? (file.rotationGrace as string | number | undefined) ?? DEFAULT_GRACE;
  const rotationGrace = parseDuration(graceText);
  if (rotationGrace === undefined) {
    const from = v['rotation-grace'] !== undefined ? '--rotation-grace' : `config file ${configName}: "rotationGrace"`;
    throw new CliError(`${from} must be a duration such as 24h, 30m, 90s or milliseconds`);
  }
  applyRuleFlags(options, v, env);
  if (v.mask !== undefined) options.mask = v.mask;
  // Value identity is on by default; the config's "learn" (a boolean or { maxValues, ttl }) is
  // checked by createRedactor, and --no-learn overrides it.
  if (v['no-learn'] === true) options.learn = false;
  if (v['max-line-length'] !== undefined) {
    const n = Number(v['max-line-length']);
    if (!Number.isSafeInteger(n)) throw new CliError('--max-line-length must be an integer');
    options.maxLineLength = n;
  }
  let workers = DEFAULT_WORKERS;
  if (v.workers !== undefined) {
    workers = Number(v.workers);
    if (!Number.isSafeInteger(workers) || workers < 0 || workers > 16) throw new CliError('--workers must be an integer from 0 to 16');
  }
  return {
    help: v.help === true,
    workers,
    version: v.version === true,
    stats: v.stats === true,
    output: v.output,
    inputs: parsed.positionals.length === 0 ? ['-'] : parsed.positionals,
    streamOptions: options as RedactorOptions & RedactStreamOptions,
    known: known.secrets.length + known.env.length + known.files.length > 0 ? { ...known, rotationGrace } : undefined,
    report: v.report,
    metrics: v.metrics === undefined ? undefined : parseListenAddress(v.metrics),
  };
}
