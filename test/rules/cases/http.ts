import type { RuleCase } from '../case.js';

/** HTTP and URL rules (src/rules/catalog/http.ts): headers, bearer credentials, cookies, curl, query strings, URL userinfo. */
export const cases: readonly RuleCase[] = [
  // Authorization
  { rule: 'json-authorization', text: '{"req":{"headers":{"authorization":"Bearer 8f14e45fceea167a5a36dedd4bea2543"}}}', secret: '8f14e45fceea167a5a36dedd4bea2543' },
  { rule: 'json-authorization', text: '{"Authorization":"Basic dXNlcjpodW50ZXIy"}', secret: 'dXNlcjpodW50ZXIy' },
  { rule: 'json-authorization', text: '{"authorization_url":"https://example.org/oauth"}', negative: true },
  { rule: 'http-authorization-header', text: 'curl -H "Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543" https://api.example.org', secret: '8f14e45fceea167a5a36dedd4bea2543' },
  { rule: 'http-authorization-header', text: 'GET /v1/items HTTP/1.1\r Authorization: Token 9c1d4a7e2b', secret: '9c1d4a7e2b' },
  { rule: 'http-authorization-header', text: 'level=debug authorization="Basic dXNlcjpodW50ZXIy" path=/login', secret: 'dXNlcjpodW50ZXIy' },
  { rule: 'http-authorization-header', text: 'Authorization: Bearer <your token here>', negative: true },
  { rule: 'http-authorization-header', text: 'authorization failed for user 42', negative: true },
  { rule: 'http-bearer-token', text: 'retrying with bearer Zq8vT2mW9kR4pL7xNq3f after 401', secret: 'Zq8vT2mW9kR4pL7xNq3f' },
  { rule: 'http-bearer-token', text: 'bearer token expired for user 42', negative: true },
  { rule: 'http-cookie-header', text: 'Cookie: session=8f14e45fceea; theme=dark', secret: 'session=8f14e45fceea; theme=dark' },
  { rule: 'http-cookie-header', text: 'Set-Cookie: sid=7a9c2e; Path=/; Secure', secret: 'sid=7a9c2e; Path=/; Secure' },
  { rule: 'http-cookie-header', text: 'no cookie: using defaults', negative: true },
  { rule: 'http-api-key-header', text: 'X-Api-Key: 4f9a1c7e2b8d', secret: '4f9a1c7e2b8d' },
  { rule: 'http-api-key-header', text: '{"headers":{"x-auth-token":"tkn_51f0a9c3"}}', secret: 'tkn_51f0a9c3' },
  { rule: 'http-api-key-header', text: 'PRIVATE-TOKEN: glpat-abcDEF123ghiJKL456mn', secret: 'glpat-abcDEF123ghiJKL456mn' },
  { rule: 'http-api-key-header', text: 'X-Api-Key: ${API_KEY}', negative: true },
  // Query strings
  { rule: 'url-query-secret', text: 'GET /callback?code=4/0AX4XfWh&state=xyz HTTP/1.1', secret: '4/0AX4XfWh' },
  { rule: 'url-query-secret', text: '10.0.0.1 - - "GET /api/v1/me?access_token=EAAGm0PX4ZCpsBAKZB&fields=id HTTP/1.1" 200', secret: 'EAAGm0PX4ZCpsBAKZB' },
  { rule: 'url-query-secret', text: 'https://acct.blob.core.windows.net/c/b.txt?sv=2021-08-06&se=2030-01-01&sig=abcD3fGh1jKlMn0pQrStUvWxYz%3D', secret: 'abcD3fGh1jKlMn0pQrStUvWxYz%3D' },
  { rule: 'url-query-secret', text: 'jdbc:mysql://db:3306/app?user=app&password=s3cr3t!', secret: 's3cr3t!' },
  { rule: 'url-query-secret', text: 'GET /search?q=token&page=2', negative: true },
  // URL userinfo and connection strings
  { rule: 'url-userinfo-password', text: 'connecting to postgres://app:s3cr3tPa55@db.internal:5432/app', secret: 's3cr3tPa55' },
  { rule: 'url-userinfo-password', text: 'mongodb+srv://admin:Zq8vT2mW9k@cluster0.abcde.mongodb.net/test', secret: 'Zq8vT2mW9k' },
  { rule: 'url-userinfo-password', text: 'REDIS_URL=redis://:p4ssw0rd-redis@cache:6379/0', secret: 'p4ssw0rd-redis' },
  { rule: 'url-userinfo-password', text: 'amqp://guest:rabbit-9f2c@mq:5672/vhost', secret: 'rabbit-9f2c' },
  { rule: 'url-userinfo-password', text: 'mysql://root:hunter2@127.0.0.1/db', secret: 'hunter2' },
  { rule: 'url-userinfo-password', text: 'https://user:${PASSWORD}@example.org', negative: true },
  { rule: 'url-userinfo-password', text: 'https://example.org:8443/path and mail bob@example.org', negative: true },
  { rule: 'curl-user-password', text: 'curl -u admin:Zq8vT2mW https://ci.example.org/api', secret: 'Zq8vT2mW' },
  { rule: 'curl-user-password', text: "curl -sw '%{http_code}' -X POST --user  'johns:h0pk1ns~21s' $API_URL", secret: 'h0pk1ns~21s' },
  { rule: 'curl-user-password', text: "curl --user kevin:'pRf7vG2h1L8nQkW9' -iX PATCH", secret: 'pRf7vG2h1L8nQkW9' },
  { rule: 'curl-user-password', text: 'curl --user neo4j:[PASSWORD] http://localhost:7474/', negative: true },
  { rule: 'http-secret-header', text: 'curl -X POST --header "Api-Token: Sk94HG7f6KB"', secret: 'Sk94HG7f6KB' },
  { rule: 'http-secret-header', text: 'curl -H "Content-Type: text/plain" -H "Token: 3fea6af1349166ea" -d x', secret: '3fea6af1349166ea' },
  { rule: 'http-secret-header', text: 'curl -H "X-Request-Id: 3fea6af1349166ea"', negative: true },
];
