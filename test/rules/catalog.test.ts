/// <reference types="vite/client" />
/**
 * Table tests for every built-in rule: each row of test/rules/cases/*.ts is run through the
 * reference engine (the rule alone) and checked for the exact secret bytes, and every
 * positive row's match is checked against the rule's keyword contract.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/rules/rule.js';
import type { RuleCase } from './case.js';
import { compileAll, referenceSpans } from '../support/referenceEngine.js';

const ruleModules = import.meta.glob<Record<string, unknown>>('../../src/rules/catalog/*.ts', { eager: true });
const caseModules = import.meta.glob<{ cases: readonly RuleCase[] }>('./cases/*.ts', { eager: true });

const catalog: Rule[] = [];
for (const mod of Object.values(ruleModules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (name.endsWith('Rules') && Array.isArray(value) && name !== 'builtinRules') catalog.push(...(value as Rule[]));
  }
}
const cases: RuleCase[] = Object.values(caseModules).flatMap((m) => [...m.cases]);
const compiled = compileAll(catalog);
const byId = new Map(compiled.map((c) => [c.rule.id, c]));

describe('rule catalog', () => {
  it('has unique ids', () => {
    const ids = catalog.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a positive and a negative row for every rule', () => {
    const missing: string[] = [];
    for (const r of catalog) {
      const rows = cases.filter((c) => c.rule === r.id);
      if (!rows.some((c) => c.secret !== undefined)) missing.push(`${r.id}: no positive row`);
      if (!rows.some((c) => c.negative)) missing.push(`${r.id}: no negative row`);
    }
    expect(missing).toEqual([]);
  });

  it('has no row for an unknown rule', () => {
    expect(cases.filter((c) => !byId.has(c.rule)).map((c) => c.rule)).toEqual([]);
  });
});

describe.each(cases.filter((c) => byId.has(c.rule)).map((c, i) => [`${c.rule} #${i}${c.negative ? ' (negative)' : ''}`, c] as const))('%s', (_name, row) => {
  const rule = byId.get(row.rule)!;
  const text = Buffer.from(row.text);
  const spans = referenceSpans([rule], text);
  const found = spans.map((s) => text.subarray(s.start, s.end).toString());
  if (row.negative) {
    it('does not fire', () => expect(found).toEqual([]));
  } else {
    it('finds exactly the secret', () => expect(found).toContain(row.secret));
    it('keeps the keyword contract: every match contains a keyword', () => {
      const program = rule.program;
      if (program === undefined) {
        // A detector rule: its line must hold one of its keywords (the engine finds keys by them).
        const line = rule.caseSensitive ? row.text : row.text.toLowerCase();
        expect(rule.keywords.some((k) => line.includes(k))).toBe(true);
        return;
      }
      program.lastIndex = 0;
      const matches: string[] = [];
      for (let m = program.exec(text); m !== null; m = program.exec(text)) {
        const match = m[0]!.toString();
        matches.push(rule.caseSensitive ? match : match.toLowerCase());
      }
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) expect(rule.keywords.some((k) => m.includes(k)), m).toBe(true);
    });
  }
});
