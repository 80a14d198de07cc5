/**
 * The human format of `logveil scan` (the default): one heading line per finding in the
 * `path:line:column` form editors and terminals link, the rule and (with a key) the
 * fingerprint, the masked excerpt indented below, then a summary line. Paths are shown
 * {@link printable} (a file name can hold a newline or an escape sequence); the JSON and
 * SARIF reports carry the real path, escaped.
 *
 * ```text
 * src/db.ts:12:28  url-userinfo-password  fp 4f1c9a2e
 *     const url = 'postgres://app:[REDACTED:url-userinfo-password]@db/app';
 *
 * 1 finding in 1 file (scanned 120 files, 1.2 MB; suppressed 2 inline)
 * ```
 *
 * With `--git`, the heading also names the commit (12 hex digits) and its author day, and the
 * line is the line in that commit's file:
 *
 * ```text
 * config/app.env:3:10  password-assignment  fp 4f1c9a2e  commit 3f2a9c1d7e4b 2026-12-07
 *     PASSWORD=[REDACTED:password-assignment]
 *
 * 1 finding in 1 file (scanned 42 commits: 57 files, 12.3 kB added)
 * ```
 */
import { printable } from './excerpt.js';
import type { ScanReport, ScanSummary } from './scanReport.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function megabytes(n: number): string {
  return n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`;
}

/** What was scanned: files, or the lines git changes added (`--git`, `--staged`). */
function scannedWhat(s: ScanSummary): string {
  if (s.git === undefined) return `scanned ${plural(s.files, 'file')}, ${megabytes(s.bytes)}`;
  const files = `${plural(s.files, 'file')}, ${megabytes(s.bytes)} added`;
  return s.git.scope === 'staged' ? `scanned the staged changes: ${files}` : `scanned ${plural(s.git.commits, 'commit')}: ${files}`;
}

/** What was scanned and left out, in words. */
function details(s: ScanSummary): string {
  const parts = [scannedWhat(s)];
  if (s.binary > 0) parts.push(`skipped ${s.binary} binary`);
  if (s.allowedPaths > 0) parts.push(`skipped ${s.allowedPaths} by allowPaths`);
  const sup = [
    s.suppressed.baseline > 0 ? `${s.suppressed.baseline} by the baseline` : '',
    s.suppressed.inline > 0 ? `${s.suppressed.inline} inline` : '',
    s.suppressed.rules > 0 ? `${s.suppressed.rules} by allowRules` : '',
    s.suppressed.gitleaksIgnore > 0 ? `${s.suppressed.gitleaksIgnore} by .gitleaksignore` : '',
  ].filter((p) => p !== '');
  if (sup.length > 0) parts.push(`suppressed ${sup.join(', ')}`);
  return parts.join('; ');
}

/**
 * The closing line of the text report, without its newline: also what `--report-path`
 * prints on stderr.
 *
 * @example
 * summaryLine({ findings: [], summary }); // 'no findings (scanned 3 files, 1.2 kB)'
 */
export function summaryLine(report: Pick<ScanReport, 'findings' | 'summary'>): string {
  const { findings, summary } = report;
  if (findings.length === 0) return `no findings (${details(summary)})`;
  const files = new Set(findings.map((f) => f.path)).size;
  return `${plural(findings.length, 'finding')} in ${plural(files, 'file')} (${details(summary)})`;
}

/**
 * @example
 * textReport({ findings: [], summary, rules }); // 'no findings (scanned 3 files, 1.2 kB)\n'
 */
export function textReport(report: ScanReport): string {
  const { findings, summary } = report;
  let out = '';
  for (const f of findings) {
    const commit = f.commit === undefined ? '' : `  commit ${f.commit.sha.slice(0, 12)} ${f.commit.date.slice(0, 10)}`;
    out += `${printable(f.path)}:${f.line}:${f.column}  ${f.ruleId}${summary.fingerprintKeyed ? `  fp ${f.fingerprint}` : ''}${commit}\n`;
    out += `    ${f.excerpt}\n`;
  }
  return `${out}${findings.length === 0 ? '' : '\n'}${summaryLine(report)}\n`;
}
