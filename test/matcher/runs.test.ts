/**
 * Adjacent candidate lines are verified as runs (compileMatcher.ts, CandidateVerifier): a rule
 * that is a candidate on several lines of a run runs once over them. Property-tested against
 * the reference engine (every rule on every line, one line at a time) on inputs made of short
 * lines dense in keywords, with rules written to tempt a run: whitespace and `(?s)` that
 * cross line breaks, `^`/`$`, `\A`/`\z`, captures on either side of a line break.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/matcher/compileMatcher.js';
import { resolveOverlaps } from '../../src/matcher/span.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { referenceSpans } from '../support/referenceEngine.js';

const rule = (id: string, pattern: string, keywords: string[]): Rule => ({ id, description: '', tags: [], pattern, keywords, skipPlaceholders: false });
const tempting: Rule[] = [
  rule('ws-value', String.raw`vkey\s*=\s*([a-z0-9]{6,})`, ['vkey']),
  rule('dotall', String.raw`(?s)zq_(.{4})`, ['zq_']),
  rule('line-end', String.raw`tail_([A-Z0-9]{6})$`, ['tail_']),
  rule('line-start', String.raw`^head_([A-Z0-9]{6})`, ['head_']),
  rule('text-edges', String.raw`\Aedge_([A-Z0-9]{6})\z`, ['edge_']),
  rule('spaced', String.raw`tok\s+([A-Za-z0-9]{8})\b`, ['tok']),
];
const matcher = compileMatcher([...builtinRules, ...tempting]);

const line = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('AKIA', 'ghp_', 'eyJ', 'vkey', 'vkey =', 'zq_', 'tail_', 'head_', 'edge_', 'tok', 'tok ', 'password=', 'token=', 'xoxb-') },
    { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_=+/-]{1,24}$/) },
    { weight: 2, arbitrary: fc.constantFrom(' ', '=', ' = ', '"', ':', '\t', '\r') },
    { weight: 1, arbitrary: fc.constantFrom('AKIAIOSFODNN7EXAMPLX', 'Zq8vT2mW9kR4pL7x', 'ABC123', 'abcdef12') },
  ),
  { maxLength: 8 },
).map((parts) => parts.join(''));
const input = fc.array(line, { minLength: 2, maxLength: 40 }).map((lines) => Buffer.from(lines.join('\n')));

describe('candidate lines verified as runs', () => {
  it('find exactly what the rules find line by line', () => {
    let crossing = 0;
    let found = 0;
    fc.assert(
      fc.property(input, (buf) => {
        const expected = resolveOverlaps(referenceSpans(matcher.rules, buf));
        if (expected.length > 0) found++;
        if (/vkey\s*=?\s*\n|zq_.{0,3}\n|tok\s*\n/.test(buf.toString('latin1'))) crossing++;
        expect([...matcher.findSpans(buf)]).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
    // The inputs must exercise both: spans found, and text a run's match could cross.
    expect(found).toBeGreaterThan(300);
    expect(crossing).toBeGreaterThan(100);
  });

  it('a match across a line break gives the lines back to the rule one at a time', () => {
    // Over the run `vkey =\nabcdef12\nvkey = abcdef34` the rule's first match crosses the
    // break and would swallow nothing on line 3; line by line, line 3 holds the only secret.
    const buf = Buffer.from('vkey =\nabcdef12\nvkey = abcdef34\nzq_ab\ncd zq_efgh');
    const expected = resolveOverlaps(referenceSpans(matcher.rules, buf));
    expect(expected.map((s) => buf.subarray(s.start, s.end).toString())).toEqual(['abcdef34', 'efgh']);
    expect([...matcher.findSpans(buf)]).toEqual(expected);
  });

  it('many tiny candidate lines: the same spans as one line at a time', () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push(i % 50 === 0 ? `AKIA ghp_ eyJ tok Zq8vT2m${(i % 10).toString()}` : i % 2 ? 'AKIA ghp_ eyJ' : 'eyJ AKIA ghp_');
    const buf = Buffer.from(lines.join('\n'));
    const expected = resolveOverlaps(referenceSpans(matcher.rules, buf));
    expect(expected.length).toBe(100);
    expect([...matcher.findSpans(buf)]).toEqual(expected);
  });
});
