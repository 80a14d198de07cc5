import type { Rule } from '../rule.js';
import { IBAN_LENGTHS } from '../ibanLengths.js';

/**
 * Personal data, opt in (tag `pii`): payment card numbers, IBANs, US Social Security numbers,
 * e-mail addresses, phone numbers in E.164. Not in the default catalog (`builtinRules`): a
 * redactor runs them with `include: ['pii']` (or one rule by id), or only them with
 * `enable: ['pii']` (`--include pii`, `--rules pii`).
 *
 * Formats and the choices made:
 * - Card numbers (ISO/IEC 7812; issuer ranges as the networks publish them): 13-19 digits,
 *   bare or as 4-4-4-4 (and Amex/Diners 4-6-5 / 4-6-4) groups separated by spaces or dashes,
 *   in a major network's range for their length (Visa, Mastercard, Amex, Discover, Diners,
 *   JCB, UnionPay, Maestro, RuPay, Mir: the first digit is 2 to 6), with a valid Luhn digit
 *   (`checksum: 'payment-card'`). The networks' published test numbers are masked too: they
 *   are shaped like real ones. Digits right after `.` (a decimal fraction: JavaScript prints
 *   16-17 digits of a double), `+` (a phone number), a letter or `_` are not a card.
 * - IBANs (ISO 13616, lengths from the SWIFT IBAN Registry: `../ibanLengths.ts`): a registry
 *   country code, the country's exact length, electronic (`DE89370400440532013000`) or print
 *   form (groups of four separated by one space), upper case, mod-97 check digits
 *   (`checksum: 'iban'`).
 * - US SSNs (SSA): `123-45-6789` anywhere; nine bare digits (or 3-2-4 with spaces) only after
 *   `ssn` or `social security` (any case, `_number`, `": "` and the like between): every other
 *   nine-digit number is an order id. Never-assigned ranges pass untouched (area 000, 666,
 *   900-999; group 00; serial 0000: `checksum: 'us-ssn'`).
 * - E-mail addresses: `local@domain.tld` (the common subset of RFC 5322: letters, digits and
 *   `._%+-` before the `@`; a dotted domain whose last label is letters). Left alone, by
 *   choice: an address without a dotted domain (`user@host`, `root@localhost`), an scp/ssh
 *   target (`git@github.com:org/repo.git`: a `:` and a path right after), the userinfo of a
 *   URL with a password (`//user:pass@host.com`, the password is the default catalog's),
 *   retina image names (`icon@2x.png`), package and image specs (`lodash@4.17.21`,
 *   `nginx@sha256:…`), and documentation addresses (`@example.com`, RFC 2606: the
 *   placeholder check).
 * - Phone numbers in E.164 (ITU-T): `+`, a country code that does not start with 0, 8-15
 *   digits in all, nothing glued before the `+` (`1.0.0+20130313144700` is build metadata).
 *   Written with spaces or dashes (`+1 415 555 2671`) they are not E.164 and not matched.
 *
 * PERF: the rules are every-line rules (`everyLine`, no keywords): one RE2.Set pass over each
 * 64 KB of lines says which of them can match there, and only those run, line by line, in
 * that chunk. The card, IBAN and SSN rules have no literal a prefilter could look for (digits
 * are everywhere); the e-mail and phone rules have one (`@`, `+`), but a keyword under three
 * bytes sends every buffer through a second, RE2 prefilter (wasmPrefilter.ts), which cost
 * more than the set: on the 20 MB bench corpus (loaded 2-core machine, the matcher alone,
 * median of 3), the default catalog ran at 42 MB/s, +card/IBAN/SSN as every-line rules at 29,
 * +e-mail/phone as keyword rules at 26.5. The patterns need whole tokens (13+ digits, a
 * country code and check digits, a dashed 3-2-4, `@` and a dotted domain, `+` and 8+
 * digits), which ordinary log lines rarely hold, so most chunks cost the set pass alone. In
 * a chunk where one can match, it runs once over the chunk (multi-line; compileMatcher.ts),
 * which is why no pattern here matches `\n`: a match across a line break would send the lines
 * it touches back to the rule one at a time. Measured, `redactBuffer` with `include: ['pii']`
 * against the default catalog alone, same run (20 MB bench corpus, loaded 2-core machine,
 * median of 5): 0.69× on the corpus as it is (no PII in it), 0.67× with a PII line every 100
 * lines (every chunk active; 0.44× when every-line rules ran line by line).
 */

/** IBAN pattern: one alternative per length, each listing its countries (exact lengths, no overreach). */
function ibanPattern(): string {
  const byLength = new Map<number, string[]>();
  for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
    const list = byLength.get(length) ?? [];
    list.push(country);
    byLength.set(length, list);
  }
  const alternatives = [...byLength.entries()]
    .sort(([a], [b]) => a - b)
    .map(([length, countries]) => {
      const bban = length - 4;
      const groups = Math.floor(bban / 4);
      const rest = bban % 4;
      const print = `(?: [A-Z0-9]{4}){${groups}}${rest > 0 ? ` [A-Z0-9]{${rest}}` : ''}`;
      return `(?:${countries.sort().join('|')})[0-9]{2}(?:[A-Z0-9]{${bban}}|${print})`;
    });
  return String.raw`\b(` + alternatives.join('|') + String.raw`)\b`;
}

/**
 * The local part of an address: the common subset (letters, digits, `._%+-`), not starting
 * with a dot. PERF: unbounded repeats, not RFC 5321's limits (64, 63-byte labels): bounded
 * ones multiplied the DFA states of the every-line rules' shared RE2.Set (all five PII
 * patterns in one set: 41 MB/s with `{0,63}`, 419 MB/s without, on the bench corpus).
 */
const LOCAL = String.raw`[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*`;
/** A dotted domain name whose last label (the TLD) is letters. */
const DOMAIN = String.raw`(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}`;

/** Opt-in personal-data rules; `../catalog/index.ts` lists them as the `pii` pack. */
export const piiPack: readonly Rule[] = [
  {
    id: 'pii-credit-card',
    description: 'Payment card number (13-19 digits, issuer range, Luhn-checked)',
    tags: ['pii', 'payment-card'],
    // Before the number: the line's start or a byte that is not a digit, letter, `_`, `.` or `+`.
    // (No pattern here matches a line break: a chunk of lines runs as one text, see the header.)
    pattern:
      String.raw`(?:^|[^0-9A-Za-z_.+\n])(` +
      [
        String.raw`[2-6][0-9]{12,18}`,
        String.raw`[2-6][0-9]{3}(?: [0-9]{4}){3}`,
        String.raw`[2-6][0-9]{3}(?:-[0-9]{4}){3}`,
        String.raw`3[0-9]{3} [0-9]{6} [0-9]{4,5}`,
        String.raw`3[0-9]{3}-[0-9]{6}-[0-9]{4,5}`,
      ].join('|') +
      String.raw`)\b`,
    keywords: [],
    everyLine: true,
    checksum: 'payment-card',
    skipPlaceholders: false, // 4111111111111111 is two distinct digits, the placeholder check's "run"
  },
  {
    id: 'pii-iban',
    description: 'International Bank Account Number (country length, mod-97 checked)',
    tags: ['pii', 'iban'],
    pattern: ibanPattern(),
    keywords: [],
    everyLine: true,
    checksum: 'iban',
    skipPlaceholders: false,
  },
  {
    id: 'pii-us-ssn',
    description: 'US Social Security number (3-2-4 dashed, or nine digits after an SSN key)',
    tags: ['pii', 'ssn'],
    // 1: after an SSN key, bare or grouped; 2: dashed, anywhere. A trailing `-…` stays in the
    // group, so `123-45-6789-01` (an order number) fails the check instead of matching short.
    pattern:
      String.raw`(?:(?:^|[^A-Za-z\n])(?i:ssn|social[ _.-]?security)[A-Za-z_. -]{0,12}?[^0-9A-Za-z\n]{1,4}` +
      String.raw`([0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}(?:-[0-9A-Za-z]*)?)` +
      String.raw`|(?:^|[^0-9A-Za-z_.+\n-])([0-9]{3}-[0-9]{2}-[0-9]{4}(?:-[0-9A-Za-z]*)?))\b`,
    keywords: [],
    everyLine: true,
    secretGroup: [1, 2],
    checksum: 'us-ssn',
    skipPlaceholders: false,
  },
  {
    id: 'pii-email',
    description: 'E-mail address',
    tags: ['pii', 'email-address'],
    // The first three alternatives have no group: what they match (URL userinfo with a
    // password, an scp target, a retina image name) is consumed and left alone.
    pattern:
      String.raw`//[^\s/?#@]*:${LOCAL}@${DOMAIN}` +
      String.raw`|${LOCAL}@${DOMAIN}:[A-Za-z0-9_~/]` +
      String.raw`|${LOCAL}@[0-9]x\.[A-Za-z]+\b` +
      String.raw`|(${LOCAL}@${DOMAIN})\b`,
    keywords: [],
    everyLine: true,
    secretGroup: 1,
  },
  {
    id: 'pii-phone',
    description: 'Phone number in E.164 (+, country code, 8-15 digits)',
    tags: ['pii', 'phone-number'],
    pattern: String.raw`\B(\+[1-9][0-9]{7,14})\b`,
    keywords: [],
    everyLine: true,
    skipPlaceholders: false,
  },
];
