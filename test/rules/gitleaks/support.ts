/**
 * Helpers for the gitleaks import tests: a config (TOML text written for the test) → a
 * redactor that runs exactly what the config asks for, through the public `createRedactor`.
 */
import { createRedactor, type Redactor } from '../../../src/index.js';
import { importGitleaksConfig, type GitleaksImport } from '../../../src/rules/gitleaks/index.js';

/** Imports `toml` as `test.toml`. */
export function importToml(toml: string): GitleaksImport {
  return importGitleaksConfig(toml, 'test.toml');
}

/** A redactor with the config's rules (and, with `useDefault`, the built-ins it keeps) only. */
export function redactorFor(toml: string): Redactor {
  const config = importToml(toml);
  return createRedactor({ rules: [...config.builtins, ...config.rules], builtins: false });
}

/** Masks `text` with the rules of `toml`. */
export function redact(toml: string, text: string): string {
  return redactorFor(toml).redact(text);
}
