/** The shapes `logveil/winston` shares between its files: winston's symbols, entry and options types. */
import type { RedactorChoice, StructuredOptions } from '../structured/index.js';

export { LEVEL, MESSAGE, SPLAT } from '../structured/index.js';
export type { RedactorChoice } from '../structured/index.js';

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

/** Options of `redactMessageFormat`. */
export type RedactMessageFormatOptions = RedactorChoice;

/**
 * Options of `redactFormat`: the redactor's options (or `{ redactor }`, with `mask`,
 * `maskByRule` and `fingerprintKey` still choosing the key-based masks), the key policy
 * (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`: see `KeyPolicyOptions`; the entry's
 * `message` is never masked for `allowedKeys`), `maxDepth`, plus:
 */
export type RedactFormatOptions = RedactorChoice & StructuredOptions & {
  /**
   * Explicit paths (fast-redact / pino syntax: `req.headers.cookie`, `users[*].ssn`,
   * `*.pin`) whose values are replaced by the mask of rule id `redact-path`, whatever they
   * hold. Applied on a copy, never on the caller's objects.
   */
  readonly paths?: readonly string[];
};

