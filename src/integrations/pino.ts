/**
 * `logveil/pino`: mask pino's serialized lines in process, through pino's `hooks.streamWrite`
 * (the hook receives each line as pino wrote it, and what it returns is written instead).
 * Masks are JSON-safe, so every line stays valid JSON with the same keys.
 *
 * With a key policy (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`), the options also carry
 * pino's `formatters.log`, which masks the logged object as values (the walk winston and
 * OpenTelemetry use, copy-on-write) before pino serializes it. The line hook still masks the
 * whole serialized line after it: a child logger's bindings (pino gives them to no formatter)
 * and the message get the rules only, and a value under an `ignoredKeys` key is still masked
 * when a line rule matches it (`"password":"…"` is one).
 *
 * For masking off the main thread, use the transport (`logveil/pino-transport`) instead.
 */
import { chooseRedactor, compileMasker, EntryMasker, ERROR_MASK, splitOptions, STRUCTURED_OPTIONS, type LogEntry, type RedactorChoice, type StructuredOptions } from './structured/index.js';
import { KEY_POLICY_OPTIONS } from '../policy/keyPolicy.js';

/**
 * Options of `pinoHooks`: redactor options, or `{ redactor }` to reuse a compiled one; the key
 * policy (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`) and `maxDepth` for logged objects.
 */
export type PinoHookOptions = RedactorChoice & StructuredOptions;

/** What `pinoHooks` returns: pino options to spread. */
export interface PinoHookConfig {
  hooks: { streamWrite(line: string): string };
  /** Only with a key policy: masks the logged object before serialization. */
  formatters?: { log(object: Record<string, unknown>): Record<string, unknown> };
}

/**
 * pino options that mask every line before pino writes it. Spread them into pino's options
 * (merge by hand if you have hooks of your own).
 *
 * @example
 * import pino from 'pino';
 * import { pinoHooks } from 'logveil/pino';
 * const logger = pino({ ...pinoHooks({ mask: 'hash' }) });
 * logger.info({ user: { password: 'hunter2' } }, 'login'); // "password":"[REDACTED:json-sensitive-key:…]"
 *
 * // A key policy: values of keys not listed are masked; trace_id is never touched.
 * const strict = pino({ ...pinoHooks({ allowedKeys: ['route', 'status'], ignoredKeys: ['trace_id'] }) });
 */
export function pinoHooks(options: PinoHookOptions = {}): PinoHookConfig {
  const { mine, redactorOptions } = splitOptions(options, STRUCTURED_OPTIONS);
  const withPolicy = KEY_POLICY_OPTIONS.some((key) => mine[key] !== undefined);
  // Without a policy only `redact` is used: any object with one will do (as before).
  const given = 'redactor' in redactorOptions ? redactorOptions.redactor : undefined;
  const redactor = given !== undefined && !withPolicy ? given : chooseRedactor(redactorOptions);
  return {
    ...(withPolicy ? { formatters: objectFormatters(options, redactorOptions, redactor) } : {}),
    hooks: {
      streamWrite(line: string): string {
        try {
          return redactor.redact(line);
        } catch {
          // Never throw from a logging hook: fail closed.
          return `${JSON.stringify({ msg: '[REDACTED:logveil-error]' })}\n`;
        }
      },
    },
  };
}

/**
 * Paths for pino's own `redact` option covering where request loggers put credentials, for
 * users who want both (pino's path redaction removes known fields before serialization;
 * logveil's hook catches secrets anywhere else).
 */
export const pinoRedactPaths: readonly string[] = Object.freeze([
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-auth-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwd',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.refreshToken',
  '*.refresh_token',
  '*.apiKey',
  '*.api_key',
  '*.clientSecret',
  '*.client_secret',
]);

/**
 * A ready `redact` option for pino with `pinoRedactPaths` (plus yours).
 *
 * @example
 * const logger = pino({ redact: pinoRedactOptions(['user.ssn']), ...pinoHooks() });
 */
export function pinoRedactOptions(extraPaths: readonly string[] = [], censor = '[REDACTED]'): { paths: string[]; censor: string } {
  return { paths: [...pinoRedactPaths, ...extraPaths], censor };
}

/**
 * pino's `formatters.log` masking the object it is given (copy-on-write: pino's merging object
 * is the caller's). `msg` is the message, not a key to
 * list in `allowedKeys`. Never throws: an object that cannot be processed becomes
 * `{ msg: '[REDACTED:logveil-error]' }` (fail closed).
 */
function objectFormatters(options: StructuredOptions, redactorOptions: RedactorChoice, redactor: ReturnType<typeof chooseRedactor>): NonNullable<PinoHookConfig['formatters']> {
  let warned = false;
  const onError = () => {
    if (!warned) process.emitWarning(`logveil pinoHooks: a logged object could not be fully processed; the affected values were replaced by ${ERROR_MASK}`, { code: 'LOGVEIL_FORMAT_ERROR' });
    warned = true;
  };
  const cfg = compileMasker(options, redactorOptions, redactor, ['msg'], onError);
  const mask = (object: Record<string, unknown>): Record<string, unknown> => {
    try {
      return new EntryMasker(cfg).maskEntry(object as LogEntry) as Record<string, unknown>;
    } catch {
      onError();
      return { msg: ERROR_MASK };
    }
  };
  return { log: mask };
}
