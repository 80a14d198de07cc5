/**
 * Realistic negatives: identifiers and prose that look random or mention secrets but carry
 * none. None of them may be changed by the full built-in catalog.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';

const redactor = createRedactor();
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const lines: readonly string[] = [
  // identifiers
  ...Array.from({ length: 20 }, (_, i) => `{"level":30,"reqId":"${randomUUID()}","msg":"request ${i} completed"}`),
  ...Array.from({ length: 20 }, (_, i) => `commit ${sha1(`c${i}`)} Merge branch 'main' of github.com:acme/app`),
  ...Array.from({ length: 20 }, (_, i) => `layer sha256:${sha256(`l${i}`)} pulled in 1.2s`),
  ...Array.from({ length: 20 }, () => `traceparent: 00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`),
  ...Array.from({ length: 10 }, (_, i) => `{"trace_id":"${randomBytes(16).toString('hex')}","span_id":"${randomBytes(8).toString('hex')}","n":${i}}`),
  ...Array.from({ length: 10 }, (_, i) => `etag: "${sha1(`e${i}`).slice(0, 27)}" content-md5: ${createHash('md5').update(`m${i}`).digest('base64')}`),
  // base64 of ordinary text
  `payload=${Buffer.from('The quick brown fox jumps over the lazy dog, again and again.').toString('base64')}`,
  `{"data":"${Buffer.from('{"orderId":42,"items":["apple","pear"],"total":9.99}').toString('base64')}"}`,
  // timestamps and numbers
  '2026-11-27T20:39:22.123Z INFO  [main] started in 1532 ms (pid 4242, port 8080)',
  '{"time":1764275962123,"level":"info","latency_ms":12.5,"bytes":1048576}',
  '127.0.0.1 - - [27/Nov/2026:20:39:22 +0000] "GET /api/v1/orders?page=2&limit=50 HTTP/1.1" 200 5123 "-" "curl/8.5.0"',
  // prose that mentions secrets without carrying one
  'Password reset requested for user 42',
  'password reset email sent to the account owner',
  'Invalid token: signature mismatch',
  'token expired, refreshing',
  'secret rotation completed for 3 services',
  'User entered wrong password 3 times; account locked',
  'Authorization failed: missing scope orders:write',
  'level=warn msg="api key not configured, falling back to anonymous access"',
  '{"level":40,"msg":"the access token will expire in 300 seconds"}',
  'level=info msg="token bucket refilled" tokens=50 capacity=100',
  '{"max_tokens":1024,"prompt_tokens":312,"completion_tokens":88,"token_type":"Bearer"}',
  'at com.acme.auth.TokenService.validate(TokenService.java:142)',
  '    at async PasswordHasher.verify (/app/node_modules/auth/lib/hash.js:88:11)',
  'Caused by: java.lang.IllegalStateException: secret store unavailable',
  'GET /docs/how-to-rotate-your-api-key HTTP/1.1',
  'msg="using credentials from instance profile"',
  // Source code that names where a secret comes from (logveil scan reads code).
  'const password = process.env.DB_PASSWORD;',
  'password = await vault.read("db/password")',
  'api_key = os.environ["API_KEY"]',
  "api_key = os.environ.get('API_KEY')",
  "token = req.headers['x-api-key']",
  'secret = config.get("secret")',
  'password := os.Getenv("DB_PASSWORD")',
  'String password = System.getenv("DB_PASSWORD");',
  'token = self.token',
];

describe('realistic negatives', () => {
  it.each(lines.map((l) => [l.slice(0, 70), l] as const))('%s', (_name, line) => {
    expect(redactor.redact(line)).toBe(line);
  });
});
