/**
 * Questions: (a) what does logveil's pino hook add to a clean log call, against what pino's
 * own `redact` with three wildcard paths adds? (b) with logveil's transport instead of
 * `pino/file`, does the main thread pay more per log call, and does the worker keep up when
 * 200,000 lines/s are offered?
 *
 * (a) Benchmark.js, in process, pino writing to a no-op stream: plain pino; pino + pinoHooks;
 *     pino + redact ['*.password', '*.token', '*.apiKey']. Costs are differences against plain
 *     pino in the same run. Target: the hook's added cost ≤ 1/3 of redact's.
 * (b) Real pino transports (worker threads, the build in dist/) writing to files under /tmp:
 *     for each transport, 200,000 lines/s are offered for 2 s in 10 ms ticks; we time the
 *     main thread's log calls and, after the last call, how long until every line is in the
 *     file (the worker's lag; an unbounded queue would show as a lag growing with the run).
 *     Target: main-thread time per call within 5% of pino/file's.
 */
import { once } from 'node:events';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Benchmark from 'benchmark';
import pino from 'pino';
import { pinoHooks } from '../src/integrations/pino.js';

export interface PinoResult {
  readonly perCall: readonly { name: string; ns: number; rme: number }[];
  readonly transports: readonly { name: string; mainNsPerCall: number; lagMs: number; lines: number }[];
}

const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
const fields = { reqId: '9b2f0c1e-8d4a-4f3b-9e1a-2c7d5b6a8f90', status: 200, latencyMs: 12.5, path: '/api/v1/orders' };

function perCall(log: (s: string) => void): PinoResult['perCall'] {
  const plain = pino(sink());
  const hooked = pino({ ...pinoHooks() }, sink());
  const redacted = pino({ redact: ['*.password', '*.token', '*.apiKey'] }, sink());
  const rows: { name: string; ns: number; rme: number }[] = [];
  new Benchmark.Suite()
    .add('pino', () => plain.info({ req: fields }, 'request completed'))
    .add('pino + logveil pinoHooks', () => hooked.info({ req: fields }, 'request completed'))
    .add('pino + redact (3 wildcard paths)', () => redacted.info({ req: fields }, 'request completed'))
    .on('cycle', (e: Benchmark.Event) => {
      const b = e.target as unknown as Benchmark;
      rows.push({ name: String(b.name), ns: 1e9 / b.hz, rme: b.stats.rme });
      log(`  ${String(b.name)}: ${(1e9 / b.hz).toFixed(0)} ns/call ±${b.stats.rme.toFixed(1)}%`);
    })
    .run({ async: false });
  return rows;
}

async function offered(name: string, target: pino.TransportSingleOptions | pino.TransportPipelineOptions, file: string, log: (s: string) => void) {
  rmSync(file, { force: true });
  const transport = pino.transport(target as pino.TransportSingleOptions);
  await once(transport, 'ready');
  const logger = pino(transport);
  const perTick = 2000; // 10 ms ticks → 200,000 lines/s
  const ticks = 200;
  let mainNs = 0n;
  let lines = 0;
  const started = Date.now();
  for (let t = 0; t < ticks; t++) {
    const due = started + t * 10;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < perTick; i++) logger.info({ seq: lines++, req: fields }, 'request completed');
    mainNs += process.hrtime.bigint() - t0;
  }
  const lastCall = Date.now();
  const offeredFor = (lastCall - started) / 1000;
  // Wait until every line is in the file (or 10 s).
  const expectedBytes = () => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  let lag = -1;
  let previous = -1;
  for (let i = 0; i < 1000; i++) {
    const size = expectedBytes();
    if (size > 0 && size === previous && readFileSync(file, 'utf8').split('\n').length - 1 >= lines) {
      lag = Date.now() - lastCall;
      break;
    }
    previous = size;
    await new Promise((r) => setTimeout(r, 10));
  }
  transport.end();
  const written = readFileSync(file, 'utf8').split('\n').length - 1;
  log(`  ${name}: ${lines} lines offered in ${offeredFor.toFixed(2)} s (${(lines / offeredFor / 1000).toFixed(0)}k lines/s); main thread ${(Number(mainNs) / lines).toFixed(0)} ns/call; all ${written} lines written ${lag}ms after the last call`);
  if (written !== lines) throw new Error(`${name}: ${written} of ${lines} lines written`);
  return { name, mainNsPerCall: Number(mainNs) / lines, lagMs: lag, lines };
}

export async function runPino(log: (s: string) => void): Promise<PinoResult> {
  log('(a) per clean log call, in process');
  const rows = perCall(log);
  log('(b) transports in worker threads, 200,000 lines/s offered');
  const dir = tmpdir();
  const transports = [
    await offered('pino/file', { target: 'pino/file', options: { destination: join(dir, 'logveil-bench-pinofile.log') } }, join(dir, 'logveil-bench-pinofile.log'), log),
    await offered('logveil/pino-transport', { target: 'logveil/pino-transport', options: { destination: join(dir, 'logveil-bench-logveil.log') } }, join(dir, 'logveil-bench-logveil.log'), log),
  ];
  return { perCall: rows, transports };
}
