/**
 * What a finished scan hands to the output formats: the findings to report (after every
 * allowlist and the baseline), the counts behind them, and the rules that matched.
 * `renderReport` picks the format; each format has its own file.
 */
import { jsonReport } from './jsonReport.js';
import type { ScanFormat } from './scanArgs.js';
import type { ScanFinding } from './scanFinding.js';
import { sarifReport } from './sarifReport.js';
import { textReport } from './textReport.js';

/** What was scanned and what was left out of the report, and why. */
export interface ScanSummary {
  /** Files (and standard input) scanned. */
  readonly files: number;
  readonly bytes: number;
  /** Files skipped as binary. */
  readonly binary: number;
  /** Files not scanned because an `allowPaths` glob matched. */
  readonly allowedPaths: number;
  /** Findings not reported: inline `logveil:allow`, `allowRules`, the baseline, `.gitleaksignore` entries. */
  readonly suppressed: { readonly inline: number; readonly rules: number; readonly baseline: number; readonly gitleaksIgnore: number };
  /** Whether fingerprints were made with the user's key (stable across runs) or a random one. */
  readonly fingerprintKeyed: boolean;
  /**
   * `--git` (scope `history`) or `--staged`: the lines git changes added were scanned, not
   * whole files (`files` counts the paths changed, `bytes` the added lines).
   */
  readonly git?: { readonly scope: 'history' | 'staged'; readonly commits: number };
}

/** A rule as the reports describe it. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly tags: readonly string[];
}

/**
 * @example
 * renderReport({ findings, summary, rules }, 'sarif'); // the SARIF log as a string, ending in "\n"
 */
export interface ScanReport {
  /** Findings to report, in scan order (arguments in order, directories sorted, then by offset). */
  readonly findings: readonly ScanFinding[];
  readonly summary: ScanSummary;
  /** Descriptions of the rules, by id (at least every rule a finding names). */
  readonly rules: ReadonlyMap<string, RuleInfo>;
}

/** The report in `format`, ready for stdout. */
export function renderReport(report: ScanReport, format: ScanFormat): string {
  switch (format) {
    case 'json':
      return jsonReport(report);
    case 'sarif':
      return sarifReport(report);
    case 'text':
      return textReport(report);
  }
}
