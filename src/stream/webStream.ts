/**
 * `createRedactTransformStream()`: the streaming core as a web `TransformStream`
 * (`Uint8Array` in, `Uint8Array` out), for `ReadableStream.pipeThrough` in Node, Deno, Bun or
 * edge runtimes that have the `re2` addon.
 */
import type { Redactor } from '../redactor.js';
import type { StreamStats } from './lineRedactor.js';
import { createLineRedactor, type RedactStreamOptions } from './redactStream.js';

/**
 * A web `TransformStream` that masks secrets; `stats()` reads its counters, with the same
 * shape and meaning as the Node stream's (`RedactStream.stats()`).
 */
export interface RedactTransformStream extends TransformStream<Uint8Array, Uint8Array> {
  stats(): StreamStats;
}

/**
 * A web `TransformStream` that masks every secret in the bytes passing through, with the
 * same options, output and counters as `createRedactStream`.
 *
 * @example
 * const res = await fetch(url);
 * const veil = createRedactTransformStream({ countLines: true });
 * const masked = res.body!.pipeThrough(veil);
 * // …once `masked` is read to its end:
 * veil.stats(); // { bytes, lines, findings: { 'private-key': 1 }, longLineWindows, pemBlockLines, errors }
 */
export function createRedactTransformStream(options?: RedactStreamOptions | Redactor): RedactTransformStream {
  const core = createLineRedactor(options);
  const run = (controller: TransformStreamDefaultController<Uint8Array>, work: () => Uint8Array[], chunk: Uint8Array) => {
    let pieces: Uint8Array[];
    try {
      pieces = work();
    } catch {
      pieces = core.failClosed(chunk);
    }
    for (const p of pieces) controller.enqueue(p);
  };
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      run(controller, () => core.push(chunk), chunk);
    },
    flush(controller) {
      run(controller, () => core.flush(), new Uint8Array(0));
    },
  }) as RedactTransformStream;
  stream.stats = () => core.stats();
  return stream;
}
