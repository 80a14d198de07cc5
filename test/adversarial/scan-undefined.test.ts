/**
 * Regression (issue 14): `redactor.scan(undefined)` threw a TypeError although nothing may
 * throw once a redactor is built. Every run-time method, given what a JavaScript caller can
 * hand it instead of a string or bytes, returns the documented answer: bytes are bytes, other
 * values are read by their `String()` form, and a value without one is the empty text.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';

const redactor = createRedactor();
const TOKEN = 'ghp_4rT9xQ2mVb7LkP1zN8sW3dJ6hF0cY5gE2aUo';
const MASKED = /^token=\[REDACTED:[a-z-]+\]$/;
const revoked = (() => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
})();

/** [name, input, the text it stands for] — the text `redact` answers, `redactBuffer` as bytes. */
const BAD_INPUTS: readonly [string, unknown, string][] = [
  ['undefined', undefined, 'undefined'],
  ['null', null, 'null'],
  ['a number', 42, '42'],
  ['NaN', Number.NaN, 'NaN'],
  ['a bigint', 10n, '10'],
  ['a boolean', true, 'true'],
  ['a plain object', { a: 1 }, '[object Object]'],
  ['an array', ['a', 'b'], 'a,b'],
  ['a Symbol', Symbol('s'), 'Symbol(s)'],
  ['a function', Object.assign(() => 0, { toString: () => 'fn' }), 'fn'],
  ['a null-prototype object', Object.create(null), ''],
  ['an object whose toString throws', { toString: () => { throw new Error('no'); } }, ''],
  ['a revoked Proxy', revoked, ''],
];

describe('run-time methods given the wrong type never throw', () => {
  describe.each(BAD_INPUTS)('%s', (_name, input, text) => {
    it('redact → the String() form, masked', () => {
      expect(redactor.redact(input as string)).toBe(text);
    });
    it('redactBuffer → a Buffer of the String() form, masked', () => {
      const out = redactor.redactBuffer(input as Uint8Array);
      expect(Buffer.isBuffer(out)).toBe(true);
      expect(out.toString('utf8')).toBe(text);
    });
    it('scan → no findings', () => {
      expect(redactor.scan(input as string)).toEqual([]);
    });
  });

  it('an object is masked and scanned by what it prints as', () => {
    const holder = { toString: () => `token=${TOKEN}` };
    expect(redactor.redact(holder as never)).toMatch(MASKED);
    expect(redactor.redactBuffer(holder as never).toString()).toMatch(MASKED);
    expect(redactor.scan(holder as never)).toHaveLength(1);
  });

  it.each([
    ['a Uint8Array', (b: Buffer) => new Uint8Array(b)],
    ['a DataView', (b: Buffer) => new DataView(b.buffer, b.byteOffset, b.byteLength)],
    ['an ArrayBuffer', (b: Buffer) => new Uint8Array(b).buffer],
  ])('%s is read as bytes by every method', (_name, make) => {
    const bytes = make(Buffer.from(`token=${TOKEN}`));
    expect(redactor.redact(bytes as never)).toMatch(MASKED);
    expect(redactor.redactBuffer(bytes as never).toString()).toMatch(MASKED);
    expect(redactor.scan(bytes as never).map((f) => [f.start, f.end])).toEqual([[6, 6 + TOKEN.length]]);
  });

  it('stats() ignores arguments', () => {
    expect(() => (redactor.stats as (x: unknown) => unknown)(undefined)).not.toThrow();
  });
});
