/**
 * Worker-thread entry of `logveil scan` (built as dist/scan-worker.js): builds its own
 * content scanner from the plain-data options it is started with (the same rules and the
 * same fingerprint key as the main thread), then reads and scans the batches of files it is
 * sent, answering with their results. Reading happens here too, so both cores read and scan.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContentScanner, type ScannerOptions } from './contentScanner.js';
import type { FileResult } from './scanFinding.js';
import { scanFile } from './scanInput.js';

/** What a scan worker is started with. */
export interface ScanWorkerData {
  readonly options: ScannerOptions;
}

/** A batch of files to scan. */
export interface ScanBatchRequest {
  readonly id: number;
  readonly paths: readonly string[];
}

/** The results of a batch, one per path, in order; or, first of all, "rules compiled, send work". */
export type ScanWorkerMessage = { readonly kind: 'ready' } | { readonly kind: 'results'; readonly id: number; readonly results: readonly FileResult[] };

if (parentPort !== null) {
  const port = parentPort;
  const scanner = createContentScanner((workerData as ScanWorkerData).options);
  port.on('message', ({ id, paths }: ScanBatchRequest) => {
    const reply: ScanWorkerMessage = { kind: 'results', id, results: paths.map((p) => scanFile(scanner, p)) };
    port.postMessage(reply);
  });
  const ready: ScanWorkerMessage = { kind: 'ready' };
  port.postMessage(ready);
}
