/**
 * Prints how the current engine does on the log zoo: recall and changed clean lines overall,
 * by class, by format and by false-positive class (stream mode, with the line-by-line
 * numbers after), then up to K missed secrets and changed clean lines, truncated to 300
 * characters, so the engine author can see what to work on.
 *
 *   npx tsx test/corpus/logZoo/report.ts [--seed N] [--lines N] [--misses K] [--class C] [--format F] [--mode stream|line|both]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_LINES, DEFAULT_SEED, generateLogZoo } from './index.js';
import { formatExamples, formatSummary, type Mode, recall, redactAsStream, redactLineByLine, score, summarize, changedShare } from './evaluate.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    lines: { type: 'string', default: String(DEFAULT_LINES) },
    misses: { type: 'string', default: '10' },
    class: { type: 'string' },
    format: { type: 'string' },
    mode: { type: 'string', default: 'both' },
  },
});

const seed = Number(values.seed);
const count = Number(values.lines);
const k = Number(values.misses);
const modes: Mode[] = values.mode === 'both' ? ['stream', 'line'] : [values.mode as Mode];

const t0 = performance.now();
const zoo = generateLogZoo(seed, count);
const secretLines = zoo.filter((l) => l.secrets.length > 0).length;
const formats = new Set(zoo.map((l) => l.format)).size;
console.log(`log zoo: seed ${seed}, ${zoo.length} lines in ${formats} formats, ${secretLines} with secrets (${((100 * secretLines) / zoo.length).toFixed(1)}%), generated in ${Math.round(performance.now() - t0)} ms\n`);

const filter = { ...(values.class ? { cls: values.class } : {}), ...(values.format ? { format: values.format } : {}) };
const headline: string[] = [];
for (const mode of modes) {
  const t1 = performance.now();
  const outputs = mode === 'stream' ? await redactAsStream(zoo) : redactLineByLine(zoo);
  const outcomes = score(zoo, outputs, mode);
  const s = summarize(outcomes, mode);
  console.log(`${formatSummary(s)}\n(redacted in ${Math.round(performance.now() - t1)} ms)\n`);
  if (k > 0) console.log(`${formatExamples(outcomes, k, filter)}\n`);
  headline.push(`${mode}: recall ${(100 * recall(s.overall)).toFixed(2)}%, clean lines changed ${(100 * changedShare(s.overall)).toFixed(3)}%`);
}
console.log(headline.join('\n'));
