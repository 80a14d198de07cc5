/**
 * The log zoo: a seeded, labelled corpus of realistic log lines for measuring how well a
 * redactor generalises. Written from what real logs look like, not from any detector: ≥ 25
 * formats, the eleven leak classes of issue 12 (plus the classic shapes) as positives, and
 * the false-positive classes as hard negatives.
 *
 * Every line is a record: its text, the exact substrings that must be gone after redaction
 * (`secrets`, one entry per distinct value: both copies of a repeated value must go), the
 * substrings that must survive byte for byte (`survivors`), the hard-negative class of a
 * clean line (`fpClass`) and whether finding its secrets needs earlier lines (`needsState`:
 * PEM body lines, a value logged under a key and later bare).
 *
 * Start with `generateLogZoo(seed, lines)`. The makers live by concern: `keyedLeaks.ts`,
 * `syntaxLeaks.ts`, `statefulLeaks.ts` (positives), `negatives.ts` (hard negatives),
 * `traffic.ts` (plain lines); the formats in `formats.ts` and `wire.ts`; values in
 * `secrets.ts`; labelled text in `fragment.ts`. `evaluate.ts` scores a redactor on the
 * corpus; `report.ts` prints the scores.
 */
import { type FpClass, type Frag, SECRET_CLASSES, type SecretClass } from './fragment.js';
import type { Rendered } from './formats.js';
import { KEYED, type Maker } from './keyedLeaks.js';
import { FP_CLASSES, negative } from './negatives.js';
import { Rng } from './random.js';
import { STATEFUL } from './statefulLeaks.js';
import { SYNTAX } from './syntaxLeaks.js';
import { trafficLine } from './traffic.js';

export { SECRET_CLASSES, type FpClass, type SecretClass };
export { FP_CLASSES };

export interface ZooSecret {
  /** The secret exactly as it appears in the line (escapes included). */
  readonly value: string;
  readonly cls: SecretClass;
}

export interface ZooLine {
  readonly format: string;
  readonly text: string;
  readonly secrets: readonly ZooSecret[];
  readonly survivors: readonly string[];
  readonly fpClass?: FpClass;
  readonly needsState?: true;
}

export const DEFAULT_SEED = 20250303;
export const DEFAULT_LINES = 24_000;

/** Share of emissions that carry a leak (multi-line leaks make the share of lines a little higher). */
const LEAK_SHARE = 0.17;
/** Share of clean emissions that are hard negatives. */
const HARD_NEGATIVE_SHARE = 0.4;

/** How often each class is drawn (PEM blocks are many lines each). */
const CLASS_WEIGHTS: readonly (readonly [SecretClass, number])[] = [
  ['classic', 12], ['colon-bare', 9], ['cli', 10], ['markup', 8], ['escaping', 10], ['key-names', 9], ['punctuation', 8],
  ['connection', 9], ['provider-keyed', 8], ['repeat', 8], ['pem', 0.6], ['long-tail', 10],
];

interface Emission {
  readonly now: readonly Rendered[];
  readonly later?: readonly Rendered[];
}

function leak(r: Rng, cls: SecretClass): Emission {
  if (cls === 'repeat' || cls === 'pem') return r.pick(STATEFUL[cls])(r);
  const makers: readonly Maker[] = KEYED[cls] ?? SYNTAX[cls] ?? [];
  const out = r.pick(makers)(r);
  return { now: Array.isArray(out) ? (out as Rendered[]) : [out as Rendered] };
}

/** Turns a labelled line into a record. */
export function toRecord(x: Rendered): ZooLine {
  const text = textOfFrag(x.line);
  if (/[\n\r]/.test(text)) throw new Error(`log zoo: a ${x.format} line holds a line break: ${JSON.stringify(text.slice(0, 200))}`);
  const secrets = new Map<string, SecretClass>();
  const survivors = new Set<string>();
  for (const run of x.line) {
    if (run.label === 'secret' && !secrets.has(run.text)) secrets.set(run.text, run.cls ?? 'classic');
    if (run.label === 'keep') survivors.add(run.text);
  }
  const rec: ZooLine = {
    format: x.format,
    text,
    secrets: [...secrets].map(([value, cls]) => ({ value, cls })),
    survivors: [...survivors],
    ...(x.fpClass && secrets.size === 0 ? { fpClass: x.fpClass } : {}),
    ...(x.needsState && secrets.size > 0 ? { needsState: true as const } : {}),
  };
  return rec;
}

function textOfFrag(f: Frag): string {
  let s = '';
  for (const r of f) s += r.text;
  return s;
}

/**
 * `lines` labelled log lines for `seed`; the same arguments always give the same lines.
 * Lines come in stream order: a value seen under a key shows up bare a few lines later.
 */
export function generateLogZoo(seed: number = DEFAULT_SEED, lines: number = DEFAULT_LINES): ZooLine[] {
  const r = new Rng(seed);
  const out: ZooLine[] = [];
  const pending: { at: number; line: Rendered }[] = [];
  const push = (x: Rendered) => out.push(toRecord(x));
  while (out.length < lines) {
    r.tick();
    for (let i = 0; i < pending.length; ) {
      if (pending[i]!.at <= out.length) push(pending.splice(i, 1)[0]!.line);
      else i++;
    }
    if (r.chance(LEAK_SHARE)) {
      const e = leak(r, r.weighted(CLASS_WEIGHTS));
      for (const x of e.now) push(x);
      for (const x of e.later ?? []) pending.push({ at: out.length + r.range(2, 60), line: x });
    } else if (r.chance(HARD_NEGATIVE_SHARE)) {
      for (const x of negative(r, r.pick(FP_CLASSES))) push(x);
    } else {
      push(trafficLine(r));
    }
  }
  return out.slice(0, lines);
}
