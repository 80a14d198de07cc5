/**
 * Where known secrets come from (options, environment variables, files and directories) and
 * how a live set follows rotation: the new value masked from the next matcher call, the old
 * one for the grace period, a failed read keeping what was there.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnownSecrets, createRedactor, KnownSecrets, OptionsError } from '../../src/index.js';
import { MAX_SECRET_FILE } from '../../src/known/sources.js';

const OLD = 'old-Key_7f3a9c21e8b4d6';
const NEW = 'new-Key_b5e1f0a7c3d92e';
const tmp = () => mkdtempSync(join(tmpdir(), 'logveil-known-'));

describe('sources', () => {
  it('environment variables by name and by PREFIX_*, warning for a name that is not set', () => {
    const warnings: string[] = [];
    const known = createKnownSecrets({
      env: ['DB_PASSWORD', 'STRIPE_*', 'MISSING_VAR'],
      environment: { DB_PASSWORD: 'db-Pa55word-9x!', STRIPE_KEY: 'sk_test_abcdefgh12345678', STRIPE_WEBHOOK: 'whsec_0123456789abcdef', OTHER: 'not-a-secret-123456' },
      onWarning: (w) => warnings.push(w),
    });
    const findings: string[] = [];
    const r = createRedactor({ builtins: false, knownSecrets: known, onFinding: (f) => findings.push(f.name!) });
    expect(r.redact('a db-Pa55word-9x! b sk_test_abcdefgh12345678 c whsec_0123456789abcdef d not-a-secret-123456')).toBe(
      'a [REDACTED:known-secret] b [REDACTED:known-secret] c [REDACTED:known-secret] d not-a-secret-123456',
    );
    expect(findings).toEqual(['DB_PASSWORD', 'STRIPE_KEY', 'STRIPE_WEBHOOK']);
    expect(warnings).toEqual(['known secret variable MISSING_VAR is not set']);
  });

  it('a file is one secret named after it; a directory holds one per file (dotfiles and subdirectories skipped)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'single'), `${OLD}\n`);
    const vol = join(dir, 'volume');
    mkdirSync(vol);
    mkdirSync(join(vol, '..2026_11_27'));
    writeFileSync(join(vol, '..2026_11_27', 'password'), 'pw-Z8q!r2T6v0x4Y');
    symlinkSync('..2026_11_27', join(vol, '..data'));
    symlinkSync('..data/password', join(vol, 'password')); // the shape of a Kubernetes secret volume
    writeFileSync(join(vol, '.hidden'), 'hidden-9f8e7d6c5b4a');
    const findings: string[] = [];
    const r = createRedactor({ builtins: false, knownSecrets: createKnownSecrets({ files: [join(dir, 'single'), vol], watch: false }), onFinding: (f) => findings.push(f.name!) });
    expect(r.redact(`${OLD} pw-Z8q!r2T6v0x4Y hidden-9f8e7d6c5b4a`)).toBe('[REDACTED:known-secret] [REDACTED:known-secret] hidden-9f8e7d6c5b4a');
    expect(findings).toEqual(['single', 'password']);
  });

  it('an unreadable path at start is an OptionsError naming it', () => {
    expect(() => createKnownSecrets({ files: ['/nonexistent/logveil/secret'] })).toThrow(OptionsError);
    expect(() => createKnownSecrets({ files: ['/nonexistent/logveil/secret'] })).toThrow(/cannot read known secret \/nonexistent\/logveil\/secret: ENOENT/);
  });

  it('refuses a FIFO, a device or an oversized file (they would block or are no secret); skips such files in a directory', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(() => createKnownSecrets({ files: [join(dir, 'fifo')] })).toThrow(/not a regular file or a directory/);
    expect(() => createKnownSecrets({ files: ['/dev/zero'] })).toThrow(/not a regular file or a directory/);
    writeFileSync(join(dir, 'big'), Buffer.alloc(MAX_SECRET_FILE + 1, 0x61));
    expect(() => createKnownSecrets({ files: [join(dir, 'big')] })).toThrow(/1048577 bytes, more than 1 MiB/);
    writeFileSync(join(dir, 'token'), OLD);
    const warnings: string[] = [];
    const r = createRedactor({ builtins: false, knownSecrets: createKnownSecrets({ files: [dir], watch: false, onWarning: (w) => warnings.push(w) }) });
    expect(r.redact(OLD)).toBe('[REDACTED:known-secret]');
    expect(warnings).toEqual([expect.stringMatching(/known secret file .*big skipped: 1048577 bytes/), expect.stringMatching(/known secret file .*fifo skipped: a FIFO, not a regular file/)]);
  });

  it('a bad rotationGrace is an OptionsError', () => {
    expect(() => createKnownSecrets({ rotationGrace: 'soon' })).toThrow(/rotationGrace/);
  });
});

describe('rotation', () => {
  function rotating(grace = 1000, retiredTtl: number | string = 0) {
    const dir = tmp();
    const path = join(dir, 'api-key');
    writeFileSync(path, OLD);
    let now = 1_000_000;
    const known = new KnownSecrets({ files: [path], rotationGrace: grace, retiredTtl, checkInterval: 0, watch: false }, () => now);
    const r = createRedactor({ builtins: false, knownSecrets: known });
    return { path, known, r, advance: (ms: number) => (now += ms) };
  }
  const line = `old=${OLD} new=${NEW}`;

  it('masks the new value from the next call, the old one through the grace period (retiring) and retiredTtl more (retired), then forgets it', () => {
    const { path, known, r, advance } = rotating(1000, 500);
    expect(r.redact(line)).toBe(`old=[REDACTED:known-secret] new=${NEW}`);
    writeFileSync(`${path}.tmp`, NEW);
    renameSync(`${path}.tmp`, path); // atomic replace, as secret agents do
    expect(r.redact(line)).toBe('old=[REDACTED:known-secret] new=[REDACTED:known-secret]');
    expect(known.stats()).toEqual({ active: 1, retiring: 1, retired: 0, reloads: 1, refused: 0 });
    advance(999);
    expect(r.redact(line)).toBe('old=[REDACTED:known-secret] new=[REDACTED:known-secret]');
    advance(1);
    expect(r.redact(line)).toBe('old=[REDACTED:known-secret] new=[REDACTED:known-secret]');
    expect(known.stats()).toMatchObject({ active: 1, retiring: 0, retired: 1 });
    advance(499);
    expect(r.redact(line)).toBe('old=[REDACTED:known-secret] new=[REDACTED:known-secret]');
    advance(1);
    expect(r.redact(line)).toBe(`old=${OLD} new=[REDACTED:known-secret]`);
    expect(known.stats()).toMatchObject({ active: 1, retiring: 0, retired: 0 });
  });

  it('with retiredTtl 0 a value is forgotten when its grace ends', () => {
    const { path, r, advance } = rotating(1000, 0);
    writeFileSync(path, NEW);
    r.redact(line);
    advance(1000);
    expect(r.redact(line)).toBe(`old=${OLD} new=[REDACTED:known-secret]`);
  });

  it('a bad retiredTtl is an OptionsError', () => {
    expect(() => createKnownSecrets({ retiredTtl: 'a month' })).toThrow(/option "retiredTtl": must be milliseconds or a duration/);
    expect(() => createKnownSecrets({ retiredTtl: -1 })).toThrow(OptionsError);
  });

  it('an in-place rewrite is seen too, and a value that comes back leaves the grace list', () => {
    const { path, r, known } = rotating();
    writeFileSync(path, NEW);
    expect(r.redact(line)).toBe('old=[REDACTED:known-secret] new=[REDACTED:known-secret]');
    writeFileSync(path, `${OLD}\n`);
    r.redact(line);
    expect(known.stats()).toMatchObject({ active: 1, retiring: 1, retired: 0 }); // NEW rotated out, OLD active again
  });

  it('a removed file counts as rotated out (masked for the grace period, with a warning); the other files still reload', () => {
    const warnings: string[] = [];
    const dir = tmp();
    const a = join(dir, 'api-key');
    const b = join(dir, 'api-key-next');
    writeFileSync(a, OLD);
    writeFileSync(b, NEW);
    let now = 0;
    const known = new KnownSecrets({ files: [a, b], checkInterval: 0, rotationGrace: 1000, retiredTtl: 0, watch: false, onWarning: (w) => warnings.push(w) }, () => now);
    const r = createRedactor({ builtins: false, knownSecrets: known });
    rmSync(a);
    const THIRD = 'third-Key_77aa88bb99cc00dd';
    writeFileSync(`${b}.tmp`, THIRD);
    renameSync(`${b}.tmp`, b);
    expect(r.redact(`${OLD} ${NEW} ${THIRD}`)).toBe('[REDACTED:known-secret] [REDACTED:known-secret] [REDACTED:known-secret]');
    expect(warnings).toEqual([expect.stringMatching(/cannot read known secret .*api-key: ENOENT: its values stay masked for the rotation grace period/)]);
    now += 1000;
    expect(r.redact(`${OLD} ${NEW} ${THIRD}`)).toBe(`${OLD} ${NEW} [REDACTED:known-secret]`);
  });

  it('a path that cannot be read for another reason keeps its values (fail closed)', () => {
    const warnings: string[] = [];
    const dir = tmp();
    const a = join(dir, 'api-key');
    writeFileSync(a, OLD);
    let now = 0;
    const known = new KnownSecrets({ files: [a], checkInterval: 0, rotationGrace: 1, watch: false, onWarning: (w) => warnings.push(w) }, () => now);
    const r = createRedactor({ builtins: false, knownSecrets: known });
    rmSync(a);
    execFileSync('mkfifo', [a]); // no longer a regular file: not readable as a secret
    now += 1000;
    expect(r.redact(OLD)).toBe('[REDACTED:known-secret]');
    expect(warnings).toEqual([expect.stringMatching(/not a regular file or a directory: its previous values stay masked/)]);
  });

  it('rejects files or env given as a string (not a list)', () => {
    expect(() => createKnownSecrets({ env: 'STRIPE_KEY' as never })).toThrow(/option "env": must be an array/);
    expect(() => createKnownSecrets({ files: '/etc/hostname' as never })).toThrow(/option "files": must be an array/);
  });

  it('reload() reads the sources again on demand (the CLI: SIGHUP)', () => {
    const env: NodeJS.ProcessEnv = { TOKEN: OLD };
    const known = createKnownSecrets({ env: ['TOKEN'], environment: env });
    const r = createRedactor({ builtins: false, knownSecrets: known });
    env.TOKEN = NEW;
    expect(r.redact(NEW)).toBe(NEW);
    known.reload();
    expect(r.redact(`${OLD} ${NEW}`)).toBe('[REDACTED:known-secret] [REDACTED:known-secret]');
  });

  it('a watched file is reloaded after its change event, without signature polling', async () => {
    const dir = tmp();
    const path = join(dir, 'api-key');
    writeFileSync(path, OLD);
    const known = createKnownSecrets({ files: [path], checkInterval: 3_600_000 });
    const r = createRedactor({ builtins: false, knownSecrets: known });
    writeFileSync(path, NEW);
    const deadline = Date.now() + 5000;
    while (r.redact(NEW) === NEW && Date.now() < deadline) await new Promise((res) => setTimeout(res, 10));
    known.close();
    expect(r.redact(NEW)).toBe('[REDACTED:known-secret]');
  });
});
