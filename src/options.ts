/**
 * Redactor options: their defaults and their validation — the one place, with rule
 * compilation, that throws.
 */
import { OptionsError, RuleError } from './errors.js';
import type { KnownSecret } from './known/knownSecret.js';
import { parseDuration } from './known/duration.js';
import { isKnownSecrets, type KnownSecrets } from './known/knownSecrets.js';
import { DEFAULT_LEARN_MAX_VALUES, DEFAULT_LEARN_TTL, type LearnLimits } from './known/learnedSecrets.js';
import { revokedFingerprints, type RevokedFingerprints } from './known/revoked.js';
import type { Finding } from './report/finding.js';
import { maskTextProblem, type Mask } from './mask/maskText.js';
import { compileKeyPolicy, KEY_POLICY_OPTIONS, type KeyPolicy, type KeyPolicyOptions } from './policy/keyPolicy.js';
import { RULE_ID_SHAPE, type MaskStrategy, type Rule } from './rules/rule.js';

export const MASK_STRATEGIES: readonly MaskStrategy[] = ['redact', 'label', 'partial', 'hash', 'fixed', 'remove'];

/** Most values `learn.maxValues` accepts. */
export const MAX_LEARN_MAX_VALUES = 100_000;

/**
 * Bounds of value identity (the `learn` option).
 *
 * @example
 * createRedactor({ learn: { maxValues: 5000, ttl: '30m' } });
 */
export interface LearnOptions {
  /** Most values held at once; the least recently seen is dropped first. Default 1,000 (at most 100,000). */
  readonly maxValues?: number;
  /** How long a value is kept after it was last seen: milliseconds or `'1h'`, `'30m'`… Default 1 hour. */
  readonly ttl?: number | string;
}

/**
 * Options of `createRedactor`. Plain data, so they can cross into a worker thread — except
 * `onFinding`, `onWarning` and a live `knownSecrets` set, which stay in the thread that made them.
 *
 * @example
 * createRedactor({
 *   mask: 'hash',
 *   fingerprintKey: process.env.LOGVEIL_FINGERPRINT_KEY,
 *   disable: ['generic-secret-assignment'],
 *   rules: [{ id: 'acme-key', description: 'ACME key', tags: ['acme'], pattern: String.raw`\b(acme_[a-z0-9]{32})\b`, keywords: ['acme_'] }],
 * });
 */
export interface RedactorOptions extends KeyPolicyOptions {
  /**
   * Default mask: a strategy name, or fixed text `{ text: '<hidden>' }` (1–64 printable ASCII
   * characters without `"` or `\`). Default `'label'` (`[REDACTED:<rule-id>]`).
   */
  readonly mask?: Mask;
  /** Mask (strategy or `{ text }`) per rule id, overriding `mask` and the rule's own `mask`. */
  readonly maskByRule?: Readonly<Record<string, Mask>>;
  /** Extra rules (same shape as the built-ins, RE2 syntax). */
  readonly rules?: readonly Rule[];
  /**
   * Keep only the catalog rules with these ids or tags, default or opt-in (`['pii']`: only the
   * personal-data rules); user `rules` are always kept.
   */
  readonly enable?: readonly string[];
  /**
   * Add the opt-in rules (or any catalog rules) with these ids or tags: `['pii']` adds the
   * personal-data pack (card numbers, IBANs, US SSNs, e-mail addresses, E.164 phone numbers)
   * to the default catalog, `['pii-email']` one of its rules. Default none.
   */
  readonly include?: readonly string[];
  /** Drop the built-in or user rules with these ids or tags. */
  readonly disable?: readonly string[];
  /** Set false to start from an empty catalog (only your `rules`). Default true. */
  readonly builtins?: boolean;
  /**
   * Key of the HMAC behind `hash` masks and findings' fingerprints. Without it a random
   * per-process key is used and fingerprints correlate within one process only.
   */
  readonly fingerprintKey?: string | Uint8Array;
  /**
   * Exact secret values to mask wherever they appear, also base64-, URL- and JSON-encoded:
   * a list of `{ name, value }`, or a live set from `createKnownSecrets` (files and
   * environment variables, with rotation). Values under 8 bytes or of very low entropy are
   * refused with a warning.
   */
  readonly knownSecrets?: readonly KnownSecret[] | KnownSecrets;
  /** Called once per masked secret with its finding (never the secret). Errors it throws are ignored. */
  readonly onFinding?: (finding: Finding) => void;
  /** Receives warnings (refused known secrets, skipped gitleaks features). Default `process.emitWarning`. */
  readonly onWarning?: (message: string) => void;
  /**
   * Path of a gitleaks TOML config whose rules run beside (with `[extend] useDefault = true`)
   * or instead of the built-in catalog. Read when the redactor is made.
   */
  readonly gitleaksConfig?: string;
  /**
   * Value identity: every value a rule masks is learned, in memory only, and its other
   * copies — elsewhere on the same line, on later lines, in later calls — are masked too, as
   * they are or base64-, URL- and JSON-encoded, with the first copy's rule id and fingerprint.
   * Only values that would be accepted as known secrets (8 bytes, 2.5 bits/byte) and do not
   * read as plain text (words, numbers, dates, paths, placeholders) are learned. `false`
   * turns it off; an object bounds it. Default on: 1,000 values, each kept 1 hour after it
   * was last seen.
   */
  readonly learn?: boolean | LearnOptions;
  /**
   * Fingerprints of values revoked elsewhere: an array of the 8-hex fingerprints logveil
   * prints, or the path of a file of them (one per line, `#` comments; read when the redactor
   * is made). A finding whose fingerprint is listed has `state: 'retired'` and is warned about
   * (at most once a minute per value). Meaningful only with the `fingerprintKey` that printed
   * them: without one it warns.
   */
  readonly revokedFingerprints?: string | readonly string[] | RevokedFingerprints;
  /** A host, pod or stream name every finding carries as `source` (1–255 printable characters). */
  readonly source?: string;
}

/** Options after defaults, checked. */
export interface ResolvedOptions {
  readonly mask: Mask;
  readonly maskByRule: ReadonlyMap<string, Mask>;
  readonly rules: readonly Rule[];
  readonly enable: readonly string[] | undefined;
  readonly include: readonly string[];
  readonly disable: readonly string[];
  readonly builtins: boolean;
  readonly fingerprintKey: string | Uint8Array | undefined;
  readonly knownSecrets: readonly KnownSecret[] | KnownSecrets | undefined;
  readonly onFinding: ((finding: Finding) => void) | undefined;
  readonly onWarning: ((message: string) => void) | undefined;
  readonly gitleaksConfig: string | undefined;
  /** Bounds of the learned set; undefined when learning is off. */
  readonly learn: LearnLimits | undefined;
  /** The key policy (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`); undefined when none is given. */
  readonly keyPolicy: KeyPolicy | undefined;
  /** Revoked fingerprints (empty: none). */
  readonly revokedFingerprints: RevokedFingerprints;
  readonly source: string | undefined;
}

const KNOWN = new Set(['mask', 'maskByRule', 'rules', 'enable', 'include', 'disable', 'builtins', 'fingerprintKey', 'knownSecrets', 'onFinding', 'onWarning', 'gitleaksConfig', 'learn', 'revokedFingerprints', 'source']);

// The key policy's options (src/policy/keyPolicy.ts), applied to text lines by the redactor.
for (const key of KEY_POLICY_OPTIONS) KNOWN.add(key);

function callback<T>(name: string, v: T | undefined): T | undefined {
  if (v !== undefined && typeof v !== 'function') throw new OptionsError('LOGVEIL_INVALID_OPTION', name, 'must be a function');
  return v;
}

function gitleaksPath(v: unknown): string | undefined {
  if (v !== undefined && (typeof v !== 'string' || v.length === 0)) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'gitleaksConfig', 'must be the path of a gitleaks TOML file');
  return v as string | undefined;
}

function knownSecrets(v: unknown): readonly KnownSecret[] | KnownSecrets | undefined {
  if (v === undefined || isKnownSecrets(v)) return v;
  const ok = (s: unknown) => s !== null && typeof s === 'object' && typeof (s as KnownSecret).name === 'string' && (typeof (s as KnownSecret).value === 'string' || (s as KnownSecret).value instanceof Uint8Array);
  if (!Array.isArray(v) || !v.every(ok)) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'knownSecrets', 'must be an array of { name, value } (value a string or bytes), or a set from createKnownSecrets()');
  return v as KnownSecret[];
}

/** A `source`: 1–255 printable characters, no control characters (it goes into every report line). */
function sourceName(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (typeof v !== 'string' || v.length === 0 || v.length > 255 || /[\u0000-\u001f\u007f]/.test(v)) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'source', 'must be 1-255 printable characters (a host, pod or stream name)');
  }
  return v;
}

function learnLimits(v: unknown): LearnLimits | undefined {
  if (v === false) return undefined;
  if (v === undefined || v === true) return { maxValues: DEFAULT_LEARN_MAX_VALUES, ttl: DEFAULT_LEARN_TTL };
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'learn', 'must be a boolean or { maxValues, ttl }');
  unknownKey('learn', v, ['maxValues', 'ttl']);
  const { maxValues = DEFAULT_LEARN_MAX_VALUES, ttl = DEFAULT_LEARN_TTL } = v as LearnOptions;
  if (!Number.isSafeInteger(maxValues) || maxValues < 1 || maxValues > MAX_LEARN_MAX_VALUES) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'learn.maxValues', `must be an integer from 1 to ${MAX_LEARN_MAX_VALUES}`);
  }
  const ms = parseDuration(ttl);
  if (ms === undefined || ms <= 0) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'learn.ttl', 'must be milliseconds > 0 or a duration such as "1h"');
  return { maxValues, ttl: ms };
}

/**
 * Throws for the first key of `object` not in `known`, naming it by position: a key is
 * written by someone, and might be a secret pasted in the wrong place.
 */
function unknownKey(option: string, object: object, known: Iterable<string>): void {
  const names = new Set(known);
  Object.keys(object).forEach((key, i) => {
    if (!names.has(key)) throw new OptionsError('LOGVEIL_INVALID_OPTION', option, `key #${i + 1} is not an option (known: ${[...names].join(', ')}; the key itself is not shown)`);
  });
}

/**
 * The user's rules, checked for an id that is not an id before anything else: such a rule is
 * named by its position in `rules` (`rule #3`), never by the id (a pasted token, say).
 */
function userRules(rules: unknown): readonly Rule[] {
  if (!Array.isArray(rules)) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'rules', 'must be an array of rules');
  rules.forEach((rule: unknown, i) => {
    if (rule === null || typeof rule !== 'object') throw new RuleError('LOGVEIL_RULE_INVALID', `#${i + 1}`, 'a rule must be an object');
    const id = (rule as { id?: unknown }).id;
    if (typeof id !== 'string' || !RULE_ID_SHAPE.test(id)) {
      throw new RuleError('LOGVEIL_RULE_INVALID', `#${i + 1}`, 'id must be 1-80 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit (the id is not shown: it may be a secret pasted in the wrong place)');
    }
  });
  return rules as Rule[];
}

function isStrategy(v: unknown): v is MaskStrategy {
  return typeof v === 'string' && (MASK_STRATEGIES as readonly string[]).includes(v);
}

/** Why `v` is not a mask (a strategy name or `{ text }`), or undefined when it is one. */
function maskProblem(v: unknown): string | undefined {
  if (isStrategy(v)) return undefined;
  // A name that is not a strategy gets the list (what the CLI's --mask, names only, accepts).
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? maskTextProblem(v) : `must be one of ${MASK_STRATEGIES.join(', ')}`;
}

function stringList(name: string, v: unknown): readonly string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.length === 0)) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', name, 'must be an array of non-empty strings (rule ids or tags)');
  }
  return v as string[];
}

/** Applies defaults and checks every option. Throws `OptionsError` with the option's name. */
export function resolveOptions(options: RedactorOptions = {}): ResolvedOptions {
  if (options === null || typeof options !== 'object') throw new OptionsError('LOGVEIL_INVALID_OPTION', 'options', 'must be an object');
  unknownKey('options', options, KNOWN);
  const mask = options.mask ?? 'label';
  const maskIssue = maskProblem(mask);
  if (maskIssue !== undefined) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'mask', maskIssue);
  const maskByRule = new Map<string, Mask>();
  if (options.maskByRule !== undefined) {
    if (options.maskByRule === null || typeof options.maskByRule !== 'object') throw new OptionsError('LOGVEIL_INVALID_OPTION', 'maskByRule', 'must be an object of rule id → strategy');
    Object.entries(options.maskByRule).forEach(([id, m], i) => {
      // A rule id is fine to name; anything else is named by its position.
      const issue = maskProblem(m);
      if (issue !== undefined) throw new OptionsError('LOGVEIL_INVALID_OPTION', RULE_ID_SHAPE.test(id) ? `maskByRule.${id}` : 'maskByRule', `${RULE_ID_SHAPE.test(id) ? '' : `entry #${i + 1}: `}${issue}`);
      maskByRule.set(id, m);
    });
  }
  const rules = userRules(options.rules ?? []);
  const builtins = options.builtins ?? true;
  if (typeof builtins !== 'boolean') throw new OptionsError('LOGVEIL_INVALID_OPTION', 'builtins', 'must be a boolean');
  const key = options.fingerprintKey;
  if (key !== undefined && typeof key !== 'string' && !(key instanceof Uint8Array)) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'fingerprintKey', 'must be a string or a Uint8Array');
  }
  return {
    mask,
    maskByRule,
    rules,
    enable: options.enable === undefined ? undefined : stringList('enable', options.enable),
    include: options.include === undefined ? [] : stringList('include', options.include),
    disable: options.disable === undefined ? [] : stringList('disable', options.disable),
    builtins,
    fingerprintKey: key,
    knownSecrets: knownSecrets(options.knownSecrets),
    onFinding: callback('onFinding', options.onFinding),
    onWarning: callback('onWarning', options.onWarning),
    gitleaksConfig: gitleaksPath(options.gitleaksConfig),
    learn: learnLimits(options.learn),
    keyPolicy: KEY_POLICY_OPTIONS.some((k) => options[k] !== undefined) ? compileKeyPolicy(options) : undefined,
    revokedFingerprints: revokedFingerprints(options.revokedFingerprints),
    source: sourceName(options.source),
  };
}
