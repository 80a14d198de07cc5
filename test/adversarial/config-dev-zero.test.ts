/**
 * Regression (issue 14): `--config`, `--rule-file` and `--gitleaks-config` pointed at
 * `/dev/zero` grew memory without bound (16 GB after 60 s), at a FIFO blocked forever, and
 * read a 1 GB file whole before failing. Each is now refused before it is read — exit 2 and
 * one line saying what the file is — and a file up to the limit still loads.
 *
 * Real files: a symbolic link to /dev/zero, a FIFO made by mkfifo, a sparse file of 1 GiB
 * (no disk space used) and one just over the limit, in a temporary directory removed after.
 * A run that hangs or grows is killed at a deadline, so without the fix these fail rather than hang.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONFIG_FILE } from '../../src/regularFile.js';
import { finish, start, tempFiles, type Result } from '../cli/support.js';

const { dir, file } = tempFiles('logveil-config-dev-zero-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zero = join(dir, 'zero.json');
symlinkSync('/dev/zero', zero);
const fifo = join(dir, 'fifo.json');
execFileSync('mkfifo', [fifo]);
const huge = join(dir, 'huge.json');
writeFileSync(huge, '');
truncateSync(huge, 1024 ** 3);
const over = join(dir, 'over.json');
writeFileSync(over, '');
truncateSync(over, MAX_CONFIG_FILE + 1);

/** Runs the CLI with stdin closed; SIGKILLs it after `deadline` ms (code null: it hung or grew). */
async function run(args: readonly string[], deadline = 8000): Promise<Result> {
  const child = start(args);
  const done = finish(child);
  child.stdin.end('');
  const timer = setTimeout(() => child.kill('SIGKILL'), deadline);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

const FLAGS = [
  ['--config', 'config file'],
  ['--rule-file', 'rule file'],
  ['--gitleaks-config', '--gitleaks-config: cannot read'],
] as const;

const FILES = [
  ['a symbolic link to /dev/zero', zero, /a character device, not a regular file/],
  ['a FIFO nobody writes to', fifo, /a FIFO, not a regular file/],
  ['a 1 GiB file', huge, /1073741824 bytes, more than 4 MiB/],
  ['a file one byte over the limit', over, new RegExp(`${MAX_CONFIG_FILE + 1} bytes, more than 4 MiB`)],
] as const;

describe('configuration files that are not small regular files', () => {
  for (const [flag, what] of FLAGS) {
    it.each(FILES)(`${flag} at %s: exit 2 and one line, before reading it`, async (_name, path, reason) => {
      const r = await run([flag, path]);
      expect(r.signal).toBeNull(); // not killed at the deadline
      expect(r.code).toBe(2);
      expect(r.stdout.length).toBe(0);
      const first = r.stderr.split('\n')[0]!;
      expect(first).toContain(what);
      expect(first).toContain(path);
      expect(first).toMatch(reason);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('a config file at the limit still loads', async () => {
    // Valid JSON padded with spaces to exactly MAX_CONFIG_FILE bytes.
    const body = '{"mask":"redact"}';
    const atLimit = file('at-limit.json', body + ' '.repeat(MAX_CONFIG_FILE - body.length));
    const child = start(['--config', atLimit]);
    const done = finish(child);
    child.stdin.end('password=Zq8vT2mW9kR4pL7x\n');
    const r = await done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('password=[REDACTED]\n');
  });
});
