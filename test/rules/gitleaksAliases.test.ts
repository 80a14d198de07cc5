/**
 * The gitleaks rule-id aliases (src/rules/gitleaksAliases.ts): every alias names existing
 * logveil rules, none shadows a logveil id or tag, and every gitleaks id labelling the
 * gitleaks fixtures (../shared/corpora) is accounted for. Where a fixture carries its secret,
 * an alias's logveil rules really find it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { expandRuleAliases, GITLEAKS_ALIASES, GITLEAKS_IDS_WITHOUT_COUNTERPART, logveilRuleIds, ruleIdMatches } from '../../src/rules/gitleaksAliases.js';

const ids = new Set(builtinRules.map((r) => r.id));
const tags = new Set(builtinRules.flatMap((r) => r.tags));

const here = dirname(fileURLToPath(import.meta.url));
const folder = process.env.LOGVEIL_CORPORA ?? resolve(here, '../../../shared/corpora');
const file = join(folder, 'gitleaks-fixtures.jsonl');
const present = existsSync(file);
if (!present && process.env.CI) throw new Error(`gitleaks fixtures not found at ${file} (CI must have ../shared/corpora)`);

interface Sample {
  readonly rule: string;
  readonly kind: 'tp' | 'fp';
  readonly text: string;
  readonly secret?: string;
}
const samples: Sample[] = present
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Sample)
  : [];

describe('GITLEAKS_ALIASES', () => {
  it.each([...GITLEAKS_ALIASES])('%s names existing logveil rules and is not itself a logveil id or tag', (alias, { logveil }) => {
    expect(logveil.length).toBeGreaterThan(0);
    for (const id of logveil) expect(ids.has(id), id).toBe(true);
    expect(ids.has(alias)).toBe(false);
    expect(tags.has(alias)).toBe(false);
  });

  it('lists no gitleaks id twice, and none both as an alias and as without a counterpart', () => {
    for (const id of GITLEAKS_IDS_WITHOUT_COUNTERPART) {
      expect(GITLEAKS_ALIASES.has(id)).toBe(false);
      expect(ids.has(id)).toBe(false);
    }
    expect(new Set(GITLEAKS_IDS_WITHOUT_COUNTERPART).size).toBe(GITLEAKS_IDS_WITHOUT_COUNTERPART.length);
  });

  it.skipIf(!present)('accounts for every gitleaks rule id of the fixtures: a logveil id, an alias, or listed without a counterpart', () => {
    const gitleaksIds = [...new Set(samples.map((s) => s.rule))].sort();
    expect(gitleaksIds.length).toBeGreaterThan(90);
    const unknown = gitleaksIds.filter((id) => !ids.has(id) && !GITLEAKS_ALIASES.has(id) && !GITLEAKS_IDS_WITHOUT_COUNTERPART.includes(id));
    expect(unknown).toEqual([]);
  });

  /** [gitleaks rule, logveil rule]: a secret of a specific format under a generic key is found by its format's rule. */
  const MORE_SPECIFIC: readonly (readonly [string, string])[] = [['generic-api-key', 'clojars-api-token']];

  it.skipIf(!present)("the secret of an aliased gitleaks rule's true positive, where logveil finds it, is found by the alias's logveil rules", () => {
    const redactor = createRedactor({ fingerprintKey: 'k', learn: false });
    let checked = 0;
    for (const s of samples) {
      const alias = GITLEAKS_ALIASES.get(s.rule);
      if (alias === undefined || s.kind !== 'tp' || s.secret === undefined) continue;
      const text = Buffer.from(s.text);
      const at = text.indexOf(s.secret);
      const found = redactor.scan(text).filter((f) => f.start <= at && f.end >= at + Buffer.byteLength(s.secret!));
      if (found.length === 0) continue; // a miss is the corpus test's business (test/corpus/gitleaks-fixtures.test.ts)
      const ok = found.some((f) => alias.logveil.includes(f.ruleId) || MORE_SPECIFIC.some(([g, l]) => g === s.rule && l === f.ruleId));
      expect(ok, `${s.rule}: ${found.map((f) => f.ruleId).join(',')}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('logveilRuleIds, ruleIdMatches, expandRuleAliases', () => {
  const cases: [string, 'rule' | 'finding', string[]][] = [
    ['curl-auth-user', 'rule', ['curl-user-password']],
    ['sidekiq-secret', 'rule', ['sidekiq-secret']],
    ['sidekiq-secret', 'finding', ['bundler-credentials']],
    ['generic-api-key', 'finding', ['generic-secret-assignment', 'json-sensitive-key', 'password-assignment']],
    ['github-pat', 'rule', ['github-pat']],
    ['not-a-rule', 'finding', ['not-a-rule']],
  ];
  it.each(cases)('%s in %s scope → %j', (id, scope, expected) => {
    expect(logveilRuleIds(id, scope)).toEqual(expected);
  });

  it('matches a finding by its own id or a gitleaks alias of either scope, nothing else', () => {
    expect(ruleIdMatches('github-pat', 'github-pat')).toBe(true);
    expect(ruleIdMatches('generic-api-key', 'password-assignment')).toBe(true);
    expect(ruleIdMatches('sidekiq-sensitive-url', 'url-userinfo-password')).toBe(true);
    expect(ruleIdMatches('sidekiq-sensitive-url', 'generic-secret-assignment')).toBe(false);
    expect(ruleIdMatches('github-oauth', 'github-pat')).toBe(false);
  });

  it('expands rule-scope aliases in place (entry positions kept), leaves finding-scope ones and logveil ids', () => {
    expect(expandRuleAliases(['jwt', 'generic-api-key', 'sidekiq-secret', 'shopify-custom-access-token'])).toEqual([
      'jwt', 'generic-secret-assignment', 'sidekiq-secret', 'shopify-access-token', 'json-sensitive-key', 'password-assignment',
    ]);
    expect(expandRuleAliases(['shopify-custom-access-token', 'shopify-private-app-access-token'])).toEqual(['shopify-access-token', 'shopify-access-token']);
  });
});
