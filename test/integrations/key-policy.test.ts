/**
 * The key policy (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`): the verdicts as a table, then
 * the same policy through a real winston logger (its json() lines) and a real pino logger
 * (pinoHooks: pino's lines through the line engine). OpenTelemetry: test/integrations/otel.test.ts;
 * text lines, the stream and the CLI: key-policy-lines.test.ts.
 */
import { PassThrough, Writable } from 'node:stream';
import pino from 'pino';
import winston from 'winston';
import { describe, expect, it } from 'vitest';
import { createRedactor, OptionsError, type Finding } from '../../src/index.js';
import { pinoHooks, type PinoHookOptions } from '../../src/integrations/pino.js';
import { redactFormat, type RedactFormatOptions } from '../../src/integrations/winston/index.js';
import { compileKeyPolicy, type KeyPolicyOptions, type KeyVerdict } from '../../src/policy/index.js';

const SLACK = 'xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F';

describe('compileKeyPolicy verdicts', () => {
  const rows: [string, KeyPolicyOptions, string, KeyVerdict][] = [
    ['built-in sensitive', {}, 'clientSecret', 'sensitive'],
    ['ordinary key', {}, 'user', 'inspect'],
    ['sensitiveKeys: suffix, any case', { sensitiveKeys: ['ssn'] }, 'customerSSN', 'sensitive'],
    ['sensitiveKeys: not a prefix', { sensitiveKeys: ['ssn'] }, 'ssnVerified', 'inspect'],
    ['sensitiveKeys: RegExp', { sensitiveKeys: [/^x-internal-/i] }, 'X-Internal-Route', 'sensitive'],
    ['ignoredKeys wins over the built-in classifier', { ignoredKeys: ['password'] }, 'PASSWORD', 'ignored'],
    ['ignoredKeys is exact (any case), not a suffix', { ignoredKeys: ['password'] }, 'db_password', 'sensitive'],
    ['ignoredKeys wins over sensitiveKeys', { ignoredKeys: ['trace_id'], sensitiveKeys: ['id'] }, 'trace_id', 'ignored'],
    ['allowedKeys: listed', { allowedKeys: ['route'] }, 'Route', 'inspect'],
    ['allowedKeys: not listed', { allowedKeys: ['route'] }, 'email', 'unlisted'],
    ['allowedKeys: exact, not a suffix', { allowedKeys: ['id'] }, 'paid', 'unlisted'],
    ['allowedKeys does not unmask a sensitive key', { allowedKeys: ['password'] }, 'password', 'sensitive'],
    ['allowedKeys: RegExp', { allowedKeys: [/^http\./] }, 'http.method', 'inspect'],
    ['allowedKeys empty: everything unlisted', { allowedKeys: [] }, 'user', 'unlisted'],
    ['ignoredKeys beside allowedKeys', { allowedKeys: ['user'], ignoredKeys: ['trace_id'] }, 'trace_id', 'ignored'],
  ];
  it.each(rows)('%s', (_name, options, key, verdict) => {
    expect(compileKeyPolicy(options).verdict(key)).toBe(verdict);
  });

  it.each([
    [{ sensitiveKeys: 'ssn' }, 'sensitiveKeys'],
    [{ ignoredKeys: [''] }, 'ignoredKeys'],
    [{ allowedKeys: [42] }, 'allowedKeys'],
  ])('refuses %j with an OptionsError naming the option', (options, name) => {
    expect(() => compileKeyPolicy(options as never)).toThrow(OptionsError);
    expect(() => compileKeyPolicy(options as never)).toThrow(name);
  });
});

const redactor = createRedactor();

async function logOne(meta: Record<string, unknown>, options: RedactFormatOptions, message = 'entry'): Promise<Record<string, any>> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const logger = winston.createLogger({ format: winston.format.combine(redactFormat(options), winston.format.json()), transports: [new winston.transports.Stream({ stream: out })] });
  logger.info(message, meta);
  await new Promise((r) => setImmediate(r));
  return JSON.parse(text) as Record<string, any>;
}

describe('the key policy in winston (redactFormat)', () => {
  it('ignoredKeys: the value is kept as it is, even a token or a password', async () => {
    const meta = { password: 'Sup3r-S3cret-Pw!', debug: { slack: SLACK }, other: SLACK };
    const line = await logOne(meta, { redactor, ignoredKeys: ['password', 'debug'] });
    expect(line.password).toBe('Sup3r-S3cret-Pw!');
    expect(line.debug).toEqual({ slack: SLACK });
    expect(line.other).toBe('[REDACTED:slack-bot-token]');
  });

  it('allowedKeys: every leaf under a key not listed is masked; listed ones go through the rules', async () => {
    const meta = { user: { id: 42, email: 'bob@example.com', tags: ['a', 'b'], admin: true }, route: '/login', note: `token ${SLACK}` };
    const line = await logOne(meta, { redactor, allowedKeys: ['user', 'id', 'route', 'note'] }, 'login ok');
    expect(line).toEqual({
      level: 'info',
      message: 'login ok', // the entry's message is structure, not a key to list
      user: { id: 42, email: '[REDACTED:unlisted-key]', tags: ['[REDACTED:unlisted-key]', '[REDACTED:unlisted-key]'], admin: true },
      route: '/login',
      note: 'token [REDACTED:slack-bot-token]',
    });
  });

  it('allowedKeys findings say why, and the caller\'s object is untouched', async () => {
    const found: Finding[] = [];
    const meta = { email: 'bob@example.com', password: 'Sup3r-S3cret-Pw!' };
    const line = await logOne(meta, { allowedKeys: ['route'], onFinding: (f) => found.push(f) });
    expect(line.email).toBe('[REDACTED:unlisted-key]');
    expect(line.password).toBe('[REDACTED:sensitive-key]');
    expect(found.map((f) => f.ruleId).sort()).toEqual(['sensitive-key', 'unlisted-key']);
    expect(meta).toEqual({ email: 'bob@example.com', password: 'Sup3r-S3cret-Pw!' });
  });

  it('a compiled redactor\'s policy serves the format too ({ redactor })', async () => {
    const withPolicy = createRedactor({ allowedKeys: ['route'], sensitiveKeys: ['ssn'] });
    const line = await logOne({ route: '/x', email: 'bob@example.com', customerSsn: '078-05-1120' }, { redactor: withPolicy });
    expect(line).toMatchObject({ route: '/x', email: '[REDACTED:unlisted-key]', customerSsn: '[REDACTED:sensitive-key]' });
  });

  it('custom mask text per rule: maskByRule["unlisted-key"]', async () => {
    const line = await logOne({ email: 'bob@example.com' }, { redactor, allowedKeys: [], maskByRule: { 'unlisted-key': { text: '<not allowed>' } } });
    expect(line.email).toBe('<not allowed>');
  });
});

/** One pino line for `obj`, parsed. */
function pinoLine(options: PinoHookOptions, obj: Record<string, unknown>): Record<string, any> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  pino({ base: undefined, timestamp: false, ...pinoHooks(options) }, sink).info(obj, 'hello');
  return JSON.parse(text) as Record<string, any>;
}

describe('the key policy in pino (pinoHooks: the line engine on pino\'s JSON lines)', () => {
  it('allowedKeys: unlisted strings masked at any depth; pino\'s own keys are keys like any other', () => {
    const line = pinoLine({ learn: false, allowedKeys: ['route', 'status', 'msg', 'user', 'id'] }, { route: '/login', status: 200, email: 'bob@example.com', user: { id: 'u1', name: 'Bob' } });
    expect(line).toEqual({ level: 30, route: '/login', status: 200, email: '[REDACTED:unlisted-key]', user: { id: 'u1', name: '[REDACTED:unlisted-key]' }, msg: 'hello' });
  });

  it('sensitiveKeys: at any depth; the caller\'s object is untouched', () => {
    const obj = { customerSsn: '078-05-1120', user: 'bob', tenant: { billingSsn: '219-09-9999' } };
    const line = pinoLine({ sensitiveKeys: ['ssn'] }, obj);
    expect(line.customerSsn).toBe('[REDACTED:sensitive-key]');
    expect(line.tenant.billingSsn).toBe('[REDACTED:sensitive-key]');
    expect(line.user).toBe('bob');
    expect(obj.customerSsn).toBe('078-05-1120');
  });

  it('ignoredKeys: kept from every rule, a built-in credential key included', () => {
    const line = pinoLine({ ignoredKeys: ['password', 'trace'] }, { password: 'plain-words-here', trace: SLACK, other: SLACK });
    expect(line).toMatchObject({ password: 'plain-words-here', trace: SLACK, other: '[REDACTED:slack-bot-token]' });
  });
});
