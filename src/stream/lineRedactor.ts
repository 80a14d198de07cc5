/**
 * The streaming core, independent of any stream API: bytes in (chunks cut anywhere), bytes
 * out (pieces to write in order), one line at a time as far as rules are concerned.
 *
 * - Complete lines of a chunk are redacted together in one matcher call; a region with
 *   nothing to mask is handed back as a slice of the chunk (no copy), and a region with
 *   secrets as slices between the masks.
 * - A line cut by a chunk boundary is carried over and finished with the next chunk.
 * - A line longer than `maxLineLength` is not buffered whole: it is scanned in windows of
 *   `maxLineLength` bytes that overlap by `overlap` bytes, so any secret of up to `overlap`
 *   bytes (context included) lies wholly inside some window. A longer token that crosses a
 *   window edge is masked as `long-line-token`, up to 64 KiB of it (fail closed).
 * - A multi-line PEM private key has its body masked line by line up to its END line, or for
 *   `PEM_BLOCK_MAX_LINES` lines when no END comes: whole lines after a header alone on its
 *   line, the base64 run inside each entry of a key logged one line per entry (see
 *   `pemBlock.ts`).
 *
 * A PEM key is one secret: the first span masked of a block (or the rule's span on a header
 * line with a glued body) is counted and reported; the block's later body lines are masked
 * but neither counted nor reported (`pemBlockLines` counts them).
 *
 * Output is byte-identical to the input outside the masks, LF/CRLF and a missing final
 * newline included, and does not depend on how the input was cut into chunks.
 */
import type { Span } from '../matcher/span.js';
import { resolveOverlaps } from '../matcher/span.js';
import { escapeSafeEnd, escapeSafeStart } from '../mask/writeMasks.js';
import { redactorInternals, toBuffer, type Redactor, type RedactorInternals } from '../redactor.js';
import type { SecretSighting } from '../report/sightings.js';
import { PemBlock } from './pemBlock.js';

/** Default longest line scanned whole: 1 MiB. */
export const DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;
/** Overlap between the windows of a long line: 16 KiB (or a quarter of a smaller `maxLineLength`). */
export const LONG_LINE_OVERLAP = 16 * 1024;
/** Longest token run masked across window edges of a long line (a longer run is data). */
export const LONG_TOKEN_MAX = 64 * 1024;
/** Rule index the masks of such runs carry (labelled `long-line-token`). */
export const LONG_TOKEN_RULE = -1;
/** Smallest `maxLineLength` accepted. */
export const MIN_MAX_LINE_LENGTH = 1024;

const NEWLINE = 0x0a;

/** Counters of one stream; read them with `stats()`. */
export interface StreamStats {
  /** Bytes read. */
  readonly bytes: number;
  /** Lines read (a last line without `\n` counts), when the stream was asked to count them. */
  readonly lines: number | undefined;
  /** Masked secrets per rule id (a multi-line PEM key counts once, under `private-key`). */
  readonly findings: Readonly<Record<string, number>>;
  /** Windows scanned for lines longer than `maxLineLength`. */
  readonly longLineWindows: number;
  /** Body lines masked inside multi-line PEM private keys. */
  readonly pemBlockLines: number;
  /** Internal errors (the affected lines were replaced by a mask, never passed through). */
  readonly errors: number;
  /**
   * The redactor's sightings of known secrets and revoked fingerprints per name and state
   * (`redactor.stats().sightings`: over every stream sharing the redactor), when it has either.
   */
  readonly sightings?: readonly SecretSighting[];
}

/** True for bytes that can continue a token across a window edge. */
function isTokenByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2b || c === 0x2f || c === 0x3d || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x7e || c === 0x25 || c === 0x5c;
}

/** What the matcher found in a region: spans, and [start, end] pairs of watched lines. */
export interface FoundInRegion {
  readonly spans: readonly Span[];
  readonly headers: readonly number[] | undefined;
}

/** A unit of output, in input order: lines that need the matcher, or ready pieces. */
export type Job =
  | { readonly kind: 'lines'; readonly region: Buffer }
  | {
      readonly kind: 'pieces';
      readonly pieces: readonly Uint8Array[];
      readonly endsPemBlock: boolean;
      /** The input bytes these pieces stand for and their masked spans, recorded on completion. */
      readonly input?: Buffer;
      readonly spans?: readonly Span[];
      /** For a window of a long line: what learned values are looked for in on completion. */
      readonly window?: LongLineWindow;
    };

/**
 * A window of a long line as it was matched: `input` is `bytes[context, context + input.length)`;
 * `spans` (rules and known secrets) are in `bytes`' offsets.
 */
export interface LongLineWindow {
  readonly bytes: Buffer;
  readonly context: number;
  readonly spans: readonly Span[];
}

export class LineRedactor {
  readonly maxLineLength: number;
  readonly overlap: number;
  private readonly core: RedactorInternals;
  /** The current incomplete line (its first `context` bytes were already written). */
  private carry: Buffer[] = [];
  private carryLength = 0;
  private context = 0;
  /** Bytes of a secret-like token run still to mask at the start of the next window (0: none). */
  private runBudget = 0;
  private runRule = LONG_TOKEN_RULE;
  /** The PEM block open at the start of the next line, if any. */
  private pem: PemBlock | undefined;
  /** Whether the open block's key was counted already (its first body span, or a body glued to its header). */
  private pemCounted = false;
  private bytes = 0;
  private longLineWindows = 0;
  private pemBlockLines = 0;
  private errors = 0;
  /** Masked secrets per rule id (named when counted: a learned value's rule index does not outlive it). */
  private readonly findings = new Map<string, number>();

  /** Whether to count lines (one extra pass per chunk; only when asked for). */
  private readonly countLines: boolean;
  private lines = 0;
  /** Input bytes written so far, and the line the next one is on (findings' positions). */
  private written = 0;
  private writtenLine = 1;

  constructor(redactor: Redactor, maxLineLength = DEFAULT_MAX_LINE_LENGTH, countLines = false) {
    this.core = redactorInternals(redactor);
    this.countLines = countLines;
    this.maxLineLength = maxLineLength;
    this.overlap = Math.min(LONG_LINE_OVERLAP, Math.floor(maxLineLength / 4));
  }

  stats(): StreamStats {
    const findings = Object.fromEntries(this.findings);
    const sightings = this.core.sightings();
    return { bytes: this.bytes, lines: this.countLines ? this.lines : undefined, findings, longLineWindows: this.longLineWindows, pemBlockLines: this.pemBlockLines, errors: this.errors, ...(sightings === undefined ? {} : { sightings }) };
  }

  /** Redacts one chunk; returns the pieces to write, in order (possibly none). */
  push(chunk: Uint8Array): Uint8Array[] {
    return this.runNow(this.split(chunk));
  }

  /** Ends the input: redacts and returns what is left (a last line without `\n`). */
  flush(): Uint8Array[] {
    return this.runNow(this.splitEnd());
  }

  /**
   * First half of `push`, for callers that find spans elsewhere (worker threads): cuts the
   * chunk into jobs, in order. A `lines` job needs the matcher's spans for its region (see
   * `complete`); a `pieces` job (windows of a long line) is ready.
   */
  split(chunk: Uint8Array): Job[] {
    const buf = toBuffer(chunk);
    this.bytes += buf.length;
    if (this.countLines) for (let i = buf.indexOf(NEWLINE); i !== -1; i = buf.indexOf(NEWLINE, i + 1)) this.lines++;
    const jobs: Job[] = [];
    let pos = 0;
    if (this.carryLength > 0) {
      const nl = buf.indexOf(NEWLINE);
      if (nl === -1) {
        this.carry.push(buf);
        this.carryLength += buf.length;
        if (this.carryLength > this.maxLineLength) this.drainLongLine(false, jobs);
        return jobs;
      }
      this.carry.push(buf.subarray(0, nl + 1));
      this.carryLength += nl + 1;
      this.finishCarriedLine(jobs);
      pos = nl + 1;
    }
    const lastNl = buf.lastIndexOf(NEWLINE);
    if (lastNl >= pos) {
      this.region(buf.subarray(pos, lastNl + 1), jobs);
      pos = lastNl + 1;
    }
    if (pos < buf.length) {
      this.carry.push(buf.subarray(pos));
      this.carryLength = buf.length - pos;
      if (this.carryLength > this.maxLineLength) this.drainLongLine(false, jobs);
    }
    return jobs;
  }

  /** First half of `flush`: the jobs for what is left at the end of input. */
  splitEnd(): Job[] {
    const jobs: Job[] = [];
    if (this.carryLength > 0) {
      if (this.countLines) this.lines++;
      this.finishCarriedLine(jobs);
    }
    return jobs;
  }

  /**
   * Second half: writes a job's output to `out`. Jobs must be completed in the order
   * `split` returned them (PEM blocks run across jobs). For a `lines` job, `found` is what
   * the matcher reported for its region with the private-key rule watched; without it the
   * matcher runs here.
   */
  complete(job: Job, found: FoundInRegion | undefined, out: Uint8Array[]): void {
    if (job.kind === 'pieces') {
      if (job.endsPemBlock) this.pem = undefined;
      // Findings are recorded here, in output order, not when the job was split: earlier jobs
      // of the same chunk (or on worker threads) come first, and positions count from them.
      // So are learned values: the lines before this window may have taught some.
      const learnedHere = job.window === undefined || job.input === undefined ? undefined : this.learnedIn(job.window, job.input.length);
      if (learnedHere !== undefined) {
        this.emit(job.input!, learnedHere, out);
        return;
      }
      if (job.input !== undefined) this.account(job.input, job.spans ?? []);
      for (const p of job.pieces) out.push(p);
      return;
    }
    // Spans found elsewhere (worker threads) lack the known secrets: matched here, on this thread.
    const addKnown = this.core.addKnown;
    if (found !== undefined && addKnown !== undefined) found = { spans: addKnown(job.region, found.spans), headers: found.headers };
    this.completeLines(job.region, found ?? this.find(job.region), out);
  }

  /** The matcher's spans for `region`, and the lines where the private-key keyword occurs. */
  find(region: Buffer): FoundInRegion {
    const pemRule = this.core.privateKeyRule;
    let headers: number[] | undefined;
    const spans = this.core.findSpans(region, pemRule === undefined ? undefined : { rule: pemRule, onLine: (lineStart, lineEnd) => (headers ??= []).push(lineStart, lineEnd) });
    return { spans, headers };
  }

  private runNow(jobs: Job[]): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const job of jobs) this.complete(job, undefined, out);
    return out;
  }

  /**
   * Fail-closed replacement after an internal error: every line that `chunk` ends (the carried
   * one included) becomes one mask line, and the state is reset; the bytes after the chunk's
   * last newline are dropped. Never throws.
   */
  failClosed(chunk: Uint8Array): Uint8Array[] {
    this.carry = [];
    this.carryLength = 0;
    this.context = 0;
    this.runBudget = 0;
    this.openPem(undefined);
    return this.failRegion(chunk);
  }

  /**
   * Fail-closed output for one `lines` job whose matching failed, leaving the line state
   * alone (later jobs were already split from it): one mask line per line of the region.
   */
  failRegion(region: Uint8Array): Uint8Array[] {
    this.errors++;
    const lines = toBuffer(region).reduce((n, c) => (c === NEWLINE ? n + 1 : n), 0);
    const mask = Buffer.from('[REDACTED:logveil-error]\n');
    return Array.from({ length: lines }, () => mask);
  }

  private take(): Buffer {
    const line = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryLength);
    this.carry = [];
    this.carryLength = 0;
    return line;
  }

  private finishCarriedLine(jobs: Job[]): void {
    if (this.context > 0 || this.carryLength > this.maxLineLength) {
      this.drainLongLine(true, jobs);
      return;
    }
    this.region(this.take(), jobs);
  }

  /**
   * Complete lines (the last one may lack its `\n` only at the end of input). Lines longer
   * than `maxLineLength` are split out and scanned in windows; runs of ordinary lines go to
   * the matcher in one call each. PERF: the long-line check jumps `maxLineLength` bytes at a
   * time (one `lastIndexOf` per jump), so it costs nothing for chunks under 1 MiB.
   */
  private region(region: Buffer, jobs: Job[]): void {
    if (region.length <= this.maxLineLength) {
      jobs.push({ kind: 'lines', region });
      return;
    }
    let segment = 0;
    let pos = 0;
    while (pos + this.maxLineLength <= region.length) {
      const nl = region.lastIndexOf(NEWLINE, pos + this.maxLineLength - 1);
      if (nl >= pos) {
        pos = nl + 1;
        continue;
      }
      // No newline within maxLineLength bytes: the line at `pos` is long.
      let end = region.indexOf(NEWLINE, pos + this.maxLineLength);
      end = end === -1 ? region.length : end + 1;
      if (pos > segment) jobs.push({ kind: 'lines', region: region.subarray(segment, pos) });
      this.carry = [region.subarray(pos, end)];
      this.carryLength = end - pos;
      this.drainLongLine(true, jobs);
      pos = segment = end;
    }
    if (segment < region.length) jobs.push({ kind: 'lines', region: region.subarray(segment) });
  }

  /**
   * Ordinary lines, with the matcher's findings: a line where the private-key keyword occurs
   * may open a PEM block (`PemBlock.open`), whose body is masked on the lines after it.
   */
  private completeLines(region: Buffer, found: FoundInRegion, out: Uint8Array[]): void {
    const { spans, headers } = found;
    if (this.pem === undefined && headers === undefined) {
      this.emit(region, spans, out);
      return;
    }
    const body: Span[] = [];
    const repeats: number[] = [];
    let pos = this.pem !== undefined ? this.maskPemBody(region, 0, body, repeats) : 0;
    for (let i = 0; headers !== undefined && i < headers.length; i += 2) {
      const lineStart = headers[i]!;
      const lineEnd = headers[i + 1]!;
      if (lineStart < pos) continue;
      this.openPem(PemBlock.open(region.subarray(lineStart, lineEnd)));
      if (this.pem !== undefined) pos = this.maskPemBody(region, lineEnd + 1, body, repeats);
    }
    this.emit(region, body.length === 0 ? spans : resolveOverlaps([...spans, ...body]), out, repeats);
  }

  private openPem(block: PemBlock | undefined): void {
    this.pem = block;
    this.pemCounted = block?.bodyOnHeader ?? false;
  }

  /**
   * Adds a span for the body on each line of the open PEM block from `from` (a header line
   * inside it opens the next block), until the block is over (its END line read, its bound
   * reached); returns where ordinary lines resume. The starts of body spans after a block's
   * first (the same key again) go to `repeats`, in order: masked, not counted.
   */
  private maskPemBody(region: Buffer, from: number, spans: Span[], repeats: number[]): number {
    let start = from;
    while (start < region.length && this.pem !== undefined) {
      let end = region.indexOf(NEWLINE, start);
      if (end === -1) end = region.length;
      const line = region.subarray(start, end);
      const next = PemBlock.open(line);
      if (next !== undefined) {
        this.openPem(next);
      } else {
        const body = this.pem.read(line);
        if (body !== undefined) {
          spans.push({ start: start + body.start, end: start + body.end, rule: this.core.privateKeyRule! });
          this.pemBlockLines++;
          if (this.pemCounted) repeats.push(start + body.start);
          this.pemCounted = true;
        }
        if (this.pem.done) this.pem = undefined;
      }
      start = end + 1;
    }
    return start;
  }

  /**
   * Writes `buf` (the next input bytes, in order) with `spans` masked, and records the spans
   * but the private-key spans starting at `repeats` (sorted: later lines of a PEM key).
   */
  private emit(buf: Buffer, spans: readonly Span[], out: Uint8Array[], repeats?: readonly number[]): void {
    this.account(buf, repeats === undefined || repeats.length === 0 ? spans : this.withoutRepeats(spans, repeats));
    for (const p of this.core.maskParts(buf, spans)) out.push(p);
  }

  /**
   * `spans` (sorted) without the private-key spans that start at one of `repeats` (sorted). A
   * body span merged with another rule's span starts elsewhere or carries that rule: counted.
   */
  private withoutRepeats(spans: readonly Span[], repeats: readonly number[]): Span[] {
    const pemRule = this.core.privateKeyRule;
    const kept: Span[] = [];
    let j = 0;
    for (const s of spans) {
      while (j < repeats.length && repeats[j]! < s.start) j++;
      if (s.rule === pemRule && repeats[j] === s.start) continue;
      kept.push(s);
    }
    return kept;
  }

  /** Counts and reports `spans` of `buf`, the next input bytes in output order. */
  private account(buf: Buffer, spans: readonly Span[]): void {
    if (spans.length > 0) {
      for (const s of spans) {
        const id = this.core.ruleIdOf(s.rule);
        this.findings.set(id, (this.findings.get(id) ?? 0) + 1);
      }
      this.core.record(buf, spans, { offset: this.written, line: this.writtenLine });
    }
    this.written += buf.length;
    // Line numbers of findings: counted only for a listener (one more pass over the bytes).
    if (this.core.listening) for (let i = buf.indexOf(NEWLINE); i !== -1; i = buf.indexOf(NEWLINE, i + 1)) this.writtenLine++;
  }

  /**
   * Scans the carried long line window by window. With `final`, the line is complete and
   * everything is written; otherwise windows are written while more than `maxLineLength`
   * bytes are waiting, and the rest stays carried.
   *
   * Window k covers [start, start + maxLineLength); its bytes up to the cut (maxLineLength −
   * overlap, or later when a secret crosses it) are written; the next window starts
   * `overlap` bytes before the cut, so those bytes are seen again as context. A run of
   * token bytes that starts before the cut and reaches the window's end may be a secret
   * longer than the overlap: it is masked, and so is its continuation in the next windows,
   * up to `LONG_TOKEN_MAX` bytes in all (fail closed; a longer run is data, not a secret).
   */
  private drainLongLine(final: boolean, jobs: Job[]): void {
    const w = this.maxLineLength;
    let cur = this.take();
    while (cur.length > w) {
      const win = cur.subarray(0, w);
      // Learned values are looked for when the window is completed, in output order (`complete`).
      const spans = [...this.core.findSpans(win, undefined, false)];
      this.continuation(win, spans);
      let cut = w - this.overlap;
      let end = -1; // rule of a span that reaches the window's end from before the cut
      if (isTokenByte(win[w - 1]!)) {
        let runStart = w - 1;
        while (runStart > 0 && isTokenByte(win[runStart - 1]!)) runStart--;
        // A run that began in the context was judged by the previous window (continuation).
        if (runStart < cut && runStart >= this.context) {
          spans.push({ start: runStart, end: w, rule: LONG_TOKEN_RULE });
          this.runBudget = LONG_TOKEN_MAX - (w - runStart);
          this.runRule = LONG_TOKEN_RULE;
        }
      }
      for (const sp of spans) {
        if (sp.start < cut && sp.end > cut) cut = Math.max(cut, sp.end);
        if (sp.end === w && sp.start < w - this.overlap && sp.rule !== LONG_TOKEN_RULE) end = sp.rule;
      }
      if (end !== -1 && this.runBudget <= 0) {
        this.runBudget = LONG_TOKEN_MAX;
        this.runRule = end;
      }
      // Never cut inside a JSON escape (`\"`, `\n`, `\u00e9`): the part written now could not
      // be masked escape-safely, and a lone `\` before the edge would break the JSON string.
      // (Checked on `cur`, which holds the bytes past the window: an escape may straddle it.)
      const reachedEnd = cut === w;
      const safeCut = escapeSafeEnd(cur, cut);
      if (safeCut !== cut) cut = safeCut <= w ? safeCut : escapeSafeStart(cur, cut);
      if (!reachedEnd) this.runBudget = 0; // nothing reached the end: no continuation
      jobs.push(this.window(win, cut, spans));
      this.longLineWindows++;
      cur = Buffer.from(cur.subarray(cut - this.overlap)); // copy: do not pin the big buffer
      this.context = this.overlap;
    }
    if (final) {
      const spans = [...this.core.findSpans(cur, undefined, false)];
      this.continuation(cur, spans);
      jobs.push(this.window(cur, cur.length, spans));
      this.context = 0;
      this.runBudget = 0;
    } else {
      this.carry = [cur];
      this.carryLength = cur.length;
    }
  }

  /** Masks the token bytes that continue, at the start of this window, a run masked before. */
  private continuation(win: Buffer, spans: Span[]): void {
    if (this.runBudget <= 0) return;
    const from = this.context;
    let run = from;
    while (run < win.length && run - from < this.runBudget && isTokenByte(win[run]!)) run++;
    if (run > from) spans.push({ start: from, end: run, rule: this.runRule });
    const stillRunning = run === win.length || (run - from === this.runBudget && isTokenByte(win[run]!));
    this.runBudget = run === win.length ? this.runBudget - (run - from) : 0;
    if (!stillRunning) this.runBudget = 0;
  }

  /**
   * The job writing `win[context, cut)` (the bytes before `context` were already written),
   * masked; its spans are recorded when the job completes.
   */
  private window(win: Buffer, cut: number, spans: Span[]): Job {
    const ctx = this.context;
    const resolved = resolveOverlaps(spans);
    const visible = visibleSpans(resolved, ctx, cut);
    const input = win.subarray(ctx, cut);
    const window = this.core.addLearned === undefined ? undefined : { bytes: win, context: ctx, spans: resolved };
    return { kind: 'pieces', pieces: this.core.maskParts(input, visible), endsPemBlock: true, input, spans: visible, window };
  }

  /**
   * The spans of a window's input with the copies of learned values added (the whole window
   * is searched, so a copy across the cut is masked on both sides), or undefined when there
   * are none to add. Learns the values of the window's rule spans.
   */
  private learnedIn(window: LongLineWindow, inputLength: number): Span[] | undefined {
    const all = this.core.addLearned!(window.bytes, window.spans);
    return all === window.spans ? undefined : visibleSpans(all, window.context, window.context + inputLength);
  }
}

/**
 * `spans` (sorted, merged) clipped to `[from, to)` and shifted to start there. A secret that
 * began in the part already written was not seen whole then: the rest is masked.
 */
function visibleSpans(spans: readonly Span[], from: number, to: number): Span[] {
  const visible: Span[] = [];
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    visible.push({ start: Math.max(s.start, from) - from, end: Math.min(s.end, to) - from, rule: s.rule });
  }
  return visible;
}

