/**
 * The `logveil` command, run as a real child process from the build (bin/logveil.js →
 * dist/cli.js): inputs and outputs, options and their precedence, errors and exit codes,
 * signals and closed pipes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finish, logveil, start, tempFiles } from './support.js';

const { dir, file } = tempFiles('logveil-cli-');

const LOG = 'level=info msg="db connect" url=postgres://app:s3cr3tPa55@db:5432/app\n{"user":{"password":"hunter2"}}\nplain line\n';

describe('logveil CLI', () => {
  it('masks stdin to stdout and exits 0', async () => {
    const r = await logveil([], LOG);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.toString()).toBe('level=info msg="db connect" url=postgres://app:[REDACTED:url-userinfo-password]@db:5432/app\n{"user":{"password":"[REDACTED:json-sensitive-key]"}}\nplain line\n');
  });

  it('reads files in order, "-" for stdin, and writes --output', async () => {
    const a = file('a.log', 'first password=hunter2x\n');
    const b = file('b.log', 'third token=Zq8vT2mW9kR4pL7xNq3f\n');
    const outPath = join(dir, 'out.log');
    const r = await logveil([a, '-', b, '--output', outPath], 'second plain\n');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(0);
    expect(readFileSync(outPath, 'utf8')).toBe('first password=[REDACTED:password-assignment]\nsecond plain\nthird token=[REDACTED:generic-secret-assignment]\n');
  });

  it('passes binary garbage and invalid UTF-8 through byte-exact', async () => {
    const garbage = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919 + (i >> 8)) % 256));
    const r = await logveil([], garbage);
    expect(r.code).toBe(0);
    expect(r.stdout.equals(garbage)).toBe(true);
  });

  it('keeps a last line without newline, flushed when stdin closes', async () => {
    const r = await logveil([], 'a\npassword=hunter2');
    expect(r.stdout.toString()).toBe('a\npassword=[REDACTED:password-assignment]');
  });

  it('applies --mask, --rules and --disable', async () => {
    expect((await logveil(['--mask', 'fixed'], 'password=hunter2\n')).stdout.toString()).toBe('password=********\n');
    expect((await logveil(['--rules', 'jwt'], 'password=hunter2\n')).stdout.toString()).toBe('password=hunter2\n');
    expect((await logveil(['--disable', 'password'], LOG)).stdout.toString()).toBe(LOG);
  });

  it('combines config file < environment < arguments', async () => {
    // One config file serves the sidecar and `logveil scan`: the sidecar ignores the scan section.
    const cfg = file('config.json', JSON.stringify({ mask: 'redact', disable: ['url-userinfo-password'], fingerprintKey: 'from-config', scan: { allowPaths: ['test/**'] } }));
    expect((await logveil(['-c', cfg], LOG)).stdout.toString()).toContain('url=postgres://app:s3cr3tPa55@db');
    expect((await logveil(['-c', cfg], LOG)).stdout.toString()).toContain('"password":"[REDACTED]"');
    expect((await logveil(['-c', cfg, '--mask', 'fixed'], LOG)).stdout.toString()).toContain('"password":"********"');
    const hashed = async (env: NodeJS.ProcessEnv) => (await logveil(['-c', cfg, '-m', 'hash'], 'password=hunter2\n', env)).stdout.toString();
    const fromConfig = await hashed({});
    const fromEnv = await hashed({ LOGVEIL_FINGERPRINT_KEY: 'from-env' });
    expect(fromConfig).toMatch(/^password=\[REDACTED:password-assignment:[0-9a-f]{8}\]\n$/);
    expect(fromConfig).toBe(await hashed({}));
    expect(fromEnv).not.toBe(fromConfig);
  });

  it('loads user rules from --rule-file', async () => {
    const rules = file('rules.json', JSON.stringify({ rules: [{ id: 'acme-key', description: 'ACME', tags: ['acme'], pattern: '\\b(acme_[a-z0-9]{12})\\b', keywords: ['acme_'] }] }));
    const r = await logveil(['--rule-file', rules], 'k=acme_abcdef123456\n');
    expect(r.stdout.toString()).toBe('k=[REDACTED:acme-key]\n');
  });

  it('prints --stats on stderr: lines, bytes, findings per rule, no secret', async () => {
    const r = await logveil(['--stats'], LOG);
    expect(r.stderr).toBe(`logveil: 3 lines, ${Buffer.byteLength(LOG)} bytes, 2 secrets masked\n  json-sensitive-key: 1\n  url-userinfo-password: 1\n`);
    expect(r.stderr).not.toContain('hunter2');
  });

  it('documents options and exit codes in --help, and prints --version', async () => {
    const help = await logveil(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.toString()).toMatch(/Exit codes:[\s\S]*0 {2}success[\s\S]*1 {2}an I\/O error[\s\S]*2 {2}bad usage/);
    const version = await logveil(['-V']);
    expect(version.stdout.toString()).toBe(`logveil ${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`);
  });

  it.each([
    ['an unknown option', ['--frobnicate'], /^logveil: unknown option --frobnicate$/],
    ['a bad mask', ['--mask', 'blur'], /^logveil: --mask must be one of/],
    ['an unknown rule id', ['--disable', 'no-such-rule'], /^logveil: --disable entry #1 is neither a rule id nor a tag/],
    ['an unreadable file', [join(dir, 'missing.log')], /cannot read .*missing\.log: no such file or directory \(ENOENT\)$/],
    ['a directory', [dir], /it is a directory/],
    ['a bad --max-line-length', ['--max-line-length', 'lots'], /--max-line-length must be an integer/],
    ['a bad --workers', ['--workers', '99'], /--workers must be an integer from 0 to 16/],
  ])('exits 2 on %s with one clear line and no output', async (_what, args, message) => {
    const r = await logveil(args, LOG);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 on a bad config or rule file, naming the file, key or rule', async () => {
    const notJson = file('bad.json', '{ mask: hash');
    const unknownKey = file('unknown.json', '{"maks":"hash"}');
    const badRule = file('badrule.json', JSON.stringify([{ id: 'broken', description: '', tags: [], pattern: '(unclosed', keywords: ['x'] }]));
    for (const [args, message] of [
      [['-c', notJson], /config file .*bad\.json is not valid JSON/],
      [['-c', unknownKey], /config file .*unknown\.json: key #1 is not a known key/],
      [['--rule-file', badRule], /rule "broken": pattern does not compile as RE2/],
    ] as const) {
      const r = await logveil(args, LOG);
      expect(r.code).toBe(2);
      expect(r.stdout.length).toBe(0);
      expect(r.stderr).toMatch(message);
    }
  });

  it('never quotes a file that is not JSON (a token file passed by mistake stays out of the CI log)', async () => {
    for (const content of ['Zq8vT2mW9kR4pL7xNq3f', '{"fingerprintKey": \'Pr0d-F1ngerprint-K3y-9a8b7c\'}']) {
      const bad = file('token.json', content);
      for (const flag of ['-c', '--rule-file']) {
        const r = await logveil([flag, bad], LOG);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/is not valid JSON/);
        expect(r.stderr).not.toMatch(/Zq8vT2|F1ngerprint|Pr0d/);
      }
    }
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s flushes every line already read and exits 0', async (signal) => {
    const child = start([]);
    const done = finish(child);
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 100 === 0 ? `password=hunter${i}\n` : `line ${i}\n`)).join('');
    child.stdin.write(lines);
    child.stdin.write('last line without newline password=hunter2');
    let seen = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (b: Buffer) => ((seen += b.toString()).includes('line 1999') ? resolve() : undefined)));
    await new Promise((r) => setTimeout(r, 100));
    child.kill(signal);
    const r = await done;
    expect(r.code).toBe(0);
    const out = r.stdout.toString();
    expect(out.split('\n')).toHaveLength(2001);
    expect(out).not.toContain('hunter');
    expect(out.endsWith('last line without newline password=[REDACTED:password-assignment]')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('--workers gives the same bytes as the main thread, in order, PEM blocks and long lines included', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++) lines.push(i % 97 === 0 ? `{"n":${i},"password":"hunter${i}"}` : `{"n":${i},"msg":"request completed"}`);
    lines.splice(100, 0, '-----BEGIN EC PRIVATE KEY-----', 'MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oF4b', '-----END EC PRIVATE KEY-----');
    lines.splice(20_000, 0, `long ${'x'.repeat(2_000_000)} token=Zq8vT2mW9kR4pL7xNq3f tail`);
    const input = `${lines.join('\n')}\n`;
    const main = await logveil(['--stats'], input);
    const workers = await logveil(['--workers', '2', '--stats'], input);
    expect(main.code).toBe(0);
    expect(workers.code).toBe(0);
    expect(workers.stdout.equals(main.stdout)).toBe(true);
    expect(workers.stderr).toBe(main.stderr);
    expect(main.stdout.toString()).not.toContain('hunter');
    expect(main.stdout.toString()).toContain('[REDACTED:private-key]');
  });

  it('--workers flushes on SIGTERM too', async () => {
    const child = start(['--workers', '1']);
    const done = finish(child);
    child.stdin.write(Array.from({ length: 500 }, (_, i) => `line ${i} password=hunter${i}\n`).join(''));
    let seen = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (b: Buffer) => ((seen += b.toString()).includes('line 499') ? resolve() : undefined)));
    child.kill('SIGTERM');
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout.toString().split('\n')).toHaveLength(501);
    expect(r.stdout.toString()).not.toContain('hunter');
  });

  it('reads standard input once when "-" is given twice (regression: the last line was lost)', async () => {
    const b = file('between.log', 'middle password=hunter2x\n');
    const r = await logveil(['-', b, '-'], 'first\nlast password=hunter2y');
    expect(r.code).toBe(0);
    // Inputs are concatenated as cat does: stdin's last line runs on into the file's first.
    expect(r.stdout.toString()).toBe('first\nlast password=[REDACTED:password-assignment] password=[REDACTED:password-assignment]\n');
  });

  it('exits 2 promptly with --workers when an input is missing (regression: workers kept it alive)', async () => {
    const r = await logveil(['--workers', '2', join(dir, 'missing.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*missing\.log: no such file or directory \(ENOENT\)/);
  });

  it('exits 1 with a clear line when the output fails (regression: exit 13 on /dev/full)', async () => {
    const big = file('full.log', 'password=hunter2 and some padding text\n'.repeat(100_000));
    const r = await logveil(['--stats', '-o', '/dev/full', big]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the output: no space left on device \(ENOSPC\)/);
    expect(r.stderr).toMatch(/secrets masked/);
    // A short input on stdin fails only when the output is finished (regression: an uncaught exception).
    const short = await logveil(['--stats', '-o', '/dev/full'], 'x\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/cannot write the output: no space left on device \(ENOSPC\)/);
    expect(short.stderr).toMatch(/secrets masked/);
    expect(short.stderr).not.toMatch(/Uncaught|triggerUncaughtException|\n\s+at /);
  });

  it('ends quietly when stdout is closed early (EPIPE)', async () => {
    const big = file('big.log', 'password=hunter2 and some padding text\n'.repeat(200_000));
    const child = start([big]);
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (c) => resolve(c));
    });
    expect(code).toBe(0);
    expect(err).toBe('');
  });
});

describe('logveil CLI: value identity', () => {
  const PW = 'Xy7kQ2mN3pL9!';
  const INPUT = `{"user":{"password":"${PW}"}}\nretrying login with ${PW} (${Buffer.from(`app:${PW}`).toString('base64')})\n`;

  it('masks later copies of a masked value by default, with --workers too; --no-learn and "learn": false leave them', async () => {
    const on = await logveil([], INPUT);
    expect(on.code).toBe(0);
    expect(on.stdout.toString()).not.toContain(PW);
    // The base64 of `app:PW` keeps the characters that encode only `app:` (the user name).
    expect(on.stdout.toString().split('\n')[1]).toBe('retrying login with [REDACTED:json-sensitive-key] (YXBwO[REDACTED:json-sensitive-key])');
    const workers = await logveil(['--workers', '2'], INPUT);
    expect(workers.stdout.equals(on.stdout)).toBe(true);
    const off = await logveil(['--no-learn'], INPUT);
    expect(off.stdout.toString().split('\n')[1]).toContain(PW);
    const config = file('nolearn.json', JSON.stringify({ learn: false }));
    expect((await logveil(['-c', config], INPUT)).stdout.equals(off.stdout)).toBe(true);
    const bounded = file('learn.json', JSON.stringify({ learn: { maxValues: 10, ttl: '5m' } }));
    expect((await logveil(['-c', bounded], INPUT)).stdout.equals(on.stdout)).toBe(true);
  });

  it('exits 2 on a bad "learn" in the config file, naming it', async () => {
    const bad = file('badlearn.json', JSON.stringify({ learn: { maxValues: 0 } }));
    const r = await logveil(['-c', bad], INPUT);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toMatch(/learn\.maxValues/);
  });
});
