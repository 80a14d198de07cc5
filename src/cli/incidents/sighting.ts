/**
 * One line of a findings report (`logveil --report`) read back as a sighting: the fields an
 * incident is made of, checked, and nothing else. The line's other keys (`line`, `start`,
 * `end`, and whatever a newer or a tampered report carries) are dropped here, so no later step
 * can print them. A line that is not a finding gives the reason in words that quote nothing
 * from it.
 *
 * The schema: `{ruleId, name?, fingerprint, time, state?, source?, line, start, end}` — `state`
 * and `source` are missing in reports written before findings carried them; such a line is a
 * sighting without a state or a source.
 */
import type { SecretState } from '../../report/finding.js';
import { RULE_ID_SHAPE } from '../../rules/rule.js';

/** A known (or revoked) value's state in a finding. */
export type SightingState = SecretState;

/** Each state's place in a rotation: a record, so a state added to `SecretState` must be placed here. */
const ROTATION_ORDER: Readonly<Record<SightingState, number>> = { current: 0, retiring: 1, retired: 2 };

/** The states, in the order a rotation moves a value through them. */
export const SIGHTING_STATES = Object.keys(ROTATION_ORDER) as readonly SightingState[];

/** Longest `name` or `source` accepted, in characters (a file name, a variable, a pod name). */
export const MAX_LABEL = 256;

/** A finding as an incident sees it: which secret, where from, when, in which state. */
export interface Sighting {
  readonly ruleId: string;
  /** Keyed fingerprint: 8 to 64 lowercase hex digits. */
  readonly fingerprint: string;
  /** Milliseconds since the epoch. */
  readonly time: number;
  /** The known secret's name, for `known-secret` findings. */
  readonly name: string | undefined;
  readonly state: SightingState | undefined;
  /** Host, pod or stream that wrote the report. */
  readonly source: string | undefined;
}

export type ParsedLine = { readonly ok: true; readonly sighting: Sighting } | { readonly ok: false; readonly reason: string };

const FINGERPRINT = /^[0-9a-f]{8,64}$/;

/**
 * An ISO 8601 date and time with a zone (`Z` or `±hh:mm`), as `Date.toISOString()` writes it;
 * the seconds and their fraction may be left out.
 */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 time with a zone, or undefined — for a day that
 * does not exist (`2026-02-30`) too, which `Date.parse` would move into March.
 *
 * @example
 * isoTime('2026-12-01T10:00:00.000Z'); // 1796119200000
 */
export function isoTime(text: string): number | undefined {
  const m = ISO_TIME.exec(text);
  if (m === null || !realDay(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when the day `d` exists in month `m` of year `y` (Gregorian). PERF: arithmetic, not a
 * `Date` — it runs for every report line (a Date here was 3% of reading a 1M-line report).
 */
export function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
}

/** A label (`name`, `source`): a non-empty string of at most MAX_LABEL characters, or missing. */
function label(v: unknown): string | undefined | false {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_LABEL ? v : false;
}

/**
 * Reads one report line. Never throws; never puts anything from the line into a reason.
 *
 * @example
 * parseSighting('{"ruleId":"known-secret","name":"db-password","fingerprint":"4f1c9a2e","time":"2026-12-01T10:00:00.000Z","state":"current","source":"web-1"}');
 * // { ok: true, sighting: { ruleId: 'known-secret', name: 'db-password', state: 'current', source: 'web-1', time: 1796119200000, … } }
 */
export function parseSighting(text: string): ParsedLine {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, reason: 'it is not a JSON object' };
  const o = v as Record<string, unknown>;
  if (typeof o.ruleId !== 'string' || !RULE_ID_SHAPE.test(o.ruleId)) return { ok: false, reason: '"ruleId" is missing or not a rule id' };
  if (typeof o.fingerprint !== 'string' || !FINGERPRINT.test(o.fingerprint)) return { ok: false, reason: '"fingerprint" is missing or not 8 to 64 hex digits' };
  const time = typeof o.time === 'string' ? isoTime(o.time) : undefined;
  if (time === undefined) return { ok: false, reason: '"time" is missing or not an ISO 8601 time with a zone' };
  const name = label(o.name);
  if (name === false) return { ok: false, reason: `"name" is not a string of 1 to ${MAX_LABEL} characters` };
  const source = label(o.source);
  if (source === false) return { ok: false, reason: `"source" is not a string of 1 to ${MAX_LABEL} characters` };
  let state: SightingState | undefined;
  if (o.state !== undefined && o.state !== null) {
    if (typeof o.state !== 'string' || !Object.hasOwn(ROTATION_ORDER, o.state)) return { ok: false, reason: `"state" is not one of ${SIGHTING_STATES.join(', ')}` };
    state = o.state as SightingState;
  }
  // A state on another rule's finding is kept: a value named revoked (`--revoked`) is `retired` whichever rule found it.
  return { ok: true, sighting: { ruleId: o.ruleId, fingerprint: o.fingerprint, time, name, state, source } };
}
