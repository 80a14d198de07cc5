/** Custom mask text (`mask: { text }`): where it is accepted, what it writes, what it refuses. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor, OptionsError } from '../../src/index.js';
import { maskTextProblem, MAX_MASK_TEXT_LENGTH } from '../../src/mask/maskText.js';
import { logveil, tempFiles } from '../cli/support.js';

const PASSWORD_LINE = 'login ok password=Hunter2Hunter2x user=bob';
const JSON_LINE = '{"user":"bob","password":"Hunter2Hunter2x"}';

describe('maskTextProblem', () => {
  it.each([
    ['<hidden>'],
    ['***'],
    ['[MASKED]'],
    ['x'],
    ['a b'],
    ['x'.repeat(MAX_MASK_TEXT_LENGTH)],
  ])('accepts %j', (text) => {
    expect(maskTextProblem({ text })).toBeUndefined();
  });

  it.each([
    ['empty', { text: '' }, /not be empty/],
    ['too long', { text: 'x'.repeat(MAX_MASK_TEXT_LENGTH + 1) }, /at most 64/],
    ['a quote', { text: 'a"b' }, /character #2 /],
    ['a backslash', { text: 'ab\\' }, /character #3 /],
    ['a newline', { text: 'a\nb' }, /character #2 /],
    ['a tab', { text: '\tb' }, /character #1 /],
    ['DEL', { text: 'a\x7f' }, /character #2 /],
    ['non-ASCII', { text: 'ma\u00dfk' }, /character #3 /],
    ['a line separator', { text: 'a\u2028' }, /character #2 /],
    ['not a string', { text: 42 }, /must be a string/],
    ['another key', { text: 'x', rule: 'y' }, /exactly one key/],
    ['no text', { value: 'x' }, /exactly one key/],
    ['an array', ['x'], /strategy name or \{ text \}/],
  ])('refuses %s', (_name, value, message) => {
    expect(maskTextProblem(value)).toMatch(message);
  });
});

describe('a redactor with mask text', () => {
  it('writes the text in place of every secret, and nothing else changes', () => {
    expect(createRedactor({ mask: { text: '<hidden>' } }).redact(PASSWORD_LINE)).toBe('login ok password=<hidden> user=bob');
  });

  it('keeps a JSON line valid JSON', () => {
    const out = createRedactor({ mask: { text: '<hidden> by policy' } }).redact(JSON_LINE);
    expect(JSON.parse(out)).toEqual({ user: 'bob', password: '<hidden> by policy' });
  });

  it('per rule through maskByRule, beside a strategy for the others', () => {
    const redactor = createRedactor({ mask: 'redact', maskByRule: { 'json-sensitive-key': { text: '##' } } });
    expect(redactor.redact(JSON_LINE)).toBe('{"user":"bob","password":"##"}');
    expect(redactor.redact(PASSWORD_LINE)).toBe('login ok password=[REDACTED] user=bob');
  });

  it('reports findings with their fingerprint as with any other mask', () => {
    const found: string[] = [];
    createRedactor({ mask: { text: '<hidden>' }, fingerprintKey: 'k', onFinding: (f) => found.push(f.ruleId) }).redact(JSON_LINE);
    expect(found).toEqual(['json-sensitive-key']);
  });

  it.each([
    [{ mask: { text: 'a"b' } }, 'mask'],
    [{ mask: { text: '' } }, 'mask'],
    [{ maskByRule: { jwt: { text: 'x\ny' } } }, 'maskByRule.jwt'],
    [{ mask: { txt: 'x' } }, 'mask'],
  ])('refuses %j with an OptionsError naming the option, never the text', (options, option) => {
    let error: unknown;
    try {
      createRedactor(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OptionsError);
    expect((error as OptionsError).code).toBe('LOGVEIL_INVALID_OPTION');
    expect((error as Error).message).toContain(option);
    expect((error as Error).message).not.toMatch(/a"b|x\ny/);
  });
});

describe('the CLI config file', () => {
  const { dir, file } = tempFiles('logveil-mask-text-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes mask as { text }', async () => {
    const config = file('logveil.json', JSON.stringify({ mask: { text: '<hidden>' } }));
    const r = await logveil(['--config', config], `${PASSWORD_LINE}\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout.toString()).toBe('login ok password=<hidden> user=bob\n');
  });

  it('refuses mask text that is not JSON-safe, without printing it', async () => {
    const config = file('bad.json', JSON.stringify({ mask: { text: 'q"uote' } }));
    const r = await logveil(['--config', config], `${PASSWORD_LINE}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"mask"/);
    expect(r.stderr).not.toContain('q"uote');
    expect(r.stdout.toString()).toBe('');
  });
});
