/**
 * The words of the key classifier: which identifiers name a credential. Words are compared
 * lowercased, after a key is split into words (`keyWords.ts`). Non-ASCII words are written
 * as they are; the classifier decodes a key's UTF-8 bytes before it compares.
 */

/**
 * A key whose last word is one of these holds a password: any value that is not a
 * placeholder or a structured non-secret is masked, however low its entropy.
 * English, and the words for "password" in the major languages.
 */
export const PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'passphrase', 'passcode', 'pwd', 'pass', 'pw',
  'masterauth', // Redis replica auth
  'psk', // Wi-Fi and VPN pre-shared keys
  'passwort', 'kennwort', // de
  'contraseña', 'contrasena', 'clave', // es
  'passe', 'motdepasse', 'mdp', // fr (mot_de_passe splits into mot, de, passe)
  'senha', // pt
  'wachtwoord', 'paswoord', // nl
  'parola', // it, ro, tr
  'пароль', 'parol', // ru, uk
  'hasło', 'haslo', // pl
  'heslo', // cs, sk
  'şifre', 'sifre', // tr
  'lösenord', 'losenord', 'passord', 'adgangskode', // sv, no, da
  'salasana', // fi
  'jelszó', 'jelszo', // hu
  'lozinka', // hr, sr, bs
  'κωδικός', // el
  'sandi', // id (kata sandi)
  '密码', '密碼', 'パスワード', '비밀번호',
]);

/**
 * Password words that also end longer words written without a separator: `PGPASSWORD`,
 * `dbpassword`, `keystorepassword`. (Short ones like `pass` and `pwd` need a known prefix:
 * see PASS_PREFIXES.)
 */
export const PASSWORD_SUFFIXES: readonly string[] = ['password', 'passwd', 'passphrase', 'passcode', 'passwort', 'kennwort', 'wachtwoord', 'пароль', '密码', '密碼', 'パスワード', '비밀번호'];

/** Prefixes glued to `pass`/`pwd`/`pw` that still make a password: `dbpass`, `keypass`, `rootpwd`. */
export const PASS_PREFIXES: readonly string[] = [
  'db', 'ssh', 'user', 'root', 'admin', 'my', 'pg', 'mysql', 'smtp', 'ftp', 'ldap', 'mail', 'app',
  'api', 'bind', 'redis', 'sql', 'store', 'key', 'rabbit', 'mq', 'proxy', 'wifi', 'vnc', 'rdp',
  'sa', 'sys', 'web', 'auth', 'login', 'master', 'new', 'old', 'cur', 'current', 'confirm', 'bk', 'trust', 'require',
];

/**
 * A key whose last word is one of these holds a secret (the value must look like one: not a
 * plain word, not a structured non-secret). `token`, `secret`, `apikey`, `credentials`…
 */
export const SECRET_WORDS: ReadonlySet<string> = new Set([
  'secret', 'token', 'apikey', 'auth', 'credential', 'credentials', 'creds', 'cred', 'cookie',
  'pat', 'privatekey', 'accesskey', 'secretkey', 'authkey', 'signingkey', 'masterkey', 'sessionkey',
  'encryptionkey', 'sessionid', 'sessid', 'phpsessid', 'jsessionid',
  'sharedaccesssignature', 'accountkey', 'clientsecret', 'passkey', 'licensekey',
  'geheimnis', 'secreto', 'segredo', 'jeton', 'токен', 'секрет',
]);

/** Endings of glued words that make a secret key: `authtoken`, `clientsecret`, `xoxbtoken`. */
export const SECRET_SUFFIXES: readonly string[] = ['token', 'secret', 'credentials', 'credential', 'apikey'];

/**
 * Words that, before a final `key`, name a credential: `api_key`, `access_key`,
 * `storageAccountKey`, `signing-key`. A `key` after another word (`cache_key`, `sort_key`)
 * is a weak key: see NON_SECRET_MODIFIERS and the value gate of weak keys.
 */
export const KEY_PREFIXES: ReadonlySet<string> = new Set([
  'api', 'access', 'secret', 'private', 'auth', 'signing', 'sign', 'signature', 'encryption', 'encrypt',
  'master', 'session', 'client', 'account', 'app', 'application', 'service', 'license', 'licence',
  'subscription', 'storage', 'shared', 'sas', 'host', 'function', 'functions', 'admin', 'consumer',
  'webhook', 'integration', 'deploy', 'ssh', 'gpg', 'pgp', 'hmac', 'jwt', 'crypt', 'crypto', 'cipher',
  'aes', 'root', 'write', 'read', 'ingest', 'ingestion', 'security', 'developer', 'dev', 'partner',
  'merchant', 'live', 'prod', 'server', 'user', 'project', 'org', 'organization', 'personal', 'bot',
  'rest', 'mgmt', 'management', 'install', 'instance', 'tenant', 'cloud', 'db', 'database',
  'primary_access', 'unlock', 'recovery', 'backup', 'decryption', 'kms', 'tls', 'ssl', 'x509',
  'passphrase', 'restapi', 'write_api', 'admin_api', 'mobile', 'sdk',
]);

/**
 * Words before `key` that make the key name something that is not a credential: database
 * keys, cache keys, public keys, message keys. A key ending in such a pair is not a
 * credential key at all.
 */
export const NON_SECRET_MODIFIERS: ReadonlySet<string> = new Set([
  'primary', 'foreign', 'partition', 'sort', 'cache', 'routing', 'object', 'idempotency', 'dedup',
  'dedupe', 'deduplication', 'lookup', 'map', 'row', 'hash', 'shard', 'public', 'pub', 'group',
  'message', 'event', 'file', 's3', 'bucket', 'index', 'sequence', 'composite', 'unique', 'natural',
  'surrogate', 'registry', 'sorting', 'join', 'range', 'cluster', 'distribution', 'dist', 'next',
  'page', 'pagination', 'continuation', 'sync', 'cancellation', 'cancel', 'resume', 'change',
  'delta', 'marker', 'start', 'end', 'max', 'min', 'total', 'prompt', 'completion', 'input',
  'output', 'num', 'count', 'lexer', 'parser', 'hot', 'short', 'translation', 'i18n', 'label',
  'attribute', 'attr', 'property', 'prop', 'field', 'column', 'table', 'entity', 'record', 'item',
  'hotkey', 'keyboard', 'metric', 'metrics', 'feature', 'flag', 'setting', 'config', 'env', 'cursor',
  'state', 'request', 'trace', 'span', 'correlation', 'transaction', 'job', 'task', 'lock', 'mutex',
  'ordering', 'group_by', 'redis', 'storage_class', 'kid', 'csrf_header', 'type', 'struct',
  'publishable', 'socket', 'websocket', 'kernel', 'signing_public', 'site', 'searchonly', 'search', 'gpg', 'pgp', 'browser',
  // running text: `Cache restored from key: …`, `Processing partition key TENANT#…`
  'from', 'with', 'for', 'restore', 'restored', 'saved', 'using', 'by', 'of', 'in', 'the', 'a', 'an',
  'this', 'that', 'no', 'new', 'old', 'same', 'each', 'every', 'unknown', 'missing', 'invalid', 'duplicate',
]);

/** Words before `token` that make it a cursor or a count: `next_token`, `page_token`, `NextToken`. */
export const NON_SECRET_TOKEN_MODIFIERS: ReadonlySet<string> = new Set([
  'next', 'page', 'pagination', 'continuation', 'sync', 'cancellation', 'cancel', 'resume', 'change',
  'delta', 'marker', 'start', 'end', 'max', 'min', 'total', 'prompt', 'completion', 'input', 'output',
  'num', 'count', 'lexer', 'parser', 'stop', 'eos', 'bos', 'pad', 'unk', 'special', 'cursor', 'previous', 'prev',
  'public', 'publishable', 'pub',
]);

/**
 * Words after a credential word that name its value under another form: `password_value`,
 * `token_b64`, `secret_key_base`. The classifier strips them and judges the word before
 * (`hash`, `hashed` and `digest` only after a password word: see keyClass.ts).
 */
export const VALUE_SUFFIXES: ReadonlySet<string> = new Set([
  'value', 'val', 'str', 'string', 'plain', 'plaintext', 'raw', 'b64', 'base64', 'hex', 'enc',
  'encoded', 'hash', 'hashed', 'digest', 'data', 'text', 'bytes', 'b', 'cleartext', 'clear', 'base',
]);

/**
 * Weak credential words: the key may name a credential (`key`, `sid`, `auth`, `sig`), but
 * often does not, so the value must be high-entropy and token-shaped.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set([
  'key', 'sid', 'sig', 'signature', 'otp', 'salt', 'hmac', 'clave_api', 'schlüssel',
  'schluessel', 'chiave', 'clé', 'ключ',
]);

/**
 * Values that are words about a credential, not one (`password: required`, `token=expired`):
 * never masked, whatever the key. Lowercased.
 */
export const STATUS_WORDS: ReadonlySet<string> = new Set([
  'required', 'invalid', 'incorrect', 'expired', 'set', 'unset', 'missing', 'empty', 'hidden',
  'masked', 'redacted', 'changed', 'updated', 'reset', 'ok', 'provided', 'present', 'absent',
  'protected', 'encrypted', 'valid', 'wrong', 'mismatch', 'accepted', 'rejected', 'failed',
  'success', 'successful', 'verified', 'revoked', 'refreshed', 'rotated', 'generated', 'created',
  'deleted', 'stored', 'saved', 'loaded', 'found', 'sent', 'received', 'cached', 'ignored',
  'disabled', 'enabled', 'optional', 'prompt', 'stdin', 'env', 'file', 'default', 'omitted',
  'filtered', 'sensitive', 'secret', 'password', 'token', 'not', 'is', 'was', 'for', 'and', 'or',
  'of', 'to', 'the', 'a', 'an', 'from', 'with', 'without', 'via', 'in', 'on', 'at', 'by', 'n/a',
  'na', 'unknown', 'supplied', 'configured', 'specified', 'too', 'must', 'should', 'will', 'has',
  'have', 'had', 'length', 'strength', 'weak', 'strong', 'policy', 'attempt', 'attempts',
  'error', 'errors', 'bearer', 'basic', 'true', 'false', 'yes', 'no', 'off', 'null', 'nil',
  'none', 'undefined', 'nan', 'active', 'inactive', 'pending', 'locked', 'unlocked', 'needed',
  'needs', 'change', 'update', 'expires', 'expiry', 'auto', 'manual', 'random', 'generate',
  'given', 'entered', 'typed', 'removed', 'cleared', 'sanitized', 'scrubbed', 'obfuscated',
  'digest', 'plain', 'plaintext', 'sha256', 'sha1', 'md5', 'bcrypt', 'argon2', 'argon2id',
  'pbkdf2', 'scrypt', 'oauth', 'oauth2', 'jwt', 'apikey', 'api_key', 'hmac', 'string', 'object',
  'int', 'integer', 'bool', 'boolean', 'str', 'bytes', 'optional[str]', 'secretstr', 'function',
  'class', 'type', 'async', 'await', 'return', 'const', 'let', 'var', 'new',
  'undef', '(null)', '<nil>', 'censored', 'elided', 'withheld', 'secured',
  'publickey', 'keyboard-interactive', 'hostbased', 'gssapi-with-mic', // SSH auth methods
]);
