/**
 * One rule → one compiled rule: the RE2 program (global, with byte indices), the secret group
 * resolution and the validators. All checks that can fail happen here, at construction.
 *
 * PERF: a built-in rule's RE2 program is built on its first candidate line, not here.
 * Measured (2-core VM, Node 20): compiling the catalog's 270 patterns took ~230 ms of a
 * ~400 ms `echo hi | logveil` (60% of its CPU profile; a handful of patterns with large
 * bounded repeats cost 10-40 ms each), while a typical log meets a few dozen rules' keywords.
 * What the eager build checked — the pattern compiles, no empty match on `EMPTY_PROBES` — is a
 * function of the pattern text alone, so it is checked once for every built-in pattern by
 * test/matcher/lazyCompile.test.ts; any other pattern (a user rule, a gitleaks config's rule)
 * is still compiled and probed here and fails at construction with its `RuleError` code.
 */
import { debuglog } from 'node:util';
import RE2 from 're2';
import { re2ErrorKind, RuleError } from '../errors.js';
import { builtinRules } from '../rules/catalog/index.js';
import { RULE_ID_SHAPE, type MaskStrategy, type Rule } from '../rules/rule.js';
import type { SecretValidation } from './validators.js';
import { CONTEXT_DETECTORS, type ContextDetector } from '../context/index.js';
import { compileAllowlists, type CompiledAllowlist } from './allowlist.js';

const debug = debuglog('logveil');
const MASKS: ReadonlySet<string> = new Set(['redact', 'label', 'partial', 'hash', 'fixed', 'remove']);
const CHECKSUMS: ReadonlySet<string> = new Set(['github-crc32', 'npm-crc32', 'payment-card', 'iban', 'us-ssn']);
/** Inputs on which no rule may produce an empty match (a pattern that can is rejected). */
const EMPTY_PROBES = ['', ' ', 'a', '0', '-', '"', '=', ':', 'a b', ' = ', '\t', 'key=""', 'x:'];

/** A rule ready to run. Immutable; shared by every line the matcher sees. */
export interface CompiledRule extends SecretValidation {
  readonly rule: Rule;
  readonly index: number;
  /**
   * Global, `d` (byte indices) RE2 program; `lastIndex` is reset before each use. Undefined
   * for a detector rule. A built-in pattern's program is built on the first read (the first
   * line the rule verifies); every other pattern's was built and checked at construction.
   */
  readonly program: RE2 | undefined;
  /** The context engine's detector this rule reports (`Rule.detector`), else undefined. */
  readonly detector: ContextDetector | undefined;
  /** Capture groups holding the secret, in order of preference; 0 is the whole match. */
  readonly secretGroups: readonly number[];
  /** Keywords: lowercased, or as written when `caseSensitive`. */
  readonly keywords: readonly string[];
  /** Whether `keywords` are matched exactly (else ASCII-case-insensitively). */
  readonly caseSensitive: boolean;
  /** No keywords: the matcher runs this rule on every line (`Rule.everyLine`). */
  readonly everyLine: boolean;
  /** Checked on each validated match; `undefined` (the built-ins) skips the check. */
  readonly allowlists: readonly CompiledAllowlist[] | undefined;
  readonly mask: MaskStrategy | undefined;
}

function fail(id: string, message: string): never {
  throw new RuleError('LOGVEIL_RULE_INVALID', id, message);
}

/** The message of a rule whose id is not an id; the rule is named by its position instead. */
export const BAD_RULE_ID = 'id must be 1-80 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit (not shown: it may be a secret pasted in the wrong place)';

/**
 * Validates `rule` and compiles it. Throws a `RuleError` naming the rule — by its id, or by
 * `#N` (`index` + 1) when the id is not a valid id. No message quotes a value of the rule.
 */
export function compileRule(rule: Rule, index: number): CompiledRule {
  if (rule === null || typeof rule !== 'object') fail(`#${index + 1}`, 'a rule must be an object');
  const id: unknown = rule.id;
  if (typeof id !== 'string' || !RULE_ID_SHAPE.test(id)) fail(`#${index + 1}`, BAD_RULE_ID);
  const detector = rule.detector;
  if (detector !== undefined && !(CONTEXT_DETECTORS as readonly unknown[]).includes(detector)) fail(id, `unknown detector (known: ${CONTEXT_DETECTORS.join(', ')})`);
  if (detector === undefined && (typeof rule.pattern !== 'string' || rule.pattern.length === 0)) fail(id, 'pattern must be a non-empty string');
  if (rule.everyLine !== undefined && typeof rule.everyLine !== 'boolean') fail(id, 'everyLine must be a boolean');
  const everyLine = rule.everyLine === true;
  if (!Array.isArray(rule.keywords)) fail(id, 'keywords must be an array of literals');
  if (everyLine && rule.keywords.length > 0) fail(id, 'a rule with keywords must not set everyLine (it would run on every line for nothing)');
  if (!everyLine && rule.keywords.length === 0) fail(id, 'keywords must list at least one literal that every match contains (or set everyLine: true to run the rule on every line)');
  if (rule.caseSensitiveKeywords !== undefined && typeof rule.caseSensitiveKeywords !== 'boolean') fail(id, 'caseSensitiveKeywords must be a boolean');
  const caseSensitive = rule.caseSensitiveKeywords === true;
  const keywords = rule.keywords.map((k: unknown, i) => {
    // eslint-disable-next-line no-control-regex
    if (typeof k !== 'string' || k.length === 0 || (detector === undefined && !/^[\t\x20-\x7e]+$/.test(k))) fail(id, `keyword ${i + 1} must be a non-empty string of printable ASCII (or tab)`);
    return caseSensitive ? k : k.toLowerCase();
  });
  if (rule.tags !== undefined && (!Array.isArray(rule.tags) || rule.tags.some((t) => typeof t !== 'string'))) fail(id, 'tags must be an array of strings');
  if (rule.mask !== undefined && !MASKS.has(rule.mask)) fail(id, `unknown mask (known: ${[...MASKS].join(', ')})`);
  if (rule.checksum !== undefined && !CHECKSUMS.has(rule.checksum)) fail(id, `unknown checksum (known: ${[...CHECKSUMS].join(', ')})`);
  if (rule.minEntropy !== undefined && !(typeof rule.minEntropy === 'number' && rule.minEntropy >= 0 && rule.minEntropy <= 8)) fail(id, 'minEntropy must be a number from 0 to 8');
  const allowlists = compileAllowlists(id, rule.allowlists);

  if (detector !== undefined) {
    return new CompiledRuleImpl(rule, index, undefined, undefined, detector, [0], keywords, caseSensitive, everyLine, allowlists, rule.mask, 0, undefined, false);
  }
  const pattern = rule.pattern;
  // A built-in pattern was checked by the tests (see the module doc): built on first use.
  const program = isBuiltinPattern(pattern) ? undefined : compileProgram(id, pattern);
  const groupCount = countCaptureGroups(pattern);
  const wanted = rule.secretGroup ?? (groupCount > 0 ? 1 : 0);
  const secretGroups = typeof wanted === 'number' ? [wanted] : [...wanted];
  if (secretGroups.length === 0) fail(id, 'secretGroup must name at least one group');
  for (const g of secretGroups) {
    if (!Number.isInteger(g) || g < 0 || g > groupCount) fail(id, `secretGroup ${Number.isInteger(g) ? `${g} ` : ''}does not exist (the pattern has ${groupCount} groups)`);
  }
  return new CompiledRuleImpl(
    rule, index, pattern, program, undefined, secretGroups, keywords, caseSensitive, everyLine, allowlists,
    rule.mask, rule.minEntropy ?? 0, rule.checksum, rule.skipPlaceholders ?? true,
  );
}

/**
 * Compiles `pattern` as a global, byte-indexed RE2 program and checks that it matches no empty
 * string on `EMPTY_PROBES`. Throws `RuleError` (`LOGVEIL_RULE_BAD_PATTERN`,
 * `LOGVEIL_RULE_EMPTY_MATCH`) naming rule `id` and what is wrong (`missing )`), never the
 * pattern: RE2's own message quotes it, so it is neither in the message nor kept as `cause`.
 *
 * @example
 * compileProgram('acme', String.raw`acme_[a-z]{32}`); // the program
 * compileProgram('acme', String.raw`(acme_)?[a-z]*`); // throws LOGVEIL_RULE_EMPTY_MATCH
 */
export function compileProgram(id: string, pattern: string): RE2 {
  let program: RE2;
  try {
    program = new RE2(pattern, 'gd');
  } catch (err) {
    throw new RuleError('LOGVEIL_RULE_BAD_PATTERN', id, `pattern does not compile as RE2: ${re2ErrorKind(err)}`);
  }
  for (const probe of EMPTY_PROBES) {
    program.lastIndex = 0;
    const m = program.exec(Buffer.from(probe));
    if (m !== null && m.indices![0]![1] === m.indices![0]![0]) {
      throw new RuleError('LOGVEIL_RULE_EMPTY_MATCH', id, `pattern can match the empty string (it does on ${JSON.stringify(probe)})`);
    }
  }
  return program;
}

/** The patterns of the built-in catalog's pattern rules, made on the first `compileRule`. */
let builtinPatterns: ReadonlySet<string> | undefined;

/**
 * Whether `pattern` is, character for character, the pattern of a built-in rule — whatever
 * object carries it: a gitleaks config's `useDefault` rules and `{ ...builtin, mask }` are
 * copies, and a worker thread has its own catalog.
 */
function isBuiltinPattern(pattern: string): boolean {
  builtinPatterns ??= new Set(builtinRules.flatMap((r) => (r.detector === undefined ? [r.pattern] : [])));
  return builtinPatterns.has(pattern);
}

/**
 * The one shape of every compiled rule (the matcher's reads of it stay monomorphic). A class,
 * not an object literal with a getter: a getter per literal would give each rule its own
 * hidden class.
 */
class CompiledRuleImpl implements CompiledRule {
  /** Built, or undefined until the first read of `program` (never for a detector rule). */
  #program: RE2 | undefined;
  /** The pattern to build `#program` from; undefined for a detector rule. */
  readonly #pattern: string | undefined;

  constructor(
    readonly rule: Rule,
    readonly index: number,
    pattern: string | undefined,
    program: RE2 | undefined,
    readonly detector: ContextDetector | undefined,
    readonly secretGroups: readonly number[],
    readonly keywords: readonly string[],
    readonly caseSensitive: boolean,
    readonly everyLine: boolean,
    readonly allowlists: readonly CompiledAllowlist[] | undefined,
    readonly mask: MaskStrategy | undefined,
    readonly minEntropy: number,
    readonly checksum: SecretValidation['checksum'],
    readonly skipPlaceholders: boolean,
  ) {
    this.#pattern = pattern;
    this.#program = program;
  }

  get program(): RE2 | undefined {
    return this.#program ?? this.#build();
  }

  /** Whether the RE2 program exists yet (see `isProgramBuilt`). */
  get built(): boolean {
    return this.#program !== undefined;
  }

  #build(): RE2 | undefined {
    if (this.#pattern === undefined) return undefined;
    // A built-in pattern: the tests prove it compiles and matches no empty string.
    this.#program = new RE2(this.#pattern, 'gd');
    debug('rule %s: RE2 program built on its first candidate line', this.rule.id);
    return this.#program;
  }
}

/**
 * Whether `rule`'s RE2 program has been built: at construction for a user rule, on the first
 * line it verifies for a built-in one. Always false for a detector rule. For tests.
 */
export function isProgramBuilt(rule: CompiledRule): boolean {
  return rule instanceof CompiledRuleImpl && rule.built;
}

/**
 * Number of capture groups in an RE2 pattern that compiled: `(` that is not escaped, not in
 * a character class, not in a `\Q…\E` literal, and not `(?` — except the named forms
 * `(?P<name>` and `(?<name>`. PERF: asking RE2 instead (compiling `(?:pattern)|` and reading
 * the length of a match) cost ~1 ms a rule, most of the catalog's start-up time.
 */
export function countCaptureGroups(pattern: string): number {
  let groups = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        i = end === -1 ? pattern.length : end + 1;
      } else {
        i++;
      }
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++; // a leading ] is literal
    } else if (c === '(') {
      if (pattern[i + 1] !== '?') groups++;
      else if (pattern.startsWith('?P<', i + 1) || (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!')) groups++;
    }
  }
  return groups;
}
