/**
 * Regression (issue 14): error messages echoed what was pasted into the configuration — RE2's
 * compile error quotes the pattern (`missing ): (ghp_…`), and config errors quoted an `enable`
 * entry, an unknown key, `rotationGrace`, a rule id, the `--metrics` host — so a token put in
 * the wrong place went to stderr, into a CI log. A message now names the rule, the option, the
 * file and the position, never the value or the pattern.
 *
 * One row per place a value can be planted: a recognisable fake token goes there, the real CLI
 * runs, and stderr must hold neither the token nor any 12-character piece of it. The library
 * rows check the error object too: `message`, `stack`, `util.inspect` (which prints `cause`).
 */
import { inspect } from 'node:util';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor, importGitleaksConfig, type Rule } from '../../src/index.js';
import { logveil, tempFiles } from '../cli/support.js';

/** A fake GitHub token: `ghp_` and 36 characters, no two 12-character pieces alike. */
const TOKEN = 'ghp_Zq8vT2mW9kR4pL7xNq3fH6jB1cY5dE0gA2sU';

/** Whether `text` holds the token or any 12-character piece of it. */
function leaks(text: string): string | undefined {
  for (let i = 0; i + 12 <= TOKEN.length; i++) if (text.includes(TOKEN.slice(i, i + 12))) return TOKEN.slice(i, i + 12);
  return undefined;
}

const { dir, file } = tempFiles('logveil-no-secret-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (over: Record<string, unknown>) => ({ id: 'acme-key', description: 'ACME', tags: [], pattern: 'acme_[a-z0-9]{16}', keywords: ['acme_'], ...over });
const ruleFile = (over: Record<string, unknown>) => file(`rules-${Math.random().toString(36).slice(2)}.json`, JSON.stringify([rule(over)]));
const configFile = (config: Record<string, unknown>) => file(`config-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(config));
const tomlFile = (toml: string) => file(`gitleaks-${Math.random().toString(36).slice(2)}.toml`, toml);
const gitleaksRule = (body: string) => `[[rules]]\nid = "acme"\nregex = '''acme_[a-z0-9]{16}'''\nkeywords = ["acme_"]\n${body}\n`;

/** [where the token is, CLI arguments, expected exit code, what stderr must still say]. */
const ROWS: readonly (readonly [string, () => string[], number, RegExp])[] = [
  // rule files
  ['a rule pattern RE2 rejects', () => ['--rule-file', ruleFile({ pattern: `(${TOKEN}` })], 2, /rule "acme-key": pattern does not compile as RE2: missing \)/],
  ['a rule pattern with a bad class', () => ['--rule-file', ruleFile({ pattern: `[${TOKEN}` })], 2, /missing \]/],
  ['a rule id', () => ['--rule-file', ruleFile({ id: TOKEN })], 2, /rule #1: id must be/],
  ['a rule id, lowercase, bad only by a space', () => ['--rule-file', ruleFile({ id: `${TOKEN.toLowerCase()} x` })], 2, /rule #1: id must be/],
  ['a keyword', () => ['--rule-file', ruleFile({ keywords: [`${TOKEN}\u00e9`] })], 2, /keyword 1 must be/],
  ['a mask', () => ['--rule-file', ruleFile({ mask: TOKEN })], 2, /unknown mask/],
  ['a detector', () => ['--rule-file', ruleFile({ detector: TOKEN })], 2, /unknown detector/],
  ['a checksum', () => ['--rule-file', ruleFile({ checksum: TOKEN })], 2, /unknown checksum/],
  ['a secretGroup', () => ['--rule-file', ruleFile({ secretGroup: TOKEN })], 2, /secretGroup does not exist/],
  ['an allowlist regex', () => ['--rule-file', ruleFile({ allowlists: [{ regexes: [`(?P<${TOKEN}`] }] })], 2, /allowlist 1: regex 1 does not compile as RE2: invalid named capture group/],
  ['an allowlist regexTarget', () => ['--rule-file', ruleFile({ allowlists: [{ regexTarget: TOKEN, stopwords: ['x'] }] })], 2, /regexTarget must be/],
  ['an allowlist condition', () => ['--rule-file', ruleFile({ allowlists: [{ condition: TOKEN, stopwords: ['x'] }] })], 2, /condition must be/],
  // config files
  ['an enable entry', () => ['--config', configFile({ enable: ['jwt', TOKEN] })], 2, /config file .*: "enable" entry #2 is neither a rule id nor a tag/],
  ['a disable entry', () => ['--config', configFile({ disable: [TOKEN] })], 2, /"disable" entry #1/],
  ['an unknown config key', () => ['--config', configFile({ mask: 'redact', [TOKEN]: 1 })], 2, /key #2 is not a known key/],
  ['rotationGrace', () => ['--config', configFile({ rotationGrace: TOKEN })], 2, /"rotationGrace" must be a duration/],
  ['a learn key', () => ['--config', configFile({ learn: { [TOKEN]: 1 } })], 2, /"learn" key #1/],
  ['a maskByRule key', () => ['--config', configFile({ maskByRule: { [TOKEN]: 'blur' } })], 2, /"maskByRule" entry #1/],
  ['a rule in the config', () => ['--config', configFile({ rules: [rule({ pattern: `${TOKEN})` })] })], 2, /unexpected \)/],
  // flags
  ['--rotation-grace', () => ['--rotation-grace', TOKEN], 2, /--rotation-grace must be a duration/],
  ['the --metrics host', () => ['--metrics', `${TOKEN}:9464`], 2, /--metrics: the address must be/],
  ['--metrics', () => ['--metrics', TOKEN], 2, /--metrics must be PORT or ADDRESS:PORT/],
  ['--rules', () => ['--rules', `jwt,${TOKEN}`], 2, /--rules entry #2/],
  ['--disable', () => ['--disable', TOKEN], 2, /--disable entry #1/],
  ['--max-line-length', () => ['--max-line-length', TOKEN], 2, /--max-line-length must be an integer/],
  ['--workers', () => ['--workers', TOKEN], 2, /--workers must be an integer/],
  ['an unknown flag', () => [`--${TOKEN}`], 2, /unknown option/],
  // gitleaks configs
  ['a gitleaks regex', () => ['--gitleaks-config', tomlFile(`[[rules]]\nid = "acme"\nregex = '''(${TOKEN}'''\n`)], 2, /regex does not compile as RE2: missing \)/],
  ['a gitleaks rule id', () => ['--gitleaks-config', tomlFile(`[[rules]]\nid = "${TOKEN}"\nregex = '''x_[a-z]+'''\n`)], 2, /rule #1: .*\[\[rules\]\] #1: logveil rule ids are/],
  ['a duplicated bad gitleaks rule id', () => ['--gitleaks-config', tomlFile(`[[rules]]\nid = "${TOKEN}"\nregex = '''x_[a-z]+'''\n[[rules]]\nid = "${TOKEN}"\nregex = '''y_[a-z]+'''\n`)], 2, /rule #1:/],
  ['a gitleaks allowlist regex', () => ['--gitleaks-config', tomlFile(gitleaksRule(`[rules.allowlist]\nregexes = ['''[${TOKEN}''']`))], 2, /regexes\[0\] does not compile as RE2: missing \]/],
  ['a gitleaks keyword', () => ['--gitleaks-config', tomlFile(`[[rules]]\nid = "acme"\nregex = '''acme_[a-z]+'''\nkeywords = ["${TOKEN}\u00e9"]\n`)], 2, /keywords\[0\] is not printable ASCII/],
  ['a gitleaks condition', () => ['--gitleaks-config', tomlFile(gitleaksRule(`[rules.allowlist]\ncondition = "${TOKEN}"\nstopwords = ["x"]`))], 2, /condition must be/],
  ['a gitleaks regexTarget', () => ['--gitleaks-config', tomlFile(gitleaksRule(`[rules.allowlist]\nregexTarget = "${TOKEN}"\nstopwords = ["x"]`))], 2, /regexTarget must be/],
  ['a gitleaks rule key', () => ['--gitleaks-config', tomlFile(gitleaksRule(`${TOKEN} = 1`))], 2, /key #4 is not supported/],
  ['a gitleaks top-level key', () => ['--gitleaks-config', tomlFile(`${TOKEN} = 1\n`)], 2, /key #1 is not supported/],
  ['a gitleaks key given twice', () => ['--gitleaks-config', tomlFile(gitleaksRule(`${TOKEN} = 1\n${TOKEN.toLowerCase()} = 2`))], 2, /a key is given twice/],
  ['gitleaks targetRules', () => ['--gitleaks-config', tomlFile(`${gitleaksRule('')}[[allowlists]]\ntargetRules = ["${TOKEN}"]\nstopwords = ["x"]\n`)], 2, /targetRules\[0\] \(not a valid rule id, not shown\)/],
  ['gitleaks disabledRules (a warning)', () => ['--gitleaks-config', tomlFile(`[extend]\nuseDefault = true\ndisabledRules = ["${TOKEN}"]\n`)], 0, /disabledRules\[0\] \(not a valid rule id, not shown\)/],
];

describe('no value of the configuration in any message of the CLI', () => {
  it.each(ROWS)('%s', async (_where, args, code, says) => {
    const r = await logveil(args(), 'a line\n');
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(says);
    expect(leaks(r.stderr)).toBeUndefined();
  });
});

describe('no pattern in an error object of the library', () => {
  const errorOf = (make: () => unknown): Error => {
    try {
      make();
    } catch (err) {
      return err as Error;
    }
    throw new Error('expected an error');
  };
  const everything = (err: Error) => `${String(err)}\n${err.stack}\n${inspect(err, { depth: 10 })}\n${JSON.stringify(err)}`;

  it.each<[string, () => unknown]>([
    ['a rule pattern', () => createRedactor({ builtins: false, rules: [rule({ pattern: `(${TOKEN}` }) as unknown as Rule] })],
    ['an allowlist regex', () => createRedactor({ builtins: false, rules: [rule({ allowlists: [{ regexes: [`[${TOKEN}`] }] }) as unknown as Rule] })],
    ['a rule id', () => createRedactor({ builtins: false, rules: [rule({ id: TOKEN }) as unknown as Rule] })],
    ['an unknown option', () => createRedactor({ [TOKEN]: 1 } as never)],
    ['a gitleaks regex', () => importGitleaksConfig(`[[rules]]\nid = "acme"\nregex = '''(${TOKEN}'''\n`, 'g.toml')],
    ['a gitleaks allowlist regex', () => importGitleaksConfig(gitleaksRule(`[rules.allowlist]\nregexes = ['''(${TOKEN}''']`), 'g.toml')],
  ])('%s: not in message, stack, cause or inspect', (_where, make) => {
    const err = errorOf(make);
    expect(leaks(everything(err))).toBeUndefined();
    expect(err.cause).toBeUndefined();
  });
});
