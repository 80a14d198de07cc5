/**
 * The `logveil` sidecar: files or stdin → redact stream → stdout or `--output`.
 *
 * Errors before any output (bad usage, config, rule, unreadable input, unwritable output, an
 * output that is one of the inputs) print one line on stderr and exit 2 with nothing written.
 * SIGTERM/SIGINT stop reading, flush every line already read and exit 0 — from the start:
 * `bin/logveil.js` holds them while the build loads and `main()` takes them over before the
 * rules are compiled. A closed stdout (EPIPE) ends the run quietly.
 */
import { closeSync, constants, createWriteStream, fstatSync, ftruncateSync, openSync, read, type Stats } from 'node:fs';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogveilError, OptionsError } from '../errors.js';
import { createKnownSecrets, type KnownSecrets } from '../known/knownSecrets.js';
import { RevokedFingerprints } from '../known/revoked.js';
import { openReport, ReportRefusedError, type NdjsonReport } from '../report/ndjsonReport.js';
import { createParallelRedactStream } from '../stream/parallelStream.js';
import { createRedactStream, type RedactStream, type RedactStreamOptions } from '../stream/redactStream.js';
import { plainSystemWords, systemErrorText, UsageError } from './cliError.js';
import { CliError, describeOptionsError, parseCli, type CliConfig, type OptionOrigins } from './config.js';
import { EXIT_IO, EXIT_OK, EXIT_USAGE, USAGE } from './usage.js';
import { VERSION } from './version.js';

export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  /** Where SIGTERM/SIGINT are listened for (the process, or an EventEmitter in tests). */
  readonly signals: NodeJS.EventEmitter;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * A SIGTERM/SIGINT, from the moment `main()` starts: `requested` once one arrived (during
 * start-up the run then reads nothing and ends at once), `stop` what the running input loop
 * does about it.
 */
interface StopRequest {
  requested: boolean;
  stop: (() => void) | undefined;
}

/**
 * What a run holds open besides its inputs: known secrets (watchers), the revoked
 * fingerprints (read again on SIGHUP), the report, the metrics server.
 */
interface Extras {
  known?: KnownSecrets;
  revoked?: RevokedFingerprints;
  report?: NdjsonReport;
  metrics?: Server;
}

function closeExtras(extras: Extras): void {
  extras.known?.close();
  extras.report?.close();
  extras.metrics?.close();
}
/**
 * Read size for files. PERF: 64 KiB reads (Node's default) left the process idle a quarter
 * of the time on a 100 MB file; 1 MiB reads keep the matcher busy (bench/RESULTS.md).
 */
const READ_SIZE = 1024 * 1024;

/**
 * The file behind standard input (fd 0) or output (fd 1) when `stream` is the process's own,
 * else undefined (tests pass their own streams; a closed descriptor cannot be stat'ed).
 */
function processFileStats(stream: Readable | Writable, fd: 0 | 1): Stats | undefined {
  if (stream !== (fd === 0 ? process.stdin : process.stdout)) return undefined;
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

/** An input that is a regular file, to be compared with the output. */
interface InputFile {
  /** For messages: `the input app.log`, `standard input`. */
  readonly label: string;
  readonly stats: Stats;
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * Opens the output for writing, truncated — unless it is one of the inputs (same device and
 * inode: the same path, a symbolic or a hard link, or the file behind standard input): `-o
 * app.log app.log` would empty its input before reading it. Opened without `O_TRUNC`,
 * compared through the descriptor, truncated only then, so nothing is lost and no rename in
 * between can fool the check. Only regular files are compared and truncated (`/dev/full`,
 * a FIFO or `/dev/null` may be both).
 */
function openOutput(path: string, inputs: readonly InputFile[]): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT, 0o666);
  } catch (err) {
    throw new CliError(`cannot write ${path}: ${systemErrorText(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isFile()) {
      const input = inputs.find((i) => sameFile(i.stats, st));
      if (input !== undefined) throw new UsageError(`refusing to write ${path}: it is the same file as ${input.label} (it would be emptied before it is read)`);
      ftruncateSync(fd, 0);
    }
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return fd;
}

/** Loopback addresses (127.0.0.0/8, ::1, IPv4-mapped 127.x): metrics there stay on this host. */
function isLoopback(address: string): boolean {
  return address === '::1' || /^(?:::ffff:)?127\./i.test(address);
}

/**
 * Standard input's descriptor when it is the process's own and a file (`logveil < app.log`):
 * read in large blocks like a named input. Otherwise undefined: the stream is used as it is.
 */
function stdinFile(stdin: Readable): boolean {
  if (stdin !== process.stdin) return false;
  try {
    return fstatSync(0).isFile();
  } catch {
    return false; // not a file descriptor we can stat
  }
}

const readInto = (fd: number, buf: Buffer) =>
  new Promise<number>((resolve, reject) => read(fd, buf, 0, buf.length, null, (err, n) => (err ? reject(err) : resolve(n))));

/**
 * Reads `fd` into `stream` in READ_SIZE blocks until the end of the file, an error (returned)
 * or a stop. A read in flight when a signal comes is completed and its bytes written: on a
 * regular file they have already left the file offset — shared with whoever handed us standard
 * input — and a stream destroyed under that read dropped lines already read. On anything else
 * (a FIFO, a terminal) a read can wait for ever, so a stop does not wait for it.
 */
async function pumpFd(fd: number, stream: Writable, stopped: () => boolean, stop: Promise<void>): Promise<NodeJS.ErrnoException | undefined> {
  let regular = false;
  try {
    regular = fstatSync(fd).isFile();
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  let buf = Buffer.allocUnsafe(READ_SIZE);
  while (!stopped()) {
    let n: number;
    try {
      n = regular ? await readInto(fd, buf) : await Promise.race([readInto(fd, buf), stop.then(() => 0)]);
    } catch (err) {
      return err as NodeJS.ErrnoException;
    }
    if (n === 0) return undefined;
    // A full block is handed over as it is; a short one (a pipe, the end of a file) is copied, so
    // a few bytes do not hold a whole block in the stream's buffer.
    const chunk = n === buf.length ? buf : Buffer.from(buf.subarray(0, n));
    if (chunk === buf) buf = Buffer.allocUnsafe(READ_SIZE);
    if (!stream.write(chunk)) await Promise.race([firstOf(stream, ['drain', 'close']), stop]);
  }
  return undefined;
}

/**
 * Resolves when `emitter` emits any of `events` (an 'error' included: it is handled where the
 * output is set up). Not `Promise.race` of `once()`s: `once(out, 'finish')` rejects on
 * 'error', and that rejection, raced and lost, crashed the process (`-o /dev/full`).
 */
function firstOf(emitter: NodeJS.EventEmitter, events: readonly string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const e of events) emitter.off(e, done);
      resolve();
    };
    for (const e of events) emitter.once(e, done);
  });
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[] = process.argv.slice(2), io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process }): Promise<number> {
  if (argv[0] === 'scan') return (await import('./scan/index.js')).runScan(argv.slice(1), io); // logveil scan: src/cli/scan/
  if (argv[0] === 'incidents') return (await import('./incidents/index.js')).runIncidents(argv.slice(1), io); // logveil incidents: src/cli/incidents/
  const say = (line: string) => io.stderr.write(`logveil: ${line}\n`);
  const extras: Extras = {};
  // Signals are listened for before anything slow (config, known secrets, rule compilation):
  // a pod stopped right after it started must flush and exit 0, not die of SIGTERM (143).
  // SIGHUP reads the known secrets again — from the start: during start-up (reading 10,000
  // secret files takes a while) it must not kill the process; without known secrets it is
  // ignored rather than fatal.
  const request: StopRequest = { requested: false, stop: undefined };
  const onStop = () => {
    request.requested = true;
    request.stop?.();
  };
  const onHangup = () => {
    extras.known?.reload();
    const failed = extras.revoked?.reload();
    if (failed !== undefined) say(`warning: --revoked ${failed}`);
  };
  for (const s of SIGNALS) io.signals.on(s, onStop);
  io.signals.on('SIGHUP', onHangup);
  try {
    return await setUpAndRun(argv, io, say, extras, request);
  } finally {
    for (const s of SIGNALS) io.signals.off(s, onStop);
    io.signals.off('SIGHUP', onHangup);
  }
}

async function setUpAndRun(argv: readonly string[], io: CliIo, say: (line: string) => void, extras: Extras, request: StopRequest): Promise<number> {
  let config: CliConfig;
  let stream: RedactStream;
  const fds: number[] = [];
  let outFd: number | undefined;
  let streamOptions: RedactStreamOptions;
  let origins: OptionOrigins | undefined;
  try {
    config = parseCli(argv, io.env);
    origins = config.origins;
    if (config.help) {
      io.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (config.version) {
      io.stdout.write(`logveil ${VERSION}\n`);
      return EXIT_OK;
    }
    const warn = (w: string) => say(`warning: ${w}`);
    if (config.known !== undefined) {
      // checkInterval 0: the named paths are stat'ed before every chunk, so a line read after
      // a rotation is matched with the new value even before the watch event.
      extras.known = createKnownSecrets({ ...config.known, environment: io.env, checkInterval: 0, onWarning: warn });
    }
    // A --revoked file (or config path) is read here, so that SIGHUP can read it again.
    const revokedFrom = config.streamOptions.revokedFingerprints;
    if (typeof revokedFrom === 'string') extras.revoked = new RevokedFingerprints(revokedFrom);
    if (config.report !== undefined) {
      const path = config.report;
      try {
        extras.report = openReport(path, (err) => say(`cannot write the report ${path}: ${systemErrorText(err)}; findings are no longer reported (masking goes on)`));
      } catch (err) {
        // A directory that cannot be made says why in words (`permission denied (EACCES)`).
        const why = err instanceof ReportRefusedError ? `${err.message}${err.code === undefined ? '' : `: ${systemErrorText(err)}`}` : systemErrorText(err);
        throw new CliError(`cannot write the report ${path}: ${why}`);
      }
      if (extras.report.tightened) warn(`the report ${path} was readable by other users: its mode is now 0600`);
    }
    const report = extras.report;
    streamOptions = {
      ...config.streamOptions,
      countLines: config.stats || config.metrics !== undefined,
      knownSecrets: extras.known,
      ...(extras.revoked === undefined ? {} : { revokedFingerprints: extras.revoked }),
      onFinding: report === undefined ? undefined : (f) => report.write(f),
      onWarning: warn,
    };
    stream = createRedactStream(streamOptions); // compiles and checks every rule (exit 2 on a bad one)
    // Open every input and the output before writing anything: a bad path is a usage error.
    const inputFiles: InputFile[] = [];
    for (const input of config.inputs) {
      if (input === '-') {
        const st = processFileStats(io.stdin, 0);
        if (st?.isDirectory()) throw new CliError('cannot read standard input: it is a directory');
        if (st?.isFile()) inputFiles.push({ label: 'standard input', stats: st });
        continue;
      }
      let fd: number;
      try {
        fd = openSync(input, 'r');
      } catch (err) {
        throw new CliError(`cannot read ${input}: ${systemErrorText(err)}`);
      }
      fds.push(fd);
      const st = fstatSync(fd);
      if (st.isDirectory()) throw new CliError(`cannot read ${input}: it is a directory`);
      if (st.isFile()) inputFiles.push({ label: `the input ${input}`, stats: st });
    }
    if (config.output !== undefined) outFd = openOutput(config.output, inputFiles);
    else {
      // `logveil app.log >> app.log` would read its own output for ever (cat refuses it too).
      const st = processFileStats(io.stdout, 1);
      const input = st?.isFile() ? inputFiles.find((i) => sameFile(i.stats, st)) : undefined;
      if (input !== undefined) throw new UsageError(`refusing to write standard output: it is the same file as ${input.label} (it would read its own output for ever)`);
    }
    if (config.metrics !== undefined) {
      const { host, port } = config.metrics;
      const { metricsRegistry, serveMetrics } = await import('../report/metrics.js');
      const known = extras.known;
      const registry = metricsRegistry({ stream: () => stream.stats(), known: known === undefined ? undefined : () => known.stats() });
      try {
        extras.metrics = await serveMetrics(registry, host, port);
      } catch (err) {
        throw new CliError(`cannot serve metrics on the --metrics address: ${(err as NodeJS.ErrnoException).code === undefined ? 'the address cannot be used' : systemErrorText(err)}`);
      }
      const bound = extras.metrics.address() as AddressInfo;
      say(`metrics on http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}/metrics`);
      // Findings counts per rule tell a reader which keys just leaked: say so when they can be
      // read from other hosts (the address is the one bound, already on the line above).
      if (!isLoopback(bound.address)) warn('the metrics are served on a non-loopback address: findings counts can be read from other hosts');
    }
    // Workers only once nothing can fail any more: they would keep the process alive.
    // (Its rules were compiled and warned about once above: no second round of warnings at
    // start; warnings while running — a retired key seen — go through.)
    if (config.workers > 0) {
      let started = false;
      stream = createParallelRedactStream({ ...streamOptions, onWarning: (w) => started && warn(w) }, config.workers, new URL('./span-worker.js', import.meta.url));
      started = true;
    }
  } catch (err) {
    for (const fd of fds) closeSync(fd);
    if (outFd !== undefined) closeSync(outFd);
    closeExtras(extras);
    // A library error about an option names the flag or config key the value came from.
    const named = err instanceof OptionsError && origins !== undefined ? describeOptionsError(err, origins) : err;
    if (named instanceof CliError || named instanceof LogveilError) {
      say(plainSystemWords(named.message));
      if (named instanceof UsageError) io.stderr.write("Try 'logveil --help'.\n"); // only, and always, after a usage error
      return EXIT_USAGE;
    }
    say(`unexpected error: ${(err as Error).stack ?? String(err)}`);
    return EXIT_IO;
  }
  try {
    return await run(config, stream, fds, outFd, io, say, extras, request);
  } finally {
    closeExtras(extras);
  }
}

async function run(config: CliConfig, stream: RedactStream, fds: number[], outFd: number | undefined, io: CliIo, say: (line: string) => void, extras: Extras, request: StopRequest): Promise<number> {
  const out: Writable = outFd === undefined ? io.stdout : createWriteStream('', { fd: outFd });
  let exitCode = EXIT_OK;
  let stopping = false;
  let current: Readable | undefined;
  let wake: (() => void) | undefined;

  let signalStop: () => void = () => undefined;
  const stopSignal = new Promise<void>((resolve) => (signalStop = resolve));
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const src = current; // standard input as a stream (a pipe, a terminal, a test's stream)
    if (src !== undefined) {
      // Keep what was already read: drain the source's buffer into the stream, then pause it.
      src.unpipe(stream);
      for (let chunk = src.read() as Buffer | null; chunk !== null; chunk = src.read() as Buffer | null) stream.write(chunk);
      src.pause();
    }
    wake?.();
    signalStop(); // a file being read finishes the read in flight and stops
  };
  request.stop = stop;
  if (request.requested) stop(); // a signal during start-up: read nothing, end as after one

  // Set once the output cannot take more (closed pipe or write error): nothing is waited for.
  let outputClosed = false;
  out.on('error', (err: NodeJS.ErrnoException) => {
    outputClosed = true;
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') {
      say(`cannot write the output: ${systemErrorText(err)}`);
      exitCode = EXIT_IO;
    }
    stream.unpipe(out);
    stream.resume(); // nothing can be written any more: let the stream run dry and end
    stop();
  });
  stream.on('warning', (w: Error) => say(w.message));
  stream.pipe(out, { end: out !== io.stdout });

  let fdIndex = 0;
  let stdinUsed = false;
  for (const input of config.inputs) {
    if (stopping) break;
    if (input === '-' && stdinUsed) continue; // standard input can be read once; a second "-" is empty
    if (input === '-') stdinUsed = true;
    const cannotRead = (err: NodeJS.ErrnoException) => {
      say(`cannot read ${input === '-' ? 'standard input' : input}: ${systemErrorText(err)}`);
      exitCode = EXIT_IO;
    };
    if (input !== '-' || stdinFile(io.stdin)) {
      // Files (and standard input on a file) are read by descriptor, in large blocks.
      const fd = input === '-' ? 0 : fds[fdIndex++]!;
      const err = await pumpFd(fd, stream, () => stopping, stopSignal);
      if (fd !== 0) closeSync(fd);
      if (err !== undefined) cannotRead(err);
    } else {
      const src = io.stdin;
      current = src;
      await new Promise<void>((resolve) => {
        wake = resolve;
        src.once('end', resolve);
        src.once('error', (err: NodeJS.ErrnoException) => {
          cannotRead(err);
          resolve();
        });
        src.pipe(stream, { end: false });
      });
      src.unpipe(stream);
      current = undefined;
    }
    if (exitCode !== EXIT_OK) break;
  }
  // Inputs not reached (a signal or an error) still hold open descriptors.
  for (; fdIndex < fds.length; fdIndex++) closeSync(fds[fdIndex]!);

  stream.end();
  await once(stream, 'end');
  if (out !== io.stdout) {
    // A file output closes after 'finish' or after 'error' (autoClose): wait for that, not for
    // either. A write that fails in the last flush destroys the stream a tick before its
    // 'error' comes; returning then exited 0 (`-o /dev/full` with a short input).
    if (!out.closed) await firstOf(out, ['close']);
  } else if (!outputClosed && !out.destroyed && out.writableNeedDrain) {
    await firstOf(out, ['drain', 'error', 'close']);
  }
  request.stop = undefined;
  if (config.stats) {
    const st = stream.stats();
    const rules = Object.entries(st.findings).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const total = rules.reduce((n, [, c]) => n + c, 0);
    io.stderr.write(`logveil: ${st.lines ?? 0} lines, ${st.bytes} bytes, ${total} secrets masked${st.errors ? `, ${st.errors} internal errors` : ''}\n`);
    for (const [rule, n] of rules) io.stderr.write(`  ${rule}: ${n}\n`);
    const known = extras.known?.stats();
    if (known !== undefined) io.stderr.write(`logveil: known secrets: ${known.active} active, ${known.retiring} in rotation grace, ${known.retired} retired, ${known.refused} refused, ${known.reloads} reloads\n`);
  }
  return exitCode;
}
