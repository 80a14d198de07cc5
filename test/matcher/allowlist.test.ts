/**
 * Rule allowlists in verification, one table row per case: the regex targets (secret, match,
 * line), stopwords (case-insensitive, in the secret only), OR and AND conditions, several
 * allowlists, and their validation.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/matcher/compileMatcher.js';
import type { Rule, RuleAllowlist } from '../../src/rules/rule.js';

/** `key=<secret>`: the match is `key=…`, the secret is group 1. */
const rule = (allowlists: RuleAllowlist[]): Rule => ({
  id: 'acme', description: '', tags: [], pattern: String.raw`key=(acme_[A-Za-z0-9]{8,})`, keywords: ['key='], allowlists, skipPlaceholders: false,
});
const secretsFound = (allowlists: RuleAllowlist[], line: string): string[] => {
  const buf = Buffer.from(line);
  return compileMatcher([rule(allowlists)]).findSpans(buf).map((s) => buf.subarray(s.start, s.end).toString());
};

describe('allowlists', () => {
  const line = 'user=ci key=acme_TestTest01 env=staging';
  it.each<[string, RuleAllowlist[], string, boolean]>([
    ['no allowlist', [], line, false],
    ['regex on the secret (default target)', [{ regexes: ['^acme_Test'] }], line, true],
    ['regex on the secret does not see the key', [{ regexes: ['^key='] }], line, false],
    ['regex on the match sees the key', [{ regexes: ['^key=acme_'], regexTarget: 'match' }], line, true],
    ['regex on the match does not see the rest of the line', [{ regexes: ['env=staging'], regexTarget: 'match' }], line, false],
    ['regex on the line', [{ regexes: ['env=staging'], regexTarget: 'line' }], line, true],
    ['regex on the line, other line', [{ regexes: ['env=staging'], regexTarget: 'line' }], 'key=acme_TestTest01 env=prod\nenv=staging', false],
    ['inline (?i) flag', [{ regexes: ['(?i)TESTTEST'] }], line, true],
    ['one of several regexes', [{ regexes: ['nope', 'Test01$'] }], line, true],
    ['stopword, any case', [{ stopwords: ['TESTTEST'] }], line, true],
    ['stopword looks at the secret only', [{ stopwords: ['staging'] }], line, false],
    ['OR: the regex fails, the stopword passes', [{ regexes: ['nope'], stopwords: ['test'] }], line, true],
    ['AND: the regex fails, the stopword passes', [{ regexes: ['nope'], stopwords: ['test'], condition: 'and' }], line, false],
    ['AND: both pass', [{ regexes: ['env=staging'], regexTarget: 'line', stopwords: ['test'], condition: 'and' }], line, true],
    ['second allowlist allows', [{ stopwords: ['nope'] }, { stopwords: ['test01'] }], line, true],
  ])('%s', (_name, allowlists, text, allowed) => {
    expect(secretsFound(allowlists, text)).toEqual(allowed ? [] : ['acme_TestTest01']);
  });

  it('allows per match, not per line', () => {
    expect(secretsFound([{ stopwords: ['fixture'] }], 'key=acme_Fixture01 key=acme_Zq8vT2mW')).toEqual(['acme_Zq8vT2mW']);
  });

  it.each<[string, unknown, string]>([
    ['not an array', { regexes: ['x'] }, 'LOGVEIL_RULE_INVALID'],
    ['empty allowlist', [{}], 'LOGVEIL_RULE_INVALID'],
    ['bad target', [{ regexes: ['x'], regexTarget: 'path' }], 'LOGVEIL_RULE_INVALID'],
    ['bad condition', [{ regexes: ['x'], condition: 'AND' }], 'LOGVEIL_RULE_INVALID'],
    ['stopwords not strings', [{ stopwords: [1] }], 'LOGVEIL_RULE_INVALID'],
    ['regex RE2 rejects (lookahead)', [{ regexes: ['(?=x)'] }], 'LOGVEIL_RULE_BAD_PATTERN'],
  ])('rejects %s', (_name, allowlists, code) => {
    expect(() => compileMatcher([{ ...rule([]), allowlists: allowlists as RuleAllowlist[] }])).toThrow(expect.objectContaining({ code, ruleId: 'acme' }));
  });
});
