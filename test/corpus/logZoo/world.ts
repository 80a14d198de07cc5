/**
 * The fictional shop whose logs the zoo prints: its services, hosts, pods, users, URLs,
 * client libraries and source files. Every format draws its surroundings from here, so a
 * secret line and a clean line of the same format look alike.
 */
import { BASE62, DIGITS, LOWER, type Rng } from './random.js';

export const SERVICES = ['orders', 'checkout', 'billing', 'auth', 'gateway', 'inventory', 'notifier', 'search', 'users', 'payments', 'shipping', 'catalog', 'reports', 'scheduler'];
export const USERS = ['alice', 'bob', 'carol', 'dmitri', 'eve.martin', 'farah', 'gustavo', 'hiro', 'ines', 'jamal', 'kate.o', 'li.wei', 'deploy', 'svc-orders', 'ci-bot', 'admin', 'app', 'postgres', 'root', 'jenkins'];
export const DB_HOSTS = ['db.internal', 'postgres-primary.data.svc.cluster.local', 'mysql-0.mysql', 'orders-db.c9x2kq1mz3ab.eu-west-1.rds.amazonaws.com', '10.0.3.17', 'pg-replica-2', 'sql-prod.database.windows.net', 'localhost'];
export const DOMAINS = ['api.acme-shop.com', 'shop.acme-shop.com', 'internal.acme.io', 'payments.acme.io', 'hooks.acme.io', 'auth.acme.io'];
export const THIRD_PARTY = ['api.stripe.com', 'api.github.com', 'hooks.slack.com', 'api.sendgrid.com', 'sts.amazonaws.com', 's3.eu-west-1.amazonaws.com', 'graph.microsoft.com', 'api.twilio.com', 'oauth2.googleapis.com', 'registry.npmjs.org'];

export const service = (r: Rng) => r.pick(SERVICES);
export const user = (r: Rng) => r.pick(USERS);
export const ip = (r: Rng) => (r.chance(0.8) ? `10.${r.int(4)}.${r.int(256)}.${r.range(1, 254)}` : `${r.pick([34, 52, 81, 93, 145, 185, 203])}.${r.int(256)}.${r.int(256)}.${r.range(1, 254)}`);
export const pid = (r: Rng) => r.range(1, 65000);
export const port = (r: Rng) => r.pick([80, 443, 3000, 5432, 3306, 6379, 8080, 8443, 9090, 27017, 5672]);
export const podName = (r: Rng, svc = service(r)) => `${svc}-${r.str(`${LOWER}${DIGITS}`, r.pick([9, 10]))}-${r.str('bcdfghjklmnpqrstvwxz2456789', 5)}`;
export const hostname = (r: Rng) =>
  r.pick([() => podName(r), () => `ip-10-0-${r.int(256)}-${r.range(1, 254)}`, () => `web-${String(r.range(1, 12)).padStart(2, '0')}`, () => `${service(r)}-${r.range(1, 4)}`, () => 'prod-worker-3'])();
export const requestId = (r: Rng) => r.pick([() => r.uuid(), () => r.hex(32), () => `req-${r.str(BASE62, 10)}`, () => r.hex(16)])();
export const traceId = (r: Rng) => r.hex(32);
export const spanId = (r: Rng) => r.hex(16);
export const duration = (r: Rng) => (r.chance(0.8) ? r.range(1, 400) : r.range(400, 30000));

const API_PATHS = [
  '/api/v1/orders', '/api/v1/orders/{id}', '/api/v1/users/{n}', '/api/v1/cart/items', '/api/v2/catalog/products', '/api/v2/search?q=running+shoes&page=2',
  '/healthz', '/readyz', '/metrics', '/login', '/logout', '/api/v1/payments/{id}/capture', '/api/v1/shipments?status=pending', '/static/js/app.{h}.js',
  '/favicon.ico', '/api/v1/webhooks/stripe', '/api/v1/sessions', '/graphql', '/api/v1/invoices/{n}.pdf', '/robots.txt',
];
export const apiPath = (r: Rng) =>
  r.pick(API_PATHS).replace('{id}', r.uuid()).replace('{n}', String(r.range(1, 99999))).replace('{h}', r.hex(8));
export const method = (r: Rng) => r.weighted([['GET', 12], ['POST', 4], ['PUT', 1], ['DELETE', 1], ['PATCH', 1], ['HEAD', 0.5]] as const);
export const status = (r: Rng) => r.weighted([[200, 20], [201, 3], [204, 2], [301, 1], [302, 1], [304, 2], [400, 1], [401, 1], [403, 0.5], [404, 2], [429, 0.5], [500, 0.5], [502, 0.5], [503, 0.3]] as const);
export const userAgent = (r: Rng) =>
  r.pick([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0',
    'curl/8.5.0', 'kube-probe/1.31', 'okhttp/4.12.0', 'python-requests/2.32.3', 'Go-http-client/2.0', 'axios/1.7.9', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    'Prometheus/2.53.0', 'ELB-HealthChecker/2.0', 'Apache-HttpClient/4.5.14 (Java/17.0.10)',
  ]);

export const JAVA_CLASSES = [
  'com.acme.orders.OrderService', 'com.acme.orders.web.OrderController', 'com.acme.billing.InvoiceJob', 'com.acme.auth.LoginHandler',
  'org.springframework.boot.web.embedded.tomcat.TomcatWebServer', 'org.hibernate.SQL', 'com.zaxxer.hikari.HikariDataSource', 'org.apache.kafka.clients.consumer.KafkaConsumer',
  'io.netty.channel.DefaultChannelPipeline', 'org.springframework.web.client.RestTemplate', 'com.acme.payments.StripeClient', 'org.apache.catalina.core.StandardService',
];
/** log4j/logback's abbreviated logger name: c.a.o.OrderService */
export const abbreviate = (cls: string) => cls.split('.').map((p, i, a) => (i < a.length - 1 ? p[0] : p)).join('.');
export const javaThread = (r: Rng) => r.pick(['main', `http-nio-8080-exec-${r.range(1, 10)}`, `pool-1-thread-${r.range(1, 8)}`, 'scheduling-1', `kafka-consumer-${r.range(1, 3)}`, 'HikariPool-1 housekeeper', `reactor-http-epoll-${r.range(1, 4)}`]);
export const goCaller = (r: Rng) => `${r.pick(['server/handler.go', 'internal/orders/service.go', 'cmd/worker/main.go', 'pkg/client/http.go', 'internal/db/pool.go', 'internal/auth/middleware.go'])}:${r.range(20, 420)}`;
export const pyModule = (r: Rng) => r.pick(['app.views', 'app.services.billing', 'orders.tasks', 'celery.worker', 'django.request', 'app.clients.payments', 'urllib3.connectionpool', 'botocore.endpoint', 'app.auth', 'gunicorn.error']);
export const rubyLogger = (r: Rng) => r.pick(['ActiveRecord', 'ActionController', 'Sidekiq', 'PaymentsClient', 'ActiveJob']);
export const nodeModule = (r: Rng) => r.pick(['server', 'db', 'queue', 'http', 'auth', 'payments', 'mailer']);
export const image = (r: Rng) => `${r.pick(['ghcr.io/acme', 'registry.acme.io/shop', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'docker.io/library'])}/${r.pick([...SERVICES, 'nginx', 'redis', 'postgres'])}:${r.pick(['1.24.3', 'latest', `v2.${r.range(0, 40)}.${r.range(0, 9)}`, `sha-${r.hex(7)}`, '16-alpine'])}`;
export const email = (r: Rng) => `${r.pick(['ana', 'li', 'sam', 'kofi', 'mira', 'noah', 'olga', 'pat'])}.${r.pick(['smith', 'garcia', 'chen', 'okafor', 'novak', 'silva'])}${r.range(1, 99)}@${r.pick(['example.com', 'mail.example.org', 'acme-shop.com'])}`;
export const word = (r: Rng) => r.pick(['order', 'invoice', 'cart', 'shipment', 'payment', 'refund', 'customer', 'product', 'session', 'report', 'export', 'webhook']);
