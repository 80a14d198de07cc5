/**
 * Many rules, one pass: RE2.Set over the rules' patterns says which of them match somewhere
 * in a text, so only those run their own program (with capture groups, validation and
 * allowlists) on it. Used where running every rule would cost one RE2 call per rule:
 * - keyword-less rules (`everyLine`), per chunk of lines: the set runs multi-line (`^`/`$`
 *   at line breaks), so a rule that matches within a line matches the chunk;
 * - a candidate line on which many rules' keywords occur (a line holding every keyword must
 *   not cost one RE2 call per rule).
 *
 * Contract: `match` may name rules that then find nothing (a chunk-wide match can cross a
 * line break), never leave out one that matches. Rules the set cannot stand for — a pattern
 * with `\A` or `\z` in multi-line use, a pattern the set cannot take — are always named.
 * Shards are built on first use, halving the list until RE2 compiles each part; a shard
 * whose matching fails (RE2's DFA out of memory on a hostile text) names all its rules.
 */
import RE2 from 're2';
import type { CompiledRule } from './compileRule.js';

type Shard = { readonly rules: Int32Array; readonly set: InstanceType<typeof RE2.Set> };

export class RuleSets {
  private shards: Shard[] | undefined;
  /** Rules always named (see above). */
  private always: number[] = [];

  /** `rules`: rules with a pattern (not detector rules); `multiline` for chunks of lines. */
  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly multiline: boolean,
  ) {}

  /** Calls `onRule(index)` for every rule that may match somewhere in `text` (each once). */
  match(text: Buffer, onRule: (rule: number) => void): void {
    const shards = (this.shards ??= this.build());
    for (const r of this.always) onRule(r);
    for (const shard of shards) {
      let hits: number[];
      try {
        hits = shard.set.match(text);
      } catch {
        for (const r of shard.rules) onRule(r);
        continue;
      }
      for (const i of hits) onRule(shard.rules[i]!);
    }
  }

  private build(): Shard[] {
    const shards: Shard[] = [];
    const flags = this.multiline ? 'm' : '';
    const add = (list: readonly CompiledRule[]): void => {
      if (list.length === 0) return;
      try {
        shards.push({ rules: Int32Array.from(list.map((c) => c.index)), set: new RE2.Set(list.map((c) => c.rule.pattern!), flags) });
      } catch {
        if (list.length === 1) {
          this.always.push(list[0]!.index);
          return;
        }
        const half = list.length >> 1;
        add(list.slice(0, half));
        add(list.slice(half));
      }
    };
    const inSet: CompiledRule[] = [];
    for (const c of this.rules) {
      // `\A` and `\z` are the line's edges to a rule, the chunk's to a multi-line set.
      if (this.multiline && /\\[Az]/.test(c.rule.pattern!)) this.always.push(c.index);
      else inSet.push(c);
    }
    add(inSet);
    return shards;
  }
}
