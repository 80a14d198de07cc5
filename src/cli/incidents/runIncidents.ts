/**
 * `logveil incidents`: arguments → every report checked (a path that cannot be read fails the
 * run before anything is written) → each opened in turn, read as a stream of lines, parsed
 * into sightings, merged into a ledger → one output on stdout → exit 0, or 2 with one line on
 * stderr.
 *
 * A line that is not a finding is skipped with a warning naming the report and the line
 * number — never its content: a report handed in by mistake may be a log full of secrets.
 * Warnings stop after WARNINGS_PER_REPORT per report; the rest are counted in one line.
 */
import { accessSync, closeSync, constants, createReadStream, fstatSync, openSync, statSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { plainSystemWords, systemErrorText } from '../cliError.js';
import { CliError, UsageError } from '../config.js';
import type { CliIo } from '../main.js';
import { printable } from '../scan/excerpt.js';
import { VERSION } from '../version.js';
import { createLedger, type IncidentLedger } from './incidentLedger.js';
import { parseIncidentsArgs, type IncidentsConfig } from './incidentsArgs.js';
import { INCIDENTS_EXIT_ERROR, INCIDENTS_EXIT_OK, INCIDENTS_USAGE } from './incidentsUsage.js';
import { renderJson } from './jsonIncidents.js';
import { renderMarkdown } from './markdownIncidents.js';
import type { IncidentsView } from './incidentsView.js';
import { summarize, summarizePer } from './periodSummary.js';
import { MAX_REPORT_LINE, reportLines } from './reportLines.js';
import { parseSighting } from './sighting.js';
import { renderText } from './textIncidents.js';

/** Skipped lines named one by one per report; past this they are counted. */
const WARNINGS_PER_REPORT = 10;
/** Read size for report files. */
const READ_SIZE = 256 * 1024;

/** A report to read: its label for messages and its path (undefined for standard input). */
interface ReportInput {
  readonly label: string;
  readonly path: string | undefined;
}

/**
 * Runs `logveil incidents` with the arguments after `incidents`; resolves to the exit code.
 * Never throws.
 *
 * @example
 * process.exitCode = await runIncidents(['web-1.ndjson', 'web-2.ndjson'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process });
 */
export async function runIncidents(argv: readonly string[], io: CliIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`logveil incidents: ${printable(line)}\n`);
  try {
    return await incidents(argv, io, say);
  } catch (err) {
    if (err instanceof CliError) {
      say(plainSystemWords(err.message));
      if (err instanceof UsageError) io.stderr.write("Try 'logveil incidents --help'.\n");
      return INCIDENTS_EXIT_ERROR;
    }
    io.stderr.write(`logveil incidents: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
    return INCIDENTS_EXIT_ERROR;
  }
}

async function incidents(argv: readonly string[], io: CliIo, say: (line: string) => void): Promise<number> {
  const config = parseIncidentsArgs(argv, Date.now());
  if (config.help) {
    io.stdout.write(INCIDENTS_USAGE);
    return INCIDENTS_EXIT_OK;
  }
  if (config.version) {
    io.stdout.write(`logveil ${VERSION}\n`);
    return INCIDENTS_EXIT_OK;
  }
  const inputs = checkReports(config);
  const ledger = createLedger(config.window);
  let skipped = 0;
  for (const input of inputs) skipped += await readReport(input, io.stdin, ledger, say);
  const list = ledger.incidents();
  const view: IncidentsView = {
    incidents: list,
    summary: summarize(list, config.window),
    periods: config.per === undefined ? undefined : { unit: config.per, list: summarizePer(list, config.per) },
    reports: inputs.length,
    skippedLines: skipped,
  };
  const text = config.format === 'json' ? renderJson(view) : config.format === 'markdown' ? renderMarkdown(view) : renderText(view);
  const err = await write(io.stdout, text);
  // A reader that went away (`logveil incidents … | head`) is not an error; a failing output is.
  if (err !== undefined && err.code !== 'EPIPE') throw new CliError(`cannot write the output: ${systemErrorText(err)}`);
  return INCIDENTS_EXIT_OK;
}

/**
 * Checks every report before reading any, so that a mistyped last path fails at once rather
 * than after the others were read (nothing is written either way: the output comes last).
 * Each is opened only when its turn comes: a fleet's worth of reports needs one descriptor.
 */
function checkReports(config: IncidentsConfig): ReportInput[] {
  const inputs: ReportInput[] = [];
  let stdin = false;
  for (const path of config.reports) {
    if (path === '-') {
      if (!stdin) inputs.push({ label: 'standard input', path: undefined }); // read once; a second "-" would be empty
      stdin = true;
      continue;
    }
    try {
      if (statSync(path).isDirectory()) throw new CliError(`cannot read ${path}: it is a directory`);
      accessSync(path, constants.R_OK);
    } catch (err) {
      throw err instanceof CliError ? err : new CliError(`cannot read ${path}: ${systemErrorText(err)}`);
    }
    inputs.push({ label: path, path });
  }
  return inputs;
}

/** Opens a report file for reading; a directory (the path changed since it was checked) is refused. */
function openReport(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${systemErrorText(err)}`);
  }
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw new CliError(`cannot read ${path}: it is a directory`);
  }
  return fd;
}

/** Reads one report (a file, or `stdin`) into the ledger; resolves to the number of lines skipped. */
async function readReport(input: ReportInput, stdin: Readable, ledger: IncidentLedger, say: (line: string) => void): Promise<number> {
  const fd = input.path === undefined ? undefined : openReport(input.path);
  // The stream leaves the descriptor to us (autoClose off): closed once, below.
  const source = fd === undefined ? stdin : createReadStream('', { fd, highWaterMark: READ_SIZE, autoClose: false });
  let skipped = 0;
  try {
    for await (const line of reportLines(source)) {
      const parsed = line.tooLong ? { ok: false as const, reason: `it is longer than ${MAX_REPORT_LINE} bytes` } : parseSighting(line.text);
      if (parsed.ok) {
        ledger.add(parsed.sighting);
        continue;
      }
      skipped++;
      if (skipped <= WARNINGS_PER_REPORT) say(`warning: ${input.label} line ${line.number} skipped: ${parsed.reason}`);
    }
  } catch (err) {
    throw new CliError(`cannot read ${input.label}: ${systemErrorText(err)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (skipped > WARNINGS_PER_REPORT) say(`warning: ${input.label}: ${skipped - WARNINGS_PER_REPORT} more lines skipped (${skipped} in all)`);
  return skipped;
}

/** Writes `text` and waits until it is handed to the system; resolves to the write error, if any. */
function write(out: Writable, text: string): Promise<NodeJS.ErrnoException | undefined> {
  out.on('error', () => undefined); // reported through the callback below, never thrown
  return new Promise((resolve) => out.write(text, (err) => resolve(err ?? undefined)));
}
