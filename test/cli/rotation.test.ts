/**
 * Rotation progress in the sidecar, as real child processes (issue 16): a known-secret file
 * rotated twice while lines stream through, with the metrics scraped over HTTP between steps
 * (current → retiring → retired sightings counted, the time of the last one), the retired
 * warning on stderr once per value, `--revoked` fingerprints, `--source` in the report, and
 * the same through `--workers`. Durations are short and conditions are polled, never timed.
 */
import { type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finish, logveil, start, tempFiles } from './support.js';

const K1 = 'k1-Rot4te_9f2c7a1e5b8d4c6a';
const K2 = 'k2-Rot4te_1b6e8d2f7c4a9e3b';
const K3 = 'k3-Rot4te_5d0c3b8a6f1e7d92';
const KEY = { LOGVEIL_FINGERPRINT_KEY: 'fleet-key' };
const { dir, file } = tempFiles('logveil-rotation-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function scrape(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

/** Replaces `path` by rename, as a secret store's agent does. */
function rotate(path: string, value: string): void {
  writeFileSync(`${path}.tmp`, value);
  renameSync(`${path}.tmp`, path);
}

/** The child's stderr so far, and a wait for the metrics URL it prints. */
function watchStderr(child: ChildProcessWithoutNullStreams): { text: () => string; metricsUrl: () => Promise<string> } {
  let text = '';
  child.stderr.on('data', (b: Buffer) => (text += b.toString()));
  return {
    text: () => text,
    async metricsUrl() {
      for (let i = 0; i < 500 && !/metrics on (\S+)/.test(text); i++) await sleep(20);
      return /metrics on (\S+)/.exec(text)![1]!;
    },
  };
}

/** Scrapes `url` until `done(body)` holds (for at most 30 s: a busy machine), and returns that body. */
async function scrapeUntil(url: string, done: (body: string) => boolean): Promise<string> {
  const deadline = Date.now() + 30_000;
  let body = await scrape(url);
  while (!done(body) && Date.now() < deadline) {
    await sleep(20);
    body = await scrape(url);
  }
  return body; // the caller's expectation shows what was there
}

const sightings = (body: string, state: string) => new RegExp(`^logveil_known_secret_sightings_total\\{name="api-key",state="${state}"\\} (\\d+)$`, 'm').exec(body)?.[1];
const lastSeen = (body: string, state: string) => Number(new RegExp(`^logveil_known_secret_last_seen_seconds\\{name="api-key",state="${state}"\\} (\\S+)$`, 'm').exec(body)?.[1]);
const counts = (body: string) => ({ current: sightings(body, 'current'), retiring: sightings(body, 'retiring'), retired: sightings(body, 'retired') });

describe('rotation progress in the sidecar', () => {
  it('a file rotated twice while lines stream: sightings move current → retiring → retired in the metrics, the retired value is warned about once, the report has state and source', async () => {
    const path = file('api-key', K1);
    const report = join(dir, 'findings.ndjson');
    const child = start(['--known-file', path, '--rotation-grace', '200ms', '--retired-ttl', '30s', '--metrics', '0', '--report', report, '--source', 'pod-a'], KEY);
    const done = finish(child);
    const stderr = watchStderr(child);
    const url = await stderr.metricsUrl();
    const began = Date.now() / 1000;

    // Step 1: the application uses K1.
    child.stdin.write(`a ${K1}\nb ${K1}\nc ${K1}\n`);
    let body = await scrapeUntil(url, (b) => sightings(b, 'current') === '3');
    expect(counts(body)).toEqual({ current: '3', retiring: undefined, retired: undefined });
    expect(body).toContain('logveil_known_secrets{state="current"} 1');

    // Step 2: K1 → K2. The chunk after the rename is matched with both: K2 current, K1 retiring.
    rotate(path, K2);
    child.stdin.write(`d ${K2} late=${K1}\n`);
    body = await scrapeUntil(url, (b) => sightings(b, 'retiring') === '1');
    expect(counts(body)).toEqual({ current: '4', retiring: '1', retired: undefined });
    expect(body).toContain('logveil_known_secrets{state="retiring"} 1');

    // Past the 200 ms grace (it began before the retiring sighting was counted): K1 is retired.
    await sleep(300);
    child.stdin.write(`e lagging client ${K1}\nf ${K2}\ng lagging client ${K1}\n`);
    body = await scrapeUntil(url, (b) => sightings(b, 'retired') === '2');
    expect(counts(body)).toEqual({ current: '5', retiring: '1', retired: '2' });
    expect(body).toContain('logveil_known_secrets{state="retired"} 1');

    // Step 3: K2 → K3, K1 still seen now and then.
    rotate(path, K3);
    child.stdin.write(`h ${K3} ${K2}\ni ${K1}\n`);
    body = await scrapeUntil(url, (b) => sightings(b, 'retired') === '3');
    expect(counts(body)).toEqual({ current: '6', retiring: '2', retired: '3' });
    const now = Date.now() / 1000;
    for (const state of ['current', 'retiring', 'retired']) {
      expect(lastSeen(body, state)).toBeGreaterThanOrEqual(Math.floor(began));
      expect(lastSeen(body, state)).toBeLessThanOrEqual(now + 1);
    }
    expect(lastSeen(body, 'retired')).toBeGreaterThanOrEqual(lastSeen(body, 'retiring') - 0.001); // the last K1 line came after K2's

    child.stdin.end();
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout.toString().split('\n').filter((l) => l.includes('[REDACTED:known-secret]'))).toHaveLength(9);
    // One warning for K1's three retired sightings (within a minute), naming it, never showing it.
    const warnings = stderr.text().split('\n').filter((l) => l.includes('rotation grace ended'));
    expect(warnings).toEqual([expect.stringMatching(/^logveil: warning: known secret "api-key" \(fingerprint [0-9a-f]{8}\) seen after its rotation grace ended: a client still uses the rotated-out value/)]);

    const findings = readFileSync(report, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(findings.map((f) => [f.line, f.state])).toEqual([
      [1, 'current'], [2, 'current'], [3, 'current'],
      [4, 'current'], [4, 'retiring'],
      [5, 'retired'], [6, 'current'], [7, 'retired'],
      [8, 'current'], [8, 'retiring'], [9, 'retired'],
    ]);
    expect(new Set(findings.map((f) => f.source))).toEqual(new Set(['pod-a']));
    expect(new Set(findings.map((f) => f.name))).toEqual(new Set(['api-key']));
    // K1's fingerprint is the one in the warning, in every state.
    const k1 = findings.filter((f) => f.state === 'retired').map((f) => f.fingerprint);
    expect(new Set(k1).size).toBe(1);
    expect(warnings[0]).toContain(`fingerprint ${k1[0]}`);
    expect(findings[0]!.fingerprint).toBe(k1[0]);
    for (const text of [readFileSync(report, 'utf8'), stderr.text(), body]) for (const k of [K1, K2, K3]) expect(text).not.toContain(k);
  }, 90_000);

  it('--workers: retired sightings are warned about too (the main thread matches known secrets)', async () => {
    const path = file('worker-key', K1);
    const child = start(['--known-file', path, '--rotation-grace', '0', '--workers', '1'], KEY);
    const done = finish(child);
    const stderr = watchStderr(child);
    child.stdin.write(`a ${K1}\n`);
    await new Promise((r) => child.stdout.once('data', r));
    rotate(path, K2);
    child.stdin.write(`b ${K1} ${K2}\n`);
    for (let i = 0; i < 500 && !stderr.text().includes('rotation grace ended'); i++) await sleep(20);
    child.stdin.end();
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('a [REDACTED:known-secret]\nb [REDACTED:known-secret] [REDACTED:known-secret]\n');
    expect(stderr.text()).toMatch(/^logveil: warning: known secret "worker-key" \(fingerprint [0-9a-f]{8}\) seen after its rotation grace ended/m);
  }, 20_000);
});

describe('--revoked', () => {
  const TOKEN = 'acme_0a1b2c3d4e5f6a7b8c9d0e1f';
  const OTHER = 'acme_ffeeddccbbaa998877665544';
  const rules = () => file('acme-rules.json', JSON.stringify([{ id: 'acme-key', description: 'ACME key', tags: ['acme'], pattern: String.raw`\b(acme_[a-z0-9]{24})\b`, keywords: ['acme_'] }]));

  /** The fingerprint logveil prints for TOKEN under KEY (from a first run's report). */
  async function fingerprintOfToken(): Promise<string> {
    const report = join(dir, 'probe.ndjson');
    rmSync(report, { force: true }); // a report is appended to
    await logveil(['--rule-file', rules(), '--report', report], `k=${TOKEN}\n`, KEY);
    return (JSON.parse(readFileSync(report, 'utf8').trim()) as { fingerprint: string }).fingerprint;
  }

  it('findings whose fingerprint is listed are retired and warned about once; others carry no state', async () => {
    const fp = await fingerprintOfToken();
    const revoked = file('revoked.txt', `# acme key leaked 2026-12-01, revoked at 10:42\n${fp.toUpperCase()}  # deploy key\n\n`);
    const report = join(dir, 'revoked.ndjson');
    const r = await logveil(['--rule-file', rules(), '--revoked', revoked, '--report', report, '--metrics', '0'], `a ${TOKEN}\nb ${OTHER}\nc ${TOKEN}\n`, KEY);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('a [REDACTED:acme-key]\nb [REDACTED:acme-key]\nc [REDACTED:acme-key]\n');
    const findings = readFileSync(report, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(findings.map((f) => [f.line, f.fingerprint === fp, f.state])).toEqual([
      [1, true, 'retired'],
      [2, false, undefined],
      [3, true, 'retired'],
    ]);
    expect(r.stderr.split('\n').filter((l) => l.includes('revoked fingerprint'))).toEqual([`logveil: warning: revoked fingerprint ${fp} (rule acme-key) seen: a client still uses a revoked value (warned at most once a minute per value)`]);
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('SIGHUP reads the --revoked file again: a key revoked mid-run is retired from then on; a bad file keeps the list', async () => {
    const fp = await fingerprintOfToken();
    const revoked = file('revoked-hup.txt', '# nothing revoked yet\n');
    const report = join(dir, 'hup.ndjson');
    const child = start(['--rule-file', rules(), '--revoked', revoked, '--report', report], KEY);
    const done = finish(child);
    const stderr = watchStderr(child);
    child.stdin.write(`a ${TOKEN}\n`);
    await new Promise((r) => child.stdout.once('data', r));
    writeFileSync(revoked, `# revoked at 10:42\n${fp}\n`);
    child.kill('SIGHUP');
    for (let i = 0; i < 500 && !stderr.text().includes('revoked fingerprint'); i++) {
      child.stdin.write(`b ${TOKEN}\n`);
      await sleep(20);
    }
    writeFileSync(revoked, `${fp}\nnot a fingerprint ${TOKEN}\n`);
    child.kill('SIGHUP');
    for (let i = 0; i < 500 && !stderr.text().includes('stay as they were'); i++) await sleep(20);
    child.stdin.end(`c ${TOKEN}\n`);
    const r = await done;
    expect(r.code).toBe(0);
    const states = readFileSync(report, 'utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { state?: string }).state);
    expect(states[0]).toBeUndefined();
    expect(states.at(-1)).toBe('retired'); // the bad file left the list as it was
    expect(states.filter((s) => s === undefined).length + states.filter((s) => s === 'retired').length).toBe(states.length);
    expect(stderr.text()).toMatch(/^logveil: warning: --revoked .*revoked-hup\.txt line 2 is not a fingerprint \(8 hex characters; the line is not shown\): the revoked fingerprints stay as they were$/m);
    expect(stderr.text()).not.toContain(TOKEN);
  }, 30_000);

  it('warns when there is no fingerprint key (listed fingerprints cannot match), and still runs', async () => {
    const revoked = file('revoked-nokey.txt', '4f1c9a2e\n');
    const r = await logveil(['--revoked', revoked], 'x\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('logveil: warning: revoked fingerprints (--revoked, revokedFingerprints) are given without a fingerprint key (LOGVEIL_FINGERPRINT_KEY, fingerprintKey): fingerprints are drawn with a random key, so no listed fingerprint can match\n');
  });

  it('takes revokedFingerprints, source and retiredTtl from the config file', async () => {
    const fp = await fingerprintOfToken();
    const config = file('rotation-config.json', JSON.stringify({ revokedFingerprints: [fp], source: 'from-config', retiredTtl: '7d' }));
    const report = join(dir, 'config.ndjson');
    const r = await logveil(['-c', config, '--rule-file', rules(), '--report', report], `${TOKEN}\n`, KEY);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8').trim())).toMatchObject({ ruleId: 'acme-key', fingerprint: fp, state: 'retired', source: 'from-config' });
  });

  it.each([
    ['a line that is not a fingerprint', () => ['--revoked', file('bad-revoked.txt', `4f1c9a2e\n${TOKEN}\n`)], /^logveil: --revoked: .*bad-revoked\.txt line 2 is not a fingerprint \(8 hex characters; the line is not shown\)$/m],
    ['a missing --revoked file', () => ['--revoked', join(dir, 'nope.txt')], /^logveil: --revoked: cannot read .*nope\.txt: no such file or directory \(ENOENT\)$/m],
    ['a --revoked device', () => ['--revoked', '/dev/null'], /^logveil: --revoked: cannot read \/dev\/null: a character device, not a regular file$/m],
    ['a bad --retired-ttl', () => ['--known-file', file('ttl-key', K1), '--retired-ttl', 'a month'], /^logveil: --retired-ttl must be a duration such as 30d/m],
    ['a bad --source', () => ['--source', 'a\u0007b'], /^logveil: --source must be 1-255 printable characters/m],
    ['a bad retiredTtl in the config', () => ['-c', file('bad-ttl.json', '{"retiredTtl": "soon"}')], /^logveil: config file .*bad-ttl\.json: "retiredTtl" must be a duration/m],
  ])('exits 2 on %s, writing nothing and showing no value', async (_what, args, message) => {
    const r = await logveil(args(), `k=${TOKEN}\n`, KEY);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain(TOKEN);
  });
});
