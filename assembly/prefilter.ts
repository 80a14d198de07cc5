// The keyword prefilter's hot loop, compiled to WebAssembly (SIMD128) by AssemblyScript:
// `npm run build` runs scripts/build-wasm.mjs. Memory layout and the JS side are in
// src/matcher/wasmPrefilter.ts.
//
// A keyword is found by three of its bytes (its rarest three, `gram`, at `offset` in it):
// every position's three bytes, folded (`| 0x20`, a superset of ASCII case folding), hash
// into a bitmap of `1 << bits` bits. A set bit sends the position to the slow path, which
// walks the keywords whose gram hashes there and compares each exactly where it would start
// (case-insensitive ones after ASCII lowercasing of the input).
//
// Keyword record (6 × u32): byte offset of its text, length, flags (1: case-sensitive), next
// record in the chain + 1 (0 ends it), folded gram, gram's offset in the keyword.

const KW_SIZE: u32 = 24;
const HASH_MUL: u32 = 0x9e3779b1;

/** Where the last `scan` stopped: the first position not yet scanned. */
export let resume: i32 = 0;

@inline function lower(b: u32): u32 {
  return b - 0x41 < 26 ? b | 0x20 : b;
}

/** Checks the keywords of hash slot `h` whose gram is at position `i`; returns the new hit count, or -1 when `out` is full. */
function verify(data: usize, dataLen: i32, i: i32, g: u32, h: u32, heads: usize, kws: usize, kwBytes: usize, out: usize, outCap: i32, n: i32): i32 {
  let r = load<u32>(heads + (<usize>h << 2));
  while (r != 0) {
    const rec = kws + <usize>(r - 1) * KW_SIZE;
    r = load<u32>(rec, 12);
    if (load<u32>(rec, 16) != g) continue;
    const len = <i32>load<u32>(rec, 4);
    const start = i - <i32>load<u32>(rec, 20);
    if (start < 0 || start + len > dataLen) continue;
    const kw = kwBytes + <usize>load<u32>(rec);
    const at = data + <usize>start;
    let ok = true;
    if (load<u32>(rec, 8) & 1) {
      for (let j = 0; j < len; j++) {
        if (load<u8>(at + j) != load<u8>(kw + j)) { ok = false; break; }
      }
    } else {
      for (let j = 0; j < len; j++) {
        if (lower(load<u8>(at + j)) != <u32>load<u8>(kw + j)) { ok = false; break; }
      }
    }
    if (!ok) continue;
    if (n >= outCap) return -1;
    store<u32>(out + (<usize>n << 3), i);
    store<u32>(out + (<usize>n << 3), <u32>((rec - kws) / KW_SIZE), 4);
    n++;
  }
  return n;
}

/**
 * Scans the grams at positions [from, to) of `data` (dataLen bytes, then at least 8 readable
 * bytes) for keywords; writes (gram position, keyword index) pairs to `out` (at most outCap;
 * a keyword starts its gram's offset before). Returns the number of pairs; `resume` is where
 * to go on (to, when done).
 */
export function scan(data: usize, dataLen: i32, from: i32, to: i32, bitmap: usize, bits: u32, heads: usize, kws: usize, kwBytes: usize, out: usize, outCap: i32): i32 {
  const shift = 32 - bits;
  let n = 0;
  let i = from;
  // Four positions per step from one 8-byte load; the slow path only when a bit is set.
  const fast = to - 4;
  while (i <= fast) {
    const x = load<u64>(data + <usize>i) | 0x2020202020202020;
    const h0 = (<u32>x & 0xffffff) * HASH_MUL >>> shift;
    const h1 = (<u32>(x >>> 8) & 0xffffff) * HASH_MUL >>> shift;
    const h2 = (<u32>(x >>> 16) & 0xffffff) * HASH_MUL >>> shift;
    const h3 = (<u32>(x >>> 24) & 0xffffff) * HASH_MUL >>> shift;
    const any = (<u32>load<u8>(bitmap + (h0 >> 3)) >> (h0 & 7)) | (<u32>load<u8>(bitmap + (h1 >> 3)) >> (h1 & 7)) |
      (<u32>load<u8>(bitmap + (h2 >> 3)) >> (h2 & 7)) | (<u32>load<u8>(bitmap + (h3 >> 3)) >> (h3 & 7));
    if (any & 1) {
      for (let k = 0; k < 4; k++) {
        const g = <u32>(x >>> (k << 3)) & 0xffffff;
        const h = g * HASH_MUL >>> shift;
        if ((load<u8>(bitmap + (h >> 3)) >> (h & 7)) & 1) {
          const m = verify(data, dataLen, i + k, g, h, heads, kws, kwBytes, out, outCap, n);
          if (m < 0) { resume = i + k; return n; }
          n = m;
        }
      }
    }
    i += 4;
  }
  while (i < to) {
    const g = (load<u32>(data + <usize>i) | 0x20202020) & 0xffffff;
    const h = g * HASH_MUL >>> shift;
    if ((load<u8>(bitmap + (h >> 3)) >> (h & 7)) & 1) {
      const m = verify(data, dataLen, i, g, h, heads, kws, kwBytes, out, outCap, n);
      if (m < 0) { resume = i; return n; }
      n = m;
    }
    i++;
  }
  resume = to;
  return n;
}

/** True when `data[0, len)` holds a byte ≥ 0x80 (16 bytes per step). */
export function hasHighByte(data: usize, len: i32): bool {
  let acc = i8x16.splat(0);
  let i = 0;
  for (; i + 64 <= len; i += 64) {
    acc = v128.or(acc, v128.or(v128.or(v128.load(data + <usize>i), v128.load(data + <usize>i, 16)), v128.or(v128.load(data + <usize>i, 32), v128.load(data + <usize>i, 48))));
  }
  for (; i + 16 <= len; i += 16) acc = v128.or(acc, v128.load(data + <usize>i));
  if (i8x16.bitmask(acc) != 0) return true;
  for (; i < len; i++) if (load<u8>(data + <usize>i) >= 0x80) return true;
  return false;
}
