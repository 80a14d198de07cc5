/**
 * `logveil/winston`: two logform formats that mask secrets in winston's log entries.
 *
 * - `redactFormat()` masks the entry's *values* before any format serializes them: the
 *   message, metadata at any depth, `Error`s (message and stack), the `stack` that
 *   `format.errors({ stack: true })` puts on the entry and the `info[SPLAT]` arguments. A value
 *   under a sensitive key (`password`, `apiKey`, `client_secret`, `authorization`…) is
 *   replaced whole; every other string goes through the redactor's rules (token formats, URL
 *   passwords, `key=value` pairs…). Place it after `errors()`/`splat()` and before `json()`.
 *   It masks by what a format will print, not by the shape of the object: the bytes of a
 *   Buffer or typed array, what `toJSON()` returns, and what `prettyPrint()` (util.inspect)
 *   shows — Map and Set entries, a RegExp's source, symbol-keyed properties, a Symbol's
 *   description.
 * - `redactMessageFormat()` masks the serialized line (`info[MESSAGE]`) for `printf` formats
 *   that build text from raw arguments. Place it last.
 *
 * Invariants:
 * - The caller's objects are never written to. winston hands `logger.info(obj)`'s very `obj`
 *   to the formats, so masking is copy-on-write: only the objects on a path to a changed
 *   value are copied (prototype and symbol keys kept), everything else is shared.
 * - A clean entry costs one redactor call: every string of the entry is joined with `\n` and
 *   matched at once as bytes (rules never cross a line break), and the entry itself comes back.
 * - Never throws once built: a value that cannot be read (a throwing getter or `toJSON`, a
 *   revoked Proxy) becomes `[REDACTED:logveil-error]`, and the error is counted (`stats()`)
 *   and reported once as a process warning. Options are checked when the format is created
 *   (`OptionsError`, `RuleError`), as `createRedactor` does.
 *
 * Neither winston nor logform is imported: a logform format is any object with `transform`
 * and `options`, so `logveil/winston` works wherever winston's own copy of logform lives
 * (pnpm's strict layout included) and loads nothing when unused. Start reading at
 * `redactFormat`; the walk over an entry is `EntryMasker`.
 */
import fastRedact from 'fast-redact';
import { OptionsError } from '../../errors.js';
import { chooseRedactor, compileMasker, copyObject, EntryMasker, ERROR_MASK, PATH_RULE, splitOptions, STRUCTURED_OPTIONS, textMasker, type MaskerConfig } from '../structured/index.js';
import { LEVEL, MESSAGE, type LogveilWinstonFormat, type RedactFormatOptions, type RedactMessageFormatOptions, type WinstonFormatStats, type WinstonInfo } from './types.js';

export type { LogveilWinstonFormat, RedactFormatOptions, RedactMessageFormatOptions, WinstonFormatStats, WinstonInfo } from './types.js';

/** First segment of a fast-redact path: `a.b` → `a`, `["x-y"].z` → `x-y`, `*.p` → `*`. */
function pathRoot(path: string): string {
  const bracket = /^\[\s*(["'])(.*?)\1\s*\]/.exec(path);
  if (bracket !== null) return bracket[2]!;
  if (path.startsWith('[*]')) return '*';
  const end = path.search(/[.[]/);
  return end === -1 ? path : path.slice(0, end);
}

/** Options of `redactFormat` that are not the redactor's. */
const FORMAT_KEYS = [...STRUCTURED_OPTIONS, 'paths'];

function checkPaths(paths: unknown): void {
  if (paths !== undefined && (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string' || p.length === 0))) {
    throw new OptionsError('LOGVEIL_INVALID_OPTION', 'paths', 'must be an array of non-empty path strings');
  }
}

/** Counters and the once-only warning shared by both formats. */
function formatCounters(name: string) {
  let entries = 0;
  let changed = 0;
  let errors = 0;
  return {
    entry: (didChange: boolean) => {
      entries++;
      if (didChange) changed++;
    },
    error: () => {
      if (errors++ === 0) process.emitWarning(`${name}: an entry could not be fully processed; the affected values were replaced by ${ERROR_MASK}`, { code: 'LOGVEIL_FORMAT_ERROR' });
    },
    stats: (): WinstonFormatStats => ({ entries, changed, errors }),
  };
}

/**
 * The entry that replaces one we could not process at all: its level and an error mask as
 * message and line, nothing else (fail closed: the metadata is dropped).
 */
function failedEntry(info: WinstonInfo): WinstonInfo {
  let level = 'error';
  try {
    if (typeof info.level === 'string') level = info.level;
  } catch {
    // keep 'error'
  }
  return { level, [LEVEL]: level, message: ERROR_MASK, [MESSAGE]: ERROR_MASK };
}

/**
 * A logform format that masks secrets in winston entries before they are serialized: the
 * message, metadata at any depth (key-based for sensitive key names, rule-based for every
 * other string), `Error`s and `stack`, and `info[SPLAT]`. The caller's objects are never
 * changed: changed entries are copies. Throws `OptionsError`/`RuleError` on bad options.
 *
 * Key-based masks use rule id `sensitive-key` (`[REDACTED:sensitive-key]` under the default
 * `label` strategy; `mask`/`maskByRule['sensitive-key']` choose another; `hash` uses
 * `fingerprintKey`). An `authorization` value keeps its scheme (`Bearer [REDACTED:…]`).
 * Booleans, `null` and Dates under sensitive keys are kept (they carry no secret).
 *
 * Values are masked by what json(), simple() or prettyPrint() will print of them:
 * - binary values (Buffer, typed arrays, DataView, ArrayBuffer): under a sensitive key
 *   replaced whole by the mask; elsewhere their bytes go through the rules and, when a secret
 *   is found, a value of the same kind holds the masked bytes (a clean one is kept);
 * - an object with `toJSON()` (called as JSON.stringify calls it, with its key): replaced by
 *   its masked result when that held a secret, or by its clean result when its own properties
 *   (what prettyPrint() shows) did; a throwing `toJSON` becomes `[REDACTED:logveil-error]`;
 * - Map and Set entries (a string Map key names its value, as an object key does), symbol-keyed
 *   properties (named by the symbol's description) and Symbol descriptions are masked in a
 *   copy of the same kind; a RegExp whose source held a secret becomes its masked text
 *   (`/…[REDACTED:…]…/flags`).
 *
 * @example
 * import winston from 'winston';
 * import { redactFormat } from 'logveil/winston';
 *
 * const logger = winston.createLogger({
 *   format: winston.format.combine(
 *     winston.format.errors({ stack: true }),
 *     winston.format.splat(),
 *     redactFormat({ mask: 'hash', fingerprintKey: process.env.LOGVEIL_FINGERPRINT_KEY }),
 *     winston.format.json(),
 *   ),
 *   transports: [new winston.transports.Console()],
 * });
 * logger.info('login', { user: 'bob', password: 'hunter2' }); // "password":"[REDACTED:sensitive-key:…]"
 */
export function redactFormat(options: RedactFormatOptions = {}): LogveilWinstonFormat {
  if (options === null || typeof options !== 'object') throw new OptionsError('LOGVEIL_INVALID_OPTION', 'options', 'must be an object');
  checkPaths(options.paths);
  const { paths = [] } = options;
  const { redactorOptions } = splitOptions(options, FORMAT_KEYS);
  const redactor = chooseRedactor(redactorOptions);
  const counters = formatCounters('logveil redactFormat');
  const pathMask = textMasker(redactorOptions, PATH_RULE, redactor);
  let redactPaths: ((o: object) => unknown) | undefined;
  if (paths.length > 0) {
    try {
      redactPaths = fastRedact({ paths: [...paths], censor: (value: unknown) => pathMask(typeof value === 'string' ? value : String(value)), serialize: false });
    } catch (err) {
      throw new OptionsError('LOGVEIL_INVALID_OPTION', 'paths', err instanceof Error ? err.message : String(err));
    }
  }
  const cfg: MaskerConfig = {
    ...compileMasker(options, redactorOptions, redactor, ['message'], counters.error),
    redactPaths,
    pathRoots: new Set(paths.map(pathRoot)),
  };
  return {
    options: {},
    transform: (info) => {
      try {
        const out = new EntryMasker(cfg).maskEntry(info) as WinstonInfo;
        counters.entry(out !== info);
        return out;
      } catch {
        counters.error();
        counters.entry(true);
        return failedEntry(info);
      }
    },
    stats: counters.stats,
  };
}

/**
 * A logform format that masks the serialized line, `info[MESSAGE]`, for `printf` formats
 * that build text from raw arguments (which `redactFormat` cannot see). Place it last in
 * `format.combine`. The entry is copied when the line changes, never written to.
 *
 * @example
 * import winston from 'winston';
 * import { redactMessageFormat } from 'logveil/winston';
 *
 * const logger = winston.createLogger({
 *   format: winston.format.combine(
 *     winston.format.printf((info) => `${info.level} ${info.message} ${JSON.stringify(info.request)}`),
 *     redactMessageFormat(),
 *   ),
 *   transports: [new winston.transports.Console()],
 * });
 */
export function redactMessageFormat(options: RedactMessageFormatOptions = {}): LogveilWinstonFormat {
  if (options === null || typeof options !== 'object') throw new OptionsError('LOGVEIL_INVALID_OPTION', 'options', 'must be an object');
  const redactor = chooseRedactor(options);
  const counters = formatCounters('logveil redactMessageFormat');
  return {
    options: {},
    transform: (info) => {
      try {
        const line = info[MESSAGE];
        if (typeof line !== 'string') {
          counters.entry(false);
          return info;
        }
        let masked: string;
        try {
          masked = redactor.redact(line);
        } catch {
          counters.error();
          masked = ERROR_MASK;
        }
        counters.entry(masked !== line);
        return masked === line ? info : Object.assign(copyObject(info) as WinstonInfo, { [MESSAGE]: masked });
      } catch {
        counters.error();
        return failedEntry(info);
      }
    },
    stats: counters.stats,
  };
}

