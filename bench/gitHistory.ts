/**
 * Question: how fast does `logveil scan --git` go through a repository's history — every line
 * every commit added — end to end as a CI job runs it, against the naive way (git's patch
 * text through a per-line regex engine), and what share of the time is git's own?
 *
 * Data: a seeded repository of BENCH_GIT_COMMITS commits (default 3000) on one branch, made
 * in one `git fast-import` run in a temporary directory (removed at the end): source-like
 * files (TypeScript, YAML, .env) that grow and change by a few lines per commit; about 1 in
 * 40 commits plants a secret line (a GitHub token, an AWS key id, a Slack bot token, a
 * connection-string password, each unique), and about a third of those are deleted again in a
 * later commit — a gate that reads only the tree would miss them; history must not.
 *
 * Runs, one after another:
 * - `logveil scan --git --format json` from the build as a child process, wall time with
 *   start-up, median of 3 (git runs beside it on the other core);
 * - the naive engine (bench/engines.ts: every rule as a JS RegExp, line by line) over the
 *   added lines of `git log -p` run with the same diff flags, git included in the time (git's
 *   output read whole, then split): the script a user would otherwise write;
 * - `git log -p` alone with those flags, output discarded: the floor both stand on.
 *
 * MB/s are of the added lines (what is scanned: the report's `summary.bytes`); the patch text
 * git writes is larger (headers, removed lines) and is printed beside them.
 *
 * Correctness first: logveil's finding count and the naive engine's span count must both
 * equal the planted secrets (shapes every engine finds, on clean lines that neither flags),
 * and logveil's bytes scanned must equal the added bytes counted from the patch. A run that
 * disagrees prints WRONG and returns ok: false.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base62Checksum, crc32 } from '../src/matcher/checksum.js';
import { builtinRules } from '../src/rules/catalog/index.js';
import { randomTools } from './corpus.js';
import { comparableRules, naiveEngine } from './engines.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** The diff flags `logveil scan --git` passes (src/cli/scan/gitHistory.ts), for the naive run and the floor. */
const LOG_ARGS = ['-c', 'core.quotePath=true', 'log', '--cc', '--full-history', '--root', '--format=%x00%H %aI', '--patch', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--text', '--unified=0'];

export interface GitBenchRow {
  readonly name: string;
  readonly seconds: number;
  readonly mbs: number;
  readonly count: number;
}

export interface GitBenchResult {
  readonly commits: number;
  /** Bytes of the added lines (with their newlines). */
  readonly addedBytes: number;
  /** Bytes of the patch text `git log -p` writes. */
  readonly patchBytes: number;
  readonly planted: number;
  readonly rows: readonly GitBenchRow[];
  readonly ok: boolean;
}

interface Built {
  readonly planted: number;
}

/** Writes the fast-import stream for `commits` commits into the repository at `dir`. */
function buildRepository(dir: string, commits: number, seed: number): Built {
  const { rnd, int, pick, str } = randomTools(seed);
  const ident = () => pick(['order', 'user', 'cart', 'invoice', 'session', 'payment', 'stock', 'report']) + pick(['Service', 'Repo', 'Handler', 'Client', 'Store', '']);
  const ghp = () => {
    const body = str(ALNUM, 30);
    return `ghp_${body}${base62Checksum(crc32(Buffer.from(body)))}`;
  };
  const clean = {
    ts: [
      () => `import { ${ident()} } from '../${ident()}/${ident()}.js';`,
      () => `  const result = await this.${ident()}.find({ id: input.id, limit: ${int(100)} });`,
      () => `  if (!result) throw new NotFoundError('${ident()} not found');`,
      () => `  return { ...result, updatedAt: new Date().toISOString() };`,
      () => `  // NOTE: ${pick(['keep the order', 'retry once', 'cache the lookup'])} (${int(1e6)})`,
    ],
    yaml: [() => `  replicas: ${1 + int(5)}`, () => `  image: registry.internal/${ident().toLowerCase()}:${int(9)}.${int(20)}.${int(10)}`, () => `    - name: LOG_LEVEL_${int(1e6)}`],
    env: [() => `${ident().toUpperCase()}_URL=https://${ident().toLowerCase()}.internal:${8000 + int(99)}`, () => `FEATURE_${int(1e6)}=${pick(['on', 'off'])}`],
  } as const;
  type Kind = keyof typeof clean;
  const secrets: Record<Kind, (() => string)[]> = {
    ts: [() => `const GITHUB_TOKEN = '${ghp()}';`, () => `  db: 'postgres://app:${str(ALNUM, 14)}@db.internal:5432/app',`],
    yaml: [() => `  slack_token: xoxb-${str('0123456789', 12)}-${str('0123456789', 13)}-${str(ALNUM, 24)}`],
    env: [() => `AWS_ACCESS_KEY_ID=AKIA${str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, () => `GITHUB_TOKEN=${ghp()}`],
  };
  const kinds: Kind[] = ['ts', 'ts', 'ts', 'yaml', 'env'];
  const files = new Map<string, { kind: Kind; lines: string[] }>();
  /** Planted secret lines still in a file: [path, line text]. */
  const live: [string, string][] = [];
  let planted = 0;

  const chunks: Buffer[] = [];
  const emit = (s: string) => chunks.push(Buffer.from(s));
  const data = (s: string) => emit(`data ${Buffer.byteLength(s)}\n${s}\n`);
  for (let c = 1; c <= commits; c++) {
    const touched = new Set<string>();
    // New files early and now and then; otherwise a few lines into existing ones.
    if (files.size < 40 || rnd() < 0.05) {
      const kind = pick(kinds);
      const path = `pkg${files.size % 12}/${kind === 'env' ? 'config' : 'src'}/${ident()}${files.size}.${kind}`;
      files.set(path, { kind, lines: Array.from({ length: 20 + int(60) }, () => pick(clean[kind])()) });
      touched.add(path);
    }
    const paths = [...files.keys()];
    for (let k = 1 + int(3); k > 0; k--) {
      const path = pick(paths);
      const f = files.get(path)!;
      for (let n = 1 + int(8); n > 0; n--) f.lines.splice(int(f.lines.length + 1), 0, pick(clean[f.kind])());
      if (rnd() < 0.2 && f.lines.length > 10) f.lines.splice(int(f.lines.length), 1);
      touched.add(path);
    }
    if (rnd() < 1 / 40) {
      const path = pick(paths);
      const f = files.get(path)!;
      const line = pick(secrets[f.kind])();
      f.lines.splice(int(f.lines.length + 1), 0, line);
      live.push([path, line]);
      planted++;
      touched.add(path);
    } else if (live.length > 0 && rnd() < 1 / 120) {
      const [path, line] = live.splice(int(live.length), 1)[0]!;
      const f = files.get(path)!;
      f.lines.splice(f.lines.indexOf(line), 1);
      touched.add(path);
    }
    const when = 1767225600 + c * 3600;
    emit(`commit refs/heads/main\nmark :${c}\nauthor Bench <bench@example.com> ${when} +0000\ncommitter Bench <bench@example.com> ${when} +0000\n`);
    data(`change ${c}`);
    if (c > 1) emit(`from :${c - 1}\n`);
    for (const path of touched) {
      emit(`M 100644 inline ${path}\n`);
      data(`${files.get(path)!.lines.join('\n')}\n`);
    }
    emit('\n');
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(chunks), stdio: ['pipe', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr.toString().trim()}`);
  spawnSync('git', ['reset', '--hard', '-q', 'main'], { cwd: dir, stdio: 'ignore' });
  return { planted };
}

/** The added lines of a patch (lines after a `+` prefix, headers left out) and their bytes. */
function addedLines(patch: Buffer): { text: Buffer; bytes: number } {
  const out: string[] = [];
  let bytes = 0;
  for (const line of patch.toString('utf8').split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++ ')) {
      out.push(line.slice(1));
      bytes += Buffer.byteLength(line) - 1 + 1;
    }
  }
  return { text: Buffer.from(out.join('\n')), bytes };
}

export function runGitBench(log: (s: string) => void): GitBenchResult {
  const commits = Number(process.env.BENCH_GIT_COMMITS ?? 3000);
  const dir = mkdtempSync(join(tmpdir(), 'logveil-bench-git-'));
  try {
    const t0 = process.hrtime.bigint();
    spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    const { planted } = buildRepository(dir, commits, 20261207);
    log(`  repository: ${commits} commits, ${planted} planted secrets, built with git fast-import in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
    const rows: GitBenchRow[] = [];
    let ok = true;

    // The floor: git alone.
    const tg = process.hrtime.bigint();
    const patch = spawnSync('git', LOG_ARGS, { cwd: dir, maxBuffer: 1 << 30 });
    const gitSeconds = Number(process.hrtime.bigint() - tg) / 1e9;
    const added = addedLines(patch.stdout);
    const mb = added.bytes / 1e6;
    log(`  history: ${(patch.stdout.length / 1e6).toFixed(1)} MB of patch text, ${mb.toFixed(1)} MB of added lines`);

    const runs = [0, 1, 2]
      .map(() => {
        const t = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [join(root, 'bin/logveil.js'), 'scan', '--git', '--format', 'json', '--no-progress'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, LOGVEIL_FINGERPRINT_KEY: 'bench' } });
        const seconds = Number(process.hrtime.bigint() - t) / 1e9;
        if (r.status !== 1) throw new Error(`logveil scan --git exited ${r.status}: ${r.stderr}`);
        const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { bytes: number } };
        return { seconds, count: report.findings.length, bytes: report.summary.bytes };
      })
      .sort((a, b) => a.seconds - b.seconds);
    const median = runs[1]!;
    if (runs.some((r) => r.count !== planted) || median.bytes !== added.bytes) {
      ok = false;
      log(`  WRONG: logveil scan --git found ${runs.map((r) => r.count).join('/')} (planted ${planted}) in ${median.bytes} bytes (added ${added.bytes})`);
    }
    rows.push({ name: 'logveil scan --git (CLI, wall time with start-up, median of 3)', seconds: median.seconds, mbs: mb / median.seconds, count: median.count });

    const { kept } = comparableRules(builtinRules);
    const naive = naiveEngine(kept);
    const tn = process.hrtime.bigint();
    const naivePatch = spawnSync('git', LOG_ARGS, { cwd: dir, maxBuffer: 1 << 30 });
    const naiveCount = naive.count(addedLines(naivePatch.stdout).text);
    const naiveSeconds = Number(process.hrtime.bigint() - tn) / 1e9;
    if (naiveCount !== planted) {
      ok = false;
      log(`  WRONG: the naive engine found ${naiveCount} spans (planted ${planted})`);
    }
    rows.push({ name: `naive: git log -p + JS RegExp per added line (${kept.length} rules, in process)`, seconds: naiveSeconds, mbs: mb / naiveSeconds, count: naiveCount });
    rows.push({ name: 'git log -p alone (the floor)', seconds: gitSeconds, mbs: mb / gitSeconds, count: 0 });
    for (const r of rows) log(`  ${r.name}: ${r.seconds.toFixed(2)} s, ${r.mbs.toFixed(1)} MB/s of added lines${r.count > 0 ? `, ${r.count} found` : ''}`);
    return { commits, addedBytes: added.bytes, patchBytes: patch.stdout.length, planted, rows, ok };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The summary lines for bench/run.ts and the standalone run. */
export function gitSummary(r: GitBenchResult): string[] {
  const [logveil, naive, git] = r.rows;
  return [
    `- logveil scan --git / naive: ${(logveil!.mbs / naive!.mbs).toFixed(1)}× (${logveil!.mbs.toFixed(1)} vs ${naive!.mbs.toFixed(1)} MB/s of added lines, ${r.commits} commits; both include git)`,
    `- git log -p alone takes ${((git!.seconds / logveil!.seconds) * 100).toFixed(0)}% of logveil's wall time`,
  ];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`## logveil scan --git over a seeded history — ${new Date().toISOString()} — node ${process.version}`);
  const r = runGitBench(log);
  log('');
  for (const line of gitSummary(r)) log(line);
  if (!r.ok) {
    log('FAILED: counts disagree');
    process.exitCode = 1;
  }
}
