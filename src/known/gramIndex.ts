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
 * bitmap (two bits of one 32-bit word per gram, 16–32 bits per gram) rejects most probes, an
 * open-addressing table of hashes finds the candidates — and a candidate is confirmed by
 * looking its bytes up among the variants. The cost is one probe per s bytes, nearly
 * independent of the number of values (bench/RESULTS.md, "Known secrets").
 *
 * Values often share most of their bytes (tokens that differ in their last characters, a
 * secret store's values under one prefix): their grams are the same. The table keeps one
 * slot per distinct (gram, variant length, gram position) with a count of the variants
 * behind it, and a candidate is one dictionary lookup whatever that count — never one byte
 * comparison per variant. PERF: with a slot per variant's gram, 1,600 Slack tokens that
 * differ in their last six characters (pino's transport test) made linear-probing runs of
 * thousands of slots and a comparison per token on every probe: 20,000 lines took 0.66 s
 * and 40,000 took 6.5 s (scratch); now 40,000 take 0.69 s and 100,000 1.38 s.
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
 * `add` indexes the variant's s grams, `remove` deletes them from the table (backward-shift
 * deletion keeps linear probing without tombstones). The table is rebuilt only when it is
 * 70% full (to at most half full, so rebuilds are amortised) or when a variant shorter
 * than the step allows arrives (the step only shrinks that way: a handful of rebuilds in a
 * set's life). Bitmap bits cannot be taken back (grams share them): once as many grams were
 * removed as are left, the bitmap is redrawn from the table's hashes.
 * PERF: a first version left removed grams in the table until they outnumbered the live ones
 * and then re-hashed every variant; in a full learned set (each new value evicting one) that
 * rebuild was the largest single cost of learning a value (scratch profile).
 */
import type { Span } from '../matcher/span.js';
import type { Variant } from './variants.js';

/** Most grams indexed per variant (the sampling step is capped: a smaller step stays correct). */
const MAX_STEP = 32;
/**
 * Bitmap bits per indexed gram at a (re)build (a power of two above: 16–32). PERF: with two
 * bits per gram in one word, 16 found as fast as 32 (scratch, 10,000 known values over 20 MB:
 * 12.0 vs 13.4 ms, the corpus's 722 values 11.0 vs 10.0 ms; a loaded machine, within noise)
 * at half the memory, which the matcher's own work would otherwise push out of the cache.
 */
const BITS_PER_GRAM = 16;
const MIN_BITS = 2 ** 16;
const MAX_BITS = 2 ** 25;
/** Most table slots in use before it is rebuilt larger. */
const MAX_LOAD = 0.7;
/** Removed grams tolerated in the bitmap before it is redrawn (besides as many as are live). */
const STALE_SLACK = 1024;

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
  /** The bytes as a latin1 string: the variant's key in `exact`. */
  readonly key: string;
}

/** One object shape for every indexed variant (a spread made ones V8 handled more slowly). */
const indexed = (v: Variant, rule: number): Indexed => ({ bytes: v.bytes, widen: v.widen, partialStart: v.partialStart, partialEnd: v.partialEnd, rule, key: v.bytes.toString('latin1') });

/**
 * Int32s per table slot: the gram's hash, its shape (`n << 6 | n − d` for a gram at offset d
 * of a variant of length n: at most q + s − 1 ≤ 39 bytes from its end) and the number of live
 * variants with that gram in that shape (0: an empty slot).
 */
const SLOT = 3;
const shapeOf = (length: number, fromEnd: number) => (length << 6) | fromEnd;

/** A set of variants found together; see the module doc. */
export class GramIndex {
  /** By handle; undefined for a removed variant (its handle is reused). */
  private readonly variants: (Indexed | undefined)[] = [];
  /** Handles of the live variants with these bytes (latin1), to confirm a candidate. */
  private readonly exact = new Map<string, number[]>();
  private live = 0;
  /** Handles free for reuse. */
  private readonly free: number[] = [];
  private gram: 4 | 8 = 4;
  private step = 1;
  /** Rejects most probes: two bits per gram hash, in the word its top bits pick (`bloomBits`). */
  private bitmap = new Int32Array(1);
  private shift = 31;
  /**
   * Open addressing (linear probing) on the hash's low bits, `SLOT` Int32s per slot.
   * PERF: one array of packed slots rather than three (hashes, handles, offsets), filled to
   * at most 70%: inserting and deleting grams (a full learned set evicts one value for each
   * it learns) is bound by cache misses in the table, and a probe touches one cache line
   * instead of three (scratch profile).
   */
  private table = emptyTable(1);
  private mask = 0;
  /** Table slots in use, and the count that forces a rebuild. */
  private used = 0;
  private limit = 0;
  /** Slots emptied since the bitmap was drawn (their bits may still be set). */
  private stale = 0;

  /**
   * @param initial variants to index at once (sized exactly for them).
   * @example new GramIndex([{ variant, rule: knownRule(0) }]).find(buf, spans)
   */
  constructor(initial: readonly RuledVariant[] = []) {
    for (const { variant, rule } of initial) {
      this.variants.push(indexed(variant, rule));
      this.link(this.variants.length - 1);
    }
    this.live = initial.length;
    if (this.live > 0) this.rebuild();
  }

  /** Number of variants looked for. */
  get size(): number {
    return this.live;
  }

  /** Adds a variant (at least 4 bytes) found as spans of `rule`; returns its handle for `remove`. */
  add(variant: Variant, rule: number): number {
    const handle = this.free.pop() ?? this.variants.length;
    this.variants[handle] = indexed(variant, rule);
    this.link(handle);
    this.live++;
    if (this.live === 1 || variant.bytes.length - this.gram + 1 < this.step || this.used + this.step > this.limit) this.rebuild();
    else this.indexGrams(handle, 1);
    return handle;
  }

  /** Stops looking for the variant with this handle. */
  remove(handle: number): void {
    const v = this.variants[handle];
    if (v === undefined) return;
    this.indexGrams(handle, -1);
    const handles = this.exact.get(v.key)!;
    if (handles.length === 1) this.exact.delete(v.key);
    else handles.splice(handles.indexOf(handle), 1);
    this.variants[handle] = undefined;
    this.free.push(handle);
    this.live--;
    if (this.stale > this.used + STALE_SLACK) this.redrawBitmap();
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

  /** Confirms each shape indexed under hash `h` against the input at probe `p`. */
  private lookup(buf: Uint8Array, p: number, h: number, out: Span[]): void {
    const { table, mask } = this;
    for (let slot = h & mask; table[slot * SLOT + 2] !== 0; slot = (slot + 1) & mask) {
      if (table[slot * SLOT] !== h) continue;
      const shape = table[slot * SLOT + 1]!;
      const end = p + (shape & 63);
      const start = end - (shape >>> 6);
      if (start < 0 || end > buf.length) continue;
      const handles = this.exact.get(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
      if (handles !== undefined) for (const handle of handles) this.report(buf, start, end, this.variants[handle]!, out);
    }
  }

  /** Appends the span of a confirmed occurrence, widened over partial base64 characters. */
  private report(buf: Uint8Array, start: number, end: number, v: Indexed, out: Span[]): void {
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

  /** Registers a variant's bytes for `lookup`. */
  private link(handle: number): void {
    const key = this.variants[handle]!.key;
    const handles = this.exact.get(key);
    if (handles === undefined) this.exact.set(key, [handle]);
    else handles.push(handle);
  }

  /**
   * Empties `slot` and moves later entries of its probe run back so that every entry stays
   * reachable from its home slot (linear probing's deletion, without tombstones).
   */
  private deleteSlot(slot: number): void {
    const { table, mask } = this;
    let hole = slot;
    for (let j = (hole + 1) & mask; table[j * SLOT + 2] !== 0; j = (j + 1) & mask) {
      const home = table[j * SLOT]! & mask;
      // The entry at j may move into the hole unless its home lies cyclically in (hole, j].
      const stays = hole < j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      table.copyWithin(hole * SLOT, j * SLOT, j * SLOT + SLOT);
      hole = j;
    }
    table[hole * SLOT + 2] = 0;
    this.used--;
    this.stale++;
  }

  /** Sets the bitmap from the hashes in the table (dropping the bits of emptied slots). */
  private redrawBitmap(): void {
    const { table, bitmap, shift } = this;
    bitmap.fill(0);
    for (let i = 0; i < table.length; i += SLOT) if (table[i + 2] !== 0) bitmap[table[i]! >>> shift]! |= bloomBits(table[i]!);
    this.stale = 0;
  }

  /**
   * Indexes every live variant again, with the gram and step its shortest variant allows,
   * in a table at most half full (it grows geometrically: rebuilds are amortised).
   */
  private rebuild(): void {
    this.stale = 0;
    this.used = 0;
    let shortest = Infinity;
    for (const v of this.variants) if (v !== undefined) shortest = Math.min(shortest, v.bytes.length);
    if (this.live === 0) {
      this.bitmap = new Int32Array(1);
      this.table = emptyTable(1);
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
    const capacity = nextPow2(grams * 2);
    this.mask = capacity - 1;
    this.limit = Math.floor(capacity * MAX_LOAD);
    this.table = emptyTable(capacity);
    for (let i = 0; i < this.variants.length; i++) if (this.variants[i] !== undefined) this.indexGrams(i, 1);
  }

  /**
   * Counts the grams at the last `step` offsets of a variant (see the module doc) in (`by` 1)
   * or out (`by` -1) of the table: a (gram, shape) slot is added at its first variant and
   * emptied after its last.
   */
  private indexGrams(handle: number, by: 1 | -1): void {
    const { gram, step } = this;
    const bytes = this.variants[handle]!.bytes;
    const view = viewOf(bytes);
    const first = bytes.length - gram - step + 1;
    for (let d = first; d < first + step; d++) {
      const h = gramHash(view, d, gram);
      const shape = shapeOf(bytes.length, bytes.length - d);
      const { table, mask } = this;
      let slot = h & mask;
      while (table[slot * SLOT + 2] !== 0 && (table[slot * SLOT] !== h || table[slot * SLOT + 1] !== shape)) slot = (slot + 1) & mask;
      const count = table[slot * SLOT + 2]!;
      if (by === 1) {
        if (count === 0) {
          table[slot * SLOT] = h;
          table[slot * SLOT + 1] = shape;
          this.bitmap[h >>> this.shift]! |= bloomBits(h);
          this.used++;
        }
        table[slot * SLOT + 2] = count + 1;
      } else if (count === 1) this.deleteSlot(slot);
      else if (count > 1) table[slot * SLOT + 2] = count - 1;
    }
  }
}

/** A table of `capacity` empty slots. */
function emptyTable(capacity: number): Int32Array {
  return new Int32Array(capacity * SLOT);
}
