/**
 * The context engine: on a candidate line, finds the values that keys name as credentials,
 * in whatever syntax the line is written (see `pairs.ts`), and says which to mask.
 *
 * Start reading at `pairs.ts` (the scanner), then `keyClass.ts` (which keys name a
 * credential: identifiers split into words, a lexicon in the major languages, provider
 * names) and `valueClass.ts` (which values are secrets: not placeholders, references or
 * structured non-secrets; entropy for weak keys). `cliFlags.ts` reads short password options
 * of common commands.
 *
 * Invariants: offsets are byte offsets into the scanned buffer (the line is read as latin1,
 * one char per byte); a span is exactly the raw bytes of the value (quotes, key and escapes
 * around it stay); every key found contains one of `CONTEXT_KEYWORDS` (the prefilter's
 * contract); the engine runs once per line however many of its rules are enabled.
 */
import { scanCommandFlags } from './cliFlags.js';
import { scanPairs, type Pair } from './pairs.js';

export { CONTEXT_KEYWORDS } from './keywords.js';
export { classifyKey, type KeyClass } from './keyClass.js';
export type { Pair, PairSyntax } from './pairs.js';

/**
 * The detectors a rule can name (`Rule.detector`): each reports the engine's pairs of one
 * kind, so that findings name what was found and each can be disabled on its own.
 */
export const CONTEXT_DETECTORS = ['json-pair', 'password-pair', 'secret-pair', 'cli-flag', 'cookie'] as const;
export type ContextDetector = (typeof CONTEXT_DETECTORS)[number];

/** Whether `detector` reports `pair`. */
export function reports(detector: ContextDetector, pair: Pair): boolean {
  switch (detector) {
    case 'json-pair':
      return pair.syntax === 'json';
    case 'cli-flag':
      return pair.syntax === 'cli';
    case 'cookie':
      return pair.syntax === 'cookie';
    case 'password-pair':
      return pair.syntax === 'assign' && pair.keyClass === 'password';
    case 'secret-pair':
      return pair.syntax === 'assign' && pair.keyClass !== 'password';
  }
}

const NO_PAIRS: readonly Pair[] = Object.freeze([]);
// PERF: the engine's rules run on the same candidate line one after the other; the last
// line's pairs are kept so the line is scanned once. Keyed by the line's bytes and offset
// (not the Buffer's identity: a caller may reuse a Buffer). Safe: matching is synchronous.
let lastLine = '';
let lastStart = -1;
let lastPairs: readonly Pair[] = NO_PAIRS;

/** The pairs of `buf[lineStart, lineEnd)` (one line, no `\n`), offsets into `buf`. */
export function contextPairs(buf: Buffer, lineStart: number, lineEnd: number): readonly Pair[] {
  const line = buf.toString('latin1', lineStart, lineEnd);
  if (lineStart === lastStart && line === lastLine) return lastPairs;
  const out: Pair[] = [];
  scanPairs(line, lineStart, out);
  scanCommandFlags(line, lineStart, out);
  lastLine = line;
  lastStart = lineStart;
  lastPairs = out.length === 0 ? NO_PAIRS : out;
  return lastPairs;
}
