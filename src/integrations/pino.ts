/**
 * `logveil/pino`: mask pino's serialized lines in process, through pino's `hooks.streamWrite`
 * (the hook receives each line as pino wrote it, and what it returns is written instead).
 * Masks are JSON-safe, so every line stays valid JSON with the same keys. The key policy
 * (`sensitiveKeys`, `ignoredKeys`, `allowedKeys`) applies to the line's JSON fields at any
 * depth, as in every text line (src/policy/linePolicy.ts): with `allowedKeys`, list pino's own
 * keys you keep too (`level`, `time`, `msg`, `pid`, `hostname`).
 *
 * For masking off the main thread, use the transport (`logveil/pino-transport`) instead.
 */
import type { RedactorOptions } from '../options.js';
import { createRedactor, type Redactor } from '../redactor.js';

/**
 * Options of `pinoHooks`: redactor options (the key policy included), or `{ redactor }` to
 * reuse a compiled one.
 */
export type PinoHookOptions = RedactorOptions | { readonly redactor: Redactor };

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
 * const strict = pino({ ...pinoHooks({ allowedKeys: ['level', 'time', 'msg', 'route'], ignoredKeys: ['trace_id'] }) });
 */
export function pinoHooks(options: PinoHookOptions = {}): { hooks: { streamWrite(line: string): string } } {
  const redactor = 'redactor' in options && options.redactor !== undefined ? options.redactor : createRedactor(options as RedactorOptions);
  return {
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
