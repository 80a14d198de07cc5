/// <reference types="vite/client" />
/**
 * A built-in rule's RE2 program is built on the first line it verifies, not at construction
 * (PERF, see `src/matcher/compileRule.ts`). What the eager build checked is checked here, once
 * for every built-in pattern; a user rule is still compiled and probed at construction and
 * fails there with its code; and laziness changes no span.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, type Matcher } from '../../src/matcher/compileMatcher.js';
import { compileProgram, isProgramBuilt } from '../../src/matcher/compileRule.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { importGitleaksConfig } from '../../src/rules/gitleaks/index.js';
import type { Rule } from '../../src/rules/rule.js';
import type { RuleCase } from '../rules/case.js';

const caseModules = import.meta.glob<{ cases: readonly RuleCase[] }>('../rules/cases/*.ts', { eager: true });
const cases: RuleCase[] = Object.values(caseModules).flatMap((m) => [...m.cases]);
const patternRules = builtinRules.filter((r) => r.detector === undefined);
/** Ids of the rules of `matcher` whose program is built. */
const builtIds = (matcher: Matcher) => matcher.rules.filter(isProgramBuilt).map((r) => r.rule.id);

/** A user rule (not a built-in pattern) with the same matches as `rule`: compiled eagerly. */
function eagerTwin(rule: Rule): Rule {
  return rule.detector === undefined ? { ...rule, pattern: `(?:${rule.pattern})` } : rule;
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

describe('built-in patterns', () => {
  it.each(patternRules.map((r) => [r.id, r] as const))('%s compiles and matches no empty string', (_id, rule) => {
    expect(() => compileProgram(rule.id, rule.pattern)).not.toThrow();
  });
});

describe('lazy compilation', () => {
  it('builds no built-in program at construction, nor for a line without a keyword', () => {
    const matcher = compileMatcher(builtinRules);
    expect(builtIds(matcher)).toEqual([]);
    expect(matcher.findSpans(Buffer.from('GET /healthz 200 3ms\nworker 7 idle\n'))).toEqual([]);
    expect(builtIds(matcher)).toEqual([]);
  });

  it("builds a rule's program on the first line whose keyword makes it a candidate, and only the candidates'", () => {
    const matcher = compileMatcher(builtinRules);
    const github = matcher.rules.findIndex((r) => r.rule.id === 'github-pat');
    const row = cases.find((c) => c.rule === 'github-pat' && c.secret !== undefined)!;
    const buf = Buffer.from(row.text);
    const found = matcher.findSpans(buf).map((s) => buf.subarray(s.start, s.end).toString());
    expect(found).toContain(row.secret);
    expect(isProgramBuilt(matcher.rules[github]!)).toBe(true);
    const built = builtIds(matcher);
    expect(built).toContain('github-pat');
    expect(built.length).toBeLessThan(patternRules.length / 4);
    for (const id of built) {
      const c = matcher.rules.find((r) => r.rule.id === id)!;
      expect(c.keywords.some((k) => (c.caseSensitive ? row.text : row.text.toLowerCase()).includes(k)), id).toBe(true);
    }
  });

  it('is per matcher: a second matcher over the same rules starts unbuilt', () => {
    const first = compileMatcher(builtinRules);
    first.findSpans(Buffer.from(cases.find((c) => c.rule === 'github-pat' && c.secret !== undefined)!.text));
    expect(builtIds(compileMatcher(builtinRules))).toEqual([]);
  });

  it('keeps a copy of a built-in rule lazy (a gitleaks useDefault rule, { ...rule, mask })', () => {
    const copies = builtinRules.map((r) => ({ ...r, mask: 'hash' as const }));
    expect(builtIds(compileMatcher(copies))).toEqual([]);
    const config = importGitleaksConfig('[extend]\nuseDefault = true\n[allowlist]\nstopwords = ["example"]\n', 'test.toml');
    expect(builtIds(compileMatcher(config.builtins))).toEqual([]);
  });

  it("builds a user rule's program at construction", () => {
    const rule: Rule = { id: 'acme', description: '', tags: [], pattern: String.raw`acme_[a-z0-9]{16}`, keywords: ['acme_'] };
    const matcher = compileMatcher([...builtinRules, rule]);
    expect(builtIds(matcher)).toEqual(['acme']);
  });
});

describe('a bad user rule still fails at construction', () => {
  const base: Rule = { id: 'acme', description: '', tags: [], pattern: 'acme_[a-z]{8}', keywords: ['acme_'] };
  it.each([
    ['a pattern RE2 rejects', '(unclosed', 'LOGVEIL_RULE_BAD_PATTERN'],
    ['lookahead (not RE2)', 'acme_(?=x)', 'LOGVEIL_RULE_BAD_PATTERN'],
    ['a pattern that matches the empty string', 'acme_|x*', 'LOGVEIL_RULE_EMPTY_MATCH'],
    ['a built-in pattern made optional', `(?:${builtinRules.find((r) => r.id === 'github-pat')!.pattern})?`, 'LOGVEIL_RULE_EMPTY_MATCH'],
  ])('%s → %s', (_name, pattern, code) => {
    expect(catchError(() => compileMatcher([...builtinRules, { ...base, pattern }]))).toMatchObject({ code, ruleId: 'acme' });
  });

  it('from a gitleaks config (its rules are user rules)', () => {
    const config = importGitleaksConfig("[[rules]]\nid = 'acme'\nregex = '''(acme_[a-z]{8})?'''\nkeywords = ['acme_']\n", 'test.toml');
    expect(catchError(() => compileMatcher([...builtinRules, ...config.rules]))).toMatchObject({ code: 'LOGVEIL_RULE_EMPTY_MATCH', ruleId: 'acme' });
  });
});

describe('lazy and eager find the same spans', () => {
  const lazy = compileMatcher(builtinRules);
  const eager = compileMatcher(builtinRules.map(eagerTwin));

  it('the eager twins are user rules, built at construction', () => {
    expect(builtIds(eager)).toHaveLength(patternRules.length);
  });

  it('on every row of the rule tables, one line at a time and all lines at once', () => {
    expect(cases.length).toBeGreaterThan(patternRules.length);
    for (const row of cases) {
      const buf = Buffer.from(row.text);
      expect(lazy.findSpans(buf), `${row.rule}: ${row.text}`).toEqual(eager.findSpans(buf));
    }
    const all = Buffer.from(cases.map((c) => c.text).join('\n'));
    const spans = lazy.findSpans(all);
    expect(spans.length).toBeGreaterThan(cases.length / 2);
    expect(spans).toEqual(eager.findSpans(all));
  });
});
