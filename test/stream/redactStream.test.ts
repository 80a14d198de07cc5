/**
 * Streams: chunking never changes the output, line structure is kept byte for byte, clean
 * lines are passed as slices, long lines are scanned in windows, multi-line PEM keys are
 * masked, and the web TransformStream behaves like the Node Transform.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { createRedactStream, createRedactTransformStream, type RedactStreamOptions } from '../../src/stream/index.js';

const redactor = createRedactor();

async function throughStream(chunks: readonly Uint8Array[], options: RedactStreamOptions = { redactor }): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks.map((c) => Buffer.from(c))), createRedactStream(options), new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.push(chunk);
      cb();
    },
  }));
  return Buffer.concat(out);
}

async function throughWeb(chunks: readonly Uint8Array[], options: RedactStreamOptions = { redactor }): Promise<Buffer> {
  const source = new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
  const out: Uint8Array[] = [];
  const reader = source.pipeThrough(createRedactTransformStream(options)).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return Buffer.concat(out);
}

function splitAt(buf: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(buf.subarray(from, p));
    from = p;
  }
  parts.push(buf.subarray(from));
  return parts;
}

const countNewlines = (b: Buffer) => b.reduce((n, c) => (c === 10 ? n + 1 : n), 0);

const lineArb = fc.oneof(
  fc.constantFrom(
    '{"level":30,"msg":"request completed","reqId":"9b2f0c1e-8d4a"}',
    '{"user":{"password":"hunter2"}}',
    'level=info msg="db" url=postgres://app:s3cr3tPa55@db:5432/app',
    'Authorization: Bearer Zq8vT2mW9kR4pL7xNq3fYb1c',
    '127.0.0.1 - - "GET /?access_token=EAAGm0PX4ZCpsBAKZB HTTP/1.1" 200',
    'token=xoxb-781236542736-2364535789652-GkwFDQoHqzXDVsC6GzqYUypD',
    'plain text, nothing to see',
    '',
  ),
  fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b).toString('latin1').replace(/\n/g, '')),
);
const inputArb = fc
  .tuple(fc.array(fc.tuple(lineArb, fc.constantFrom('\n', '\r\n')), { maxLength: 25 }), fc.boolean())
  .map(([lines, finalNewline]) => {
    const text = lines.map(([l, eol]) => l + eol).join('');
    return Buffer.from(finalNewline ? text : text.replace(/\r?\n$/, ''), 'latin1');
  });

describe('createRedactStream', () => {
  it('gives the same bytes as redactBuffer on the whole input, however the input is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, fc.array(fc.nat(), { maxLength: 12 }), async (input, cuts) => {
        const expected = redactor.redactBuffer(input);
        const out = await throughStream(splitAt(input, cuts));
        expect(out.equals(expected)).toBe(true);
        expect(countNewlines(out)).toBe(countNewlines(input));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps CRLF and a missing final newline exactly', async () => {
    const input = Buffer.from('a=1\r\npassword=hunter2\r\nlast line without newline');
    const out = await throughStream([input.subarray(0, 7), input.subarray(7)]);
    expect(out.toString()).toBe('a=1\r\npassword=[REDACTED:password-assignment]\r\nlast line without newline');
  });

  it('passes clean lines as slices of the input chunk, not copies', async () => {
    const stream = createRedactStream({ redactor });
    const chunk = Buffer.from('{"msg":"one"}\n{"msg":"two"}\npartial');
    const pushed: Buffer[] = [];
    stream.on('data', (b: Buffer) => pushed.push(b));
    stream.write(chunk);
    await new Promise((r) => setImmediate(r));
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.buffer).toBe(chunk.buffer);
    expect(pushed[0]!.byteOffset).toBe(chunk.byteOffset);
    expect(pushed[0]!.toString()).toBe('{"msg":"one"}\n{"msg":"two"}\n');
  });

  it('writes the clean parts of a line with a secret as slices too', async () => {
    const stream = createRedactStream({ redactor });
    const chunk = Buffer.from('{"msg":"one"}\npassword=hunter2 rest\n');
    const pushed: Buffer[] = [];
    stream.on('data', (b: Buffer) => pushed.push(b));
    stream.end(chunk);
    await new Promise((r) => stream.on('end', r));
    expect(Buffer.concat(pushed).toString()).toBe('{"msg":"one"}\npassword=[REDACTED:password-assignment] rest\n');
    expect(pushed.filter((b) => b.buffer === chunk.buffer).length).toBe(2);
  });

  it('passes invalid UTF-8 and binary garbage through byte-exact', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const out = await throughStream([garbage.subarray(0, 1000), garbage.subarray(1000)]);
    expect(out.equals(redactor.redactBuffer(garbage))).toBe(true);
    expect(countNewlines(out)).toBe(countNewlines(garbage));
  });

  it('rejects a bad maxLineLength at construction', () => {
    expect(() => createRedactStream({ maxLineLength: 10 })).toThrow(expect.objectContaining({ code: 'LOGVEIL_INVALID_OPTION', option: 'maxLineLength' }));
  });

  it('counts findings per rule without keeping secrets', async () => {
    const stream = createRedactStream({ redactor });
    stream.resume();
    stream.end('password=hunter2\n{"token":"Zq8vT2mW9kR4pL7x"}\n');
    await new Promise((r) => stream.on('end', r));
    expect(stream.stats()).toMatchObject({ bytes: 46, findings: { 'password-assignment': 1, 'json-sensitive-key': 1 }, errors: 0 });
  });
});

describe('long lines', () => {
  const maxLineLength = 4096; // windows of 4 KiB overlapping by 1 KiB
  const secret = 'xoxb-781236542736-2364535789652-GkwFDQoHqzXDVsC6GzqYUypD';

  it('finds a secret at every offset around the window edges, for any chunking', async () => {
    for (const at of [0, 3000, 3071, 3072, 3073, 3090, 4040, 4050, 4095, 6100, 6143, 6144, 9000, 13000]) {
      const line = Buffer.alloc(14000, 'a');
      line[at - 1] = 0x20;
      line.write(secret, at);
      line[at + secret.length] = 0x20;
      const input = Buffer.concat([Buffer.from('start\n'), line, Buffer.from('\nend\n')]);
      for (const cuts of [[], [100, 5000, 9999], [6 + at + 10]]) {
        const out = await throughStream(splitAt(input, cuts), { redactor, maxLineLength });
        expect(out.includes(secret), `secret at ${at}, cuts ${cuts.join(',')}`).toBe(false);
        expect(out.includes('[REDACTED:slack-bot-token]')).toBe(true);
        expect(countNewlines(out)).toBe(3);
        expect(out.subarray(0, 6).toString()).toBe('start\n');
        expect(out.subarray(out.length - 4).toString()).toBe('end\n');
      }
    }
  });

  it('gives the same output however a long line is chunked', async () => {
    const line = Buffer.from(`${'x'.repeat(5000)} password=hunter2 ${'y'.repeat(7000)} ${secret} ${'z'.repeat(3000)}\n`);
    const whole = await throughStream([line], { redactor, maxLineLength });
    for (const cuts of [[1], [4096], [100, 200, 300, 4000, 4100, 8000, 12000], Array.from({ length: 60 }, (_, i) => i * 257)]) {
      expect((await throughStream(splitAt(line, cuts), { redactor, maxLineLength })).equals(whole)).toBe(true);
    }
    expect(whole.includes('hunter2')).toBe(false);
    expect(whole.includes(secret)).toBe(false);
  });

  it('fails closed on a secret longer than the overlap that crosses a window edge', async () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJ${'A'.repeat(2500)}.${'s'.repeat(43)}`; // > 1 KiB overlap
    const line = Buffer.from(`${'a'.repeat(2000)} ${jwt} tail\n`);
    const out = await throughStream([line], { redactor, maxLineLength });
    const text = out.toString();
    expect(text).not.toMatch(/A{16}/);
    expect(text).not.toContain('s'.repeat(16));
    expect(text.endsWith(' tail\n')).toBe(true);
  });

  it('streams a 50 MB line without holding it (output = input outside masks)', async () => {
    const chunk = Buffer.alloc(1 << 20);
    chunk.fill('"item-0001", '); // a giant JSON array: short tokens between delimiters
    chunk.write(` ${secret} `, 500_000);
    const chunks = Array.from({ length: 50 }, () => chunk);
    const stream = createRedactStream({ redactor });
    let bytes = 0;
    let found = 0;
    await pipeline(Readable.from([...chunks, Buffer.from('\n')]), stream, new Writable({
      write(b: Buffer, _e, cb) {
        bytes += b.length;
        if (b.includes(secret)) found++;
        cb();
      },
    }));
    expect(found).toBe(0);
    expect(stream.stats().findings['slack-bot-token']).toBe(50);
    expect(stream.stats().longLineWindows).toBeGreaterThan(40);
    expect(bytes).toBe(50 * (1 << 20) + 1 + 50 * ('[REDACTED:slack-bot-token]'.length - secret.length));
  });

  it('keeps a long JSON line valid JSON whatever falls on a window edge (regression: cut inside \\")', async () => {
    const head = '{"level":30,"body":"{\\"data\\":\\"';
    for (let n = 200; n < 3000; n++) {
      const line = `${head}${'A'.repeat(n)}\\"}","msg":"${'hello world '.repeat(200)}"}\n`;
      JSON.parse(line);
      const out = (await throughStream([Buffer.from(line)], { redactor, maxLineLength })).toString();
      expect(() => JSON.parse(out), `n=${n}`).not.toThrow();
    }
  });

  it('masks a token run that crosses window edges only up to 64 KiB (a longer run is data)', async () => {
    const line = Buffer.concat([Buffer.from('x '), Buffer.alloc(300_000, 'Q'), Buffer.from(' end\n')]);
    const out = (await throughStream([line], { redactor, maxLineLength })).toString();
    expect(out.startsWith('x [REDACTED:long-line-token]')).toBe(true);
    expect(out.endsWith(' end\n')).toBe(true);
    const qs = out.match(/Q+/g)!.reduce((n, run) => n + run.length, 0);
    expect(qs).toBeGreaterThan(300_000 - 70_000);
    expect(qs).toBeLessThan(300_000 - 60_000);
  });
});

describe('multi-line PEM private keys', () => {
  const pem = [
    '2026-11-27 INFO loading key',
    '-----BEGIN RSA PRIVATE KEY-----',
    'MIIEpAIBAAKCAQEA1c2xYq3N8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4',
    'q3N8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4MIIEpAIBAAKCAQEA1c2x',
    '',
    'Zq8vT2mW9kR4pL7xNq3fYb1cD5eG6hJ0kL2mN4pQ==',
    '-----END RSA PRIVATE KEY-----',
    'password=hunter2',
    'after',
  ].join('\r\n');

  it('masks every body line from BEGIN to END, however the block is chunked', async () => {
    const input = Buffer.from(`${pem}\n`);
    const whole = await throughStream([input]);
    const lines = whole.toString().split('\r\n');
    expect(lines[1]).toBe('-----BEGIN RSA PRIVATE KEY-----');
    expect(lines[2]).toBe('[REDACTED:private-key]');
    expect(lines[3]).toBe('[REDACTED:private-key]');
    expect(lines[4]).toBe('');
    expect(lines[5]).toBe('[REDACTED:private-key]');
    expect(lines[6]).toBe('-----END RSA PRIVATE KEY-----');
    expect(lines[7]).toBe('password=[REDACTED:password-assignment]');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 10 }), async (cuts) => {
        expect((await throughStream(splitAt(input, cuts))).equals(whole)).toBe(true);
      }),
      { numRuns: 100 },
    );
    expect((await throughWeb(splitAt(input, [40, 90, 150]))).equals(whole)).toBe(true);
  });

  it('stops masking after the bound when no END line comes (every line up to it masked)', async () => {
    const body = Array.from({ length: 1100 }, (_, i) => `line${i}AAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    const out = (await throughStream([Buffer.from(`-----BEGIN PRIVATE KEY-----\n${body.join('\n')}\n`)])).toString().split('\n');
    expect(out.slice(1, 1001).every((l) => l === '[REDACTED:private-key]')).toBe(true);
    expect(out[1001]).toBe(body[1000]);
  });

  it('leaves blocks alone when the private-key rule is disabled', async () => {
    const out = await throughStream([Buffer.from(`${pem}\n`)], { disable: ['private-key'] });
    expect(out.toString()).toContain('MIIEpAIBAAKCAQEA1c2xYq3N8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4');
  });
});

describe('createRedactTransformStream', () => {
  it('gives the same bytes as the Node Transform for any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, fc.array(fc.nat(), { maxLength: 8 }), async (input, cuts) => {
        const chunks = splitAt(input, cuts).map((b) => new Uint8Array(b));
        expect((await throughWeb(chunks)).equals(await throughStream(chunks))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('fail closed on an internal error', () => {
  it('masks the lines of the failing chunk, warns once, never throws, and goes on', async () => {
    const broken = createRedactor();
    const internals = (broken as unknown as Record<symbol, { findSpans: (...a: unknown[]) => unknown }>)[Symbol.for('logveil.redactor.internals')]!;
    const findSpans = internals.findSpans;
    let calls = 0;
    internals.findSpans = (...args: unknown[]) => {
      if (++calls === 2) throw new Error('simulated matcher failure');
      return findSpans(...args);
    };
    const stream = createRedactStream(broken);
    const warnings: Error[] = [];
    stream.on('warning', (w: Error) => warnings.push(w));
    const out: Buffer[] = [];
    stream.on('data', (b: Buffer) => out.push(b));
    stream.write('first password=hunter1\n');
    stream.write('second password=hunter2\nthird password=hunter3\n');
    stream.write('fourth password=hunter4\n');
    stream.end();
    await new Promise((r) => stream.on('end', r));
    expect(Buffer.concat(out).toString()).toBe(
      'first password=[REDACTED:password-assignment]\n[REDACTED:logveil-error]\n[REDACTED:logveil-error]\nfourth password=[REDACTED:password-assignment]\n',
    );
    expect(warnings).toHaveLength(1);
    expect(stream.stats().errors).toBe(1);
  });
});
