/**
 * Regression (issue 14): `logveil < /some/directory` exited 0 with no output and no message.
 * It now exits 2 with one line, as a directory given as an argument does.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, tempFiles } from '../cli/support.js';

const { dir } = tempFiles('logveil-stdin-dir-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.platform !== 'win32')('logveil < directory', () => {
  it.each([[[]], [['-']]])('exits 2 with one clear line (arguments %j)', async (args) => {
    const fd = openSync(dir, 'r'); // a directory can be opened read-only, as the shell's `<` does
    try {
      const child = spawn(process.execPath, [bin, ...args], { stdio: [fd, 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe('logveil: cannot read standard input: it is a directory');
    } finally {
      closeSync(fd);
    }
  });
});
