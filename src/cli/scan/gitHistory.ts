/**
 * `logveil scan --git` and `--staged`: the lines git changes added, scanned. One git process
 * (`git log -p` for the history, `git diff --cached` for the staged changes) is streamed
 * through the patch parser (gitPatch.ts) into the added-line batches (addedLines.ts), which
 * use the scan's own content scanner; nothing but a batch and the findings is held, so a
 * history of any length is scanned in bounded memory. git runs beside the scan on its own
 * core, producing diffs while the main thread scans them.
 *
 * Safety: a revision the user names is refused when it looks like an option, and resolved to
 * a commit's full hex name (`git rev-parse --verify`) before it reaches `git log`; paths come
 * after `--` and are literal (`--literal-pathspecs`). The diff flags override every config
 * that would change the patch's shape (colour, external diff and textconv drivers, prefixes,
 * renames, context lines, relative paths, submodule logs, signatures), and `--text` shows
 * files `.gitattributes` marks binary (addedLines.ts applies git's own binary test instead).
 *
 * Paths are reported relative to the working directory (as the file scan reports them, and as
 * SARIF's %SRCROOT% expects), whichever directory of the repository the scan runs in.
 *
 * PERF: git is the bound. On bench/gitHistory.ts's 3,000-commit history a CPU profile of the
 * CLI shows the main thread idle 57% of the run, waiting for `git log -p`; so `--workers` does
 * not apply here (the scan threads would wait for the same git). Two `git diff-tree --stdin`
 * processes over halves of the commits, tried by hand, were no faster on the 2-core machine
 * (2.8 s against 2.2 s for one).
 */
import { execFileSync, spawn } from 'node:child_process';
import { CliError, UsageError } from '../config.js';
import { AddedLines, type PathTotals } from './addedLines.js';
import type { ContentScanner } from './contentScanner.js';
import type { FileResult, GitCommit } from './scanFinding.js';
import { PatchParser } from './gitPatch.js';

/** What `--git` or `--staged` asked for. */
export type GitScope =
  | {
      readonly kind: 'history';
      /** `--since REV`: only commits after REV (not reachable from it). */
      readonly since?: string;
      /** `--branch REF`: the history of REF instead of HEAD. */
      readonly branch?: string;
      /** `--all`: every ref's history. */
      readonly all: boolean;
      readonly paths: readonly string[];
    }
  | { readonly kind: 'staged'; readonly paths: readonly string[] };

/** The outcome: one scanned result per path changed (findings in history order: newest first), and counts. */
export interface GitScanResult {
  readonly results: FileResult[];
  /** Commits read (0 for staged changes). */
  readonly commits: number;
  /** Paths skipped as binary, or by `allowPaths`. */
  readonly binary: number;
  readonly allowedPaths: number;
}

/** The diff flags: a patch the parser can read, whatever the user's git config says. */
const DIFF_FLAGS = [
  '--patch',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-renames',
  '--text',
  '--unified=0',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--no-relative',
  '--submodule=short',
  '--ignore-submodules=none',
];
/** The history flags: every commit (merges as combined diffs, which show a merge's own lines), the root commit's lines too. */
const LOG_FLAGS = ['log', '--cc', '--full-history', '--root', '--no-show-signature', '--format=%x00%H %aI'];
/** Config that `-c` pins for this run (quoting of paths, prefixes). */
const CONFIG = ['-c', 'core.quotePath=true', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'diff.suppressBlankEmpty=false', '--literal-pathspecs'];

/** The environment git runs in: the user's (a hook's GIT_DIR and GIT_INDEX_FILE included: they say which index a commit takes), without variables that change a diff's shape. */
function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.GIT_EXTERNAL_DIFF;
  delete env.GIT_DIFF_OPTS;
  delete env.GIT_PAGER;
  return env;
}

/** git's first line of complaint, or the system's reason. */
function gitReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { stderr?: Buffer | string };
  if (e.code === 'ENOENT') return 'git is not installed';
  const first = e.stderr?.toString().trim().split('\n')[0];
  return first !== undefined && first !== '' ? first.replace(/^fatal: /, '') : (e.code ?? e.message);
}

function git(args: readonly string[]): string {
  return execFileSync('git', [...CONFIG, ...args], { env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }).trim();
}

/**
 * Where the working directory is in the work tree: the way up to its top (`../../`) and the
 * way down from it (`sub/dir/`); both '' at the top or in a bare repository.
 */
function placeInTree(flag: string): { up: string; down: string } {
  try {
    git(['rev-parse', '--git-dir']);
  } catch (err) {
    const reason = gitReason(err);
    throw new CliError(/not a git repository/i.test(reason) ? `${flag}: not in a git repository` : `${flag}: cannot read the git repository (${reason})`);
  }
  try {
    const [up = '', down = ''] = git(['rev-parse', '--show-cdup', '--show-prefix']).split('\n');
    return { up, down };
  } catch {
    return { up: '', down: '' }; // a bare repository: paths from its top
  }
}

/** A path from the top of the work tree → the same path from the working directory. */
function fromWorkingDirectory(place: { up: string; down: string }): (path: string) => string {
  if (place.up === '') return (path) => path;
  return (path) => (path.startsWith(place.down) ? path.slice(place.down.length) : place.up + path);
}

/** A revision the user named → the full hex name of its commit; exit 2 when it names none. */
function resolveCommit(rev: string, flag: string): string {
  if (rev.startsWith('-') || rev.length === 0) throw new UsageError(`${flag} needs a revision (a commit, branch or tag), not an option`);
  try {
    return git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    throw new CliError(`${flag}: no such commit in this repository`);
  }
}

/** True when HEAD names a commit (false in a repository with none yet). */
function hasHead(): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    return true;
  } catch {
    return false;
  }
}

/** The git command for `scope`, or undefined when there is nothing to read (no commit yet). */
function gitCommand(scope: GitScope): string[] | undefined {
  const paths = ['--', ...scope.paths];
  if (scope.kind === 'staged') return [...CONFIG, 'diff', '--cached', ...DIFF_FLAGS, ...paths];
  const revs: string[] = [];
  if (scope.all) revs.push('--all');
  else if (scope.branch !== undefined) revs.push(resolveCommit(scope.branch, '--branch'));
  else if (hasHead()) revs.push('HEAD');
  else return undefined;
  if (scope.since !== undefined) revs.push(`^${resolveCommit(scope.since, '--since')}`);
  return [...CONFIG, ...LOG_FLAGS, ...DIFF_FLAGS, ...revs, ...paths];
}

/** Bytes of git's stderr kept for the error message. */
const STDERR_KEPT = 4096;

/**
 * Scans the added lines of `scope` in the repository of the working directory. Throws
 * `CliError` (exit 2) when it is not a repository, a revision names no commit, or git fails.
 *
 * @example
 * const r = await scanGitChanges({ kind: 'history', all: false, paths: [] }, scanner, (p) => allow.path(p));
 * r.results[0]; // { kind: 'scanned', path: 'config/app.env', bytes: 120, findings: [{ commit: { sha, date }, … }], allowedInline: 0 }
 */
export async function scanGitChanges(scope: GitScope, scanner: ContentScanner, allowedPath: (path: string) => boolean): Promise<GitScanResult> {
  const flag = scope.kind === 'staged' ? '--staged' : '--git';
  const shown = fromWorkingDirectory(placeInTree(flag));
  const args = gitCommand(scope);
  const lines = new AddedLines(scanner, allowedPath);
  let commits = 0;
  if (args !== undefined) {
    let commit: GitCommit | undefined;
    const parser = new PatchParser({
      commit(sha, date) {
        commit = { sha, date };
        commits++;
      },
      file: (path) => lines.file(shown(path), commit),
      fileEnd: () => lines.fileEnd(),
      added: (buf, start, end, line) => lines.add(buf, start, end, line),
    });
    const child = spawn('git', args, { env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < STDERR_KEPT) stderr += b.toString('utf8');
    });
    const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
      child.on('error', (error) => resolve({ code: null, error }));
      child.on('close', (code) => resolve({ code }));
    });
    try {
      for await (const chunk of child.stdout) parser.push(chunk as Buffer);
    } catch (err) {
      child.kill(); // a scan that failed does not leave git writing
      throw err;
    }
    const { code, error } = await exited;
    if (error !== undefined || code !== 0) {
      const what = scope.kind === 'staged' ? 'git diff --cached' : 'git log';
      throw new CliError(`${flag}: ${what} failed (${error !== undefined ? gitReason(error) : gitReason({ stderr, code: `exit ${code}` })})`);
    }
    parser.end();
  }
  lines.end();
  const results: FileResult[] = [...lines.byPath].map(([path, t]: [string, PathTotals]) => ({ kind: 'scanned', path, bytes: t.bytes, findings: t.findings, allowedInline: t.allowedInline }));
  return { results, commits, binary: lines.binary.size, allowedPaths: lines.allowedPaths.size };
}
