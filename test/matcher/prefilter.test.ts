/**
 * The WebAssembly prefilter against the RE2 one (the reference for the prefilter's contract:
 * every line holding a keyword, with every keyword it holds): the same lines and, per line,
 * the keywords RE2 sees (the WebAssembly scan reports exact keyword occurrences, so the sets
 * are equal, not merely a superset). Small windows and hit buffers put keywords across a
 * window's edge and overflow the hit buffer on inputs of a few hundred bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/matcher/compileMatcher.js';
import { compilePrefilter, compileRe2Prefilter, type Keyword, type Prefilter } from '../../src/matcher/prefilter.js';
import { compileWasmPrefilter } from '../../src/matcher/wasmPrefilter.js';
import { builtinRules } from '../../src/rules/catalog/index.js';

const matcher = compileMatcher(builtinRules);
const byKey = new Map<string, Keyword>();
for (const r of matcher.rules) for (const text of r.keywords) byKey.set(`${r.caseSensitive ? 'E' : 'I'}${text}`, { text, caseSensitive: r.caseSensitive });
const catalog = [...byKey.values()];

type Lines = [number, number, number[]][];
function linesOf(p: Prefilter, buf: Buffer): Lines {
  const out: Lines = [];
  p.scan(buf, (s, e, ids) => out.push([s, e, [...ids].sort((a, b) => a - b)]));
  return out;
}

function wasm(keywords: readonly Keyword[], sizes: { window?: number; outCap?: number } = {}): Prefilter {
  const p = compileWasmPrefilter(keywords, compileRe2Prefilter, sizes);
  if (p === undefined) throw new Error('WebAssembly prefilter unavailable on this runtime');
  return p;
}

/** Keywords in any case, keyword fragments, separators, non-ASCII text, RE2's extra folds. */
function inputOf(keywords: readonly Keyword[]) {
  const texts = keywords.map((k) => k.text);
  return fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...texts).chain((k) => fc.constantFrom(k, k.toUpperCase(), k[0]!.toUpperCase() + k.slice(1), k.slice(1), k.slice(0, -1))) },
      { weight: 3, arbitrary: fc.constantFrom(' ', '\n', '\r\n', '=', '"', '_', '\t', '\\n') },
      { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/) },
      { weight: 1, arbitrary: fc.constantFrom('héllo', 'ПАРОЛЬ', 'Пароль', 'CLÉ', 'ключ', '日本語', '\u017f', '\u212a', '\u0000', '\xff') },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString('latin1')) },
    ),
    { maxLength: 60 },
  ).map((parts) => Buffer.from(parts.join('')));
}

describe('WebAssembly prefilter', () => {
  it('is what compilePrefilter builds on this runtime', () => {
    expect(compilePrefilter(catalog).strategy).toMatch(/^wasm-simd/);
  });

  it.each([
    ['default sizes', {}],
    ['windows of 7 bytes, 3 hits per call', { window: 7, outCap: 3 }],
    ['windows of 64 bytes, 1 hit per call', { window: 64, outCap: 1 }],
  ])('reports the lines and keywords RE2 does, built-in catalog, %s', (_name, sizes) => {
    const w = wasm(catalog, sizes);
    const r = compileRe2Prefilter(catalog);
    fc.assert(
      fc.property(inputOf(catalog), (buf) => {
        expect(linesOf(w, buf)).toEqual(linesOf(r, buf));
      }),
      { numRuns: 400 },
    );
  });

  it('handles keywords it leaves to RE2 (under three bytes, non-ASCII letters with case) beside its own', () => {
    const keywords: Keyword[] = [
      { text: 'pw', caseSensitive: false }, { text: 'x', caseSensitive: true }, { text: 'пароль', caseSensitive: false },
      { text: 'clé', caseSensitive: false }, { text: '密码', caseSensitive: false }, { text: 'token', caseSensitive: false },
      { text: 'AKIA', caseSensitive: true }, { text: 'ghp_', caseSensitive: true }, { text: 'secret', caseSensitive: false },
    ];
    const w = wasm(keywords, { window: 16, outCap: 2 });
    expect(w.strategy).toMatch(/RE2 for 4 keywords/); // pw, x, пароль, clé (密码 has no case)
    const r = compileRe2Prefilter(keywords);
    fc.assert(
      fc.property(inputOf(keywords), (buf) => {
        expect(linesOf(w, buf)).toEqual(linesOf(r, buf));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a keyword that straddles a window edge at every offset, and every hit on a dense line', () => {
    const keywords: Keyword[] = [{ text: 'private_key_id', caseSensitive: false }, { text: 'sk_live_', caseSensitive: true }];
    const r = compileRe2Prefilter(keywords);
    for (const window of [5, 8, 13]) {
      const w = wasm(keywords, { window, outCap: 2 });
      for (let pad = 0; pad < 20; pad++) {
        const buf = Buffer.from(`${'a'.repeat(pad)}PRIVATE_KEY_ID=1 sk_live_x\n${'sk_live_'.repeat(50)}\nb`);
        expect(linesOf(w, buf)).toEqual(linesOf(r, buf));
      }
    }
  });

  it('a scan started from inside another scan\'s callback reports what RE2 does, and leaves the outer scan whole', () => {
    const w = wasm(catalog, { window: 64 });
    const r = compileRe2Prefilter(catalog);
    const outer = Buffer.from('password=a\nclean\ntoken=b AKIAQWERTYUIOPASDFGH\n'.repeat(8));
    const inner = Buffer.from('x ghp_ y\nsecret=z\n');
    const seen: Lines = [];
    const nested: Lines[] = [];
    w.scan(outer, (s, e, ids) => {
      seen.push([s, e, [...ids].sort((a, b) => a - b)]);
      nested.push(linesOf(w, inner));
    });
    expect(seen).toEqual(linesOf(r, outer));
    for (const n of nested) expect(n).toEqual(linesOf(r, inner));
  });

  it('builds linearly: 100,000 keywords, then finds one of them', () => {
    const many: Keyword[] = [];
    for (let i = 0; i < 100_000; i++) many.push({ text: `prov${i.toString(36)}_key_`, caseSensitive: i % 2 === 0 });
    const w = wasm(many);
    const text = `clean line\nuses PROV${(99_999).toString(36)}_KEY_ here\nprov${(99_998).toString(36)}_key_\n`;
    const lines = linesOf(w, Buffer.from(text));
    expect(lines.map(([s]) => s)).toEqual([11, text.indexOf('prov')]);
    expect(lines[0]![2]).toEqual([99_999]); // case-insensitive (odd index); 99,998 is case-sensitive
    expect(lines[1]![2]).toEqual([99_998]);
  });
});
