/** Masks replace exactly the secret and keep JSON valid, even when a span cuts an escape. */
import { describe, expect, it } from 'vitest';
import { escapeSafeEnd, escapeSafeStart, writeMasks } from '../../src/mask/writeMasks.js';
import { partialPrefixLength } from '../../src/mask/maskStrategy.js';

const MASK = Buffer.from('[M]');
function mask(text: string, start: number, end: number): string {
  return writeMasks(Buffer.from(text), [{ start, end, rule: 0 }], () => MASK).toString();
}

describe('writeMasks', () => {
  it.each([
    // [text, span start, span end, expected]
    ['a=secret;b', 2, 8, 'a=[M];b'],
    ['{"k":"ab\\"cd"}', 6, 9, '{"k":"[M]cd"}'], // ends on the backslash of \": grows over the quote
    ['{"k":"x\\nsecret"}', 8, 15, '{"k":"x[M]"}'], // starts on the n of \n: grows onto the backslash
    ['{"k":"secret\\u00e9z"}', 6, 15, '{"k":"[M]z"}'], // ends inside \u00e9: grows to its end
    ['{"k":"\\u00e9secret"}', 9, 18, '{"k":"[M]"}'], // starts inside \u00e9
    ['{"k":"a\\\\secret"}', 9, 15, '{"k":"a\\\\[M]"}'], // \\ is a complete escape: no growth
  ])('%s [%i,%i) → %s', (text, start, end, expected) => {
    expect(mask(text, start, end)).toBe(expected);
  });

  it('keeps a JSON line valid when a span ends on a backslash', () => {
    const line = '{"msg":"tok=abc\\"def"}';
    const start = line.indexOf('abc');
    const out = mask(line, start, start + 4); // "abc\" — cuts the \" escape
    expect(() => JSON.parse(out)).not.toThrow();
    expect(JSON.parse(out).msg).toBe('tok=[M]def');
  });

  it('grows spans left and right only across escapes', () => {
    const b = Buffer.from('x\\u00e9y');
    expect(escapeSafeStart(b, 3)).toBe(1);
    expect(escapeSafeStart(b, 7)).toBe(7);
    expect(escapeSafeEnd(b, 4)).toBe(7);
    expect(escapeSafeEnd(b, 1)).toBe(1);
  });

  it('copies everything outside the spans byte for byte, invalid UTF-8 included', () => {
    const buf = Buffer.from([0xff, 0x61, 0x62, 0x63, 0xfe, 0x0a, 0xc3]);
    const out = writeMasks(buf, [{ start: 1, end: 4, rule: 0 }], () => MASK);
    expect([...out]).toEqual([0xff, ...MASK, 0xfe, 0x0a, 0xc3]);
  });
});

describe('partial prefix', () => {
  it.each([
    ['short-secret', 3], // 12 bytes is the minimum: 12/4 = 3
    ['hunter2', 0], // under 12 bytes: nothing kept
    ['elevenbytes', 0],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 6],
    ['abcdefghijklmnop', 4],
    ['ab"cdefghijklmnop', 2], // stops at a quote
  ])('%s keeps %i bytes', (secret, n) => {
    const keep = partialPrefixLength(Buffer.from(secret));
    expect(keep).toBe(n);
    expect(keep).toBeLessThanOrEqual(Math.floor(secret.length / 4));
  });
});
