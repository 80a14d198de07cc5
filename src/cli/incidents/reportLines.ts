/**
 * The lines of an NDJSON report, read as a stream: memory holds one line at a time, never a
 * whole report. A line longer than `MAX_REPORT_LINE` bytes is not a finding logveil wrote (one
 * is about 200 bytes): its bytes are dropped as they arrive, up to its end, and it is handed
 * on as `tooLong` — so a report with a gigabyte on one line (a log passed by mistake) costs no
 * more memory than one with short lines.
 */

/** Longest report line read, in bytes (its line break excluded). */
export const MAX_REPORT_LINE = 64 * 1024;

/** One line: its text (without the line break, a trailing CR dropped), or that it was too long. */
export type ReportLine = { readonly number: number; readonly text: string; readonly tooLong?: undefined } | { readonly number: number; readonly tooLong: true; readonly text?: undefined };

const LF = 0x0a;

/**
 * Splits `chunks` into lines (LF or CRLF); blank lines are numbered but not handed on. The last
 * line needs no line break.
 *
 * @example
 * for await (const line of reportLines(createReadStream('findings.ndjson'))) if (!line.tooLong) JSON.parse(line.text);
 */
export async function* reportLines(chunks: AsyncIterable<Buffer | string>, max: number = MAX_REPORT_LINE): AsyncGenerator<ReportLine> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let dropping = false; // inside a line already past `max`
  let number = 0;
  const finish = (): ReportLine | undefined => {
    number++;
    if (dropping) {
      dropping = false;
      return { number, tooLong: true };
    }
    const bytes = held.length === 1 ? held[0]! : Buffer.concat(held, heldBytes);
    held = [];
    heldBytes = 0;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    if (end > max) return { number, tooLong: true };
    const text = bytes.toString('utf8', 0, end);
    return text.trim() === '' ? undefined : { number, text };
  };
  const keep = (piece: Buffer) => {
    if (dropping || piece.length === 0) return;
    if (heldBytes + piece.length > max + 1) {
      // +1: a CR before the LF is not counted against the line's length
      dropping = true;
      held = [];
      heldBytes = 0;
      return;
    }
    held.push(piece);
    heldBytes += piece.length;
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let lf = buf.indexOf(LF, from); lf !== -1; lf = buf.indexOf(LF, from)) {
      // Copied: a slice would keep the whole chunk alive as long as the line is held.
      keep(held.length === 0 ? buf.subarray(from, lf) : Buffer.from(buf.subarray(from, lf)));
      const line = finish();
      if (line !== undefined) yield line;
      from = lf + 1;
    }
    if (from < buf.length) keep(Buffer.from(buf.subarray(from)));
  }
  if (heldBytes > 0 || dropping) {
    const line = finish();
    if (line !== undefined) yield line;
  }
}
