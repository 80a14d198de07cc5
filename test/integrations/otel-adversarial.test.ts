/**
 * `logveil/otel` under attack, in the real OpenTelemetry logs SDK: bodies the SDK accepts but
 * a walk may choke on (cycles, Map, Set, bytes, Dates, huge strings), attributes with mixed
 * arrays, the SDK's own value length limit cutting a token before the processor runs, an
 * `onFinding` that throws, a processor shut down while its provider still emits, and the
 * processor's place in the provider's list. The exporter serializes in `export()`, as the OTLP
 * exporters do, so an assertion sees what would have left the process.
 */
import { BatchLogRecordProcessor, LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter, type LogRecordProcessor, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { describe, expect, it } from 'vitest';
import { redactLogRecordProcessor, type RedactLogRecordProcessorOptions } from '../../src/integrations/otel/index.js';

const SLACK = 'xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F';
const SLACK_MASK = '[REDACTED:slack-bot-token]';

/** An exporter that keeps what it was given as text, made in `export()` (as OTLP serializes). */
function serializingExporter() {
  const sent: string[] = [];
  const exporter: LogRecordExporter = {
    export(records: ReadableLogRecord[], done) {
      for (const r of records) {
        sent.push(JSON.stringify({ body: r.body, attributes: r.attributes }, (_k, v: unknown) => (v instanceof Uint8Array ? `bytes:${Buffer.from(v).toString('utf8')}` : v instanceof Map ? { map: [...v] } : v instanceof Set ? { set: [...v] } : v)));
      }
      done({ code: 0 });
    },
    shutdown: () => Promise.resolve(),
    forceFlush: () => Promise.resolve(),
  };
  return { exporter, sent };
}

function pipeline(options: RedactLogRecordProcessorOptions = {}, providerOptions: object = {}) {
  const { exporter, sent } = serializingExporter();
  const processor = redactLogRecordProcessor(options);
  const provider = new LoggerProvider({ ...providerOptions, processors: [processor, new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger('adversarial');
  return {
    processor,
    provider,
    emit(record: Parameters<typeof logger.emit>[0]): string {
      sent.length = 0;
      logger.emit(record);
      expect(sent).toHaveLength(1);
      return sent[0]!;
    },
  };
}

describe('bodies a walk may choke on', () => {
  const { emit } = pipeline();

  it('a cyclic body: masked, the cycle kept in the copy, the caller\'s object unchanged', () => {
    const body: Record<string, unknown> = { note: `token ${SLACK}`, child: {} };
    (body.child as Record<string, unknown>).parent = body;
    body.self = body;
    const { exporter, sent } = serializingExporter();
    // JSON cannot print a cycle: read the record the exporter gets instead.
    let seen: ReadableLogRecord | undefined;
    const keep: LogRecordExporter = { ...exporter, export(records, done) { seen = records[0]; done({ code: 0 }); } };
    const provider = new LoggerProvider({ processors: [redactLogRecordProcessor({}), new SimpleLogRecordProcessor({ exporter: keep })] });
    provider.getLogger('c').emit({ body: body as never });
    const out = seen!.body as Record<string, any>;
    expect(out.note).toBe(`token ${SLACK_MASK}`);
    expect(out.self).toBe(out);
    expect(out.child.parent).toBe(out);
    expect(body.note).toBe(`token ${SLACK}`);
    expect(body.self).toBe(body);
    expect(sent).toHaveLength(0);
  });

  it('Map, Set and bytes bodies are masked; the caller\'s are unchanged', () => {
    const map = new Map<string, unknown>([['password', 'hunter2hunter2'], ['note', `t ${SLACK}`]]);
    expect(emit({ body: map as never })).toBe(`{"body":{"map":[["password","[REDACTED:sensitive-key]"],["note","t ${SLACK_MASK}"]]},"attributes":{}}`);
    expect(map.get('password')).toBe('hunter2hunter2');
    const set = new Set([SLACK, 'plain']);
    expect(emit({ body: set as never })).toBe(`{"body":{"set":["${SLACK_MASK}","plain"]},"attributes":{}}`);
    expect(set.has(SLACK)).toBe(true);
    const bytes = new Uint8Array(Buffer.from(`tok ${SLACK}`));
    expect(emit({ body: bytes })).toBe(`{"body":"bytes:tok ${SLACK_MASK}","attributes":{}}`);
    expect(Buffer.from(bytes).toString()).toBe(`tok ${SLACK}`);
  });

  it('a Date body is kept as it is', () => {
    expect(emit({ body: new Date(0) as never })).toBe('{"body":"1970-01-01T00:00:00.000Z","attributes":{}}');
  });

  it('a 4 MiB body with the secret at its very end', () => {
    const out = emit({ body: `${'x '.repeat(2 * 1024 * 1024)}${SLACK}` });
    expect(out.endsWith(`${SLACK_MASK}","attributes":{}}`)).toBe(true);
    expect(out).not.toContain(SLACK);
  });

  it('attributes with arrays of mixed types: each item by its type, the caller\'s array unchanged', () => {
    const mixed = [1, 'x', SLACK, true, null, { password: 'hunter2hunter2' }];
    expect(emit({ body: 'm', attributes: { mixed: mixed as never, pins: { password: [1234, 'p4ss', false] } as never } }))
      .toBe(`{"body":"m","attributes":{"mixed":[1,"x","${SLACK_MASK}",true,null,{"password":"[REDACTED:sensitive-key]"}],"pins":{"password":["[REDACTED:sensitive-key]","[REDACTED:sensitive-key]",false]}}}`);
    expect(mixed[2]).toBe(SLACK);
    expect(mixed[5]).toEqual({ password: 'hunter2hunter2' });
  });
});

describe('the SDK\'s attributeValueLengthLimit cuts a token before the processor runs', () => {
  it('a string cut at the limit has the token it ends in masked (the cut token was exported as it was)', () => {
    const { emit } = pipeline({}, { logRecordLimits: { attributeValueLengthLimit: 40 } });
    const out = JSON.parse(emit({ body: 'x', attributes: { cut: `${'x'.repeat(10)}${SLACK}`, nested: { list: [`id ${SLACK}`] } as never, short: 'fits' } })) as { attributes: Record<string, any> };
    expect(out.attributes.cut).toBe('[REDACTED:truncated-token]');
    expect(out.attributes.nested.list[0]).toBe('id [REDACTED:truncated-token]');
    expect(out.attributes.short).toBe('fits');
    expect(JSON.stringify(out)).not.toContain('xoxb-2948172635');
  });

  it('without a limit nothing is cut, nothing more is masked', () => {
    const { emit } = pipeline();
    expect(emit({ body: 'x', attributes: { id: 'abcdefghij'.repeat(4) } })).toBe(`{"body":"x","attributes":{"id":"${'abcdefghij'.repeat(4)}"}}`);
  });
});

describe('hooks, lifecycle, order', () => {
  it('an onFinding that throws costs nothing: the record is masked, emit does not throw', () => {
    const { emit, processor } = pipeline({ onFinding: () => { throw new Error('finding sink down'); } });
    expect(emit({ body: `t ${SLACK}`, attributes: { password: 'hunter2hunter2' } })).toBe(`{"body":"t ${SLACK_MASK}","attributes":{"password":"[REDACTED:sensitive-key]"}}`);
    expect(processor.stats()).toEqual({ records: 1, changed: 1, errors: 0 });
  });

  it('forceFlush and shutdown resolve, more than once; a shut-down processor still masks (fail closed)', async () => {
    const { emit, processor } = pipeline();
    await expect(processor.forceFlush()).resolves.toBeUndefined();
    await expect(processor.shutdown()).resolves.toBeUndefined();
    await expect(processor.shutdown()).resolves.toBeUndefined();
    expect(emit({ body: `after shutdown ${SLACK}` })).toBe(`{"body":"after shutdown ${SLACK_MASK}","attributes":{}}`);
  });

  it('a BatchLogRecordProcessor after it exports masked records', async () => {
    const { exporter, sent } = serializingExporter();
    const provider = new LoggerProvider({ processors: [redactLogRecordProcessor({}), new BatchLogRecordProcessor({ exporter, maxExportBatchSize: 2 } as never)] });
    for (let i = 0; i < 5; i++) provider.getLogger('b').emit({ body: `r${i} ${SLACK}` });
    await provider.forceFlush();
    expect(sent.map((s) => (JSON.parse(s) as { body: string }).body).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `r${i} ${SLACK_MASK}`));
    await provider.shutdown();
  });

  it('registered after a SimpleLogRecordProcessor it is too late: that exporter already serialized the record (why the README says first)', () => {
    const { exporter, sent } = serializingExporter();
    const late: LogRecordProcessor[] = [new SimpleLogRecordProcessor({ exporter }), redactLogRecordProcessor({})];
    const provider = new LoggerProvider({ processors: late });
    provider.getLogger('late').emit({ body: 'token in body', attributes: { password: 'hunter2hunter2' } });
    expect(sent).toEqual(['{"body":"token in body","attributes":{"password":"hunter2hunter2"}}']);
  });
});
