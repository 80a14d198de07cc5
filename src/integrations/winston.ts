/**
 * `logveil/winston`: two logform formats that mask secrets in winston's log entries.
 *
 * - `redactFormat()` masks the entry's *values* before any format serializes them: the
 *   message, metadata at any depth, `Error`s (message and stack), the `stack` that
 *   `format.errors({ stack: true })` puts on the entry and the `info[SPLAT]` arguments. A value
 *   under a sensitive key (`password`, `apiKey`, `client_secret`, `authorization`…) is
 *   replaced whole; every other string goes through the redactor's rules (token formats, URL
 *   passwords, `key=value` pairs…). Place it after `errors()`/`splat()` and before `json()`.
 * - `redactMessageFormat()` masks the serialized line (`info[MESSAGE]`) for `printf` formats
 *   that build text from raw arguments. Place it last.
 *
 * Invariants:
 * - The caller's objects are never written to. winston hands `logger.info(obj)`'s very `obj`
 *   to the formats, so masking is copy-on-write: only the objects on a path to a changed
 *   value are copied (prototype and symbol keys kept), everything else is shared.
 * - A clean entry costs one redactor call: every string of the entry is joined with `\n` and
 *   matched at once as bytes (rules never cross a line break), and the entry itself comes back.
 * - Never throws once built: a value that cannot be read (a throwing getter or `toJSON`, a
 *   revoked Proxy) becomes `[REDACTED:logveil-error]`, and the error is counted (`stats()`)
 *   and reported once as a process warning. Options are checked when the format is created
 *   (`OptionsError`, `RuleError`), as `createRedactor` does.
 *
 * Neither winston nor logform is imported: a logform format is any object with `transform`
 * and `options`, so `logveil/winston` works wherever winston's own copy of logform lives
 * (pnpm's strict layout included) and loads nothing when unused. Start reading at
 * `redactFormat`; the walk over an entry is `EntryMasker`.
 */
import fastRedact from 'fast-redact';
import { OptionsError } from '../errors.js';
import { createFingerprinter } from '../mask/fingerprint.js';
import { maskWriter } from '../mask/maskStrategy.js';
import { resolveOptions, type RedactorOptions } from '../options.js';
import { createRedactor, type Redactor } from '../redactor.js';
import { SENSITIVE_KEY_NAME } from '../rules/sensitiveKeys.js';

// The triple-beam symbols winston and logform use (registered symbols: the same everywhere).
const LEVEL = Symbol.for('level');
const MESSAGE = Symbol.for('message');
const SPLAT = Symbol.for('splat');

/** A winston log entry (logform's `TransformableInfo`, structurally). */
export interface WinstonInfo {
  level: string;
  message: unknown;
  [key: string | symbol]: unknown;
}

/**
 * A logform format instance: what `format.combine()` and `createLogger({ format })` accept.
 * `stats()` counts entries seen, entries changed and internal errors (failed closed).
 */
export interface LogveilWinstonFormat {
  readonly options: Record<string, never>;
  readonly transform: (info: WinstonInfo, opts?: unknown) => WinstonInfo | boolean;
  stats(): WinstonFormatStats;
}

/** Counters of a format. */
export interface WinstonFormatStats {
  /** Entries the format saw. */
  readonly entries: number;
  /** Entries that came out changed (something was masked). */
  readonly changed: number;
  /** Internal errors: values (or whole entries) replaced by `[REDACTED:logveil-error]`. */
  readonly errors: number;
}

/** Options that choose the redactor: its options, or `{ redactor }` to reuse a compiled one. */
type RedactorChoice =
  | RedactorOptions
  | ({ readonly redactor: Redactor } & Pick<RedactorOptions, 'mask' | 'maskByRule' | 'fingerprintKey'>);

/** Options of `redactMessageFormat`. */
export type RedactMessageFormatOptions = RedactorChoice;

/**
 * Options of `redactFormat`: the redactor's options (or `{ redactor }`, with `mask`,
 * `maskByRule` and `fingerprintKey` still choosing the key-based masks), plus:
 */
export type RedactFormatOptions = RedactorChoice & {
  /**
   * More key names whose values are masked whole. A string matches a key that equals it or
   * ends with it, in any case (`'ssn'` covers `customerSSN`); a RegExp is tested on the key.
   */
  readonly sensitiveKeys?: readonly (string | RegExp)[];
  /**
   * Explicit paths (fast-redact / pino syntax: `req.headers.cookie`, `users[*].ssn`,
   * `*.pin`) whose values are replaced by the mask of rule id `redact-path`, whatever they
   * hold. Applied on a copy, never on the caller's objects.
   */
  readonly paths?: readonly string[];
  /**
   * Objects nested deeper than this are replaced by `[REDACTED:depth]` (fail closed: they are
   * not inspected). Default 20.
   */
  readonly maxDepth?: number;
};

/** Rule id in key-based masks (`[REDACTED:sensitive-key]`). */
const SENSITIVE_KEY_RULE = 'sensitive-key';
/** Rule id in masks written by `paths`. */
const PATH_RULE = 'redact-path';
const ERROR_MASK = '[REDACTED:logveil-error]';
/** What `readProperty` returns for a property whose read threw (becomes `ERROR_MASK`). */
const UNREADABLE: unique symbol = Symbol('logveil.unreadable');
const DEPTH_MASK = '[REDACTED:depth]';
const DEFAULT_MAX_DEPTH = 20;

/** Keys whose value may carry an auth scheme worth keeping (`Bearer <mask>`). */
const AUTHORIZATION_KEY = /authorization$/i;
const AUTH_SCHEME = /^(bearer|basic|token|digest|negotiate|ntlm|apikey|api-key|sso-key|hmac|otp|key|aws4-hmac-sha256|sharedkey|splunk|gssapi|dpop|mac)(\s+)(?=\S)/i;
/** A value that already is a mask: not masked again (`paths` run first). */
const ALREADY_MASKED = /^(?:\[REDACTED(?::[A-Za-z0-9._-]+)*\]|\*{8})$/;
/** Key classifications kept per format; cleared when full (log keys repeat). */
const KEY_CACHE_LIMIT = 2048;

/** Decides whether a key names a credential; built once per format. */
function keyClassifier(extra: readonly (string | RegExp)[]): (key: string) => boolean {
  const words = extra.filter((k): k is string => typeof k === 'string').map((k) => k.toLowerCase());
  const patterns = extra.filter((k): k is RegExp => k instanceof RegExp);
  const cache = new Map<string, boolean>();
  return (key) => {
    let sensitive = cache.get(key);
    if (sensitive !== undefined) return sensitive;
    sensitive = SENSITIVE_KEY_NAME.test(key);
    if (!sensitive && (words.length > 0 || patterns.length > 0)) {
      const lower = key.toLowerCase();
      sensitive = words.some((w) => lower.endsWith(w)) || patterns.some((p) => ((p.lastIndex = 0), p.test(key)));
    }
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(key, sensitive);
    return sensitive;
  };
}

/** Turns a masking strategy into a function from a value's text to its mask. */
function textMasker(options: Pick<RedactorOptions, 'mask' | 'maskByRule' | 'fingerprintKey'>, ruleId: string): (text: string) => string {
  const resolved = resolveOptions({ mask: options.mask, maskByRule: options.maskByRule, fingerprintKey: options.fingerprintKey });
  const strategy = resolved.maskByRule.get(ruleId) ?? resolved.mask;
  const write = maskWriter(strategy, ruleId, createFingerprinter(resolved.fingerprintKey));
  if (strategy === 'hash' || strategy === 'partial') return (text) => write(Buffer.from(text, 'utf8')).toString('utf8');
  const constant = write(Buffer.alloc(0)).toString('utf8');
  return () => constant;
}

function isPlainOrInstance(value: object): boolean {
  return !(value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof RegExp || value instanceof Map || value instanceof Set || value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise);
}

/** A class instance that serializes through its own `toJSON` (not a plain object, Date or Buffer). */
function hasCustomToJSON(value: object): value is { toJSON(): unknown } {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto !== Object.prototype && proto !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** Own properties of an Error worth masking: the non-enumerable `message`, `stack`, `cause` too. */
function errorKeys(err: Error): string[] {
  const keys = Object.keys(err);
  for (const k of ['message', 'stack', 'cause']) if (Object.prototype.hasOwnProperty.call(err, k) && !keys.includes(k)) keys.push(k);
  return keys;
}

/** Everything `redactFormat` compiled: shared by all entries, immutable. */
interface MaskerConfig {
  readonly redactor: Redactor;
  readonly isSensitiveKey: (key: string) => boolean;
  readonly keyMask: (text: string) => string;
  readonly maxDepth: number;
  /** `paths` compiled by fast-redact (mutates what it is given: only ever our copies). */
  readonly redactPaths: ((o: object) => unknown) | undefined;
  /** First segments of `paths` (`'*'` when a path starts with a wildcard). */
  readonly pathRoots: ReadonlySet<string>;
  readonly onError: () => void;
  readonly scratch: JoinBuffer;
}

/** Bytes kept for joining an entry's strings; larger entries get a buffer of their own. */
const JOIN_BUFFER_KEEP = 64 * 1024;

/**
 * Joins an entry's strings with `\n` as UTF-8 into a buffer reused from entry to entry.
 * PERF: the matcher on a fresh JS string costs ~1 µs for a 60-byte entry (node-re2 converts
 * and caches every new string), against ~0.3 µs on a Buffer; writing into a kept buffer saves
 * `join()` and `Buffer.from()` allocations too (bench/winston.ts). Safe to reuse: nothing runs
 * between filling it and the redactor's synchronous call, and a changed result is a new Buffer.
 */
class JoinBuffer {
  private buf = Buffer.allocUnsafe(4096);
  /** The last view handed out, reused when the next entry has the same byte length. */
  private view = this.buf.subarray(0, 0);

  join(strings: readonly string[]): Buffer {
    // PERF: one join() and one UTF-8 write beat a write() per string (~60 ns per string).
    const text = strings.length === 1 ? strings[0]! : strings.join('\n');
    const need = text.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (need > this.buf.length) {
      if (need > JOIN_BUFFER_KEEP) return Buffer.from(text, 'utf8');
      this.buf = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.view = this.buf.subarray(0, 0);
    }
    const end = this.buf.write(text, 0, 'utf8');
    if (this.view.length !== end) this.view = this.buf.subarray(0, end);
    return this.view;
  }
}

/**
 * One entry's walk. Two passes over the same traversal:
 * 1. `scan`: collects every string the rules must see and notes whether anything else will
 *    change (a sensitive key with a value, a too-deep object, a class instance with `toJSON`,
 *    a read that threw). Allocates nothing but the list of strings.
 * 2. `rewrite`, only when the scan found something: copy-on-write, strings looked up in the
 *    masked versions computed from the one joined redactor call (a string the scan did not
 *    see is redacted on its own: the two passes cannot disagree into a leak).
 */
class EntryMasker {
  private readonly strings: string[] = [];
  /** Set when something other than a matched string will change. */
  private structural = false;
  private seen: Set<object> | undefined;
  /** rewrite: original string → masked (or same) string. */
  private masked: Map<string, string> | undefined;
  /** rewrite: original object → its result (itself or a copy). */
  private done: Map<object, unknown> | undefined;
  /** rewrite: objects being rewritten (ancestors) → the copy made early when a cycle points back. */
  private open: Map<object, object | undefined> | undefined;
  /** With `paths`: original object → the copy fast-redact wrote into (every reference uses it). */
  private pathCopies: Map<object, object> | undefined;

  constructor(private readonly cfg: MaskerConfig) {}

  /** The masked entry: `info` itself when nothing needed masking. */
  maskEntry(info: WinstonInfo): WinstonInfo {
    this.scanEntry(info);
    const { strings } = this;
    let joinedClean = false;
    if (strings.length > 0) {
      try {
        const joined = this.cfg.scratch.join(strings);
        const out = this.cfg.redactor.redactBuffer(joined);
        if (out === joined) joinedClean = true;
        else this.masked = splitMasked(strings, out.toString('utf8')); // undefined: redact one by one
      } catch {
        // Rewrite redacts string by string, each under its own try.
      }
    } else joinedClean = true;
    if (joinedClean && !this.structural) return info;

    this.masked ??= new Map(joinedClean ? strings.map((s) => [s, s]) : []);
    this.done = new Map();
    this.open = new Map();
    let entry = info as object;
    if (this.cfg.redactPaths !== undefined && this.touchesPaths(info)) {
      this.pathCopies = new Map();
      entry = this.copyForPaths(info);
      this.cfg.redactPaths(entry);
    }
    return this.rewriteEntry(entry) as WinstonInfo;
  }

  // ---- pass 1: scan -------------------------------------------------------------------

  private scanEntry(info: WinstonInfo): void {
    if (this.cfg.redactPaths !== undefined && this.touchesPaths(info)) this.structural = true;
    if (info instanceof Error) {
      this.scanObject(info, false, 0);
    } else {
      for (const key of Object.keys(info)) {
        if (key === 'level') continue;
        this.scanProperty(info, key, false, 1);
      }
    }
    const message = info[MESSAGE];
    if (typeof message === 'string') this.strings.push(message);
    const splat = info[SPLAT];
    if (Array.isArray(splat)) {
      for (const arg of splat) if (!mergedInto(arg, info)) this.scanValue(arg, false, 2);
    } else if (splat !== undefined) this.scanValue(splat, false, 1);
  }

  private scanProperty(holder: object, key: string, sensitive: boolean, depth: number): void {
    let value: unknown;
    try {
      value = (holder as Record<string, unknown>)[key];
    } catch {
      this.structural = true;
      return;
    }
    this.scanValue(value, sensitive || this.cfg.isSensitiveKey(key), depth);
  }

  private scanValue(value: unknown, sensitive: boolean, depth: number): void {
    switch (typeof value) {
      case 'string':
        if (sensitive) {
          if (value.length > 0 && !ALREADY_MASKED.test(value)) this.structural = true;
        } else this.strings.push(value);
        return;
      case 'number':
      case 'bigint':
        if (sensitive) this.structural = true;
        return;
      case 'object':
        if (value !== null) this.scanObject(value, sensitive, depth);
        return;
      default:
        // booleans, undefined, symbols, functions: no secret to carry (or not serialized).
        return;
    }
  }

  private scanObject(value: object, sensitive: boolean, depth: number): void {
    if (value instanceof URL) {
      // A URL serializes as its href (with any password in it).
      this.scanValue(value.href, sensitive, depth);
      return;
    }
    if (!isPlainOrInstance(value)) return;
    if (depth > this.cfg.maxDepth) {
      this.structural = true;
      return;
    }
    this.seen ??= new Set();
    if (this.seen.has(value)) return;
    this.seen.add(value);
    if (hasCustomToJSON(value)) {
      // What json() prints is toJSON's result: rewrite decides on it.
      this.structural = true;
      return;
    }
    try {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) this.scanValue(value[i], sensitive, depth + 1);
      } else {
        const keys = value instanceof Error ? errorKeys(value) : Object.keys(value);
        for (const key of keys) this.scanProperty(value, key, sensitive, depth + 1);
      }
    } catch {
      this.structural = true; // a Proxy whose ownKeys throws, say: rewrite fails it closed.
    }
  }

  // ---- pass 2: rewrite ----------------------------------------------------------------

  private rewriteEntry(info: object): unknown {
    const entry = info as WinstonInfo;
    let copy: WinstonInfo | undefined;
    const set = (key: string | symbol, value: unknown) => {
      copy ??= copyObject(entry) as WinstonInfo;
      copy[key] = value;
    };
    if (entry instanceof Error) {
      // `logger.error(err)` without format.errors(): the entry is the Error (rewriteObject
      // handles cycles back to it).
      const masked = this.rewriteObject(entry, false, 0);
      if (typeof masked !== 'object' || masked === null) throw new Error('unreadable Error entry'); // → failedEntry
      if (masked !== entry) copy = masked as WinstonInfo;
    } else {
      // The entry is the first ancestor: a reference back to it is a cycle like any other.
      this.open!.set(entry, undefined);
      for (const key of Object.keys(entry)) {
        if (key === 'level') continue;
        const value = this.readProperty(entry, key);
        const next = this.rewriteKeyed(key, value, false, 1);
        if (next !== value) set(key, next);
      }
    }
    const message = entry[MESSAGE];
    if (typeof message === 'string') {
      const next = this.rewriteString(message);
      if (next !== message) set(MESSAGE, next);
    }
    const splat = entry[SPLAT];
    if (splat !== undefined) {
      const next = this.rewriteValue(splat, false, 1);
      if (next !== splat) set(SPLAT, next);
    }
    const early = this.open!.get(entry);
    if (early !== undefined) {
      copyInto(early, copy ?? entry);
      return early;
    }
    return copy ?? entry;
  }

  private readProperty(holder: object, key: string): unknown {
    try {
      return (holder as Record<string, unknown>)[key];
    } catch {
      this.cfg.onError();
      return UNREADABLE;
    }
  }

  /** A property's new value, knowing its key (sensitive keys, `authorization` schemes). */
  private rewriteKeyed(key: string, value: unknown, sensitive: boolean, depth: number): unknown {
    if (value === UNREADABLE) return ERROR_MASK;
    const keySensitive = this.cfg.isSensitiveKey(key);
    if (keySensitive && typeof value === 'string' && AUTHORIZATION_KEY.test(key)) {
      const scheme = AUTH_SCHEME.exec(value);
      if (scheme !== null) return scheme[0] + this.maskWhole(value.slice(scheme[0].length));
    }
    return this.rewriteValue(value, sensitive || keySensitive, depth);
  }

  private rewriteValue(value: unknown, sensitive: boolean, depth: number): unknown {
    switch (typeof value) {
      case 'string':
        return sensitive ? this.maskWhole(value) : this.rewriteString(value);
      case 'number':
      case 'bigint':
        return sensitive ? this.maskWhole(String(value)) : value;
      case 'object':
        return value === null ? value : this.rewriteObject(value, sensitive, depth);
      default:
        return value;
    }
  }

  private maskWhole(text: string): string {
    return text.length === 0 || ALREADY_MASKED.test(text) ? text : this.cfg.keyMask(text);
  }

  private rewriteString(text: string): string {
    const known = this.masked!.get(text);
    if (known !== undefined) return known;
    try {
      return this.cfg.redactor.redact(text);
    } catch {
      this.cfg.onError();
      return ERROR_MASK;
    }
  }

  private rewriteObject(value: object, sensitive: boolean, depth: number): unknown {
    if (value instanceof URL) {
      const href = value.href;
      const next = sensitive ? this.maskWhole(href) : this.rewriteString(href);
      return next === href ? value : next;
    }
    if (!isPlainOrInstance(value)) return value;
    if (depth > this.cfg.maxDepth) return DEPTH_MASK;
    value = this.pathCopies?.get(value) ?? value;
    const done = this.done!;
    if (done.has(value)) return done.get(value);
    const open = this.open!;
    if (open.has(value)) {
      // A cycle back to an ancestor: point at the ancestor's copy, made now.
      let early = open.get(value);
      if (early === undefined) {
        early = Array.isArray(value) ? [] : (Object.create(Object.getPrototypeOf(value) as object | null) as object);
        open.set(value, early);
      }
      return early;
    }
    let result: unknown;
    open.set(value, undefined);
    try {
      result = hasCustomToJSON(value) ? this.rewriteToJSON(value, sensitive, depth) : this.rewriteContainer(value, sensitive, depth);
    } catch {
      this.cfg.onError();
      result = ERROR_MASK;
    }
    const early = open.get(value);
    open.delete(value);
    if (early !== undefined && result !== early) {
      // Something inside points at `early`: it must become the result.
      if (typeof result === 'object' && result !== null) {
        copyInto(early, result === value ? value : result);
        result = early;
      }
    }
    done.set(value, result);
    return result;
  }

  /** A class instance that serializes via `toJSON`: the instance when its JSON is clean. */
  private rewriteToJSON(value: { toJSON(): unknown }, sensitive: boolean, depth: number): unknown {
    const json = value.toJSON();
    const next = this.rewriteValue(json, sensitive, depth);
    return next === json ? value : next;
  }

  private rewriteContainer(value: object, sensitive: boolean, depth: number): unknown {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const next = this.rewriteValue(item, sensitive, depth + 1);
        if (next !== item) (copy ??= value.slice())[i] = next;
      }
      return copy ?? value;
    }
    const keys = value instanceof Error ? errorKeys(value) : Object.keys(value);
    let copy: Record<string, unknown> | undefined;
    for (const key of keys) {
      const item = this.readProperty(value, key);
      const next = this.rewriteKeyed(key, item, sensitive, depth + 1);
      if (next !== item) {
        copy ??= copyObject(value);
        setOwn(copy, value, key, next);
      }
    }
    return copy ?? value;
  }

  // ---- paths --------------------------------------------------------------------------

  private touchesPaths(info: object): boolean {
    const roots = this.cfg.pathRoots;
    if (roots.has('*')) return true;
    for (const root of roots) if (Object.prototype.hasOwnProperty.call(info, root)) return true;
    return false;
  }

  /** The entry with every subtree a path may reach copied (fast-redact writes in place). */
  private copyForPaths(info: WinstonInfo): WinstonInfo {
    const all = this.cfg.pathRoots.has('*');
    const copy = copyObject(info) as WinstonInfo;
    this.pathCopies!.set(info, copy);
    for (const key of Object.keys(info)) {
      if (all || this.cfg.pathRoots.has(key)) copy[key] = this.deepCopy(this.readProperty(info, key), 1);
    }
    // (an unreadable value stays UNREADABLE here: the rewrite pass turns it into ERROR_MASK)
    return copy;
  }

  private deepCopy(value: unknown, depth: number): unknown {
    if (typeof value !== 'object' || value === null || !isPlainOrInstance(value) || value instanceof URL || depth > this.cfg.maxDepth) return value;
    const done = this.pathCopies!;
    if (done.has(value)) return done.get(value);
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      done.set(value, copy);
      for (const item of value) copy.push(this.deepCopy(item, depth + 1));
      return copy;
    }
    const copy = copyObject(value);
    done.set(value, copy);
    for (const key of value instanceof Error ? errorKeys(value) : Object.keys(value)) {
      setOwn(copy, value, key, this.deepCopy(this.readProperty(value, key), depth + 1));
    }
    return copy;
  }
}

/**
 * Whether `arg` is a plain object whose every property is also on `info` with the same value:
 * what `logger.info(msg, meta)` makes (winston copies `meta` onto the entry and keeps it in
 * `info[SPLAT]`). Scanning it again would find exactly what the entry's scan found.
 */
// PERF: skipping it saves ~300 ns of the ~1.1 µs a clean `logger.info(msg, meta)` entry cost
// (bench/winston.ts); the rewrite pass, when there is one, still walks `info[SPLAT]` in full.
function mergedInto(arg: unknown, info: WinstonInfo): boolean {
  if (typeof arg !== 'object' || arg === null || Object.getPrototypeOf(arg) !== Object.prototype) return false;
  for (const key in arg) {
    if (!Object.prototype.hasOwnProperty.call(info, key) || info[key] !== (arg as Record<string, unknown>)[key]) return false;
  }
  return true;
}

/** The masked version of each string from the masked join (masks never contain `\n`). */
function splitMasked(strings: readonly string[], out: string): Map<string, string> | undefined {
  const map = new Map<string, string>();
  let from = 0;
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i]!;
    let end = from;
    for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', nl + 1)) {
      end = out.indexOf('\n', end) + 1;
      if (end === 0) return undefined;
    }
    const stop = i === strings.length - 1 ? out.length : out.indexOf('\n', end);
    if (stop === -1) return undefined; // cannot happen (masks hold no \n): fall back, never guess
    const piece = out.slice(from, stop);
    map.set(s, piece === s ? s : piece);
    from = stop + 1;
  }
  return from === out.length + 1 ? map : undefined;
}

/** A shallow copy keeping the prototype, own enumerable string and symbol keys, and an Error's message/stack. */
function copyObject(value: object): Record<string | symbol, unknown> {
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string | symbol, unknown>;
  copyInto(copy, value);
  return copy;
}

function copyInto(target: object, source: object): void {
  const to = target as Record<string | symbol, unknown>;
  const from = source as Record<string | symbol, unknown>;
  // Not Object.assign: one throwing getter must cost one value, not the whole object.
  for (const key of Object.keys(source)) {
    try {
      to[key] = from[key];
    } catch {
      to[key] = ERROR_MASK;
    }
  }
  for (const sym of Object.getOwnPropertySymbols(source)) if (Object.prototype.propertyIsEnumerable.call(source, sym)) to[sym] = from[sym];
  if (source instanceof Error) for (const k of ['message', 'stack', 'cause']) if (Object.prototype.hasOwnProperty.call(source, k) && !Object.prototype.propertyIsEnumerable.call(source, k)) setOwn(target, source, k, (source as unknown as Record<string, unknown>)[k]);
}

/** Sets `key` on `copy` with the enumerability it has on `source` (an Error's stack stays hidden). */
function setOwn(copy: object, source: object, key: string, value: unknown): void {
  if (Object.prototype.propertyIsEnumerable.call(source, key)) (copy as Record<string, unknown>)[key] = value;
  else Object.defineProperty(copy, key, { value, enumerable: false, writable: true, configurable: true });
}

/** First segment of a fast-redact path: `a.b` → `a`, `["x-y"].z` → `x-y`, `*.p` → `*`. */
function pathRoot(path: string): string {
  const bracket = /^\[\s*(["'])(.*?)\1\s*\]/.exec(path);
  if (bracket !== null) return bracket[2]!;
  if (path.startsWith('[*]')) return '*';
  const end = path.search(/[.[]/);
  return end === -1 ? path : path.slice(0, end);
}

const FORMAT_KEYS = new Set(['sensitiveKeys', 'paths', 'maxDepth']);

function chooseRedactor(options: RedactorChoice): Redactor {
  if ('redactor' in options && options.redactor !== undefined) {
    const { redactor } = options;
    if (typeof redactor !== 'object' || redactor === null || typeof redactor.redact !== 'function' || typeof redactor.redactBuffer !== 'function') {
      throw new OptionsError('LOGVEIL_INVALID_OPTION', 'redactor', 'must be a redactor made by createRedactor()');
    }
    for (const key of Object.keys(options)) {
      if (!['redactor', 'mask', 'maskByRule', 'fingerprintKey'].includes(key)) {
        throw new OptionsError('LOGVEIL_INVALID_OPTION', key, 'cannot be combined with `redactor` (set it on createRedactor)');
      }
    }
    return redactor;
  }
  return createRedactor(options as RedactorOptions);
}

function checkFormatOptions(options: RedactFormatOptions): void {
  const { sensitiveKeys, paths, maxDepth } = options;
  if (sensitiveKeys !== undefined && (!Array.isArray(sensitiveKeys) || sensitiveKeys.some((k) => !(k instanceof RegExp) && (typeof k !== 'string' || k.length === 0)))) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'sensitiveKeys', 'must be an array of non-empty strings or RegExps');
  }
  if (paths !== undefined && (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string' || p.length === 0))) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'paths', 'must be an array of non-empty path strings');
  }
  if (maxDepth !== undefined && (!Number.isInteger(maxDepth) || maxDepth < 1)) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'maxDepth', 'must be a positive integer');
  }
}

/** Counters and the once-only warning shared by both formats. */
function formatCounters(name: string) {
  let entries = 0;
  let changed = 0;
  let errors = 0;
  return {
    entry: (didChange: boolean) => {
      entries++;
      if (didChange) changed++;
    },
    error: () => {
      if (errors++ === 0) process.emitWarning(`${name}: an entry could not be fully processed; the affected values were replaced by ${ERROR_MASK}`, { code: 'LOGVEIL_FORMAT_ERROR' });
    },
    stats: (): WinstonFormatStats => ({ entries, changed, errors }),
  };
}

/**
 * The entry that replaces one we could not process at all: its level and an error mask as
 * message and line, nothing else (fail closed: the metadata is dropped).
 */
function failedEntry(info: WinstonInfo): WinstonInfo {
  let level = 'error';
  try {
    if (typeof info.level === 'string') level = info.level;
  } catch {
    // keep 'error'
  }
  return { level, [LEVEL]: level, message: ERROR_MASK, [MESSAGE]: ERROR_MASK };
}

/**
 * A logform format that masks secrets in winston entries before they are serialized: the
 * message, metadata at any depth (key-based for sensitive key names, rule-based for every
 * other string), `Error`s and `stack`, and `info[SPLAT]`. The caller's objects are never
 * changed: changed entries are copies. Throws `OptionsError`/`RuleError` on bad options.
 *
 * Key-based masks use rule id `sensitive-key` (`[REDACTED:sensitive-key]` under the default
 * `label` strategy; `mask`/`maskByRule['sensitive-key']` choose another; `hash` uses
 * `fingerprintKey`). An `authorization` value keeps its scheme (`Bearer [REDACTED:…]`).
 * Booleans and `null` under sensitive keys are kept (they carry no secret); Dates, Buffers,
 * Maps and Sets are passed as they are (json() prints a Map or Set as `{}`).
 *
 * @example
 * import winston from 'winston';
 * import { redactFormat } from 'logveil/winston';
 *
 * const logger = winston.createLogger({
 *   format: winston.format.combine(
 *     winston.format.errors({ stack: true }),
 *     winston.format.splat(),
 *     redactFormat({ mask: 'hash', fingerprintKey: process.env.LOGVEIL_FINGERPRINT_KEY }),
 *     winston.format.json(),
 *   ),
 *   transports: [new winston.transports.Console()],
 * });
 * logger.info('login', { user: 'bob', password: 'hunter2' }); // "password":"[REDACTED:sensitive-key:…]"
 */
export function redactFormat(options: RedactFormatOptions = {}): LogveilWinstonFormat {
  if (options === null || typeof options !== 'object') throw new OptionsError('LOGVEIL_INVALID_OPTION', 'options', 'must be an object');
  checkFormatOptions(options);
  const { sensitiveKeys = [], paths = [], maxDepth = DEFAULT_MAX_DEPTH } = options;
  const redactorOptions = Object.fromEntries(Object.entries(options).filter(([key]) => !FORMAT_KEYS.has(key))) as RedactorChoice;
  const redactor = chooseRedactor(redactorOptions);
  const counters = formatCounters('logveil redactFormat');
  const pathMask = textMasker(redactorOptions, PATH_RULE);
  let redactPaths: ((o: object) => unknown) | undefined;
  if (paths.length > 0) {
    try {
      redactPaths = fastRedact({ paths: [...paths], censor: (value: unknown) => pathMask(typeof value === 'string' ? value : String(value)), serialize: false });
    } catch (err) {
      throw new OptionsError('LOGVEIL_INVALID_OPTION', 'paths', err instanceof Error ? err.message : String(err));
    }
  }
  const cfg: MaskerConfig = {
    redactor,
    isSensitiveKey: keyClassifier(sensitiveKeys),
    keyMask: textMasker(redactorOptions, SENSITIVE_KEY_RULE),
    maxDepth,
    redactPaths,
    pathRoots: new Set(paths.map(pathRoot)),
    onError: counters.error,
    scratch: new JoinBuffer(),
  };
  return {
    options: {},
    transform: (info) => {
      try {
        const out = new EntryMasker(cfg).maskEntry(info);
        counters.entry(out !== info);
        return out;
      } catch {
        counters.error();
        counters.entry(true);
        return failedEntry(info);
      }
    },
    stats: counters.stats,
  };
}

/**
 * A logform format that masks the serialized line, `info[MESSAGE]`, for `printf` formats
 * that build text from raw arguments (which `redactFormat` cannot see). Place it last in
 * `format.combine`. The entry is copied when the line changes, never written to.
 *
 * @example
 * import winston from 'winston';
 * import { redactMessageFormat } from 'logveil/winston';
 *
 * const logger = winston.createLogger({
 *   format: winston.format.combine(
 *     winston.format.printf((info) => `${info.level} ${info.message} ${JSON.stringify(info.request)}`),
 *     redactMessageFormat(),
 *   ),
 *   transports: [new winston.transports.Console()],
 * });
 */
export function redactMessageFormat(options: RedactMessageFormatOptions = {}): LogveilWinstonFormat {
  if (options === null || typeof options !== 'object') throw new OptionsError('LOGVEIL_INVALID_OPTION', 'options', 'must be an object');
  const redactor = chooseRedactor(options);
  const counters = formatCounters('logveil redactMessageFormat');
  return {
    options: {},
    transform: (info) => {
      try {
        const line = info[MESSAGE];
        if (typeof line !== 'string') {
          counters.entry(false);
          return info;
        }
        let masked: string;
        try {
          masked = redactor.redact(line);
        } catch {
          counters.error();
          masked = ERROR_MASK;
        }
        counters.entry(masked !== line);
        return masked === line ? info : Object.assign(copyObject(info) as WinstonInfo, { [MESSAGE]: masked });
      } catch {
        counters.error();
        return failedEntry(info);
      }
    },
    stats: counters.stats,
  };
}
