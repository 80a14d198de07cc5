/** Running the built `logveil` command (bin/logveil.js → dist/cli.js) as a real child process. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../../bin/logveil.js', import.meta.url));

/** A fresh temporary directory and a function that writes files into it. */
export function tempFiles(prefix: string): { dir: string; file: (name: string, content: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, content) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** Starts `logveil args` with only PATH and `env` in its environment. */
export function start(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, ...env } });
}

/** Collects a started child's output until it closes. */
export function finish(child: ChildProcessWithoutNullStreams): Promise<Result> {
  const out: Buffer[] = [];
  let err = '';
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out), stderr: err })));
}

/** Runs `logveil args` with `input` on stdin. */
export function logveil(args: readonly string[], input?: string | Buffer, env?: NodeJS.ProcessEnv): Promise<Result> {
  const child = start(args, env);
  const done = finish(child);
  child.stdin.end(input ?? '');
  return done;
}
