/**
 * What every output shows: the incidents, the summary of the period asked for, the summaries
 * per calendar period (`--per`), and where they were read from. Built once by the run and
 * handed to the text, JSON or Markdown renderer.
 */
import type { Incident } from './incidentLedger.js';
import type { PeriodSummary, PeriodUnit } from './periodSummary.js';

export interface IncidentsView {
  /** By first sighting. */
  readonly incidents: readonly Incident[];
  /** The period of `--since`/`--until` (all findings without them). */
  readonly summary: PeriodSummary;
  /** With `--per`: one summary per period that holds a first sighting. */
  readonly periods: { readonly unit: PeriodUnit; readonly list: readonly PeriodSummary[] } | undefined;
  /** Reports read (standard input counts once). */
  readonly reports: number;
  /** Lines skipped as not findings. */
  readonly skippedLines: number;
}
