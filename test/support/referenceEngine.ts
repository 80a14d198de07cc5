/**
 * The reference engine the matcher is held to: every rule's RE2 program over every line,
 * no prefilter, then the same validators. Slow by design; it is the oracle for the
 * "no false negatives from the prefilter" property.
 */
import { compileRule, type CompiledRule } from '../../src/matcher/compileRule.js';
import { verifyLine } from '../../src/matcher/verifyLine.js';
import { resolveOverlaps, type Span } from '../../src/matcher/span.js';
import { findInEscapedLines } from '../../src/matcher/escapedLines.js';
import type { Rule } from '../../src/rules/rule.js';

export function compileAll(rules: readonly Rule[]): CompiledRule[] {
  return rules.map((r, i) => compileRule(r, i));
}

/**
 * Every validated span of every rule, per line, unmerged, sorted by (start, end, rule) —
 * and, as the matcher does, the spans of lines with `\uXXXX` escapes read decoded.
 */
export function referenceSpans(rules: readonly CompiledRule[], input: Buffer): Span[] {
  const out = rawReferenceSpans(rules, input);
  findInEscapedLines(input, (line) => resolveOverlaps(rawReferenceSpans(rules, line)), out);
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.rule - b.rule);
}

function rawReferenceSpans(rules: readonly CompiledRule[], input: Buffer): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  while (lineStart <= input.length) {
    let lineEnd = input.indexOf(10, lineStart);
    if (lineEnd === -1) lineEnd = input.length;
    for (const rule of rules) verifyLine(rule, input, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.rule - b.rule);
}
