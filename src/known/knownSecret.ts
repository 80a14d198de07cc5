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

/** A checked secret: its bytes and the lines (fragments) to look for. */
export interface CheckedSecret {
  readonly name: string;
  readonly value: Buffer;
  readonly fragments: readonly Buffer[];
}

/** PEM armor lines are the same in every key: never a secret of their own. */
const PEM_ARMOR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;

function refusal(name: string, value: Buffer): string | undefined {
  if (value.length < MIN_KNOWN_LENGTH) return `known secret "${name}" refused: ${value.length} bytes, shorter than ${MIN_KNOWN_LENGTH} (it would mask ordinary words)`;
  if (shannonEntropy(value, 0, value.length) < MIN_KNOWN_ENTROPY) return `known secret "${name}" refused: entropy below ${MIN_KNOWN_ENTROPY} bits per byte (it would mask ordinary text)`;
  return undefined;
}

/**
 * Checks one secret and splits it into the line fragments to look for. Returns a warning
 * instead when the value (or every line of it) is too short or too predictable.
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
  const fragments: Buffer[] = [];
  let refused: string | undefined;
  for (const line of splitLines(value)) {
    if (PEM_ARMOR.test(line.toString('latin1'))) continue;
    const why = refusal(name, line);
    if (why === undefined) fragments.push(line);
    else refused ??= why;
  }
  if (fragments.length === 0) return { warning: refused ?? refusal(name, value) ?? `known secret "${name}" refused: nothing but PEM armor lines` };
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
