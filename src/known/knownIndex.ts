/**
 * The compiled lookup for known secrets: every variant of every value, found in a Buffer
 * with the sampled literal filter of gramIndex.ts. Built once per set of values (at start
 * and on each reload); spans name the secret's entry.
 */
import type { Span } from '../matcher/span.js';
import { GramIndex, type RuledVariant } from './gramIndex.js';
import type { CheckedSecret } from './knownSecret.js';
import { variantsOf, type Variant } from './variants.js';

/** A secret the index knows: its name and value (for fingerprints), by entry number. */
export interface KnownEntry {
  readonly name: string;
  readonly value: Buffer;
}

/** Rule index of the spans of entry `i`: below the long-line-token rule (-1). */
export const knownRule = (entry: number): number => -2 - entry;
/**
 * Rule indexes from here down name learned values (learnedSecrets.ts), not known entries:
 * spans carry one number, and the two kinds of value must never be taken for each other.
 */
export const LEARNED_RULE_BASE = -(2 ** 30);
/** Entry number of a known span's rule index, or -1 for other spans. */
export const knownEntryOf = (rule: number): number => (rule <= -2 && rule > LEARNED_RULE_BASE ? -2 - rule : -1);

/** An immutable index of known secrets. */
export class KnownIndex {
  private readonly index: GramIndex;

  /**
   * @param secrets each secret with the id its spans carry (`knownRule(id)`).
   * @example new KnownIndex([{ id: 0, secret: { name: 'API_KEY', value, fragments: [] } }]).find(buf, spans)
   */
  constructor(secrets: readonly { readonly id: number; readonly secret: CheckedSecret }[]) {
    const seen = new Set<string>();
    const isOneLine = (v: Variant) => !v.bytes.includes(0x0a);
    const variants: RuledVariant[] = [];
    for (const { id: entry, secret: s } of secrets) {
      // The whole value in every form that fits on one line, and each line of it on its own.
      for (const value of [s.value, ...s.fragments]) {
        for (const v of variantsOf(value).filter(isOneLine)) {
          const key = v.bytes.toString('latin1');
          if (seen.has(key)) continue; // the same bytes under two names: the first one reports
          seen.add(key);
          variants.push({ variant: v, rule: knownRule(entry) });
        }
      }
    }
    this.index = new GramIndex(variants);
  }

  /** Number of distinct byte strings looked for. */
  get variantCount(): number {
    return this.index.size;
  }

  /**
   * Appends a span for every occurrence of a variant in `buf` (rule `knownRule(entry)`),
   * widened over partial base64 characters. Spans may overlap each other and rule spans:
   * the caller resolves overlaps.
   */
  find(buf: Uint8Array, out: Span[]): void {
    this.index.find(buf, out);
  }
}
