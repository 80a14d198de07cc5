/**
 * The `logveil` command: `config.ts` (arguments, config file, environment), `main.ts` (the
 * run: inputs → redact stream → output, signals, pipes), `usage.ts` (help and exit codes),
 * `cliError.ts` (usage errors, which alone get the `--help` hint, and system errors in words,
 * for `logveil scan` too).
 * `bin/logveil.js` calls `main()` from the build.
 */
export { main, type CliIo } from './main.js';
export { EXIT_IO, EXIT_OK, EXIT_USAGE } from './usage.js';
