// The keyword prefilter's hot loop, compiled to WebAssembly (SIMD128) by AssemblyScript:
// `npm run build` runs scripts/build-wasm.mjs. Memory layout and the JS side are in
// src/matcher/wasmPrefilter.ts.
//
// A keyword is found by four of its bytes (its rarest four, `gram`, at `offset` in it; a
// keyword of three bytes by those three, in a table of its own): every position's four and
// three bytes, folded (`| 0x20`, a superset of ASCII case folding), hash into two tables of a
// byte per slot. A set slot sends the position to the slow path, which walks the keywords whose gram hashes
// there and compares each exactly where it would start (case-insensitive ones after ASCII
// lowercasing of the input).
//
// Keyword record (6 × u32): byte offset of its text, length, flags (1: case-sensitive), next
// record in the chain + 1 (0 ends it), folded gram, gram's offset in the keyword.

const KW_SIZE: u32 = 24;
const HASH_MUL: u32 = 0x9e3779b1;

/** Where the last `scan` stopped: the first position not yet scanned. */
export let resume: i32 = 0;

// The tables, set once by `setup`.
let bitmap4: usize = 0;
let heads4: usize = 0;
let shift4: u32 = 0;
let bitmap3: usize = 0;
let heads3: usize = 0;
let shift3: u32 = 0;
let kws: usize = 0;
let kwBytes: usize = 0;

export function setup(b4: usize, h4: usize, bits4: u32, b3: usize, h3: usize, bits3: u32, records: usize, bytes: usize): void {
  bitmap4 = b4;
  heads4 = h4;
  shift4 = 32 - bits4;
  bitmap3 = b3;
  heads3 = h3;
  shift3 = 32 - bits3;
  kws = records;
  kwBytes = bytes;
}

@inline function lower(b: u32): u32 {
  return b - 0x41 < 26 ? b | 0x20 : b;
}

@inline function bit(table: usize, h: u32): u32 {
  return <u32>load<u8>(table + h);
}

/** Checks the keywords of chain `r` whose gram `g` is at position `i`; returns the new hit count, or -1 when `out` is full. */
function verify(data: usize, dataLen: i32, i: i32, g: u32, r: u32, out: usize, outCap: i32, n: i32): i32 {
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

/** The slow path at position `i` (grams g4, g3): both chains. */
function at(data: usize, dataLen: i32, i: i32, g4: u32, out: usize, outCap: i32, n: i32): i32 {
  const h4 = g4 * HASH_MUL >>> shift4;
  if (bit(bitmap4, h4) & 1) {
    n = verify(data, dataLen, i, g4, load<u32>(heads4 + (<usize>h4 << 2)), out, outCap, n);
    if (n < 0) return n;
  }
  const g3 = g4 & 0xffffff;
  const h3 = g3 * HASH_MUL >>> shift3;
  if (bit(bitmap3, h3) & 1) n = verify(data, dataLen, i, g3, load<u32>(heads3 + (<usize>h3 << 2)), out, outCap, n);
  return n;
}

/**
 * Scans the grams at positions [from, to) of `data` (dataLen bytes, then at least 16
 * readable bytes) for keywords; writes (gram position, keyword index) pairs to `out` (at
 * most outCap; a keyword starts its gram's offset before). Returns the number of pairs;
 * `resume` is where to go on (to, when done).
 */
export function scan(data: usize, dataLen: i32, from: i32, to: i32, out: usize, outCap: i32): i32 {
  const b4 = bitmap4;
  const b3 = bitmap3;
  const mul = i32x4.splat(HASH_MUL);
  const low3 = i32x4.splat(0xffffff);
  const fold = i8x16.splat(0x20);
  const s4 = shift4;
  const s3 = shift3;
  let n = 0;
  let i = from;
  // Eight positions per step: their 4-byte grams from one 16-byte load, hashed four at a
  // time in SIMD lanes; one byte per table slot. The slow path only when a slot is set.
  const fast = to - 8;
  while (i <= fast) {
    const v = v128.or(v128.load(data + <usize>i), fold);
    const ga = i8x16.shuffle(v, v, 0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6);
    const gb = i8x16.shuffle(v, v, 4, 5, 6, 7, 5, 6, 7, 8, 6, 7, 8, 9, 7, 8, 9, 10);
    const ha = i32x4.shr_u(i32x4.mul(ga, mul), s4);
    const hb = i32x4.shr_u(i32x4.mul(gb, mul), s4);
    const ta = i32x4.shr_u(i32x4.mul(v128.and(ga, low3), mul), s3);
    const tb = i32x4.shr_u(i32x4.mul(v128.and(gb, low3), mul), s3);
    const any =
      load<u8>(b4 + <usize>i32x4.extract_lane(ha, 0)) | load<u8>(b4 + <usize>i32x4.extract_lane(ha, 1)) | load<u8>(b4 + <usize>i32x4.extract_lane(ha, 2)) | load<u8>(b4 + <usize>i32x4.extract_lane(ha, 3)) |
      load<u8>(b4 + <usize>i32x4.extract_lane(hb, 0)) | load<u8>(b4 + <usize>i32x4.extract_lane(hb, 1)) | load<u8>(b4 + <usize>i32x4.extract_lane(hb, 2)) | load<u8>(b4 + <usize>i32x4.extract_lane(hb, 3)) |
      load<u8>(b3 + <usize>i32x4.extract_lane(ta, 0)) | load<u8>(b3 + <usize>i32x4.extract_lane(ta, 1)) | load<u8>(b3 + <usize>i32x4.extract_lane(ta, 2)) | load<u8>(b3 + <usize>i32x4.extract_lane(ta, 3)) |
      load<u8>(b3 + <usize>i32x4.extract_lane(tb, 0)) | load<u8>(b3 + <usize>i32x4.extract_lane(tb, 1)) | load<u8>(b3 + <usize>i32x4.extract_lane(tb, 2)) | load<u8>(b3 + <usize>i32x4.extract_lane(tb, 3));
    if (any != 0) {
      for (let k = 0; k < 8; k++) {
        const m = at(data, dataLen, i + k, load<u32>(data + <usize>(i + k)) | 0x20202020, out, outCap, n);
        if (m < 0) { resume = i + k; return n; }
        n = m;
      }
    }
    i += 8;
  }
  while (i < to) {
    const m = at(data, dataLen, i, load<u32>(data + <usize>i) | 0x20202020, out, outCap, n);
    if (m < 0) { resume = i; return n; }
    n = m;
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
