/**
 * `npm run bench`: every benchmark question in one process, one after another (never two at
 * once on the 2-core machines), then a summary with ratios measured in this run.
 * Options: BENCH_MB (corpus size, default 100); BENCH_ONLY (comma-separated sections to run,
 * default all: throughput, prefilter, hostile, perline, cli, pino, winston, otel, known, scan, git);
 * BENCH_HOSTILE_MB (size of each hostile corpus, default 4, at most BENCH_MB);
 * BENCH_BUILD_CAP_S (the prefilter section's build cap, default 30).
 */
import os from 'node:os';
import { runCli } from './cli.js';
import { gitSummary, runGitBench } from './gitHistory.js';
import { runHostile } from './hostile.js';
import { runKnown } from './known.js';
import { runOtel } from './otel.js';
import { runPerLine } from './perline.js';
import { runPino } from './pino.js';
import { formatBuild, runPrefilterBench } from './prefilter.js';
import { runScanBench, scanSummary } from './scan.js';
import { runWinston } from './winston.js';
import { runThroughput } from './throughput.js';

const log = (s: string) => process.stdout.write(`${s}\n`);
const megabytes = Number(process.env.BENCH_MB ?? 100);
const SECTIONS = ['throughput', 'prefilter', 'hostile', 'perline', 'cli', 'pino', 'winston', 'otel', 'known', 'scan', 'git'] as const;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter((s) => s !== '');
const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s)) ?? [];
if (unknown.length > 0) {
  log(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const runs = (section: (typeof SECTIONS)[number]) => only === undefined || only.includes(section);

log(`logveil benchmarks — ${new Date().toISOString()} — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'} ×${os.cpus().length}${only === undefined ? '' : ` — only: ${only.join(', ')}`}`);
let t: Awaited<ReturnType<typeof runThroughput>> | undefined;
if (runs('throughput')) {
  log('\n## Throughput over the corpus');
  t = await runThroughput(megabytes, log);
}
let pf: Awaited<ReturnType<typeof runPrefilterBench>> | undefined;
if (runs('prefilter')) {
  log('\n## The prefilter alone, its build at scale, keyword-less rules (issue 13)');
  pf = await runPrefilterBench(megabytes, log);
}
let hostile: ReturnType<typeof runHostile> | undefined;
if (runs('hostile')) {
  const hostileMB = Number(process.env.BENCH_HOSTILE_MB ?? Math.min(4, megabytes));
  log('\n## Hostile inputs (issue 13)');
  hostile = runHostile(hostileMB, log);
}
let p: ReturnType<typeof runPerLine> | undefined;
if (runs('perline')) {
  log('\n## Per-line cost');
  p = runPerLine(log);
}
let c: ReturnType<typeof runCli> | undefined;
if (runs('cli')) {
  log('\n## The CLI end to end (npm test built dist/)');
  c = runCli(megabytes, log);
}
let pinoResult: Awaited<ReturnType<typeof runPino>> | undefined;
if (runs('pino')) {
  log('\n## pino');
  pinoResult = await runPino(log);
}
let winstonResult: Awaited<ReturnType<typeof runWinston>> | undefined;
if (runs('winston')) {
  log('\n## winston');
  winstonResult = await runWinston(log);
}
let otelResult: Awaited<ReturnType<typeof runOtel>> | undefined;
if (runs('otel')) {
  log('\n## OpenTelemetry logs SDK');
  otelResult = await runOtel(log);
}
let knownResult: ReturnType<typeof runKnown> | undefined;
if (runs('known')) {
  log('\n## Known secrets (10,000 values)');
  knownResult = runKnown(megabytes, log);
}
let scanResult: ReturnType<typeof runScanBench> | undefined;
if (runs('scan')) {
  log('\n## logveil scan over a source tree (npm test built dist/)');
  scanResult = runScanBench(megabytes, log);
}

let gitResult: ReturnType<typeof runGitBench> | undefined;
if (runs('git')) {
  log('\n## logveil scan --git over a seeded history (npm test built dist/)');
  gitResult = runGitBench(log);
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 0.1 ? n.toFixed(2) : n.toPrecision(2));
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
/** A ratio to a target, with two significant digits when it is far below 1 (0.0031×). */
const share = (x: number) => `${x < 0.1 ? x.toPrecision(2) : x.toFixed(2)}×`;
log(`\n## Summary${t === undefined ? '' : ' (MB/s from Benchmark.js samples; full-pass MB/s beside)'}`);
if (t !== undefined) {
  const by = (prefix: string) => t.rows.find((r) => r.name.startsWith(prefix));
  const core = by('logveil')!;
  const naive = by('naive')!;
  const set = by('RE2.Set')!;
  const alt = by('one RE2 alternation');
  log('| engine | rules | spans (full corpus) | MB/s | ±rme | full pass MB/s | correct |');
  log('| --- | ---: | --- | ---: | ---: | ---: | --- |');
  for (const r of t.rows) {
    log(`| ${r.name} | ${r.rules} | ${r.count} | ${fmt(r.sampleMBs)} | ${r.rme.toFixed(1)}% | ${r.fullPassMBs === undefined ? '—' : fmt(r.fullPassMBs)} | ${r.ok ? 'yes' : 'NO'} |`);
  }
  log('\nRatios (same run, same rules):');
  log(`- logveil / naive: ${ratio(core.sampleMBs, naive.sampleMBs)} (target ≥ 20×)`);
  log(`- logveil / RE2.Set: ${ratio(core.sampleMBs, set.sampleMBs)} (target ≥ 2×)`);
  if (alt && alt.sampleMBs > 0) log(`- logveil / one RE2 alternation: ${ratio(core.sampleMBs, alt.sampleMBs)}${alt.ok ? '' : ' (the alternation finds fewer spans: leftmost-first matching hides overlapping rules)'}`);
}

if (pf !== undefined) {
  log('\nPrefilter and scale (issue 13, same run):');
  log(`- prefilter alone (${pf.keywords} keywords, ${pf.strategy}): ${fmt(pf.scanMBs)} MB/s = ${share(pf.scanMBs / 2000)} the 2 GB/s target; ${ratio(pf.scanMBs, pf.naiveMBs)} the naive indexOf-per-keyword peer`);
  log(`- core, redactBuffer (full catalog): ${fmt(pf.coreMBs)} MB/s = ${share(pf.coreMBs / 1000)} the 1 GB/s target; the prefilter is ${ratio(pf.scanMBs, pf.coreMBs)} the core`);
  log(`- compilePrefilter, 100,000 keywords: ${formatBuild(pf.build100k)} (target < 2 s); one rule with 40,000 keywords through compileMatcher: ${formatBuild(pf.rule40k)} (82 s when issue 13 was filed)`);
  log(`- ${pf.everyLine.rules} keyword-less rules: ${fmt(pf.everyLine.mbs)} MB/s = ${share(pf.everyLine.mbs / 20)} the 20 MB/s target${pf.everyLine.bytes < pf.everyLine.sliceBytes ? ` (timed on ${(pf.everyLine.bytes / 1e6).toFixed(2)} of ${(pf.everyLine.sliceBytes / 1e6).toFixed(1)} MB: a full pass was over budget)` : ''}`);
}

if (hostile !== undefined) {
  const w = hostile.worst;
  log(`\nHostile inputs (issue 13, same run): ordinary JSON logs ${fmt(hostile.baseline.mbs)} MB/s; worst: ${w.name}, ${fmt(w.mbs)} MB/s = ${share(w.mbs / 50)} the 50 MB/s floor and ${share(w.ratio)} ordinary JSON (target ≥ 0.20×)`);
  for (const r of hostile.rows) log(`- ${r.name}: ${fmt(r.mbs)} MB/s, ${share(r.ratio)} ordinary JSON${r.mbs >= 50 && r.ratio >= 0.2 ? '' : ' (below target)'}`);
}

if (p !== undefined) {
  log('\nPer line:');
  for (const r of p) log(`- ${r.name}: ${r.nsPerLine.toFixed(0)} ns`);
}

if (c !== undefined) {
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
}

if (pinoResult !== undefined) {
  const [plain, hooked, redacted] = pinoResult.perCall;
  const hookCost = hooked!.ns - plain!.ns;
  const redactCost = redacted!.ns - plain!.ns;
  log('\npino (same run):');
  log(`- pinoHooks adds ${hookCost.toFixed(0)} ns per clean call; pino's redact with 3 wildcard paths adds ${redactCost.toFixed(0)} ns: ratio ${(hookCost / redactCost).toFixed(2)} (target ≤ 0.33)`);
  const [file, lv] = pinoResult.transports;
  log(`- main thread per call: logveil/pino-transport ${lv!.mainNsPerCall.toFixed(0)} ns vs pino/file ${file!.mainNsPerCall.toFixed(0)} ns = ${((lv!.mainNsPerCall / file!.mainNsPerCall - 1) * 100).toFixed(1)}% (target within 5%); worker lag after 2 s at 200k lines/s: ${lv!.lagMs} ms vs ${file!.lagMs} ms`);
}

if (winstonResult !== undefined) {
  const plain = winstonResult.rows[0]!;
  const masked = winstonResult.rows[1]!;
  log(`\nwinston (same run): redactFormat adds ${((masked.usPerCall / plain.usPerCall - 1) * 100).toFixed(0)}% per clean call (target ≤ 20%)`);
}

if (otelResult !== undefined) {
  const [sdk, clean, dirty] = otelResult.rows;
  log(`\nOpenTelemetry (same run): redactLogRecordProcessor adds ${(clean!.usPerRecord - sdk!.usPerRecord).toFixed(2)} µs per clean record (${(sdk!.recordsPerSec / clean!.recordsPerSec).toFixed(2)}× the SDK alone's time), ${(dirty!.usPerRecord - sdk!.usPerRecord).toFixed(2)} µs per record with secrets`);
}

if (knownResult !== undefined) {
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

if (scanResult !== undefined) {
  log('\nlogveil scan (same run):');
  for (const line of scanSummary(scanResult)) log(line);
  if (!scanResult.ok) {
    log('\nFAILED: logveil scan counts disagree (see its section)');
    process.exitCode = 1;
  }
}

if (gitResult !== undefined) {
  log('\nlogveil scan --git (same run):');
  for (const line of gitSummary(gitResult)) log(line);
  if (!gitResult.ok) {
    log('\nFAILED: logveil scan --git counts disagree (see its section)');
    process.exitCode = 1;
  }
}

const wrong = t?.rows.filter((r) => !r.ok && !r.name.startsWith('one RE2 alternation')) ?? [];
if (wrong.length > 0) {
  log(`\nFAILED: span counts disagree for ${wrong.map((r) => r.name).join(', ')}`);
  process.exitCode = 1;
}
if (pf !== undefined && (pf.missed > 0 || pf.everyLine.leaked > 0)) {
  log(`\nFAILED: the prefilter missed ${pf.missed} (line, keyword) pairs the naive peer found; ${pf.everyLine.leaked} values planted for the keyword-less rules were not masked`);
  process.exitCode = 1;
}
const hostileWrong = hostile === undefined ? [] : [hostile.baseline, ...hostile.rows].filter((r) => !r.ok);
if (hostileWrong.length > 0) {
  log(`\nFAILED: hostile corpora masked wrongly: ${hostileWrong.map((r) => `${r.name} (${r.check})`).join('; ')}`);
  process.exitCode = 1;
}
