/**
 * Regression (issue 14): `logveil -o s.log s.log` truncated its own input and exited 0 — the
 * log was gone. The output is now refused (exit 2, nothing truncated) whenever it is the same
 * file as an input: by the same path, through a symbolic or a hard link, as standard input,
 * and as standard output appended to (`logveil s.log >> s.log` would read itself for ever).
 */
import { spawn } from 'node:child_process';
import { closeSync, linkSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, logveil, tempFiles } from '../cli/support.js';

const { dir, file } = tempFiles('logveil-output-is-input-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG = 'level=info msg=start\nlevel=warn password=hunter2\n';

/** Runs logveil with standard input and output opened on files, as the shell's `<` and `>>` do. */
async function withFds(args: readonly string[], fds: { stdin?: string; appendStdout?: string }): Promise<{ code: number | null; stderr: string }> {
  const inFd = fds.stdin === undefined ? 'ignore' : openSync(fds.stdin, 'r');
  const outFd = fds.appendStdout === undefined ? 'ignore' : openSync(fds.appendStdout, 'a');
  try {
    const child = spawn(process.execPath, [bin, ...args], { stdio: [inFd, outFd, 'pipe'], env: { PATH: process.env.PATH } });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    // Without the check, `FILE >> FILE` never ends: stop it rather than leave it growing the file.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    return { code, stderr };
  } finally {
    if (typeof inFd === 'number') closeSync(inFd);
    if (typeof outFd === 'number') closeSync(outFd);
  }
}

describe.runIf(process.platform !== 'win32')('logveil refuses an output that is one of its inputs', () => {
  it.each([
    ['the same path', (log: string) => ['-o', log, log]],
    ['the same path after another input', (log: string) => ['-o', log, file('other.log', 'other\n'), log]],
    ['a symbolic link to the input', (log: string) => ['-o', link(log, 'sym'), log]],
    ['a hard link to the input', (log: string) => ['-o', link(log, 'hard'), log]],
  ])('-o %s: exits 2, one line, the input untouched', async (name, args) => {
    const log = file(`${name.replace(/\W+/g, '-')}.log`, LOG);
    const r = await logveil(args(log));
    expect(r.code).toBe(2);
    const line = r.stderr.split('\n')[0]!;
    expect(line.startsWith('logveil: refusing to write ')).toBe(true);
    expect(line.endsWith(`: it is the same file as the input ${log} (it would be emptied before it is read)`)).toBe(true);
    expect(r.stdout.length).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('-o FILE < FILE (standard input is the output): exits 2, the input untouched', async () => {
    const log = file('stdin.log', LOG);
    const r = await withFds(['-o', link(log, 'stdin-sym')], { stdin: log });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`logveil: refusing to write ${join(dir, 'stdin-sym.link')}: it is the same file as standard input (it would be emptied before it is read)`);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('FILE >> FILE (standard output is an input): exits 2 instead of reading its own output for ever', async () => {
    const log = file('append.log', LOG);
    const r = await withFds([log], { appendStdout: log });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`logveil: refusing to write standard output: it is the same file as the input ${log} (it would read its own output for ever)`);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('still writes a different file, and /dev/null as both input and output', async () => {
    const log = file('fine.log', LOG);
    const out = join(dir, 'fine.out');
    const r = await logveil(['-o', out, log]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('level=info msg=start\nlevel=warn password=[REDACTED:password-assignment]\n');
    const devNull = await logveil(['-o', '/dev/null', '/dev/null']);
    expect(devNull.code).toBe(0);
  });
});

function link(target: string, kind: 'sym' | 'hard' | 'stdin-sym'): string {
  const p = join(dir, `${kind}.link`);
  rmSync(p, { force: true });
  if (kind === 'hard') linkSync(target, p);
  else symlinkSync(target, p);
  return p;
}
