/**
 * Every-line rules run once over a whole chunk of lines (multi-line) where the RE2.Set says
 * they can match, their matches taken line by line (compileMatcher.ts, `verifyChunk`). A
 * match across a line break must send the lines it touches back to the rule one at a time:
 * these rules are written so that their matches cross line breaks often (a boundary class
 * that takes `\n`, `\s` between key and value), and the matcher is held to the reference
 * engine (every rule on every line) on generated multi-line text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/matcher/compileMatcher.js';
import { resolveOverlaps } from '../../src/matcher/span.js';
import type { Rule } from '../../src/rules/rule.js';
import { compileAll, referenceSpans } from '../support/referenceEngine.js';

const rules: Rule[] = [
  // `[^0-9]` takes the line break before a number at a line's start: the chunk's match crosses it.
  { id: 'num16', description: '', tags: [], pattern: String.raw`(?:^|[^0-9])([0-9]{16})\b`, keywords: [], everyLine: true, skipPlaceholders: false },
  // `\s*` runs from `key =` on one line into the next and eats its `abcdefkey`: the next line's own `key=value` must still be found.
  { id: 'kv', description: '', tags: [], pattern: String.raw`key\s*=\s*([a-z]{6,})`, keywords: [], everyLine: true, skipPlaceholders: false },
  // `$` and `^` at line breaks, multi-line as one line alone.
  { id: 'whole', description: '', tags: [], pattern: String.raw`^(zz[a-z]{4})$`, keywords: [], everyLine: true, skipPlaceholders: false },
  // A keyword rule beside them, on its candidate lines.
  { id: 'kw', description: '', tags: [], pattern: String.raw`tok_([a-z0-9]{8})`, keywords: ['tok_'], skipPlaceholders: false },
];
const matcher = compileMatcher(rules);
const reference = compileAll(rules);
const spansOf = (text: string) => {
  const buf = Buffer.from(text);
  return matcher.findSpans(buf).map((s) => [rules[s.rule]!.id, buf.subarray(s.start, s.end).toString()]);
};

describe('every-line rules over whole chunks', () => {
  it('finds a number at a line start although the chunk match took the line break before it', () => {
    expect(spansOf('x\n4111111111111111\n')).toEqual([['num16', '4111111111111111']]);
    expect(spansOf('=\n1234567890123456')).toEqual([['num16', '1234567890123456']]);
  });

  it('finds the next line\'s own value that a match across the break ran into', () => {
    expect(spansOf('key =\nabcdefkey=ghijkl\n')).toEqual([['kv', 'ghijkl']]);
    expect(spansOf('key =\nabcdef\n')).toEqual([]); // a value on the next line is not the key's
  });

  it('finds what the reference engine finds, line by line, on generated text', () => {
    const fragment = fc.oneof(
      fc.constantFrom('\n', '\r\n', '\n\n', ' ', '=', 'key', 'key =', 'key=', ' = ', 'key =\n', 'abcdefkey=', 'zz', 'zzabcd', 'tok_', 'x', '\n4111111111111111'),
      fc.stringMatching(/^[0-9]{1,17}$/),
      fc.stringMatching(/^[a-z]{1,7}$/),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => {
        const buf = Buffer.from(parts.join(''));
        expect(matcher.findSpans(buf)).toEqual(resolveOverlaps(referenceSpans(reference, buf)));
      }),
      { numRuns: 500 },
    );
  });

  it('crosses chunk boundaries the same way (lines over 64 KB of text)', () => {
    const line = (i: number) => (i % 7 === 0 ? `key =\nabcdefkey=ghijkl tok_12345678\n${String(1e15 + i)}` : `filler ${'y'.repeat(i % 50)}`);
    const text = Array.from({ length: 6000 }, (_, i) => line(i)).join('\n');
    const buf = Buffer.from(text);
    expect(buf.length).toBeGreaterThan(2 * 64 * 1024);
    const spans = matcher.findSpans(buf);
    expect(spans).toEqual(resolveOverlaps(referenceSpans(reference, buf)));
    expect(spans.length).toBe(3 * 858);
  });
});
