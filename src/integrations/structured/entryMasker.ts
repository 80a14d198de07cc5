/**
 * The walk over one log entry (`EntryMasker`) — a winston entry, or the body and attributes of
 * an OpenTelemetry record — and what it is built from: the key policy's verdicts, the masks of
 * key-based values, the reused join buffer. See index.ts for the invariants.
 */
import { createFingerprinter } from '../../mask/fingerprint.js';
import { maskWriter } from '../../mask/maskStrategy.js';
import { resolveOptions, type RedactorOptions } from '../../options.js';
import { UNLISTED_KEY_RULE, type KeyPolicy } from '../../policy/keyPolicy.js';
import { redactorInternals, type Redactor } from '../../redactor.js';
import { assignOwn, copyInto, copyObject, setOwn } from './copyOnWrite.js';

// The triple-beam symbols winston and logform use (registered symbols: the same everywhere).
// A winston entry carries them; the walk reads MESSAGE and SPLAT and skips LEVEL.
export const LEVEL = Symbol.for('level');
export const MESSAGE = Symbol.for('message');
export const SPLAT = Symbol.for('splat');

/** An entry: a winston `info`, or the holder of an OpenTelemetry record's body and attributes. */
export interface LogEntry {
  [key: string | symbol]: unknown;
}

/**
 * How a value is treated, from the keys above it (see `KeyVerdict`): `inspect` (the rules
 * look at it), `sensitive` (masked whole, and everything inside it), `unlisted` (a leaf is
 * masked whole; a container's members are judged by their own keys).
 */
type Mode = 'inspect' | 'sensitive' | 'unlisted';
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
  // An unlisted value is not learned (not a secret as such; learning costs tens of µs a value).
  const learn = ruleId !== UNLISTED_KEY_RULE;
  if (strategy === 'hash' || strategy === 'partial') {
    return (text) => {
      core.recordValue(ruleId, text, fingerprint, learn);
      return write(Buffer.from(text, 'utf8')).toString('utf8');
    };
  }
  const constant = write(Buffer.alloc(0)).toString('utf8');
  return (text) => {
    core.recordValue(ruleId, text, fingerprint, learn);
    return constant;
  };
}

/**
 * Binary values: what a serializer prints of them is their bytes (`json()`: a Buffer's
 * `{"type":"Buffer","data":[…]}`, a typed array's `{"0":…}`; `prettyPrint()`: hex or a
 * list), so their bytes are what is masked.
 */
type Binary = ArrayBufferView | ArrayBuffer | SharedArrayBuffer;

function isBinary(value: object): value is Binary {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

/** A binary value's bytes, viewed (no copy). */
function bytesOf(value: Binary): Buffer {
  return ArrayBuffer.isView(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : Buffer.from(value);
}

/** A value of `like`'s kind holding `bytes` (a typed array of wider elements is padded with zeros). */
function binaryLike(like: Binary, bytes: Buffer): Binary {
  if (Buffer.isBuffer(like)) return bytes;
  if (!ArrayBuffer.isView(like)) return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  if (like instanceof DataView) return new DataView(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const Ctor = like.constructor as new (buffer: ArrayBuffer) => ArrayBufferView;
  const width = (like as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  const store = new ArrayBuffer(Math.ceil(bytes.length / width) * width);
  new Uint8Array(store).set(bytes);
  return new Ctor(store);
}

/** The own enumerable symbol keys of an object (inspect, and so `prettyPrint()`, prints them). */
function symbolKeys(value: object): symbol[] {
  const symbols = Object.getOwnPropertySymbols(value);
  return symbols.length === 0 ? symbols : symbols.filter((sym) => Object.prototype.propertyIsEnumerable.call(value, sym));
}

/** A Map or Set of the same prototype with the same entries and own properties. */
function copyCollection<T extends Map<unknown, unknown> | Set<unknown>>(value: T, entries?: Iterable<unknown>): T {
  const copy = (value instanceof Map ? new Map((entries ?? value) as Iterable<[unknown, unknown]>) : new Set(entries ?? value)) as T;
  Object.setPrototypeOf(copy, Object.getPrototypeOf(value) as object | null);
  copyInto(copy, value);
  return copy;
}

/** Whether `JSON.stringify` would print `value` through a `toJSON` method (Dates, URLs and binary values are handled before). */
function hasToJSON(value: object): value is { toJSON(key: string): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** Whether the entry walk copies into an object like this one (`paths` deep-copies these). */
function isPlainOrInstance(value: object): boolean {
  return !(value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof RegExp || value instanceof Map || value instanceof Set || value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise);
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
  /** The key policy (`sensitiveKeys`, `ignoredKeys`, `allowedKeys` and the built-in classifier). */
  readonly policy: KeyPolicy;
  /** The mask of a value masked whole, by why it is (each also reports the finding). */
  readonly masks: { readonly sensitive: (text: string) => string; readonly unlisted: (text: string) => string };
  /** Keys of the entry itself that are structure, not data: never masked for `allowedKeys` (`message`; `body`, `attributes`). */
  readonly entryKeys: ReadonlySet<string>;
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
  /** rewrite: a value masked whole → its mask, by mode (each value masked, and reported, once). */
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
  maskEntry(info: LogEntry): LogEntry {
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
    return this.rewriteEntry(entry) as LogEntry;
  }

  // ---- pass 1: scan -------------------------------------------------------------------

  private scanEntry(info: LogEntry): void {
    if (this.cfg.redactPaths !== undefined && this.touchesPaths(info)) this.structural = true;
    if (info instanceof Error) {
      this.scanObject(info, 'inspect', 0);
    } else {
      for (const key of Object.keys(info)) {
        if (key === 'level') continue;
        this.scanProperty(info, key, 'inspect', 1);
      }
    }
    for (const sym of symbolKeys(info)) {
      if (sym !== LEVEL && sym !== MESSAGE && sym !== SPLAT) this.scanSymbolProperty(info, sym, 'inspect', 1);
    }
    // json() prints an entry with a toJSON method as toJSON's result: rewrite decides on it.
    if (!(info instanceof Error) && hasToJSON(info)) this.structural = true;
    const message = info[MESSAGE];
    if (typeof message === 'string') this.strings.push(message);
    const splat = info[SPLAT];
    if (Array.isArray(splat)) {
      for (const arg of splat) if (!mergedInto(arg, info)) this.scanValue(arg, 'inspect', 2);
    } else if (splat !== undefined) this.scanValue(splat, 'inspect', 1);
  }

  /**
   * The mode of the value under `key`, the value's holder being in `mode` at `depth - 1`, or
   * `ignored` (never read). A sensitive holder keeps its members sensitive; an unlisted one
   * does not (each member is judged by its own key).
   */
  private modeOf(key: string, mode: Mode, depth: number): Mode | 'ignored' {
    if (depth === 1 && this.cfg.entryKeys.has(key)) return mode;
    const verdict = this.cfg.policy.verdict(key);
    if (verdict === 'ignored') return 'ignored';
    if (mode === 'sensitive' || verdict === 'sensitive') return 'sensitive';
    return verdict === 'unlisted' ? 'unlisted' : 'inspect';
  }

  private scanProperty(holder: object, key: string, mode: Mode, depth: number): void {
    const next = this.modeOf(key, mode, depth);
    if (next === 'ignored') return;
    let value: unknown;
    try {
      value = (holder as Record<string, unknown>)[key];
    } catch {
      this.structural = true;
      return;
    }
    this.scanValue(value, next, depth);
  }

  private scanSymbolProperty(holder: object, sym: symbol, mode: Mode, depth: number): void {
    const next = this.modeOf(sym.description ?? '', mode, depth);
    if (next === 'ignored') return;
    let value: unknown;
    try {
      value = (holder as Record<symbol, unknown>)[sym];
    } catch {
      this.structural = true;
      return;
    }
    this.scanValue(value, next, depth);
  }

  private scanValue(value: unknown, mode: Mode, depth: number): void {
    switch (typeof value) {
      case 'string':
        if (mode !== 'inspect') {
          if (value.length > 0 && !ALREADY_MASKED.test(value)) this.structural = true;
        } else this.strings.push(value);
        return;
      case 'number':
      case 'bigint':
        if (mode !== 'inspect') this.structural = true;
        return;
      case 'object':
        if (value !== null) this.scanObject(value, mode, depth);
        return;
      case 'symbol':
        // inspect prints Symbol(description).
        if (value.description !== undefined) this.scanValue(value.description, mode, depth);
        return;
      default:
        // booleans, undefined, functions: no secret to carry (or not serialized).
        return;
    }
  }

  private scanObject(value: object, mode: Mode, depth: number): void {
    if (value instanceof URL) {
      // A URL serializes as its href (with any password in it).
      this.scanValue(value.href, mode, depth);
      return;
    }
    if (isBinary(value)) {
      // Bytes go through redactBuffer in the rewrite (one call per binary value, when present).
      if (value.byteLength > 0) this.structural = true;
      return;
    }
    if (value instanceof RegExp) {
      // inspect prints /source/flags (json() prints {}).
      this.scanValue(value.source, mode, depth);
      return;
    }
    if (value instanceof String || value instanceof Number) {
      this.scanValue(value.valueOf(), mode, depth);
      return;
    }
    if (!(value instanceof Map || value instanceof Set) && !isPlainOrInstance(value)) return;
    if (depth > this.cfg.maxDepth) {
      this.structural = true;
      return;
    }
    this.seen ??= new Set();
    if (this.seen.has(value)) return;
    this.seen.add(value);
    if (hasToJSON(value)) {
      // What json() prints is toJSON's result: rewrite decides on it.
      this.structural = true;
      return;
    }
    try {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) this.scanValue(value[i], mode, depth + 1);
        return;
      }
      if (value instanceof Map) {
        // inspect prints a Map's entries (json() prints its own properties only).
        for (const [k, v] of value) {
          this.scanValue(k, 'inspect', depth + 1);
          const next = typeof k === 'string' ? this.modeOf(k, mode, depth + 1) : mode;
          if (next !== 'ignored') this.scanValue(v, next, depth + 1);
        }
      } else if (value instanceof Set) {
        for (const v of value) this.scanValue(v, mode, depth + 1);
      }
      const keys = value instanceof Error ? errorKeys(value) : Object.keys(value);
      for (const key of keys) this.scanProperty(value, key, mode, depth + 1);
      for (const sym of symbolKeys(value)) this.scanSymbolProperty(value, sym, mode, depth + 1);
    } catch {
      this.structural = true; // a Proxy whose ownKeys throws, say: rewrite fails it closed.
    }
  }

  // ---- pass 2: rewrite ----------------------------------------------------------------

  private rewriteEntry(info: object): unknown {
    const entry = info as LogEntry;
    let copy: LogEntry | undefined;
    const set = (key: string | symbol, value: unknown) => {
      copy ??= copyObject(entry) as LogEntry;
      assignOwn(copy, key, value);
    };
    if (entry instanceof Error) {
      // `logger.error(err)` without format.errors(): the entry is the Error (rewriteObject
      // handles cycles back to it).
      const masked = this.rewriteObject(entry, 'inspect', 0);
      if (typeof masked !== 'object' || masked === null) throw new Error('unreadable Error entry'); // → failedEntry
      if (masked !== entry) copy = masked as LogEntry;
    } else {
      // The entry is the first ancestor: a reference back to it is a cycle like any other.
      this.open!.set(entry, undefined);
      for (const key of Object.keys(entry)) {
        if (key === 'level') continue;
        const value = this.readProperty(entry, key);
        const next = this.rewriteKeyed(key, value, 'inspect', 1);
        if (next !== value) set(key, next);
      }
    }
    if (!(entry instanceof Error)) {
      for (const sym of symbolKeys(entry)) {
        if (sym === LEVEL || sym === MESSAGE || sym === SPLAT) continue;
        const value = this.readProperty(entry, sym);
        const next = this.rewriteKeyed(sym.description ?? '', value, 'inspect', 1);
        if (next !== value) set(sym, next);
      }
      if (hasToJSON(entry)) {
        // json() prints toJSON's result instead of the entry: the copy gets a toJSON of its
        // own (not enumerable, so prettyPrint/simple, which print own properties, skip it).
        let json: unknown;
        let next: unknown;
        try {
          json = entry.toJSON('');
          next = json === entry ? json : this.rewriteValue(json, 'inspect', 1);
        } catch {
          this.cfg.onError();
          next = ERROR_MASK;
        }
        if (next !== json) {
          copy ??= copyObject(entry) as LogEntry;
          Object.defineProperty(copy, 'toJSON', { value: () => next, enumerable: false, writable: true, configurable: true });
        }
      }
    }
    const message = (entry as LogEntry)[MESSAGE];
    if (typeof message === 'string') {
      const next = this.rewriteString(message);
      if (next !== message) set(MESSAGE, next);
    }
    const splat = (entry as LogEntry)[SPLAT];
    if (splat !== undefined) {
      const next = this.rewriteValue(splat, 'inspect', 1);
      if (next !== splat) set(SPLAT, next);
    }
    const early = this.open!.get(entry);
    if (early !== undefined) {
      copyInto(early, copy ?? entry);
      return early;
    }
    return copy ?? entry;
  }

  private readProperty(holder: object, key: string | symbol): unknown {
    try {
      return (holder as Record<string | symbol, unknown>)[key];
    } catch {
      this.cfg.onError();
      return UNREADABLE;
    }
  }

  /** A property's new value, knowing its key (sensitive keys, `authorization` schemes). */
  private rewriteKeyed(key: string, value: unknown, mode: Mode, depth: number): unknown {
    if (value === UNREADABLE) return ERROR_MASK;
    const next = this.modeOf(key, mode, depth);
    if (next === 'ignored') return value;
    if (next === 'sensitive' && typeof value === 'string' && AUTHORIZATION_KEY.test(key)) {
      const scheme = AUTH_SCHEME.exec(value);
      if (scheme !== null) return scheme[0] + this.maskWhole(value.slice(scheme[0].length), next);
    }
    return this.rewriteValue(value, next, depth, key);
  }

  /** `value`'s replacement; `key` is what JSON.stringify would pass to its `toJSON`. */
  private rewriteValue(value: unknown, mode: Mode, depth: number, key = ''): unknown {
    switch (typeof value) {
      case 'string':
        return mode !== 'inspect' ? this.maskWhole(value, mode) : this.rewriteString(value);
      case 'number':
      case 'bigint':
        return mode !== 'inspect' ? this.maskWhole(String(value), mode) : value;
      case 'object':
        return value === null ? value : this.rewriteObject(value, mode, depth, key);
      case 'symbol': {
        const text = value.description;
        if (text === undefined) return value;
        const next = mode !== 'inspect' ? this.maskWhole(text, mode) : this.rewriteString(text);
        return next === text ? value : Symbol(next);
      }
      default:
        return value;
    }
  }

  private maskWhole(text: string, mode: Exclude<Mode, 'inspect'>): string {
    if (text.length === 0 || ALREADY_MASKED.test(text)) return text;
    // Once per value and entry: winston keeps the metadata both merged into the entry and in
    // info[SPLAT], and one secret must be one finding.
    const id = mode === 'sensitive' ? text : `\u0000${text}`;
    let masked = this.keyMasked?.get(id);
    if (masked === undefined) (this.keyMasked ??= new Map()).set(id, (masked = this.cfg.masks[mode](text)));
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

  private rewriteObject(value: object, mode: Mode, depth: number, key = ''): unknown {
    if (value instanceof URL) {
      const href = value.href;
      const next = mode !== 'inspect' ? this.maskWhole(href, mode) : this.rewriteString(href);
      return next === href ? value : next;
    }
    if (isBinary(value)) return this.rewriteBinary(value, mode);
    if (value instanceof RegExp) return this.rewriteRegExp(value, mode);
    if (value instanceof String || value instanceof Number) {
      const primitive = value.valueOf();
      const next = this.rewriteValue(primitive, mode, depth);
      return next === primitive ? value : next;
    }
    const collection = value instanceof Map || value instanceof Set;
    if (!collection && !isPlainOrInstance(value)) return value;
    if (depth > this.cfg.maxDepth) return DEPTH_MASK;
    value = this.pathCopies?.get(value) ?? value;
    const done = this.done!;
    if (done.has(value)) return done.get(value);
    const open = this.open!;
    if (open.has(value)) {
      // A cycle back to an ancestor: point at the ancestor's copy, made now.
      let early = open.get(value);
      if (early === undefined) {
        early = Array.isArray(value) ? [] : value instanceof Map || value instanceof Set ? copyCollection(value, []) : (Object.create(Object.getPrototypeOf(value) as object | null) as object);
        open.set(value, early);
      }
      return early;
    }
    let result: unknown;
    open.set(value, undefined);
    try {
      result = hasToJSON(value) ? this.rewriteToJSON(value, mode, depth, key) : this.rewriteContainer(value, mode, depth);
    } catch {
      this.cfg.onError();
      result = ERROR_MASK;
    }
    const early = open.get(value);
    open.delete(value);
    if (early !== undefined && result !== early) {
      // Something inside points at `early`: it must become the result.
      if (typeof result === 'object' && result !== null) {
        const from = result === value ? value : result;
        copyInto(early, from);
        if (early instanceof Map && from instanceof Map) for (const [k, v] of from) early.set(k, v);
        if (early instanceof Set && from instanceof Set) for (const v of from) early.add(v);
        result = early;
      }
    }
    done.set(value, result);
    return result;
  }

  /**
   * An object that JSON prints through `toJSON` (called as JSON.stringify calls it, with its
   * key): its masked JSON when that changed; else the object itself when its own properties
   * (which `prettyPrint()` shows) are clean too, or its clean JSON when they are not.
   */
  private rewriteToJSON(value: { toJSON(key: string): unknown }, mode: Mode, depth: number, key: string): unknown {
    const json = value.toJSON(key); // a throw is caught by rewriteObject: ERROR_MASK
    if (json === value) return this.rewriteContainer(value, mode, depth);
    const next = this.rewriteValue(json, mode, depth, key);
    if (next !== json) return next;
    return this.rewriteContainer(value, mode, depth) === value ? value : json;
  }

  /**
   * A binary value: under a sensitive key, masked whole (as its UTF-8 text); elsewhere its
   * bytes go through the redactor and, when something is found, a value of the same kind holds
   * the masked bytes (so json() and prettyPrint() print masked bytes).
   */
  private rewriteBinary(value: Binary, mode: Mode): unknown {
    const bytes = bytesOf(value);
    if (bytes.length === 0) return value;
    if (mode !== 'inspect') return this.maskWhole(bytes.toString('utf8'), mode);
    let out: Buffer;
    try {
      out = this.cfg.redactor.redactBuffer(bytes);
    } catch {
      this.cfg.onError();
      return ERROR_MASK;
    }
    return out === bytes ? value : binaryLike(value, out);
  }

  /**
   * A RegExp whose source holds a secret becomes the string inspect would print, masked
   * (`/…[REDACTED:…]…/flags`): a mask is no pattern (`[REDACTED:a-b]` would not even compile).
   */
  private rewriteRegExp(value: RegExp, mode: Mode): unknown {
    if (mode !== 'inspect') return this.maskWhole(String(value), mode);
    const source = value.source;
    const next = this.rewriteString(source);
    return next === source ? value : `/${next}/${value.flags}`;
  }

  private rewriteContainer(value: object, mode: Mode, depth: number): unknown {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const next = this.rewriteValue(item, mode, depth + 1, String(i));
        if (next !== item) (copy ??= value.slice())[i] = next;
      }
      return copy ?? value;
    }
    let copy: object | undefined;
    if (value instanceof Map) {
      // inspect prints the entries: keys by the rules, values by their key (a string key is a name).
      let changed = false;
      const entries: [unknown, unknown][] = [];
      for (const [k, v] of value) {
        const nk = this.rewriteValue(k, 'inspect', depth + 1);
        const nv = typeof k === 'string' ? this.rewriteKeyed(k, v, mode, depth + 1) : this.rewriteValue(v, mode, depth + 1);
        if (nk !== k || nv !== v) changed = true;
        entries.push([nk, nv]);
      }
      if (changed) copy = copyCollection(value, entries);
    } else if (value instanceof Set) {
      let changed = false;
      const items: unknown[] = [];
      for (const v of value) {
        const nv = this.rewriteValue(v, mode, depth + 1);
        if (nv !== v) changed = true;
        items.push(nv);
      }
      if (changed) copy = copyCollection(value, items);
    }
    const copyOf = (): Record<string | symbol, unknown> => (copy ??= value instanceof Map || value instanceof Set ? copyCollection(value) : copyObject(value)) as Record<string | symbol, unknown>;
    const keys = value instanceof Error ? errorKeys(value) : Object.keys(value);
    for (const key of keys) {
      const item = this.readProperty(value, key);
      const next = this.rewriteKeyed(key, item, mode, depth + 1);
      if (next !== item) setOwn(copyOf(), value, key, next);
    }
    // inspect (prettyPrint) prints enumerable symbol-keyed properties; a symbol's description names it.
    for (const sym of symbolKeys(value)) {
      const item = this.readProperty(value, sym);
      const next = this.rewriteKeyed(sym.description ?? '', item, mode, depth + 1);
      if (next !== item) copyOf()[sym] = next;
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
  private copyForPaths(info: LogEntry): LogEntry {
    const all = this.cfg.pathRoots.has('*');
    const copy = copyObject(info) as LogEntry;
    this.pathCopies!.set(info, copy);
    for (const key of Object.keys(info)) {
      if (all || this.cfg.pathRoots.has(key)) assignOwn(copy, key, this.deepCopy(this.readProperty(info, key), 1));
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
function mergedInto(arg: unknown, info: LogEntry): boolean {
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

