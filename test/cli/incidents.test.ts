/**
 * `logveil incidents`, as a real child process over report files written here by hand (NDJSON
 * in the schema `logveil --report` writes): reports from two sources merged by fingerprint, a
 * rotation's time to rotate, retired-value sightings, --since/--until, the three formats,
 * malformed and empty input, and a key the schema does not list (holding a secret-looking
 * value) that is never printed. The end-to-end test with the real sidecar is in
 * incidents-sidecar.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, finish, logveil, tempFiles } from './support.js';

const { dir, file } = tempFiles('logveil-incidents-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  ruleId?: string;
  fingerprint?: string;
  time?: string;
  name?: string;
  state?: string;
  source?: string;
  [key: string]: unknown;
}

/** One report line as `logveil --report` writes it (line/start/end included, never read back). */
const finding = (r: Row) => JSON.stringify({ time: r.time, ruleId: r.ruleId ?? 'known-secret', line: 1, start: 0, end: 20, ...r });
const ndjson = (rows: readonly Row[]) => rows.map(finding).join('\n') + '\n';
const at = (hhmm: string, day = '01') => `2026-12-${day}T${hhmm}:00.000Z`;
const HOUR = 3_600_000;

/** The JSON output of `logveil incidents --format json args`. */
async function incidentsJson(args: readonly string[], input?: string) {
  const r = await logveil(['incidents', '--format', 'json', ...args], input);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout.toString()) as {
    period: { since: string | null; until: string | null };
    reports: number;
    skippedLines: number;
    summary: { leakedSecrets: number; findings: number; rotated: number; notRotated: number; medianTimeToRotateMs: number | null; worstTimeToRotateMs: number | null };
    incidents: {
      fingerprint: string;
      rules: string[];
      names: string[];
      firstSeen: string;
      lastSeen: string;
      count: number;
      sources: string[];
      moreSources: boolean;
      rotationEvents: { state: string; first: string; last: string; count: number }[];
      retiredSightings: { count: number; last: string } | null;
      timeToRotateMs: number | null;
      rotatedTo: string | null;
      rotatedAt: string | null;
    }[];
  };
}

// A rotation of db-password seen on two hosts: the old value (aaaa1111) current on web-1, the
// new one (bbbb2222) current on web-2 an hour later, the old one retiring, then retired (a
// lagging client) the next day; and a GitHub token (cccc3333) found by a rule on both.
const WEB1 = ndjson([
  { time: at('10:00'), name: 'db-password', fingerprint: 'aaaa1111', state: 'current', source: 'web-1' },
  { time: at('10:30'), name: 'db-password', fingerprint: 'aaaa1111', state: 'current', source: 'web-1' },
  { time: at('11:10'), name: 'db-password', fingerprint: 'aaaa1111', state: 'retiring', source: 'web-1' },
  { time: at('09:00'), ruleId: 'github-pat', fingerprint: 'cccc3333', source: 'web-1' },
  { time: at('09:00', '02'), name: 'db-password', fingerprint: 'aaaa1111', state: 'retired', source: 'web-1' },
]);
const WEB2 = ndjson([
  { time: at('08:00'), ruleId: 'github-pat', fingerprint: 'cccc3333', source: 'web-2' },
  { time: at('11:00'), name: 'db-password', fingerprint: 'bbbb2222', state: 'current', source: 'web-2' },
  { time: at('11:05'), name: 'db-password', fingerprint: 'aaaa1111', state: 'retiring', source: 'web-2' },
  { time: at('12:00'), name: 'db-password', fingerprint: 'bbbb2222', state: 'current', source: 'web-1' },
  { time: at('10:00', '02'), name: 'db-password', fingerprint: 'aaaa1111', state: 'retired', source: 'web-2' },
]);

describe('logveil incidents: merging reports', () => {
  const web1 = file('web-1.ndjson', WEB1);
  const web2 = file('web-2.ndjson', WEB2);

  it('merges the reports of two sources into one incident per fingerprint', async () => {
    const out = await incidentsJson([web1, web2]);
    expect(out.reports).toBe(2);
    expect(out.skippedLines).toBe(0);
    expect(out.incidents.map((i) => i.fingerprint)).toEqual(['cccc3333', 'aaaa1111', 'bbbb2222']); // by first sighting
    const [token, old, next] = out.incidents;
    expect(token).toMatchObject({ rules: ['github-pat'], names: [], firstSeen: at('08:00'), lastSeen: at('09:00'), count: 2, sources: ['web-1', 'web-2'], rotationEvents: [], retiredSightings: null, timeToRotateMs: null });
    expect(old).toMatchObject({ rules: ['known-secret'], names: ['db-password'], firstSeen: at('10:00'), lastSeen: at('10:00', '02'), count: 6, sources: ['web-1', 'web-2'] });
    expect(next).toMatchObject({ names: ['db-password'], firstSeen: at('11:00'), lastSeen: at('12:00'), count: 2, sources: ['web-1', 'web-2'] });
    // Reading the reports in the other order changes nothing.
    expect(await incidentsJson([web2, web1])).toEqual({ ...out });
  });

  it('gives the rotation events in time order and the time to rotate to the new value', async () => {
    const out = await incidentsJson([web1, web2]);
    const old = out.incidents.find((i) => i.fingerprint === 'aaaa1111')!;
    expect(old.rotationEvents).toEqual([
      { state: 'current', first: at('10:00'), last: at('10:30'), count: 2 },
      { state: 'retiring', first: at('11:05'), last: at('11:10'), count: 2 },
      { state: 'retired', first: at('09:00', '02'), last: at('10:00', '02'), count: 2 },
    ]);
    expect(old).toMatchObject({ timeToRotateMs: HOUR, rotatedTo: 'bbbb2222', rotatedAt: at('11:00') });
    // The new value has no successor: a known secret not rotated (yet).
    expect(out.incidents.find((i) => i.fingerprint === 'bbbb2222')).toMatchObject({ timeToRotateMs: null, rotatedTo: null });
    expect(out.summary).toEqual({ leakedSecrets: 3, findings: 10, rotated: 1, notRotated: 1, medianTimeToRotateMs: HOUR, worstTimeToRotateMs: HOUR });
  });

  it('counts the sightings of a retired value, with the last one', async () => {
    const out = await incidentsJson([web1, web2]);
    expect(out.incidents.find((i) => i.fingerprint === 'aaaa1111')!.retiredSightings).toEqual({ count: 2, last: at('10:00', '02') });
    expect(out.incidents.find((i) => i.fingerprint === 'bbbb2222')!.retiredSightings).toBeNull();
  });

  it('takes the median and the worst time to rotate over every rotated secret', async () => {
    const rotations = file(
      'rotations.ndjson',
      ndjson([
        ...[
          ['api-key', 1],
          ['db-password', 2],
          ['smtp-password', 6],
        ].flatMap(([name, hours], k) => [
          { time: at('00:00'), name: String(name), fingerprint: `0${k}000000`, state: 'current' },
          { time: at(`${String(hours).padStart(2, '0')}:00`), name: String(name), fingerprint: `1${k}000000`, state: 'current' },
        ]),
        // Another name's new value does not rotate this one; nor does an earlier value of the same name.
        { time: at('07:00'), name: 'queue-token', fingerprint: '20000000', state: 'current' },
        { time: at('08:00'), name: 'queue-token', fingerprint: '21000000', state: 'retiring' },
      ]),
    );
    const out = await incidentsJson([rotations]);
    expect(out.incidents.filter((i) => i.timeToRotateMs !== null).map((i) => [i.names[0], i.timeToRotateMs, i.rotatedTo])).toEqual([
      ['api-key', HOUR, '10000000'],
      ['db-password', 2 * HOUR, '11000000'],
      ['smtp-password', 6 * HOUR, '12000000'],
    ]);
    expect(out.summary).toMatchObject({ leakedSecrets: 8, rotated: 3, notRotated: 5, medianTimeToRotateMs: 2 * HOUR, worstTimeToRotateMs: 6 * HOUR });
  });

  it('never takes a value for its own successor (seen retiring on one host before current on another)', async () => {
    const skewed = file(
      'skewed.ndjson',
      ndjson([
        { time: at('09:00'), name: 'api-key', fingerprint: 'ffff0000', state: 'retiring', source: 'late-pod' },
        { time: at('09:30'), name: 'api-key', fingerprint: 'ffff0000', state: 'current', source: 'web-1' },
      ]),
    );
    expect((await incidentsJson([skewed])).incidents.map((i) => [i.fingerprint, i.timeToRotateMs, i.rotatedTo])).toEqual([['ffff0000', null, null]]);
    const next = file('next.ndjson', ndjson([{ time: at('10:00'), name: 'api-key', fingerprint: 'ffff1111', state: 'current', source: 'web-1' }]));
    expect((await incidentsJson([skewed, next])).incidents.map((i) => [i.fingerprint, i.timeToRotateMs, i.rotatedTo])).toEqual([
      ['ffff0000', HOUR, 'ffff1111'], // from its first sighting, whatever its state
      ['ffff1111', null, null],
    ]);
  });

  it('prints a table a person reads, with the rotation events and the summary line', async () => {
    const r = await logveil(['incidents', web1, web2]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.toString().split('\n');
    expect(lines[0]).toMatch(/^FINGERPRINT +RULE +NAME +FIRST SEEN \(UTC\) +LAST SEEN \(UTC\) +COUNT +SOURCES +TIME TO ROTATE +RETIRED SIGHTINGS$/);
    expect(lines[1]).toMatch(/^cccc3333 +github-pat +- +2026-12-01 08:00:00 +2026-12-01 09:00:00 +2 +web-1, web-2 +- +-$/);
    expect(lines[2]).toMatch(/^aaaa1111 +known-secret +db-password +2026-12-01 10:00:00 +2026-12-02 10:00:00 +6 +web-1, web-2 +1h 0m +2, last 2026-12-02 10:00:00$/);
    expect(lines[3]).toMatch(/^bbbb2222 +known-secret +db-password +2026-12-01 11:00:00 +2026-12-01 12:00:00 +2 +web-1, web-2 +not seen +-$/);
    expect(r.stdout.toString()).toContain(
      '  aaaa1111  db-password: current 2026-12-01 10:00:00 – 2026-12-01 10:30:00 (2) → retiring 2026-12-01 11:05:00 – 2026-12-01 11:10:00 (2) → retired 2026-12-02 09:00:00 – 2026-12-02 10:00:00 (2); rotated to bbbb2222 after 1h 0m\n',
    );
    expect(lines.at(-2)).toBe('Summary, all findings: 3 leaked secrets (10 findings); 1 rotated: time to rotate median 1h 0m, worst 1h 0m; 1 known secret not rotated.');
  });

  it('prints Markdown for the incident ticket, with names and sources escaped', async () => {
    const tricky = file(
      'tricky.ndjson',
      ndjson([
        { time: at('10:00'), name: 'db|pass_[x](https://evil.example)', fingerprint: 'dddd4444', state: 'current', source: '<img src=x>' },
        { time: at('11:00'), name: 'db|pass_[x](https://evil.example)', fingerprint: 'eeee5555', state: 'current', source: 'web-1' },
      ]),
    );
    const r = await logveil(['incidents', '--format', 'markdown', '--since', '2026-12-01', '--until', '2026-12-01', tricky]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.toString()).toBe(
      [
        '## Secret incidents, 2026-12-01 00:00:00 to 2026-12-02 00:00:00 UTC',
        '',
        '**Summary:** 2 leaked secrets (2 findings); 1 rotated: time to rotate median 1h 0m, worst 1h 0m; 1 known secret not rotated. Read from 1 report; times in UTC.',
        '',
        '| Fingerprint | Rule | Name | First seen | Last seen | Count | Sources | Rotation events | Time to rotate | Retired sightings |',
        '| --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- |',
        '| `dddd4444` | known-secret | db\\|pass\\_\\[x\\]\\(https://evil.example\\) | 2026-12-01 10:00:00 | 2026-12-01 10:00:00 | 1 | \\<img src=x\\> | current 2026-12-01 10:00:00 (1) | 1h 0m (to `eeee5555`) | - |',
        '| `eeee5555` | known-secret | db\\|pass\\_\\[x\\]\\(https://evil.example\\) | 2026-12-01 11:00:00 | 2026-12-01 11:00:00 | 1 | web-1 | current 2026-12-01 11:00:00 (1) | not seen | - |',
        '',
      ].join('\n'),
    );
  });

  it('reads standard input for "-", merged with the files', async () => {
    const out = await incidentsJson([web1, '-'], WEB2);
    expect(out.reports).toBe(2);
    expect(out.incidents.find((i) => i.fingerprint === 'aaaa1111')!.count).toBe(6);
  });

  it('reads more reports than it may hold open descriptors (one open at a time)', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    const paths = Array.from({ length: 100 }, (_, k) => {
      const p = join(many, `host-${k}.ndjson`);
      writeFileSync(p, ndjson([{ time: at('10:00'), ruleId: 'github-pat', fingerprint: 'cccc3333', source: `host-${k}` }]));
      return p;
    });
    // 64 descriptors in all, node's own included: 100 reports opened at once would not fit.
    const child = spawn('/bin/sh', ['-c', 'ulimit -n 64 && exec "$0" "$@"', process.execPath, bin, 'incidents', '--format', 'json', ...paths], { env: { PATH: process.env.PATH } });
    child.stdin.end();
    const r = await finish(child);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.toString()) as { reports: number; incidents: { count: number; sources: string[]; moreSources: boolean }[] };
    expect(out.reports).toBe(100);
    expect(out.incidents.map((i) => [i.count, i.sources.length, i.moreSources])).toEqual([[100, 64, true]]); // sources beyond 64 are counted, not kept
  });

  it('reads older reports, without state or source', async () => {
    const old = file('old.ndjson', ndjson([{ time: at('10:00'), name: 'db-password', fingerprint: 'aaaa1111' }, { time: at('11:00'), name: 'db-password', fingerprint: 'bbbb2222' }]));
    const out = await incidentsJson([old]);
    expect(out.incidents.map((i) => [i.fingerprint, i.count, i.sources, i.rotationEvents, i.timeToRotateMs])).toEqual([
      ['aaaa1111', 1, [], [], null], // without states, no value is known to be current: no rotation
      ['bbbb2222', 1, [], [], null],
    ]);
  });
});

describe('logveil incidents: --since and --until', () => {
  const now = Date.now();
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const recent = file(
    'recent.ndjson',
    ndjson([
      { time: ago(30 * 24 * HOUR), ruleId: 'github-pat', fingerprint: 'cccc3333' },
      { time: ago(2 * 24 * HOUR), name: 'db-password', fingerprint: 'aaaa1111', state: 'current' },
      { time: ago(24 * HOUR), name: 'db-password', fingerprint: 'bbbb2222', state: 'current' },
      { time: ago(HOUR), name: 'db-password', fingerprint: 'aaaa1111', state: 'retired' },
    ]),
  );
  const web = file('web.ndjson', WEB1);

  it('counts only what was seen within a duration back from now', async () => {
    const out = await incidentsJson(['--since', '7d', recent]);
    expect(out.incidents.map((i) => i.fingerprint)).toEqual(['aaaa1111', 'bbbb2222']);
    expect(out.summary).toMatchObject({ leakedSecrets: 2, findings: 3, rotated: 1, medianTimeToRotateMs: 24 * HOUR });
    expect(Date.parse(out.period.since!)).toBeGreaterThanOrEqual(now - 7 * 24 * HOUR);
    expect(Date.parse(out.period.since!)).toBeLessThanOrEqual(now - 7 * 24 * HOUR + 60_000);
    expect(out.period.until).toBeNull();
    const older = await incidentsJson(['--until', '3d', recent]);
    expect(older.incidents.map((i) => i.fingerprint)).toEqual(['cccc3333']);
  });

  it('takes ISO dates (a whole day in UTC) and times', async () => {
    expect((await incidentsJson(['--since', '2026-12-02', web])).incidents.map((i) => [i.fingerprint, i.count])).toEqual([['aaaa1111', 1]]);
    expect((await incidentsJson(['--until', '2026-12-01', web])).incidents.map((i) => [i.fingerprint, i.count])).toEqual([
      ['cccc3333', 1],
      ['aaaa1111', 3],
    ]);
    expect((await incidentsJson(['--until', '2028-02-29', web])).incidents).toHaveLength(2); // a leap day is a day
    const window = await incidentsJson(['--since', '2026-12-01T09:30:00Z', '--until', '2026-12-01T10:30', web]); // no zone: UTC; --until is exclusive
    expect(window.incidents.map((i) => [i.fingerprint, i.count])).toEqual([['aaaa1111', 1]]);
    expect(window.period).toEqual({ since: '2026-12-01T09:30:00.000Z', until: '2026-12-01T10:30:00.000Z' });
  });

  it('says so in the summary line when nothing was seen in the period', async () => {
    const r = await logveil(['incidents', '--since', '2027-01-01', web]);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('No findings in the report (since 2027-01-01 00:00:00 UTC).\n\nSummary, since 2027-01-01 00:00:00 UTC: 0 leaked secrets (0 findings); none rotated.\n');
  });

  it.each([
    [['--since', 'last tuesday'], '--since must be an ISO 8601 date or time (2026-12-01, 2026-12-01T10:00:00Z) or a duration back from now (7d, 12h, 30m, 90s)'],
    [['--until', '2026-02-30'], '--until must be an ISO 8601 date or time'],
    [['--since', '7'], '--since must be an ISO 8601 date or time'], // a duration needs its unit
    [['--since', '2026-12-02', '--until', '2026-12-01'], '--since must be before --until'],
    [['--format', 'html'], '--format must be one of text, json, markdown'],
    [['--sinse', '7d'], 'unknown option --sinse (did you mean --since?)'],
    [['--until'], '--until needs a value'],
  ])('refuses %j in plain words, with the --help hint', async (args, message) => {
    const r = await logveil(['incidents', web, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    const [first, hint] = r.stderr.split('\n');
    expect(first).toContain(`logveil incidents: ${message}`);
    expect(hint).toBe("Try 'logveil incidents --help'.");
  });
});

describe('logveil incidents: --per day, week or month', () => {
  // Three rotations: one first seen on Sunday 2026-11-29 (rotated after 2 h), two on Monday
  // 2026-11-30 (after 1 h and 4 h), and a leaked token on Thursday 2026-12-31, 23:30.
  const per = file(
    'per.ndjson',
    ndjson([
      { time: '2026-11-29T22:00:00.000Z', name: 'a', fingerprint: 'a0000000', state: 'current' },
      { time: '2026-11-30T00:00:00.000Z', name: 'a', fingerprint: 'a1000000', state: 'current' },
      { time: '2026-11-30T01:00:00.000Z', name: 'b', fingerprint: 'b0000000', state: 'current' },
      { time: '2026-11-30T02:00:00.000Z', name: 'b', fingerprint: 'b1000000', state: 'current' },
      { time: '2026-11-30T03:00:00.000Z', name: 'c', fingerprint: 'c0000000', state: 'current' },
      { time: '2026-11-30T07:00:00.000Z', name: 'c', fingerprint: 'c1000000', state: 'current' },
      { time: '2026-12-31T23:30:00.000Z', ruleId: 'github-pat', fingerprint: 'd0000000' },
    ]),
  );

  it('gives a summary per calendar period, each secret in the period it was first seen', async () => {
    const periods = async (unit: string) => {
      const out = (await incidentsJson(['--per', unit, per])) as unknown as { periods: { unit: string; list: { start: string; end: string; leakedSecrets: number; rotated: number; medianTimeToRotateMs: number | null; worstTimeToRotateMs: number | null }[] } };
      expect(out.periods.unit).toBe(unit);
      return out.periods.list.map((p) => [p.start.slice(0, 10), p.end.slice(0, 10), p.leakedSecrets, p.rotated, p.medianTimeToRotateMs, p.worstTimeToRotateMs]);
    };
    expect(await periods('day')).toEqual([
      ['2026-11-29', '2026-11-30', 1, 1, 2 * HOUR, 2 * HOUR],
      ['2026-11-30', '2026-12-01', 5, 2, 2.5 * HOUR, 4 * HOUR],
      ['2026-12-31', '2027-01-01', 1, 0, null, null], // periods without a first sighting are left out
    ]);
    expect(await periods('week')).toEqual([
      ['2026-11-23', '2026-11-30', 1, 1, 2 * HOUR, 2 * HOUR], // a Sunday is in the week from the Monday before
      ['2026-11-30', '2026-12-07', 5, 2, 2.5 * HOUR, 4 * HOUR],
      ['2026-12-28', '2027-01-04', 1, 0, null, null],
    ]);
    expect(await periods('month')).toEqual([
      ['2026-11-01', '2026-12-01', 6, 3, 2 * HOUR, 4 * HOUR],
      ['2026-12-01', '2027-01-01', 1, 0, null, null],
    ]);
  });

  it('prints the period lines under the summary, and a table of them in Markdown', async () => {
    const text = await logveil(['incidents', '--per', 'month', per]);
    expect(text.code).toBe(0);
    expect(text.stdout.toString()).toContain(
      [
        'Summary, all findings: 7 leaked secrets (7 findings); 3 rotated: time to rotate median 2h 0m, worst 4h 0m; 3 known secrets not rotated.',
        'By month (UTC; each secret in the month it was first seen):',
        '  2026-11: 6 leaked secrets; 3 rotated: time to rotate median 2h 0m, worst 4h 0m; 3 known secrets not rotated',
        '  2026-12: 1 leaked secret; none rotated',
        '',
      ].join('\n'),
    );
    const md = await logveil(['incidents', '--per', 'week', '--format', 'markdown', per]);
    expect(md.stdout.toString()).toContain(
      [
        '| Week (first seen) | Leaked secrets | Rotated | Median time to rotate | Worst time to rotate | Known secrets not rotated |',
        '| --- | ---: | ---: | --- | --- | ---: |',
        '| week of 2026-11-23 | 1 | 1 | 2h 0m | 2h 0m | 0 |',
        '| week of 2026-11-30 | 5 | 2 | 2h 30m | 4h 0m | 3 |',
        '| week of 2026-12-28 | 1 | 0 | - | - | 0 |',
      ].join('\n'),
    );
    const bad = await logveil(['incidents', '--per', 'year', per]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("logveil incidents: --per must be one of day, week, month\nTry 'logveil incidents --help'.\n");
  });
});

describe('logveil incidents: bad and empty input', () => {
  const SECRET = 'ghp_R8x2Lq9ZtW4vN7mK3pY6sB1dF5hJ0cE2aG8u';

  it('skips lines that are not findings with a warning naming the report and the line, never the content', async () => {
    const bad = file(
      'bad.ndjson',
      [
        finding({ time: at('10:00'), name: 'db-password', fingerprint: 'aaaa1111', state: 'current' }),
        `token=${SECRET}`, // a log line, not a report line
        JSON.stringify({ time: at('10:00'), ruleId: 'github-pat', fingerprint: SECRET }),
        JSON.stringify({ time: SECRET, ruleId: 'github-pat', fingerprint: 'cccc3333' }),
        JSON.stringify({ time: at('10:00'), ruleId: SECRET.toUpperCase(), fingerprint: 'cccc3333' }),
        JSON.stringify({ time: at('10:00'), ruleId: 'known-secret', fingerprint: 'cccc3333', state: SECRET }),
        JSON.stringify([SECRET]),
        '',
        `{"time":"${at('10:00')}","ruleId":"known-secret","fingerprint":"aaaa1111","name":"${'x'.repeat(70_000)}${SECRET}"}`,
        finding({ time: at('11:00'), name: 'db-password', fingerprint: 'aaaa1111', state: 'retiring' }),
      ].join('\n'), // the last line without a line break
    );
    const r = await logveil(['incidents', '--format', 'json', bad]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      `logveil incidents: warning: ${bad} line 2 skipped: it is not JSON`,
      `logveil incidents: warning: ${bad} line 3 skipped: "fingerprint" is missing or not 8 to 64 hex digits`,
      `logveil incidents: warning: ${bad} line 4 skipped: "time" is missing or not an ISO 8601 time with a zone`,
      `logveil incidents: warning: ${bad} line 5 skipped: "ruleId" is missing or not a rule id`,
      `logveil incidents: warning: ${bad} line 6 skipped: "state" is not one of current, retiring, retired`,
      `logveil incidents: warning: ${bad} line 7 skipped: it is not a JSON object`,
      `logveil incidents: warning: ${bad} line 9 skipped: it is longer than 65536 bytes`,
      '',
    ]);
    const out = JSON.parse(r.stdout.toString()) as { skippedLines: number; incidents: { fingerprint: string; count: number }[] };
    expect(out.skippedLines).toBe(7);
    expect(out.incidents.map((i) => [i.fingerprint, i.count])).toEqual([['aaaa1111', 2]]);
    expect(r.stdout.toString() + r.stderr).not.toContain(SECRET);
    expect(r.stdout.toString() + r.stderr).not.toContain(SECRET.toUpperCase());
  });

  it('names the first ten skipped lines of a report and counts the rest', async () => {
    const log = file('app.log', Array.from({ length: 25 }, (_, k) => `line ${k} password=${SECRET}`).join('\n') + '\n');
    const r = await logveil(['incidents', log]);
    expect(r.code).toBe(0);
    const warnings = r.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(11);
    expect(warnings[9]).toBe(`logveil incidents: warning: ${log} line 10 skipped: it is not JSON`);
    expect(warnings[10]).toBe(`logveil incidents: warning: ${log}: 15 more lines skipped (25 in all)`);
    expect(r.stdout.toString()).toBe('No findings in the report (all findings).\n\nSummary, all findings: 0 leaked secrets (0 findings); none rotated.\n');
    expect(r.stderr).not.toContain(SECRET);
  });

  it('reads an empty report and empty standard input as no findings', async () => {
    const empty = file('empty.ndjson', '');
    const out = await incidentsJson([empty, '-'], '');
    expect(out).toMatchObject({ reports: 2, skippedLines: 0, incidents: [], summary: { leakedSecrets: 0, findings: 0, rotated: 0, notRotated: 0, medianTimeToRotateMs: null, worstTimeToRotateMs: null } });
  });

  it('never prints a key the schema does not list, nor the offsets', async () => {
    const extra = file(
      'extra.ndjson',
      ndjson([
        { time: at('10:00'), name: 'db-password', fingerprint: 'aaaa1111', state: 'current', source: 'web-1', secret: SECRET, value: SECRET, line: 424242, start: 131313, end: 171717 },
        { time: at('10:05'), ruleId: 'github-pat', fingerprint: 'cccc3333', match: `token=${SECRET}`, nested: { secret: SECRET } },
      ]),
    );
    for (const format of ['text', 'json', 'markdown']) {
      const r = await logveil(['incidents', '--format', format, extra]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const text = r.stdout.toString();
      expect(text).toContain('aaaa1111');
      for (const absent of [SECRET, 'ghp_', '424242', '131313', '171717', 'nested', 'match', 'value']) expect(text).not.toContain(absent);
    }
    const out = await incidentsJson([extra]);
    expect(Object.keys(out.incidents[0]!).sort()).toEqual(['count', 'fingerprint', 'firstSeen', 'lastSeen', 'moreSources', 'names', 'retiredSightings', 'rotatedAt', 'rotatedTo', 'rotationEvents', 'rules', 'sources', 'timeToRotateMs']);
  });

  it('prints names and sources with control characters made harmless in the text table', async () => {
    const escapes = file('escapes.ndjson', ndjson([{ time: at('10:00'), name: 'db\u001b[2Jpassword', fingerprint: 'aaaa1111', state: 'current', source: 'web-1\nFAKE ROW' }]));
    const r = await logveil(['incidents', escapes]);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).not.toMatch(/[\u001b]|FAKE ROW\n/);
    expect(r.stdout.toString().split('\n')[1]).toMatch(/^aaaa1111 +known-secret +db\ufffd\[2Jpassword +.* web-1\ufffdFAKE ROW +not seen +-$/);
  });

  it('fails with exit 2 and nothing written when a report cannot be read', async () => {
    const good = file('good.ndjson', WEB1);
    const missing = join(dir, 'missing.ndjson');
    const r = await logveil(['incidents', good, missing]);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe(`logveil incidents: cannot read ${missing}: no such file or directory (ENOENT)\n`);
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    const d = await logveil(['incidents', sub]);
    expect(d.code).toBe(2);
    expect(d.stdout.length).toBe(0);
    expect(d.stderr).toBe(`logveil incidents: cannot read ${sub}: it is a directory\n`);
  });

  it('asks for a report when none is named, and shows its help', async () => {
    const none = await logveil(['incidents']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("logveil incidents: name the reports to read (files written by logveil --report, or - for standard input)\nTry 'logveil incidents --help'.\n");
    const help = await logveil(['incidents', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.toString()).toMatch(/^Usage: logveil incidents \[options\] REPORT\.\.\.\n/);
    expect(help.stdout.toString()).toContain('--since WHEN');
    const main = await logveil(['--help']);
    expect(main.stdout.toString()).toContain('logveil incidents --help');
  });
});
