/**
 * The key policy in text lines (`createRedactor`, `logveil/stream`, the sidecar): JSON object
 * lines at any depth and logfmt pairs, as a table; the same output whatever the chunking and
 * with worker threads; a config file's `sensitiveKeys`/`ignoredKeys`/`allowedKeys` in the real
 * CLI.
 */
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor, type RedactorOptions } from '../../src/index.js';
import { createRedactStream } from '../../src/stream/index.js';
import { logveil, tempFiles } from '../cli/support.js';

const SLACK = 'xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F';

const rows: [string, RedactorOptions, string, string][] = [
  ['sensitiveKeys in JSON, at depth, strings only', { sensitiveKeys: ['ssn'] },
    '{"user":{"customerSsn":"078-05-1120","ssnCount":2},"n":1}',
    '{"user":{"customerSsn":"[REDACTED:sensitive-key]","ssnCount":2},"n":1}'],
  ['sensitiveKeys in logfmt, quoted and bare', { sensitiveKeys: ['ssn'] },
    'level=info customer_ssn=078-05-1120 spouse_ssn="219-09-9999" user=bob',
    'level=info customer_ssn=[REDACTED:sensitive-key] spouse_ssn="[REDACTED:sensitive-key]" user=bob'],
  ['ignoredKeys keeps a token in JSON', { ignoredKeys: ['trace'] },
    `{"trace":"${SLACK}","other":"${SLACK}"}`,
    `{"trace":"${SLACK}","other":"[REDACTED:slack-bot-token]"}`],
  ['ignoredKeys keeps a whole subtree', { ignoredKeys: ['debug'] },
    `{"debug":{"password":"hunter2hunter2","tok":"${SLACK}"},"password":"hunter2hunter2"}`,
    `{"debug":{"password":"hunter2hunter2","tok":"${SLACK}"},"password":"[REDACTED:json-sensitive-key]"}`],
  ['ignoredKeys in logfmt', { ignoredKeys: ['trace'] },
    `trace=${SLACK} other=${SLACK}`,
    `trace=${SLACK} other=[REDACTED:slack-bot-token]`],
  ['allowedKeys in JSON: unlisted strings masked, numbers and listed kept', { allowedKeys: ['level', 'msg', 'route', 'tags'] },
    '{"level":"info","msg":"ok","route":"/x","email":"bob@example.com","n":5,"tags":["a","b"],"ids":["x","y"]}',
    '{"level":"info","msg":"ok","route":"/x","email":"[REDACTED:unlisted-key]","n":5,"tags":["a","b"],"ids":["[REDACTED:unlisted-key]","[REDACTED:unlisted-key]"]}'],
  ['allowedKeys in logfmt; free text keeps the rules only', { allowedKeys: ['level'] },
    `level=warn user=bob got ${SLACK}`,
    'level=warn user=[REDACTED:unlisted-key] got [REDACTED:slack-bot-token]'],
  ['a built-in credential key stays the context engine\'s (placeholder kept)', { allowedKeys: ['password'] },
    '{"password":"${DB_PASSWORD}"}',
    '{"password":"${DB_PASSWORD}"}'],
  ['a JSON-looking line that is not JSON is read as logfmt', { sensitiveKeys: ['ssn'] },
    '{ broken ssn=078-05-1120',
    '{ broken ssn=[REDACTED:sensitive-key]'],
  ['escaped JSON keys are decoded', { sensitiveKeys: ['ssn'] },
    '{"\\u0073sn":"078-05-1120"}',
    '{"\\u0073sn":"[REDACTED:sensitive-key]"}'],
  ['custom mask text for the policy\'s rule ids', { allowedKeys: [], maskByRule: { 'unlisted-key': { text: '-' } } },
    'a=1 b=2',
    'a=- b=-'],
];

describe('createRedactor: the key policy in lines', () => {
  it.each(rows)('%s', (_name, options, input, expected) => {
    const out = createRedactor({ learn: false, ...options }).redact(input);
    expect(out).toBe(expected);
    if (input.startsWith('{"') && expected.startsWith('{"')) expect(() => JSON.parse(out)).not.toThrow();
  });

  it('findings name the policy\'s rule ids and never carry the value', () => {
    const found: string[] = [];
    createRedactor({ sensitiveKeys: ['ssn'], allowedKeys: ['ssn'], onFinding: (f) => found.push(JSON.stringify(f)) }).redact('ssn=078-05-1120 email=bob@example.com');
    expect(found.map((f) => (JSON.parse(f) as { ruleId: string }).ruleId)).toEqual(['sensitive-key', 'unlisted-key']);
    expect(found.join('')).not.toMatch(/078-05-1120|bob@example/);
  });

  it('a sensitiveKeys value is learned (its copies are masked); an unlisted one is not', () => {
    const redactor = createRedactor({ sensitiveKeys: ['vault_ref'], allowedKeys: ['vault_ref', 'note'] });
    expect(redactor.redact('vault_ref=Zq8vT2mLx9RbW4kP ref=Xk9mQ2vLp7RtW3zB8nYc')).toBe('vault_ref=[REDACTED:sensitive-key] ref=[REDACTED:unlisted-key]');
    expect(redactor.redact('note=Zq8vT2mLx9RbW4kP')).toBe('note=[REDACTED:sensitive-key]');
    expect(redactor.redact('note=Xk9mQ2vLp7RtW3zB8nYc')).toBe('note=Xk9mQ2vLp7RtW3zB8nYc');
  });

  it('a learned copy inside an ignored value stays', () => {
    const redactor = createRedactor({ ignoredKeys: ['trace'] });
    expect(redactor.redact(`token ${SLACK}`)).toBe('token [REDACTED:slack-bot-token]');
    expect(redactor.redact(`trace=${SLACK}`)).toBe(`trace=${SLACK}`);
  });
});

describe('logveil/stream: the same output however the input is cut', () => {
  const input = rows.map(([, , line]) => line).join('\n') + '\n';
  const options: RedactorOptions = { learn: false, sensitiveKeys: ['ssn'], ignoredKeys: ['trace', 'debug'], allowedKeys: ['level', 'msg', 'route', 'tags', 'password', 'trace', 'debug'] };
  const expected = input.split('\n').map((l) => createRedactor(options).redact(l)).join('\n');

  it.each([1, 7, 64, 4096])('chunks of %i bytes', async (size) => {
    const bytes = Buffer.from(input);
    const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    expect(await text(Readable.from(chunks).pipe(createRedactStream(options)))).toBe(expected);
  });
});

describe('the sidecar: the policy from a config file', () => {
  const { dir, file } = tempFiles('logveil-key-policy-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads sensitiveKeys, ignoredKeys and allowedKeys', async () => {
    const config = file('logveil.json', JSON.stringify({ sensitiveKeys: ['ssn'], ignoredKeys: ['trace'], allowedKeys: ['level', 'trace', 'ssn'] }));
    const r = await logveil(['--config', config], `level=info ssn=078-05-1120 trace=${SLACK} email=bob@example.com\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout.toString()).toBe(`level=info ssn=[REDACTED:sensitive-key] trace=${SLACK} email=[REDACTED:unlisted-key]\n`);
  });

  it('applies it the same on worker threads (--workers 2)', async () => {
    const config = file('workers.json', JSON.stringify({ learn: false, sensitiveKeys: ['ssn'], ignoredKeys: ['trace'], allowedKeys: ['level', 'trace', 'ssn'] }));
    const lines = Array.from({ length: 2000 }, (_, i) => `level=info n=${i} ssn=078-05-1120 trace=${SLACK} {"level":"x"}`);
    const r = await logveil(['--config', config, '--workers', '2'], `${lines.join('\n')}\n`);
    expect(r.stderr).toBe('');
    const out = r.stdout.toString().split('\n');
    expect(out).toHaveLength(2001);
    expect(out[1999]).toBe(`level=info n=[REDACTED:unlisted-key] ssn=[REDACTED:sensitive-key] trace=${SLACK} {"level":"x"}`);
    expect(new Set(out.slice(0, 2000).map((l) => l.replace(/n=\S+ /, '')))).toEqual(new Set([`level=info ssn=[REDACTED:sensitive-key] trace=${SLACK} {"level":"x"}`]));
  });

  it('logveil scan accepts the same config file and ignores the policy (an unlisted value is no secret in a repository)', async () => {
    const config = file('scan.json', JSON.stringify({ allowedKeys: ['level'], sensitiveKeys: ['ssn'] }));
    file('app.log', 'level=info email=bob@example.com ssn=078-05-1120\n');
    const r = await logveil(['scan', '--config', config, dir]);
    expect(r.stderr).not.toMatch(/unlisted-key|sensitive-key/);
    expect(r.stdout.toString()).not.toMatch(/unlisted-key|sensitive-key/);
    expect(r.code).toBe(0);
  });

  it('refuses a bad list with a one-line error naming the key', async () => {
    const config = file('bad.json', JSON.stringify({ allowedKeys: 'level' }));
    const r = await logveil(['--config', config], 'x\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/allowedKeys/);
  });
});
