/**
 * Regression (issue 14): a known-secret directory holding a symbolic link to `/dev/zero` or a
 * FIFO skipped it silently, although the README promises a warning. Now each such entry is
 * skipped with one warning on stderr naming it and saying what it is — once, not again at
 * every reload — and the directory's regular files are still masked. No warning shows a
 * byte of any file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { finish, start, tempFiles } from '../cli/support.js';

const TOKEN = 'kn0wn-Zq8vT2mW9kR4pL7xNq3f';

const { dir } = tempFiles('logveil-known-dir-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a known-secret directory with a /dev/zero link and a FIFO', () => {
  it('masks its regular files and warns once about each skipped entry, also across SIGHUP reloads', async () => {
    const vol = join(dir, 'volume');
    mkdirSync(vol);
    writeFileSync(join(vol, 'api-token'), `${TOKEN}\n`);
    symlinkSync('/dev/zero', join(vol, 'zero'));
    execFileSync('mkfifo', [join(vol, 'pipe')]);

    const child = start(['--known-file', vol]);
    const done = finish(child);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const waitFor = async (n: number) => {
      for (let i = 0; i < 400 && out.split('\n').length <= n; i++) await sleep(25);
    };
    child.stdin.write(`first ${TOKEN}\n`);
    await waitFor(1);
    child.kill('SIGHUP'); // reads the directory again: the same entries, no new warnings
    await sleep(200);
    child.stdin.write(`second ${TOKEN}\n`);
    await waitFor(2);
    child.stdin.end();
    const r = await done;

    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('first [REDACTED:known-secret]\nsecond [REDACTED:known-secret]\n');
    const warnings = r.stderr.split('\n').filter((l) => l !== '');
    expect(warnings).toEqual([
      `logveil: warning: known secret file ${join(vol, 'pipe')} skipped: a FIFO, not a regular file`,
      `logveil: warning: known secret file ${join(vol, 'zero')} skipped: a character device, not a regular file`,
    ]);
    expect(r.stderr).not.toContain('\0');
  }, 30_000);
});
