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
 * mask names, user rules with string patterns).
 */
import { once } from 'node:events';
import { Writable } from 'node:stream';
import sonicBoom from 'sonic-boom';
import type { KnownSecret } from '../known/knownSecret.js';
import { createKnownSecrets } from '../known/knownSecrets.js';
import type { RedactorOptions } from '../options.js';
import { createRedactStream } from '../stream/redactStream.js';

// sonic-boom is CommonJS (`module.exports = SonicBoom`): at run time the default import is the
// class in both builds, whatever its type declarations say.
const SonicBoom = sonicBoom as unknown as typeof import('sonic-boom').SonicBoom;

/** Options of the transport: redactor options plus where to write. */
export interface PinoTransportOptions extends RedactorOptions {
  /** 1 (stdout), 2 (stderr), or a file path. Omit to use the transport as a pipeline step. */
  readonly destination?: number | string;
  /** Create the destination's folder if missing. Default true. */
  readonly mkdir?: boolean;
  /** Append to an existing file. Default true. */
  readonly append?: boolean;
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
  const { destination, mkdir = true, append = true, maxLineLength, knownFiles, knownEnv, rotationGrace, ...rest } = options;
  // pino adds its own keys to a transport's options (`$context`, `pinoWillSendConfig`); any
  // other unknown key is still an error (a typo must not silently switch a setting off).
  const redactorOptions = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('$') && key !== 'pinoWillSendConfig')) as RedactorOptions;
  // A live known-secret set cannot cross into the worker; its sources can, and are read here.
  const live = knownFiles === undefined && knownEnv === undefined ? undefined : createKnownSecrets({ files: knownFiles, env: knownEnv, rotationGrace, secrets: redactorOptions.knownSecrets as KnownSecret[] | undefined });
  const redact = createRedactStream({ ...redactorOptions, ...(live === undefined ? {} : { knownSecrets: live }), ...(maxLineLength === undefined ? {} : { maxLineLength }) });
  redact.once('close', () => live?.close());
  if (destination === undefined) return redact;

  // Buffer mode: bytes go out as they came (utf8 mode would decode them and mangle invalid UTF-8).
  const dest = new SonicBoom({ dest: destination, mkdir, append, sync: false, contentMode: 'buffer' });
  redact.on('data', (piece: Buffer) => {
    if (!dest.write(piece as unknown as string)) redact.pause();
  });
  dest.on('drain', () => redact.resume());
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (redact.write(chunk)) callback();
      else redact.once('drain', () => callback());
    },
    final(callback) {
      redact.end();
      redact.once('end', () => {
        dest.end();
        once(dest, 'close').then(() => callback(), callback);
      });
    },
    destroy(err, callback) {
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
