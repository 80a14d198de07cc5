/**
 * The context engine's invariants, property-tested:
 * - any JSON line stays JSON with the same keys after masking, whatever keys and values it holds;
 * - a secret under a credential key, planted in a random syntax × escaping depth × chunking,
 *   never reaches the output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';

const redactor = createRedactor({ learn: false } as Parameters<typeof createRedactor>[0]);

/** Key names that hold credentials, in the case and separator styles code and configs use. */
const passwordWords = fc.constantFrom(['password'], ['db', 'password'], ['passwd'], ['db', 'pwd'], ['passphrase'], ['keystore', 'password'], ['smtp', 'pass']);
const secretWords = fc.constantFrom(
  ['client', 'secret'], ['api', 'key'], ['access', 'token'], ['auth', 'token'], ['secret', 'access', 'key'], ['signing', 'key'],
  ['refresh', 'token'], ['session', 'token'], ['private', 'key'], ['account', 'key'], ['stripe', 'api', 'key'],
);
const keyWords = fc.oneof(passwordWords, secretWords);
const keyStyle = fc.constantFrom<(w: string[]) => string>(
  (w) => w.join('_'),
  (w) => w.join('_').toUpperCase(),
  (w) => w.join('-'),
  (w) => w.join('.'),
  (w) => w[0]! + w.slice(1).map((x) => x[0]!.toUpperCase() + x.slice(1)).join(''),
  (w) => w.map((x) => x[0]!.toUpperCase() + x.slice(1)).join(''),
);
const credentialKey = fc.tuple(keyWords, keyStyle).map(([w, style]) => style(w));

/** Generated tokens (no quote, backslash or space). */
const tokenValue = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{24,40}$/).filter((s) => /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s) && new Set(s).size >= 12),
  fc.stringMatching(/^[a-f0-9]{32}$/).filter((s) => /[a-f]/.test(s) && /[0-9]/.test(s) && new Set(s).size >= 8),
);
/** Human passwords with punctuation. */
const passwordValue = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{4,8}$/), fc.integer({ min: 10, max: 9999 }), fc.constantFrom('!', '#', '@', '%', '*', '+', '?', '^', '~'))
  .map(([w, n, p]) => `${w}${n}${p}`);
const secretValue = fc.oneof(tokenValue, passwordValue);
/** A credential key and a value its kind holds: passwords under password keys, tokens under any. */
const plantedPair = fc.oneof(
  fc.tuple(fc.tuple(passwordWords, keyStyle).map(([w, style]) => style(w)), secretValue),
  fc.tuple(fc.tuple(secretWords, keyStyle).map(([w, style]) => style(w)), tokenValue),
);

/** One line writing `key` and `value` in a syntax logs and configs use. */
const syntaxes: readonly ((k: string, v: string) => string)[] = [
  (k, v) => `{"level":30,"msg":"connect","${k}":"${v}","host":"db"}`,
  (k, v) => `level=info msg="connect" ${k}=${v} host=db`,
  (k, v) => `  ${k}: ${v}`,
  (k, v) => `${k}: "${v}"`,
  (k, v) => `<config><${k}>${v}</${k}></config>`,
  (k, v) => `<datasource ${k}="${v}" url="jdbc:x"/>`,
  (k, v) => `{'user': 'app', '${k}': '${v}'}`,
  (k, v) => `{"${k}"=>"${v}", "env"=>"prod"}`,
  (k, v) => `\t${k} := "${v}"`,
  (k, v) => `Config{host=db, ${k}=${v}, port=5432}`,
  (k, v) => `export ${k}=${v}`,
  (k, v) => `Server=db;User Id=app;${k}=${v};Encrypt=true`,
  (k, v) => `+ deploy --${k} ${v} --verbose`,
  (k, v) => `+ deploy --${k}=${v}`,
  (k, v) => `<add key="${k}" value="${v}"/>`,
];

/** The line as it is, inside a JSON log's message, or inside a container runtime's JSON around that. */
function escape(line: string, depth: number): string {
  let out = line;
  for (let d = 0; d < depth; d++) out = d === 0 ? `{"level":"info","msg":${JSON.stringify(out)}}` : `{"log":${JSON.stringify(`${out}\n`)},"stream":"stdout"}`;
  return out;
}

describe('context engine properties', () => {
  it('keeps any JSON line JSON, with the same keys', () => {
    const value = fc.oneof(fc.string({ maxLength: 30 }), secretValue, fc.integer(), fc.boolean(), fc.constant(null));
    const key = fc.oneof(credentialKey, fc.string({ minLength: 1, maxLength: 12 }));
    const object = fc.dictionary(key, fc.oneof(value, fc.dictionary(key, value, { maxKeys: 4 })), { maxKeys: 8 });
    const keysOf = (o: unknown): unknown => (o !== null && typeof o === 'object' ? Object.entries(o).map(([k, v]) => [k, keysOf(v)]) : typeof o);
    fc.assert(
      fc.property(object, fc.integer({ min: 0, max: 2 }), (o, depth) => {
        const line = escape(JSON.stringify(o), depth);
        const out = redactor.redact(line);
        const parsed = JSON.parse(out) as unknown;
        if (depth === 0) expect(keysOf(parsed)).toEqual(keysOf(o));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['a key that ends in a separator', '{"Pw: ":{}}'],
    ['a pair inside a key', '{" ":{"Pw:B":false}}'],
    ['a message that ends in a key', '{"msg":"bad password: "}'],
    ['a message that ends in a key, before the next field', '{"msg":"token: ","n":1}'],
    ['the same, one escaping level down', '{"log":"{\\"Pw: \\":{}}","stream":"stdout"}'],
  ])('found by the property above: %s stays JSON and unchanged', (_name, line) => {
    expect(redactor.redact(line)).toBe(line);
  });

  it('masks a quoted value after an unquoted key, in a string or not', () => {
    expect(redactor.redact('{"msg":"login with password: \\"Zq8vT2mW9kR4\\""}')).not.toContain('Zq8vT2mW9kR4');
    expect(redactor.redact('password: "Zq8vT2mW9kR4"')).not.toContain('Zq8vT2mW9kR4');
  });

  it('masks a planted secret in any syntax, escaping depth and chunking', () => {
    fc.assert(
      fc.property(
        plantedPair, fc.integer({ min: 0, max: syntaxes.length - 1 }), fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 4 }),
        ([k, v], s, depth, cuts) => {
          const line = escape(syntaxes[s]!(k, v), depth);
          const text = `before\n${line}\nafter\n`;
          const out = redactInChunks(redactor, text, cuts);
          expect(out, line).not.toContain(v);
          expect(out.split('\n').length).toBe(text.split('\n').length);
        },
      ),
      { numRuns: 600 },
    );
  });
});
