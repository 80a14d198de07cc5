// Evaluate logveil on the blind corpus (and, through `printReport`, on blind2's).
//   npx tsx test/corpus/blind/evaluate.ts [seed]
import { fileURLToPath } from 'node:url';
import { createRedactor } from '../../../src/index.js';
import { blindCorpus, type BlindLine } from './corpus.js';

export interface Bucket {
  secrets: number;
  masked: number;
  recall: number;
}

export interface Miss {
  cls: string;
  format: string;
  line: string;
  output: string;
  secret: string;
}

export interface FalsePositive {
  cls: string;
  format: string;
  before: string;
  after: string;
}

export interface BlindResult {
  lines: number;
  positiveLines: number;
  cleanLines: number;
  secrets: number;
  masked: number;
  recall: number;
  /** positive lines where every listed secret was masked */
  lineRecall: number;
  cleanChanged: number;
  cleanChangedRate: number;
  byClass: Record<string, Bucket>;
  byFormat: Record<string, Bucket>;
  cleanByClass: Record<string, { lines: number; changed: number }>;
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** listed secrets that are not substrings of their line (corpus bugs; should be empty) */
  invalid: { line: string; secret: string }[];
}

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

function bump(m: Record<string, Bucket>, key: string, total: number, masked: number): void {
  const b = (m[key] ??= { secrets: 0, masked: 0, recall: 0 });
  b.secrets += total;
  b.masked += masked;
  b.recall = b.secrets ? b.masked / b.secrets : 1;
}

export function evaluateBlind(corpus: BlindLine[] = blindCorpus()): BlindResult {
  const res: BlindResult = {
    lines: corpus.length, positiveLines: 0, cleanLines: 0, secrets: 0, masked: 0, recall: 0, lineRecall: 0,
    cleanChanged: 0, cleanChangedRate: 0, byClass: {}, byFormat: {}, cleanByClass: {}, misses: [], falsePositives: [], invalid: [],
  };
  let fullyMasked = 0;
  for (const l of corpus) {
    for (const s of l.secrets) if (!l.text.includes(s)) res.invalid.push({ line: l.text, secret: s });
    const out = createRedactor().redact(l.text);
    if (l.secrets.length === 0) {
      res.cleanLines++;
      const c = (res.cleanByClass[l.cls] ??= { lines: 0, changed: 0 });
      c.lines++;
      if (out !== l.text) {
        res.cleanChanged++;
        c.changed++;
        res.falsePositives.push({ cls: l.cls, format: l.format, before: l.text, after: out });
      }
      continue;
    }
    res.positiveLines++;
    // per-occurrence accounting: a value listed k times, still present m times in the output => min(m,k) misses
    const listed = new Map<string, number>();
    for (const s of l.secrets) listed.set(s, (listed.get(s) ?? 0) + 1);
    let lineAll = true;
    for (const [s, k] of listed) {
      const left = Math.min(k, count(out, s));
      const masked = k - left;
      res.secrets += k;
      res.masked += masked;
      bump(res.byClass, l.cls, k, masked);
      bump(res.byFormat, l.format, k, masked);
      if (left > 0) {
        lineAll = false;
        res.misses.push({ cls: l.cls, format: l.format, line: l.text, output: out, secret: s });
      }
    }
    if (lineAll) fullyMasked++;
  }
  res.recall = res.secrets ? res.masked / res.secrets : 1;
  res.lineRecall = res.positiveLines ? fullyMasked / res.positiveLines : 1;
  res.cleanChangedRate = res.cleanLines ? res.cleanChanged / res.cleanLines : 0;
  return res;
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5) + '%';
const trunc = (s: string, n = 400): string => (s.length > n ? s.slice(0, n) + `…(+${s.length - n})` : s);

function table(title: string, m: Record<string, Bucket>): void {
  console.log(`\n== recall by ${title}`);
  const rows = Object.entries(m).sort((a, b) => a[1].recall - b[1].recall || b[1].secrets - a[1].secrets);
  for (const [k, b] of rows) console.log(`  ${k.padEnd(22)} ${pct(b.recall)}  ${String(b.masked).padStart(4)}/${String(b.secrets).padEnd(4)}`);
}

/** Evaluates `corpus` and prints the report (`name` and `seed` head it). */
export function printReport(name: string, seed: number, corpus: BlindLine[]): void {
  const t0 = Date.now();
  const r = evaluateBlind(corpus);
  console.log(`${name} seed=${seed}: ${r.lines} lines (${r.positiveLines} positive, ${r.cleanLines} clean), ${r.secrets} secrets, ${Date.now() - t0} ms`);
  if (r.invalid.length) {
    console.log(`!! ${r.invalid.length} listed secrets are not substrings of their line (corpus bug):`);
    for (const x of r.invalid.slice(0, 10)) console.log(`   ${JSON.stringify(x)}`);
  }
  console.log(`recall (secrets masked): ${pct(r.recall)}  (${r.masked}/${r.secrets})`);
  console.log(`line recall (all secrets on the line masked): ${pct(r.lineRecall)}`);
  console.log(`clean lines changed: ${pct(r.cleanChangedRate)}  (${r.cleanChanged}/${r.cleanLines})`);
  table('class', r.byClass);
  table('format', r.byFormat);
  console.log('\n== clean lines changed by class');
  for (const [k, c] of Object.entries(r.cleanByClass)) console.log(`  ${k.padEnd(22)} ${c.changed}/${c.lines}`);
  console.log(`\n== missed secrets (${r.misses.length}; showing up to 60)`);
  for (const m of r.misses.slice(0, 60)) {
    console.log(`- [${m.cls} / ${m.format}] secret: ${trunc(m.secret, 120)}`);
    console.log(`    in:  ${trunc(m.line)}`);
    if (m.output !== m.line) console.log(`    out: ${trunc(m.output)}`);
  }
  console.log(`\n== changed clean lines (${r.falsePositives.length}; showing up to 60)`);
  for (const f of r.falsePositives.slice(0, 60)) {
    console.log(`- [${f.cls} / ${f.format}]`);
    console.log(`    before: ${trunc(f.before)}`);
    console.log(`    after:  ${trunc(f.after)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seed = Number(process.argv[2] ?? 7);
  printReport('blind corpus', seed, blindCorpus(seed));
}
