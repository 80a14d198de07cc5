/**
 * The keyword prefilter: finds the lines that contain some rule's keyword and says which
 * keywords each such line contains. Lines without any keyword are never looked at again.
 *
 * Contract: it may report false candidates, it never misses a true one. Every rule match
 * contains one of its keywords (the rule contract) and lies within one line; the scan below
 * reports every line that contains any keyword, with every keyword it contains.
 *
 * Two RE2 programs over the same keyword list:
 * - `next`: one alternation of all keywords, run with `test()` from the current position —
 *   a DFA pass in C++ that stops at the first line with a keyword (no match array is built);
 * - `which`: an RE2.Set of the same keywords, run once on that line, that lists every keyword
 *   the line contains (overlapping ones included).
 * The scan then resumes after the line, so a line costs at most one `next` stop and one
 * `which` call however many keywords it holds.
 */
import RE2 from 're2';
import { compileWasmPrefilter, prefilterModuleUnavailable } from './wasmPrefilter.js';

/** A keyword as the prefilter matches it. */
export interface Keyword {
  readonly text: string;
  /** Exact bytes; otherwise ASCII letters match in either case (and nothing else folds). */
  readonly caseSensitive: boolean;
}

export interface Prefilter {
  /** Number of distinct keywords scanned for. */
  readonly keywordCount: number;
  /** How it scans, for `NODE_DEBUG=logveil`. */
  readonly strategy: string;
  /**
   * Calls `onLine(lineStart, lineEnd, keywordIds)` for each line of `buf` that contains a
   * keyword, in order. `lineEnd` excludes the `\n`; `keywordIds` index the compile-time list
   * and are valid during the call only (the array may be reused for the next line).
   */
  scan(buf: Buffer, onLine: (lineStart: number, lineEnd: number, keywordIds: readonly number[]) => void): void;
}

const REGEX_META = /[\\^$.|?*+()[\]{}\-/]/g;

/**
 * Characters that RE2's `(?i)` folds onto an ASCII letter besides its two cases: a rule with
 * `(?i)password` matches `paſſword` (U+017F) and `api_Key` (U+212A), so the keyword must too.
 */
const UNICODE_FOLDS: Readonly<Record<string, string>> = { s: '\\x{17F}', k: '\\x{212A}' };

/** `sk_Live` → `[sSſ][kKK]_[lL]...`: case folding exactly as RE2's `(?i)` does it. */
function keywordPattern(k: Keyword): string {
  let out = '';
  for (const ch of k.text) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    out += !k.caseSensitive && lower !== upper ? `[${lower}${upper}${UNICODE_FOLDS[lower] ?? ''}]` : ch.replace(REGEX_META, '\\$&');
  }
  return out;
}

/**
 * The keywords that no other keyword occurs in (a text holding one of the others holds one
 * of these, so the others add no stop to `next`). Linear in the keywords: each keyword's
 * substrings are looked up, not every other keyword.
 */
function coverOf(keywords: readonly Keyword[]): number[] {
  const exact = new Set<string>();
  const folded = new Set<string>();
  for (const k of keywords) (k.caseSensitive ? exact : folded).add(k.caseSensitive ? k.text : k.text.toLowerCase());
  const keep: number[] = [];
  keywords.forEach((k, i) => {
    const text = k.caseSensitive ? k.text : k.text.toLowerCase();
    const lower = k.text.toLowerCase();
    if (lower.length !== text.length) {
      keep.push(i);
      return;
    }
    for (let a = 0; a < text.length; a++) {
      for (let b = a + 1; b <= text.length; b++) {
        // The same text without case covers a case-sensitive keyword; nothing else covers itself.
        if (b - a === text.length) {
          if (k.caseSensitive && folded.has(lower)) return;
          continue;
        }
        // A case-insensitive keyword inside any keyword covers it; a case-sensitive one only a case-sensitive one.
        if (folded.has(lower.slice(a, b)) || (k.caseSensitive && exact.has(text.slice(a, b)))) return;
      }
    }
    keep.push(i);
  });
  return keep;
}

/**
 * Builds the prefilter for `keywords` (distinct; ids are their indices): the WebAssembly
 * scan (wasmPrefilter.ts) when this runtime runs it, else the RE2 scan below.
 */
export function compilePrefilter(keywords: readonly Keyword[]): Prefilter {
  if (keywords.length === 0) return { keywordCount: 0, strategy: 'none', scan() {} };
  const wasm = compileWasmPrefilter(keywords, compileRe2Prefilter);
  if (wasm !== undefined) return wasm;
  const why = prefilterModuleUnavailable();
  if (!warned && !why.startsWith('LOGVEIL_PREFILTER=')) {
    warned = true;
    process.emitWarning(`${why}: logveil's keyword prefilter falls back to RE2 (it works, several times slower)`, { code: 'LOGVEIL_NO_WASM_SIMD' });
  }
  const re2 = compileRe2Prefilter(keywords);
  return { ...re2, scan: re2.scan, strategy: `${re2.strategy} (fallback: ${why})` };
}
let warned = false;

/** The RE2 prefilter: the fallback, and the exact path for what the WebAssembly scan does not fold. */
export function compileRe2Prefilter(keywords: readonly Keyword[]): Prefilter {
  if (keywords.length === 0) return { keywordCount: 0, strategy: 'none', scan() {} };
  const patterns = keywords.map(keywordPattern);
  // PERF: measured on 10 MB of the bench corpus with the full catalog (334 keywords):
  // an exec() loop that returns to JS at every keyword occurrence ran at 170 MB/s when
  // ordinary text held many of them (hostnames `api-3`, `curl/8.5` user agents); this
  // test() + RE2.Set-per-line scheme ran at 270 MB/s on the same keywords; once the keywords
  // were made selective the scan alone ran at 440-480 MB/s (bench/RESULTS.md).
  // `next` only has to stop at every line that holds some keyword, so a keyword that contains
  // another one is redundant there (`which` still reports it). PERF: 479 → 364 keywords in
  // `next` for the built-in catalog took the scan from 437 to 479 MB/s.
  const next = new RE2(coverOf(keywords).map((i) => patterns[i]).join('|'), 'g');
  const which = compileKeywordSets(patterns);

  return {
    keywordCount: keywords.length,
    strategy: 're2-keyword-scan + re2-set-per-line',
    scan(buf, onLine) {
      const length = buf.length;
      next.lastIndex = 0;
      while (next.test(buf)) {
        const matchEnd = next.lastIndex; // a keyword ends here (keywords are never empty)
        const lineStart = buf.lastIndexOf(10, matchEnd - 1) + 1;
        let lineEnd = buf.indexOf(10, matchEnd);
        if (lineEnd === -1) lineEnd = length;
        const line = lineStart === 0 && lineEnd === length ? buf : buf.subarray(lineStart, lineEnd);
        onLine(lineStart, lineEnd, which(line));
        if (lineEnd >= length) return;
        next.lastIndex = lineEnd + 1;
      }
    },
  };
}

/**
 * `line → ids of the keywords it contains`. One RE2.Set when RE2 can build it; past RE2's
 * memory budget the list is split in halves until each part compiles.
 */
function compileKeywordSets(patterns: readonly string[]): (line: Buffer) => readonly number[] {
  const parts: { offset: number; set: InstanceType<typeof RE2.Set> }[] = [];
  const build = (offset: number, list: readonly string[]): void => {
    try {
      parts.push({ offset, set: new RE2.Set(list) });
    } catch (err) {
      if (list.length < 2) throw err;
      const half = list.length >> 1;
      build(offset, list.slice(0, half));
      build(offset + half, list.slice(half));
    }
  };
  build(0, patterns);
  if (parts.length === 1) {
    const set = parts[0]!.set;
    return (line) => set.match(line);
  }
  return (line) => parts.flatMap(({ offset, set }) => set.match(line).map((i: number) => i + offset));
}
