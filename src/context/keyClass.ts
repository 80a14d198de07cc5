/**
 * The key classifier: an identifier → what kind of credential it names, if any.
 *
 * A key is split into words across every case and separator style (`DB_PASSWORD`,
 * `clientSecret`, `x-api-key`, `spring.datasource.password`, `SecretAccessKey`,
 * `pass\u0077ord`), and classified by its LAST word, so `password_changed_at`, `token_ttl`,
 * `max_tokens` and `secret_name` name no credential while `aws_secret_access_key` does.
 */
import {
  KEY_PREFIXES, NON_SECRET_MODIFIERS, NON_SECRET_TOKEN_MODIFIERS, PASS_PREFIXES, PASSWORD_SUFFIXES, PASSWORD_WORDS,
  SECRET_SUFFIXES, SECRET_WORDS, VALUE_SUFFIXES, WEAK_WORDS,
} from './lexicon.js';
import { PROVIDER_NAMES } from './providers.js';

/**
 * - `password`: any value but a placeholder or a structured non-secret is masked;
 * - `secret`: the value must not be a plain word either;
 * - `weak`: the key may or may not name a credential (`key`, `sid`, `cache_key`?): only a
 *   high-entropy, token-shaped value is masked.
 */
export type KeyClass = 'password' | 'secret' | 'weak';

/** `\u0077` escapes (at any JSON depth) decoded, UTF-8 bytes (read as latin1) decoded. */
export function decodeKey(raw: string): string {
  let key = raw.includes('\\') ? raw.replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw;
  // eslint-disable-next-line no-control-regex
  if (/[\x80-\xff]/.test(key)) key = Buffer.from(key, 'latin1').toString('utf8').replace(/\u017f/g, 's').replace(/\u212a/g, 'k');
  return key;
}

/** `storageAccountKey` → `storage account key`; `APIKey` → `api key`; `DB_PASSWORD` → `db password`. */
export function keyWords(key: string): string[] {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return spaced.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

function endsWithAny(word: string, suffixes: readonly string[]): string | undefined {
  for (const s of suffixes) if (word.length > s.length && word.endsWith(s)) return s;
  return undefined;
}

function passwordWord(word: string): boolean {
  if (PASSWORD_WORDS.has(word)) return true;
  if (endsWithAny(word, PASSWORD_SUFFIXES) !== undefined) return true;
  for (const short of ['pass', 'pwd', 'pw']) {
    if (word.length > short.length && word.endsWith(short) && PASS_PREFIXES.includes(word.slice(0, -short.length))) return true;
  }
  return false;
}

/** A glued word ending in `key` whose head names a credential: `apikey`, `secretaccesskey`. */
function gluedKey(word: string): boolean {
  if (!word.endsWith('key') || word.length <= 3) return false;
  const head = word.slice(0, -3);
  for (const p of KEY_PREFIXES) if (head === p || (head.endsWith(p) && p.length >= 3)) return true;
  return PROVIDER_NAMES.has(head);
}

/** Value suffixes that keep a credential only after a password word. */
const HASH_SUFFIXES: ReadonlySet<string> = new Set(['hash', 'hashed', 'digest']);

/** Words after a credential word that name where it is used: `Passwort_DB`, `token_prod`, `secret_v2`, `password_confirmation`. */
const QUALIFIERS: ReadonlySet<string> = new Set([
  'confirmation', 'confirm', 'confirmed', 'again', 'repeat', 'retype', 'verify', 'verification', 'neu', 'alt', 'answer',
  'db', 'database', 'mysql', 'postgres', 'pg', 'redis', 'mongo', 'smtp', 'ldap', 'ftp', 'admin', 'root',
  'user', 'prod', 'production', 'dev', 'staging', 'stage', 'qa', 'old', 'new', 'current', 'primary',
  'secondary', 'backup', 'v1', 'v2', 'v3', '1', '2', '3', 'live', 'local', 'remote', 'master',
  'private', // Mailjet's apiKeyPrivate
]);

/** A word that names a credential by itself. */
function credentialWord(word: string): boolean {
  return passwordWord(word) || SECRET_WORDS.has(word) || word === 'key';
}

/** Classifies one word list (already split), by its last word and the one before. */
function classifyWords(words: string[]): KeyClass | undefined {
  // Django's sign-up form: `password1`, `password2` (a numbered token is more often test data).
  words = words.map((w) => (/^\p{L}+\d{1,2}$/u.test(w) && passwordWord(w.replace(/\d+$/, '')) ? w.replace(/\d+$/, '') : w));
  let n = words.length;
  // `password_value`, `token_b64`: the value of the credential, under another name;
  // `Passwort_DB`, `token_prod`, `password_confirmation`: the credential of a named system,
  // stage or form field. A hash or digest is the credential's only for a password
  // (`password_digest`); `token_hash`, `key_hash` name something else.
  while (
    n > 1 &&
    ((VALUE_SUFFIXES.has(words[n - 1]!) && (!HASH_SUFFIXES.has(words[n - 1]!) || passwordWord(words[n - 2]!))) ||
      (QUALIFIERS.has(words[n - 1]!) && credentialWord(words[n - 2]!)))
  ) n--;
  if (n === 0) return undefined;
  // A password named by a phrase whose last word means nothing alone: Italian `parola d'ordine`.
  if (n >= 3 && words[n - 1] === 'ordine' && words[n - 2] === 'd' && words[n - 3] === 'parola') return 'password';
  if (HASH_SUFFIXES.has(words[n - 1]!)) return undefined;
  let last = words[n - 1]!;
  let prev = n > 1 ? words[n - 2]! : undefined;
  // `PASS_PHRASE`, `PASS_WORD`, `API_KEY` written apart: the glued word decides.
  if (prev !== undefined && (passwordWord(prev + last) || SECRET_WORDS.has(prev + last))) {
    last = prev + last;
    prev = n > 2 ? words[n - 3] : undefined;
  }
  if (passwordWord(last)) return 'password';
  if (last === 'id' || last === 'ids') return prev === 'session' ? 'secret' : undefined;
  // PKCE's `code_verifier` and OAuth 1's `oauth_verifier`: what proves the request is the client's.
  if (last === 'verifier') return prev === 'code' || prev === 'oauth' ? 'secret' : undefined;
  if (SECRET_WORDS.has(last) || endsWithAny(last, SECRET_SUFFIXES) !== undefined) {
    // `next_token`, `page_token`, `max_tokens`: a cursor or a count, not a credential.
    return (last === 'token' || last === 'tokens') && prev !== undefined && NON_SECRET_TOKEN_MODIFIERS.has(prev) ? undefined : 'secret';
  }
  if (gluedKey(last)) return 'secret';
  if (last === 'key' || last === 'keys') {
    if (prev !== undefined && NON_SECRET_MODIFIERS.has(prev)) return undefined;
    if (prev === undefined) return 'weak';
    if (KEY_PREFIXES.has(prev) || PROVIDER_NAMES.has(prev) || passwordWord(prev) || SECRET_WORDS.has(prev)) return 'secret';
    return 'weak';
  }
  // A Twilio account SID names an account, not a credential.
  if (last === 'sid' && prev === 'account') return undefined;
  if (WEAK_WORDS.has(last)) return 'weak';
  return undefined;
}

/**
 * What credential `rawKey` names (as it appears in the line: escapes and UTF-8 bytes read as
 * latin1 allowed), or undefined for an ordinary key.
 *
 * @example
 * classifyKey('spring.datasource.password'); // 'password'
 * classifyKey('password_changed_at');        // undefined
 * classifyKey('SecretAccessKey');            // 'secret'
 * classifyKey('cache_key');                  // undefined
 */
export function classifyKey(rawKey: string): KeyClass | undefined {
  // PERF: keys repeat (a line of 20 `password=` asks 20 times; 2.7 µs each before), values do
  // not: a bounded memo of the answers, emptied when full.
  const known = memo.get(rawKey);
  if (known !== undefined) return known === NONE ? undefined : known;
  const answer = classifyUncached(rawKey);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(rawKey, answer ?? NONE);
  return answer;
}
const NONE = 'none';
const MEMO_MAX = 4096;
const memo = new Map<string, KeyClass | typeof NONE>();

function classifyUncached(rawKey: string): KeyClass | undefined {
  const key = decodeKey(rawKey);
  // The shell's working directories, in every env dump and sudo line: not a password.
  if (key === 'PWD' || key === 'OLDPWD') return undefined;
  // A test runner's verdict (`--- PASS: TestLogin`, `PASS: t/01-basic.t`), not a password.
  if (key === 'PASS' || key === 'FAIL') return undefined;
  if (key.length > 128) return undefined;
  return classifyWords(keyWords(key));
}

/**
 * Whether an object key (winston metadata, not free text) names a credential whose value is
 * masked whole: a password or secret key by `classifyKey`, or `authorization`/`…auth`.
 *
 * @example
 * isSensitiveKeyName('clientSecret'); // true
 * isSensitiveKeyName('max_tokens');   // false
 */
export function isSensitiveKeyName(key: string): boolean {
  const c = classifyKey(key);
  return c === 'password' || c === 'secret' || /(?:authorization|auth)$/i.test(key);
}
