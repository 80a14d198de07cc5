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
 *   matches however the scan was started there. A `\` in an entry is read as `/` (a
 *   fingerprint gitleaks printed on Windows); an absolute path matches the file it names.
 * - A scanned directory's own `.gitleaksignore` ignores findings inside that directory only:
 *   a vendored `lib/.gitleaksignore` cannot hide a finding in `src/`. The working directory's
 *   file, the repository top's and the one `--gitleaks-ignore` names have no such bound.
 * - The line is 1-based: the line of the secret's first byte.
 * - `#` starts a comment line; blank lines and spaces around an entry are ignored. A line that
 *   is not an entry is warned about by its number (never quoted: it may be a pasted secret)
 *   and ignored. A path may hold `:` (fields are split from the right).
 * - Only a regular file of at most {@link MAX_GITLEAKS_IGNORE_FILE} is read (src/regularFile.ts:
 *   a FIFO would block, `/dev/zero` never end). Where logveil looks on its own, a directory,
 *   FIFO or device named `.gitleaksignore` is skipped with a warning; the file
 *   `--gitleaks-ignore` names must be one (exit 2), and so must a default one that is too large.
 *
 * Unlike a baseline, an entry names a place, not a secret: editing lines above an accepted
 * finding brings it back (as in gitleaks).
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { readRegularFile, UnreadableFile } from '../../regularFile.js';
import { ruleIdMatches } from '../../rules/gitleaksAliases.js';
import { CliError } from '../config.js';

/** The file gitleaks reads at the top of the scanned directory. */
export const GITLEAKS_IGNORE_FILE = '.gitleaksignore';

/** Largest ignore file read: 16 MiB, some 160,000 entries (a large one we know of holds 10,000). */
export const MAX_GITLEAKS_IGNORE_FILE = 16 * 1024 * 1024;

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

/** An entry's path as reports show it: a Windows `\` is a `/` too (gitleaks prints the OS's separator). */
function entryPath(path: string): string {
  return normalPath(path.replace(/\\/g, '/'));
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
  return { commit, path: entryPath(path), ruleId, line: Number(line) };
}

/** An ignore file to read: `required` when the user named it (a missing one is an error). */
export interface IgnoreSource {
  readonly file: string;
  readonly required: boolean;
}

/**
 * The text of one ignore file, or undefined when it is skipped: a default file that is
 * missing, or (with a warning) not a regular file. Throws `CliError` otherwise.
 */
function readIgnoreFile({ file, required }: IgnoreSource, abs: string, warn: (message: string) => void): string | undefined {
  try {
    return readRegularFile(abs, MAX_GITLEAKS_IGNORE_FILE).toString('utf8');
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    if (!required && (err.reason === 'ENOENT' || err.reason === 'ENOTDIR')) return undefined;
    // A directory, FIFO or device where logveil looked on its own is not the user's ignore file.
    if (!required && err.refused && err.reason.endsWith('not a regular file')) {
      warn(`${file} is ${err.reason}; skipped`);
      return undefined;
    }
    throw new CliError(`cannot read gitleaks ignore file ${file}: ${err.reason}`);
  }
}

/**
 * Reads the ignore files (each once). Malformed lines go to `warn` by file and line number.
 * Throws `CliError` (exit 2) when a required file cannot be read, or a default one is there
 * but cannot be (see the module doc).
 */
export function loadGitleaksIgnores(sources: readonly IgnoreSource[], warn: (message: string) => void, cwd: string = process.cwd()): GitleaksIgnore {
  // Entries by `line\0path`: a finding costs a map lookup (a finding on a line no entry names,
  // a set lookup), plus a path made relative per ignore file when the path as shown misses.
  const byPlace = new Map<string, { readonly entry: IgnoreEntry; readonly base: string; readonly confined: boolean }[]>();
  const lines = new Set<number>();
  const bases = new Set<string>();
  const seen = new Set<string>();
  const top = resolve(cwd);
  let absoluteEntries = false;
  let size = 0;
  for (const source of sources) {
    const abs = resolve(cwd, source.file);
    if (seen.has(abs)) continue;
    seen.add(abs);
    const text = readIgnoreFile(source, abs, warn);
    if (text === undefined) continue;
    const base = dirname(abs);
    // A scanned directory's own file speaks for that directory only (see the module doc).
    const confined = !source.required && base !== top && !isAncestor(base, top);
    const bad: number[] = [];
    text.split('\n').forEach((raw, i) => {
      const entry = parseIgnoreLine(raw);
      if (entry === 'bad') bad.push(i + 1);
      if (entry === undefined || entry === 'bad') return;
      size++;
      lines.add(entry.line);
      bases.add(base);
      if (entry.path.startsWith('/')) absoluteEntries = true;
      const key = `${entry.line}\0${entry.path}`;
      const list = byPlace.get(key) ?? [];
      list.push({ entry, base, confined });
      byPlace.set(key, list);
    });
    if (bad.length > 0) {
      const shown = bad.slice(0, 10).join(', ') + (bad.length > 10 ? `, … (${bad.length} in all)` : '');
      warn(`${source.file}: ${bad.length === 1 ? 'line' : 'lines'} ${shown} ${bad.length === 1 ? 'is not' : 'are not'} path:rule-id:line or commit:path:rule-id:line; ignored`);
    }
  }
  const baseList = [...bases];
  return {
    size,
    ignores(f) {
      if (!lines.has(f.line)) return false;
      const commit = f.commit?.toLowerCase();
      const abs = f.path === '-' ? undefined : isAbsolute(f.path) ? f.path : resolve(cwd, f.path);
      const matches = (path: string, base: string | undefined) =>
        (byPlace.get(`${f.line}\0${path}`) ?? []).some(
          ({ entry: e, base: b, confined }) =>
            (base === undefined || b === base) &&
            (!confined || (abs !== undefined && isAncestor(b, abs))) &&
            ruleIdMatches(e.ruleId, f.ruleId) &&
            (e.commit === undefined || (commit !== undefined && commit.startsWith(e.commit))),
        );
      // The path as the report shows it, as an absolute path, then as seen from each ignore file's directory.
      const shown = normalPath(f.path);
      if (matches(shown, undefined)) return true;
      if (abs === undefined) return false;
      if (absoluteEntries && normalPath(abs) !== shown && matches(normalPath(abs), undefined)) return true;
      for (const base of baseList) {
        const rel = normalPath(relative(base, abs));
        if (rel !== shown && !rel.startsWith('../') && rel !== '..' && matches(rel, base)) return true;
      }
      return false;
    },
  };
}

/** True when `path` is inside the directory `dir` (both absolute). */
function isAncestor(dir: string, path: string): boolean {
  return path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}
