/**
 * `logveil/winston`: redactFormat and redactMessageFormat in real winston loggers — Stream,
 * File and Console transports (Console and uncaught exceptions in a child process), errors(),
 * splat(), child loggers, printf. No mocks: every line is what winston wrote.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import winston from 'winston';
import { describe, expect, it } from 'vitest';
import { createRedactor, OptionsError, RuleError, type Finding } from '../../src/index.js';
import { redactFormat, redactMessageFormat, type RedactFormatOptions } from '../../src/integrations/winston/index.js';

const { format } = winston;
const MESSAGE = Symbol.for('message');
const SPLAT = Symbol.for('splat');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

// Realistic fake secrets (no placeholders: those are left alone on purpose).
const PASSWORD = 'Sup3r-S3cret-Pw!';
const SLACK = 'xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F';
const PG_URL = 'postgres://orders:Vq7pL9zR2mWt4K@db.internal:5432/orders';
const API_KEY = 'ak_9fK2mQ7xLp4vR8sT1wZ6yB3n';
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const CLI_TOKEN = '9fK2mQ7xLp4vR8sT1wZ6yB3nC5dE0gHj';
const SECRETS = [PASSWORD, SLACK, 'Vq7pL9zR2mWt4K', API_KEY, JWT, CLI_TOKEN];
const KEY_MASK = '[REDACTED:sensitive-key]';

const redactor = createRedactor(); // compile once for the whole file

function expectNoSecret(text: string): void {
  for (const s of SECRETS) expect(text).not.toContain(s);
}

/** A logger writing through `formats` into a PassThrough; `lines()` parses what it wrote. */
function streamLogger(formats: winston.Logform.Format[], extra: Partial<winston.LoggerOptions> = {}) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const logger = winston.createLogger({ level: 'debug', format: format.combine(...formats), transports: [new winston.transports.Stream({ stream: out })], ...extra });
  return {
    logger,
    raw: async () => {
      await new Promise((r) => setImmediate(r));
      return text;
    },
    lines: async () => {
      await new Promise((r) => setImmediate(r));
      expectNoSecret(text);
      // json() output must stay valid JSON, line by line.
      return text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, any>);
    },
  };
}

const jsonLogger = (options: RedactFormatOptions = { redactor }) =>
  streamLogger([format.errors({ stack: true }), format.splat(), redactFormat(options), format.json()]);

async function logOne(meta: Record<string, unknown>, options?: RedactFormatOptions): Promise<Record<string, any>> {
  const { logger, lines } = jsonLogger(options);
  logger.info('entry', meta);
  const [line] = await lines();
  return line!;
}

describe('key-based masking', () => {
  // [name, metadata, path in the output line, expected value]
  const rows: [string, Record<string, unknown>, string[], unknown][] = [
    ['password at the top', { password: PASSWORD }, ['password'], KEY_MASK],
    ['camelCase apiKey', { apiKey: API_KEY }, ['apiKey'], KEY_MASK],
    ['clientSecret', { oauth: { clientSecret: 'c8Fq2vLx9Tz4Wm7R' } }, ['oauth', 'clientSecret'], KEY_MASK],
    ['DB_PASSWORD (upper case, prefix)', { env: { DB_PASSWORD: 'hunter2-orders' } }, ['env', 'DB_PASSWORD'], KEY_MASK],
    ['x-api-key header', { headers: { 'x-api-key': API_KEY } }, ['headers', 'x-api-key'], KEY_MASK],
    ['Cookie header', { headers: { Cookie: 'sid=s%3Aq8Zr4Tn7Vb3Yc9Wd' } }, ['headers', 'Cookie'], KEY_MASK],
    ['set-cookie array', { res: { 'set-cookie': ['sid=q8Zr4Tn7Vb3Yc9Wd; HttpOnly'] } }, ['res', 'set-cookie', '0'], KEY_MASK],
    ['session_id', { session_id: 'f3a9c27e41d8b605' }, ['session_id'], KEY_MASK],
    ['a number under a token key', { token: 482913576 }, ['token'], KEY_MASK],
    ['depth 5', { a: { b: { c: { d: { password: PASSWORD } } } } }, ['a', 'b', 'c', 'd', 'password'], KEY_MASK],
    ['in an array of objects', { users: [{ name: 'ada', password: PASSWORD }] }, ['users', '0', 'password'], KEY_MASK],
    ['everything inside a sensitive object', { credentials: { username: 'svc-orders', pin: 4242 } }, ['credentials', 'pin'], KEY_MASK],
    ['authorization keeps its scheme', { headers: { authorization: `Bearer ${JWT}` } }, ['headers', 'authorization'], `Bearer ${KEY_MASK}`],
    ['Proxy-Authorization keeps its scheme', { headers: { 'Proxy-Authorization': 'Basic c3ZjOmh1bnRlcjItb3JkZXJz' } }, ['headers', 'Proxy-Authorization'], `Basic ${KEY_MASK}`],
    // Not secrets: the key must END with a sensitive word.
    ['tokenCount stays', { tokenCount: 1532 }, ['tokenCount'], 1532],
    ['author stays', { author: 'Ada Lovelace' }, ['author'], 'Ada Lovelace'],
    ['max_tokens stays', { max_tokens: 4096 }, ['max_tokens'], 4096],
    ['token_type stays', { token_type: 'Bearer' }, ['token_type'], 'Bearer'],
    ['a boolean under a sensitive key stays', { hasPassword: true }, ['hasPassword'], true],
    ['an empty password stays empty', { password: '' }, ['password'], ''],
  ];
  it.each(rows)('%s', async (_name, meta, path, expected) => {
    const line = await logOne(meta);
    expect(path.reduce<any>((o, k) => o[k], line)).toEqual(expected);
  });

  it('sensitiveKeys extends the classifier (string: key ends with it, any case; RegExp)', async () => {
    const line = await logOne({ customerSSN: '078-05-1120', iban: 'DE89370400440532013000', ssnVerified: 'yes' }, { redactor, sensitiveKeys: ['ssn', /^iban$/i] });
    expect(line).toMatchObject({ customerSSN: KEY_MASK, iban: KEY_MASK, ssnVerified: 'yes' });
  });

  it('follows the mask option: fixed, redact, and hash with a keyed fingerprint', async () => {
    expect((await logOne({ password: PASSWORD }, { redactor, mask: 'fixed' })).password).toBe('********');
    expect((await logOne({ password: PASSWORD }, { redactor, mask: 'redact' })).password).toBe('[REDACTED]');
    const a = await logOne({ password: PASSWORD, other: { pwd: PASSWORD }, different: { pwd: 'An0ther-Pw' } }, { mask: 'hash', fingerprintKey: 'k3y' });
    expect(a.password).toMatch(/^\[REDACTED:sensitive-key:[0-9a-f]{8}\]$/);
    expect(a.other.pwd).toBe(a.password); // equal secrets correlate
    expect(a.different.pwd).not.toBe(a.password);
  });

  it('reports key-based and pattern-based masks as findings; without a key, hash masks and findings share the redactor\'s random key', async () => {
    const findings: Finding[] = [];
    const own = createRedactor({ mask: 'hash', onFinding: (f) => findings.push(f) });
    const line = await logOne({ password: PASSWORD, note: `token ${SLACK}` }, { redactor: own, mask: 'hash' });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['sensitive-key', 'slack-bot-token']);
    const keyFinding = findings.find((f) => f.ruleId === 'sensitive-key')!;
    expect(line.password).toBe(`[REDACTED:sensitive-key:${keyFinding.fingerprint}]`);
    expect(own.scan(`password=${PASSWORD}`)[0]!.fingerprint).toBe(keyFinding.fingerprint); // the same secret, the same fingerprint
    const counted: Record<string, number> = {};
    for (const f of findings) counted[f.ruleId] = (counted[f.ruleId] ?? 0) + 1;
    expect(own.stats().findings).toEqual(counted);
    expect(JSON.stringify(findings)).not.toContain(PASSWORD);
  });

  it('one secret, one finding, though winston keeps the metadata in info[SPLAT] too; a hash redactor hashes key masks', async () => {
    const findings: Finding[] = [];
    const own = createRedactor({ mask: 'hash', onFinding: (f) => findings.push(f) });
    const line = await logOne({ password: PASSWORD }, { redactor: own });
    expect(findings.map((f) => f.ruleId)).toEqual(['sensitive-key']);
    expect(own.stats().findings).toEqual({ 'sensitive-key': 1 });
    expect(line.password).toBe(`[REDACTED:sensitive-key:${findings[0]!.fingerprint}]`);
  });

  it('with a compiled redactor and its own fingerprintKey, hash masks and findings still agree', async () => {
    const findings: Finding[] = [];
    const own = createRedactor({ onFinding: (f) => findings.push(f) });
    for (const fingerprintKey of ['format-key', '']) {
      findings.length = 0;
      const line = await logOne({ password: PASSWORD }, { redactor: own, mask: 'hash', fingerprintKey });
      expect(line.password).toBe(`[REDACTED:sensitive-key:${findings[0]!.fingerprint}]`);
    }
  });
});

describe('pattern-based masking', () => {
  it('masks token formats and URL passwords in ordinary keys at any depth, and the message', async () => {
    const { logger, lines } = jsonLogger();
    logger.info(`posting with ${SLACK}`, { job: { notify: { webhookAuth: undefined, note: `bot ${SLACK} ok` } }, db: { url: PG_URL }, urls: [new URL(PG_URL)] });
    const [line] = await lines();
    expect(line!.message).toBe('posting with [REDACTED:slack-bot-token]');
    expect(line!.job.notify.note).toBe('bot [REDACTED:slack-bot-token] ok');
    expect(line!.db.url).toBe('postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders');
    expect(line!.urls[0]).toBe('postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders');
  });

  it('keeps json() output valid with quotes, newlines and escapes around a mask', async () => {
    const { logger, lines } = jsonLogger();
    logger.info('multi\nline "quoted" \\ text', { body: `{"password":"${PASSWORD}"}\nnext line`, tab: 'a\tb' });
    const [line] = await lines();
    expect(line!.message).toBe('multi\nline "quoted" \\ text');
    expect(line!.body).toBe('{"password":"[REDACTED:json-sensitive-key]"}\nnext line');
    expect(line!.tab).toBe('a\tb');
  });

  it('passes a clean entry through as the same object, without copying', () => {
    const info = { level: 'info', message: 'request completed', reqId: '9b2f0c1e', status: 200, nested: { ok: true } };
    const f = redactFormat({ redactor });
    expect(f.transform(info)).toBe(info);
    expect(f.stats()).toEqual({ entries: 1, changed: 0, errors: 0 });
  });
});

describe('errors and stacks', () => {
  it('format.errors({ stack: true }): masks the message and the stack', async () => {
    const { logger, lines } = jsonLogger();
    const err = new Error(`db connect failed: password=${PASSWORD}`);
    logger.error(err);
    const [line] = await lines();
    expect(line!.message).toBe('db connect failed: password=[REDACTED:password-assignment]');
    expect(line!.stack).toMatch(/^Error: db connect failed: password=\[REDACTED:password-assignment\]\n {4}at /);
    expect(err.message).toContain(PASSWORD); // the caller's Error is untouched
  });

  // Regression: the Error entry was its own first ancestor and came out as an empty shell.
  it('logger.error(err) without format.errors(): the Error itself is the entry', async () => {
    const { logger, lines } = streamLogger([redactFormat({ redactor }), format.json()]);
    const err = Object.assign(new Error(`boom ${SLACK}`), { code: 'E_UPSTREAM', apiKey: API_KEY });
    logger.error(err);
    const [line] = await lines();
    expect(line).toEqual({ level: 'error', code: 'E_UPSTREAM', apiKey: KEY_MASK });
    expect(err.apiKey).toBe(API_KEY);
  });

  it('logger.error(msg, err) and an Error with enumerable fields nested in metadata', async () => {
    const { logger, lines } = jsonLogger();
    const inner = Object.assign(new Error(`request to ${PG_URL} failed`), { config: { headers: { Authorization: `Bearer ${JWT}` } } });
    logger.error('upstream', inner);
    logger.warn('wrapped', { cause: inner });
    const [first, second] = await lines();
    expect(first!.message).toBe('upstream request to postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders failed');
    expect(first!.stack).toContain('[REDACTED:url-userinfo-password]');
    expect(second!.cause.config.headers.Authorization).toBe(`Bearer ${KEY_MASK}`);
    expect(inner.config.headers.Authorization).toBe(`Bearer ${JWT}`);
  });
});

describe('winston features', () => {
  it('child loggers: default metadata is masked', async () => {
    const { logger, lines } = jsonLogger();
    const child = logger.child({ requestId: 'req-7f3a', apiKey: API_KEY });
    child.info('charged', { amount: 1200 });
    const [line] = await lines();
    expect(line).toMatchObject({ requestId: 'req-7f3a', apiKey: KEY_MASK, amount: 1200, message: 'charged' });
  });

  it('splat(): format arguments and meta objects, with redactFormat after splat()', async () => {
    const { logger, lines } = jsonLogger();
    logger.info('user %s logged in with %s', 'bob', SLACK, { password: PASSWORD });
    const [line] = await lines();
    expect(line).toMatchObject({ message: 'user bob logged in with [REDACTED:slack-bot-token]', password: KEY_MASK });
  });

  it('splat(): info[SPLAT] is masked when redactFormat runs before splat()', async () => {
    const { logger, lines } = streamLogger([redactFormat({ redactor }), format.splat(), format.json()]);
    const args = [SLACK, { password: PASSWORD }] as const;
    logger.info('token %s', ...args);
    const [line] = await lines();
    expect(line).toMatchObject({ message: 'token [REDACTED:slack-bot-token]', password: KEY_MASK });
    expect(args[1].password).toBe(PASSWORD);
  });

  it('logger.info(obj) and logger.info(msg, meta) do not change the caller\'s objects', async () => {
    const { logger, lines } = jsonLogger({ redactor, paths: ['user.ssn'] });
    const obj = { level: 'info', message: `hook ${SLACK}`, user: { name: 'ada', password: PASSWORD, ssn: '078-05-1120', tags: ['a', { token: API_KEY }] }, when: new Date(0) };
    const meta = { db: { url: PG_URL }, headers: { authorization: `Bearer ${JWT}` } };
    const before = structuredClone(obj);
    const metaBefore = structuredClone(meta);
    logger.log(obj);
    logger.info('call', meta);
    const [a, b] = await lines();
    expect(a).toMatchObject({ message: 'hook [REDACTED:slack-bot-token]', user: { password: KEY_MASK, ssn: '[REDACTED:redact-path]', tags: ['a', { token: KEY_MASK }] } });
    expect(b!.db.url).toContain('[REDACTED:url-userinfo-password]');
    // winston itself adds the level symbol to a logged object; nothing else may change.
    expect({ ...obj }).toEqual({ ...before, [Symbol.for('level')]: 'info' });
    expect(meta).toEqual(metaBefore);
  });

  it('explicit paths (fast-redact syntax), applied on a copy', async () => {
    const req = { headers: { 'x-signature': 'c0ffee-5a1t-9911', host: 'api.internal' }, items: [{ card: '4242424242424242' }, { card: '5555555555554444' }] };
    const line = await logOne({ req }, { redactor, paths: ['req.headers["x-signature"]', 'req.items[*].card'] });
    expect(line.req).toEqual({ headers: { 'x-signature': '[REDACTED:redact-path]', host: 'api.internal' }, items: [{ card: '[REDACTED:redact-path]' }, { card: '[REDACTED:redact-path]' }] });
    expect(req.items[0]!.card).toBe('4242424242424242');
    expect(req.headers['x-signature']).toBe('c0ffee-5a1t-9911');
  });

  it('redactMessageFormat masks a printf line built from raw arguments', async () => {
    const { logger, raw } = streamLogger([
      format.printf((info) => `${info.level} ${String(info.message)} ${JSON.stringify(info.request)} ${String((info[SPLAT] as unknown[] | undefined)?.[1] ?? '')}`),
      redactMessageFormat({ redactor }),
    ]);
    const request = { path: '/login', body: { user: 'bob', password: PASSWORD } };
    logger.info('incoming', { request }, `slack=${SLACK}`);
    const text = await raw();
    expect(text).toBe('info incoming {"path":"/login","body":{"user":"bob","password":"[REDACTED:json-sensitive-key]"}} slack=[REDACTED:slack-bot-token]\n');
    expect(request.body.password).toBe(PASSWORD);
  });

  it('File transport: the file holds only masked lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logveil-winston-'));
    try {
      const filename = join(dir, 'app.log');
      const transport = new winston.transports.File({ filename });
      const logger = winston.createLogger({ format: format.combine(format.errors({ stack: true }), redactFormat({ redactor }), format.json()), transports: [transport] });
      logger.info('connect', { db: PG_URL, password: PASSWORD });
      logger.error(new Error(`bad token ${SLACK}`));
      const finished = new Promise((r) => transport.once('finish', r));
      logger.end();
      await finished;
      const text = readFileSync(filename, 'utf8');
      expectNoSecret(text);
      const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({ password: KEY_MASK, db: 'postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders' });
      expect(lines[1]!.message).toBe('bad token [REDACTED:slack-bot-token]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs an ES module snippet in a child `node` (with tsx, from the repo root). */
async function child(code: string, args: string[] = []): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, '--', ...args], { cwd: ROOT, timeout: 30_000 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const CHILD_HEADER = `
import winston from 'winston';
import { redactFormat } from './src/integrations/winston/index.ts';
const { format } = winston;
`;

describe('in a child process', () => {
  it('Console transport: stdout carries only masked lines', async () => {
    const r = await child(`${CHILD_HEADER}
const logger = winston.createLogger({ format: format.combine(redactFormat(), format.json()), transports: [new winston.transports.Console()] });
logger.info('boot', { apiKey: '${API_KEY}', dsn: '${PG_URL}' });
`);
    expect(r.code).toBe(0);
    expectNoSecret(r.stdout);
    expect(JSON.parse(r.stdout)).toEqual({ level: 'info', message: 'boot', apiKey: KEY_MASK, dsn: 'postgres://orders:[REDACTED:url-userinfo-password]@db.internal:5432/orders' });
  });

  it('handleExceptions: the uncaught exception line masks the message, stack and process.argv', async () => {
    const r = await child(`${CHILD_HEADER}
const logger = winston.createLogger({
  format: format.combine(format.errors({ stack: true }), redactFormat(), format.json()),
  transports: [new winston.transports.Console({ handleExceptions: true })],
});
setTimeout(() => { throw new Error('payment provider rejected ${SLACK}'); }, 1);
`, [`--token=${CLI_TOKEN}`, '--port=8080']);
    expect(r.code).toBe(1); // winston exits after logging (exitOnError)
    expectNoSecret(r.stdout + r.stderr);
    const line = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, any>;
    expect(line.exception).toBe(true);
    expect(line.message).toMatch(/^uncaughtException: payment provider rejected \[REDACTED:slack-bot-token\]\n/);
    expect(line.stack).toContain('[REDACTED:slack-bot-token]');
    expect(line.process.argv).toContain('--token=[REDACTED:cli-password-flag]');
    expect(line.process.argv).toContain('--port=8080');
  });
});

describe('robustness', () => {
  it('a cycle neither hangs nor throws, and is masked', async () => {
    const { logger, lines } = jsonLogger();
    const node: Record<string, unknown> = { name: 'a', password: PASSWORD };
    node.self = node;
    const list: unknown[] = [node];
    list.push(list);
    logger.info('cyclic', { node, list });
    const [line] = await lines();
    expect(line!.node).toEqual({ name: 'a', password: KEY_MASK, self: '[Circular]' });
    expect(line!.list[0]).toEqual({ name: 'a', password: KEY_MASK, self: '[Circular]' });
    expect(node.password).toBe(PASSWORD);
    expect(node.self).toBe(node);
  });

  it('objects deeper than maxDepth are masked whole (fail closed)', async () => {
    let deep: Record<string, unknown> = { secretless: 'leaf' };
    for (let i = 0; i < 25; i++) deep = { next: deep };
    const line = await logOne({ deep }, { redactor, maxDepth: 20 });
    let at: any = line.deep;
    let levels = 1; // `deep` is at depth 1
    while (typeof at === 'object') {
      at = at.next;
      levels++;
    }
    expect(at).toBe('[REDACTED:depth]');
    expect(levels).toBe(21);
  });

  it('class instances keep their prototype; Dates, Buffers and Maps pass untouched', () => {
    class Session {
      constructor(public user: string, public token: string) {}
      describe() {
        return `session of ${this.user}`;
      }
    }
    const when = new Date(1_700_000_000_000);
    const bytes = Buffer.from('binary');
    const map = new Map([['k', 'v']]);
    const session = new Session('ada', API_KEY);
    const out = redactFormat({ redactor }).transform({ level: 'info', message: 'x', session, when, bytes, map }) as Record<string, any>;
    expect(out.session).toBeInstanceOf(Session);
    expect(out.session.describe()).toBe('session of ada');
    expect(out.session.token).toBe(KEY_MASK);
    expect(session.token).toBe(API_KEY);
    expect(out.when).toBe(when);
    expect(out.bytes).toBe(bytes);
    expect(out.map).toBe(map);
  });

  it('never throws at run time: an unreadable value becomes [REDACTED:logveil-error] and is counted', async () => {
    const f = redactFormat({ redactor });
    const { logger, lines } = streamLogger([f, format.json()]);
    const hostile = {
      ok: 'fine',
      get boom(): string {
        throw new Error('getter exploded');
      },
    };
    const warned = new Promise((r) => process.once('warning', r));
    logger.info('hostile', { hostile, password: PASSWORD });
    const [line] = await lines();
    expect(line).toMatchObject({ message: 'hostile', password: KEY_MASK, hostile: { ok: 'fine', boom: '[REDACTED:logveil-error]' } });
    expect(f.stats().errors).toBeGreaterThanOrEqual(1);
    expect(((await warned) as NodeJS.ErrnoException).code).toBe('LOGVEIL_FORMAT_ERROR');
  });

  it('construction errors throw LogveilError subclasses', () => {
    expect(() => redactFormat({ mask: 'blur' as never })).toThrow(OptionsError);
    expect(() => redactFormat({ paths: ['a..b'] })).toThrow(OptionsError);
    expect(() => redactFormat({ sensitiveKeys: [''] })).toThrow(OptionsError);
    expect(() => redactFormat({ maxDepth: 0 })).toThrow(OptionsError);
    expect(() => redactFormat({ redactor, disable: ['jwt'] } as never)).toThrow(OptionsError);
    expect(() => redactFormat({ rules: [{ id: 'bad', description: '', tags: [], pattern: '(', keywords: ['x'] }] })).toThrow(RuleError);
    expect(() => redactMessageFormat({ nope: true } as never)).toThrow(OptionsError);
  });
});

