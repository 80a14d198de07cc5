/**
 * The report reader of `logveil incidents` (src/cli/incidents/reportLines.ts): how a report is
 * cut into chunks never changes the lines read, and a line past the bound is dropped as it
 * arrives and reported as too long — the lines after it are read as usual.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportLines, type ReportLine } from '../../src/cli/incidents/reportLines.js';

async function collect(chunks: Iterable<Buffer | string>, max?: number): Promise<ReportLine[]> {
  async function* source() {
    yield* chunks;
  }
  const out: ReportLine[] = [];
  for await (const line of reportLines(source(), max)) out.push(line);
  return out;
}

/** The lines a plain split gives: numbered, CR dropped, blank ones left out, too long ones marked. */
function naive(text: string, max: number): ReportLine[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out: ReportLine[] = [];
  lines.forEach((l, k) => {
    const line = l.endsWith('\r') ? l.slice(0, -1) : l;
    if (Buffer.byteLength(line) > max) out.push({ number: k + 1, tooLong: true });
    else if (line.trim() !== '') out.push({ number: k + 1, text: line });
  });
  return out;
}

/** `buf` cut at `cuts` (positions, any order, duplicates allowed). */
function cut(buf: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const c of [...at, buf.length]) {
    pieces.push(buf.subarray(from, c));
    from = c;
  }
  return pieces;
}

describe('reportLines', () => {
  it('reads the same lines however the report is cut into chunks', async () => {
    const line = fc.oneof(fc.constantFrom('', ' ', '{"a":1}', 'é€😀'), fc.string({ maxLength: 40, unit: 'grapheme' }).map((s) => s.replace(/\n/g, ' ')));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 4, max: 24 }), async (lines, crlf, finalNewline, cuts, max) => {
        const text = lines.join(crlf ? '\r\n' : '\n') + (finalNewline && lines.length > 0 ? '\n' : '');
        expect(await collect(cut(Buffer.from(text), cuts), max)).toEqual(naive(text, max));
      }),
      { numRuns: 300 },
    );
  });

  it('drops a long line as it arrives and goes on with the next', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    // 40 MiB in one line, in 1 MiB chunks; the next line arrives in the last chunk.
    const chunks = [Buffer.from('{"first":1}\n'), ...Array.from({ length: 40 }, () => chunk), Buffer.from('x\n{"after":2}\n')];
    expect(await collect(chunks)).toEqual([
      { number: 1, text: '{"first":1}' },
      { number: 2, tooLong: true },
      { number: 3, text: '{"after":2}' },
    ]);
  });

  it('counts a CR before the line break out of the bound, and a line one byte over it in', async () => {
    expect(await collect(['abcd\r\nabcde\n'], 4)).toEqual([{ number: 1, text: 'abcd' }, { number: 2, tooLong: true }]);
    expect(await collect(['abcd\r', '\n', 'abcde'], 4)).toEqual([{ number: 1, text: 'abcd' }, { number: 2, tooLong: true }]);
  });
});
