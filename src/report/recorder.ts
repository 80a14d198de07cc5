/**
 * Turns masked spans into counts per rule and, when someone listens, into findings: rule id,
 * known secret name, keyed fingerprint, line, byte offsets, time — never the secret.
 */
import type { Span } from '../matcher/span.js';
import type { Fingerprinter } from '../mask/fingerprint.js';
import type { Finding } from './finding.js';

/** What a span's rule index stands for. */
export interface SpanSource {
  /** Rule id of a span's rule index. */
  ruleId(rule: number): string;
  /**
   * The whole value behind a span's rule index, if it is a known secret (with its name) or a
   * learned value (with the fingerprinter of the rule that first masked it).
   */
  known(rule: number): { readonly name?: string; readonly value: Buffer; readonly fingerprint?: Fingerprinter } | undefined;
}

/** Where a scanned Buffer sits in a longer input (a stream): its first byte's offset and line. */
export interface Position {
  readonly offset: number;
  readonly line: number;
}

const NEWLINE = 0x0a;

export class FindingRecorder {
  private readonly counts = new Map<string, number>();
  /** Fingerprints of known and learned values, by value object (a value's fingerprint, whatever encoding was seen). */
  private readonly knownPrints = new WeakMap<Buffer, string>();

  constructor(
    private readonly source: SpanSource,
    private readonly fingerprint: Fingerprinter,
    private readonly onFinding: ((finding: Finding) => void) | undefined,
  ) {}

  /** Whether findings are wanted (then streams track line numbers). */
  get listening(): boolean {
    return this.onFinding !== undefined;
  }

  /** Masked secrets per rule id since the redactor was made. */
  counters(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** The fingerprint of the secret under `span` (a known secret's whole value for known spans). */
  fingerprintOf(buf: Uint8Array, span: Span): string {
    const known = this.source.known(span.rule);
    if (known === undefined) return this.fingerprint(buf.subarray(span.start, span.end));
    let print = this.knownPrints.get(known.value);
    if (print === undefined) this.knownPrints.set(known.value, (print = (known.fingerprint ?? this.fingerprint)(known.value)));
    return print;
  }

  /**
   * Counts and reports one secret found without a span (the value of a sensitive key in a
   * structured log entry: the winston format), under `ruleId`, fingerprinted with
   * `fingerprint` (the caller's, when its masks use another key).
   */
  recordValue(ruleId: string, secret: string, fingerprint: Fingerprinter = this.fingerprint): void {
    this.counts.set(ruleId, (this.counts.get(ruleId) ?? 0) + 1);
    const listener = this.onFinding;
    if (listener === undefined) return;
    const bytes = Buffer.from(secret, 'utf8');
    try {
      listener({ ruleId, fingerprint: fingerprint(bytes), line: 1, start: 0, end: bytes.length, time: new Date().toISOString() });
    } catch {
      // the listener's failure is its own
    }
  }

  /**
   * Counts `spans` (found in `buf`) and hands one finding per span to the listener. A
   * listener that throws is ignored: reporting never breaks masking.
   */
  record(buf: Uint8Array, spans: readonly Span[], at?: Position): void {
    for (const s of spans) {
      const id = this.source.ruleId(s.rule);
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    }
    const listener = this.onFinding;
    if (listener === undefined) return;
    for (const finding of this.findings(buf, spans, at)) {
      try {
        listener(finding);
      } catch {
        // the listener's failure is its own; the line is masked either way
      }
    }
  }

  /**
   * The findings of `spans` (found in `buf`, which starts `at` in a longer input), in order:
   * what `record` reports and `redactor.scan` returns. Counts nothing.
   */
  findings(buf: Uint8Array, spans: readonly Span[], at: Position = { offset: 0, line: 1 }): Finding[] {
    const out: Finding[] = [];
    const time = new Date().toISOString();
    let line = at.line;
    let pos = 0;
    for (const s of spans) {
      for (let nl = buf.indexOf(NEWLINE, pos); nl !== -1 && nl < s.start; nl = buf.indexOf(NEWLINE, pos)) {
        line++;
        pos = nl + 1;
      }
      const known = this.source.known(s.rule);
      const base = { ruleId: this.source.ruleId(s.rule), fingerprint: this.fingerprintOf(buf, s), line, start: at.offset + s.start, end: at.offset + s.end, time };
      out.push(known?.name === undefined ? base : { ...base, name: known.name });
    }
    return out;
  }
}
