/**
 * Rules without keywords (`everyLine: true`) run on every line. Property-tested against the
 * reference engine with the full built-in catalog beside them: the keyword rules must keep
 * their candidate-line semantics and the every-line rules must miss no line (first, last,
 * empty, CRLF, no trailing newline).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type LineWatch } from '../../src/matcher/compileMatcher.js';
import { resolveOverlaps } from '../../src/matcher/span.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { referenceSpans } from '../support/referenceEngine.js';

const everyLineRules: Rule[] = [
  { id: 'hex32', description: '', tags: [], pattern: String.raw`\b([0-9a-f]{32})\b`, keywords: [], everyLine: true, skipPlaceholders: false },
  { id: 'tail-token', description: '', tags: [], pattern: String.raw`(?i)zz([a-z0-9]{8})\z`, keywords: [], everyLine: true },
  { id: 'head-token', description: '', tags: [], pattern: String.raw`^sec_[A-Z0-9]{10}`, keywords: [], everyLine: true },
  // `$` and `\s` meet line breaks differently in a chunk of lines than in one line (ruleSets.ts).
  { id: 'eol-value', description: '', tags: [], pattern: String.raw`vkey\s*=\s*([a-z]{6})$`, keywords: [], everyLine: true, skipPlaceholders: false },
  { id: 'start-token', description: '', tags: [], pattern: String.raw`\Aqq_([A-Z0-9]{8})`, keywords: [], everyLine: true },
];
const matcher = compileMatcher([...builtinRules, ...everyLineRules]);
const keywords = [...new Set(matcher.rules.flatMap((r) => r.keywords))];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...keywords) },
  { weight: 3, arbitrary: fc.constantFrom('=', ': ', '"', ' ', '\n', '\r\n', '\n\n', 'password=', 'sec_', 'zz', 'ZZ', 'vkey', 'vkey =\n', 'qq_', '\nqq_') },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_]{1,40}$/) },
  { weight: 2, arbitrary: fc.stringMatching(/^[0-9a-f]{32}$/) },
  { weight: 1, arbitrary: fc.constantFrom('héllo', '\u0000', '\ufffd', 'ſ') },
);
const input = fc.array(fragment, { maxLength: 30 }).map((parts) => Buffer.from(parts.join('')));

describe('every-line rules', () => {
  it('find exactly the merged reference spans, beside the built-in catalog', () => {
    let fromEveryLine = 0;
    fc.assert(
      fc.property(input, (buf) => {
        const expected = resolveOverlaps(referenceSpans(matcher.rules, buf));
        if (expected.some((s) => matcher.rules[s.rule]!.everyLine)) fromEveryLine++;
        expect([...matcher.findSpans(buf)]).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
    expect(fromEveryLine).toBeGreaterThan(50);
  });

  it('find every span in a buffer of many chunks (the RE2.Set pass runs per chunk of lines)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++) {
      const n = i.toString(36).padStart(4, '0');
      if (i % 997 === 0) lines.push(`sec_ABCD${n.toUpperCase()}Z9 tail`);
      else if (i % 1009 === 0) lines.push(`x vkey = ${'abcdef'}`);
      else if (i % 1013 === 0) lines.push(`qq_AB${n.toUpperCase()}Z9 and zz${n}abcd`);
      else if (i % 1019 === 0) lines.push(`vkey =\nabcdef`.replace('\n', ' '));
      else lines.push(`{"level":30,"msg":"request ${n} served","ms":${i % 97}}`);
    }
    const buf = Buffer.from(lines.join('\n'));
    expect(buf.length).toBeGreaterThan(4 * 64 * 1024);
    const expected = resolveOverlaps(referenceSpans(matcher.rules, buf));
    expect(expected.filter((s) => matcher.rules[s.rule]!.everyLine).length).toBeGreaterThan(30);
    expect([...matcher.findSpans(buf)]).toEqual(expected);
  });

  it('run on the first, last, CRLF and unterminated lines and skip no line between keyword lines', () => {
    const hex = '0123456789abcdef0123456789abcdef';
    const text = `${hex}\npassword=hunter2hunter2 ${hex}\n\nx ${hex}\r\nsec_ABCDEFGHIJ and zzAbCd1234\nlast ${hex}`;
    const buf = Buffer.from(text);
    const found = matcher.findSpans(buf).map((s) => [matcher.rules[s.rule]!.rule.id, buf.subarray(s.start, s.end).toString()]);
    expect(found).toEqual([
      ['hex32', hex],
      ['password-assignment', 'hunter2hunter2'],
      ['hex32', hex],
      ['hex32', hex],
      ['head-token', 'sec_ABCDEFGHIJ'],
      ['tail-token', 'Ab' + 'Cd1234'],
      ['hex32', hex],
    ]);
  });

  it('leave the line watch of a keyword rule as it was', () => {
    const plain = compileMatcher(builtinRules);
    const pem = plain.rules.find((r) => r.rule.id === 'private-key')!.index;
    const text = Buffer.from('a\n-----BEGIN RSA PRIVATE KEY-----\nb 0123456789abcdef0123456789abcdef\n-----BEGIN PRIVATE KEY-----');
    const lines = (m: typeof plain): number[][] => {
      const seen: number[][] = [];
      const watch: LineWatch = { rule: pem, onLine: (s, e) => seen.push([s, e]) };
      m.findSpans(text, watch);
      return seen;
    };
    expect(lines(matcher)).toEqual(lines(plain));
    expect(lines(plain)).toHaveLength(2);
  });

  it('is the only engine when every rule is an every-line rule', () => {
    const only = compileMatcher(everyLineRules);
    const buf = Buffer.from('x\nsec_ABCDEFGHIJ\n');
    expect(only.findSpans(buf)).toEqual([{ start: 2, end: 16, rule: 2 }]);
  });
});

describe('everyLine validation', () => {
  const base = { id: 'r', description: '', tags: [], pattern: 'abc[0-9]+' };
  it.each([
    ['no keywords without everyLine', { ...base, keywords: [] }],
    ['keywords with everyLine', { ...base, keywords: ['abc'], everyLine: true }],
    ['everyLine not a boolean', { ...base, keywords: [], everyLine: 'yes' }],
  ])('rejects %s', (_name, rule) => {
    expect(() => compileMatcher([rule as Rule])).toThrow(expect.objectContaining({ code: 'LOGVEIL_RULE_INVALID', ruleId: 'r' }));
  });
});
