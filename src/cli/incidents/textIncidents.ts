/**
 * The text output: a table a person reads on a terminal — one row per incident, the rotation
 * events below it (they do not fit in a row), and the period's summary line last.
 *
 * ```
 * FINGERPRINT  RULE          NAME         FIRST SEEN (UTC)     LAST SEEN (UTC)      COUNT  SOURCES       TIME TO ROTATE  RETIRED SIGHTINGS
 * 4f1c9a2e     known-secret  db-password  2026-12-01 10:00:00  2026-12-01 12:05:00     45  web-1, web-2  1h 0m           3, last 2026-12-01 12:05:00
 * ```
 */
import { labelText, periodLabel, periodText, retiredText, rotateText, sourcesText, stateText, summaryText, utcText } from './incidentCells.js';
import type { Incident } from './incidentLedger.js';
import type { IncidentsView } from './incidentsView.js';

/** Characters of a name shown in the table (the JSON output has it whole). */
const NAME_WIDTH = 32;
/** Sources named in a row; the rest are counted. */
const SOURCES_SHOWN = 3;

const HEADERS = ['FINGERPRINT', 'RULE', 'NAME', 'FIRST SEEN (UTC)', 'LAST SEEN (UTC)', 'COUNT', 'SOURCES', 'TIME TO ROTATE', 'RETIRED SIGHTINGS'];
/** The COUNT column is right-aligned. */
const COUNT = 5;

function row(i: Incident): string[] {
  return [
    i.fingerprint,
    i.rules.join(','),
    i.names.length === 0 ? '-' : i.names.map((n) => labelText(n, NAME_WIDTH)).join(', '),
    utcText(i.firstSeen),
    utcText(i.lastSeen),
    String(i.count),
    sourcesText(i, SOURCES_SHOWN, NAME_WIDTH),
    rotateText(i),
    retiredText(i),
  ];
}

function table(rows: string[][]): string {
  // A loop, not Math.max(...column): 200,000 incidents overflowed the stack as arguments.
  const widths = HEADERS.map((h) => h.length);
  for (const r of rows) r.forEach((cell, c) => (widths[c] = Math.max(widths[c]!, cell.length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === COUNT ? cell.padStart(widths[c]!) : c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [HEADERS, ...rows].map(line).join('\n');
}

/**
 * @example
 * renderText(view); // 'FINGERPRINT  RULE …\n…\nSummary, all findings: 3 leaked secrets …\n'
 */
export function renderText(view: IncidentsView): string {
  const { incidents, summary, periods, reports } = view;
  const out: string[] = [];
  if (incidents.length === 0) out.push(`No findings in ${reports === 1 ? 'the report' : `the ${reports} reports`} (${periodText(summary.window)}).`);
  else {
    out.push(table(incidents.map(row)));
    const rotations = incidents.filter((i) => i.states.length > 0);
    if (rotations.length > 0) {
      out.push('', 'Rotation events (UTC; each state from its first to its last sighting, in the order first seen):');
      for (const i of rotations) {
        const names = i.names.length === 0 ? '' : `  ${i.names.map((n) => labelText(n, NAME_WIDTH)).join(', ')}`;
        const rotated = i.rotation === undefined ? '' : `; rotated to ${i.rotation.to} after ${rotateText(i)}`;
        out.push(`  ${i.fingerprint}${names}: ${i.states.map(stateText).join(' → ')}${rotated}`);
      }
    }
  }
  out.push('', `Summary, ${periodText(summary.window)}: ${summaryText(summary)}.`);
  if (periods !== undefined && periods.list.length > 0) {
    out.push(`By ${periods.unit} (UTC; each secret in the ${periods.unit} it was first seen):`);
    for (const p of periods.list) out.push(`  ${periodLabel(p.window.since!, periods.unit)}: ${summaryText(p, false)}`);
  }
  return `${out.join('\n')}\n`;
}
