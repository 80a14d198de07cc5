/**
 * The words of an incident's cells, shared by the text table and the Markdown one: times in
 * UTC to the second, durations in their two largest units, the period, the rotation events.
 * Names and sources are made printable here (a file name can hold a newline or an escape
 * sequence); each format escapes what its own syntax needs on top.
 */
import { printable } from '../scan/excerpt.js';
import type { Incident, StateSpan, TimeWindow } from './incidentLedger.js';
import type { PeriodSummary, PeriodUnit } from './periodSummary.js';

/**
 * `2026-12-01 10:00:00`: UTC, to the second.
 *
 * @example
 * utcText(Date.UTC(2026, 11, 1, 10)); // '2026-12-01 10:00:00'
 */
export function utcText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const UNITS: readonly [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/**
 * A duration in its two largest units: `3d 4h`, `1h 5m`, `45s`; under a second in `ms`.
 *
 * @example
 * durationText(3_900_000); // '1h 5m'
 */
export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const parts: string[] = [];
  let rest = Math.floor(ms / 1000) * 1000;
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/**
 * The period in words: `all findings`, `since 2026-12-01 00:00:00 UTC`, `2026-12-01 00:00:00 to 2026-12-08 00:00:00 UTC`.
 *
 * @example
 * periodText({ since: undefined, until: undefined }); // 'all findings'
 */
export function periodText(w: TimeWindow): string {
  if (w.since === undefined && w.until === undefined) return 'all findings';
  if (w.until === undefined) return `since ${utcText(w.since!)} UTC`;
  if (w.since === undefined) return `until ${utcText(w.until)} UTC`;
  return `${utcText(w.since)} to ${utcText(w.until)} UTC`;
}

/**
 * A calendar period by its start: `2026-12-01` (day), `week of 2026-11-30` (week), `2026-12` (month).
 *
 * @example
 * periodLabel(Date.UTC(2026, 11, 1), 'month'); // '2026-12'
 */
export function periodLabel(start: number, unit: PeriodUnit): string {
  const day = new Date(start).toISOString().slice(0, 10);
  return unit === 'month' ? day.slice(0, 7) : unit === 'week' ? `week of ${day}` : day;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The summary line's words (without the period): leaked secrets, rotated ones with median
 * and worst time to rotate, known secrets not rotated.
 *
 * @example
 * summaryText(summary); // '3 leaked secrets (120 findings); 1 rotated: time to rotate median 1h 0m, worst 1h 0m; 1 known secret not rotated'
 */
export function summaryText(s: PeriodSummary, withFindings = true): string {
  const leaked = plural(s.leakedSecrets, 'leaked secret', 'leaked secrets');
  const parts = [withFindings ? `${leaked} (${plural(s.findings, 'finding', 'findings')})` : leaked];
  if (s.rotated > 0) parts.push(`${s.rotated} rotated: time to rotate median ${durationText(s.medianTimeToRotate!)}, worst ${durationText(s.worstTimeToRotate!)}`);
  else parts.push('none rotated');
  if (s.notRotated > 0) parts.push(`${plural(s.notRotated, 'known secret', 'known secrets')} not rotated`);
  return parts.join('; ');
}

/** A name or source for a cell: printable, and cut to `max` characters with an ellipsis. */
export function labelText(text: string, max: number): string {
  const p = printable(text);
  return p.length <= max ? p : `${p.slice(0, max - 1)}…`;
}

/**
 * The first `shown` sources and how many more: `web-1, web-2 and 3 more` (`61+ more` past
 * MAX_SOURCES, which are not kept); `-` for none.
 */
export function sourcesText(i: Incident, shown: number, max: number, escape: (s: string) => string = (s) => s): string {
  if (i.sources.length === 0) return '-';
  const head = i.sources.slice(0, shown).map((s) => escape(labelText(s, max))).join(', ');
  const more = i.sources.length - Math.min(shown, i.sources.length);
  if (more === 0 && !i.moreSources) return head;
  return `${head} and ${more}${i.moreSources ? '+' : ''} more`;
}

/** One rotation event: `retiring 2026-12-01 11:00:00 – 2026-12-01 11:30:00 (2)`. */
export function stateText(s: StateSpan): string {
  return s.first === s.last ? `${s.state} ${utcText(s.first)} (${s.count})` : `${s.state} ${utcText(s.first)} – ${utcText(s.last)} (${s.count})`;
}

/** The retired-value sightings: `3, last 2026-12-01 12:05:00`, or `-`. */
export function retiredText(i: Incident): string {
  return i.retired === undefined ? '-' : `${i.retired.count}, last ${utcText(i.retired.last)}`;
}

/** Time to rotate: `1h 0m`; `not seen` for a known secret without a successor; `-` for a rule's finding. */
export function rotateText(i: Incident): string {
  if (i.rotation !== undefined) return durationText(i.rotation.afterMs);
  return i.names.length > 0 ? 'not seen' : '-';
}
