// Evaluate logveil on the second blind corpus (blind2), with the first corpus's evaluator.
//   npx tsx test/corpus/blind2/evaluate.ts [seed]
import { fileURLToPath } from 'node:url';
import { evaluateBlind, printReport, type BlindResult } from '../blind/evaluate.js';
import { blind2Corpus } from './corpus.js';

/** The numbers of blind2 (seed 5 unless given a corpus). */
export function evaluateBlind2(corpus = blind2Corpus()): BlindResult {
  return evaluateBlind(corpus);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seed = Number(process.argv[2] ?? 5);
  printReport('blind2 corpus', seed, blind2Corpus(seed));
}
