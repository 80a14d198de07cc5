/**
 * Which key names hold credentials — one notion for the context rules (JSON keys, logfmt,
 * env dumps) and for the object walkers of the integrations (winston metadata). A key is
 * sensitive when it ENDS with one of these words, in any case: `DB_PASSWORD`,
 * `clientSecret`, `x-api-key`, `proxy-authorization` are; `tokenCount`, `max_tokens`,
 * `token_type` and `author` are not.
 */

/** Words whose value is a password: masked without an entropy gate. RE2 and JS syntax. */
export const PASSWORD_WORDS = String.raw`pass(?:word|wd|phrase)|pwd`;
/** Literals every PASSWORD_WORDS match contains (prefilter keywords). */
export const PASSWORD_KEYWORDS: readonly string[] = ['password', 'passwd', 'passphrase', 'pwd'];

/** Words whose value is a generic secret (entropy-gated in free text). RE2 and JS syntax. */
export const SECRET_WORDS = String.raw`secret|token|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|session[_-]?key|credentials?|session[_-]?id|cookie`;
/** Literals every SECRET_WORDS match contains (prefilter keywords). */
export const SECRET_KEYWORDS: readonly string[] = [
  'secret', 'token', 'api_key', 'api-key', 'apikey', 'access_key', 'access-key', 'accesskey',
  'private_key', 'private-key', 'privatekey', 'auth_key', 'auth-key', 'authkey', 'signing_key',
  'signing-key', 'signingkey', 'encryption_key', 'encryption-key', 'encryptionkey', 'master_key',
  'master-key', 'masterkey', 'session_key', 'session-key', 'sessionkey', 'credential',
  'session_id', 'session-id', 'sessionid', 'cookie',
];

/**
 * A whole key name that holds a credential (for object keys, not free text): the words above
 * plus `authorization` and a bare-suffix `auth`.
 *
 * @example
 * SENSITIVE_KEY_NAME.test('clientSecret'); // true
 * SENSITIVE_KEY_NAME.test('max_tokens');   // false
 */
export const SENSITIVE_KEY_NAME = new RegExp(`(?:${PASSWORD_WORDS}|${SECRET_WORDS}|authorization|auth)$`, 'i');
