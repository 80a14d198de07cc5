/**
 * Regression (issue 14): with logveil's pino transport writing to a file, removing the file's
 * folder while the app ran sent every later line to the removed file — lost, silently. The
 * transport now follows its destination by path: it reopens it (recreating the folder, as
 * `mkdir` says) and writes again what went to the removed file since the last check, or, with
 * `mkdir: false`, fails the transport the way `pino/file` fails on a missing folder. Real pino, real worker-thread transport (from dist/: run `npx tsup` first).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'logveil-pino-deleted-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PASSWORD = 'Hx7-deleted-dir-Pw9';
/** Longer than the transport's check interval (1 s). */
const PAST_A_CHECK = 1600;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(destination: string, extra: Record<string, unknown> = {}) {
  const transport = pino.transport({ target: 'logveil/pino-transport', options: { destination, ...extra } });
  const logger = pino(transport);
  const flushed = () => new Promise<void>((resolve) => transport.flush(() => resolve()));
  const end = async () => {
    const closed = new Promise((resolve) => transport.once('close', resolve));
    transport.end();
    await closed;
  };
  return { transport, logger, flushed, end };
}

/**
 * The file holds every line from `first` on, in order, once. Lines from before may come first:
 * the transport writes the last second or two again after a reopen (at least once).
 */
function expectLinesFrom(file: string, first: number, last: number): void {
  const got = seqs(file);
  expect(got.filter((s) => s >= first)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  expect([...got].sort((a, b) => a - b)).toEqual(got);
  expect(new Set(got).size).toBe(got.length);
}

function seqs(file: string): number[] {
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(PASSWORD);
  return text.split('\n').filter((l) => l.length > 0).map((l) => (JSON.parse(l) as { seq: number }).seq);
}

describe('pino transport: the destination removed while the app runs', () => {
  it('folder removed: the folder is recreated and later lines land in the new file, masked', async () => {
    const out = join(root, 'a', 'logs', 'app.log');
    const { logger, flushed, end } = start(out);
    logger.info({ seq: 1, password: PASSWORD }, 'before');
    await flushed();
    await sleep(200);
    expect(seqs(out)).toEqual([1]);
    rmSync(join(root, 'a'), { recursive: true });
    await sleep(PAST_A_CHECK);
    logger.info({ seq: 2, password: PASSWORD }, 'after, past a check');
    await flushed();
    await sleep(200);
    expect(existsSync(out)).toBe(true); // before the transport ends
    logger.info({ seq: 3, password: PASSWORD }, 'last');
    await end();
    expectLinesFrom(out, 2, 3);
  }, 20_000);

  it('folder removed just before the app ends: the last lines are not lost', async () => {
    const out = join(root, 'b', 'app.log');
    const { logger, flushed, end } = start(out);
    logger.info({ seq: 1 }, 'before');
    await flushed();
    await sleep(200);
    rmSync(join(root, 'b'), { recursive: true });
    logger.info({ seq: 2, password: PASSWORD }, 'right after the removal');
    await end();
    expectLinesFrom(out, 2, 2);
  }, 20_000);

  it('file renamed away (rotation without copytruncate): later lines go to a new file at the path', async () => {
    const out = join(root, 'c', 'app.log');
    const { logger, flushed, end } = start(out);
    logger.info({ seq: 1 }, 'before');
    await flushed();
    await sleep(200);
    renameSync(out, `${out}.1`);
    await sleep(PAST_A_CHECK);
    logger.info({ seq: 2 }, 'after');
    await end();
    expect(seqs(`${out}.1`)).toEqual([1]);
    expectLinesFrom(out, 2, 2);
  }, 20_000);

  it('with mkdir: false, a removed folder fails the transport loudly', async () => {
    const out = join(root, 'd', 'app.log');
    mkdirSync(join(root, 'd'));
    const { transport, logger, flushed } = start(out, { mkdir: false });
    const error = new Promise<Error>((resolve) => transport.on('error', resolve));
    logger.info({ seq: 1 }, 'before');
    await flushed();
    await sleep(200);
    rmSync(join(root, 'd'), { recursive: true });
    await sleep(PAST_A_CHECK);
    logger.info({ seq: 2 }, 'after');
    const err = await Promise.race([error, sleep(5000).then(() => undefined)]);
    expect(err?.message).toMatch(/ENOENT/);
  }, 20_000);
});
