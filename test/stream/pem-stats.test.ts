/**
 * A multi-line PEM private key is one secret (issue 15: `--stats` said "11 secrets masked" for
 * two keys, one per body line). Stream stats, the redactor's stats and the findings reported
 * to `onFinding` count one per key, whatever the wrapper and however the input is chunked;
 * `pemBlockLines` still counts the body lines masked.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, type Finding } from '../../src/index.js';
import { createRedactStream } from '../../src/stream/index.js';

// Fake key bodies (random base64, not keys).
const BODY_A = [
  'MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4q3N',
  'q3N8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4MIIEpAIBAAKCAQEA1c2x',
  'Rb7dK2Lq9Zx4Vn8Wm1Tc6Hy3Gs5Fj0Pa7Ue2Io9Yt4Re8Wq1Sd6Fg3Hj5Kl0Zx7',
  'Zq8vT2mW9kR4pL7xNq3fYb1cD5eG6hJ0kL2mN4pQ==',
];
const BODY_B = [
  'MIIEpAIBAAKCAQEA7Hs2Lq9Zx4Vn8Wm1Tc6Hy3Gs5Fj0Pa7Ue2Io9Yt4Re8Wq1S',
  'Cv2Bn9Mq4Lp8Ko1Ji6Uh3Yg5Tf0Rd7Es2Wa9Qz4Xs8Ed1Cr6Vf3Tg5By0Hn7Um2',
  'Lp8Ko1Ji6Uh3Yg5Tf0Rd7Es2Wa9Qz4Xs8Ed1Cr6Vf3Tg5By0Hn7Um2Cv2Bn9Mq4',
  'Hy3Gs5Fj0Pa7Ue2Io9Yt4Re8Wq1Sd6Fg3Hj5Kl0Zx7q3N8vW2kR7pL1xZ9mT4=',
];
const key = (body: readonly string[], label = 'RSA PRIVATE KEY') => [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`];
const pino = (msg: string, i: number) => `{"level":30,"time":${1733529601000 + i},"msg":"${msg}"}`;

interface Row {
  readonly name: string;
  readonly lines: readonly string[];
  /** Lines (1-based) where the reported findings are. */
  readonly findingLines: readonly number[];
  readonly pemBlockLines: number;
}

const rows: Row[] = [
  { name: 'two keys, one after the other', lines: ['start', ...key(BODY_A), 'between', ...key(BODY_B), 'end'], findingLines: [3, 10], pemBlockLines: 8 },
  { name: 'two keys logged one line per pino entry', lines: [...key(BODY_A), ...key(BODY_B, 'PRIVATE KEY')].map(pino), findingLines: [2, 8], pemBlockLines: 8 },
  { name: 'a key with its first body line glued to the BEGIN line', lines: [`-----BEGIN PRIVATE KEY-----${BODY_A[0]}`, ...BODY_A.slice(1), '-----END PRIVATE KEY-----', 'password=hunter2'], findingLines: [1, 6], pemBlockLines: 3 },
  { name: 'a key whose END never comes, then another key', lines: [`-----BEGIN RSA PRIVATE KEY-----`, ...BODY_A, ...key(BODY_B)], findingLines: [2, 7], pemBlockLines: 8 },
  { name: 'a secret on a body line of another shape is still its own finding', lines: [...key(BODY_A).map(pino).slice(0, 3), '{"msg":"login","password":"hunter2"}', ...key(BODY_A).map(pino).slice(3)], findingLines: [2, 4], pemBlockLines: 4 },
];

async function run(chunks: readonly Buffer[]) {
  const findings: Finding[] = [];
  const redactor = createRedactor({ fingerprintKey: 'k', onFinding: (f) => findings.push(f) });
  const stream = createRedactStream({ redactor });
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), stream, new Writable({ write(c: Buffer, _e, cb) { out.push(c); cb(); } }));
  return { stats: stream.stats(), redactorStats: redactor.stats(), findings, out: Buffer.concat(out).toString() };
}

function cut(buf: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  return [...points, buf.length].map((p, i, all) => buf.subarray(i === 0 ? 0 : all[i - 1], p)).filter((c) => c.length > 0);
}

const total = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('a multi-line PEM key counts as one secret', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const input = Buffer.from(`${row.lines.join('\n')}\n`);
    const whole = await run([input]);
    expect(whole.findings.map((f) => f.line)).toEqual(row.findingLines);
    expect(total(whole.stats.findings)).toBe(row.findingLines.length);
    expect(whole.redactorStats.findings).toEqual(whole.stats.findings);
    expect(whole.stats.pemBlockLines).toBe(row.pemBlockLines);
    for (const l of [...BODY_A, ...BODY_B]) expect(whole.out).not.toContain(l);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 10 }), async (cuts) => {
        const chunked = await run(cut(input, cuts));
        expect(chunked.out).toBe(whole.out);
        expect(chunked.stats.findings).toEqual(whole.stats.findings);
        expect(chunked.findings.map(({ time: _t, ...f }) => f)).toEqual(whole.findings.map(({ time: _t, ...f }) => f));
      }),
      { numRuns: 30 },
    );
  });
});
