/**
 * gitleaks' rule ids for logveil's built-in rules, so a team moving from gitleaks keeps its
 * triage: a `.gitleaksignore` line, a baseline entry, `scan.allowRules` or `--rules` /
 * `--disable` may name a finding's rule by gitleaks' id. Most built-in rules already carry
 * gitleaks' id (`github-pat`, `aws-access-token`, `slack-bot-token`, `stripe-access-token`,
 * `private-key`, …) and need no entry here; this table holds only the ids that differ.
 *
 * Where the ids come from: gitleaks' rule ids are the labels of its own rule fixtures
 * (shared/corpora/gitleaks-fixtures.jsonl, gitleaks v8.30.0-27); the logveil rule that finds
 * each fixture's secret was measured by running the built-in rules over gitleaks' true
 * positives. Four ids without fixtures there (`sendinblue-api-token`,
 * `shopify-custom-access-token`, `shopify-private-app-access-token`, `plaid-api-token`) were
 * checked against gitleaks' default config; their token formats are the same as ours.
 *
 * Two scopes, because some gitleaks rules are one provider's variant of a generic logveil
 * rule:
 * - `rule`: the same kind of secret. The alias works everywhere, selection too:
 *   `--disable generic-api-key` drops logveil's generic context rules, as in gitleaks.
 * - `finding`: gitleaks' rule is narrower than the logveil rule that finds its secrets (its
 *   `sidekiq-sensitive-url` is any URL password to logveil). The alias matches one finding —
 *   a `.gitleaksignore` line (path and line), a baseline entry (fingerprint) — but never
 *   selects or allows a whole rule: `--disable sidekiq-sensitive-url` must not turn off every
 *   URL password.
 *
 * The test (test/rules/gitleaksAliases.test.ts) checks that every alias names existing
 * logveil rules, that no alias is itself a logveil id or tag, and that every gitleaks id of
 * the fixtures is a logveil id, an alias here or in {@link GITLEAKS_IDS_WITHOUT_COUNTERPART}.
 */

/** Where an alias may stand in for logveil's ids (see the module doc). */
export type AliasScope = 'rule' | 'finding';

/** One gitleaks rule id and the logveil rules that find what it finds. */
export interface GitleaksAlias {
  readonly scope: AliasScope;
  readonly logveil: readonly string[];
}

/**
 * gitleaks rule id → logveil rule ids.
 *
 * @example
 * GITLEAKS_ALIASES.get('generic-api-key')?.logveil; // ['generic-secret-assignment', 'json-sensitive-key', 'password-assignment']
 */
export const GITLEAKS_ALIASES: ReadonlyMap<string, GitleaksAlias> = new Map<string, GitleaksAlias>([
  // The same secrets under another name.
  ['generic-api-key', { scope: 'rule', logveil: ['generic-secret-assignment', 'json-sensitive-key', 'password-assignment'] }],
  ['curl-auth-user', { scope: 'rule', logveil: ['curl-user-password'] }],
  ['facebook-page-access-token', { scope: 'rule', logveil: ['facebook-access-token'] }],
  ['easypost-test-api-token', { scope: 'rule', logveil: ['easypost-api-token'] }],
  ['gitlab-pat-routable', { scope: 'rule', logveil: ['gitlab-pat'] }],
  ['gitlab-runner-authentication-token-routable', { scope: 'rule', logveil: ['gitlab-runner-authentication-token'] }],
  ['sendinblue-api-token', { scope: 'rule', logveil: ['brevo-api-key'] }],
  ['shopify-custom-access-token', { scope: 'rule', logveil: ['shopify-access-token'] }],
  ['shopify-private-app-access-token', { scope: 'rule', logveil: ['shopify-access-token'] }],
  ['plaid-api-token', { scope: 'rule', logveil: ['plaid-access-token'] }],
  // One provider's case of a general logveil rule: matches a finding, never a whole rule.
  ['curl-auth-header', { scope: 'finding', logveil: ['http-authorization-header', 'http-secret-header'] }],
  ['sidekiq-sensitive-url', { scope: 'finding', logveil: ['url-userinfo-password'] }],
  ['sidekiq-secret', { scope: 'finding', logveil: ['bundler-credentials'] }],
  ['hashicorp-tf-password', { scope: 'finding', logveil: ['password-assignment'] }],
  ['nuget-config-password', { scope: 'finding', logveil: ['json-sensitive-key'] }],
  ['facebook-secret', { scope: 'finding', logveil: ['generic-secret-assignment'] }],
  ['freemius-secret-key', { scope: 'finding', logveil: ['generic-secret-assignment'] }],
]);

/**
 * gitleaks ids of the fixtures that no logveil rule stands for: client ids (not secrets), a
 * whole service-account file, Kubernetes secret manifests by path, and providers not in the
 * catalog. Listed so the test notices a new gitleaks id.
 */
export const GITLEAKS_IDS_WITHOUT_COUNTERPART: readonly string[] = [
  'cisco-meraki-api-key',
  'discord-client-id',
  'etsy-access-token',
  'gcp-service-account',
  'kubernetes-secret-yaml',
  'messagebird-client-id',
  'privateai-api-token',
];

/**
 * The logveil rule ids `id` stands for in `scope`: the alias's targets when `id` is a gitleaks
 * alias usable there, else `id` itself. A `finding` lookup also takes `rule` aliases.
 *
 * @example
 * logveilRuleIds('curl-auth-user', 'rule');        // ['curl-user-password']
 * logveilRuleIds('sidekiq-secret', 'rule');        // ['sidekiq-secret'] (finding scope only)
 * logveilRuleIds('sidekiq-secret', 'finding');     // ['bundler-credentials']
 * logveilRuleIds('github-pat', 'rule');            // ['github-pat']
 */
export function logveilRuleIds(id: string, scope: AliasScope): readonly string[] {
  const alias = GITLEAKS_ALIASES.get(id);
  if (alias === undefined || (scope === 'rule' && alias.scope !== 'rule')) return [id];
  return alias.logveil;
}

/**
 * True when a rule id written by a user (logveil's or gitleaks') names `ruleId`, the rule of
 * one finding.
 *
 * @example
 * ruleIdMatches('generic-api-key', 'generic-secret-assignment'); // true
 * ruleIdMatches('github-pat', 'github-pat');                     // true
 */
export function ruleIdMatches(written: string, ruleId: string): boolean {
  return written === ruleId || logveilRuleIds(written, 'finding').includes(ruleId);
}

/**
 * A list of rule selectors (`--rules`, `--disable`, `enable`/`disable`, `allowRules`) with
 * each `rule`-scope gitleaks alias replaced by its logveil ids. The first id takes the
 * alias's place and the others go to the end, so an error naming "entry #N" still points at
 * the entry the user wrote.
 *
 * An id that is also one of the user's own rules (`userIds`: a `--gitleaks-config` keeps
 * gitleaks' `generic-api-key`, a rule file may name one so) names that rule alone: `--disable
 * generic-api-key` then turns off the user's rule, not logveil's generic rules beside it.
 *
 * @example
 * expandRuleAliases(['generic-api-key', 'jwt']);
 * // ['generic-secret-assignment', 'jwt', 'json-sensitive-key', 'password-assignment']
 * expandRuleAliases(['generic-api-key'], new Set(['generic-api-key'])); // ['generic-api-key']
 */
export function expandRuleAliases(selectors: readonly string[], userIds: ReadonlySet<string> = new Set()): string[] {
  const extra: string[] = [];
  const out = selectors.map((s) => {
    if (typeof s !== 'string' || userIds.has(s)) return s; // not a string: validated later, by position
    const [first, ...rest] = logveilRuleIds(s, 'rule');
    extra.push(...rest);
    return first!;
  });
  return [...out, ...extra.filter((id) => !out.includes(id))];
}
