/**
 * The sensitive-key policy: what happens to a value given the name of the key it sits under.
 * One policy, one set of option names, for every door: redactor options and config-file keys
 * (text lines, linePolicy.ts) and the structured integrations (winston entries, OpenTelemetry
 * records; src/integrations/structured):
 *
 * - `sensitiveKeys`: extra key names whose values are always masked whole, beside the
 *   built-in classifier (`password`, `apiKey`, `client_secret`, `authorization`…);
 * - `ignoredKeys`: keys whose values are never masked nor inspected (OTel's `ignored_keys`);
 * - `allowedKeys`: allow-list mode — when set, every value whose key is not listed is masked
 *   whole (OTel's `allowed_keys`; logveil masks where the Collector drops).
 *
 * Precedence: ignored, then sensitive (built-in or listed), then not allowed, then the rules.
 * A string in `sensitiveKeys` matches a key equal to it or ending with it, in any case (`'ssn'`
 * covers `customerSSN`); a string in `ignoredKeys` or `allowedKeys` matches only a key equal to
 * it in any case (those lists turn masking off, so they never match more than was written). A
 * RegExp is tested on the key as it is, by RE2: keys are log data, often set by whoever sends
 * a request, and a JS RegExp with nested quantifiers (`/^(a+)+$/`) would backtrack for minutes
 * on one crafted key. A RegExp RE2 cannot run (backreferences, lookaround) is refused.
 *
 * Compiled once (`compileKeyPolicy`, the one place that throws); `verdict` is memoized per key.
 */
import RE2 from 're2';
import { OptionsError } from '../errors.js';
import { isSensitiveKeyName } from '../context/keyClass.js';

/** A key name (see the module doc for how a string matches) or a RegExp tested on the key. */
export type KeyPattern = string | RegExp;

/**
 * The key policy's options, the same names in every integration.
 *
 * @example
 * redactFormat({ sensitiveKeys: ['ssn', /^x-internal-/i], ignoredKeys: ['trace_id'] });
 * redactLogRecordProcessor({ allowedKeys: ['http.method', 'http.route', 'user.id'] });
 */
export interface KeyPolicyOptions {
  /** More key names whose values are masked whole (rule id `sensitive-key`). */
  readonly sensitiveKeys?: readonly KeyPattern[];
  /** Keys whose values are never masked nor inspected (they win over every other list). */
  readonly ignoredKeys?: readonly KeyPattern[];
  /** Allow-list mode: the value of every key not listed is masked whole (rule id `unlisted-key`). */
  readonly allowedKeys?: readonly KeyPattern[];
}

/** The option names of the key policy, for integrations that split their options. */
export const KEY_POLICY_OPTIONS = ['sensitiveKeys', 'ignoredKeys', 'allowedKeys'] as const satisfies readonly (keyof KeyPolicyOptions)[];

/** Rule id of values masked because their key names a credential. */
export const SENSITIVE_KEY_RULE = 'sensitive-key';
/** Rule id of values masked because `allowedKeys` does not list their key. */
export const UNLISTED_KEY_RULE = 'unlisted-key';

/**
 * What happens to the value under a key:
 * - `ignored`: kept as it is, not inspected;
 * - `sensitive`: masked whole (and everything inside it);
 * - `unlisted`: masked whole when it is a leaf (a container's members are judged by their own keys);
 * - `inspect`: the rules look at it.
 */
export type KeyVerdict = 'ignored' | 'sensitive' | 'unlisted' | 'inspect';

/** A compiled policy. */
export interface KeyPolicy {
  verdict(key: string): KeyVerdict;
  /**
   * The verdict in a text line: as `verdict`, except that a key only the built-in classifier
   * names (not `sensitiveKeys`) is `inspect` — the context engine masks its value, with its
   * placeholder and value checks (linePolicy.ts) — or `unlisted` when `allowedKeys` does not
   * list it.
   */
  lineVerdict(key: string): KeyVerdict;
  /** Whether `allowedKeys` was given. */
  readonly allowList: boolean;
  /** Whether `sensitiveKeys` was given (non-empty). */
  readonly extraSensitive: boolean;
  /** Whether `ignoredKeys` was given (non-empty). */
  readonly ignores: boolean;
}

/** Verdicts kept per policy; cleared when full (log keys repeat). */
const VERDICT_CACHE_LIMIT = 2048;

/** A list's strings and its RegExps compiled for RE2 (linear time whatever the key). */
interface KeyList {
  readonly words: readonly string[];
  readonly regexps: readonly RE2[];
}

function patterns(name: string, v: unknown): KeyList {
  if (v === undefined) return { words: [], regexps: [] };
  if (!Array.isArray(v) || v.some((k) => !(k instanceof RegExp) && (typeof k !== 'string' || k.length === 0))) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', name, 'must be an array of non-empty strings or RegExps');
  }
  const regexps = (v as KeyPattern[]).flatMap((k, i) => {
    if (typeof k === 'string') return [];
    try {
      // `g` and `y` would make `test` stateful; a key is tested whole.
      return [new RE2(k.source, k.flags.replace(/[gy]/g, ''))];
    } catch {
      // The pattern is the user's own, not log data: naming its position is enough.
      throw new OptionsError('LOGVEIL_INVALID_OPTION', name, `RegExp #${i + 1} cannot run on RE2 (no backreferences or lookaround; key patterns run in linear time)`);
    }
  });
  return { words: (v as KeyPattern[]).filter((k): k is string => typeof k === 'string'), regexps };
}

/** A matcher for one list: `suffix` for sensitiveKeys (equal or ending with), else equal; any case. */
function listMatcher(list: KeyList, suffix: boolean): ((key: string) => boolean) | undefined {
  if (list.words.length === 0 && list.regexps.length === 0) return undefined;
  const words = list.words.map((k) => k.toLowerCase());
  const exact = new Set(words);
  const { regexps } = list;
  return (key) => {
    const lower = key.toLowerCase();
    if (suffix ? words.some((w) => lower.endsWith(w)) : exact.has(lower)) return true;
    return regexps.some((p) => p.test(key));
  };
}

/**
 * Checks and compiles the policy options. Throws `OptionsError` naming the option.
 *
 * @example
 * const policy = compileKeyPolicy({ ignoredKeys: ['trace_id'], allowedKeys: ['user', 'route'] });
 * policy.verdict('password'); // 'sensitive'
 * policy.verdict('trace_id'); // 'ignored'
 * policy.verdict('email');    // 'unlisted'
 * policy.verdict('route');    // 'inspect'
 */
export function compileKeyPolicy(options: KeyPolicyOptions = {}): KeyPolicy {
  const sensitive = listMatcher(patterns('sensitiveKeys', options.sensitiveKeys), true);
  const ignored = listMatcher(patterns('ignoredKeys', options.ignoredKeys), false);
  const allowedList = options.allowedKeys === undefined ? undefined : patterns('allowedKeys', options.allowedKeys);
  const allowed = allowedList === undefined ? undefined : (listMatcher(allowedList, false) ?? (() => false));
  const decide = (key: string, builtin: boolean): KeyVerdict => {
    if (ignored?.(key) === true) return 'ignored';
    if (sensitive?.(key) === true) return 'sensitive';
    // In a line, a built-in credential key is the context engine's when listed (or without an
    // allow-list); unlisted, it is masked whole like any unlisted key: a placeholder the context
    // engine would keep (`password=changeme`) is still a value `allowedKeys` did not let through.
    if (isSensitiveKeyName(key)) return builtin ? 'sensitive' : allowed !== undefined && !allowed(key) ? 'unlisted' : 'inspect';
    if (allowed !== undefined && !allowed(key)) return 'unlisted';
    return 'inspect';
  };
  const memo = (builtin: boolean) => {
    const cache = new Map<string, KeyVerdict>();
    return (key: string): KeyVerdict => {
      let v = cache.get(key);
      if (v === undefined) {
        v = decide(key, builtin);
        if (cache.size >= VERDICT_CACHE_LIMIT) cache.clear();
        cache.set(key, v);
      }
      return v;
    };
  };
  return {
    allowList: allowed !== undefined,
    extraSensitive: sensitive !== undefined,
    ignores: ignored !== undefined,
    verdict: memo(true),
    lineVerdict: memo(false),
  };
}
