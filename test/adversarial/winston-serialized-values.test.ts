/**
 * Regression (issue 14): `redactFormat` masked entries by the shape of their objects, and some
 * values print what that walk never looked at: the bytes of a Buffer or Uint8Array (`json()`:
 * `[90,113,…]`, `prettyPrint()`: hex), what an object's `toJSON()` returns, and under
 * `prettyPrint()` the entries of a Map or Set, a RegExp's source, symbol-keyed properties and a
 * Symbol's description. The format now masks by what will be serialized.
 *
 * Real winston: `createLogger` with real formats (`json()`, `prettyPrint()`, `simple()`, each
 * with and without `redactMessageFormat()` last) writing to a Stream transport collected here;
 * every planted secret is looked for as text, as decimal bytes (JSON arrays, typed-array
 * objects, inspect's lists) and as hex (inspect's `<Buffer …>`).
 */
import { PassThrough } from 'node:stream';
import winston from 'winston';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactFormat, redactMessageFormat } from '../../src/integrations/winston/index.js';

const { format } = winston;
const redactor = createRedactor();

const PASSWORD = 'Vt9-binary-Pw-k2Q';
const SLACK = 'xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F';
const PG_PASSWORD = 'Vq7pL9zR2mWt4K';
const PG_URL = `postgres://orders:${PG_PASSWORD}@db.internal:5432/orders`;
const API_KEY = 'ak_9fK2mQ7xLp4vR8sT1wZ6yB3n';
const SECRETS = [PASSWORD, SLACK, PG_PASSWORD, API_KEY];

/** Fails when `text` shows a secret as text, decimal bytes (stride 1 or index/value pairs) or hex. */
function expectNoSecret(text: string): void {
  const numbers = (text.match(/\d+/g) ?? []).join(' ');
  const pairs = (text.match(/\d+/g) ?? []).filter((_, i) => i % 2 === 1).join(' ');
  const squeezed = text.replace(/[\s,]+/g, '').toLowerCase();
  for (const secret of SECRETS) {
    expect(text).not.toContain(secret);
    const head = [...Buffer.from(secret.slice(0, 10))];
    expect(` ${numbers} `).not.toContain(` ${head.join(' ')} `);
    expect(` ${pairs} `).not.toContain(` ${head.join(' ')} `);
    expect(squeezed).not.toContain(Buffer.from(secret.slice(0, 10)).toString('hex'));
  }
}

const FORMATS: readonly [string, () => winston.Logform.Format][] = [
  ['json()', () => format.json()],
  ['prettyPrint()', () => format.prettyPrint()],
  ['simple()', () => format.simple()],
];

/** Logs `write(logger)` through redactFormat and `last` (and redactMessageFormat when asked); returns what the transport got. */
async function output(last: () => winston.Logform.Format, messageFormat: boolean, write: (logger: winston.Logger) => void): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const formats = [format.errors({ stack: true }), format.splat(), redactFormat({ redactor }), last()];
  if (messageFormat) formats.push(redactMessageFormat({ redactor }));
  const logger = winston.createLogger({ level: 'debug', format: format.combine(...formats), transports: [new winston.transports.Stream({ stream: out })] });
  write(logger);
  await new Promise((r) => setImmediate(r));
  return text;
}

class Credentials {
  constructor(private readonly user: string, private readonly secret: string) {}
  toJSON() {
    return { user: this.user, auth: `Bearer ${this.secret}` };
  }
}

class Point {
  x = 1;
  toJSON() {
    return { x: this.x };
  }
}

/** [what broke, how it is logged] */
const CASES: readonly [string, (logger: winston.Logger) => void][] = [
  ['a Buffer under a sensitive key', (l) => l.info('login', { password: Buffer.from(PASSWORD) })],
  ['a Uint8Array under a sensitive key', (l) => l.info('login', { password: new Uint8Array(Buffer.from(PASSWORD)) })],
  ['an ArrayBuffer and a DataView under sensitive keys', (l) => l.info('login', { secret: new Uint8Array(Buffer.from(PASSWORD)).buffer, apiKey: new DataView(new Uint8Array(Buffer.from(API_KEY)).buffer) })],
  ['a Buffer holding a token under an ordinary key', (l) => l.info('payload', { body: Buffer.from(`{"ok":false,"bot":"${SLACK}"}`) })],
  ['a Uint8Array holding a URL password under an ordinary key', (l) => l.info('payload', { body: new Uint8Array(Buffer.from(`connecting to ${PG_URL}`)) })],
  ['a plain object whose toJSON returns token=…', (l) => l.info('session', { session: { id: 7, toJSON: () => `token=${PASSWORD}` } })],
  ['a class instance whose toJSON returns an authorization header', (l) => l.info('call', { creds: new Credentials('ada', API_KEY) })],
  ['an entry whose own toJSON returns a secret', (l) => l.info({ message: 'entry', toJSON: () => ({ message: 'entry', url: PG_URL }) })],
  ['a Map: a sensitive string key, a token in a value', (l) => l.info('state', { state: new Map<unknown, unknown>([['password', PASSWORD], ['note', `bot ${SLACK}`]]) })],
  ['a Map whose key holds a URL password', (l) => l.info('state', { state: new Map([[PG_URL, 1]]) })],
  ['a Set holding a token', (l) => l.info('tags', { tags: new Set(['a', `bot ${SLACK}`]) })],
  ['a RegExp whose source holds a token', (l) => l.info('filter', { filter: new RegExp(`^${SLACK}$`) })],
  ['a RegExp under a sensitive key', (l) => l.info('filter', { password: new RegExp(PASSWORD) })],
  ['symbol-keyed properties, in metadata and nested', (l) => l.info('sym', { [Symbol('password')]: PASSWORD, nested: { [Symbol('note')]: `url ${PG_URL}`, [Symbol.for('apiKey')]: API_KEY } })],
  ['a Symbol whose description holds a token', (l) => l.info('marker', { marker: Symbol(`bot ${SLACK}`) })],
  ['a String object holding a token', (l) => l.info('boxed', { note: new String(`bot ${SLACK}`) })],
];

describe.each(FORMATS)('winston %s: no planted secret in what is written', (_name, last) => {
  describe.each([false, true])('redactMessageFormat() last: %s', (messageFormat) => {
    it.each(CASES)('%s', async (_case, write) => {
      const text = await output(last, messageFormat, write);
      expect(text.length).toBeGreaterThan(0);
      expectNoSecret(text);
    });
  });
});

describe('what the masked values become', () => {
  const entry = (meta: Record<string | symbol, unknown>) => redactFormat({ redactor }).transform({ level: 'info', message: 'm', ...meta }) as Record<string | symbol, any>;

  it('binary: whole under a sensitive key; elsewhere the same kind with masked bytes; clean ones untouched', () => {
    expect(entry({ password: Buffer.from(PASSWORD) }).password).toBe('[REDACTED:sensitive-key]');
    const body = entry({ body: Buffer.from(`bot ${SLACK}`) }).body;
    expect(Buffer.isBuffer(body)).toBe(true);
    expect(body.toString()).toMatch(/^bot \[REDACTED:[a-z-]+\]$/);
    const u8 = entry({ body: new Uint8Array(Buffer.from(`bot ${SLACK}`)) }).body;
    expect(u8).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(u8)).toBe(false);
    // Wider elements: the same kind over the masked bytes, padded with zeros to a whole element.
    const u16 = entry({ body: new Uint16Array(new Uint8Array(Buffer.from(`bot ${SLACK}`)).buffer) }).body;
    expect(u16).toBeInstanceOf(Uint16Array);
    expect(Buffer.from(u16.buffer).toString().replace(/\0+$/, '')).toMatch(/^bot \[REDACTED:[a-z-]+\]$/);
    const clean = Buffer.from('binary');
    expect(entry({ clean }).clean).toBe(clean);
  });

  it('toJSON: the masked JSON replaces the object; a clean one keeps it', () => {
    expect(entry({ session: { toJSON: () => `token=${PASSWORD}` } }).session).toMatch(/^token=\[REDACTED:[a-z-]+\]$/);
    const fine = new Point();
    expect(entry({ fine }).fine).toBe(fine);
  });

  it('Map, Set and symbols keep their kind, a RegExp becomes its masked text; the caller\'s objects are not changed', () => {
    const map = new Map<unknown, unknown>([['password', PASSWORD], ['n', 1]]);
    const set = new Set([`bot ${SLACK}`]);
    const sym = Symbol('apiKey');
    const out = entry({ map, set, re: new RegExp(SLACK), [sym]: API_KEY });
    expect(out.map).toBeInstanceOf(Map);
    expect([...out.map]).toEqual([['password', '[REDACTED:sensitive-key]'], ['n', 1]]);
    expect(out.set).toBeInstanceOf(Set);
    expect([...out.set][0]).toMatch(/^bot \[REDACTED:[a-z-]+\]$/);
    expect(out.re).toMatch(/^\/\[REDACTED:[a-z-]+\]\/$/); // what inspect prints, masked
    const clean = /^\d+$/;
    expect(entry({ clean }).clean).toBe(clean);
    expect(out[sym]).toBe('[REDACTED:sensitive-key]');
    expect(map.get('password')).toBe(PASSWORD);
    expect([...set][0]).toBe(`bot ${SLACK}`);
  });

  it('a toJSON that throws is masked and counted, never thrown', async () => {
    const f = redactFormat({ redactor });
    const out = f.transform({ level: 'info', message: 'm', bad: { toJSON: () => { throw new Error('no'); } } }) as Record<string, unknown>;
    expect(out.bad).toBe('[REDACTED:logveil-error]');
    expect(f.stats().errors).toBe(1);
  });
});
