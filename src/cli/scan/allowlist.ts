/**
 * The config allowlist of `logveil scan`: files whose paths match an `allowPaths` glob are
 * not scanned at all; findings of an `allowRules` rule are not reported. (The third way to
 * allow, an inline `logveil:allow` on the line, is applied where the bytes are: see
 * contentScanner.ts.) Both are counted, so a report can say how much was allowed. A rule may
 * be named by gitleaks' id where it finds the same kind of secret (`generic-api-key`).
 */
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { expandRuleAliases } from '../../rules/gitleaksAliases.js';
import type { ScanAllow } from './scanArgs.js';

/**
 * @example
 * const allow = compileAllowlist({ paths: ['test/fixtures/**'], rules: ['jwt'] });
 * allow.path('test/fixtures/keys.pem'); // true
 * allow.rule('jwt');                    // true
 */
export interface Allowlist {
  /** True when `path` (as scanned, relative or absolute) matches an `allowPaths` glob. */
  path(path: string): boolean;
  /** True when `ruleId` is in `allowRules` (by its id or a gitleaks alias of the same kind: see src/rules/gitleaksAliases.ts). */
  rule(ruleId: string): boolean;
}

/** Compiles the globs once (picomatch, with `dot: true` so `**` also matches `.github/…`). */
export function compileAllowlist(allow: ScanAllow, cwd: string = process.cwd()): Allowlist {
  const isMatch = allow.paths.length === 0 ? () => false : picomatch([...allow.paths], { dot: true });
  // The ids as written too: a gitleaks config's own rule may carry a gitleaks id (generic-api-key).
  const rules = new Set([...allow.rules, ...expandRuleAliases(allow.rules)]);
  return {
    path(path) {
      if (allow.paths.length === 0 || path === '-') return false;
      let rel = relative(cwd, resolve(cwd, path));
      if (sep !== '/') rel = rel.split(sep).join('/');
      return isMatch(rel);
    },
    rule: (ruleId) => rules.has(ruleId),
  };
}
