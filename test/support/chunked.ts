/** Feeding a redactor's stream core in chunks cut at given offsets, as a pipe would. */
import type { Redactor } from '../../src/index.js';
import { LineRedactor } from '../../src/stream/lineRedactor.js';

/** `text` through a `LineRedactor` of `redactor`, pushed in pieces cut at `cuts` (any order, any offsets). */
export function redactInChunks(redactor: Redactor, text: string | Buffer, cuts: readonly number[]): string {
  const lr = new LineRedactor(redactor);
  const input = typeof text === 'string' ? Buffer.from(text) : text;
  const out: Uint8Array[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const c = Math.min(cut, input.length);
    if (c <= at) continue;
    out.push(...lr.push(input.subarray(at, c)));
    at = c;
  }
  out.push(...lr.push(input.subarray(at)), ...lr.flush());
  return Buffer.concat(out).toString();
}
