/**
 * Rotation progress in the library: every finding of a known secret carries its state
 * (current → retiring → retired), sightings are counted per name and state with the time of
 * the last one, a retired value is warned about once a minute per value (never showing it),
 * revoked fingerprints make any finding retired, and `source` is carried by findings.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createRedactor, KnownSecrets, OptionsError, type Finding } from '../../src/index.js';
import { MIN_ROTATED_OUT_LIMIT, rotatedOutLimit } from '../../src/known/knownSecrets.js';
import { parseRevoked, MAX_REVOKED_FILE } from '../../src/known/revoked.js';
import { createRedactStream } from '../../src/stream/redactStream.js';

const OLD = 'old-Key_7f3a9c21e8b4d6';
const NEW = 'new-Key_b5e1f0a7c3d92e';
const NEWER = 'newer-Key_0c4d9e2a7b1f55';
const KEY = 'fleet-fingerprint-key';
const dir = mkdtempSync(join(tmpdir(), 'logveil-rotation-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => void vi.useRealTimers());

/** A known-secret file rotated by rename, a clock we move, and a redactor reporting into arrays. */
function rotating(name: string) {
  const path = join(dir, name);
  writeFileSync(path, OLD);
  let now = 1_000_000;
  const known = new KnownSecrets({ files: [path], rotationGrace: 1000, retiredTtl: 5000, checkInterval: 0, watch: false }, () => now);
  const findings: Finding[] = [];
  const warnings: string[] = [];
  const r = createRedactor({ builtins: false, knownSecrets: known, fingerprintKey: KEY, onFinding: (f) => findings.push(f), onWarning: (w) => warnings.push(w) });
  const rotate = (value: string) => {
    writeFileSync(`${path}.tmp`, value);
    renameSync(`${path}.tmp`, path);
  };
  return { r, known, findings, warnings, rotate, advance: (ms: number) => (now += ms) };
}

const statesOf = (findings: readonly Finding[]) => findings.map((f) => [f.name, f.state]);

describe('the state of a known secret in findings', () => {
  it('current, then retiring inside the grace, then retired past it; forgotten after retiredTtl', () => {
    const { r, known, findings, rotate, advance } = rotating('api-key');
    r.redact(`a ${OLD}`);
    rotate(NEW);
    r.redact(`b ${OLD} ${NEW}`);
    advance(1000);
    r.redact(`c ${OLD} ${NEW}`);
    rotate(NEWER); // a second rotation: NEW starts its grace, OLD stays retired
    r.redact(`d ${OLD} ${NEW} ${NEWER}`);
    expect(statesOf(findings)).toEqual([
      ['api-key', 'current'],
      ['api-key', 'retiring'],
      ['api-key', 'current'],
      ['api-key', 'retired'],
      ['api-key', 'current'],
      ['api-key', 'retired'],
      ['api-key', 'retiring'],
      ['api-key', 'current'],
    ]);
    expect(known.stats()).toEqual({ active: 1, retiring: 1, retired: 1, reloads: 2, refused: 0 });
    // The same value has the same fingerprint in every state.
    expect(new Set([findings[0]!, findings[1]!, findings[3]!, findings[5]!].map((f) => f.fingerprint)).size).toBe(1);
    advance(5000); // OLD: 1000 grace + 5000 retired, from its rotation 1000 ago
    expect(r.redact(`e ${OLD}`)).toBe(`e ${OLD}`);
    expect(known.stats()).toMatchObject({ active: 1, retiring: 0, retired: 1 }); // NEW is retired now
  });

  it('a value renamed from one file to another is current, not rotated out (dual-key: api-key-next moved onto api-key)', () => {
    const secrets = mkdtempSync(join(dir, 'dual-'));
    writeFileSync(join(secrets, 'api-key'), OLD);
    let now = 0;
    const known = new KnownSecrets({ files: [secrets], rotationGrace: 1000, checkInterval: 0, watch: false }, () => now);
    const findings: Finding[] = [];
    const r = createRedactor({ builtins: false, knownSecrets: known, onFinding: (f) => findings.push(f), onWarning: () => undefined });
    writeFileSync(join(secrets, 'api-key-next'), NEW);
    known.reload();
    renameSync(join(secrets, 'api-key-next'), join(secrets, 'api-key'));
    known.reload();
    expect(known.stats()).toMatchObject({ active: 1, retiring: 1, retired: 0 }); // OLD only
    now += 1000;
    r.redact(`${OLD} ${NEW}`);
    expect(findings.map((f) => [f.name, f.state])).toEqual([
      ['api-key', 'retired'],
      ['api-key', 'current'],
    ]);
  });

  it('rotated-out values are capped (a short-lived token rewritten every few seconds): the oldest are forgotten early, retired before retiring, one warning', () => {
    const path = join(dir, 'short-lived');
    const value = (i: number) => `sess-Tok_${String(i).padStart(5, '0')}x9f3a`;
    writeFileSync(path, value(0));
    let now = 0;
    const warnings: string[] = [];
    const known = new KnownSecrets({ files: [path], rotationGrace: 1000, retiredTtl: 1e9, checkInterval: 0, watch: false, onWarning: (w) => warnings.push(w) }, () => now);
    const n = MIN_ROTATED_OUT_LIMIT + 44;
    for (let i = 1; i <= n; i++) {
      writeFileSync(path, value(i));
      known.reload();
      now += i <= 100 ? 2000 : 1; // the first 100 rotations are past their grace by the end, the rest are not
    }
    expect(known.stats()).toMatchObject({ active: 1, retiring: n - 100, retired: MIN_ROTATED_OUT_LIMIT - (n - 100) });
    const r = createRedactor({ builtins: false, knownSecrets: known, onWarning: () => undefined });
    // The oldest 44 (retired) are forgotten; the newest retired one, every retiring one and the current one stay masked.
    expect(r.redact(value(43))).toBe(value(43));
    expect(r.redact(value(44))).not.toContain(value(44));
    expect(r.redact(value(n - 1))).not.toContain(value(n - 1));
    expect(r.redact(value(n))).not.toContain(value(n));
    expect(warnings.filter((w) => w.includes('rotated-out'))).toHaveLength(1);
    expect(warnings.join('\n')).not.toContain('x9f3a');
    expect(rotatedOutLimit(1)).toBe(MIN_ROTATED_OUT_LIMIT);
    expect(rotatedOutLimit(100)).toBe(800);
  });

  it('scan() reports the state too, and counts no sighting', () => {
    const { r, rotate, advance } = rotating('scanned');
    rotate(NEW);
    r.scan(NEW); // the rotation is seen on the next call
    advance(1500);
    expect(r.scan(`${OLD} ${NEW}`).map((f) => f.state)).toEqual(['retired', 'current']);
    expect(r.stats().sightings).toEqual([]);
  });

  it('findings of rules carry no state; a value given as a plain list is always current', () => {
    const findings: Finding[] = [];
    const r = createRedactor({ knownSecrets: [{ name: 'DB', value: NEW }], onFinding: (f) => findings.push(f) });
    r.redact(`${NEW} password=hunter22x`);
    expect(findings.map((f) => [f.ruleId, f.state])).toEqual([
      ['known-secret', 'current'],
      ['password-assignment', undefined],
    ]);
    expect('state' in findings[1]!).toBe(false);
  });
});

describe('sightings', () => {
  it('are counted per name and state with the time of the last one, with or without a listener', () => {
    const path = join(dir, 'no-listener');
    writeFileSync(path, OLD);
    let now = 0;
    const known = new KnownSecrets({ files: [path], rotationGrace: 1000, checkInterval: 0, watch: false }, () => now);
    const warnings: string[] = [];
    const r = createRedactor({ builtins: false, knownSecrets: known, onWarning: (w) => warnings.push(w) });
    const before = Date.now();
    r.redact(`${OLD} ${OLD}`);
    writeFileSync(path, NEW);
    r.redact(`${OLD} ${NEW}`);
    now += 1000;
    r.redact(`${OLD}\n${OLD}\n${OLD}`);
    const after = Date.now();
    const sightings = r.stats().sightings!;
    expect(sightings.map((s) => [s.name, s.state, s.count])).toEqual([
      ['no-listener', 'current', 3],
      ['no-listener', 'retiring', 1],
      ['no-listener', 'retired', 3],
    ]);
    for (const s of sightings) {
      expect(s.lastSeen).toBeGreaterThanOrEqual(before);
      expect(s.lastSeen).toBeLessThanOrEqual(after);
    }
    // Three retired sightings of one value within a minute: one warning.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^known secret "no-listener" \(fingerprint [0-9a-f]{8}\) seen after its rotation grace ended: a client still uses the rotated-out value/);
    expect(warnings.join('\n')).not.toContain(OLD);
  });

  it('a retired value is warned about again after a minute, and each value on its own', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    const { r, warnings, rotate, advance } = rotating('per-minute');
    rotate(NEW);
    rotate(NEWER); // the signature is read on the next call: one reload, OLD rotated out
    r.redact(NEWER);
    advance(1000);
    r.redact(OLD);
    expect(warnings).toHaveLength(1);
    vi.setSystemTime(new Date('2026-12-01T10:00:59Z'));
    r.redact(OLD);
    expect(warnings).toHaveLength(1);
    vi.setSystemTime(new Date('2026-12-01T10:01:00Z'));
    r.redact(OLD);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toBe(warnings[0]);
  });

  it('the stream reports the redactor\'s sightings in stats()', async () => {
    const stream = createRedactStream({ builtins: false, knownSecrets: [{ name: 'TOKEN', value: NEW }] });
    const done = new Promise((resolve) => stream.on('end', resolve));
    stream.resume();
    stream.end(`${NEW}\n${NEW}\n`);
    await done;
    expect(stream.stats().sightings?.map((s) => [s.name, s.state, s.count])).toEqual([['TOKEN', 'current', 2]]);
  });

  it('are not tracked without known secrets or revoked fingerprints', () => {
    const r = createRedactor();
    r.redact('password=hunter22x');
    expect(r.stats().sightings).toBeUndefined();
  });
});

describe('revokedFingerprints', () => {
  const rule = { id: 'acme-key', description: 'ACME key', tags: ['acme'], pattern: String.raw`\b(acme_[a-z0-9]{24})\b`, keywords: ['acme_'] };
  const ACME = 'acme_0a1b2c3d4e5f6a7b8c9d0e1f';
  const OTHER = 'acme_ffeeddccbbaa998877665544';
  const fingerprintOf = (value: string) => createRedactor({ builtins: false, rules: [rule], fingerprintKey: KEY }).scan(value)[0]!.fingerprint;

  it('a finding whose fingerprint is listed is retired and warned about; others are not', () => {
    const findings: Finding[] = [];
    const warnings: string[] = [];
    const revoked = fingerprintOf(ACME);
    const r = createRedactor({ builtins: false, rules: [rule], fingerprintKey: KEY, revokedFingerprints: [revoked.toUpperCase()], onFinding: (f) => findings.push(f), onWarning: (w) => warnings.push(w) });
    r.redact(`a=${ACME} b=${OTHER} c=${ACME}`);
    expect(findings.map((f) => [f.fingerprint === revoked, f.state])).toEqual([
      [true, 'retired'],
      [false, undefined],
      [true, 'retired'],
    ]);
    expect(warnings).toEqual([`revoked fingerprint ${revoked} (rule acme-key) seen: a client still uses a revoked value (warned at most once a minute per value)`]);
    expect(r.stats().sightings).toEqual([{ name: 'acme-key', state: 'retired', count: 2, lastSeen: expect.any(Number) }]);
  });

  it('a listed fingerprint of a current known secret makes it retired', () => {
    const findings: Finding[] = [];
    const warnings: string[] = [];
    const probe = createRedactor({ builtins: false, knownSecrets: [{ name: 'STRIPE_KEY', value: NEW }], fingerprintKey: KEY }).scan(NEW)[0]!;
    const r = createRedactor({ builtins: false, knownSecrets: [{ name: 'STRIPE_KEY', value: NEW }], fingerprintKey: KEY, revokedFingerprints: [probe.fingerprint], onFinding: (f) => findings.push(f), onWarning: (w) => warnings.push(w) });
    r.redact(Buffer.from(NEW).toString('base64'));
    expect(findings.map((f) => [f.name, f.state])).toEqual([['STRIPE_KEY', 'retired']]);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^revoked fingerprint ${probe.fingerprint} \\(known secret "STRIPE_KEY"\\) seen`))]);
  });

  it('reads a file: one fingerprint per line, # comments, blank lines, any case', () => {
    const revoked = fingerprintOf(ACME);
    const path = join(dir, 'revoked.txt');
    writeFileSync(path, `# leaked 2026-12-01, revoked at 10:42\n\n  ${revoked.toUpperCase()}   # the old deploy key\r\n0000beef\n`);
    const findings: Finding[] = [];
    const r = createRedactor({ builtins: false, rules: [rule], fingerprintKey: KEY, revokedFingerprints: path, onFinding: (f) => findings.push(f), onWarning: () => undefined });
    r.redact(ACME);
    expect(findings[0]!.state).toBe('retired');
    expect(parseRevoked('4F1C9A2E\n# x\nc09df7c9 # y\n', 'f')).toEqual(new Set(['4f1c9a2e', 'c09df7c9']));
  });

  it.each([
    ['a line that is not a fingerprint (named by number, not shown)', () => writeFileSync(join(dir, 'bad.txt'), `4f1c9a2e\n${ACME}\n`), join(dir, 'bad.txt'), /option "revokedFingerprints": .*bad\.txt line 2 is not a fingerprint \(8 hex characters; the line is not shown\)$/],
    ['a missing file', () => undefined, join(dir, 'missing.txt'), /option "revokedFingerprints": cannot read .*missing\.txt: ENOENT/],
    ['a FIFO', () => execFileSync('mkfifo', [join(dir, 'fifo')]), join(dir, 'fifo'), /cannot read .*fifo: a FIFO, not a regular file/],
    ['a file over the limit', () => writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(MAX_REVOKED_FILE + 1, 0x0a)), join(dir, 'huge.txt'), /more than 1 MiB/],
    ['an entry that is not a fingerprint', () => undefined, ['4f1c9a2e', ACME], /option "revokedFingerprints": entry #2 is not a fingerprint/],
    ['a number', () => undefined, 42, /must be the path of a file of fingerprints, or an array of fingerprints/],
  ])('refuses %s', (_what, setup, value, message) => {
    setup();
    let error: unknown;
    try {
      createRedactor({ revokedFingerprints: value as never });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(OptionsError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(ACME);
  });

  it('warns when given without a fingerprint key (listed fingerprints cannot match)', () => {
    const warnings: string[] = [];
    createRedactor({ revokedFingerprints: ['4f1c9a2e'], onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([expect.stringMatching(/^revoked fingerprints \(--revoked, revokedFingerprints\) are given without a fingerprint key \(LOGVEIL_FINGERPRINT_KEY, fingerprintKey\)/)]);
    warnings.length = 0;
    createRedactor({ revokedFingerprints: ['4f1c9a2e'], fingerprintKey: KEY, onWarning: (w) => warnings.push(w) });
    createRedactor({ revokedFingerprints: [], onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
  });
});

describe('source', () => {
  it('every finding carries it when given', () => {
    const findings: Finding[] = [];
    createRedactor({ source: 'pod/api-7f9c', onFinding: (f) => findings.push(f) }).redact('password=hunter22x token=hunter33y');
    expect(findings.map((f) => f.source)).toEqual(['pod/api-7f9c', 'pod/api-7f9c']);
    expect(createRedactor().scan('password=hunter22x')[0]).not.toHaveProperty('source');
  });

  it.each([[''], ['a\nb'], ['x'.repeat(256)], [7]])('refuses %j without showing it', (value) => {
    expect(() => createRedactor({ source: value as never })).toThrow(/option "source": must be 1-255 printable characters/);
  });
});
