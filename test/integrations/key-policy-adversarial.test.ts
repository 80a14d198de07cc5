/**
 * The key policy under attack: lines and values built to make `sensitiveKeys`, `ignoredKeys`
 * or `allowedKeys` leak (a secret the catalog alone masks, or a value `allowedKeys` does not
 * let through), break a JSON line, or hang. Each row is named after what broke; the stream
 * rows go through the real `logveil/stream` with its long-line windows; the structured rows
 * through the real winston and OpenTelemetry SDK.
 */
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { Readable, Writable } from 'node:stream';
import { text } from 'node:stream/consumers';
import winston from 'winston';
import { describe, expect, it } from 'vitest';
import { createRedactor, OptionsError, type RedactorOptions } from '../../src/index.js';
import { redactLogRecordProcessor } from '../../src/integrations/otel/index.js';
import { redactFormat } from '../../src/integrations/winston/index.js';
import { compileKeyPolicy } from '../../src/policy/index.js';
import { createRedactStream } from '../../src/stream/index.js';

const SLACK = 'xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F';
const SLACK_MASK = '[REDACTED:slack-bot-token]';
const DEEP = 70; // beyond the line reader's 64 levels

const rows: [string, RedactorOptions, string, string][] = [
  // ignoredKeys must not reach past its own value.
  ['an ignored logfmt value without its closing quote ignored the rest of the line', { ignoredKeys: ['trace'] },
    `trace="abc token=${SLACK}`,
    `trace="abc token=${SLACK_MASK}`],
  ['an ignored quoted value whose only closing quote is escaped ignored the rest of the line', { ignoredKeys: ['trace'] },
    `trace="a\\" token=${SLACK}`,
    `trace="a\\" token=${SLACK_MASK}`],
  ['an ignored bare value swallowed a pair joined by &', { ignoredKeys: ['trace'] },
    `trace=abc&token=${SLACK}`,
    `trace=abc&token=${SLACK_MASK}`],
  ['an ignored bare value swallowed a password pair joined by a comma', { ignoredKeys: ['trace'] },
    'trace=abc,password=hunter2hunter2',
    'trace=abc,password=[REDACTED:password-assignment]'],
  ['an ignored JSON value stays while its neighbour is masked', { ignoredKeys: ['trace'] },
    `{"trace":"${SLACK}","token":"${SLACK}"}`,
    `{"trace":"${SLACK}","token":"${SLACK_MASK}"}`],
  ['a properly quoted ignored value keeps what is inside it', { ignoredKeys: ['trace'] },
    `trace="a ${SLACK}" next=${SLACK}`,
    `trace="a ${SLACK}" next=${SLACK_MASK}`],
  // allowedKeys must mask every value it does not list.
  ['allowedKeys let an unlisted built-in credential key\'s placeholder through', { allowedKeys: ['msg'] },
    '{"msg":"ok","password":"changeme"}',
    '{"msg":"ok","password":"[REDACTED:unlisted-key]"}'],
  ['allowedKeys: a listed credential key stays the context engine\'s', { allowedKeys: ['msg', 'password'] },
    '{"msg":"ok","password":"changeme"}',
    '{"msg":"ok","password":"changeme"}'],
  ['allowedKeys: an escaped credential key is decoded and masked', { allowedKeys: ['msg'] },
    '{"pass\\u0077ord":"hunter2"}',
    '{"pass\\u0077ord":"[REDACTED:json-sensitive-key]"}'],
  ['allowedKeys skipped the pairs after a JSON object', { allowedKeys: ['trace'] },
    '{"trace":"x"} email=bob@example.com',
    '{"trace":"x"} email=[REDACTED:unlisted-key]'],
  ['sensitiveKeys skipped the pairs after a JSON object', { sensitiveKeys: ['pin'] },
    '{"pin":1234} pin=1234',
    '{"pin":1234} pin=[REDACTED:sensitive-key]'],
  ['allowedKeys skipped a JSON array line', { allowedKeys: ['msg'] },
    '[{"msg":"ok","email":"bob@example.com"}]',
    '[{"msg":"ok","email":"[REDACTED:unlisted-key]"}]'],
  ['allowedKeys skipped a line nested deeper than the reader goes', { allowedKeys: ['msg'] },
    `{"email":"bob@example.com","d":${'['.repeat(DEEP)}"carol@example.com"${']'.repeat(DEEP)}}`,
    `{"email":"[REDACTED:unlisted-key]","d":${'['.repeat(DEEP)}"[REDACTED:unlisted-key]"${']'.repeat(DEEP)}}`],
  ['sensitiveKeys skipped a line nested deeper than the reader goes', { sensitiveKeys: ['ssn'] },
    `{"ssn":"078-05-1120","d":${'{"a":'.repeat(DEEP)}{"ssn":"219-09-9999"}${'}'.repeat(DEEP)}}`,
    `{"ssn":"[REDACTED:sensitive-key]","d":${'{"a":'.repeat(DEEP)}{"ssn":"219-09-9999"}${'}'.repeat(DEEP)}}`],
  ['a deep subtree under a sensitive key is masked whole', { sensitiveKeys: ['ssn'] },
    `{"ssn":${'['.repeat(DEEP)}"078-05-1120"${']'.repeat(DEEP)}}`,
    `{"ssn":${'['.repeat(DEEP)}"[REDACTED:sensitive-key]"${']'.repeat(DEEP)}}`],
  ['allowedKeys: an unlisted key with a dot, in JSON and logfmt', { allowedKeys: ['email'] },
    '{"user.email":"bob"} user.email=bob',
    '{"user.email":"[REDACTED:unlisted-key]"} user.email=[REDACTED:unlisted-key]'],
  ['sensitiveKeys: a non-ASCII key in logfmt, in any case', { sensitiveKeys: ['ключ'] },
    '{"КЛЮЧ":"v"} КЛЮЧ=z',
    '{"КЛЮЧ":"[REDACTED:sensitive-key]"} КЛЮЧ=[REDACTED:sensitive-key]'],
  ['duplicate keys are each judged', { allowedKeys: ['msg'], sensitiveKeys: ['ssn'] },
    '{"msg":"a","ssn":"078-05-1120","msg":"b","ssn":"219-09-9999"}',
    '{"msg":"a","ssn":"[REDACTED:sensitive-key]","msg":"b","ssn":"[REDACTED:sensitive-key]"}'],
  ['__proto__ and constructor keys are keys like any other', { allowedKeys: ['msg'] },
    '{"__proto__":"a","constructor":{"prototype":"b"},"msg":"c"}',
    '{"__proto__":"[REDACTED:unlisted-key]","constructor":{"prototype":"[REDACTED:unlisted-key]"},"msg":"c"}'],
  // Promised to stay.
  ['JSON numbers, booleans and null stay under masked keys', { allowedKeys: [], sensitiveKeys: ['pin'] },
    '{"a":1,"b":true,"c":null,"d":-1.5e3,"pin":1234,"e":"s"}',
    '{"a":1,"b":true,"c":null,"d":-1.5e3,"pin":1234,"e":"[REDACTED:unlisted-key]"}'],
  ['a logfmt line quoting JSON is still read as pairs', { allowedKeys: ['level'] },
    'level=info data={"email":"bob"} user=bob',
    'level=info data=[REDACTED:unlisted-key] user=[REDACTED:unlisted-key]'],
];

describe('the key policy in lines: nothing leaks past it', () => {
  it.each(rows)('%s', (_name, options, input, expected) => {
    const out = createRedactor({ learn: false, ...options }).redact(input);
    expect(out).toBe(expected);
    if (/^[[{]/.test(input) && !input.includes('} ')) expect(() => JSON.parse(out) as unknown).not.toThrow();
  });

  it('a line of 100 000 nested brackets is read without a stack overflow', () => {
    const line = `{"email":"bob@example.com","d":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const out = createRedactor({ learn: false, allowedKeys: ['msg'] }).redact(line);
    expect(out.startsWith('{"email":"[REDACTED:unlisted-key]","d":[[[')).toBe(true);
    expect(out.length).toBe(line.length - 'bob@example.com'.length + '[REDACTED:unlisted-key]'.length);
  });
});

describe('the key policy across the windows of a line longer than maxLineLength', () => {
  const run = (input: string, options: RedactorOptions) => text(Readable.from([Buffer.from(input)]).pipe(createRedactStream({ learn: false, maxLineLength: 1024, ...options })));

  it('allowedKeys masked nothing in a JSON line longer than maxLineLength', async () => {
    const fields = Array.from({ length: 400 }, (_, i) => `"email${i}":"bob${i}@example.com","n${i}":${i},"msg${i}":"ok ${i}"`).join(',');
    const input = `{"level":"info",${fields}}\n`;
    const allowed = ['level', ...Array.from({ length: 400 }, (_, i) => `msg${i}`)];
    const out = await run(input, { allowedKeys: allowed });
    expect(out).not.toMatch(/@example\.com/);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(parsed.email399).toBe('[REDACTED:unlisted-key]');
    expect(parsed.msg399).toBe('ok 399');
    expect(parsed.n399).toBe(399);
    expect(parsed.level).toBe('info');
  });

  it('sensitiveKeys in every window of a long JSON line', async () => {
    const fields = Array.from({ length: 300 }, (_, i) => `"ssn${i}":"078-05-${String(1000 + i)}","note${i}":"fine"`).join(',');
    const out = await run(`{${fields}}\n`, { sensitiveKeys: [/^ssn\d+$/] });
    expect(out).not.toMatch(/078-05-/);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(parsed.note299).toBe('fine');
  });
});

describe('RegExp key patterns run on RE2', () => {
  it('a pattern with nested quantifiers does not backtrack on a crafted key', () => {
    const policy = compileKeyPolicy({ sensitiveKeys: [/^(a+)+$/] });
    expect(policy.verdict(`${'a'.repeat(5000)}!`)).toBe('inspect');
    expect(policy.verdict('aaaa')).toBe('sensitive');
    const line = `{"${'a'.repeat(5000)}!":"v","aaa":"078-05-1120"}`;
    expect(createRedactor({ learn: false, sensitiveKeys: [/^(a+)+$/] }).redact(line)).toBe(`{"${'a'.repeat(5000)}!":"v","aaa":"[REDACTED:sensitive-key]"}`);
  });

  it('flags are kept, g and y do not make the test stateful', () => {
    const policy = compileKeyPolicy({ ignoredKeys: [/^TRACE/gi] });
    expect(['trace_id', 'Trace', 'trace_id'].map((k) => policy.verdict(k))).toEqual(['ignored', 'ignored', 'ignored']);
  });

  it.each([
    ['a backreference', /(a)\1/],
    ['a lookbehind', /(?<=x-)secret/],
  ])('refuses %s with OptionsError naming the list and the position', (_name, pattern) => {
    let error: unknown;
    try {
      compileKeyPolicy({ allowedKeys: ['msg', pattern] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(OptionsError);
    expect((error as OptionsError).code).toBe('LOGVEIL_INVALID_OPTION');
    expect((error as Error).message).toContain('allowedKeys');
    expect((error as Error).message).toContain('#2');
  });
});

describe('structured values: an own __proto__ key', () => {
  it('winston: a masked value under an own __proto__ key stays an own property (it became the copy\'s prototype)', async () => {
    const lines: string[] = [];
    const logger = winston.createLogger({
      format: winston.format.combine(redactFormat({}), winston.format.json()),
      transports: [new winston.transports.Stream({ stream: new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } }) })],
    });
    const meta = JSON.parse(`{"__proto__":{"password":"hunter2hunter2","t":"${SLACK}"}}`) as object;
    const nested = JSON.parse(`{"__proto__":"${SLACK}","ok":1}`) as object;
    logger.info('m', { meta, nested });
    await new Promise<void>((resolve) => logger.end(resolve));
    const out = JSON.parse(lines.join('')) as { meta: Record<string, unknown>; nested: Record<string, unknown> };
    expect(Object.getOwnPropertyNames(out.meta)).toEqual(['__proto__']);
    expect(JSON.stringify(out.meta)).toBe('{"__proto__":{"password":"[REDACTED:sensitive-key]","t":"[REDACTED:slack-bot-token]"}}');
    expect(JSON.stringify(out.nested)).toBe('{"__proto__":"[REDACTED:slack-bot-token]","ok":1}');
    // The caller's objects are unchanged.
    expect(JSON.stringify(meta)).toContain(SLACK);
  });

  it('OpenTelemetry: the same in a record body', () => {
    const exporter = new InMemoryLogRecordExporter();
    const provider = new LoggerProvider({ processors: [redactLogRecordProcessor({}), new SimpleLogRecordProcessor({ exporter })] });
    const body = JSON.parse(`{"__proto__":{"password":"hunter2hunter2"},"x":"${SLACK}"}`) as object;
    provider.getLogger('t').emit({ body: body as never });
    const [record] = exporter.getFinishedLogRecords();
    const out = record!.body as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"password":"[REDACTED:sensitive-key]"},"x":"[REDACTED:slack-bot-token]"}');
    expect(JSON.stringify(body)).toContain('hunter2hunter2');
  });
});
