/**
 * The growable gram index (known and learned secrets) finds exactly the occurrences a naive
 * search finds, whatever the order of additions and removals — across the rebuilds that a
 * shorter variant, a full table or many removals cause.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/matcher/span.js';
import { GramIndex } from '../../src/known/gramIndex.js';
import type { Variant } from '../../src/known/variants.js';

const plain = (text: string): Variant => ({ bytes: Buffer.from(text, 'latin1'), widen: 'none', partialStart: false, partialEnd: false });

function naive(buf: Buffer, live: ReadonlyMap<number, string>): string[] {
  const out: string[] = [];
  for (const [rule, text] of live) {
    for (let i = buf.indexOf(text, 0, 'latin1'); i !== -1; i = buf.indexOf(text, i + 1, 'latin1')) out.push(`${i}:${i + text.length}:${rule}`);
  }
  return out.sort();
}

const found = (index: GramIndex, buf: Buffer) => {
  const spans: Span[] = [];
  index.find(buf, spans);
  return spans.map((s) => `${s.start}:${s.end}:${s.rule}`).sort();
};

describe('GramIndex', () => {
  it('adds and removes one variant at a time, as a naive search would find them', () => {
    const token = fc.stringMatching(/^[a-z0-9]{4,40}$/);
    const op = fc.oneof(fc.record({ add: token }), fc.record({ remove: fc.nat() }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.array(fc.nat(), { maxLength: 30 }), (ops, picks) => {
        const index = new GramIndex();
        const live = new Map<number, string>();
        const handles = new Map<number, number>();
        let rule = -2;
        for (const o of ops) {
          if ('add' in o) {
            if ([...live.values()].includes(o.add)) continue;
            rule--;
            live.set(rule, o.add);
            handles.set(rule, index.add(plain(o.add), rule));
          } else if (live.size > 0) {
            const r = [...live.keys()][o.remove % live.size]!;
            index.remove(handles.get(r)!);
            live.delete(r);
          }
        }
        expect(index.size).toBe(live.size);
        const values = [...live.values()];
        const text = picks.map((p, i) => (values.length > 0 && p % 3 === 0 ? values[p % values.length] : `-${i}.${p}-`)).join('');
        const buf = Buffer.from(`${text}|${values.join(' ')}`, 'latin1');
        // Variants that contain each other are all found, as the naive search finds them.
        expect(found(index, buf)).toEqual(naive(buf, live));
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it('finds a variant at the very start and end of the buffer, and with 10,000 values', () => {
    const index = new GramIndex();
    const values = Array.from({ length: 10_000 }, (_, i) => `tok${i.toString(36).padStart(6, '0')}x9Q`);
    values.forEach((v, i) => index.add(plain(v), -2 - i));
    const buf = Buffer.from(`${values[0]} mid ${values[5_000]}${values[9_999]}`, 'latin1');
    expect(found(index, buf)).toEqual(naive(buf, new Map([[-2, values[0]!], [-5002, values[5_000]!], [-10001, values[9_999]!]])));
  });

  it('after many removals (the bitmap redrawn, slots shifted back) finds what is left and nothing removed', () => {
    const index = new GramIndex();
    const values = Array.from({ length: 3000 }, (_, i) => `k${(i * 7919).toString(36)}Q${i}z`);
    const handles = values.map((v, i) => index.add(plain(v), -2 - i));
    values.forEach((_, i) => i % 10 !== 0 && index.remove(handles[i]!));
    expect(index.size).toBe(300);
    const buf = Buffer.from(values.join(' '), 'latin1');
    const kept = new Map(values.flatMap((v, i) => (i % 10 === 0 ? [[-2 - i, v] as [number, string]] : [])));
    expect(found(index, buf)).toEqual(naive(buf, kept));
    // Handles are reused: new values are found too.
    index.add(plain('fresh-value-42x'), -9999);
    expect(found(index, Buffer.from('a fresh-value-42x b'))).toEqual(['2:17:-9999']);
  });

  it('values that share all but their last characters keep one slot per shared gram (regression: Slack tokens in pino\'s test made probe runs of thousands of slots)', () => {
    const index = new GramIndex();
    const token = (i: number) => `xoxb-781236542736-2364535789652-GkwFDQoHqzXDVsC6Gz${String(i).padStart(6, '0')}`;
    const handles = Array.from({ length: 2000 }, (_, i) => index.add(plain(token(i)), -2 - i));
    // 32 grams per 56-byte token, 26 of them the same in every token: 26 shared slots and 6 per token.
    expect((index as unknown as { used: number }).used).toBeLessThanOrEqual(26 + 6 * 2000);
    const buf = Buffer.from(`a ${token(7)} b ${token(1999)} c ${token(2000)}`, 'latin1');
    expect(found(index, buf)).toEqual(naive(buf, new Map([[-9, token(7)], [-2001, token(1999)]])));
    handles.slice(0, 1000).forEach((h) => index.remove(h));
    expect(found(index, buf)).toEqual(naive(buf, new Map([[-2001, token(1999)]])));
  });
});
