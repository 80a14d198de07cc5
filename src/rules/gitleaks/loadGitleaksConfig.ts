/**
 * Reading a gitleaks config from a file: the `gitleaksConfig` option and `--gitleaks-config`.
 * Only a regular file of at most `MAX_CONFIG_FILE` (4 MiB) is read, checked before a byte is
 * (a FIFO would block, `/dev/zero` would never end).
 */
import { OptionsError } from '../../errors.js';
import { MAX_CONFIG_FILE, readRegularFile, UnreadableFile } from '../../regularFile.js';
import { importGitleaksConfig, type GitleaksImport } from './importGitleaksConfig.js';

/**
 * Reads and imports the gitleaks TOML config at `path`; each skipped feature goes to `warn`.
 * Throws `OptionsError` when the file cannot be read, is not a regular file or is over
 * `MAX_CONFIG_FILE`, and what `importGitleaksConfig` throws.
 *
 * @example
 * const { rules, builtins } = loadGitleaksConfig('.gitleaks.toml', console.warn);
 */
export function loadGitleaksConfig(path: string, warn: (message: string) => void): GitleaksImport {
  let text: string;
  try {
    text = readRegularFile(path, MAX_CONFIG_FILE).toString('utf8');
  } catch (err) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'gitleaksConfig', `cannot read ${path}: ${err instanceof UnreadableFile ? err.reason : String(err)}`);
  }
  const imported = importGitleaksConfig(text, path);
  for (const w of imported.warnings) warn(w);
  return imported;
}
