/**
 * The rule model. A rule is plain data: it crosses into worker threads by structured clone
 * and is validated and compiled once, by `compileMatcher`.
 */

/**
 * The shape of a rule id: 1-80 characters of `a-z`, `0-9`, `.`, `_`, `-`, starting with a
 * letter or digit (ids appear in mask labels and in `enable`/`disable` lists).
 */
export const RULE_ID_SHAPE = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/** How a secret is replaced. See `src/mask/`. */
export type MaskStrategy = 'redact' | 'label' | 'partial' | 'hash' | 'fixed' | 'remove';

/**
 * Checks a format carries that a pattern cannot express, verified after the pattern matched:
 * a token's checksum (`github-crc32`, `npm-crc32`), a payment card's issuer range and Luhn
 * digit (`payment-card`), an IBAN's country length and mod-97 digits (`iban`), a US Social
 * Security number's reserved ranges (`us-ssn`). A match that fails is left untouched.
 */
export type ChecksumKind = 'github-crc32' | 'npm-crc32' | 'payment-card' | 'iban' | 'us-ssn';

/**
 * An allowlist: a match it allows is not a secret and is left alone. The semantics are
 * gitleaks' (`src/rules/gitleaks/` imports them): each check that is given — `regexes`,
 * `stopwords` — is evaluated, and the allowlist allows the match when any of them passes
 * (`condition: 'or'`, the default) or when all of them do (`'and'`). Checked only after the
 * pattern matched and the validators passed, so a rule's cost on clean lines is unchanged.
 *
 * @example
 * const allowlist: RuleAllowlist = {
 *   description: 'test fixtures',
 *   regexes: [String.raw`^acme_test_`],
 *   stopwords: ['sample'],
 * };
 */
export interface RuleAllowlist {
  readonly description?: string;
  /** RE2 patterns, unanchored: the check passes when one of them matches the `regexTarget`. */
  readonly regexes?: readonly string[];
  /**
   * What `regexes` are matched against: the secret (default), the rule's whole match, or the
   * whole line the match is on (without its line break).
   */
  readonly regexTarget?: 'secret' | 'match' | 'line';
  /** The check passes when the secret contains one of these, compared case-insensitively. */
  readonly stopwords?: readonly string[];
  /** `'or'` (default): any given check allows the match; `'and'`: every given check must. */
  readonly condition?: 'or' | 'and';
}

/**
 * One detection rule.
 *
 * Contract with the prefilter: every match of `pattern` contains at least one of `keywords`,
 * compared ASCII-case-insensitively (or exactly, with `caseSensitiveKeywords`). A keyword is what makes a line a candidate for the rule;
 * a rule whose matches could avoid all its keywords would silently miss secrets, which is why
 * the catalog tests check it for every true-positive row. (Precisely: a rule runs on the lines
 * that contain one of its keywords anywhere — gitleaks' own keyword semantics, per line.)
 * A rule that has no keyword says so with `everyLine: true` and runs on every line.
 *
 * @example
 * const rule: Rule = {
 *   id: 'acme-api-key',
 *   description: 'ACME API key',
 *   tags: ['acme', 'api-key'],
 *   pattern: String.raw`\b(acme_[A-Za-z0-9]{32})\b`,
 *   keywords: ['acme_'],
 * };
 */
export interface Rule {
  /** Unique, kebab-case (`github-pat`). Used in labels, findings and `disable` lists. */
  readonly id: string;
  readonly description: string;
  /** Provider first, then kind (`['github', 'token', 'vcs']`). Usable in `rules`/`disable`. */
  readonly tags: readonly string[];
  /**
   * RE2 syntax (Go-compatible): inline flags such as `(?i)` work, lookaround does not.
   * Empty for a rule that names a `detector` instead.
   */
  readonly pattern: string;
  /**
   * A built-in detector of the context engine (`src/context/`) instead of a pattern: it
   * finds key/value pairs in any syntax and reports those of one kind — `json-pair`
   * (quoted JSON keys at any escaping depth), `password-pair` and `secret-pair` (password
   * and other credential keys in every other syntax), `cli-flag` (command-line options),
   * `cookie` (the credential values of a Cookie / Set-Cookie header).
   * Its `keywords` must be the engine's (`CONTEXT_KEYWORDS`); `secretGroup`, `minEntropy`
   * and `checksum` do not apply (the engine classifies values itself).
   */
  readonly detector?: 'json-pair' | 'password-pair' | 'secret-pair' | 'cli-flag' | 'cookie';
  /**
   * ASCII literals; any match contains one of them. At least one, unless `everyLine` is set
   * (then none). Compared ASCII-case-insensitively unless `caseSensitiveKeywords` is set.
   */
  readonly keywords: readonly string[];
  /**
   * The rule has no keyword (`keywords: []`) and its pattern runs on every line, not only on
   * the prefilter's candidate lines: one RE2 call per line, far slower than a keyword rule.
   * For imported rules that name no literal (gitleaks rules may have no `keywords`). Default
   * false; a rule with keywords must not set it.
   */
  readonly everyLine?: boolean;
  /**
   * Match `keywords` exactly as written. Use it for token prefixes whose case is fixed by the
   * format (`AKIA`, `ghp_`, `xoxb-`): the prefilter then skips `api-3` hostnames for an
   * `API-` prefix, or `Asia/Tokyo` for `ASIA`. Default false.
   */
  readonly caseSensitiveKeywords?: boolean;
  /**
   * The capture group that is the secret: a number, or several (the first that took part in
   * the match with a non-empty value wins, for alternations such as quoted vs bare values).
   * Default: 1 when the pattern has a group, else the whole match.
   */
  readonly secretGroup?: number | readonly number[];
  /** Minimum Shannon entropy of the secret in bits per byte; below it the match is skipped. */
  readonly minEntropy?: number;
  /** A check the secret must pass (GitHub's and npm's tokens end in a CRC32; see `ChecksumKind`). */
  readonly checksum?: ChecksumKind;
  /**
   * Skip values that look like placeholders (`${VAR}`, `<token>`, `xxxx`, `changeme`,
   * documentation examples). Default true.
   */
  readonly skipPlaceholders?: boolean;
  /** Mask strategy for this rule, overriding the redactor's default. */
  readonly mask?: MaskStrategy;
  /** Matches these allow are not secrets (checked after the validators). Default none. */
  readonly allowlists?: readonly RuleAllowlist[];
}
