/**
 * Bytes → scan findings: the redactor's findings plus multi-line PEM keys, placed at a line
 * and column, with inline `logveil:allow` applied and a masked excerpt each. One per thread:
 * the main thread and every scan worker build their own from the same plain-data options.
 */
import { createFingerprinter, type Fingerprinter } from '../../mask/fingerprint.js';
import type { KnownSecret } from '../../known/knownSecret.js';
import type { RedactorOptions } from '../../options.js';
import { createRedactor, type Redactor } from '../../redactor.js';
import { maskedExcerpt, secretValues, type MaskSpan } from './excerpt.js';
import { findPemBodies, pemFingerprintBytes } from './pemBlocks.js';
import type { ScanFinding } from './scanFinding.js';

/** The inline marker: a finding on a line that contains it is not reported. */
export const ALLOW_MARKER = 'logveil:allow';
const ALLOW = Buffer.from(ALLOW_MARKER);
/** gitleaks' inline marker, honoured alike: a team moving from gitleaks keeps its triage. */
const GITLEAKS_ALLOW = Buffer.from('gitleaks:allow');
const allows = (line: Buffer) => line.includes(ALLOW) || line.includes(GITLEAKS_ALLOW);
const NEWLINE = 0x0a;
const PEM_RULE = 'private-key';

/** Where a buffer sits in its file: byte offset and 1-based line of its first byte. */
export interface BufferOrigin {
  readonly offset: number;
  readonly line: number;
}

/** Findings of one buffer, and how many an inline `logveil:allow` suppressed. */
export interface BufferFindings {
  readonly findings: ScanFinding[];
  readonly allowedInline: number;
}

/**
 * Scans buffers of complete lines.
 *
 * @example
 * const scanner = createContentScanner({ fingerprintKey: process.env.LOGVEIL_FINGERPRINT_KEY! });
 * scanner.scan(Buffer.from('password=hunter2\n'), 'app.env', { offset: 0, line: 1 }).findings[0];
 * // { path: 'app.env', ruleId: 'password-assignment', line: 1, column: 10, … }
 */
export interface ContentScanner {
  scan(buf: Buffer, path: string, origin: BufferOrigin): BufferFindings;
}

/** Options of a content scanner: plain-data redactor options whose fingerprint key is always set. */
export type ScannerOptions = Omit<RedactorOptions, 'onWarning' | 'onFinding' | 'knownSecrets'> & {
  readonly fingerprintKey: string | Uint8Array;
  /** Known secrets as plain values (a live set cannot cross into the workers). */
  readonly knownSecrets?: readonly KnownSecret[];
  /** `--redact N`: percent of each secret hidden in excerpts (default 100; see excerpt.ts). Not a redactor option. */
  readonly excerptRedact?: number;
};

interface Raw extends MaskSpan {
  readonly fingerprint: string;
  /** Offset on the line where an inline allow is looked for (the PEM header for a PEM body). */
  readonly allowAt: number;
  /** A multi-line PEM body (found here, not by the redactor). */
  readonly pem: boolean;
}

function lineStartOf(buf: Buffer, offset: number): number {
  return offset === 0 ? 0 : buf.lastIndexOf(NEWLINE, offset - 1) + 1;
}

function lineEndOf(buf: Buffer, offset: number): number {
  const nl = buf.indexOf(NEWLINE, offset);
  return nl === -1 ? buf.length : nl;
}

function rawFindings(redactor: Redactor, fingerprint: Fingerprinter, pem: boolean, buf: Buffer): Raw[] {
  const raw: Raw[] = redactor.scan(buf).map((f) => ({ ruleId: f.ruleId, start: f.start, end: f.end, fingerprint: f.fingerprint, allowAt: f.start, pem: false }));
  if (pem) {
    for (const b of findPemBodies(buf)) {
      raw.push({ ruleId: PEM_RULE, start: b.start, end: b.end, fingerprint: fingerprint(pemFingerprintBytes(buf.subarray(b.start, b.end))), allowAt: b.headerStart, pem: true });
    }
    raw.sort((a, b) => a.start - b.start);
  }
  return raw;
}

/**
 * True when an inline allow covers `f`: the marker on its line; for a multi-line PEM key, on
 * its BEGIN line or the line above it (a BEGIN line followed by a comment no longer opens a
 * block, so the line above is where a PEM file can carry the marker) — but only when that
 * line has no finding of its own: there, the marker is taken to allow that finding, not the
 * key below it (`TEST_PASSWORD=… # logveil:allow` right above a key must not hide the key).
 */
function allowedAt(buf: Buffer, f: Raw, raw: readonly Raw[]): boolean {
  const start = lineStartOf(buf, f.allowAt);
  if (allows(buf.subarray(start, lineEndOf(buf, f.allowAt)))) return true;
  if (!f.pem || start === 0) return false;
  const above = lineStartOf(buf, start - 1);
  if (!allows(buf.subarray(above, start))) return false;
  return !raw.some((r) => r !== f && r.start < start && r.end > above);
}

const BOM_LENGTH = 3;

/**
 * Where the text of the line starting at `lineStart` begins, for columns and excerpts: after
 * a UTF-8 byte order mark at the very start of a file (an editor gives it no column), unless
 * the finding itself starts inside it (`findingStart`).
 */
function textStart(buf: Buffer, lineStart: number, origin: BufferOrigin, findingStart: number): number {
  const bom = origin.offset === 0 && lineStart === 0 && findingStart >= BOM_LENGTH && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  return bom ? BOM_LENGTH : lineStart;
}

/**
 * The spans that touch the line `[lineStart, lineEnd)` of `raw[i]` (raw is sorted by start):
 * neighbours of `i`, and any PEM body, which can start many lines above.
 */
function spansOnLine(raw: readonly Raw[], pems: readonly Raw[], i: number, lineStart: number, lineEnd: number): Raw[] {
  let from = i;
  while (from > 0 && raw[from - 1]!.end > lineStart) from--;
  let to = i + 1;
  while (to < raw.length && raw[to]!.start < lineEnd) to++;
  const near = raw.slice(from, to);
  const pem = pems.filter((r) => r.start < lineEnd && r.end > lineStart && !near.includes(r));
  return pem.length === 0 ? near : [...pem, ...near].sort((a, b) => a.start - b.start);
}

/**
 * Compiles the rules (throws `OptionsError`/`RuleError` on bad options, like `createRedactor`).
 * `onWarning` receives what the rules warn about (a gitleaks config's skipped features): the
 * main thread prints them, workers pass nothing so each warning is printed once.
 */
export function createContentScanner(options: ScannerOptions, onWarning: (message: string) => void = () => undefined): ContentScanner {
  // No value identity: files are scanned on several threads in no fixed order, and a finding
  // must not depend on which file another thread read first.
  const { excerptRedact = 100, ...redactorOptions } = options;
  const redactor = createRedactor({ ...redactorOptions, onWarning, learn: false });
  const fingerprint = createFingerprinter(options.fingerprintKey);
  const pem = redactor.ruleIds.includes(PEM_RULE);

  return {
    scan(buf, path, origin) {
      const raw = rawFindings(redactor, fingerprint, pem, buf);
      const pems = pem ? raw.filter((r) => r.pem) : [];
      const findings: ScanFinding[] = [];
      // The values found in this read (the first 64) are masked on every excerpt's line (excerpt.ts).
      const values = raw.length === 0 ? [] : secretValues(buf, raw);
      let allowedInline = 0;
      // Line numbers: one pass over the newlines up to the last finding, never past it.
      let line = origin.line;
      let counted = 0;
      const lineAt = (offset: number) => {
        for (let nl = buf.indexOf(NEWLINE, counted); nl !== -1 && nl < offset; nl = buf.indexOf(NEWLINE, counted)) {
          line++;
          counted = nl + 1;
        }
        return line;
      };
      for (let i = 0; i < raw.length; i++) {
        const f = raw[i]!;
        if (allowedAt(buf, f, raw)) {
          allowedInline++;
          continue;
        }
        const startLine = lineAt(f.start);
        const lineStart = textStart(buf, lineStartOf(buf, f.start), origin, f.start);
        const last = Math.max(f.start, f.end - 1);
        let endLine = startLine;
        for (let nl = buf.indexOf(NEWLINE, f.start); nl !== -1 && nl < last; nl = buf.indexOf(NEWLINE, nl + 1)) endLine++;
        const endLineStart = textStart(buf, lineStartOf(buf, last), origin, f.start);
        findings.push({
          path,
          ruleId: f.ruleId,
          fingerprint: f.fingerprint,
          line: startLine,
          column: buf.toString('utf8', lineStart, f.start).length + 1,
          endLine,
          endColumn: buf.toString('utf8', endLineStart, f.end).length + 1,
          start: origin.offset + f.start,
          end: origin.offset + f.end,
          excerpt: maskedExcerpt(buf, lineStart, lineEndOf(buf, f.start), spansOnLine(raw, pems, i, lineStart, lineEndOf(buf, f.start)), f.start, excerptRedact, values),
        });
      }
      return { findings, allowedInline };
    },
  };
}
