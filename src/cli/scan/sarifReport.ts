/**
 * `logveil scan --format sarif`: a SARIF 2.1.0 log (one run) for code-scanning uploads such
 * as GitHub's `upload-sarif`. Every result is `error` level, located by path, line and column
 * (`columnKind` utf16CodeUnits), and carries the keyed fingerprint as
 * `partialFingerprints["logveil/v1"]` so the code-scanning service can follow an alert across
 * runs — only when the fingerprint key was set: a random key would make every run's alerts
 * new. The masked excerpt goes into the result's `properties` (never a region `snippet`,
 * which must hold the file's own text). The test suite validates this output against the
 * SARIF 2.1.0 JSON schema.
 */
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../version.js';
import { SARIF_FINGERPRINT_KEY } from './baseline.js';
import type { ScanReport } from './scanReport.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A scanned path as a SARIF artifact URI: relative paths stay relative (to the checkout), `/` separated and percent-encoded. */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  const parts = sep === '/' ? path.split('/') : path.split(sep);
  return parts.map((p) => encodeURIComponent(p)).join('/');
}

/**
 * @example
 * JSON.parse(sarifReport(report)).runs[0].results[0].ruleId; // 'github-pat'
 */
export function sarifReport(report: ScanReport): string {
  const keyed = report.summary.fingerprintKeyed;
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const info = report.rules.get(id);
    const description = info?.description ?? id;
    return {
      id,
      name: id,
      shortDescription: { text: description },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'secret', ...(info?.tags ?? [])] },
    };
  });
  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId)!,
    level: 'error',
    message: { text: `Secret found by rule ${f.ruleId}${keyed ? ` (fingerprint ${f.fingerprint})` : ''}: revoke it, then remove it from the file.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.path) },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    ...(keyed ? { partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint } } : {}),
    properties: { excerpt: f.excerpt },
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'logveil', semanticVersion: VERSION, rules } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { fingerprintKeyed: keyed },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
