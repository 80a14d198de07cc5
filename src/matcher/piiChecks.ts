/**
 * Checks of personal-data number formats that a pattern cannot express: a payment card's
 * issuer, length and Luhn check digit, an IBAN's country length and mod-97 check digits, a US
 * Social Security number's reserved ranges. They run after a rule's pattern matched (a rule's
 * `checksum`: `'payment-card'`, `'iban'`, `'us-ssn'`), on the secret bytes only; a number that
 * fails passes untouched. Sources: ISO/IEC 7812 (the Luhn algorithm) and the card networks'
 * published issuer ranges; ISO 13616 and the SWIFT IBAN Registry (`../rules/ibanLengths.ts`);
 * the Social Security Administration's rules for assigned numbers (no area 000, 666 or
 * 900-999, no group 00, no serial 0000).
 *
 * PERF: these run only on matches (a handful per megabyte of ordinary logs) and allocate
 * nothing: the bytes are read in place.
 */
import { IBAN_LENGTHS } from '../rules/ibanLengths.js';

const ZERO = 0x30;
const SPACE = 0x20;
const DASH = 0x2d;

function isDigit(b: number): boolean {
  return b >= ZERO && b <= ZERO + 9;
}

/**
 * A card network's issuer range: the first `digits` digits of the number lie in
 * [`from`, `to`], and the number has one of `lengths` digits.
 */
interface IssuerRange {
  readonly network: string;
  readonly digits: number;
  readonly from: number;
  readonly to: number;
  readonly lengths: readonly number[];
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];

/**
 * The issuer ranges of the major networks (first digit 2 to 6: the pattern of `pii-credit-card`
 * relies on it). Overlaps are harmless: a number passes when any range takes it.
 */
const ISSUER_RANGES: readonly IssuerRange[] = [
  { network: 'Visa', digits: 1, from: 4, to: 4, lengths: [13, 16, 19] },
  { network: 'Mastercard', digits: 2, from: 51, to: 55, lengths: [16] },
  { network: 'Mastercard', digits: 4, from: 2221, to: 2720, lengths: [16] },
  { network: 'American Express', digits: 2, from: 34, to: 34, lengths: [15] },
  { network: 'American Express', digits: 2, from: 37, to: 37, lengths: [15] },
  { network: 'Discover', digits: 4, from: 6011, to: 6011, lengths: SIXTEEN_TO_NINETEEN },
  { network: 'Discover', digits: 3, from: 644, to: 649, lengths: SIXTEEN_TO_NINETEEN },
  { network: 'Discover', digits: 2, from: 65, to: 65, lengths: SIXTEEN_TO_NINETEEN },
  { network: 'Diners Club', digits: 3, from: 300, to: 305, lengths: [14, 15, 16, 17, 18, 19] },
  { network: 'Diners Club', digits: 2, from: 36, to: 36, lengths: [14, 15, 16, 17, 18, 19] },
  { network: 'Diners Club', digits: 2, from: 38, to: 39, lengths: [14, 15, 16, 17, 18, 19] },
  { network: 'JCB', digits: 4, from: 3528, to: 3589, lengths: SIXTEEN_TO_NINETEEN },
  { network: 'UnionPay', digits: 2, from: 62, to: 62, lengths: SIXTEEN_TO_NINETEEN },
  { network: 'Maestro', digits: 2, from: 50, to: 50, lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'Maestro', digits: 2, from: 56, to: 58, lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'Maestro', digits: 2, from: 63, to: 63, lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'Maestro', digits: 2, from: 67, to: 67, lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'RuPay', digits: 2, from: 60, to: 60, lengths: [16] },
  { network: 'Mir', digits: 4, from: 2200, to: 2204, lengths: SIXTEEN_TO_NINETEEN },
];

/**
 * True when `secret` is a payment card number: 13 to 19 digits, optionally in groups separated
 * by spaces or dashes (the pattern decides the layout), in a major network's issuer range for
 * its length, with a valid Luhn check digit. The networks' published test numbers
 * (4111 1111 1111 1111 …) pass: they are shaped like real numbers.
 *
 * @example
 * isPaymentCard(Buffer.from('4111 1111 1111 1111')); // true
 * isPaymentCard(Buffer.from('4111 1111 1111 1112')); // false (Luhn)
 */
export function isPaymentCard(secret: Uint8Array): boolean {
  let digits = 0;
  let prefix = 0; // the first six digits, as a number
  for (let i = 0; i < secret.length; i++) {
    const b = secret[i]!;
    if (isDigit(b)) {
      if (digits < 6) prefix = prefix * 10 + (b - ZERO);
      digits++;
    } else if (b !== SPACE && b !== DASH) {
      return false;
    }
  }
  if (digits < 13 || digits > 19) return false;
  if (!ISSUER_RANGES.some((r) => inRange(r, prefix, digits))) return false;
  return luhn(secret);
}

function inRange(r: IssuerRange, prefix6: number, length: number): boolean {
  const p = Math.floor(prefix6 / 10 ** (6 - r.digits));
  return p >= r.from && p <= r.to && r.lengths.includes(length);
}

/** The Luhn (mod 10) check over the digits of `bytes`, other bytes skipped. */
export function luhn(bytes: Uint8Array): boolean {
  let sum = 0;
  let double = false;
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i]!;
    if (!isDigit(b)) continue;
    let d = b - ZERO;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Value of an IBAN character for mod 97: digits 0-9, letters A-Z 10-35; -1 otherwise. */
function ibanValue(b: number): number {
  if (isDigit(b)) return b - ZERO;
  if (b >= 0x41 && b <= 0x5a) return b - 0x41 + 10;
  return -1;
}

/**
 * True when `secret` is an IBAN: a country code of the registry, the length that country's
 * IBANs have (spaces between groups not counted), upper-case letters and digits only, and
 * check digits that make the number mod 97 equal 1 (ISO 13616: the first four characters moved
 * to the end, letters replaced by 10-35).
 *
 * @example
 * isIban(Buffer.from('DE89 3704 0044 0532 0130 00')); // true
 * isIban(Buffer.from('DE88 3704 0044 0532 0130 00')); // false (check digits)
 */
export function isIban(secret: Uint8Array): boolean {
  if (secret.length < 4) return false;
  const country = String.fromCharCode(secret[0]!, secret[1]!);
  const length = Object.hasOwn(IBAN_LENGTHS, country) ? IBAN_LENGTHS[country]! : 0;
  if (length === 0) return false;
  let chars = 0;
  for (let i = 0; i < secret.length; i++) {
    const b = secret[i]!;
    if (b === SPACE) continue;
    if (ibanValue(b) < 0) return false;
    chars++;
  }
  if (chars !== length) return false;
  // Mod 97 of the rearranged number, folded one character (one or two decimal digits) at a time.
  let rest = 0;
  const fold = (b: number) => {
    const v = ibanValue(b);
    rest = v < 10 ? (rest * 10 + v) % 97 : (rest * 100 + v) % 97;
  };
  for (let i = 4; i < secret.length; i++) if (secret[i] !== SPACE) fold(secret[i]!);
  for (let i = 0; i < 4; i++) fold(secret[i]!);
  return rest === 1;
}

/**
 * True when `secret` is a US Social Security number as the SSA assigns them: nine digits,
 * bare or as 3-2-4 groups with one separator (`-` or a space, the same twice); area (first
 * three) not 000, 666 or 900-999; group (next two) not 00; serial (last four) not 0000.
 *
 * @example
 * isUsSsn(Buffer.from('123-45-6789')); // true
 * isUsSsn(Buffer.from('666-45-6789')); // false (area 666 is never assigned)
 */
export function isUsSsn(secret: Uint8Array): boolean {
  let area: number;
  let group: number;
  let serial: number;
  const n = (from: number, to: number): number => {
    let v = 0;
    for (let i = from; i < to; i++) {
      const b = secret[i]!;
      if (!isDigit(b)) return -1;
      v = v * 10 + (b - ZERO);
    }
    return v;
  };
  if (secret.length === 9) {
    area = n(0, 3);
    group = n(3, 5);
    serial = n(5, 9);
  } else if (secret.length === 11) {
    const sep = secret[3];
    if ((sep !== DASH && sep !== SPACE) || secret[6] !== sep) return false;
    area = n(0, 3);
    group = n(4, 6);
    serial = n(7, 11);
  } else {
    return false;
  }
  if (area < 0 || group < 0 || serial < 0) return false;
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}
