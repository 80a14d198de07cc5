/**
 * The JSON output: the period, its summary and every incident, for scripts and dashboards.
 * Times are ISO 8601 (UTC), durations milliseconds. Only the fields an incident is made of
 * are written — a report line's other keys never made it past `parseSighting`.
 *
 * ```json
 * { "period": { "since": null, "until": null }, "reports": 2, "skippedLines": 0,
 *   "summary": { "leakedSecrets": 3, "findings": 120, "rotated": 1, "notRotated": 1, "medianTimeToRotateMs": 3600000, "worstTimeToRotateMs": 3600000 },
 *   "incidents": [{ "fingerprint": "4f1c9a2e", "rules": ["known-secret"], "names": ["db-password"], "firstSeen": "…", "lastSeen": "…", "count": 45,
 *     "sources": ["web-1", "web-2"], "moreSources": false, "rotationEvents": [{ "state": "current", "first": "…", "last": "…", "count": 40 }, …],
 *     "retiredSightings": { "count": 3, "last": "…" }, "timeToRotateMs": 3600000, "rotatedTo": "9ab3c4d1", "rotatedAt": "…" }] }
 * ```
 */
import type { Incident } from './incidentLedger.js';
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

/**
 * @example
 * JSON.parse(renderJson(incidents, summary, 2, 0)).summary.leakedSecrets; // 3
 */
export function renderJson(incidents: readonly Incident[], summary: PeriodSummary, reports: number, skippedLines: number): string {
  const s = summary;
  const doc = {
    period: { since: iso(s.window.since), until: iso(s.window.until) },
    reports,
    skippedLines,
    summary: {
      leakedSecrets: s.leakedSecrets,
      findings: s.findings,
      rotated: s.rotated,
      notRotated: s.notRotated,
      medianTimeToRotateMs: s.medianTimeToRotate ?? null,
      worstTimeToRotateMs: s.worstTimeToRotate ?? null,
    },
    incidents: incidents.map(incidentJson),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
