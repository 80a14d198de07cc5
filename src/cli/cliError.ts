/** The CLI's own error: a usage or configuration problem. */

/** A usage or configuration error: one line for stderr, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
