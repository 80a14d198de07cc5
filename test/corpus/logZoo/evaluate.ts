/**
 * Scores a redactor on the log zoo. Two ways through, both with one redactor for the whole
 * corpus, in order:
 *
 * - `stream`: every line through one `createRedactStream` (state carries across lines: PEM
 *   blocks, values learned earlier); output line i is compared with input line i.
 * - `line`: `redactor.redact(line)` one line at a time; lines whose secrets need earlier
 *   lines (`needsState`) are left out of this mode's scores.
 *
 * A secret counts as masked only if its value is gone from the output line, and — for values
 * of 8 characters or more — neither half of it is left either (a mask that stops at a `(` or
 * a `\"` leaks the rest: that is reported as `cut`). A survivor is altered when it occurs
 * fewer times in the output than outside the secrets of the input. A clean line (no secrets)
 * counts as changed when the output differs at all.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRedactor } from '../../../src/index.js';
import { createRedactStream } from '../../../src/stream/index.js';
import type { SecretClass, ZooLine, ZooSecret } from './index.js';

export type Mode = 'stream' | 'line';

export interface Outcome {
  readonly index: number;
  readonly line: ZooLine;
  readonly out: string;
  /** Secrets scored in this mode (all of them in `stream`; none of a `needsState` line in `line`). */
  readonly scored: readonly ZooSecret[];
  readonly missed: readonly ZooSecret[];
  /** Masked in part: the value is gone but one of its halves is still there. */
  readonly cut: readonly ZooSecret[];
  readonly altered: readonly string[];
  readonly changed: boolean;
}

/** Redacts the corpus as one stream (chunks of 64 KiB, like a pipe) and splits the output into lines. */
export async function redactAsStream(lines: readonly ZooLine[]): Promise<string[]> {
  const input = Buffer.from(`${lines.map((l) => l.text).join('\n')}\n`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < input.length; i += 65536) chunks.push(input.subarray(i, i + 65536));
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    createRedactStream({ redactor: createRedactor() }),
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  const text = Buffer.concat(out).toString('utf8');
  const split = text.split('\n');
  if (split.pop() !== '' || split.length !== lines.length) throw new Error(`log zoo: the stream gave ${split.length} lines for ${lines.length}`);
  return split;
}

/** Redacts each line with `redact()`, one redactor for the whole corpus. */
export function redactLineByLine(lines: readonly ZooLine[]): string[] {
  const redactor = createRedactor();
  return lines.map((l) => redactor.redact(l.text));
}

function count(hay: string, needle: string): number {
  if (needle === '') return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Masks written by the redactor (any strategy that brackets): not counted as survivors. */
const MASK = /\[REDACTED[^\]\s]*\]/g;

export function score(lines: readonly ZooLine[], outputs: readonly string[], mode: Mode): Outcome[] {
  return lines.map((line, index) => {
    const out = outputs[index]!;
    const scored = mode === 'line' && line.needsState ? [] : line.secrets;
    // the input with every secret value blanked: what the survivors and halves are counted against
    let blanked = line.text;
    for (const s of line.secrets) blanked = blanked.split(s.value).join('\u0000');
    const missed: ZooSecret[] = [];
    const cut: ZooSecret[] = [];
    for (const s of scored) {
      if (out.includes(s.value)) missed.push(s);
      else if (s.value.length >= 8) {
        const half = Math.ceil(s.value.length / 2);
        const head = s.value.slice(0, half);
        const tail = s.value.slice(s.value.length - half);
        if (count(out, head) > count(blanked, head) || count(out, tail) > count(blanked, tail)) cut.push(s);
      }
    }
    const outBare = out.replace(MASK, '\u0001');
    const inBare = blanked.replace(MASK, '\u0001');
    const altered = line.survivors.filter((k) => count(outBare, k) < count(inBare, k));
    return { index, line, out, scored, missed, cut, altered, changed: line.secrets.length === 0 && out !== line.text };
  });
}

// ---- summaries ----

export interface Tally {
  lines: number;
  secrets: number;
  masked: number;
  missed: number;
  cut: number;
  cleanLines: number;
  changed: number;
  survivors: number;
  altered: number;
}

const tally = (): Tally => ({ lines: 0, secrets: 0, masked: 0, missed: 0, cut: 0, cleanLines: 0, changed: 0, survivors: 0, altered: 0 });

export interface Summary {
  readonly mode: Mode;
  readonly overall: Tally;
  readonly byClass: Map<SecretClass, Tally>;
  readonly byFormat: Map<string, Tally>;
  readonly byFp: Map<string, Tally>;
}

export const recall = (t: Tally): number => (t.secrets === 0 ? 1 : t.masked / t.secrets);
export const changedShare = (t: Tally): number => (t.cleanLines === 0 ? 0 : t.changed / t.cleanLines);

export function summarize(outcomes: readonly Outcome[], mode: Mode): Summary {
  const overall = tally();
  const byClass = new Map<SecretClass, Tally>();
  const byFormat = new Map<string, Tally>();
  const byFp = new Map<string, Tally>();
  const get = <K>(m: Map<K, Tally>, k: K) => {
    let t = m.get(k);
    if (!t) m.set(k, (t = tally()));
    return t;
  };
  for (const o of outcomes) {
    const fmt = get(byFormat, o.line.format);
    const fp = o.line.fpClass ? get(byFp, o.line.fpClass) : undefined;
    for (const t of [overall, fmt, fp]) {
      if (!t) continue;
      t.lines++;
      t.secrets += o.scored.length;
      t.missed += o.missed.length;
      t.cut += o.cut.length;
      t.masked += o.scored.length - o.missed.length - o.cut.length;
      t.survivors += o.line.survivors.length;
      t.altered += o.altered.length;
      if (o.line.secrets.length === 0) {
        t.cleanLines++;
        if (o.changed) t.changed++;
      }
    }
    const seen = new Set<SecretClass>();
    for (const s of o.scored) {
      const t = get(byClass, s.cls);
      if (!seen.has(s.cls)) t.lines++;
      seen.add(s.cls);
      t.secrets++;
      if (o.missed.includes(s)) t.missed++;
      else if (o.cut.includes(s)) t.cut++;
      else t.masked++;
    }
  }
  return { mode, overall, byClass, byFormat, byFp };
}

// ---- printing ----

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;

export function truncate(s: string, n = 300): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function table(title: string, rows: [string, Tally][], cols: 'secrets' | 'clean' | 'both'): string {
  const head = ['', 'lines'];
  if (cols !== 'clean') head.push('secrets', 'recall', 'missed', 'cut');
  if (cols !== 'secrets') head.push('clean', 'changed');
  head.push('surv.', 'altered');
  const body = rows.map(([name, t]) => {
    const r = [name, String(t.lines)];
    if (cols !== 'clean') r.push(String(t.secrets), t.secrets ? pct(recall(t)) : '-', String(t.missed), String(t.cut));
    if (cols !== 'secrets') r.push(String(t.cleanLines), t.cleanLines ? `${t.changed} (${pct(changedShare(t), 2)})` : '-');
    r.push(String(t.survivors), String(t.altered));
    return r;
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, fmt(head), ...body.map(fmt)].join('\n');
}

const perfect = (t: Tally) => t.missed === 0 && t.cut === 0 && t.changed === 0 && t.altered === 0;

/**
 * The tables: overall, by class, by format (worst recall first), by false-positive class.
 * `compact` leaves out the rows with nothing wrong.
 */
export function formatSummary(s: Summary, compact = false): string {
  const o = s.overall;
  const rows = <K>(m: Map<K, Tally>): [string, Tally][] => [...m].filter(([, t]) => !compact || !perfect(t)).map(([k, t]) => [String(k), t]);
  const lines = [
    `mode ${s.mode}: ${o.lines} lines, ${o.secrets} secrets scored: recall ${pct(recall(o), 2)} (${o.missed} missed, ${o.cut} cut); ` +
      `clean lines changed ${o.changed}/${o.cleanLines} (${pct(changedShare(o), 3)}); survivors altered ${o.altered}/${o.survivors}`,
    '',
    table('by class', rows(s.byClass).sort((a, b) => recall(a[1]) - recall(b[1])), 'secrets'),
    '',
    table('by format', rows(s.byFormat).sort((a, b) => recall(a[1]) - recall(b[1]) || changedShare(b[1]) - changedShare(a[1])), 'both'),
    '',
    table('by false-positive class', rows(s.byFp).sort((a, b) => changedShare(b[1]) - changedShare(a[1])), 'clean'),
  ];
  return lines.join('\n');
}

export interface ExampleFilter {
  readonly cls?: string;
  readonly format?: string;
}

/** Up to `k` missed or cut secrets (spread over classes) and `k` changed clean lines. */
export function formatExamples(outcomes: readonly Outcome[], k: number, filter: ExampleFilter = {}): string {
  const keep = (o: Outcome) => filter.format === undefined || o.line.format === filter.format;
  const misses = outcomes.filter((o) => keep(o) && [...o.missed, ...o.cut].some((s) => filter.cls === undefined || s.cls === filter.cls));
  // round-robin over classes so one class does not fill the list
  const byCls = new Map<string, Outcome[]>();
  for (const o of misses) {
    const c = [...o.missed, ...o.cut][0]!.cls;
    (byCls.get(c) ?? byCls.set(c, []).get(c)!).push(o);
  }
  const picked: Outcome[] = [];
  for (let i = 0; picked.length < k && [...byCls.values()].some((l) => l.length > i); i++) for (const l of byCls.values()) if (l[i] && picked.length < k) picked.push(l[i]!);
  const out: string[] = [`missed or cut secrets (${picked.length} of ${misses.length} lines):`];
  for (const o of picked.sort((a, b) => a.index - b.index)) {
    const what = [...o.missed.map((s) => `missed ${s.cls} ${JSON.stringify(truncate(s.value, 60))}`), ...o.cut.map((s) => `cut ${s.cls} ${JSON.stringify(truncate(s.value, 60))}`)].join('; ');
    out.push(`#${o.index} [${o.line.format}] ${what}`, `  in : ${truncate(o.line.text)}`, `  out: ${truncate(o.out)}`);
  }
  const changed = outcomes.filter((o) => keep(o) && (o.changed || (o.altered.length > 0 && o.line.secrets.length > 0)) && filter.cls === undefined);
  out.push('', `changed clean lines and altered survivors (${Math.min(k, changed.length)} of ${changed.length}):`);
  for (const o of changed.slice(0, k)) {
    out.push(`#${o.index} [${o.line.format}${o.line.fpClass ? ` / ${o.line.fpClass}` : ''}]${o.altered.length ? ` altered ${o.altered.map((a) => JSON.stringify(truncate(a, 40))).join(', ')}` : ''}`, `  in : ${truncate(o.line.text)}`, `  out: ${truncate(o.out)}`);
  }
  return out.join('\n');
}
