/**
 * gitleaks allowlists through real masking: the rule's (older `[rules.allowlist]` and newer
 * `[[rules.allowlists]]`) and the global ones (`[allowlist]`, `[[allowlists]]` with
 * `targetRules`), every `regexTarget`, stopwords, OR/AND, and the path/commit entries a log
 * line cannot satisfy (skipped with a warning; an AND that needs them never allows).
 */
import { describe, expect, it } from 'vitest';
import { importToml, redact } from './support.js';

/** One rule: `key=acme_…`, the secret is group 1. */
const RULE = String.raw`
[[rules]]
id = "acme"
regex = '''key=(acme_[A-Za-z0-9]{8,})'''
keywords = ["key="]
`;
const LINE = 'env=staging key=acme_TestTest01';
const MASKED = 'env=staging key=[REDACTED:acme]';

describe('gitleaks rule allowlists', () => {
  it.each<[string, string, boolean]>([
    ['old table, regex on the secret (default)', `[rules.allowlist]\nregexes = ['''^acme_Test''']`, true],
    ['old table, regex must match the secret', `[rules.allowlist]\nregexes = ['''^key=''']`, false],
    ['regexTarget = "secret"', `[[rules.allowlists]]\nregexTarget = "secret"\nregexes = ['''Test01$''']`, true],
    ['regexTarget = "match"', `[[rules.allowlists]]\nregexTarget = "match"\nregexes = ['''^key=acme_''']`, true],
    ['regexTarget = "match" does not see the line', `[[rules.allowlists]]\nregexTarget = "match"\nregexes = ['''env=staging''']`, false],
    ['regexTarget = "line"', `[[rules.allowlists]]\nregexTarget = "line"\nregexes = ['''env=staging''']`, true],
    ['inline (?i) in an allowlist regex', `[[rules.allowlists]]\nregexes = ['''(?i)^ACME_TEST''']`, true],
    ['stopwords, any case', `[[rules.allowlists]]\nstopwords = ["TESTTEST"]`, true],
    ['stopwords look at the secret only', `[[rules.allowlists]]\nstopwords = ["staging"]`, false],
    ['condition OR (default)', `[[rules.allowlists]]\nregexes = ['''nope''']\nstopwords = ["test"]`, true],
    ['condition = "AND", one check fails', `[[rules.allowlists]]\ncondition = "AND"\nregexes = ['''nope''']\nstopwords = ["test"]`, false],
    ['condition = "and", both pass', `[[rules.allowlists]]\ncondition = "and"\nregexTarget = "line"\nregexes = ['''env=staging''']\nstopwords = ["test"]`, true],
    ['second of two allowlists', `[[rules.allowlists]]\nstopwords = ["nope"]\n[[rules.allowlists]]\nstopwords = ["test01"]`, true],
  ])('%s', (_name, allowlist, allowed) => {
    expect(redact(`${RULE}${allowlist}\n`, LINE)).toBe(allowed ? LINE : MASKED);
  });

  it('skips paths and commits with one warning each, keeping the regexes (OR)', () => {
    const config = importToml(`${RULE}[[rules.allowlists]]\npaths = ['''\\.md$''']\ncommits = ["abc123"]\nstopwords = ["test"]\n`);
    expect(config.warnings).toEqual([expect.stringMatching(/^test\.toml: rule "acme": \[\[rules\.allowlists\]\] #1: paths and commits skipped/)]);
    expect(config.rules[0]!.allowlists).toEqual([{ stopwords: ['test'], regexTarget: 'secret', condition: 'or' }]);
    expect(redact(`${RULE}[[rules.allowlists]]\npaths = ['''\\.md$''']\nstopwords = ["test"]\n`, LINE)).toBe(LINE);
  });

  it('drops an allowlist of paths only, and an AND that needs a path (fail closed: mask)', () => {
    const pathsOnly = `${RULE}[rules.allowlist]\npaths = ['''.*''']\n`;
    expect(importToml(pathsOnly).warnings).toEqual([expect.stringContaining('only paths')]);
    expect(redact(pathsOnly, LINE)).toBe(MASKED);
    const andPath = `${RULE}[[rules.allowlists]]\ncondition = "AND"\npaths = ['''.*''']\nstopwords = ["test"]\n`;
    expect(importToml(andPath).warnings).toEqual([expect.stringContaining('condition AND with paths')]);
    expect(redact(andPath, LINE)).toBe(MASKED);
  });
});

describe('gitleaks global allowlists', () => {
  const TWO_RULES = `${RULE}
[[rules]]
id = "other"
regex = '''other=([A-Za-z0-9]{10,})'''
keywords = ["other="]
`;
  const BOTH = 'key=acme_TestTest01 other=TestTest0123';

  it('[allowlist] applies to every rule', () => {
    expect(redact(`${TWO_RULES}[allowlist]\ndescription = "fixtures"\nstopwords = ["testtest"]\n`, BOTH)).toBe(BOTH);
  });

  it('[[allowlists]] with targetRules applies to those rules only', () => {
    const toml = `${TWO_RULES}[[allowlists]]\ntargetRules = ["other"]\nregexes = ['''^Test''']\n`;
    expect(redact(toml, BOTH)).toBe('key=[REDACTED:acme] other=TestTest0123');
  });

  it('[[allowlists]] with regexTarget = "line" and a commit entry (skipped, warned)', () => {
    const toml = `${TWO_RULES}[[allowlists]]\nregexTarget = "line"\nregexes = ['''^#''']\ncommits = ["abc"]\n`;
    expect(redact(toml, `# ${BOTH}`)).toBe(`# ${BOTH}`);
    expect(redact(toml, BOTH)).toBe('key=[REDACTED:acme] other=[REDACTED:other]');
    expect(importToml(toml).warnings).toEqual([expect.stringMatching(/^test\.toml: \[\[allowlists\]\] #1: commits skipped/)]);
  });

  it('applies to the built-ins kept by useDefault too', () => {
    const toml = `[extend]\nuseDefault = true\n[allowlist]\nstopwords = ["hunter"]\n${RULE}`;
    expect(redact(toml, 'password=hunter2hunter2 token=Zq8vT2mW9kR4pL7xNq3f')).toBe('password=hunter2hunter2 token=[REDACTED:generic-secret-assignment]');
  });
});
