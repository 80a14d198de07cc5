/**
 * `logveil scan`: arguments → rules compiled → files listed → scanned on every core →
 * allowlists and baseline applied → one report on stdout → exit 0 (clean), 1 (findings) or
 * 2 (error: one line on stderr, no report).
 *
 * The fingerprint key: the user's (`LOGVEIL_FINGERPRINT_KEY` or the config's
 * `fingerprintKey`) when given, else 32 random bytes drawn here once and handed to every
 * thread — so fingerprints agree across the workers of one run either way, and across runs
 * only with the user's key. A baseline is refused without the user's key: its fingerprints
 * could never match.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { LogveilError, OptionsError } from '../../errors.js';
import type { KnownSecret } from '../../known/knownSecret.js';
import { secretsFromEnv, secretsFromPath } from '../../known/sources.js';
import { builtinRules, optInCatalog } from '../../rules/catalog/index.js';
import { loadGitleaksConfig } from '../../rules/gitleaks/loadGitleaksConfig.js';
import { plainSystemWords, systemErrorText } from '../cliError.js';
import { CliError, describeOptionsError, UsageError } from '../config.js';
import { VERSION } from '../version.js';
import type { CliIo } from '../main.js';
import { compileAllowlist } from './allowlist.js';
import { loadBaseline, type Baseline } from './baseline.js';
import { createContentScanner, type ScannerOptions } from './contentScanner.js';
import { printable } from './excerpt.js';
import { GITLEAKS_IGNORE_FILE, loadGitleaksIgnores, type IgnoreSource } from './gitleaksIgnore.js';
import { checkReportPath, writeReportFile } from './reportFile.js';
import { summaryLine } from './textReport.js';
import { createProgressBar } from './progressBar.js';
import { parseScanArgs, type ScanConfig } from './scanArgs.js';
import type { FileResult, ScanFinding } from './scanFinding.js';
import { scanStream } from './scanInput.js';
import { scanFiles, type PoolFile } from './scanPool.js';
import { renderReport, type RuleInfo, type ScanSummary } from './scanReport.js';
import { SCAN_EXIT_CLEAN, SCAN_EXIT_ERROR, SCAN_USAGE } from './scanUsage.js';
import { listTargets } from './walkTree.js';
import { scanGitChanges } from './gitHistory.js';

/**
 * Below this many bytes `--workers auto` scans on the main thread alone. PERF: a worker needs
 * ~0.3 s to load the build and compile the rules, while the main thread already scans; on the
 * 2-core machine, a seeded source tree (bench/scan.ts) took, best of 3, 0.44 s alone vs
 * 0.49 s with a worker for 11 MB, 0.65 vs 0.69 s for 27 MB, 0.98 vs 0.93 s for 54 MB, and
 * 1.5 vs 1.2 s for 100 MB: the worker starts paying at about 50 MB.
 */
export const AUTO_WORKERS_MIN_BYTES = 48 * 1024 * 1024;

/** Where the built worker entry is: beside the built CLI (tsup's `scan-worker` entry). */
const WORKER_URL = new URL('./scan-worker.js', import.meta.url);

function workerCount(config: ScanConfig, bytes: number): number {
  if (config.workers !== 'auto') return config.workers;
  return bytes >= AUTO_WORKERS_MIN_BYTES ? Math.max(0, availableParallelism() - 1) : 0;
}

/** Descriptions for the reports: built-in rules, the user's, and a gitleaks config's (read again, quietly: the scanner already warned). */
function ruleInfo(config: ScanConfig): Map<string, RuleInfo> {
  const gitleaks = config.redactor.gitleaksConfig === undefined ? [] : loadGitleaksConfig(config.redactor.gitleaksConfig, () => undefined).rules;
  const rules = new Map<string, RuleInfo>();
  for (const r of [...builtinRules, ...optInCatalog, ...(config.redactor.rules ?? []), ...gitleaks]) rules.set(r.id, { id: r.id, description: r.description, tags: r.tags });
  return rules;
}

/**
 * Runs `logveil scan` with the arguments after `scan`; resolves to the exit code. Never throws.
 *
 * @example
 * process.exitCode = await runScan(['--format', 'json', 'src'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process });
 */
export async function runScan(argv: readonly string[], io: CliIo): Promise<number> {
  // Printable: messages quote paths, and a file name can hold a newline or an escape sequence.
  const say = (line: string) => io.stderr.write(`logveil scan: ${printable(line)}\n`);
  try {
    return await scan(argv, io, say);
  } catch (err) {
    if (err instanceof CliError || err instanceof LogveilError) {
      say(plainSystemWords(err.message)); // one line: a CI log shows it as the reason the gate failed
      if (err instanceof UsageError) io.stderr.write("Try 'logveil scan --help'.\n"); // only, and always, after a usage error
      return SCAN_EXIT_ERROR;
    }
    io.stderr.write(`logveil scan: unexpected error: ${(err as Error).stack ?? String(err)}\n`); // a stack trace keeps its lines
    return SCAN_EXIT_ERROR;
  }
}

/**
 * The known secrets to look for, as plain values (they cross into the workers): the config's,
 * the environment variables' and the files' (read once; scan does not watch them).
 */
function knownSecretsOf(config: ScanConfig, env: NodeJS.ProcessEnv, warn: (w: string) => void): { knownSecrets?: KnownSecret[] } {
  const { secrets, env: patterns, files } = config.known;
  if (secrets.length + patterns.length + files.length === 0) return {};
  const found: KnownSecret[] = [...secrets, ...secretsFromEnv(patterns, env, warn)];
  for (const file of files) {
    try {
      found.push(...secretsFromPath(file, warn));
    } catch (err) {
      const flag = config.origins.flags.get('knownSecrets.files')?.paths?.includes(file) === true ? '--known-file: ' : '';
      throw new CliError(`${flag}${(err as Error).message}`);
    }
  }
  return { knownSecrets: found };
}

async function scan(argv: readonly string[], io: CliIo, say: (line: string) => void): Promise<number> {
  const config = parseScanArgs(argv, io.env);
  if (config.help) {
    io.stdout.write(SCAN_USAGE);
    return SCAN_EXIT_CLEAN;
  }
  if (config.version) {
    io.stdout.write(`logveil ${VERSION}\n`);
    return SCAN_EXIT_CLEAN;
  }
  const userKey = config.redactor.fingerprintKey;
  const keyed = userKey !== undefined; // an empty key was dropped in parseScanArgs; a bad one fails in createRedactor
  let baseline: Baseline | undefined;
  if (config.baseline !== undefined) {
    if (!keyed) throw new UsageError('--baseline needs LOGVEIL_FINGERPRINT_KEY (the key the baseline was written with): without it fingerprints change every run');
    baseline = loadBaseline(config.baseline);
  }
  if (config.reportPath !== undefined) checkReportPath(config.reportPath); // before the scan, not after it
  const gitleaksIgnore = loadGitleaksIgnores(gitleaksIgnoreSources(config), (w) => say(`warning: ${w}`));
  const options: ScannerOptions = {
    ...config.redactor,
    fingerprintKey: userKey ?? randomBytes(32),
    ...knownSecretsOf(config, io.env, (w) => say(`warning: ${w}`)),
    ...(config.redact < 100 ? { excerptRedact: config.redact } : {}),
  };
  let scanner: ReturnType<typeof createContentScanner>;
  try {
    scanner = createContentScanner(options, (w) => say(`warning: ${w}`)); // compiles and checks every rule (exit 2 on a bad one)
  } catch (err) {
    // A library error about an option names the flag or config key the value came from.
    throw err instanceof OptionsError ? describeOptionsError(err, config.origins) : err;
  }
  const allow = compileAllowlist(config.allow);
  // --git / --staged: the lines git changes added (gitHistory.ts), instead of the files under the paths.
  const history = config.git === undefined ? undefined : await scanGitChanges(config.git, scanner, (p) => allow.path(p));
  const { targets, ignored } = history !== undefined ? { targets: [], ignored: 0 } : listTargets(config.paths, (w) => say(`warning: ${w}`));
  if (targets.length === 0 && ignored > 0) say(`warning: no file scanned: .gitignore ignores everything under ${config.paths.join(' ')} (${ignored} ${ignored === 1 ? 'entry' : 'entries'})`);

  const files: PoolFile[] = [];
  let allowedPaths = history?.allowedPaths ?? 0;
  // logveil's own output is not scanned: a report written in the scanned tree (the baseline
  // recipe's) would be, on the next run, and an excerpt may hold what a rule takes for a key.
  const own = new Set([config.reportPath, config.baseline].flatMap((p) => (p === undefined ? [] : [resolve(p)])));
  for (const t of targets) {
    if (t.kind !== 'file' || (own.size > 0 && own.has(resolve(t.path)))) continue;
    if (allow.path(t.path)) allowedPaths++;
    else files.push(t);
  }
  const stdinResult = targets.some((t) => t.kind === 'stdin') ? await scanStream(scanner, io.stdin) : undefined;

  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const bar = createProgressBar(io.stderr, { files: files.length, bytes: totalBytes }, config.progress);
  const fileResults = await scanFiles(files, {
    scanner,
    options,
    workers: workerCount(config, totalBytes),
    workerUrl: WORKER_URL,
    onResult: (r, f) => bar.advance(1, r.kind === 'error' ? f.size : r.bytes),
  });
  bar.done();

  // Results in argument order: standard input where "-" was.
  const results: FileResult[] = [];
  let next = 0;
  for (const t of targets) {
    if (t.kind === 'stdin') results.push(stdinResult!);
    else if (next < fileResults.length && fileResults[next]!.path === t.path) results.push(fileResults[next++]!);
  }
  if (history !== undefined) results.push(...history.results);
  const failed = results.find((r) => r.kind === 'error');
  if (failed !== undefined && failed.kind === 'error') throw new CliError(failed.message);

  const findings: ScanFinding[] = [];
  const suppressed = { inline: 0, rules: 0, baseline: 0, gitleaksIgnore: 0 };
  let bytes = 0;
  let scanned = 0;
  let binary = history?.binary ?? 0;
  for (const r of results) {
    if (r.kind === 'binary') binary++;
    if (r.kind !== 'scanned') continue;
    scanned++;
    bytes += r.bytes;
    suppressed.inline += r.allowedInline;
    for (const f of r.findings) {
      if (allow.rule(f.ruleId)) suppressed.rules++;
      else if (baseline?.accepts(f) === true) suppressed.baseline++;
      else if (gitleaksIgnore.ignores({ commit: f.commit?.sha, path: f.path, ruleId: f.ruleId, line: f.line })) suppressed.gitleaksIgnore++;
      else findings.push(f);
    }
  }
  const summary: ScanSummary = { files: scanned, bytes, binary, allowedPaths, suppressed, fingerprintKeyed: keyed, ...(history === undefined ? {} : { git: { scope: config.git!.kind, commits: history.commits } }) };
  const text = renderReport({ findings, summary, rules: ruleInfo(config) }, config.format);
  if (config.reportPath !== undefined) {
    writeReportFile(config.reportPath, text);
    say(`${summaryLine({ findings, summary })}; ${config.format} report written to ${config.reportPath}`);
  } else {
    const err = await writeReport(io.stdout, text);
    // A reader that went away (`logveil scan | head`) is not an error; a failing output is.
    if (err !== undefined && err.code !== 'EPIPE') throw new CliError(`cannot write the report: ${systemErrorText(err)}`);
  }
  return findings.length > 0 ? config.exitCode : SCAN_EXIT_CLEAN;
}

/**
 * The `.gitleaksignore` files to read: the one `--gitleaks-ignore` names (it must exist), else
 * the working directory's and each scanned directory's, where they exist — and with `--git`
 * or `--staged` the repository top's, where gitleaks keeps it for history findings.
 */
function gitleaksIgnoreSources(config: ScanConfig): IgnoreSource[] {
  if (config.gitleaksIgnore !== undefined) return [{ file: config.gitleaksIgnore, required: true }];
  const dirs = ['.', ...(config.git === undefined ? config.paths.filter((p) => p !== '-' && isDirectory(p)) : [repositoryTop()])];
  return dirs.filter((d) => d !== undefined).map((d) => ({ file: join(d, GITLEAKS_IGNORE_FILE), required: false }));
}

/** The working tree's top directory, or undefined outside one (the git scan says why). */
function repositoryTop(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).replace(/\n$/, '');
  } catch {
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // listTargets reports a path it cannot read
  }
}

/** Writes `text` and waits until it is handed to the system; resolves to the write error, if any. */
function writeReport(out: Writable, text: string): Promise<NodeJS.ErrnoException | undefined> {
  out.on('error', () => undefined); // reported through the callback below, never thrown
  return new Promise((resolve) => out.write(text, (err) => resolve(err ?? undefined)));
}
