/**
 * Plain traffic: the ordinary lines every format prints all day — requests, queries, jobs,
 * health checks, stack frames, config settings, CI steps — with the ids, digests, durations
 * and URLs real lines carry. Nothing here is a secret and nothing is labelled: a redactor
 * must simply leave these lines alone.
 */
import { frag } from './fragment.js';
import { docLine, type DocFormat, emit, type Event, type Rendered, reprLine, REPRS } from './formats.js';
import type { Rng } from './random.js';
import { kv, obj } from './syntax.js';
import * as ts from './timestamps.js';
import * as wire from './wire.js';
import * as w from './world.js';

/** An everyday application event. */
export function appEvent(r: Rng): Event {
  const k = r.int(14);
  switch (k) {
    case 0:
      return { level: 'info', msg: 'request completed', fields: [kv('method', w.method(r)), kv('url', w.apiPath(r)), kv('status', w.status(r)), kv('duration_ms', w.duration(r)), kv('request_id', w.requestId(r))] };
    case 1:
      return { level: 'debug', msg: 'query executed', fields: [kv('table', r.pick(['orders', 'users', 'line_items', 'inventory'])), kv('rows', r.int(500)), kv('duration_ms', r.int(90))] };
    case 2:
      return { level: 'info', msg: r.pick(['job processed', 'job enqueued', 'job retried']), fields: [kv('queue', r.pick(['default', 'mailers', 'exports', 'webhooks'])), kv('job_id', r.uuid()), kv('attempt', r.range(1, 5))] };
    case 3:
      return { level: 'info', msg: 'payment captured', fields: [kv('order_id', r.uuid()), kv('amount', r.range(100, 99999)), kv('currency', r.pick(['EUR', 'USD', 'GBP']))] };
    case 4:
      return { level: 'info', msg: 'email sent', fields: [kv('template', r.pick(['order_confirmation', 'shipping_update', 'welcome'])), kv('message_id', `<${r.hex(16)}@mail.acme-shop.com>`)] };
    case 5:
      return { level: 'debug', msg: 'consumer lag', fields: [kv('topic', r.pick(['orders.created', 'payments.captured', 'inventory.updated'])), kv('partition', r.int(12)), kv('offset', r.range(1000, 9_999_999)), kv('lag', r.int(400))] };
    case 6:
      return { level: 'info', msg: r.pick([`server listening on :${r.pick([3000, 8080, 9090])}`, 'health check ok', 'shutting down gracefully', `connected to redis at redis-master:6379`, 'migrations up to date', 'worker started', 'config reloaded from /etc/app/config.yaml']) };
    case 7:
      return { level: 'warn', msg: r.pick(['slow request', 'upstream returned 503, retrying', 'circuit breaker open', 'rate limit approaching']), fields: [kv('upstream', r.pick(w.THIRD_PARTY)), kv('attempt', r.range(1, 4)), kv('elapsed_ms', w.duration(r))] };
    case 8:
      return { level: 'info', msg: 'user signed in', fields: [kv('user_id', r.uuid()), kv('ip', w.ip(r)), kv('mfa', r.chance(0.5))] };
    case 9:
      return { level: 'debug', msg: 'feature flag evaluated', fields: [kv('flag', r.pick(['new-checkout', 'dark-mode', 'fast-search'])), kv('variant', r.pick(['on', 'off', 'control'])), kv('user_id', r.range(1, 99999))] };
    case 10:
      return { level: 'error', msg: r.pick(['failed to process order', 'unhandled exception', 'connection reset by peer']), fields: [kv('error', r.pick(['context deadline exceeded', 'ECONNRESET', 'duplicate key value violates unique constraint "orders_pkey"', 'timeout after 30000ms'])), kv('order_id', r.uuid())] };
    case 11:
      return { level: 'info', msg: 'cache stats', fields: [kv('hits', r.int(99999)), kv('misses', r.int(9999)), kv('evictions', r.int(99))] };
    case 12:
      return { level: 'info', msg: `GET ${w.apiPath(r)} ${w.status(r)} ${w.duration(r)}ms`, fields: [] };
    default:
      return { level: 'info', msg: 'deployment finished', fields: [kv('version', `v2.${r.range(0, 40)}.${r.range(0, 9)}`), kv('commit', r.hex(40)), kv('image', w.image(r))] };
  }
}

const DOC_LINES: Record<DocFormat, (r: Rng) => readonly [string, string | number | boolean]> = {
  'env-dump': (r) => r.pick<readonly [string, string]>([['HOME', '/root'], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', w.podName(r)], ['NODE_ENV', 'production'], ['PORT', '8080'], ['LANG', 'C.UTF-8'], ['TZ', 'UTC'], ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'], ['NODE_VERSION', '20.18.1'], ['SHLVL', '1'], ['_', '/usr/bin/env'], ['LOG_LEVEL', 'info'], ['DB_HOST', r.pick(w.DB_HOSTS)], ['DB_NAME', 'orders'], ['DB_USER', 'app'], ['AWS_REGION', 'eu-west-1'], ['OTEL_EXPORTER_OTLP_ENDPOINT', 'http://otel-collector:4317'], ['JAVA_OPTS', '-Xmx512m -XX:+UseG1GC'], ['PYTHONUNBUFFERED', '1'], ['RAILS_ENV', 'production'], ['TERM', 'xterm'], ['GITHUB_WORKSPACE', '/home/runner/work/shop/shop'], ['CI_PIPELINE_ID', String(r.range(100000, 999999))]]),
  'docker-inspect': (r) => DOC_LINES['env-dump'](r),
  'yaml-config': (r) => r.pick<readonly [string, string | number | boolean]>([['port', 8080], ['level', 'INFO'], ['url', `jdbc:postgresql://${r.pick(w.DB_HOSTS)}:5432/orders`], ['username', 'app'], ['maximum-pool-size', 10], ['enabled', true], ['host', r.pick(w.DB_HOSTS)], ['timeout', '30s'], ['region', 'eu-west-1'], ['bucket', 'acme-exports'], ['replicas', 3]]),
  'k8s-manifest': (r) => r.pick<readonly [string, string | number]>([['apiVersion', 'apps/v1'], ['kind', 'Deployment'], ['name', w.service(r)], ['namespace', 'prod'], ['replicas', r.range(1, 6)], ['image', w.image(r)], ['containerPort', 8080], ['memory', '512Mi'], ['cpu', '250m'], ['imagePullPolicy', 'IfNotPresent']]),
  'ini-config': (r) => r.pick<readonly [string, string | number]>([['host', r.pick(w.DB_HOSTS)], ['port', 5432], ['workers', 4], ['log_level', 'info'], ['bind', '0.0.0.0:8000'], ['timeout', 30], ['region', 'eu-west-1'], ['output', 'json']]),
  'properties-config': (r) => r.pick<readonly [string, string | number]>([['server.port', 8080], ['spring.datasource.url', `jdbc:postgresql://${r.pick(w.DB_HOSTS)}:5432/orders`], ['spring.datasource.username', 'app'], ['logging.level.root', 'INFO'], ['management.endpoints.web.exposure.include', 'health,info,prometheus'], ['spring.jpa.hibernate.ddl-auto', 'validate'], ['spring.datasource.hikari.maximum-pool-size', 20]]),
  'xml-config': (r) => r.pick<readonly [string, string | number]>([['max-pool-size', 20], ['connection-url', `jdbc:postgresql://${r.pick(w.DB_HOSTS)}/orders`], ['driver', 'postgresql'], ['min-pool-size', 5], ['url', 'https://partner.example.com/ws'], ['timeout', 30000]]),
  'dotnet-config': (r) => r.pick<readonly [string, string | number]>([['Environment', 'Production'], ['MaxRetries', 3], ['ServiceUrl', `https://${r.pick(w.DOMAINS)}`], ['FeatureFlags:NewCheckout', 'true'], ['Logging:LogLevel:Default', 'Information']]),
};

function docClean(r: Rng): Rendered {
  const fmt = r.pick<DocFormat>(['env-dump', 'env-dump', 'docker-inspect', 'yaml-config', 'k8s-manifest', 'ini-config', 'properties-config', 'xml-config', 'dotnet-config']);
  const [k, v] = DOC_LINES[fmt](r);
  if (fmt === 'ini-config' && r.chance(0.2)) return { format: fmt, line: frag(`[${r.pick(['database', 'server', 'default', 'profile prod', 'logging'])}]`) };
  if (fmt === 'yaml-config' && r.chance(0.25)) return { format: fmt, line: frag(`${' '.repeat(r.pick([0, 2, 4]))}${r.pick(['spring:', 'datasource:', 'server:', 'logging:', 'hikari:', 'redis:'])}`) };
  return docLine(r, fmt, k, typeof v === 'string' ? frag(v) : v);
}

const CLEAN_OTHER: Record<string, (r: Rng) => Rendered> = {
  'nginx-access': (r) => wire.nginxAccess(r),
  'nginx-error': (r) => wire.nginxError(r),
  envoy: (r) => wire.envoyAccess(r),
  'curl-verbose': (r) => ({ format: 'curl-verbose', line: frag(wire.CURL_INFO(r)) }),
  'http-client-python': (r) => (r.chance(0.6) ? wire.urllib3Line(r) : r.chance(0.5) ? wire.pythonHeadersLine(r, []) : { format: 'http-client-python', line: frag(r.pick(["reply: 'HTTP/1.1 200 OK\\r\\n'", 'header: Content-Type: application/json', `header: Date: ${new Date(r.now).toUTCString()}`, 'header: Connection: keep-alive'])) }),
  'http-client-go': (r) => wire.goDumpRequest(r, [kv('Content-Type', frag('application/json')), kv('X-Request-Id', frag(r.uuid()))]),
  'http-client-node': (r) => wire.axiosConfig(r, []),
  okhttp: (r) => wire.okhttpClean(r),
  'java-stacktrace': (r) => (r.chance(0.8) ? { format: 'java-stacktrace', line: frag(wire.javaFrame(r)) } : wire.exceptionLine(r, 'java', frag(r.pick(['Connection refused', `Read timed out after ${r.range(1000, 30000)} ms`, 'HikariPool-1 - Connection is not available, request timed out after 30000ms.', 'FATAL: password authentication failed for user "app"'])))),
  'python-traceback': (r) => (r.chance(0.8) ? { format: 'python-traceback', line: frag(r.chance(0.1) ? 'Traceback (most recent call last):' : wire.pythonFrame(r)) } : wire.exceptionLine(r, 'python', frag(r.pick(['401 Client Error: Unauthorized for url: https://api.stripe.com/v1/charges', '(psycopg2.OperationalError) connection to server at "db.internal" (10.0.3.17), port 5432 failed: timeout expired', "invalid literal for int() with base 10: 'abc'"])))),
  'node-stacktrace': (r) => (r.chance(0.8) ? { format: 'node-stacktrace', line: frag(wire.nodeFrame(r)) } : wire.exceptionLine(r, 'node', frag(r.pick([`connect ECONNREFUSED ${w.ip(r)}:5432`, 'Request failed with status code 401', "Cannot read properties of undefined (reading 'id')"])))),
  'shell-trace': (r) => wire.shellTrace(r, frag(wire.shellClean(r))),
  'sql-log': (r) => wire.sqlLine(r, r.pick(['postgres', 'mysql', 'activerecord', 'django-sql', 'hibernate', 'sequelize'] as const), wire.sqlClean(r)),
  soap: (r) => wire.soapClean(r),
  'aws-sts-xml': (r) => ({ format: 'aws-sts-xml', line: frag(r.pick([`      <Arn>arn:aws:sts::${r.str('0123456789', 12)}:assumed-role/deploy/gha-${r.range(1e9, 9e9)}</Arn>`, `    <RequestId>${r.uuid()}</RequestId>`, `      <Account>${r.str('0123456789', 12)}</Account>`, '  </GetCallerIdentityResult>', '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'])) }),
  'aws-cli-json': (r) => ({ format: 'aws-cli-json', line: frag(r.pick([`        "Expiration": "${ts.isoSeconds(r.now + 3600000).replace('Z', '+00:00')}"`, `    "AssumedRoleUser": {`, `        "Arn": "arn:aws:sts::${r.str('0123456789', 12)}:assumed-role/deploy/cli"`, `    "Account": "${r.str('0123456789', 12)}",`, '    "Credentials": {', '}'])) }),
  'k8s-events': (r) => wire.k8sEventClean(r),
  'kubectl-describe': (r) => ({ format: 'kubectl-describe', line: frag(r.pick([`    Image:          ${w.image(r)}`, '    Port:           8080/TCP', '    Ready:          True', '    Restart Count:  0', '      memory:  512Mi', `      NODE_ENV:           production`, `      DB_HOST:            ${r.pick(w.DB_HOSTS)}`, `Node:             ip-10-0-${r.int(256)}-${r.range(1, 254)}.eu-west-1.compute.internal/10.0.${r.int(256)}.${r.range(1, 254)}`, '    Environment:', '    Args:'])) }),
  auditd: (r) => ({ format: 'auditd', line: frag(r.pick([`type=SYSCALL msg=audit(${Math.floor(r.now / 1000)}.${r.range(100, 999)}:${r.range(1000, 99999)}): arch=c000003e syscall=59 success=yes exit=0 a0=55d0 a1=55d1 a2=55d2 a3=0 items=2 ppid=${w.pid(r)} pid=${w.pid(r)} auid=1000 uid=0 gid=0 comm="systemctl" exe="/usr/bin/systemctl" key=(null)`, `type=EXECVE msg=audit(${Math.floor(r.now / 1000)}.${r.range(100, 999)}:${r.range(1000, 99999)}): argc=3 a0="systemctl" a1="restart" a2="nginx"`, `type=USER_LOGIN msg=audit(${Math.floor(r.now / 1000)}.${r.range(100, 999)}:${r.range(1000, 99999)}): pid=${w.pid(r)} uid=0 auid=1000 ses=${r.range(1, 99)} msg='op=login id=1000 exe="/usr/sbin/sshd" hostname=? addr=${w.ip(r)} terminal=sshd res=success'`])) }),
  'go-source': (r) => ({ format: 'go-source', line: frag(r.pick(['+\tctx, cancel := context.WithTimeout(ctx, 5*time.Second)', '+\tdefer cancel()', '-\treturn nil', '+\tif err != nil {', '@@ -12,7 +12,9 @@ func main() {', 'diff --git a/cmd/server/main.go b/cmd/server/main.go', '+\tclient := &http.Client{Timeout: 10 * time.Second}'])) }),
  'nginx-config': (r) => ({ format: 'nginx-config', line: frag(r.pick(['    listen 443 ssl http2;', `    server_name ${r.pick(w.DOMAINS)};`, '    proxy_pass http://upstream_orders;', '    client_max_body_size 20m;', '    keepalive_timeout 65;'])) }),
  terraform: (r) => ({ format: 'terraform', line: frag(r.pick([`  # aws_db_instance.orders will be updated in-place`, `      ~ instance_class = "db.t3.medium" -> "db.t3.large"`, `Plan: ${r.int(5)} to add, ${r.int(5)} to change, 0 to destroy.`, `      + engine_version = "16.3"`])) }),
  'android-logcat': (r) => ({ format: 'android-logcat', line: frag(`${ts.log4j(r.now).slice(5).replace(',', '.')} ${w.pid(r)} ${w.pid(r)} ${r.pick(['I', 'D', 'W'])} ${r.pick(['ActivityManager', 'OkHttp', 'chromium', 'ShopApp'])}: ${r.pick(['Displayed com.acme.shop/.MainActivity: +412ms', 'Start proc 12345:com.acme.shop/u0a123 for activity', 'cart updated items=3', 'Background concurrent copying GC freed 1234(56KB) AllocSpace objects'])}`) }),
  'github-actions': (r) => {
    const msg = r.pick([
      '##[group]Run actions/checkout@v4', '##[endgroup]', 'shell: /usr/bin/bash -e {0}', 'env:', '  NODE_VERSION: 20', `  REGISTRY: ghcr.io`, `  IMAGE_NAME: acme/${w.service(r)}`, 'Post job cleanup.',
      '##[error]Process completed with exit code 1.', `Syncing repository: acme/shop`, `[command]/usr/bin/git checkout --progress --force -B main refs/remotes/origin/main`, `Complete job name: build (${r.pick(['20.x', '22.x'])})`,
      `##[group]Run docker/build-push-action@v6`, 'Cleaning up orphan processes',
    ]);
    return { format: 'github-actions', line: frag(`${ts.isoGithub(r.now, r.int(10_000))} ${msg}`) };
  },
  'gitlab-ci': (r) => ({
    format: 'gitlab-ci',
    line: frag(r.pick([
      `Running with gitlab-runner 17.8.3 (690ce25c)`, `  on docker-autoscaler-${r.hex(8)} ${r.str('abcdefghijklmnopqrstuvwxyz', 8)}, system ID: s_${r.hex(12)}`, 'Preparing the "docker" executor',
      `Using docker image sha256:${r.hex(64)} for node:20-alpine with digest node@sha256:${r.hex(64)} ...`, 'Executing "step_script" stage of the job script', '$ npm ci', '$ npm test -- --ci',
      'Uploading artifacts for successful job', 'Cleaning up project directory and file based variables', 'Job succeeded', `Checking out ${r.hex(8)} as detached HEAD (ref is main)...`, '\u001b[0KSkipping Git submodules setup',
    ])),
  }),
  'sshd-config': (r) => ({ format: 'sshd-config', line: frag(r.pick(['port 22', 'permitrootlogin no', 'x11forwarding no', 'maxauthtries 3', 'usepam yes'])) }),
  'postgres-config': (r) => ({ format: 'postgres-config', line: frag(r.pick(["listen_addresses = '*'", 'max_connections = 200', "shared_buffers = '2GB'", "log_min_duration_statement = '500ms'"])) }),
};

/** How common each of the other formats is in a pipeline (the niche ones are rare). */
const OTHER_WEIGHTS: readonly (readonly [string, number])[] = [
  ['nginx-access', 10], ['nginx-error', 2], ['envoy', 4], ['curl-verbose', 4], ['http-client-python', 2], ['http-client-go', 1], ['http-client-node', 1], ['okhttp', 2],
  ['java-stacktrace', 5], ['python-traceback', 3], ['node-stacktrace', 3], ['shell-trace', 4], ['sql-log', 4], ['soap', 1], ['aws-sts-xml', 0.5], ['aws-cli-json', 0.5],
  ['k8s-events', 3], ['kubectl-describe', 1.5], ['github-actions', 4], ['gitlab-ci', 4], ['auditd', 1], ['go-source', 1], ['nginx-config', 0.5], ['terraform', 1], ['android-logcat', 1], ['sshd-config', 0.3], ['postgres-config', 0.3],
];

/** Weighted: application loggers dominate, as in any real log pipeline. */
export function trafficLine(r: Rng): Rendered {
  const k = r.weighted([['envelope', 62], ['other', 26], ['doc', 7], ['repr', 3]] as const);
  if (k === 'envelope') return emit(r, appEvent(r));
  if (k === 'doc') return docClean(r);
  if (k === 'repr') {
    const o = obj([kv('host', r.pick(w.DB_HOSTS)), kv('port', w.port(r)), kv('timeout', r.pick([5000, 10000])), kv('retries', r.range(0, 5)), kv('tls', r.chance(0.5))]);
    return reprLine(r, r.pick(REPRS), r.pick(['config', 'options', 'settings']), o, 'debug');
  }
  return CLEAN_OTHER[r.weighted(OTHER_WEIGHTS)]!(r);
}


