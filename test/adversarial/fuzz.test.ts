/**
 * The adversarial fuzz suite (issue 14, "Keep trying"): random secrets — provider tokens made
 * to their documented shapes, passwords and tokens under credential keys, a known value — are
 * planted in random log syntaxes × escaping depths × line endings, among clean lines, and fed
 * to the stream core in random chunks. Whatever the draw:
 * - no planted value survives;
 * - the output has as many lines as the input;
 * - every byte outside the masks is the input's, in order (each mask stands for some bytes of
 *   one line, nothing else changes).
 * Seeded and bounded (a fixed number of runs), so CI sees the same inputs every time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';

const KNOWN = 'Kq7#tVw2!mZp9xRb4Ld';
const redactor = createRedactor({ knownSecrets: [{ name: 'db-root', value: KNOWN }] });

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * `n` characters of `alphabet` drawn by a PRNG from a seed fast-check picks: shrinking the seed
 * gives other random strings, never the `AAAA…` stand-ins a generated secret never is.
 */
function drawn(seed: number, alphabet: string, n: number): string {
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}
const from = (alphabet: string, n: number) => fc.integer().map((seed) => drawn(seed, alphabet, n));
/** Random enough to pass every rule's entropy gate: several distinct characters of each kind. */
const mixed = (n: number) => from(ALNUM, n).filter((s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s) && new Set(s).size >= n / 2);

/** Provider tokens found by their shape alone, in any syntax. */
const providerToken = fc.oneof(
  from(B32, 16).filter((s) => new Set(s).size >= 8).map((s) => `AKIA${s}`),
  fc.tuple(fc.integer({ min: 1e9, max: 9e9 }), fc.integer({ min: 1e12, max: 9e12 }), mixed(24)).map(([a, b, c]) => `xoxb-${a}-${b}-${c}`),
  mixed(24).map((s) => `sk_live_${s}`),
  mixed(20).map((s) => `glpat-${s}`),
  fc.tuple(mixed(40), mixed(40)).map(([a, b]) => `sk-proj-${a}T3BlbkFJ${b}`), // T3BlbkFJ: base64 of "OpenAI" in every key
);
/** A credential key and a value of its kind. */
const passwordKey = fc.constantFrom('password', 'db_password', 'DB_PASSWORD', 'dbPassword', 'passwd', 'smtp_pass');
const secretKey = fc.constantFrom('client_secret', 'api_key', 'apiKey', 'access_token', 'AUTH_TOKEN', 'secret_key');
const passwordValue = fc.tuple(fc.constantFrom('Winter', 'Orchid', 'Falcon', 'Marble'), fc.integer({ min: 10, max: 9999 }), fc.constantFrom('!', '#', '%', '*', '+', '?', '~')).map(([w, n, p]) => `${w}${n}${p}Qz`);
const pair = fc.oneof(
  fc.tuple(passwordKey, fc.oneof(passwordValue, mixed(28))),
  fc.tuple(secretKey, mixed(32)),
  fc.tuple(fc.constantFrom('token', 'api_key', 'password'), providerToken),
  fc.tuple(fc.constantFrom('db_password', 'password'), fc.constant(KNOWN)),
);

/** One line holding `k` = `v` in a syntax logs use. */
const syntaxes: readonly ((k: string, v: string) => string)[] = [
  (k, v) => `{"level":30,"msg":"connect","${k}":"${v}","host":"db-1"}`,
  (k, v) => `time=2026-12-07T10:00:00Z level=info ${k}=${v} host=db-1`,
  (k, v) => `  ${k}: ${v}`,
  (k, v) => `<config><${k}>${v}</${k}></config>`,
  (k, v) => `Config{host=db-1, ${k}=${v}, port=5432}`,
  (k, v) => `export ${k}="${v}"`,
  (k, v) => `+ deploy --${k.replace(/_/g, '-')} ${v} --verbose`,
  (k, v) => `{'user': 'app', '${k}': '${v}'}`,
];
/** A bare token in running text, a header, a URL. */
const bare: readonly ((v: string) => string)[] = [
  (v) => `INFO using ${v} for upload`,
  (v) => `Authorization: Bearer ${v}`,
  (v) => `GET https://api.example.com/v1/items?token=${v}&page=2 200`,
];
const clean = fc.constantFrom(
  '{"level":30,"time":1733565600000,"msg":"request completed","statusCode":200,"responseTime":12}',
  '10.0.0.7 - - [07/Dec/2026:10:00:00 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"',
  'level=info msg="cache warmed" keys=1832 took=41ms',
  'at com.example.auth.TokenService.refresh(TokenService.java:88)',
  '',
  'INFO  [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat started on port(s): 8080',
);

/** The line at escaping depth 0, inside a JSON log's message (1), inside a container runtime's JSON around that (2). */
function escape(line: string, depth: number): string {
  let out = line;
  for (let d = 0; d < depth; d++) out = d === 0 ? `{"level":"info","msg":${JSON.stringify(out)}}` : `{"log":${JSON.stringify(`${out}\n`)},"stream":"stdout"}`;
  return out;
}

const planted = fc.oneof(
  fc.tuple(pair, fc.integer({ min: 0, max: syntaxes.length - 1 })).map(([[k, v], s]) => ({ line: syntaxes[s]!(k, v), value: v })),
  fc.tuple(providerToken, fc.integer({ min: 0, max: bare.length - 1 })).map(([v, s]) => ({ line: bare[s]!(v), value: v })),
);
const document = fc.record({
  before: fc.array(clean, { maxLength: 3 }),
  secrets: fc.array(fc.tuple(planted, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 4 }),
  after: fc.array(clean, { maxLength: 3 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  cuts: fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 6 }),
});

/** True when `input` is `output` with each mask standing for some bytes of one line. */
function sameOutsideMasks(input: string, output: string): boolean {
  const parts = output.split(/\[REDACTED:[a-z0-9._-]+\]/);
  const pattern = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\n]*?');
  return new RegExp(`^${pattern}$`, 's').test(input);
}

describe('adversarial fuzz: planted secrets × syntaxes × escapings × chunkings × line endings', () => {
  it('no planted value survives; lines and every byte outside the masks are kept', () => {
    fc.assert(
      fc.property(document, ({ before, secrets, after, crlf, finalNewline, cuts }) => {
        const eol = crlf ? '\r\n' : '\n';
        const lines = [...before, ...secrets.map(([p, depth]) => escape(p.line, depth)), ...after];
        const text = lines.join(eol) + (finalNewline ? eol : '');
        const out = redactInChunks(redactor, Buffer.from(text), cuts);
        for (const [p] of secrets) expect(out, p.line).not.toContain(p.value);
        expect(out.split('\n').length).toBe(text.split('\n').length);
        expect(sameOutsideMasks(text, out), out).toBe(true);
      }),
      { seed: 20261207, numRuns: 600 },
    );
  });
});
