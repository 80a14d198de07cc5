/**
 * The matcher's contract, property-tested against the reference engine (every rule's RE2 on
 * every line, no prefilter):
 * - no false negatives from the prefilter: the matcher's spans are exactly the merged
 *   reference spans, for the full built-in catalog;
 * - line independence: scanning any split of the input at line boundaries gives the same
 *   spans (shifted by the part's offset).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/matcher/compileMatcher.js';
import { resolveOverlaps, type Span } from '../../src/matcher/span.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { referenceSpans } from '../support/referenceEngine.js';

const matcher = compileMatcher(builtinRules);
const keywords = [...new Set(matcher.rules.flatMap((r) => r.keywords))];

/** Fragments that make rules fire or nearly fire: keywords in any case, separators, values. */
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...keywords).chain((k) => fc.constantFrom(k, k.toUpperCase(), k[0]!.toUpperCase() + k.slice(1))) },
  { weight: 3, arbitrary: fc.constantFrom('=', ': ', '"', '":"', "'", ' ', '\n', '\r\n', '&', '?', '@', '://', '\\n', '\\"', '-----', '_', '.', '-') },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_+/=-]{1,48}$/) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString('latin1')) },
  { weight: 1, arbitrary: fc.constantFrom('héllo', '日本語', 'ключ', '🔑', '\u0000', '\ufffd') },
  // RE2's (?i) folds these onto s and k (regression: the prefilter folded ASCII only).
  { weight: 2, arbitrary: fc.constantFrom(...keywords).map((k) => k.replace(/s/g, '\u017f').replace(/k/g, '\u212a')) },
);
const input = fc.array(fragment, { maxLength: 40 }).map((parts) => Buffer.from(parts.join('')));

const spansOf = (buf: Buffer) => [...matcher.findSpans(buf)];

describe('matcher vs reference engine', () => {
  it('finds exactly the merged reference spans (no prefilter false negatives)', () => {
    let withSpans = 0;
    fc.assert(
      fc.property(input, (buf) => {
        const expected = resolveOverlaps(referenceSpans(matcher.rules, buf));
        if (expected.length > 0) withSpans++;
        expect(spansOf(buf)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
    // The generator must actually exercise the rules, or the property says nothing.
    expect(withSpans).toBeGreaterThan(15);
  });

  it('finds every span when secrets are planted among keyword noise', () => {
    const planted = fc.tuple(input, fc.constantFrom(
      'password=hunter2', '"apiKey":"Zq8vT2mW9kR4pL7xN"', 'Authorization: Bearer Zq8vT2mW9kR4pL7xNq3f', 'https://u:pa55@h',
      'token=Zq8vT2mW9kR4pL7xNq3f', '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----',
      'pa\u017f\u017fword=hunter2hunter2', '{"api_\u212aey":"Zq8vT2mW9kR4pL7x"}',
    ), input).map(([a, s, b]) => Buffer.concat([a, Buffer.from(` ${s} `), b]));
    fc.assert(
      fc.property(planted, (buf) => {
        const expected = resolveOverlaps(referenceSpans(matcher.rules, buf));
        expect(expected.length).toBeGreaterThan(0);
        expect(spansOf(buf)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same spans however the input is split at line boundaries', () => {
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { maxLength: 5 }), (buf, cuts) => {
        const newlines: number[] = [];
        for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) newlines.push(i + 1);
        const bounds = [...new Set(cuts.filter(() => newlines.length > 0).map((c) => newlines[c % newlines.length]!))].sort((a, b) => a - b);
        const pieces: Span[] = [];
        let from = 0;
        for (const to of [...bounds, buf.length]) {
          for (const s of spansOf(buf.subarray(from, to))) pieces.push({ start: s.start + from, end: s.end + from, rule: s.rule });
          from = to;
        }
        expect(pieces).toEqual(spansOf(buf));
      }),
      { numRuns: 300 },
    );
  });
});
