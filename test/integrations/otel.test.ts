/**
 * `logveil/otel`: redactLogRecordProcessor in a real OpenTelemetry logs SDK (LoggerProvider,
 * SimpleLogRecordProcessor and BatchLogRecordProcessor, the SDK's InMemoryLogRecordExporter).
 * No mocks: every assertion reads what the exporter received.
 */
import { BatchLogRecordProcessor, InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor, type LogRecordProcessor } from '@opentelemetry/sdk-logs';
import { describe, expect, it } from 'vitest';
import { createRedactor, OptionsError, RuleError, type Finding } from '../../src/index.js';
import { redactLogRecordProcessor, type RedactLogRecordProcessorOptions } from '../../src/integrations/otel/index.js';

const PASSWORD = 'Sup3r-S3cret-Pw!';
const SLACK = 'xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F';
const PG_URL = 'postgres://orders:Vq7pL9zR2mWt4K@db.internal:5432/orders';
const SECRETS = [PASSWORD, SLACK, 'Vq7pL9zR2mWt4K'];
const KEY_MASK = '[REDACTED:sensitive-key]';

const redactor = createRedactor();

/** A provider with `first` then a simple exporting processor; `emit` returns what was exported. */
function pipeline(first: LogRecordProcessor | undefined) {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ processors: [...(first === undefined ? [] : [first]), new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger('test');
  return {
    provider,
    exporter,
    emit(record: Parameters<typeof logger.emit>[0]) {
      exporter.reset();
      logger.emit(record);
      const [out] = exporter.getFinishedLogRecords();
      return out!;
    },
  };
}

function expectNoSecret(value: unknown): void {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v));
  for (const s of SECRETS) expect(text).not.toContain(s);
}

describe('redactLogRecordProcessor masks what the exporter receives', () => {
  const { emit } = pipeline(redactLogRecordProcessor({ redactor }));

  it('a string body through the rules', () => {
    const out = emit({ body: `connecting to ${PG_URL} with token ${SLACK}` });
    expect(out.body).toBe('connecting to postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders with token [REDACTED:slack-bot-token]');
  });

  it('attributes: by key (whole value) and by the rules (the rest), others untouched', () => {
    const out = emit({ body: 'login', attributes: { 'user.password': PASSWORD, 'http.request.header.authorization': `Bearer ${SLACK}`, 'db.url': PG_URL, 'user.id': 42, ok: true } });
    expect(out.attributes).toEqual({
      'user.password': KEY_MASK,
      'http.request.header.authorization': `Bearer ${KEY_MASK}`,
      'db.url': 'postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders',
      'user.id': 42,
      ok: true,
    });
  });

  it('a structured body at any depth, arrays and bytes included', () => {
    const body = { event: 'deploy', config: { db: { password: PASSWORD, hosts: ['a', `token=${SLACK}`] } }, raw: new Uint8Array(Buffer.from(`slack ${SLACK}`)) };
    const out = emit({ body });
    expectNoSecret(out.body);
    const b = out.body as Record<string, any>;
    expect(b.config.db.password).toBe(KEY_MASK);
    expect(b.config.db.hosts).toEqual(['a', 'token=[REDACTED:slack-bot-token]']);
    expect(Buffer.from(b.raw as Uint8Array).toString('utf8')).toBe('slack [REDACTED:slack-bot-token]');
    expect(b.event).toBe('deploy');
  });

  it('nested attribute values (maps and arrays)', () => {
    const out = emit({ body: 'x', attributes: { request: { headers: { cookie: 'sid=q8Zr4Tn7Vb3Yc9Wd' }, urls: [PG_URL] } } });
    expect(out.attributes).toEqual({ request: { headers: { cookie: KEY_MASK }, urls: ['postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders'] } });
  });

  it('never writes to the objects the application passed', () => {
    const body = { user: { password: PASSWORD }, list: [SLACK] };
    const nested = { token: SLACK };
    const attributes = { nested, plain: PG_URL };
    const out = emit({ body, attributes });
    expectNoSecret([out.body, out.attributes]);
    expect(body).toEqual({ user: { password: PASSWORD }, list: [SLACK] });
    expect(nested).toEqual({ token: SLACK });
    expect(attributes).toEqual({ nested: { token: SLACK }, plain: PG_URL });
  });

  it('a clean record is exported as it came (the same body object)', () => {
    const body = { event: 'ok', n: 1 };
    const out = emit({ body, attributes: { route: '/health' } });
    expect(out.body).toBe(body);
    expect(out.attributes).toEqual({ route: '/health' });
  });

  it('the exception attributes the SDK derives from `exception`', () => {
    const out = emit({ body: 'failed', exception: new Error(`cannot connect to ${PG_URL}`) });
    expect(out.attributes['exception.message']).toBe('cannot connect to postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders');
    expect(String(out.attributes['exception.stacktrace'])).not.toContain('Vq7pL9zR2mWt4K');
  });
});

describe('without the processor (the control)', () => {
  it('the exporter would have received the secrets', () => {
    const out = pipeline(undefined).emit({ body: `token ${SLACK}`, attributes: { password: PASSWORD } });
    expect(out.body).toBe(`token ${SLACK}`);
    expect(out.attributes.password).toBe(PASSWORD);
  });
});

describe('the key policy', () => {
  const emitWith = (options: RedactLogRecordProcessorOptions, record: Parameters<ReturnType<typeof pipeline>['emit']>[0]) => pipeline(redactLogRecordProcessor(options)).emit(record);

  it('ignoredKeys: kept as it is, not inspected', () => {
    const out = emitWith({ redactor, ignoredKeys: ['debug.token'] }, { body: 'x', attributes: { 'debug.token': SLACK, other: SLACK } });
    expect(out.attributes).toEqual({ 'debug.token': SLACK, other: '[REDACTED:slack-bot-token]' });
  });

  it('allowedKeys: attributes not listed are masked, listed ones go through the rules; a string body is never "unlisted"', () => {
    const out = emitWith({ redactor, allowedKeys: ['http.route', 'note'] }, { body: `hello ${SLACK}`, attributes: { 'http.route': '/login', 'user.email': 'bob@example.com', note: `t=${SLACK}`, count: 3 } });
    expect(out.body).toBe('hello [REDACTED:slack-bot-token]');
    expect(out.attributes).toEqual({ 'http.route': '/login', 'user.email': '[REDACTED:unlisted-key]', note: 't=[REDACTED:slack-bot-token]', count: '[REDACTED:unlisted-key]' });
  });

  it('allowedKeys applies to the keys of a structured body', () => {
    const out = emitWith({ redactor, allowedKeys: ['event'] }, { body: { event: 'signup', email: 'bob@example.com' } });
    expect(out.body).toEqual({ event: 'signup', email: '[REDACTED:unlisted-key]' });
  });

  it('an unlisted value is not learned (its copy under an allowed key stays); a sensitive one is', () => {
    const { emit } = pipeline(redactLogRecordProcessor({ allowedKeys: ['note'], sensitiveKeys: ['vault_ref'] }));
    emit({ body: 'x', attributes: { ref: 'Xk9mQ2vLp7RtW3zB8nYc', vault_ref: 'Zq8vT2mLx9RbW4kPq7Ld' } });
    const out = emit({ body: 'x', attributes: { note: 'Xk9mQ2vLp7RtW3zB8nYc and Zq8vT2mLx9RbW4kPq7Ld' } });
    expect(out.attributes.note).toBe('Xk9mQ2vLp7RtW3zB8nYc and [REDACTED:sensitive-key]');
  });

  it('sensitiveKeys adds key names', () => {
    const out = emitWith({ redactor, sensitiveKeys: ['ssn'] }, { body: 'x', attributes: { 'customer.ssn': '078-05-1120' } });
    expect(out.attributes['customer.ssn']).toBe(KEY_MASK);
  });

  it('custom mask text for key-based masks', () => {
    const out = emitWith({ redactor, mask: { text: '<hidden>' } }, { body: 'x', attributes: { password: PASSWORD } });
    expect(out.attributes.password).toBe('<hidden>');
  });
});

describe('findings and stats', () => {
  it('onFinding gets each masked value (never the value); stats count records', () => {
    const found: Finding[] = [];
    const processor = redactLogRecordProcessor({ onFinding: (f) => found.push(f), fingerprintKey: 'k' });
    const { emit } = pipeline(processor);
    emit({ body: `token ${SLACK}`, attributes: { password: PASSWORD } });
    emit({ body: 'clean' });
    expect(found.map((f) => f.ruleId).sort()).toEqual(['sensitive-key', 'slack-bot-token']);
    expect(JSON.stringify(found)).not.toContain(PASSWORD);
    expect(processor.stats()).toEqual({ records: 2, changed: 1, errors: 0 });
  });

  it('hash masks agree with the findings\' fingerprints', () => {
    const found: Finding[] = [];
    const { emit } = pipeline(redactLogRecordProcessor({ mask: 'hash', fingerprintKey: 'k', onFinding: (f) => found.push(f) }));
    const out = emit({ body: 'x', attributes: { password: PASSWORD } });
    expect(out.attributes.password).toBe(`[REDACTED:sensitive-key:${found[0]!.fingerprint}]`);
  });
});

describe('with a BatchLogRecordProcessor', () => {
  it('the batch exports masked records', async () => {
    const exporter = new InMemoryLogRecordExporter();
    const provider = new LoggerProvider({ processors: [redactLogRecordProcessor({ redactor }), new BatchLogRecordProcessor({ exporter })] });
    const logger = provider.getLogger('batch');
    for (let i = 0; i < 5; i++) logger.emit({ body: `record ${i} token ${SLACK}`, attributes: { password: PASSWORD } });
    await provider.forceFlush();
    const records = exporter.getFinishedLogRecords();
    expect(records).toHaveLength(5);
    expectNoSecret(records.map((r) => [r.body, r.attributes]));
    expect(records[4]!.body).toBe('record 4 token [REDACTED:slack-bot-token]');
    await provider.shutdown();
  });
});

describe('failures', () => {
  it('a body that cannot be read is masked and counted, never thrown', () => {
    const processor = redactLogRecordProcessor({ redactor });
    const { emit } = pipeline(processor);
    const body = {
      get secret(): string {
        throw new Error('boom');
      },
    };
    const out = emit({ body: body as never });
    expect((out.body as Record<string, unknown>).secret).toBe('[REDACTED:logveil-error]');
    expect(processor.stats()).toEqual({ records: 1, changed: 1, errors: 1 });
  });

  it('a cyclic body is masked without recursing forever; deeper than maxDepth fails closed', () => {
    const { emit } = pipeline(redactLogRecordProcessor({ redactor, maxDepth: 3 }));
    const body: Record<string, unknown> = { password: PASSWORD, deep: { a: { b: { c: { token: SLACK } } } } };
    body.self = body;
    const out = emit({ body: body as never }).body as Record<string, any>;
    expect(out.password).toBe(KEY_MASK);
    expect(out.self).toBe(out); // the copy points at itself, as the original did
    expect(out.deep.a.b).toBe('[REDACTED:depth]');
    expect(body.password).toBe(PASSWORD);
  });

  it.each([
    [{ sensitiveKeys: 'ssn' }, OptionsError],
    [{ allowedKeys: [''] }, OptionsError],
    [{ maxDepth: 0 }, OptionsError],
    [{ mask: 'blur' }, OptionsError],
    [{ redactor, builtins: false }, OptionsError],
    [{ rules: [{ id: 'x', description: 'x', pattern: '(', keywords: ['x'] }] }, RuleError],
  ])('refuses %j at construction', (options, error) => {
    expect(() => redactLogRecordProcessor(options as never)).toThrow(error);
  });
});
