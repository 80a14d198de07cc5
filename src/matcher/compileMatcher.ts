/**
 * Rules → one immutable matcher: prefilter over the whole buffer, verification of candidate
 * lines only, overlap resolution. Nothing here allocates per clean line.
 */
import { debuglog } from 'node:util';
import type { Rule } from '../rules/rule.js';
import { compileRule, type CompiledRule } from './compileRule.js';
import { compilePrefilter, type Keyword, type Prefilter } from './prefilter.js';
import { resolveOverlaps, type Span } from './span.js';
import { verifyLine } from './verifyLine.js';
import { findInEscapedLines, hasEscapes } from './escapedLines.js';
import { RuleError } from '../errors.js';
import { RuleSets } from './ruleSets.js';

const debug = debuglog('logveil');

/**
 * A compiled, immutable set of rules.
 *
 * @example
 * const matcher = compileMatcher(builtinRules);
 * const spans = matcher.findSpans(Buffer.from('token=ghp_…'));
 */
export interface Matcher {
  readonly rules: readonly CompiledRule[];
  /**
   * The secrets in `buf`: byte spans, sorted, merged where they overlap. Rules see one line
   * at a time (lines end at `\n`), so no span crosses a line break. The returned array is
   * fresh; the empty result is a shared frozen array.
   */
  findSpans(buf: Buffer, watch?: LineWatch): readonly Span[];
}

/**
 * Asks `findSpans` to report every line on which `rule` was a candidate (its keyword
 * occurs), whether or not it matched: the stream layer watches the private-key rule to find
 * the BEGIN lines of multi-line PEM blocks without a second pass over the bytes.
 */
export interface LineWatch {
  readonly rule: number;
  onLine(lineStart: number, lineEnd: number): void;
}

const NO_SPANS: readonly Span[] = Object.freeze([]);

/** Validates and compiles `rules` (throws `RuleError` naming the first bad rule). */
export function compileMatcher(rules: readonly Rule[]): Matcher {
  const compiled: CompiledRule[] = [];
  const ids = new Set<string>();
  rules.forEach((rule, i) => {
    const c = compileRule(rule, i);
    if (ids.has(c.rule.id)) throw new RuleError('LOGVEIL_RULE_DUPLICATE_ID', c.rule.id, 'another rule has the same id');
    ids.add(c.rule.id);
    compiled.push(c);
  });
  if (compiled.length === 0) {
    debug('matcher: no rules, pass-through');
    return { rules: compiled, findSpans: () => NO_SPANS };
  }
  // Distinct keywords (by text and case mode) and, for each, the rules it makes candidates.
  const keywordIds = new Map<string, number>();
  const keywords: Keyword[] = [];
  const rulesOf: number[][] = [];
  for (const c of compiled) {
    for (const text of c.keywords) {
      const key = `${c.caseSensitive ? 'E' : 'I'}${text}`;
      let id = keywordIds.get(key);
      if (id === undefined) {
        id = keywords.length;
        keywordIds.set(key, id);
        keywords.push({ text, caseSensitive: c.caseSensitive });
        rulesOf.push([]);
      }
      rulesOf[id]!.push(c.index);
    }
  }
  const rulesOfKeyword = rulesOf.map((r) => Int32Array.from(r));
  const prefilter = compilePrefilter(keywords);
  const everyLine = Int32Array.from(compiled.filter((c) => c.everyLine).map((c) => c.index));
  debug(
    'matcher: %d rules, %d keywords, %d every-line rules, strategy %s + per-line RE2 verification%s',
    compiled.length, prefilter.keywordCount, everyLine.length, prefilter.strategy, everyLine.length > 0 ? ' + every line through the every-line rules' : '',
  );

  const verifyCandidates = candidateVerifier(compiled, rulesOfKeyword);
  const raw = everyLine.length > 0 ? everyLineMatcher(compiled, prefilter, verifyCandidates, everyLine) : {
    rules: compiled,
    findSpans(buf: Buffer, watch?: LineWatch): readonly Span[] {
      let spans: Span[] | undefined;
      prefilter.scan(buf, (lineStart, lineEnd, ids) => {
        const ran = verifyCandidates(buf, lineStart, lineEnd, ids, () => (spans ??= []));
        if (watch !== undefined && ran(watch.rule)) watch.onLine(lineStart, lineEnd);
      });
      if (spans === undefined || spans.length === 0) return NO_SPANS;
      return resolveOverlaps(spans);
    },
  };
  return withEscapedLines(raw);
}

/**
 * `matcher`, plus what it finds in lines whose text hides behind `\uXXXX` escapes (see
 * `escapedLines.ts`). PERF: a buffer without `\u00` costs one `indexOf` more.
 */
function withEscapedLines(matcher: Matcher): Matcher {
  const findRaw = (line: Buffer) => matcher.findSpans(line);
  return {
    rules: matcher.rules,
    findSpans(buf, watch) {
      const spans = matcher.findSpans(buf, watch);
      if (!hasEscapes(buf)) return spans;
      const extra: Span[] = [];
      findInEscapedLines(buf, findRaw, extra);
      return extra.length === 0 ? spans : resolveOverlaps([...spans, ...extra]);
    },
  };
}

/**
 * Runs, on one candidate line, every rule of the keywords the prefilter saw there, each rule
 * once. Returns whether a given rule ran on the line (for `LineWatch`). Spans go to the array
 * `spans()` gives (created on the first span only).
 */
function candidateVerifier(compiled: readonly CompiledRule[], rulesOfKeyword: readonly Int32Array[]) {
  // Per-line state, reused: the matcher runs synchronously, one buffer at a time.
  const stamp = new Int32Array(compiled.length);
  let generation = 0;
  const ran = (rule: number) => stamp[rule] === generation;
  return (buf: Buffer, lineStart: number, lineEnd: number, ids: readonly number[], spans: () => Span[]): ((rule: number) => boolean) => {
    if (++generation === 0x7fffffff) {
      generation = 1;
      stamp.fill(0);
    }
    for (const id of ids) {
      const rules = rulesOfKeyword[id]!;
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i]!;
        if (stamp[r] === generation) continue;
        stamp[r] = generation;
        verifyLine(compiled[r]!, buf, lineStart, lineEnd, spans());
      }
    }
    return ran;
  };
}

/** Lines are handed to the keyword-less rules' RE2.Set in chunks of about this many bytes. */
const EVERY_LINE_CHUNK = 64 * 1024;

/**
 * The matcher when some rules have no keyword (`Rule.everyLine`): those rules could match on
 * any line; the keyword rules still run on the prefilter's candidate lines only. Kept apart
 * from the plain matcher above so the built-in catalog (every rule has keywords) pays nothing
 * for it. PERF: one RE2 call per line and every-line rule made 2,000 keyword-less rules (a
 * gitleaks config's generic rules) run at 0.04 MB/s; now one RE2.Set pass over each chunk of
 * lines names the rules that match in it (ruleSets.ts), and only those run, line by line.
 */
function everyLineMatcher(compiled: readonly CompiledRule[], prefilter: Prefilter, verifyCandidates: ReturnType<typeof candidateVerifier>, everyLine: Int32Array): Matcher {
  const sets = new RuleSets([...everyLine].map((r) => compiled[r]!).filter((c) => c.detector === undefined), true);
  const detectors = [...everyLine].filter((r) => compiled[r]!.detector !== undefined);
  return {
    rules: compiled,
    findSpans(buf, watch) {
      const spans: Span[] = [];
      const length = buf.length;
      // The chunk [chunkStart, chunkEnd) of whole lines, and the every-line rules that may match in it.
      let chunkEnd = 0;
      let active: number[] = [];
      const nextChunk = (): void => {
        const chunkStart = chunkEnd;
        const cut = buf.indexOf(10, Math.min(length, chunkStart + EVERY_LINE_CHUNK));
        chunkEnd = cut === -1 ? length : cut + 1;
        active = [...detectors];
        sets.match(chunkStart === 0 && chunkEnd === length ? buf : buf.subarray(chunkStart, chunkEnd), (r) => active.push(r));
      };
      // Lines before `next` have been through the every-line rules.
      let next = 0;
      const everyLineUpTo = (end: number): void => {
        while (next < end) {
          if (next >= chunkEnd) nextChunk();
          if (active.length === 0) {
            next = chunkEnd; // nothing in this chunk can match
            continue;
          }
          let lineEnd = buf.indexOf(10, next);
          if (lineEnd === -1) lineEnd = length;
          if (lineEnd > next) for (const r of active) verifyLine(compiled[r]!, buf, next, lineEnd, spans);
          next = lineEnd + 1;
        }
      };
      prefilter.scan(buf, (lineStart, lineEnd, ids) => {
        everyLineUpTo(lineStart);
        const ran = verifyCandidates(buf, lineStart, lineEnd, ids, () => spans);
        everyLineUpTo(lineEnd);
        if (watch !== undefined && ran(watch.rule)) watch.onLine(lineStart, lineEnd);
      });
      everyLineUpTo(length);
      return spans.length === 0 ? NO_SPANS : resolveOverlaps(spans);
    },
  };
}
