/**
 * Question: what does `redactLogRecordProcessor` add to each record an OpenTelemetry logs SDK
 * emits — against the SDK alone, for the ordinary clean record and for one carrying secrets?
 *
 * Benchmark.js, one `logger.emit({ body, attributes })` per call through a real
 * `LoggerProvider` (@opentelemetry/sdk-logs) with a `SimpleLogRecordProcessor` and an exporter
 * that only keeps the last record (so exporting costs nothing and the processors are what
 * differs). Three providers, same run: the SDK alone; logveil's processor first, on a clean
 * record (a short body, six attributes of the usual kind: route, status, ids, user agent);
 * and the same with a bearer token in an attribute and a URL password in the body (what a
 * record with findings costs: scan, rewrite, two `setAttribute`/`setBody` calls, findings).
 * Before timing, the exported records are checked: the clean one must come out unchanged (the
 * same body) and the dirty one masked, so a processor that skips its work cannot win.
 *
 * Harness note: the SimpleLogRecordProcessor exports through a promise per record, so each op
 * emits a batch and then yields (`defer`), draining the microtasks; the yield is amortized
 * over `BATCH` records and the same for every row (see bench/winston.ts for why this matters).
 *
 * Run alone: `npx tsx bench/otel.ts` (`--quick`: short samples, to check it works).
 */
import { fileURLToPath } from 'node:url';
import { LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter, type LogRecordProcessor, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import Benchmark from 'benchmark';
import { createRedactor } from '../src/index.js';
import { redactLogRecordProcessor } from '../src/integrations/otel/index.js';

export interface OtelRow {
  readonly name: string;
  readonly recordsPerSec: number;
  readonly usPerRecord: number;
  readonly rme: number;
}

/** Records per Benchmark.js op, between two yields to the event loop. */
const BATCH = 200;

/** An exporter that keeps only the last record it was given. */
function lastRecordExporter(): LogRecordExporter & { last(): ReadableLogRecord | undefined } {
  let last: ReadableLogRecord | undefined;
  return {
    export(records, done) {
      last = records[records.length - 1];
      done({ code: 0 });
    },
    shutdown: () => Promise.resolve(),
    forceFlush: () => Promise.resolve(),
    last: () => last,
  };
}

function pipeline(first: LogRecordProcessor | undefined) {
  const exporter = lastRecordExporter();
  const provider = new LoggerProvider({ processors: [...(first === undefined ? [] : [first]), new SimpleLogRecordProcessor({ exporter })] });
  return { logger: provider.getLogger('bench'), exporter };
}

const cleanRecord = () => ({
  body: 'request completed',
  attributes: { 'http.route': '/api/orders/:id', 'http.response.status_code': 200, 'http.request.method': 'GET', 'user.id': 'u-48213', 'request.id': '9b2f0c1e-8d4a-4f3b-9e1a-2c7d5b6a8f90', 'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' },
});
const dirtyRecord = () => ({
  body: 'retrying postgres://orders:Vq7pL9zR2mWt4K@db.internal:5432/orders',
  attributes: { ...cleanRecord().attributes, 'http.request.header.authorization': 'Bearer xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F' },
});

/** Lets microtasks (the exports' promises) and timers run. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runOtel(log: (s: string) => void, options: { readonly quick?: boolean } = {}): Promise<{ rows: OtelRow[] }> {
  const redactor = createRedactor();
  const cases = [
    { name: 'OTel SDK alone (clean record)', ...pipeline(undefined), record: cleanRecord },
    { name: 'OTel SDK + redactLogRecordProcessor (clean record)', ...pipeline(redactLogRecordProcessor({ redactor })), record: cleanRecord },
    { name: 'OTel SDK + redactLogRecordProcessor (record with 2 secrets)', ...pipeline(redactLogRecordProcessor({ redactor })), record: dirtyRecord },
  ];

  // Correctness first: the clean record exported unchanged, the secrets masked.
  for (const c of cases) {
    const record = c.record();
    c.logger.emit(record);
    await tick();
    const out = c.exporter.last();
    if (out === undefined) throw new Error(`${c.name}: nothing exported`);
    const text = JSON.stringify([out.body, out.attributes]);
    if (c.record === cleanRecord && text !== JSON.stringify([record.body, record.attributes])) throw new Error(`${c.name}: clean record changed`);
    if (c.record === dirtyRecord && (text.includes('Vq7pL9zR2mWt4K') || text.includes('xoxb-') || (text.match(/\[REDACTED:/g) ?? []).length !== 2)) throw new Error(`${c.name}: expected exactly the 2 secrets masked`);
  }

  const rows: OtelRow[] = [];
  const suite = new Benchmark.Suite();
  const sampling = options.quick === true ? { maxTime: 0.3, minSamples: 5 } : {};
  for (const c of cases) {
    const records = Array.from({ length: BATCH }, () => c.record());
    suite.add(c.name, {
      ...sampling,
      defer: true,
      fn(deferred: { resolve(): void }) {
        for (const r of records) c.logger.emit(r);
        setImmediate(() => deferred.resolve());
      },
    });
  }
  await new Promise<void>((resolve) => {
    suite
      .on('cycle', (e: Benchmark.Event) => {
        const b = e.target as unknown as Benchmark;
        const row = { name: String(b.name), recordsPerSec: b.hz * BATCH, usPerRecord: 1e6 / b.hz / BATCH, rme: b.stats.rme };
        rows.push(row);
        log(`  ${row.name}: ${Math.round(row.recordsPerSec).toLocaleString('en-US')} records/s, ${row.usPerRecord.toFixed(2)} µs/record ±${row.rme.toFixed(1)}%`);
      })
      .on('complete', () => resolve())
      .run({ async: true });
  });

  const base = rows[0]!;
  for (const r of rows.slice(1)) {
    log(`  ${r.name} / SDK alone: ${(r.usPerRecord / base.usPerRecord).toFixed(2)}× time per record (+${(r.usPerRecord - base.usPerRecord).toFixed(2)} µs)`);
  }
  return { rows };
}

// Also runnable on its own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runOtel((s) => process.stdout.write(`${s}\n`), { quick: process.argv.includes('--quick') });
}
