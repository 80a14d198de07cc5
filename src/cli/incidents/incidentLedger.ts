/**
 * Sightings merged into incidents: one per fingerprint, whatever host or report it came from.
 * Memory grows with the number of fingerprints, never with the number of lines: an incident
 * holds counts, first and last times per state, and bounded sets (MAX_SOURCES sources, MAX_LABELS
 * rule ids and names) — a report of ten million sightings of one key is one small record.
 *
 * Rotation events are the states a value was seen in, each with its first and last sighting
 * and count, in the order of their first sightings (`current` 10:00–10:59, `retiring`
 * 11:00–11:30, `retired` 12:00–12:05). Reports from many hosts arrive in no common order, so
 * this, not a line-by-line sequence, is what a bounded reader can say for sure.
 *
 * Time to rotate: from a known secret's first sighting to the first `current` sighting of the
 * value that replaced it — the first other fingerprint under one of its names whose first
 * `current` sighting comes after this one's first sighting. A value with no such successor in
 * the reports is not rotated (yet); findings without a name (rules, not known secrets) have no
 * successor to look for. Sightings without a state (older reports) never count as `current`.
 */
import { SIGHTING_STATES, type Sighting, type SightingState } from './sighting.js';

/** Sources kept per incident; more are counted as `moreSources`. */
export const MAX_SOURCES = 64;
/** Rule ids and names kept per incident (one fingerprint is almost always one rule and one name). */
export const MAX_LABELS = 8;

/** The sightings of one value in one state. */
export interface StateSpan {
  readonly state: SightingState;
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

/** The value that replaced a known secret's, and when it was first seen as `current`. */
export interface Rotation {
  readonly to: string;
  readonly at: number;
  /** `at` minus the incident's first sighting, in milliseconds. */
  readonly afterMs: number;
}

/** Everything the reports say about one secret (one fingerprint). Times are milliseconds since the epoch. */
export interface Incident {
  readonly fingerprint: string;
  /** Rule ids that found it, in the order first read. */
  readonly rules: readonly string[];
  /** Known-secret names it was found under, sorted. */
  readonly names: readonly string[];
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly count: number;
  /** Hosts, pods or streams, sorted; at most MAX_SOURCES. */
  readonly sources: readonly string[];
  /** True when more than MAX_SOURCES sources saw it. */
  readonly moreSources: boolean;
  /** Rotation events: the states seen, in the order of their first sightings. */
  readonly states: readonly StateSpan[];
  /** Sightings of the value after it was retired (revoked but still in use). */
  readonly retired: StateSpan | undefined;
  readonly rotation: Rotation | undefined;
}

/** A half-open window of time, `since ≤ t < until`; a missing end is open. */
export interface TimeWindow {
  readonly since: number | undefined;
  readonly until: number | undefined;
}

interface Tally {
  first: number;
  last: number;
  count: number;
}

/**
 * One fingerprint while the reports are read. PERF: small arrays, not Sets and Maps — the
 * ledger of a report of 200,000 distinct secrets (one sighting each) held 179 MB of heap with
 * Sets for names and sources and a Map of states, 100 MB with arrays; the lists are bounded
 * (MAX_LABELS, MAX_SOURCES), so a linear look-up costs little.
 */
interface Accumulating {
  readonly fingerprint: string;
  readonly rules: string[];
  readonly names: string[];
  readonly tally: Tally;
  readonly sources: string[];
  moreSources: boolean;
  /** By the state's index in SIGHTING_STATES. */
  readonly states: (Tally | undefined)[];
}

const tallyOf = (t: number): Tally => ({ first: t, last: t, count: 1 });

function count(tally: Tally, t: number): void {
  if (t < tally.first) tally.first = t;
  if (t > tally.last) tally.last = t;
  tally.count++;
}

export interface IncidentLedger {
  /** Adds a sighting; returns false (and counts nothing) when it falls outside the window. */
  add(s: Sighting): boolean;
  /** The incidents so far, by first sighting (then fingerprint), with their rotations. */
  incidents(): Incident[];
}

/**
 * @example
 * const ledger = createLedger({ since: undefined, until: undefined });
 * ledger.add(sighting);
 * ledger.incidents(); // [{ fingerprint: '4f1c9a2e', count: 1, … }]
 */
export function createLedger(window: TimeWindow): IncidentLedger {
  const byFingerprint = new Map<string, Accumulating>();
  return {
    add(s) {
      if ((window.since !== undefined && s.time < window.since) || (window.until !== undefined && s.time >= window.until)) return false;
      let a = byFingerprint.get(s.fingerprint);
      if (a === undefined) {
        a = { fingerprint: s.fingerprint, rules: [], names: [], tally: tallyOf(s.time), sources: [], moreSources: false, states: [] };
        byFingerprint.set(s.fingerprint, a);
      } else count(a.tally, s.time);
      if (a.rules.length < MAX_LABELS && !a.rules.includes(s.ruleId)) a.rules.push(s.ruleId);
      if (s.name !== undefined && a.names.length < MAX_LABELS && !a.names.includes(s.name)) a.names.push(s.name);
      if (s.source !== undefined && !a.sources.includes(s.source)) {
        if (a.sources.length < MAX_SOURCES) a.sources.push(s.source);
        else a.moreSources = true;
      }
      if (s.state !== undefined) {
        const k = SIGHTING_STATES.indexOf(s.state);
        const st = a.states[k];
        if (st === undefined) a.states[k] = tallyOf(s.time);
        else count(st, s.time);
      }
      return true;
    },
    incidents() {
      const list = [...byFingerprint.values()].map(settle);
      const rotations = findRotations(list);
      return list
        .map((i) => ({ ...i, rotation: rotations.get(i.fingerprint) }))
        .sort((x, y) => x.firstSeen - y.firstSeen || (x.fingerprint < y.fingerprint ? -1 : x.fingerprint > y.fingerprint ? 1 : 0));
    },
  };
}

/** An accumulated record as an incident, without its rotation (that needs the others). */
function settle(a: Accumulating): Incident {
  const states: StateSpan[] = [];
  SIGHTING_STATES.forEach((state, k) => {
    const t = a.states[k];
    if (t !== undefined) states.push({ state, ...t });
  });
  // Stable: states first seen at the same moment keep the rotation's order.
  states.sort((x, y) => x.first - y.first);
  return {
    fingerprint: a.fingerprint,
    rules: [...a.rules],
    names: [...a.names].sort(),
    firstSeen: a.tally.first,
    lastSeen: a.tally.last,
    count: a.tally.count,
    sources: [...a.sources].sort(),
    moreSources: a.moreSources,
    states,
    retired: states.find((s) => s.state === 'retired'),
    rotation: undefined,
  };
}

/**
 * Each known secret's successor: per name, the values first seen `current` in time order, and
 * for each incident under that name the first of them after its own first sighting.
 */
function findRotations(incidents: readonly Incident[]): Map<string, Rotation> {
  const currentByName = new Map<string, { fingerprint: string; at: number }[]>();
  for (const i of incidents) {
    const current = i.states.find((s) => s.state === 'current');
    if (current === undefined) continue;
    for (const name of i.names) {
      let list = currentByName.get(name);
      if (list === undefined) currentByName.set(name, (list = []));
      list.push({ fingerprint: i.fingerprint, at: current.first });
    }
  }
  for (const list of currentByName.values()) list.sort((x, y) => x.at - y.at);
  const rotations = new Map<string, Rotation>();
  for (const i of incidents) {
    let best: { fingerprint: string; at: number } | undefined;
    for (const name of i.names) {
      const list = currentByName.get(name);
      if (list === undefined) continue;
      // Skipping itself: seen `retiring` on one host before `current` on another (clocks, a
      // late pod), its own first `current` sighting can come after its first sighting.
      let k = firstAfter(list, i.firstSeen);
      while (k < list.length && list[k]!.fingerprint === i.fingerprint) k++;
      const next = list[k];
      if (next !== undefined && (best === undefined || next.at < best.at)) best = next;
    }
    if (best !== undefined) rotations.set(i.fingerprint, { to: best.fingerprint, at: best.at, afterMs: best.at - i.firstSeen });
  }
  return rotations;
}

/** Index of the first entry of `list` (sorted by `at`) with `at > t`; `list.length` when none. */
function firstAfter(list: readonly { at: number }[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.at > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
