/**
 * `createParallelRedactStream()`: the redact stream with matching moved onto worker threads.
 *
 * The main thread splits input into jobs (`LineRedactor.split`), sends each region of
 * complete lines to the least busy worker (a copy, transferred), and completes jobs strictly
 * in input order as the answers come back — so line order, PEM blocks and long lines behave
 * exactly as in `createRedactStream`. Backpressure: at most `4 × workers` regions are in
 * flight; past that the transform holds its callback until an answer arrives. A worker that
 * dies is replaced by matching on the main thread (never a lost or unmasked line).
 */
import { Transform, type TransformCallback } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Span } from '../matcher/span.js';
import type { FoundInRegion, Job } from './lineRedactor.js';
import { createLineRedactor, type RedactStream, type RedactStreamOptions } from './redactStream.js';
import type { SpanReply } from './spanWorker.js';

interface Entry {
  readonly job: Job;
  found: FoundInRegion | undefined;
  ready: boolean;
  worker: Slot | undefined;
}

interface Slot {
  readonly worker: Worker;
  inFlight: number;
  alive: boolean;
}

function decode(reply: SpanReply): FoundInRegion {
  const spans: Span[] = [];
  for (let i = 0; i < reply.spans.length; i += 3) spans.push({ start: reply.spans[i]!, end: reply.spans[i + 1]!, rule: reply.spans[i + 2]! });
  return { spans, headers: reply.headers === null ? undefined : [...reply.headers] };
}

/**
 * @param options plain-data redactor and stream options (they are sent to the workers).
 * @param workers number of worker threads (≥ 1).
 * @param workerUrl the built worker entry (dist/span-worker.js).
 */
export function createParallelRedactStream(options: RedactStreamOptions, workers: number, workerUrl: URL): RedactStream {
  if (options.redactor !== undefined) throw new TypeError('createParallelRedactStream needs plain-data options, not a compiled redactor');
  const core = createLineRedactor(options);
  // Workers match the rules; known secrets (possibly a live set), learned values, listeners and
  // what findings carry (revoked fingerprints, source) stay here: values are learned on this
  // thread, in input order, as regions are completed.
  const { maxLineLength: _m, countLines: _c, redactor: _r, knownSecrets: _k, onFinding: _f, onWarning: _w, learn: _l, revokedFingerprints: _v, source: _s, ...rules } = options;
  const redactorOptions = { ...rules, learn: false };
  const slots: Slot[] = [];
  const queue: Entry[] = [];
  const bySeq = new Map<number, Entry>();
  let seq = 0;
  let inFlight = 0;
  const limit = 4 * workers;
  let held: TransformCallback | undefined;
  let flushed: TransformCallback | undefined;
  let stream: RedactStream;

  // Matched on this thread when it is completed (`found` undefined: rules and known secrets).
  const settleLocally = (entry: Entry) => {
    entry.found = undefined;
    entry.ready = true;
  };

  const drain = () => {
    while (queue.length > 0 && queue[0]!.ready) {
      const entry = queue.shift()!;
      const out: Uint8Array[] = [];
      try {
        core.complete(entry.job, entry.found, out);
      } catch {
        out.splice(0, out.length, ...(entry.job.kind === 'lines' ? core.failRegion(entry.job.region) : []));
      }
      for (const p of out) stream.push(p);
    }
    if (held !== undefined && inFlight < limit) {
      const cb = held;
      held = undefined;
      cb();
    }
    if (flushed !== undefined && queue.length === 0) {
      const cb = flushed;
      flushed = undefined;
      for (const s of slots) void s.worker.terminate();
      cb();
    }
  };

  const fail = (slot: Slot) => {
    if (!slot.alive) return;
    slot.alive = false;
    for (const [id, entry] of [...bySeq]) {
      if (entry.worker !== slot) continue;
      bySeq.delete(id);
      inFlight--;
      settleLocally(entry);
    }
    drain();
  };

  for (let i = 0; i < workers; i++) {
    const worker = new Worker(workerUrl, { workerData: { options: redactorOptions } });
    const slot: Slot = { worker, inFlight: 0, alive: true };
    worker.on('message', (reply: SpanReply) => {
      const entry = bySeq.get(reply.seq);
      if (entry === undefined) return;
      bySeq.delete(reply.seq);
      if (--slot.inFlight === 0) worker.unref();
      inFlight--;
      entry.found = decode(reply);
      entry.ready = true;
      drain();
    });
    worker.on('error', () => fail(slot));
    worker.on('exit', () => fail(slot));
    // An idle worker must not keep the process alive; a busy one must (see submit).
    worker.unref();
    slots.push(slot);
  }

  const submit = (entry: Entry) => {
    const live = slots.filter((s) => s.alive);
    if (entry.job.kind !== 'lines' || live.length === 0) {
      settleLocally(entry);
      return;
    }
    const slot = live.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const region = entry.job.region;
    const bytes = new Uint8Array(region.length);
    bytes.set(region);
    const id = seq++;
    entry.worker = slot;
    bySeq.set(id, entry);
    if (slot.inFlight++ === 0) slot.worker.ref();
    inFlight++;
    slot.worker.postMessage({ seq: id, bytes }, [bytes.buffer]);
  };

  const enqueue = (jobs: Job[]) => {
    for (const job of jobs) {
      const entry: Entry = { job, found: undefined, ready: job.kind === 'pieces', worker: undefined };
      queue.push(entry);
      if (!entry.ready) submit(entry);
    }
  };

  stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      try {
        enqueue(core.split(chunk));
      } catch {
        queue.push({ job: { kind: 'pieces', pieces: core.failClosed(chunk), endsPemBlock: true }, found: undefined, ready: true, worker: undefined });
      }
      if (inFlight >= limit) held = callback;
      drain();
      if (held !== callback) callback();
    },
    flush(callback: TransformCallback) {
      enqueue(core.splitEnd());
      flushed = callback;
      drain();
    },
    destroy(err, callback) {
      for (const s of slots) void s.worker.terminate();
      callback(err);
    },
  }) as RedactStream;
  stream.stats = () => core.stats();
  return stream;
}
