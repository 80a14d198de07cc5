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

/** A SQL account or role name: 'u'@'h', "u"@"h", `u`@`h`, or a bare name (u, u@h, ops$app). */
const SQL_NAME = String.raw`(?:'[^'\r\n]*'(?:@'[^'\r\n]*')?|"[^"\r\n]+"(?:@"[^"\r\n]*")?|\x60[^\x60\r\n]+\x60(?:@\x60[^\x60\r\n]*\x60)?|[\w$#.%@-]+)`;
/** `IDENTIFIED [WITH plugin] BY [PASSWORD|VALUES] `: what precedes the value (the hash forms included). */
const SQL_IDENTIFIED_BY = String.raw`IDENTIFIED\s+(?:WITH\s+['"\x60]?\w+['"\x60]?\s+)?BY\s+(?:(?:PASSWORD|VALUES)\s+)?`;
/**
 * A quoted SQL value, two capture groups: '…' (with '' and \' escapes, N'…' too; to the end
 * of the line when it never closes) or "…" (with "", a JSON-escaped \"…\" too).
 */
const SQL_QUOTED = String.raw`(?:N?'((?:[^'\\\r\n]|''|\\[^\r\n])+)(?:'|(?m:$))|\\{0,2}"((?:[^"\\\r\n]|"")+)\\{0,2}")`;

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
    // The statements of MySQL/MariaDB, Oracle and SQL Server that set a password, as a general
    // query log, a statement log or an audit trail records them. Only the password is masked.
    // Values follow SQL: `''` inside a quoted value is a quote, MySQL's `\'` too (a value whose
    // closing quote is missing is masked to the end of the line: fail closed); `N'…'` is SQL
    // Server's Unicode literal. Oracle's unquoted `IDENTIFIED BY tiger` needs the statement
    // (`CREATE|ALTER USER|ROLE name`, `GRANT … TO name`, `CONNECT TO name`) so that prose
    // (`client identified by its certificate`) stays.
    //
    // A stored hash is masked too: MySQL's `IDENTIFIED BY PASSWORD '*6BB4…'` (SHA1(SHA1(pw)),
    // unsalted: rainbow tables reverse it, and with one captured handshake it logs in), Oracle's
    // `IDENTIFIED BY VALUES '…'`, SQL Server's `PASSWORD = 0x0200… HASHED`.
    //
    // Not masked: an empty value, bind parameters and format verbs (`'?'`, `'%s'`, `:pw`),
    // `IDENTIFIED EXTERNALLY|GLOBALLY`, MySQL's `BY RANDOM PASSWORD`. PostgreSQL's
    // `PASSWORD 'x'` is the context engine's (`password-assignment`).
    id: 'sql-password-statement',
    description: "Password in a SQL statement: IDENTIFIED BY 'pw' (CREATE/ALTER USER, GRANT, Oracle unquoted), SET PASSWORD = 'pw' / PASSWORD('pw'), SQL Server WITH PASSWORD = N'pw'",
    tags: ['sql', 'mysql', 'oracle', 'sqlserver', 'context', 'password'],
    pattern: String.raw`(?i)(?:(?:(?:CREATE|ALTER)\s+(?:USER|ROLE)(?:\s+IF\s+NOT\s+EXISTS)?|GRANT\s[^;\r\n]+?\sTO|CONNECT\s+TO)\s+${SQL_NAME}\s+${SQL_IDENTIFIED_BY}(?:${SQL_QUOTED}|([A-Za-z][A-Za-z0-9_$#]*)(?:[\s;,)"'\\]|(?m:$)))|(?:'[^'\r\n]*'@'[^'\r\n]*'|"[^"\r\n]*"@"[^"\r\n]*"|\bCURRENT_USER(?:\(\))?)\s+${SQL_IDENTIFIED_BY}${SQL_QUOTED}|\bSET\s+PASSWORD(?:\s+FOR\s+${SQL_NAME})?\s*=\s*(?:(?:OLD_)?PASSWORD\s*\(\s*)?${SQL_QUOTED}|(?:\b(?:CREATE|ALTER)\s+(?:LOGIN|USER)\s+(?:\[[^\]\r\n]*\]|"[^"\r\n]*"|[\w.$#@-]+)\s+WITH\s+|\b(?:EN|DE)CRYPTION\s+BY\s+|\bOLD_)PASSWORD\s*=\s*(?:${SQL_QUOTED}|(0x[0-9A-Fa-f]{16,})))`,
    keywords: ['identified', 'password'],
    secretGroup: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    allowlists: [{ description: 'bind parameters, format verbs and MySQL keywords in place of a password', regexes: [String.raw`^(?:\?|%[sdvq]|:\w+|\$\d+|@\w+|(?i:random|password|values))$`] }],
  },
  {
    id: 'bundler-credentials',
    description: 'Bundler gem-source credentials in an env var named after the host (BUNDLE_GEMS__EXAMPLE__COM=user:pass)',
    tags: ['bundler', 'ruby', 'context', 'env', 'password'],
    pattern: String.raw`\bBUNDLE_[A-Z0-9_]{1,64}__[A-Z0-9_]{1,64}["']?[ \t]*[:=][ \t]*["']?([^\s"';&]{1,128}:[^\s"';&]{3,128})`,
    keywords: ['bundle_'],
  },
];
