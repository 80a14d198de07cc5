/**
 * `logveil/pino-transport`: a pino transport (it runs in pino's worker thread) that masks
 * every line. Two ways to use it:
 * - terminal: `{ target: 'logveil/pino-transport', options: { destination: 1 | 2 | '/path' } }`
 *   writes the masked lines itself (through sonic-boom, as `pino/file` does);
 * - pipeline step: without `destination`, it hands the masked bytes on to the next step of
 *   `pipeline: [...]` (for example `pino/file`).
 *
 * The transport works on the bytes pino hands over, with the same line-splitting core as
 * `logveil/stream`: lines are masked as text, so a line that is not JSON is masked and
 * forwarded, never dropped. PERF: a first version took lines one by one from
 * pino-abstract-transport's line splitter and fell behind at 200,000 lines/s offered (a
 * 3.5 s backlog after 2 s); on bytes it keeps up (bench/RESULTS.md).
 *
 * Options cross into the worker by structured clone, so they must be plain data (rule ids,
 * mask names, user rules with string patterns). The transport takes `pino/file`'s options
 * (pino 10 hands them to sonic-boom 4), so a target can be swapped for the other without
 * touching its options; an unknown key fails the transport with the list of every option it
 * knows (`TRANSPORT_OPTIONS` and the redactor's).
 *
 * A file destination is followed by its path (`followDestination`): when the file or its
 * folder is removed, or another file is put at its path, the transport reopens the path
 * (creating the folder again unless `mkdir: false`) instead of writing on into a file nobody
 * can read; when it cannot, the transport fails as `pino/file` does on a missing folder.
 */
import { once } from 'node:events';
import { fstat, stat } from 'node:fs';
import { hostname } from 'node:os';
import { Writable } from 'node:stream';
import sonicBoom from 'sonic-boom';
import type { KnownSecret } from '../known/knownSecret.js';
import { createKnownSecrets } from '../known/knownSecrets.js';
import type { Finding } from '../report/finding.js';
import { openReport } from '../report/ndjsonReport.js';
import { OptionsError } from '../errors.js';
import type { RedactorOptions } from '../options.js';
import { createRedactStream } from '../stream/redactStream.js';

// sonic-boom is CommonJS (`module.exports = SonicBoom`): at run time the default import is the
// class in both builds, whatever its type declarations say.
const SonicBoom = sonicBoom as unknown as typeof import('sonic-boom').SonicBoom;
/** A sonic-boom destination with the fields its type declarations leave out. */
type Destination = InstanceType<typeof SonicBoom> & { readonly fd: number; readonly destroyed: boolean };

/** Options of the transport: redactor options plus where to write. */
export interface PinoTransportOptions extends RedactorOptions {
  /** 1 (stdout), 2 (stderr), or a file path. Omit to use the transport as a pipeline step. */
  readonly destination?: number | string;
  /**
   * Create the destination's folder if missing — at start and when the transport reopens a
   * removed destination. Default true. With `false`, a removed folder fails the transport.
   */
  readonly mkdir?: boolean;
  /** Append to an existing file. Default true. */
  readonly append?: boolean;
  /**
   * Accepted as `pino/file` accepts it, and likewise ignored: the worker writes
   * asynchronously either way (pino's `transport.flush()` and its exit hook wait for it). For
   * synchronous writes, use `pino.destination({ sync: true })` with the in-process hooks.
   */
  readonly sync?: boolean;
  /** `fsync` after each write (sonic-boom's `fsync`, as with `pino/file`). Default false. */
  readonly fsync?: boolean;
  /** File descriptor to write to instead of `destination` (as with `pino/file`). */
  readonly fd?: number;
  /** Bytes buffered before a write (sonic-boom's `minLength`). Default 0. */
  readonly minLength?: number;
  /** Most bytes held before writes are dropped (sonic-boom's `maxLength`). Default no limit. */
  readonly maxLength?: number;
  /** Most bytes per write call (sonic-boom's `maxWrite`). Default 16 KiB. */
  readonly maxWrite?: number;
  /** Flush every this many milliseconds (sonic-boom's `periodicFlush`). */
  readonly periodicFlush?: number;
  /** Mode of a file created (sonic-boom's `mode`), for example `0o600`. */
  readonly mode?: number;
  /**
   * Accepted as `pino/file` accepts it, and ignored: the transport always writes bytes as
   * they are (`'buffer'`), so invalid UTF-8 passes through unchanged.
   */
  readonly contentMode?: 'buffer' | 'utf8';
  /** Longest line scanned whole (see `logveil/stream`). Default 1 MiB. */
  readonly maxLineLength?: number;
  /**
   * Known secrets read in the worker: files (one secret each) or directories (one per file),
   * watched for rotation — the CLI's `--known-file`.
   */
  readonly knownFiles?: readonly string[];
  /** Known secrets from environment variables (`NAME` or `PREFIX_*`) — the CLI's `--known-env`. */
  readonly knownEnv?: readonly string[];
  /** How long a rotated-out known value stays masked (`'24h'`, milliseconds). Default 24 h. */
  readonly rotationGrace?: number | string;
  /**
   * How long a known value past its rotation grace stays recognised — and masked — as
   * `retired` (`'30d'`, milliseconds; 0 forgets it). Default 30 days — the CLI's `--retired-ttl`.
   */
  readonly retiredTtl?: number | string;
  /**
   * A findings report written by the worker: one JSON line per masked secret (rule, known
   * secret name, fingerprint, line, offsets, time, state, source) appended to this file, as
   * the CLI's `--report` (created 0600; a symbolic link is refused). Findings carry `source`,
   * by default the host name.
   */
  readonly report?: string;
}

/**
 * The transport entry point pino calls in its worker thread: a writable stream of pino's
 * bytes (terminal) or a transform (pipeline step).
 *
 * @example
 * const transport = pino.transport({ target: 'logveil/pino-transport', options: { destination: 1, mask: 'hash' } });
 * const logger = pino(transport);
 */
export default async function logveilTransport(options: PinoTransportOptions = {}): Promise<Writable> {
  checkOptionNames(options);
  const { destination: path, fd, mkdir = true, append = true, sync: _sync, fsync, contentMode: _contentMode, minLength, maxLength, maxWrite, periodicFlush, mode, maxLineLength, knownFiles, knownEnv, rotationGrace, retiredTtl, report: reportPath, ...rest } = options;
  // As with pino/file, `fd` wins over `destination`.
  const destination = fd ?? path;
  const redactorOptions = Object.fromEntries(Object.entries(rest).filter(([key]) => !isPinoKey(key))) as RedactorOptions;
  // A live known-secret set cannot cross into the worker; its sources can, and are read here.
  const live = knownFiles === undefined && knownEnv === undefined ? undefined : createKnownSecrets({ files: knownFiles, env: knownEnv, rotationGrace, retiredTtl, secrets: redactorOptions.knownSecrets as KnownSecret[] | undefined });
  // Functions cannot cross into the worker: with `report`, the findings go to a file here.
  const report = reportPath === undefined ? undefined : openReport(reportPath, (err) => process.emitWarning(`logveil/pino-transport: cannot write the report ${reportPath} (${err.code ?? 'error'}); findings are no longer reported (masking goes on)`, 'LogveilWarning'));
  const reporting = report === undefined ? {} : { onFinding: (f: Finding) => report.write(f), source: redactorOptions.source ?? hostname() };
  let redact: ReturnType<typeof createRedactStream>;
  try {
    redact = createRedactStream({ ...redactorOptions, ...reporting, ...(live === undefined ? {} : { knownSecrets: live }), ...(maxLineLength === undefined ? {} : { maxLineLength }) });
  } catch (err) {
    live?.close();
    report?.close();
    throw err;
  }
  redact.once('close', () => {
    live?.close();
    report?.close();
  });
  if (destination === undefined) return redact;

  // Buffer mode: bytes go out as they came (utf8 mode would decode them and mangle invalid UTF-8).
  // `sync` is not passed on: pino/file forces `sync: false` in its worker too.
  const sonicOptions = Object.fromEntries(Object.entries({ minLength, maxLength, maxWrite, periodicFlush, mode, fsync }).filter(([, v]) => v !== undefined));
  const dest = new SonicBoom({ ...sonicOptions, dest: destination, mkdir, append, sync: false, contentMode: 'buffer' }) as Destination;
  const follow = typeof destination === 'string' ? followDestination(dest, destination, redact) : undefined;
  redact.on('data', (piece: Buffer) => {
    follow?.written(piece);
    if (!dest.write(piece as unknown as string)) redact.pause();
  });
  dest.on('drain', () => {
    if (follow?.reopening !== true) redact.resume();
  });
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (redact.write(chunk)) callback();
      else redact.once('drain', () => callback());
    },
    final(callback) {
      redact.end();
      redact.once('end', () => {
        // The last lines may have been written since the last look at the path.
        const followed = follow === undefined ? Promise.resolve() : follow.stop(true);
        followed.then(() => {
          if (dest.destroyed) return callback();
          dest.end();
          once(dest, 'close').then(() => callback(), callback);
        }, callback);
      });
    },
    destroy(err, callback) {
      void follow?.stop(false);
      redact.destroy();
      try {
        dest.destroy();
      } catch {
        // already closed
      }
      callback(err);
    },
  });
  // A destination that cannot be written (no such folder, no space, a closed pipe) fails the
  // transport the way pino/file does: pino reports the error on the logger's side.
  dest.on('error', (err: Error) => writable.destroy(err));
  return writable;
}

/**
 * The transport's own options and `pino/file`'s (pino 10 `file.js` passes every option to
 * sonic-boom 4: `destination` and sonic-boom's `fd`, `mkdir`, `append`, `sync`, `fsync`,
 * `minLength`, `maxLength`, `maxWrite`, `periodicFlush`, `mode`, `contentMode`; its
 * `retryEAGAIN` is a function and cannot cross into the worker, and its `dest` is overwritten
 * by pino/file). Typed so that a new field of `PinoTransportOptions` must be listed here.
 */
const TRANSPORT_OPTIONS = ['destination', 'fd', 'mkdir', 'append', 'sync', 'fsync', 'minLength', 'maxLength', 'maxWrite', 'periodicFlush', 'mode', 'contentMode', 'maxLineLength', 'knownFiles', 'knownEnv', 'rotationGrace', 'retiredTtl', 'report'] as const satisfies readonly Exclude<keyof PinoTransportOptions, keyof RedactorOptions>[];
/** The redactor's options (`createRedactor`), typed like `TRANSPORT_OPTIONS`. */
const REDACTOR_OPTIONS = ['mask', 'maskByRule', 'rules', 'enable', 'include', 'disable', 'builtins', 'fingerprintKey', 'knownSecrets', 'onFinding', 'onWarning', 'gitleaksConfig', 'learn', 'revokedFingerprints', 'source', 'sensitiveKeys', 'ignoredKeys', 'allowedKeys'] as const satisfies readonly (keyof RedactorOptions)[];
// Compile-time checks that both lists are complete.
type Unlisted<T, L extends readonly PropertyKey[]> = Exclude<keyof T, L[number]>;
const transportListed: Unlisted<Omit<PinoTransportOptions, keyof RedactorOptions>, typeof TRANSPORT_OPTIONS> extends never ? true : never = true;
const redactorListed: Unlisted<RedactorOptions, typeof REDACTOR_OPTIONS> extends never ? true : never = true;
void transportListed;
void redactorListed;
const KNOWN_OPTIONS: ReadonlySet<string> = new Set([...TRANSPORT_OPTIONS, ...REDACTOR_OPTIONS]);

/** Keys pino adds to a transport's options (`$context`, `pinoWillSendConfig`). */
function isPinoKey(key: string): boolean {
  return key.startsWith('$') || key === 'pinoWillSendConfig';
}

/**
 * Throws on a key that is neither the transport's, pino/file's, the redactor's nor pino's (a
 * typo must not silently switch a setting off), listing the known options; the key itself
 * is not shown (it could be a pasted secret).
 */
function checkOptionNames(options: object): void {
  Object.keys(options).forEach((key, i) => {
    if (!KNOWN_OPTIONS.has(key) && !isPinoKey(key)) {
      throw new OptionsError('LOGVEIL_INVALID_OPTION', 'options', `key #${i + 1} is not an option of logveil/pino-transport (known: ${[...KNOWN_OPTIONS].join(', ')}; the key itself is not shown)`);
    }
  });
}

/**
 * How often a file destination's path is compared with the open file. PERF: one `stat` and
 * one `fstat` a second, in the worker thread (the main thread's cost is unchanged); a check
 * per write would cost two system calls per batch for an event that happens once a year.
 */
const DESTINATION_CHECK_MS = 1000;
/** Bytes handed to the destination that are kept for a replay (about two checks' worth). */
const REPLAY_LIMIT = 8 * 1024 * 1024;
/** How often a paused transport looks whether the destination has written everything. */
const IDLE_POLL_MS = 5;

/** The pieces handed to the destination since the check before last, bounded by `REPLAY_LIMIT`. */
class ReplayBuffer {
  private previous: Buffer[] = [];
  private current: Buffer[] = [];
  private bytes = 0;
  private previousBytes = 0;
  /** Whether pieces were dropped to stay under the limit since the last good check. */
  dropped = false;

  add(piece: Buffer): void {
    this.current.push(piece);
    this.bytes += piece.length;
    if (this.bytes > REPLAY_LIMIT && this.previous.length > 0) {
      this.bytes -= this.previousBytes;
      this.previous = [];
      this.previousBytes = 0;
      this.dropped = true;
    }
    if (this.bytes > REPLAY_LIMIT) {
      this.current = [];
      this.bytes = 0;
      this.dropped = true;
    }
  }

  /** A check found the path in place: what came before the previous check is on disk for good. */
  checked(): void {
    this.previous = this.current;
    this.previousBytes = this.bytes;
    this.bytes = this.previousBytes;
    this.current = [];
    this.dropped = false;
  }

  /** Every kept piece, oldest first; the buffer is emptied. */
  take(): Buffer[] {
    const all = this.previous.length === 0 ? this.current : [...this.previous, ...this.current];
    this.previous = [];
    this.current = [];
    this.bytes = this.previousBytes = 0;
    return all;
  }
}

/** What the transport sees of `followDestination`. */
interface FollowedDestination {
  /** Called with every piece handed to the destination. */
  written(piece: Buffer): void;
  /** True while the destination is being reopened (the transport stays paused). */
  readonly reopening: boolean;
  /** Stops the timer; with `lastCheck`, checks the path once more first (the transport is ending). */
  stop(lastCheck: boolean): Promise<void>;
}

/**
 * Follows a file destination by its path: every `DESTINATION_CHECK_MS`, and once more when the
 * transport ends, the path is compared with the open file (device and inode). When the path
 * is gone (the file or its folder removed, a rotation by rename) or names another file:
 * 1. the transport pauses and waits until sonic-boom has written everything it holds;
 * 2. the destination is reopened by sonic-boom's `reopen()`, which recreates the folder when
 *    `mkdir` is set (if the open fails, sonic-boom emits `'error'` and the transport fails);
 * 3. the bytes handed over since the check before last are written again to the new file
 *    (they went to the removed one), then the transport resumes.
 * Delivery is at least once: after a rename, the last second or two of lines can be in both
 * files. A reopen is reported on stderr as a `LOGVEIL_DESTINATION_REOPENED` warning.
 */
function followDestination(dest: Destination, file: string, source: { pause(): void; resume(): void }): FollowedDestination {
  const replay = new ReplayBuffer();
  let stopped = false;
  let reopening = false;
  let pending: Promise<void> | undefined;
  // sonic-boom's own fields (no public "idle" signal; flush() does not wait with minLength 0).
  const state = dest as unknown as { _writing: boolean; _len: number };
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      const poll = () => (dest.destroyed || (!state._writing && state._len === 0) ? resolve() : setTimeout(poll, IDLE_POLL_MS));
      poll();
    });
  const reopen = async (): Promise<void> => {
    reopening = true;
    source.pause();
    await idle();
    if (dest.destroyed) return;
    const lost = replay.dropped;
    process.emitWarning(`logveil/pino-transport: the destination ${file} was removed or replaced; reopening it${lost ? ` (some lines written before could not be kept for a replay: over ${REPLAY_LIMIT} bytes)` : ''}`, { code: 'LOGVEIL_DESTINATION_REOPENED' });
    const opened = new Promise<boolean>((resolve) => {
      const onReady = () => settle(true);
      const onError = () => settle(false); // the transport's own 'error' listener fails it
      const settle = (ok: boolean) => {
        dest.off('ready', onReady);
        dest.off('error', onError);
        resolve(ok);
      };
      dest.once('ready', onReady);
      dest.once('error', onError);
      try {
        dest.reopen();
      } catch {
        settle(false); // destroyed meanwhile
      }
    });
    if (await opened) for (const piece of replay.take()) dest.write(piece as unknown as string);
    reopening = false;
    if (!dest.destroyed) source.resume();
  };
  /** Resolves once the path is checked (and reopened when it had to be). */
  const check = (): Promise<void> => {
    pending ??= new Promise<void>((resolve) => {
      const done = () => {
        pending = undefined;
        resolve();
      };
      const fd = dest.fd;
      if (dest.destroyed || fd < 0) return done();
      stat(file, (pathErr, atPath) => {
        if (pathErr !== null && pathErr.code !== 'ENOENT' && pathErr.code !== 'ENOTDIR') return done(); // unknown: keep writing
        fstat(fd, (fdErr, open) => {
          if (fdErr !== null || dest.destroyed || dest.fd !== fd) return done(); // closed or reopened meanwhile
          if (atPath !== undefined && atPath.dev === open.dev && atPath.ino === open.ino) {
            replay.checked();
            return done();
          }
          reopen().then(done, done);
        });
      });
    });
    return pending;
  };
  const timer = setInterval(() => {
    if (!stopped) void check();
  }, DESTINATION_CHECK_MS);
  timer.unref();
  return {
    written: (piece) => replay.add(piece),
    get reopening() {
      return reopening;
    },
    stop(lastCheck) {
      stopped = true;
      clearInterval(timer);
      return lastCheck ? check() : (pending ?? Promise.resolve());
    },
  };
}
