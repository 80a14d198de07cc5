/**
 * The parts of `logveil scan` that are easier to pin down in process: masked excerpts, PEM
 * bodies and where a block may be cut around them, reading in blocks, JSON error messages,
 * the progress bar (and, through a real pseudo-terminal, that the CLI draws it only on a
 * terminal).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContentScanner } from '../../src/cli/scan/contentScanner.js';
import { EXCERPT_MAX, maskedExcerpt, printable } from '../../src/cli/scan/excerpt.js';
import { jsonErrorPlace } from '../../src/cli/jsonFile.js';
import { findPemBodies, pemFingerprintBytes, pemSafeCut } from '../../src/cli/scan/pemBlocks.js';
import { LineBlocks, SCAN_BLOCK } from '../../src/cli/scan/scanInput.js';
import { createProgressBar, progressLine } from '../../src/cli/scan/progressBar.js';

describe('maskedExcerpt', () => {
  const cases: [string, string, [number, number, string][], number, string][] = [
    ['one secret, indentation trimmed', '    key = "AKIAZZZZZZZZZZZZZZZZ" # aws', [[11, 31, 'aws']], 11, 'key = "[REDACTED:aws]" # aws'],
    ['two secrets, both masked', 'a=SECRET1 b=SECRET2', [[2, 9, 'r1'], [12, 19, 'r2']], 12, 'a=[REDACTED:r1] b=[REDACTED:r2]'],
    ['a span from a line above (PEM body) masks the line', 'ABCDEF', [[-10, 6, 'private-key']], -10, '[REDACTED:private-key]'],
    ['CR of a CRLF line dropped, tabs as spaces', 'x\tSECRET\r', [[2, 8, 'r']], 2, 'x [REDACTED:r]'],
    ['terminal escapes and bidi overrides replaced', '\u001b[2Jx SECRET \u202eevil', [[6, 12, 'r']], 6, '\ufffd[2Jx [REDACTED:r] \ufffdevil'],
  ];
  it.each(cases)('%s', (_name, line, spans, focus, expected) => {
    // Offsets in the table are relative to the line; the buffer puts the line after 10 bytes.
    const buf = Buffer.concat([Buffer.from('0123456789'), Buffer.from(line), Buffer.from('\nnext')]);
    const start = 10;
    const end = start + Buffer.byteLength(line);
    const ms = spans.map(([s, e, ruleId]) => ({ start: start + s, end: start + e, ruleId }));
    expect(maskedExcerpt(buf, start, end, ms, start + focus)).toBe(expected);
  });

  it('cuts a long line around the finding, never showing the secret', () => {
    const secret = 'S'.repeat(30);
    const line = `${'a'.repeat(1000)}${secret}${'b'.repeat(1000)}`;
    const buf = Buffer.from(line);
    const out = maskedExcerpt(buf, 0, buf.length, [{ start: 1000, end: 1030, ruleId: 'r' }], 1000);
    expect(out).not.toContain('SSS');
    expect(out.length).toBeLessThanOrEqual(EXCERPT_MAX + 2);
    expect(out).toMatch(/^…a{40}\[REDACTED:r\]b+…$/);
  });

  it('never leaves half a surrogate pair at a cut', () => {
    const line = `${'😀'.repeat(200)}SECRET`;
    const buf = Buffer.from(line);
    const at = buf.length - 6;
    const out = maskedExcerpt(buf, 0, buf.length, [{ start: at, end: buf.length, ruleId: 'r' }], at);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/); // well-formed UTF-16
    expect(out.endsWith('[REDACTED:r]')).toBe(true);
  });
});

describe('findPemBodies', () => {
  const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

  it('finds each block from its first body line to the end of its last one', () => {
    const text = `x\n${pem('RSA PRIVATE KEY', 'AAAA\nBBBB')}y\n${pem('PRIVATE KEY', 'CCCC')}`;
    const bodies = findPemBodies(Buffer.from(text));
    expect(bodies.map((b) => text.slice(b.start, b.end))).toEqual(['AAAA\nBBBB', 'CCCC']);
    expect(text.slice(bodies[0]!.headerStart).startsWith('-----BEGIN RSA')).toBe(true);
  });

  it('ignores public keys, certificates, and a header with text after it unless a body line follows', () => {
    const text = `${pem('PUBLIC KEY', 'AAAA')}${pem('CERTIFICATE', 'BBBB')}-----BEGIN RSA PRIVATE KEY----- trailing\nCCCC\nmissing -----BEGIN RSA PRIVATE KEY----- header\nnot a body line\n`;
    expect(findPemBodies(Buffer.from(text))).toEqual([]);
  });

  it('finds a key whose header carries a comment (a trailing comment must not hide a key from the gate)', () => {
    const body = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun';
    const text = `-----BEGIN RSA PRIVATE KEY----- # test key, logveil:allow\n${body}\n-----END RSA PRIVATE KEY-----\n`;
    expect(findPemBodies(Buffer.from(text)).map((b) => text.slice(b.start, b.end))).toEqual([body]);
  });

  it('finds a key logged one line per JSON entry, from its first base64 byte to its last, as the stream masks it', () => {
    const body = ['MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4q3N', 'Zq8vT2mW9kR4pL7xNq3fYb1cD5eG6hJ0kL2mN4pQ=='];
    const entry = (msg: string) => `{"level":30,"msg":"${msg}"}`;
    const text = ['x', entry('-----BEGIN RSA PRIVATE KEY-----'), ...body.map(entry), entry('-----END RSA PRIVATE KEY-----'), 'y', ''].join('\n');
    const [b, more] = findPemBodies(Buffer.from(text));
    expect(more).toBeUndefined();
    expect(text.slice(b!.start, b!.end)).toBe(`${body[0]}"}\n{"level":30,"msg":"${body[1]}`);
    expect(text.slice(b!.headerStart).startsWith('{"level":30,"msg":"-----BEGIN')).toBe(true);
  });

  it('finds the body lines after a body glued to its BEGIN line (the rule reports that line)', () => {
    const text = '-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nAAAABBBB\n-----END PRIVATE KEY-----\n';
    expect(findPemBodies(Buffer.from(text)).map((b) => text.slice(b.start, b.end))).toEqual(['AAAABBBB']);
  });

  it('does not take a header mentioned in a log entry for a key', () => {
    const text = '{"msg":"expected -----BEGIN RSA PRIVATE KEY-----"}\n{"msg":"MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1x"}\n';
    expect(findPemBodies(Buffer.from(text))).toEqual([]);
  });

  it('takes an unterminated block to the end of the input, and a CRLF body without its CRs', () => {
    const text = '-----BEGIN EC PRIVATE KEY-----\r\nAAAA\r\nBBBB\r\n';
    const [b] = findPemBodies(Buffer.from(text));
    expect(text.slice(b!.start, b!.end)).toBe('AAAA\r\nBBBB');
    expect(pemFingerprintBytes(Buffer.from(text.slice(b!.start, b!.end))).toString()).toBe('AAAABBBB');
  });
});

describe('pemSafeCut', () => {
  const BEGIN = '-----BEGIN RSA PRIVATE KEY-----';
  const END = '-----END RSA PRIVATE KEY-----';
  const WHOLE = -1;
  const cases: [string, string, number][] = [
    ['no key: the whole buffer', 'a\nb\n', WHOLE],
    ['a closed key: the whole buffer', `a\n${BEGIN}\nMIIE\n${END}\n`, WHOLE],
    ['the BEGIN line last: before the line above it', `a\nb\n${BEGIN}\n`, 2],
    ['an open body: before the line above its BEGIN line', `a\nb\n${BEGIN}\nMIIE\nAAAA\n`, 2],
    ['the BEGIN line second: before the BEGIN line', `a\n${BEGIN}\nMIIE\n`, 2],
    ['an empty line above the BEGIN line, second', `\n${BEGIN}\nMIIE\n`, 1],
    ['the BEGIN line first: the whole buffer (reported from it)', `${BEGIN}\nMIIE\n`, WHOLE],
    ['a public key: the whole buffer', 'a\nb\n-----BEGIN PUBLIC KEY-----\nMIIE\n', WHOLE],
    ['an open key logged one line per entry: before the line above its BEGIN entry', `a\nb\n{"msg":"${BEGIN}"}\n{"msg":"MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1x"}\n`, 2],
    ['a closed key logged one line per entry: the whole buffer', `a\nb\n{"msg":"${BEGIN}"}\n{"msg":"MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1x"}\n{"msg":"${END}"}\n`, WHOLE],
  ];
  it.each(cases)('%s', (_name, text, cut) => {
    expect(pemSafeCut(Buffer.from(text))).toBe(cut === WHOLE ? text.length : cut);
  });
});

describe('LineBlocks: reading in 8 MiB blocks', () => {
  const scanner = createContentScanner({ fingerprintKey: 'k' });
  const BODY = 'MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\naQwErTyUiOpAsDfGhJkLzXcVbNm1234567890QwErTyUiOpAsDfGhJkLzXcVbNm\n';
  const KEY = `-----BEGIN RSA PRIVATE KEY-----\n${BODY}-----END RSA PRIVATE KEY-----\n`;

  /** Filler lines, then `block` placed so that its byte `at` lands on the block boundary, then a tail. */
  function across(block: string, at: number, above = 'filler above the key\n'): Buffer {
    const head = Buffer.byteLength(above) + at;
    const fillLine = `${'f'.repeat(59)}\n`;
    const fill = fillLine.repeat(Math.floor((SCAN_BLOCK - head) / fillLine.length) - 1);
    const pad = SCAN_BLOCK - head - fill.length;
    return Buffer.from(`${fill}${'p'.repeat(pad - 1)}\n${above}${block}tail\n`);
  }

  // Regression: a key whose BEGIN line was the last complete line of a block was not reported
  // (its body went to the next block without its header). Reading in blocks must find what a
  // scan of the whole buffer finds, wherever the boundary falls in or around the key.
  const headerEnd = KEY.indexOf('\n') + 1;
  const offsets: [string, number][] = [
    ['the line above the key ends at the boundary', 0],
    ['the boundary inside the BEGIN line', 10],
    ['the BEGIN line ends at the boundary', headerEnd],
    ['the BEGIN line ends 10 bytes before the boundary', headerEnd + 10],
    ['the boundary after the first body line', headerEnd + 65],
    ['the boundary inside the END line', KEY.length - 5],
  ];
  it.each(offsets)('finds the key as one scan would when %s', (_name, at) => {
    const data = across(KEY, at);
    const whole = scanner.scan(data, 'f', { offset: 0, line: 1 });
    expect(whole.findings.map((f) => f.ruleId)).toEqual(['private-key']);
    for (const chunk of [SCAN_BLOCK, 64 * 1024]) {
      const lines = new LineBlocks(scanner, 'f');
      for (let i = 0; i < data.length; i += chunk) lines.push(data.subarray(i, i + chunk));
      expect(lines.end()).toEqual(whole);
    }
  });

  it('keeps the inline allow above a key with the key at the boundary', () => {
    const data = across(KEY, headerEnd, 'test key, logveil:allow\n');
    const lines = new LineBlocks(scanner, 'f');
    lines.push(data.subarray(0, SCAN_BLOCK));
    lines.push(data.subarray(SCAN_BLOCK));
    expect(lines.end()).toEqual({ findings: [], allowedInline: 1 });
  });
});

describe('contentScanner', () => {
  const scanner = createContentScanner({ fingerprintKey: 'k' });
  const at = (text: string | Buffer) => scanner.scan(Buffer.from(text), 'f', { offset: 0, line: 1 }).findings.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.excerpt}`);

  it('gives a UTF-8 byte order mark no column', () => {
    const line = 'password=hunter2hunter2\n';
    expect(at(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)]))).toEqual(at(line));
    expect(at(line)).toEqual(['1:10-24 password=[REDACTED:password-assignment]']);
  });
});

describe('printable', () => {
  it('replaces what could move the cursor or fake a line, in paths and messages too', () => {
    expect(printable('a\nfake.txt:1:1  x  \u001b[2K.txt\r')).toBe('a\ufffdfake.txt:1:1  x  \ufffd[2K.txt\ufffd');
  });
});

describe('jsonErrorPlace', () => {
  const cases: [string, string][] = [
    ['Zq8vT2mW9kR4pL7x', ''], // V8 quotes the text and gives no position
    ['{"a": 1,}', ' (at position 8, line 1 column 9)'],
    ['{\n  "a" 1}', ' (at position 8, line 2 column 7)'],
    ['[1] Zq8v', ' (at position 4, line 1 column 5)'],
    ['', ''],
  ];
  it.each(cases)('%j', (text, place) => {
    let err: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    expect(jsonErrorPlace(err, text)).toBe(place);
  });
});

describe('progress bar', () => {
  function sink(isTTY: boolean) {
    const out: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        out.push(chunk.toString());
        cb();
      },
    });
    Object.assign(stream, { isTTY });
    return { stream, out };
  }

  it('draws files and bytes done of the total, then erases itself', () => {
    expect(progressLine(3, 10, 2_500_000, 10_000_000)).toBe('scanning [######..................] 3/10 files, 2.5/10.0 MB');
    expect(progressLine(3, 10, 2_500, 10_000)).toBe('scanning [######..................] 3/10 files, 2.5/10.0 kB');
    const { stream, out } = sink(true);
    const bar = createProgressBar(stream, { files: 2, bytes: 2000 });
    bar.advance(1, 1000);
    bar.done();
    expect(out).toEqual(['\rscanning [############............] 1/2 files, 1.0/2.0 kB\u001b[K', '\r\u001b[K']);
  });

  it('draws nothing when the stream is not a terminal, or with --no-progress', () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const { stream, out } = sink(tty);
      const bar = createProgressBar(stream, { files: 1, bytes: 1 }, enabled);
      bar.advance(1, 1);
      bar.done();
      expect(out).toEqual([]);
    }
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('the CLI draws it on a real terminal and not through a pipe', () => {
    const bin = fileURLToPath(new URL('../../bin/logveil.js', import.meta.url));
    const root = mkdtempSync(join(tmpdir(), 'logveil-tty-'));
    for (let i = 0; i < 20; i++) writeFileSync(join(root, `f${i}.txt`), 'plain text\n'.repeat(100));
    // script(1) runs the command on a pseudo-terminal: stdout and stderr are both a TTY there.
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${bin} scan ${root}`, '/dev/null'], { encoding: 'utf8' });
    expect(tty.stdout).toMatch(/\rscanning \[[#.]{24}\] \d+\/20 files, [\d.]+\/22\.0 kB\u001b\[K/);
    expect(tty.stdout).toContain('\r\u001b[Kno findings'); // erased before the report
    expect(tty.stdout).toContain('no findings (scanned 20 files, 22.0 kB)');
    const piped = spawnSync(process.execPath, [bin, 'scan', root], { encoding: 'utf8' });
    expect(piped.stderr).toBe('');
    const off = spawnSync('script', ['-qec', `${process.execPath} ${bin} scan --no-progress ${root}`, '/dev/null'], { encoding: 'utf8' });
    expect(off.stdout).not.toContain('scanning [');
  });
});
