import { randomInt } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, it, expect } from 'vitest';
import { BASE62_ALPHABET, base62Checksum, crc32, verifyChecksum } from '../../src/matcher/checksum.js';

/** A random base62 string of `n` characters. */
function randomBody(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += BASE62_ALPHABET[randomInt(62)];
  return s;
}

/** Builds a token the way GitHub and npm describe: prefix + 30 random + base62(crc32(random)). */
function makeToken(prefix: string, body = randomBody(30)): string {
  return prefix + body + base62Checksum(crc32(Buffer.from(body, 'latin1')));
}

/** Replaces the character at `i` with a different base62 character. */
function flip(token: string, i: number): string {
  const c = token[i]!;
  const idx = BASE62_ALPHABET.indexOf(c);
  const other = BASE62_ALPHABET[(idx + 1 + randomInt(61)) % 62]!;
  return token.slice(0, i) + other + token.slice(i + 1);
}

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(b('123456789'))).toBe(0xcbf43926);
    expect(crc32(b(''))).toBe(0);
  });
});

describe('base62Checksum', () => {
  it('pads to six characters with 0 and uses 0-9A-Za-z', () => {
    expect(base62Checksum(0)).toBe('000000');
    expect(base62Checksum(61)).toBe('00000z');
    expect(base62Checksum(62)).toBe('000010');
    expect(base62Checksum(0xffffffff)).toBe('4gfFC3');
  });
});

describe('verifyChecksum', () => {
  const github = ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'];

  it('accepts generated GitHub tokens of every prefix', () => {
    for (const prefix of github) {
      for (let i = 0; i < 50; i++) {
        const token = makeToken(prefix);
        expect(token).toHaveLength(40);
        expect(verifyChecksum('github-crc32', b(token))).toBe(true);
      }
    }
  });

  it('accepts generated npm tokens', () => {
    for (let i = 0; i < 200; i++) {
      const token = makeToken('npm_');
      expect(verifyChecksum('npm-crc32', b(token))).toBe(true);
    }
  });

  it('rejects a token with one character changed (body or checksum)', () => {
    for (let i = 0; i < 200; i++) {
      const prefix = github[i % github.length]!;
      const token = makeToken(prefix);
      const pos = 4 + randomInt(36);
      expect(verifyChecksum('github-crc32', b(flip(token, pos)))).toBe(false);
      const npm = makeToken('npm_');
      expect(verifyChecksum('npm-crc32', b(flip(npm, 4 + randomInt(36))))).toBe(false);
    }
  });

  it('does not checksum the prefix, but requires one of the kind', () => {
    const body = randomBody(30);
    const gh = makeToken('ghp_', body);
    expect(verifyChecksum('github-crc32', b('ghs_' + gh.slice(4)))).toBe(true);
    expect(verifyChecksum('npm-crc32', b(gh))).toBe(false);
    expect(verifyChecksum('github-crc32', b('npm_' + gh.slice(4)))).toBe(false);
    expect(verifyChecksum('github-crc32', b('xyz_' + gh.slice(4)))).toBe(false);
  });

  it('rejects malformed input', () => {
    const token = makeToken('ghp_');
    expect(verifyChecksum('github-crc32', b(token.slice(0, 39)))).toBe(false);
    expect(verifyChecksum('github-crc32', b('ghp_'))).toBe(false);
    expect(verifyChecksum('github-crc32', b(''))).toBe(false);
    expect(verifyChecksum('github-crc32', b(token.slice(0, 10) + '-' + token.slice(11)))).toBe(false);
    expect(verifyChecksum('github-crc32', b(token.slice(0, 36) + '!!!!'))).toBe(false);
  });

  it('agrees with node:zlib crc32 on random inputs', () => {
    for (let i = 0; i < 200; i++) {
      const body = randomBody(1 + randomInt(64));
      expect(crc32(b(body))).toBe(zlibCrc32(b(body)) >>> 0);
    }
  });
});
