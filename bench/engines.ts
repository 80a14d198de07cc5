/**
 * The engines the benchmarks compare, all over the same rules and all producing the same
 * answer: the number of secret spans (validated, merged per line). Each returns that count so
 * the benchmark can assert it — a fast engine that finds less cannot win.
 *
 * - logveil: the compiled matcher (keyword prefilter → per-line RE2 verification).
 * - naive: every rule as a JS RegExp, applied line by line to the decoded text.
 * - re2-set: RE2.Set per line (sharded: one set of ~200 programs exceeds RE2's memory
 *   budget), then each flagged rule's RE2 on that line.
 * - re2-alternation: one RE2 program, the alternation of every rule, over the whole buffer.
 */
import RE2 from 're2';
import { compileMatcher } from '../src/matcher/compileMatcher.js';
import { compileRule, type CompiledRule } from '../src/matcher/compileRule.js';
import { resolveOverlaps, type Span } from '../src/matcher/span.js';
import { verifyLine } from '../src/matcher/verifyLine.js';
import { passesValidation } from '../src/matcher/validators.js';
import type { Rule } from '../src/rules/rule.js';

export interface Engine {
  readonly name: string;
  /** Number of merged secret spans in `buf`. */
  count(buf: Buffer): number;
}

export function logveilEngine(rules: readonly Rule[]): Engine {
  const matcher = compileMatcher(rules);
  return { name: 'logveil', count: (buf) => matcher.findSpans(buf).length };
}

/** RE2 pattern → JS RegExp, or undefined when JS cannot express it (inline flag groups). */
export function toJsRegExp(pattern: string): RegExp | undefined {
  let source = pattern;
  let flags = 'gd';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags += 'i';
  }
  source = source.replace(/\\z/g, '$').replace(/\(\?P</g, '(?<').replace(/\(\?m:\$\)/g, '$');
  // (?-i:…) is a no-op when the pattern as a whole is case-sensitive.
  if (!flags.includes('i')) source = source.replace(/\(\?-i:/g, '(?:');
  if (/\(\?[a-zA-Z-]+[:)]/.test(source)) return undefined;
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

/** The rules every engine can run (the naive engine needs a JS RegExp for each). */
export function comparableRules(rules: readonly Rule[]): { kept: Rule[]; dropped: string[] } {
  const kept = rules.filter((r) => toJsRegExp(r.pattern) !== undefined);
  const dropped = rules.filter((r) => toJsRegExp(r.pattern) === undefined).map((r) => r.id);
  return { kept, dropped };
}

export function naiveEngine(rules: readonly Rule[]): Engine {
  const compiled = rules.map((r, i) => ({ c: compileRule(r, i), re: toJsRegExp(r.pattern)! }));
  return {
    name: 'naive JS RegExp per line',
    count(buf) {
      let total = 0;
      const spans: Span[] = [];
      for (const line of buf.toString('utf8').split('\n')) {
        spans.length = 0;
        for (const { c, re } of compiled) {
          re.lastIndex = 0;
          for (let m = re.exec(line); m !== null; m = re.exec(line)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            for (const g of c.secretGroups) {
              const r = m.indices![g];
              if (r === undefined) continue;
              const secret = Buffer.from(line.slice(r[0], r[1]));
              if (r[1] > r[0] && passesValidation(c, secret, 0, secret.length)) spans.push({ start: r[0], end: r[1], rule: c.index });
              break;
            }
          }
        }
        total += resolveOverlaps(spans).length;
      }
      return total;
    },
  };
}

export function re2SetEngine(rules: readonly Rule[], shardSize = 16): Engine {
  const compiled = rules.map((r, i) => compileRule(r, i));
  const shards: { set: InstanceType<typeof RE2.Set>; rules: CompiledRule[] }[] = [];
  for (let i = 0; i < compiled.length; i += shardSize) {
    const part = compiled.slice(i, i + shardSize);
    shards.push({ set: new RE2.Set(part.map((c) => c.rule.pattern)), rules: part });
  }
  return {
    name: `RE2.Set per line (${shards.length} shards)`,
    count(buf) {
      let total = 0;
      const spans: Span[] = [];
      let start = 0;
      while (start < buf.length) {
        let end = buf.indexOf(10, start);
        if (end === -1) end = buf.length;
        const line = buf.subarray(start, end);
        spans.length = 0;
        for (const shard of shards) {
          const hits: number[] = shard.set.match(line);
          for (const h of hits) verifyLine(shard.rules[h]!, buf, start, end, spans);
        }
        if (spans.length > 0) total += resolveOverlaps(spans).length;
        start = end + 1;
      }
      return total;
    },
  };
}

/** One RE2 program: `(p1)|(p2)|…` over the whole buffer; the group that took part says which rule. */
export function re2AlternationEngine(rules: readonly Rule[]): Engine | { name: string; error: string } {
  const compiled = rules.map((r, i) => compileRule(r, i));
  const bases: number[] = [];
  let group = 1;
  const parts = compiled.map((c) => {
    bases.push(group);
    const groups = new RE2(`(?:${c.rule.pattern})|`).exec('')!.length - 1;
    group += 1 + groups;
    return `((?m)${c.rule.pattern})`;
  });
  let program: RE2;
  try {
    program = new RE2(parts.join('|'), 'gd');
  } catch (err) {
    return { name: 'one RE2 alternation', error: (err as Error).message };
  }
  return {
    name: 'one RE2 alternation',
    count(buf) {
      const spans: Span[] = [];
      program.lastIndex = 0;
      for (let m = program.exec(buf); m !== null; m = program.exec(buf)) {
        const idx = m.indices!;
        let rule = -1;
        for (let i = 0; i < bases.length; i++) if (idx[bases[i]!] !== undefined) { rule = i; break; }
        if (rule < 0) continue;
        const c = compiled[rule]!;
        for (const g of c.secretGroups) {
          const r = idx[bases[rule]! + g];
          if (r === undefined) continue;
          if (r[1] > r[0] && passesValidation(c, buf, r[0], r[1])) spans.push({ start: r[0], end: r[1], rule });
          break;
        }
        if (idx[0]![1] === idx[0]![0]) program.lastIndex++;
      }
      return resolveOverlaps(spans).length;
    },
  };
}
