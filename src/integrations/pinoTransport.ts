/**
 * `logveil/pino-transport`: a pino transport (it runs in pino's worker thread) that masks
 * every line. Two ways to use it:
 * - terminal: `{ target: 'logveil/pino-transport', options: { destination: 1 | 2 | '/path' } }`
 *   writes the masked lines itself (through sonic-boom, as `pino/file` does);
 * - pipeline step: without `destination`, it hands the masked lines on to the next step of
 *   `pipeline: [...]` (for example `pino/file`).
 *
 * Lines are masked as text: a line that is not JSON is masked and forwarded, never dropped.
 * Options cross into the worker by structured clone, so they must be plain data (rule ids,
 * mask names, user rules with string patterns).
 */
import { once } from 'node:events';
import { Transform, type TransformCallback } from 'node:stream';
import build from 'pino-abstract-transport';
import sonicBoom from 'sonic-boom';
import type { RedactorOptions } from '../options.js';
import { createRedactor } from '../redactor.js';

/** Options of the transport: redactor options plus where to write. */
export interface PinoTransportOptions extends RedactorOptions {
  /** 1 (stdout), 2 (stderr), or a file path. Omit to use the transport as a pipeline step. */
  readonly destination?: number | string;
  /** Create the destination's folder if missing. Default true. */
  readonly mkdir?: boolean;
  /** Append to an existing file. Default true. */
  readonly append?: boolean;
}

// sonic-boom is CommonJS (`module.exports = SonicBoom`): at run time the default import is the
// class in both builds, whatever its type declarations say.
const SonicBoom = sonicBoom as unknown as typeof import('sonic-boom').SonicBoom;

/** Lines are passed as they are: the transport masks text, it does not need JSON. */
const keepLine = (line: string): string => line;

/**
 * The transport entry point pino calls in its worker thread.
 *
 * @example
 * const transport = pino.transport({ target: 'logveil/pino-transport', options: { destination: 1, mask: 'hash' } });
 * const logger = pino(transport);
 */
export default async function logveilTransport(options: PinoTransportOptions = {}) {
  const { destination, mkdir = true, append = true, ...rest } = options;
  // pino adds its own keys to a transport's options (`$context`, `pinoWillSendConfig`); any
  // other unknown key is still an error (a typo must not silently switch a setting off).
  const redactorOptions = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('$') && key !== 'pinoWillSendConfig')) as RedactorOptions;
  const redactor = createRedactor(redactorOptions);
  const mask = (line: string): string => {
    try {
      return redactor.redact(line);
    } catch {
      return '[REDACTED:logveil-error]';
    }
  };

  if (destination === undefined) {
    return build(
      (source) =>
        source.pipe(
          new Transform({
            writableObjectMode: true,
            transform(line: string, _encoding: BufferEncoding, callback: TransformCallback) {
              callback(null, `${mask(line)}\n`);
            },
          }),
        ),
      { parse: 'lines', parseLine: keepLine, enablePipelining: true },
    );
  }

  const dest = new SonicBoom({ dest: destination, mkdir, append, sync: false });
  let done: Promise<void> = Promise.resolve();
  return build(
    (source) => {
      done = (async () => {
        for await (const line of source as AsyncIterable<string>) {
          if (!dest.write(`${mask(line)}\n`)) await once(dest, 'drain');
        }
      })();
      return done;
    },
    {
      parse: 'lines',
      parseLine: keepLine,
      async close() {
        await done.catch(() => undefined);
        dest.end();
        await once(dest, 'close');
      },
    },
  );
}
