/**
 * Baselines: findings already accepted, which `--baseline FILE` keeps out of the report and
 * the exit code. A finding is accepted by its rule id and fingerprint — the keyed HMAC of the
 * secret — not by path or line: moving or editing code around an accepted secret does not
 * bring it back, and the same accepted secret elsewhere stays accepted. A new secret, or the
 * same secret found by another rule, is reported.
 *
 * Fingerprints only match under the same key, so a baseline needs `LOGVEIL_FINGERPRINT_KEY`
 * both when it is written and when it is used (see runScan.ts). Accepted files:
 * - a `logveil scan --format json` report (its `findings`),
 * - a `logveil scan --format sarif` report (each result's `partialFingerprints["logveil/v1"]`),
 * - a hand-written array `[{ "fingerprint": "4f1c9a2e", "ruleId": "github-pat" }]`
 *   (without `ruleId` an entry accepts its fingerprint under any rule; a `ruleId` may be
 *   gitleaks' id for the rule, see src/rules/gitleaksAliases.ts).
 */
import { FINGERPRINT_HEX_LENGTH } from '../../mask/fingerprint.js';
import { logveilRuleIds } from '../../rules/gitleaksAliases.js';
import { CliError } from '../config.js';
import { readJsonFile } from '../jsonFile.js';

/** The key of logveil's fingerprint in a SARIF result's `partialFingerprints`. */
export const SARIF_FINGERPRINT_KEY = 'logveil/v1';

const FINGERPRINT = new RegExp(`^[0-9a-f]{${FINGERPRINT_HEX_LENGTH}}$`);

/**
 * @example
 * const baseline = loadBaseline('.logveil-baseline.json');
 * baseline.accepts({ ruleId: 'github-pat', fingerprint: '4f1c9a2e' }); // true when listed
 */
export interface Baseline {
  /** Entries read from the file. */
  readonly size: number;
  accepts(finding: { readonly ruleId: string; readonly fingerprint: string }): boolean;
}

interface Entry {
  readonly fingerprint: string;
  readonly ruleId: string | undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function unkeyed(file: string): CliError {
  return new CliError(`baseline ${file} was written without LOGVEIL_FINGERPRINT_KEY: its fingerprints cannot match any other run; write it again with the key set`);
}

/** The entries of a parsed baseline file, whichever of the accepted shapes it has. */
function entriesOf(data: unknown, file: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (isObject(data) && Array.isArray(data.findings)) {
    if (data.fingerprintKeyed === false) throw unkeyed(file);
    return data.findings;
  }
  if (isObject(data) && Array.isArray(data.runs)) {
    const entries: unknown[] = [];
    for (const run of data.runs) {
      if (!isObject(run)) continue;
      if (isObject(run.properties) && run.properties.fingerprintKeyed === false) throw unkeyed(file);
      for (const r of Array.isArray(run.results) ? run.results : []) {
        if (!isObject(r) || !isObject(r.partialFingerprints)) continue;
        entries.push({ ruleId: r.ruleId, fingerprint: r.partialFingerprints[SARIF_FINGERPRINT_KEY] });
      }
    }
    return entries;
  }
  throw new CliError(`baseline ${file} must hold a logveil scan JSON or SARIF report, or an array of {"fingerprint", "ruleId"}`);
}

/** Reads and checks a baseline file. Throws `CliError` (exit 2) when it is unreadable or malformed. */
export function loadBaseline(file: string): Baseline {
  const data = readJsonFile(file, 'baseline');
  const entries: Entry[] = entriesOf(data, file).map((e, i) => {
    if (!isObject(e) || typeof e.fingerprint !== 'string' || !FINGERPRINT.test(e.fingerprint)) {
      throw new CliError(`baseline ${file}: entry ${i} needs a "fingerprint" of ${FINGERPRINT_HEX_LENGTH} lowercase hex digits`);
    }
    if (e.ruleId !== undefined && typeof e.ruleId !== 'string') throw new CliError(`baseline ${file}: entry ${i} has a "ruleId" that is not a string`);
    return { fingerprint: e.fingerprint, ruleId: e.ruleId };
  });
  // A gitleaks rule id accepts the fingerprint under each logveil rule it stands for.
  const byRule = new Set(entries.filter((e) => e.ruleId !== undefined).flatMap((e) => [e.ruleId!, ...logveilRuleIds(e.ruleId!, 'finding')].map((id) => `${id}\0${e.fingerprint}`)));
  const anyRule = new Set(entries.filter((e) => e.ruleId === undefined).map((e) => e.fingerprint));
  return {
    size: entries.length,
    accepts: (f) => anyRule.has(f.fingerprint) || byRule.has(`${f.ruleId}\0${f.fingerprint}`),
  };
}
