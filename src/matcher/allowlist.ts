/**
 * Allowlists, compiled: the checks a rule applies to a match after its validators passed —
 * RE2 patterns tested against the secret, the whole match or the line, and stopwords looked
 * for in the secret. Validated and compiled once, here; `isAllowlisted` runs on matches only,
 * so a rule's cost on lines without a match does not change.
 */
import RE2 from 're2';
import { re2ErrorKind, RuleError } from '../errors.js';
import type { RuleAllowlist } from '../rules/rule.js';

/** One allowlist, ready to run. */
export interface CompiledAllowlist {
  /** One RE2 program per entry of `regexes` (non-global: `test` keeps no state). */
  readonly regexes: readonly RE2[];
  readonly target: 'secret' | 'match' | 'line';
  /** Lowercased, distinct. */
  readonly stopwords: readonly string[];
  /** Every given check must pass (else any one). */
  readonly all: boolean;
}

const TARGETS: ReadonlySet<string> = new Set(['secret', 'match', 'line']);

function fail(id: string, message: string): never {
  throw new RuleError('LOGVEIL_RULE_INVALID', id, message);
}

function stringList(id: string, where: string, v: unknown): readonly string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.length === 0)) fail(id, `${where} must be an array of non-empty strings`);
  return v as string[];
}

/**
 * Validates a rule's `allowlists` and compiles them; `undefined` when the rule has none (the
 * verification path then skips the check with one comparison).
 *
 * @throws RuleError `LOGVEIL_RULE_INVALID` for a bad shape, `LOGVEIL_RULE_BAD_PATTERN` for a
 *   regex RE2 rejects; both name the rule and the allowlist (1-based).
 * @example
 * compileAllowlists('acme-key', [{ regexes: ['^acme_test_'] }]); // [{ regexes: [RE2], target: 'secret', … }]
 */
export function compileAllowlists(id: string, allowlists: readonly RuleAllowlist[] | undefined): readonly CompiledAllowlist[] | undefined {
  if (allowlists === undefined) return undefined;
  if (!Array.isArray(allowlists)) fail(id, 'allowlists must be an array of allowlists');
  if (allowlists.length === 0) return undefined;
  return allowlists.map((a: RuleAllowlist, i) => {
    const where = `allowlist ${i + 1}`;
    if (a === null || typeof a !== 'object') fail(id, `${where} must be an object`);
    if (a.description !== undefined && typeof a.description !== 'string') fail(id, `${where}: description must be a string`);
    const target = a.regexTarget ?? 'secret';
    if (!TARGETS.has(target)) fail(id, `${where}: regexTarget must be "secret", "match" or "line"`);
    const condition = a.condition ?? 'or';
    if (condition !== 'or' && condition !== 'and') fail(id, `${where}: condition must be "or" or "and"`);
    const patterns = stringList(id, `${where}: regexes`, a.regexes);
    const stopwords = stringList(id, `${where}: stopwords`, a.stopwords);
    if (patterns.length === 0 && stopwords.length === 0) fail(id, `${where} must have regexes or stopwords (an empty allowlist would allow nothing or everything)`);
    const regexes = patterns.map((p, j) => {
      try {
        return new RE2(p);
      } catch (err) {
        // RE2's message quotes the regex: only its kind is kept, and no cause.
        throw new RuleError('LOGVEIL_RULE_BAD_PATTERN', id, `${where}: regex ${j + 1} does not compile as RE2: ${re2ErrorKind(err)}`);
      }
    });
    return { regexes, target, stopwords: [...new Set(stopwords.map((s) => s.toLowerCase()))], all: condition === 'and' };
  });
}

/** Where a match lies: its line, the whole match and the secret, as byte ranges of one Buffer. */
export interface MatchBounds {
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly matchStart: number;
  readonly matchEnd: number;
  readonly secretStart: number;
  readonly secretEnd: number;
}

/** True when one of `allowlists` allows the match `m` in `buf` (it is then not a secret). */
export function isAllowlisted(allowlists: readonly CompiledAllowlist[], buf: Buffer, m: MatchBounds): boolean {
  let lowerSecret: string | undefined;
  for (const a of allowlists) {
    const checks: boolean[] = [];
    if (a.regexes.length > 0) {
      const [from, to] = a.target === 'secret' ? [m.secretStart, m.secretEnd] : a.target === 'match' ? [m.matchStart, m.matchEnd] : [m.lineStart, m.lineEnd];
      const text = buf.subarray(from, to);
      checks.push(a.regexes.some((re) => re.test(text)));
    }
    if (a.stopwords.length > 0) {
      lowerSecret ??= buf.toString('utf8', m.secretStart, m.secretEnd).toLowerCase();
      const secret = lowerSecret;
      checks.push(a.stopwords.some((w) => secret.includes(w)));
    }
    if (a.all ? checks.every(Boolean) : checks.some(Boolean)) return true;
  }
  return false;
}
