/**
 * `logveil scan --report-path FILE`: the report written to a file instead of stdout. Reports
 * name which keys leaked and where, so the file is made for its owner alone, as the sidecar's
 * findings report (src/report/ndjsonReport.ts) is: created 0600 (an existing regular file
 * readable by group or others is tightened to 0600), missing directories created 0700, and
 * never written through a symbolic link at the path (`O_NOFOLLOW`). It is replaced, not
 * appended to: a report is one JSON or SARIF document. Devices and FIFOs keep their modes.
 */
import { closeSync, constants, fchmodSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { systemErrorText } from '../cliError.js';
import { CliError } from '../config.js';

const OPEN_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;

/**
 * Writes `text` to `path`. Throws `CliError` (exit 2) naming the flag and the path, never the
 * report's content.
 *
 * @example
 * writeReportFile('reports/logveil.sarif', sarifText);
 */
export function writeReportFile(path: string, text: string): void {
  const fail = (why: string) => new CliError(`--report-path ${path}: ${why}`);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 }); // nothing to do when it exists
  } catch (err) {
    throw fail(`its directory cannot be created: ${systemErrorText(err)}`);
  }
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw fail('it is a symbolic link, and a report is never written through one');
    throw fail(`cannot open it: ${systemErrorText(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isFile() && (st.mode & 0o077) !== 0) {
      try {
        fchmodSync(fd, 0o600);
      } catch (err) {
        throw fail(`it is readable by other users and its mode cannot be tightened to 0600: ${systemErrorText(err)}`);
      }
    }
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (err) {
      throw fail(`cannot write it: ${systemErrorText(err)}`);
    }
  } finally {
    closeSync(fd);
  }
}
