/**
 * The compiled lookup for known secrets: every variant of every value, found in a Buffer
 * with a sampled literal filter.
 *
 * Why not the rules' RE2 prefilter: RE2 cannot take thousands of literals — an alternation
 * of 40,000 variants (10,000 values) fails with "pattern too large" (bench/known.ts), and
 * 400 already made `exec` fall back to its slow NFA (a 1 MB buffer took 390 ms; one scratch
 * run). Instead, with m the length of the shortest variant and q = 4 (8 when m ≥ 16) bytes
 * per probe, the scan reads one q-byte gram every s = m − q + 1 bytes (at most 32): any
 * occurrence of a variant covers m consecutive bytes, so one probe lands in its first s
 * bytes, at an offset d < s. Each variant's grams at offsets 0…s−1 are indexed — a bitmap
 * with ~32 bits per gram rejects most probes, an open-addressing table of hashes finds the
 * candidates — and a candidate is confirmed by comparing the bytes. The cost is one probe per
 * s bytes, nearly independent of the number of values (bench/RESULTS.md, "Known secrets").
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

/** Most grams indexed per variant (the sampling step is capped: a smaller step stays correct). */
const MAX_STEP = 32;
/** Bitmap bits per indexed gram (keeps about 1 probe in 32 past the bitmap). */
const BITS_PER_GRAM = 32;

const nextPow2 = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(n, 2)));

const viewOf = (buf: Uint8Array) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);

/** The hash of the `gram` bytes at `p`: the same when indexing a variant and when probing input. */
function gramHash(view: DataView, p: number, gram: 4 | 8): number {
  let h = Math.imul(view.getInt32(p, true), 0x9e3779b1);
  if (gram === 8) h = Math.imul(h ^ view.getInt32(p + 4, true), 0x85ebca6b);
  return h ^ (h >>> 15);
}

function isBase64Char(c: number, url: boolean): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (url ? c === 0x2d || c === 0x5f : c === 0x2b || c === 0x2f);
}

/** An immutable index of known secrets. */
export class KnownIndex {
  private readonly variants: IndexedVariant[] = [];
  private readonly gram: 4 | 8 = 4;
  private readonly step: number = 1;
  /** Rejects most probes: one bit per gram hash, indexed by its top bits. */
  private readonly bitmap: Int32Array = new Int32Array(1);
  private readonly shift: number = 31;
  /** Open addressing on the hash's low bits: hash → (variant << 6 | offset), -1 for empty. */
  private readonly keys: Int32Array = new Int32Array(1);
  private readonly slots: Int32Array = new Int32Array(1).fill(-1);
  private readonly mask: number = 0;

  /**
   * @param secrets each secret with the id its spans carry (`knownRule(id)`).
   * @example new KnownIndex([{ id: 0, secret: { name: 'API_KEY', value, fragments: [] } }]).find(buf, spans)
   */
  constructor(secrets: readonly { readonly id: number; readonly secret: CheckedSecret }[]) {
    const seen = new Set<string>();
    const isOneLine = (v: Variant) => !v.bytes.includes(0x0a);
    for (const { id: entry, secret: s } of secrets) {
      // The whole value in every form that fits on one line, and each line of it on its own.
      for (const value of [s.value, ...s.fragments]) {
        for (const v of variantsOf(value).filter(isOneLine)) {
          const key = v.bytes.toString('latin1');
          if (seen.has(key)) continue; // the same bytes under two names: the first one reports
          seen.add(key);
          this.variants.push({ ...v, entry });
        }
      }
    }
    if (this.variants.length === 0) return;
    let shortest = Infinity;
    for (const v of this.variants) shortest = Math.min(shortest, v.bytes.length);
    this.gram = shortest >= 16 ? 8 : 4;
    this.step = Math.min(shortest - this.gram + 1, MAX_STEP);
    const grams = this.variants.length * this.step;
    const bits = Math.min(Math.max(nextPow2(grams * BITS_PER_GRAM), 2 ** 16), 2 ** 25);
    this.shift = 32 - Math.log2(bits);
    this.bitmap = new Int32Array(bits / 32);
    const capacity = nextPow2(grams * 2);
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.slots = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < this.variants.length; i++) {
      const view = viewOf(this.variants[i]!.bytes);
      for (let d = 0; d < this.step; d++) {
        const h = gramHash(view, d, this.gram);
        const bit = h >>> this.shift;
        this.bitmap[bit >>> 5]! |= 1 << (bit & 31);
        let slot = h & this.mask;
        while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
        this.keys[slot] = h;
        this.slots[slot] = (i << 6) | d;
      }
    }
  }

  /** Number of distinct byte strings looked for. */
  get variantCount(): number {
    return this.variants.length;
  }

  /**
   * Appends a span for every occurrence of a variant in `buf` (rule `knownRule(entry)`),
   * widened over partial base64 characters. Spans may overlap each other and rule spans:
   * the caller resolves overlaps.
   */
  find(buf: Uint8Array, out: Span[]): void {
    if (this.variants.length === 0) return;
    const { gram, step, bitmap, shift, keys, slots, mask } = this;
    const last = buf.length - gram;
    const view = viewOf(buf);
    for (let p = 0; p <= last; p += step) {
      const h = gramHash(view, p, gram);
      const bit = h >>> shift;
      if ((bitmap[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      for (let slot = h & mask; slots[slot] !== -1; slot = (slot + 1) & mask) {
        if (keys[slot] === h) this.verify(buf, p, slots[slot]!, out);
      }
    }
  }

  private verify(buf: Uint8Array, p: number, packed: number, out: Span[]): void {
    const v = this.variants[packed >>> 6]!;
    const start = p - (packed & 63);
    const end = start + v.bytes.length;
    if (start < 0 || end > buf.length || v.bytes.compare(buf, start, end) !== 0) return;
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
