/**
 * The sampled literal filter behind known and learned secrets: many byte strings (variants),
 * found in a Buffer in one pass.
 *
 * Why not the rules' RE2 prefilter: RE2 cannot take thousands of literals — an alternation
 * of 40,000 variants (10,000 values) fails with "pattern too large" (bench/known.ts), and
 * 400 already made `exec` fall back to its slow NFA (a 1 MB buffer took 390 ms; one scratch
 * run). Instead, with m the length of the shortest variant and q = 4 (8 when m ≥ 16) bytes
 * per probe, the scan reads one q-byte gram every s = m − q + 1 bytes (at most 32): any
 * occurrence of a variant of length n ≥ m covers any s consecutive offsets k…k+s−1 of it
 * with a whole gram, so one probe lands at one of them. Each variant's grams at its last s
 * offsets are indexed (k = n − q − s + 1: tokens start with a fixed prefix such as `sk-proj-`
 * or `eyJhbGciOi` whose grams are everywhere in logs; their ends are random) — a blocked
 * bitmap (two bits of one 32-bit word per gram, ~32 bits per gram) rejects most probes, an
 * open-addressing table of hashes finds the candidates — and a candidate is confirmed by
 * comparing the bytes. The cost is one probe per s bytes, nearly independent of the number
 * of values (bench/RESULTS.md, "Known secrets").
 *
 * PERF: indexing each variant's first s grams, the values the rules find in 20 MB of the
 * bench corpus (722 values, 3,074 variants, step 8) made 41,440 probes match an indexed gram
 * and compare bytes (`-pro` of `sk-proj-` in every `kube-probe` user agent: 26,854 of them);
 * with the last s grams, 3,568. With that, two bitmap bits per gram and four probes per loop
 * iteration (`find`), old vs new `KnownIndex.find` over those 20 MB (scratch, round robin,
 * median of 15, a loaded machine): 10 values 18.3 → 9.3 ms, 10,000 values 19.7 → 12.0 ms,
 * the corpus's 722 values 21.2 → 11.0 ms.
 *
 * The index grows and shrinks one variant at a time (learned secrets arrive one by one):
 * `add` indexes the variant's s grams; the table is rebuilt only when it is half full (sized
 * for twice the grams, so rebuilds are amortised), when a variant shorter than the step
 * allows arrives (the step only shrinks that way: a handful of rebuilds in a set's life), or
 * when removed variants outnumber the live ones (`remove` only marks a variant gone; its
 * grams stay in the table, and their probes find nothing, until then).
 */
import type { Span } from '../matcher/span.js';
import type { Variant } from './variants.js';

/** Most grams indexed per variant (the sampling step is capped: a smaller step stays correct). */
const MAX_STEP = 32;
/** Bitmap bits per indexed gram at a (re)build. */
const BITS_PER_GRAM = 32;
const MIN_BITS = 2 ** 16;
const MAX_BITS = 2 ** 25;
/** Removed variants tolerated before a rebuild drops their grams (besides as many as are live). */
const RETIRED_SLACK = 32;

const nextPow2 = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(n, 2)));

const viewOf = (buf: Uint8Array) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);

/** The hash of the `gram` bytes at `p`: the same when indexing a variant and when probing input. */
function gramHash(view: DataView, p: number, gram: 4 | 8): number {
  let h = Math.imul(view.getInt32(p, true), 0x9e3779b1);
  if (gram === 8) h = Math.imul(h ^ view.getInt32(p + 4, true), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** The two bits a gram hash sets in its bitmap word (the word is picked by the top bits). */
const bloomBits = (h: number) => (1 << (h & 31)) | (1 << ((h >>> 5) & 31));

function isBase64Char(c: number, url: boolean): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (url ? c === 0x2d || c === 0x5f : c === 0x2b || c === 0x2f);
}

/** A variant to index and the rule index its spans carry. */
export interface RuledVariant {
  readonly variant: Variant;
  readonly rule: number;
}

interface Indexed extends Variant {
  readonly rule: number;
}

/** A set of variants found together; see the module doc. */
export class GramIndex {
  /** By handle; undefined for a removed variant (its handle is reused after the next rebuild). */
  private readonly variants: (Indexed | undefined)[] = [];
  private live = 0;
  /** Handles of removed variants whose grams are still in the table. */
  private retired: number[] = [];
  /** Handles free for reuse (no gram of theirs left in the table). */
  private readonly free: number[] = [];
  private gram: 4 | 8 = 4;
  private step = 1;
  /** Rejects most probes: two bits per gram hash, in the word its top bits pick (`bitsOf`). */
  private bitmap = new Int32Array(1);
  private shift = 31;
  /** Open addressing on the hash's low bits: hash → the variant's handle (-1: empty) and the gram's offset in it. */
  private keys = new Int32Array(1);
  private slots = new Int32Array(1).fill(-1);
  private offsets = new Int32Array(1);
  private mask = 0;
  /** Table slots in use (grams of live and retired variants), and the count that forces a rebuild. */
  private used = 0;
  private limit = 0;

  /**
   * @param initial variants to index at once (sized exactly for them).
   * @example new GramIndex([{ variant, rule: knownRule(0) }]).find(buf, spans)
   */
  constructor(initial: readonly RuledVariant[] = []) {
    for (const { variant, rule } of initial) this.variants.push({ ...variant, rule });
    this.live = initial.length;
    if (this.live > 0) this.rebuild(1);
  }

  /** Number of variants looked for. */
  get size(): number {
    return this.live;
  }

  /** Adds a variant (at least 4 bytes) found as spans of `rule`; returns its handle for `remove`. */
  add(variant: Variant, rule: number): number {
    const handle = this.free.pop() ?? this.variants.length;
    this.variants[handle] = { ...variant, rule };
    this.live++;
    if (this.live === 1 || variant.bytes.length - this.gram + 1 < this.step || this.used + this.step > this.limit) this.rebuild(2);
    else this.indexGrams(handle);
    return handle;
  }

  /** Stops looking for the variant with this handle. */
  remove(handle: number): void {
    if (this.variants[handle] === undefined) return;
    this.variants[handle] = undefined;
    this.live--;
    this.retired.push(handle);
    if (this.retired.length > this.live + RETIRED_SLACK) this.rebuild(2);
  }

  /**
   * Appends a span for every occurrence of a variant in `buf` (its rule), widened over
   * partial base64 characters. Spans may overlap each other and rule spans: the caller
   * resolves overlaps.
   */
  find(buf: Uint8Array, out: Span[]): void {
    if (this.live === 0) return;
    const { gram, step, bitmap, shift } = this;
    const last = buf.length - gram;
    const view = viewOf(buf);
    let p = 0;
    // PERF: four independent probes per iteration, one branch for the four (they nearly all
    // miss the bitmap): 1.3–1.6× faster than one probe per iteration (scratch, step 8 over
    // 20 MB of the bench corpus, a 256 KB bitmap: 12.5 → 7.9 ms, best of 25; the machine was
    // loaded, medians 17.5 → 13.4 ms).
    for (const step4 = 4 * step; p + 3 * step <= last; p += step4) {
      const h0 = gramHash(view, p, gram);
      const h1 = gramHash(view, p + step, gram);
      const h2 = gramHash(view, p + 2 * step, gram);
      const h3 = gramHash(view, p + 3 * step, gram);
      const m0 = bloomBits(h0);
      const m1 = bloomBits(h1);
      const m2 = bloomBits(h2);
      const m3 = bloomBits(h3);
      const hits = ((bitmap[h0 >>> shift]! & m0) === m0 ? 1 : 0) | ((bitmap[h1 >>> shift]! & m1) === m1 ? 2 : 0) | ((bitmap[h2 >>> shift]! & m2) === m2 ? 4 : 0) | ((bitmap[h3 >>> shift]! & m3) === m3 ? 8 : 0);
      if (hits === 0) continue;
      if (hits & 1) this.lookup(buf, p, h0, out);
      if (hits & 2) this.lookup(buf, p + step, h1, out);
      if (hits & 4) this.lookup(buf, p + 2 * step, h2, out);
      if (hits & 8) this.lookup(buf, p + 3 * step, h3, out);
    }
    for (; p <= last; p += step) {
      const h = gramHash(view, p, gram);
      const m = bloomBits(h);
      if ((bitmap[h >>> shift]! & m) === m) this.lookup(buf, p, h, out);
    }
  }

  /** Confirms each indexed gram with hash `h` against the input at probe `p`. */
  private lookup(buf: Uint8Array, p: number, h: number, out: Span[]): void {
    const { keys, slots, mask } = this;
    for (let slot = h & mask; slots[slot] !== -1; slot = (slot + 1) & mask) {
      if (keys[slot] === h) this.verify(buf, p, slot, out);
    }
  }

  private verify(buf: Uint8Array, p: number, slot: number, out: Span[]): void {
    const v = this.variants[this.slots[slot]!];
    if (v === undefined) return;
    const start = p - this.offsets[slot]!;
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
    out.push({ start: s, end: e, rule: v.rule });
  }

  /**
   * Indexes every live variant again, with the gram and step its shortest variant allows,
   * in a table with room for `headroom` times their grams; removed handles become reusable.
   */
  private rebuild(headroom: number): void {
    for (const h of this.retired) this.free.push(h);
    this.retired = [];
    let shortest = Infinity;
    for (const v of this.variants) if (v !== undefined) shortest = Math.min(shortest, v.bytes.length);
    this.used = 0;
    if (this.live === 0) {
      this.bitmap = new Int32Array(1);
      this.keys = new Int32Array(1);
      this.slots = new Int32Array(1).fill(-1);
      this.mask = 0;
      this.limit = 0;
      return;
    }
    this.gram = shortest >= 16 ? 8 : 4;
    this.step = Math.min(shortest - this.gram + 1, MAX_STEP);
    const grams = this.live * this.step;
    const bits = Math.min(Math.max(nextPow2(grams * BITS_PER_GRAM), MIN_BITS), MAX_BITS);
    this.shift = 32 - Math.log2(bits / 32);
    this.bitmap = new Int32Array(bits / 32);
    const capacity = nextPow2(grams * headroom * 2);
    this.mask = capacity - 1;
    this.limit = capacity / 2;
    this.keys = new Int32Array(capacity);
    this.slots = new Int32Array(capacity).fill(-1);
    this.offsets = new Int32Array(capacity);
    for (let i = 0; i < this.variants.length; i++) if (this.variants[i] !== undefined) this.indexGrams(i);
  }

  /** Indexes the grams at the last `step` offsets of a variant (see the module doc). */
  private indexGrams(handle: number): void {
    const bytes = this.variants[handle]!.bytes;
    const view = viewOf(bytes);
    const first = bytes.length - this.gram - this.step + 1;
    for (let d = first; d < first + this.step; d++) {
      const h = gramHash(view, d, this.gram);
      this.bitmap[h >>> this.shift]! |= bloomBits(h);
      let slot = h & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.slots[slot] = handle;
      this.offsets[slot] = d;
      this.used++;
    }
  }
}
