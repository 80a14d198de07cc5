/**
 * Validators run after a rule's pattern matched, on the secret bytes only: entropy, checksum
 * and placeholder checks. They decide whether a match is a secret; they never see the line.
 */
import type { ChecksumKind } from '../rules/rule.js';
import { verifyChecksum } from './checksum.js';

const counts = new Uint32Array(256);

/** Shannon entropy of `buf[start, end)` in bits per byte (0 for an empty range). */
export function shannonEntropy(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n <= 0) return 0;
  counts.fill(0);
  for (let i = start; i < end; i++) counts[buf[i]!]!++;
  let h = 0;
  for (let b = 0; b < 256; b++) {
    const c = counts[b]!;
    if (c !== 0) {
      const p = c / n;
      h -= p * Math.log2(p);
    }
  }
  return h;
}

/** Values that stand for a secret without being one (lowercased, whole value). */
const PLACEHOLDER_WORDS = new Set([
  'changeme', 'change_me', 'change-me', 'changeit', 'password', 'passwd', 'secret', 'token',
  'apikey', 'api_key', 'api-key', 'null', 'nil', 'none', 'undefined', 'true', 'false',
  'dummy', 'placeholder', 'redacted', 'hidden', 'masked', 'removed', 'filtered', 'n/a',
  'todo', 'tbd', 'foo', 'bar', 'foobar', 'test', 'testing', 'sample', 'notset', 'not_set',
  'not-set', 'unset', 'empty', 'default', 'secret123', 'password123', 'your_token',
  'your_secret', 'your_password', 'your_api_key', 'yourtoken', 'yoursecret', 'yourpassword',
  'yourapikey', 'mysecret', 'mypassword', 'mytoken', 'bearer', 'basic', 'string', 'pass',
  'pwd', 'user', 'username', 'await',
]);

/**
 * True when `buf[start, end)` looks like a placeholder rather than a secret: a template
 * variable (`${VAR}`, `{{ var }}`, `%(var)s`, `<token>`, `$VAR`), a mask this or another
 * redactor wrote (`[REDACTED…]`, `****`), a run of one or two characters (`xxxxxxxx`),
 * something containing `xxxx`, `example` or `your_…`, or a well-known stand-in word.
 */
export function isPlaceholder(buf: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n <= 0) return true;
  if (n > 256) return false; // PERF: placeholders are short
  // Under 3 bytes: fail closed, mask it — unless it may be a mask of asterisks (judged below).
  if (n < 3 && buf[start] !== 0x2a) return false;
  return isPlaceholderText(Buffer.from(buf.buffer, buf.byteOffset + start, n).toString('latin1'));
}

/** `isPlaceholder` on a value already read as a latin1 string (one char per byte). */
export function isPlaceholderText(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  // A mask of asterisks however short (kombu prints `amqp://frank:**@rabbitmq//`).
  if (value.charCodeAt(0) === 0x2a && /^\*+$/.test(value)) return true;
  if (n > 256 || n < 3) return false;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(n - 1);
  // ${VAR} {{var}} <var> %(var)s %VAR% $VAR [REDACTED...]
  if (value.startsWith('${') || value.startsWith('{{') || value.startsWith('#{') || value.startsWith('%{')) return true;
  if (first === 0x7b /* { */ && last === 0x7d) return true;
  // An environment-variable name standing in for its value: ACCESS_TOKEN, YOUR_API_KEY.
  // PERF (here and below): a pattern only where the first or last character allows it.
  if (first >= 0x41 && first <= 0x5a && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && !/[0-9]{4}/.test(value)) return true;
  // Source code naming where the value comes from, not the value: an environment lookup, a
  // member (`process.env.DB_PASSWORD`, `self.token`), a call or an index cut at its bracket
  // (`os.environ[`, `config.get(`, `System.getenv(`).
  if ((first === 0x70 || first === 0x73 || first === 0x74) /* p s t */ && /^(?:process\.env|self|this)\.[A-Za-z_$]/.test(value)) return true;
  if ((last === 0x28 || last === 0x5b) /* ( [ */ && /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[([]$/.test(value)) return true;
  // An elided value, as docs and truncating loggers print it: abc123..., abc123…
  if (value.endsWith('..') || value.endsWith('\u2026')) return true;
  if (first === 0x3c /* < */ && last === 0x3e /* > */) return true;
  if (value.startsWith('%(') && value.endsWith(')s')) return true;
  if (first === 0x25 /* % */ && last === 0x25 && n > 2) return true;
  if (first === 0x24 /* $ */ && /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return true;
  if (lower.startsWith('[redacted') || lower.startsWith('[filtered') || lower.startsWith('[masked')) return true;
  // `xxxx` in one case: a random token holds `xXxX` now and then (the fuzz suite drew one).
  if (value.includes('xxxx') || value.includes('XXXX') || lower.includes('example') || lower.includes('****')) return true;
  if (lower.startsWith('your') && /^your[-_ ]?(?:api[-_ ]?)?(?:key|token|secret|password|pass)/.test(lower)) return true;
  // A run of one or two distinct characters: ********, xxxxxxxx, 00000000, abababab.
  let a = -1;
  let b = -1;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (c === a || c === b) continue;
    if (a === -1) a = c;
    else if (b === -1) b = c;
    else return false;
  }
  return true;
}

/** The validation a compiled rule applies to a candidate secret. */
export interface SecretValidation {
  readonly minEntropy: number;
  readonly checksum: ChecksumKind | undefined;
  readonly skipPlaceholders: boolean;
}

/** True when the bytes `buf[start, end)` pass every validator the rule asks for. */
export function passesValidation(v: SecretValidation, buf: Uint8Array, start: number, end: number): boolean {
  if (end <= start) return false;
  if (v.minEntropy > 0 && shannonEntropy(buf, start, end) < v.minEntropy) return false;
  if (v.checksum !== undefined && !verifyChecksum(v.checksum, Buffer.from(buf.buffer, buf.byteOffset + start, end - start))) return false;
  if (v.skipPlaceholders && isPlaceholder(buf, start, end)) return false;
  return true;
}
