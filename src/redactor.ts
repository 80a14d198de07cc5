/**
 * `createRedactor()`: options → rules → one compiled matcher and one mask writer per rule.
 * The returned redactor is synchronous and its rules immutable; its one piece of state is the
 * values it learned (value identity, `learn`), which every call and stream using it shares.
 * Share one per process.
 */
import { knownEntryOf } from './known/knownIndex.js';
import { isKnownSecrets, KnownSecrets } from './known/knownSecrets.js';
import { learnedIdOf, LearnedSecrets, type LearnedStats } from './known/learnedSecrets.js';
import { compileMatcher, type LineWatch } from './matcher/compileMatcher.js';
import { resolveOverlaps, type Span } from './matcher/span.js';
import { createFingerprinter, type Fingerprinter } from './mask/fingerprint.js';
import { maskWriter, type MaskWriter } from './mask/maskStrategy.js';
import type { Mask } from './mask/maskText.js';
import { maskParts, writeMasks } from './mask/writeMasks.js';
import { SENSITIVE_KEY_RULE, UNLISTED_KEY_RULE, type KeyPolicy } from './policy/keyPolicy.js';
import { applyLinePolicy, type PolicyRules } from './policy/linePolicy.js';
import { resolveOptions, type RedactorOptions } from './options.js';
import { KNOWN_SECRET_RULE, type Finding } from './report/finding.js';
import { FindingRecorder, type Position } from './report/recorder.js';
import type { SecretSighting } from './report/sightings.js';
import { builtinRules } from './rules/catalog/index.js';
import { loadGitleaksConfig } from './rules/gitleaks/loadGitleaksConfig.js';
import { selectRules } from './rules/selectRules.js';

/**
 * A compiled redactor. Its methods never throw: input of the wrong type gets the answer
 * documented on each method (see `textOf`/`bytesOf`: a string is text, a `Uint8Array` or any
 * other view of bytes or an `ArrayBuffer` is bytes, anything else is converted with
 * `String()`, and what `String()` cannot convert counts as the empty text).
 *
 * @example
 * const redactor = createRedactor();
 * redactor.redact('{"password":"hunter2"}'); // '{"password":"[REDACTED:json-sensitive-key]"}'
 */
export interface Redactor {
  /**
   * Masks every secret in `text`. Returns `text` itself when nothing was found. Given bytes,
   * masks them as UTF-8 and returns a string; given anything else, masks `String(text)`
   * (`redact(42)` → `'42'`, `redact(undefined)` → `'undefined'`), or returns `''` when it
   * has no string form (a null-prototype object, a throwing `toString`).
   */
  redact(text: string): string;
  /**
   * Masks every secret in `buf`. Returns the very same Buffer instance when nothing was found;
   * otherwise a new Buffer, byte-identical to `buf` outside the masks. Any other view of bytes
   * (`Uint8Array`, `DataView`…) or an `ArrayBuffer` is read as bytes without a copy; a string
   * is encoded as UTF-8; anything else is converted as `redact` does — a new Buffer either way.
   */
  redactBuffer(buf: Uint8Array): Buffer;
  /**
   * The secrets `redact` would mask, as findings (never the secret itself); learns as `redact`
   * does. Input is read as `redactBuffer` reads it, so `scan(undefined)`, `scan(null)` and
   * `scan(42)` find nothing (`[]`) and an object is scanned as its `String()` form.
   */
  scan(input: string | Uint8Array): Finding[];
  /** Ids of the rules this redactor runs, in order. */
  readonly ruleIds: readonly string[];
  /** Counters since the redactor was made: masked secrets per rule id, and the known secrets. */
  stats(): RedactorStats;
}

/** What `redactor.stats()` returns. */
export interface RedactorStats {
  /** Masked secrets per rule id (`known-secret` for known values), over every call and stream. */
  readonly findings: Readonly<Record<string, number>>;
  /** The known-secret set, when there is one. */
  readonly knownSecrets?: ReturnType<KnownSecrets['stats']>;
  /** The learned values (the `learn` option), unless it is off. */
  readonly learned?: LearnedStats;
  /**
   * Sightings of known secrets (and of revoked fingerprints) per name and state — how often,
   * and when last — when there are known secrets or `revokedFingerprints`.
   */
  readonly sightings?: readonly SecretSighting[];
}

/** `{ sightings }` when the recorder tracks them, else nothing. */
function sightingsNow(recorder: FindingRecorder): { sightings?: readonly SecretSighting[] } {
  const sightings = recorder.sightings();
  return sightings === undefined ? {} : { sightings };
}

/** Built-in rules whose values are passwords a key named (learned even as a word with a number). */
const PASSWORD_RULES: ReadonlySet<string> = new Set(['password-assignment', 'cli-password-flag', 'url-userinfo-password', 'curl-user-password', 'jdbc-oracle-password', 'sql-password-statement']);

/** Rule id of a learned copy whose value was dropped before it was reported (not expected). */
const LEARNED_FALLBACK_RULE = 'learned-secret';

/** What a learned value keeps of the rule that first masked it: its copies get the same mask and fingerprint. */
interface LearnedOrigin {
  readonly ruleId: string;
  readonly write: MaskWriter;
  readonly fingerprint: Fingerprinter;
}

/** The one place input is classified: a string is encoded as UTF-8, bytes are viewed as a Buffer (no copy). */
export function toBuffer(input: string | Uint8Array): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * The text form of a run-time argument that is not a string or bytes: `String(input)` (what
 * a template or `console.log` prints for a number, `undefined`, a Symbol, an object's
 * `toString`), or `''` when it has none. Never throws: a redactor's calls take whatever a
 * JavaScript caller hands them (the type says string; the README says nothing throws).
 */
function textOf(input: unknown): string {
  try {
    return String(input);
  } catch {
    return ''; // a null-prototype object, a throwing toString, a revoked Proxy: nothing to print
  }
}

/**
 * A run-time argument that holds bytes, viewed as a Buffer (no copy): a Buffer, any other
 * `ArrayBuffer` view, an `ArrayBuffer`. Undefined for anything else, a revoked Proxy included
 * (`instanceof` on one throws).
 */
function bytesIn(input: unknown): Buffer | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  try {
    if (Buffer.isBuffer(input)) return input;
    if (ArrayBuffer.isView(input)) return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) return Buffer.from(input);
  } catch {
    // not bytes
  }
  return undefined;
}

/** A run-time argument as bytes: a string as UTF-8, bytes as they are (`bytesIn`), else `textOf` as UTF-8. */
function bytesOf(input: unknown): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  return bytesIn(input) ?? Buffer.from(textOf(input), 'utf8');
}

/**
 * Compiles a redactor. Throws `OptionsError`/`RuleError` (with a `code`) on bad options or
 * rules; never throws afterwards.
 *
 * @example
 * const redactor = createRedactor({ mask: 'hash', fingerprintKey: 'k3y', disable: ['jwt'] });
 * redactor.redactBuffer(Buffer.from('Authorization: Bearer abc.def.ghi\n'));
 */
export function createRedactor(options?: RedactorOptions): Redactor {
  const opts = resolveOptions(options);
  const warn = opts.onWarning ?? ((message: string) => process.emitWarning(message, 'LogveilWarning'));
  const gitleaks = opts.gitleaksConfig === undefined ? undefined : loadGitleaksConfig(opts.gitleaksConfig, warn);
  // A gitleaks config's rules count as the user's (`enable` never drops them); its
  // `[extend] useDefault` decides whether the built-ins run beside them.
  const builtins = !opts.builtins ? [] : gitleaks === undefined ? builtinRules : gitleaks.builtins;
  const rules = selectRules(builtins, { ...opts, rules: gitleaks === undefined ? opts.rules : [...opts.rules, ...gitleaks.rules] });
  const matcher = compileMatcher(rules);
  const fingerprint = createFingerprinter(opts.fingerprintKey);
  const known = opts.knownSecrets === undefined || isKnownSecrets(opts.knownSecrets)
    ? opts.knownSecrets
    : new KnownSecrets({ secrets: opts.knownSecrets, watch: false, onWarning: warn });
  const writers: MaskWriter[] = matcher.rules.map((c) =>
    maskWriter(opts.maskByRule.get(c.rule.id) ?? c.mask ?? opts.mask, c.rule.id, fingerprint),
  );
  // Rule index -1: a token of a long line masked across a window edge (src/stream).
  const longTokenWriter = maskWriter(opts.mask, 'long-line-token', fingerprint);
  // Rule indexes ≤ -2: known secrets. The mask sees the whole value (not the encoding that
  // was found), so a hash mask carries the same fingerprint as the finding.
  const knownWriter = maskWriter(opts.maskByRule.get(KNOWN_SECRET_RULE) ?? opts.mask, KNOWN_SECRET_RULE, fingerprint);
  const ruleIds = Object.freeze(matcher.rules.map((c) => c.rule.id));
  // Rule indexes after the matcher's: the key policy's masks in lines (src/policy/linePolicy.ts).
  const policy = opts.keyPolicy;
  const policyRules: PolicyRules = { sensitive: ruleIds.length, unlisted: ruleIds.length + 1 };
  const policyIds = [SENSITIVE_KEY_RULE, UNLISTED_KEY_RULE];
  for (const id of policyIds) writers.push(maskWriter(opts.maskByRule.get(id) ?? opts.mask, id, fingerprint));
  const policyOrigins: readonly LearnedOrigin[] = policyIds.map((ruleId, i) => ({ ruleId, write: writers[ruleIds.length + i]!, fingerprint }));
  const everyLine = policy !== undefined && (policy.allowList || policy.extraSensitive);
  /** `spans` of `buf` with the key policy applied (see linePolicy.ts); `spans` itself without a policy. */
  const applyPolicy = (buf: Buffer, spans: readonly Span[]) => (policy === undefined ? spans : applyLinePolicy(buf, spans, policy, policyRules, everyLine));
  // Value identity: a value masked by a rule is learned with what its copies need.
  // A password rule's value is learned even when it reads as a word with a number (`Secret8441`).
  const learned = opts.learn === undefined ? undefined : new LearnedSecrets<LearnedOrigin>(opts.learn, undefined, (o) => PASSWORD_RULES.has(o.ruleId));
  const ruleOrigins: readonly LearnedOrigin[] = matcher.rules.map((_, i) => ({ ruleId: ruleIds[i]!, write: writers[i]!, fingerprint }));
  // A sensitive-key value is learned like any rule's; an unlisted one is not (not a secret as
  // such, and learning costs tens of µs a value: allow-list mode would pay it on every line).
  const originOf = (rule: number) => (rule >= 0 ? (ruleOrigins[rule] ?? (rule === policyRules.sensitive ? policyOrigins[0] : undefined)) : undefined);
  const learnedWriter = maskWriter(opts.mask, LEARNED_FALLBACK_RULE, fingerprint);
  const valueOrigins = new Map<Fingerprinter, Map<string, LearnedOrigin>>();
  const valueOrigin = (ruleId: string, fp: Fingerprinter): LearnedOrigin => {
    let byRule = valueOrigins.get(fp);
    if (byRule === undefined) valueOrigins.set(fp, (byRule = new Map()));
    let origin = byRule.get(ruleId);
    if (origin === undefined) byRule.set(ruleId, (origin = { ruleId, write: maskWriter(opts.maskByRule.get(ruleId) ?? opts.mask, ruleId, fp), fingerprint: fp }));
    return origin;
  };
  /** The value behind a known or learned span (for masks and fingerprints of the whole value). */
  const valueOf = (rule: number): { readonly name?: string; readonly value: Buffer; readonly fingerprint?: Fingerprinter } | undefined => {
    if (rule > -2) return undefined;
    if (learnedIdOf(rule) >= 0) {
      const entry = learned?.entry(rule);
      return entry === undefined ? undefined : { value: entry.value, fingerprint: entry.origin.fingerprint };
    }
    return known?.entry(knownEntryOf(rule));
  };
  const maskFor = (span: Span, secret: Buffer) => {
    if (span.rule >= 0) return writers[span.rule]!(secret);
    if (span.rule === -1) return longTokenWriter(secret);
    if (learnedIdOf(span.rule) >= 0) {
      const entry = learned?.entry(span.rule);
      return entry === undefined ? learnedWriter(secret) : entry.origin.write(entry.value);
    }
    return knownWriter(known?.entry(knownEntryOf(span.rule))?.value ?? secret);
  };
  const ruleIdOf = (rule: number) => {
    if (rule >= 0) return ruleIds[rule] ?? policyIds[rule - ruleIds.length]!;
    if (rule === -1) return 'long-line-token';
    if (learnedIdOf(rule) >= 0) return learned?.entry(rule)?.origin.ruleId ?? LEARNED_FALLBACK_RULE;
    return KNOWN_SECRET_RULE;
  };
  const stateOf = (rule: number) => {
    const id = knownEntryOf(rule);
    return id < 0 || known === undefined ? undefined : known.stateOf(id);
  };
  const revoked = opts.revokedFingerprints;
  // Fingerprints under a random per-process key never equal the ones listed.
  if (revoked.size > 0 && opts.fingerprintKey === undefined) warn('revoked fingerprints (--revoked, revokedFingerprints) are given without a fingerprint key (LOGVEIL_FINGERPRINT_KEY, fingerprintKey): fingerprints are drawn with a random key, so no listed fingerprint can match');
  const recorder = new FindingRecorder({ ruleId: ruleIdOf, known: valueOf, stateOf }, fingerprint, opts.onFinding, {
    revoked,
    source: opts.source,
    sightings: known !== undefined || revoked.size > 0,
    warn,
  });

  /**
   * `spans` (the rules' spans of `buf`) with the known secrets of `buf` added (after any
   * pending reload). Where they overlap, the merged mask covers both, and a known secret names
   * it: `Authorization: Basic <base64 of a known password>` reports the password's name and
   * fingerprint rather than the header rule's.
   */
  function mergeKnown(buf: Buffer, spans: readonly Span[]): readonly Span[] {
    if (known === undefined) return spans;
    const extra: Span[] = [];
    known.current().find(buf, extra);
    if (extra.length === 0) return spans;
    const merged = resolveOverlaps([...spans, ...extra]);
    extra.sort((a, b) => a.start - b.start);
    let j = 0;
    return merged.map((m) => {
      while (j < extra.length && extra[j]!.end <= m.start) j++;
      return j < extra.length && extra[j]!.start < m.end && m.rule > -2 ? { start: m.start, end: m.end, rule: extra[j]!.rule } : m;
    });
  }

  /**
   * `spans` of `buf` (merged, sorted) with the copies of learned values added, after learning
   * the values under `spans`' rule spans (learnedSecrets.ts: a value learned on a line masks
   * copies from that line down). The rule spans keep their own rule where a copy overlaps.
   */
  function addLearned(buf: Buffer, spans: readonly Span[]): readonly Span[] {
    if (learned === undefined) return spans;
    const extra: Span[] = [];
    learned.find(buf, spans, originOf, extra);
    if (extra.length === 0) return spans;
    const merged = resolveOverlaps([...spans, ...extra]);
    let j = 0;
    return merged.map((m) => {
      while (j < spans.length && spans[j]!.end <= m.start) j++;
      return j < spans.length && spans[j]!.start < m.end && learnedIdOf(m.rule) >= 0 ? { start: m.start, end: m.end, rule: spans[j]!.rule } : m;
    });
  }

  /** `addLearned`, then the key policy again when copies were added (none inside an ignored value). */
  function learnWithPolicy(buf: Buffer, spans: readonly Span[]): readonly Span[] {
    const all = addLearned(buf, spans);
    return all === spans ? all : applyPolicy(buf, all);
  }

  function addKnown(buf: Buffer, spans: readonly Span[]): readonly Span[] {
    return learnWithPolicy(buf, applyPolicy(buf, mergeKnown(buf, spans)));
  }

  function findSpans(buf: Buffer, watch?: LineWatch, learn = true): readonly Span[] {
    const spans = applyPolicy(buf, mergeKnown(buf, matcher.findSpans(buf, watch)));
    return learn ? learnWithPolicy(buf, spans) : spans;
  }

  function redactBuffer(input: Uint8Array): Buffer {
    const buf = bytesOf(input);
    const spans = findSpans(buf);
    if (spans.length === 0) return buf;
    recorder.record(buf, spans);
    return writeMasks(buf, spans, maskFor);
  }

  const redactor: Redactor = {
    ruleIds,
    redactBuffer,
    redact(input) {
      // Bytes are read as UTF-8 text; anything else by its String() form (see textOf).
      const text = typeof input === 'string' ? input : (bytesIn(input)?.toString('utf8') ?? textOf(input));
      const buf = Buffer.from(text, 'utf8');
      const spans = findSpans(buf);
      if (spans.length === 0) return text;
      recorder.record(buf, spans);
      return writeMasks(buf, spans, maskFor).toString('utf8');
    },
    scan(input) {
      const buf = bytesOf(input);
      return recorder.findings(buf, findSpans(buf));
    },
    stats() {
      return {
        findings: recorder.counters(),
        ...(known === undefined ? {} : { knownSecrets: known.stats() }),
        ...(learned === undefined ? {} : { learned: learned.stats() }),
        ...sightingsNow(recorder),
      };
    },
  };
  const privateKeyRule = matcher.rules.find((c) => c.rule.id === 'private-key');
  Object.defineProperty(redactor, INTERNALS, {
    enumerable: false,
    value: {
      ruleIdOf,
      findSpans,
      addKnown: known === undefined && learned === undefined && policy === undefined ? undefined : addKnown,
      addLearned: learned === undefined ? undefined : addLearned,
      maskParts: (buf, spans) => (spans.length === 0 ? [buf] : maskParts(buf, spans, maskFor)),
      privateKeyRule: privateKeyRule?.index,
      record: (buf, spans, at) => recorder.record(buf, spans, at),
      sightings: () => recorder.sightings(),
      recordValue: (ruleId, secret, fp, learn = true) => {
        recorder.recordValue(ruleId, secret, fp);
        if (learn) learned?.learnValue(Buffer.from(secret, 'utf8'), valueOrigin(ruleId, fp ?? fingerprint));
      },
      fingerprint,
      mask: opts.mask,
      keyPolicy: policy,
      listening: recorder.listening,
    } satisfies RedactorInternals,
  });
  return Object.freeze(redactor);
}

/** What the stream layer needs from a redactor beyond its public methods. */
export interface RedactorInternals {
  /** The rule id of a span's rule index (`long-line-token` and `known-secret` included). */
  ruleIdOf(rule: number): string;
  /**
   * The matcher's spans for `buf`, known secrets included (sorted, merged; never across a
   * `\n`), and learned values unless `learn` is false (then `buf`'s values are not learned
   * either: see `addLearned`).
   */
  findSpans(buf: Buffer, watch?: LineWatch, learn?: boolean): readonly Span[];
  /**
   * `spans` of `buf` with its known-secret spans and the copies of learned values merged in,
   * its rule spans' values learned; undefined without known secrets and learning.
   * For spans found elsewhere (worker threads match rules only).
   */
  readonly addKnown: ((buf: Buffer, spans: readonly Span[]) => readonly Span[]) | undefined;
  /**
   * `spans` of `buf` (sorted, merged) with the copies of learned values merged in, its rule
   * spans' values learned first; undefined when learning is off. Call it on the next input in
   * order: what it learns applies to every later call.
   */
  readonly addLearned: ((buf: Buffer, spans: readonly Span[]) => readonly Span[]) | undefined;
  /** Counts masked spans of `buf` and reports them as findings (`at`: where `buf` starts in a stream). */
  record(buf: Uint8Array, spans: readonly Span[], at?: Position): void;
  /** Sightings of known and revoked values (see `RedactorStats.sightings`); undefined without either. */
  sightings(): readonly SecretSighting[] | undefined;
  /** Counts and reports a secret masked as a whole value (no span), under `ruleId`; learns it unless `learn` is false. */
  recordValue(ruleId: string, secret: string, fingerprint?: Fingerprinter, learn?: boolean): void;
  /** The redactor's fingerprinter (its `fingerprintKey`, or its random key). */
  readonly fingerprint: Fingerprinter;
  /** The redactor's default mask (strategy or `{ text }`). */
  readonly mask: Mask;
  /** The key policy of its options, if any (the structured integrations use it too). */
  readonly keyPolicy: KeyPolicy | undefined;
  /** Whether an `onFinding` listener wants findings (streams then track line numbers). */
  readonly listening: boolean;
  /**
   * `buf` with `spans` masked, as pieces to write in order: `[buf]` itself when there are no
   * spans, else slices of `buf` (never copies) between the masks.
   */
  maskParts(buf: Buffer, spans: readonly Span[]): readonly Uint8Array[];
  /** Index of the `private-key` rule (its mask covers multi-line PEM bodies), if enabled. */
  readonly privateKeyRule: number | undefined;
}

/**
 * Where a redactor keeps its internals. A registered symbol rather than a module-private
 * WeakMap: the CJS build bundles `logveil` and `logveil/stream` separately, and a redactor
 * from one must work in the other.
 */
const INTERNALS = Symbol.for('logveil.redactor.internals');

/** The internals of a redactor made by `createRedactor` (not part of the public API). */
export function redactorInternals(redactor: Redactor): RedactorInternals {
  const found = (redactor as unknown as Record<symbol, RedactorInternals | undefined>)[INTERNALS];
  if (found === undefined) throw new TypeError('not a redactor made by createRedactor()');
  return found;
}
