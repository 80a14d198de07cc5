/**
 * `logveil scan`: a secret-scanning gate for CI and pre-commit hooks (exit 1 on a finding).
 *
 * Start at `runScan.ts` (the run, in order). Then: `scanArgs.ts` (flags, config, environment;
 * JSON files read by `../jsonFile.ts`), `walkTree.ts` + `gitIgnores.ts` + `gitTracked.ts` (which
 * files), `scanPool.ts` + `scanWorker.ts` (every core), `scanInput.ts` (reading a file or
 * stdin in blocks of complete lines, never cut inside a PEM key),
 * `contentScanner.ts` (bytes → findings with line, column and masked excerpt; PEM keys from
 * `pemBlocks.ts`, excerpts from `excerpt.ts`), `allowlist.ts`, `baseline.ts` and
 * `gitleaksIgnore.ts` (what is not reported; gitleaks' rule ids from
 * `../../rules/gitleaksAliases.ts`), `scanReport.ts` with `textReport.ts`, `jsonReport.ts`,
 * `sarifReport.ts` (the output; `reportFile.ts` for `--report-path`), `progressBar.ts`
 * (stderr, on a terminal only).
 *
 * Invariants: no secret byte is ever written — findings carry offsets and keyed fingerprints,
 * excerpts are masked from the spans the redactor found, and control characters are
 * replaced (in paths too, in the text report and on stderr); an error message names a file,
 * never quotes it. A file that cannot be read fails the whole scan (exit 2): a gate that
 * skipped it would pass what it never saw (a symbolic link to nothing holds nothing to see,
 * and is skipped with a warning). A file git tracks is never skipped by `.gitignore`.
 */
export { runScan } from './runScan.js';
export { SCAN_EXIT_CLEAN, SCAN_EXIT_ERROR, SCAN_EXIT_FINDINGS, SCAN_USAGE } from './scanUsage.js';
