/**
 * pino integrations with the real pino: the in-process hook, pino's own path redaction
 * helper, and the transport in pino's real worker thread — terminal, pipeline step and
 * inside `targets` with levels — losing no line on a normal exit, `process.exit()`, an
 * uncaught exception and SIGTERM with the documented flush handler.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Redactor } from '../../src/index.js';
import { pinoHooks, pinoRedactOptions } from '../../src/integrations/pino.js';

const app = fileURLToPath(new URL('./fixtures/pino-app.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'logveil-pino-'));

function collector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter((l) => l.length > 0));
      cb();
    },
  });
  return { lines, stream };
}

describe('pinoHooks (in process)', () => {
  it('masks every serialized line and keeps it valid JSON with the same keys', () => {
    const { lines, stream } = collector();
    const logger = pino({ ...pinoHooks() }, stream);
    logger.info({ user: { name: 'bob', Password: 'hunter2' }, req: { headers: { authorization: 'Bearer Zq8vT2mW9kR4pL7xNq3fYb1c' } } }, 'login');
    logger.info('connecting to postgres://app:s3cr3tPa55@db:5432/app');
    logger.error(new Error('upstream said: token=xoxb-781236542736-2364535789652-GkwFDQoHqzXDVsC6GzqYUypD'));
    logger.info({ n: 1 }, 'nothing to see');
    expect(lines).toHaveLength(4);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>);
    expect(parsed[0]!.user).toEqual({ name: 'bob', Password: '[REDACTED:json-sensitive-key]' });
    expect(parsed[0]!.req.headers.authorization).toBe('Bearer [REDACTED:json-authorization]');
    expect(parsed[1]!.msg).toBe('connecting to postgres://app:[REDACTED:url-userinfo-password]@db:5432/app');
    expect(parsed[2]!.err.stack).toContain('[REDACTED:slack-bot-token]');
    expect(lines.join('\n')).not.toMatch(/hunter2|s3cr3tPa55|GkwFDQ|Zq8vT2/);
    expect(parsed[3]!.msg).toBe('nothing to see');
  });

  it('fails closed, never throwing, when redaction itself fails', () => {
    const { lines, stream } = collector();
    const failing = {
      redact: () => {
        throw new Error('simulated');
      },
    } as unknown as Redactor;
    const logger = pino({ ...pinoHooks({ redactor: failing }) }, stream);
    expect(() => logger.info({ password: 'hunter2' }, 'login')).not.toThrow();
    expect(lines).toEqual(['{"msg":"[REDACTED:logveil-error]"}']);
  });

  it('works beside pino\'s own path redaction', () => {
    const { lines, stream } = collector();
    const logger = pino({ redact: pinoRedactOptions(['user.ssn']), ...pinoHooks({ mask: 'fixed' }) }, stream);
    logger.info({ req: { headers: { cookie: 'sid=abc' } }, user: { ssn: '078-05-1120', note: 'password=hunter2' } });
    const line = JSON.parse(lines[0]!) as Record<string, any>;
    expect(line.req.headers.cookie).toBe('[REDACTED]');
    expect(line.user.ssn).toBe('[REDACTED]');
    expect(line.user.note).toBe('password=********');
  });
});

interface Run {
  code: number | null;
  stderr: string;
}

function runApp(shape: string, ending: string, out: string, count: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [app, shape, ending, out, String(count)], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('ready')) setTimeout(() => child.kill('SIGTERM'), 50);
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function checkOutput(file: string, expectedSeqs: (i: number) => boolean, count: number, raw: boolean) {
  const text = readFileSync(file, 'utf8');
  expect(text).not.toMatch(/hunter\d|GkwFDQoHqzXDVsC6Gz\d|hunter-raw/);
  const lines = text.split('\n').filter((l) => l.length > 0);
  const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { seq: number });
  const seqs = json.map((l) => l.seq);
  const expected = Array.from({ length: count }, (_, i) => i).filter(expectedSeqs);
  expect(seqs).toEqual(expected);
  if (raw) expect(lines).toContain('raw line, not JSON: password=[REDACTED:password-assignment]');
}

const N = 100_000;

describe('logveil/pino-transport in pino\'s worker thread', () => {
  it.each([
    ['terminal', 'normal'],
    ['terminal', 'exit'],
    ['terminal', 'uncaught'],
    ['terminal', 'sigterm'],
    ['pipeline', 'normal'],
    ['pipeline', 'exit'],
  ])('%s transport, %s ending: all 100,000 lines arrive, masked and in order', async (shape, ending) => {
    const out = join(dir, `${shape}-${ending}.log`);
    const r = await runApp(shape, ending, out, N);
    if (ending === 'uncaught') {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('boom after logging');
    } else {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    checkOutput(out, () => true, N, true);
  }, 60_000);

  it('reports an unwritable destination as a transport error, as pino/file does', async () => {
    const transport = pino.transport({ target: 'logveil/pino-transport', options: { destination: '/proc/no-such-dir/app.log', mkdir: false } });
    const error = new Promise<Error>((resolve) => transport.on('error', resolve));
    pino(transport).info('hello');
    expect((await error).message).toMatch(/ENOENT/);
  });

  it('reads known secrets in the worker from knownFiles, and masks them in every encoding', async () => {
    const KNOWN = 'kn0wn-Api-Key_7f3a9c21e8b4';
    const secretFile = join(dir, 'api-key');
    writeFileSync(secretFile, `${KNOWN}\n`);
    const out = join(dir, 'known.log');
    const transport = pino.transport({ target: 'logveil/pino-transport', options: { destination: out, knownFiles: [secretFile], rotationGrace: '1h' } });
    const logger = pino(transport);
    logger.info({ note: `calling with ${KNOWN}` }, 'call');
    logger.info(`payload ${Buffer.from(`svc:${KNOWN}`).toString('base64')}`);
    const closed = new Promise((resolve) => transport.once('close', resolve));
    transport.end();
    await closed;
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(KNOWN);
    expect(text).not.toContain(Buffer.from(`svc:${KNOWN}`).toString('base64').slice(6, 30));
    expect(text.match(/\[REDACTED:known-secret\]/g)).toHaveLength(2);
  });

  it('inside targets with levels: info and up to one file, errors to another', async () => {
    const out = join(dir, 'targets.log');
    const r = await runApp('targets', 'normal', out, 10_000);
    expect(r.code).toBe(0);
    // pino routes lines to targets by level, so a raw line without one goes nowhere there.
    checkOutput(out, () => true, 10_000, false);
    checkOutput(`${out}.errors`, (i) => i % 25 === 0, 10_000, false);
  }, 60_000);
});
