/**
 * Context rules: a key that names a credential, and its value — in any syntax a log line
 * is written in (JSON at any escaping depth, logfmt, `key: value`, `=>`, `:=`, XML elements
 * and attributes, name/value pairs, command-line flags, connection and query strings, object
 * prints of Python, Ruby, Go and Java). The context engine (`src/context/`) finds and
 * classifies the pairs once per line; these rules say which of its findings each reports, so
 * findings name what was found and each kind can be disabled alone:
 *
 * - `json-sensitive-key`: a quoted JSON key (`"password":"…"`, `\"apiKey\":\"…\"`);
 * - `password-assignment`: a password key in any other syntax — any value that is not a
 *   placeholder or a structured non-secret (path, number, duration, timestamp…) is masked;
 * - `generic-secret-assignment`: another credential key (`*token`, `*secret`, `*_api_key`,
 *   `<provider>_key`, `sid`, `key`) — the value must look like a secret, and for weak keys
 *   (`key`, `sid`, `signature`) like a generated token;
 * - `cli-password-flag`: command-line options (`--password X`, `mysql -pX`, `redis-cli -a X`).
 *
 * Only the value is the secret: key names, quotes and separators stay.
 */
import { CONTEXT_KEYWORDS } from '../../context/keywords.js';
import type { Rule } from '../rule.js';

export const contextRules: readonly Rule[] = [
  {
    id: 'json-sensitive-key',
    description: 'JSON string value under a key that names a credential (password, secret, token, apiKey, client_secret, cookie…), at any depth, any escaping depth and in any case',
    tags: ['json', 'context', 'password'],
    pattern: '',
    detector: 'json-pair',
    keywords: CONTEXT_KEYWORDS,
  },
  {
    id: 'password-assignment',
    description: 'Password under its key in any syntax but JSON: logfmt, YAML, env dumps, XML, Python/Ruby/Go/Java prints, connection strings (Password=…;), in the major languages (Passwort, contraseña, senha, пароль…)',
    tags: ['logfmt', 'yaml', 'xml', 'context', 'password', 'connection-string', 'env'],
    pattern: '',
    detector: 'password-pair',
    keywords: CONTEXT_KEYWORDS,
  },
  {
    id: 'generic-secret-assignment',
    description: 'Secret-shaped value under a key naming a credential (…secret, …token, …api_key, <provider>_key, SecretAccessKey, AccountKey, sid, key) in any syntax but JSON',
    tags: ['logfmt', 'yaml', 'xml', 'context', 'generic', 'env'],
    pattern: '',
    detector: 'secret-pair',
    keywords: CONTEXT_KEYWORDS,
  },
  {
    id: 'cli-password-flag',
    description: 'Password or token on a command line: --password X, --token=X, -storepass X, mysql -pX, sshpass -p X, docker login -p X, redis-cli -a X, ldapsearch -w X, sqlcmd -P X',
    tags: ['cli', 'context', 'password'],
    pattern: '',
    detector: 'cli-flag',
    keywords: CONTEXT_KEYWORDS,
  },
  {
    id: 'bundler-credentials',
    description: 'Bundler gem-source credentials in an env var named after the host (BUNDLE_GEMS__EXAMPLE__COM=user:pass)',
    tags: ['bundler', 'ruby', 'context', 'env', 'password'],
    pattern: String.raw`\bBUNDLE_[A-Z0-9_]{1,64}__[A-Z0-9_]{1,64}["']?[ \t]*[:=][ \t]*["']?([^\s"';&]{1,128}:[^\s"';&]{3,128})`,
    keywords: ['bundle_'],
  },
];
