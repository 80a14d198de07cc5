/**
 * The opt-in personal-data pack (src/rules/catalog/pii.ts): one table row per case — positives
 * in realistic log lines (JSON, key=value, free text) with the exact bytes that must be masked,
 * and near misses — run three ways: the rule alone through the reference engine, the pack
 * added to the default catalog through a redactor (`include: ['pii']`), and the default
 * catalog alone, which must mask none of them. Then the checks themselves (piiChecks.ts) and
 * the matcher against the reference engine on generated lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { compileMatcher } from '../../src/matcher/compileMatcher.js';
import { isIban, isPaymentCard, isUsSsn, luhn } from '../../src/matcher/piiChecks.js';
import { resolveOverlaps } from '../../src/matcher/span.js';
import { builtinRules, optInCatalog } from '../../src/rules/catalog/index.js';
import { piiPack } from '../../src/rules/catalog/pii.js';
import { IBAN_LENGTHS } from '../../src/rules/ibanLengths.js';
import type { RuleCase } from './case.js';
import { compileAll, referenceSpans } from '../support/referenceEngine.js';

const cases: readonly RuleCase[] = [
  // ------------------------------------------------------------------ payment cards
  { rule: 'pii-credit-card', text: '{"level":30,"msg":"charge","card":"4111 1111 1111 1111","amount":1250}', secret: '4111 1111 1111 1111', note: 'Visa test number, grouped: test numbers are masked too' },
  { rule: 'pii-credit-card', text: 'level=info msg="charge ok" pan=4532015112830366 amount=12.50', secret: '4532015112830366' },
  { rule: 'pii-credit-card', text: 'payment declined for card 5555-5555-5555-4444 (insufficient funds)', secret: '5555-5555-5555-4444' },
  { rule: 'pii-credit-card', text: '{"card_number":"2223003122003222"}', secret: '2223003122003222', note: 'Mastercard 2-series' },
  { rule: 'pii-credit-card', text: 'amex 3782 822463 10005 on file', secret: '3782 822463 10005', note: 'Amex 4-6-5' },
  { rule: 'pii-credit-card', text: 'cc=371449635398431;exp=12/29', secret: '371449635398431' },
  { rule: 'pii-credit-card', text: 'discover:6011000990139424', secret: '6011000990139424' },
  { rule: 'pii-credit-card', text: 'diners 3056-930902-5904 ok', secret: '3056-930902-5904', note: 'Diners 4-6-4' },
  { rule: 'pii-credit-card', text: '{"jcb":3530111333300000}', secret: '3530111333300000', note: 'a JSON number' },
  { rule: 'pii-credit-card', text: 'unionpay=6200000000000005', secret: '6200000000000005' },
  { rule: 'pii-credit-card', text: 'visa13=4222222222222 done', secret: '4222222222222', note: '13-digit Visa' },
  { rule: 'pii-credit-card', text: 'card 4111 1111 1111 1111 2029 expiry', secret: '4111 1111 1111 1111', note: 'a four-digit year right after' },
  { rule: 'pii-credit-card', text: 'ids=7123456789012342,5555555555554444', secret: '5555555555554444', note: 'after a non-card, glued by a comma' },
  { rule: 'pii-credit-card', text: 'card 4111 1111 1111 1112 declined', negative: true, note: 'bad Luhn digit' },
  { rule: 'pii-credit-card', text: 'card=411111111111116', negative: true, note: 'Luhn-valid, but a Visa has 13, 16 or 19 digits' },
  { rule: 'pii-credit-card', text: 'card=37144963539849', negative: true, note: 'Luhn-valid, but an Amex has 15 digits' },
  { rule: 'pii-credit-card', text: 'ref=7123456789012342', negative: true, note: 'Luhn-valid, no issuer starts with 7' },
  { rule: 'pii-credit-card', text: '{"ts_us":1764279562123459}', negative: true, note: 'epoch microseconds (Luhn-valid)' },
  { rule: 'pii-credit-card', text: '{"time":1795392000000,"pid":4242}', negative: true, note: 'epoch milliseconds' },
  { rule: 'pii-credit-card', text: 'order_id=4532015112830367 status=shipped', negative: true, note: 'an order id failing Luhn' },
  { rule: 'pii-credit-card', text: 'time=20261127203922123 level=info', negative: true, note: 'a compact timestamp (no issuer of 17 digits starts 2026)' },
  { rule: 'pii-credit-card', text: '{"score":0.4111111111111111}', negative: true, note: 'a double printed with 16 digits' },
  { rule: 'pii-credit-card', text: 'addr=0x4111111111111111', negative: true, note: 'hex' },
  { rule: 'pii-credit-card', text: 'call +4111111111111111', negative: true, note: 'after a plus sign' },
  { rule: 'pii-credit-card', text: 'id_4111111111111111 x4111111111111111', negative: true, note: 'glued to a word' },
  { rule: 'pii-credit-card', text: 'reqId=41111111-1111-1111-1111-111111111111', negative: true, note: 'UUID-shaped digits' },
  { rule: 'pii-credit-card', text: 'card 4111 1111-1111 1111', negative: true, note: 'mixed separators' },
  { rule: 'pii-credit-card', text: 'GET /api/v1/orders 10.0.41.111 version 4.1111.1111.1111', negative: true, note: 'IPs and versions' },

  // ------------------------------------------------------------------ IBANs
  { rule: 'pii-iban', text: '{"iban":"DE89370400440532013000","bic":"COBADEFFXXX"}', secret: 'DE89370400440532013000' },
  { rule: 'pii-iban', text: 'payout to IBAN GB29 NWBK 6016 1331 9268 19 confirmed', secret: 'GB29 NWBK 6016 1331 9268 19', note: 'print form' },
  { rule: 'pii-iban', text: 'level=info msg=sepa iban=FR1420041010050500013M02606', secret: 'FR1420041010050500013M02606', note: 'a letter in the BBAN' },
  { rule: 'pii-iban', text: 'refund ES91 2100 0418 4502 0005 1332 EUR 12.00', secret: 'ES91 2100 0418 4502 0005 1332', note: 'a currency code after the last full group' },
  { rule: 'pii-iban', text: 'account=NL91ABNA0417164300;', secret: 'NL91ABNA0417164300' },
  { rule: 'pii-iban', text: 'NO9386011117947', secret: 'NO9386011117947', note: 'the shortest (15)' },
  { rule: 'pii-iban', text: 'mt=MT84MALT011000012345MTLCAST001S', secret: 'MT84MALT011000012345MTLCAST001S', note: 'Malta, 31' },
  { rule: 'pii-iban', text: 'iban=DE88370400440532013000', negative: true, note: 'bad check digits' },
  { rule: 'pii-iban', text: 'iban=DE8937040044053201300', negative: true, note: 'one short for Germany' },
  { rule: 'pii-iban', text: 'iban=XX89370400440532013000', negative: true, note: 'no such country' },
  { rule: 'pii-iban', text: 'iban=de89370400440532013000', negative: true, note: 'lower case (IBANs are written in capitals)' },
  { rule: 'pii-iban', text: 'key=AKIAIOSFODNN7EXAMPLE build=DE12ABCDEFGHIJKLMNOP', negative: true, note: 'upper-case tokens' },
  { rule: 'pii-iban', text: 'ref=XDE89370400440532013000', negative: true, note: 'glued to a letter' },

  // ------------------------------------------------------------------ US SSNs
  { rule: 'pii-us-ssn', text: '{"user":{"name":"j.doe","ssn":"536-22-1234"}}', secret: '536-22-1234' },
  { rule: 'pii-us-ssn', text: 'applicant 536-22-1234 verified', secret: '536-22-1234', note: 'dashed needs no key' },
  { rule: 'pii-us-ssn', text: '{"ssn":"536221234"}', secret: '536221234', note: 'bare, after the key' },
  { rule: 'pii-us-ssn', text: 'SSN: 536 22 1234', secret: '536 22 1234' },
  { rule: 'pii-us-ssn', text: 'level=warn social_security_number=536221234 msg="kyc"', secret: '536221234' },
  { rule: 'pii-us-ssn', text: 'Social Security Number is 536-22-1234', secret: '536-22-1234' },
  { rule: 'pii-us-ssn', text: 'customer_ssn=536221234', secret: '536221234' },
  { rule: 'pii-us-ssn', text: 'order 536221234 shipped', negative: true, note: 'nine digits without an SSN key' },
  { rule: 'pii-us-ssn', text: 'ssn=000-12-3456 ssn=666-12-3456 ssn=900-12-3456', negative: true, note: 'areas never assigned' },
  { rule: 'pii-us-ssn', text: 'ssn=536-00-1234 ssn=536-22-0000', negative: true, note: 'group 00, serial 0000' },
  { rule: 'pii-us-ssn', text: 'ref=536-22-1234-01 ORD-536-22-1234', negative: true, note: 'part of a longer dashed id' },
  { rule: 'pii-us-ssn', text: 'phone 415-555-2671 date 2026-11-27', negative: true, note: '3-3-4 and a date' },
  { rule: 'pii-us-ssn', text: 'ssn=5362212345 ssn_last4=1234', negative: true, note: 'ten digits; a last-four field' },
  { rule: 'pii-us-ssn', text: 'ssn 536-22 1234', negative: true, note: 'mixed separators' },
  { rule: 'pii-us-ssn', text: 'lessn=536221234 classname=536221234', negative: true, note: '"ssn" inside a word' },

  // ------------------------------------------------------------------ e-mail addresses
  { rule: 'pii-email', text: '{"level":30,"msg":"signup","email":"alice@corp.io"}', secret: 'alice@corp.io' },
  { rule: 'pii-email', text: 'level=info user=bob.smith+billing@mail.acme-corp.co.uk msg="invoice sent"', secret: 'bob.smith+billing@mail.acme-corp.co.uk' },
  { rule: 'pii-email', text: 'Sending password reset to <j_doe@sub.domain.travel>.', secret: 'j_doe@sub.domain.travel' },
  { rule: 'pii-email', text: 'reply-to: mailto:Carol.O-Neil@Acme-Shop.DE', secret: 'Carol.O-Neil@Acme-Shop.DE' },
  { rule: 'pii-email', text: 'user alice@corp.io: login failed', secret: 'alice@corp.io', note: 'a colon and a space after is not an scp target' },
  { rule: 'pii-email', text: 'GET /api/v1/users/alice@corp.io HTTP/1.1', secret: 'alice@corp.io', note: 'in a URL path' },
  { rule: 'pii-email', text: 'connecting to user@host and root@localhost', negative: true, note: 'no dotted domain: not an e-mail address (a choice)' },
  { rule: 'pii-email', text: 'git clone git@github.com:org/repo.git', negative: true, note: 'scp target (a choice)' },
  { rule: 'pii-email', text: 'scp deploy@web-1.internal.io:/srv/app.tar.gz .', negative: true, note: 'scp target with a path' },
  { rule: 'pii-email', text: 'url=https://app:s3cr3tPass@db.corp.io:5432/app', negative: true, note: 'URL userinfo with a password (the default catalog masks the password)' },
  { rule: 'pii-email', text: 'GET /static/icon@2x.png 200', negative: true, note: 'retina image' },
  { rule: 'pii-email', text: 'installed lodash@4.17.21 @types/node@20.10.0 image nginx@sha256:abc123', negative: true, note: 'package and image specs' },
  { rule: 'pii-email', text: 'toString=java.lang.Object@1b6d3586 @Override', negative: true },
  { rule: 'pii-email', text: 'contact docs@example.com', negative: true, note: 'documentation domain (RFC 2606): the placeholder check' },

  // ------------------------------------------------------------------ E.164 phone numbers
  { rule: 'pii-phone', text: '{"msg":"sms sent","to":"+14155552671"}', secret: '+14155552671' },
  { rule: 'pii-phone', text: 'level=info phone=+442079460958 status=delivered', secret: '+442079460958' },
  { rule: 'pii-phone', text: 'calling +4915112345678 now', secret: '+4915112345678' },
  { rule: 'pii-phone', text: 'to=+12345678', secret: '+12345678', note: 'the shortest: 8 digits' },
  { rule: 'pii-phone', text: '2026-11-27T20:39:22+01:00 [27/Nov/2026:20:39:22 +0000]', negative: true, note: 'time zone offsets' },
  { rule: 'pii-phone', text: 'to=+1234567 to=+1234567890123456', negative: true, note: '7 and 16 digits' },
  { rule: 'pii-phone', text: 'version 1.0.0+20130313144700', negative: true, note: 'semver build metadata' },
  { rule: 'pii-phone', text: 'sum 1+14155552671', negative: true, note: 'glued to a digit' },
  { rule: 'pii-phone', text: 'to=+0123456789', negative: true, note: 'country codes do not start with 0' },
  { rule: 'pii-phone', text: 'call +1 415 555 2671', negative: true, note: 'spaced: not E.164 (a choice)' },
];

const compiled = compileAll(piiPack);
const byId = new Map(compiled.map((c) => [c.rule.id, c]));
const withPii = createRedactor({ include: ['pii'], learn: false });
const defaults = createRedactor({ learn: false });

describe('the PII pack', () => {
  it('is opt-in: its rules are in optInCatalog, not in the default catalog', () => {
    expect(optInCatalog.filter((r) => r.tags.includes('pii')).map((r) => r.id)).toEqual(['pii-credit-card', 'pii-iban', 'pii-us-ssn', 'pii-email', 'pii-phone']);
    expect(builtinRules.filter((r) => r.tags.includes('pii') || r.id.startsWith('pii-'))).toEqual([]);
  });

  it('runs on every line (no keyword: the prefilter cannot miss a line for it)', () => {
    for (const r of piiPack) expect([r.id, r.keywords, r.everyLine]).toEqual([r.id, [], true]);
  });

  it('shares no tag with the default catalog but "pii" (enable: ["email"] must not turn it on)', () => {
    const defaultTags = new Set(builtinRules.flatMap((r) => r.tags));
    expect(piiPack.flatMap((r) => r.tags).filter((t) => defaultTags.has(t))).toEqual([]);
  });

  it('has a positive and a negative row for every rule, and no row for another rule', () => {
    for (const r of piiPack) {
      expect(cases.some((c) => c.rule === r.id && c.secret !== undefined), r.id).toBe(true);
      expect(cases.some((c) => c.rule === r.id && c.negative), r.id).toBe(true);
    }
    expect(cases.filter((c) => !byId.has(c.rule))).toEqual([]);
  });
});

describe.each(cases.map((c, i) => [`${c.rule} #${i}${c.negative ? ' (negative)' : ''}: ${c.note ?? c.text}`, c] as const))('%s', (_name, row) => {
  const rule = byId.get(row.rule)!;
  const text = Buffer.from(row.text);
  const found = referenceSpans([rule], text).map((s) => text.subarray(s.start, s.end).toString());
  const label = `[REDACTED:${row.rule}]`;
  if (row.negative) {
    it('the rule alone does not fire', () => expect(found).toEqual([]));
    it('the pack beside the default catalog does not report it', () => expect(withPii.redact(row.text)).not.toContain(label));
  } else {
    it('the rule alone finds exactly the secret', () => expect(found).toContain(row.secret));
    it('include: ["pii"] masks exactly the secret', () => expect(withPii.redact(row.text)).toBe(row.text.replace(row.secret!, label)));
    it('the default catalog leaves the line alone', () => expect(defaults.redact(row.text)).toBe(row.text));
  }
});

describe('the checks', () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  /** `prefix` + random digits + the Luhn digit that makes it valid, `length` digits in all. */
  const card = (prefix: string, length: number) =>
    digits(length - prefix.length - 1).map((body) => {
      const stem = prefix + body;
      for (let d = 0; d < 10; d++) if (luhn(Buffer.from(stem + d))) return stem + d;
      throw new Error('unreachable');
    });
  const anyCard = fc.oneof(card('4', 16), card('4', 13), card('51', 16), card('2221', 16), card('37', 15), card('6011', 16), card('3528', 19), card('62', 17));

  it('a card with a valid Luhn digit in an issuer range passes; changing any one digit fails it', () => {
    fc.assert(
      fc.property(anyCard, fc.nat(), fc.integer({ min: 1, max: 9 }), (number, at, delta) => {
        expect(isPaymentCard(Buffer.from(number))).toBe(true);
        const i = at % number.length;
        const changed = number.slice(0, i) + String((Number(number[i]) + delta) % 10) + number.slice(i + 1);
        // Luhn catches every single-digit error.
        expect(isPaymentCard(Buffer.from(changed))).toBe(false);
      }),
    );
  });

  it('a card passes in groups of four separated by spaces or dashes, not with other bytes', () => {
    expect(isPaymentCard(Buffer.from('4111 1111 1111 1111'))).toBe(true);
    expect(isPaymentCard(Buffer.from('4111-1111-1111-1111'))).toBe(true);
    expect(isPaymentCard(Buffer.from('4111.1111.1111.1111'))).toBe(false);
    expect(isPaymentCard(Buffer.from('41111111111111111111'))).toBe(false); // 20 digits
  });

  it('an IBAN of every registry country passes with the right check digits, and fails with any other', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(IBAN_LENGTHS)), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 30, maxLength: 30 }), fc.integer({ min: 1, max: 96 }), (country, body, wrong) => {
        const bban = body.join('').slice(0, IBAN_LENGTHS[country]! - 4);
        // ISO 13616: check digits = 98 - (BBAN + country as digits + "00") mod 97.
        const numeric = `${bban}${country.charCodeAt(0) - 55}${country.charCodeAt(1) - 55}00`;
        const check = 98 - Number(BigInt(numeric) % 97n);
        const iban = `${country}${String(check).padStart(2, '0')}${bban}`;
        expect(isIban(Buffer.from(iban))).toBe(true);
        const other = (check + wrong) % 97; // another residue, never the valid one
        expect(isIban(Buffer.from(`${country}${String(other).padStart(2, '0')}${bban}`))).toBe(other === check);
        expect(isIban(Buffer.from(`${iban}0`))).toBe(false); // the country's length, exactly
      }),
    );
  });

  it('US SSNs: the never-assigned ranges and the shapes', () => {
    const table: [string, boolean][] = [
      ['536-22-1234', true], ['536 22 1234', true], ['536221234', true], ['001-01-0001', true], ['899-99-9999', true],
      ['000-22-1234', false], ['666-22-1234', false], ['900-22-1234', false], ['999-22-1234', false],
      ['536-00-1234', false], ['536-22-0000', false], ['536-22 1234', false], ['536-22-12345', false], ['53622123', false], ['536-22-123a', false],
    ];
    for (const [ssn, ok] of table) expect(isUsSsn(Buffer.from(ssn)), ssn).toBe(ok);
  });
});

describe('the matcher runs the pack as the reference engine does', () => {
  const matcher = compileMatcher([...builtinRules, ...piiPack]);
  const reference = compileAll([...builtinRules, ...piiPack]);
  const fragment = fc.oneof(
    fc.constantFrom('4111 1111 1111 1111', '4532015112830366', '5555-5555-5555-4444', '3782 822463 10005', 'DE89370400440532013000', 'GB29 NWBK 6016 1331 9268 19'),
    fc.constantFrom('536-22-1234', 'ssn=', '"ssn":"', 'alice@corp.io', 'git@github.com:', '+14155552671', '+0100', '\n', ' ', '=', '-', '.', ',', '"'),
    fc.stringMatching(/^[0-9]{1,20}$/),
    fc.stringMatching(/^[A-Za-z0-9@+._-]{1,16}$/),
  );
  it('finds the same spans on generated lines (every-line and keyword rules, line edges)', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const buf = Buffer.from(parts.join(''));
        expect(matcher.findSpans(buf)).toEqual(resolveOverlaps(referenceSpans(reference, buf)));
      }),
      { numRuns: 300 },
    );
  });
});
