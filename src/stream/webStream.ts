/**
 * `createRedactTransformStream()`: the streaming core as a web `TransformStream`
 * (`Uint8Array` in, `Uint8Array` out), for `ReadableStream.pipeThrough` in Node, Deno, Bun or
 * edge runtimes that have the `re2` addon.
 */
import type { Redactor } from '../redactor.js';
import { createLineRedactor, type RedactStreamOptions } from './redactStream.js';

/**
 * @example
 * const res = await fetch(url);
 * const masked = res.body!.pipeThrough(createRedactTransformStream());
 */
export function createRedactTransformStream(options?: RedactStreamOptions | Redactor): TransformStream<Uint8Array, Uint8Array> {
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
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      run(controller, () => core.push(chunk), chunk);
    },
    flush(controller) {
      run(controller, () => core.flush(), new Uint8Array(0));
    },
  });
}
