/**
 * The summary of a period (`--since`/`--until`, or everything the reports hold): how many
 * distinct secrets leaked (plaintext-secret incidents: one per fingerprint), how many of the
 * known secrets among them were rotated, and the median and worst time to rotate — the two
 * numbers a team reports as its time to recover.
 *
 * `--per day|week|month` adds one summary per calendar period (UTC; weeks start on Monday),
 * each incident counted in the period of its first sighting — where its time to rotate
 * started. Periods without a first sighting are left out: their number is bounded by the
 * incidents', whatever times a report holds.
 */
import type { Incident, TimeWindow } from './incidentLedger.js';

export interface PeriodSummary {
  readonly window: TimeWindow;
  /** Distinct secrets seen in the period: one per fingerprint. */
  readonly leakedSecrets: number;
  /** Findings (report lines) in the period. */
  readonly findings: number;
  /** Incidents with a time to rotate. */
  readonly rotated: number;
  /** Known secrets (incidents with a name) that were not rotated in the period. */
  readonly notRotated: number;
  /** Milliseconds; undefined when nothing was rotated. */
  readonly medianTimeToRotate: number | undefined;
  readonly worstTimeToRotate: number | undefined;
}

/**
 * @example
 * summarize(incidents, { since: undefined, until: undefined });
 * // { leakedSecrets: 3, findings: 120, rotated: 1, notRotated: 1, medianTimeToRotate: 3600000, worstTimeToRotate: 3600000, … }
 */
export function summarize(incidents: readonly Incident[], window: TimeWindow): PeriodSummary {
  const times = incidents.flatMap((i) => (i.rotation === undefined ? [] : [i.rotation.afterMs])).sort((a, b) => a - b);
  const mid = times.length >> 1;
  return {
    window,
    leakedSecrets: incidents.length,
    findings: incidents.reduce((n, i) => n + i.count, 0),
    rotated: times.length,
    notRotated: incidents.filter((i) => i.rotation === undefined && i.names.length > 0).length,
    medianTimeToRotate: times.length === 0 ? undefined : times.length % 2 === 1 ? times[mid] : (times[mid - 1]! + times[mid]!) / 2,
    worstTimeToRotate: times.length === 0 ? undefined : times[times.length - 1],
  };
}

export const PERIOD_UNITS = ['day', 'week', 'month'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

const DAY = 86_400_000;

/** The start of the period (UTC) holding `t`. */
function periodStart(t: number, unit: PeriodUnit): number {
  const d = new Date(t);
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return unit === 'day' ? day : day - ((d.getUTCDay() + 6) % 7) * DAY; // back to Monday
}

/** The start of the period after the one starting at `start`. */
function periodEnd(start: number, unit: PeriodUnit): number {
  if (unit === 'day') return start + DAY;
  if (unit === 'week') return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * One summary per period that holds a first sighting, in time order.
 *
 * @example
 * summarizePer(incidents, 'month'); // [{ window: { since: Date.UTC(2026, 10, 1), until: Date.UTC(2026, 11, 1) }, leakedSecrets: 2, … }, …]
 */
export function summarizePer(incidents: readonly Incident[], unit: PeriodUnit): PeriodSummary[] {
  const byStart = new Map<number, Incident[]>();
  for (const i of incidents) {
    const start = periodStart(i.firstSeen, unit);
    let list = byStart.get(start);
    if (list === undefined) byStart.set(start, (list = []));
    list.push(i);
  }
  return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map(([start, list]) => summarize(list, { since: start, until: periodEnd(start, unit) }));
}
