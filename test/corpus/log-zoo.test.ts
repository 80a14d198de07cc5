/**
 * The log zoo (issue 12): 24,000 seeded, labelled lines in more than 25 formats, written from
 * what real logs look like rather than from the engine. Every line goes through one
 * redactor — once as one stream (state carries across lines: PEM blocks, values learned
 * earlier) and once line by line with `redact()` — and the floors below must hold overall
 * and for every leak class. On failure the test prints the rows that fall short and a few
 * examples; `npx tsx test/corpus/logZoo/report.ts` prints everything.
 *
 * The zoo was written before the engine was tuned, but the engine was then tuned on it: its
 * numbers are a regression floor and a tuning aid, not a held-out score.
 */
import { describe, expect, it } from 'vitest';
import { changedShare, formatExamples, formatSummary, type Mode, type Outcome, recall, redactAsStream, redactLineByLine, score, summarize } from './logZoo/evaluate.js';
import { DEFAULT_LINES, DEFAULT_SEED, generateLogZoo } from './logZoo/index.js';

/**
 * Floors under what the engine reaches today (stream: 99.15% overall, every class ≥ 93.3%,
 * 3 of 19,768 clean lines changed), so a regression fails. The targets are 99.5% in
 * every class and 0.01% of clean lines: not met yet — most of what is left are command-line
 * values that `kubectl describe` prints on a line of their own, after their option's line
 * (a value with no key on its line: see README "Not detected").
 */
const MIN_RECALL = 0.99;
/** Per class: the weakest (command lines, see above) stays above this. */
const MIN_CLASS_RECALL = 0.93;
/** Share of clean lines that may change at all. */
const MAX_CHANGED_CLEAN = 0.0002;

const zoo = generateLogZoo(DEFAULT_SEED, DEFAULT_LINES);

function check(outcomes: readonly Outcome[], mode: Mode): void {
  const s = summarize(outcomes, mode);
  const weakClasses = [...s.byClass].filter(([, t]) => recall(t) < MIN_CLASS_RECALL).map(([c, t]) => `${c} ${(100 * recall(t)).toFixed(1)}%`);
  const failing = recall(s.overall) < MIN_RECALL || changedShare(s.overall) > MAX_CHANGED_CLEAN || weakClasses.length > 0;
  if (failing) console.log(`${formatSummary(s, true)}\n\n${formatExamples(outcomes, 6)}`);
  expect(recall(s.overall), `${mode}: overall recall`).toBeGreaterThanOrEqual(MIN_RECALL);
  expect(changedShare(s.overall), `${mode}: share of clean lines changed`).toBeLessThanOrEqual(MAX_CHANGED_CLEAN);
  expect(weakClasses, `${mode}: classes under ${100 * MIN_CLASS_RECALL}% recall`).toEqual([]);
}

describe('log zoo', () => {
  it('masks the secrets and leaves clean lines alone, through one stream', async () => {
    check(score(zoo, await redactAsStream(zoo), 'stream'), 'stream');
  });

  it('masks the secrets and leaves clean lines alone, line by line with redact()', () => {
    check(score(zoo, redactLineByLine(zoo), 'line'), 'line');
  });
});
