/**
 * HTTP and URL credentials: Authorization/Proxy-Authorization headers (the scheme stays
 * readable), bearer credentials in free text, cookies, API-key headers (`X-Api-Key:`,
 * `Private-Token:`), `curl -u user:password` and `curl -H`, credentials in URL query strings
 * and URL userinfo (`https://user:pass@host`, connection URLs of databases and brokers).
 * Key/value pairs in general (`password=…`, `"apiKey": "…"`) are the context engine's: see
 * `context.ts` and `src/context/`.
 *
 * Headers are found however a log prints them: raw (`Authorization: …`), logfmt (`=`), JSON at
 * any escaping depth (`"…":"…"`, `\"…\":\"…\"`), Python and Ruby hashes (`'…': '…'`,
 * `"…"=>"…"`) and header-setting calls (`Header.Set("X-Api-Key", "…")`); URLs with JSON's `\/`
 * (PHP) at any depth. A header NAME is never a value: lists of names
 * (`Access-Control-Allow-Headers: Authorization, X-Api-Key`, `Vary: Authorization`) and a
 * name-like value are left alone, and `Bearer` takes only an RFC 7235 token68, so
 * `token_type=Bearer expires_in=3600` keeps its `expires_in`.
 */
import { CONTEXT_KEYWORDS } from '../../context/keywords.js';
import type { Rule } from '../rule.js';

/** A JSON string body: escapes kept intact. */
const JSON_STRING = String.raw`((?:[^"\\]|\\.)+)`;
/** Query parameters that carry credentials (OAuth, cloud signatures, API keys). */
const QUERY_PARAMS = [
  'access_token', 'refresh_token', 'id_token', 'auth_token', 'token', 'api_key', 'apikey', 'api-key', 'key',
  'client_secret', 'secret', 'auth', 'sig', 'signature', 'x-amz-signature',
  'x-amz-security-token', 'x-amz-credential', 'x-goog-signature', 'x-goog-credential', 'code',
];
/** Query parameters that are passwords: any non-empty value is one. */
const QUERY_PASSWORDS = ['password', 'passwd', 'pwd'];
/** What separates query parameters: `?` `&` `;` and Go's JSON escape of `&` (`\u0026`). */
const QUERY_SEPARATORS = ['?', '&', ';', '\\u0026'];
const QUERY_SEPARATOR = String.raw`(?:[?&;]|\\u0026)`;
/**
 * A query value: up to the next parameter (`&`, `;`: JDBC properties), an escaped JSON quote,
 * or the end of the URL; JSON's `\/` escapes included.
 */
const QUERY_VALUE = String.raw`(?:[^&;\s#"'<>\\]|\\+/)`;
/** A JDBC password braced because it holds `;` (`password={P@ss;w0rd}`): the secret is inside the braces. */
const BRACED = String.raw`\{([^}\r\n]{1,256})\}`;
/** Authorization schemes kept in front of the masked credential. */
const AUTH_SCHEMES = String.raw`(?:bearer|basic|token|digest|negotiate|ntlm|apikey|api-key|sso-key|hmac|otp|key|aws4-hmac-sha256|sharedkey|splunk|gssapi|dpop|mac|ssws|bot|jwt|oauth|klaviyo-api-key|genieKey|zoho-oauthtoken|client-id|bearertoken)`;
/** Schemes other than Bearer and Basic, whose credentials may be auth-params (`Token token="…"`). */
const PARAM_SCHEMES = String.raw`(?:token|digest|negotiate|ntlm|apikey|api-key|sso-key|hmac|otp|key|aws4-hmac-sha256|sharedkey|splunk|gssapi|dpop|mac|ssws|bot|jwt|oauth|klaviyo-api-key|genieKey|zoho-oauthtoken|client-id|bearertoken)`;
/**
 * A scheme no list names, written with hyphens as vendors do and ending in what it carries
 * (`DeepL-Auth-Key`, `Klaviyo-Private-Key`; `SharedKeyLite` is one word): its credential, at
 * least 8 characters, is masked and the scheme stays (`Token-Based authentication` is prose).
 */
const OTHER_SCHEME = String.raw`(?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-(?:key|token|auth|signature|credentials?|secret)|sharedkeylite)`;
/**
 * Between a header name and its value: `: ` `=` `=>`, each side optionally quoted at any
 * escaping depth (`"a":"…"`, `\"a\":\"…`, `'a': '…'`, `"a"=>"…"`).
 */
const NAME_TO_VALUE = String.raw`(?:\\*["'])?\s*(?:=>|[:=])\s*(?:\\*["'])?`;
/** A header-setting call's argument list: `("X-Api-Key", "` (the name must be quoted and follow `(`). */
const CALL_OPEN = String.raw`\(\s*\\*["']`;
const CALL_NEXT = String.raw`\\*["']\s*,\s*\\*["']`;
/** An RFC 7235 token68 (Bearer and Basic credentials; `:` and `%` for decoded or URL-encoded Basic). */
const TOKEN68 = String.raw`[A-Za-z0-9._~+/:%-]+=*`;
/** What may follow a token68: the end of the value (not `=` and more, which is the next key=value). */
const VALUE_END = String.raw`(?:$|[\s"',;<>\\)\]}&])`;
/**
 * Header names and other words that are not credentials: `X-Api-Key: Fastly-Key` (a list of
 * header names), a scheme standing alone (`Authorization: Negotiate`).
 */
const NOT_A_VALUE = {
  description: 'a header name, an authorization scheme, a number (a JSON key\'s bare value) or a setting, not a credential',
  regexes: [
    String.raw`^(?:[A-Z][a-z]+)(?:-[A-Z][a-z]+)+$`, String.raw`(?i)^(?:x-[a-z]+(?:-[a-z]+)*|${AUTH_SCHEMES})$`, String.raw`^[0-9.eE+-]+$`,
    // A setting or a verdict, not a credential: mongod's "authorization":"enabled", `Authorization: required`.
    String.raw`(?i)^(?:enabled|disabled|required|optional|allow|allowed|deny|denied|rbac|abac|opa|present|absent|none|null|true|false|on|off|yes|no|missing|invalid|failed|granted|pending)$`,
  ],
} as const;
/** API-key style header names (lowercase; matched case-insensitively). */
const API_KEY_HEADERS = [
  'x-api-key', 'x-apikey', 'api-key', 'x-api-token', 'x-auth-token', 'x-auth-key', 'x-access-token', 'x-amz-security-token', 'private-token',
  'x-gitlab-token', 'x-vault-token', 'x-goog-api-key', 'ocp-apim-subscription-key', 'x-functions-key', 'x-shopify-access-token', 'fastly-key',
];
const API_KEY_HEADER = `(?:${API_KEY_HEADERS.join('|')})`;

export const httpRules: readonly Rule[] = [
  {
    id: 'json-authorization',
    description: 'JSON "authorization" value (request headers logged as an object, also JSON inside JSON); the scheme stays readable',
    tags: ['http', 'json', 'context', 'header'],
    pattern: String.raw`(?i)"(?:proxy-)?authorization"\s*:\s*"(?:${AUTH_SCHEMES}\s+)?${JSON_STRING}"|\\+"(?:proxy-)?authorization\\+"\s*:\s*\\+"(?:${AUTH_SCHEMES}\s+)?([^"\\]+)\\+"`,
    keywords: ['authorization"', 'authorization\\'],
    secretGroup: [1, 2],
    allowlists: [NOT_A_VALUE],
  },
  {
    id: 'http-authorization-header',
    description: 'Authorization / Proxy-Authorization header in text (curl, raw HTTP, logfmt, escaped JSON, Python/Ruby hashes, Header.Set calls); the scheme stays readable',
    tags: ['http', 'context', 'header'],
    // Bearer and Basic take a token68 that ends the value; other schemes may carry their
    // credential as an auth-param (`Token token="…"`); without a scheme, the value itself.
    // A header after an escaped line break (`\r\nAuthorization:` in a logged request) has no
    // word boundary before it: the escape's letter is a word character.
    pattern: String.raw`(?i)(?:(?:\b|\\[nrt])(?:proxy-)?authorization${NAME_TO_VALUE}|${CALL_OPEN}(?:proxy-)?authorization${CALL_NEXT})(?:(?:bearer|basic)\s+(${TOKEN68})${VALUE_END}|${PARAM_SCHEMES}\s+(?:[\w-]+=\s*\\*["']?)?([A-Za-z0-9._~+/=:-][^\s"',;<>\\]{2,})|${OTHER_SCHEME}\s+([A-Za-z0-9._~+/=:-]{8,}[^\s"',;<>\\]*)|([A-Za-z0-9._~+/=:-][^\s"',;<>\\]{3,}))`,
    keywords: ['authorization'],
    secretGroup: [1, 2, 3, 4],
    allowlists: [NOT_A_VALUE],
  },
  {
    id: 'http-bearer-token',
    description: 'Bearer credential anywhere in a line (curl -H, error messages): a token68 that ends there, not a word (`bearer authentication_required`) or the next key=value',
    tags: ['http', 'context', 'token'],
    pattern: String.raw`(?i)\bbearer\s+([A-Za-z0-9._~+/-]{16,}=*)${VALUE_END}`,
    keywords: ['bearer'],
    minEntropy: 3,
    allowlists: [{ description: 'words and identifiers in prose', regexes: [String.raw`^[A-Za-z]+(?:[_.-][A-Za-z]+)*$`] }],
  },
  {
    id: 'http-cookie-header',
    description: 'Cookie / Set-Cookie header: the value of each session or credential cookie (by name, or shaped like a generated token), in text or JSON; other cookies and attributes stay',
    tags: ['http', 'context', 'header', 'cookie'],
    pattern: '',
    detector: 'cookie',
    keywords: CONTEXT_KEYWORDS,
  },
  {
    id: 'http-api-key-header',
    description: 'API-key style headers (X-Api-Key, X-Auth-Token, Private-Token, X-Vault-Token, X-Amz-Security-Token, Fastly-Key, Ocp-Apim-Subscription-Key…) in text, JSON at any depth, hashes and Header.Set calls',
    tags: ['http', 'context', 'header', 'api-key'],
    pattern: String.raw`(?i)(?:\b${API_KEY_HEADER}${NAME_TO_VALUE}|${CALL_OPEN}${API_KEY_HEADER}${CALL_NEXT})([^\s"',;\\{}\[\]\-@][^\s"',;\\{}\[\]@]{5,})`,
    keywords: ['api-key', 'apikey', 'api-token', 'auth-token', 'auth-key', 'access-token', 'security-token', 'private-token', 'gitlab-token', 'vault-token', 'subscription-key', 'functions-key', 'fastly-key'],
    allowlists: [NOT_A_VALUE],
  },
  {
    id: 'url-query-secret',
    description: 'Credential in a URL query string (?access_token=, &api_key=, &sig=, &X-Amz-Signature=, &password=…, JDBC ;password=, Go JSON \\u0026)',
    tags: ['url', 'context', 'token'],
    pattern: String.raw`(?i)${QUERY_SEPARATOR}(?:(?:${QUERY_PARAMS.join('|')})=(${QUERY_VALUE}{4,})|(?:${QUERY_PASSWORDS.join('|')})=(?:${BRACED}|(${QUERY_VALUE}+)))`,
    // Every match starts with ?name=, &name=, ;name= or \u0026name=: far rarer in logs than the bare name.
    keywords: [...QUERY_PARAMS, ...QUERY_PASSWORDS].flatMap((p) => QUERY_SEPARATORS.map((c) => `${c}${p}=`)),
    secretGroup: [1, 2, 3],
  },
  {
    id: 'url-userinfo-password',
    description: 'Password in URL userinfo (https://user:pass@host, postgres://, mongodb+srv://, rediss://:pass@, amqps://, JSON-escaped mysql:\\/\\/); the password ends at the @ that starts the host',
    tags: ['url', 'context', 'password', 'connection-string'],
    pattern: String.raw`(?i)\b[a-z][a-z0-9+.-]{0,30}:(?://|\\/\\/|\\\\/\\\\/|\\\\\\/\\\\\\/)[^\s/?#:"'<>]{0,256}:([^\s/?#;"'<>]{1,256})@[^\s/?#@"'<>]`,
    keywords: ['://', ':\\/\\/', ':\\\\/\\\\/', ':\\\\\\/\\\\\\/'],
  },
  {
    id: 'smtp-auth-credentials',
    description: 'SMTP AUTH PLAIN / LOGIN credentials (base64) in a mail client or server protocol trace',
    tags: ['smtp', 'email', 'context', 'password'],
    pattern: String.raw`\bAUTH (?:PLAIN|LOGIN) ([A-Za-z0-9+/]{8,}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
    keywords: ['AUTH PLAIN ', 'AUTH LOGIN '],
    caseSensitiveKeywords: true,
  },
  {
    // A client's or server's protocol trace: the command that sends a password, its argument
    // the credential. FTP `PASS x` (ftplib's `*cmd* 'PASS x'`, `---> PASS x`, `C: PASS x`), IMAP
    // `a001 LOGIN user "pw"` (a tag with a digit: `User LOGIN failed` stays), IMAP/SMTP
    // `AUTHENTICATE XOAUTH2|PLAIN <base64>`, Redis `"AUTH" ["user"] "pw"` (MONITOR) and ioredis'
    // `auth([ 'pw' ])`, python-ldap's `simple_bind_s(('cn=…', 'pw')…)`.
    id: 'protocol-auth-command',
    description: 'A password sent as a protocol command in a trace: FTP PASS, IMAP LOGIN and AUTHENTICATE, Redis AUTH (MONITOR, ioredis), an LDAP simple bind',
    tags: ['protocol', 'context', 'password'],
    pattern: String.raw`(?:\*cmd\*\s+'|--->\s+|\b[CS]:\s+|(?m:^)>\s+)PASS\s+([^\s']+)'?[ \t]*(?m:$)|(?:(?m:^)|\b[CS]:\s+|>\s+)[A-Za-z]{0,4}\d{1,6}\s+LOGIN\s+(?:"(?:[^"\\]|\\.)*"|[^\s"=]+)\s+(?:"((?:[^"\\]|\\.)+)"|([^\s"=]+))[ \t]*(?m:$)|\bAUTHENTICATE\s+(?:XOAUTH2|OAUTHBEARER|PLAIN)\s+([A-Za-z0-9+/]{12,}={0,2})|\]\s+"(?i:auth)"(?:\s+"[^"]*")?\s+"([^"]+)"|\bauth\(\[\s*(?:'[^']*',\s*)?'([^']+)'\s*\]\)|\bsimple_bind(?:_s)?\(\(?\s*(?:'[^']*'|"[^"]*"|[\w.]+)\s*,\s*(?:'([^']+)'|"([^"]+)")`,
    // PERF: case-sensitive keywords (`login ` and `pass ` in prose and access logs made lines
    // candidates for nothing: 0.89× the catalog's speed on the bench corpus).
    keywords: ['PASS ', 'LOGIN ', 'AUTHENTICATE ', '] "AUTH"', '] "auth"', 'auth([', 'simple_bind'],
    caseSensitiveKeywords: true,
    secretGroup: [1, 2, 3, 4, 5, 6, 7, 8],
    allowlists: [{ description: 'a mask the tool wrote, a bind parameter, a test file a runner passed', regexes: [String.raw`^(?:\((?:redacted|hidden)\)|\*+|<[^>]*>|\?)$`, String.raw`[/\\]|\.(?:[jt]sx?|py|go|rb|java|rs|php|cs)$`] }],
  },
  {
    // A provider's client built with its key as the only argument, printed by a debug log or a
    // stack trace: `new TravisCIClient("1PcH…")`, `SnykClient("…")`, `new Acme.Api('…')`. The
    // argument must look generated (16+ characters, a digit, high entropy); URLs, host names and
    // regions stay.
    id: 'client-constructor-key',
    description: 'A key passed as the only argument of a provider client constructor (new XyzClient("…"))',
    tags: ['context', 'api-key'],
    pattern: String.raw`(?:^|[^\w.])(?:new\s+)?(?:[A-Z]\w*\.)*[A-Z][A-Za-z0-9]*(?:Client|Api|API|Sdk|SDK)\(\s*["']([A-Za-z0-9_\-+/=.]{16,})["']\s*\)`,
    keywords: ['Client(', 'Api(', 'API(', 'Sdk(', 'SDK('],
    caseSensitiveKeywords: true,
    minEntropy: 3.3,
    allowlists: [{ description: 'a host name, a path, a value without a digit, a name made of words (prod-eu-west-1-cluster, merchant_acct_123)', regexes: [String.raw`^[^0-9]*$`, String.raw`^[a-z0-9-]+(?:\.[a-z0-9-]+)+$`, '/', String.raw`(?:^|[-_.])[a-z]{3,}(?:[-_.]|$)`] }],
  },
  {
    // base64 of `{"auths":` — a Docker config (`.dockerconfigjson`, DOCKER_AUTH_CONFIG) whose
    // entries carry registry credentials.
    id: 'docker-config-base64',
    description: 'A base64-encoded Docker config JSON ({"auths":…}) with registry credentials',
    tags: ['docker', 'registry', 'password'],
    pattern: String.raw`\b(eyJhdXRocyI6[A-Za-z0-9+/]{60,}={0,2})`,
    keywords: ['eyJhdXRocyI6'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'jdbc-oracle-password',
    description: 'Password in an Oracle thin-driver JDBC URL (jdbc:oracle:thin:user/password@//host:1521/service), escaped slashes included',
    tags: ['jdbc', 'oracle', 'url', 'context', 'password', 'connection-string'],
    pattern: String.raw`(?i)jdbc:oracle:(?:thin|oci):[^/\s"'@]{1,128}/([^\s"'@]{1,256})@(?:\\?/){0,2}[A-Za-z0-9(\[]`,
    keywords: ['jdbc:oracle:'],
  },
  {
    id: 'curl-user-password',
    description: 'Password in curl -u/--user user:password',
    tags: ['curl', 'context', 'password'],
    pattern: String.raw`\bcurl\b[^\n]{0,512}?\s(?:-u|--user)(?:[ \t]+|=|[ \t]*["'])["']?[^\s:"'<>\[\]]{1,128}:["']?([^\s"'<>\[\]]{3,256})`,
    // The option, not the command: "curl/8.5.0" user agents are everywhere in access logs.
    keywords: ['-u ', '-u\t', '-u=', '-u"', "-u'", '--user'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'http-secret-header',
    description: 'A request header whose name ends in token/key/secret/auth/signature, as curl -H and raw HTTP dumps print it (Api-Token: …, X-Signing-Key: …)',
    tags: ['http', 'context', 'header', 'curl'],
    pattern: String.raw`(?i)(?:-H|--header)[ \t=]*["']?[\w-]{0,40}(?:token|key|secret|auth|signature):[ \t]*(?:${AUTH_SCHEMES}[ \t]+)?([A-Za-z0-9._~+/=:-][^\s"']{3,})`,
    keywords: ['token:', 'key:', 'secret:', 'auth:', 'signature:'],
  },
];
