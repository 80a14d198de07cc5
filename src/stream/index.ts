/**
 * Streams: the line-splitting core (`lineRedactor.ts`, no stream API), the Node `Transform`
 * (`redactStream.ts`) and the web `TransformStream` (`webStream.ts`); multi-line PEM blocks
 * in `pemBlock.ts`. Exported as `logveil/stream`.
 *
 * Invariants: output equals input outside the masks, for any chunking; no line is dropped or
 * reordered; memory stays bounded by `maxLineLength` plus one chunk; nothing here throws once
 * the stream is built.
 */
export { createRedactStream, type RedactStream, type RedactStreamOptions } from './redactStream.js';
export { createRedactTransformStream, type RedactTransformStream } from './webStream.js';
export { DEFAULT_MAX_LINE_LENGTH, LONG_LINE_OVERLAP, type StreamStats } from './lineRedactor.js';
