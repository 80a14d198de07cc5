/**
 * The matcher: rules → one immutable compiled matcher (`compileMatcher.ts`).
 *
 * Data flow: `prefilter.ts` scans the whole buffer once for every rule keyword (the
 * WebAssembly scan of `wasmPrefilter.ts`, its source in `wasm/`; RE2 where it cannot fold)
 * and reports the keywords per candidate line; `compileMatcher.ts` runs only those keywords'
 * rules (`verifyLine.ts`, adjacent candidate lines as runs) on only those lines;
 * `validators.ts` / `checksum.ts` drop placeholders, low-entropy values and bad checksums;
 * `allowlist.ts` drops matches a rule's allowlists allow; `span.ts` merges overlapping spans
 * (fail closed). Rules without keywords (`everyLine`, from imported configs) run where one
 * RE2.Set pass per chunk of lines (`ruleSets.ts`) says they match, on a separate path of
 * `compileMatcher.ts` that a matcher without such rules never takes.
 *
 * Invariants: spans are byte offsets into the scanned Buffer and never cross a `\n`; the
 * matcher finds every span the per-line reference engine finds (property-tested); a line
 * without a keyword costs the prefilter pass and nothing else (unless an every-line rule is
 * configured).
 */
export { compileMatcher, type Matcher } from './compileMatcher.js';
export type { Span } from './span.js';
export type { CompiledRule } from './compileRule.js';
