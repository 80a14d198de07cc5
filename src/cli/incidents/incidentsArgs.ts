/**
 * `logveil incidents` arguments → its config. Option errors are `UsageError`s in the plain
 * words of the rest of the CLI (`parseCommandLine`: unknown options with the nearest known one,
 * a flag without its value); a value given to a flag is never quoted back.
 */
import { parseDuration } from '../../known/duration.js';
import { parseCommandLine, UsageError } from '../config.js';
import type { TimeWindow } from './incidentLedger.js';
import { PERIOD_UNITS, type PeriodUnit } from './periodSummary.js';
import { isoTime, realDay } from './sighting.js';

export const INCIDENT_FORMATS = ['text', 'json', 'markdown'] as const;
export type IncidentFormat = (typeof INCIDENT_FORMATS)[number];

export interface IncidentsConfig {
  readonly help: boolean;
  readonly version: boolean;
  /** Report files in order; `-` is standard input. */
  readonly reports: readonly string[];
  readonly format: IncidentFormat;
  /** Sightings counted: `since ≤ time < until`. */
  readonly window: TimeWindow;
  /** `--per`: a summary line per calendar day, week or month besides the period's. */
  readonly per: PeriodUnit | undefined;
}

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date and time without a zone: read as UTC. */
const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;
/** A duration with its unit (a bare number would be milliseconds, surely not what was meant). */
const DURATION = /^\s*\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*$/;

/**
 * `--since`/`--until`: an ISO 8601 date (a whole day, in UTC: `--since` from its start,
 * `--until` to its end), a date and time (UTC when it has no zone), or a duration back from
 * `now` (`7d`, `12h`, `30m`, `90s`). Milliseconds since the epoch, or undefined.
 *
 * @example
 * timeBound('2026-12-07', 'until', Date.now()); // 2026-12-08T00:00:00Z: all of Dec 7 is in
 * timeBound('7d', 'since', Date.now());         // a week ago
 */
export function timeBound(text: string, side: 'since' | 'until', now: number): number | undefined {
  const day = DATE.exec(text);
  if (day !== null) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (!realDay(y, m, d)) return undefined;
    return Date.UTC(y, m - 1, d) + (side === 'until' ? DAY : 0);
  }
  if (DURATION.test(text)) {
    const ms = parseDuration(text);
    return ms === undefined ? undefined : now - ms;
  }
  return isoTime(ZONELESS.test(text) ? `${text}Z` : text);
}

const TIME_WORDS = 'an ISO 8601 date or time (2026-12-01, 2026-12-01T10:00:00Z) or a duration back from now (7d, 12h, 30m, 90s)';

/**
 * Parses the arguments after `incidents`; `now` is when durations are counted back from.
 *
 * @example
 * parseIncidentsArgs(['--format', 'markdown', '--since', '7d', 'web-1.ndjson', 'web-2.ndjson'], Date.now());
 */
export function parseIncidentsArgs(argv: readonly string[], now: number): IncidentsConfig {
  const parsed = parseCommandLine(argv, {
    format: { type: 'string', short: 'f' },
    since: { type: 'string' },
    until: { type: 'string' },
    per: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
  });
  const v = parsed.values;
  const help = v.help === true;
  const version = v.version === true;
  const format = (v.format ?? 'text') as IncidentFormat;
  if (!INCIDENT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${INCIDENT_FORMATS.join(', ')}`);
  const per = v.per as PeriodUnit | undefined;
  if (per !== undefined && !PERIOD_UNITS.includes(per)) throw new UsageError(`--per must be one of ${PERIOD_UNITS.join(', ')}`);
  const bound = (side: 'since' | 'until') => {
    const text = v[side];
    if (text === undefined) return undefined;
    const t = timeBound(text, side, now);
    if (t === undefined) throw new UsageError(`--${side} must be ${TIME_WORDS}`);
    return t;
  };
  const window = { since: bound('since'), until: bound('until') };
  if (window.since !== undefined && window.until !== undefined && window.since >= window.until) throw new UsageError('--since must be before --until');
  if (parsed.positionals.length === 0 && !help && !version) throw new UsageError('name the reports to read (files written by logveil --report, or - for standard input)');
  return { help, version, reports: parsed.positionals, format, window, per };
}
