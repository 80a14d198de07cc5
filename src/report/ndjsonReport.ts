/**
 * The findings report: one JSON object per line, appended to a file — rule, known secret
 * name, fingerprint, line, byte offsets, time. Never the secret, never the line.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Finding } from './finding.js';

/** An open report file. */
export interface NdjsonReport {
  /** Appends one finding. A write error is reported once to `onError`; masking goes on. */
  write(finding: Finding): void;
  close(): void;
}

/**
 * Opens `path` for appending (created when missing). Throws the open error (`ENOENT`, `EACCES`).
 *
 * @example
 * const report = openReport('/var/log/logveil-findings.ndjson', console.error);
 * createRedactor({ onFinding: (f) => report.write(f) });
 */
export function openReport(path: string, onError: (err: NodeJS.ErrnoException) => void): NdjsonReport {
  const fd = openSync(path, 'a', 0o600);
  let failed = false;
  let closed = false;
  return {
    write(f) {
      if (failed || closed) return;
      const line = JSON.stringify({ time: f.time, ruleId: f.ruleId, name: f.name, fingerprint: f.fingerprint, line: f.line, start: f.start, end: f.end });
      try {
        writeSync(fd, `${line}\n`);
      } catch (err) {
        failed = true;
        onError(err as NodeJS.ErrnoException);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}
