/**
 * A seeded, realistic log corpus for the benchmarks: pino JSON, nginx access logs, logfmt,
 * plain text and Java/Node stack traces, with a secret planted in about 0.5% of lines.
 * The same seed and size always give the same bytes; the file is cached under bench/.corpus/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base62Checksum, crc32 } from '../src/matcher/checksum.js';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64URL = `${ALNUM}-_`;

/** Seeded draws: an integer below n, an element of a list, n characters of an alphabet. */
export function randomTools(seed: number) {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const str = (alphabet: string, n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[int(alphabet.length)];
    return s;
  };
  return { rnd, int, pick, str };
}

export function corpusGenerator(seed: number) {
  const { rnd, int, pick, str } = randomTools(seed);
  const githubToken = (prefix: string) => {
    const body = str(ALNUM, 30);
    return `${prefix}${body}${base62Checksum(crc32(Buffer.from(body)))}`;
  };
  const jwt = () => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${str(B64URL, 40)}.${str(B64URL, 43)}`;

  /** Lines that carry one secret each, in the shapes applications really log them. */
  const secretLines: readonly (() => string)[] = [
    () => `{"level":30,"time":${Date.UTC(2026, 10, 27) + int(1e8)},"msg":"login","user":{"name":"u${int(1e5)}","password":"${str(ALNUM, 10)}!"}}`,
    () => `{"level":30,"msg":"outbound","req":{"headers":{"authorization":"Bearer ${jwt()}"}}}`,
    () => `level=info msg="push" GITHUB_TOKEN=${githubToken('ghp_')}`,
    () => `level=debug AWS_ACCESS_KEY_ID=AKIA${str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)} AWS_SECRET_ACCESS_KEY=${str(`${ALNUM}/+`, 40)}`,
    () => `2026-11-27T20:39:${10 + int(49)}.000Z WARN slack notify failed token=xoxb-${str('0123456789', 12)}-${str('0123456789', 13)}-${str(ALNUM, 24)}`,
    () => `{"level":50,"msg":"charge failed","stripe_key":"sk_live_${str(ALNUM, 99)}"}`,
    () => `level=info msg="db connect" url=postgres://app:${str(ALNUM, 14)}@db.internal:5432/app`,
    () => `10.0.${int(255)}.${int(255)} - - [27/Nov/2026:20:39:22 +0000] "GET /v1/me?access_token=${str(ALNUM, 32)} HTTP/1.1" 200 ${int(9999)} "-" "okhttp/4.12.0"`,
    () => `{"level":40,"msg":"retry","gitlab":"glpat-${str(B64URL, 20)}"}`,
    () => `{"level":30,"msg":"maps","key":"AIza${str(`${ALNUM}-_`, 35)}"}`,
    () => `curl -H "Authorization: Bearer sk-proj-${str(B64URL, 74)}T3BlbkFJ${str(B64URL, 74)}" https://api.openai.com/v1/models`,
    () => `{"level":30,"msg":"mail","sendgrid":"SG.${str(B64URL, 22)}.${str(B64URL, 43)}"}`,
  ];

  const words = ['request', 'completed', 'order', 'created', 'cache', 'miss', 'hit', 'worker', 'job', 'queued', 'retry', 'connection', 'pool', 'timeout', 'upstream', 'user', 'session', 'started', 'payment', 'processed', 'inventory', 'updated', 'shipment', 'dispatched', 'db', 'query', 'slow', 'ms', 'ok'];
  const paths = ['/api/v1/orders', '/api/v1/users/42', '/healthz', '/static/app.js', '/api/v2/cart/items', '/login', '/metrics', '/api/v1/search?q=shoes&page=2'];
  const agents = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'curl/8.5.0', 'kube-probe/1.31', 'okhttp/4.12.0', 'python-requests/2.32.3'];
  const sentence = () => Array.from({ length: 4 + int(10) }, () => pick(words)).join(' ');
  const uuid = () => `${str(HEX, 8)}-${str(HEX, 4)}-4${str(HEX, 3)}-a${str(HEX, 3)}-${str(HEX, 12)}`;

  const cleanLines: readonly (() => string)[] = [
    () => `{"level":30,"time":${Date.UTC(2026, 10, 27) + int(1e8)},"pid":${1000 + int(9000)},"hostname":"web-${int(20)}","reqId":"${uuid()}","msg":"${sentence()}","responseTime":${int(500)}.${int(10)}}`,
    () => `{"level":30,"time":${Date.UTC(2026, 10, 27) + int(1e8)},"pid":4242,"hostname":"api-${int(9)}","req":{"method":"GET","url":"${pick(paths)}","remoteAddress":"10.0.${int(255)}.${int(255)}"},"res":{"statusCode":${pick([200, 200, 200, 201, 204, 304, 404, 500])}},"msg":"request completed"}`,
    () => `10.0.${int(255)}.${int(255)} - - [27/Nov/2026:20:${10 + int(49)}:${10 + int(49)} +0000] "${pick(['GET', 'POST', 'PUT'])} ${pick(paths)} HTTP/1.1" ${pick([200, 200, 301, 404, 502])} ${int(99999)} "-" "${pick(agents)}"`,
    () => `time=2026-11-27T20:39:${10 + int(49)}Z level=${pick(['info', 'debug', 'warn'])} msg="${sentence()}" trace_id=${str(HEX, 32)} span_id=${str(HEX, 16)} duration=${int(900)}ms`,
    () => `2026-11-27 20:39:${10 + int(49)},${int(999)} INFO  [${pick(['main', 'worker-1', 'http-nio-8080-exec-3'])}] c.a.${pick(['OrderService', 'CartController', 'Scheduler'])} - ${sentence()}`,
    () => `    at ${pick(['com.acme.orders.OrderService.place', 'org.springframework.web.servlet.FrameworkServlet.service', 'java.base/java.lang.Thread.run'])}(${pick(['OrderService.java', 'FrameworkServlet.java', 'Thread.java'])}:${int(900)})`,
    () => `    at ${pick(['processTicksAndRejections', 'Server.emit', 'Router.handle', 'async OrderController.create'])} (${pick(['node:internal/process/task_queues', '/app/dist/server.js', '/app/node_modules/express/lib/router/index.js'])}:${int(400)}:${int(40)})`,
    () => `commit ${str(HEX, 40)} deployed image sha256:${str(HEX, 64)}`,
  ];

  /** One line (without `\n`) and whether it carries a planted secret. */
  return (): { line: string; secret: boolean } =>
    rnd() < 0.005 ? { line: pick(secretLines)(), secret: true } : { line: pick(cleanLines)(), secret: false };
}

const here = dirname(fileURLToPath(import.meta.url));

/** The corpus of about `megabytes` MB for `seed`, generated once and cached. */
export function loadCorpus(megabytes: number, seed = 20261127): { buf: Buffer; lines: number; planted: number } {
  const file = join(here, '.corpus', `corpus-${seed}-${megabytes}mb.log`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { lines: number; planted: number };
    return { buf: readFileSync(file), ...m };
  }
  const next = corpusGenerator(seed);
  const parts: string[] = [];
  let size = 0;
  let lines = 0;
  let planted = 0;
  while (size < megabytes * 1e6) {
    const { line, secret } = next();
    parts.push(line);
    size += line.length + 1;
    lines++;
    if (secret) planted++;
  }
  const buf = Buffer.from(`${parts.join('\n')}\n`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buf);
  writeFileSync(meta, JSON.stringify({ lines, planted }));
  return { buf, lines, planted };
}
