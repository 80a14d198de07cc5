/**
 * `logveil scan`'s gitleaks-compatible features against a careless operator and a hostile
 * repository: a `.gitleaksignore` that is a directory, a FIFO, `/dev/zero` or 17 MiB, binary,
 * CRLF, Windows paths, absolute and `../` paths, one in a vendored directory that names files
 * elsewhere; `--report-path` at a directory, under a file, at `/dev/full`, at a FIFO, on a
 * full disk, inside the scanned tree (scanned again on the next run), in SARIF; `--redact`
 * and `--exit-code` values that are not what they look like; excerpts cut inside a token and
 * PEM bodies; gitleaks rule ids that a gitleaks config's own rules carry. Real child processes
 * from the build (bin/logveil.js → dist/), in temporary directories removed afterwards. Each
 * test is named after what broke, or what must not.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { maskedExcerpt, secretValues } from '../../src/cli/scan/excerpt.js';
import { MAX_GITLEAKS_IGNORE_FILE } from '../../src/cli/scan/gitleaksIgnore.js';
import { expandRuleAliases } from '../../src/rules/gitleaksAliases.js';
import { base62Checksum, crc32 } from '../../src/matcher/checksum.js';

const bin = fileURLToPath(new URL('../../bin/logveil.js', import.meta.url));
const env = { LOGVEIL_FINGERPRINT_KEY: 'test-fingerprint-key' };

const PASSWORD = 'hunter2hunter2';
const GH_BODY = 'Zq8vT2mW9kR4pL7xNq3fA1b2C3d4E5';
const GITHUB_PAT = `ghp_${GH_BODY}${base62Checksum(crc32(Buffer.from(GH_BODY)))}`;
const SECRETS = [PASSWORD, GITHUB_PAT];

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function expectNoSecret(text: string): void {
  for (const s of SECRETS) expect(text).not.toContain(s);
}

/** Runs `logveil scan --no-progress …` in `cwd` (through `sh -c` with `prelude` when given); checks nothing secret was printed. */
async function scan(cwd: string, args: readonly string[], prelude?: string): Promise<Result> {
  const argv = [bin, 'scan', '--no-progress', ...args];
  const child =
    prelude === undefined
      ? spawn(process.execPath, argv, { cwd, env: { PATH: process.env.PATH, ...env } })
      : spawn('sh', ['-c', `${prelude}; exec "$0" "$@"`, process.execPath, ...argv], { cwd, env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expectNoSecret(stdout);
  expectNoSecret(stderr);
  return { code, stdout, stderr };
}

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'logveil-scan-adversarial-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

interface JsonReport {
  findings: { path: string; line: number; ruleId: string; excerpt: string }[];
  summary: { files: number; suppressed: { gitleaksIgnore: number; rules: number } };
}
const json = (text: string) => JSON.parse(text) as JsonReport;
const where = (text: string) => json(text).findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`);
const A_ENV = `password=${PASSWORD}\n`;

describe('.gitleaksignore that is not a text file of entries', () => {
  it('a directory named .gitleaksignore where logveil looks on its own is skipped with a warning (it failed the scan, exit 2)', async () => {
    const root = tree({ 'a.env': A_ENV, '.gitleaksignore/x': 'a.env:password-assignment:1\n' });
    const r = await scan(root, ['--format', 'json']);
    expect(r.code).toBe(1);
    expect(where(r.stdout)).toEqual(['a.env:1 password-assignment']);
    expect(r.stderr).toBe('logveil scan: warning: .gitleaksignore is a directory, not a regular file; skipped\n');
  });

  it.each([
    ['a directory', 'dir', 'a directory, not a regular file'],
    ['/dev/zero', '/dev/zero', 'a character device, not a regular file'],
  ])('--gitleaks-ignore naming %s is an error (exit 2)', async (_name, file, why) => {
    const root = tree({ 'a.env': A_ENV, 'dir/x': '' });
    const r = await scan(root, ['--gitleaks-ignore', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`logveil scan: cannot read gitleaks ignore file ${file}: ${why}\n`);
  });

  it('a .gitleaksignore that links to /dev/zero, or is a FIFO, is skipped with a warning (it read /dev/zero forever; a FIFO would block)', async () => {
    const root = tree({ 'a/a.env': A_ENV, 'b/a.env': A_ENV });
    symlinkSync('/dev/zero', join(root, 'a/.gitleaksignore'));
    execFileSync('mkfifo', [join(root, 'b/.gitleaksignore')]);
    const r = await scan(root, ['--format', 'json', 'a', 'b']);
    expect(r.code).toBe(1);
    expect(where(r.stdout)).toEqual(['a/a.env:1 password-assignment', 'b/a.env:1 password-assignment']);
    expect(r.stderr).toBe(
      'logveil scan: warning: a/.gitleaksignore is a character device, not a regular file; skipped\n' +
        'logveil scan: warning: b/.gitleaksignore is a FIFO, not a regular file; skipped\n',
    );
  });

  it('a .gitleaksignore over 16 MiB is refused before it is read (exit 2)', async () => {
    const root = tree({ 'a.env': A_ENV, '.gitleaksignore': '' });
    truncateSync(join(root, '.gitleaksignore'), MAX_GITLEAKS_IGNORE_FILE + 1); // sparse: no disk used
    const r = await scan(root, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`logveil scan: cannot read gitleaks ignore file .gitleaksignore: ${MAX_GITLEAKS_IGNORE_FILE + 1} bytes, more than 16 MiB\n`);
  });

  it('a binary .gitleaksignore is lines that are not entries: warned about by number, nothing ignored', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) & 0xff;
    const root = tree({ 'a.env': A_ENV, '.gitleaksignore': bytes });
    const r = await scan(root, ['--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).summary.suppressed.gitleaksIgnore).toBe(0);
    expect(r.stderr).toMatch(/^logveil scan: warning: \.gitleaksignore: lines 1, 2, 3, .* \(\d+ in all\) are not path:rule-id:line or commit:path:rule-id:line; ignored\n$/);
  });
});

describe('.gitleaksignore paths', () => {
  it.each([
    ['CRLF line ends and a byte-order mark', '\ufeffsub/a.env:password-assignment:1\r\n'],
    ['a Windows path (gitleaks prints the OS separator)', 'sub\\a.env:password-assignment:1\n'],
    ['a path with ./ and a Windows ./', '.\\sub\\a.env:password-assignment:1\n'],
  ])('%s', async (_name, ignore) => {
    const root = tree({ 'sub/a.env': A_ENV, '.gitleaksignore': ignore });
    const r = await scan(root, ['--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).summary.suppressed.gitleaksIgnore).toBe(1);
  });

  it('an absolute path matches the file it names (gitleaks dir /abs prints absolute paths)', async () => {
    const root = tree({ 'sub/a.env': A_ENV });
    writeFileSync(join(root, '.gitleaksignore'), `${join(root, 'sub/a.env')}:password-assignment:1\n`);
    const r = await scan(root, ['--format', 'json', 'sub']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).summary.suppressed.gitleaksIgnore).toBe(1);
  });

  it("a scanned directory's .gitleaksignore cannot hide a finding outside it: not by the path as shown, not by ../ (a vendored lib/.gitleaksignore hid src/ findings)", async () => {
    const root = tree({
      'src/a.env': A_ENV,
      'src/b.env': A_ENV,
      'lib/c.env': A_ENV,
      'lib/.gitleaksignore': 'src/a.env:password-assignment:1\n../src/b.env:password-assignment:1\nc.env:password-assignment:1\n',
    });
    const r = await scan(root, ['--format', 'json', 'src', 'lib']);
    expect(r.code).toBe(1);
    expect(where(r.stdout)).toEqual(['src/a.env:1 password-assignment', 'src/b.env:1 password-assignment']);
    expect(json(r.stdout).summary.suppressed.gitleaksIgnore).toBe(1); // lib's own c.env
    // The working directory's file and a named one speak for every scanned path, as before.
    writeFileSync(join(root, 'ci-ignore'), 'src/a.env:password-assignment:1\n');
    const named = await scan(root, ['--format', 'json', '--gitleaks-ignore', 'ci-ignore', 'src']);
    expect(where(named.stdout)).toEqual(['src/b.env:1 password-assignment']);
  });
});

describe('--report-path', () => {
  it('a directory is refused before the scan (the scan ran, then failed)', async () => {
    const root = tree({ 'a.env': A_ENV });
    // The path that cannot be read would fail the scan: the report path's error comes first.
    const r = await scan(root, ['--report-path', '.', 'a.env', 'missing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("logveil scan: --report-path .: it is a directory\n");
  });

  it('a path under a file is refused before the scan', async () => {
    const root = tree({ 'a.env': A_ENV });
    const r = await scan(root, ['--report-path', 'a.env/report.json', 'missing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('logveil scan: --report-path a.env/report.json: a.env is not a directory\n');
    const deeper = await scan(root, ['--report-path', 'a.env/x/report.json', 'missing']);
    expect(deeper.stderr).toBe('logveil scan: --report-path a.env/x/report.json: a.env is not a directory\n');
  });

  it.skipIf(!existsSync('/dev/full'))('/dev/full: exit 2, the system error in words', async () => {
    const root = tree({ 'a.env': A_ENV });
    const r = await scan(root, ['--report-path', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('logveil scan: --report-path /dev/full: cannot write it: no space left on device (ENOSPC)\n');
  });

  it('a write that fails (the file size limit: a full disk) leaves the previous report whole, and no temporary file (O_TRUNC emptied the baseline)', async () => {
    const root = tree({ 'a.env': A_ENV.repeat(100) });
    const old = '[{"fingerprint": "00000000"}]\n';
    writeFileSync(join(root, 'base.json'), old);
    const r = await scan(root, ['--format', 'json', '--report-path', 'base.json'], 'ulimit -f 1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^logveil scan: --report-path base\.json: cannot write it: .*\(EFBIG\)\n$/);
    expect(readFileSync(join(root, 'base.json'), 'utf8')).toBe(old);
    expect(readdirSync(root).sort()).toEqual(['a.env', 'base.json']);
  });

  it('a FIFO is written in place (not replaced by a file)', async () => {
    const root = tree({ 'a.env': A_ENV });
    const fifo = join(root, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reader = createReadStream(fifo);
    reader.on('data', (b) => chunks.push(b as Buffer));
    const read = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const r = await scan(root, ['--format', 'json', '--report-path', 'report.fifo', 'a.env']);
    await read;
    expect(r.code).toBe(1);
    expect(where(Buffer.concat(chunks).toString())).toEqual(['a.env:1 password-assignment']);
  });

  it('a report in the scanned tree is not scanned on the next run, nor is the baseline (an excerpt could hold a token: the baseline recipe failed its own gate)', async () => {
    // A token glued to a word character (no rule takes it for one), then a password on a long line.
    const line = `${'q'.repeat(100)} password=${PASSWORD} ${'w'.repeat(40)} x${GITHUB_PAT}y ${'z'.repeat(100)}\n`;
    const root = tree({ 'a.env': line });
    const first = await scan(root, ['--format', 'json', '--exit-code', '0', '--report-path', '.logveil-baseline.json', '.']);
    expect(first.code).toBe(0);
    const again = await scan(root, ['--format', 'sarif', '--exit-code', '0', '--report-path', 'r.sarif', '.']);
    expect(again.stderr).toMatch(/1 finding in 1 file \(scanned 2 files/); // a.env and the baseline, not the report
    const gate = await scan(root, ['--format', 'json', '--baseline', '.logveil-baseline.json', '.']);
    expect(gate.code).toBe(0);
    expect(json(gate.stdout).summary.files).toBe(2); // a.env and r.sarif
  });

  it('a SARIF report written by --report-path is schema-valid', async () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    const root = tree({ 'a.env': A_ENV, 'b.ts': `const t = '${GITHUB_PAT}';\n` });
    const r = await scan(root, ['--format', 'sarif', '--redact=0', '--report-path', 'out/scan.sarif']);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(root, 'out/scan.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.runs[0]!.results).toHaveLength(2);
  });
});

describe('excerpts', () => {
  it('a long line is never cut inside a token: the glued token does not stand alone (…ghp_… read as a key)', () => {
    const before = `${'q'.repeat(100)} password=`;
    const after = ` ${'w'.repeat(48)} ${GITHUB_PAT}x tail`; // the cut would fall between the token and its x
    const buf = Buffer.from(`${before}${PASSWORD}${after}\n`);
    const start = before.length;
    const excerpt = maskedExcerpt(buf, 0, buf.length - 1, [{ start, end: start + PASSWORD.length, ruleId: 'password-assignment' }], start);
    expect(excerpt).toBe(`…${'q'.repeat(30)} password=[REDACTED:password-assignment] ${'w'.repeat(48)} …`);
    // And at the left edge: the run the cut falls in is dropped up to the next boundary.
    const left = Buffer.from(`${'q'.repeat(20)}x${GITHUB_PAT} a password=${PASSWORD} ${'z'.repeat(200)}\n`);
    const at = left.indexOf(PASSWORD);
    expect(maskedExcerpt(left, 0, left.length - 1, [{ start: at, end: at + PASSWORD.length, ruleId: 'password-assignment' }], at)).toMatch(/^… a password=\[REDACTED:password-assignment\] z+…$/); // a run of letters is cut as it comes
  });

  it('--redact shows nothing of a secret that spans lines (a PEM body showed its first 12 characters)', () => {
    const buf = Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n');
    const start = buf.indexOf('MIIE');
    const end = buf.indexOf('\n-----END');
    const lineEnd = buf.indexOf('\n', start);
    expect(maskedExcerpt(buf, start, lineEnd, [{ start, end, ruleId: 'private-key' }], start, 0)).toBe('[REDACTED:private-key]');
  });
});

describe('a secret found on one line, repeated on the line of another finding', () => {
  it('is masked in that excerpt too (it was printed whole: `echo hunter2…` is no secret to any rule)', async () => {
    const root = tree({ 'a.env': `password=${PASSWORD}\necho ${PASSWORD} token=Zq8vT2mW9kR4pL7xNq3f\n` });
    for (const redact of ['100', '0']) {
      const r = await scan(root, ['--format', 'json', `--redact=${redact}`, '--workers', '0']);
      const excerpt = json(r.stdout).findings[1]!.excerpt;
      expect(excerpt).toBe(redact === '100' ? 'echo [REDACTED:password-assignment] token=[REDACTED:generic-secret-assignment]' : 'echo hun[REDACTED:password-assignment] token=Zq8vT[REDACTED:generic-secret-assignment]');
    }
  });

  it('maskedExcerpt masks each occurrence of the values given, and only values of 6 bytes or more are given', () => {
    const buf = Buffer.from(`password=${PASSWORD} pin=1234\nx ${PASSWORD}y${PASSWORD} 1234 token=abc\n`);
    const values = secretValues(buf, [
      { start: 9, end: 9 + PASSWORD.length, ruleId: 'password-assignment' },
      { start: buf.indexOf('1234'), end: buf.indexOf('1234') + 4, ruleId: 'pin' },
    ]);
    expect(values.map((v) => v.ruleId)).toEqual(['password-assignment']);
    const line = buf.indexOf('\n') + 1;
    const tok = buf.indexOf('abc');
    expect(maskedExcerpt(buf, line, buf.length - 1, [{ start: tok, end: tok + 3, ruleId: 't' }], tok, 100, values)).toBe(
      'x [REDACTED:password-assignment]y[REDACTED:password-assignment] 1234 token=[REDACTED:t]',
    );
  });
});

describe('values that are not what they look like', () => {
  it.each(['50.5', '-1', '50%', '101'])('--redact %s (a separate argument) is a bad percentage, not 100 and a path (exit 2)', async (value) => {
    const root = tree({ 'a.env': A_ENV });
    writeFileSync(join(root, value), A_ENV);
    const r = await scan(root, ['--redact', value, 'a.env']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('logveil scan: --redact must be a percentage from 0 to 100 (--redact alone: 100)');
  });

  it.each(['', '255', '256', '1e2', '0x1', ' 1', '+1'])('--exit-code=%j is refused (exit 2)', async (value) => {
    const root = tree({ 'a.env': A_ENV });
    const r = await scan(root, [`--exit-code=${value}`, 'a.env']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('logveil scan: --exit-code must be an integer from 0 to 125');
  });
});

describe('gitleaks rule ids that the user\'s own rules carry', () => {
  const GITLEAKS_TOML = [
    '[[rules]]', 'id = "generic-api-key"', 'description = "ours"', "regex = '''mykey_[a-z0-9]{16}'''",
    '[[rules]]', 'id = "other-key"', 'description = "ours too"', "regex = '''otherkey_[a-z0-9]{16}'''",
  ].join('\n');
  const T_TXT = 'x mykey_abcdefgh12345678\ny otherkey_abcdefgh12345678\n';

  it('--disable generic-api-key with a gitleaks config that has that rule turns it off (exit 2: it named the built-in generic rules, absent)', async () => {
    const root = tree({ 'gl.toml': GITLEAKS_TOML, 't.txt': T_TXT });
    const r = await scan(root, ['--format', 'json', '--gitleaks-config', 'gl.toml', '--disable', 'generic-api-key', 't.txt']);
    expect(r.code).toBe(1);
    expect(where(r.stdout)).toEqual(['t.txt:2 other-key']);
  });

  it('allowRules generic-api-key allows the findings of the rule with that id', async () => {
    const root = tree({ 'gl.toml': GITLEAKS_TOML, 't.txt': T_TXT, 'c.json': JSON.stringify({ scan: { allowRules: ['generic-api-key'] } }) });
    const r = await scan(root, ['--format', 'json', '--gitleaks-config', 'gl.toml', '--config', 'c.json', 't.txt']);
    expect(where(r.stdout)).toEqual(['t.txt:2 other-key']);
    expect(json(r.stdout).summary.suppressed.rules).toBe(1);
  });

  it('expandRuleAliases leaves an id of the user\'s rules as it is, and expands the others', () => {
    expect(expandRuleAliases(['generic-api-key', 'curl-auth-user'], new Set(['generic-api-key']))).toEqual(['generic-api-key', 'curl-user-password']);
  });
});
