/**
 * Memory stays flat whatever the input size: 1 GB streamed through a real child process
 * (running the build, so `npm test` builds first), with a consumer that is sometimes slow,
 * peaks under 150 MB RSS.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/stream-1gb.mjs', import.meta.url));

describe('memory', () => {
  it('streams 1 GB with RSS under 150 MB and masks every secret', async () => {
    const { stdout } = await run(process.execPath, [script, '1024'], { maxBuffer: 1 << 20, timeout: 120_000 });
    const r = JSON.parse(stdout) as { bytesIn: number; bytesOut: number; masked: number; maxRss: number };
    expect(r.bytesIn).toBeGreaterThanOrEqual(1024 * 1024 * 1024);
    expect(r.masked).toBeGreaterThan(0);
    expect(r.bytesOut).toBeGreaterThan(r.bytesIn * 0.99);
    expect(r.maxRss).toBeLessThan(150 * 1024 * 1024);
  }, 150_000);
});
