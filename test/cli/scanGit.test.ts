/**
 * `logveil scan --git` and `--staged` as real child processes from the build, in real git
 * repositories built by each test: the lines each commit added (a secret added, then deleted,
 * then a different one staged), --since, --branch and --all, merges, paths git quotes, binary
 * files, reports (text, JSON, SARIF with the commit), baselines and allowlists, a real
 * pre-commit hook, and the errors (not a repository, a revision that names nothing, an
 * option-looking revision). The patch parser is also checked alone on the shapes git prints.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AddedLines } from '../../src/cli/scan/addedLines.js';
import { createContentScanner } from '../../src/cli/scan/contentScanner.js';
import { MAX_PATCH_LINE, newSidePath, PatchParser } from '../../src/cli/scan/gitPatch.js';

const bin = fileURLToPath(new URL('../../bin/logveil.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const KEY = 'test-fingerprint-key';

const PASSWORD = 'hunter2hunter2';
const OTHER_PASSWORD = 'Zq8vT2mW9kR4pL7x';
const STAGED_PASSWORD = 'staged5ecret99';
const SIDE_PASSWORD = 's1debranchPa55';
const PEM_BODY = 'MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB';
const SECRETS = [PASSWORD, OTHER_PASSWORD, STAGED_PASSWORD, SIDE_PASSWORD, PEM_BODY];

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `logveil scan …` in `cwd` (only PATH and `env` in its environment); checks nothing secret was printed. */
async function scan(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  const child = spawn(process.execPath, [bin, 'scan', ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  for (const s of SECRETS) {
    expect(stdout).not.toContain(s);
    expect(stderr).not.toContain(s);
  }
  return { code, stdout, stderr };
}

/** A fixed clock for commits: commit n is authored on 2026-01-n at noon UTC. */
let tick = 0;
function git(cwd: string, ...args: string[]): string {
  tick++;
  const date = `2026-01-${String((tick % 28) + 1).padStart(2, '0')}T12:00:00Z`;
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    stdio: 'pipe',
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  }).trim();
}

function write(dir: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** A fresh repository (branch `main`). */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logveil-git-'));
  made.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 't');
  git(dir, 'config', 'user.email', 't@example.com');
  return dir;
}

/** Writes `files`, stages them all and commits; returns the commit's full name. */
function commit(dir: string, message: string, files: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(files)) write(dir, path, content);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
  return git(dir, 'rev-parse', 'HEAD');
}

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  ruleId: string;
  fingerprint: string;
  excerpt: string;
  commit?: string;
  date?: string;
}
interface JsonReport {
  findings: JsonFinding[];
  summary: { files: number; bytes: number; binary: number; allowedPaths: number; suppressed: { inline: number; rules: number; baseline: number }; git?: { scope: string; commits: number } };
}
const json = (r: Result) => JSON.parse(r.stdout) as JsonReport;
const where = (r: Result) => json(r).findings.map((f) => `${f.commit?.slice(0, 7) ?? 'staged'} ${f.path}:${f.line}:${f.column} ${f.ruleId}`);

/** The story of issue 16: a secret added, then deleted, then a different one staged. */
function story(): { dir: string; added: string; deleted: string } {
  const dir = repo();
  commit(dir, 'start', { 'README.md': '# app\n', 'config/app.env': 'LOG_LEVEL=info\n' });
  const added = commit(dir, 'add a password', { 'config/app.env': `LOG_LEVEL=info\nPASSWORD=${PASSWORD}\n` });
  const deleted = commit(dir, 'remove it', { 'config/app.env': 'LOG_LEVEL=info\n' });
  write(dir, 'config/app.env', `LOG_LEVEL=info\nDEBUG=0\nPASSWORD=${STAGED_PASSWORD}\n`);
  git(dir, 'add', 'config/app.env');
  return { dir, added, deleted };
}

describe('logveil scan --git: the lines each commit added', () => {
  it('finds a secret added and removed in a later commit, at its commit, date, path and line; not the staged one', async () => {
    const { dir, added } = story();
    const r = await scan(dir, ['--git']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^config/app\\.env:2:10  password-assignment  commit ${added.slice(0, 12)} 2026-01-\\d\\d\\n    PASSWORD=\\[REDACTED:password-assignment\\]\\n\\n1 finding in 1 file \\(scanned 3 commits: 2 files, 0\\.0 kB added\\)\\n$`));
    const j = await scan(dir, ['--git', '--format', 'json']);
    expect(json(j).findings).toEqual([expect.objectContaining({ path: 'config/app.env', line: 2, column: 10, ruleId: 'password-assignment', commit: added, date: expect.stringMatching(/^2026-01-\d\dT12:00:00Z$|^2026-01-\d\dT12:00:00\+00:00$/) })]);
    expect(json(j).summary.git).toEqual({ scope: 'history', commits: 3 });
  });

  it('--staged scans the staged lines only: the new secret at its line in the staged file, no commit', async () => {
    const { dir } = story();
    const r = await scan(dir, ['--staged', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(where(r)).toEqual(['staged config/app.env:3:10 password-assignment']);
    expect(json(r).findings[0]).not.toHaveProperty('commit');
    expect(json(r).summary.git).toEqual({ scope: 'staged', commits: 0 });
    // Unstaged edits are not what the commit takes.
    write(dir, 'README.md', `# app\nPASSWORD=${OTHER_PASSWORD}\n`);
    expect(where(await scan(dir, ['--staged', '--format', 'json']))).toEqual(['staged config/app.env:3:10 password-assignment']);
    git(dir, 'reset', '-q');
    const clean = await scan(dir, ['--staged']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('no findings (scanned the staged changes: 0 files, 0.0 kB added)\n');
  });

  it('--since REV scans only the commits after REV; a line in an existing file is numbered in the new file', async () => {
    const dir = repo();
    const first = commit(dir, 'one', { 'a.env': `PASSWORD=${PASSWORD}\n` });
    const lines = Array.from({ length: 20 }, (_, i) => `KEY_${i}=value${i}`);
    commit(dir, 'two', { 'b.txt': `${lines.join('\n')}\n` });
    lines.splice(14, 0, `PASSWORD=${OTHER_PASSWORD}`);
    const third = commit(dir, 'three', { 'b.txt': `${lines.join('\n')}\n` });
    expect(where(await scan(dir, ['--git', '--format', 'json']))).toEqual([`${third.slice(0, 7)} b.txt:15:10 password-assignment`, `${first.slice(0, 7)} a.env:1:10 password-assignment`]);
    expect(where(await scan(dir, ['--git', '--since', first, '--format', 'json']))).toEqual([`${third.slice(0, 7)} b.txt:15:10 password-assignment`]);
    const none = await scan(dir, ['--git', '--since', 'HEAD']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('no findings (scanned 0 commits: 0 files, 0.0 kB added)\n');
  });

  it('--branch REF and --all reach a branch HEAD does not; a merge is read for its own lines only', async () => {
    const dir = repo();
    commit(dir, 'base', { 'a.txt': 'base\n' });
    git(dir, 'checkout', '-qb', 'side');
    const side = commit(dir, 'side secret', { 's.env': `PASSWORD=${SIDE_PASSWORD}\n` });
    git(dir, 'checkout', '-q', 'main');
    expect((await scan(dir, ['--git'])).code).toBe(0);
    expect(where(await scan(dir, ['--git', '--branch', 'side', '--format', 'json']))).toEqual([`${side.slice(0, 7)} s.env:1:10 password-assignment`]);
    expect(where(await scan(dir, ['--git', '--all', '--format', 'json']))).toEqual([`${side.slice(0, 7)} s.env:1:10 password-assignment`]);
    // An "evil merge": a line in the merge that neither parent had is the merge's own.
    commit(dir, 'main work', { 'm.txt': 'm1\n' });
    git(dir, 'merge', '-q', '--no-commit', 'side');
    write(dir, 'm.txt', `m1\nPASSWORD=${OTHER_PASSWORD}\n`);
    git(dir, 'add', 'm.txt');
    git(dir, 'commit', '-qm', 'merge');
    const merge = git(dir, 'rev-parse', 'HEAD');
    // The side commit's line is reported once (in the side commit), not again in the merge.
    expect(where(await scan(dir, ['--git', '--format', 'json']))).toEqual([`${merge.slice(0, 7)} m.txt:2:10 password-assignment`, `${side.slice(0, 7)} s.env:1:10 password-assignment`]);
  });

  it('paths: limits to the pathspecs after --, reads names git quotes, reports paths from the working directory', async () => {
    const dir = repo();
    const c = commit(dir, 'names', { 'my file.env': `PASSWORD=${PASSWORD}\n`, 'dé\tjà.env': `PASSWORD=${PASSWORD}\n`, 'sub/dir/x.env': `PASSWORD=${PASSWORD}\n`, '*.env': 'LOG=1\n' });
    const all = await scan(dir, ['--git', '--format', 'json']);
    expect(json(all).findings.map((f) => f.path).sort()).toEqual(['dé\tjà.env', 'my file.env', 'sub/dir/x.env']);
    expect(json(all).findings.every((f) => f.commit === c)).toBe(true);
    // A pathspec is literal: "*.env" is that file, not a glob.
    expect(json(await scan(dir, ['--git', '--format', 'json', '*.env'])).findings).toEqual([]);
    expect(json(await scan(dir, ['--git', '--format', 'json', 'sub'])).findings.map((f) => f.path)).toEqual(['sub/dir/x.env']);
    // From a subdirectory: the whole history, paths relative to where the scan runs.
    const fromSub = await scan(join(dir, 'sub'), ['--git', '--format', 'json']);
    expect(json(fromSub).findings.map((f) => f.path).sort()).toEqual(['../dé\tjà.env', '../my file.env', 'dir/x.env']);
    // The text report shows a control character in a name as a visible escape.
    const text = await scan(dir, ['--git']);
    expect(text.stdout).not.toContain('\t');
  });

  it('skips binary files (a NUL in the first 8000 bytes), but a .gitattributes "-diff" does not hide a text file', async () => {
    const dir = repo();
    commit(dir, 'bin', {
      '.gitattributes': '*.env -diff\n',
      'blob.bin': Buffer.concat([Buffer.from('\0\x01\x02'), Buffer.from(`\nPASSWORD=${PASSWORD}\n`)]),
      'hidden.env': `PASSWORD=${OTHER_PASSWORD}\n`,
    });
    const r = await scan(dir, ['--git', '--format', 'json']);
    expect(json(r).findings.map((f) => f.path)).toEqual(['hidden.env']);
    expect(json(r).summary.binary).toBe(1);
  });

  it('a PEM private key added in a commit is one finding, from its first body line', async () => {
    const dir = repo();
    commit(dir, 'readme', { 'README.md': 'x\n' });
    const c = commit(dir, 'key', { 'deploy/id_rsa': `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\n`, 'z.txt': `${PEM_BODY.slice(0, 40)}\n` });
    const r = await scan(dir, ['--git', '--format', 'json']);
    expect(where(r)).toEqual([`${c.slice(0, 7)} deploy/id_rsa:2:1 private-key`]);
  });

  it('an empty repository has no history to scan; its staged files are scanned', async () => {
    const dir = repo();
    const r = await scan(dir, ['--git']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no findings (scanned 0 commits: 0 files, 0.0 kB added)\n');
    write(dir, 'a.env', `PASSWORD=${PASSWORD}\n`);
    git(dir, 'add', 'a.env');
    expect(where(await scan(dir, ['--staged', '--format', 'json']))).toEqual(['staged a.env:1:10 password-assignment']);
  });
});

describe('logveil scan --git: reports, baselines and allowlists', () => {
  it('SARIF: the commit and date in the result properties, partialFingerprints stable across runs', async () => {
    const { dir, added } = story();
    const run = async () => {
      const r = await scan(dir, ['--git', '--format', 'sarif'], { LOGVEIL_FINGERPRINT_KEY: KEY });
      expect(r.code).toBe(1);
      return JSON.parse(r.stdout) as { runs: { results: { partialFingerprints: Record<string, string>; properties: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    };
    const a = await run();
    const b = await run();
    const result = a.runs[0]!.results[0]!;
    expect(result.properties).toEqual({ excerpt: 'PASSWORD=[REDACTED:password-assignment]', commit: added, date: expect.stringMatching(/^2026-01-/) });
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('config/app.env');
    expect(result.locations[0]!.physicalLocation.region.startLine).toBe(2);
    expect(result.partialFingerprints['logveil/v1']).toMatch(/^[0-9a-f]{8}$/);
    expect(b.runs[0]!.results[0]!.partialFingerprints).toEqual(result.partialFingerprints);
  });

  it('a baseline, an inline logveil:allow and allowPaths apply to history as to files', async () => {
    const { dir } = story();
    commit(dir, 'allowed', { 'test/fixture.env': `PASSWORD=${OTHER_PASSWORD}\n`, 'docs/x.env': `PASSWORD=${OTHER_PASSWORD} # logveil:allow\n` });
    const env = { LOGVEIL_FINGERPRINT_KEY: KEY };
    const first = await scan(dir, ['--git', '--format', 'json'], env);
    // The staged password was committed with them: config/app.env holds two, in two commits.
    expect(json(first).findings.map((f) => f.path)).toEqual(['config/app.env', 'config/app.env', 'test/fixture.env']);
    expect(json(first).summary.suppressed.inline).toBe(1);
    writeFileSync(join(dir, '..', `${dir.split('/').pop()}-baseline.json`), first.stdout);
    const baseline = join(dir, '..', `${dir.split('/').pop()}-baseline.json`);
    made.push(baseline);
    const again = await scan(dir, ['--git', '--baseline', baseline, '--format', 'json'], env);
    expect(again.code).toBe(0);
    expect(json(again).summary.suppressed.baseline).toBe(3);
    const config = join(dir, '..', `${dir.split('/').pop()}-config.json`);
    made.push(config);
    writeFileSync(config, JSON.stringify({ scan: { allowPaths: ['test/**'] } }));
    const allowed = await scan(dir, ['--git', '--config', config, '--format', 'json'], env);
    expect(json(allowed).findings.map((f) => f.path)).toEqual(['config/app.env', 'config/app.env']);
    expect(json(allowed).summary.allowedPaths).toBe(1);
  });
  it('.gitleaksignore: commit:path:rule:line matches in that commit only, path:rule:line in any', async () => {
    const { dir, added, deleted } = story();
    const ignore = (text: string) => writeFileSync(join(dir, '.gitleaksignore'), text);
    ignore(`${deleted}:config/app.env:password-assignment:2\n`);
    expect((await scan(dir, ['--git'])).code).toBe(1); // another commit's entry
    ignore(`${added.slice(0, 10)}:config/app.env:password-assignment:2\n`);
    const byCommit = await scan(dir, ['--git', '--format', 'json']);
    expect(byCommit.code).toBe(0);
    expect(json(byCommit).summary.suppressed).toMatchObject({ gitleaksIgnore: 1 });
    ignore('config/app.env:password-assignment:2\n');
    expect((await scan(dir, ['--git'])).code).toBe(0);
  });
});

describe('logveil scan --git: errors', () => {
  it('outside a repository: exit 2 and one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logveil-nogit-'));
    made.push(dir);
    for (const flag of ['--git', '--staged']) {
      const r = await scan(dir, [flag], { GIT_CEILING_DIRECTORIES: dirname(dir) });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`logveil scan: ${flag}: not in a git repository\n`);
    }
  });

  it('a revision that names no commit, or looks like an option, is refused before git log runs (exit 2)', async () => {
    const { dir } = story();
    const bad = await scan(dir, ['--git', '--since', 'no-such-branch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('logveil scan: --since: no such commit in this repository\n');
    const out = join(dir, 'injected.txt');
    const injected = await scan(dir, ['--git', `--branch=--output=${out}`]);
    expect(injected.code).toBe(2);
    expect(injected.stderr).toBe("logveil scan: --branch needs a revision (a commit, branch or tag), not an option\nTry 'logveil scan --help'.\n");
    expect(existsSync(out)).toBe(false);
    const blob = git(dir, 'rev-parse', 'HEAD:README.md');
    expect((await scan(dir, ['--git', '--branch', blob])).stderr).toBe('logveil scan: --branch: no such commit in this repository\n');
  });

  it('flags that go together are checked (exit 2 with the help hint)', async () => {
    const { dir } = story();
    for (const [args, message] of [
      [['--since', 'HEAD'], '--since goes with --git'],
      [['--staged', '--all'], '--all goes with --git'],
      [['--git', '--staged'], '--git and --staged cannot be used together'],
      [['--git', '--all', '--branch', 'main'], '--branch and --all cannot be used together'],
      [['--git', '-'], '--git reads the repository, not standard input ("-")'],
    ] as const) {
      const r = await scan(dir, args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`logveil scan: ${message}\nTry 'logveil scan --help'.\n`);
    }
  });
});

describe('logveil scan --staged in a pre-commit hook', () => {
  it('a hook running it refuses the commit, also for `git commit PATH` (a temporary index)', async () => {
    const dir = repo();
    commit(dir, 'start', { 'a.env': 'LOG=1\n' });
    write(dir, '.git/hooks/pre-commit', `#!/bin/sh\nexec "${process.execPath}" "${bin}" scan --staged\n`);
    execFileSync('chmod', ['+x', join(dir, '.git/hooks/pre-commit')]);
    write(dir, 'a.env', `LOG=1\nPASSWORD=${PASSWORD}\n`);
    // Nothing staged: `git commit a.env` stages a.env in a temporary index the hook must read.
    expect(() => git(dir, 'commit', '-qm', 'leak', 'a.env')).toThrow();
    expect(git(dir, 'log', '--format=%s')).toBe('start');
    write(dir, 'a.env', 'LOG=1\nLEVEL=2\n');
    git(dir, 'commit', '-qm', 'clean', 'a.env');
    expect(git(dir, 'log', '--format=%s')).toBe('clean\nstart');
  });

  it('.pre-commit-hooks.yaml offers the hook by id', () => {
    const hooks = parseYaml(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks).toEqual([expect.objectContaining({ id: 'logveil', entry: 'logveil scan --staged', language: 'node', pass_filenames: false })]);
  });
});

describe('the patch parser', () => {
  /** Parses `patch` pushed in pieces of `size` bytes; returns what it saw, one string per event. */
  function parse(patch: string | Buffer, size = Infinity): string[] {
    const seen: string[] = [];
    const parser = new PatchParser({
      commit: (sha, date) => seen.push(`commit ${sha} ${date}`),
      file: (path) => seen.push(`file ${path}`),
      fileEnd: () => seen.push('end'),
      added: (buf, start, end, line) => seen.push(`${line}: ${buf.toString('utf8', start, end)}`),
    });
    const bytes = Buffer.from(patch);
    for (let i = 0; i < bytes.length; i += Math.min(size, bytes.length)) parser.push(bytes.subarray(i, i + size));
    parser.end();
    return seen;
  }

  it.each([
    ['b/a.txt', 'a.txt'],
    ['b/my file.txt\t', 'my file.txt'],
    ['"b/\\303\\251.txt"', 'é.txt'],
    ['"b/we\\tird\\"q\\\\"', 'we\tird"q\\'],
    ['/dev/null', undefined],
  ])('newSidePath(%j) is %j', (text, path) => {
    expect(newSidePath(Buffer.from(text, 'utf8').toString('latin1'))).toBe(path);
  });

  const patch = [
    '\0aaaa 2026-01-01T00:00:00Z',
    '',
    'diff --git a/x b/x',
    '--- a/x',
    '+++ b/x',
    '@@ -2 +2,3 @@ context',
    '-old',
    '++++ b/y',
    '+diff --git a/z b/z',
    '+\0not a commit',
    '\\ No newline at end of file',
    '@@ -9,0 +11 @@',
    '+eleven',
    'diff --cc m',
    '--- a/m',
    '+++ b/m',
    '@@@ -1,1 -1,0 +1,2 @@@',
    ' +from one side',
    '++own line',
    '',
  ].join('\n');
  const expected = ['commit aaaa 2026-01-01T00:00:00Z', 'file x', '2: +++ b/y', '3: diff --git a/z b/z', '4: \0not a commit', '11: eleven', 'end', 'file m', '2: own line', 'end'];

  it('reads hunks by their line counts (content that looks like a header is content), combined diffs by their columns', () => {
    expect(parse(patch)).toEqual(expected);
  });

  it('gives the same events whatever the chunk sizes', () => {
    for (const size of [1, 2, 3, 7, 64]) expect(parse(patch, size)).toEqual(expected);
  });

  it('hands on a line longer than its bound in pieces with one line number, and counts it off its hunk once', () => {
    const long = 'x'.repeat(MAX_PATCH_LINE + 10);
    const seen = parse(`+++ b/big\n@@ -1,1 +1,2 @@\n-${long}\n+${long}\n+next\n`, 1024 * 1024);
    expect(seen.filter((s) => s.startsWith('1: ')).reduce((n, s) => n + s.length - 3, 0)).toBe(long.length);
    expect(seen.slice(-2)).toEqual(['2: next', 'end']);
  });
});

describe('added lines → findings (in process, the scan’s own content scanner)', () => {
  const scanner = createContentScanner({ fingerprintKey: KEY });
  const c1 = { sha: 'a'.repeat(40), date: '2026-01-01T00:00:00Z' };
  const c2 = { sha: 'b'.repeat(40), date: '2026-01-02T00:00:00Z' };
  const addLine = (lines: AddedLines, text: string | Buffer, n: number) => {
    const b = Buffer.from(text);
    lines.add(b, 0, b.length, n);
  };
  const at = (lines: AddedLines) => [...lines.byPath.values()].flatMap((t) => t.findings.map((f) => `${f.commit?.sha[0] ?? '-'} ${f.path}:${f.line}:${f.column} ${f.ruleId}`));

  it('maps findings back through thousands of hunks across batches: path, commit and new-file line', () => {
    const lines = new AddedLines(scanner, () => false);
    const expected: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const commit = i % 2 === 0 ? c1 : c2;
      const path = `dir/f${i % 7}.env`;
      lines.file(path, commit);
      // Two hunks per file diff: clean lines (~400 bytes), then one with the secret.
      for (let n = 0; n < 5; n++) addLine(lines, `LOG_LEVEL_${n}=info and some padding to make the batch fill up past one mebibyte ${i}`, 10 + n);
      addLine(lines, `PASSWORD=${PASSWORD}`, 100 + i);
      lines.fileEnd();
      expected.push(`${commit.sha[0]} ${path}:${100 + i}:10 password-assignment`);
    }
    lines.end();
    const found = at(lines);
    expect(found.length).toBe(3000);
    expect(new Set(found)).toEqual(new Set(expected));
    expect([...lines.byPath.values()].reduce((n, t) => n + t.bytes, 0)).toBeGreaterThan(1024 * 1024); // more than one batch
  });

  it('a hunk longer than a block is cut between lines, never inside a PEM key, and keeps its line numbers', () => {
    const lines = new AddedLines(scanner, () => false);
    lines.file('big.txt', c1);
    const filler = Buffer.from('x'.repeat(99));
    const total = 9 * 1024 * 1024 / 100; // ~9 MiB of 100-byte lines: one cut
    const pemAt = Math.floor(8 * 1024 * 1024 / 100) - 2; // the key straddles the first cut
    let n = 1;
    for (; n < pemAt; n++) addLine(lines, filler, n);
    addLine(lines, '-----BEGIN RSA PRIVATE KEY-----', n++);
    for (let k = 0; k < 6; k++) addLine(lines, PEM_BODY, n++);
    addLine(lines, '-----END RSA PRIVATE KEY-----', n++);
    for (; n < total; n++) addLine(lines, filler, n);
    addLine(lines, `PASSWORD=${PASSWORD}`, n);
    lines.fileEnd();
    lines.end();
    expect(at(lines)).toEqual([`a big.txt:${pemAt + 1}:1 private-key`, `a big.txt:${n}:10 password-assignment`]);
    // The whole key, as one piece: the same fingerprint as the key scanned alone.
    const alone = new AddedLines(scanner, () => false);
    alone.file('key.txt', c1);
    ['-----BEGIN RSA PRIVATE KEY-----', ...Array.from({ length: 6 }, () => PEM_BODY), '-----END RSA PRIVATE KEY-----'].forEach((l, i) => addLine(alone, l, i + 1));
    alone.end();
    const fingerprint = (a: AddedLines, ruleId: string) => [...a.byPath.values()].flatMap((t) => t.findings).find((f) => f.ruleId === ruleId)?.fingerprint;
    expect(fingerprint(lines, 'private-key')).toBe(fingerprint(alone, 'private-key'));
  });

  it('a file whose first 8000 added bytes hold a NUL is dropped as binary, lines already gathered included', () => {
    const lines = new AddedLines(scanner, () => false);
    lines.file('blob.bin', c1);
    addLine(lines, `PASSWORD=${PASSWORD}`, 1);
    addLine(lines, '\0\x01', 2);
    addLine(lines, `PASSWORD=${PASSWORD}`, 3);
    lines.fileEnd();
    lines.file('text.env', c1);
    addLine(lines, `PASSWORD=${PASSWORD}`, 7);
    lines.fileEnd();
    lines.end();
    expect(at(lines)).toEqual(['a text.env:7:10 password-assignment']);
    expect([...lines.binary]).toEqual(['blob.bin']);
  });

  it('a PEM key left open at the end of a hunk does not read on into the next file', () => {
    const lines = new AddedLines(scanner, () => false);
    lines.file('a.txt', c1);
    addLine(lines, '-----BEGIN RSA PRIVATE KEY-----', 1);
    lines.fileEnd();
    lines.file('b.txt', c1);
    for (let k = 0; k < 3; k++) addLine(lines, PEM_BODY, 1 + k);
    lines.fileEnd();
    lines.end();
    expect(at(lines)).toEqual([]);
  });
});
