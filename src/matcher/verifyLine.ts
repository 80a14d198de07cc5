/**
 * Verification: run one compiled rule's RE2 program over one line and collect the spans of
 * its secrets that pass validation and no allowlist allows. Shared by the matcher (on
 * candidate lines only) and by the reference engine the tests compare it with (on every line).
 */
import type RE2 from 're2';
import { isAllowlisted } from './allowlist.js';
import type { CompiledRule } from './compileRule.js';
import type { Span } from './span.js';
import { contextPairs, reports } from '../context/index.js';
import { passesValidation } from './validators.js';

/**
 * Appends to `out` every validated secret span of `rule` within `buf[lineStart, lineEnd)`.
 * Offsets in the spans are relative to `buf`. The line excludes its `\n`. The secret is the
 * first of `rule.secretGroups` that took part in the match with a non-empty value.
 */
export function verifyLine(rule: CompiledRule, buf: Buffer, lineStart: number, lineEnd: number, out: Span[]): void {
  // A built-in rule's program is built by this read on its first candidate line (compileRule.ts).
  const program = rule.program;
  if (program === undefined) {
    verifyPairs(rule, buf, lineStart, lineEnd, out);
    return;
  }
  const line = lineStart === 0 && lineEnd === buf.length ? buf : buf.subarray(lineStart, lineEnd);
  eachMatch(program, line, (indices) => acceptMatch(rule, buf, lineStart, lineEnd, indices, lineStart, out));
}

/** The match indices of a match, relative to the text matched. */
export type MatchIndices = readonly ([number, number] | undefined)[];

/**
 * Calls `onMatch` with the indices of every non-empty match of the global program `program`
 * in `text`, in order. An empty match is stepped over (compileRule rejects patterns that make
 * one; this is the backstop against looping on it).
 */
export function eachMatch(program: RE2, text: Buffer, onMatch: (indices: MatchIndices) => void): void {
  program.lastIndex = 0;
  for (;;) {
    const m = program.exec(text);
    if (m === null) return;
    const indices = m.indices!;
    const whole = indices[0]!;
    if (whole[1] === whole[0]) {
      program.lastIndex = whole[1] + 1;
      if (program.lastIndex > text.length) return;
      continue;
    }
    onMatch(indices);
  }
}

/**
 * The secret of one match (`indices` relative to `base` in `buf`) on the line
 * `buf[lineStart, lineEnd)`, appended to `out` when it passes validation and no allowlist
 * allows it: the first of `rule.secretGroups` that took part in the match with a non-empty
 * value. Shared by the line-by-line loop above and the matcher's runs over several lines.
 */
export function acceptMatch(rule: CompiledRule, buf: Buffer, lineStart: number, lineEnd: number, indices: MatchIndices, base: number, out: Span[]): void {
  const whole = indices[0]!;
  for (const g of rule.secretGroups) {
    const r = indices[g];
    if (r === undefined || r[1] === r[0]) continue;
    const start = base + r[0];
    const end = base + r[1];
    if (
      passesValidation(rule, buf, start, end) &&
      (rule.allowlists === undefined ||
        !isAllowlisted(rule.allowlists, buf, { lineStart, lineEnd, matchStart: base + whole[0], matchEnd: base + whole[1], secretStart: start, secretEnd: end }))
    ) {
      out.push({ start, end, rule: rule.index });
    }
    return;
  }
}

/** A detector rule: the context engine's pairs of its kind (the engine runs once per line). */
function verifyPairs(rule: CompiledRule, buf: Buffer, lineStart: number, lineEnd: number, out: Span[]): void {
  const detector = rule.detector!;
  for (const pair of contextPairs(buf, lineStart, lineEnd)) {
    if (!reports(detector, pair)) continue;
    if (rule.allowlists !== undefined && isAllowlisted(rule.allowlists, buf, { lineStart, lineEnd, matchStart: pair.start, matchEnd: pair.end, secretStart: pair.start, secretEnd: pair.end })) continue;
    out.push({ start: pair.start, end: pair.end, rule: rule.index });
  }
}
