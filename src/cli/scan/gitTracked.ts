/**
 * The files git tracks, so that `.gitignore` applies to untracked files only, as in git: a
 * file committed before a pattern ignored it (`prod.env`, then `*.env` in `.gitignore`) is in
 * every checkout, and a gate that skipped it would pass a secret CI actually holds.
 *
 * One `git ls-files -z` per repository top, run once and kept. Run with
 * `GIT_CEILING_DIRECTORIES` set to the top's parent and without the `GIT_DIR`-like variables a
 * hook inherits, so git answers for that very repository (never an outer one, never the
 * repository whose hook is running). When git is missing or fails (an invalid `.git`, a
 * checkout owned by another user: "dubious ownership") the caller is warned once per top and
 * `.gitignore` applies to every file, tracked or not — the behaviour before this file.
 */
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';

/** The tracked paths of one repository, relative to its top with `/` separators. */
export interface TrackedFiles {
  /** True for a tracked file (or a submodule's directory, which git lists as one entry). */
  has(rel: string): boolean;
  /** True for a directory holding a tracked file at any depth (or a tracked entry itself). */
  holds(relDir: string): boolean;
}

/**
 * Output bound of `git ls-files`. PERF: the list is read in one piece; 1 GiB is ~10 million
 * paths, far beyond any repository a scan would walk, and only allocated as it fills.
 */
const MAX_LIST_BYTES = 1024 * 1024 * 1024;

/** Variables that point git at another repository or index than the one asked about. */
const REDIRECTING_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_PREFIX'];

function listTracked(top: string): TrackedFiles {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CEILING_DIRECTORIES: dirname(top) };
  for (const name of REDIRECTING_ENV) delete env[name];
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: top, env, maxBuffer: MAX_LIST_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const path of out.toString('utf8').split('\0')) {
    if (path === '') continue;
    files.add(path);
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const dir = path.slice(0, slash);
      if (dirs.has(dir)) break; // its parents are in already
      dirs.add(dir);
    }
  }
  return { has: (rel) => files.has(rel), holds: (rel) => dirs.has(rel) || files.has(rel) };
}

/** Why `git ls-files` failed, in a few words (git's first line of complaint, or the system's error code). */
function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
  if (e.code === 'ENOENT') return 'git is not installed';
  const first = e.stderr?.toString('utf8').trim().split('\n')[0];
  return first !== undefined && first !== '' ? first : (e.code ?? e.message);
}

/**
 * The tracked files of each repository met, listed on first use.
 *
 * @example
 * const repos = new GitRepositories((w) => console.error(w));
 * repos.tracked('/repo')?.has('config/prod.env'); // true when committed, ignored or not
 */
export class GitRepositories {
  private readonly byTop = new Map<string, TrackedFiles | undefined>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The tracked files of the repository whose top is `top`, or undefined when git cannot tell (warned once). */
  tracked(top: string): TrackedFiles | undefined {
    if (this.byTop.has(top)) return this.byTop.get(top);
    let tracked: TrackedFiles | undefined;
    try {
      tracked = listTracked(top);
    } catch (err) {
      this.warn(`cannot list the files git tracks in ${top} (${reason(err)}): .gitignore applies to tracked files there too`);
    }
    this.byTop.set(top, tracked);
    return tracked;
  }
}
