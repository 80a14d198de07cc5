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
import { isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../version.js';
import { SARIF_FINGERPRINT_KEY } from './baseline.js';
import type { ScanReport } from './scanReport.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where the tool is documented (package.json's `homepage`; test-checked to agree). */
export const INFORMATION_URI = 'https://github.com/logveil/logveil#readme';
/** The base that relative locations are relative to: the directory the scan ran in. */
export const SRCROOT = '%SRCROOT%';

/**
 * A scanned path as a SARIF artifact location. A path inside the working directory stays
 * relative, `/` separated and percent-encoded, against `%SRCROOT%` (the checkout, for GitHub
 * code scanning); a path outside it (`scan ../dir`) or absolute becomes a `file://` URI, which
 * code scanning maps by stripping the checkout's path — a `../` URI it cannot map at all.
 */
export function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const parts = sep === '/' ? path.split('/') : path.split(sep);
  if (isAbsolute(path) || parts.includes('..')) return { uri: pathToFileURL(resolve(path)).href };
  return { uri: parts.filter((p) => p !== '.').map((p) => encodeURIComponent(p)).join('/'), uriBaseId: SRCROOT };
}

/** The help code scanning shows beside every alert of a rule. */
function ruleHelp(id: string, description: string): { text: string; markdown: string } {
  const steps = [
    'Revoke or rotate the secret at its issuer first: it has been exposed wherever this file went (clones, forks, CI logs, backups).',
    'Then remove it from the file, and from the history if the repository is shared (`git filter-repo`, then force-push).',
    'A finding that is not a secret (a test fixture, a documented example) is accepted with a `logveil:allow` comment on its line or a baseline (`logveil scan --baseline FILE`).',
  ];
  return {
    text: `${description} (logveil rule ${id}). ${steps.join(' ')}`,
    markdown: `**${description}** (logveil rule \`${id}\`)\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
  };
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
      fullDescription: { text: `${description}: a secret that should not be in this file.` },
      help: ruleHelp(id, description),
      helpUri: INFORMATION_URI,
      defaultConfiguration: { level: 'error' },
      // GitHub code scanning reads security-severity (8.0: high) for a security tool's alerts.
      properties: { tags: ['security', 'secret', ...(info?.tags ?? [])], 'security-severity': '8.0', precision: 'high' },
    };
  });
  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId)!,
    level: 'error',
    message: { text: `Secret found by rule ${f.ruleId}${keyed ? ` (fingerprint ${f.fingerprint})` : ''}${f.commit === undefined ? '' : ` in commit ${f.commit.sha.slice(0, 12)}`}: revoke it, then remove it from the file.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.path),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    ...(keyed ? { partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint } } : {}),
    // --git: the commit that added the line (the region is a line of that commit's file).
    properties: { excerpt: f.excerpt, ...(f.commit === undefined ? {} : { commit: f.commit.sha, date: f.commit.date }) },
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'logveil', semanticVersion: VERSION, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(process.cwd() + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { fingerprintKeyed: keyed },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
