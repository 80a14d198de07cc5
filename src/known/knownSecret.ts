/**
 * Known secrets: exact values the operator hands in, each with a name. A value is checked
 * before it is used: one shorter than 8 bytes or of very low entropy would mask every
 * `admin` or `aaaaaaaa` in the logs, so it is refused with a warning instead.
 */
import { shannonEntropy } from '../matcher/validators.js';

/**
 * One known secret.
 *
 * @example
 * const secret: KnownSecret = { name: 'STRIPE_KEY', value: process.env.STRIPE_KEY! };
 */
export interface KnownSecret {
  /** What the secret is (a variable or file name): reported in findings, never masked. */
  readonly name: string;
  /** The value. Multi-line values (a PEM key) are matched line by line. */
  readonly value: string | Uint8Array;
}

/** Shortest value (and line of a multi-line value) accepted, in bytes. */
export const MIN_KNOWN_LENGTH = 8;
/** Lowest Shannon entropy accepted, in bits per byte (`abababab` has 1, `aabbccdd` 2). */
export const MIN_KNOWN_ENTROPY = 2.5;

/**
 * A checked secret: its bytes, and for a multi-line value (a PEM key) the lines to look for
 * on their own — a log line can only ever hold one line of it as it is, while its encoded
 * forms (base64, JSON `\n` escapes, URL `%0A`) keep it whole on one line.
 */
export interface CheckedSecret {
  readonly name: string;
  readonly value: Buffer;
  readonly fragments: readonly Buffer[];
}

/** PEM armor lines are the same in every key: never a secret of their own. */
const PEM_ARMOR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;

/** Which floor `value` falls below, if any: the one check for known and learned values. */
function floorFailed(value: Uint8Array): 'length' | 'entropy' | undefined {
  if (value.length < MIN_KNOWN_LENGTH) return 'length';
  if (shannonEntropy(value, 0, value.length) < MIN_KNOWN_ENTROPY) return 'entropy';
  return undefined;
}

/**
 * True when `value` is long and varied enough to be matched wherever it appears (the floors
 * above): a learned value must pass what a known one must.
 *
 * @example
 * passesKnownFloors(Buffer.from('hunter2')); // false: 7 bytes
 */
export function passesKnownFloors(value: Uint8Array): boolean {
  return floorFailed(value) === undefined;
}

function refusal(name: string, value: Buffer): string | undefined {
  switch (floorFailed(value)) {
    case 'length':
      return `known secret "${name}" refused: ${value.length} bytes, shorter than ${MIN_KNOWN_LENGTH} (it would mask ordinary words)`;
    case 'entropy':
      return `known secret "${name}" refused: entropy below ${MIN_KNOWN_ENTROPY} bits per byte (it would mask ordinary text)`;
    default:
      return undefined;
  }
}

/**
 * Checks one secret: a value that is too short or too predictable is refused with a
 * warning. Lines of a multi-line value are kept as fragments when they pass the same check.
 *
 * @example
 * checkKnownSecret({ name: 'DB_PASSWORD', value: 'admin' }); // { warning: 'known secret "DB_PASSWORD" refused: 5 bytes, …' }
 */
export function checkKnownSecret(secret: KnownSecret): { secret: CheckedSecret } | { warning: string } {
  const name = String(secret.name);
  const raw = typeof secret.value === 'string' ? Buffer.from(secret.value, 'utf8') : Buffer.from(secret.value);
  // Trailing line breaks are how files end, not part of the secret.
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === 0x0a || raw[end - 1] === 0x0d)) end--;
  const value = raw.subarray(0, end);
  const why = refusal(name, value);
  if (why !== undefined) return { warning: why };
  const fragments = value.includes(0x0a) ? splitLines(value).filter((line) => !PEM_ARMOR.test(line.toString('latin1')) && refusal(name, line) === undefined) : [];
  return { secret: { name, value, fragments } };
}

function splitLines(value: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = value.indexOf(0x0a); nl !== -1; nl = value.indexOf(0x0a, start)) {
    lines.push(trimCr(value.subarray(start, nl)));
    start = nl + 1;
  }
  lines.push(trimCr(value.subarray(start)));
  return lines.filter((l) => l.length > 0);
}

function trimCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}
