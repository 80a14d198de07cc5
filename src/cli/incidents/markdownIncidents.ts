/**
 * The Markdown output, for pasting into the incident ticket: a heading with the period, the
 * summary, and one table row per incident with its rotation events in the row. Names and
 * sources are escaped (`|`, `*`, `_`, `[`, `<`, backticks, …): a name is text from a file
 * name or a pod, and must not become a link, an image or a broken table in the ticket.
 */
import { durationText, labelText, periodLabel, periodText, retiredText, sourcesText, stateText, summaryText, utcText } from './incidentCells.js';
import type { Incident } from './incidentLedger.js';
import type { IncidentsView } from './incidentsView.js';

/** Characters of a name or source in a cell. */
const LABEL_WIDTH = 64;
const SOURCES_SHOWN = 5;

/**
 * `text` safe in a Markdown table cell: every character with a meaning inline is escaped, `&`
 * as an entity (so no `&lt;…` entity sneaks a tag through).
 *
 * @example
 * markdownCell('a|b_[x](y)'); // 'a\\|b\\_\\[x\\]\\(y\\)'
 */
export function markdownCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/[\\`*_{}[\]()<>|~!#]/g, '\\$&');
}

function row(i: Incident): string {
  const names = i.names.length === 0 ? '-' : i.names.map((n) => markdownCell(labelText(n, LABEL_WIDTH))).join(', ');
  const events = i.states.length === 0 ? '-' : i.states.map(stateText).join('<br>');
  const rotate = i.rotation !== undefined ? `${durationText(i.rotation.afterMs)} (to \`${i.rotation.to}\`)` : i.names.length > 0 ? 'not seen' : '-';
  const cells = [`\`${i.fingerprint}\``, markdownCell(i.rules.join(', ')), names, utcText(i.firstSeen), utcText(i.lastSeen), String(i.count), sourcesText(i, SOURCES_SHOWN, LABEL_WIDTH, markdownCell), events, rotate, retiredText(i)];
  return `| ${cells.join(' | ')} |`;
}

const duration = (ms: number | undefined) => (ms === undefined ? '-' : durationText(ms));

/**
 * @example
 * renderMarkdown(view); // '## Secret incidents, all findings\n\n**Summary:** …'
 */
export function renderMarkdown(view: IncidentsView): string {
  const { incidents, summary, periods, reports } = view;
  const out = [`## Secret incidents, ${periodText(summary.window)}`, '', `**Summary:** ${summaryText(summary)}. Read from ${reports === 1 ? '1 report' : `${reports} reports`}; times in UTC.`];
  if (periods !== undefined && periods.list.length > 0) {
    const unit = periods.unit;
    out.push(
      '',
      `| ${unit[0]!.toUpperCase()}${unit.slice(1)} (first seen) | Leaked secrets | Rotated | Median time to rotate | Worst time to rotate | Known secrets not rotated |`,
      '| --- | ---: | ---: | --- | --- | ---: |',
      ...periods.list.map((p) => `| ${periodLabel(p.window.since!, unit)} | ${p.leakedSecrets} | ${p.rotated} | ${duration(p.medianTimeToRotate)} | ${duration(p.worstTimeToRotate)} | ${p.notRotated} |`),
    );
  }
  if (incidents.length > 0) {
    out.push(
      '',
      '| Fingerprint | Rule | Name | First seen | Last seen | Count | Sources | Rotation events | Time to rotate | Retired sightings |',
      '| --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- |',
      ...incidents.map(row),
    );
  }
  return `${out.join('\n')}\n`;
}
