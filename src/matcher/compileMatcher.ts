/**
 * Rules → one immutable matcher: prefilter over the whole buffer, verification of candidate
 * lines only, overlap resolution. Nothing here allocates per clean line.
 */
import { debuglog } from 'node:util';
import RE2 from 're2';
import type { Rule } from '../rules/rule.js';
import { compileRule, type CompiledRule } from './compileRule.js';
import { compilePrefilter, type Keyword, type Prefilter } from './prefilter.js';
import { resolveOverlaps, type Span } from './span.js';
import { acceptMatch, eachMatch, type MatchIndices, verifyLine } from './verifyLine.js';
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
    'matcher: %d rules, %d keywords, %d every-line rules, strategy %s + RE2 verification of candidate lines (adjacent ones as runs)%s',
    compiled.length, prefilter.keywordCount, everyLine.length, prefilter.strategy, everyLine.length > 0 ? ' + every line through the every-line rules' : '',
  );

  const verifier = new CandidateVerifier(compiled, rulesOfKeyword);
  const raw = everyLine.length > 0 ? everyLineMatcher(compiled, prefilter, verifier, everyLine) : {
    rules: compiled,
    findSpans(buf: Buffer, watch?: LineWatch): readonly Span[] {
      let spans: Span[] | undefined;
      const out = () => (spans ??= []);
      prefilter.scan(buf, (lineStart, lineEnd, ids) => {
        if (verifier.add(buf, lineStart, lineEnd, ids, out, watch?.rule ?? -1)) watch!.onLine(lineStart, lineEnd);
      });
      verifier.flush(buf, out);
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

/** A run of adjacent candidate lines verified together holds at most this many lines and bytes. */
const BATCH_LINES = 256;
const BATCH_BYTES = 64 * 1024;
/** `\A` and `\z` mean the line's edges to a rule, the run's edges to one program over a run. */
const TEXT_EDGES = /\\[Az]/;

/**
 * Verification of the prefilter's candidate lines: every rule of the keywords seen on a line
 * runs there, each rule once. PERF: a rule's RE2 call costs ~0.3 µs before it reads a byte,
 * so logs whose every line is a candidate (tiny lines of `AKIA ghp_ eyJ`, written by whoever
 * can write to the log) cost that per rule and line. Adjacent candidate lines are therefore
 * verified as a run: a rule that is a candidate on several lines of a run runs once over
 * them, multi-line (`^`/`$` at line breaks), and its matches are taken line by line. A match
 * that crosses a line break — which a rule on one line could not make, and which could hide
 * a match of its own — sends the lines it touches back to the rule one line at a time. What
 * is found is exactly what the rules find line by line (property-tested against the
 * reference engine).
 */
class CandidateVerifier {
  /** stamp[rule] === generation: the rule is a candidate on the line added last. */
  private readonly stamp: Int32Array;
  private generation = 0;
  /**
   * The run: its lines' bounds, and their candidate rules — line i's are
   * `rules[first[i], first[i + 1])`. PERF: flat, reused arrays (no allocation per line).
   */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly first: number[] = [0];
  private readonly rules: number[] = [];
  private bytes = 0;
  /** Per rule, the run's lines it is a candidate on (indices into the run), for `flush`. */
  private readonly linesOf: (number[] | undefined)[];
  /** Multi-line programs, built on first use. */
  private readonly multi: (RE2 | undefined)[];

  constructor(
    private readonly compiled: readonly CompiledRule[],
    private readonly rulesOfKeyword: readonly Int32Array[],
  ) {
    this.stamp = new Int32Array(compiled.length);
    this.linesOf = new Array(compiled.length);
    this.multi = new Array(compiled.length);
  }

  /**
   * Adds a candidate line of `buf` (the one `flush` will verify: one buffer per run). Returns
   * whether `rule` is a candidate on it (for `LineWatch`).
   */
  add(buf: Buffer, lineStart: number, lineEnd: number, ids: readonly number[], spans: () => Span[], watchRule: number): boolean {
    const n = this.starts.length;
    if (n > 0 && (lineStart !== this.ends[n - 1]! + 1 || n >= BATCH_LINES || this.bytes >= BATCH_BYTES)) this.flush(buf, spans);
    if (++this.generation === 0x7fffffff) {
      this.generation = 1;
      this.stamp.fill(0);
    }
    const stamp = this.stamp;
    const generation = this.generation;
    const rules = this.rules;
    for (const id of ids) {
      const of = this.rulesOfKeyword[id]!;
      for (let i = 0; i < of.length; i++) {
        const r = of[i]!;
        if (stamp[r] === generation) continue;
        stamp[r] = generation;
        rules.push(r);
      }
    }
    this.starts.push(lineStart);
    this.ends.push(lineEnd);
    this.first.push(rules.length);
    this.bytes += lineEnd - lineStart + 1;
    return watchRule >= 0 && stamp[watchRule] === generation;
  }

  /** Verifies the run and empties it. */
  flush(buf: Buffer, spans: () => Span[]): void {
    const { starts, ends, first, rules, compiled } = this;
    const n = starts.length;
    if (n === 0) return;
    if (n === 1) {
      for (let k = 0; k < rules.length; k++) verifyLine(compiled[rules[k]!]!, buf, starts[0]!, ends[0]!, spans());
    } else {
      const touched: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let k = first[i]!; k < first[i + 1]!; k++) {
          const r = rules[k]!;
          let lines = this.linesOf[r];
          if (lines === undefined) {
            lines = this.linesOf[r] = [];
            touched.push(r);
          }
          lines.push(i);
        }
      }
      for (const r of touched) {
        const lines = this.linesOf[r]!;
        this.linesOf[r] = undefined;
        const c = compiled[r]!;
        const first = starts[lines[0]!]!;
        const last = ends[lines[lines.length - 1]!]!;
        let own = 0;
        for (const i of lines) own += ends[i]! - starts[i]! + 1;
        // One line, a detector rule, a rule about the text's edges, or lines far apart: one line at a time.
        if (lines.length < 2 || c.detector !== undefined || TEXT_EDGES.test(c.rule.pattern!) || last - first > 4 * own + 4096) {
          for (const i of lines) verifyLine(c, buf, starts[i]!, ends[i]!, spans());
        } else {
          this.verifyRun(c, buf, lines, first, last, spans);
        }
      }
    }
    starts.length = 0;
    ends.length = 0;
    first.length = 1;
    rules.length = 0;
    this.bytes = 0;
  }

  /** Rule `c` once over `buf[first, last)`, the run's lines `lines` its candidates (see the class comment). */
  private verifyRun(c: CompiledRule, buf: Buffer, lines: readonly number[], first: number, last: number, spans: () => Span[]): void {
    const { starts, ends } = this;
    const program = (this.multi[c.index] ??= new RE2(c.rule.pattern!, 'gdm'));
    const text = buf.subarray(first, last);
    // The run's line holding byte `pos` (a line break belongs to the line before it).
    const lineOf = (pos: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const found: { line: number; indices: MatchIndices }[] = [];
    const oneByOne = new Set<number>();
    eachMatch(program, text, (indices) => {
      const whole = indices[0]!;
      const line = lineOf(first + whole[0]);
      if (first + whole[1] > ends[line]!) {
        // Across a line break: those lines go back to the rule one at a time.
        for (let k = line, end = lineOf(first + whole[1] - 1); k <= end; k++) oneByOne.add(k);
        return;
      }
      found.push({ line, indices });
    });
    const candidate = new Set(lines);
    for (const f of found) {
      if (oneByOne.has(f.line) || !candidate.has(f.line)) continue;
      acceptMatch(c, buf, starts[f.line]!, ends[f.line]!, f.indices, first, spans());
    }
    for (const k of oneByOne) if (candidate.has(k)) verifyLine(c, buf, starts[k]!, ends[k]!, spans());
  }
}

/** Lines are handed to the keyword-less rules' RE2.Set in chunks of about this many bytes. */
const EVERY_LINE_CHUNK = 64 * 1024;

/**
 * The matcher when some rules have no keyword (`Rule.everyLine`): those rules could match on
 * any line; the keyword rules still run on the prefilter's candidate lines only. Kept apart
 * from the plain matcher above so the built-in catalog (every rule has keywords) pays nothing
 * for it. PERF: one RE2 call per line and every-line rule made 2,000 keyword-less rules (a
 * gitleaks config's generic rules) run at 0.04 MB/s; now one RE2.Set pass over each chunk of
 * lines names the rules that match in it (ruleSets.ts), and only those run. A pattern rule
 * runs once over the whole chunk, multi-line, its matches taken line by line, and the lines a
 * match across a line break touches go back to it one at a time (as `verifyRun` does for
 * candidate lines); detector rules and rules about the text's edges (`\A`, `\z`) run line by
 * line. Measured with the opt-in PII pack (five every-line rules) on the 20 MB bench corpus
 * with a PII line every 100 lines (every chunk active), `redactBuffer` against the default
 * catalog alone: 0.40× line by line, see the PII pack's header for the chunk run's figure.
 */
function everyLineMatcher(compiled: readonly CompiledRule[], prefilter: Prefilter, verifier: CandidateVerifier, everyLine: Int32Array): Matcher {
  const sets = new RuleSets([...everyLine].map((r) => compiled[r]!).filter((c) => c.detector === undefined), true);
  const detectors = [...everyLine].filter((r) => compiled[r]!.detector !== undefined);
  /** Per rule: run over a whole chunk (a pattern rule not about the text's edges). */
  const byChunk = compiled.map((c) => c.everyLine && c.detector === undefined && !TEXT_EDGES.test(c.rule.pattern!));
  /** Multi-line programs of the rules run over whole chunks, built on first use. */
  const multi: (RE2 | undefined)[] = new Array(compiled.length);
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
        const chunk = chunkStart === 0 && chunkEnd === length ? buf : buf.subarray(chunkStart, chunkEnd);
        sets.match(chunk, (r) => {
          if (byChunk[r]) verifyChunk(compiled[r]!, (multi[r] ??= new RE2(compiled[r]!.rule.pattern!, 'gdm')), buf, chunk, chunkStart, spans);
          else active.push(r);
        });
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
      const out = () => spans;
      prefilter.scan(buf, (lineStart, lineEnd, ids) => {
        everyLineUpTo(lineStart);
        const watched = verifier.add(buf, lineStart, lineEnd, ids, out, watch?.rule ?? -1);
        everyLineUpTo(lineEnd);
        if (watched) watch!.onLine(lineStart, lineEnd);
      });
      verifier.flush(buf, out);
      everyLineUpTo(length);
      return spans.length === 0 ? NO_SPANS : resolveOverlaps(spans);
    },
  };
}

/**
 * Every-line rule `c` once over the chunk `chunk` = `buf[chunkStart, …)` of whole lines, with
 * its multi-line `program`: a match within one line is taken as that line's; the lines a match
 * across a line break touches go back to the rule one at a time (such a match could hide one
 * of the line's own), and that rule's other matches on them are dropped. Finds exactly what
 * the rule finds line by line (the argument of `CandidateVerifier.verifyRun`).
 */
function verifyChunk(c: CompiledRule, program: RE2, buf: Buffer, chunk: Buffer, chunkStart: number, spans: Span[]): void {
  let oneByOne: Set<number> | undefined; // line starts, relative to the chunk
  const found: { lineStart: number; lineEnd: number; indices: MatchIndices }[] = [];
  // The line of the last match. PERF: matches come in order; looking a line's edges up once,
  // not per match, keeps a long line with many matches linear (100,000 card numbers on one
  // 2 MB line: 13.8 s when each match searched for its line's edges).
  let lineStart = 0;
  let lineEnd = -1;
  eachMatch(program, chunk, (indices) => {
    const whole = indices[0]!;
    if (whole[0] > lineEnd) {
      lineStart = whole[0] === 0 ? 0 : chunk.lastIndexOf(10, whole[0] - 1) + 1;
      lineEnd = chunk.indexOf(10, whole[0]);
      if (lineEnd === -1) lineEnd = chunk.length;
    }
    if (whole[1] <= lineEnd) {
      found.push({ lineStart, lineEnd, indices });
      return;
    }
    // Across a line break: every line it touches, one at a time.
    for (let at = lineStart; at < whole[1]; ) {
      (oneByOne ??= new Set()).add(at);
      const end = chunk.indexOf(10, at);
      if (end === -1) break;
      at = end + 1;
    }
  });
  for (const f of found) {
    if (oneByOne?.has(f.lineStart)) continue;
    acceptMatch(c, buf, chunkStart + f.lineStart, chunkStart + f.lineEnd, f.indices, chunkStart, spans);
  }
  if (oneByOne !== undefined) {
    for (const at of oneByOne) {
      let end = chunk.indexOf(10, at);
      if (end === -1) end = chunk.length;
      verifyLine(c, buf, chunkStart + at, chunkStart + end, spans);
    }
  }
}
