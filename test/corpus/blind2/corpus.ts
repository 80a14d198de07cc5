// Second blind corpus: object/config prints from many languages, infra & tooling output, the provider long tail.
// Written without reading the engine (src/), its tests, or the first blind corpus's templates.
//   blind2Corpus(seed) -> ~1,200 positive and ~1,500 clean lines.
import { Rng } from '../blind/rng.js';
import { POSITIVE_GROUPS, type Tpl } from './positive.js';
import { CLEAN_GROUPS } from './clean.js';

export interface BlindLine {
  text: string;
  /** exact substrings of text that must be masked; empty = clean line that must come back unchanged */
  secrets: string[];
  cls: string;
  format: string;
}

export const POSITIVE_LINES = 1200;
export const CLEAN_LINES = 1500;

function draw(r: Rng, groups: { tpls: Tpl[]; weight: number }[], n: number): BlindLine[] {
  const out: BlindLine[] = [];
  // allot lines per group by weight, then cycle templates in a shuffled order so every template is used ~evenly
  for (const grp of groups) {
    const k = Math.round(n * grp.weight);
    const order = grp.tpls.map((_, i) => i);
    for (let i = 0; i < k; i++) {
      if (i % order.length === 0) {
        for (let j = order.length - 1; j > 0; j--) {
          const x = r.int(0, j);
          [order[j], order[x]] = [order[x]!, order[j]!];
        }
      }
      const t = grp.tpls[order[i % order.length]!]!;
      out.push(t(r));
    }
  }
  return out;
}

export function blind2Corpus(seed = 5): BlindLine[] {
  const r = new Rng(seed);
  const pos = draw(r, POSITIVE_GROUPS, POSITIVE_LINES);
  const clean = draw(r, CLEAN_GROUPS, CLEAN_LINES).map((l) => ({ ...l, secrets: [] }));
  // interleave deterministically
  const all = [...pos, ...clean];
  for (let j = all.length - 1; j > 0; j--) {
    const x = r.int(0, j);
    [all[j], all[x]] = [all[x]!, all[j]!];
  }
  return all;
}
