// Blind labelled corpus for logveil: written without looking at the engine's rules.
// blindCorpus(seed) is deterministic for a given seed.
import { Rng } from './rng.js';
import { PREFIXED, LONGTAIL, KV_WRAPS, BARE_WRAPS, keys, hdrLine, type Prov } from './providers.js';
import { PAIRS, REPEATS, REPEAT_LATER, type Tpl } from './positive.js';
import { CLEAN } from './clean.js';

export interface BlindLine {
  text: string;
  secrets: string[];
  cls: string;
  format: string;
}

function run(r: Rng, fn: (S: (v: string) => string) => string): { text: string; secrets: string[] } {
  const secrets: string[] = [];
  const text = fn((v) => {
    secrets.push(v);
    return v;
  });
  return { text, secrets };
}

/** number of distinct hand-written templates (wrappers, pair templates, clean templates) */
export const TEMPLATE_COUNT = KV_WRAPS.length + BARE_WRAPS.length + 6 + PAIRS.length + REPEATS.length + REPEAT_LATER.length + CLEAN.length;

export function blindCorpus(seed = 7): BlindLine[] {
  const r = new Rng(seed);
  const out: BlindLine[] = [];
  const push = (cls: string, format: string, x: { text: string; secrets: string[] }): void => {
    out.push({ text: x.text, secrets: x.secrets, cls, format });
  };

  // 1. provider tokens in key=value syntaxes (key name carries the meaning)
  const kvProv = (list: Prov[], n: number): void => {
    for (let i = 0; i < n; i++) {
      const p = list[i % list.length]!;
      const w = r.pick(KV_WRAPS);
      const k = keys(p);
      const v = p.tok(r);
      push(p.cls, w.format, run(r, (S) => w.gen(r, k, v, S)));
    }
  };
  kvProv(PREFIXED, 600);
  kvProv(LONGTAIL, 260);

  // 2. distinctive tokens with no key name at all
  const prefixedOnly = PREFIXED.filter((p) => p.prefixed);
  for (let i = 0; i < 150; i++) {
    const p = prefixedOnly[i % prefixedOnly.length]!;
    const w = r.pick(BARE_WRAPS);
    const v = p.tok(r);
    push('bare-token', w.format, run(r, (S) => w.gen(r, keys(p), v, S)));
  }

  // 3. tokens in HTTP headers
  const all = [...PREFIXED, ...LONGTAIL];
  for (let i = 0; i < 120; i++) {
    const p = all[(i * 7) % all.length]!;
    const v = p.tok(r);
    let format = '';
    const x = run(r, (S) => {
      const h = hdrLine(r, p, v, S);
      format = h.format;
      return h.text;
    });
    push(p.prefixed ? 'header-token' : 'header-longtail', format, x);
  }

  // 4. hand-written pair / provider-context templates
  const tpl = (list: Tpl[], reps: number): void => {
    for (let k = 0; k < reps; k++) for (const t of list) push(t.cls, t.format, run(r, (S) => t.gen(r, S)));
  };
  tpl(PAIRS, 3);
  tpl(REPEATS, 5);
  for (let k = 0; k < 10; k++) {
    for (const f of REPEAT_LATER) {
      const [a, b] = f(r);
      push('repeat-later', 'multi-line', a);
      push('repeat-later', 'multi-line', b);
    }
  }

  // 5. clean lines
  const CLEAN_N = 1500;
  for (let i = 0; i < CLEAN_N; i++) {
    const t = CLEAN[i % CLEAN.length]!;
    out.push({ text: t.gen(r), secrets: [], cls: `clean-${t.cls}`, format: t.format });
  }
  return out;
}
