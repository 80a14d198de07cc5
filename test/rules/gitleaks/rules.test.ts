/**
 * gitleaks `[[rules]]` → logveil rules, asserted through real masking: Go/RE2 regex syntax
 * that JS RegExp rejects (`(?i)`, `\z`, `(?P<name>…)`), `secretGroup` (explicit and
 * gitleaks' default: first non-empty group, else the whole match), `entropy`, keywords
 * (case-insensitive, anywhere on the line) and rules without keywords.
 */
import { describe, expect, it } from 'vitest';
import { importToml, redact, redactorFor } from './support.js';

describe('gitleaks rules', () => {
  it('keeps syntax JS RegExp rejects: inline (?i)', () => {
    const toml = String.raw`
[[rules]]
id = "acme-token"
description = "ACME token"
regex = '''(?i)\b(acme_[a-z0-9]{16})\b'''
keywords = ["acme_"]
tags = ["acme", "token"]
`;
    expect(() => new RegExp(String.raw`(?i)\b(acme_[a-z0-9]{16})\b`)).toThrow();
    expect(redact(toml, 'got ACME_ZQ8VT2MW9KR4PL7X from vault')).toBe('got [REDACTED:acme-token] from vault');
    expect(redact(toml, 'got acme_zq8vt2mw9kr4pl7x from vault')).toBe('got [REDACTED:acme-token] from vault');
    expect(importToml(toml).rules[0]).toMatchObject({ id: 'acme-token', description: 'ACME token', tags: ['acme', 'token'], keywords: ['acme_'] });
  });

  it('keeps \\z: end of the log line', () => {
    const toml = String.raw`
[[rules]]
id = "tail-key"
regex = '''tailkey=([A-Za-z0-9]{16})\z'''
keywords = ["tailkey="]
`;
    expect(() => new RegExp(String.raw`tailkey=([A-Za-z0-9]{16})\z`, 'u')).toThrow();
    const text = 'tailkey=Zq8vT2mW9kR4pL7x more\ntailkey=Zq8vT2mW9kR4pL7x';
    expect(redact(toml, text)).toBe('tailkey=Zq8vT2mW9kR4pL7x more\ntailkey=[REDACTED:tail-key]');
  });

  it('uses an explicit secretGroup, named groups counted', () => {
    const toml = String.raw`
[[rules]]
id = "acme-pair"
regex = '''acme_id=(?P<id>[0-9]{4}) acme_secret=(?P<secret>[A-Za-z0-9]{12})'''
secretGroup = 2
keywords = ["acme_secret"]
`;
    expect(redact(toml, 'acme_id=1234 acme_secret=Zq8vT2mW9kR4')).toBe('acme_id=1234 acme_secret=[REDACTED:acme-pair]');
  });

  it('without secretGroup, masks the first non-empty group, else the whole match (gitleaks)', () => {
    const toml = String.raw`
[[rules]]
id = "quoted-or-bare"
regex = '''apikey=(?:"([^"]*)"|([A-Za-z0-9]{12,}))'''
keywords = ["apikey"]
`;
    expect(redact(toml, 'apikey="Zq8v T2mW"')).toBe('apikey="[REDACTED:quoted-or-bare]"');
    expect(redact(toml, 'apikey=Zq8vT2mW9kR4')).toBe('apikey=[REDACTED:quoted-or-bare]');
    expect(redact(toml, 'x apikey="" y')).toBe('x [REDACTED:quoted-or-bare] y');
  });

  it('masks the whole match of a rule without groups', () => {
    const toml = String.raw`
[[rules]]
id = "bare"
regex = '''bare_[A-Za-z0-9]{10}'''
keywords = ["bare_"]
`;
    expect(redact(toml, 'k bare_Zq8vT2mW9k')).toBe('k [REDACTED:bare]');
  });

  it('skips secrets at or below the entropy (and, unlike the built-ins, not placeholders)', () => {
    const toml = String.raw`
[[rules]]
id = "entropic"
regex = '''secret=([A-Za-z0-9]{16})'''
entropy = 3.5
keywords = ["secret="]
`;
    expect(redact(toml, 'secret=aaaaaaaabbbbbbbb')).toBe('secret=aaaaaaaabbbbbbbb');
    expect(redact(toml, 'secret=Zq8vT2mW9kR4pL7x')).toBe('secret=[REDACTED:entropic]');
    expect(importToml(toml).rules[0]).toMatchObject({ minEntropy: 3.5, skipPlaceholders: false });
    const noEntropy = toml.replace('entropy = 3.5\n', '');
    expect(redact(noEntropy, 'secret=changemechangeme')).toBe('secret=[REDACTED:entropic]');
  });

  it('compares keywords case-insensitively, anywhere on the line', () => {
    const toml = String.raw`
[[rules]]
id = "deploy-hex"
regex = '''\b([0-9a-f]{32})\b'''
keywords = ["DEPLOY"]
`;
    const hex = '0123456789abcdef0123456789abcdef';
    expect(redact(toml, `Deploy finished, key ${hex}`)).toBe('Deploy finished, key [REDACTED:deploy-hex]');
    expect(redact(toml, `build finished, key ${hex}`)).toBe(`build finished, key ${hex}`);
    expect(importToml(toml).rules[0]!.keywords).toEqual(['deploy']);
  });

  it('runs a rule without keywords on every line', () => {
    const toml = String.raw`
[[rules]]
id = "zq-token"
regex = '''\b(zq_[A-Za-z0-9]{20})\b'''
`;
    const token = 'zq_Zq8vT2mW9kR4pL7xNq3f';
    const text = `${token}\nmiddle ${token} line\n\nlast ${token}`;
    expect(redact(toml, text)).toBe('[REDACTED:zq-token]\nmiddle [REDACTED:zq-token] line\n\nlast [REDACTED:zq-token]');
    expect(importToml(toml).rules[0]).toMatchObject({ keywords: [], everyLine: true });
  });

  it('treats an empty keyword as "every line" (gitleaks: every text contains "")', () => {
    const toml = String.raw`
[[rules]]
id = "zq-token"
regex = '''zq_[A-Za-z0-9]{20}'''
keywords = ["", "nothere"]
`;
    expect(redact(toml, 'x zq_Zq8vT2mW9kR4pL7xNq3f')).toBe('x [REDACTED:zq-token]');
  });

  it('runs only the config rules without useDefault, beside the built-ins with it', () => {
    const toml = String.raw`
[[rules]]
id = "bare"
regex = '''bare_[A-Za-z0-9]{10}'''
keywords = ["bare_"]
`;
    const line = 'password=Zq8vT2mW9kR4 bare_Zq8vT2mW9k';
    expect(importToml(toml)).toMatchObject({ useDefault: false, builtins: [], warnings: [] });
    expect(redact(toml, line)).toBe('password=Zq8vT2mW9kR4 [REDACTED:bare]');
    expect(redact(`[extend]\nuseDefault = true\n${toml}`, line)).toBe('password=[REDACTED:password-assignment] [REDACTED:bare]');
  });

  it('reads keys case-insensitively, as gitleaks (viper) does', () => {
    const toml = String.raw`
[[rules]]
ID = "bare"
Regex = '''(bare)_([A-Za-z0-9]{10})'''
SECRETGROUP = 2
Keywords = ["bare_"]
`;
    expect(redact(toml, 'k bare_Zq8vT2mW9k')).toBe('k bare_[REDACTED:bare]');
  });

  it('gives rules that cross into worker threads (structured clone keeps them whole)', () => {
    const config = importToml(String.raw`
[[rules]]
id = "a"
regex = '''a_[0-9]{8}'''
[rules.allowlist]
stopwords = ["0000"]
`);
    expect(structuredClone(config)).toEqual(config);
    expect(redactorFor('').ruleIds).toEqual([]);
  });
});
