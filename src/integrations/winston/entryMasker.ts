/**
 * The walk over one winston entry (`EntryMasker`), and what it is built from: the key
 * classifier, the mask of key-based values, the reused join buffer. See index.ts for the
 * formats that use it and their invariants.
 */
import { createFingerprinter } from '../../mask/fingerprint.js';
import { maskWriter } from '../../mask/maskStrategy.js';
import { resolveOptions, type RedactorOptions } from '../../options.js';
import { redactorInternals, type Redactor } from '../../redactor.js';
import { isSensitiveKeyName } from '../../context/keyClass.js';
import { copyInto, copyObject, setOwn } from './copyOnWrite.js';
import { MESSAGE, SPLAT, type WinstonInfo } from './types.js';

/** Rule id in key-based masks (`[REDACTED:sensitive-key]`). */
export const SENSITIVE_KEY_RULE = 'sensitive-key';
/** Rule id in masks written by `paths`. */
export const PATH_RULE = 'redact-path';
export const ERROR_MASK = '[REDACTED:logveil-error]';
/** What `readProperty` returns for a property whose read threw (becomes `ERROR_MASK`). */
const UNREADABLE: unique symbol = Symbol('logveil.unreadable');
const DEPTH_MASK = '[REDACTED:depth]';
export const DEFAULT_MAX_DEPTH = 20;

/** Keys whose value may carry an auth scheme worth keeping (`Bearer <mask>`). */
const AUTHORIZATION_KEY = /authorization$/i;
const AUTH_SCHEME = /^(bearer|basic|token|digest|negotiate|ntlm|apikey|api-key|sso-key|hmac|otp|key|aws4-hmac-sha256|sharedkey|splunk|gssapi|dpop|mac)(\s+)(?=\S)/i;
/** A value that already is a mask: not masked again (`paths` run first). */
const ALREADY_MASKED = /^(?:\[REDACTED(?::[A-Za-z0-9._-]+)*\]|\*{8})$/;
/** Key classifications kept per format; cleared when full (log keys repeat). */
const KEY_CACHE_LIMIT = 2048;

/** Decides whether a key names a credential; built once per format. */
export function keyClassifier(extra: readonly (string | RegExp)[]): (key: string) => boolean {
  const words = extra.filter((k): k is string => typeof k === 'string').map((k) => k.toLowerCase());
  const patterns = extra.filter((k): k is RegExp => k instanceof RegExp);
  const cache = new Map<string, boolean>();
  return (key) => {
    let sensitive = cache.get(key);
    if (sensitive !== undefined) return sensitive;
    sensitive = isSensitiveKeyName(key);
    if (!sensitive && (words.length > 0 || patterns.length > 0)) {
      const lower = key.toLowerCase();
      sensitive = words.some((w) => lower.endsWith(w)) || patterns.some((p) => ((p.lastIndex = 0), p.test(key)));
    }
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(key, sensitive);
    return sensitive;
  };
}

/**
 * Turns a masking strategy into a function from a value's text to its mask, which also
 * counts and reports the value as a finding of `ruleId` on `redactor` (its `onFinding`, its
 * `stats()`). Fingerprints use `fingerprintKey` when given, else the redactor's key, so
 * hash masks and findings agree with the redactor's own.
 */
export function textMasker(options: Pick<RedactorOptions, 'mask' | 'maskByRule' | 'fingerprintKey'>, ruleId: string, redactor: Redactor): (text: string) => string {
  const resolved = resolveOptions({ mask: options.mask, maskByRule: options.maskByRule, fingerprintKey: options.fingerprintKey });
  const core = redactorInternals(redactor);
  // Without a `mask` of the format's own, the redactor's default (a compiled `hash` redactor hashes these too).
  const strategy = resolved.maskByRule.get(ruleId) ?? (options.mask === undefined ? core.mask : resolved.mask);
  const key = resolved.fingerprintKey;
  const fingerprint = key === undefined || key.length === 0 ? core.fingerprint : createFingerprinter(key);
  const write = maskWriter(strategy, ruleId, fingerprint);
  if (strategy === 'hash' || strategy === 'partial') {
    return (text) => {
      core.recordValue(ruleId, text, fingerprint);
      return write(Buffer.from(text, 'utf8')).toString('utf8');
    };
  }
  const constant = write(Buffer.alloc(0)).toString('utf8');
  return (text) => {
    core.recordValue(ruleId, text, fingerprint);
    return constant;
  };
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
export interface MaskerConfig {
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
export class JoinBuffer {
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
export class EntryMasker {
  private readonly strings: string[] = [];
  /** Set when something other than a matched string will change. */
  private structural = false;
  private seen: Set<object> | undefined;
  /** rewrite: a sensitive key's value → its mask (each value masked, and reported, once). */
  private keyMasked: Map<string, string> | undefined;
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
    if (text.length === 0 || ALREADY_MASKED.test(text)) return text;
    // Once per value and entry: winston keeps the metadata both merged into the entry and in
    // info[SPLAT], and one secret must be one finding.
    let masked = this.keyMasked?.get(text);
    if (masked === undefined) (this.keyMasked ??= new Map()).set(text, (masked = this.cfg.keyMask(text)));
    return masked;
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

