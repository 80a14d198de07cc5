/**
 * Question: how fast does `logveil scan` go through a source tree of ~100 MB — as a CI gate
 * runs it, end to end — against the naive engine, and does the second core pay?
 *
 * Data: a seeded tree of source-like files (TypeScript, Python, YAML, JSON, .env, Markdown;
 * 2–40 KB each, in packages of nested folders) with a secret planted in ~0.2% of lines in
 * the shapes code holds them (a token in a constant, a password in YAML, a connection string
 * in .env, a key in JSON) and a multi-line PEM key in one file of ~400; clean lines that
 * still wake the prefilter (`if (!password) …`, `${{ secrets.GITHUB_TOKEN }}`, placeholders)
 * are common. (Code such as `const password = process.env.DB_PASSWORD` is left out: the
 * assignment rules, written for logs, report it — a finding about the rules, not the scan.) Beside it, a
 * `node_modules/` and a `.gitignore`d `dist/` of the same kind (~5% each): skipped, so they
 * cost a directory listing, not a scan. Cached under bench/.corpus/. BENCH_MB sets the size.
 *
 * Runs, in the same process run, one after another:
 * - `logveil scan --format json` from the build as a child process, wall time with start-up,
 *   median of 3, with `--workers 0` (main thread only) and the default (`auto`: the main
 *   thread plus one worker per extra core);
 * - the naive engine (bench/engines.ts: every rule as a JS RegExp, line by line), in process
 *   over the same files, one pass, compute only (no start-up, files already read): the code
 *   a user would otherwise write, given every advantage;
 * - logveil's matcher in process over the same files, one thread, for reference.
 *
 * Correctness first: the CLI's finding count must equal the library's count over the same
 * files (matcher spans + PEM bodies), with and without workers; the naive engine's span count
 * must equal logveil's over the rules JS can express. A run that disagrees exits 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPemBodies } from '../src/cli/scan/pemBlocks.js';
import { base62Checksum, crc32 } from '../src/matcher/checksum.js';
import { builtinRules } from '../src/rules/catalog/index.js';
import { prng } from './corpus.js';
import { comparableRules, logveilEngine, naiveEngine, type Engine } from './engines.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

export interface ScanBenchRow {
  readonly name: string;
  readonly seconds: number;
  readonly mbs: number;
  readonly count: number;
}

export interface ScanBenchResult {
  readonly megabytes: number;
  readonly files: number;
  readonly planted: number;
  readonly rows: readonly ScanBenchRow[];
  readonly ok: boolean;
}

interface TreeMeta {
  /** Paths (relative to the tree) that the scan must read, in no particular order. */
  readonly scanned: string[];
  readonly bytes: number;
  readonly planted: number;
}

/** Generates the tree (deterministic for a seed and size). */
function generateTree(dir: string, megabytes: number, seed: number): TreeMeta {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const str = (alphabet: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[int(alphabet.length)];
    return /xxxx/i.test(s) ? str(alphabet, n) : s; // "xxxx" reads as a placeholder to the rules: draw again
  };
  const ghp = () => {
    const body = str(ALNUM, 30);
    return `ghp_${body}${base62Checksum(crc32(Buffer.from(body)))}`;
  };
  const ident = () => pick(['order', 'user', 'cart', 'invoice', 'session', 'payment', 'stock', 'report', 'queue', 'cache']) + pick(['Service', 'Repo', 'Handler', 'Client', 'Store', 'Job', '']);

  type Kind = 'ts' | 'py' | 'yaml' | 'json' | 'env' | 'md';
  const clean: Record<Kind, (() => string)[]> = {
    ts: [
      () => `import { ${ident()} } from '../${ident()}/${ident()}.js';`,
      () => `export async function ${ident()}${int(99)}(input: ${ident()}Input): Promise<${ident()}> {`,
      () => `  const result = await this.${ident()}.find({ id: input.id, limit: ${int(100)} });`,
      () => `  if (!result) throw new NotFoundError(\`${ident()} \${input.id} not found\`);`,
      () => `  // ${pick(['TODO', 'NOTE', 'PERF'])}: ${pick(['keep the order', 'retry once', 'cache the lookup', 'this runs per request'])}`,
      () => `  return { ...result, updatedAt: new Date().toISOString() };`,
      () => `}`,
      () => ``,
    ],
    py: [
      () => `from ${ident().toLowerCase()} import ${ident()}`,
      () => `def ${ident().toLowerCase()}_${int(99)}(self, request, *args, **kwargs):`,
      () => `    items = [x for x in self.${ident().toLowerCase()}.all() if x.active]`,
      () => `    logger.info("processed %d items", len(items))`,
      () => `    return Response(status=${pick([200, 201, 204, 404])})`,
      () => ``,
    ],
    yaml: [
      () => `${ident().toLowerCase()}:`,
      () => `  replicas: ${1 + int(5)}`,
      () => `  image: registry.internal/${ident().toLowerCase()}:${int(9)}.${int(20)}.${int(10)}`,
      () => `  env:`,
      () => `    - name: LOG_LEVEL`,
      () => `      value: info`,
    ],
    json: [
      () => `  "${ident()}": { "enabled": ${pick(['true', 'false'])}, "timeoutMs": ${int(9000)} },`,
      () => `  "version": "${int(9)}.${int(20)}.${int(10)}",`,
    ],
    env: [() => `${ident().toUpperCase()}_URL=https://${ident().toLowerCase()}.internal:${8000 + int(99)}`, () => `LOG_LEVEL=${pick(['info', 'debug'])}`],
    md: [
      () => `The ${ident()} keeps ${pick(['orders', 'sessions', 'invoices'])} for ${int(90)} days; see the runbook.`,
      () => `## ${ident()}`,
      () => '```sh',
      () => `npm run ${pick(['build', 'test', 'deploy'])} -- --filter ${ident()}`,
      () => '```',
    ],
  };
  /** Clean lines that hold a rule keyword (the prefilter's candidates), ~2% of lines. */
  const nearMiss: Record<Kind, (() => string)[]> = {
    ts: [() => `  if (!password) throw new Error('password required');`, () => `  headers: { Authorization: \`Bearer \${token}\` },`],
    py: [() => `    # the api_key is read from the environment`],
    yaml: [() => `      valueFrom: { secretKeyRef: { name: db, key: password } }`, () => `  token: \${{ secrets.GITHUB_TOKEN }}`],
    json: [() => `  "password": "<your password here>",`],
    env: [() => `DB_PASSWORD=changeme`],
    md: [() => `Set \`GITHUB_TOKEN\` to a token with the \`repo\` scope.`],
  };
  const secrets: Record<Kind, (() => string)[]> = {
    ts: [() => `const GITHUB_TOKEN = '${ghp()}';`, () => `  db: 'postgres://app:${str(ALNUM, 14)}@db.internal:5432/app',`, () => `const stripe = new Stripe('sk_live_${str(ALNUM, 99)}');`],
    py: [() => `OPENAI_API_KEY = "sk-proj-${str(ALNUM, 74)}T3BlbkFJ${str(ALNUM, 74)}"`, () => `AWS_ACCESS_KEY_ID = "AKIA${str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}"`],
    yaml: [() => `  db_password: "${str(ALNUM, 12)}!${int(99)}"`, () => `  slack_token: xoxb-${str('0123456789', 12)}-${str('0123456789', 13)}-${str(ALNUM, 24)}`],
    json: [() => `  "apiKey": "AIza${str(`${ALNUM}-_`, 35)}",`, () => `  "gitlab": "glpat-${str(`${ALNUM}-_`, 20)}",`],
    env: [() => `DATABASE_URL=postgres://app:${str(ALNUM, 16)}@db.internal:5432/app`, () => `GITHUB_TOKEN=${ghp()}`],
    md: [() => `Use \`curl -H "Authorization: Bearer ${ghp()}"\` to try it.`],
  };
  const kinds: Kind[] = ['ts', 'ts', 'ts', 'ts', 'py', 'py', 'yaml', 'json', 'env', 'md'];
  const ext: Record<Kind, string> = { ts: 'ts', py: 'py', yaml: 'yaml', json: 'json', env: 'env', md: 'md' };
  const pem = () => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 25 }, () => str(B64, 64)).join('\n')}\n${str(B64, 40)}==\n-----END RSA PRIVATE KEY-----\n`;

  const scanned: string[] = [];
  let bytes = 0;
  let planted = 0;
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  /** A file of `kind`; its planted secrets are counted when `counted` (the skipped trees have some too). */
  const file = (kind: Kind, counted: boolean): string => {
    const target = 2000 + int(38_000);
    const lines: string[] = [];
    let size = 0;
    while (size < target) {
      const secret = rnd() < 0.002;
      const line = secret ? pick(secrets[kind])() : rnd() < 0.02 ? pick(nearMiss[kind])() : pick(clean[kind])();
      if (secret && counted) planted++;
      lines.push(line);
      size += line.length + 1;
    }
    return `${lines.join('\n')}\n`;
  };
  write('.gitignore', 'dist/\n*.tmp\n');
  scanned.push('.gitignore');
  for (let i = 0; bytes < megabytes * 1e6; i++) {
    const kind = pick(kinds);
    const rel = `packages/pkg${i % 40}/${pick(['src', 'lib', 'config', 'docs'])}/${ident()}${i}.${ext[kind]}`;
    let text = file(kind, true);
    if (i % 400 === 399) {
      text = `# deploy key\n${pem()}${text}`;
      planted++;
    }
    write(rel, text);
    scanned.push(rel);
    bytes += text.length;
  }
  // Skipped: a dependency tree and build output (~5% each, with secrets that must not count).
  for (let i = 0, skipped = 0; skipped < megabytes * 0.05e6; i++) {
    const a = file('ts', false);
    const b = file('ts', false);
    write(`node_modules/dep${i % 30}/lib/${ident()}${i}.js`, a);
    write(`dist/chunk-${i}.js`, b);
    skipped += a.length;
  }
  return { scanned, bytes: scanned.reduce((n, p) => n + readFileSync(join(dir, p)).length, 0), planted };
}

function loadTree(megabytes: number, seed = 20261127): { dir: string; meta: TreeMeta } {
  const dir = join(root, 'bench', '.corpus', `scan-tree-${seed}-${megabytes}mb`);
  const metaFile = `${dir}.json`;
  if (existsSync(dir) && existsSync(metaFile)) return { dir, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as TreeMeta };
  rmSync(dir, { recursive: true, force: true });
  const meta = generateTree(dir, megabytes, seed);
  writeFileSync(metaFile, JSON.stringify(meta));
  return { dir, meta };
}

function timeScan(dir: string, args: readonly string[]): { seconds: number; count: number; bytes: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bin/logveil.js', 'scan', '--format', 'json', '--no-progress', ...args, dir], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, LOGVEIL_FINGERPRINT_KEY: 'bench' } });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 1) throw new Error(`logveil scan exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { bytes: number } };
  return { seconds, count: report.findings.length, bytes: report.summary.bytes };
}

function timeEngine(engine: Engine, bufs: readonly Buffer[]): { seconds: number; count: number } {
  const t = process.hrtime.bigint();
  let count = 0;
  for (const b of bufs) count += engine.count(b);
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, count };
}

export function runScanBench(megabytes: number, log: (s: string) => void): ScanBenchResult {
  const { dir, meta } = loadTree(megabytes);
  const mb = meta.bytes / 1e6;
  log(`  tree: ${meta.scanned.length} files, ${mb.toFixed(1)} MB scanned (+ node_modules/ and .gitignored dist/, skipped), ${meta.planted} planted secrets`);
  const bufs = meta.scanned.map((p) => readFileSync(join(dir, p)));

  // The expected answer, from the library over the same files: matcher spans + PEM bodies.
  const full = logveilEngine(builtinRules);
  let expected = 0;
  for (const b of bufs) expected += full.count(b) + findPemBodies(b).length;

  const rows: ScanBenchRow[] = [];
  let ok = true;
  if (expected !== meta.planted) {
    ok = false;
    log(`  WRONG: the library finds ${expected} secrets, ${meta.planted} were planted`);
  }
  for (const [name, args] of [
    ['logveil scan --workers 0 (main thread)', ['--workers', '0']],
    ['logveil scan (auto: main thread + workers)', []],
  ] as const) {
    const runs = [0, 1, 2].map(() => timeScan(dir, args)).sort((a, b) => a.seconds - b.seconds);
    const median = runs[1]!;
    if (median.bytes !== meta.bytes || runs.some((r) => r.count !== expected)) {
      ok = false;
      log(`  WRONG: ${name} found ${runs.map((r) => r.count).join('/')} (expected ${expected}) in ${median.bytes} bytes (expected ${meta.bytes})`);
    }
    rows.push({ name, seconds: median.seconds, mbs: mb / median.seconds, count: median.count });
    log(`  ${name}: ${median.seconds.toFixed(2)} s, ${(mb / median.seconds).toFixed(0)} MB/s, ${median.count} findings (median of 3, wall time with start-up)`);
  }

  const { kept } = comparableRules(builtinRules);
  const lib = timeEngine(logveilEngine(kept), bufs);
  const naive = timeEngine(naiveEngine(kept), bufs);
  if (lib.count !== naive.count) {
    ok = false;
    log(`  WRONG: naive found ${naive.count} spans, logveil ${lib.count} (same ${kept.length} rules)`);
  }
  rows.push({ name: `logveil matcher in process, 1 thread (${kept.length} rules)`, seconds: lib.seconds, mbs: mb / lib.seconds, count: lib.count });
  rows.push({ name: `naive JS RegExp per line, in process (${kept.length} rules)`, seconds: naive.seconds, mbs: mb / naive.seconds, count: naive.count });
  for (const r of rows.slice(2)) log(`  ${r.name}: ${r.seconds.toFixed(2)} s, ${r.mbs.toFixed(1)} MB/s, ${r.count} spans (one pass, files in memory)`);
  return { megabytes: mb, files: meta.scanned.length, planted: meta.planted, rows, ok };
}

/** The summary lines for bench/run.ts and the standalone run. */
export function scanSummary(r: ScanBenchResult): string[] {
  const [main, auto, , naive] = r.rows;
  return [
    `- logveil scan (auto) / naive: ${(auto!.mbs / naive!.mbs).toFixed(1)}× (${auto!.mbs.toFixed(0)} vs ${naive!.mbs.toFixed(1)} MB/s; the naive figure excludes start-up and reading)`,
    `- workers: auto ${auto!.mbs.toFixed(0)} MB/s vs main thread only ${main!.mbs.toFixed(0)} MB/s = ${(auto!.mbs / main!.mbs).toFixed(2)}×`,
  ];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const megabytes = Number(process.env.BENCH_MB ?? 100);
  log(`## logveil scan over a source tree (~${megabytes} MB) — ${new Date().toISOString()} — node ${process.version}`);
  const r = runScanBench(megabytes, log);
  log('');
  for (const line of scanSummary(r)) log(line);
  if (!r.ok) {
    log('FAILED: counts disagree');
    process.exitCode = 1;
  }
}
