/**
 * Issue 15, "a CLI that speaks plainly": what the sidecar and `logveil scan` say when the
 * command line is wrong or the system refuses, as real child processes from the build.
 *
 * - a typo'd option is named, with the nearest known one, never Node's raw parseArgs text;
 *   something that does not look like an option name is not echoed, nor a value after `=`;
 * - an error about an option names the flag typed (`--rules`), or the config file's key;
 * - system errors in words (`no such file or directory (ENOENT)`);
 * - the `--help` hint after every usage error, and after no other;
 * - `--version`, `-V` and `-v` for both commands.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainSystemWords, systemErrorText } from '../../src/cli/cliError.js';
import { closestOption } from '../../src/cli/config.js';
import { logveil, tempFiles } from './support.js';

const { dir, file } = tempFiles('logveil-plain-words-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const HINT = "Try 'logveil --help'.";
const SCAN_HINT = "Try 'logveil scan --help'.";
/** A value someone might paste where a flag goes: it must never be printed. */
const TOKEN = 'ghp_Zq8vT2mW9kR4pL7xNq3fH6jB1cY5dE0gA2sU';

/** stderr as lines, without the empty one after the last newline. */
const lines = (stderr: string) => stderr.split('\n').slice(0, -1);

describe('a typo\'d option', () => {
  it.each([
    [['--maks', 'redact'], 'logveil: unknown option --maks (did you mean --mask?)', HINT],
    [['--stat'], 'logveil: unknown option --stat (did you mean --stats?)', HINT],
    [['--max', '4096'], 'logveil: unknown option --max (did you mean --max-line-length?)', HINT],
    [['--frobnicate'], 'logveil: unknown option --frobnicate', HINT],
    [['scan', '--fromat', 'json'], 'logveil scan: unknown option --fromat (did you mean --format?)', SCAN_HINT],
    [['scan', '--baselin', 'b.json'], 'logveil scan: unknown option --baselin (did you mean --baseline?)', SCAN_HINT],
  ])('%j: the option, the nearest known one, and the hint', async (args, line, hint) => {
    const r = await logveil(args, '');
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(lines(r.stderr)).toEqual([line, hint]);
  });

  it.each([
    ['a token where a flag goes', [`--${TOKEN}`]],
    ['a long run of letters', [`--${'abcdefghij'.repeat(4)}`]],
    ['a token in scan', ['scan', `--${TOKEN}`]],
  ])('%s is not echoed', async (_what, args) => {
    const r = await logveil(args, '');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toMatch(/unknown option \(not shown: it does not look like an option name\)$/);
    expect(r.stderr).not.toContain(args.at(-1)!.slice(2, 14));
  });

  it('a value after = is never echoed, only the option name', async () => {
    const r = await logveil([`--password=${TOKEN}`], '');
    expect(lines(r.stderr)).toEqual(['logveil: unknown option --password', HINT]);
  });

  it.each([
    [['--mask'], 'logveil: --mask needs a value'],
    [['-o', '--stats'], 'logveil: --output needs a value, and the argument after it begins with "-" (write --output=… for a value that does)'],
    [['--stats=yes'], 'logveil: --stats takes no value'],
    [['scan', '--format'], 'logveil scan: --format needs a value'],
  ])('%j: the flag, in words', async (args, line) => {
    const r = await logveil(args, '');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toBe(line);
    expect(r.stderr).not.toMatch(/Option '|argument missing|'-- "/);
  });

  it.each([
    ['maks', ['mask', 'stats'], 'mask'],
    ['rule', ['rules', 'rule-file'], 'rules'], // both close: the first one it begins
    ['max', ['mask', 'max-line-length'], 'max-line-length'], // one it begins beats two edits
    ['zz', ['mask'], undefined],
    ['x', ['o'], undefined],
  ] as const)('closestOption(%j) is %j', (typed, names, meant) => {
    expect(closestOption(typed, names)).toBe(meant);
  });
});

describe('an error about an option names it as the user wrote it', () => {
  it.each([
    [['--rules', 'nosuchrule'], 'logveil: --rules entry #1 is neither a rule id nor a tag (the entry itself is not shown)'],
    [['--disable', 'jwt,nosuchrule'], 'logveil: --disable entry #2 is neither a rule id nor a tag (the entry itself is not shown)'],
    [['--max-line-length', '10'], 'logveil: --max-line-length must be an integer ≥ 1024'],
    [['--mask', 'blur'], 'logveil: --mask must be one of redact, label, partial, hash, fixed, remove'],
    [['scan', '--rules', 'nosuchrule', 'no-such-path'], 'logveil scan: --rules entry #1 is neither a rule id nor a tag (the entry itself is not shown)'],
  ])('%j', async (args, line) => {
    const r = await logveil(args, '');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([line, args[0] === 'scan' ? SCAN_HINT : HINT]);
    expect(r.stderr).not.toMatch(/option "|maxLineLength|nosuchrule/);
  });

  it('names the config file\'s key for a value from the file, and counts a flag\'s entries after the file\'s', async () => {
    const config = file('config.json', JSON.stringify({ enable: ['jwt', 'nosuchrule'] }));
    const fromFile = await logveil(['--config', config], '');
    expect(lines(fromFile.stderr)).toEqual([`logveil: config file ${config}: "enable" entry #2 is neither a rule id nor a tag (the entry itself is not shown)`]);
    const sizes = file('sizes.json', JSON.stringify({ maxLineLength: 10 }));
    expect(lines((await logveil(['--config', sizes], '')).stderr)).toEqual([`logveil: config file ${sizes}: "maxLineLength" must be an integer ≥ 1024`]);
    const both = file('both.json', JSON.stringify({ enable: ['jwt'] }));
    expect(lines((await logveil(['--config', both, '--rules', 'aws,nosuchrule'], '')).stderr)[0]).toBe('logveil: --rules entry #2 is neither a rule id nor a tag (the entry itself is not shown)');
  });
});

describe('system errors in words, the hint only after usage errors', () => {
  it.each([
    ['a missing input', () => [join(dir, 'missing.log')], /^logveil: cannot read .*missing\.log: no such file or directory \(ENOENT\)$/],
    ['an output that is a directory', () => ['-o', dir], /^logveil: cannot write .*: is a directory \(EISDIR\)$/],
    ['a missing --known-file', () => ['--known-file', join(dir, 'missing-secret')], /^logveil: --known-file: cannot read known secret .*missing-secret: no such file or directory \(ENOENT\)$/],
    ['a missing --config', () => ['--config', join(dir, 'missing.json')], /^logveil: cannot read config file .*missing\.json: no such file or directory \(ENOENT\)$/],
    ['a missing scan path', () => ['scan', join(dir, 'missing-dir')], /^logveil scan: cannot read .*missing-dir: no such file or directory \(ENOENT\)$/],
    ['a missing scan --known-file', () => ['scan', '--known-file', join(dir, 'missing-secret'), dir], /^logveil scan: --known-file: cannot read known secret .*: no such file or directory \(ENOENT\)$/],
  ])('%s: one line, in words, no hint', async (_what, args, line) => {
    const r = await logveil(args(), 'x\n');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(lines(r.stderr)[0]).toMatch(line);
  });

  it.each([
    [['--workers', '99']],
    [['--rotation-grace', 'a while']],
    [['--metrics', 'localhost']],
    [['scan', '--format', 'xml']],
    [['scan', '--workers', 'lots']],
    [['scan', '--baseline', 'b.json']],
  ])('%j: a usage error, followed by the hint', async (args) => {
    const r = await logveil(args, '');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(2);
    expect(lines(r.stderr)[1]).toBe(args[0] === 'scan' ? SCAN_HINT : HINT);
  });

  it.each([
    [{ code: 'ENOENT' }, 'no such file or directory (ENOENT)'],
    [{ code: 'EACCES' }, 'permission denied (EACCES)'],
    [{ code: 'EADDRINUSE' }, 'address already in use (EADDRINUSE)'],
    [{ code: 'EISDIR' }, 'is a directory (EISDIR)'],
    [{ code: 'E_NOT_A_CODE' }, 'E_NOT_A_CODE'],
  ])('systemErrorText(%j)', (err, text) => {
    expect(systemErrorText(Object.assign(new Error('m'), err))).toBe(text);
  });

  it.each([
    ['cannot read a.log: ENOENT', 'cannot read a.log: no such file or directory (ENOENT)'],
    ['cannot read a.log: no such file or directory (ENOENT)', 'cannot read a.log: no such file or directory (ENOENT)'], // said once
    ['x: EACCES; findings are no longer reported', 'x: permission denied (EACCES); findings are no longer reported'],
    ['cannot read ENOENT.log: a FIFO', 'cannot read ENOENT.log: a FIFO'], // a name is not a code
  ])('plainSystemWords(%j)', (message, text) => {
    expect(plainSystemWords(message)).toBe(text);
  });
});

describe('--version, -V and -v for both commands', () => {
  it.each([[['--version']], [['-V']], [['-v']], [['scan', '--version']], [['scan', '-V']], [['scan', '-v']]])('%j prints the version, exit 0', async (args) => {
    const r = await logveil(args, '');
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe(`logveil ${VERSION}\n`);
    expect(r.stderr).toBe('');
  });

  it('-v after -- is a file name, not the version', async () => {
    const r = await logveil(['--', '-v'], '');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toMatch(/^logveil: cannot read -v: no such file or directory \(ENOENT\)$/);
  });
});
