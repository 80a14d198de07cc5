/**
 * Question: what does one redaction call cost per log line — the price a logging hook pays
 * for every line it sees? Benchmark.js, one line per call: a clean pino line (the common
 * case: the same Buffer comes back), a line with a secret, and the naive per-line loop on the
 * clean line for scale.
 */
import Benchmark from 'benchmark';
import { createRedactor } from '../src/index.js';
import { builtinRules } from '../src/rules/catalog/index.js';
import { comparableRules, naiveEngine } from './engines.js';

export interface PerLineRow {
  readonly name: string;
  readonly nsPerLine: number;
  readonly rme: number;
}

export function runPerLine(log: (s: string) => void): PerLineRow[] {
  const redactor = createRedactor();
  const clean = Buffer.from('{"level":30,"time":1764275962123,"pid":4242,"hostname":"web-1","reqId":"9b2f0c1e-8d4a-4f3b-9e1a-2c7d5b6a8f90","msg":"request completed","responseTime":12.5}\n');
  const dirty = Buffer.from('{"level":30,"time":1764275962140,"pid":4242,"hostname":"web-1","msg":"login","user":{"name":"bob","password":"hunter2"}}\n');
  if (redactor.redactBuffer(clean) !== clean) throw new Error('clean line was changed');
  if (redactor.redactBuffer(dirty).includes('hunter2')) throw new Error('secret line was not masked');
  const naive = naiveEngine(comparableRules(builtinRules).kept);
  const rows: PerLineRow[] = [];
  const suite = new Benchmark.Suite();
  suite
    .add('logveil redactBuffer, clean line', () => redactor.redactBuffer(clean))
    .add('logveil redactBuffer, line with a secret', () => redactor.redactBuffer(dirty))
    .add('logveil redact (string), clean line', () => redactor.redact('{"level":30,"msg":"request completed","reqId":"9b2f0c1e"}'))
    .add('naive JS RegExp loop, clean line', () => naive.count(clean))
    .on('cycle', (e: Benchmark.Event) => {
      const b = e.target as unknown as Benchmark;
      const row = { name: String(b.name), nsPerLine: 1e9 / b.hz, rme: b.stats.rme };
      rows.push(row);
      log(`  ${row.name}: ${row.nsPerLine.toFixed(0)} ns/line ±${row.rme.toFixed(1)}%`);
    })
    .run({ async: false });
  return rows;
}
