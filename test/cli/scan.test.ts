/**
 * `logveil scan` as a real child process from the build (bin/logveil.js → dist/cli.js and
 * dist/scan-worker.js): which files are scanned (in real git repositories where tracking
 * matters), exit codes, the text and JSON formats, baselines, allowlists, workers, and that
 * no secret ever reaches stdout or stderr.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { base62Checksum, crc32 } from '../../src/matcher/checksum.js';

const bin = fileURLToPath(new URL('../../bin/logveil.js', import.meta.url));
const KEY = 'test-fingerprint-key';

/** Every secret planted by these tests: none may ever appear in what logveil prints. */
const SECRETS: string[] = [];
function secret<T extends string>(s: T): T {
  SECRETS.push(s);
  return s;
}
const PG_PASSWORD = secret('s3cr3tPa55w0rd');
const PASSWORD = secret('hunter2hunter2');
const TOKEN = secret('Zq8vT2mW9kR4pL7xNq3f');
const GH_BODY = 'Zq8vT2mW9kR4pL7xNq3fA1b2C3d4E5';
const GITHUB_PAT = secret(`ghp_${GH_BODY}${base62Checksum(crc32(Buffer.from(GH_BODY)))}`);
const PEM_LINE_1 = secret('MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB');
const PEM_LINE_2 = secret('aQwErTyUiOpAsDfGhJkLzXcVbNm1234567890QwErTyUiOpAsDfGhJkLzXcVbNm');
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_LINE_1}\n${PEM_LINE_2}\n-----END RSA PRIVATE KEY-----\n`;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function expectNoSecret(r: Result): void {
  for (const s of SECRETS) {
    expect(r.stdout).not.toContain(s);
    expect(r.stderr).not.toContain(s);
  }
}

/** Runs `logveil scan …` in `cwd`; checks that nothing secret was printed. */
async function scan(cwd: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  const child = spawn(process.execPath, [bin, 'scan', ...args], { cwd, env: { PATH: process.env.PATH, ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const r = { code, stdout, stderr };
  expectNoSecret(r);
  return r;
}

/** A fresh directory holding `files` (path → content). */
function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'logveil-scan-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Runs git in `cwd` (quietly; throws on failure). */
function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}

/** A fresh git repository holding `files`, none of them added yet. */
function repo(files: Record<string, string | Buffer>): string {
  const root = tree(files);
  git(root, 'init', '-q');
  git(root, 'config', 'user.name', 'logveil test');
  git(root, 'config', 'user.email', 'test@example.com');
  return root;
}

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  fingerprint: string;
  excerpt: string;
}
interface JsonReport {
  fingerprintKeyed: boolean;
  findings: JsonFinding[];
  summary: { files: number; bytes: number; binary: number; allowedPaths: number; suppressed: { inline: number; rules: number; baseline: number } };
}
const json = (r: Result) => JSON.parse(r.stdout) as JsonReport;
const where = (r: Result) => json(r).findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId}`);

describe('logveil scan: exit codes and the text format', () => {
  it('exits 0 on a clean tree and says what it scanned', async () => {
    const root = tree({ 'src/a.ts': 'export const x = 1;\n', 'README.md': '# hello\n' });
    const r = await scan(root, []);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('no findings (scanned 2 files, 0.0 kB)\n');
  });

  it('exits 1 on findings: path:line:column, rule and a masked excerpt per finding', async () => {
    const root = tree({
      'src/db.ts': `// db\nconst url = 'postgres://app:${PG_PASSWORD}@db:5432/app';\n`,
      'src/ok.ts': 'export {};\n',
      'config/app.env': `PASSWORD=${PASSWORD}\n`,
    });
    const r = await scan(root, ['.']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'config/app.env:1:10  password-assignment',
        '    PASSWORD=[REDACTED:password-assignment]',
        'src/db.ts:2:29  url-userinfo-password',
        "    const url = 'postgres://app:[REDACTED:url-userinfo-password]@db:5432/app';",
        '',
        '2 findings in 2 files (scanned 3 files, 0.1 kB)',
        '',
      ].join('\n'),
    );
  });

  it('shows the fingerprint when a key is set', async () => {
    const root = tree({ 'a.env': `password=${PASSWORD}\n` });
    const r = await scan(root, [], { env: { LOGVEIL_FINGERPRINT_KEY: KEY } });
    expect(r.stdout.split('\n')[0]).toMatch(/^a\.env:1:10 {2}password-assignment {2}fp [0-9a-f]{8}$/);
  });

  // [arguments, the line, a usage error (followed by the --help hint, and only then)]
  it.each([
    [['--format', 'xml'], /--format must be one of text, json, sarif/, true],
    [['--bogus'], /^logveil scan: unknown option --bogus$/m, true],
    [['--workers=-1'], /--workers must be/, true],
    [['--workers'], /^logveil scan: --workers needs a value$/m, true],
    [['no/such/dir'], /cannot read no\/such\/dir: no such file or directory \(ENOENT\)$/m, false],
    [['--baseline', 'x.json'], /--baseline needs LOGVEIL_FINGERPRINT_KEY/, true],
    [['--disable', 'no-such-rule'], /^logveil scan: --disable entry #1 is neither a rule id nor a tag/m, true],
  ] as const)('exits 2 with one line on stderr for %j', async (args, message, usage) => {
    const root = tree({ 'a.txt': `password=${PASSWORD}\n` });
    const r = await scan(root, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr.split('\n').slice(1)).toEqual(usage ? ["Try 'logveil scan --help'.", ''] : ['']);
  });

  it('exits 2 for a FIFO named on the command line', async () => {
    const root = tree({ 'a.txt': 'x\n' });
    const fifo = spawn('mkfifo', [join(root, 'pipe')]);
    await new Promise((resolve) => fifo.on('close', resolve));
    const r = await scan(root, ['pipe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot scan pipe: not a file or directory/);
  });

  it('ends quietly when the reader goes away (EPIPE), exits 2 when the report cannot be written', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`f${i}.env`] = `password=${PASSWORD}\n`;
    const root = tree(files);
    const child = spawn(process.execPath, [bin, 'scan', '--workers', '0'], { cwd: root, env: { PATH: process.env.PATH } });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const full = spawn('sh', ['-c', `'${process.execPath}' '${bin}' scan > /dev/full`], { cwd: root });
    let fullErr = '';
    full.stderr.on('data', (b: Buffer) => (fullErr += b.toString()));
    expect(await new Promise((resolve) => full.on('close', resolve))).toBe(2);
    expect(fullErr).toBe('logveil scan: cannot write the report: no space left on device (ENOSPC)\n');
  });

  // Regression: V8's JSON.parse message quotes the input, so `--config token.txt` printed the token.
  it.each([
    ['--config', 'config file'],
    ['--baseline', 'baseline'],
    ['--rule-file', 'rule file'],
  ])('a %s file that is not JSON: the place of the error on stderr, never its content', async (flag, what) => {
    const env = { LOGVEIL_FINGERPRINT_KEY: KEY };
    for (const [content, place] of [
      [TOKEN, ''],
      [`{"k": 1} ${TOKEN}`, ' (at position 9, line 1 column 10)'],
    ] as const) {
      const root = tree({ cfg: content, 'a.txt': 'x\n' });
      const r = await scan(root, [flag, 'cfg', 'a.txt'], { env });
      expect(r.code).toBe(2);
      const hint = flag === '--config' ? ' (YAML and TOML config files are read by their extension: .yaml, .yml, .toml)' : '';
      expect(r.stderr).toBe(`logveil scan: ${what} cfg is not valid JSON${place}${hint}\n`);
      for (let i = 0; i + 3 <= TOKEN.length; i++) expect(r.stderr).not.toContain(TOKEN.slice(i, i + 3));
    }
  });

  // Regression: a file name can hold a newline or an escape sequence, and was printed raw.
  it('prints paths with control characters replaced in the text report and on stderr, real in JSON', async () => {
    const name = 'a\nfake.txt:1:1  nothing  \u001b[2K.txt';
    const root = tree({ [name]: `password=${PASSWORD}\n` });
    const text = await scan(root, []);
    expect(text.stdout.split('\n')[0]).toBe('a\ufffdfake.txt:1:1  nothing  \ufffd[2K.txt:1:10  password-assignment');
    expect(json(await scan(root, ['--format', 'json'])).findings[0]!.path).toBe(name);
    const sarif = JSON.parse((await scan(root, ['--format', 'sarif'])).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('a%0Afake.txt%3A1%3A1%20%20nothing%20%20%1B%5B2K.txt');
    const missing = await scan(root, ['\u001b[31mno\nsuch']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('logveil scan: cannot read \ufffd[31mno\ufffdsuch: no such file or directory (ENOENT)\n');
  });

  it('--help prints the scan usage and exits 0', async () => {
    const r = await scan(tmpdir(), ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: logveil scan/);
    expect(r.stdout).toMatch(/--baseline FILE/);
  });
});

describe('logveil scan: which files', () => {
  it('skips .git and node_modules, honours .gitignore (nested, with negation), scans a named ignored file', async () => {
    const root = tree({
      '.git/config': `password=${PASSWORD}\n`,
      'node_modules/dep/index.js': `password=${PASSWORD}\n`,
      'pkg/node_modules/dep/index.js': `password=${PASSWORD}\n`,
      '.gitignore': 'build/\n*.log\n',
      'build/out.js': `password=${PASSWORD}\n`,
      'app.log': `password=${PASSWORD}\n`,
      'logs/.gitignore': '!keep.log\n',
      'logs/keep.log': `password=${PASSWORD}\n`,
      'logs/drop.log': `password=${PASSWORD}\n`,
      'src/.gitignore': 'secret.ts\n',
      'src/secret.ts': `password=${PASSWORD}\n`,
      'src/main.ts': `password=${PASSWORD}\n`,
    });
    const r = await scan(root, ['--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r).findings.map((f) => f.path)).toEqual(['logs/keep.log', 'src/main.ts']);
    // Named on the command line: scanned although ignored.
    const named = await scan(root, ['--format', 'json', 'app.log', 'src']);
    expect(json(named).findings.map((f) => f.path)).toEqual(['app.log', 'src/main.ts']);
  });

  it('reads the .gitignore files above the scanned directory up to the repository top', async () => {
    const root = tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'gen/\n', 'src/gen/x.ts': `password=${PASSWORD}\n`, 'src/y.ts': `password=${PASSWORD}\n` });
    const r = await scan(join(root, 'src'), ['--format', 'json', '.']);
    expect(json(r).findings.map((f) => f.path)).toEqual(['y.ts']);
    // A directory named on the command line is walked even when ignored from above; the
    // other patterns of that .gitignore still apply inside it.
    const ignoredDir = tree({ '.git/HEAD': 'x\n', '.gitignore': 'bench/.corpus/\n*.log\n', 'bench/.corpus/tree/a.ts': `password=${PASSWORD}\n`, 'bench/.corpus/tree/b.log': `password=${PASSWORD}\n` });
    expect(json(await scan(ignoredDir, ['--format', 'json', 'bench/.corpus/tree'])).findings.map((f) => f.path)).toEqual(['bench/.corpus/tree/a.ts']);
    expect((await scan(ignoredDir, ['--format', 'json'])).code).toBe(0); // from the top, it stays ignored
    // Outside a repository, a parent's .gitignore does not apply (git would not read it).
    const loose = tree({ '.gitignore': 'gen/\n', 'src/gen/x.ts': `password=${PASSWORD}\n` });
    expect(json(await scan(join(loose, 'src'), ['--format', 'json'])).findings.map((f) => f.path)).toEqual(['gen/x.ts']);
  });

  // Regression: `d2/*` and `d3/**` in .gitignore emptied a directory named on the command line (only `d1/` worked).
  it('scans a directory named on the command line whatever form of pattern ignores it (d1/, d2/*, d3/**)', async () => {
    const root = repo({ '.gitignore': 'd1/\nd2/*\nd3/**\n*.log\n' });
    for (const d of ['d1', 'd2', 'd3']) {
      writeFileSync(join(root, `${d}.env`), '');
      mkdirSync(join(root, d));
      writeFileSync(join(root, d, 'x.env'), `password=${PASSWORD}\n`);
      writeFileSync(join(root, d, 'x.log'), `password=${PASSWORD}\n`);
    }
    for (const d of ['d1', 'd2', 'd3']) {
      const r = await scan(root, ['--format', 'json', d]);
      expect(r.stderr).toBe('');
      expect(json(r).findings.map((f) => f.path)).toEqual([`${d}/x.env`]); // *.log still applies inside
    }
    expect(json(await scan(root, ['--format', 'json'])).findings).toEqual([]); // from the top, they stay ignored
  });

  it('warns when .gitignore left nothing to scan', async () => {
    const root = repo({ '.gitignore': '*.env\n', 'only/x.env': `password=${PASSWORD}\n`, 'only/y.env': '' });
    const r = await scan(root, ['only']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('logveil scan: warning: no file scanned: .gitignore ignores everything under only (2 entries)\n');
  });

  // Regression: a file committed before `*.env` was added to .gitignore is in every checkout, but was skipped.
  it('never skips a file git tracks, and walks into an ignored directory holding one', async () => {
    const root = repo({ 'prod.env': `password=${PASSWORD}\n`, 'build/keep.js': `password=${PASSWORD}\n` });
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'init');
    writeFileSync(join(root, '.gitignore'), '*.env\nbuild/\n');
    writeFileSync(join(root, 'local.env'), `password=${PASSWORD}\n`); // untracked: ignored
    writeFileSync(join(root, 'build', 'out.js'), `password=${PASSWORD}\n`); // untracked: ignored
    mkdirSync(join(root, 'build', 'gen'));
    writeFileSync(join(root, 'build', 'gen', 'x.js'), `password=${PASSWORD}\n`);
    git(root, 'add', '.gitignore');
    git(root, 'commit', '-qm', 'ignore');
    // A hook's GIT_DIR / GIT_INDEX_FILE must not redirect git to another repository.
    const env = { GIT_DIR: join(tmpdir(), 'no-such-repo'), GIT_INDEX_FILE: join(tmpdir(), 'no-such-index') };
    for (const dir of ['.', 'build']) {
      const r = await scan(root, ['--format', 'json', dir], { env });
      expect(r.stderr).toBe('');
      expect(json(r).findings.map((f) => f.path)).toEqual(dir === '.' ? ['build/keep.js', 'prod.env'] : ['build/keep.js', 'build/out.js', 'build/gen/x.js'].sort());
    }
  });

  it('a nested repository starts afresh: the outer .gitignore and tracked files stop at its .git', async () => {
    const root = repo({ '.gitignore': '*.txt\n', 'outer.txt': `password=${PASSWORD}\n` });
    const inner = join(root, 'vendor', 'lib');
    mkdirSync(inner, { recursive: true });
    git(inner, 'init', '-q');
    writeFileSync(join(inner, 'a.txt'), `password=${PASSWORD}\n`); // the outer *.txt does not reach here
    writeFileSync(join(inner, '.gitignore'), 'gen/\n');
    mkdirSync(join(inner, 'gen'));
    writeFileSync(join(inner, 'gen', 'x.ts'), `password=${PASSWORD}\n`);
    const r = await scan(root, ['--format', 'json']);
    expect(r.stderr).toBe('');
    expect(json(r).findings.map((f) => f.path)).toEqual(['vendor/lib/a.txt']);
    expect(json(await scan(inner, ['--format', 'json'])).findings.map((f) => f.path)).toEqual(['a.txt']);
  });

  it('when git cannot list the tracked files, .gitignore applies to every file, with a warning', async () => {
    const root = tree({ '.git/HEAD': 'not a repository\n', '.gitignore': '*.env\n', 'a.env': `password=${PASSWORD}\n`, 'b.ts': `password=${PASSWORD}\n` });
    const r = await scan(root, ['--format', 'json']);
    expect(json(r).findings.map((f) => f.path)).toEqual(['b.ts']);
    expect(r.stderr).toMatch(/^logveil scan: warning: cannot list the files git tracks in .+ \(.+\): \.gitignore applies to tracked files there too\n$/);
  });

  // Regression: the README's pre-commit hook passes every staged path; a staged link to a missing file failed the commit.
  it('skips a dangling symbolic link named on the command line with a warning, scans a link to a file', async () => {
    const root = tree({ 'a.env': `password=${PASSWORD}\n` });
    symlinkSync('../not-built-yet', join(root, 'dangling'));
    symlinkSync('a.env', join(root, 'link.env'));
    const r = await scan(root, ['--format', 'json', 'dangling', 'link.env']);
    expect(r.code).toBe(1);
    expect(where(r)).toEqual(['link.env:1:10 password-assignment']);
    expect(r.stderr).toBe('logveil scan: warning: skipped dangling: a symbolic link to nothing (ENOENT)\n'); // a warning, not an error
    const alone = await scan(root, ['dangling']);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe('no findings (scanned 0 files, 0.0 kB)\n');
  });

  it('skips binary files (a NUL in the first 8000 bytes) but scans text with a late NUL', async () => {
    const root = tree({
      'img.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(`\npassword=${PASSWORD}\n`)]),
      'late.txt': Buffer.concat([Buffer.from('x'.repeat(8000) + '\n'), Buffer.from([0]), Buffer.from(`\npassword=${PASSWORD}\n`)]),
    });
    const r = await scan(root, ['--format', 'json']);
    expect(where(r)).toEqual(['late.txt:3:10 password-assignment']);
    expect(json(r).summary.binary).toBe(1);
  });

  it('skips symbolic links met while walking', async () => {
    const root = tree({ 'real/a.env': `password=${PASSWORD}\n` });
    symlinkSync(join(root, 'real'), join(root, 'link'));
    symlinkSync(join(root, 'real', 'a.env'), join(root, 'b.env'));
    const r = await scan(root, ['--format', 'json']);
    expect(json(r).findings.map((f) => f.path)).toEqual(['real/a.env']);
  });

  it('scans standard input for "-", in argument order with files', async () => {
    const root = tree({ 'a.env': `password=${PASSWORD}\n` });
    const r = await scan(root, ['--format', 'json', '-', 'a.env'], { input: `one\ntwo token=${TOKEN}\n` });
    expect(r.code).toBe(1);
    expect(where(r)).toEqual(['-:2:11 generic-secret-assignment', 'a.env:1:10 password-assignment']);
    const clean = await scan(root, ['-'], { input: 'nothing here\n' });
    expect(clean.code).toBe(0);
  });
});

describe('logveil scan: findings', () => {
  it('finds a multi-line PEM private key once, from its first body line to its last', async () => {
    const root = tree({ 'deploy/id_rsa': `# key\n${PEM}` });
    const r = await scan(root, ['--format', 'json']);
    expect(r.code).toBe(1);
    const [f] = json(r).findings;
    expect(json(r).findings).toHaveLength(1);
    expect(f).toMatchObject({ path: 'deploy/id_rsa', ruleId: 'private-key', line: 3, column: 1, endLine: 4, endColumn: PEM_LINE_2.length + 1, excerpt: '[REDACTED:private-key]' });
  });

  it('gives columns in UTF-16 code units after multi-byte characters', async () => {
    const root = tree({ 'i18n.txt': `é😀 password=${PASSWORD}\n` });
    const [f] = json(await scan(root, ['--format', 'json'])).findings;
    expect(f).toMatchObject({ line: 1, column: 14, endColumn: 14 + PASSWORD.length });
  });

  it('masks every secret on the excerpt line, replaces control characters and cuts long lines', async () => {
    const root = tree({
      'two.txt': `password=${PASSWORD} \u001b[31mred\u001b[0m token=${TOKEN}\n`,
      'long.js': `${'a'.repeat(5000)} password=${PASSWORD} ${'b'.repeat(5000)}\n`,
    });
    const r = await scan(root, ['--format', 'json']);
    const byPath = Object.fromEntries(json(r).findings.map((f) => [`${f.path}:${f.column}`, f.excerpt]));
    expect(byPath['two.txt:10']).toBe('password=[REDACTED:password-assignment] \ufffd[31mred\ufffd[0m token=[REDACTED:generic-secret-assignment]');
    const long = byPath['long.js:5011']!;
    expect(long.length).toBeLessThanOrEqual(162);
    expect(long).toMatch(/^…a+ password=\[REDACTED:password-assignment\] b+…$/);
  });

  it('numbers lines right in files bigger than one read block (8 MiB)', async () => {
    const line = `${'x'.repeat(99)}\n`;
    const root = tree({ 'big.log': `${line.repeat(90_000)}password=${PASSWORD}\n${line.repeat(10)}token=${TOKEN}\n` });
    const r = await scan(root, ['--format', 'json', '--workers', '0']);
    expect(where(r)).toEqual(['big.log:90001:10 password-assignment', 'big.log:90012:7 generic-secret-assignment']);
  });

  // Regression: a key whose BEGIN line was the last complete line of an 8 MiB block was missed.
  it('finds a PEM key whose BEGIN line ends just before the 8 MiB block boundary, in a file and on stdin', async () => {
    const block = 8 * 1024 * 1024;
    const header = '-----BEGIN RSA PRIVATE KEY-----\n';
    const fillLine = `${'x'.repeat(59)}\n`;
    const target = block - header.length - 10; // the header ends 10 bytes before the boundary
    let fill = fillLine.repeat(Math.floor(target / fillLine.length) - 1);
    fill += `${'y'.repeat(target - fill.length - 1)}\n`;
    const content = `${fill}${PEM}tail\n`;
    const root = tree({ 'big.log': content });
    const line = fill.split('\n').length + 1;
    for (const [args, input] of [[['big.log'], undefined], [['-'], content]] as const) {
      const r = await scan(root, ['--format', 'json', '--workers', '0', ...args], { input });
      expect(r.code).toBe(1);
      expect(json(r).findings).toMatchObject([{ ruleId: 'private-key', line, endLine: line + 1 }]);
    }
  });
});

describe('logveil scan: allowing findings', () => {
  it('an inline logveil:allow suppresses the findings of its line (the line above BEGIN for a PEM key)', async () => {
    const root = tree({
      'a.ts': `const a = 'password=${PASSWORD}'; // logveil:allow test fixture\nconst b = 'token=${TOKEN}';\n`,
      'key.pem': `test key, logveil:allow\n${PEM}`,
      'other.pem': `logveil:allow is two lines up\n\n${PEM}`,
      // Regression: the marker allows the finding on its own line, not the key below it too.
      'fixture.txt': `TEST_PASSWORD=${PASSWORD} # logveil:allow\n${PEM}`,
    });
    const r = await scan(root, ['--format', 'json']);
    expect(where(r)).toEqual(['a.ts:2:18 generic-secret-assignment', 'fixture.txt:3:1 private-key', 'other.pem:4:1 private-key']);
    expect(json(r).summary.suppressed.inline).toBe(3);
  });

  it("gitleaks' inline gitleaks:allow is honoured like logveil:allow (a team moving from gitleaks keeps its triage)", async () => {
    const root = tree({
      'a.ts': `const a = 'password=${PASSWORD}'; // gitleaks:allow\nconst b = 'token=${TOKEN}';\n`,
      'key.pem': `# gitleaks:allow\n${PEM}`,
    });
    const r = await scan(root, ['--format', 'json']);
    expect(where(r)).toEqual(['a.ts:2:18 generic-secret-assignment']);
    expect(json(r).summary.suppressed.inline).toBe(2);
  });

  it('the config allowlist: paths by glob are not scanned, rules by id are not reported', async () => {
    const root = tree({
      'logveil.json': JSON.stringify({ disable: ['jwt'], scan: { allowPaths: ['test/fixtures/**', '**/*.snap'], allowRules: ['generic-secret-assignment'] } }),
      'test/fixtures/keys.env': `password=${PASSWORD}\n`,
      'src/__snapshots__/a.snap': `password=${PASSWORD}\n`,
      'src/a.ts': `password=${PASSWORD}\ntoken=${TOKEN}\n`,
    });
    const r = await scan(root, ['--format', 'json', '--config', 'logveil.json']);
    expect(where(r)).toEqual(['src/a.ts:1:10 password-assignment']);
    expect(json(r).summary).toMatchObject({ allowedPaths: 2, suppressed: { rules: 1 } });
    const bad = tree({ 'c.json': JSON.stringify({ scan: { allowPath: ['x'] } }) });
    const rb = await scan(bad, ['--config', 'c.json']);
    expect(rb.code).toBe(2);
    expect(rb.stderr).toMatch(/"scan": key #1 is not a known key/);
    expect(rb.stderr).not.toMatch(/\ballowPath\b/); // named by position, never quoted (the known list says allowPaths)
  });
});

describe('logveil scan: rules from a gitleaks config', () => {
  it('--gitleaks-config: its rules are scanned for, its warnings printed once even with workers', async () => {
    const ACME = secret('acme_0123456789abcdef');
    const files: Record<string, string> = {
      'gitleaks.toml': `[[rules]]\nid = "acme-key"\ndescription = "ACME key"\nregex = '''(?i)\\b(acme_[a-z0-9]{16})\\b'''\nkeywords = ["acme_"]\npath = '''\\.env$'''\n`,
    };
    for (let i = 0; i < 100; i++) files[`src/f${String(i).padStart(2, '0')}.ts`] = `${'// filler\n'.repeat(500)}const k = '${ACME}';\n`;
    const root = tree(files);
    const r = await scan(root, ['--format', 'json', '--gitleaks-config', 'gitleaks.toml', '--workers', '2', 'src']);
    expect(r.code).toBe(1);
    expect(json(r).findings).toHaveLength(100);
    expect(json(r).findings[0]).toMatchObject({ path: 'src/f00.ts', line: 501, column: 12, ruleId: 'acme-key' });
    expect(r.stderr.match(/logveil scan: warning: .*rule "acme-key": path/g)).toHaveLength(1);
    const sarif = JSON.parse((await scan(root, ['--format', 'sarif', '--gitleaks-config', 'gitleaks.toml', 'src/f00.ts'])).stdout) as { runs: { tool: { driver: { rules: unknown[] } } }[] };
    expect(sarif.runs[0]!.tool.driver.rules).toEqual([expect.objectContaining({ id: 'acme-key', shortDescription: { text: 'ACME key' } })]);
  });
});

describe('logveil scan: baselines', () => {
  const env = { LOGVEIL_FINGERPRINT_KEY: KEY };

  it('a --format json report is a baseline: accepted findings pass, a new secret fails', async () => {
    const root = tree({ 'a.env': `password=${PASSWORD}\n`, 'b.ts': `const t = '${GITHUB_PAT}';\n` });
    const first = await scan(root, ['--format', 'json'], { env });
    expect(first.code).toBe(1);
    expect(json(first).fingerprintKeyed).toBe(true);
    writeFileSync(join(root, 'baseline.json'), first.stdout);

    const again = await scan(root, ['--baseline', 'baseline.json', '--format', 'json'], { env });
    expect(again.code).toBe(0);
    expect(json(again).summary.suppressed.baseline).toBe(2);

    // Moving an accepted secret keeps it accepted; a new one is reported.
    writeFileSync(join(root, 'a.env'), `# moved\n\npassword=${PASSWORD}\ntoken=${TOKEN}\n`);
    const moved = await scan(root, ['--baseline', 'baseline.json', '--format', 'json'], { env });
    expect(moved.code).toBe(1);
    expect(where(moved)).toEqual(['a.env:4:7 generic-secret-assignment']);

    // Another key gives other fingerprints: nothing matches.
    const otherKey = await scan(root, ['--baseline', 'baseline.json', '--format', 'json'], { env: { LOGVEIL_FINGERPRINT_KEY: 'another' } });
    expect(json(otherKey).findings).toHaveLength(3);
  });

  it('a SARIF report and a hand-written list are baselines too', async () => {
    const root = tree({ 'a.env': `password=${PASSWORD}\n` });
    const sarif = await scan(root, ['--format', 'sarif'], { env });
    writeFileSync(join(root, 'b.sarif'), sarif.stdout);
    expect((await scan(root, ['--baseline', 'b.sarif'], { env })).code).toBe(0);
    const fp = json(await scan(root, ['--format', 'json'], { env })).findings[0]!.fingerprint;
    writeFileSync(join(root, 'list.json'), JSON.stringify([{ fingerprint: fp }]));
    expect((await scan(root, ['--baseline', 'list.json'], { env })).code).toBe(0);
  });

  it('refuses a baseline written without a key, and malformed baselines, with exit 2', async () => {
    const root = tree({ 'a.env': `password=${PASSWORD}\n` });
    const unkeyed = await scan(root, ['--format', 'json']);
    expect(json(unkeyed).fingerprintKeyed).toBe(false);
    writeFileSync(join(root, 'unkeyed.json'), unkeyed.stdout);
    const r = await scan(root, ['--baseline', 'unkeyed.json'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/written without LOGVEIL_FINGERPRINT_KEY/);
    writeFileSync(join(root, 'bad.json'), JSON.stringify([{ fingerprint: 'nothex!!' }]));
    expect((await scan(root, ['--baseline', 'bad.json'], { env })).stderr).toMatch(/entry 0 needs a "fingerprint"/);
    expect((await scan(root, ['--baseline', 'missing.json'], { env })).stderr).toMatch(/cannot read baseline missing.json: no such file or directory \(ENOENT\)/);
  });
});

describe('logveil scan: workers', () => {
  it('worker threads find exactly what the main thread alone finds, in the same order', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      const body = Array.from({ length: 40 }, (_, j) => `export const v${j} = ${i * j}; // filler line ${j}`).join('\n');
      const planted = i % 7 === 0 ? `\nconst url = 'postgres://app:${PG_PASSWORD}@db/app';\npassword=${PASSWORD}` : i % 11 === 0 ? `\n${PEM}` : '';
      files[`pkg${i % 9}/src/file${i}.ts`] = `${body}${planted}\n${body}\n`;
    }
    const root = tree(files);
    const env = { LOGVEIL_FINGERPRINT_KEY: KEY };
    const single = await scan(root, ['--format', 'json', '--workers', '0'], { env });
    const parallel = await scan(root, ['--format', 'json', '--workers', '2'], { env });
    expect(single.code).toBe(1);
    expect(json(single).findings.length).toBe(58 * 2 + 31); // i % 7 === 0: 58 files with two secrets; i % 11 === 0 (and not 7): 31 PEM keys
    expect(parallel.stdout).toBe(single.stdout);
    expect(json(parallel).summary.files).toBe(400);
  });

  it('fingerprints agree across threads without a key too (one random key per run)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f${String(i).padStart(3, '0')}.env`] = `${'filler\n'.repeat(2000)}password=${PASSWORD}\n`;
    const r = await scan(tree(files), ['--format', 'json', '--workers', '2']);
    const fps = new Set(json(r).findings.map((f) => f.fingerprint));
    expect(json(r).findings).toHaveLength(200);
    expect(fps.size).toBe(1);
  });
});

describe('logveil scan: known secrets', () => {
  const DB = secret('Zx9-kQ2v/Lm8+Rt5wP3s');
  const API = secret('ak-live-7f3a9c21e8b4d6f0');
  const CONF = secret('conf-Value_9b8a7c6d5e4f');

  it('finds the values of --known-file, --known-env and the config\'s knownSecrets, in their encodings, on every thread', async () => {
    const secrets = tree({ 'db-password': `${DB}\n` });
    const config = tree({ 'logveil.json': JSON.stringify({ knownSecrets: [{ name: 'CONF', value: CONF }], maxLineLength: 4096, rotationGrace: '1h' }) });
    const files: Record<string, string> = { 'a.js': `const db = "${DB}";\n`, 'b.yaml': `auth: ${Buffer.from(`svc:${API}`).toString('base64')}\n`, 'c.txt': `url=?k=${encodeURIComponent(CONF)}\n` };
    for (let i = 0; i < 50; i++) files[`more/f${i}.txt`] = `${'x'.repeat(20)}\n`;
    const root = tree(files);
    for (const workers of ['0', '2']) {
      const r = await scan(root, ['--format', 'json', '--workers', workers, '--known-file', join(secrets, 'db-password'), '--known-env', 'API_*', '-c', join(config, 'logveil.json')], { env: { LOGVEIL_FINGERPRINT_KEY: KEY, API_TOKEN: API } });
      expect(r.code).toBe(1);
      expect(json(r).findings.map((f) => [f.path, f.ruleId])).toEqual([
        ['a.js', 'known-secret'],
        ['b.yaml', 'known-secret'],
        ['c.txt', 'known-secret'],
      ]);
    }
  });

  it('exits 2 on an unreadable --known-file or an unknown config key; warns about a refused value', async () => {
    const root = tree({ 'a.txt': 'nothing\n' });
    expect((await scan(root, ['--known-file', '/nonexistent/secret'])).stderr).toMatch(/--known-file: cannot read known secret \/nonexistent\/secret: no such file or directory \(ENOENT\)/);
    const bad = tree({ 'c.json': '{"knownSecretz": []}' });
    const r = await scan(root, ['-c', join(bad, 'c.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/key #1 is not a known key/);
    expect(r.stderr).not.toContain('knownSecretz');
    const weak = await scan(root, ['--known-env', 'PW'], { env: { PW: 'admin' } });
    expect(weak.code).toBe(0);
    expect(weak.stderr).toMatch(/known secret "PW" refused: 5 bytes/);
  });
});
