/**
 * `logveil incidents`: findings reports (`logveil --report`, from any number of hosts) merged
 * into one incident per secret — the timeline that closes a leak: when it was first and last
 * seen, where, how its rotation went, whether a revoked value is still in use, and how long
 * the rotation took.
 *
 * Start at `runIncidents.ts` (the run, in order). Then: `incidentsArgs.ts` (flags, the time
 * window), `reportLines.ts` (a report as a stream of bounded lines), `sighting.ts` (one line
 * checked into the fields an incident is made of), `incidentLedger.ts` (sightings merged by
 * fingerprint; rotation events and time to rotate), `periodSummary.ts` (the summary lines:
 * the period's, and per day, week or month), `incidentsView.ts` (what an output shows),
 * `textIncidents.ts`, `jsonIncidents.ts`, `markdownIncidents.ts` (the outputs, with the cell
 * words of `incidentCells.ts`), `incidentsUsage.ts` (help and exit codes).
 *
 * Invariants: it only reads reports, which hold fingerprints, never secrets, and of a report
 * line it keeps only the fields listed in `Sighting` — another key (a newer field, or a value
 * someone put there) is never printed. A skipped line is named by report and line number,
 * never quoted. Memory grows with the number of fingerprints, not of lines: a line is at
 * most MAX_REPORT_LINE bytes, and an incident's sets are bounded.
 */
export { runIncidents } from './runIncidents.js';
export { INCIDENTS_EXIT_ERROR, INCIDENTS_EXIT_OK, INCIDENTS_USAGE } from './incidentsUsage.js';
