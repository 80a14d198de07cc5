/**
 * Question: how fast does logveil's core mask a realistic log corpus, compared with what a
 * user would otherwise write — and is it right while doing so?
 *
 * Data: the seeded ~100 MB corpus of bench/corpus.ts (pino JSON, nginx, logfmt, plain text,
 * stack traces; a secret in ~0.5% of lines).
 * Engines (bench/engines.ts), all over the same rules: logveil's compiled matcher; the naive
 * loop (every rule as a JS RegExp, line by line); RE2.Set per line (sharded); one RE2
 * alternation of all rules. The naive engine needs JS RegExps, so the comparison runs over
 * the rules JS can express (185 of 206 — the others use inline flag groups); logveil on the
 * full catalog is reported beside it.
 * Correctness: every engine's span count over the full corpus is asserted equal to the naive
 * engine's; an engine that disagrees is reported and left out of the ratios.
 * Timing: one full pass per engine, plus Benchmark.js samples on a 4 MB slice (the same slice
 * for every engine; the alternation, ~1000× slower, on 256 KB). Ratios come from this run.
 */
import Benchmark from 'benchmark';
import { builtinRules } from '../src/rules/catalog/index.js';
import { loadCorpus } from './corpus.js';
import { comparableRules, logveilEngine, naiveEngine, re2AlternationEngine, re2SetEngine, type Engine } from './engines.js';

export interface ThroughputResult {
  readonly corpusBytes: number;
  readonly lines: number;
  readonly planted: number;
  readonly rows: readonly { name: string; rules: number; count: number | string; fullPassMBs: number | undefined; sampleMBs: number; rme: number; ok: boolean }[];
}

/** The first `bytes` of `buf`, extended to the end of the line it falls in. */
export function sliceAtLine(buf: Buffer, bytes: number): Buffer {
  const end = buf.indexOf(10, Math.min(bytes, buf.length - 1));
  return buf.subarray(0, end === -1 ? buf.length : end + 1);
}

/**
 * MB/s of `run` over `buf`: a warm-up and an estimate of a pass on growing slices, then
 * the median of up to `passes` full passes that fit in `budgetSeconds`. When even one full
 * pass would not fit, the passes run on the largest slice that does (`input` is what was
 * timed, `last` what its last pass returned, for the caller's correctness check): a slow
 * engine is reported, not waited for. Shared by the sections whose inputs can be
 * hostile (bench/hostile.ts, bench/prefilter.ts).
 */
export function timedMBs<T>(run: (buf: Buffer) => T, buf: Buffer, passes = 5, budgetSeconds = 20): { mbs: number; input: Buffer; passes: number; last: T } {
  let last!: T;
  const seconds = (b: Buffer) => {
    const t = process.hrtime.bigint();
    last = run(b);
    return Number(process.hrtime.bigint() - t) / 1e9;
  };
  // Warm-up (JIT, whatever the engine compiles on first use), then an estimate on a slice
  // that grows until it takes 0.2 s or is 1 MB: an engine at 0.02 MB/s costs seconds here,
  // not minutes.
  seconds(sliceAtLine(buf, 16e3));
  let probe = sliceAtLine(buf, 16e3);
  let perByte = seconds(probe) / probe.length;
  while (perByte * probe.length < 0.2 && probe.length < Math.min(1e6, buf.length)) {
    probe = sliceAtLine(buf, probe.length * 4);
    perByte = seconds(probe) / probe.length;
  }
  let input = buf;
  if (perByte * buf.length > budgetSeconds) input = sliceAtLine(buf, Math.max(probe.length, Math.floor(budgetSeconds / perByte)));
  const n = Math.max(1, Math.min(passes, Math.floor(budgetSeconds / (perByte * input.length))));
  const times = Array.from({ length: n }, () => seconds(input)).sort((a, b) => a - b);
  return { mbs: input.length / 1e6 / times[n >> 1]!, input, passes: n, last };
}

function timeOnce(engine: Engine, buf: Buffer): { count: number; seconds: number } {
  const t = process.hrtime.bigint();
  const count = engine.count(buf);
  return { count, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
}

function sample(engine: Engine, buf: Buffer, maxTime: number): Promise<{ mbs: number; rme: number }> {
  return new Promise((resolve) => {
    const bench = new Benchmark(engine.name, () => engine.count(buf), { maxTime, minSamples: 5 });
    bench.on('complete', () => resolve({ mbs: (bench.hz * buf.length) / 1e6, rme: bench.stats.rme }));
    bench.run({ async: false });
  });
}

export async function runThroughput(megabytes: number, log: (s: string) => void): Promise<ThroughputResult> {
  const t0 = Date.now();
  const corpus = loadCorpus(megabytes);
  log(`corpus: ${(corpus.buf.length / 1e6).toFixed(1)} MB, ${corpus.lines} lines, ${corpus.planted} planted secrets (${Date.now() - t0} ms to load/generate)`);
  const { kept, dropped } = comparableRules(builtinRules);
  log(`rules: ${builtinRules.length} built-in; ${kept.length} comparable (JS cannot express ${dropped.length}: ${dropped.join(', ')})`);

  const slice = sliceAtLine(corpus.buf, 4e6);
  const small = sliceAtLine(corpus.buf, 256e3);
  const full = logveilEngine(builtinRules);
  const core = logveilEngine(kept);
  const naive = naiveEngine(kept);
  const set = re2SetEngine(kept);
  const alternation = re2AlternationEngine(kept);

  const rows: ThroughputResult['rows'][number][] = [];
  log('full passes…');
  const truth = timeOnce(naive, corpus.buf);
  log(`  ${naive.name}: ${truth.count} spans, ${(corpus.buf.length / 1e6 / truth.seconds).toFixed(1)} MB/s`);
  const passes = new Map<Engine, { count: number; seconds: number }>([[naive, truth]]);
  for (const e of [core, set, full]) {
    timeOnce(e, slice); // warm-up
    const r = timeOnce(e, corpus.buf);
    passes.set(e, r);
    log(`  ${e.name}${e === full ? ' (full catalog)' : ''}: ${r.count} spans, ${(corpus.buf.length / 1e6 / r.seconds).toFixed(1)} MB/s`);
  }

  log('Benchmark.js samples…');
  const smallTruth = naive.count(small);
  for (const [e, rules, buf, maxTime] of [
    [core, kept.length, slice, 3],
    [full, builtinRules.length, slice, 3],
    [set, kept.length, slice, 5],
    [naive, kept.length, slice, 5],
  ] as const) {
    const s = await sample(e, buf, maxTime);
    const pass = passes.get(e)!;
    const ok = e === full || pass.count === truth.count;
    rows.push({ name: e === full ? `${e.name} (full catalog)` : e.name, rules, count: pass.count, fullPassMBs: corpus.buf.length / 1e6 / pass.seconds, sampleMBs: s.mbs, rme: s.rme, ok });
    log(`  ${e.name}: ${s.mbs.toFixed(1)} MB/s ±${s.rme.toFixed(1)}%`);
  }
  if ('error' in alternation) {
    rows.push({ name: alternation.name, rules: kept.length, count: `does not compile: ${alternation.error}`, fullPassMBs: undefined, sampleMBs: 0, rme: 0, ok: false });
  } else {
    const count = alternation.count(small);
    const s = await sample(alternation, small, 3);
    rows.push({ name: `${alternation.name} (256 KB slice)`, rules: kept.length, count: `${count} of ${smallTruth} on the slice`, fullPassMBs: undefined, sampleMBs: s.mbs, rme: s.rme, ok: count === smallTruth });
    log(`  ${alternation.name}: ${s.mbs.toFixed(2)} MB/s, ${count} of ${smallTruth} spans on the slice`);
  }
  return { corpusBytes: corpus.buf.length, lines: corpus.lines, planted: corpus.planted, rows };
}
