/**
 * `logveil/otel`: an OpenTelemetry logs processor that masks secrets in each log record
 * before any exporting processor sees it.
 *
 * `redactLogRecordProcessor()` returns a `LogRecordProcessor` for `@opentelemetry/sdk-logs`.
 * Register it first in the provider's list: the SDK calls processors in order, and a
 * `SimpleLogRecordProcessor` exports in its own `onEmit`. It masks
 * - the body: a string through the rules (token formats, URL passwords, `key=value` pairs…);
 *   a structured body (maps and arrays at any depth, bytes) value by value, as the winston
 *   format masks metadata;
 * - the attributes, by the same walk: a value under a sensitive key (`password`,
 *   `http.request.header.authorization`…) is masked whole, every other string goes through
 *   the rules; the key policy (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`) decides first.
 *
 * Invariants:
 * - Objects the application still holds are never written to: the SDK keeps the body the
 *   application passed to `emit()` as it is, so a changed body is a copy (copy-on-write: only
 *   the objects on a path to a changed value); changed attributes are set on the record with
 *   `setAttribute`, which the SDK's own attribute store receives.
 * - A clean record costs one scan and one redactor call and is left alone.
 * - Never throws once built: a record that cannot be processed gets `[REDACTED:logveil-error]`
 *   as its body and every attribute, and the error is counted (`stats()`) and warned about
 *   once. Options are checked when the processor is made (`OptionsError`, `RuleError`).
 *
 * Nothing from OpenTelemetry is imported: the processor is typed structurally, so it fits the
 * SDK the application has (an optional peer dependency) and loads nothing when unused.
 */
import { OptionsError } from '../../errors.js';
import { chooseRedactor, compileMasker, EntryMasker, ERROR_MASK, splitOptions, STRUCTURED_OPTIONS, textMasker, type LogEntry, type RedactorChoice, type StructuredOptions } from '../structured/index.js';

/**
 * Options of `redactLogRecordProcessor`: the redactor's options (or `{ redactor }`, with
 * `mask`, `maskByRule` and `fingerprintKey` still choosing the key-based masks), the key policy
 * (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`) and `maxDepth`.
 */
export type RedactLogRecordProcessorOptions = RedactorChoice & StructuredOptions;

/** A value of a log record (OpenTelemetry's `AnyValue`), structurally. */
export type LogValue = string | number | boolean | Uint8Array | null | undefined | readonly LogValue[] | { readonly [key: string]: LogValue };

/** The part of the SDK's `ReadWriteLogRecord` (`SdkLogRecord`) the processor reads and writes. */
export interface WritableLogRecord {
  readonly attributes: { readonly [key: string]: LogValue | unknown };
  body?: LogValue | unknown;
  setAttribute(key: string, value?: never): unknown;
  setBody(body: never): unknown;
}

/** Counters of a processor. */
export interface LogRecordProcessorStats {
  /** Records the processor saw. */
  readonly records: number;
  /** Records that came out changed (something was masked). */
  readonly changed: number;
  /** Internal errors: records whose body and attributes were replaced by `[REDACTED:logveil-error]`. */
  readonly errors: number;
}

/** The processor: an SDK `LogRecordProcessor` with `stats()`. */
export interface RedactLogRecordProcessor {
  onEmit(logRecord: WritableLogRecord, context?: unknown): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
  stats(): LogRecordProcessorStats;
}

/** The holder's keys: the record's fields are structure, never judged by `allowedKeys`. */
const RECORD_KEYS = ['body', 'attributes'];

/** Rule id of the token a string attribute ends in when the SDK cut the value at its length limit. */
export const TRUNCATED_TOKEN_RULE = 'truncated-token';

/** Characters that can continue a token past a cut (as the stream's long-line windows count them). */
const TOKEN_TAIL = /[A-Za-z0-9+/=_\-.~%\\]+$/;

/**
 * The SDK's `logRecordLimits.attributeValueLengthLimit` as the record carries it, or undefined.
 * The SDK cuts every string of an attribute value to it when the record is made, before any
 * processor runs: a token cut in half is no longer one the rules know. Read structurally (it is
 * the SDK's own field, not part of its typed API); absent or not a positive number: no limit.
 */
function valueLengthLimit(record: WritableLogRecord): number | undefined {
  try {
    const limit = (record as { _logRecordLimits?: { attributeValueLengthLimit?: unknown } })._logRecordLimits?.attributeValueLengthLimit;
    return typeof limit === 'number' && Number.isFinite(limit) && limit > 0 ? limit : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A log record processor that masks secrets in the body and attributes of every record.
 * Register it before the exporting processors. Findings go to `onFinding` (rule ids as in the
 * lines: `slack-bot-token`, `url-password`…, plus `sensitive-key` and `unlisted-key` for
 * values masked by their key) and are counted in the redactor's `stats()`; the processor's
 * own `stats()` counts records. Throws `OptionsError`/`RuleError` on bad options.
 *
 * @example
 * import { LoggerProvider, BatchLogRecordProcessor } from '@opentelemetry/sdk-logs';
 * import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
 * import { redactLogRecordProcessor } from 'logveil/otel';
 *
 * const provider = new LoggerProvider({
 *   processors: [
 *     redactLogRecordProcessor({ mask: 'hash', fingerprintKey: process.env.LOGVEIL_FINGERPRINT_KEY, ignoredKeys: ['trace_id'] }),
 *     new BatchLogRecordProcessor(new OTLPLogExporter()),
 *   ],
 * });
 * provider.getLogger('app').emit({ body: 'login', attributes: { 'user.password': 'hunter2' } });
 * // exported attributes: { 'user.password': '[REDACTED:sensitive-key:…]' }
 */
export function redactLogRecordProcessor(options: RedactLogRecordProcessorOptions = {}): RedactLogRecordProcessor {
  if (options === null || typeof options !== 'object') throw new OptionsError('LOGVEIL_INVALID_OPTION', 'options', 'must be an object');
  const { redactorOptions } = splitOptions(options, STRUCTURED_OPTIONS);
  const redactor = chooseRedactor(redactorOptions);
  let records = 0;
  let changed = 0;
  let errors = 0;
  const onError = () => {
    if (errors++ === 0) process.emitWarning(`logveil redactLogRecordProcessor: a log record could not be fully processed; the affected values were replaced by ${ERROR_MASK}`, { code: 'LOGVEIL_PROCESSOR_ERROR' });
  };
  const cfg = compileMasker(options, redactorOptions, redactor, RECORD_KEYS, onError);
  const truncatedMask = textMasker(redactorOptions, TRUNCATED_TOKEN_RULE, redactor);

  /**
   * `masked` (the masked form of `original`) with the token each string cut at `limit` ends in
   * masked too (fail closed, as a long line's windows mask a token that crosses their edge): a
   * string of exactly `limit` characters may have been cut by the SDK.
   */
  function uncut(original: unknown, masked: unknown, limit: number): unknown {
    if (typeof original === 'string') {
      if (original.length !== limit || typeof masked !== 'string') return masked;
      const tail = TOKEN_TAIL.exec(masked);
      return tail === null ? masked : masked.slice(0, tail.index) + truncatedMask(tail[0]);
    }
    if (typeof original !== 'object' || original === null || typeof masked !== 'object' || masked === null || original instanceof Uint8Array) return masked;
    if (Array.isArray(original)) {
      if (!Array.isArray(masked)) return masked;
      let copy: unknown[] | undefined;
      for (let i = 0; i < masked.length; i++) {
        const v = uncut(original[i], masked[i], limit);
        if (v !== masked[i]) (copy ??= masked.slice())[i] = v;
      }
      return copy ?? masked;
    }
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(masked)) {
      const m = (masked as Record<string, unknown>)[key];
      const v = uncut((original as Record<string, unknown>)[key], m, limit);
      if (v !== m) (copy ??= Object.assign(Object.create(Object.getPrototypeOf(masked) as object | null) as object, masked) as Record<string, unknown>)[key] = v;
    }
    return copy ?? masked;
  }

  function mask(record: WritableLogRecord): boolean {
    const attributes = record.attributes;
    const holder: LogEntry = { body: record.body, attributes };
    const out = new EntryMasker(cfg).maskEntry(holder);
    let next = out.attributes as Record<string, unknown>;
    const limit = valueLengthLimit(record);
    if (limit !== undefined) {
      const fixed = uncut(attributes, next, limit) as Record<string, unknown>;
      if (fixed === next && out === holder) return false;
      next = fixed;
    } else if (out === holder) return false;
    if (out.body !== holder.body) record.setBody(out.body as never);
    if (next !== attributes) {
      for (const key of Object.keys(next)) if (next[key] !== attributes[key]) record.setAttribute(key, next[key] as never);
    }
    return true;
  }

  /** Fail closed: nothing of the record's body or attributes is exported as it was. */
  function failRecord(record: WritableLogRecord): void {
    try {
      record.setBody(ERROR_MASK as never);
      for (const key of Object.keys(record.attributes)) record.setAttribute(key, ERROR_MASK as never);
    } catch {
      // A record we cannot even write to: nothing more to do from inside a processor.
    }
  }

  return {
    onEmit(record) {
      records++;
      try {
        if (mask(record)) changed++;
      } catch {
        onError();
        changed++;
        failRecord(record);
      }
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
    stats: () => ({ records, changed, errors }),
  };
}
