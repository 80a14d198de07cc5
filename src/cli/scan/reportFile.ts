/**
 * `logveil scan --report-path FILE`: the report written to a file instead of stdout. Reports
 * name which keys leaked and where, so the file is made for its owner alone, as the sidecar's
 * findings report (src/report/ndjsonReport.ts) is: created 0600, missing directories created
 * 0700, and never written through a symbolic link at the path. It is replaced, not appended
 * to: a report is one JSON or SARIF document.
 *
 * A regular file (or none) at the path is replaced whole: the report is written to a new
 * 0600 file beside it (`O_EXCL | O_NOFOLLOW`), which is then renamed over the path, so a
 * write that fails (a full disk) leaves the previous report — often the baseline the next
 * run reads — as it was, and a symbolic link at the path is never followed. A FIFO or a
 * device at the path is written to in place and keeps its mode; so is an existing report in
 * a directory the user may not create files in (then tightened to 0600 when group or others
 * could read it).
 *
 * {@link checkReportPath} runs before the scan: a path that can never take the report (a
 * directory, a symbolic link, a file where a directory should be) fails at once, not after a
 * scan of the whole tree.
 */
import { closeSync, constants, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { systemErrorText } from '../cliError.js';
import { CliError } from '../config.js';

const IN_PLACE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
const NEW_FILE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

const SYMLINK_REFUSED = 'it is a symbolic link, and a report is never written through one';

function failure(path: string, why: string): CliError {
  return new CliError(`--report-path ${path}: ${why}`);
}

/**
 * Fails (`CliError`, exit 2) when `path` cannot take a report whatever the scan finds: it is
 * a directory or a symbolic link, or the nearest existing ancestor is not a directory.
 * Writes nothing.
 *
 * @example
 * checkReportPath('reports/logveil.sarif'); // before the scan
 */
export function checkReportPath(path: string): void {
  let at = path;
  for (;;) {
    try {
      const st = at === path ? lstatSync(at) : statSync(at);
      if (at === path && st.isSymbolicLink()) throw failure(path, SYMLINK_REFUSED);
      if (at === path && st.isDirectory()) throw failure(path, 'it is a directory');
      if (at !== path && !st.isDirectory()) throw failure(path, `${at} is not a directory`);
      return;
    } catch (err) {
      if (err instanceof CliError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return; // the write says why, if it fails
      const up = dirname(at);
      if (up === at) return;
      at = up;
    }
  }
}

/** Writes all of `bytes` to `fd`. */
function writeAll(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done);
}

/**
 * Writes `text` to `path`. Throws `CliError` (exit 2) naming the flag and the path, never the
 * report's content.
 *
 * @example
 * writeReportFile('reports/logveil.sarif', sarifText);
 */
export function writeReportFile(path: string, text: string): void {
  const fail = (why: string) => failure(path, why);
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 }); // nothing to do when it exists
  } catch (err) {
    throw fail(`its directory cannot be created: ${systemErrorText(err)}`);
  }
  const bytes = Buffer.from(text);
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(path);
  } catch {
    existing = undefined; // none yet (or unreadable: the open below says why)
  }
  if (existing?.isSymbolicLink() === true) throw fail(SYMLINK_REFUSED);
  if (existing === undefined || existing.isFile()) {
    // A new file beside the report, renamed over it once whole.
    const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let fd: number | undefined;
    try {
      fd = openSync(temp, NEW_FILE_FLAGS, 0o600);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A directory the user may not create files in: an existing report is still theirs to rewrite.
      if (existing === undefined || (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS')) throw fail(`cannot create it: ${systemErrorText(err)}`);
    }
    if (fd !== undefined) {
      try {
        try {
          writeAll(fd, bytes);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, path);
      } catch (err) {
        try {
          unlinkSync(temp);
        } catch {
          // already gone
        }
        throw fail(`cannot write it: ${systemErrorText(err)}`);
      }
      return;
    }
  }
  writeInPlace(path, bytes, fail);
}

/** Writes over what is at `path` (a FIFO, a device, or a report in a directory not writable). */
function writeInPlace(path: string, bytes: Buffer, fail: (why: string) => CliError): void {
  let fd: number;
  try {
    fd = openSync(path, IN_PLACE_FLAGS, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw fail(SYMLINK_REFUSED);
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
    try {
      writeAll(fd, bytes);
    } catch (err) {
      throw fail(`cannot write it: ${systemErrorText(err)}`);
    }
  } finally {
    closeSync(fd);
  }
}
