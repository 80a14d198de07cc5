/** The public API: createRedactor, redact, redactBuffer, scan, options and rule errors. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRedactor, LogveilError, OptionsError, RuleError, type Rule } from '../src/index.js';

const acme: Rule = {
  id: 'acme-key',
  description: 'ACME key',
  tags: ['acme', 'test'],
  pattern: String.raw`\b(acme_[a-z0-9]{24})\b`,
  keywords: ['acme_'],
};
const ACME_SECRET = 'acme_q3v9tzl0awm2xr8nbyc4fh7k';
const only = (extra: Partial<Parameters<typeof createRedactor>[0]> = {}) => createRedactor({ builtins: false, rules: [acme], ...extra });

describe('redactBuffer', () => {
  it('returns the very same Buffer when nothing matched', () => {
    const buf = Buffer.from('{"level":30,"msg":"nothing to see"}\n');
    expect(createRedactor().redactBuffer(buf)).toBe(buf);
  });

  it('masks only the secret bytes', () => {
    const out = only().redactBuffer(Buffer.from(`key=${ACME_SECRET} next\n`));
    expect(out.toString()).toBe('key=[REDACTED:acme-key] next\n');
  });

  it('passes invalid UTF-8 and other scripts through byte-exact around a mask', () => {
    const head = Buffer.from([0xff, 0xfe, 0x20, ...Buffer.from('日本語 ключ 🔑 ')]);
    const tail = Buffer.from([0x20, 0xc3, 0x0a, 0x80]);
    const out = only().redactBuffer(Buffer.concat([head, Buffer.from(ACME_SECRET), tail]));
    expect(out.equals(Buffer.concat([head, Buffer.from('[REDACTED:acme-key]'), tail]))).toBe(true);
  });

  it('accepts a plain Uint8Array', () => {
    const out = only().redactBuffer(new TextEncoder().encode(ACME_SECRET));
    expect(out.toString()).toBe('[REDACTED:acme-key]');
  });
});

describe('redact', () => {
  it('returns the same string when nothing matched', () => {
    const s = 'plain line';
    expect(createRedactor().redact(s)).toBe(s);
  });

  it('keeps a JSON line valid JSON with the same keys', () => {
    const line = JSON.stringify({ user: { name: 'bob', Password: 'hunter2', nested: { apiKey: 'Zq8#vT2!mW9$kR4pL7xN' } }, msg: 'ok' });
    const out = createRedactor().redact(line);
    const parsed = JSON.parse(out);
    expect(parsed.user.Password).toBe('[REDACTED:json-sensitive-key]');
    expect(parsed.user.nested.apiKey).toBe('[REDACTED:json-sensitive-key]');
    expect(Object.keys(parsed.user)).toEqual(['name', 'Password', 'nested']);
    expect(out).not.toContain('hunter2');
  });
});

describe('mask strategies', () => {
  it.each([
    ['redact', 'key=[REDACTED] next'],
    ['label', 'key=[REDACTED:acme-key] next'],
    ['fixed', 'key=******** next'],
    ['remove', 'key= next'],
    ['partial', 'key=acme_q...[REDACTED:acme-key] next'],
  ] as const)('%s', (mask, expected) => {
    expect(only({ mask }).redact(`key=${ACME_SECRET} next`)).toBe(expected);
  });

  it('hash: a keyed fingerprint, equal for equal secrets, different per key', () => {
    const a = only({ mask: 'hash', fingerprintKey: 'k1' });
    const b = only({ mask: 'hash', fingerprintKey: 'k2' });
    const outA = a.redact(`${ACME_SECRET} ${ACME_SECRET}`);
    expect(outA).toMatch(/^\[REDACTED:acme-key:[0-9a-f]{8}\] \[REDACTED:acme-key:[0-9a-f]{8}\]$/);
    const [fp1, fp2] = outA.match(/[0-9a-f]{8}/g)!;
    expect(fp1).toBe(fp2);
    expect(b.redact(ACME_SECRET)).not.toBe(a.redact(ACME_SECRET));
  });

  it('per-rule override beats the default', () => {
    expect(only({ mask: 'fixed', maskByRule: { 'acme-key': 'redact' } }).redact(ACME_SECRET)).toBe('[REDACTED]');
    expect(createRedactor({ builtins: false, rules: [{ ...acme, mask: 'remove' }] }).redact(`<${ACME_SECRET}>`)).toBe('<>');
  });
});

describe('scan', () => {
  it('reports rule, offsets, line and fingerprint — never the secret', () => {
    const r = only({ fingerprintKey: 'k' });
    const findings = r.scan(`first line\nsecond ${ACME_SECRET}\n`);
    expect(findings).toEqual([{ ruleId: 'acme-key', start: 18, end: 18 + ACME_SECRET.length, line: 2, fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/), time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(JSON.stringify(findings)).not.toContain(ACME_SECRET);
  });

  it('fingerprints with a random per-process key when none is configured: stable within the redactor, never a plain hash', () => {
    const r = only();
    const [a] = r.scan(ACME_SECRET);
    const [b] = r.scan(`x ${ACME_SECRET}`);
    expect(a!.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(b!.fingerprint).toBe(a!.fingerprint);
    expect(only().scan(ACME_SECRET)[0]!.fingerprint).not.toBe(a!.fingerprint);
    expect(a!.fingerprint).not.toBe(createHash('sha256').update(ACME_SECRET).digest('hex').slice(0, 8));
  });
});

describe('rule selection', () => {
  it('disables built-ins by id and by tag', () => {
    const line = '{"password":"hunter2"} url=https://u:pa55word@h';
    const withoutJson = createRedactor({ disable: ['json-sensitive-key'] });
    expect(withoutJson.ruleIds).not.toContain('json-sensitive-key');
    expect(withoutJson.ruleIds).toContain('url-userinfo-password');
    expect(createRedactor({ disable: ['password'] }).redact(line)).toBe(line); // a tag
  });

  it('enables only the named built-ins, and always keeps user rules', () => {
    expect(createRedactor({ enable: ['jwt-base64'], rules: [acme] }).ruleIds).toEqual(['jwt-base64', 'acme-key']);
    expect(createRedactor({ enable: ['jwt'], rules: [acme] }).ruleIds).toEqual(['jwt', 'jwt-base64', 'acme-key']); // id and tag
  });

  it('a redactor with no rules is a pass-through', () => {
    const r = createRedactor({ builtins: false });
    const buf = Buffer.from('password=hunter2');
    expect(r.redactBuffer(buf)).toBe(buf);
  });
});

describe('errors at construction, with codes', () => {
  const bad = (rule: Partial<Rule>) => () => createRedactor({ builtins: false, rules: [{ ...acme, ...rule } as Rule] });

  it.each<[string, Partial<Rule>, string]>([
    ['a pattern RE2 rejects', { pattern: '(unclosed' }, 'LOGVEIL_RULE_BAD_PATTERN'],
    ['lookahead (not RE2)', { pattern: 'acme_(?=x)' }, 'LOGVEIL_RULE_BAD_PATTERN'],
    ['a pattern that matches the empty string', { pattern: 'acme_|x*' }, 'LOGVEIL_RULE_EMPTY_MATCH'],
    ['no keywords', { keywords: [] }, 'LOGVEIL_RULE_INVALID'],
    ['a bad id', { id: 'Has Spaces' }, 'LOGVEIL_RULE_INVALID'],
    ['a secretGroup that does not exist', { secretGroup: 3 }, 'LOGVEIL_RULE_INVALID'],
    ['an unknown mask', { mask: 'blur' as never }, 'LOGVEIL_RULE_INVALID'],
  ])('rejects %s', (_what, rule, code) => {
    expect(bad(rule)).toThrow(RuleError);
    try {
      bad(rule)();
    } catch (err) {
      expect((err as RuleError).code).toBe(code);
      // An id that is not a valid id is named by its position (it may be a pasted secret).
      expect((err as RuleError).ruleId).toBe(rule.id === undefined ? 'acme-key' : '#1');
      expect((err as Error).message).toContain(rule.id === undefined ? 'acme-key' : 'rule #1');
      if (rule.id !== undefined) expect((err as Error).message).not.toContain(rule.id);
    }
  });

  it('rejects a duplicate id, naming it', () => {
    expect(() => createRedactor({ rules: [{ ...acme, id: 'jwt' }] })).toThrow(expect.objectContaining({ code: 'LOGVEIL_RULE_DUPLICATE_ID', ruleId: 'jwt' }));
  });

  it.each([
    [{ mask: 'blur' }, 'mask'],
    [{ disable: 'jwt' }, 'disable'],
    [{ disable: ['no-such-rule'] }, 'disable'],
    [{ enable: ['no-such-tag'] }, 'enable'],
    [{ maskBy: {} }, 'options'], // an unknown key, named by position
    [{ fingerprintKey: 42 }, 'fingerprintKey'],
  ])('rejects option %j', (options, option) => {
    const make = () => createRedactor(options as never);
    expect(make).toThrow(OptionsError);
    expect(make).toThrow(LogveilError);
    expect(make).toThrow(expect.objectContaining({ option }));
  });
});

describe('capture group counting', () => {
  it.each([
    ['abc', 0],
    ['(a)(b)', 2],
    ['(?:a)(b)', 1],
    ['(?i)(a)', 1],
    ['(?P<name>a)(?<other>b)', 2],
    ['\\(a\\)', 0],
    ['[(](a)', 1],
    ['[^]()](a)', 1],
    ['\\Q(((\\E(a)', 1],
    ['((a)|(b))', 3],
  ])('%s has %i groups', async (pattern, n) => {
    const { countCaptureGroups } = await import('../src/matcher/compileRule.js');
    expect(countCaptureGroups(pattern)).toBe(n);
    // Cross-check with RE2 itself: the alternation with an empty branch matches '' and
    // reports one slot per group.
    const RE2 = (await import('re2')).default;
    expect(new RE2(`(?:${pattern})|`).exec('')!.length - 1).toBe(n);
  });

  it('agrees with RE2 for every built-in rule', async () => {
    const { countCaptureGroups } = await import('../src/matcher/compileRule.js');
    const RE2 = (await import('re2')).default;
    const { builtinRules } = await import('../src/index.js');
    for (const r of builtinRules) expect(countCaptureGroups(r.pattern), r.id).toBe(new RE2(`(?:${r.pattern})|`).exec('')!.length - 1);
  });
});
