/**
 * A gitleaks allowlist (`[rules.allowlist]`, `[[rules.allowlists]]`, `[allowlist]`,
 * `[[allowlists]]`) → a logveil `RuleAllowlist`. Regexes, stopwords, `regexTarget` and
 * `condition` carry over with gitleaks' meaning. `paths` and `commits` do not apply to a log
 * line, which has neither: they are skipped with a warning, and an AND allowlist that needs
 * one of them can never pass on a log line, so it is dropped (fail closed: mask).
 */
import RE2 from 're2';
import { re2ErrorKind } from '../../errors.js';
import type { RuleAllowlist } from '../rule.js';
import type { ConfigTable } from './configTable.js';

/** Keys of a rule's allowlist; a global one adds `targetRules`. */
export const ALLOWLIST_KEYS = ['description', 'condition', 'regexTarget', 'regexes', 'stopwords', 'paths', 'commits'] as const;

const TARGETS: Readonly<Record<string, RuleAllowlist['regexTarget']>> = { secret: 'secret', match: 'match', line: 'line' };

/**
 * Converts one allowlist table; `undefined` when nothing of it applies to log lines (after a
 * warning through `warn`). Fails like gitleaks on an empty allowlist or an unknown
 * `condition`/`regexTarget`, and on a regex RE2 rejects.
 *
 * @example
 * allowlistFromGitleaks(table, warnings.push.bind(warnings));
 * // { regexes: ['^EXAMPLE'], regexTarget: 'secret', stopwords: [], condition: 'or' }
 */
export function allowlistFromGitleaks(t: ConfigTable, warn: (message: string) => void): RuleAllowlist | undefined {
  const description = t.string('description');
  const conditionText = (t.string('condition') ?? '').toUpperCase();
  const condition = conditionText === 'AND' || conditionText === '&&' ? 'and' : conditionText === '' || conditionText === 'OR' || conditionText === '||' ? 'or' : undefined;
  if (condition === undefined) t.fail('invalid', `${t.where}: condition must be "AND" or "OR"`);
  const targetText = t.string('regexTarget') ?? 'secret';
  const regexTarget = TARGETS[targetText];
  if (regexTarget === undefined) t.fail('invalid', `${t.where}: regexTarget must be "secret", "match" or "line"`);
  const regexes = t.strings('regexes') ?? [];
  const stopwords = t.strings('stopwords') ?? [];
  const paths = t.strings('paths') ?? [];
  const commits = t.strings('commits') ?? [];
  if (regexes.length + stopwords.length + paths.length + commits.length === 0) {
    t.fail('invalid', `${t.where} must contain at least one check: regexes, stopwords, paths or commits`);
  }
  regexes.forEach((p, i) => {
    try {
      new RE2(p);
    } catch (err) {
      t.fail('bad-pattern', `${t.where}: regexes[${i}] does not compile as RE2: ${re2ErrorKind(err)}`);
    }
  });
  stopwords.forEach((w, i) => {
    if (w.length === 0) t.fail('invalid', `${t.where}: stopwords[${i}] is empty (it would allow every secret)`);
  });

  const skipped = [paths.length > 0 ? 'paths' : '', commits.length > 0 ? 'commits' : ''].filter(Boolean).join(' and ');
  if (skipped !== '') {
    if (condition === 'and') {
      warn(`${t.where}: condition AND with ${skipped}, which a log line does not have: this allowlist never applies (skipped)`);
      return undefined;
    }
    if (regexes.length + stopwords.length === 0) {
      warn(`${t.where}: only ${skipped}, which a log line does not have: this allowlist is skipped`);
      return undefined;
    }
    warn(`${t.where}: ${skipped} skipped (a log line has no file path or commit); its regexes and stopwords still apply`);
  }
  return {
    ...(description === undefined || description === '' ? {} : { description }),
    ...(regexes.length > 0 ? { regexes: [...regexes] } : {}),
    ...(stopwords.length > 0 ? { stopwords: [...stopwords] } : {}),
    regexTarget,
    condition,
  };
}
