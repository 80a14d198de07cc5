/**
 * The paths on the command line → the files to scan, in a stable order (arguments in order,
 * each directory's entries sorted by name). Directories are walked recursively, without
 * `.git` and `node_modules` and without what `.gitignore` ignores (untracked files only, see
 * gitIgnores.ts); symbolic links, sockets and FIFOs met while walking are skipped (a link can
 * loop, a FIFO can block). A file named on the command line is scanned even when
 * `.gitignore` lists it: it was asked for. A symbolic link named on the command line is
 * followed; one whose target is missing is skipped with a warning (a pre-commit hook passes
 * every staged path, and a staged link to a file not built yet holds no secret).
 */
import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../config.js';
import { GitIgnores } from './gitIgnores.js';
import { GitRepositories } from './gitTracked.js';

/** Directory names never walked into. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** One file to scan, or standard input. */
export type ScanTarget = { readonly kind: 'file'; readonly path: string; readonly size: number } | { readonly kind: 'stdin' };

function failure(path: string, err: unknown): CliError {
  return new CliError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}

/** Files found so far, by absolute path: a file reached twice (`scan src src/a.ts`) is scanned once. */
type Seen = Set<string>;

function add(out: ScanTarget[], seen: Seen, path: string, abs: string, size: number): void {
  if (seen.has(abs)) return;
  seen.add(abs);
  out.push({ kind: 'file', path, size });
}

/** What a walk found: the targets, and how many entries `.gitignore` left out. */
export interface TargetList {
  readonly targets: ScanTarget[];
  /** Files and directories met while walking and skipped because `.gitignore` ignores them. */
  readonly ignored: number;
}

interface Walk {
  readonly out: ScanTarget[];
  readonly seen: Seen;
  ignored: number;
}

function walk(dir: string, abs: string, ignores: GitIgnores, w: Walk): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw failure(dir, err);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    const absPath = join(abs, e.name);
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name)) continue;
      if (ignores.ignores(absPath, true)) {
        w.ignored++;
        continue;
      }
      walk(path, absPath, ignores.enter(absPath), w);
    } else if (e.isFile()) {
      if (ignores.ignores(absPath, false)) {
        w.ignored++;
        continue;
      }
      let size: number;
      try {
        size = statSync(path).size;
      } catch (err) {
        throw failure(path, err);
      }
      add(w.out, w.seen, path, absPath, size);
    }
  }
}

/** True for a symbolic link whose target is missing (or a loop of links). */
function isDanglingLink(path: string, err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ELOOP') return false;
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Every file to scan under `paths` (`-` is standard input, listed once). `warn` receives one
 * line per skipped dangling link and per repository whose tracked files git could not list.
 * Throws `CliError` for a path that does not exist or cannot be read.
 *
 * @example
 * listTargets(['src', 'README.md', '-'], console.warn).targets;
 * // [{ kind: 'file', path: 'src/a.ts', size: 812 }, …, { kind: 'file', path: 'README.md', … }, { kind: 'stdin' }]
 */
export function listTargets(paths: readonly string[], warn: (message: string) => void): TargetList {
  const w: Walk = { out: [], seen: new Set(), ignored: 0 };
  const repos = new GitRepositories(warn);
  let stdin = false;
  for (const path of paths) {
    if (path === '-') {
      if (!stdin) w.out.push({ kind: 'stdin' });
      stdin = true;
      continue;
    }
    let st: Stats;
    try {
      st = statSync(path);
    } catch (err) {
      if (isDanglingLink(path, err)) {
        warn(`skipped ${path}: a symbolic link to nothing (${(err as NodeJS.ErrnoException).code})`);
        continue;
      }
      throw failure(path, err);
    }
    if (st.isDirectory()) {
      const abs = resolve(path);
      walk(path, abs, GitIgnores.above(abs, repos).enter(abs), w);
    } else if (st.isFile()) {
      add(w.out, w.seen, path, resolve(path), st.size);
    } else {
      throw new CliError(`cannot scan ${path}: not a file or directory`);
    }
  }
  return { targets: w.out, ignored: w.ignored };
}
