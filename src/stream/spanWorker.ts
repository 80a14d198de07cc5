/**
 * Worker-thread entry (built as dist/span-worker.js): compiles the same rules as the main
 * thread from plain-data options and answers "what does the matcher find in these bytes?"
 * for regions of complete lines. The main thread keeps line splitting, PEM blocks, long
 * lines, masking and output order; see parallelStream.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRedactor } from '../redactor.js';
import type { RedactorOptions } from '../options.js';
import { LineRedactor } from './lineRedactor.js';

export interface SpanRequest {
  readonly seq: number;
  readonly bytes: Uint8Array;
}

export interface SpanReply {
  readonly seq: number;
  /** start, end, rule — three numbers per span. */
  readonly spans: Int32Array;
  /** start, end pairs of lines where the private-key keyword occurs, or null. */
  readonly headers: Int32Array | null;
}

if (parentPort !== null) {
  const port = parentPort;
  // Warnings (a gitleaks config's skipped features) were already given by the main thread.
  const core = new LineRedactor(createRedactor({ ...(workerData as { options: RedactorOptions }).options, onWarning: () => undefined }));
  port.on('message', ({ seq, bytes }: SpanRequest) => {
    const found = core.find(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const spans = new Int32Array(found.spans.length * 3);
    found.spans.forEach((s, i) => spans.set([s.start, s.end, s.rule], i * 3));
    const headers = found.headers === undefined ? null : Int32Array.from(found.headers);
    const reply: SpanReply = { seq, spans, headers };
    port.postMessage(reply, headers === null ? [spans.buffer] : [spans.buffer, headers.buffer]);
  });
}
