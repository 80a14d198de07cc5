/**
 * `.gitignore` files as git reads them: every `.gitignore` from the repository's top (the
 * nearest directory above holding `.git`) down to the directory being scanned, and those met
 * while walking. A deeper file wins over a shallower one, and within a file the last matching
 * pattern wins (a `!negation` re-includes) — the `ignore` package implements git's pattern
 * syntax, this file the layering. Not read: `.git/info/exclude` and the user's global
 * excludes file (a CI checkout has neither).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Layer {
  /** The directory the `.gitignore` sits in (absolute). */
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * An immutable stack of `.gitignore` layers; `enter` returns a new stack for a subdirectory.
 *
 * @example
 * let ignores = GitIgnores.above('/repo/src');   // reads /repo/.gitignore if /repo holds .git
 * ignores = ignores.enter('/repo/src');            // adds /repo/src/.gitignore if present
 * ignores.ignores('/repo/src/gen', true);         // true when a layer ignores "gen/"
 */
export class GitIgnores {
  private constructor(private readonly layers: readonly Layer[]) {}

  /** The layers that apply to `dir` from above it: the `.gitignore` files between the repository's top and `dir` (exclusive). */
  static above(dir: string): GitIgnores {
    if (existsSync(join(dir, '.git'))) return new GitIgnores([]); // dir is the top itself
    const chain: string[] = [];
    for (let d = dirname(dir); ; d = dirname(d)) {
      chain.push(d);
      if (existsSync(join(d, '.git'))) break;
      if (dirname(d) === d) return new GitIgnores([]); // not in a repository: nothing above applies
    }
    let stack = new GitIgnores([]);
    for (const d of chain.reverse()) stack = stack.enter(d);
    return stack;
  }

  /** This stack plus `dir/.gitignore` when there is one. */
  enter(dir: string): GitIgnores {
    let text: string;
    try {
      text = readFileSync(join(dir, '.gitignore'), 'utf8');
    } catch {
      return this; // none (or unreadable: git skips it too)
    }
    return new GitIgnores([...this.layers, { base: dir, rules: ignore().add(text) }]);
  }

  /** True when git would ignore `path` (absolute); `isDir` for a directory. */
  ignores(path: string, isDir: boolean): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i]!;
      let rel = relative(layer.base, path);
      if (sep !== '/') rel = rel.split(sep).join('/');
      if (rel === '' || rel.startsWith('../')) continue;
      const result = layer.rules.test(isDir ? `${rel}/` : rel);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }
}
