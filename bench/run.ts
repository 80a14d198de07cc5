/**
 * `npm run bench`: every benchmark question in one process, one after another (never two at
 * once on the 2-core machines), then a summary with ratios measured in this run.
 * Options: BENCH_MB (corpus size, default 100).
 */
import os from 'node:os';
import { runCli } from './cli.js';
import { runKnown } from './known.js';
import { runPerLine } from './perline.js';
import { runPino } from './pino.js';
import { runScanBench, scanSummary } from './scan.js';
import { runWinston } from './winston.js';
import { runThroughput } from './throughput.js';

const log = (s: string) => process.stdout.write(`${s}\n`);
const megabytes = Number(process.env.BENCH_MB ?? 100);

log(`logveil benchmarks — ${new Date().toISOString()} — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'} ×${os.cpus().length}`);
log('\n## Throughput over the corpus');
const t = await runThroughput(megabytes, log);
log('\n## Per-line cost');
const p = runPerLine(log);
log('\n## The CLI end to end (npm test built dist/)');
const c = runCli(megabytes, log);
log('\n## pino');
const pinoResult = await runPino(log);
log('\n## winston');
const winstonResult = await runWinston(log);
log('\n## Known secrets (10,000 values)');
const knownResult = runKnown(megabytes, log);
log('\n## logveil scan over a source tree (npm test built dist/)');
const scanResult = runScanBench(megabytes, log);

const by = (prefix: string) => t.rows.find((r) => r.name.startsWith(prefix));
const core = by('logveil')!;
const naive = by('naive')!;
const set = by('RE2.Set')!;
const alt = by('one RE2 alternation');
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

log('\n## Summary (MB/s from Benchmark.js samples; full-pass MB/s beside)');
log('| engine | rules | spans (full corpus) | MB/s | ±rme | full pass MB/s | correct |');
log('| --- | ---: | --- | ---: | ---: | ---: | --- |');
for (const r of t.rows) {
  log(`| ${r.name} | ${r.rules} | ${r.count} | ${fmt(r.sampleMBs)} | ${r.rme.toFixed(1)}% | ${r.fullPassMBs === undefined ? '—' : fmt(r.fullPassMBs)} | ${r.ok ? 'yes' : 'NO'} |`);
}
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
log('\nRatios (same run, same rules):');
log(`- logveil / naive: ${ratio(core.sampleMBs, naive.sampleMBs)} (target ≥ 20×)`);
log(`- logveil / RE2.Set: ${ratio(core.sampleMBs, set.sampleMBs)} (target ≥ 2×)`);
if (alt && alt.sampleMBs > 0) log(`- logveil / one RE2 alternation: ${ratio(core.sampleMBs, alt.sampleMBs)}${alt.ok ? '' : ' (the alternation finds fewer spans: leftmost-first matching hides overlapping rules)'}`);
log('\nPer line:');
for (const r of p) log(`- ${r.name}: ${r.nsPerLine.toFixed(0)} ns`);

log('\nCLI vs passthrough (same run):');
for (const how of ['from a pipe', 'file redirect']) {
  const pass = c.find((r) => r.name === `passthrough, ${how}`)!;
  const lv = c.find((r) => r.name === `logveil, ${how}`)!;
  log(`- ${how}: logveil ${fmt(lv.mbs)} MB/s vs passthrough ${fmt(pass.mbs)} MB/s = ${(lv.mbs / pass.mbs).toFixed(2)}× (target ≥ 0.8×)`);
}
for (const n of [1, 2]) {
  const w = c.find((r) => r.name === `logveil --workers ${n}, from a pipe`)!;
  const base = c.find((r) => r.name === 'logveil, from a pipe')!;
  log(`- --workers ${n}: ${fmt(w.mbs)} MB/s = ${(w.mbs / base.mbs).toFixed(2)}× the main-thread CLI`);
}

{
  const [plain, hooked, redacted] = pinoResult.perCall;
  const hookCost = hooked!.ns - plain!.ns;
  const redactCost = redacted!.ns - plain!.ns;
  log('\npino (same run):');
  log(`- pinoHooks adds ${hookCost.toFixed(0)} ns per clean call; pino's redact with 3 wildcard paths adds ${redactCost.toFixed(0)} ns: ratio ${(hookCost / redactCost).toFixed(2)} (target ≤ 0.33)`);
  const [file, lv] = pinoResult.transports;
  log(`- main thread per call: logveil/pino-transport ${lv!.mainNsPerCall.toFixed(0)} ns vs pino/file ${file!.mainNsPerCall.toFixed(0)} ns = ${((lv!.mainNsPerCall / file!.mainNsPerCall - 1) * 100).toFixed(1)}% (target within 5%); worker lag after 2 s at 200k lines/s: ${lv!.lagMs} ms vs ${file!.lagMs} ms`);
}

{
  const plain = winstonResult.rows[0]!;
  const masked = winstonResult.rows[1]!;
  log(`\nwinston (same run): redactFormat adds ${((masked.usPerCall / plain.usPerCall - 1) * 100).toFixed(0)}% per clean call (target ≤ 20%)`);
}

{
  const [base, ten, many, short] = knownResult.rows;
  log('\nKnown secrets (same run, the matcher over the 20 MB slice, median of 7 round robin):');
  log(`- 10 values: ${(ten!.mbs / base!.mbs).toFixed(2)}× the rules alone; 10,000: ${(many!.mbs / base!.mbs).toFixed(2)}×; 10,000 and one 8-byte value: ${(short!.mbs / base!.mbs).toFixed(2)}×; 10,000 vs 10: ${(many!.mbs / ten!.mbs).toFixed(2)}×`);
  log(`- index build for 10,000 values: ${knownResult.buildMs.toFixed(0)} ms; Buffer.indexOf per value: ${(knownResult.indexOfMbs).toFixed(2)} MB/s; one RE2 alternation: ${knownResult.alternation}`);
  const leaked = knownResult.rows.reduce((n, r) => n + r.leaked, 0);
  if (leaked > 0) {
    log(`\nFAILED: ${leaked} planted known values were not masked`);
    process.exitCode = 1;
  }
}

log('\nlogveil scan (same run):');
for (const line of scanSummary(scanResult)) log(line);
if (!scanResult.ok) {
  log('\nFAILED: logveil scan counts disagree (see its section)');
  process.exitCode = 1;
}

const wrong = t.rows.filter((r) => !r.ok && !r.name.startsWith('one RE2 alternation'));
if (wrong.length > 0) {
  log(`\nFAILED: span counts disagree for ${wrong.map((r) => r.name).join(', ')}`);
  process.exitCode = 1;
}
