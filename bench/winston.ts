/**
 * Question: what does `redactFormat` add to a winston log call that has nothing to mask — the
 * price every ordinary line pays? Target: at most 20% more time per clean call.
 *
 * Benchmark.js, one `logger.info('request completed', { reqId, status: 200, latencyMs: 12 })`
 * per call, through winston's `json()` format into a no-op Writable (so the transport costs
 * nothing and the format chain is what differs). Three loggers, same run: plain `json()`;
 * `redactFormat()` + `json()`; and, as the peer for scale, `redactMessageFormat()` after
 * `json()` (one redactor call on the serialized line). Before timing, the output of each
 * logger is checked: the clean line must come out byte-identical, and a line with a password
 * must come out masked, so a format that skips its work cannot win.
 *
 * Harness note: each Benchmark.js op logs a batch of calls and then yields (`defer`). A
 * synchronous loop of winston calls keeps every entry alive in the `process.nextTick` queue
 * (the streams' after-write callbacks) until the loop ends: ~1.3 KB per call, 500+ MB per
 * 400k calls, and the GC cost of that backlog landed on whichever row ran later — measured
 * before this harness, it made the third row look 60% slower than the first with no format
 * difference. Yielding after each batch drains the queue; the yield is amortized over
 * `BATCH` calls and is the same for every row.
 *
 * Run alone: `npx tsx bench/winston.ts`.
 */
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Benchmark from 'benchmark';
import winston from 'winston';
import { createRedactor } from '../src/index.js';
import { redactFormat, redactMessageFormat } from '../src/integrations/winston/index.js';

export interface WinstonRow {
  readonly name: string;
  readonly usPerCall: number;
  readonly rme: number;
}

/** A logger writing `json()` lines into a Writable that drops them (but keeps the last one). */
function benchLogger(formats: winston.Logform.Format[]) {
  let last = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      last = String(chunk);
      done();
    },
  });
  const logger = winston.createLogger({
    level: 'info',
    format: winston.format.combine(...formats),
    transports: [new winston.transports.Stream({ stream: sink })],
  });
  return { logger, lastLine: () => last };
}

/** Calls per Benchmark.js op, between two yields to the event loop. */
const BATCH = 200;

export async function runWinston(log: (s: string) => void): Promise<{ rows: WinstonRow[] }> {
  const redactor = createRedactor();
  const plain = benchLogger([winston.format.json()]);
  const masked = benchLogger([redactFormat({ redactor }), winston.format.json()]);
  const lineMasked = benchLogger([winston.format.json(), redactMessageFormat({ redactor })]);
  const cases = [
    { name: 'winston json(), no masking', ...plain },
    { name: 'winston redactFormat() + json()', ...masked },
    { name: 'winston json() + redactMessageFormat()', ...lineMasked },
  ];

  const reqId = '9b2f0c1e-8d4a-4f3b-9e1a-2c7d5b6a8f90';
  const clean = () => ({ reqId, status: 200, latencyMs: 12 });
  // Correctness first: same clean line from every logger, the secret masked by both formats.
  const expected = JSON.stringify({ latencyMs: 12, level: 'info', message: 'request completed', reqId, status: 200 });
  for (const c of cases) {
    c.logger.info('request completed', clean());
    if (c.lastLine().trimEnd() !== expected) throw new Error(`${c.name}: clean line changed: ${c.lastLine()}`);
    if (c !== cases[0]) {
      c.logger.info('login', { user: 'bob', password: 'Sup3r-S3cret-Pw!' });
      if (c.lastLine().includes('Sup3r')) throw new Error(`${c.name}: secret not masked`);
    }
  }

  const rows: WinstonRow[] = [];
  const suite = new Benchmark.Suite();
  for (const c of cases) {
    suite.add(c.name, {
      defer: true,
      fn(deferred: { resolve(): void }) {
        for (let i = 0; i < BATCH; i++) c.logger.info('request completed', { reqId, status: 200, latencyMs: 12 });
        setImmediate(() => deferred.resolve());
      },
    });
  }
  await new Promise<void>((resolve) => {
    suite
      .on('cycle', (e: Benchmark.Event) => {
        const b = e.target as unknown as Benchmark;
        const row = { name: String(b.name), usPerCall: 1e6 / b.hz / BATCH, rme: b.stats.rme };
        rows.push(row);
        log(`  ${row.name}: ${row.usPerCall.toFixed(2)} µs/call ±${row.rme.toFixed(1)}%`);
      })
      .on('complete', () => resolve())
      .run({ async: true });
  });

  const base = rows[0]!.usPerCall;
  for (const r of rows.slice(1)) {
    const added = (r.usPerCall / base - 1) * 100;
    log(`  ${r.name} / plain: ${(r.usPerCall / base).toFixed(2)}× (${added >= 0 ? '+' : ''}${added.toFixed(0)}% per clean call${r.name.includes('redactFormat()') ? ', target ≤ +20%' : ''})`);
  }
  return { rows };
}

// Also runnable on its own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runWinston((s) => process.stdout.write(`${s}\n`));
}
