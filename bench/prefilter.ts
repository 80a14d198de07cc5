/**
 * Questions (issue 13): how fast is the keyword prefilter on its own, and how does it scale?
 * Targets: the prefilter alone ≥ 2 GB/s on the bench corpus with the full catalog, the core
 * (`redactBuffer`, full catalog) ≥ 1 GB/s; a prefilter for 100,000 keywords built in < 2 s;
 * 2,000 keyword-less rules at ≥ 20 MB/s.
 *
 * 1. Prefilter alone. Keywords built as `compileMatcher` builds them (distinct by text and
 *    case mode, from each compiled built-in rule), then `compilePrefilter(keywords).scan` over
 *    the seeded bench corpus (bench/corpus.ts) with a callback that only counts. Beside it, in
 *    the same run: the core (`createRedactor().redactBuffer`) over the same bytes, and a naive
 *    peer, one `Buffer.indexOf` pass per keyword (on an ASCII-lowercased copy for the
 *    case-insensitive ones), on a 4 MB slice.
 *    Correctness: on that slice every (line, keyword) pair the naive peer finds must be
 *    reported by the prefilter (it may report more: false candidates are allowed, and it
 *    folds `ſ`, `K` and non-ASCII case where the peer does not).
 * 2. Build at scale, each in a child process killed after BENCH_BUILD_CAP_S (default 30) s of
 *    building (the issue measured 82 s for the second): `compilePrefilter` on 100,000 distinct
 *    seeded keywords shaped like provider prefixes (half case-sensitive), then its scan of 1 MB
 *    of the corpus; `compileMatcher` on one rule with 40,000 keywords.
 * 3. 2,000 keyword-less rules (`everyLine: true`, gitleaks-style generic rules, each with its
 *    own service name) alone in a redactor, `redactBuffer` over a 4 MB slice of the corpus with
 *    one matching secret planted every 400 lines; every planted value must be masked. A pass
 *    that would take longer than the budget runs on a smaller slice (the MB/s says so).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRedactor } from '../src/index.js';
import { compileMatcher } from '../src/matcher/compileMatcher.js';
import { compileRule } from '../src/matcher/compileRule.js';
import { compilePrefilter, type Keyword } from '../src/matcher/prefilter.js';
import { builtinRules } from '../src/rules/catalog/index.js';
import type { Rule } from '../src/rules/rule.js';
import { loadCorpus, prng } from './corpus.js';
import { sliceAtLine, timedMBs } from './throughput.js';

/** A build measured in a child process: milliseconds, or why there is no number. */
export type BuildOutcome =
  | { readonly kind: 'done'; readonly ms: number; readonly keywords: number; readonly scanMBs?: number; readonly strategy?: string }
  | { readonly kind: 'capped'; readonly capSeconds: number }
  | { readonly kind: 'failed'; readonly error: string };

export interface PrefilterResult {
  readonly keywords: number;
  readonly strategy: string;
  readonly scanMBs: number;
  readonly candidateLines: number;
  readonly coreMBs: number;
  readonly naiveMBs: number;
  readonly missed: number;
  readonly build100k: BuildOutcome;
  readonly rule40k: BuildOutcome;
  /** `bytes` timed of `sliceBytes` (less when a full pass was over the budget). */
  readonly everyLine: { readonly rules: number; readonly compileMs: number; readonly mbs: number; readonly bytes: number; readonly sliceBytes: number; readonly planted: number; readonly leaked: number };
}

/** The prefilter's keyword list for `rules`, exactly as `compileMatcher` builds it. */
export function prefilterKeywords(rules: readonly Rule[]): Keyword[] {
  const seen = new Set<string>();
  const keywords: Keyword[] = [];
  rules.forEach((rule, i) => {
    const c = compileRule(rule, i);
    for (const text of c.keywords) {
      const key = `${c.caseSensitive ? 'E' : 'I'}${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      keywords.push({ text, caseSensitive: c.caseSensitive });
    }
  });
  return keywords;
}

/**
 * The naive peer: `line start → keyword ids` from one `indexOf` pass per keyword. Line
 * starts are byte offsets into `buf`.
 */
function naiveCandidates(buf: Buffer, keywords: readonly Keyword[]): Map<number, Set<number>> {
  const lower = Buffer.from(buf);
  for (let i = 0; i < lower.length; i++) if (lower[i]! >= 0x41 && lower[i]! <= 0x5a) lower[i] = lower[i]! + 0x20;
  const lines = new Map<number, Set<number>>();
  keywords.forEach((k, id) => {
    const hay = k.caseSensitive ? buf : lower;
    const needle = Buffer.from(k.text, 'utf8');
    for (let pos = hay.indexOf(needle); pos !== -1;) {
      const lineStart = pos === 0 ? 0 : buf.lastIndexOf(10, pos - 1) + 1;
      let ids = lines.get(lineStart);
      if (ids === undefined) lines.set(lineStart, (ids = new Set()));
      ids.add(id);
      const lineEnd = buf.indexOf(10, pos);
      if (lineEnd === -1) break;
      pos = hay.indexOf(needle, lineEnd + 1);
    }
  });
  return lines;
}

const SYLLABLES = ['ac', 'me', 'zo', 'ra', 'vel', 'qu', 'ix', 'lo', 'ten', 'sy', 'nap', 'or', 'bi', 'kra', 'fu', 'dex', 'mo', 'ly', 'ca', 'pri', 'tor', 'ne', 'ju', 'sta', 'wi', 'gle', 'hub', 'fin', 'ops', 'ly'];

/** Seeded, distinct, pronounceable names (`zoravel`, `kradexops`): `count` of them. */
function serviceNames(count: number, seed: number): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const names = new Set<string>();
  while (names.size < count) names.add(Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join(''));
  return [...names];
}

/**
 * `count` distinct keywords shaped like the catalog's: case-sensitive token prefixes
 * (`ZRV_`, `kradex_live_`, `QXA9-`) and case-insensitive key names (`zoravel_api_key`,
 * `x-kradex-token`), half each, seeded.
 */
export function generatedKeywords(count: number, seed = 13): Keyword[] {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const names = serviceNames(Math.ceil(count / 2), seed);
  const upper = (n: number) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[int(36)]).join('');
  const shapes: readonly ((name: string) => Keyword)[] = [
    (name) => ({ text: `${name}_${pick(['live', 'test', 'pat', 'sk', 'pk', 'rt', 'at', 'svc'])}_`, caseSensitive: true }),
    () => ({ text: `${upper(3 + int(2))}${pick(['_', '-', ''])}`, caseSensitive: true }),
    (name) => ({ text: `${name}${pick(['_api_key', '-token', '_secret', 'apikey', '_access_token'])}`, caseSensitive: false }),
    (name) => ({ text: `x-${name}-${pick(['auth', 'key', 'token', 'signature'])}`, caseSensitive: false }),
  ];
  const seen = new Set<string>();
  const out: Keyword[] = [];
  for (let i = 0; out.length < count; i++) {
    const k = shapes[i % shapes.length]!(names[(i >> 1) % names.length]!);
    const key = `${k.caseSensitive ? 'E' : 'I'}${k.caseSensitive ? k.text : k.text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(k);
  }
  return out;
}

/** One rule with `count` keywords (`tok0a1b_`…), as an imported rule with a long list might have. */
function ruleWithKeywords(count: number): Rule {
  const keywords = Array.from({ length: count }, (_, i) => `tok${i.toString(36).padStart(4, '0')}_`);
  return { id: 'many-keywords', description: `one rule, ${count} keywords`, tags: [], pattern: String.raw`\b(tok[0-9a-z]{4}_[A-Za-z0-9]{32})\b`, keywords };
}

/** 2,000-style generic rules: no keyword, one distinct service name each. */
function everyLineRules(names: readonly string[]): Rule[] {
  return names.map((name) => ({
    id: `generic-${name}`,
    description: `${name} key (generic, keyword-less)`,
    tags: ['generic'],
    pattern: String.raw`(?i)${name}[\w-]*(?:key|token)\s*[:=]\s*([a-z0-9]{20,40})`,
    keywords: [],
    everyLine: true,
  }));
}

// ---- Child process: one build, timed from its own start -----------------------------------

type ChildKind = 'build-100k' | 'rule-40k';

function runChild(kind: ChildKind, megabytes: number): void {
  if (kind === 'build-100k') {
    const keywords = generatedKeywords(100_000);
    process.stdout.write('start\n');
    const t = process.hrtime.bigint();
    const prefilter = compilePrefilter(keywords);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const slice = sliceAtLine(loadCorpus(megabytes).buf, 1e6);
    let lines = 0;
    const scan = timedMBs((b) => prefilter.scan(b, () => void lines++), slice, 3, 10);
    const strategy = 'strategy' in prefilter ? String(prefilter.strategy) : undefined;
    process.stdout.write(`${JSON.stringify({ kind: 'done', ms, keywords: prefilter.keywordCount, scanMBs: scan.mbs, strategy })}\n`);
  } else {
    const rule = ruleWithKeywords(40_000);
    process.stdout.write('start\n');
    const t = process.hrtime.bigint();
    compileMatcher([rule]);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    process.stdout.write(`${JSON.stringify({ kind: 'done', ms, keywords: rule.keywords.length })}\n`);
  }
}

/**
 * Runs `kind` in a child process (this file, with the same loader flags) and kills it when
 * the build has not finished `capSeconds` after it started (start-up and data generation are
 * not counted).
 */
function buildInChild(kind: ChildKind, megabytes: number, capSeconds: number): Promise<BuildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', kind, String(megabytes)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    let capped = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (timer === undefined && out.startsWith('start\n')) {
        timer = setTimeout(() => {
          capped = true;
          child.kill('SIGKILL');
        }, capSeconds * 1000);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (capped) return resolve({ kind: 'capped', capSeconds });
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) return resolve(JSON.parse(last) as BuildOutcome);
      resolve({ kind: 'failed', error: (err.trim().split('\n').find((l) => /error/i.test(l)) ?? `exit code ${code}`).slice(0, 200) });
    });
  });
}

/** `12.3 s`, `> 30 s` or `failed: …`, for the tables. */
export function formatBuild(b: BuildOutcome): string {
  if (b.kind === 'capped') return `> ${b.capSeconds} s (killed)`;
  if (b.kind === 'failed') return `failed: ${b.error}`;
  return b.ms >= 1000 ? `${(b.ms / 1000).toFixed(1)} s` : `${b.ms.toFixed(0)} ms`;
}

// ---- The section ---------------------------------------------------------------------------

export async function runPrefilterBench(megabytes: number, log: (s: string) => void): Promise<PrefilterResult> {
  const corpus = loadCorpus(megabytes);
  const keywords = prefilterKeywords(builtinRules);
  let t = process.hrtime.bigint();
  const prefilter = compilePrefilter(keywords);
  const buildMs = Number(process.hrtime.bigint() - t) / 1e6;
  // The strategy field came with the WebAssembly prefilter; the RE2 one before it has none.
  const strategy = 'strategy' in prefilter ? String(prefilter.strategy) : 're2-keyword-scan + re2-set-per-line';
  log(`corpus: ${(corpus.buf.length / 1e6).toFixed(1)} MB; ${builtinRules.length} built-in rules → ${keywords.length} distinct keywords (${keywords.filter((k) => k.caseSensitive).length} case-sensitive); prefilter (${strategy}) built in ${buildMs.toFixed(0)} ms`);

  // 1. The prefilter alone, the core, the naive peer.
  let candidateLines = 0;
  const scan = timedMBs((b) => {
    candidateLines = 0;
    prefilter.scan(b, () => void candidateLines++);
  }, corpus.buf, 5, 20);
  log(`- prefilter alone (scan, counting callback): ${scan.mbs.toFixed(0)} MB/s over ${(scan.input.length / 1e6).toFixed(1)} MB (median of ${scan.passes}); ${candidateLines} candidate lines of ${corpus.lines} (${((candidateLines / corpus.lines) * 100).toFixed(2)}%)`);
  const redactor = createRedactor();
  const core = timedMBs((b) => redactor.redactBuffer(b), corpus.buf, 3, 20);
  log(`- core, createRedactor().redactBuffer (full catalog): ${core.mbs.toFixed(0)} MB/s over ${(core.input.length / 1e6).toFixed(1)} MB (median of ${core.passes})`);

  const slice = sliceAtLine(corpus.buf, 4e6);
  t = process.hrtime.bigint();
  const truth = naiveCandidates(slice, keywords);
  const naiveMBs = slice.length / 1e6 / (Number(process.hrtime.bigint() - t) / 1e9);
  const reported = new Map<number, readonly number[]>();
  prefilter.scan(slice, (lineStart, _lineEnd, ids) => void reported.set(lineStart, [...ids]));
  let missed = 0;
  for (const [lineStart, ids] of truth) {
    const got = new Set(reported.get(lineStart) ?? []);
    for (const id of ids) if (!got.has(id)) missed++;
  }
  log(`- naive peer, Buffer.indexOf per keyword (${keywords.length} passes): ${naiveMBs.toFixed(0)} MB/s on a ${(slice.length / 1e6).toFixed(1)} MB slice`);
  log(`- check on that slice: naive ${truth.size} candidate lines, prefilter ${reported.size}; (line, keyword) pairs the prefilter missed: ${missed}${missed > 0 ? ' — WRONG' : ''}`);

  // 2. Build at scale, in child processes.
  const cap = Number(process.env.BENCH_BUILD_CAP_S ?? 30);
  log(`build at scale (child processes, each killed after ${cap} s of building; BENCH_BUILD_CAP_S)…`);
  const build100k = await buildInChild('build-100k', megabytes, cap);
  log(`- compilePrefilter, 100,000 generated keywords (half case-sensitive): ${formatBuild(build100k)}${build100k.kind === 'done' && build100k.scanMBs !== undefined ? `; its scan of 1 MB of the corpus${build100k.strategy === undefined ? '' : ` (${build100k.strategy})`}: ${build100k.scanMBs.toFixed(build100k.scanMBs >= 10 ? 0 : 2)} MB/s` : ''}`);
  const rule40k = await buildInChild('rule-40k', megabytes, cap);
  log(`- compileMatcher, one rule with 40,000 keywords: ${formatBuild(rule40k)}`);

  // 3. 2,000 keyword-less rules.
  const names = serviceNames(2000, 2000);
  const rules = everyLineRules(names);
  const rnd = prng(7);
  const value = () => Array.from({ length: 32 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rnd() * 36)]).join('');
  const lines = sliceAtLine(corpus.buf, 4e6).toString('latin1').split('\n');
  const planted: { line: number; value: string }[] = [];
  for (let i = 200; i < lines.length - 1; i += 400) {
    const v = value();
    planted.push({ line: i, value: v });
    lines[i] = `${lines[i]} ${names[Math.floor(rnd() * names.length)]}_api_key=${v}`;
  }
  const generic = Buffer.from(lines.join('\n'), 'latin1');
  t = process.hrtime.bigint();
  const genericRedactor = createRedactor({ builtins: false, rules });
  const compileMs = Number(process.hrtime.bigint() - t) / 1e6;
  const every = timedMBs((b) => genericRedactor.redactBuffer(b), generic, 3, 30);
  const timedLines = every.input.toString('latin1').split('\n').length - 1;
  const inSlice = planted.filter((p) => p.line < timedLines);
  const text = every.last.toString('latin1');
  const leaked = inSlice.filter((p) => text.includes(p.value)).length;
  log(`- ${rules.length} keyword-less rules (createRedactor({ builtins: false, rules }), compiled in ${compileMs.toFixed(0)} ms): ${every.mbs.toFixed(2)} MB/s over ${(every.input.length / 1e6).toFixed(2)} MB${every.input.length < generic.length ? ` (a full ${(generic.length / 1e6).toFixed(1)} MB pass would exceed the 30 s budget)` : ''}, median of ${every.passes}; ${inSlice.length - leaked}/${inSlice.length} planted values masked${leaked > 0 ? ' — WRONG' : ''}`);

  return {
    keywords: keywords.length, strategy, scanMBs: scan.mbs, candidateLines, coreMBs: core.mbs, naiveMBs, missed, build100k, rule40k,
    everyLine: { rules: rules.length, compileMs, mbs: every.mbs, bytes: every.input.length, sliceBytes: generic.length, planted: inSlice.length, leaked },
  };
}

if (process.argv[2] === '--child' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runChild(process.argv[3] as ChildKind, Number(process.argv[4] ?? 100));
}
