/** The shapes `logveil/winston` shares between its files: winston's symbols, entry and options types. */
import type { RedactorOptions } from '../../options.js';
import type { Redactor } from '../../redactor.js';

// The triple-beam symbols winston and logform use (registered symbols: the same everywhere).
export const LEVEL = Symbol.for('level');
export const MESSAGE = Symbol.for('message');
export const SPLAT = Symbol.for('splat');

/** A winston log entry (logform's `TransformableInfo`, structurally). */
export interface WinstonInfo {
  level: string;
  message: unknown;
  [key: string | symbol]: unknown;
}

/**
 * A logform format instance: what `format.combine()` and `createLogger({ format })` accept.
 * `stats()` counts entries seen, entries changed and internal errors (failed closed).
 */
export interface LogveilWinstonFormat {
  readonly options: Record<string, never>;
  readonly transform: (info: WinstonInfo, opts?: unknown) => WinstonInfo | boolean;
  stats(): WinstonFormatStats;
}

/** Counters of a format. */
export interface WinstonFormatStats {
  /** Entries the format saw. */
  readonly entries: number;
  /** Entries that came out changed (something was masked). */
  readonly changed: number;
  /** Internal errors: values (or whole entries) replaced by `[REDACTED:logveil-error]`. */
  readonly errors: number;
}

/** Options that choose the redactor: its options, or `{ redactor }` to reuse a compiled one. */
export type RedactorChoice =
  | RedactorOptions
  | ({ readonly redactor: Redactor } & Pick<RedactorOptions, 'mask' | 'maskByRule' | 'fingerprintKey'>);

/** Options of `redactMessageFormat`. */
export type RedactMessageFormatOptions = RedactorChoice;

/**
 * Options of `redactFormat`: the redactor's options (or `{ redactor }`, with `mask`,
 * `maskByRule` and `fingerprintKey` still choosing the key-based masks), plus:
 */
export type RedactFormatOptions = RedactorChoice & {
  /**
   * More key names whose values are masked whole. A string matches a key that equals it or
   * ends with it, in any case (`'ssn'` covers `customerSSN`); a RegExp is tested on the key.
   */
  readonly sensitiveKeys?: readonly (string | RegExp)[];
  /**
   * Explicit paths (fast-redact / pino syntax: `req.headers.cookie`, `users[*].ssn`,
   * `*.pin`) whose values are replaced by the mask of rule id `redact-path`, whatever they
   * hold. Applied on a copy, never on the caller's objects.
   */
  readonly paths?: readonly string[];
  /**
   * Objects nested deeper than this are replaced by `[REDACTED:depth]` (fail closed: they are
   * not inspected). Default 20.
   */
  readonly maxDepth?: number;
};

