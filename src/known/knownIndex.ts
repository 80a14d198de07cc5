/**
 * The compiled lookup for known secrets: every variant of every value, found in a Buffer
 * with a sampled literal filter.
 *
 * PERF: RE2 cannot take thousands of literals — an alternation of 40,000 variants (10,000
 * values) fails with "pattern too large", and 400 already made `exec` fall back to its slow
 * NFA (a 1 MB buffer took 390 ms; bench/scratch, one run). Instead, with m the length of the
 * shortest variant and q = 4 (8 when m ≥ 16) bytes per probe, the scan reads one q-byte gram
 * every s = m − q + 1 bytes: any occurrence of a variant covers m consecutive bytes, so one
 * probe lands in its first s bytes, at an offset d < s. Each variant's grams at offsets
 * 0…s−1 are indexed (a bitmap to reject, a map to verify); a hit is confirmed by comparing
 * the bytes. The cost is one probe per s bytes however many values there are.
 */
import type { Span } from '../matcher/span.js';
import type { CheckedSecret } from './knownSecret.js';
import { variantsOf, type Variant } from './variants.js';

/** A secret the index knows: its name and value (for fingerprints), by entry number. */
export interface KnownEntry {
  readonly name: string;
  readonly value: Buffer;
}

interface IndexedVariant extends Variant {
  readonly entry: number;
}

/** Rule index of the spans of entry `i`: below the long-line-token rule (-1). */
export const knownRule = (entry: number): number => -2 - entry;
/** Entry number of a known span's rule index, or -1 for other spans. */
export const knownEntryOf = (rule: number): number => (rule <= -2 ? -2 - rule : -1);

const BITMAP_BITS = 22;
const SHIFT = 32 - BITMAP_BITS;

function isBase64Char(c: number, url: boolean): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (url ? c === 0x2d || c === 0x5f : c === 0x2b || c === 0x2f);
}

/** An immutable index of known secrets. */
export class KnownIndex {
  readonly entries: readonly KnownEntry[];
  private readonly variants: IndexedVariant[] = [];
  private readonly gram: 4 | 8 = 4;
  private readonly step: number = 1;
  private readonly bitmap: Int32Array;
  /** gram hash → [variant index, offset] pairs, flattened. */
  private readonly candidates = new Map<number, number[]>();

  /** @example new KnownIndex([{ name: 'API_KEY', value, fragments: [value] }]).find(buf) */
  constructor(secrets: readonly CheckedSecret[]) {
    this.entries = secrets.map((s) => ({ name: s.name, value: s.value }));
    const seen = new Set<string>();
    secrets.forEach((s, entry) => {
      for (const fragment of s.fragments) {
        for (const v of variantsOf(fragment)) {
          const key = v.bytes.toString('latin1');
          if (seen.has(key)) continue; // the same bytes under two names: the first one reports
          seen.add(key);
          this.variants.push({ ...v, entry });
        }
      }
    });
    this.bitmap = new Int32Array(this.variants.length === 0 ? 1 : (1 << BITMAP_BITS) >>> 5);
    if (this.variants.length === 0) return;
    const shortest = Math.min(...this.variants.map((v) => v.bytes.length));
    this.gram = shortest >= 16 ? 8 : 4;
    this.step = shortest - this.gram + 1;
    this.variants.forEach((v, i) => {
      for (let d = 0; d < this.step; d++) {
        const h = this.hash(v.bytes, d);
        this.bitmap[h >>> SHIFT >>> 5]! |= 1 << ((h >>> SHIFT) & 31);
        let list = this.candidates.get(h);
        if (list === undefined) this.candidates.set(h, (list = []));
        list.push(i, d);
      }
    });
  }

  /** Number of distinct byte strings looked for. */
  get variantCount(): number {
    return this.variants.length;
  }

  private hash(buf: Uint8Array, p: number): number {
    let h = Math.imul(buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24), 0x9e3779b1);
    if (this.gram === 8) h = Math.imul(h ^ (buf[p + 4]! | (buf[p + 5]! << 8) | (buf[p + 6]! << 16) | (buf[p + 7]! << 24)), 0x85ebca6b);
    return h >>> 0;
  }

  /**
   * Appends a span for every occurrence of a variant in `buf` (rule `knownRule(entry)`),
   * widened over partial base64 characters. Spans may overlap each other and rule spans:
   * the caller resolves overlaps.
   */
  find(buf: Uint8Array, out: Span[]): void {
    if (this.variants.length === 0) return;
    const { gram, step, bitmap } = this;
    const last = buf.length - gram;
    for (let p = 0; p <= last; p += step) {
      let h = Math.imul(buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24), 0x9e3779b1);
      if (gram === 8) h = Math.imul(h ^ (buf[p + 4]! | (buf[p + 5]! << 8) | (buf[p + 6]! << 16) | (buf[p + 7]! << 24)), 0x85ebca6b);
      const bit = h >>> SHIFT;
      if ((bitmap[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      const list = this.candidates.get(h >>> 0);
      if (list !== undefined) this.verify(buf, p, list, out);
    }
  }

  private verify(buf: Uint8Array, p: number, list: readonly number[], out: Span[]): void {
    for (let i = 0; i < list.length; i += 2) {
      const v = this.variants[list[i]!]!;
      const start = p - list[i + 1]!;
      const end = start + v.bytes.length;
      if (start < 0 || end > buf.length || v.bytes.compare(buf, start, end) !== 0) continue;
      let s = start;
      let e = end;
      if (v.widen !== 'none') {
        const url = v.widen === 'base64url';
        if (v.partialStart && s > 0 && isBase64Char(buf[s - 1]!, url)) s--;
        if (v.partialEnd && e < buf.length && isBase64Char(buf[e]!, url)) e++;
        for (let pad = 0; pad < 2 && e < buf.length && buf[e] === 0x3d; pad++) e++;
      }
      out.push({ start: s, end: e, rule: knownRule(v.entry) });
    }
  }
}
