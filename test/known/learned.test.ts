/**
 * Value identity: a value masked by a rule is learned, and its other copies — on the same
 * line, later lines, later calls, bare or encoded — are masked with the same rule id and
 * fingerprint. Only values past the known-secret floors that do not read as plain text are
 * learned; the set is bounded (LRU, TTL) and can be turned off.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedactor, OptionsError, type Finding, type Rule } from '../../src/index.js';
import { isLearnable } from '../../src/known/learnable.js';
import { LearnedSecrets } from '../../src/known/learnedSecrets.js';
import { redactorInternals } from '../../src/redactor.js';
import { createParallelRedactStream } from '../../src/stream/parallelStream.js';
import { createRedactStream, type RedactStreamOptions } from '../../src/stream/redactStream.js';

/** A rule of our own, so these tests do not move when the built-in catalog does. */
const SECRET_RULE: Rule = { id: 'test-secret', description: 'secret=…', tags: [], pattern: String.raw`secret=([^\s"&]+)`, keywords: ['secret='], secretGroup: 1, skipPlaceholders: false };
const OPTIONS = { builtins: false, rules: [SECRET_RULE] } as const;
const VALUE = 'Zx9kQ2vLm8Rt5wP3';
const OTHER = 'Qp7wE3rT9yU1iO5a';

function recording(options: Parameters<typeof createRedactor>[0] = {}) {
  const findings: Finding[] = [];
  const redactor = createRedactor({ ...OPTIONS, ...options, onFinding: (f) => findings.push(f) });
  return { redactor, findings };
}

async function throughStream(chunks: readonly (string | Buffer)[], options: RedactStreamOptions): Promise<string> {
  const stream = createRedactStream(options);
  const out: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    stream.pipe(new Writable({ write: (c: Buffer, _e, cb) => (out.push(c), cb()) })).on('finish', resolve).on('error', reject);
  });
  for (const c of chunks) stream.write(c);
  stream.end();
  await done;
  return Buffer.concat(out).toString('latin1');
}

describe('copies of a masked value', () => {
  it('masks the second copy on the same line, after and before the one the rule found', () => {
    const r = createRedactor(OPTIONS);
    expect(r.redact(`secret=${VALUE} echo ${VALUE}`)).toBe('secret=[REDACTED:test-secret] echo [REDACTED:test-secret]');
    const r2 = createRedactor(OPTIONS);
    expect(r2.redact(`echo ${VALUE}; secret=${VALUE}`)).toBe('echo [REDACTED:test-secret]; secret=[REDACTED:test-secret]');
  });

  it('masks copies in later calls (a library redactor learns for its life)', () => {
    const r = createRedactor(OPTIONS);
    expect(r.redact(`secret=${VALUE}`)).toBe('secret=[REDACTED:test-secret]');
    expect(r.redact(`retrying with ${VALUE}`)).toBe('retrying with [REDACTED:test-secret]');
    expect(r.redact(`nothing here`)).toBe('nothing here');
  });

  it('masks copies on later lines of a stream, not on the lines above', async () => {
    const out = await throughStream([`before ${VALUE}\nsecret=${VALUE}\nafter ${VALUE}\n`, `and later ${VALUE}\n`], OPTIONS);
    expect(out).toBe(`before ${VALUE}\nsecret=[REDACTED:test-secret]\nafter [REDACTED:test-secret]\nand later [REDACTED:test-secret]\n`);
  });

  it('works with the built-in rules too (a JSON password masks its copy in a message)', () => {
    const { redactor: r, findings } = recording({ builtins: true, rules: [] });
    const pw = 'Xy7kQ2mN3pL9!';
    expect(r.redact(JSON.stringify({ user: { password: pw } }))).not.toContain(pw);
    const ruleId = findings[0]!.ruleId;
    expect(r.redact(`login failed for ${pw}`)).toBe(`login failed for [REDACTED:${ruleId}]`);
    expect(findings[1]).toMatchObject({ ruleId, fingerprint: findings[0]!.fingerprint });
  });

  it.each([
    ['base64 (Basic auth)', (v: string) => `Authorization: Basic ${Buffer.from(`app:${v}`).toString('base64')}`],
    ['base64url', (v: string) => `state=${Buffer.from(`{"k":"${v}"}`).toString('base64url')}`],
    ['URL-encoded', (v: string) => `GET /cb?p=${encodeURIComponent(v)}&x=1`],
    ['JSON-escaped', (v: string) => JSON.stringify({ msg: `conn pw=${v}` })],
    ['JSON-escaped with \\/', (v: string) => JSON.stringify({ msg: v }).replace(/\//g, '\\/')],
  ])('masks an encoded copy: %s', (_what, encode) => {
    const value = 'k9/Qz+Rt5"wP3&s8';
    const r = createRedactor(OPTIONS);
    r.redact(`secret=${value.replace(/"/g, '%22').replace(/&/g, '%26')}`); // the rule sees it URL-encoded
    const line = encode(value);
    const out = r.redact(line);
    expect(out).not.toBe(line);
    expect(out).toContain('[REDACTED:test-secret]');
    expect(out).not.toContain(value);
    if (line.startsWith('{')) expect(() => JSON.parse(out)).not.toThrow();
  });

  it('masks a plain copy of a value the rule saw JSON-escaped', () => {
    const r = createRedactor(OPTIONS);
    const value = 'k9/Qz+Rt5wP3s8x';
    r.redact(`{"msg":"secret=${value.replace(/\//g, '\\/')}"}`);
    expect(r.redact(`echo ${value}`)).toBe('echo [REDACTED:test-secret]');
  });
});

describe('findings of learned copies', () => {
  it('carry the rule id and fingerprint of the copy the rule found, no name', () => {
    const { redactor, findings } = recording({ mask: 'hash', fingerprintKey: 'test-key' });
    const first = redactor.redact(`secret=${VALUE}`);
    const second = redactor.redact(`copy: ${VALUE}; base64: ${Buffer.from(VALUE).toString('base64')}`);
    expect(findings).toHaveLength(3);
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['test-secret']));
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(1);
    expect(findings.every((f) => f.name === undefined)).toBe(true);
    const mask = /\[REDACTED:test-secret:[0-9a-f]{8}\]/.exec(first)![0];
    expect(second).toBe(`copy: ${mask}; base64: ${mask}`);
    expect(findings[1]).toMatchObject({ line: 1, start: 6, end: 6 + VALUE.length });
    expect(redactor.stats().findings).toEqual({ 'test-secret': 3 });
  });

  it('follow the rule\'s own mask (maskByRule)', () => {
    const r = createRedactor({ ...OPTIONS, maskByRule: { 'test-secret': 'fixed' } });
    r.redact(`secret=${VALUE}`);
    expect(r.redact(`x ${VALUE}`)).toBe('x ********');
  });

  it('are counted per rule id in a stream\'s stats', async () => {
    const stream = createRedactStream(OPTIONS);
    stream.resume();
    stream.end(`secret=${VALUE}\n${VALUE}\n`);
    await new Promise((resolve) => stream.on('end', resolve));
    expect(stream.stats().findings).toEqual({ 'test-secret': 2 });
  });

  it('redactor.stats() counts the learned set', () => {
    const r = createRedactor(OPTIONS);
    r.redact(`secret=${VALUE} secret=${OTHER}`);
    expect(r.stats().learned).toEqual({ values: 2, learned: 2, evicted: 0, expired: 0 });
    expect(createRedactor({ ...OPTIONS, learn: false }).stats().learned).toBeUndefined();
  });
});

describe('what is learned', () => {
  it('not a value under the floors: password=hunter2, then hunter2 stays', () => {
    const r = createRedactor(OPTIONS);
    expect(r.redact('secret=hunter2')).toBe('secret=[REDACTED:test-secret]');
    expect(r.redact('user typed hunter2')).toBe('user typed hunter2');
    expect(r.redact('secret=abababababab')).toBe('secret=[REDACTED:test-secret]');
    expect(r.redact('abababababab')).toBe('abababababab');
    expect(r.stats().learned?.values).toBe(0);
  });

  it.each([
    ['a path', '/home/app/releases/current'],
    ['a Windows path', 'C:\\Users\\App\\AppData'],
    ['a word with a number', 'password123'],
    ['an identifier', 'dbCredentialsSecretName'],
    ['kebab-case words', 'app-db-credentials'],
    ['a number', '1732739962000'],
    ['a size', '1048576KiB'],
    ['a date', '2024-11-27T20:39:22.123Z'],
    ['a URL without credentials', 'https://api.example.com/v1/search?q=shoes&page=2'],
    ['an e-mail address', 'alice.smith@example.com'],
    ['a placeholder', '${DB_PASSWORD}'],
    ['a format placeholder', '%(password)s'],
    ['a template', '{{ .Values.db.password }}'],
    ['a Java object id', 'com.acme.auth.Token@5f3e1a'],
    ['an Android object id', 'Token{1a2b3c4}'],
    ['too long', `k${'Zx9kQ2vLm8Rt5wP3'.repeat(70)}`],
  ])('not plain text: %s', (_what, value) => {
    expect(isLearnable(Buffer.from(value))).toBe(false);
  });

  it.each([
    ['a random token', VALUE],
    ['an AWS access key id', 'AKIAQ3EGRT5YWK2L4MNB'],
    ['hex', '4bf92f3577b34da6a3ce929d0e0e4736'],
    ['a password with symbols', 'Passw0rd!x9#'],
    ['base64 with / and +', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY+EXAMPLE'],
    ['a UUID (Heroku API keys are UUIDs)', '550e8400-e29b-41d4-a716-446655440000'],
  ])('secret-shaped: %s', (_what, value) => {
    expect(isLearnable(Buffer.from(value))).toBe(true);
  });

  it.each([
    ['a word with a number', 'Secret8441', true],
    ['a word, a number and a symbol', 'Summer61$', true],
    ['words and a number', 'Maple-orange-32', true],
    ['a word alone', 'changemenow', false],
    ['a date', '2024-11-27T20:39:22.123Z', false],
    ['a path', '/home/app/releases/v2', false],
    ['an object id', 'com.acme.auth.Token@5f3e1a', false],
    ['a version', 'v1.2.3-rc1', false],
    ['a locale', 'en_US.UTF-8', false],
    ['a lower-case name with a number', 'postgres15', false],
    ['a host name', 'prod-db-01', false],
  ])('a password rule\'s value: %s', (_what, value, learned) => {
    expect(isLearnable(Buffer.from(value), true)).toBe(learned);
  });

  it('a password\'s value that reads as a word with a number masks its copy on the same line (built-in rules)', () => {
    const r = createRedactor();
    expect(r.redact(`+ mysql -u root -pSecret8441 -e "SELECT 'Secret8441' AS probe"`)).toBe(`+ mysql -u root -p[REDACTED:cli-password-flag] -e "SELECT '[REDACTED:cli-password-flag]' AS probe"`);
    expect(r.redact('password=Secret8441x then user typed Secret8441x')).toBe('password=[REDACTED:password-assignment] then user typed [REDACTED:password-assignment]');
    // Not a password's rule: a word with a number under a secret key does not spread.
    expect(createRedactor().redact('client_secret=Ledger20241; echo Ledger20241')).toBe('client_secret=[REDACTED:generic-secret-assignment]; echo Ledger20241');
  });

  it('a plain value the rule masked does not spread', () => {
    const r = createRedactor(OPTIONS);
    r.redact('secret=/home/app/releases/current');
    expect(r.redact('cd /home/app/releases/current')).toBe('cd /home/app/releases/current');
  });
});

describe('bounds', () => {
  it('evicts the least recently seen value past maxValues', () => {
    const r = createRedactor({ ...OPTIONS, learn: { maxValues: 2 } });
    const [a, b, c] = ['Aa1Bb2Cc3Dd4Ee5F', 'Gg6Hh7Ii8Jj9Kk0L', 'Mm1Nn2Oo3Pp4Qq5R'];
    r.redact(`secret=${a}`);
    r.redact(`secret=${b}`);
    r.redact(`seen again: ${a}`); // a is now more recent than b
    r.redact(`secret=${c}`); // evicts b
    expect(r.redact(`${a} ${b} ${c}`)).toBe(`[REDACTED:test-secret] ${b} [REDACTED:test-secret]`);
    expect(r.stats().learned).toEqual({ values: 2, learned: 3, evicted: 1, expired: 0 });
  });

  it('forgets a value ttl after it was last seen (a clock is injected)', () => {
    let now = 1_000_000;
    const learned = new LearnedSecrets<string>({ maxValues: 10, ttl: 60_000 }, () => now);
    const buf = Buffer.from(`secret ${VALUE}`);
    const span = { start: 7, end: 7 + VALUE.length, rule: 0 };
    learned.find(buf, [span], () => 'test-secret', []);
    const copies = (text: string) => {
      const out: { start: number; end: number; rule: number }[] = [];
      learned.find(Buffer.from(text), [], () => undefined, out);
      return out.length;
    };
    now += 59_000;
    expect(copies(`a ${VALUE}`)).toBe(1); // seen: the TTL starts again
    now += 59_000;
    expect(copies(`b ${VALUE}`)).toBe(1);
    now += 60_000;
    expect(copies(`c ${VALUE}`)).toBe(0);
    expect(learned.stats()).toEqual({ values: 0, learned: 1, evicted: 0, expired: 1 });
  });

  it('the redactor\'s ttl option (fake timers: Date.now is the clock)', () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const r = createRedactor({ ...OPTIONS, learn: { ttl: '1m' } });
      r.redact(`secret=${VALUE}`);
      vi.setSystemTime(59_999);
      expect(r.redact(VALUE)).toBe('[REDACTED:test-secret]');
      vi.setSystemTime(59_999 + 60_000);
      expect(r.redact(VALUE)).toBe(VALUE);
    } finally {
      vi.useRealTimers();
    }
  });

  it('learn: false turns it off', () => {
    const r = createRedactor({ ...OPTIONS, learn: false });
    r.redact(`secret=${VALUE}`);
    expect(r.redact(`copy ${VALUE}`)).toBe(`copy ${VALUE}`);
    expect(redactorInternals(r).addKnown).toBeUndefined();
  });

  it.each([
    [{ learn: 'yes' }, 'learn'],
    [{ learn: null }, 'learn'],
    [{ learn: { maxValues: 0 } }, 'learn.maxValues'],
    [{ learn: { maxValues: 1.5 } }, 'learn.maxValues'],
    [{ learn: { maxValues: 1e9 } }, 'learn.maxValues'],
    [{ learn: { ttl: 'soon' } }, 'learn.ttl'],
    [{ learn: { ttl: 0 } }, 'learn.ttl'],
    [{ learn: { size: 10 } }, 'learn'], // an unknown key, named by position
  ])('rejects %j with a coded error', (options, option) => {
    let err: unknown;
    try {
      createRedactor(options as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OptionsError);
    expect(err).toMatchObject({ code: 'LOGVEIL_INVALID_OPTION', option });
  });

  it('accepts durations and defaults', () => {
    expect(() => createRedactor({ ...OPTIONS, learn: { maxValues: 5, ttl: '30m' } })).not.toThrow();
    expect(() => createRedactor({ ...OPTIONS, learn: true })).not.toThrow();
    expect(() => createRedactor({ ...OPTIONS, learn: {} })).not.toThrow();
  });
});

describe('streams', () => {
  const lines = [`a=1 ${VALUE}`, `secret=${VALUE}`, `x ${VALUE} ${OTHER}`, `secret=${OTHER} ${VALUE}`, `${OTHER}`, 'clean'];
  const input = `${lines.join('\n')}\n`;

  it('output does not depend on how the input was chunked', async () => {
    const whole = await throughStream([input], OPTIONS);
    expect(whole).toBe(`a=1 ${VALUE}\nsecret=[REDACTED:test-secret]\nx [REDACTED:test-secret] ${OTHER}\nsecret=[REDACTED:test-secret] [REDACTED:test-secret]\n[REDACTED:test-secret]\nclean\n`);
    // Line by line through redactor.redact gives the same: the semantics are per line.
    const r = createRedactor(OPTIONS);
    expect(lines.map((l) => r.redact(l)).join('\n') + '\n').toBe(whole);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: input.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const at = [0, ...[...new Set(cuts)].sort((a, b) => a - b), input.length];
        const chunks = at.slice(1).map((end, i) => Buffer.from(input.slice(at[i], end), 'latin1'));
        expect(await throughStream(chunks, OPTIONS)).toBe(whole);
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('masks copies in a line longer than maxLineLength, whatever the chunking', async () => {
    const long = `${'lorem ipsum '.repeat(300)}${VALUE}${' dolor'.repeat(300)}${Buffer.from(VALUE).toString('base64')}`;
    const text = `secret=${VALUE}\n${long}\n`;
    const options = { ...OPTIONS, maxLineLength: 1024 };
    const whole = await throughStream([text], options);
    expect(whole).not.toContain(VALUE);
    expect(whole).not.toContain(Buffer.from(VALUE).toString('base64'));
    expect(whole.split('\n')[1]).toBe(long.replace(VALUE, '[REDACTED:test-secret]').replace(Buffer.from(VALUE).toString('base64'), '[REDACTED:test-secret]'));
    for (const size of [7, 100, 1000, 1500]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(await throughStream(chunks, options)).toBe(whole);
    }
  });

  describe('worker threads', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
      delete process.env.LOGVEIL_TEST_WORKER_MARKER;
    });

    it('values are learned on the main thread, in input order, and mask copies like one thread does', async () => {
      dir = mkdtempSync(join(tmpdir(), 'logveil-learn-'));
      const marker = join(dir, 'requests');
      writeFileSync(marker, '');
      // The worker entry from source: tsx registered in the worker, then spanWorker.ts; each
      // request is also counted in `marker`, so the test knows the workers did the matching.
      const boot = join(dir, 'boot.mjs');
      const root = new URL('../../', import.meta.url);
      writeFileSync(
        boot,
        [
          `import { appendFileSync } from 'node:fs';`,
          `import { parentPort } from 'node:worker_threads';`,
          `import { register } from ${JSON.stringify(new URL('node_modules/tsx/dist/esm/api/index.mjs', root).href)};`,
          'register();',
          `await import(${JSON.stringify(new URL('src/stream/spanWorker.ts', root).href)});`,
          `parentPort.on('message', () => appendFileSync(${JSON.stringify(marker)}, 'x'));`,
        ].join('\n'),
      );
      const many = Array.from({ length: 200 }, (_, i) => (i % 50 === 7 ? `secret=${i}${VALUE}` : i % 50 === 30 ? `copy ${i - 23}${VALUE} and ${Buffer.from(`${i - 23}${VALUE}`).toString('base64')}` : `line ${i} clean`));
      const text = `${many.join('\n')}\n`;
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += 97) chunks.push(text.slice(i, i + 97));
      const stream = createParallelRedactStream(OPTIONS, 2, pathToFileURL(boot));
      const out: Buffer[] = [];
      stream.on('data', (b: Buffer) => out.push(b));
      const ended = new Promise((resolve) => stream.on('end', resolve));
      for (const c of chunks) stream.write(c);
      stream.end();
      await ended;
      const parallel = Buffer.concat(out).toString('latin1');
      expect(parallel).toBe(await throughStream(chunks, OPTIONS));
      expect(parallel).not.toContain(VALUE);
      expect(parallel.match(/\[REDACTED:test-secret\]/g)).toHaveLength(4 + 4 * 2);
      expect(readFileSync(marker, 'utf8').length).toBeGreaterThan(0);
    }, 30_000);
  });
});

describe('CLI options', () => {
  it('--no-learn and the config key "learn" reach the redactor options', async () => {
    const { parseCli } = await import('../../src/cli/config.js');
    expect(parseCli([], {}).streamOptions.learn).toBeUndefined();
    expect(parseCli(['--no-learn'], {}).streamOptions.learn).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'logveil-learn-cli-'));
    try {
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({ learn: { maxValues: 10, ttl: '5m' } }));
      expect(parseCli(['-c', config], {}).streamOptions.learn).toEqual({ maxValues: 10, ttl: '5m' });
      expect(parseCli(['-c', config, '--no-learn'], {}).streamOptions.learn).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('integrations', () => {
  it('winston: a sensitive field masked in one entry masks the value in a later message', async () => {
    const { redactFormat } = await import('../../src/integrations/winston/index.js');
    const format = redactFormat(OPTIONS);
    const first = format.transform({ level: 'info', message: 'login', password: VALUE } as never) as Record<string, unknown>;
    expect(first.password).not.toBe(VALUE);
    const later = format.transform({ level: 'info', message: `retry with ${VALUE}` } as never) as Record<string, unknown>;
    expect(later.message).toMatch(/^retry with \[REDACTED:[a-z-]+\]$/);
  });

  it('pino transport: plain options pass "learn" through (on, bounded, off)', async () => {
    const { default: transport } = await import('../../src/integrations/pinoTransport.js');
    const run = async (learn: unknown) => {
      const stream = (await transport({ ...OPTIONS, learn } as never)) as unknown as NodeJS.ReadWriteStream;
      const out: Buffer[] = [];
      stream.on('data', (b: Buffer) => out.push(b));
      const ended = new Promise((resolve) => stream.on('end', resolve));
      stream.end(`{"msg":"secret=${VALUE}"}\n{"msg":"again ${VALUE}"}\n`);
      await ended;
      return Buffer.concat(out).toString().split('\n')[1];
    };
    expect(await run(undefined)).toBe('{"msg":"again [REDACTED:test-secret]"}');
    expect(await run({ maxValues: 5, ttl: '1h' })).toBe('{"msg":"again [REDACTED:test-secret]"}');
    expect(await run(false)).toBe(`{"msg":"again ${VALUE}"}`);
    await expect(transport({ ...OPTIONS, learn: { maxValues: -1 } } as never)).rejects.toMatchObject({ code: 'LOGVEIL_INVALID_OPTION', option: 'learn.maxValues' });
  });

  it('pino hook: a value masked in one log call masks it in later calls', async () => {
    const { pinoHooks } = await import('../../src/integrations/pino.js');
    const { streamWrite } = pinoHooks(OPTIONS).hooks;
    expect(streamWrite(`{"msg":"secret=${VALUE}"}`)).not.toContain(VALUE);
    expect(streamWrite(`{"msg":"retry ${VALUE}"}`)).toBe('{"msg":"retry [REDACTED:test-secret]"}');
  });
});
