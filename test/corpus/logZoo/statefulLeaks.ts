/**
 * Leaks that span more than one place: the same value twice on a line, a value logged under
 * a key and later bare (only a redactor that remembers what it found can catch the second),
 * and PEM private keys spread over many lines — one JSON entry per line, wrapped by a
 * container runtime, glued to the BEGIN line, or inside one JSON string with `\n`.
 */
import { f, type Frag, frag, jsonEscape, keep, mapText, percentEncode, secret } from './fragment.js';
import { emit, emitAs, JSON_ENVELOPES, type Rendered, TEXT_ENVELOPES } from './formats.js';
import type { Rng } from './random.js';
import * as s from './secrets.js';
import { kv, obj } from './syntax.js';
import * as ts from './timestamps.js';
import { near, placeField, placeMessage } from './venues.js';
import * as wire from './wire.js';
import * as w from './world.js';

/** Lines now, and lines that belong a little later in the same stream. */
export interface Emission {
  readonly now: readonly Rendered[];
  readonly later?: readonly Rendered[];
}

type StatefulMaker = (r: Rng) => Emission;

/** A value worth remembering: a token or a long generated password. */
function memorable(r: Rng): string {
  return r.weighted<() => string>([
    [() => s.apiKey(r), 4],
    [() => s.prefixedToken(r).token, 2],
    [() => s.longTailToken(r), 2],
    [() => s.generatedPassword(r, r.range(16, 24)).replace(/[&<>"'\\%]/g, 'x'), 2],
    [() => s.jwt(r), 1],
  ])();
}

// ---- the same value twice on one line ----

const sameLine: StatefulMaker[] = [
  // in the message and in a field
  (r) => {
    const v = memorable(r);
    const key = r.pick(['api_key', 'token', 'apiKey', 'access_token', 'key']);
    return { now: [emit(r, { level: 'warn', msg: f`${r.pick(['invalid api key ', 'rejected token ', 'unknown key ', 'revoked credential '])}${secret(v, 'repeat')}${r.pick([' for tenant acme', '', ' (401)'])}`, fields: [kv(keep(key), secret(v, 'repeat')), kv('tenant', keep('acme'))] })] };
  },
  // a request log with the token in the query and in the Authorization header
  (r) => {
    const v = memorable(r);
    const url = f`${keep(r.pick(['/api/v1/export', '/v2/reports', '/graphql']))}?access_token=${secret(percentEncode(v), 'repeat')}`;
    return { now: [emit(r, { level: 'info', msg: 'request completed', fields: [kv('req', obj([kv('method', 'GET'), kv('url', url), kv('headers', obj([kv(keep('authorization'), f`Bearer ${secret(v, 'repeat')}`), kv('user-agent', w.userAgent(r))]))])), kv('res', obj([kv('statusCode', 200)]))] }, JSON_ENVELOPES)] };
  },
  // an access log: token in the path and in the referer
  (r) => {
    const v = percentEncode(memorable(r));
    return { now: [wire.nginxAccess(r, { path: f`/download?token=${secret(v, 'repeat')}`, referer: f`https://${r.pick(w.DOMAINS)}/share?token=${secret(v, 'repeat')}` })] };
  },
  // logfmt: error text quoting the value, then the field
  (r) => {
    const v = memorable(r).replace(/[\s"=]/g, '');
    return { now: [placeMessage(r, f`${r.pick(['authentication failed for key ', 'token expired: ', 'cannot decrypt with '])}${secret(v, 'repeat')}`, { envelopes: ['logrus-text', 'logfmt', 'go-log', 'structlog-console'], fields: [kv(keep(r.pick(['api_key', 'token', 'secret'])), secret(v, 'repeat'))] })] };
  },
  // a config printed twice: Java toString and a logfmt field
  (r) => {
    const v = s.anyPassword(r).replace(/[,)\]}'=\s"]/g, '');
    return { now: [emitAs(r, r.pick(['log4j', 'spring-boot']), { level: 'debug', msg: f`DataSourceConfig(url=${keep(`jdbc:postgresql://${r.pick(w.DB_HOSTS)}/orders`)}, username=${keep(w.user(r))}, password=${secret(v, 'repeat')}) resolved; ${keep('password')}=${secret(v, 'repeat')}` })] };
  },
  // a password as a CLI flag and in the echoed connection URL
  (r) => {
    const v = s.anyPassword(r).replace(/[\s'"\\@:/?#%]/g, '');
    return { now: [wire.shellTrace(r, f`pg_dump --dbname=postgresql://${w.user(r)}:${secret(v, 'repeat')}@${keep(r.pick(w.DB_HOSTS))}/orders --file=/backups/orders.sql # PGPASSWORD=${secret(v, 'repeat')}`)] };
  },
  // Python: kwargs repr and an error message
  (r) => {
    const v = s.anyPassword(r).replace(/['"\\]/g, '');
    return { now: [emitAs(r, 'python-logging', { level: 'error', msg: f`connect(host='${keep(r.pick(w.DB_HOSTS))}', user='${keep(w.user(r))}', password='${secret(v, 'repeat')}') failed: FATAL: password authentication failed (password='${secret(v, 'repeat')}')` })] };
  },
];

// ---- a value under a key now, bare later ----

function laterBare(r: Rng, v: string): Rendered {
  const S = secret(v, 'repeat');
  const k = r.int(9);
  if (k === 0) return placeMessage(r, f`retrying with ${S}`, { fields: [] });
  if (k === 1) return placeMessage(r, f`${r.pick(['cache hit for ', 'using cached credential ', 'validated ', 'key rotated away from '])}${S}`, { envelopes: [...TEXT_ENVELOPES, 'pino', 'zap-json'] });
  if (k === 2) return wire.nginxAccess(r, { path: f`/hooks/${S.text.replace(/[^A-Za-z0-9._~-]/g, '') === S.text ? S : secret(encodeURIComponent(v), 'repeat')}` });
  if (k === 3) return wire.shellTrace(r, f`echo ${S}`);
  if (k === 4) return { format: 'python-traceback', line: f`KeyError: '${S}'` };
  if (k === 5) return placeMessage(r, f`${S} expired`, { envelopes: ['syslog', 'journald', 'go-log', 'logfmt'] });
  if (k === 6) return emitAs(r, 'github-actions', { msg: f`Using ${S}` });
  if (k === 7) return wire.curlHeader('x-echo', frag(S), '<');
  return emit(r, { level: 'debug', msg: 'upstream response', fields: [kv('body', f`{"error":"invalid_grant","detail":"${S} is not active"}`)] }, JSON_ENVELOPES);
}

const later: StatefulMaker = (r) => {
  const v = memorable(r);
  const key = r.pick(['api_key', 'token', 'client_secret', 'webhook_secret', 'password', 'API_TOKEN', 'refresh_token', 'x-api-key']);
  const first = placeField(r, key, secret(v, 'repeat'), { venues: [['envelope', 4], ['doc', 2], ['repr', 1]], literalKey: true, near: near(r, 1) });
  return { now: [first], later: [{ ...laterBare(r, v), needsState: true }] };
};

// ---- PEM private keys over many lines ----

const pemBody = (k: s.PemKey) => k.body.map((b) => frag(secret(b, 'pem')));

/** One logger entry per line: BEGIN, body lines, END; every body line needs the block's state. */
function perEntry(r: Rng, k: s.PemKey, entry: (msg: Frag) => Rendered): Rendered[] {
  return [entry(frag(k.begin)), ...pemBody(k).map((b) => ({ ...entry(b), needsState: true as const })), entry(frag(k.end))];
}

const pem: StatefulMaker[] = [
  // a JSON logger printing a key line by line
  (r) => {
    const k = s.pemKey(r);
    const fmt = r.pick(['pino', 'winston-json', 'bunyan', 'zap-json', 'structlog-json']);
    const level = r.pick(['error', 'debug', 'info'] as const);
    return { now: [placeMessage(r, frag(r.pick(['loaded signing key:', 'failed to parse private key:', 'TLS key material follows'])), { envelopes: [fmt], level, fields: [] }), ...perEntry(r, k, (m) => emitAs(r, fmt, { level, msg: m }))] };
  },
  // a container runtime wrapping each line of a program's output
  (r) => {
    const k = s.pemKey(r);
    const stream = r.pick(['stdout', 'stderr']);
    const docker = r.chance(0.5);
    const entry = (m: Frag): Rendered => {
      r.tick();
      return docker
        ? { format: 'docker-json', line: f`{"log":"${mapText(m, jsonEscape)}\\n","stream":"${stream}","time":"${ts.isoNano(r.now, r.int(1_000_000))}"}` }
        : { format: 'cri', line: f`${ts.isoNano(r.now, r.int(1_000_000))} ${stream} F ${m}` };
    };
    return { now: perEntry(r, k, entry) };
  },
  // the first body line glued to the BEGIN line (a key pasted without its line break)
  (r) => {
    const k = s.pemKey(r);
    const [first, ...rest] = k.body;
    const prefix = r.pick(['', '', `${ts.log4j(r.now)} DEBUG [main] c.a.a.KeyLoader - key: `, `${ts.syslog(r.now)} ${w.hostname(r)} app[${w.pid(r)}]: `]);
    return {
      now: [
        { format: 'pem-text', line: f`${prefix}${k.begin}${secret(first!, 'pem')}` },
        ...rest.map((b) => ({ format: 'pem-text', line: frag(secret(b, 'pem')), needsState: true as const })),
        { format: 'pem-text', line: frag(k.end) },
      ],
    };
  },
  // the plain multi-line key after a log line (what the stream layer already knows)
  (r) => {
    const k = s.pemKey(r);
    return {
      now: [
        emit(r, { level: 'error', msg: r.pick(['invalid key format, got:', 'writing key to /etc/ssl/private/server.key:', 'SSH_PRIVATE_KEY is:']) }, TEXT_ENVELOPES),
        { format: 'pem-text', line: frag(k.begin) },
        ...k.body.map((b) => ({ format: 'pem-text', line: frag(secret(b, 'pem')), needsState: true as const })),
        { format: 'pem-text', line: frag(k.end) },
      ],
    };
  },
  // every line with a syslog / Actions prefix
  (r) => {
    const k = s.pemKey(r);
    const host = w.hostname(r);
    const p = w.pid(r);
    const gh = r.chance(0.5);
    const entry = (m: Frag): Rendered => {
      r.tick();
      return gh ? { format: 'github-actions', line: f`${ts.isoGithub(r.now, r.int(10_000))} ${m}` } : { format: 'syslog', line: f`${ts.syslog(r.now)} ${host} deploy[${p}]: ${m}` };
    };
    return { now: perEntry(r, k, entry) };
  },
  // a service account JSON on one line: the key inside a string with \n
  (r) => {
    const k = s.pemKey(r);
    const body: Frag = [{ text: `${k.begin}\\n` }, ...k.body.flatMap((b) => [secret(b, 'pem'), { text: '\\n' }]), { text: `${k.end}\\n` }];
    const project = r.pick(['acme-prod', 'shop-analytics-7f3a', 'acme-ci']);
    const sa = f`{"type": "service_account", "project_id": "${keep(project)}", "private_key_id": "${r.hex(40)}", "private_key": "${body}", "client_email": "${keep(`deployer@${project}.iam.gserviceaccount.com`)}", "client_id": "${r.str('0123456789', 21)}", "token_uri": "https://oauth2.googleapis.com/token"}`;
    return { now: [r.chance(0.5) ? { format: 'env-dump', line: f`GOOGLE_CREDENTIALS=${sa}` } : placeMessage(r, f`credentials: ${sa}`, { envelopes: ['python-logging', 'github-actions', 'go-log'], fields: [] })] };
  },
];

export const STATEFUL = {
  repeat: [...sameLine, later, later] as readonly StatefulMaker[],
  pem,
};

