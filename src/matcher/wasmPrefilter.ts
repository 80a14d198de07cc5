/**
 * The keyword prefilter on WebAssembly (src/matcher/wasm/prefilter.as.ts, built by `npm run build`).
 * Same contract as the RE2 prefilter it replaces (prefilter.ts): every line holding a
 * keyword is reported with every keyword it holds; false candidates are allowed, misses
 * are not.
 *
 * The module scans bytes for ASCII keywords with ASCII case folding. Two things it does not
 * fold are handed to RE2, which folds exactly as the rules' `(?i)` does:
 * - a buffer holding `ſ` (U+017F) or `K` (U+212A), which RE2 folds onto `s` and `k`: the
 *   whole buffer goes through the RE2 prefilter (checked only when the buffer is not ASCII);
 * - keywords with non-ASCII letters that have case (`пароль`, `clé`) or shorter than three
 *   bytes: a small RE2 prefilter of their own, run only on buffers that are not ASCII (or on
 *   every buffer, for short keywords), its lines merged in order with the module's.
 *
 * Memory (one instance per prefilter): [module's own][bitmap, heads of 4-byte grams][the same
 * of 3-byte grams][keyword records]
 * [keyword bytes][hits][window of input + padding]. The input is copied in by windows of
 * WINDOW bytes (plus the longest keyword, so a keyword across a window's end is still seen).
 */
import { isAscii } from 'node:buffer';
import { PREFILTER_WASM } from './wasm/prefilter.generated.js';
import type { Keyword, Prefilter } from './prefilter.js';

/** The little of the WebAssembly API used here (the project's `lib` has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}
const WASM = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

interface Exports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly resume: { readonly value: unknown };
  setup(bitmap4: number, heads4: number, bits4: number, bitmap3: number, heads3: number, bits3: number, records: number, bytes: number): void;
  scan(data: number, dataLen: number, from: number, to: number, out: number, outCap: number): number;
  hasHighByte(data: number, len: number): number;
}

const DEFAULT_WINDOW = 1 << 20;
const DEFAULT_OUT_CAP = 8192;
const KW_SIZE = 24;
const HASH_MUL = 0x9e3779b1;
const LONG_S = Buffer.from('\u017f');
const KELVIN = Buffer.from('\u212a');

let compiled: object | null | undefined;
let unavailable = '';

/** The compiled module, or undefined when this runtime cannot run it (`why` says why). */
export function prefilterModule(): object | undefined {
  if (compiled === undefined) {
    if (process.env.LOGVEIL_PREFILTER === 're2') {
      compiled = null;
      unavailable = 'LOGVEIL_PREFILTER=re2';
    } else {
      try {
        if (WASM === undefined) throw new Error('no WebAssembly in this runtime');
        compiled = new WASM.Module(Buffer.from(PREFILTER_WASM, 'base64'));
      } catch (err) {
        compiled = null;
        unavailable = `WebAssembly SIMD is unavailable (${(err as Error).message})`;
      }
    }
  }
  return compiled ?? undefined;
}

/** Why `prefilterModule()` gave nothing ('' when it did not). */
export function prefilterModuleUnavailable(): string {
  return unavailable;
}

/**
 * How common a byte is in log text (a rough order: letters by English frequency, the
 * punctuation of JSON and key=value lines), after `| 0x20` folding; indexed by byte.
 */
const COMMONNESS = (() => {
  const table = new Uint8Array(256).fill(2);
  const rank = (chars: string, n: number) => {
    for (const c of chars) table[c.charCodeAt(0) | 0x20] = n;
  };
  rank('{}[]()', 5);
  rank('vkxjqz', 3);
  rank('-_0123456789', 6); // `_` folds to 0x7f
  rank('hldcumfpgwyb,.=/', 7);
  rank(' etaoinsr":', 10);
  return table;
})();

/** The offset of a keyword's `width` bytes least likely in ordinary text (the first of equals). */
function rarestGram(t: Buffer, width: number): number {
  let best = 0;
  let bestScore = Infinity;
  for (let o = 0; o + width <= t.length; o++) {
    let score = 0;
    for (let j = 0; j < width; j++) score += COMMONNESS[t[o + j]! | 0x20]!;
    if (score < bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

/** True for a keyword the module cannot compare: non-ASCII letters with case, or under three bytes. */
function needsRe2(k: Keyword): boolean {
  if (Buffer.byteLength(k.text) < 3) return true;
  if (k.caseSensitive) return false;
  for (const ch of k.text) if (ch.charCodeAt(0) > 0x7f && ch.toLowerCase() !== ch.toUpperCase()) return true;
  return false;
}

/**
 * The WebAssembly prefilter for `keywords`, or undefined when the module is unavailable.
 * `re2` builds the RE2 prefilter for a list of keywords (the fallbacks described above).
 */
export function compileWasmPrefilter(keywords: readonly Keyword[], re2: (keywords: readonly Keyword[]) => Prefilter, sizes: { window?: number; outCap?: number } = {}): Prefilter | undefined {
  // Tests shrink the window and the hit buffer to cross their edges on small inputs.
  const WINDOW = sizes.window ?? DEFAULT_WINDOW;
  const mod = prefilterModule();
  if (mod === undefined) return undefined;
  const inModule: number[] = [];
  const aside: number[] = [];
  keywords.forEach((k, id) => (needsRe2(k) ? aside : inModule).push(id));
  const texts = inModule.map((id) => Buffer.from(keywords[id]!.text));
  // Keywords of four bytes or more by their rarest four; keywords of three by all three.
  const widths = texts.map((t) => (t.length >= 4 ? 4 : 3));
  const offsets = texts.map((t, r) => rarestGram(t, widths[r]!));
  const grams = texts.map((t, r) => {
    const o = offsets[r]!;
    const g = (t[o]! | 0x20) | ((t[o + 1]! | 0x20) << 8) | ((t[o + 2]! | 0x20) << 16);
    return (widths[r] === 4 ? g | ((t[o + 3]! | 0x20) << 24) : g) >>> 0;
  });
  const maxOffset = offsets.reduce((n, o) => Math.max(n, o), 0);
  const kwBytesLength = texts.reduce((n, t) => n + t.length, 0);
  const maxLength = texts.reduce((n, t) => Math.max(n, t.length), 4);
  // About 64 slots per keyword (a byte each), within [2^12, 2^20]: a table of the built-in
  // catalog stays in the first-level cache and a position of ordinary text rarely hits a set
  // slot by accident.
  const bitsFor = (n: number) => Math.min(20, Math.max(12, Math.ceil(Math.log2(Math.max(1, n))) + 6));
  const bits4 = bitsFor(widths.filter((w) => w === 4).length);
  const bits3 = bitsFor(widths.filter((w) => w === 3).length);
  const slot = (r: number) => Math.imul(grams[r]!, HASH_MUL) >>> (32 - (widths[r] === 4 ? bits4 : bits3));

  // A call returns only whole positions, so the hit buffer must hold every hit of one
  // position: at most the longest chains of keywords whose grams hash alike, in both tables.
  const chains = [new Uint32Array(1 << bits4), new Uint32Array(1 << bits3)];
  const longest = [0, 0];
  texts.forEach((_, r) => {
    const table = widths[r] === 4 ? 0 : 1;
    const n = ++chains[table]![slot(r)]!;
    if (n > longest[table]!) longest[table] = n;
  });
  const OUT_CAP = Math.max(sizes.outCap ?? DEFAULT_OUT_CAP, longest[0]! + longest[1]!);

  const instance = new WASM!.Instance(mod, {});
  const wasm = instance.exports as unknown as Exports;
  const align = (n: number) => (n + 15) & ~15;
  const bitmap4 = align(wasm.memory.buffer.byteLength);
  const heads4 = align(bitmap4 + (1 << bits4));
  const bitmap3 = align(heads4 + (1 << bits4) * 4);
  const heads3 = align(bitmap3 + (1 << bits3));
  const kws = align(heads3 + (1 << bits3) * 4);
  const kwBytes = align(kws + inModule.length * KW_SIZE);
  const out = align(kwBytes + kwBytesLength);
  const data = align(out + OUT_CAP * 8);
  const end = data + maxOffset + WINDOW + maxLength + 32;
  const have = wasm.memory.buffer.byteLength;
  if (end > have) wasm.memory.grow(Math.ceil((end - have) / 65536));
  wasm.setup(bitmap4, heads4, bits4, bitmap3, heads3, bits3, kws, kwBytes);

  // PERF: typed-array set/fill, not Buffer's copy/fill (their argument checks cost more than
  // copying a short line).
  const mem8 = new Uint8Array(wasm.memory.buffer);
  const u32 = new Uint32Array(wasm.memory.buffer); // every table is 16-byte aligned
  let at = kwBytes;
  inModule.forEach((id, r) => {
    const t = texts[r]!;
    mem8.set(t, at);
    const h = slot(r);
    const [table, heads] = widths[r] === 4 ? [bitmap4, heads4] : [bitmap3, heads3];
    mem8[table + h] = 1;
    const rec = (kws + r * KW_SIZE) >> 2;
    u32[rec] = at - kwBytes;
    u32[rec + 1] = t.length;
    u32[rec + 2] = keywords[id]!.caseSensitive ? 1 : 0;
    u32[rec + 3] = u32[(heads >> 2) + h]!;
    u32[rec + 4] = grams[r]!;
    u32[rec + 5] = offsets[r]!;
    u32[(heads >> 2) + h] = r + 1;
    at += t.length;
  });
  const idOf = Int32Array.from(inModule);
  const hits = new Uint32Array(wasm.memory.buffer, out, OUT_CAP * 2);

  // Keywords the module leaves to RE2, and the whole list for buffers with ſ or K.
  // PERF: built on the first buffer that needs it (an ASCII log never does): RE2 costs ~8 ms of start-up.
  let asideFilter: Prefilter | undefined;
  const asideIds = Int32Array.from(aside);
  const asideEveryBuffer = aside.some((id) => Buffer.byteLength(keywords[id]!.text) < 3);
  let exact: Prefilter | undefined;

  // Per-line keyword ids, deduplicated with a generation stamp.
  const stamp = new Int32Array(keywords.length);
  let generation = 0;

  /** One scan's state. PERF: kept between calls (closures made per call cost more than the scan of a short line). */
  class ScanState {
    onLine: (lineStart: number, lineEnd: number, keywordIds: readonly number[]) => void = () => {};
    lineStart = -1;
    lineEnd = -1;
    ids: number[] = [];
    asideLines: { start: number; end: number; ids: number[] }[] | undefined = undefined;
    asideAt = 0;
    busy = false;

    add(id: number): void {
      if (stamp[id] === generation) return;
      stamp[id] = generation;
      this.ids.push(id);
    }

    /** Reports the current line, after the aside lines before it (merging one that is the same line). */
    flush(): void {
      const aside = this.asideLines;
      while (aside !== undefined && this.asideAt < aside.length && aside[this.asideAt]!.start <= this.lineStart) {
        const a = aside[this.asideAt++]!;
        if (a.start === this.lineStart) for (const id of a.ids) this.add(id);
        else this.onLine(a.start, a.end, a.ids);
      }
      const ids = this.ids;
      if (ids.length > 1) ids.sort((x, y) => x - y);
      this.onLine(this.lineStart, this.lineEnd, ids);
      ids.length = 0; // PERF: one array for every line (the callback does not keep it)
    }

    startLine(buf: Buffer, pos: number): void {
      if (++generation === 0x7fffffff) {
        generation = 1;
        stamp.fill(0);
      }
      this.lineStart = buf.lastIndexOf(10, pos) + 1;
      const end = buf.indexOf(10, pos);
      this.lineEnd = end === -1 ? buf.length : end;
    }
  }
  const shared = new ScanState();

  /** Copies `buf[from, from + length)` to the window, with 16 zero bytes after it. */
  const load = (buf: Buffer, from: number, length: number): void => {
    mem8.set(from === 0 && length === buf.length ? buf : buf.subarray(from, from + length), data);
    mem8.fill(0, data + length, data + length + 16);
  };

  /** `loaded`: the buffer (one window) is in the window already. */
  const run = (state: ScanState, buf: Buffer, ascii: boolean, loaded: boolean): void => {
    const length = buf.length;
    if (aside.length > 0 && (asideEveryBuffer || !ascii)) {
      (asideFilter ??= re2(aside.map((id) => keywords[id]!))).scan(buf, (start, end, ids) => (state.asideLines ??= []).push({ start, end, ids: ids.map((i) => asideIds[i]!) }));
    }
    // Window w holds the grams at [w, w + WINDOW) of the buffer, with `maxOffset` bytes
    // before them (where their keywords may start) and a keyword's length after.
    for (let windowStart = 0; windowStart < length; windowStart += WINDOW) {
      const copyFrom = Math.max(0, windowStart - maxOffset);
      const pre = windowStart - copyFrom;
      const scanTo = pre + Math.min(WINDOW, length - windowStart);
      const dataLength = Math.min(length - copyFrom, scanTo + maxLength);
      if (!loaded || windowStart > 0) load(buf, copyFrom, dataLength);
      let from = pre;
      while (from < scanTo) {
        const n = wasm.scan(data, dataLength, from, scanTo, out, OUT_CAP);
        const next = wasm.resume.value as number;
        // Cannot happen (the hit buffer holds a position's hits); a hang would be worse than an error.
        if (next === from && n === 0) throw new Error('logveil: the WebAssembly prefilter made no progress');
        from = next;
        for (let i = 0; i < n; i++) {
          // The gram's line is its keyword's line (keywords hold no line break).
          const pos = copyFrom + hits[2 * i]!;
          if (pos >= state.lineEnd) {
            if (state.lineStart >= 0) state.flush();
            state.startLine(buf, pos);
          }
          state.add(idOf[hits[2 * i + 1]!]!);
        }
      }
    }
    if (state.lineStart >= 0) state.flush();
    const rest = state.asideLines;
    if (rest !== undefined) for (; state.asideAt < rest.length; state.asideAt++) state.onLine(rest[state.asideAt]!.start, rest[state.asideAt]!.end, rest[state.asideAt]!.ids);
  };

  return {
    keywordCount: keywords.length,
    strategy: `wasm-simd keyword scan (${inModule.length} keywords, gram tables of ${1 << bits4} and ${1 << bits3} slots)${aside.length > 0 ? ` + RE2 for ${aside.length} keywords it cannot fold` : ''}`,
    scan(buf, onLine) {
      const length = buf.length;
      if (length === 0) return;
      // A scan from inside another's callback would overwrite the module's window and hits:
      // it goes to RE2 (no caller does this today; the contract does not forbid it).
      if (shared.busy) {
        (exact ??= re2(keywords)).scan(buf, onLine);
        return;
      }
      // One window (most calls): load it now and let the module say whether it is ASCII.
      const loaded = length <= WINDOW;
      if (loaded) load(buf, 0, length);
      const ascii = loaded ? wasm.hasHighByte(data, length) === 0 : isAscii(buf);
      if (!ascii && (buf.indexOf(LONG_S) !== -1 || buf.indexOf(KELVIN) !== -1)) {
        (exact ??= re2(keywords)).scan(buf, onLine);
        return;
      }
      const state = shared;
      state.busy = true;
      state.onLine = onLine;
      state.lineStart = -1;
      state.lineEnd = -1;
      state.ids.length = 0;
      state.asideLines = undefined;
      state.asideAt = 0;
      try {
        run(state, buf, ascii, loaded);
      } finally {
        state.busy = false;
        state.asideLines = undefined;
      }
    },
  };
}
