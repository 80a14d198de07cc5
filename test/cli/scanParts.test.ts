/**
 * The parts of `logveil scan` that are easier to pin down in process: masked excerpts, PEM
 * bodies, the progress bar (and, through a real pseudo-terminal, that the CLI draws it only
 * on a terminal).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX, maskedExcerpt } from '../../src/cli/scan/excerpt.js';
import { findPemBodies, pemFingerprintBytes } from '../../src/cli/scan/pemBlocks.js';
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

  it('ignores public keys, certificates and a header with text after it', () => {
    const text = `${pem('PUBLIC KEY', 'AAAA')}${pem('CERTIFICATE', 'BBBB')}-----BEGIN RSA PRIVATE KEY----- trailing\nCCCC\n`;
    expect(findPemBodies(Buffer.from(text))).toEqual([]);
  });

  it('takes an unterminated block to the end of the input, and a CRLF body without its CRs', () => {
    const text = '-----BEGIN EC PRIVATE KEY-----\r\nAAAA\r\nBBBB\r\n';
    const [b] = findPemBodies(Buffer.from(text));
    expect(text.slice(b!.start, b!.end)).toBe('AAAA\r\nBBBB');
    expect(pemFingerprintBytes(Buffer.from(text.slice(b!.start, b!.end))).toString()).toBe('AAAABBBB');
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
