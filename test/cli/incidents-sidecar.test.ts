/**
 * `logveil incidents` end to end: reports written by the real sidecar (`logveil --report FILE
 * --known-file …`) on two "hosts" (`--source`), a known secret rotated while lines stream
 * through one of them, then read back and merged. Nothing but fingerprints, names and times
 * comes out: neither value is in the reports or in any output.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { finish, logveil, start, tempFiles } from './support.js';

const OLD = 'OLD-db_pw_7c1e9a4f2b8d6e3a';
const NEW = 'NEW-db_pw_3f8b2d6a9e1c7f4b-2';
const KEY = { LOGVEIL_FINGERPRINT_KEY: 'fleet-key-for-incidents' };
const { dir, file } = tempFiles('logveil-incidents-e2e-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Resolves once the child has written `lines` lines in all; rejects (with its stderr) if it
 * ends before that, so a sidecar that failed to start fails the test at once.
 */
function linesOut(child: ChildProcessWithoutNullStreams, lines: number): Promise<void> {
  let seen = 0;
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      for (const byte of b) if (byte === 0x0a) seen++;
      if (seen >= lines) {
        child.stdout.off('data', onData);
        child.off('close', onClose);
        resolve();
      }
    };
    const onClose = (code: number | null) => reject(new Error(`the sidecar ended (exit ${code}) before writing ${lines} lines: ${stderr}`));
    child.stdout.on('data', onData);
    child.once('close', onClose);
  });
}

describe('logveil incidents over reports the sidecar wrote', () => {
  it('merges two sources and times the rotation of a known secret', async () => {
    const secret = file('db-password', OLD);
    const report1 = join(dir, 'web-1.ndjson');
    const report2 = join(dir, 'web-2.ndjson');

    // web-1: the old value in use, the secret file rotated (atomically, as a deploy would), then both values.
    const web1 = start(['--known-file', secret, '--report', report1, '--source', 'web-1'], KEY);
    const done1 = finish(web1);
    const first = linesOut(web1, 1);
    web1.stdin.write(`login ok password ${OLD}\n`);
    await first;
    writeFileSync(join(dir, 'db-password.next'), NEW);
    renameSync(join(dir, 'db-password.next'), secret);
    web1.stdin.end(`lagging client ${OLD}\nlogin ok password ${NEW}\n`);
    const r1 = await done1;
    expect(r1.code).toBe(0);
    expect(r1.stdout.toString()).toBe('login ok password [REDACTED:known-secret]\nlagging client [REDACTED:known-secret]\nlogin ok password [REDACTED:known-secret]\n');

    // web-2, started after the rotation: the new value only.
    const r2 = await logveil(['--known-file', secret, '--report', report2, '--source', 'web-2'], `login ok password ${NEW}\n`, KEY);
    expect(r2.code).toBe(0);

    const reports = readFileSync(report1, 'utf8') + readFileSync(report2, 'utf8');
    const written = reports
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { fingerprint: string; state: string; source: string });
    expect(written.map((f) => [f.state, f.source])).toEqual([
      ['current', 'web-1'],
      ['retiring', 'web-1'],
      ['current', 'web-1'],
      ['current', 'web-2'],
    ]);
    const [oldFp, newFp] = [written[0]!.fingerprint, written[2]!.fingerprint];
    expect(oldFp).not.toBe(newFp);

    const r = await logveil(['incidents', '--format', 'json', report1, report2]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.toString()) as {
      summary: { leakedSecrets: number; rotated: number; medianTimeToRotateMs: number };
      incidents: { fingerprint: string; names: string[]; count: number; sources: string[]; rotationEvents: { state: string }[]; timeToRotateMs: number | null; rotatedTo: string | null }[];
    };
    expect(out.incidents.map((i) => [i.fingerprint, i.names, i.count, i.sources, i.rotationEvents.map((e) => e.state), i.rotatedTo])).toEqual([
      [oldFp, ['db-password'], 2, ['web-1'], ['current', 'retiring'], newFp],
      [newFp, ['db-password'], 2, ['web-1', 'web-2'], ['current'], null],
    ]);
    const ttr = out.incidents[0]!.timeToRotateMs!;
    expect(ttr).toBeGreaterThan(0);
    expect(out.summary).toMatchObject({ leakedSecrets: 2, rotated: 1, medianTimeToRotateMs: ttr });

    for (const [format, rotated] of [
      ['text', `rotated to ${newFp} after`],
      ['markdown', `(to \`${newFp}\`)`],
    ]) {
      const shown = await logveil(['incidents', '--format', format!, report1, report2]);
      expect(shown.code).toBe(0);
      expect(shown.stdout.toString()).toContain(rotated);
      for (const text of [shown.stdout.toString(), shown.stderr]) {
        expect(text).not.toContain(OLD);
        expect(text).not.toContain(NEW);
      }
    }
    for (const text of [reports, r.stdout.toString(), r1.stderr, r2.stderr]) {
      expect(text).not.toContain(OLD);
      expect(text).not.toContain(NEW);
    }
  });
});
