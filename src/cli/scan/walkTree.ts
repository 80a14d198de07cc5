/**
 * The paths on the command line → the files to scan, in a stable order (arguments in order,
 * each directory's entries sorted by name). Directories are walked recursively, without
 * `.git` and `node_modules` and without what `.gitignore` ignores; symbolic links, sockets
 * and FIFOs met while walking are skipped (a link can loop, a FIFO can block). A file named
 * on the command line is scanned even when `.gitignore` lists it: it was asked for.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../config.js';
import { GitIgnores } from './gitIgnores.js';

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

function walk(dir: string, abs: string, ignores: GitIgnores, out: ScanTarget[], seen: Seen): void {
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
      if (SKIPPED_DIRS.has(e.name) || ignores.ignores(absPath, true)) continue;
      walk(path, absPath, ignores.enter(absPath), out, seen);
    } else if (e.isFile()) {
      if (ignores.ignores(absPath, false)) continue;
      let size: number;
      try {
        size = statSync(path).size;
      } catch (err) {
        throw failure(path, err);
      }
      add(out, seen, path, absPath, size);
    }
  }
}

/**
 * Every file to scan under `paths` (`-` is standard input, listed once).
 * Throws `CliError` for a path that does not exist or cannot be read.
 *
 * @example
 * listTargets(['src', 'README.md', '-']);
 * // [{ kind: 'file', path: 'src/a.ts', size: 812 }, …, { kind: 'file', path: 'README.md', … }, { kind: 'stdin' }]
 */
export function listTargets(paths: readonly string[]): ScanTarget[] {
  const out: ScanTarget[] = [];
  const seen: Seen = new Set();
  let stdin = false;
  for (const path of paths) {
    if (path === '-') {
      if (!stdin) out.push({ kind: 'stdin' });
      stdin = true;
      continue;
    }
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      throw failure(path, err);
    }
    if (st.isDirectory()) {
      const abs = resolve(path);
      walk(path, abs, GitIgnores.above(abs).enter(abs), out, seen);
    } else if (st.isFile()) {
      add(out, seen, path, resolve(path), st.size);
    } else {
      throw new CliError(`cannot scan ${path}: not a file or directory`);
    }
  }
  return out;
}
