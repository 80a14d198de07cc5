/**
 * The summary of a period (`--since`/`--until`, or everything the reports hold): how many
 * distinct secrets leaked (plaintext-secret incidents: one per fingerprint), how many of the
 * known secrets among them were rotated, and the median and worst time to rotate — the two
 * numbers a team reports as its time to recover.
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
