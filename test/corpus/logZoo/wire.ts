/**
 * Formats that are not application loggers: web server and proxy access logs, `curl -v`,
 * HTTP client debug output, stack traces, shell traces, SQL logs, SOAP and AWS STS payloads,
 * kubectl output. Each function prints one line; the slot a secret can take is a parameter,
 * so the same function prints the clean line and the leaking one.
 */
import { f, type Frag, frag, mapText, type Run, textOf } from './fragment.js';
import type { Rng } from './random.js';
import type { Field } from './syntax.js';
import { json, nodeInspect, obj, pythonRepr } from './syntax.js';
import * as ts from './timestamps.js';
import * as w from './world.js';
import type { Rendered } from './formats.js';

const fr = (x: Frag | string | undefined, fallback: () => string): Frag => (x === undefined ? frag(fallback()) : typeof x === 'string' ? frag(x) : x);

// ---- web servers and proxies ----

export function nginxAccess(r: Rng, opts: { path?: Frag | string; referer?: Frag | string; remoteUser?: Frag | string; status?: number } = {}): Rendered {
  const path = fr(opts.path, () => w.apiPath(r));
  const ref = fr(opts.referer, () => r.pick(['-', '-', `https://${r.pick(w.DOMAINS)}/`, `https://${r.pick(w.DOMAINS)}/checkout`]));
  const st = opts.status ?? w.status(r);
  const tail = r.chance(0.4) ? ` "${r.chance(0.5) ? w.ip(r) : '-'}" rt=${(w.duration(r) / 1000).toFixed(3)} uct="0.000" urt="${(w.duration(r) / 1000).toFixed(3)}"` : '';
  return { format: 'nginx-access', line: f`${w.ip(r)} - ${fr(opts.remoteUser, () => '-')} [${ts.clf(r.now)}] "${w.method(r)} ${path} HTTP/${r.pick(['1.1', '1.1', '2.0'])}" ${st} ${r.int(60000)} "${ref}" "${w.userAgent(r)}"${tail}` };
}

export function nginxError(r: Rng, opts: { path?: Frag | string; message?: Frag | string } = {}): Rendered {
  const path = fr(opts.path, () => w.apiPath(r));
  const domain = r.pick(w.DOMAINS);
  const msg = fr(opts.message, () =>
    r.pick([
      `upstream timed out (110: Connection timed out) while reading response header from upstream`,
      `connect() failed (111: Connection refused) while connecting to upstream`,
      `upstream prematurely closed connection while reading response header from upstream`,
      `no live upstreams while connecting to upstream`,
      `client intended to send too large body: ${r.range(1_100_000, 90_000_000)} bytes`,
    ]),
  );
  const level = r.pick(['error', 'error', 'warn', 'crit']);
  return { format: 'nginx-error', line: f`${ts.goLog(r.now)} [${level}] ${r.range(7, 40)}#${r.range(7, 40)}: *${r.range(1, 9_999_999)} ${msg}, client: ${w.ip(r)}, server: ${domain}, request: "${w.method(r)} ${path} HTTP/1.1", upstream: "http://${w.ip(r)}:8080${path}", host: "${domain}"` };
}

/** Envoy's default access log format, or Istio's JSON one; `extraHeader` is a header some meshes log (%REQ(X)%). */
export function envoyAccess(r: Rng, opts: { path?: Frag | string; extraHeader?: Frag } = {}): Rendered {
  const path = fr(opts.path, () => w.apiPath(r));
  const m = w.method(r);
  const st = w.status(r);
  const authority = r.pick(w.DOMAINS);
  const upstream = `${w.ip(r)}:${r.pick([8080, 3000, 9000])}`;
  if (r.chance(0.35)) {
    const fields: Field[] = [
      { key: 'authority', value: authority },
      { key: 'bytes_received', value: r.int(4000) },
      { key: 'bytes_sent', value: r.int(60000) },
      { key: 'downstream_remote_address', value: `${w.ip(r)}:${r.range(1024, 65535)}` },
      { key: 'duration', value: w.duration(r) },
      { key: 'method', value: m },
      { key: 'path', value: path },
      { key: 'protocol', value: 'HTTP/1.1' },
      { key: 'request_id', value: r.uuid() },
      { key: 'response_code', value: st },
      { key: 'response_flags', value: '-' },
      { key: 'start_time', value: ts.iso(r.now) },
      { key: 'upstream_cluster', value: `outbound|8080||${w.service(r)}.prod.svc.cluster.local` },
      { key: 'upstream_host', value: upstream },
      { key: 'user_agent', value: w.userAgent(r) },
      { key: 'x_forwarded_for', value: w.ip(r) },
    ];
    if (opts.extraHeader) fields.push({ key: 'authorization', value: opts.extraHeader });
    return { format: 'envoy', line: json(obj(fields)) };
  }
  const extra = opts.extraHeader ? f` "${opts.extraHeader}"` : '';
  return { format: 'envoy', line: f`[${ts.iso(r.now)}] "${m} ${path} HTTP/1.1" ${st} - ${r.int(4000)} ${r.int(60000)} ${w.duration(r)} ${w.duration(r)} "${w.ip(r)}" "${w.userAgent(r)}" "${r.uuid()}" "${authority}" "${upstream}"${extra}` };
}

// ---- curl -v ----

export const CURL_INFO = (r: Rng, host = r.pick([...w.THIRD_PARTY, ...w.DOMAINS])): string =>
  r.pick([
    `*   Trying ${w.ip(r)}:443...`,
    `* Connected to ${host} (${w.ip(r)}) port 443`,
    `* ALPN: curl offers h2,http/1.1`,
    `* TLSv1.3 (OUT), TLS handshake, Client hello (1):`,
    `* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / id-ecPublicKey`,
    `* Server certificate:`,
    `*  subject: CN=${host}`,
    `*  issuer: C=US; O=Let's Encrypt; CN=R11`,
    `*  SSL certificate verify ok.`,
    `* using HTTP/2`,
    `* [HTTP/2] [1] OPENED stream for https://${host}${w.apiPath(r)}`,
    `> ${w.method(r)} ${w.apiPath(r)} HTTP/2`,
    `> Host: ${host}`,
    `> User-Agent: curl/8.5.0`,
    `> Accept: */*`,
    `> Content-Type: application/json`,
    `> Content-Length: ${r.range(20, 900)}`,
    `< HTTP/2 ${w.status(r)}`,
    `< content-type: application/json; charset=utf-8`,
    `< date: ${new Date(r.now).toUTCString()}`,
    `< x-request-id: ${r.uuid()}`,
    `< cache-control: no-store`,
    `< strict-transport-security: max-age=31536000; includeSubDomains`,
    `{ [${r.range(100, 9000)} bytes data]`,
    `* Connection #0 to host ${host} left intact`,
    `< content-length: ${r.range(2, 90000)}`,
  ]);

/** A request (`>`) or response (`<`) header line of curl -v. */
export const curlHeader = (name: Frag | string, value: Frag, dir: '>' | '<' = '>'): Rendered => ({ format: 'curl-verbose', line: f`${dir} ${name}: ${value}` });

// ---- HTTP client debug output ----

/** Python http.client with debuglevel 1: the whole request as a bytes repr on one line. */
export function pythonHttpSend(r: Rng, headers: readonly Field[], path = w.apiPath(r), host = r.pick(w.THIRD_PARTY)): Rendered {
  const lines = [
    f`${w.method(r)} ${path} HTTP/1.1`, f`Host: ${host}`, f`User-Agent: python-requests/2.32.3`, f`Accept-Encoding: gzip, deflate`, f`Accept: */*`, f`Connection: keep-alive`,
    ...headers.map((h) => f`${h.key}: ${h.value as Frag}`),
  ];
  const esc = (l: Frag) => mapText(l, (s) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'"));
  const joined: Frag = lines.flatMap((l, i) => (i ? [{ text: '\\r\\n' }, ...esc(l)] : [...esc(l)]));
  return { format: 'http-client-python', line: f`send: b'${joined}\\r\\n\\r\\n'` };
}

/** urllib3's connection pool debug line (the URL, query string included). */
export function urllib3Line(r: Rng, url?: Frag): Rendered {
  const host = r.pick(w.THIRD_PARTY);
  const path = url ?? frag(w.apiPath(r));
  return { format: 'http-client-python', line: f`${r.chance(0.5) ? `${ts.log4j(r.now)} DEBUG ` : 'DEBUG:'}urllib3.connectionpool:https://${host}:443 "${w.method(r)} ${path} HTTP/1.1" ${w.status(r)} ${r.chance(0.5) ? 'None' : r.int(9000)}` };
}

/** requests' headers dict as people log it: logger.debug("headers: %s", session.headers). */
export function pythonHeadersLine(r: Rng, headers: readonly Field[]): Rendered {
  const all: Field[] = [{ key: 'User-Agent', value: 'python-requests/2.32.3' }, { key: 'Accept-Encoding', value: 'gzip, deflate' }, { key: 'Accept', value: '*/*' }, { key: 'Connection', value: 'keep-alive' }, ...headers];
  return { format: 'http-client-python', line: f`${ts.log4j(r.now)} DEBUG ${w.pyModule(r)} request headers: ${pythonRepr(obj(all))}` };
}

/** Go's httputil.DumpRequestOut printed with %q, as Go services log outgoing requests. */
export function goDumpRequest(r: Rng, headers: readonly Field[], path = w.apiPath(r), host = r.pick(w.THIRD_PARTY)): Rendered {
  const parts: Frag[] = [f`${w.method(r)} ${path} HTTP/1.1`, f`Host: ${host}`, f`User-Agent: Go-http-client/1.1`, ...headers.map((h) => f`${h.key}: ${h.value as Frag}`), f`Accept-Encoding: gzip`];
  const body: Frag = parts.flatMap((l, i) => (i ? [{ text: '\\r\\n' }, ...mapText(l, (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))] : [...mapText(l, (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))]));
  return { format: 'http-client-go', line: f`${ts.goLog(r.now)} ${r.pick(['request:', 'outgoing request', 'DEBUG dump:'])} "${body}\\r\\n\\r\\n"` };
}

/** An axios error as Node prints it (util.inspect of the config), one line of it. */
export function axiosConfig(r: Rng, headers: readonly Field[], extra: readonly Field[] = []): Rendered {
  const cfg = obj([
    { key: 'url', value: `https://${r.pick(w.THIRD_PARTY)}${w.apiPath(r)}` },
    { key: 'method', value: w.method(r).toLowerCase() },
    { key: 'headers', value: obj([{ key: 'Accept', value: 'application/json, text/plain, */*' }, { key: 'Content-Type', value: 'application/json' }, ...headers, { key: 'User-Agent', value: 'axios/1.7.9' }]) },
    ...extra,
    { key: 'timeout', value: r.pick([0, 5000, 10000, 30000]) },
  ]);
  return { format: 'http-client-node', line: f`${r.pick(['  config: ', 'AxiosError: Request failed with status code 401 config=', '[http] request failed '])}${nodeInspect(cfg)}` };
}

/** OkHttp's HttpLoggingInterceptor at HEADERS level: one header per line. */
export function okhttpHeader(r: Rng, name: Frag | string, value: Frag): Rendered {
  const prefix = r.chance(0.5) ? `${ts.log4j(r.now).slice(11)} I/okhttp.OkHttpClient: ` : '';
  return { format: 'okhttp', line: f`${prefix}${name}: ${value}` };
}

export function okhttpClean(r: Rng): Rendered {
  const prefix = r.chance(0.5) ? `${ts.log4j(r.now).slice(11)} I/okhttp.OkHttpClient: ` : '';
  const url = `https://${r.pick([...w.DOMAINS, ...w.THIRD_PARTY])}${w.apiPath(r)}`;
  return {
    format: 'okhttp',
    line: frag(prefix + r.pick([`--> ${w.method(r)} ${url}`, `--> END ${w.method(r)}`, `<-- ${w.status(r)} ${url} (${w.duration(r)}ms)`, `Content-Type: application/json; charset=utf-8`, `Content-Length: ${r.range(2, 9000)}`, `<-- END HTTP (${r.range(2, 9000)}-byte body)`, `Date: ${new Date(r.now).toUTCString()}`])),
  };
}

// ---- stack traces ----

export function javaFrame(r: Rng): string {
  return r.pick([
    `\tat com.acme.orders.OrderService.place(OrderService.java:${r.range(20, 400)})`,
    `\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:${r.range(500, 900)})`,
    `\tat java.base/java.lang.Thread.run(Thread.java:${r.range(800, 1600)})`,
    `\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:${r.range(400, 500)})`,
    `\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:${r.range(200, 400)})`,
    `\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)`,
    `\t... ${r.range(3, 90)} common frames omitted`,
    `\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:${r.range(100, 200)})`,
    `\tat com.acme.auth.TokenService.validate(TokenService.java:${r.range(40, 200)})`,
    `\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:${r.range(300, 600)})`,
  ]);
}

export function pythonFrame(r: Rng): string {
  const file = r.pick(['/app/orders/views.py', '/usr/local/lib/python3.12/site-packages/requests/adapters.py', '/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py', '/app/billing/tasks.py', '/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py']);
  return r.chance(0.5) ? `  File "${file}", line ${r.range(10, 2000)}, in ${r.pick(['connect', 'send', '_execute_context', 'charge', 'get', 'dispatch', '__call__'])}` : `    ${r.pick(['return self._send(request, **kwargs)', 'conn = _connect(dsn, connection_factory=connection_factory, **kwasync)', 'raise HTTPError(http_error_msg, response=self)', 'result = fn(*args, **kwargs)', 'self.dialect.do_execute(cursor, statement, parameters, context)'])}`;
}

export function nodeFrame(r: Rng): string {
  return r.pick([
    `    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)`,
    `    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)`,
    `    at async OrderController.create (/app/dist/orders/controller.js:${r.range(10, 300)}:${r.range(5, 40)})`,
    `    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)`,
    `    at Connection.connect (/app/node_modules/pg/lib/client.js:${r.range(100, 300)}:${r.range(5, 30)})`,
    `    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)`,
    `    at MongoClient.connect (/app/node_modules/mongodb/lib/mongo_client.js:${r.range(100, 500)}:${r.range(5, 30)})`,
  ]);
}

/** An exception header line with a message; the message may carry a secret. */
export function exceptionLine(r: Rng, lang: 'java' | 'python' | 'node', message: Frag): Rendered {
  if (lang === 'java') {
    const ex = r.pick(['java.sql.SQLException', 'org.springframework.web.client.HttpClientErrorException$Unauthorized', 'java.lang.IllegalArgumentException', 'org.postgresql.util.PSQLException', 'java.net.ConnectException', 'com.mongodb.MongoSecurityException']);
    return { format: 'java-stacktrace', line: f`${r.chance(0.4) ? 'Caused by: ' : ''}${ex}: ${message}` };
  }
  if (lang === 'python') {
    const ex = r.pick(['requests.exceptions.HTTPError', 'sqlalchemy.exc.OperationalError', 'ValueError', 'psycopg2.OperationalError', 'botocore.exceptions.ClientError', 'redis.exceptions.AuthenticationError', 'pymongo.errors.OperationFailure']);
    return { format: 'python-traceback', line: f`${ex}: ${message}` };
  }
  const ex = r.pick(['Error', 'MongoParseError', 'AxiosError', 'TypeError', 'SequelizeConnectionError', 'FetchError']);
  return { format: 'node-stacktrace', line: f`${r.chance(0.3) ? 'Uncaught ' : ''}${ex}: ${message}` };
}

// ---- shell traces ----

/** `bash -x` prints each command after `+` (nesting adds `+`); quoting as bash re-quotes it. */
export function shellTrace(r: Rng, cmd: Frag): Rendered {
  return { format: 'shell-trace', line: f`${r.weighted([['+ ', 8], ['++ ', 2], ['+++ ', 0.5]] as const)}${cmd}` };
}

export function shellClean(r: Rng): string {
  return r.pick([
    'set -euo pipefail', 'cd /app', 'export NODE_ENV=production', 'npm ci --omit=dev', `echo 'Deploying build ${r.range(1000, 9999)}'`, `date +%s`, `'[' -z '' ']'`,
    `mkdir -p /var/run/${w.service(r)}`, `kubectl rollout status deployment/${w.service(r)} -n prod --timeout=300s`, `docker build -t ${w.image(r)} .`, `docker push ${w.image(r)}`,
    `pip install -r requirements.txt`, `python manage.py migrate --noinput`, `bundle exec rake db:migrate`, `curl -fsS https://${r.pick(w.DOMAINS)}/healthz`,
    `git rev-parse --short HEAD`, `aws s3 cp dist/ s3://acme-static/${r.hex(7)}/ --recursive`, `terraform plan -out=tfplan`, `helm upgrade --install ${w.service(r)} ./chart -n prod --wait`,
    `sleep ${r.range(1, 30)}`, `test -f /etc/ssl/private/server.key`, `chmod 600 /run/secrets/db_password`, `source /app/.venv/bin/activate`,
  ]);
}

// ---- SQL logs ----

export type SqlFlavour = 'postgres' | 'mysql' | 'activerecord' | 'django-sql' | 'hibernate' | 'sequelize';

/** A statement as a database or an ORM logs it. `binds` are ActiveRecord-style bind values. */
export function sqlLine(r: Rng, flavour: SqlFlavour, stmt: Frag, binds?: Frag): Rendered {
  const d = (r.int(5000) / 1000).toFixed(3);
  switch (flavour) {
    case 'postgres':
      return { format: 'sql-log', line: f`${ts.sqlStamp(r.now)} UTC [${w.pid(r)}] ${r.pick(['app', 'postgres', 'orders_rw'])}@${r.pick(['orders', 'shop', 'billing'])} LOG:  ${r.chance(0.5) ? `duration: ${d} ms  ` : ''}statement: ${stmt}` };
    case 'mysql':
      return { format: 'sql-log', line: f`${ts.isoMicro(r.now, r.int(1000))}\t   ${r.range(5, 900)} Query\t${stmt}` };
    case 'activerecord':
      return { format: 'sql-log', line: f`  ${r.pick(['User', 'Order', 'ApiKey', 'Session', 'Account'])} ${r.pick(['Load', 'Create', 'Update', 'Exists?'])} (${d}ms)  ${stmt}${binds ? f`  ${binds}` : ''}` };
    case 'django-sql':
      return { format: 'sql-log', line: f`DEBUG (${(r.int(50) / 1000).toFixed(3)}) ${stmt}; args=${binds ?? '()'}; alias=default` };
    case 'hibernate':
      return { format: 'sql-log', line: f`Hibernate: ${stmt}` };
    case 'sequelize':
      return { format: 'sql-log', line: f`Executing (default): ${stmt}` };
  }
}

export function sqlClean(r: Rng): Frag {
  return frag(
    r.pick([
      `SELECT "orders".* FROM "orders" WHERE "orders"."id" = ${r.range(1, 99999)} LIMIT 1`,
      `SELECT id, email, created_at FROM users WHERE tenant_id = '${r.uuid()}' ORDER BY created_at DESC LIMIT 50`,
      `UPDATE inventory SET quantity = quantity - 1 WHERE sku = 'SKU-${r.range(10000, 99999)}'`,
      `INSERT INTO audit_log (actor, action, at) VALUES ('${w.user(r)}', 'login', now())`,
      `BEGIN`, `COMMIT`, `SELECT 1`, `SHOW TRANSACTION ISOLATION LEVEL`, `SET NAMES utf8mb4`,
      `SELECT count(*) FROM sessions WHERE expires_at < now()`,
      `DELETE FROM password_resets WHERE created_at < now() - interval '1 day'`,
      `SELECT "users"."password_digest" IS NOT NULL FROM "users" WHERE "users"."id" = ${r.range(1, 99999)}`,
    ]),
  );
}

// ---- XML payloads ----

const WSSE_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
const WSSE_DIGEST = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';

/** A WS-Security SOAP envelope, as Apache CXF's logging interceptor prints it on one line. */
export function soapEnvelope(r: Rng, opts: { username: Frag; password: Frag; digest?: boolean; nonce: Frag }): Rendered {
  const created = ts.iso(r.now);
  const op = r.pick(['GetAccountBalance', 'SubmitOrder', 'CheckAvailability', 'GetInvoice']);
  const env = f`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" soap:mustUnderstand="1"><wsse:UsernameToken wsu:Id="UsernameToken-${r.hex(32).toUpperCase()}"><wsse:Username>${opts.username}</wsse:Username><wsse:Password Type="${opts.digest ? WSSE_DIGEST : WSSE_TEXT}">${opts.password}</wsse:Password><wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${opts.nonce}</wsse:Nonce><wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security></soap:Header><soap:Body><ns2:${op} xmlns:ns2="http://ws.acme.com/"><accountId>${r.range(100000, 999999)}</accountId></ns2:${op}></soap:Body></soap:Envelope>`;
  const prefix = r.pick([`Payload: `, `${ts.log4j(r.now)} INFO  [${'http-nio-8080-exec-' + r.range(1, 9)}] o.a.c.s.SoapOutInterceptor - Outbound Message Payload: `, `${ts.log4j(r.now)} DEBUG [main] o.s.ws.client.MessageTracing.sent - Sent request [`]);
  return { format: 'soap', line: f`${prefix}${env}${prefix.endsWith('[') ? ']' : ''}` };
}

export function soapClean(r: Rng): Rendered {
  return {
    format: 'soap',
    line: frag(
      r.pick([
        `${ts.log4j(r.now)} INFO  [main] o.a.c.w.s.f.ReflectionServiceFactoryBean - Creating Service {http://ws.acme.com/}AccountService from class com.acme.ws.AccountService`,
        `Address: https://partner.example.com/ws/AccountService`,
        `Encoding: UTF-8`, `Http-Method: POST`, `Content-Type: text/xml`, `ID: ${r.range(1, 900)}`, `Response-Code: 200`,
        `Headers: {Accept=[*/*], SOAPAction=[""]}`,
        `Payload: <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:GetAccountBalanceResponse xmlns:ns2="http://ws.acme.com/"><balance>${r.range(0, 99999)}.${r.range(10, 99)}</balance><currency>EUR</currency></ns2:GetAccountBalanceResponse></soap:Body></soap:Envelope>`,
      ]),
    ),
  };
}

/** An STS AssumeRole response: botocore's one-line bytes repr or one element per line. */
export function stsResponse(r: Rng, creds: { accessKeyId: Frag; secretKey: Frag; sessionToken: Frag }): Rendered[] {
  const exp = ts.isoSeconds(r.now + 3_600_000);
  const role = `arn:aws:sts::${r.str('0123456789', 12)}:assumed-role/${r.pick(['deploy', 'orders-task', 'ci-runner', 'ReadOnly'])}/${r.pick(['botocore-session-', 'gha-', 'ecs-'])}${r.range(1e9, 9e9)}`;
  if (r.chance(0.5)) {
    const body = f`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\\n  <AssumeRoleResult>\\n    <SourceIdentity>${w.user(r)}</SourceIdentity>\\n    <AssumedRoleUser>\\n      <AssumedRoleId>AROA${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 17)}:${w.user(r)}</AssumedRoleId>\\n      <Arn>${role}</Arn>\\n    </AssumedRoleUser>\\n    <Credentials>\\n      <AccessKeyId>${creds.accessKeyId}</AccessKeyId>\\n      <SecretAccessKey>${creds.secretKey}</SecretAccessKey>\\n      <SessionToken>${creds.sessionToken}</SessionToken>\\n      <Expiration>${exp}</Expiration>\\n    </Credentials>\\n  </AssumeRoleResult>\\n  <ResponseMetadata>\\n    <RequestId>${r.uuid()}</RequestId>\\n  </ResponseMetadata>\\n</AssumeRoleResponse>\\n`;
    return [{ format: 'aws-sts-xml', line: f`${ts.log4j(r.now)} botocore.parsers [DEBUG] Response body:` }, { format: 'aws-sts-xml', line: f`b'${body}'` }];
  }
  const pad = (n: number) => ' '.repeat(n);
  return [
    { format: 'aws-sts-xml', line: f`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` },
    { format: 'aws-sts-xml', line: f`${pad(2)}<AssumeRoleResult>` },
    { format: 'aws-sts-xml', line: f`${pad(4)}<Credentials>` },
    { format: 'aws-sts-xml', line: f`${pad(6)}<AccessKeyId>${creds.accessKeyId}</AccessKeyId>` },
    { format: 'aws-sts-xml', line: f`${pad(6)}<SecretAccessKey>${creds.secretKey}</SecretAccessKey>` },
    { format: 'aws-sts-xml', line: f`${pad(6)}<SessionToken>${creds.sessionToken}</SessionToken>` },
    { format: 'aws-sts-xml', line: f`${pad(6)}<Expiration>${exp}</Expiration>` },
    { format: 'aws-sts-xml', line: f`${pad(4)}</Credentials>` },
    { format: 'aws-sts-xml', line: f`${pad(2)}</AssumeRoleResult>` },
    { format: 'aws-sts-xml', line: f`</AssumeRoleResponse>` },
  ];
}

/** `aws sts assume-role` / `aws configure export-credentials` JSON output, one member per line. */
export function awsCliJson(key: string, value: Frag, last = false): Rendered {
  return { format: 'aws-cli-json', line: f`        "${key}": "${value}"${last ? '' : ','}` };
}

// ---- kubectl ----

export function k8sEventRow(r: Rng, type: 'Normal' | 'Warning', reason: string, object: string, message: Frag): Rendered {
  const age = r.pick([`${r.range(1, 59)}s`, `${r.range(1, 59)}m`, `${r.range(1, 23)}h`, `${r.range(1, 9)}m${r.range(1, 59)}s`]);
  return { format: 'k8s-events', line: f`${age.padEnd(12)}${type.padEnd(10)}${reason.padEnd(20)}${object.padEnd(40)}${message}` };
}

export function k8sEventClean(r: Rng): Rendered {
  const pod = `pod/${w.podName(r)}`;
  const node = `ip-10-0-${r.int(256)}-${r.range(1, 254)}.eu-west-1.compute.internal`;
  const img = w.image(r);
  const [type, reason, msg] = r.pick<readonly ['Normal' | 'Warning', string, string]>([
    ['Normal', 'Scheduled', `Successfully assigned prod/${pod.slice(4)} to ${node}`],
    ['Normal', 'Pulling', `Pulling image "${img}"`],
    ['Normal', 'Pulled', `Successfully pulled image "${img}" in ${r.range(1, 30)}.${r.range(100, 999)}s (${r.range(1, 30)}.${r.range(100, 999)}s including waiting). Image size: ${r.range(10_000_000, 900_000_000)} bytes.`],
    ['Normal', 'Created', `Created container ${w.service(r)}`],
    ['Normal', 'Started', `Started container ${w.service(r)}`],
    ['Warning', 'BackOff', `Back-off restarting failed container ${w.service(r)} in pod ${pod.slice(4)}_prod(${r.uuid()})`],
    ['Warning', 'Unhealthy', `Readiness probe failed: Get "http://10.1.${r.int(256)}.${r.int(256)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`],
    ['Normal', 'Killing', `Stopping container ${w.service(r)}`],
    ['Normal', 'SuccessfulCreate', `Created pod: ${w.podName(r)}`],
    ['Normal', 'ScalingReplicaSet', `Scaled up replica set ${w.service(r)}-${r.hex(10)} to ${r.range(1, 12)}`],
  ]);
  return k8sEventRow(r, type, reason, pod, frag(msg));
}

/** A `kubectl describe pod` environment line: `      NAME:  value`. */
export function describeEnv(name: Frag | string | Run, value: Frag): Rendered {
  const n = textOf(frag(name));
  return { format: 'kubectl-describe', line: f`      ${frag(name)}:${' '.repeat(Math.max(1, 20 - n.length))}${value}` };
}

