/**
 * `createRedactor()`: options → rules → one compiled matcher and one mask writer per rule.
 * The returned redactor is immutable and synchronous; share one per process.
 */
import { compileMatcher, type LineWatch } from './matcher/compileMatcher.js';
import type { Span } from './matcher/span.js';
import { createFingerprinter } from './mask/fingerprint.js';
import { maskWriter, type MaskWriter } from './mask/maskStrategy.js';
import { maskParts, writeMasks } from './mask/writeMasks.js';
import { resolveOptions, type RedactorOptions } from './options.js';
import type { Finding } from './report/finding.js';
import { builtinRules } from './rules/catalog/index.js';
import { selectRules } from './rules/selectRules.js';

/**
 * A compiled redactor.
 *
 * @example
 * const redactor = createRedactor();
 * redactor.redact('{"password":"hunter2"}'); // '{"password":"[REDACTED:json-sensitive-key]"}'
 */
export interface Redactor {
  /** Masks every secret in `text`. Returns `text` itself when nothing was found. */
  redact(text: string): string;
  /**
   * Masks every secret in `buf`. Returns the very same Buffer instance when nothing was found;
   * otherwise a new Buffer, byte-identical to `buf` outside the masks.
   */
  redactBuffer(buf: Uint8Array): Buffer;
  /** The secrets `redact` would mask, as findings (never the secret itself). */
  scan(input: string | Uint8Array): Finding[];
  /** Ids of the rules this redactor runs, in order. */
  readonly ruleIds: readonly string[];
}

/** The one place input is classified: a string is encoded as UTF-8, bytes are viewed as a Buffer (no copy). */
export function toBuffer(input: string | Uint8Array): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * Compiles a redactor. Throws `OptionsError`/`RuleError` (with a `code`) on bad options or
 * rules; never throws afterwards.
 *
 * @example
 * const redactor = createRedactor({ mask: 'hash', fingerprintKey: 'k3y', disable: ['jwt'] });
 * redactor.redactBuffer(Buffer.from('Authorization: Bearer abc.def.ghi\n'));
 */
export function createRedactor(options?: RedactorOptions): Redactor {
  const opts = resolveOptions(options);
  const rules = selectRules(opts.builtins ? builtinRules : [], opts);
  const matcher = compileMatcher(rules);
  const fingerprint = createFingerprinter(opts.fingerprintKey);
  const writers: MaskWriter[] = matcher.rules.map((c) =>
    maskWriter(opts.maskByRule.get(c.rule.id) ?? c.mask ?? opts.mask, c.rule.id, fingerprint),
  );
  // Rule index -1: a token of a long line masked across a window edge (src/stream).
  const longTokenWriter = maskWriter(opts.mask, 'long-line-token', fingerprint);
  const maskFor = (span: Span, secret: Buffer) => (span.rule < 0 ? longTokenWriter : writers[span.rule]!)(secret);
  const ruleIds = Object.freeze(matcher.rules.map((c) => c.rule.id));

  function redactBuffer(input: Uint8Array): Buffer {
    const buf = toBuffer(input);
    const spans = matcher.findSpans(buf);
    return spans.length === 0 ? buf : writeMasks(buf, spans, maskFor);
  }

  const redactor: Redactor = {
    ruleIds,
    redactBuffer,
    redact(text) {
      if (typeof text !== 'string') text = String(text);
      const buf = Buffer.from(text, 'utf8');
      const spans = matcher.findSpans(buf);
      return spans.length === 0 ? text : writeMasks(buf, spans, maskFor).toString('utf8');
    },
    scan(input) {
      const buf = toBuffer(input);
      const spans = matcher.findSpans(buf);
      const findings: Finding[] = [];
      const time = new Date().toISOString();
      let line = 1;
      let lineStart = 0;
      for (const s of spans) {
        for (let nl = buf.indexOf(10, lineStart); nl !== -1 && nl < s.start; nl = buf.indexOf(10, lineStart)) {
          line++;
          lineStart = nl + 1;
        }
        const ruleId = matcher.rules[s.rule]!.rule.id;
        findings.push({ ruleId, start: s.start, end: s.end, line, fingerprint: fingerprint(buf.subarray(s.start, s.end)), time });
      }
      return findings;
    },
  };
  const privateKeyRule = matcher.rules.find((c) => c.rule.id === 'private-key');
  Object.defineProperty(redactor, INTERNALS, {
    enumerable: false,
    value: {
    ruleIds,
    findSpans: (buf, watch) => matcher.findSpans(buf, watch),
    maskParts: (buf, spans) => (spans.length === 0 ? [buf] : maskParts(buf, spans, maskFor)),
    privateKeyRule: privateKeyRule?.index,
    } satisfies RedactorInternals,
  });
  return Object.freeze(redactor);
}

/** What the stream layer needs from a redactor beyond its public methods. */
export interface RedactorInternals {
  /** Rule ids by compiled rule index (the `rule` of a span). */
  readonly ruleIds: readonly string[];
  /** The matcher's spans for `buf` (sorted, merged; never across a `\n`). */
  findSpans(buf: Buffer, watch?: LineWatch): readonly Span[];
  /**
   * `buf` with `spans` masked, as pieces to write in order: `[buf]` itself when there are no
   * spans, else slices of `buf` (never copies) between the masks.
   */
  maskParts(buf: Buffer, spans: readonly Span[]): readonly Uint8Array[];
  /** Index of the `private-key` rule (its mask covers multi-line PEM bodies), if enabled. */
  readonly privateKeyRule: number | undefined;
}

/**
 * Where a redactor keeps its internals. A registered symbol rather than a module-private
 * WeakMap: the CJS build bundles `logveil` and `logveil/stream` separately, and a redactor
 * from one must work in the other.
 */
const INTERNALS = Symbol.for('logveil.redactor.internals');

/** The internals of a redactor made by `createRedactor` (not part of the public API). */
export function redactorInternals(redactor: Redactor): RedactorInternals {
  const found = (redactor as unknown as Record<symbol, RedactorInternals | undefined>)[INTERNALS];
  if (found === undefined) throw new TypeError('not a redactor made by createRedactor()');
  return found;
}
