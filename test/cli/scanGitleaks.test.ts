/**
 * `logveil scan` for teams coming from gitleaks, as a real child process from the build
 * (bin/logveil.js → dist/): `.gitleaksignore` and `--gitleaks-ignore`, gitleaks rule ids in
 * rule selection, allowRules and baselines, `--exit-code`, `--report-path`, `--redact`, and
 * the baseline recipe under `bash -e`. In process: the ignore-file parser and matcher (its
 * commit form, used by `scan --git`) and the visible prefix of `--redact`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { maskedExcerpt, REDACT_MAX_VISIBLE, visiblePrefixLength } from '../../src/cli/scan/excerpt.js';
import { loadGitleaksIgnores, parseIgnoreLine } from '../../src/cli/scan/gitleaksIgnore.js';
import { base62Checksum, crc32 } from '../../src/matcher/checksum.js';

const bin = fileURLToPath(new URL('../../bin/logveil.js', import.meta.url));
const KEY = 'test-fingerprint-key';
const env = { LOGVEIL_FINGERPRINT_KEY: KEY };

/** Every secret planted here: none may appear whole in what logveil prints or writes. */
const PASSWORD = 'hunter2hunter2';
const TOKEN = 'Zq8vT2mW9kR4pL7xNq3f';
const GH_BODY = 'Zq8vT2mW9kR4pL7xNq3fA1b2C3d4E5';
const GITHUB_PAT = `ghp_${GH_BODY}${base62Checksum(crc32(Buffer.from(GH_BODY)))}`;
const SECRETS = [PASSWORD, TOKEN, GITHUB_PAT];

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function expectNoSecret(text: string): void {
  for (const s of SECRETS) expect(text).not.toContain(s);
}

/** Runs `logveil scan …` in `cwd`; checks that nothing secret was printed. */
async function scan(cwd: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = env): Promise<Result> {
  const child = spawn(process.execPath, [bin, 'scan', '--no-progress', ...args], { cwd, env: { PATH: process.env.PATH, ...extraEnv } });
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

/** A fresh directory holding `files` (path → content), removed after the suite. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'logveil-scan-gitleaks-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

interface JsonReport {
  findings: { path: string; line: number; ruleId: string; fingerprint: string; excerpt: string }[];
  summary: { suppressed: { inline: number; rules: number; baseline: number; gitleaksIgnore: number } };
}
const json = (text: string) => JSON.parse(text) as JsonReport;
const where = (text: string) => json(text).findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`);

/** Three findings: a.env:1 password-assignment, b.ts:2 github-pat, c.env:1 generic-secret-assignment. */
const FILES = {
  'a.env': `password=${PASSWORD}\n`,
  'b.ts': `// token\nconst t = '${GITHUB_PAT}';\n`,
  'c.env': `token=${TOKEN}\n`,
};
const SHA = '3f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c';

describe('parseIgnoreLine', () => {
  const cases: [string, ReturnType<typeof parseIgnoreLine>][] = [
    ['src/a.ts:github-pat:3', { commit: undefined, path: 'src/a.ts', ruleId: 'github-pat', line: 3 }],
    ['  ./src/a.ts:github-pat:3  ', { commit: undefined, path: 'src/a.ts', ruleId: 'github-pat', line: 3 }],
    [`${SHA}:src/a.ts:aws-access-token:7`, { commit: SHA, path: 'src/a.ts', ruleId: 'aws-access-token', line: 7 }],
    [`${SHA.toUpperCase()}:src/a.ts:aws-access-token:7`, { commit: SHA, path: 'src/a.ts', ruleId: 'aws-access-token', line: 7 }],
    ['dir:with:colons/a.ts:jwt:1', { commit: undefined, path: 'dir:with:colons/a.ts', ruleId: 'jwt', line: 1 }],
    ['# a comment:jwt:1', undefined],
    ['   ', undefined],
    ['a.ts:jwt', 'bad'],
    ['a.ts:jwt:0', 'bad'],
    ['a.ts:jwt:3x', 'bad'],
    [':jwt:3', 'bad'],
    [`${SHA}::jwt:3`, 'bad'],
    ['a.ts:not a rule:3', 'bad'],
    ['ghp_notAnEntryJustPasted', 'bad'],
  ];
  it.each(cases)('%j', (line, expected) => {
    expect(parseIgnoreLine(line)).toEqual(expected);
  });
});

describe('loadGitleaksIgnores (the matcher scan --git uses too)', () => {
  const root = tree({
    '.gitleaksignore': `src/a.ts:github-pat:3\n${SHA.slice(0, 10)}:src/b.ts:generic-api-key:5\nnot an entry\n`,
  });
  const warnings: string[] = [];
  const ignore = loadGitleaksIgnores([{ file: join(root, '.gitleaksignore'), required: true }], (w) => warnings.push(w), root);

  it.each([
    ['a tree finding by path, rule and line', { path: 'src/a.ts', ruleId: 'github-pat', line: 3 }, true],
    ['the same place in any commit (an entry without a commit)', { commit: SHA, path: 'src/a.ts', ruleId: 'github-pat', line: 3 }, true],
    ['another line', { path: 'src/a.ts', ruleId: 'github-pat', line: 4 }, false],
    ['another rule', { path: 'src/a.ts', ruleId: 'github-oauth', line: 3 }, false],
    ['a history finding in the listed commit (abbreviated), by a gitleaks alias', { commit: SHA, path: 'src/b.ts', ruleId: 'generic-secret-assignment', line: 5 }, true],
    ['the same place in another commit', { commit: 'a'.repeat(40), path: 'src/b.ts', ruleId: 'generic-secret-assignment', line: 5 }, false],
    ['the same place in the tree (no commit)', { path: 'src/b.ts', ruleId: 'generic-secret-assignment', line: 5 }, false],
    ['a path shown from the directory above the ignore file', { path: join(root, 'src/a.ts'), ruleId: 'github-pat', line: 3 }, true],
  ] as const)('%s → %s', (_name, finding, expected) => {
    expect(ignore.ignores(finding)).toBe(expected);
  });

  it('counts entries and warns about a malformed line by number, without quoting it', () => {
    expect(ignore.size).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/\.gitleaksignore: line 3 is not path:rule-id:line or commit:path:rule-id:line; ignored$/);
    expect(warnings[0]).not.toContain('not an entry');
  });
});

describe('logveil scan: .gitleaksignore', () => {
  it('drops the listed findings (by logveil or gitleaks rule id), counts them, warns about bad lines by number', async () => {
    const root = tree({
      ...FILES,
      '.gitleaksignore': `# accepted with gitleaks\n\na.env:password-assignment:1\nc.env:generic-api-key:1\nb.ts github-pat 2\nb.ts:github-pat:1\n${SHA}:b.ts:github-pat:2\n`,
    });
    const r = await scan(root, ['--format', 'json']);
    expect(r.code).toBe(1);
    // b.ts: line 1 is the wrong line, and the commit entry does not match a file in the tree.
    expect(where(r.stdout)).toEqual(['b.ts:2 github-pat']);
    expect(json(r.stdout).summary.suppressed.gitleaksIgnore).toBe(2);
    expect(r.stderr).toBe('logveil scan: warning: .gitleaksignore: line 5 is not path:rule-id:line or commit:path:rule-id:line; ignored\n');

    const text = await scan(root, []);
    expect(text.stdout).toMatch(/suppressed 2 by \.gitleaksignore\)\n$/);
  });

  it("matches from the directory above: the scanned directory's own .gitleaksignore, paths relative to it", async () => {
    const root = tree({ 'repo/a.env': FILES['a.env'], 'repo/.gitleaksignore': 'a.env:password-assignment:1\n' });
    const r = await scan(root, ['--format', 'json', 'repo']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).summary.suppressed.gitleaksIgnore).toBe(1);
  });

  it('--gitleaks-ignore FILE is read instead of the default file; a missing one is an error (exit 2)', async () => {
    const root = tree({ ...FILES, '.gitleaksignore': 'a.env:password-assignment:1\n', 'ci/ignore': 'b.ts:github-pat:2\nc.env:generic-secret-assignment:1\n' });
    const r = await scan(root, ['--format', 'json', '--gitleaks-ignore', 'ci/ignore']);
    expect(where(r.stdout)).toEqual(['a.env:1 password-assignment']);
    const missing = await scan(root, ['--gitleaks-ignore', 'ci/nothing']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('logveil scan: cannot read gitleaks ignore file ci/nothing: no such file or directory (ENOENT)\n');
  });
});

describe('logveil scan --git: .gitleaksignore entries with a commit', () => {
  function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe', encoding: 'utf8' }).trim();
  }

  it("drop a history finding of that commit only, read from the repository's top even in a subdirectory", async () => {
    const root = tree({ 'a.env': `x=1\npassword=${PASSWORD}\n`, 'sub/keep.txt': 'nothing\n' });
    git(root, 'init', '-q');
    git(root, 'config', 'user.name', 'logveil test');
    git(root, 'config', 'user.email', 'test@example.com');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'add');
    const added = git(root, 'rev-parse', 'HEAD');
    git(root, 'rm', '-q', 'a.env');
    git(root, 'commit', '-qm', 'remove');
    const removed = git(root, 'rev-parse', 'HEAD');

    const before = await scan(root, ['--git', '--format', 'json']);
    expect(before.code).toBe(1);
    expect(where(before.stdout)).toEqual(['a.env:2 password-assignment']);

    writeFileSync(join(root, '.gitleaksignore'), `${removed}:a.env:password-assignment:2\n`);
    expect((await scan(root, ['--git'])).code).toBe(1); // another commit

    writeFileSync(join(root, '.gitleaksignore'), `${added}:a.env:generic-api-key:2\n`);
    const top = await scan(root, ['--git', '--format', 'json']);
    expect(top.code).toBe(0);
    expect(json(top.stdout).summary.suppressed.gitleaksIgnore).toBe(1);
    const sub = await scan(join(root, 'sub'), ['--git', '--format', 'json']);
    expect(sub.code).toBe(0);
    expect(json(sub.stdout).summary.suppressed.gitleaksIgnore).toBe(1);
  });
});

describe('logveil scan: gitleaks rule ids', () => {
  it('--disable and --rules take gitleaks ids of the same kind of secret', async () => {
    const root = tree(FILES);
    const disabled = await scan(root, ['--format', 'json', '--disable', 'generic-api-key']);
    expect(where(disabled.stdout)).toEqual(['b.ts:2 github-pat']); // password-assignment and generic-secret-assignment dropped
    const only = await scan(root, ['--format', 'json', '--rules', 'generic-api-key']);
    expect(where(only.stdout)).toEqual(['a.env:1 password-assignment', 'c.env:1 generic-secret-assignment']);
    // A narrower gitleaks rule never selects a whole logveil rule: sidekiq-secret names no rule here.
    const narrow = await scan(root, ['--disable', 'sidekiq-secret']);
    expect(narrow.code).toBe(2);
    expect(narrow.stderr).toMatch(/entry #1 is neither a rule id nor a tag/);
  });

  it('allowRules and a hand-written baseline take gitleaks ids', async () => {
    const root = tree({ ...FILES, 'logveil.json': JSON.stringify({ scan: { allowRules: ['generic-api-key'] } }) });
    const allowed = await scan(root, ['--format', 'json', '--config', 'logveil.json']);
    expect(where(allowed.stdout)).toEqual(['b.ts:2 github-pat']);
    expect(json(allowed.stdout).summary.suppressed.rules).toBe(2);

    const all = json((await scan(root, ['--format', 'json'])).stdout).findings;
    const fp = (ruleId: string) => all.find((f) => f.ruleId === ruleId)!.fingerprint;
    writeFileSync(join(root, 'base.json'), JSON.stringify([{ ruleId: 'generic-api-key', fingerprint: fp('generic-secret-assignment') }, { ruleId: 'generic-api-key', fingerprint: fp('github-pat') }]));
    const based = await scan(root, ['--format', 'json', '--baseline', 'base.json']);
    expect(where(based.stdout)).toEqual(['a.env:1 password-assignment', 'b.ts:2 github-pat']);
  });
});

describe('logveil scan: --exit-code', () => {
  it('is the exit code when findings remain; 0 when clean; 2 for a bad value', async () => {
    const root = tree(FILES);
    expect((await scan(root, ['--exit-code', '3'])).code).toBe(3);
    const zero = await scan(root, ['--exit-code', '0', '--format', 'json']);
    expect(zero.code).toBe(0);
    expect(json(zero.stdout).findings).toHaveLength(3);
    const clean = tree({ 'x.txt': 'nothing here\n' });
    expect((await scan(clean, ['--exit-code', '7'])).code).toBe(0);
    for (const bad of ['126', '-1', 'x', '1.5']) {
      const r = await scan(root, [`--exit-code=${bad}`]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('logveil scan: --exit-code must be an integer from 0 to 125');
    }
  });
});

describe('logveil scan: --report-path', () => {
  it('writes the report to the file (0600, new directories 0700), one summary line to stderr, nothing to stdout', async () => {
    const root = tree(FILES);
    const r = await scan(root, ['--format', 'json', '--report-path', 'out/reports/scan.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^logveil scan: 3 findings in 3 files \(scanned 3 files, [\d.]+ kB\); json report written to out\/reports\/scan\.json\n$/);
    const file = join(root, 'out/reports/scan.json');
    expect(where(readFileSync(file, 'utf8'))).toHaveLength(3);
    expectNoSecret(readFileSync(file, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'out')).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'out/reports')).mode & 0o777).toBe(0o700);
  });

  it('--report-path - is stdout, as in gitleaks', async () => {
    const root = tree(FILES);
    const r = await scan(root, ['--format', 'json', '--report-path', '-', 'a.env']);
    expect(r.code).toBe(1);
    expect(where(r.stdout)).toEqual(['a.env:1 password-assignment']);
    expect(r.stderr).toBe('');
    expect(existsSync(join(root, '-'))).toBe(false);
  });

  it('replaces an existing report and tightens its mode to 0600', async () => {
    const root = tree(FILES);
    const file = join(root, 'scan.sarif');
    writeFileSync(file, 'x'.repeat(100_000));
    chmodSync(file, 0o644);
    const r = await scan(root, ['--format', 'sarif', '--report-path', 'scan.sarif', 'a.env']);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).runs[0].results).toHaveLength(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a symbolic link at the path (exit 2), leaving its target alone', async () => {
    const root = tree({ ...FILES, 'target.txt': 'keep me\n' });
    symlinkSync(join(root, 'target.txt'), join(root, 'link.json'));
    const r = await scan(root, ['--format', 'json', '--report-path', 'link.json', 'a.env']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('logveil scan: --report-path link.json: it is a symbolic link, and a report is never written through one\n');
    expect(readFileSync(join(root, 'target.txt'), 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(root, 'link.json')).isSymbolicLink()).toBe(true);
  });
});

describe('--redact', () => {
  const pat = Buffer.from(GITHUB_PAT); // 40 bytes
  it.each([
    [100, 0],
    [90, 4], // 10% of 40
    [80, 8],
    [75, 10], // a quarter
    [20, 10], // never more than a quarter
    [0, 10],
  ])('redact %i shows %i bytes of a 40-byte token', (redact, n) => {
    expect(visiblePrefixLength(pat, redact)).toBe(n);
  });

  it('shows at most 12 characters, nothing of a short secret, and stops at a non-word byte', () => {
    expect(visiblePrefixLength(Buffer.from('A'.repeat(200)), 0)).toBe(REDACT_MAX_VISIBLE);
    expect(visiblePrefixLength(Buffer.from('hunter2abcd'), 0)).toBe(0); // 11 bytes
    expect(visiblePrefixLength(Buffer.from('ab"cdefghijklmnop'), 0)).toBe(2);
    expect(visiblePrefixLength(Buffer.from('ééééééééééééééé'), 0)).toBe(0);
  });

  it('puts the prefix before the mask, and none on a line a span began above', () => {
    const buf = Buffer.from(`x\nt=${GITHUB_PAT} end\n`);
    const start = 4;
    expect(maskedExcerpt(buf, 2, buf.length - 1, [{ start, end: start + 40, ruleId: 'github-pat' }], start, 80)).toBe('t=ghp_Zq8v[REDACTED:github-pat] end');
    expect(maskedExcerpt(buf, 2, buf.length - 1, [{ start: 0, end: start + 40, ruleId: 'private-key' }], 0, 0)).toBe('[REDACTED:private-key] end');
  });

  it('logveil scan --redact N: excerpts open with the prefix, on the main thread and in a worker; --redact alone hides all', async () => {
    const root = tree({ 'b.ts': FILES['b.ts'] });
    for (const workers of ['0', '1']) {
      const r = await scan(root, ['--format', 'json', '--redact', '80', '--workers', workers]);
      expect(json(r.stdout).findings[0]!.excerpt).toBe("const t = 'ghp_Zq8v[REDACTED:github-pat]';");
    }
    const eq = await scan(root, ['--format', 'json', '--redact=0']);
    expect(json(eq.stdout).findings[0]!.excerpt).toBe("const t = 'ghp_Zq8vT2[REDACTED:github-pat]';");
    // --redact alone, before a path: 100, and the path is scanned.
    const alone = await scan(root, ['--format', 'json', '--redact', 'b.ts']);
    expect(json(alone.stdout).findings[0]!.excerpt).toBe("const t = '[REDACTED:github-pat]';");
    const bad = await scan(root, ['--redact=101']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('logveil scan: --redact must be a percentage from 0 to 100 (--redact alone: 100)');
  });
});

describe('the baseline recipe under set -e', () => {
  /** Runs `script` with `bash -e` in `cwd`, `logveil` being the built CLI. */
  function bashE(cwd: string, script: string): { code: number; stdout: string } {
    const shim = join(cwd, '.bin');
    mkdirSync(shim, { recursive: true });
    writeFileSync(join(shim, 'logveil'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, { mode: 0o755 });
    try {
      const stdout = execFileSync('bash', ['-e', '-c', script], { cwd, env: { PATH: `${shim}:${process.env.PATH}`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { status: number; stdout: Buffer };
      return { code: e.status, stdout: e.stdout.toString() };
    }
  }

  it('--exit-code 0 --report-path writes a baseline without stopping the script; the gate then passes, and fails on a new secret', async () => {
    const root = tree(FILES);
    // The old recipe stops a set -e script at the first line.
    expect(bashE(root, 'logveil scan --format json . > old-baseline.json\necho after').code).toBe(1);

    const recipe = [
      'logveil scan --no-progress --format json --exit-code 0 --report-path .logveil-baseline.json .',
      'logveil scan --no-progress --baseline .logveil-baseline.json .',
      'echo gate passed',
    ].join('\n');
    const first = bashE(root, recipe);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/no findings .*suppressed 3 by the baseline\)\ngate passed\n$/);
    expect(existsSync(join(root, '.logveil-baseline.json'))).toBe(true);

    writeFileSync(join(root, 'd.env'), `password=${PASSWORD}x\n`);
    const gate = bashE(root, 'logveil scan --no-progress --baseline .logveil-baseline.json .\necho gate passed');
    expect(gate.code).toBe(1);
    expect(gate.stdout).not.toContain('gate passed');
    expect(gate.stdout).toMatch(/^d\.env:1:10 {2}password-assignment/);
  });
});
