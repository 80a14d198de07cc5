/**
 * The pino transport reports rotation progress as the sidecar does (issue 16): with real pino
 * and its real worker thread (from the build: `npx tsup` first), a known-secret file rotated
 * while the app logs gives findings in the transport's report with `state` current → retiring
 * → retired and `source`, and one warning on stderr for the retired value. Conditions are
 * polled, never timed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const app = fileURLToPath(new URL('./fixtures/pino-rotation-app.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'logveil-pino-rotation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const K1 = 'k1-Pin0Rot_9f2c7a1e5b8d4c6a';
const K2 = 'k2-Pin0Rot_1b6e8d2f7c4a9e3b';

interface ReportLine {
  ruleId: string;
  name?: string;
  fingerprint: string;
  state?: string;
  source?: string;
}

const readReport = (path: string): ReportLine[] =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.endsWith('}')).map((l) => JSON.parse(l) as ReportLine) : [];

/** Polls `check` every 50 ms (at most ~15 s) until it returns true. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await sleep(50);
}

describe('logveil/pino-transport: rotation progress', () => {
  it('findings in its report go current → retiring → retired with the source; the retired value is warned about once', async () => {
    const keyFile = join(dir, 'api-key');
    writeFileSync(keyFile, K1);
    const out = join(dir, 'app.log');
    const report = join(dir, 'findings.ndjson');
    const child = spawn(process.execPath, [app, keyFile, out, report, '300ms'], { env: { PATH: process.env.PATH } });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));

    child.stdin.write(`start ${K1}\n`);
    await until(() => readReport(report).length === 1);
    const k1 = readReport(report)[0]!.fingerprint;

    writeFileSync(`${keyFile}.tmp`, K2);
    renameSync(`${keyFile}.tmp`, keyFile);
    // The worker sees the rename on a watch event or its next check (within a second): until
    // then K2 is not known. The line that first has K2 masked has K1 retiring beside it.
    for (let i = 0; i < 150 && !readReport(report).some((f) => f.fingerprint !== k1); i++) {
      child.stdin.write(`probe ${K2} ${K1}\n`);
      await sleep(100);
    }
    const k2 = readReport(report).find((f) => f.fingerprint !== k1)?.fingerprint;
    expect(k2).toBeDefined();
    await sleep(400); // past the 300 ms grace, which began before K2's first finding was written
    child.stdin.end(`lagging client ${K1}\nagain ${K1}\n`); // the app then ends the transport, which writes everything
    expect(await closed).toBe(0);

    const findings = readReport(report);
    const states = findings.map((f) => `${f.fingerprint === k1 ? 'K1' : 'K2'} ${f.state}`);
    const firstK2 = states.indexOf('K2 current');
    expect(states.slice(0, firstK2).every((s) => s === 'K1 current')).toBe(true);
    expect(states.slice(firstK2)).toEqual(expect.arrayContaining(['K2 current', 'K1 retiring']));
    expect(states.slice(firstK2, firstK2 + 2).sort()).toEqual(['K1 retiring', 'K2 current']);
    expect(states.slice(-2)).toEqual(['K1 retired', 'K1 retired']);
    expect(new Set(findings.map((f) => f.source))).toEqual(new Set(['app-1']));
    expect(new Set(findings.map((f) => f.name))).toEqual(new Set(['api-key']));
    expect(statSync(report).mode & 0o777).toBe(0o600);

    const warnings = stderr.split('\n').filter((l) => l.includes('rotation grace ended'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`known secret "api-key" (fingerprint ${k1}) seen after its rotation grace ended`);
    const log = readFileSync(out, 'utf8');
    expect(log).toContain(`lagging client [REDACTED:known-secret:${k1}]`);
    for (const text of [readFileSync(report, 'utf8'), stderr]) for (const k of [K1, K2]) expect(text).not.toContain(k);
    expect(log).not.toContain(K1);
    // K2 is unknown until the worker sees the rename (on a loaded machine a probe or two may be
    // read first): only those probes may carry it; from the first line that masks it, none does.
    const lines = log.split('\n');
    const firstMasked = lines.findIndex((l) => l.includes(`[REDACTED:known-secret:${k2}]`));
    expect(firstMasked).toBeGreaterThan(0);
    expect(lines.slice(0, firstMasked).filter((l) => l.includes(K2)).every((l) => l.includes('"msg":"probe '))).toBe(true);
    for (const l of lines.slice(firstMasked)) expect(l).not.toContain(K2);
  }, 40_000);
});
