/**
 * `.gitleaksignore`: findings a team accepted with gitleaks, kept out of `logveil scan`'s
 * report and exit code. One finding per line, as gitleaks prints a finding's fingerprint:
 *
 * ```text
 * # test fixtures
 * test/fixtures/config.env:generic-api-key:12
 * 3f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c:src/app.ts:aws-access-token:7
 * ```
 *
 * - `path:rule-id:line` for a finding in a file, `commit:path:rule-id:line` for one in git
 *   history (a commit is 40 or 64 hex digits; 7 or more match as a prefix). An entry without a
 *   commit matches the finding wherever it is found, in the tree or in any commit; an entry
 *   with one only in that commit.
 * - The rule id is logveil's or gitleaks' (see src/rules/gitleaksAliases.ts).
 * - The path is compared as the report shows it (`/` separators, no leading `./`) and
 *   relative to the ignore file's directory, so an entry written at the repository's top
 *   matches however the scan was started there.
 * - The line is 1-based: the line of the secret's first byte.
 * - `#` starts a comment line; blank lines and spaces around an entry are ignored. A line that
 *   is not an entry is warned about by its number (never quoted: it may be a pasted secret)
 *   and ignored. A path may hold `:` (fields are split from the right).
 *
 * Unlike a baseline, an entry names a place, not a secret: editing lines above an accepted
 * finding brings it back (as in gitleaks).
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ruleIdMatches } from '../../rules/gitleaksAliases.js';
import { systemErrorText } from '../cliError.js';
import { CliError } from '../config.js';

/** The file gitleaks reads at the top of the scanned directory. */
export const GITLEAKS_IGNORE_FILE = '.gitleaksignore';

/** What an entry is compared with: a finding's place and rule (and its commit, for history). */
export interface IgnorableFinding {
  /** The commit a history finding was found in (full hex); absent for a file in the tree. */
  readonly commit?: string | undefined;
  readonly path: string;
  readonly ruleId: string;
  /** 1-based line of the secret's first byte. */
  readonly line: number;
}

/** One parsed entry. */
export interface IgnoreEntry {
  readonly commit: string | undefined;
  readonly path: string;
  readonly ruleId: string;
  readonly line: number;
}

/**
 * @example
 * const ignore = loadGitleaksIgnores([{ file: '.gitleaksignore', required: false }], warn);
 * ignore.ignores({ path: 'src/a.ts', ruleId: 'github-pat', line: 3 }); // true when listed
 */
export interface GitleaksIgnore {
  /** Entries read, over all files. */
  readonly size: number;
  ignores(finding: IgnorableFinding): boolean;
}

const COMMIT = /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/i;
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const LINE = /^[1-9][0-9]{0,9}$/;

/** A path as reports show it: `/` separators, no `./` segments at the front. */
function normalPath(path: string): string {
  let p = sep === '/' ? path : path.split(sep).join('/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/**
 * One line of an ignore file as an entry, `undefined` for a blank or comment line, or `'bad'`.
 *
 * @example
 * parseIgnoreLine('a/b.ts:github-pat:3'); // { commit: undefined, path: 'a/b.ts', ruleId: 'github-pat', line: 3 }
 */
export function parseIgnoreLine(text: string): IgnoreEntry | 'bad' | undefined {
  const t = text.trim();
  if (t === '' || t.startsWith('#')) return undefined;
  const lineAt = t.lastIndexOf(':');
  const ruleAt = lineAt <= 0 ? -1 : t.lastIndexOf(':', lineAt - 1);
  if (ruleAt <= 0) return 'bad';
  const line = t.slice(lineAt + 1);
  const ruleId = t.slice(ruleAt + 1, lineAt);
  let path = t.slice(0, ruleAt);
  if (!LINE.test(line) || !RULE_ID.test(ruleId)) return 'bad';
  let commit: string | undefined;
  const first = path.indexOf(':');
  if (first > 0 && COMMIT.test(path.slice(0, first))) {
    commit = path.slice(0, first).toLowerCase();
    path = path.slice(first + 1);
  }
  if (path === '') return 'bad';
  return { commit, path: normalPath(path), ruleId, line: Number(line) };
}

/** An ignore file to read: `required` when the user named it (a missing one is an error). */
export interface IgnoreSource {
  readonly file: string;
  readonly required: boolean;
}

/**
 * Reads the ignore files (each once). Malformed lines go to `warn` by file and line number.
 * Throws `CliError` (exit 2) when a required file cannot be read.
 */
export function loadGitleaksIgnores(sources: readonly IgnoreSource[], warn: (message: string) => void, cwd: string = process.cwd()): GitleaksIgnore {
  // Entries by `line\0path`: a finding costs a map lookup (a finding on a line no entry names,
  // a set lookup), plus a path made relative per ignore file when the path as shown misses.
  const byPlace = new Map<string, { readonly entry: IgnoreEntry; readonly base: string }[]>();
  const lines = new Set<number>();
  const bases = new Set<string>();
  const seen = new Set<string>();
  let size = 0;
  for (const { file, required } of sources) {
    const abs = resolve(cwd, file);
    if (seen.has(abs)) continue;
    seen.add(abs);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (!required && (code === 'ENOENT' || code === 'ENOTDIR')) continue;
      throw new CliError(`cannot read gitleaks ignore file ${file}: ${systemErrorText(err as NodeJS.ErrnoException)}`);
    }
    const base = dirname(abs);
    const bad: number[] = [];
    text.split('\n').forEach((raw, i) => {
      const entry = parseIgnoreLine(raw);
      if (entry === 'bad') bad.push(i + 1);
      if (entry === undefined || entry === 'bad') return;
      size++;
      lines.add(entry.line);
      bases.add(base);
      const key = `${entry.line}\0${entry.path}`;
      const list = byPlace.get(key) ?? [];
      list.push({ entry, base });
      byPlace.set(key, list);
    });
    if (bad.length > 0) {
      const shown = bad.slice(0, 10).join(', ') + (bad.length > 10 ? `, … (${bad.length} in all)` : '');
      warn(`${file}: ${bad.length === 1 ? 'line' : 'lines'} ${shown} ${bad.length === 1 ? 'is not' : 'are not'} path:rule-id:line or commit:path:rule-id:line; ignored`);
    }
  }
  const baseList = [...bases];
  return {
    size,
    ignores(f) {
      if (!lines.has(f.line)) return false;
      const commit = f.commit?.toLowerCase();
      const matches = (path: string, base: string | undefined) =>
        (byPlace.get(`${f.line}\0${path}`) ?? []).some(
          ({ entry: e, base: b }) => (base === undefined || b === base) && ruleIdMatches(e.ruleId, f.ruleId) && (e.commit === undefined || (commit !== undefined && commit.startsWith(e.commit))),
        );
      // The path as the report shows it, then as seen from each ignore file's directory.
      const shown = normalPath(f.path);
      if (matches(shown, undefined)) return true;
      if (f.path === '-') return false;
      const abs = isAbsolute(f.path) ? f.path : resolve(cwd, f.path);
      for (const base of baseList) {
        const rel = normalPath(relative(base, abs));
        if (rel !== shown && !rel.startsWith('../') && matches(rel, base)) return true;
      }
      return false;
    },
  };
}
