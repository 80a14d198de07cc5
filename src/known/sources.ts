/**
 * Where known secrets come from: environment variables (by name or `PREFIX_*`) and files (a
 * file is one secret named after it; a directory holds one secret per file, the shape of a
 * Kubernetes secret volume or a secret-store agent's output directory).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readRegularFile, UnreadableFile } from '../regularFile.js';
import type { KnownSecret } from './knownSecret.js';

/**
 * The variables that `patterns` name (`NAME`, or `PREFIX_*` for every variable starting with
 * PREFIX_), with a warning for each exact name that is not set or empty.
 *
 * @example
 * secretsFromEnv(['DB_PASSWORD', 'STRIPE_*'], process.env, console.warn);
 */
export function secretsFromEnv(patterns: readonly string[], env: NodeJS.ProcessEnv, warn: (message: string) => void): KnownSecret[] {
  const out: KnownSecret[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('*')) {
      const prefix = pattern.slice(0, -1);
      const names = Object.keys(env).filter((n) => n.startsWith(prefix) && env[n]);
      if (names.length === 0) warn(`known secret environment pattern "${pattern}" matches no variable`);
      for (const name of names.sort()) out.push({ name, value: env[name]! });
    } else if (env[pattern]) {
      out.push({ name: pattern, value: env[pattern] });
    } else {
      warn(`known secret variable ${pattern} is not set`);
    }
  }
  return out;
}

/** A path that could not be read, with the reason (an errno code). */
export class UnreadableSecretPath extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot read known secret ${path}: ${reason}`);
  }
}

function reason(err: unknown): string {
  if (err instanceof UnreadableFile) return err.reason;
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/** Largest secret file read, in bytes: a bigger file is not one secret (a log, a dump). */
export const MAX_SECRET_FILE = 1024 * 1024;

/**
 * The secrets in `path`: the file itself, or every regular file of a directory (not
 * recursive; names starting with `.` are skipped — Kubernetes keeps `..data` there). Files are
 * read by `readRegularFile`: only regular files of at most `MAX_SECRET_FILE` bytes, checked
 * before a byte is read. Throws `UnreadableSecretPath` when the path itself cannot be read, is
 * neither a regular file nor a directory (a FIFO or a device would block or never end), or is
 * a file over the limit. Inside a directory, such an entry — a FIFO, a device (a symbolic link
 * to `/dev/zero`), a subdirectory, a file over the limit — is skipped with a warning through
 * `warn` that names it and says what it is, never what it holds.
 */
export function secretsFromPath(path: string, warn: (message: string) => void): KnownSecret[] {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    throw new UnreadableSecretPath(path, reason(err));
  }
  if (!st.isDirectory()) {
    try {
      return [{ name: basename(path), value: readRegularFile(path, MAX_SECRET_FILE) }];
    } catch (err) {
      if (err instanceof UnreadableFile && err.refused && !st.isFile()) throw new UnreadableSecretPath(path, `${err.reason} or a directory`);
      throw new UnreadableSecretPath(path, reason(err));
    }
  }
  let names: string[];
  try {
    names = readdirSync(path).filter((n) => !n.startsWith('.')).sort();
  } catch (err) {
    throw new UnreadableSecretPath(path, reason(err));
  }
  const out: KnownSecret[] = [];
  for (const name of names) {
    const file = join(path, name);
    try {
      out.push({ name, value: readRegularFile(file, MAX_SECRET_FILE) });
    } catch (err) {
      if (!(err instanceof UnreadableFile && err.refused)) throw new UnreadableSecretPath(file, reason(err));
      warn(`known secret file ${file} skipped: ${err.reason}`);
    }
  }
  return out;
}

/** Inode, size and mtime of `path` (or why it cannot be stat'ed), and whether it is a directory. */
function stamp(path: string): { readonly text: string; readonly dir: boolean } {
  try {
    const s = statSync(path, { bigint: true });
    return { text: `${s.ino}:${s.size}:${s.mtimeNs}`, dir: s.isDirectory() };
  } catch (err) {
    return { text: reason(err), dir: false };
  }
}

/**
 * The cheapest signature: the named paths themselves (a directory's inode and mtime change
 * when an entry is added, removed or renamed into place; a file's on any rewrite).
 */
export function quickSignatureOf(paths: readonly string[]): string {
  return paths.map((p) => stamp(p).text).join('\n');
}

/**
 * A cheap signature of what `paths` hold now (inode, size, mtime of each path and of each
 * file of a directory): when it changes, the secrets are read again.
 */
export function signatureOf(paths: readonly string[]): string {
  const parts: string[] = [];
  for (const p of paths) {
    const { text, dir } = stamp(p);
    parts.push(`${p}:${text}`);
    if (!dir) continue;
    try {
      for (const n of readdirSync(p).sort()) if (!n.startsWith('.')) parts.push(`${join(p, n)}:${stamp(join(p, n)).text}`);
    } catch (err) {
      parts.push(`${p}/:${reason(err)}`);
    }
  }
  return parts.join('\n');
}
