/**
 * The JSON output: the period, its summary and every incident, for scripts and dashboards.
 * Times are ISO 8601 (UTC), durations milliseconds. Only the fields an incident is made of
 * are written — a report line's other keys never made it past `parseSighting`.
 *
 * ```json
 * { "period": { "since": null, "until": null }, "reports": 2, "skippedLines": 0,
 *   "summary": { "leakedSecrets": 3, "findings": 120, "rotated": 1, "notRotated": 1, "medianTimeToRotateMs": 3600000, "worstTimeToRotateMs": 3600000 },
 *   "periods": null, // with --per month: { "unit": "month", "list": [{ "start": "2026-12-01T00:00:00.000Z", "end": "2027-01-01T00:00:00.000Z", "leakedSecrets": 3, … }] }
 *   "incidents": [{ "fingerprint": "4f1c9a2e", "rules": ["known-secret"], "names": ["db-password"], "firstSeen": "…", "lastSeen": "…", "count": 45,
 *     "sources": ["web-1", "web-2"], "moreSources": false, "rotationEvents": [{ "state": "current", "first": "…", "last": "…", "count": 40 }, …],
 *     "retiredSightings": { "count": 3, "last": "…" }, "timeToRotateMs": 3600000, "rotatedTo": "9ab3c4d1", "rotatedAt": "…" }] }
 * ```
 */
import type { Incident } from './incidentLedger.js';
import type { IncidentsView } from './incidentsView.js';
import type { PeriodSummary } from './periodSummary.js';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

function incidentJson(i: Incident) {
  return {
    fingerprint: i.fingerprint,
    rules: i.rules,
    names: i.names,
    firstSeen: iso(i.firstSeen),
    lastSeen: iso(i.lastSeen),
    count: i.count,
    sources: i.sources,
    moreSources: i.moreSources,
    rotationEvents: i.states.map((s) => ({ state: s.state, first: iso(s.first), last: iso(s.last), count: s.count })),
    retiredSightings: i.retired === undefined ? null : { count: i.retired.count, last: iso(i.retired.last) },
    timeToRotateMs: i.rotation?.afterMs ?? null,
    rotatedTo: i.rotation?.to ?? null,
    rotatedAt: iso(i.rotation?.at),
  };
}

/** A period's numbers; `findings` only for the whole period (per `--per` period it would mix in later sightings). */
function summaryJson(s: PeriodSummary, withFindings: boolean) {
  return {
    leakedSecrets: s.leakedSecrets,
    ...(withFindings ? { findings: s.findings } : {}),
    rotated: s.rotated,
    notRotated: s.notRotated,
    medianTimeToRotateMs: s.medianTimeToRotate ?? null,
    worstTimeToRotateMs: s.worstTimeToRotate ?? null,
  };
}

/**
 * @example
 * JSON.parse(renderJson(view)).summary.leakedSecrets; // 3
 */
export function renderJson(view: IncidentsView): string {
  const { summary, periods } = view;
  const doc = {
    period: { since: iso(summary.window.since), until: iso(summary.window.until) },
    reports: view.reports,
    skippedLines: view.skippedLines,
    summary: summaryJson(summary, true),
    periods: periods === undefined ? null : { unit: periods.unit, list: periods.list.map((p) => ({ start: iso(p.window.since), end: iso(p.window.until), ...summaryJson(p, false) })) },
    incidents: view.incidents.map(incidentJson),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
