/**
 * `logveil scan --format json`: the findings and the summary as one JSON document. It is also
 * a baseline: `--baseline` reads its `findings` back (by rule id and fingerprint), and its
 * `fingerprintKeyed` says whether the fingerprints can match another run.
 *
 * ```json
 * { "tool": "logveil", "version": "0.1.0", "fingerprintKeyed": true,
 *   "findings": [{ "path": "src/db.ts", "line": 12, "column": 28, "endLine": 12, "endColumn": 38,
 *                  "start": 311, "end": 321, "ruleId": "url-userinfo-password",
 *                  "fingerprint": "4f1c9a2e", "excerpt": "const url = 'postgres://app:[REDACTED:url-userinfo-password]@db/app';" }],
 *   "summary": { "files": 120, "bytes": 1200000, "binary": 0, "allowedPaths": 0,
 *                "suppressed": { "inline": 2, "rules": 0, "baseline": 0, "gitleaksIgnore": 0 } } }
 * ```
 *
 * With `--git` each finding also has `commit` (full hex) and `date` (author date, ISO 8601),
 * and the summary `"git": { "scope": "history", "commits": 42 }` (`"staged"` for `--staged`).
 */
import { VERSION } from '../version.js';
import type { ScanReport } from './scanReport.js';

/**
 * @example
 * JSON.parse(jsonReport(report)).findings[0].fingerprint; // '4f1c9a2e'
 */
export function jsonReport(report: ScanReport): string {
  const { fingerprintKeyed, ...summary } = report.summary;
  const findings = report.findings.map((f) => ({
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    start: f.start,
    end: f.end,
    ruleId: f.ruleId,
    fingerprint: f.fingerprint,
    excerpt: f.excerpt,
    ...(f.commit === undefined ? {} : { commit: f.commit.sha, date: f.commit.date }),
  }));
  return `${JSON.stringify({ tool: 'logveil', version: VERSION, fingerprintKeyed, findings, summary }, null, 2)}\n`;
}
