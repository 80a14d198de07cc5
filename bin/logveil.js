#!/usr/bin/env node
// The logveil sidecar: see `logveil --help`. Runs the build in dist/ (npm ci builds it).
//
// SIGTERM, SIGINT and SIGHUP are caught from this first line to the last: loading the build
// takes tens of milliseconds, and a pod stopped right after it started (or just as it ends)
// must exit 0, not die of the signal (143). main() listens for them itself before its slow
// start-up (rule compilation) and is handed those that came while the build loaded; once it
// has returned, SIGTERM/SIGINT end the process at once with its exit code. (Before this line
// runs, node's own start-up is not ours to cover.)
const HELD = ['SIGTERM', 'SIGINT', 'SIGHUP'];
const held = [];
const hold = (signal) => held.push(signal);
for (const s of HELD) process.on(s, hold);

const { main } = await import('../dist/cli.js');
const exitCode = main(); // installs main()'s listeners synchronously, before its first await
for (const s of HELD) process.off(s, hold);
for (const s of held) {
  if (process.listenerCount(s) > 0) process.emit(s, s);
  else process.kill(process.pid, s); // nobody listens (logveil scan): the default action, as before
}
process.exitCode = await exitCode;
// main() has removed its listeners; what is left is node's own teardown.
process.on('SIGTERM', () => process.exit());
process.on('SIGINT', () => process.exit());
process.on('SIGHUP', () => undefined);
