/**
 * The transport takes `pino/file`'s options (issue 15: `sync` was an unknown option, the
 * transport failed and the line was lost), with the real pino and its real worker thread
 * (the transport runs from the build: `npx tsup` first). Every row is first given to
 * `pino/file` itself, so the table is what pino/file accepts; then to logveil, which must
 * write the line masked. An option that is truly unknown fails with the list of every option
 * the transport knows, its own included, and without the key that was typed.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'logveil-pino-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;

/**
 * Logs one line with a password through `target` with `options` and a fresh destination;
 * resolves with the file's text, or rejects with the transport's error (a transport that
 * fails while it starts emits 'error' before 'ready').
 */
async function logOnce(target: string, options: Record<string, unknown>): Promise<{ text: string; file: string }> {
  const file = join(dir, `app-${++n}.log`);
  const transport = pino.transport({ target, options: { destination: file, ...options } });
  const failed = new Promise<never>((_, reject) => transport.once('error', reject));
  await Promise.race([new Promise((resolve) => transport.once('ready', resolve)), failed]);
  const closed = new Promise<void>((resolve) => transport.once('close', () => resolve()));
  pino(transport).info({ user: { name: 'bob', password: 'hunter2' } }, 'login');
  transport.end();
  await Promise.race([closed, failed]);
  return { text: readFileSync(file, 'utf8'), file };
}

// pino/file passes its options to sonic-boom (pino 10: node_modules/pino/file.js); these are
// sonic-boom 4's options that can cross into the worker (retryEAGAIN is a function: it cannot).
const rows: [string, Record<string, unknown>][] = [
  ['sync: true', { sync: true }],
  ['sync: false', { sync: false }],
  ['mkdir: true, append: false', { mkdir: true, append: false }],
  ['minLength (buffered writes)', { minLength: 4096 }],
  ['maxLength, maxWrite', { maxLength: 1024 * 1024, maxWrite: 8192 }],
  ['periodicFlush', { periodicFlush: 50 }],
  ['fsync', { fsync: true }],
  ['fsync with sync', { sync: true, fsync: true }],
  ['mode', { mode: 0o600 }],
  ['contentMode: utf8', { contentMode: 'utf8' }],
  ['everything at once', { sync: true, mkdir: true, append: true, minLength: 0, maxWrite: 16384, fsync: false, mode: 0o640, contentMode: 'buffer' }],
];

describe('logveil/pino-transport takes pino/file\'s options', () => {
  it.each(rows)('%s', async (_name, options) => {
    const plain = await logOnce('pino/file', options);
    expect(plain.text).toContain('hunter2'); // pino/file accepts the row
    const masked = await logOnce('logveil/pino-transport', options);
    expect(masked.text).not.toContain('hunter2');
    expect(JSON.parse(masked.text.trim()).user).toEqual({ name: 'bob', password: '[REDACTED:json-sensitive-key]' });
  }, 20_000);

  it('creates the file with the mode it is given', async () => {
    const { file } = await logOnce('logveil/pino-transport', { mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('fails on an unknown option, listing every known option (its own and pino/file\'s) but not the key typed', async () => {
    const error = await logOnce('logveil/pino-transport', { sync: true, 'hunter2-typo': 1 }).then(() => undefined, (err: Error) => err);
    expect(error).toBeInstanceOf(Error);
    const message = error!.message;
    expect(message).toMatch(/not an option/);
    expect(message).not.toContain('hunter2-typo');
    for (const known of ['destination', 'mkdir', 'append', 'sync', 'fsync', 'minLength', 'maxLength', 'maxWrite', 'periodicFlush', 'mode', 'contentMode', 'maxLineLength', 'knownFiles', 'knownEnv', 'rotationGrace', 'mask', 'maskByRule', 'rules', 'enable', 'disable', 'learn']) {
      expect(message).toContain(known);
    }
  }, 20_000);
});

describe('logveil/pino-transport takes the key policy (in its worker thread)', () => {
  it('sensitiveKeys (a RegExp crosses into the worker), ignoredKeys, allowedKeys and mask text', async () => {
    const { text } = await logOnce('logveil/pino-transport', {
      sync: true,
      sensitiveKeys: [/^na/],
      ignoredKeys: ['password'],
      allowedKeys: ['level', 'time', 'pid', 'hostname', 'msg', 'user', 'password'],
      maskByRule: { 'sensitive-key': { text: '<hidden>' } },
    });
    const line = JSON.parse(text.trim()) as Record<string, any>;
    expect(line.user).toEqual({ name: '<hidden>', password: 'hunter2' });
    expect(line.msg).toBe('login');
  }, 20_000);
});
