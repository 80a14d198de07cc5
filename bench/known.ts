/**
 * Question: do thousands of known secret values slow the matcher? (Issue 5: benchmark it
 * with 10,000.)
 *
 * Data: a 20 MB slice of the seeded corpus (bench/corpus.ts) with known values planted in
 * 1 line in 500, each in one of its encodings (raw, base64 at a random alignment, URL-encoded,
 * JSON-escaped). Values: seeded random 20–40 character tokens.
 * Engines, all timed on the matcher (`findSpans`: rules + known values) over the whole slice,
 * masking checked with `redactBuffer`: the built-in rules alone
 * (the baseline), + 10 known values, + 10,000, + 10,000 and one 8-byte value (the shortest
 * accepted: it shortens the sampling step for all). Median of 7 passes each, taken round
 * robin, same run.
 * Baselines for the known values alone: one `Buffer.indexOf` per value (on a 1 MB slice,
 * scaled), and one RE2 alternation of every variant (it cannot be compiled at this size).
 * Correctness: every planted value must be masked, in every engine.
 */
import RE2 from 're2';
import { createRedactor, type KnownSecret, type Redactor } from '../src/index.js';
import { variantsOf } from '../src/known/variants.js';
import { redactorInternals } from '../src/redactor.js';
import { loadCorpus, prng } from './corpus.js';

export interface KnownResult {
  readonly rows: readonly { name: string; mbs: number; planted: number; leaked: number }[];
  readonly buildMs: number;
  readonly indexOfMbs: number;
  readonly alternation: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function runKnown(megabytes: number, log: (s: string) => void): KnownResult {
  const rnd = prng(5);
  const token = () => Array.from({ length: 20 + Math.floor(rnd() * 21) }, () => ALNUM[Math.floor(rnd() * ALNUM.length)]).join('');
  const secrets: KnownSecret[] = Array.from({ length: 10_000 }, (_, i) => ({ name: `secret-${i}`, value: token() }));
  const corpus = loadCorpus(Math.min(megabytes, 100));
  const end = corpus.buf.indexOf(10, Math.min(20e6, corpus.buf.length - 1));
  const lines = corpus.buf.subarray(0, end + 1).toString('latin1').split('\n');
  const planted: string[] = [];
  const encode = [
    (v: string) => v,
    (v: string) => Buffer.from(`${'xy'.slice(0, Math.floor(rnd() * 3))}${v}:pw`).toString('base64'),
    (v: string) => encodeURIComponent(`${v}/+`),
    (v: string) => JSON.stringify({ k: `"${v}"` }).slice(6, -2),
  ];
  for (let i = 250; i < lines.length; i += 500) {
    const value = secrets[Math.floor(rnd() * secrets.length)]!.value as string;
    planted.push(value);
    lines[i] = `${lines[i]} seen=${encode[Math.floor(rnd() * encode.length)]!(value)}`;
  }
  const buf = Buffer.from(lines.join('\n'), 'latin1');
  log(`slice: ${(buf.length / 1e6).toFixed(1)} MB, ${lines.length} lines, ${planted.length} planted known values`);

  let t = process.hrtime.bigint();
  const with10k = createRedactor({ knownSecrets: secrets });
  const buildMs = Number(process.hrtime.bigint() - t) / 1e6;
  const engines: [string, Redactor][] = [
    ['built-in rules only', createRedactor()],
    ['+ 10 known values', createRedactor({ knownSecrets: secrets.slice(0, 10) })],
    ['+ 10,000 known values', with10k],
    ['+ 10,000 and one 8-byte value', createRedactor({ knownSecrets: [...secrets, { name: 'short', value: 'k8#Qz!2w' }] })],
  ];
  // Round robin, median of 7 per engine: the machines are shared and a pass allocates a
  // 20 MB result; interleaving spreads load spikes and GC over every engine alike.
  // Timed: the matcher (rules + known values, overlaps resolved) without writing masks, which
  // costs the same for every engine and allocates 20 MB per pass. Checked: redactBuffer.
  const times = engines.map(() => [] as number[]);
  for (const [, r] of engines) redactorInternals(r).findSpans(buf); // warm-up, not timed
  for (let round = 0; round < 7; round++) {
    engines.forEach(([, r], i) => {
      const core = redactorInternals(r);
      const t0 = process.hrtime.bigint();
      core.findSpans(buf);
      times[i]!.push(Number(process.hrtime.bigint() - t0) / 1e9);
    });
  }
  const outputs = engines.map(([, r]) => r.redactBuffer(buf));
  const rows = engines.map(([name], i) => {
    const seconds = times[i]!.sort((a, b) => a - b)[3]!;
    const text = outputs[i]!.toString('latin1');
    const relevant = name.includes('10 known') ? planted.filter((p) => secrets.slice(0, 10).some((s) => s.value === p)) : name.startsWith('built-in') ? [] : planted;
    const leaked = relevant.filter((p) => text.includes(p)).length;
    const row = { name, mbs: buf.length / 1e6 / seconds, planted: relevant.length, leaked };
    log(`- ${name}: ${row.mbs.toFixed(0)} MB/s (median of 7, round robin), ${relevant.length - leaked}/${relevant.length} planted values masked`);
    return row;
  });
  log(`- building the index of 10,000 values (40,000+ variants) with the redactor: ${buildMs.toFixed(0)} ms`);

  const small = buf.subarray(0, buf.indexOf(10, 1e6) + 1);
  t = process.hrtime.bigint();
  let hits = 0;
  for (const s of secrets) if (small.indexOf(s.value as string) !== -1) hits++;
  const indexOfMbs = small.length / 1e6 / (Number(process.hrtime.bigint() - t) / 1e9);
  log(`- baseline: Buffer.indexOf per value (raw only, 10,000 values): ${indexOfMbs.toFixed(2)} MB/s (${hits} raw hits in 1 MB)`);

  let alternation: string;
  const variants = secrets.flatMap((s) => variantsOf(Buffer.from(s.value as string)).map((v) => v.bytes.toString('latin1').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')));
  try {
    const re = new RE2(variants.join('|'));
    t = process.hrtime.bigint();
    re.test(buf);
    alternation = `${(buf.length / 1e6 / (Number(process.hrtime.bigint() - t) / 1e9)).toFixed(0)} MB/s`;
  } catch (err) {
    alternation = `cannot compile ${variants.length} variants: ${(err as Error).message}`;
  }
  log(`- baseline: one RE2 alternation of every variant: ${alternation}`);
  return { rows, buildMs, indexOfMbs, alternation };
}
