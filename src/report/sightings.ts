/**
 * Sightings of known and revoked values, for rotation progress: how often each known secret
 * was seen in each state and when last, so a dashboard shows traffic moving from the old key
 * to the new one and when the last line carrying the old one went by. A sighting of a
 * `retired` value — a client still using a rotated-out or revoked key — is also a warning, at
 * most once a minute per value, naming the secret and its fingerprint, never the value.
 */
import type { SecretState } from '../known/knownSecrets.js';

/**
 * How often a known secret (or values of a revoked fingerprint) was seen in one state, and when last.
 *
 * @example
 * redactor.stats().sightings
 * // [{ name: 'api-key', state: 'retired', count: 3, lastSeen: 1796000000000 }]
 */
export interface SecretSighting {
  /** The known secret's name; for a revoked fingerprint found by a rule, the rule id. */
  readonly name: string;
  readonly state: SecretState;
  /** Findings in this state since the redactor was made. */
  readonly count: number;
  /** Time of the last one, in milliseconds since the Unix epoch. */
  readonly lastSeen: number;
}

/** Minimum time between two warnings about the same retired value. */
export const RETIRED_WARNING_INTERVAL = 60_000;

interface Tally {
  count: number;
  lastSeen: number;
}

/**
 * The sightings of one redactor. Bounded by the known names (× 3 states) and the revoked list.
 *
 * @example
 * const log = new SightingLog(console.warn);
 * log.note('api-key', 'retired', '4f1c9a2e', { known: true, revoked: false }, Date.now()); // warns once a minute
 * log.list(); // [{ name: 'api-key', state: 'retired', count: 1, lastSeen: … }]
 */
export class SightingLog {
  private readonly tallies = new Map<string, Map<SecretState, Tally>>();
  /** Last warning per fingerprint of a retired value (values retired and seen: bounded). */
  private readonly warned = new Map<string, number>();

  constructor(private readonly warn: (message: string) => void) {}

  /**
   * Counts one finding of `name` (a known secret's name when `known`, else the rule id) in
   * `state` at `now`; a `retired` one is warned about unless the same fingerprint was within
   * the last minute (`revoked`: its fingerprint is listed). Never throws (a warning
   * listener's failure is its own).
   */
  note(name: string, state: SecretState, fingerprint: string, how: { readonly known: boolean; readonly revoked: boolean }, now: number): void {
    let byState = this.tallies.get(name);
    if (byState === undefined) this.tallies.set(name, (byState = new Map()));
    const tally = byState.get(state);
    if (tally === undefined) byState.set(state, { count: 1, lastSeen: now });
    else {
      tally.count++;
      tally.lastSeen = Math.max(tally.lastSeen, now);
    }
    if (state !== 'retired') return;
    const last = this.warned.get(fingerprint);
    if (last !== undefined && now - last < RETIRED_WARNING_INTERVAL) return;
    this.warned.set(fingerprint, now);
    const what = how.known ? `known secret "${name}"` : `rule ${name}`;
    const message = how.revoked
      ? `revoked fingerprint ${fingerprint} (${what}) seen: a client still uses a revoked value (warned at most once a minute per value)`
      : `${what} (fingerprint ${fingerprint}) seen after its rotation grace ended: a client still uses the rotated-out value (warned at most once a minute per value)`;
    try {
      this.warn(message);
    } catch {
      // the listener's failure is its own
    }
  }

  /** Every name and state seen, with counts and the time of the last sighting. */
  list(): SecretSighting[] {
    const out: SecretSighting[] = [];
    for (const [name, byState] of this.tallies) for (const [state, t] of byState) out.push({ name, state, count: t.count, lastSeen: t.lastSeen });
    return out;
  }
}
