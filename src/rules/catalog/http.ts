/**
 * HTTP and URL credentials: Authorization/Proxy-Authorization headers (the scheme stays
 * readable), bearer credentials in free text, cookies, API-key headers (`X-Api-Key:`,
 * `Private-Token:`), `curl -u user:password` and `curl -H`, credentials in URL query strings
 * and URL userinfo (`https://user:pass@host`, connection URLs of databases and brokers).
 * Key/value pairs in general (`password=…`, `"apiKey": "…"`) are the context engine's: see
 * `context.ts` and `src/context/`.
 */
import type { Rule } from '../rule.js';

/** A JSON string body: escapes kept intact. */
const JSON_STRING = String.raw`((?:[^"\\]|\\.)+)`;
/** Query parameters that carry credentials (OAuth, cloud signatures, API keys). */
const QUERY_PARAMS = [
  'access_token', 'refresh_token', 'id_token', 'auth_token', 'token', 'api_key', 'apikey', 'api-key', 'key',
  'client_secret', 'secret', 'password', 'passwd', 'pwd', 'auth', 'sig', 'signature', 'x-amz-signature',
  'x-amz-security-token', 'x-amz-credential', 'x-goog-signature', 'x-goog-credential', 'code',
];
/** Authorization schemes kept in front of the masked credential. */
const AUTH_SCHEMES = String.raw`(?:bearer|basic|token|digest|negotiate|ntlm|apikey|api-key|sso-key|hmac|otp|key|aws4-hmac-sha256|sharedkey|splunk|gssapi|dpop|mac)`;

export const httpRules: readonly Rule[] = [
  {
    id: 'json-authorization',
    description: 'JSON "authorization" value (request headers logged as an object); the scheme stays readable',
    tags: ['http', 'json', 'context', 'header'],
    pattern: String.raw`(?i)"(?:proxy-)?authorization"\s*:\s*"(?:${AUTH_SCHEMES}\s+)?${JSON_STRING}"`,
    keywords: ['authorization"'],
  },
  {
    id: 'http-authorization-header',
    description: 'Authorization / Proxy-Authorization header in text (curl, raw HTTP, logfmt); the scheme stays readable',
    tags: ['http', 'context', 'header'],
    pattern: String.raw`(?i)\b(?:proxy-)?authorization\s*[:=]\s*["']?(?:${AUTH_SCHEMES}\s+)?([A-Za-z0-9._~+/=:-][^\s"',;<>]{3,})`,
    keywords: ['authorization'],
  },
  {
    id: 'http-bearer-token',
    description: 'Bearer credential anywhere in a line (curl -H, error messages)',
    tags: ['http', 'context', 'token'],
    pattern: String.raw`(?i)\bbearer\s+([A-Za-z0-9._~+/-]{16,}=*)`,
    keywords: ['bearer'],
    minEntropy: 3,
  },
  {
    id: 'http-cookie-header',
    description: 'Cookie / Set-Cookie header value in text',
    tags: ['http', 'context', 'header', 'cookie'],
    pattern: String.raw`(?i)\b(?:set-)?cookie\s*:\s*([^\s"';=]+=[^\r\n"]+)`,
    keywords: ['cookie'],
  },
  {
    id: 'http-api-key-header',
    description: 'API-key style headers (X-Api-Key, X-Auth-Token, Private-Token, X-Vault-Token, Ocp-Apim-Subscription-Key…) in text or JSON',
    tags: ['http', 'context', 'header', 'api-key'],
    pattern: String.raw`(?i)\b(?:x-api-key|x-apikey|api-key|x-auth-token|x-access-token|x-amz-security-token|private-token|x-gitlab-token|x-vault-token|x-goog-api-key|ocp-apim-subscription-key|x-functions-key|x-shopify-access-token)"?\s*[:=]\s*["']?([^\s"',;]{6,})`,
    keywords: ['api-key', 'apikey', 'auth-token', 'access-token', 'security-token', 'private-token', 'gitlab-token', 'vault-token', 'subscription-key', 'functions-key'],
  },
  {
    id: 'url-query-secret',
    description: 'Credential in a URL query string (?access_token=, &api_key=, &sig=, &X-Amz-Signature=, &password=…)',
    tags: ['url', 'context', 'token'],
    pattern: String.raw`(?i)[?&;](?:${QUERY_PARAMS.join('|')})=([^&\s#"'<>]{4,})`,
    // Every match starts with ?name=, &name= or ;name=: far rarer in logs than the bare name.
    keywords: QUERY_PARAMS.flatMap((p) => ['?', '&', ';'].map((c) => `${c}${p}=`)),
  },
  {
    id: 'url-userinfo-password',
    description: 'Password in URL userinfo (https://user:pass@host, postgres://, mongodb+srv://, redis://:pass@, amqp://)',
    tags: ['url', 'context', 'password', 'connection-string'],
    pattern: String.raw`(?i)\b[a-z][a-z0-9+.-]{0,30}://[^\s/?#@:"'<>]{0,256}:([^\s/?#@"'<>]{1,256})@[^\s/?#@"'<>]`,
    keywords: ['://'],
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
