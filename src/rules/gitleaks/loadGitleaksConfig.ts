/** Reading a gitleaks config from a file: the `gitleaksConfig` option and `--gitleaks-config`. */
import { readFileSync } from 'node:fs';
import { OptionsError } from '../../errors.js';
import { importGitleaksConfig, type GitleaksImport } from './importGitleaksConfig.js';

/**
 * Reads and imports the gitleaks TOML config at `path`; each skipped feature goes to `warn`.
 * Throws `OptionsError` when the file cannot be read, and what `importGitleaksConfig` throws.
 *
 * @example
 * const { rules, builtins } = loadGitleaksConfig('.gitleaks.toml', console.warn);
 */
export function loadGitleaksConfig(path: string, warn: (message: string) => void): GitleaksImport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'gitleaksConfig', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const imported = importGitleaksConfig(text, path);
  for (const w of imported.warnings) warn(w);
  return imported;
}
