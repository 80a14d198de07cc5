/**
 * A live set of known secrets with rotation overlap. Values come from options, environment
 * variables and files; files are watched (and re-checked by signature while matching), and
 * on a change the set is read again:
 * - a new value is masked from the next matcher call on;
 * - a value that disappeared (rotated out, file removed) stays masked for `rotationGrace`
 *   (default 24 h), because delayed log lines still carry it: it is `retiring`;
 * - past the grace it is `retired`: still recognised and masked for `retiredTtl` more
 *   (default 30 days), so that a client still using it is seen (`stateOf`), then forgotten.
 *   Held in memory only, and at most `rotatedOutLimit(current values)` rotated-out values at a time (256, or
 *   8 per current value when there are more than 32): past
 *   that the oldest are forgotten early, `retired` ones before `retiring` ones, with a warning
 *   (a file rewritten with a new value every few seconds — a short-lived token — would
 *   otherwise hold every value for the TTL, and rebuild an ever larger index at each change);
 * - a path that cannot be read (other than removed) keeps the values it had (fail closed);
 *   both warn.
 * The swap happens between two matcher calls, never inside one: no line is seen by half a set.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import { OptionsError } from '../errors.js';
import { parseDuration } from './duration.js';
import { KnownIndex, type KnownEntry } from './knownIndex.js';
import { checkKnownSecret, type CheckedSecret, type KnownSecret } from './knownSecret.js';
import { quickSignatureOf, secretsFromEnv, secretsFromPath, signatureOf, UnreadableSecretPath } from './sources.js';

/** Default time a rotated-out value stays masked: 24 hours. */
export const DEFAULT_ROTATION_GRACE = 24 * 3_600_000;
/** Default time a value stays recognised (and masked) as retired after its grace: 30 days. */
export const DEFAULT_RETIRED_TTL = 30 * 86_400_000;
/** Default time between signature checks of the files while matching. */
export const DEFAULT_CHECK_INTERVAL = 1000;
/**
 * Fewest rotated-out values (`retiring` and `retired`) a set may hold at once; a set of many
 * current values may hold 8 per value. PERF: the index is rebuilt at each change, in time
 * linear in the values held — measured (a busy 2-core machine), 1,000 values cost about 20 ms
 * a rebuild; without a cap a secret file rewritten 10,000 times took over five minutes of
 * rebuilds (quadratic) and held every old value. 256 keeps a rebuild near 5 ms.
 */
export const MIN_ROTATED_OUT_LIMIT = 256;

/**
 * Most rotated-out values held beside `current` current values: 256, or 8 per current value.
 *
 * @example
 * rotatedOutLimit(1);   // 256
 * rotatedOutLimit(100); // 800
 */
export function rotatedOutLimit(current: number): number {
  return Math.max(MIN_ROTATED_OUT_LIMIT, 8 * current);
}
/** Longest time between full signature checks (every file of a directory) while matching. */
const FULL_CHECK_INTERVAL = 1000;

/** Options of `createKnownSecrets`. */
export interface KnownSecretsOptions {
  /** Values given directly. */
  readonly secrets?: readonly KnownSecret[];
  /** Environment variable names, or `PREFIX_*` patterns. */
  readonly env?: readonly string[];
  /** Files (one secret each, named after the file) or directories (one secret per file). */
  readonly files?: readonly string[];
  /** Environment to read `env` from. Default `process.env`. */
  readonly environment?: NodeJS.ProcessEnv;
  /** How long a rotated-out value stays masked: milliseconds or `'24h'`, `'30m'`… Default 24 h. */
  readonly rotationGrace?: number | string;
  /**
   * How long a value stays recognised — and masked — as `retired` once its rotation grace is
   * over (its sightings are then findings with `state: 'retired'` and a warning): milliseconds
   * or `'30d'`, `'12h'`… Default 30 days; 0 forgets it when the grace ends.
   */
  readonly retiredTtl?: number | string;
  /** Watch `files` for changes. Default true. */
  readonly watch?: boolean;
  /**
   * Milliseconds between checks of the named `files` paths (inode, size, mtime) while matching;
   * 0 checks on every matcher call (the CLI: every chunk). The files inside a directory are
   * compared at most once a second, or on a watch event. Default 1000.
   */
  readonly checkInterval?: number;
  /** Receives warnings (refused values, unset variables, failed reloads). Default `process.emitWarning`. */
  readonly onWarning?: (message: string) => void;
}

/**
 * The state of a known value when it is seen: `current` (in the sources now), `retiring`
 * (rotated out, inside the rotation grace) or `retired` (past the grace, or its fingerprint
 * listed as revoked).
 */
export type SecretState = 'current' | 'retiring' | 'retired';

/** Counters of a known-secret set. */
export interface KnownSecretsStats {
  /** Secrets from the sources now (`current`; rotated-out ones not included). */
  readonly active: number;
  /** Rotated-out values still inside their rotation grace period (`retiring`). */
  readonly retiring: number;
  /** Values past their grace still recognised for `retiredTtl` (`retired`). */
  readonly retired: number;
  /** Times the sources were read again (watch events, signature changes, `reload()`). */
  readonly reloads: number;
  /** Values refused (too short or too predictable) at the last read. */
  readonly refused: number;
}

/** A rotated-out value: `retiring` until `until`, then `retired` until `forget`. */
interface Retired {
  readonly secret: CheckedSecret;
  readonly until: number;
  readonly forget: number;
}

const keyOf = (s: CheckedSecret) => `${s.name}\0${s.value.toString('latin1')}`;

const defaultWarn = (message: string) => process.emitWarning(message, 'LogveilWarning');

/**
 * Brand of a known-secret set. A registered symbol rather than `instanceof`: the CJS build
 * bundles `logveil` and `logveil/stream` separately, and a set from one must work in the other.
 */
const BRAND = Symbol.for('logveil.knownSecrets');

/** True for a set made by `createKnownSecrets` (from any of the package's bundles). */
export function isKnownSecrets(v: unknown): v is KnownSecrets {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[BRAND] === true;
}

/** A live set of known secrets. Make one with `createKnownSecrets`. */
export class KnownSecrets {
  readonly [BRAND] = true;
  private index!: KnownIndex; // set by rebuild(), from the constructor on
  private active: CheckedSecret[] = [];
  private retired: Retired[] = [];
  /** Registry ids of the active values, and the rotated-out ones by id (for `stateOf`). */
  private activeIds: ReadonlySet<number> = new Set();
  private retiredIds: ReadonlyMap<number, Retired> = new Map();
  private nextExpiry = Infinity;
  private signature = '';
  private quick = '';
  private lastCheck = 0;
  private lastFullCheck = 0;
  /** Values last read from each path (kept when a path cannot be read). */
  private readonly byPath = new Map<string, KnownSecret[]>();
  /**
   * The secrets indexed now, by id (ids are never reused). Spans carry ids, so a finding names
   * the right secret even when a reload swapped the index between matching and reporting; a
   * value is dropped from here when it is forgotten (matching and reporting happen in one
   * synchronous call, so no span in flight names it).
   */
  private readonly registry = new Map<number, KnownEntry>();
  private readonly ids = new Map<string, number>();
  private nextId = 0;
  /** Whether the cap on rotated-out values was warned about (once per set). */
  private capWarned = false;
  private dirty = false;
  private reloads = 0;
  private refused = 0;
  private watchers: FSWatcher[] = [];
  private readonly grace: number;
  private readonly retiredTtl: number;
  private readonly checkInterval: number;
  private readonly warn: (message: string) => void;
  private readonly now: () => number;
  /**
   * The entries of a directory skipped at the last read (a FIFO, a device, a file over the
   * limit), by their warning: each is warned about once, not again at every reload while it
   * stays the same.
   */
  private skipped: ReadonlySet<string> = new Set();

  constructor(
    private readonly options: KnownSecretsOptions,
    now: () => number = Date.now,
  ) {
    const grace = parseDuration(options.rotationGrace ?? DEFAULT_ROTATION_GRACE);
    if (grace === undefined) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'rotationGrace', 'must be milliseconds or a duration such as "24h"');
    const retiredTtl = parseDuration(options.retiredTtl ?? DEFAULT_RETIRED_TTL);
    if (retiredTtl === undefined) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'retiredTtl', 'must be milliseconds or a duration such as "30d"');
    const interval = options.checkInterval ?? DEFAULT_CHECK_INTERVAL;
    if (!Number.isFinite(interval) || interval < 0) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'checkInterval', 'must be a number of milliseconds ≥ 0');
    for (const name of ['files', 'env'] as const) {
      const list = options[name];
      if (list !== undefined && (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.length === 0))) {
        throw new OptionsError('LOGVEIL_INVALID_OPTION', name, 'must be an array of non-empty strings');
      }
    }
    this.grace = grace;
    this.retiredTtl = retiredTtl;
    this.checkInterval = interval;
    this.warn = options.onWarning ?? defaultWarn;
    this.now = now;
    const files = options.files ?? [];
    this.quick = quickSignatureOf(files);
    this.signature = signatureOf(files);
    try {
      this.active = this.read(true);
    } catch (err) {
      if (err instanceof UnreadableSecretPath) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'knownSecrets.files', err.message);
      throw err;
    }
    this.rebuild();
    this.lastCheck = this.lastFullCheck = now();
    if (options.watch ?? true) this.startWatching(files);
  }

  /**
   * The index to match with now, after any pending reload or grace expiry. Never throws.
   * PERF: every `checkInterval` (the CLI: every chunk) only the named paths are stat'ed; the
   * files of a directory are compared at most once a second (and on a watch event): with
   * 10,000 files, a full signature on every chunk made the sidecar 100× slower.
   */
  current(): KnownIndex {
    const files = this.options.files;
    if (files !== undefined && files.length > 0) {
      const now = this.now();
      if (this.dirty || now - this.lastCheck >= this.checkInterval) {
        this.lastCheck = now;
        const quick = quickSignatureOf(files);
        if (this.dirty || quick !== this.quick || now - this.lastFullCheck >= FULL_CHECK_INTERVAL) {
          this.dirty = false;
          this.quick = quick;
          this.lastFullCheck = now;
          const signature = signatureOf(files);
          if (signature !== this.signature) {
            this.signature = signature;
            this.reload();
          }
        }
      }
    }
    if (this.now() >= this.nextExpiry) this.rebuild();
    return this.index;
  }

  /** The known secret with this entry id (ids are stable across reloads). */
  entry(id: number): KnownEntry | undefined {
    return this.registry.get(id);
  }

  /**
   * The state of entry `id` now: `current`, `retiring` (inside its rotation grace) or
   * `retired` (past it — also for a value forgotten between matching and reporting).
   *
   * @example
   * known.stateOf(knownEntryOf(span.rule)); // 'retiring'
   */
  stateOf(id: number): SecretState {
    if (this.activeIds.has(id)) return 'current';
    const r = this.retiredIds.get(id);
    return r !== undefined && this.now() < r.until ? 'retiring' : 'retired';
  }

  /**
   * Reads every source again now (the CLI calls it on SIGHUP). Values that disappeared —
   * rotated out, or their file removed — stay masked for the grace period; a path that cannot
   * be read for another reason keeps its current values (fail closed) and warns. A value that
   * is still there under another name (`api-key-next` renamed onto `api-key`) is current, not
   * rotated out.
   */
  reload(): void {
    this.reloads++;
    const next = this.read(false);
    const now = this.now();
    const nextValues = new Set(next.map((s) => s.value.toString('latin1')));
    const gone = (s: CheckedSecret) => !nextValues.has(s.value.toString('latin1'));
    const retired = this.retired.filter((r) => gone(r.secret));
    for (const s of this.active) if (gone(s)) retired.push({ secret: s, until: now + this.grace, forget: now + this.grace + this.retiredTtl });
    this.active = next;
    this.retired = this.capped(retired, now);
    this.rebuild();
  }

  stats(): KnownSecretsStats {
    const now = this.now();
    const retiring = this.retired.filter((r) => now < r.until).length;
    return { active: this.active.length, retiring, retired: this.retired.length - retiring, reloads: this.reloads, refused: this.refused };
  }

  /** Stops watching files. The values stay masked. */
  close(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }

  /**
   * The secrets of every source. At start (`first`) an unreadable path throws; later, a path
   * that is gone (ENOENT) gives nothing, and one that fails otherwise gives what it gave before.
   */
  private read(first: boolean): CheckedSecret[] {
    const given = [...(this.options.secrets ?? [])];
    if (this.options.env !== undefined) given.push(...secretsFromEnv(this.options.env, this.options.environment ?? process.env, this.warn));
    const skipped = new Set<string>();
    const warnSkipped = (message: string): void => {
      skipped.add(message);
      if (!this.skipped.has(message)) this.warn(message);
    };
    for (const path of this.options.files ?? []) {
      let found: KnownSecret[];
      try {
        found = secretsFromPath(path, warnSkipped);
        if (found.length === 0) this.warn(`known secret directory ${path} holds no file`);
      } catch (err) {
        if (first || !(err instanceof UnreadableSecretPath)) throw err;
        if (err.reason === 'ENOENT') {
          this.warn(`${err.message}: its values stay masked for the rotation grace period`);
          found = [];
        } else {
          this.warn(`${err.message}: its previous values stay masked`);
          found = this.byPath.get(path) ?? [];
        }
      }
      this.byPath.set(path, found);
      given.push(...found);
    }
    this.skipped = skipped;
    const checked: CheckedSecret[] = [];
    this.refused = 0;
    for (const s of given) {
      const result = checkKnownSecret(s);
      if ('warning' in result) {
        this.refused++;
        this.warn(result.warning);
      } else {
        checked.push(result.secret);
      }
    }
    return checked;
  }

  /**
   * `retired` cut to `rotatedOutLimit` values: the `retired` ones (past their grace) are
   * forgotten first, then the `retiring` ones, oldest first. Warns the first time.
   */
  private capped(retired: Retired[], now: number): Retired[] {
    const limit = rotatedOutLimit(this.active.length);
    if (retired.length <= limit) return retired;
    // Past the grace first, then by when the grace ends: the oldest rotations go first.
    const order = [...retired].sort((a, b) => Number(b.until <= now) - Number(a.until <= now) || a.until - b.until);
    const drop = new Set(order.slice(0, retired.length - limit));
    if (!this.capWarned) {
      this.capWarned = true;
      this.warn(`more than ${limit} rotated-out known secret values: the oldest are forgotten early (a value rewritten this often is a short-lived token; a shorter --retired-ttl or rotation grace holds fewer)`);
    }
    return retired.filter((r) => !drop.has(r));
  }

  /**
   * The index of the active values and the rotated-out ones not yet forgotten. A value whose
   * grace ends needs no rebuild (`stateOf` reads the time); one to forget does.
   */
  private rebuild(): void {
    const now = this.now();
    this.retired = this.retired.filter((r) => r.forget > now);
    this.nextExpiry = this.retired.reduce((min, r) => Math.min(min, r.forget), Infinity);
    this.activeIds = new Set(this.active.map((s) => this.idOf(s)));
    this.retiredIds = new Map(this.retired.map((r) => [this.idOf(r.secret), r]));
    // Forgotten values leave the registry (and memory): their ids are neither active nor held.
    if (this.registry.size > this.activeIds.size + this.retiredIds.size) {
      for (const [key, id] of this.ids) {
        if (this.activeIds.has(id) || this.retiredIds.has(id)) continue;
        this.ids.delete(key);
        this.registry.delete(id);
      }
    }
    this.index = new KnownIndex([...this.active, ...this.retired.map((r) => r.secret)].map((secret) => ({ id: this.idOf(secret), secret })));
  }

  /** The registry id of `secret` (registered on first sight): spans name entries of the registry. */
  private idOf(secret: CheckedSecret): number {
    const key = keyOf(secret);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.nextId++;
      this.registry.set(id, { name: secret.name, value: secret.value });
      this.ids.set(key, id);
    }
    return id;
  }

  private startWatching(files: readonly string[]): void {
    // A file is watched through its directory: secrets are rotated by replacing the file
    // (rename), which a watcher on the old inode would not see.
    const dirs = new Set<string>();
    for (const f of files) {
      dirs.add(f);
      dirs.add(dirname(f));
    }
    for (const d of dirs) {
      try {
        const w = watch(d, { persistent: false }, () => {
          this.dirty = true;
        });
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        // not watchable (removed, no inotify): the signature checks still see changes
      }
    }
  }
}

/**
 * Builds a live set of known secrets. Throws `OptionsError` when a file or directory cannot
 * be read at start; later read errors only warn.
 *
 * @example
 * const known = createKnownSecrets({ files: ['/var/run/secrets/app'], env: ['STRIPE_*'], rotationGrace: '24h', retiredTtl: '30d' });
 * const redactor = createRedactor({ knownSecrets: known });
 */
export function createKnownSecrets(options: KnownSecretsOptions = {}): KnownSecrets {
  return new KnownSecrets(options);
}
