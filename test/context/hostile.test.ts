/**
 * The context engine on hostile lines: long, dense in keys, quotes and commands. Each must
 * finish (the engine is linear in the line: no test here measures time, but a quadratic
 * scan of these lines would not end within the test's timeout) and mask what it should.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { MAX_LEARN_PER_CALL } from '../../src/known/learnedSecrets.js';

const redactor = createRedactor({ learn: false } as Parameters<typeof createRedactor>[0]);

describe('hostile lines', () => {
  it.each([
    ['keys with unclosed quotes', 'password="'.repeat(100_000)],
    ['name/value pairs without values', '<entry key="password">'.repeat(50_000)],
    ['commands naming commands', 'mysql -u x '.repeat(100_000)],
    ['quotes of every depth', '\\\\\\"password\\\\\\":'.repeat(60_000)],
    ['escapes', '\\u0070\\u0061ss\\/'.repeat(100_000)],
    ['key words without values', 'token key secret auth '.repeat(60_000)],
    ['brackets', 'password=('.repeat(100_000)],
    // Each of these took 20–100 s on a 1 MB line before the look-backs were bounded.
    ['Erlang tuples', '{password,"x"},'.repeat(65_000)],
    ['bind arrays', '["smtp_password", "x"],'.repeat(45_000)],
    ['open lists of keys', '[password, '.repeat(90_000)],
    ['prompts', "'Password: ' ".repeat(75_000)],
    ['argv lists', "'x', 'password', ".repeat(55_000)],
    ['HAR cookie entries', '{"name":"set-cookie","value":"a=b; '.repeat(28_000)],
    ['INSERT column lists without VALUES', 'INSERT INTO t (password, password, password) SELECT 1; '.repeat(18_000)],
  ])('%s', (_name, line) => {
    const out = redactor.redact(line);
    expect(typeof out).toBe('string');
  });

  it('a line dense in maskable values teaches a bounded number of them (learning stays cheap)', () => {
    const learning = createRedactor();
    let line = '';
    for (let i = 0; line.length < 200_000; i++) line += `password=Zq8vT2mW${i.toString(36).padStart(5, '0')}x9 `;
    expect(learning.redact(line)).not.toMatch(/Zq8vT2mW/);
    expect(learning.stats().learned?.values).toBeLessThanOrEqual(MAX_LEARN_PER_CALL);
  });

  it('still masks a secret at the end of a long noisy line', () => {
    const line = `${'token key secret auth '.repeat(20_000)}password=Zq8vT2mW9kR4`;
    expect(redactor.redact(line)).not.toContain('Zq8vT2mW9kR4');
  });
});
