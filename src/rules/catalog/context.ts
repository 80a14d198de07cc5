/**
 * Context rules: a sensitive key name followed by its value, in the shapes logs really use —
 * JSON (any depth, any case, also JSON escaped inside a JSON string), logfmt and env dumps
 * (`key=value`), HTTP headers, query strings, URL userinfo and connection strings. Only the
 * value is the secret: key names, quotes and separators stay.
 *
 * Two classes of key:
 * - password-like keys (`password`, `passwd`, `passphrase`, `pwd`): any non-placeholder value
 *   is masked — passwords are often low-entropy, and the key says what the value is;
 * - generic keys (`secret`, `token`, `api_key`, …): the value must also pass an entropy gate,
 *   so `token=expired` or `max_tokens=100` stay readable.
 * The key must END with the sensitive word (`access_token`, `clientSecret`, `DB_PASSWORD`),
 * so `token_type`, `tokens` and `secret_rotation_days` are not keys of secrets.
 */
import type { Rule } from '../rule.js';
import { PASSWORD_KEYWORDS, PASSWORD_WORDS, SECRET_KEYWORDS, SECRET_WORDS } from '../sensitiveKeys.js';

/** A JSON string body: escapes kept intact. */
const JSON_STRING = String.raw`((?:[^"\\]|\\.)+)`;
/** A key prefix before the sensitive word: `db_`, `client`, `x-`, `spring.datasource.`. */
const KEY_PREFIX = String.raw`[\w.$@-]*?`;
/**
 * An assignment operator after a key, in the shapes configs, env dumps and code print:
 * `=`, `:=`, `::=`, `?=`, `.=`, `+=`, `=>`, an optional type (`token string =`), or a
 * quoted key followed by a comma (`setProperty("API_TOKEN", "…")`). Never `==`.
 */
const ASSIGN_OP = String.raw`(?:["'\x60]?\s*(?::\s*|\s)?(?:string|str|String|&str|\[\]byte|char\*)?\s*[:?.+|]{0,3}=>?|["'\x60]\s*,)\s*`;
/**
 * Value forms after an assignment: double-, single- or backtick-quoted, or bare (at least two
 * bytes, not starting with `=` or a template/substitution opener `{ $ < (`). A bare value
 * ends before a JSON escape of a line break, tab or quote (`\n`, `\"`): inside a JSON string
 * that is where the value ends (`token=abc\n    at …` in a logged stack). Groups 1-4.
 */
const ASSIGNED_VALUE = String.raw`(?:"((?:[^"\\]|\\.)+)"|'([^'\n]+)'|\x60([^\x60\s]+)\x60|([^\s"'\x60,;&}\])={$<(\\](?:[^\s"'\x60,;&}\])\\]|\\[^nrtu"\\])+))`;

export const contextRules: readonly Rule[] = [
  {
    id: 'json-sensitive-key',
    description: 'JSON string value under a sensitive key (password, secret, token, apiKey, client_secret, cookie…), at any depth and in any case',
    tags: ['json', 'context', 'password'],
    pattern: String.raw`(?i)"${KEY_PREFIX}(?:${PASSWORD_WORDS}|${SECRET_WORDS}|auth|set-cookie)"\s*:\s*"${JSON_STRING}"`,
    keywords: [...PASSWORD_KEYWORDS, ...SECRET_KEYWORDS, 'auth"'],
  },
  {
    id: 'json-escaped-sensitive-key',
    description: 'JSON embedded in a JSON string (\\"password\\":\\"…\\"), as loggers print a serialized body',
    tags: ['json', 'context', 'password'],
    pattern: String.raw`(?i)\\"${KEY_PREFIX}(?:${PASSWORD_WORDS}|${SECRET_WORDS}|auth|authorization)\\"\s*:\s*\\"((?:[^"\\]|\\[^"])+)\\"`,
    keywords: [...PASSWORD_KEYWORDS, ...SECRET_KEYWORDS, 'auth\\"', 'authorization'],
  },
  {
    id: 'password-assignment',
    description: 'Password assigned with = (logfmt, env dumps, ODBC/ADO.NET/JDBC connection strings: Password=…;, Pwd=…)',
    tags: ['logfmt', 'context', 'password', 'connection-string', 'env'],
    pattern: String.raw`(?i)(?:^|[^\w.-])[\w.-]*?(?:${PASSWORD_WORDS})${ASSIGN_OP}${ASSIGNED_VALUE}`,
    keywords: PASSWORD_KEYWORDS,
    secretGroup: [1, 2, 3, 4],
  },
  {
    id: 'password-colon-quoted',
    description: 'Quoted password after a colon (YAML, Python dict reprs, config dumps): password: "…"',
    tags: ['yaml', 'context', 'password'],
    // JSON ("password":"…") is json-sensitive-key's: the key here is bare or single-quoted.
    pattern: String.raw`(?i)(?:^|[^\w."-])'?[\w.-]*?(?:${PASSWORD_WORDS})'?\s*:\s*(?:"((?:[^"\\]|\\.)+)"|'([^'\n]+)')`,
    keywords: PASSWORD_KEYWORDS,
    secretGroup: [1, 2],
  },
  {
    id: 'generic-secret-assignment',
    description: 'High-entropy value assigned with = to a key ending in secret/token/api_key/access_key/… (logfmt, env dumps, config)',
    tags: ['logfmt', 'context', 'generic', 'env'],
    pattern: String.raw`(?i)(?:^|[^\w.-])[\w.-]*?(?:${SECRET_WORDS})${ASSIGN_OP}${ASSIGNED_VALUE}`,
    keywords: SECRET_KEYWORDS,
    secretGroup: [1, 2, 3, 4],
    minEntropy: 3,
  },
  {
    id: 'generic-secret-colon',
    description: 'High-entropy value after a colon under a key ending in secret/token/api_key/… (YAML, dict reprs); a stricter entropy gate keeps prose readable',
    tags: ['yaml', 'context', 'generic'],
    pattern: String.raw`(?i)(?:^|[^\w."-])'?[\w.-]*?(?:${SECRET_WORDS})'?\s*:(?:\s*"((?:[^"\\]|\\.){8,})"|\s*'([^'\n]{8,})'|\s+([A-Za-z0-9_.~+/-]{16,}={0,2}))`,
    keywords: SECRET_KEYWORDS,
    secretGroup: [1, 2, 3],
    minEntropy: 3.5,
  },
  {
    id: 'bundler-credentials',
    description: 'Bundler gem-source credentials in an env var named after the host (BUNDLE_GEMS__EXAMPLE__COM=user:pass)',
    tags: ['bundler', 'ruby', 'context', 'env', 'password'],
    pattern: String.raw`\bBUNDLE_[A-Z0-9_]{1,64}__[A-Z0-9_]{1,64}["']?[ \t]*[:=][ \t]*["']?([^\s"';&]{1,128}:[^\s"';&]{3,128})`,
    keywords: ['bundle_'],
  },
];
