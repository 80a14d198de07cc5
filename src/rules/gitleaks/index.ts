/**
 * Import of gitleaks TOML configs: `importGitleaksConfig(text, fileName)` turns a config into
 * logveil rules that run through the same prefilter and RE2 engine as the built-ins.
 *
 * Start reading at `importGitleaksConfig.ts` (the file as a whole: `[extend]`, global
 * allowlists, which built-ins stay), then `gitleaksRule.ts` (one `[[rules]]` entry) and
 * `gitleaksAllowlist.ts`; `configTable.ts` reads TOML tables the way gitleaks does
 * (case-insensitive keys, typed values).
 *
 * Invariants: the result is plain data (rules cross into worker threads); nothing a config
 * asks for is dropped silently — what does not apply to log lines (file paths, commits,
 * other config files) is skipped with one warning each, what logveil does not implement is
 * an error with code `LOGVEIL_GITLEAKS_UNSUPPORTED`; where logveil cannot do exactly what
 * gitleaks does it masks more, never less (an AND allowlist that needs a path never allows).
 */
export { importGitleaksConfig, type GitleaksImport } from './importGitleaksConfig.js';
