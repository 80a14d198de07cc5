/**
 * Structured masking, shared by the integrations that see a log entry as values rather than
 * a line: `logveil/winston` (an entry and its metadata) and `logveil/otel` (a record's body
 * and attributes), and pino's logged objects.
 *
 * Start at `EntryMasker.maskEntry` (entryMasker.ts): one scan collects every string for one
 * joined redactor call; a rewrite, only when something changes, copies the objects on the
 * way to each changed value (copyOnWrite.ts). `compileMasker.ts` builds its configuration:
 * the redactor, the key policy (src/policy) and the masks of values masked whole.
 *
 * Invariants: the caller's objects are never written to; a clean entry comes back as the same
 * object; never throws once built — an unreadable value becomes `[REDACTED:logveil-error]`.
 */
export { copyObject } from './copyOnWrite.js';
export { chooseRedactor, compileMasker, splitOptions, STRUCTURED_OPTIONS, type RedactorChoice, type StructuredOptions } from './compileMasker.js';
export { DEFAULT_MAX_DEPTH, EntryMasker, ERROR_MASK, LEVEL, MESSAGE, PATH_RULE, SPLAT, textMasker, type LogEntry, type MaskerConfig } from './entryMasker.js';
