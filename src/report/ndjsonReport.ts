/**
 * The findings report: one JSON object per line, appended to a file — rule, known secret
 * name, fingerprint, line, byte offsets, time, a known or revoked value's state
 * (`current`/`retiring`/`retired`) and the source (host, pod or stream name). Never the
 * secret, never the line. `logveil incidents` reads these lines back, merged from many hosts:
 * `{ruleId, name?, fingerprint, line, start, end, time, state?, source?}`.
 *
 * The file is the operator's, never an attacker's: it is opened without following a symbolic
 * link (`O_NOFOLLOW`: a link planted at the report's path in a shared directory would otherwise
 * have findings appended to whatever it points at), created 0600, and an existing regular file
 * that group or others can read is tightened to 0600 rather than refused — a report recreated
 * by a rotation tool with its default 0644 must not stop the sidecar at its next start; the
 * caller is told, so it can say so. Only a file we cannot tighten (not ours) is refused.
 * Devices and FIFOs (`--report /dev/null`, a pipe to a collector) keep their modes: they are
 * plumbing the operator set up, and chmod'ing `/dev/null` would be a disaster.
 * `O_NOFOLLOW` covers the last path component only; the directories on the way are trusted.
 *
 * A missing directory is created first (recursively, mode 0700: findings name which keys
 * leaked, and the directory was made for them alone), as the pino transport creates its
 * destination's; directories that exist are left as they are. One that cannot be made is a
 * `ReportRefusedError` (`directory`) saying why.
 */
import { closeSync, constants, fchmodSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Finding } from './finding.js';

/** An open report file. */
export interface NdjsonReport {
  /** Appends one finding. A write error is reported once to `onError`; masking goes on. */
  write(finding: Finding): void;
  close(): void;
  /** True when the file existed readable by group or others and was tightened to 0600 on open. */
  readonly tightened: boolean;
}

/**
 * Why `openReport` refused a file: `symlink` (the path is a symbolic link, never followed),
 * `shared` (readable by group or others, and its mode cannot be tightened: not ours) or
 * `directory` (its missing directory cannot be created; `code` says why). The message is one
 * line, without the path or anything read from the file.
 */
export class ReportRefusedError extends Error {
  readonly reason: 'symlink' | 'shared' | 'directory';
  /** The system error's code, for `directory`. */
  readonly code: string | undefined;
  constructor(reason: 'symlink' | 'shared' | 'directory', message: string, code?: string) {
    super(message);
    this.name = 'ReportRefusedError';
    this.reason = reason;
    this.code = code;
  }
}

/** Append, create 0600, and never through a symbolic link at the path itself. */
const OPEN_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;

/**
 * Opens `path` for appending (created 0600 when missing, and its missing directories 0700).
 * Throws `ReportRefusedError` for a symbolic link, a shared file it cannot tighten or a
 * directory it cannot create, otherwise the open error (`EACCES`, `EISDIR`).
 *
 * @example
 * const report = openReport('/var/log/logveil-findings.ndjson', console.error);
 * createRedactor({ onFinding: (f) => report.write(f) });
 */
export function openReport(path: string, onError: (err: NodeJS.ErrnoException) => void): NdjsonReport {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 }); // nothing to do when it exists
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ReportRefusedError('directory', 'its directory cannot be created', code);
  }
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new ReportRefusedError('symlink', 'it is a symbolic link, and a report is never written through one');
    throw err;
  }
  let tightened = false;
  try {
    const st = fstatSync(fd);
    if (st.isFile() && (st.mode & 0o077) !== 0) {
      try {
        fchmodSync(fd, 0o600);
      } catch (err) {
        throw new ReportRefusedError('shared', `it is readable by other users and its mode cannot be tightened to 0600 (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      tightened = true;
    }
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  let failed = false;
  let closed = false;
  return {
    tightened,
    write(f) {
      if (failed || closed) return;
      const line = JSON.stringify({ time: f.time, ruleId: f.ruleId, name: f.name, fingerprint: f.fingerprint, line: f.line, start: f.start, end: f.end, state: f.state, source: f.source });
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
