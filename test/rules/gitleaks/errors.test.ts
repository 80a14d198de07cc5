/**
 * Errors of the gitleaks import: one row per bad config. Each names the rule (RuleError) or
 * the option (OptionsError, `gitleaksConfig`) and the file, with a stable code: bad TOML, a
 * regex RE2 rejects, wrong types, and what logveil does not implement.
 */
import { describe, expect, it } from 'vitest';
import { OptionsError, RuleError } from '../../../src/index.js';
import { createRedactor } from '../../../src/index.js';
import { importToml } from './support.js';

const rule = (body: string) => `[[rules]]\nid = "acme"\n${body}\n`;
const REGEX = `regex = '''acme_[a-z0-9]{16}'''\nkeywords = ["acme_"]`;

describe('gitleaks import errors', () => {
  it.each<[string, string, string, RegExp]>([
    ['lookahead (RE2 rejects it)', rule(`regex = '''acme_(?=[a-z])'''`), 'LOGVEIL_RULE_BAD_PATTERN', /regex does not compile as RE2/],
    ['backreference', rule(String.raw`regex = '''(a)\1'''`), 'LOGVEIL_RULE_BAD_PATTERN', /regex does not compile as RE2/],
    ['bad allowlist regex', rule(`${REGEX}\n[rules.allowlist]\nregexes = ['''(''']`), 'LOGVEIL_RULE_BAD_PATTERN', /\[rules\.allowlist\]: regexes\[0\] does not compile/],
    ['secretGroup as a string', rule(`${REGEX}\nsecretGroup = "1"`), 'LOGVEIL_RULE_INVALID', /secretGroup must be an integer/],
    ['secretGroup past the groups', rule(`${REGEX}\nsecretGroup = 2`), 'LOGVEIL_RULE_INVALID', /secretGroup 2 does not exist \(the regex has 0 groups\)/],
    ['entropy as a string', rule(`${REGEX}\nentropy = "3.5"`), 'LOGVEIL_RULE_INVALID', /entropy must be a number/],
    ['entropy above 8', rule(`${REGEX}\nentropy = 9.0`), 'LOGVEIL_RULE_INVALID', /entropy must be from 0 to 8/],
    ['keywords not an array', rule(`regex = '''acme_[a-z0-9]{16}'''\nkeywords = "acme_"`), 'LOGVEIL_RULE_INVALID', /keywords must be an array of strings/],
    ['tags of numbers', rule(`${REGEX}\ntags = [1]`), 'LOGVEIL_RULE_INVALID', /tags must be an array of strings/],
    ['non-ASCII keyword', rule(`regex = '''ключ=\\w+'''\nkeywords = ["ключ"]`), 'LOGVEIL_GITLEAKS_UNSUPPORTED', /not printable ASCII/],
    ['an id logveil cannot label', `[[rules]]\nid = "ACME Key"\n${REGEX}\n`, 'LOGVEIL_RULE_INVALID', /logveil rule ids are/],
    ['no regex and no path, without useDefault', rule('description = "nothing"'), 'LOGVEIL_RULE_INVALID', /both regex and path are empty/],
    ['composite rule', rule(`${REGEX}\n[[rules.required]]\nid = "other"`), 'LOGVEIL_GITLEAKS_UNSUPPORTED', /composite rules/],
    ['skipReport', rule(`${REGEX}\nskipReport = true`), 'LOGVEIL_GITLEAKS_UNSUPPORTED', /skipReport/],
    ['an unknown rule key', rule(`${REGEX}\nvalidate = "x"`), 'LOGVEIL_GITLEAKS_UNSUPPORTED', /rule "acme": test\.toml: key #4 is not supported/],
    ['both allowlist forms', rule(`${REGEX}\n[rules.allowlist]\nstopwords = ["a"]\n[[rules.allowlists]]\nstopwords = ["b"]`), 'LOGVEIL_RULE_INVALID', /cannot be used alongside/],
    ['an empty allowlist', rule(`${REGEX}\n[rules.allowlist]\ndescription = "empty"`), 'LOGVEIL_RULE_INVALID', /at least one check/],
    ['an unknown regexTarget', rule(`${REGEX}\n[rules.allowlist]\nregexTarget = "path"\nstopwords = ["a"]`), 'LOGVEIL_RULE_INVALID', /regexTarget must be/],
    ['an unknown condition', rule(`${REGEX}\n[rules.allowlist]\ncondition = "XOR"\nstopwords = ["a"]`), 'LOGVEIL_RULE_INVALID', /condition must be/],
    ['an unknown allowlist key', rule(`${REGEX}\n[rules.allowlist]\nstopwords = ["a"]\nfiles = ["x"]`), 'LOGVEIL_GITLEAKS_UNSUPPORTED', /\[rules\.allowlist\]: key #2 is not supported/],
    ['the same key in two cases', rule(`${REGEX}\nsecretGroup = 0\nsecretgroup = 0`), 'LOGVEIL_RULE_INVALID', /given twice/],
  ])('%s', (_name, toml, code, message) => {
    const err = catchError(() => importToml(toml));
    expect(err).toBeInstanceOf(RuleError);
    expect(err).toMatchObject({ code, ruleId: toml.includes('ACME Key') ? '#1' : 'acme' }); // an invalid id is named by position
    expect((err as Error).message).toMatch(/test\.toml/);
    expect((err as Error).message).toMatch(message);
  });

  it.each<[string, string, string, RegExp]>([
    ['TOML that does not parse', '[[rules]\nid = "x"', 'LOGVEIL_INVALID_OPTION', /^option "gitleaksConfig": test\.toml:1:\d+: not valid TOML/],
    ['rules not an array of tables', 'rules = "x"', 'LOGVEIL_INVALID_OPTION', /rules must be an array of tables/],
    ['useDefault as a string', '[extend]\nuseDefault = "yes"', 'LOGVEIL_INVALID_OPTION', /\[extend\]: useDefault must be a boolean/],
    ['an unknown top-level key', 'minimumVersion = "9"', 'LOGVEIL_GITLEAKS_UNSUPPORTED', /test\.toml: key #1 is not supported/],
    ['both global allowlist forms', '[allowlist]\nstopwords = ["a"]\n[[allowlists]]\nstopwords = ["b"]', 'LOGVEIL_INVALID_OPTION', /cannot be used alongside/],
    ['targetRules naming no rule', '[[allowlists]]\ntargetRules = ["nope"]\nstopwords = ["a"]', 'LOGVEIL_INVALID_OPTION', /targetRules names "nope", which is not a rule of this config/],
  ])('%s', (_name, toml, code, message) => {
    const err = catchError(() => importToml(toml));
    expect(err).toBeInstanceOf(OptionsError);
    expect(err).toMatchObject({ code, option: 'gitleaksConfig' });
    expect((err as Error).message).toMatch(message);
  });

  it('names a rule without an id by its position', () => {
    expect(catchError(() => importToml(`${rule(REGEX)}[[rules]]\nregex = "x"\n`))).toMatchObject({ code: 'LOGVEIL_RULE_INVALID', ruleId: '#2' });
  });

  it('rejects two rules with one id', () => {
    expect(catchError(() => importToml(rule(REGEX) + rule(REGEX)))).toMatchObject({ code: 'LOGVEIL_RULE_DUPLICATE_ID', ruleId: 'acme' });
  });

  it('leaves the empty-match check to the redactor, which names the rule', () => {
    const config = importToml(rule(`regex = '''[a-z]*'''`));
    expect(catchError(() => createRedactor({ rules: config.rules, builtins: false }))).toMatchObject({ code: 'LOGVEIL_RULE_EMPTY_MATCH', ruleId: 'acme' });
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
