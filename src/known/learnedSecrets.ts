/**
 * Value identity: a value that a rule masked is a secret wherever it appears again. The
 * redactor hands each matcher call's masked spans here; their values are learned (when
 * `isLearnable`: the known-secret floors, not plain text) and every copy of a learned value —
 * as it is, or in the encodings known secrets are found in (variants.ts) — becomes a span
 * naming the learned value, so it gets the first copy's rule id and fingerprint.
 *
 * Order, so output does not depend on how a stream was cut: a value learned on line N of a
 * buffer masks its other copies on line N and below, never above (those lines would have
 * been written already had the buffer been cut at line N); copies in later buffers always.
 *
 * Bounds: values live in memory only (findings carry fingerprints, never values), at most
 * `maxValues` of them (least recently seen evicted first), each forgotten `ttl` after it was
 * last seen (masked by a rule or found as a copy).
 *
 * PERF: the values are one growable gram index (gramIndex.ts): a value's variants go in and
 * an evicted value's come out one by one, never a rebuild per value (2,000 values learned one
 * at a time took 180 ms in all; one index of 1,000 values takes 66 ms, what each learned
 * value would cost with rebuilds). Measured on 20 MB of the bench corpus in 64 KiB chunks
 * (scratch, a shared 2-core machine; min of 9-21 rounds):
 * - clean lines, nothing learned: no measurable cost (`find` returns before the clock);
 * - looking for 1,000 values (4,250 variants; the corpus's 11-byte passwords set the step to
 *   8 bytes): 14-20 ms alone, 21-29 ms between matcher calls, against 110-125 ms for the
 *   matcher (13-23%);
 * - learning: 12-22 µs a value alone, 30-45 µs between matcher calls in a full set (its
 *   variants' grams in, an evicted value's out: ~70 random table accesses);
 * - end to end, a full set that every secret of the corpus is new to (each one learned, one
 *   evicted): `findSpans` at 0.56-0.73× the throughput without learning (seven runs) — short
 *   of the 0.9 asked for. A set of long values only (step ≥ 17) costs about half as much to
 *   search; `learn: false` costs nothing.
 */
import type { Span } from '../matcher/span.js';
import { GramIndex } from './gramIndex.js';
import { LEARNED_RULE_BASE } from './knownIndex.js';
import { isLearnable } from './learnable.js';
import { passesKnownFloors } from './knownSecret.js';
import { variantsOf } from './variants.js';

/** Default most values learned at once: 1,000 (about 7–20 byte strings each in the index). */
export const DEFAULT_LEARN_MAX_VALUES = 1000;
/** Default time a learned value is kept after it was last seen: 1 hour. */
export const DEFAULT_LEARN_TTL = 3_600_000;

/** Bounds of a learned set, after defaults. */
export interface LearnLimits {
  readonly maxValues: number;
  /** Milliseconds. */
  readonly ttl: number;
}

/** Counters of a learned set. */
export interface LearnedStats {
  /** Values held now. */
  readonly values: number;
  /** Values learned since the redactor was made. */
  readonly learned: number;
  /** Values dropped to make room (least recently seen first). */
  readonly evicted: number;
  /** Values dropped after `ttl` without being seen. */
  readonly expired: number;
}

/** A learned value and where it came from (what the redactor needs to mask and report it). */
export interface LearnedEntry<O> {
  readonly value: Buffer;
  readonly origin: O;
}

interface Entry<O> extends LearnedEntry<O> {
  readonly id: number;
  readonly key: string;
  readonly handles: readonly number[];
  lastSeen: number;
  /** The matcher call it was learned in, and where its line starts in that call's buffer. */
  readonly call: number;
  readonly from: number;
  /** Neighbours in the recency list (`older` of the least recently seen: undefined). */
  older: Entry<O> | undefined;
  newer: Entry<O> | undefined;
}

/** Rule index of the spans of learned value `id`. */
export const learnedRule = (id: number): number => LEARNED_RULE_BASE - id;
/** Id of a learned span's rule index, or -1 for other spans. */
export const learnedIdOf = (rule: number): number => (rule <= LEARNED_RULE_BASE ? LEARNED_RULE_BASE - rule : -1);

const NEWLINE = 0x0a;
const PERCENT = /%[0-9A-Fa-f]{2}/;

/**
 * The value as logs also carry it decoded: a rule masks the raw bytes of a JSON string
 * (`p\/ss\"w0rd`) or a URL query value (`p%2Fss`), and a copy elsewhere may be plain.
 */
function decodedForms(value: Buffer): Buffer[] {
  const forms: Buffer[] = [];
  const backslash = value.includes(0x5c);
  if (!backslash && !value.includes(0x25)) return forms;
  const text = value.toString('utf8');
  if (backslash) {
    try {
      const decoded = JSON.parse(`"${text}"`) as string;
      if (decoded !== text) forms.push(Buffer.from(decoded, 'utf8'));
    } catch {
      // not a JSON string's contents
    }
  }
  if (PERCENT.test(text)) {
    try {
      const decoded = decodeURIComponent(text);
      if (decoded !== text) forms.push(Buffer.from(decoded, 'utf8'));
    } catch {
      // not percent-encoded UTF-8
    }
  }
  return forms.filter(passesKnownFloors);
}

/** New values one buffer (a chunk, a `redact()` call) may teach; see the PERF note in `find`. */
export const MAX_LEARN_PER_CALL = 256;

/** The learned values of one redactor; `O` is what the redactor keeps about their rule. */
export class LearnedSecrets<O> {
  private readonly index = new GramIndex();
  private readonly byValue = new Map<string, Entry<O>>();
  /**
   * The recency list: least recently seen first. PERF: not a Map's insertion order (seeing a
   * value would delete and re-insert it): V8's ordered maps keep deleted entries until they
   * rehash, and iterating from the oldest (every eviction and TTL check) skipped them, an
   * O(n) walk per call in a full set (scratch profile).
   */
  private oldest: Entry<O> | undefined;
  private newest: Entry<O> | undefined;
  private readonly byId = new Map<number, Entry<O>>();
  private nextId = 0;
  private calls = 0;
  private learned = 0;
  private evicted = 0;
  private expired = 0;

  /**
   * @param now the clock (milliseconds; tests pass their own).
   * @param passwordOrigin whether an origin's values are passwords (see `isLearnable`).
   * @example new LearnedSecrets<string>({ maxValues: 1000, ttl: 3_600_000 })
   */
  constructor(
    private readonly limits: LearnLimits,
    private readonly now: () => number = () => Date.now(),
    /** Whether values of this origin are passwords (learned even when they read as a word with a number: `isLearnable`). */
    private readonly passwordOrigin: (origin: O) => boolean = () => false,
  ) {}

  /**
   * Learns the values under `masked` (spans of `buf`, sorted, not overlapping) whose rule
   * has an origin, then appends a span for every copy of a learned value in `buf`, except
   * copies inside `masked` and copies above the line where their value was first learned.
   * PERF: with nothing learned and nothing masked this returns before reading the clock.
   */
  find(buf: Buffer, masked: readonly Span[], originOf: (rule: number) => O | undefined, out: Span[]): void {
    if (masked.length === 0 && this.byValue.size === 0) return;
    const now = this.now();
    this.expire(now);
    const call = ++this.calls;
    let learnedHere = 0;
    for (const s of masked) {
      // PERF: learning a value costs tens of µs; a hostile line with a masked value every few
      // bytes would make that thousands per line. A buffer teaches at most MAX_LEARN_PER_CALL
      // new values (its other values are still masked by their rules).
      if (learnedHere >= MAX_LEARN_PER_CALL) break;
      if (s.end - s.start < 8) continue;
      const origin = originOf(s.rule);
      if (origin === undefined) continue;
      const from = s.start === 0 ? 0 : buf.lastIndexOf(NEWLINE, s.start - 1) + 1;
      if (this.add(buf.subarray(s.start, s.end), origin, now, call, from)) learnedHere++;
    }
    if (this.index.size === 0) return;
    const first = out.length;
    this.index.find(buf, out);
    if (out.length === first) return;
    // Keep the copies that are new masks and may be seen from where they are.
    const hits = out.splice(first).sort((a, b) => a.start - b.start);
    let j = 0;
    for (const h of hits) {
      const e = this.byId.get(learnedIdOf(h.rule));
      if (e === undefined || (e.call === call && h.start < e.from)) continue;
      while (j < masked.length && masked[j]!.end <= h.start) j++;
      if (j < masked.length && masked[j]!.start <= h.start && h.end <= masked[j]!.end) continue;
      this.touch(e, now);
      out.push(h);
    }
  }

  /** Learns one value masked without a span (a structured log field); no-op when not learnable. */
  learnValue(value: Buffer, origin: O): void {
    const now = this.now();
    this.expire(now);
    this.add(value, origin, now, ++this.calls, 0);
  }

  /** The learned value behind a span's rule index, while it is held. */
  entry(rule: number): LearnedEntry<O> | undefined {
    return this.byId.get(learnedIdOf(rule));
  }

  stats(): LearnedStats {
    return { values: this.byValue.size, learned: this.learned, evicted: this.evicted, expired: this.expired };
  }

  /** Learns `value`; true when it was new and learnable. */
  private add(value: Buffer, origin: O, now: number, call: number, from: number): boolean {
    const key = value.toString('latin1');
    const known = this.byValue.get(key);
    if (known !== undefined) {
      this.touch(known, now);
      return false;
    }
    if (!isLearnable(value, this.passwordOrigin(origin))) return false;
    while (this.byValue.size >= this.limits.maxValues) {
      this.drop(this.oldest!);
      this.evicted++;
    }
    const id = this.nextId++;
    const variants = variantsOf(value).filter((v) => !v.bytes.includes(NEWLINE));
    for (const form of decodedForms(value)) {
      for (const v of variantsOf(form)) if (!v.bytes.includes(NEWLINE) && !variants.some((w) => w.bytes.equals(v.bytes))) variants.push(v);
    }
    // The value and its variants, copied into one buffer of their own: never a view of the
    // caller's buffer, and not slices of Node's shared 8 KiB pool, which a long-lived slice
    // keeps whole (1,000 values × their variants could pin megabytes of pool slabs).
    const store = Buffer.allocUnsafeSlow(variants.reduce((n, v) => n + v.bytes.length, value.length));
    let at = value.copy(store, 0);
    const copy = store.subarray(0, at);
    const handles = variants.map((v) => {
      const bytes = store.subarray(at, (at += v.bytes.copy(store, at)));
      return this.index.add({ ...v, bytes }, learnedRule(id));
    });
    const entry: Entry<O> = { id, key, value: copy, origin, handles, lastSeen: now, call, from, older: undefined, newer: undefined };
    this.byValue.set(key, entry);
    this.byId.set(id, entry);
    this.append(entry);
    this.learned++;
    return true;
  }

  private touch(e: Entry<O>, now: number): void {
    e.lastSeen = now;
    if (e === this.newest) return;
    this.unlink(e);
    this.append(e);
  }

  private expire(now: number): void {
    while (this.oldest !== undefined && now - this.oldest.lastSeen >= this.limits.ttl) {
      this.drop(this.oldest);
      this.expired++;
    }
  }

  private drop(e: Entry<O>): void {
    for (const h of e.handles) this.index.remove(h);
    this.byValue.delete(e.key);
    this.byId.delete(e.id);
    this.unlink(e);
  }

  private append(e: Entry<O>): void {
    e.older = this.newest;
    e.newer = undefined;
    if (this.newest === undefined) this.oldest = e;
    else this.newest.newer = e;
    this.newest = e;
  }

  private unlink(e: Entry<O>): void {
    if (e.older === undefined) this.oldest = e.newer;
    else e.older.newer = e.newer;
    if (e.newer === undefined) this.newest = e.older;
    else e.newer.older = e.older;
    e.older = e.newer = undefined;
  }
}
