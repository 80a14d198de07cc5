/**
 * Findings from a stream: one per masked secret, with its line number and byte offset in the
 * whole stream — the same as scanning the whole input at once, however it was chunked and
 * whether rules run on worker threads or not. Known secrets included.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, type Finding } from '../../src/index.js';
import { createRedactStream } from '../../src/stream/index.js';

const KNOWN = 'kn0wn-Secret_Value-42xz';
const options = { fingerprintKey: 'k', knownSecrets: [{ name: 'APP_KEY', value: KNOWN }] };
const reference = createRedactor(options);

const lineArb = fc.constantFrom(
  '{"level":30,"msg":"request completed"}',
  '{"user":{"password":"hunter2"}}',
  `{"msg":"key ${KNOWN} used"}`,
  `basic ${Buffer.from(`u:${KNOWN}`).toString('base64')}`,
  'Authorization: Bearer Zq8vT2mW9kR4pL7xNq3fYb1c',
  'plain text, nothing to see',
  'é ünïcode line before a secret password=s3cr3t-Pa55',
  '',
);

let findings: Finding[] = [];
const listened = createRedactor({ ...options, onFinding: (f) => findings.push(f) });

async function streamFindings(chunks: Buffer[]): Promise<{ findings: Finding[]; out: Buffer }> {
  findings = [];
  const redactor = listened;
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), createRedactStream({ redactor }), new Writable({ write(c: Buffer, _e, cb) { out.push(c); cb(); } }));
  return { findings, out: Buffer.concat(out) };
}

const strip = (fs: readonly Finding[]) => fs.map(({ time: _t, ...f }) => f);

describe('stream findings', () => {
  it('match a scan of the whole input, for any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), async (lines, cuts) => {
        const input = Buffer.from(lines.join('\n') + '\n');
        const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
        const chunks = [...points, input.length].map((p, i, all) => input.subarray(i === 0 ? 0 : all[i - 1], p)).filter((c) => c.length > 0);
        const { findings, out } = await streamFindings(chunks);
        expect(strip(findings)).toEqual(strip(reference.scan(input)));
        expect(out.includes(KNOWN)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('keep their line and offset when long lines are scanned in windows (one chunk, and on worker-free splits)', async () => {
    const long = `${'lorem ipsum '.repeat(125)} key ${KNOWN} ${'dolor sit '.repeat(150)}`;
    const input = Buffer.from(`first password=hunter2-x\n${long}\nthird ${KNOWN}\n${long}\n`);
    const seen: Finding[] = [];
    const redactor = createRedactor({ ...options, onFinding: (f) => seen.push(f) });
    for (const chunks of [[input], [input.subarray(0, 700), input.subarray(700, 2600), input.subarray(2600)]]) {
      seen.length = 0;
      await pipeline(Readable.from(chunks), createRedactStream({ redactor, maxLineLength: 1024 }), new Writable({ write(_c, _e, cb) { cb(); } }));
      expect(strip(seen)).toEqual(strip(reference.scan(input)));
    }
  });

  it('carry the known secret name, and stats count them per rule', async () => {
    const findings: Finding[] = [];
    const redactor = createRedactor({ ...options, onFinding: (f) => findings.push(f) });
    const stream = createRedactStream({ redactor });
    stream.resume();
    stream.end(`one\ntwo ${KNOWN}\nthree password=hunter2-x\n`);
    await new Promise((r) => stream.on('end', r));
    expect(findings.map((f) => [f.ruleId, f.name, f.line, f.start])).toEqual([
      ['known-secret', 'APP_KEY', 2, 8],
      ['password-assignment', undefined, 3, 47],
    ]);
    expect(stream.stats().findings).toEqual({ 'known-secret': 1, 'password-assignment': 1 });
    expect(redactor.stats().findings).toEqual({ 'known-secret': 1, 'password-assignment': 1 });
  });
});
