/**
 * Multi-line PEM private keys: a `-----BEGIN … PRIVATE KEY-----` header alone on its line
 * opens a block whose following lines are key material until the matching END line.
 * Rules see one line at a time and cannot tell a base64 body line from any other, so the
 * stream layer tracks the block and masks every body line. It learns of candidate header
 * lines from the matcher (the lines where the private-key rule's keyword occurs).
 */

const MARKER = Buffer.from('PRIVATE KEY');
const BEGIN = Buffer.from('-----BEGIN ');
const END = Buffer.from('-----END ');

/** Lines masked at most in one block before the stream gives up waiting for END (fail closed: all of them were masked). */
export const PEM_BLOCK_MAX_LINES = 1000;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

/**
 * True when `line` (without its `\n`) ends with a BEGIN header of a private key and nothing
 * but whitespace after it: the key body follows on the next lines.
 */
export function opensPemBlock(line: Buffer): boolean {
  let end = line.length;
  while (end > 0 && isSpace(line[end - 1]!)) end--;
  if (end < 5 || line[end - 1] !== 0x2d || line[end - 5] !== 0x2d) return false; // "-----" tail
  const begin = line.lastIndexOf(BEGIN, end - 1);
  if (begin === -1) return false;
  const label = line.subarray(begin + BEGIN.length, end).toString('latin1');
  return /^[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----$/.test(label);
}

/** True when `line` holds the END footer of a private key. */
export function closesPemBlock(line: Buffer): boolean {
  const at = line.indexOf(END);
  return at !== -1 && line.indexOf(MARKER, at) !== -1;
}
