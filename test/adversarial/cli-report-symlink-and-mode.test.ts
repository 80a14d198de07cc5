/**
 * Regression (issue 14): `--report FILE` followed a symbolic link (a link planted at the
 * report's path had findings appended to whatever it pointed at), and an existing report
 * readable by group or others kept its mode. The report is now opened with O_NOFOLLOW (a link
 * is refused: exit 2, one line, the target untouched) and an existing group/world-readable
 * regular file is tightened to 0600, with one warning.
 */
import { chmodSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logveil, tempFiles } from '../cli/support.js';

const { dir, file } = tempFiles('logveil-report-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINE = 'password=hunter2\n';

describe.runIf(process.platform !== 'win32')('--report FILE', () => {
  it('refuses a symbolic link, even to a missing file, and leaves its target untouched', async () => {
    const target = file('target.txt', 'not a report\n');
    const link = join(dir, 'findings.ndjson');
    symlinkSync(target, link);
    const dangling = join(dir, 'dangling.ndjson');
    symlinkSync(join(dir, 'would-be-created'), dangling);
    for (const path of [link, dangling]) {
      const r = await logveil(['--report', path], LINE);
      expect(r.code).toBe(2);
      expect(r.stdout.length).toBe(0);
      expect(r.stderr.split('\n')[0]).toBe(`logveil: cannot write the report ${path}: it is a symbolic link, and a report is never written through one`);
    }
    expect(readFileSync(target, 'utf8')).toBe('not a report\n');
    expect(() => statSync(join(dir, 'would-be-created'))).toThrow(/ENOENT/);
  });

  it.each(['644', '640', '604', '666'])('tightens an existing report of mode %s to 0600, says so once, and appends', async (mode) => {
    const path = file(`existing-${mode}.ndjson`, '{"earlier":true}\n');
    chmodSync(path, Number.parseInt(mode, 8));
    const r = await logveil(['--report', path], LINE);
    expect(r.code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(r.stderr).toBe(`logveil: warning: the report ${path} was readable by other users: its mode is now 0600\n`);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('{"earlier":true}');
    expect(JSON.parse(lines[1]!)).toMatchObject({ ruleId: 'password-assignment', line: 1 });
  });

  it('creates a new report 0600 and leaves a 0600 one alone, without a warning', async () => {
    const created = join(dir, 'new.ndjson');
    const kept = file('kept.ndjson', '');
    chmodSync(kept, 0o600);
    for (const path of [created, kept]) {
      const r = await logveil(['--report', path], LINE);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
  });

  it('writes to /dev/null without touching its mode', async () => {
    const before = statSync('/dev/null').mode;
    const r = await logveil(['--report', '/dev/null'], LINE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(statSync('/dev/null').mode).toBe(before);
  });
});

