/**
 * Known secrets are masked in the encodings logs repeat them in — as they are, quoted,
 * URL-encoded, JSON-escaped, base64 and base64url at each byte alignment inside a longer
 * base64 string — and nothing of them survives in a form that decodes back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, type Finding } from '../../src/index.js';
import { variantsOf } from '../../src/known/variants.js';

const SECRET = 'Zx9-kQ2v/Lm8+Rt5wP3s"q\\u';
const redactor = createRedactor({ builtins: false, knownSecrets: [{ name: 'DB_PASSWORD', value: SECRET }] });
const redact = (s: string) => redactor.redact(s);

/** Every base64 run of `text`, decoded at each of the 4 character alignments. */
function decodedRuns(text: string, url: boolean): Buffer[] {
  const runs = text.match(url ? /[A-Za-z0-9_-]{4,}/g : /[A-Za-z0-9+/]{4,}={0,2}/g) ?? [];
  return runs.flatMap((run) => [0, 1, 2, 3].map((k) => Buffer.from(run.slice(k), url ? 'base64url' : 'base64')));
}

describe('encodings of a known secret', () => {
  it.each([
    ['as it is, in prose', `login ok for pass ${SECRET} at node 3`],
    ['quoted', `password was "${SECRET}" then`],
    ['single-quoted, glued to text', `x='${SECRET}'y`],
    ['URL-encoded (upper-case hex)', `GET /cb?p=${encodeURIComponent(SECRET)}&x=1`],
    ['URL-encoded (lower-case hex)', `GET /cb?p=${encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`],
    ['JSON-escaped', JSON.stringify({ msg: `conn string pw=${SECRET}` })],
    ['JSON-escaped with \\/', JSON.stringify({ msg: SECRET }).replace(/\//g, '\\/')],
  ])('%s', (_what, line) => {
    const out = redact(line);
    expect(out).toContain('[REDACTED:known-secret]');
    expect(out).not.toContain(SECRET);
    for (const v of variantsOf(Buffer.from(SECRET))) expect(out).not.toContain(v.bytes.toString('latin1'));
    if (line.startsWith('{')) expect(() => JSON.parse(out)).not.toThrow();
  });

  it.each([
    ['Python quote() (keeps /)', 'Zx9-kQ2v/Lm8+Rt5wP3s', 'Zx9-kQ2v/Lm8%2BRt5wP3s'],
    ['URLSearchParams / HTML forms', 'K9#mQ2&vL8!pR5', new URLSearchParams({ p: 'K9#mQ2&vL8!pR5' }).toString().slice(2)],
    ['Python quote_plus (space as +, keeps ~)', 'p@ss w0rd!~(x)*Q', 'p%40ss+w0rd%21~%28x%29%2AQ'],
    ['URLSearchParams with a space', 'p@ss w0rd!~(x)*Q', new URLSearchParams({ p: 'p@ss w0rd!~(x)*Q' }).toString().slice(2)],
    ['encodeURI', 'p@ss w0rd!~(x)*Q', encodeURI('p@ss w0rd!~(x)*Q')],
    ['Go encoding/json (HTML-safe \\u0026)', 'K9#mQ2&vL8!pR5', 'K9#mQ2\\u0026vL8!pR5'],
    ['Gson (\\u003d for =)', 'dGhpc2lzYXNlY3JldGtleQ==', 'dGhpc2lzYXNlY3JldGtleQ\\u003d\\u003d'],
    ['Jackson ASCII-only (upper-case hex)', 'pässwörd-9x!Q', 'p\\u00E4ssw\\u00F6rd-9x!Q'],
    ['JSON inside a JSON string', 'pa"ss\\w0rd-9x!Q', JSON.stringify(JSON.stringify({ pw: 'pa"ss\\w0rd-9x!Q' })).slice(1, -1)],
  ])('as other encoders write it: %s', (_what, value, encoded) => {
    const r = createRedactor({ builtins: false, knownSecrets: [{ name: 'S', value }] });
    const out = r.redact(`seen ${encoded} end`);
    expect(out).toContain('[REDACTED:known-secret]');
    expect(out).not.toContain(encoded);
  });

  it('base64 and base64url at every alignment inside a longer string: no decodable trace left', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), fc.boolean(), (pre, post, url) => {
        const encoded = Buffer.concat([pre, Buffer.from(SECRET), post]).toString(url ? 'base64url' : 'base64');
        const out = redact(`Authorization: Basic ${encoded} end`);
        expect(out).toContain('[REDACTED:known-secret]');
        for (const d of decodedRuns(out, url)) expect(d.includes(SECRET)).toBe(false);
        // Only the secret's characters (and a partial one at each edge) were replaced.
        const kept = out.replace(/^Authorization: Basic /, '').replace(/ end$/, '');
        expect(kept.length).toBeGreaterThan(encoded.length - Math.ceil((SECRET.length * 4) / 3) - 8);
      }),
      { numRuns: 300 },
    );
  });

  it('masks any secret in any alignment (random secrets, property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 48 }), fc.nat(2), fc.uint8Array({ maxLength: 8 }), (secret, align, post) => {
        fc.pre(new Set(secret).size >= 8);
        const r = createRedactor({ builtins: false, knownSecrets: [{ name: 'S', value: secret }], onWarning: () => undefined });
        const encoded = Buffer.concat([Buffer.alloc(align, 0x41), secret, post]).toString('base64');
        const out = r.redact(`k=${encoded}`);
        for (const d of decodedRuns(out, false)) expect(d.includes(Buffer.from(secret))).toBe(false);
        // As it is, a value with a line break spans two log lines: each line is masked on its own when it is long enough.
        const raw = r.redactBuffer(Buffer.concat([Buffer.from('v='), secret, Buffer.from('\n')]));
        if (!secret.includes(10)) expect(raw.includes(Buffer.from(secret))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves lines without the secret untouched (same string back)', () => {
    const line = 'user admin logged in from 10.0.0.1 with token ******** ok';
    expect(redact(line)).toBe(line);
  });

  it('binary values are matched as bytes', () => {
    const value = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x10, 0x7f, 0x80, 0x42, 0x99]);
    const r = createRedactor({ builtins: false, knownSecrets: [{ name: 'keystore', value }] });
    const out = r.redactBuffer(Buffer.concat([Buffer.from('raw '), value, Buffer.from(' b64 '), Buffer.from(value.toString('base64')), Buffer.from('\n')]));
    expect(out.includes(value)).toBe(false);
    expect(out.toString('latin1')).not.toContain(value.toString('base64').slice(0, 12));
  });
});

describe('checks on known values', () => {
  it.each([
    ['shorter than 8 bytes', 'admin', /5 bytes, shorter than 8/],
    ['repetitive', 'abababababababab', /entropy below 2\.5/],
    ['two letters doubled', 'aabbccdd', /entropy below/],
  ])('refuses a value %s, with a warning naming it, and masks nothing for it', (_what, value, why) => {
    const warnings: string[] = [];
    const r = createRedactor({ builtins: false, knownSecrets: [{ name: 'WEAK', value }], onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([expect.stringMatching(/known secret "WEAK" refused/)]);
    expect(warnings[0]).toMatch(why);
    expect(warnings[0]).not.toContain(value);
    expect(r.redact(`user ${value} logged in`)).toBe(`user ${value} logged in`);
    expect(r.stats().knownSecrets).toMatchObject({ active: 0, refused: 1 });
  });

  it('a multi-line value (a PEM key) is matched line by line; armor lines are not secrets of their own', () => {
    const body = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', 'q1w2e3r4t5y6u7i8o9p0AaSsDdFfGgHhJjKkLl+/ZzXxCcVvBbNn'];
    const pem = `-----BEGIN PRIVATE KEY-----\n${body.join('\n')}\n-----END PRIVATE KEY-----\n`;
    const r = createRedactor({ builtins: false, knownSecrets: [{ name: 'tls.key', value: pem }] });
    expect(r.redact(`dump: ${body[1]} and ${body[0]}`)).toBe('dump: [REDACTED:known-secret] and [REDACTED:known-secret]');
    expect(r.redact(JSON.stringify({ key: pem }))).not.toMatch(/MIIEvQ|q1w2e3/);
    expect(r.redact('-----BEGIN PRIVATE KEY-----')).toBe('-----BEGIN PRIVATE KEY-----');
  });

  it('rejects a malformed knownSecrets option', () => {
    expect(() => createRedactor({ knownSecrets: [{ name: 'x' }] as never })).toThrow(/knownSecrets/);
    expect(() => createRedactor({ knownSecrets: 'secret' as never })).toThrow(/knownSecrets/);
  });
});

describe('findings of known secrets', () => {
  it('name the secret, fingerprint its value whatever the encoding, and never carry it', () => {
    const findings: Finding[] = [];
    const r = createRedactor({ builtins: false, fingerprintKey: 'k', mask: 'hash', knownSecrets: [{ name: 'DB_PASSWORD', value: SECRET }], onFinding: (f) => findings.push(f) });
    const lines = [`a ${SECRET}`, `b ${encodeURIComponent(SECRET)}`, `c ${Buffer.from(`xy${SECRET}`).toString('base64')}`].join('\n');
    const out = r.redact(lines);
    expect(findings.map((f) => [f.ruleId, f.name, f.line])).toEqual([
      ['known-secret', 'DB_PASSWORD', 1],
      ['known-secret', 'DB_PASSWORD', 2],
      ['known-secret', 'DB_PASSWORD', 3],
    ]);
    const fp = findings[0]!.fingerprint;
    expect(new Set(findings.map((f) => f.fingerprint))).toEqual(new Set([fp]));
    // The same fingerprint as any other redactor with that key gives the value, and the hash mask shows it.
    expect(createRedactor({ fingerprintKey: 'k', builtins: false, knownSecrets: [{ name: 'other', value: SECRET }] }).scan(SECRET)[0]!.fingerprint).toBe(fp);
    expect(out.split('\n').every((l) => l.includes(`[REDACTED:known-secret:${fp}]`))).toBe(true);
    expect(JSON.stringify(findings)).not.toContain(SECRET.slice(0, 8));
    expect(r.stats().findings).toEqual({ 'known-secret': 3 });
  });

  it('name the known secret even inside a wider rule match (Authorization: Basic)', () => {
    const r = createRedactor({ fingerprintKey: 'k', knownSecrets: [{ name: 'DB_PASSWORD', value: SECRET }] });
    const basic = Buffer.from(`app:${SECRET}`).toString('base64');
    const [finding] = r.scan(`Authorization: Basic ${basic}`);
    expect(finding).toMatchObject({ ruleId: 'known-secret', name: 'DB_PASSWORD', fingerprint: r.scan(SECRET)[0]!.fingerprint });
    expect(r.redact(`Authorization: Basic ${basic}`)).toBe('Authorization: Basic [REDACTED:known-secret]');
  });

  it('a listener that throws does not stop masking', () => {
    const r = createRedactor({ knownSecrets: [{ name: 'K', value: SECRET }], onFinding: () => { throw new Error('listener bug'); } });
    expect(r.redact(`x ${SECRET}`)).toBe('x [REDACTED:known-secret]');
  });
});
