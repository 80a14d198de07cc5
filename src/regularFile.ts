/**
 * Reading a file the operator points logveil at — a config file, a rule file, a gitleaks
 * config, a known secret — without trusting what is there: only a regular file, only up to a
 * limit. `/dev/zero` would grow memory without bound, a FIFO would block start-up forever,
 * and a 1 GB file would be read whole before the parser says no.
 *
 * The type and size are checked before a byte is read (`stat`), then again on the opened
 * descriptor (`fstat`: the path may have been swapped in between). The open is non-blocking,
 * so a FIFO swapped in after the `stat` does not hang the open, and the read stops at
 * `limit + 1` bytes, so a file that grows while it is read stays bounded too.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Largest config file, rule file or gitleaks config read: 4 MiB (the largest real one we know is ~100 KiB). */
export const MAX_CONFIG_FILE = 4 * 1024 * 1024;

/**
 * A file that was not read, and why: an errno code, or (`refused`) what it is instead of a
 * regular file of at most the limit.
 */
export class UnreadableFile extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** The file is there but was not read: not a regular file, or over the limit. */
    readonly refused = false,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableFile';
  }
}

function errnoReason(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/** What a non-regular file is, for messages. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

/** `4 MiB`, `1 MiB`, or bytes when the limit is not a whole number of MiB. */
export function formatLimit(limit: number): string {
  return limit % (1024 * 1024) === 0 ? `${limit / (1024 * 1024)} MiB` : `${limit} bytes`;
}

/**
 * Why a file with these stats is not read (`a FIFO, not a regular file`, `5000000 bytes, more
 * than 4 MiB`), or undefined when it is a regular file of at most `limit` bytes.
 *
 * @example
 * refusalOf(statSync('/dev/zero'), MAX_CONFIG_FILE); // 'a character device, not a regular file'
 */
export function refusalOf(st: Stats, limit: number): string | undefined {
  if (!st.isFile()) return `${kindOf(st)}, not a regular file`;
  if (st.size > limit) return `${st.size} bytes, more than ${formatLimit(limit)}`;
  return undefined;
}

/**
 * The bytes of the regular file at `path` (symbolic links followed), at most `limit` of them.
 * Throws `UnreadableFile` — before reading anything — when the path cannot be opened, is not a
 * regular file or is larger than `limit`; and when it grows past `limit` while it is read.
 *
 * @example
 * const text = readRegularFile('logveil.json', MAX_CONFIG_FILE).toString('utf8');
 */
export function readRegularFile(path: string, limit: number): Buffer {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw new UnreadableFile(path, errnoReason(err));
  }
  const refused = refusalOf(st, limit);
  if (refused !== undefined) throw new UnreadableFile(path, refused, true);
  let fd: number;
  try {
    // O_NONBLOCK: should a FIFO have taken the file's place since the stat, the open returns
    // at once (a blocking open waits for a writer); a regular file ignores the flag.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new UnreadableFile(path, errnoReason(err));
  }
  try {
    const opened = fstatSync(fd);
    const swapped = refusalOf(opened, limit);
    if (swapped !== undefined) throw new UnreadableFile(path, swapped, true);
    // One byte more than the size: a file that grew since the fstat is noticed.
    let buf = Buffer.allocUnsafeSlow(Math.min(opened.size, limit) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > limit) throw new UnreadableFile(path, `more than ${formatLimit(limit)} (it grew while it was read)`, true);
        const bigger = Buffer.allocUnsafeSlow(Math.min(buf.length * 2, limit + 1));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const read = readSync(fd, buf, n, buf.length - n, null);
      if (read === 0) break;
      n += read;
    }
    return buf.subarray(0, n);
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile(path, errnoReason(err));
  } finally {
    closeSync(fd);
  }
}
