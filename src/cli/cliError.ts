/**
 * The CLI's own errors, and how it words a system error: a `CliError` is one line for stderr
 * and exit code 2; a `UsageError` is one about what was typed on the command line, and only it
 * is followed by the `--help` hint. System errors are said in words (`no such file or
 * directory (ENOENT)`), by the sidecar and `logveil scan` alike.
 */
import { getSystemErrorMap } from 'node:util';

/** A usage, configuration or system error: one line for stderr, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * An error in what was typed on the command line (an unknown option, a flag without its
 * value, a flag's value refused): the message is followed by `Try 'logveil --help'.`.
 *
 * @example
 * throw new UsageError('--workers must be an integer from 0 to 16');
 */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Words for the codes a user meets, where libuv's own differ or are missing (`EISDIR` is
 * libuv's "illegal operation on a directory"; DNS codes are not in its map).
 */
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available on this host',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ENXIO: 'no such device or address',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed for now',
};

let systemErrors: Map<number, [string, string]> | undefined;

/** Words for an errno code (`ENOENT`), or undefined for a code no one knows. */
function wordsFor(code: string): string | undefined {
  if (WORDS[code] !== undefined) return WORDS[code];
  systemErrors ??= getSystemErrorMap();
  for (const [name, words] of systemErrors.values()) if (name === code) return words;
  return undefined;
}

/**
 * A system error in words, its code in parentheses: `no such file or directory (ENOENT)`.
 * An error without a code gives its message; an unknown code is given as it is.
 *
 * @example
 * systemErrorText(Object.assign(new Error('…'), { code: 'EADDRINUSE' })); // 'address already in use (EADDRINUSE)'
 */
export function systemErrorText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return err instanceof Error ? err.message : String(err);
  const words = wordsFor(code);
  return words === undefined ? code : `${words} (${code})`;
}

/**
 * `message` with each bare errno code after a colon (`cannot read a.log: ENOENT`, as the
 * modules that only pass a code on write it) or in parentheses put in words. Applied to every
 * error line the CLI prints, so no `ENOENT` reaches a user alone.
 *
 * @example
 * plainSystemWords('cannot read a.log: ENOENT'); // 'cannot read a.log: no such file or directory (ENOENT)'
 */
export function plainSystemWords(message: string): string {
  return message.replace(/(: |\()(E[A-Z_]{2,})(?=$|[);,]| \()/g, (all, before: string, code: string, at: number) => {
    const words = wordsFor(code);
    if (words === undefined || message.slice(0, at).endsWith(`${words} `)) return all; // unknown, or already in words
    return before === ': ' ? `: ${words} (${code})` : `(${words}: ${code}`;
  });
}
