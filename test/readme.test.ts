/** Claims the README makes that a test can hold it to. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');

describe('README', () => {
  it('states the real number of built-in rules', () => {
    const claims = [...readme.matchAll(/(\d+) (?:built-in )?rules/g)].map((m) => Number(m[1]));
    expect(claims.length).toBeGreaterThan(0);
    for (const n of claims) expect(n).toBe(builtinRules.length);
    expect(changelog).toContain(`${builtinRules.length} built-in rules`);
  });

  it('gives the two commands of the contract', () => {
    expect(readme).toContain('npm ci && npm run example');
    expect(readme).toContain('npm ci && npm test');
  });
});
