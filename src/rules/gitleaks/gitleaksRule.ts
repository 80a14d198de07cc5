/**
 * One gitleaks `[[rules]]` entry → a logveil rule, with gitleaks' meaning kept:
 * - `regex` is Go RE2 syntax and runs as written on RE2 (`(?i)`, `\z`, `(?P<name>…)`);
 * - `keywords` are compared case-insensitively; a rule without any runs on every line
 *   (`everyLine`), and so does one with an empty keyword (gitleaks' `strings.Contains(s, "")`);
 * - `secretGroup` 0 or unset means "the first capture group with a non-empty value, else the
 *   whole match" — the secret groups `[1, …, n, 0]`;
 * - `entropy` is the minimum Shannon entropy of the secret (gitleaks skips values at or below
 *   it; logveil masks a value exactly at it: fail closed);
 * - placeholders are not skipped: gitleaks has no such filter, the config decides.
 * Features that need a file or a commit are skipped with a warning; composite rules
 * (`[[rules.required]]`, `skipReport`) are an error.
 */
import RE2 from 're2';
import { re2ErrorKind } from '../../errors.js';
import type { Rule, RuleAllowlist } from '../rule.js';
import { ALLOWLIST_KEYS, allowlistFromGitleaks } from './gitleaksAllowlist.js';
import type { ConfigTable } from './configTable.js';

const RULE_KEYS = ['id', 'description', 'regex', 'secretGroup', 'entropy', 'keywords', 'tags', 'path', 'allowlist', 'allowlists', 'skipReport'];

/** A `[[rules]]` entry, converted. */
export type GitleaksRule =
  /** A rule with a `regex`: runs as is. */
  | { readonly kind: 'rule'; readonly rule: Rule }
  /**
   * No `regex` and no `path`: in gitleaks this only makes sense as an addition to the default
   * rule of the same id (`[extend] useDefault`), to which its allowlists, tags and description
   * are added. `ignored` names the fields that cannot carry over onto logveil's own pattern.
   */
  | { readonly kind: 'extension'; readonly id: string; readonly description: string | undefined; readonly tags: readonly string[]; readonly allowlists: readonly RuleAllowlist[]; readonly ignored: readonly string[] }
  /** Nothing of it applies to log lines (a `path`-only rule); a warning says so. */
  | { readonly kind: 'skipped'; readonly id: string };

/** Capture groups of an RE2 pattern that compiles, as RE2 counts them. */
function groupCount(pattern: string): number {
  return new RE2(`(?:${pattern})|`).exec('')!.length - 1;
}

/**
 * Converts one `[[rules]]` table whose errors already name the rule (`t.fail` throws a
 * `RuleError` for `id`, which the caller has checked is a valid rule id). No message quotes a
 * value of the table (a regex, a keyword): it may hold a secret.
 *
 * @example
 * gitleaksRule(table, 'acme-key', warn);
 * // { kind: 'rule', rule: { id: 'acme-key', pattern: '(?i)acme_[a-z0-9]{32}', keywords: ['acme_'], … } }
 */
/** A regex written for text that spans lines: an escaped line break, or the `s` flag. */
const NEEDS_NEWLINE = /\\n|\\r|\(\?[a-zA-Z]*s[a-zA-Z]*[:)]/;

export function gitleaksRule(t: ConfigTable, id: string, warn: (message: string) => void): GitleaksRule {
  if (t.has('required')) t.fail('unsupported', `${t.where}: composite rules ([[rules.required]]) are not supported`);
  if (t.boolean('skipReport') === true) t.fail('unsupported', `${t.where}: skipReport (a rule that only feeds composite rules) is not supported`);
  t.acceptOnly(RULE_KEYS);

  const description = t.string('description');
  const regex = t.string('regex') || undefined;
  const path = t.string('path') || undefined;
  const secretGroup = t.integer('secretGroup') ?? 0;
  if (secretGroup < 0) t.fail('invalid', `${t.where}: secretGroup must not be negative`);
  const entropy = t.number('entropy') ?? 0;
  if (entropy < 0 || entropy > 8) t.fail('invalid', `${t.where}: entropy must be from 0 to 8 bits per byte`);
  const keywords = t.strings('keywords') ?? [];
  keywords.forEach((k, i) => {
    // eslint-disable-next-line no-control-regex
    if (k !== '' && !/^[\t\x20-\x7e]+$/.test(k)) t.fail('unsupported', `${t.where}: keywords[${i}] is not printable ASCII (logveil's prefilter compares ASCII keywords)`);
  });
  const tags = t.strings('tags') ?? [];

  const allowlistTable = t.table('allowlist', `${t.where}: rule "${id}": [rules.allowlist]`);
  const allowlistTables = t.tables('allowlists', (i) => `${t.where}: rule "${id}": [[rules.allowlists]] #${i + 1}`) ?? [];
  if (allowlistTable !== undefined && allowlistTables.length > 0) t.fail('invalid', `${t.where}: [rules.allowlist] cannot be used alongside [[rules.allowlists]]`);
  const allowlists: RuleAllowlist[] = [];
  for (const a of allowlistTable === undefined ? allowlistTables : [allowlistTable]) {
    a.acceptOnly(ALLOWLIST_KEYS);
    const converted = allowlistFromGitleaks(a, warn);
    if (converted !== undefined) allowlists.push(converted);
  }

  if (regex === undefined) {
    if (path !== undefined) {
      warn(`${t.where}: rule "${id}" matches file paths only (path, no regex): skipped, a log line has no path`);
      return { kind: 'skipped', id };
    }
    const ignored = [
      ...(secretGroup > 0 ? ['secretGroup'] : []),
      ...(entropy > 0 ? ['entropy'] : []),
      ...(keywords.length > 0 ? ['keywords'] : []),
    ];
    return { kind: 'extension', id, description, tags, allowlists, ignored };
  }
  if (path !== undefined) warn(`${t.where}: rule "${id}": path skipped (a log line has no file path); the regex applies to every log line`);

  let groups: number;
  try {
    new RE2(regex);
    groups = groupCount(regex);
  } catch (err) {
    // RE2's message quotes the regex: only the kind of error is kept.
    return t.fail('bad-pattern', `${t.where}: regex does not compile as RE2: ${re2ErrorKind(err)}`);
  }
  if (secretGroup > groups) t.fail('invalid', `${t.where}: secretGroup ${secretGroup} does not exist (the regex has ${groups} groups)`);
  // Rules see one line at a time: a regex that needs a line break (gitleaks runs it over the
  // whole file) would silently never fire.
  if (NEEDS_NEWLINE.test(regex)) warn(`${t.where}: rule "${id}": its regex needs a line break (\\n or (?s)), but logveil matches one line at a time: it can only match what fits on a line`);
  const everyLine = keywords.length === 0 || keywords.includes('');
  const rule: Rule = {
    id,
    description: description ?? '',
    tags: [...tags],
    pattern: regex,
    keywords: everyLine ? [] : keywords.map((k) => k.toLowerCase()),
    ...(everyLine ? { everyLine: true } : {}),
    ...(secretGroup > 0 ? { secretGroup } : groups > 0 ? { secretGroup: [...Array.from({ length: groups }, (_, i) => i + 1), 0] } : {}),
    ...(entropy > 0 ? { minEntropy: entropy } : {}),
    skipPlaceholders: false,
    ...(allowlists.length > 0 ? { allowlists } : {}),
  };
  return { kind: 'rule', rule };
}
