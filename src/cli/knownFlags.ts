/**
 * Where the CLI's known secrets come from, shared by the sidecar and `logveil scan`: the
 * config file's `knownSecrets`, `knownEnv`, `knownFiles`, and the `--known-env` and
 * `--known-file` flags (which add to the file's lists). The sidecar alone also has rotation
 * progress: `--rotation-grace`, `--retired-ttl`, `--revoked` and `--source`.
 */
import { hostname } from 'node:os';
import { parseDuration } from '../known/duration.js';
import type { KnownSecret } from '../known/knownSecret.js';
import { CliError, UsageError } from './cliError.js';
import { list } from './ruleFlags.js';

/** `parseArgs` specs of the known-secret flags. */
export const KNOWN_FLAGS = {
  'known-env': { type: 'string', multiple: true },
  'known-file': { type: 'string', multiple: true },
} as const;

/** The known secrets to use: given values, environment variable patterns, files. */
export interface KnownSources {
  readonly secrets: readonly KnownSecret[];
  readonly env: readonly string[];
  readonly files: readonly string[];
}

/** A config file key holding a list of strings. */
export function stringArray(file: string, key: string, v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new CliError(`config file ${file}: "${key}" must be an array of strings`);
  return v as string[];
}

/**
 * The sources named by `config` (the config file's object, `file` its name) and the flags.
 *
 * @example
 * knownSources('logveil.json', { knownFiles: ['/run/secrets'] }, { 'known-env': ['STRIPE_*'] });
 */
export function knownSources(file: string, config: Record<string, unknown>, v: { readonly 'known-env'?: string[]; readonly 'known-file'?: string[] }): KnownSources {
  const given = config.knownSecrets;
  const ok = (s: unknown) => s !== null && typeof s === 'object' && typeof (s as KnownSecret).name === 'string' && typeof (s as KnownSecret).value === 'string';
  if (given !== undefined && (!Array.isArray(given) || !given.every(ok))) throw new CliError(`config file ${file}: "knownSecrets" must be an array of {"name": …, "value": …} strings`);
  return {
    secrets: (given as KnownSecret[] | undefined) ?? [],
    env: [...stringArray(file, 'knownEnv', config.knownEnv), ...(v['known-env'] ?? []).flatMap(list)],
    files: [...stringArray(file, 'knownFiles', config.knownFiles), ...(v['known-file'] ?? [])],
  };
}

/**
 * `parseArgs` specs of the sidecar's rotation-progress flags (not `logveil scan`'s).
 *
 * @example
 * parseCommandLine(argv, { ...KNOWN_FLAGS, ...ROTATION_FLAGS });
 */
export const ROTATION_FLAGS = {
  'rotation-grace': { type: 'string' },
  'retired-ttl': { type: 'string' },
  revoked: { type: 'string' },
  source: { type: 'string' },
} as const;

/** Default rotation grace of the CLI: 24 hours. */
const DEFAULT_GRACE = '24h';
/** Default time a retired value stays recognised: 30 days. */
const DEFAULT_RETIRED_TTL = '30d';

/** The flags `rotationTimes` and `applySourceFlags` read. */
interface RotationValues {
  readonly 'rotation-grace'?: string;
  readonly 'retired-ttl'?: string;
  readonly revoked?: string;
  readonly source?: string;
}

/** A duration from its flag, else the config file's key, else `fallback`; errors name where it came from. */
function durationOf(flag: string, key: string, typed: string | undefined, config: Record<string, unknown>, file: string, fallback: string): number {
  const ms = parseDuration(typed ?? config[key] ?? fallback);
  if (ms !== undefined) return ms;
  const message = 'must be a duration such as 30d, 24h, 30m, 90s or milliseconds';
  if (typed !== undefined) throw new UsageError(`${flag} ${message}`);
  throw new CliError(`config file ${file}: "${key}" ${message}`);
}

/**
 * The rotation grace and the retired TTL in milliseconds: `--rotation-grace`/`rotationGrace`
 * (default 24 h) and `--retired-ttl`/`retiredTtl` (default 30 days).
 *
 * @example
 * rotationTimes('logveil.json', { retiredTtl: '7d' }, {}); // { rotationGrace: 86400000, retiredTtl: 604800000 }
 */
export function rotationTimes(file: string, config: Record<string, unknown>, v: RotationValues): { rotationGrace: number; retiredTtl: number } {
  return {
    rotationGrace: durationOf('--rotation-grace', 'rotationGrace', v['rotation-grace'], config, file, DEFAULT_GRACE),
    retiredTtl: durationOf('--retired-ttl', 'retiredTtl', v['retired-ttl'], config, file, DEFAULT_RETIRED_TTL),
  };
}

/**
 * Sets the redactor options of `--revoked FILE` (`revokedFingerprints`, read and checked by
 * the redactor) and `--source NAME` over the config file's, and `source` to the host name
 * when neither names one: every finding in the report carries it.
 *
 * @example
 * applySourceFlags(options, { revoked: 'revoked.txt' }); // options.source === os.hostname()
 */
export function applySourceFlags(options: Record<string, unknown>, v: RotationValues): void {
  if (v.revoked !== undefined) options.revokedFingerprints = v.revoked;
  if (v.source !== undefined) options.source = v.source;
  options.source ??= hostname();
}
