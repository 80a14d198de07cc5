/**
 * Issue 15: `--report` into a directory that does not exist failed with `ENOENT`. The missing
 * directories are now created (0700, recursively, as the pino transport creates its
 * destination's), directories that exist keep their mode, and one that cannot be made says
 * why in words.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logveil, tempFiles } from './support.js';

const { dir, file } = tempFiles('logveil-report-dir-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('--report into a missing directory', () => {
  it('creates the directories 0700 and the report 0600, and writes the finding', async () => {
    const report = join(dir, 'new', 'nested', 'findings.ndjson');
    const r = await logveil(['--report', report], 'password=hunter22x\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(mode(join(dir, 'new'))).toBe(0o700);
    expect(mode(join(dir, 'new', 'nested'))).toBe(0o700);
    expect(mode(report)).toBe(0o600);
    expect(JSON.parse(readFileSync(report, 'utf8').trimEnd())).toMatchObject({ ruleId: expect.any(String), line: 1 });
  });

  it('leaves the mode of a directory that exists as it is', async () => {
    const existing = join(dir, 'existing');
    mkdirSync(existing);
    chmodSync(existing, 0o755);
    const r = await logveil(['--report', join(existing, 'findings.ndjson')], 'password=hunter22x\n');
    expect(r.code).toBe(0);
    expect(mode(existing)).toBe(0o755);
  });

  it('says why when the directory cannot be created, in words, without the --help hint', async () => {
    const blocker = file('a-file', 'x');
    const r = await logveil(['--report', join(blocker, 'sub', 'findings.ndjson')], 'x\n');
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe(`logveil: cannot write the report ${join(blocker, 'sub', 'findings.ndjson')}: its directory cannot be created: not a directory (ENOTDIR)\n`);
  });
});
