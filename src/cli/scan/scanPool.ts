/**
 * Scanning many files on every core: the main thread and N worker threads ("lanes") take
 * batches of files from one queue. Each worker builds its own scanner from the plain-data
 * options (structured clone), reads its files itself and answers with their results; the
 * main thread scans batches between answers, and a worker is sent work only once it has
 * compiled its rules, so no batch waits for a worker's start-up. Results are handed back in input order whatever lane produced
 * them. A worker that fails (exit or error) has its batches put back in the queue: the scan
 * never loses a file, at worst it finishes on the main thread.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ContentScanner, ScannerOptions } from './contentScanner.js';
import type { FileResult } from './scanFinding.js';
import { scanFile } from './scanInput.js';
import type { ScanBatchRequest, ScanWorkerData, ScanWorkerMessage } from './scanWorker.js';

/**
 * Batch bounds. PERF: one message per file cost a round trip per file on trees of small
 * files; a batch of up to 64 files or 1 MiB keeps that overhead small while the queue stays
 * fine-grained enough for the lanes to finish together.
 */
const BATCH_FILES = 64;
const BATCH_BYTES = 1024 * 1024;
/** Batches a worker holds at once: one being scanned, one waiting, so it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

interface Batch {
  readonly id: number;
  /** Indexes into the file list. */
  readonly files: readonly number[];
}

export interface PoolFile {
  readonly path: string;
  readonly size: number;
}

export interface PoolOptions {
  /** The scanner of the main thread (also used alone when `workers` is 0). */
  readonly scanner: ContentScanner;
  /** Options the workers build their scanners from: the main scanner's, as plain data. */
  readonly options: ScannerOptions;
  readonly workers: number;
  /** The built worker entry (dist/scan-worker.js). */
  readonly workerUrl: URL;
  /** Called once per file as its result arrives (any order), e.g. for progress. */
  readonly onResult?: (result: FileResult, file: PoolFile) => void;
}

function batchesOf(files: readonly PoolFile[]): Batch[] {
  const batches: Batch[] = [];
  let current: number[] = [];
  let bytes = 0;
  files.forEach((f, i) => {
    if (current.length > 0 && (current.length >= BATCH_FILES || bytes + f.size > BATCH_BYTES)) {
      batches.push({ id: batches.length, files: current });
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += f.size;
  });
  if (current.length > 0) batches.push({ id: batches.length, files: current });
  return batches;
}

/**
 * Scans `files`; resolves to one result per file, in the order given.
 *
 * @example
 * const results = await scanFiles(files, { scanner, options, workers: 1, workerUrl: new URL('./scan-worker.js', import.meta.url) });
 */
export async function scanFiles(files: readonly PoolFile[], pool: PoolOptions): Promise<FileResult[]> {
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(files.length);
  const queue = batchesOf(files);
  let pending = queue.length;
  let wake: (() => void) | undefined;

  const settle = (batch: Batch, batchResults: readonly FileResult[]) => {
    batch.files.forEach((fileIndex, k) => {
      const r = batchResults[k]!;
      results[fileIndex] = r;
      pool.onResult?.(r, files[fileIndex]!);
    });
    pending--;
  };

  interface Lane {
    readonly worker: Worker;
    readonly inFlight: Map<number, Batch>;
    alive: boolean;
  }
  const lanes: Lane[] = [];
  const feed = (lane: Lane) => {
    while (lane.alive && lane.inFlight.size < IN_FLIGHT_PER_WORKER && queue.length > 0) {
      const batch = queue.shift()!;
      lane.inFlight.set(batch.id, batch);
      const request: ScanBatchRequest = { id: batch.id, paths: batch.files.map((i) => files[i]!.path) };
      lane.worker.postMessage(request);
    }
  };
  const fail = (lane: Lane) => {
    if (!lane.alive) return;
    lane.alive = false;
    queue.unshift(...lane.inFlight.values()); // scanned again elsewhere, never lost
    lane.inFlight.clear();
    wake?.();
  };
  const workerData: ScanWorkerData = { options: pool.options };
  for (let i = 0; i < pool.workers && queue.length > 0; i++) {
    const lane: Lane = { worker: new Worker(pool.workerUrl, { workerData }), inFlight: new Map(), alive: true };
    lane.worker.on('message', (reply: ScanWorkerMessage) => {
      if (reply.kind === 'ready') {
        feed(lane);
        return;
      }
      const batch = lane.inFlight.get(reply.id);
      if (batch === undefined) return;
      lane.inFlight.delete(reply.id);
      settle(batch, reply.results);
      feed(lane);
      wake?.();
    });
    lane.worker.on('error', () => fail(lane));
    lane.worker.on('exit', () => fail(lane));
    lanes.push(lane); // fed once it says it is ready: until then the main thread takes every batch
  }

  // The main thread's lane: scan a batch, then let the workers' answers in.
  while (pending > 0) {
    const batch = queue.shift();
    if (batch !== undefined) {
      settle(batch, batch.files.map((i) => scanFile(pool.scanner, files[i]!.path)));
      if (lanes.length > 0) await yieldToEvents();
    } else {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }
  // Not awaited: a worker still starting up would hold the answer back for nothing.
  for (const lane of lanes) {
    lane.alive = false;
    lane.worker.removeAllListeners('exit');
    lane.worker.unref();
    void lane.worker.terminate();
  }
  return results as FileResult[];
}
