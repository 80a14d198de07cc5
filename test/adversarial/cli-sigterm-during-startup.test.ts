/**
 * Regression (issue 14): a SIGTERM during start-up (loading the build, reading known secrets,
 * compiling rules) killed the CLI by the default action (exit 143) instead of the documented
 * flush-and-exit-0 — a pod stopped right after it started.
 *
 * The real CLI is started with a slow start-up (a directory of 2,000 known secrets) and with
 * standard input on a file. Once logveil's own code runs, SIGTERM is sent after a few small
 * delays, all inside start-up: every run must exit 0 with no error, and its output must be
 * exactly logveil's output for the bytes it had read — the file offset it shares with us
 * (/proc/self/fdinfo) says how many: none yet, so nothing may come out, and nothing read is
 * lost. (A signal once lines flow is test/cli/cli.test.ts's "flushes every line already read".)
 *
 * "logveil's own code runs": /proc/PID/status shows SIGHUP caught. Node catches SIGTERM and
 * SIGINT itself from its first instant (to reset the terminal, then it dies of them), so their
 * bits say nothing; SIGHUP is caught by logveil alone, from its first line on. Before that,
 * node's own start-up is not logveil's to cover. Linux only (/proc).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, logveil, tempFiles } from '../cli/support.js';

const { dir, file } = tempFiles('logveil-sigterm-startup-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const known = join(dir, 'known');
mkdirSync(known);
for (let i = 0; i < 2000; i++) writeFileSync(join(known, `secret-${i}`), `k${i}-Xq8vT2mW9kR4pL7x`);
const ARGS = ['--known-file', known];

const input = file('input.log', Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? `line ${i} password=hunter${i} k${i}-Xq8vT2mW9kR4pL7x\n` : `line ${i}\n`)).join(''));

/** The bits of `SigCgt` in /proc/PID/status (undefined once the process is gone). */
function caughtSignals(pid: number): bigint | undefined {
  try {
    const m = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? undefined : BigInt(`0x${m[1]}`);
  } catch {
    return undefined;
  }
}
const SIGHUP_BIT = 1n << 0n; // signal n is bit n - 1

/** How far the open file description behind `fd` has been read (shared with the child). */
function offsetOf(fd: number): number {
  return Number(/^pos:\s*(\d+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(process.platform === 'linux')('SIGTERM during start-up', () => {
  it.each([0, 5, 10, 20, 35, 50, 80])('flushes and exits 0 when it comes %i ms after logveil started running', async (delay) => {
    const fd = openSync(input, 'r');
    try {
      const child = spawn(process.execPath, [bin, ...ARGS], { stdio: [fd, 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
      const out: Buffer[] = [];
      let stderr = '';
      child.stdout!.on('data', (b: Buffer) => out.push(b));
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
      for (;;) {
        const caught = caughtSignals(child.pid!);
        if (caught === undefined) throw new Error('logveil ended before it caught SIGHUP');
        if ((caught & SIGHUP_BIT) !== 0n) break;
        await sleep(1);
      }
      await sleep(delay);
      child.kill('SIGTERM');
      const [code, signal] = await closed;
      expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
      // Exactly what logveil makes of the bytes it had read (none, when the signal came before
      // it started reading): compared with a run on that prefix alone.
      const read = readFileSync(input).subarray(0, offsetOf(fd));
      const expected = read.length === 0 ? '' : (await logveil(ARGS, read)).stdout.toString();
      expect(Buffer.concat(out).toString()).toBe(expected);
    } finally {
      closeSync(fd);
    }
  });
});

/**
 * Regression: a SIGTERM while a file on standard input was being read dropped the read in flight —
 * its bytes had left the shared file offset, the stream reading them was destroyed, and the
 * lines never came out (seen once in CI: all 5,000 lines read, none written). Now a read in
 * flight is completed and written. Here the signal comes at varying points after the first read
 * is seen on the shared offset, so that some land between reads and some during one.
 */
describe.runIf(process.platform === 'linux')('SIGTERM while a file is being read', () => {
  const big = file('big.log', Array.from({ length: 400_000 }, (_, i) => (i % 997 === 0 ? `line ${i} password=hunter${i}\n` : `line ${i} request completed in ${i % 89} ms\n`)).join(''));

  it.each([0, 0, 1, 2, 3, 5, 8])('keeps every byte it read (signal %i ms after the first read)', async (delay) => {
    const fd = openSync(big, 'r');
    try {
      const child = spawn(process.execPath, [bin], { stdio: [fd, 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
      const out: Buffer[] = [];
      let stderr = '';
      child.stdout!.on('data', (b: Buffer) => out.push(b));
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
      while (offsetOf(fd) === 0) await sleep(0);
      if (delay > 0) await sleep(delay);
      child.kill('SIGTERM');
      const [code, signal] = await closed;
      expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
      const read = readFileSync(big).subarray(0, offsetOf(fd));
      const got = Buffer.concat(out);
      if (read.length === readFileSync(big).length) return; // the whole file was read before the signal: nothing to compare against a prefix
      expect(got.length).toBeGreaterThan(0);
      expect(got.equals((await logveil([], read)).stdout)).toBe(true);
    } finally {
      closeSync(fd);
    }
  });
});
