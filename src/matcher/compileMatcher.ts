/**
 * Rules → one immutable matcher: prefilter over the whole buffer, verification of candidate
 * lines only, overlap resolution. Nothing here allocates per clean line.
 */
import { debuglog } from 'node:util';
import type { Rule } from '../rules/rule.js';
import { compileRule, type CompiledRule } from './compileRule.js';
import { compilePrefilter, type Keyword } from './prefilter.js';
import { resolveOverlaps, type Span } from './span.js';
import { verifyLine } from './verifyLine.js';
import { RuleError } from '../errors.js';

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
  debug('matcher: %d rules, %d keywords, strategy re2-keyword-scan + re2-set-per-line + per-line RE2 verification', compiled.length, prefilter.keywordCount);

  // Per-scan state, reused: the matcher runs synchronously, one buffer at a time.
  const stamp = new Int32Array(compiled.length);
  let generation = 0;

  return {
    rules: compiled,
    findSpans(buf, watch) {
      let spans: Span[] | undefined;
      prefilter.scan(buf, (lineStart, lineEnd, ids) => {
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
            verifyLine(compiled[r]!, buf, lineStart, lineEnd, (spans ??= []));
          }
        }
        if (watch !== undefined && stamp[watch.rule] === generation) watch.onLine(lineStart, lineEnd);
      });
      if (spans === undefined || spans.length === 0) return NO_SPANS;
      return resolveOverlaps(spans);
    },
  };
}
