/**
 * Regression (issue 14): `logveil -o /dev/full in.log` with a short input printed `cannot
 * write the output: ENOSPC` and exited 0. The write fails only in the last flush; the stream
 * was destroyed a tick before its 'error' came, and the run returned in between.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { logveil, tempFiles } from '../cli/support.js';

const { dir, file } = tempFiles('logveil-output-full-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.platform === 'linux')('logveil -o /dev/full with a short input', () => {
  const input = file('short.log', 'level=info password=hunter2\n');

  it.each([
    ['a short file', [input]],
    ['a short file, with --stats', ['--stats', input]],
    ['two short files', [input, input]],
  ])('exits 1 with one clear line: %s', async (_, args) => {
    const r = await logveil(['-o', '/dev/full', ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^logveil: cannot write the output: no space left on device \(ENOSPC\)$/m);
    expect(r.stderr.match(/cannot write the output/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/Uncaught|\n\s+at /);
  });

  it('exits 0 when there is nothing to write', async () => {
    const r = await logveil(['-o', '/dev/full', file('empty.log', '')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
