/**
 * Where the CLI's known secrets come from, shared by the sidecar and `logveil scan`: the
 * config file's `knownSecrets`, `knownEnv`, `knownFiles`, and the `--known-env` and
 * `--known-file` flags (which add to the file's lists).
 */
import type { KnownSecret } from '../known/knownSecret.js';
import { CliError } from './cliError.js';
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
