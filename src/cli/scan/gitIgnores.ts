/**
 * `.gitignore` files as git reads them: every `.gitignore` from the repository's top (the
 * nearest directory above holding `.git`) down to the directory being scanned, and those met
 * while walking. A deeper file wins over a shallower one, and within a file the last matching
 * pattern wins (a `!negation` re-includes) — the `ignore` package implements git's pattern
 * syntax, this file the layering. A directory named on the command line is walked even when
 * a `.gitignore` above it ignores it (it was asked for): the patterns that ignore it are
 * left out inside it, the others (`*.log`) still apply. Not read: `.git/info/exclude` and
 * the user's global excludes file (a CI checkout has neither).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

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
    // Leave out what would ignore `dir` itself (or a directory between it and the layer).
    return new GitIgnores(
      stack.layers.map((l) => {
        const rel = `${below(l.base, dir)!}/`;
        if (!l.rules.test(rel).ignored) return l;
        return layer(l.base, l.patterns.filter((p) => !ignore().add(p).test(rel).ignored));
      }),
    );
  }

  /** This stack plus `dir/.gitignore` when there is one. */
  enter(dir: string): GitIgnores {
    let text: string;
    try {
      text = readFileSync(join(dir, '.gitignore'), 'utf8');
    } catch {
      return this; // none (or unreadable: git skips it too)
    }
    return new GitIgnores([...this.layers, layer(dir, text.split(/\r?\n/))]);
  }

  /** True when git would ignore `path` (absolute); `isDir` for a directory. */
  ignores(path: string, isDir: boolean): boolean {
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
