/**
 * The CLI's incident support, as real child processes: known secrets from files and the
 * environment, a rotation while lines stream through (no line with either key leaks, none
 * lost or reordered), the grace period, SIGHUP, the NDJSON report, the metrics endpoint, and
 * the Kubernetes example's container script.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin as logveilBin, finish, logveil, start, tempFiles } from './support.js';

const OLD = 'OLD-k3y_9f2c7a1e5b8d4c6a';
const NEW = 'NEW-k3y_1b6e8d2f7c4a9e3b';
const { dir, file } = tempFiles('logveil-known-');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Resolves when the child has written its first output: it has started and read its secrets. */
const firstOutput = (child: ChildProcessWithoutNullStreams) => new Promise((r) => child.stdout.once('data', r));

/** A directory shaped like a Kubernetes secret volume: `api-key → ..data/api-key`, `..data → ..v1`. */
function secretVolume(name: string, value: string): { path: string; rotate: (next: string) => void } {
  const vol = join(dir, name);
  mkdirSync(join(vol, '..v1'), { recursive: true });
  writeFileSync(join(vol, '..v1', 'api-key'), value);
  symlinkSync('..v1', join(vol, '..data'));
  symlinkSync('..data/api-key', join(vol, 'api-key'));
  let version = 1;
  return {
    path: vol,
    rotate(next) {
      // What the kubelet does: write a new timestamped dir, swap the ..data link atomically.
      const v = `..v${++version}`;
      mkdirSync(join(vol, v));
      writeFileSync(join(vol, v, 'api-key'), next);
      symlinkSync(v, join(vol, '..data_tmp'));
      renameSync(join(vol, '..data_tmp'), join(vol, '..data'));
    },
  };
}

function scrape(url: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('known secrets in the CLI', () => {
  it('masks values from --known-file and --known-env, reports findings as NDJSON, counts them in --stats', async () => {
    const secretFile = file('db-password', `${OLD}\n`);
    const report = join(dir, 'findings.ndjson');
    writeFileSync(report, '{"earlier":"line"}\n'); // the report is appended to
    const input = `a ${OLD}\nb ${Buffer.from(`user:${OLD}`).toString('base64')}\nc ${NEW}\nd password=hunter22x\n`;
    const r = await logveil(['--known-file', secretFile, '--known-env', 'API_TOKEN,UNSET_ONE', '--report', report, '--stats'], input, { API_TOKEN: NEW, LOGVEIL_FINGERPRINT_KEY: 'fleet-key' });
    expect(r.code).toBe(0);
    const out = r.stdout.toString();
    expect(out).toBe(`a [REDACTED:known-secret]\nb dXNlcj[REDACTED:known-secret]\nc [REDACTED:known-secret]\nd password=[REDACTED:password-assignment]\n`);
    const lines = readFileSync(report, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('{"earlier":"line"}');
    const findings = lines.slice(1).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(findings.map((f) => [f.ruleId, f.name, f.line])).toEqual([
      ['known-secret', 'db-password', 1],
      ['known-secret', 'db-password', 2],
      ['known-secret', 'API_TOKEN', 3],
      ['password-assignment', undefined, 4],
    ]);
    expect(findings[0]!.fingerprint).toBe(findings[1]!.fingerprint); // the same key, raw or base64
    expect(Object.keys(findings[0]!).sort()).toEqual(['end', 'fingerprint', 'line', 'name', 'ruleId', 'source', 'start', 'state', 'time']);
    expect(findings.map((f) => f.state)).toEqual(['current', 'current', 'current', undefined]);
    expect(new Set(findings.map((f) => f.source))).toEqual(new Set([hostname()])); // --source defaults to the host name
    for (const text of [readFileSync(report, 'utf8'), r.stderr]) {
      expect(text).not.toContain(OLD);
      expect(text).not.toContain(NEW);
      expect(text).not.toContain('hunter22x');
    }
    expect(r.stderr).toContain('logveil: warning: known secret variable UNSET_ONE is not set');
    expect(r.stderr).toMatch(/known-secret: 3\n/);
    expect(r.stderr).toContain('known secrets: 2 active, 0 in rotation grace, 0 retired, 0 refused');
  });

  it('a rotation while lines stream through: no line with either key leaks, none is lost or reordered', async () => {
    const volume = secretVolume('rotating', OLD);
    const child = start(['--known-file', volume.path]);
    const done = finish(child);
    const sent: string[] = [];
    const send = (text: string) => {
      sent.push(text);
      child.stdin.write(`${text}\n`);
    };
    let n = 0;
    for (; n < 200; n++) send(`line ${n} key=${OLD}`);
    await firstOutput(child);
    volume.rotate(NEW);
    // From here the application uses the new key; delayed lines still carry the old one.
    for (let k = 0; k < 20; k++) {
      for (let j = 0; j < 50; j++, n++) send(n % 3 === 0 ? `line ${n} late=${OLD}` : `line ${n} key=${NEW} ${JSON.stringify({ k: NEW })}`);
      await sleep(5);
    }
    child.stdin.end();
    const r = await done;
    expect(r.code).toBe(0);
    const out = r.stdout.toString().trimEnd().split('\n');
    expect(out).toHaveLength(sent.length);
    out.forEach((line, i) => {
      expect(line.startsWith(`line ${i} `)).toBe(true);
      expect(line).not.toContain(OLD);
      expect(line).not.toContain(NEW);
      expect(line).toContain('[REDACTED:known-secret]');
    });
  });

  it('stops masking a rotated-out value after --rotation-grace with --retired-ttl 0', async () => {
    const path = file('short-grace', OLD);
    const child = start(['--known-file', path, '--rotation-grace', '300ms', '--retired-ttl', '0']);
    const done = finish(child);
    child.stdin.write(`before ${OLD}\n`);
    await firstOutput(child);
    writeFileSync(`${path}.new`, NEW);
    renameSync(`${path}.new`, path);
    child.stdin.write(`right after ${OLD} ${NEW}\n`);
    await sleep(900);
    child.stdin.end(`later ${OLD} ${NEW}\n`);
    const r = await done;
    expect(r.stdout.toString()).toBe(`before [REDACTED:known-secret]\nright after [REDACTED:known-secret] [REDACTED:known-secret]\nlater ${OLD} [REDACTED:known-secret]\n`);
  });

  it('SIGHUP reads the known secrets again', async () => {
    const path = file('hup', OLD);
    const child = start(['--known-file', path, '--stats']);
    const done = finish(child);
    child.stdin.write(`a ${OLD}\n`);
    await firstOutput(child); // running: the handlers are installed
    child.kill('SIGHUP');
    await sleep(200);
    child.stdin.end(`b ${OLD}\n`);
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('a [REDACTED:known-secret]\nb [REDACTED:known-secret]\n');
    expect(r.stderr).toMatch(/known secrets: 1 active, 0 in rotation grace, 0 retired, 0 refused, 1 reloads/);
  });

  it.each([
    ['a missing --known-file', ['--known-file', '/nonexistent/secret'], /--known-file: cannot read known secret \/nonexistent\/secret: no such file or directory \(ENOENT\)/],
    ['a bad --rotation-grace', ['--known-file', '/etc/hostname', '--rotation-grace', 'a while'], /--rotation-grace must be a duration/],
    // A directory cannot be made under a regular file (and nothing is created outside the temp dir).
    ['an unwritable --report', ['--report', join(file('not-a-dir', 'x'), 'dir', 'findings.ndjson')], /cannot write the report .*findings\.ndjson: its directory cannot be created: not a directory \(ENOTDIR\)$/m],
    ['a bad --metrics address', ['--metrics', 'localhost'], /--metrics must be PORT or ADDRESS:PORT/],
  ])('exits 2 on %s, writing nothing', async (_what, args, message) => {
    const r = await logveil(args, 'password=hunter22x\n');
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toMatch(message);
  });

  it('takes known secrets from the config file too (knownSecrets, knownEnv, knownFiles)', async () => {
    const secretFile = file('cfg-secret', OLD);
    const config = file('known-config.json', JSON.stringify({ knownSecrets: [{ name: 'LITERAL', value: NEW }], knownFiles: [secretFile], knownEnv: ['TOKEN_*'] }));
    const r = await logveil(['-c', config, '--report', join(dir, 'cfg.ndjson')], `${OLD} ${NEW} tok-Value_0a9b8c7d6e5f\n`, { TOKEN_A: 'tok-Value_0a9b8c7d6e5f' });
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('[REDACTED:known-secret] [REDACTED:known-secret] [REDACTED:known-secret]\n');
    expect(readFileSync(join(dir, 'cfg.ndjson'), 'utf8').match(/"name":"[^"]+"/g)).toEqual(['"name":"cfg-secret"', '"name":"LITERAL"', '"name":"TOKEN_A"']);
  });

  it('refuses a short known value with a warning and still runs', async () => {
    const r = await logveil(['--known-env', 'PW'], 'user admin\n', { PW: 'admin' });
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('user admin\n');
    expect(r.stderr).toBe('logveil: warning: known secret "PW" refused: 5 bytes, shorter than 8 (it would mask ordinary words)\n');
  });
});

describe('examples/kubernetes/pod.yaml', () => {
  it('its container script runs under POSIX sh: lines masked (known secrets, report), SIGTERM reaches the app, its exit code is kept', async () => {
    const yaml = readFileSync(new URL('../../examples/kubernetes/pod.yaml', import.meta.url), 'utf8');
    const config = file('pod-config.json', /config\.json: \|\n([\s\S]*)$/.exec(yaml)![1]!.replace(/^ {4}/gm, ''));
    const script = /args:\n\s+- \|\n([\s\S]*?)\n {6}env:/.exec(yaml)![1]!.replace(/^ {10}/gm, '');
    const volume = secretVolume('orders-api', OLD);
    // The app: logs the known secret until SIGTERM, then a last line, and exits 3.
    const app = file('server.js', `let n = 0; const t = setInterval(() => console.log('line ' + n++ + ' key=${OLD}'), 20);
process.on('SIGTERM', () => { clearInterval(t); console.log('shutting down key=${OLD}'); process.exit(3); });`);
    const bin = join(dir, 'pod-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'logveil'), `#!/bin/sh\nexec "${process.execPath}" "${logveilBin}" "$@"\n`, { mode: 0o755 });
    const local = script
      .replaceAll('/etc/logveil/config.json', config)
      .replaceAll('/var/run/secrets/orders-api', volume.path)
      .replaceAll('/var/log/app/', `${dir}/pod-`)
      .replaceAll('/tmp/app-output', join(dir, 'pod-fifo'))
      .replaceAll('0.0.0.0:9464', '127.0.0.1:0')
      .replaceAll('node server.js', `"${process.execPath}" "${app}"`);
    const child = spawn('/bin/sh', ['-c', local], { env: { PATH: `${bin}:${process.env.PATH}`, LOGVEIL_FINGERPRINT_KEY: 'fleet' } });
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    const log = join(dir, 'pod-app.log');
    for (let i = 0; i < 250 && !(existsSync(log) && readFileSync(log, 'utf8').includes('line 3 ')); i++) await sleep(20);
    child.kill('SIGTERM');
    expect(await code).toBe(3);
    const text = readFileSync(log, 'utf8');
    expect(text).toMatch(/^line 0 key=\[REDACTED:known-secret:[0-9a-f]{8}\]\n/);
    expect(text).toMatch(/shutting down key=\[REDACTED:known-secret:[0-9a-f]{8}\]\n$/);
    expect(text).not.toContain(OLD);
    expect(readFileSync(join(dir, 'pod-findings.ndjson'), 'utf8')).toContain('"name":"api-key"');
  }, 20_000);
});

describe('--metrics', () => {
  it('serves Prometheus text over HTTP on 127.0.0.1 while running', async () => {
    const path = file('metrics-key', OLD);
    const child = start(['--metrics', '0', '--known-file', path]);
    const done = finish(child);
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    while (!/metrics on (\S+)/.test(stderr)) await sleep(20);
    const url = /metrics on (\S+)/.exec(stderr)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    child.stdin.write(`a ${OLD}\nb password=hunter22x\nc ${OLD}\nplain\n`);
    let body = '';
    for (let i = 0; i < 100 && !body.includes('logveil_lines_total 4'); i++) {
      await sleep(20);
      body = (await scrape(url)).body;
    }
    expect(body).toContain('# TYPE logveil_findings_total counter');
    expect(body).toContain('logveil_findings_total{rule="known-secret"} 2');
    expect(body).toContain('logveil_findings_total{rule="password-assignment"} 1');
    expect(body).toContain('logveil_lines_total 4');
    expect(body).toMatch(/logveil_bytes_total \d+/);
    expect(body).toContain('logveil_long_line_windows_total 0');
    expect(body).toContain('logveil_known_secret_reloads_total 0');
    expect(body).toContain('logveil_known_secrets{state="current"} 1');
    expect(body).toMatch(/logveil_known_secret_sightings_total\{name="metrics-key",state="current"\} 2\n/);
    expect(body).not.toContain(OLD);
    expect((await scrape(url.replace('/metrics', '/'))).status).toBe(404);
    expect(await scrape(url, 'HEAD')).toEqual({ status: 200, body: '' });
    child.stdin.end();
    expect((await done).code).toBe(0);
  });

  it('exits 2 when the port is taken', async () => {
    const first = start(['--metrics', '0']);
    let stderr = '';
    first.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    while (!/metrics on \S+:(\d+)\//.test(stderr)) await sleep(20);
    const port = /metrics on \S+:(\d+)\//.exec(stderr)![1]!;
    const r = await logveil(['--metrics', `127.0.0.1:${port}`], 'x\n');
    first.stdin.end();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot serve metrics on the --metrics address: address already in use (EADDRINUSE)'); // the address is not echoed
    unlinkSync(join(dir, 'metrics-key'));
  });
});
