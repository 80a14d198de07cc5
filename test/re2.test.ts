/** The native addon really loads (npm ci compiled it) and behaves as the matcher assumes. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import RE2 from 're2';

describe('re2 native addon', () => {
  it('loads through require, as the CJS build does', () => {
    const require = createRequire(import.meta.url);
    const Ctor = require('re2') as typeof RE2;
    expect(new Ctor('a+b').test('xaab')).toBe(true);
  });

  it('reports byte offsets and group indices on Buffers', () => {
    const re = new RE2('(key)=(\\w+)', 'gd');
    const m = re.exec(Buffer.from('héllo key=abc'))!;
    expect(m.index).toBe(7); // "héllo " is 7 bytes
    expect(m.indices![2]).toEqual([11, 14]);
  });

  it('accepts Go syntax that JS RegExp rejects', () => {
    expect(new RE2('(?i)abc\\z').test('xABC')).toBe(true);
    expect(() => new RegExp('(?i)abc\\z')).toThrow();
  });
});
