/**
 * Secrets under a key: the classic shapes (JSON password, logfmt api_key, Authorization
 * headers, URL userinfo, JWTs), bare values after a colon, key names in other languages and
 * case styles, values full of punctuation, provider credentials under their own key names,
 * and the long tail of SaaS tokens.
 */
import { f, frag, keep, percentEncode, secret, type SecretClass } from './fragment.js';
import { CAPTURE_ENVELOPES, docLine, emit, type DocFormat, JSON_ENVELOPES, type Rendered, reprLine, TEXT_ENVELOPES } from './formats.js';
import { BASE62, BASE64URL, DIGITS, LOWER, type Rng } from './random.js';
import * as s from './secrets.js';
import { kv, obj } from './syntax.js';
import { placeField, placeMessage } from './venues.js';
import * as ts from './timestamps.js';
import * as wire from './wire.js';
import * as w from './world.js';

export type Maker = (r: Rng) => Rendered | readonly Rendered[];

const PASSWORD_KEYS = ['password', 'db_password', 'DB_PASSWORD', 'dbPassword', 'admin_password', 'smtp_password', 'redisPassword', 'MYSQL_ROOT_PASSWORD', 'POSTGRES_PASSWORD', 'userPassword', 'new_password', 'root_password', 'bind_password', 'Password'];
const TOKEN_KEYS = ['token', 'access_token', 'accessToken', 'auth_token', 'refresh_token', 'api_token', 'bearer_token', 'authToken', 'X-Auth-Token', 'personal_access_token'];
const KEY_KEYS = ['api_key', 'apiKey', 'apikey', 'API_KEY', 'x-api-key', 'api-key', 'ApiKey', 'client_secret', 'clientSecret', 'app_secret', 'secret', 'SECRET', 'webhook_secret', 'encryption_key', 'master_key', 'hmac_secret', 'JWT_SECRET', 'session_secret', 'consumer_secret'];

/** A Django SECRET_KEY as startproject generates it (50 characters), sometimes marked insecure. */
export function djangoSecretKey(r: Rng): string {
  return `${r.chance(0.4) ? 'django-insecure-' : ''}${r.str(`${LOWER}${DIGITS}!@#%^&*(-_=+)`, 50)}`;
}

/** A value that suits the key: passwords for password keys, tokens for token keys. */
function valueFor(r: Rng, key: string): string {
  const k = key.toLowerCase();
  if (/pass|pwd|passwort|contrase|senha|wachtwoord|пароль|mot_de|kennwort/.test(k)) return s.anyPassword(r);
  if (/secret_key|signing|hmac|encryption|master|session_secret|cookie_secret/.test(k)) return r.pick([() => r.hex(64), () => s.b64(r, 32), () => s.b64(r, 64), () => djangoSecretKey(r), () => r.str(BASE62, 40)])();
  if (/token/.test(k)) return r.pick([() => s.jwt(r), () => s.apiKey(r), () => s.prefixedToken(r).token])();
  return s.apiKey(r);
}

// ---- classic ----

const classic: Maker[] = [
  // "password":"…" in a JSON logger, nested the way request bodies are
  (r) => {
    const pw = secret(s.anyPassword(r), 'classic');
    const who = r.chance(0.5) ? kv('email', keep(w.email(r))) : kv('username', keep(w.user(r)));
    const body = obj([who, kv(keep(r.pick([...PASSWORD_KEYS, 'password', 'password', 'pass', 'passwd', 'newPassword', 'currentPassword'])), pw), kv('remember_me', r.chance(0.5))]);
    return emit(r, { level: 'debug', msg: r.pick(['login attempt', 'request body', 'POST /api/v1/sessions', 'signup payload', 'incoming request']), fields: [kv(r.pick(['body', 'user', 'payload', 'data']), body)] }, JSON_ENVELOPES);
  },
  // logfmt api_key=…
  (r) => {
    const key = r.pick(KEY_KEYS.filter((k) => !/[A-Z-]/.test(k)));
    return emit(r, { level: r.pick(['info', 'debug', 'warn'] as const), msg: r.pick(['calling partner api', 'quota check', 'sync started', 'request failed']), fields: [kv('client', keep(w.service(r))), kv(keep(key), secret(s.apiKey(r), 'classic')), kv('status', w.status(r))] }, ['logrus-text', 'logfmt', 'structlog-console', 'go-log', 'syslog', 'log4j']);
  },
  // Authorization headers: curl -v, OkHttp, JSON request logs, Go header maps, Python header dicts
  (r) => {
    const scheme = r.weighted([['Bearer', 6], ['Basic', 2], ['token', 1], ['Bot', 0.5]] as const);
    const tok =
      scheme === 'Basic' ? Buffer.from(`${w.user(r)}:${s.anyPassword(r)}`).toString('base64') : scheme === 'token' ? s.checksummed(r, 'ghp_') : r.chance(0.5) ? s.jwt(r) : s.apiKey(r);
    const value = f`${scheme} ${secret(tok, 'classic')}`;
    const where = r.int(6);
    if (where === 0) return wire.curlHeader(r.pick(['Authorization', 'authorization']), value);
    if (where === 1) return wire.okhttpHeader(r, 'Authorization', value);
    if (where === 2) return wire.pythonHeadersLine(r, [kv(keep('Authorization'), value)]);
    if (where === 3) return wire.goDumpRequest(r, [kv('Authorization', value)]);
    if (where === 4) return wire.axiosConfig(r, [kv(keep('Authorization'), value)]);
    return emit(r, { level: 'debug', msg: 'outbound request', fields: [kv('req', obj([kv('method', w.method(r)), kv('url', keep(w.apiPath(r))), kv('headers', obj([kv('host', keep(r.pick(w.THIRD_PARTY))), kv(keep('authorization'), value), kv('accept', 'application/json')]))]))] }, JSON_ENVELOPES);
  },
  // URL userinfo in a message
  (r) => {
    const host = r.pick(w.DB_HOSTS);
    const scheme = r.pick(['postgres', 'postgresql', 'mysql', 'redis', 'amqp', 'https', 'mongodb']);
    const url = f`${scheme}://${w.user(r)}:${secret(s.anyPassword(r).replace(/[@:/?#%\s]/g, ''), 'classic')}@${keep(host)}${r.chance(0.5) ? `:${w.port(r)}` : ''}/${r.pick(['orders', 'app', 'shop', '0', 'vhost'])}`;
    return placeMessage(r, f`${r.pick(['connecting to ', 'using ', 'database url: ', 'dialing ', 'connection string '])}${url}`);
  },
  // JWTs: in a field, a query string, a cookie
  (r) => {
    const t = secret(s.jwt(r), 'classic');
    const k = r.int(4);
    if (k === 0) return placeField(r, r.pick([...TOKEN_KEYS, 'id_token', 'jwt', 'idToken']), t, { venues: [['envelope', 1]] });
    if (k === 1) return wire.nginxAccess(r, { path: f`/oauth/callback?${r.pick(['id_token', 'access_token', 'token'])}=${t}&state=${keep(r.hex(16))}` });
    if (k === 2) return wire.curlHeader('Cookie', f`${r.pick(['session', 'jwt', 'auth_token', 'access_token'])}=${t}; ${keep(`_ga=GA1.2.${r.range(1e8, 9e8)}.${r.range(1.6e9, 1.7e9)}`)}`);
    return placeMessage(r, f`${r.pick(['decoded token ', 'token verified: ', 'refreshing expired token '])}${t}`);
  },
  // ?access_token= / ?api_key= in access logs and client debug lines
  (r) => {
    const q = r.pick(['access_token', 'api_key', 'apikey', 'key', 'token', 'auth', 'private_token', 'client_secret']);
    const v = secret(q === 'key' ? `AIza${r.str(BASE64URL, 35)}` : percentEncode(s.apiKey(r)), 'classic');
    const path = f`/v1/${r.pick(['items', 'search', 'reports', 'geocode/json'])}?${keep(`page=${r.range(1, 9)}`)}&${q}=${v}`;
    return r.pick([() => wire.nginxAccess(r, { path }), () => wire.envoyAccess(r, { path }), () => wire.urllib3Line(r, path), () => wire.nginxError(r, { path })])();
  },
  // Cookie / Set-Cookie session ids
  (r) => {
    const sid = secret(r.pick([() => r.str(`${LOWER}${DIGITS}`, 32), () => `s%3A${r.str(BASE64URL, 32)}.${percentEncode(s.b64(r, 32).replace(/=+$/, ''))}`, () => r.hex(64)])(), 'classic');
    const name = r.pick(['sessionid', 'connect.sid', 'JSESSIONID', '_session_id', 'PHPSESSID', 'laravel_session']);
    return r.chance(0.5) ? wire.curlHeader('Cookie', f`${name}=${sid}; ${keep('theme=dark')}`) : wire.curlHeader('set-cookie', f`${name}=${sid}; ${keep('Path=/; HttpOnly; Secure; SameSite=Lax')}`, '<');
  },
  // env dump DB_PASSWORD=… / SECRET=…
  (r) => {
    const key = r.pick(['DB_PASSWORD', 'DATABASE_PASSWORD', 'REDIS_PASSWORD', 'API_KEY', 'SECRET_KEY', 'APP_SECRET', 'JWT_SECRET', 'SMTP_PASSWORD', 'AUTH_TOKEN']);
    const fmt = r.pick<DocFormat>(['env-dump', 'docker-inspect']);
    return docLine(r, fmt, keep(key), [secret(valueFor(r, key), 'classic')]);
  },
];

// ---- colon-bare ----

/** A value that YAML and people leave unquoted (no leading sigil, no `: ` or ` #`). */
function bareValue(r: Rng, key: string): string {
  let v = valueFor(r, key);
  if (r.chance(0.3) && /pass/i.test(key)) v = `${s.humanPassword(r).replace(/[^A-Za-z0-9]/g, '')}-long`;
  return v.replace(/^[-?:,[\]{}#&*!|>'"%@`]+/, '').replace(/ #|: /g, '');
}

const colonBare: Maker[] = [
  // YAML config dumps (application.yml, docker compose config, helm values)
  (r) => {
    const key = r.pick(['password', 'secret_key', 'api_key', 'token', 'secret', 'client_secret', 'POSTGRES_PASSWORD', 'MYSQL_PASSWORD', 'access_token', 'auth_token', 'SECRET_KEY']);
    return { format: r.pick(['yaml-config', 'yaml-config', 'k8s-manifest']), line: f`${' '.repeat(r.pick([0, 2, 4, 6]))}${keep(key)}: ${secret(bareValue(r, key), 'colon-bare')}` };
  },
  // `password: x`, `SECRET_KEY: e96…` printed by application code into a log message
  (r) => {
    const key = r.pick(['password', 'Password', 'SECRET_KEY', 'secret', 'api key', 'API key', 'token', 'db password', 'Redis password', 'spring.datasource.password', 'client secret']);
    const sep = r.pick([': ', ': ', ':', ':  ']);
    return placeMessage(r, f`${r.pick(['', '', 'Using ', 'config ', 'DEBUG settings '])}${keep(key)}${sep}${secret(bareValue(r, key), 'colon-bare')}`, { envelopes: [...TEXT_ENVELOPES, 'pino', 'winston-json', 'docker-json', 'journald'] });
  },
  // container entrypoints announcing generated credentials
  (r) => {
    const pw = secret(r.str(`${BASE62}`, r.pick([16, 20, 32])), 'colon-bare');
    const line = r.pick([
      () => f`${ts.log4j(r.now).slice(0, 19)}+00:00 [Note] [Entrypoint]: GENERATED ROOT PASSWORD: ${pw}`,
      () => f`[Entrypoint] GENERATED ROOT PASSWORD: ${pw}`,
      () => f`Generated admin password: ${pw}`,
      () => f`Initial admin password: ${pw}`,
      () => f`Using generated security password: ${pw}`,
    ])();
    return placeMessage(r, line, { envelopes: CAPTURE_ENVELOPES, fields: [] });
  },
  // kubectl describe pod: Environment block
  (r) => {
    const key = r.pick(['DB_PASSWORD', 'API_KEY', 'SECRET_KEY', 'REDIS_PASSWORD', 'STRIPE_SECRET_KEY', 'ADMIN_TOKEN', 'JWT_SECRET']);
    return wire.describeEnv(keep(key), frag(secret(bareValue(r, key), 'colon-bare')));
  },
  // GitHub Actions prints a step's env block; a value that was never registered as a secret is not masked
  (r) => {
    const key = r.pick(['DB_PASSWORD', 'API_TOKEN', 'DEPLOY_KEY', 'SONAR_TOKEN', 'REGISTRY_PASSWORD', 'SENTRY_AUTH_TOKEN']);
    return emit(r, { msg: f`  ${keep(key)}: ${secret(bareValue(r, key), 'colon-bare')}` }, ['github-actions']);
  },
  // Spring Boot: properties echoed at startup by a config bean
  (r) => {
    const key = r.pick(['spring.datasource.password', 'spring.mail.password', 'spring.rabbitmq.password', 'app.jwt.secret', 'spring.data.redis.password', 'management.token']);
    return emit(r, { level: 'debug', msg: f`${keep(key)}: ${secret(bareValue(r, key), 'colon-bare')}` }, ['spring-boot', 'log4j']);
  },
];

// ---- key names: other languages, every case and separator ----

const FOREIGN_PASSWORD = ['Passwort', 'passwort', 'Kennwort', 'contraseña', 'contrasena', 'mot_de_passe', 'motDePasse', 'senha', 'wachtwoord', 'пароль', 'hasło', 'haslo', 'parola', 'salasana', 'lösenord', 'passord', 'şifre', 'heslo', 'パスワード', '密码', 'Passwort_DB', 'db_senha', 'clave'];

function styles(words: readonly string[]): string[] {
  const cap = (x: string) => x[0]!.toUpperCase() + x.slice(1);
  return [
    words.join('_'), words.join('_').toUpperCase(), words.join('-'), words.join('.'), words[0] + words.slice(1).map(cap).join(''), words.map(cap).join(''), words.join(''),
    words.map((x) => x.toUpperCase()).join('-'),
  ];
}

const KEY_VARIANTS: readonly string[] = [
  ...['pwd', 'passwd', 'pass'].flatMap((p) => [p, p.toUpperCase(), ...styles(['db', p]), ...styles(['smtp', p]), ...styles(['root', p]), ...styles(['mail', p]), ...styles(['redis', p])]),
  ...styles(['secret', 'key']), ...styles(['signing', 'key']), ...styles(['jwt', 'signing', 'key']), ...styles(['keystore', 'password']), ...styles(['truststore', 'password']),
  ...styles(['api', 'key', 'sid']), ...styles(['pass', 'phrase']), 'passphrase', 'PASSPHRASE', ...styles(['key', 'passphrase']), ...styles(['private', 'key', 'password']),
  'spring.datasource.password', 'spring.mail.password', 'spring.rabbitmq.password', 'server.ssl.key-store-password', 'server.ssl.trust-store-password', 'javax.net.ssl.keyStorePassword',
  'hibernate.connection.password', 'quarkus.datasource.password', 'db.pass', 'mail.smtp.pass', 'ldap.bindPassword', ...styles(['client', 'secret', 'key']), ...styles(['cookie', 'secret']),
  'passcode', 'Passcode', 'credentials', 'creds', ...styles(['aes', 'key']), ...styles(['hmac', 'key']),
].filter((k) => !/^(PWD|pwd)$/.test(k) || k === 'pwd');

const keyNames: Maker[] = [
  // foreign-language password keys in structured logs, reprs and config files (not env: those names are ASCII)
  (r) => {
    const key = r.pick(FOREIGN_PASSWORD);
    return placeField(r, key, secret(s.anyPassword(r), 'key-names'), { docs: ['yaml-config', 'ini-config', 'properties-config', 'xml-config'], literalKey: true });
  },
  // every case and separator style of pwd / passwd / pass / secret_key / signing_key / keystore_password / api_key_sid …
  (r) => {
    const key = r.pick(KEY_VARIANTS);
    const v = /sid/i.test(key) ? s.twilioKeySid(r) : valueFor(r, key);
    // `pwd` in an env dump would read PWD=…, the shell's working directory: not this class
    const docs: DocFormat[] | undefined = key.toLowerCase() === 'pwd' ? ['yaml-config', 'ini-config', 'properties-config', 'xml-config'] : undefined;
    return placeField(r, key, secret(v, 'key-names'), { literalKey: r.chance(0.7), ...(docs ? { docs } : {}) });
  },
  // ?pwd= in a URL, Pwd= in ODBC strings
  (r) => {
    const pw = secret(s.anyPassword(r).replace(/[;&#%\s]/g, ''), 'key-names');
    return r.chance(0.5)
      ? wire.nginxAccess(r, { path: f`/login.php?${keep(`user=${w.user(r)}`)}&${r.pick(['pwd', 'passwd', 'pass', 'pw'])}=${pw}` })
      : placeMessage(r, f`odbc: ${keep(`Driver={ODBC Driver 18 for SQL Server};Server=${r.pick(w.DB_HOSTS)};Uid=${w.user(r)}`)};${r.pick(['Pwd', 'PWD', 'pwd'])}=${pw};`);
  },
];

// ---- punctuation: quoted values to the closing quote, unquoted to the syntax's delimiter ----

const punctuation: Maker[] = [
  // quoted in JSON (\" escapes), logfmt, Python repr, YAML double quotes
  (r) => {
    const key = r.pick(['password', 'db_password', 'secret', 'passphrase', 'smtp_password', 'api_secret']);
    const v = secret(s.punctuatedPassword(r, { quote: r.chance(0.4), backslash: r.chance(0.2), space: r.chance(0.3) }), 'punctuation');
    return placeField(r, key, v, { venues: [['envelope', 5], ['repr', 2]] });
  },
  // unquoted, up to the delimiter of the syntax: logfmt/space, `key: value` to the end of the line, env dumps
  (r) => {
    const key = r.pick(['password', 'DB_PASSWORD', 'secret', 'pass', 'ADMIN_PASSWORD']);
    const v = s.punctuatedPassword(r).replace(/[\s"]/g, '');
    const where = r.int(4);
    if (where === 0) return placeMessage(r, f`${keep(key)}=${secret(v.replace(/=/g, ''), 'punctuation')} ${keep(`user=${w.user(r)}`)}`, { envelopes: ['logrus-text', 'logfmt', 'syslog', 'go-log', 'log4j', 'github-actions'] });
    if (where === 1) return docLine(r, r.pick<DocFormat>(['env-dump', 'properties-config', 'ini-config']), keep(key), [secret(v, 'punctuation')]);
    if (where === 2) return { format: 'yaml-config', line: f`  ${keep(key)}: ${secret(v.replace(/^[-?:,[\]{}#&*!|>'"%@`]+/, 'x').replace(/ #|: /g, ''), 'punctuation')}` };
    return placeMessage(r, f`${keep(key)}: ${secret(v, 'punctuation')}`, { envelopes: ['spring-boot', 'rails', 'django', 'python-logging', 'gitlab-ci'] });
  },
  // XML attribute and element with entities
  (r) => {
    const v = s.punctuatedPassword(r, { quote: r.chance(0.3) });
    const esc = v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return r.chance(0.5)
      ? { format: 'xml-config', line: f`    <${keep('password')}>${secret(esc, 'punctuation')}</password>` }
      : { format: 'xml-config', line: f`  <Resource name="jdbc/orders" auth="Container" type="javax.sql.DataSource" ${keep(`username="${w.user(r)}"`)} password="${secret(esc, 'punctuation')}" url="jdbc:postgresql://${r.pick(w.DB_HOSTS)}:5432/orders"/>` };
  },
  // shell: single quotes (bash -x re-quotes), double quotes with \" and \$
  (r) => {
    const v = s.punctuatedPassword(r, { space: r.chance(0.3) });
    if (r.chance(0.5)) return wire.shellTrace(r, f`${r.pick(['mysql', 'mysqladmin', 'mysqldump'])} -h ${keep(r.pick(w.DB_HOSTS))} -u ${w.user(r)} '-p${secret(v.replace(/'/g, "'\\''"), 'punctuation')}' ${r.pick(['orders', 'status', '--all-databases'])}`);
    return placeMessage(r, f`exec: ${r.pick(['psql', 'app-migrate', 'backup.sh'])} --password "${secret(v.replace(/(["\\$`])/g, '\\$1'), 'punctuation')}" --host ${keep(r.pick(w.DB_HOSTS))}`, { envelopes: ['github-actions', 'gitlab-ci', 'syslog', 'journald', 'cri'] });
  },
  // connection strings: ADO.NET quotes, JDBC braces, URL percent-encoding
  (r) => {
    const v = s.punctuatedPassword(r).replace(/[\s"']/g, '');
    const k = r.int(3);
    if (k === 0) return placeMessage(r, f`${keep(`Server=tcp:${r.pick(w.DB_HOSTS)},1433;Initial Catalog=orders;User ID=${w.user(r)}`)};Password="${secret(v, 'punctuation')}";${keep('Encrypt=True;')}`);
    if (k === 1) return placeMessage(r, f`jdbc:sqlserver://${keep(r.pick(w.DB_HOSTS))}:1433;databaseName=orders;user=${w.user(r)};password={${secret(v.replace(/}/g, '}}'), 'punctuation')}};encrypt=true`);
    return placeMessage(r, f`postgresql://${w.user(r)}:${secret(percentEncode(v), 'punctuation')}@${keep(r.pick(w.DB_HOSTS))}:5432/orders?sslmode=require`);
  },
];

// ---- provider secrets under their own key names ----

const providerKeyed: Maker[] = [
  // AWS in env dumps, ~/.aws/credentials, aws-cli JSON, boto3 kwargs, aws-sdk-go credentials %+v
  (r) => {
    const id = s.awsAccessKeyId(r, r.chance(0.5) ? 'AKIA' : 'ASIA');
    const sk = secret(s.awsSecretKey(r), 'provider-keyed');
    const k = r.int(6);
    if (k === 0) return docLine(r, r.pick<DocFormat>(['env-dump', 'docker-inspect']), keep('AWS_SECRET_ACCESS_KEY'), [sk]);
    if (k === 1) return { format: 'ini-config', line: f`${keep('aws_secret_access_key')} = ${sk}` };
    if (k === 2) return wire.awsCliJson('SecretAccessKey', frag(sk));
    if (k === 3) return reprLine(r, 'python-repr', 'boto3 client kwargs', obj([kv('region_name', keep('eu-west-1')), kv('aws_access_key_id', [secret(id, 'provider-keyed')]), kv(keep('aws_secret_access_key'), [sk])]));
    if (k === 4) return reprLine(r, 'go-struct', 'credentials', obj([kv('AccessKeyID', [secret(id, 'provider-keyed')]), kv(keep('SecretAccessKey'), [sk]), kv('SessionToken', ''), kv('Source', keep('EnvConfigCredentials'))]));
    return placeField(r, r.pick(['secretAccessKey', 'aws_secret_access_key', 'SecretAccessKey', 'awsSecretKey']), sk, { venues: [['envelope', 3], ['doc', 1]], docs: ['yaml-config', 'properties-config'], literalKey: true });
  },
  // STS session tokens: env, JSON, the X-Amz-Security-Token header and presigned URLs
  (r) => {
    const tokRaw = s.awsSessionToken(r);
    const k = r.int(5);
    if (k === 0) return docLine(r, r.pick<DocFormat>(['env-dump', 'docker-inspect']), keep('AWS_SESSION_TOKEN'), [secret(tokRaw, 'provider-keyed')]);
    if (k === 1) return wire.awsCliJson('SessionToken', frag(secret(tokRaw, 'provider-keyed')));
    if (k === 2) return r.chance(0.5) ? wire.curlHeader('X-Amz-Security-Token', frag(secret(tokRaw, 'provider-keyed'))) : wire.okhttpHeader(r, 'x-amz-security-token', frag(secret(tokRaw, 'provider-keyed')));
    if (k === 3) {
      const path = f`/${keep(`acme-exports/${r.hex(8)}.csv`)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${s.awsAccessKeyId(r, 'ASIA')}%2F20250303%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20250303T081407Z&X-Amz-Expires=900&X-Amz-Security-Token=${secret(percentEncode(tokRaw), 'provider-keyed')}&X-Amz-Signature=${secret(r.hex(64), 'provider-keyed')}&X-Amz-SignedHeaders=host`;
      return r.chance(0.5) ? wire.nginxAccess(r, { path }) : placeMessage(r, f`presigned url: https://acme-exports.s3.eu-west-1.amazonaws.com${path}`);
    }
    return placeField(r, r.pick(['sessionToken', 'SessionToken', 'aws_session_token']), secret(tokRaw, 'provider-keyed'), { venues: [['envelope', 2], ['repr', 1]], literalKey: true });
  },
  // Azure storage keys under AccountKey / storageAccountKey / AZURE_STORAGE_KEY
  (r) => {
    const key = secret(s.azureStorageKey(r), 'provider-keyed');
    const k = r.int(5);
    if (k === 0) return docLine(r, r.pick<DocFormat>(['env-dump', 'docker-inspect']), keep(r.pick(['AZURE_STORAGE_KEY', 'AZURE_STORAGE_ACCESS_KEY', 'STORAGE_ACCOUNT_KEY'])), [key]);
    if (k === 1) return placeField(r, r.pick(['storageAccountKey', 'storage_account_key', 'AccountKey', 'accountKey']), key, { venues: [['envelope', 3], ['doc', 2]], literalKey: true });
    if (k === 2) return wire.shellTrace(r, f`az storage blob upload --account-name ${keep('acmeexports')} ${keep('--account-key')} ${key} -c exports -f report.csv -n report.csv`);
    if (k === 3) return { format: 'dotnet-config', line: f`    <add key="${keep('StorageAccountKey')}" value="${key}" />` };
    return placeMessage(r, f`${keep('AccountName=acmeexports')};${keep('AccountKey')}=${key}`, { envelopes: ['dotnet-console', 'log4j', 'winston-json'] });
  },
  // Twilio API key SIDs (SK…) and their secrets
  (r) => {
    const sid = secret(s.twilioKeySid(r), 'provider-keyed');
    const k = r.int(4);
    if (k === 0) return docLine(r, r.pick<DocFormat>(['env-dump', 'yaml-config', 'properties-config']), keep(r.pick(['TWILIO_API_KEY', 'TWILIO_API_KEY_SID', 'twilio.api-key'])), [sid]);
    if (k === 1) return placeField(r, r.pick(['api_key_sid', 'apiKeySid', 'twilioApiKey', 'keySid']), sid, { near: [kv('account_sid', keep(s.twilioAccountSid(r)))], venues: [['envelope', 3], ['repr', 1]] });
    if (k === 2) return wire.curlHeader('Authorization', f`Basic ${secret(Buffer.from(`${s.twilioKeySid(r)}:${r.str(BASE62, 32)}`).toString('base64'), 'provider-keyed')}`);
    return placeMessage(r, f`twilio client: ${keep('accountSid')}=${keep(s.twilioAccountSid(r))} ${keep('apiKey')}=${sid} ${keep('apiSecret')}=${secret(r.str(BASE62, 32), 'provider-keyed')}`);
  },
];

// ---- the long tail ----

const longTail: Maker[] = [
  // <provider>_api_key = <token>, <PROVIDER>_TOKEN: <token>, Using <Provider> Key=<token>
  (r) => {
    const p = r.pick(s.LONG_TAIL_PROVIDERS);
    const names = s.providerKeyNames(p);
    const tok = secret(s.longTailToken(r), 'long-tail');
    const k = r.int(6);
    if (k === 0) return { format: r.pick(['ini-config', 'properties-config']), line: f`${keep(names[0]!)}${r.pick([' = ', '='])}${tok}` };
    if (k === 1) return placeMessage(r, f`${keep(names[2]!)}: ${tok}`, { envelopes: [...TEXT_ENVELOPES, 'pino'] });
    if (k === 2) return placeMessage(r, f`Using ${p} ${r.pick(['Key', 'key', 'API key', 'token'])}=${tok}`);
    if (k === 3) return docLine(r, r.pick<DocFormat>(['env-dump', 'docker-inspect']), keep(r.pick([names[1]!, names[2]!, names[6]!, names[8]!, names[11]!, names[13]!])), [tok]);
    if (k === 4) return placeField(r, r.pick(names), tok, { literalKey: true });
    return r.chance(0.5) ? wire.curlHeader(`X-${p.replace(/\s+/g, '-')}-Key`, frag(tok)) : wire.okhttpHeader(r, `X-${p.replace(/\s+/g, '')}-Token`, frag(tok));
  },
  // prefixed tokens of well-known providers under their usual names, in any venue
  (r) => {
    const t = s.prefixedToken(r);
    const tok = secret(t.token, 'long-tail');
    const k = r.int(5);
    if (k === 0) return docLine(r, r.pick<DocFormat>(['env-dump', 'docker-inspect', 'yaml-config', 'ini-config']), keep(r.pick(t.keys)), [tok]);
    if (k === 1) return placeField(r, r.pick(t.keys), tok, { literalKey: true });
    if (k === 2) return placeMessage(r, f`${r.pick(['configured ', 'using token ', `${t.provider} client ready, key `, 'auth: '])}${tok}`);
    if (k === 3) return wire.curlHeader(r.pick(['Authorization', 'authorization']), f`${r.pick(['Bearer ', 'token ', ''])}${tok}`);
    return wire.shellTrace(r, f`export ${keep(r.pick(t.keys).toUpperCase())}=${tok}`);
  },
  // Slack incoming webhooks and Discord webhooks: the secret is in the path
  (r) => {
    const url = r.chance(0.6)
      ? f`https://hooks.slack.com/services/T${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/B${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/${secret(r.str(BASE62, 24), 'long-tail')}`
      : f`https://discord.com/api/webhooks/${r.str(DIGITS, 19)}/${secret(r.str(BASE64URL, 68), 'long-tail')}`;
    return placeMessage(r, f`${r.pick(['posting alert to ', 'webhook url=', 'notify: POST '])}${url}`);
  },
];

export const KEYED: Partial<Record<SecretClass, readonly Maker[]>> = {
  classic,
  'colon-bare': colonBare,
  'key-names': keyNames,
  punctuation,
  'provider-keyed': providerKeyed,
  'long-tail': longTail,
};

