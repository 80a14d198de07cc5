/**
 * Multi-line PEM private keys in the shapes logs print them: one line per JSON entry (pino,
 * a container runtime's JSON, both nested), behind a syslog prefix, in logfmt, after a plain
 * logger's prefix, glued to the BEGIN line, glued to the END line. Each row is run through the
 * stream whole and cut at random places (the output must not change), and the masks must
 * cover exactly the key material: wrappers stay readable, JSON lines stay JSON.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, type Redactor } from '../../src/index.js';
import { createRedactStream } from '../../src/stream/index.js';
import { PEM_BLOCK_MAX_LINES, PEM_FIRST_BODY_WITHIN, PemBlock } from '../../src/stream/pemBlock.js';

const MASK = '[REDACTED:private-key]';

/**
 * A redactor per row: redactors learn the values they mask (value identity), and a key masked
 * in one row must not be what masks it in the next.
 */
async function throughStream(chunks: readonly Buffer[], redactor: Redactor): Promise<string> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), createRedactStream({ redactor }), new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.push(chunk);
      cb();
    },
  }));
  return Buffer.concat(out).toString();
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

// A fake RSA key's body (random base64, not a key): four full lines and a short last one.
const BODY = [
  'MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4q3N',
  'q3N8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4MIIEpAIBAAKCAQEA1c2x',
  'Rb7dK2Lq9Zx4Vn8Wm1Tc6Hy3Gs5Fj0Pa7Ue2Io9Yt4Re8Wq1Sd6Fg3Hj5Kl0Zx7',
  'Cv2Bn9Mq4Lp8Ko1Ji6Uh3Yg5Tf0Rd7Es2Wa9Qz4Xs8Ed1Cr6Vf3Tg5By0Hn7Um2',
  'Zq8vT2mW9kR4pL7xNq3fYb1cD5eG6hJ0kL2mN4pQ==',
];
const BEGIN = '-----BEGIN RSA PRIVATE KEY-----';
const END = '-----END RSA PRIVATE KEY-----';
const KEY_LINES = [BEGIN, ...BODY, END];

interface Row {
  readonly name: string;
  readonly input: readonly string[];
  /** Expected output lines (`@` stands for the mask). */
  readonly output: readonly string[];
}

const pino = (t: number, msg: string) => `{"level":30,"time":${1733529601000 + t},"pid":4312,"hostname":"api-7d9f8c6b5-x2x9k","msg":"${msg}"}`;
const docker = (log: string) => `{"log":"${log}\\n","stream":"stdout","time":"2024-12-07T00:00:01.123456789Z"}`;
const dockerPino = (msg: string) => `{"log":"{\\"level\\":30,\\"msg\\":\\"${msg}\\"}\\n","stream":"stderr"}`;
const syslog = (msg: string) => `Dec  7 00:00:01 ip-10-0-4-12 keyloader[2231]: ${msg}`;
const logfmt = (msg: string) => (/[ =]/.test(msg) ? `ts=2024-12-07T00:00:01Z level=info msg="${msg}"` : `ts=2024-12-07T00:00:01Z level=info msg=${msg}`);
const repr = (msg: string) => `{'event': 'key', 'msg': '${msg}'}`;
/** Every line of the key wrapped the same way; each body line's base64 masked in the output. */
const each = (wrap: (line: string, i: number) => string) => ({
  input: KEY_LINES.map(wrap),
  output: KEY_LINES.map((l, i) => (i === 0 || i === KEY_LINES.length - 1 ? wrap(l, i) : wrap(l, i).replace(l, '@'))),
});

const rows: Row[] = [
  { name: 'pino: one JSON entry per line, time and all', ...each((l, i) => pino(i, l)) },
  { name: 'a container runtime JSON log (escaped newline in the value)', ...each((l) => docker(l)) },
  { name: 'pino inside a container runtime JSON log (two levels of escaping)', ...each((l) => dockerPino(l)) },
  { name: 'syslog prefix', ...each((l) => syslog(l)) },
  { name: 'a CI runner\'s timestamp on every line (the prefix changes)', ...each((l, i) => `2024-12-07T00:00:0${i}.${4275012 + i * 977}Z ${l}`) },
  { name: 'logfmt: quoted header, unquoted body lines, quoted padded last line', ...each((l) => logfmt(l)) },
  { name: 'a Python dict repr', ...each((l) => repr(l)) },
  {
    name: 'a plain logger prefix on the header line, the body printed bare after it',
    input: [`2024-12-07 00:00:01,123 INFO keys - loaded ${BEGIN}`, ...BODY, END, '2024-12-07 00:00:01,124 INFO keys - next'],
    output: [`2024-12-07 00:00:01,123 INFO keys - loaded ${BEGIN}`, ...BODY.map(() => '@'), END, '2024-12-07 00:00:01,124 INFO keys - next'],
  },
  {
    name: 'another request logged between the body entries is left alone',
    input: [pino(0, BEGIN), pino(1, BODY[0]!), '{"level":30,"msg":"request completed","reqId":"4bf92f3577b34da6a3ce929d0e0e4736"}', pino(2, BODY[1]!), pino(3, END)],
    output: [pino(0, BEGIN), pino(1, '@'), '{"level":30,"msg":"request completed","reqId":"4bf92f3577b34da6a3ce929d0e0e4736"}', pino(2, '@'), pino(3, END)],
  },
  {
    name: 'the first body line glued to the BEGIN line, more lines after it',
    input: [`-----BEGIN PRIVATE KEY-----${BODY[0]}`, ...BODY.slice(1), '-----END PRIVATE KEY-----', 'after'],
    output: ['-----BEGIN PRIVATE KEY-----@', ...BODY.slice(1).map(() => '@'), '-----END PRIVATE KEY-----', 'after'],
  },
  {
    name: 'a glued first body line, one JSON entry per line',
    input: [pino(0, `-----BEGIN PRIVATE KEY-----${BODY[0]}`), pino(1, BODY[1]!), pino(2, '-----END PRIVATE KEY-----')],
    output: [pino(0, '-----BEGIN PRIVATE KEY-----@'), pino(1, '@'), pino(2, '-----END PRIVATE KEY-----')],
  },
  {
    name: 'the last body line glued to the END line',
    input: [BEGIN, ...BODY.slice(0, 4), `${BODY[4]}${END}`, 'after'],
    output: [BEGIN, ...BODY.slice(0, 4).map(() => '@'), `@${END}`, 'after'],
  },
  {
    name: 'the last body line and the END line in one container log entry',
    input: [docker(BEGIN), docker(BODY[0]!), `{"log":"${BODY[4]}\\n${END}\\n","stream":"stdout"}`],
    output: [docker(BEGIN), docker('@'), `{"log":"@\\n${END}\\n","stream":"stdout"}`],
  },
  {
    name: 'a whole key with escaped newlines in one JSON string (the rule, on its line)',
    input: [`{"k":"${BEGIN}\\n${BODY.join('\\n')}\\n${END}\\n","next":"x"}`, 'after'],
    output: [`{"k":"${BEGIN}@${END}\\n","next":"x"}`, 'after'],
  },
  {
    name: 'a header mentioned in a message does not open a block',
    input: [pino(0, `expected ${BEGIN}`), pino(1, BODY[0]!)],
    output: [pino(0, `expected ${BEGIN}`), pino(1, BODY[0]!)],
  },
  {
    name: `a header logged as a value with no body within ${PEM_FIRST_BODY_WITHIN} lines is a mention`,
    input: [pino(0, BEGIN), ...Array.from({ length: PEM_FIRST_BODY_WITHIN }, (_, i) => pino(i + 1, 'waiting')), pino(20, BODY[0]!)],
    output: [pino(0, BEGIN), ...Array.from({ length: PEM_FIRST_BODY_WITHIN }, (_, i) => pino(i + 1, 'waiting')), pino(20, BODY[0]!)],
  },
  {
    name: 'a short word in an entry inside the block is not taken for the last body line',
    input: [pino(0, BEGIN), pino(1, BODY[0]!), pino(2, 'done'), pino(3, END)],
    output: [pino(0, BEGIN), pino(1, '@'), pino(2, 'done'), pino(3, END)],
  },
];

describe('PEM keys in log wrappers (stream)', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const input = Buffer.from(`${row.input.join('\n')}\n`);
    const redactor = createRedactor();
    const whole = await throughStream([input], redactor);
    expect(whole.split('\n').slice(0, -1)).toEqual(row.output.map((l) => l.replaceAll('@', MASK)));
    for (const [i, line] of row.input.entries()) {
      if (!line.startsWith('{"')) continue;
      const out = JSON.parse(whole.split('\n')[i]!) as Record<string, unknown>;
      expect(Object.keys(out)).toEqual(Object.keys(JSON.parse(line) as object));
    }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        expect(await throughStream(splitAt(input, cuts), redactor)).toBe(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('counts the body lines it masked', async () => {
    const stream = createRedactStream({});
    stream.resume();
    stream.end(`${KEY_LINES.map((l, i) => pino(i, l)).join('\n')}\n`);
    await new Promise((r) => stream.on('end', r));
    expect(stream.stats().pemBlockLines).toBe(BODY.length);
  });

  it('masks a wrapped key whose END never comes up to the bound', async () => {
    const lines = [pino(0, BEGIN), ...Array.from({ length: PEM_BLOCK_MAX_LINES + 5 }, (_, i) => pino(i + 1, BODY[i % 4]!))];
    const out = (await throughStream([Buffer.from(`${lines.join('\n')}\n`)], createRedactor())).split('\n');
    expect(out.slice(1, PEM_BLOCK_MAX_LINES + 1).every((l) => l.includes(MASK))).toBe(true);
    expect(out[PEM_BLOCK_MAX_LINES + 1]).toBe(lines[PEM_BLOCK_MAX_LINES + 1]);
  });
});

describe('PemBlock.open', () => {
  const opens: [string, string, boolean][] = [
    ['a header alone', BEGIN, true],
    ['a header with trailing whitespace and CR', `${BEGIN}  \r`, true],
    ['a header after a prefix', syslog(BEGIN), true],
    ['a header as a whole JSON value', pino(0, BEGIN), true],
    ['a header and an escaped newline as a JSON value', docker(BEGIN), true],
    ['a header as a JSON value one level deeper', dockerPino(BEGIN), true],
    ['a header as a quoted logfmt value', logfmt(BEGIN), true],
    ['an OpenSSH header', '-----BEGIN OPENSSH PRIVATE KEY-----', true],
    ['a PGP private key block', '-----BEGIN PGP PRIVATE KEY BLOCK-----', true],
    ['a glued body', `-----BEGIN PRIVATE KEY-----${BODY[0]}`, true],
    ['a glued body in a JSON value', pino(0, `-----BEGIN PRIVATE KEY-----${BODY[0]}`), true],
    ['a glued body after an escaped newline', `{"k":"-----BEGIN PRIVATE KEY-----\\n${BODY[0]}\\n${BODY[1]}","x":1}`, true],
    ['a whole key on one line (the rule masks it)', `${BEGIN}${BODY[0]}${END}`, false],
    ['a whole escaped key in one JSON value', `{"k":"${BEGIN}\\n${BODY[0]}\\n${END}\\n"}`, false],
    ['a header with a comment after it', `${BEGIN} # test key`, false],
    ['a header mentioned inside a message', pino(0, `expected ${BEGIN}`), false],
    ['a header followed by words', `${BEGIN} header is missing`, false],
    ['a public key', '-----BEGIN PUBLIC KEY-----', false],
    ['a certificate', '{"msg":"-----BEGIN CERTIFICATE-----"}', false],
  ];
  it.each(opens)('%s', (_name, line, expected) => {
    expect(PemBlock.open(Buffer.from(line)) !== undefined).toBe(expected);
  });

  it('reads a block line by line (the doc example)', () => {
    const block = PemBlock.open(Buffer.from('{"msg":"-----BEGIN RSA PRIVATE KEY-----"}'))!;
    expect(block.read(Buffer.from('{"msg":"MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1x"}'))).toEqual({ start: 8, end: 40 });
    expect(block.done).toBe(false);
    expect(block.read(Buffer.from('{"msg":"-----END RSA PRIVATE KEY-----"}'))).toBeUndefined();
    expect(block.done).toBe(true);
  });
});
