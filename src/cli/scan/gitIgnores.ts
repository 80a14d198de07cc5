/**
 * `.gitignore` files as git reads them: every `.gitignore` from the repository's top (the
 * nearest directory above holding `.git`) down to the directory being scanned, and those met
 * while walking. A deeper file wins over a shallower one, and within a file the last matching
 * pattern wins (a `!negation` re-includes) — the `ignore` package implements git's pattern
 * syntax, this file the layering. As in git, patterns apply to untracked files only: a file
 * git tracks is never ignored, and a directory holding one is walked (gitTracked.ts; when git
 * cannot list them, patterns apply to every file). A directory holding `.git` (a nested
 * repository, a submodule) starts a new repository: the outer one's patterns and tracked
 * files stop at it. A directory named on the command line is walked even when a `.gitignore`
 * above it ignores it or everything in it (`d/`, `d/*`, `d/**`: it was asked for): those
 * patterns are left out inside it, the others (`*.log`) still apply. Not read:
 * `.git/info/exclude` and the user's global excludes file (a CI checkout has neither).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { GitRepositories, TrackedFiles } from './gitTracked.js';

interface Layer {
  /** The directory the `.gitignore` sits in (absolute). */
  readonly base: string;
  /** Its pattern lines, as read. */
  readonly patterns: readonly string[];
  readonly rules: Ignore;
}

function layer(base: string, patterns: readonly string[]): Layer {
  return { base, patterns, rules: ignore().add([...patterns]) };
}

/** `path` relative to `base` with `/` separators, or undefined when it is not below `base`. */
function below(base: string, path: string): string | undefined {
  let rel = relative(base, path);
  if (sep !== '/') rel = rel.split(sep).join('/');
  return rel === '' || rel === '..' || rel.startsWith('../') ? undefined : rel;
}

/**
 * A name for "any entry of the directory": a pattern that ignores it inside a directory
 * ignores the whole content (`d/*`, `d/**`), not some of its files (`d/*.log`).
 */
const ANY_ENTRY = 'logveil-any-entry-7f3a9c';

/** True when `rules` ignore the directory `rel/` itself or, whatever their names, the entries inside it. */
function hidesDirectory(rules: Ignore, rel: string): boolean {
  return rules.test(`${rel}/`).ignored || rules.test(`${rel}/${ANY_ENTRY}`).ignored || rules.test(`${rel}/${ANY_ENTRY}/`).ignored;
}

/** The repository a stack belongs to: its top and, when git could list them, its tracked files. */
interface Repository {
  readonly top: string;
  readonly tracked: TrackedFiles | undefined;
}

function holdsGit(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/**
 * An immutable stack of `.gitignore` layers; `enter` returns a new stack for a subdirectory.
 *
 * @example
 * const repos = new GitRepositories(warn);
 * let ignores = GitIgnores.above('/repo/src', repos); // reads /repo/.gitignore if /repo holds .git
 * ignores = ignores.enter('/repo/src');                 // adds /repo/src/.gitignore if present
 * ignores.ignores('/repo/src/gen', true);              // true when a layer ignores "gen/" and git tracks nothing in it
 */
export class GitIgnores {
  private constructor(
    private readonly layers: readonly Layer[],
    private readonly repo: Repository | undefined,
    private readonly repos: GitRepositories,
  ) {}

  /** The layers that apply to `dir` from above it: the `.gitignore` files between the repository's top and `dir` (exclusive). */
  static above(dir: string, repos: GitRepositories): GitIgnores {
    if (holdsGit(dir)) return new GitIgnores([], { top: dir, tracked: repos.tracked(dir) }, repos); // dir is the top itself
    const chain: string[] = [];
    for (let d = dirname(dir); ; d = dirname(d)) {
      chain.push(d);
      if (holdsGit(d)) break;
      if (dirname(d) === d) return new GitIgnores([], undefined, repos); // not in a repository: nothing above applies
    }
    chain.reverse();
    const top = chain[0]!;
    let stack = new GitIgnores([], { top, tracked: repos.tracked(top) }, repos);
    for (const d of chain) stack = stack.withLayerOf(d);
    // Leave out what would ignore `dir` itself, everything in it, or a directory between it and the layer.
    return new GitIgnores(
      stack.layers.map((l) => {
        const rel = below(l.base, dir)!;
        if (!hidesDirectory(l.rules, rel)) return l;
        return layer(l.base, l.patterns.filter((p) => !hidesDirectory(ignore().add(p), rel)));
      }),
      stack.repo,
      repos,
    );
  }

  /** The stack for the subdirectory `dir`: plus `dir/.gitignore` when there is one; a fresh repository's when `dir` holds `.git`. */
  enter(dir: string): GitIgnores {
    if (holdsGit(dir) && dir !== this.repo?.top) return new GitIgnores([], { top: dir, tracked: this.repos.tracked(dir) }, this.repos).withLayerOf(dir);
    return this.withLayerOf(dir);
  }

  private withLayerOf(dir: string): GitIgnores {
    let text: string;
    try {
      text = readFileSync(join(dir, '.gitignore'), 'utf8');
    } catch {
      return this; // none (or unreadable: git skips it too)
    }
    return new GitIgnores([...this.layers, layer(dir, text.split(/\r?\n/))], this.repo, this.repos);
  }

  /** True when git would ignore `path` (absolute); `isDir` for a directory. Never for what git tracks. */
  ignores(path: string, isDir: boolean): boolean {
    if (this.layers.length === 0) return false;
    const tracked = this.repo?.tracked;
    if (tracked !== undefined) {
      const rel = below(this.repo!.top, path);
      if (rel !== undefined && (isDir ? tracked.holds(rel) : tracked.has(rel))) return false;
    }
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i]!;
      const rel = below(l.base, path);
      if (rel === undefined) continue;
      const result = l.rules.test(isDir ? `${rel}/` : rel);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }
}
