/**
 * The log zoo's randomness: one seeded stream (the benchmark corpus's mulberry32), wrapped in
 * the few draws the generators need, and a clock that moves forward a little on every line so
 * timestamps read like a real log. The same seed always gives the same corpus.
 */
import { prng } from '../../../bench/corpus.js';

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';
export const BASE62 = `${UPPER}${LOWER}${DIGITS}`;
export const BASE64 = `${BASE62}+/`;
export const BASE64URL = `${BASE62}-_`;

export class Rng {
  private readonly next: () => number;
  /** Milliseconds since the epoch; `tick()` moves it forward. */
  now: number;

  constructor(seed: number) {
    this.next = prng(seed);
    this.now = Date.UTC(2025, 2, 3, 8, 14, 7, 120) + Math.floor(this.next() * 86_400_000);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** One of `xs`, each with its weight. */
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of xs) total += w;
    let at = this.next() * total;
    for (const [x, w] of xs) {
      at -= w;
      if (at < 0) return x;
    }
    return xs[xs.length - 1]![0];
  }

  str(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }

  hex(n: number): string {
    return this.str(HEX, n);
  }

  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }

  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }

  /** Advances the clock by a few milliseconds to a few seconds. */
  tick(): number {
    this.now += this.chance(0.9) ? this.int(400) : this.int(20_000);
    return this.now;
  }
}
