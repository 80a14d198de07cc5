/**
 * The progress bar of `logveil scan` on stderr: files and bytes done of the total, redrawn in
 * place (`\r`) at most ten times a second and erased at the end. Only on a terminal: in CI
 * logs and pipes a scan stays quiet.
 */
import type { Writable } from 'node:stream';

const WIDTH = 24;
const REDRAW_MS = 100;

/** `done/total` in the total's unit: kB under a megabyte, else MB. */
function amount(done: number, total: number): string {
  const [unit, scale] = total < 1e6 ? ['kB', 1e3] : ['MB', 1e6];
  return `${(done / scale).toFixed(1)}/${(total / scale).toFixed(1)} ${unit}`;
}

/**
 * @example
 * const bar = createProgressBar(process.stderr, { files: 120, bytes: 5_000_000 });
 * bar.advance(1, 41_000); // after each file
 * bar.done();             // erase the line
 */
export interface ProgressBar {
  advance(files: number, bytes: number): void;
  done(): void;
}

/** The line drawn for a state (exported for tests). */
export function progressLine(doneFiles: number, totalFiles: number, doneBytes: number, totalBytes: number): string {
  const ratio = totalBytes > 0 ? Math.min(1, doneBytes / totalBytes) : totalFiles > 0 ? doneFiles / totalFiles : 1;
  const filled = Math.round(ratio * WIDTH);
  return `scanning [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${doneFiles}/${totalFiles} files, ${amount(doneBytes, totalBytes)}`;
}

const QUIET: ProgressBar = { advance() {}, done() {} };

/** A bar on `stream` when it is a terminal, else one that draws nothing. */
export function createProgressBar(stream: Writable, total: { readonly files: number; readonly bytes: number }, enabled = true): ProgressBar {
  if (!enabled || (stream as { isTTY?: boolean }).isTTY !== true) return QUIET;
  let files = 0;
  let bytes = 0;
  let last = 0;
  let drawn = false;
  const draw = () => {
    stream.write(`\r${progressLine(files, total.files, bytes, total.bytes)}\u001b[K`);
    drawn = true;
  };
  return {
    advance(f, b) {
      files += f;
      bytes += b;
      const now = Date.now();
      if (now - last >= REDRAW_MS) {
        last = now;
        draw();
      }
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
