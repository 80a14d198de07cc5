/**
 * Hard negatives: clean lines that tempt a detector. Each names its false-positive class
 * (`fpClass`) and labels the values that must pass untouched — the shell's working directory,
 * paths, timestamps, numbers and booleans under secret-sounding keys, placeholders, values
 * masked already, object ids, reverse-DNS names, `token_type=Bearer`, header names, digests
 * and ids, non-secret senses of "key", "author" and "tokens", policies, references to
 * secrets by name, and public keys.
 */
import { f, type FpClass, frag, keep } from './fragment.js';
import { docKey, docLine, type DocFormat, emit, emitAs, JSON_ENVELOPES, type Rendered, reprLine } from './formats.js';
import { BASE62, BASE64URL, type Rng } from './random.js';
import * as s from './secrets.js';
import { arr, kv, obj, type Scalar } from './syntax.js';
import * as ts from './timestamps.js';
import { near } from './venues.js';
import * as wire from './wire.js';
import * as w from './world.js';

type NegMaker = (r: Rng) => Rendered | readonly Rendered[];

const tag = (fp: FpClass, x: Rendered | readonly Rendered[]): Rendered[] => (Array.isArray(x) ? (x as Rendered[]) : [x as Rendered]).map((l) => ({ ...l, fpClass: fp }));

/** A key/value pair that must survive whole, in a random venue. */
function pair(r: Rng, key: string, value: Scalar, opts: { docs?: readonly DocFormat[]; envelopes?: readonly string[]; venues?: readonly (readonly ['envelope' | 'doc' | 'repr', number])[] } = {}): Rendered {
  const v: Scalar = typeof value === 'string' ? frag(keep(value)) : value;
  const venue = r.weighted(opts.venues ?? [['envelope', 5], ['doc', 2], ['repr', 1]]);
  if (venue === 'doc') {
    const fmt = r.pick<DocFormat>(opts.docs ?? ['yaml-config', 'ini-config', 'properties-config', 'env-dump']);
    return docLine(r, fmt, keep(docKey(fmt, key)), v);
  }
  if (venue === 'repr') return reprLine(r, r.pick(['python-repr', 'ruby-inspect', 'go-struct', 'java-tostring', 'node-inspect']), r.pick(['config', 'settings', 'options']), obj([...near(r, 1), kv(keep(key), v)]));
  return emit(r, { level: r.pick(['info', 'debug'] as const), msg: r.pick(['settings loaded', 'user updated', 'policy applied', 'auth state', 'client configured', 'token issued', 'request completed']), fields: [kv(keep(key), v), ...near(r, r.int(3))] }, opts.envelopes);
}

const HOME_USERS = ['alice', 'deploy', 'ubuntu', 'ec2-user', 'jenkins', 'runner', 'node', 'app'];

const MAKERS: Record<FpClass, readonly NegMaker[]> = {
  'pwd-env': [
    (r) => {
      const who = r.pick(HOME_USERS);
      const cmd = r.pick(['/usr/bin/systemctl restart nginx', '/usr/bin/journalctl -u orders -n 200', '/usr/bin/apt-get update', `/usr/bin/docker ps`, '/bin/cat /var/log/syslog', `/usr/bin/tail -f /var/log/${w.service(r)}.log`, '/usr/sbin/reboot']);
      return { format: 'syslog', line: f`${ts.syslog(r.now)} ${w.hostname(r)} sudo[${w.pid(r)}]:    ${who} : TTY=pts/${r.int(4)} ; ${keep(`PWD=/home/${who}${r.chance(0.4) ? `/${r.pick(['app', 'src', 'deploy', 'work/shop'])}` : ''}`)} ; USER=root ; COMMAND=${cmd}` };
    },
    (r) => {
      const who = r.pick(HOME_USERS);
      return emitAs(r, 'journald', { msg: f`${who} : TTY=pts/${r.int(4)} ; ${keep(`PWD=/home/${who}`)} ; USER=root ; COMMAND=/usr/bin/systemctl status ${w.service(r)}` });
    },
    (r) => docLine(r, r.pick<DocFormat>(['env-dump', 'docker-inspect']), keep(r.pick(['PWD', 'OLDPWD'])), frag(keep(r.pick(['/app', '/usr/src/app', `/home/${r.pick(HOME_USERS)}`, '/home/runner/work/shop/shop', '/builds/acme/shop', '/var/lib/jenkins/workspace/deploy', '/root', '/']))), 0),
    (r) => ({ format: 'auditd', line: f`type=CWD msg=audit(${Math.floor(r.now / 1000)}.${r.range(100, 999)}:${r.range(1000, 99999)}): ${keep(`cwd="/home/${r.pick(HOME_USERS)}"`)}` }),
    (r) => reprLine(r, 'python-repr', 'environ', obj([kv('PATH', keep('/usr/local/bin:/usr/bin:/bin')), kv(keep('PWD'), keep(r.pick(['/app', '/srv/app']))), kv('HOME', keep('/root')), kv('LANG', 'C.UTF-8')])),
  ],
  path: [
    (r) => pair(r, r.pick(['private_key_path', 'ssl_key', 'tls_key_file', 'keyFile', 'key_file', 'password_file', 'token_path', 'tokenFile', 'credentials_path', 'api_key_path', 'secrets_dir', 'keystore.path']), r.pick(['/etc/ssl/private/server.key', '/etc/nginx/tls/tls.key', '/var/run/secrets/kubernetes.io/serviceaccount/token', '/run/secrets/db_password', '/etc/app/secrets', '/var/secrets/google/key.json', 'C:\\certs\\client.pfx', '/opt/app/config/keystore.jks', '~/.ssh/id_ed25519', './secrets/dev.env'])),
    (r) => {
      const [k, v] = r.pick([['GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'], ['AWS_WEB_IDENTITY_TOKEN_FILE', '/var/run/secrets/eks.amazonaws.com/serviceaccount/token'], ['SSL_KEY_FILE', '/etc/ssl/private/tls.key'], ['NODE_EXTRA_CA_CERTS', '/etc/ssl/certs/internal-ca.pem'], ['VAULT_TOKEN_PATH', '/vault/secrets/token']] as const);
      return docLine(r, r.pick<DocFormat>(['env-dump', 'docker-inspect']), keep(k), frag(keep(v)));
    },
    (r) => ({ format: 'nginx-config', line: f`    ${keep('ssl_certificate_key')} ${keep(`/etc/letsencrypt/live/${r.pick(w.DOMAINS)}/privkey.pem`)};` }),
    (r) => wire.shellTrace(r, f`docker login --username ${keep('deploy')} ${keep('--password-stdin')} ${keep('registry.acme.io')}`),
    (r) => wire.shellTrace(r, f`restic backup /srv/data ${keep('--password-file')} ${keep('/run/secrets/restic')}`),
  ],
  timestamp: [
    (r) => pair(r, r.pick(['password_changed_at', 'passwordLastSet', 'token_expires_at', 'secret_rotated_at', 'api_key_created', 'last_password_reset', 'tokenIssuedAt', 'key_expiry', 'credentials_expire']), r.pick([() => ts.isoSeconds(r.now - r.int(9e9)), () => ts.iso(r.now + r.int(9e8)), () => new Date(r.now).toUTCString(), () => ts.log4j(r.now - r.int(9e9)).slice(0, 19)])()),
    (r) => pair(r, r.pick(['token_exp', 'tokenExpiry', 'secret_rotated', 'password_set_epoch']), Math.floor(r.now / 1000) + r.int(86400)),
  ],
  number: [
    (r) => pair(r, r.pick(['token_ttl', 'max_tokens', 'password_attempts', 'key_size', 'secret_version', 'tokenBucketSize', 'max_token_length', 'password_expiry_days', 'apiKeyCount', 'passwords_checked', 'token_limit', 'failed_password_count']), r.pick([900, 3600, 1024, 2048, 4096, 3, 5, 7, 100, 512, 90, 12000, 0, 1])),
    (r) => pair(r, r.pick(['token_refresh_interval', 'session_timeout', 'jwt_leeway', 'token_cache_size', 'secret_cache_ttl', 'password_reset_window']), r.pick(['15m', '30m', '30s', '1h', '10MiB', '250ms', '24h', 'PT15M', '7d'])),
    (r) => emit(r, { level: 'info', msg: 'chat completion', fields: [kv('model', keep(r.pick(['gpt-4o-mini', 'claude-3-5-haiku', 'llama-3.1-8b']))), kv('usage', obj([kv(keep('prompt_tokens'), r.range(10, 4000)), kv(keep('completion_tokens'), r.range(1, 900)), kv(keep('total_tokens'), r.range(100, 5000))])), kv(keep('max_tokens'), r.pick([256, 1024, 4096])), kv('latency_ms', w.duration(r))] }),
    (r) => emitAs(r, r.pick(['logrus-text', 'logfmt', 'structlog-console']), { msg: 'llm call', fields: [kv(keep('completion_tokens'), r.range(1, 900)), kv(keep('prompt_tokens'), r.range(10, 4000)), kv('duration_ms', w.duration(r))] }),
  ],
  boolean: [
    (r) => pair(r, r.pick(['password_required', 'hasPassword', 'token_valid', 'useApiKey', 'api_key_enabled', 'requireSecret', 'password_set', 'secret_present', 'tokenRefreshed']), r.pick<Scalar>([true, false, 'true', 'false', 'yes', 'no', 'True', 'False'])),
    (r) => wire.exceptionLine(r, 'java', f`Access denied for user '${keep(w.user(r))}'@'${keep(w.ip(r))}' ${keep(`(using password: ${r.pick(['YES', 'NO'])})`)}`),
    (r) => ({ format: 'sshd-config', line: f`${keep(r.pick(['passwordauthentication no', 'PasswordAuthentication no', 'permitemptypasswords no', 'kbdinteractiveauthentication no', 'pubkeyauthentication yes']))}` }),
  ],
  placeholder: [
    (r) => pair(r, r.pick(['password', 'db_password', 'api_key', 'token', 'secret', 'client_secret']), r.pick(['%(password)s', '{password}', '{{ .Password }}', '$PASSWORD', '${DB_PASSWORD}', '${DB_PASSWORD:-}', '${{ secrets.NPM_TOKEN }}', '$(cat /run/secrets/db_password)', ':password', '<password>', '<YOUR_API_KEY>', 'your-api-key-here', '{{ vault "secret/data/db" "password" }}', '%s', '{}', 'ENV["API_KEY"]', 'process.env.API_KEY', '@@API_KEY@@', '#{api_key}'])),
    (r) => emitAs(r, 'gitlab-ci', { msg: f`$ docker login -u ${keep('gitlab-ci-token')} ${keep('-p $CI_JOB_TOKEN')} ${keep('$CI_REGISTRY')}` }),
    (r) => emitAs(r, 'gitlab-ci', { msg: f`$ mysql -h ${keep('$DB_HOST')} -u ${keep('$DB_USER')} ${keep('-p"$DB_PASSWORD"')} < schema.sql` }),
    (r) => ({ format: 'log4j', line: f`${ts.log4j(r.now)} WARN  [main] c.a.c.ConfigValidator - ${keep('Property spring.datasource.password is set to ${DB_PASSWORD} but DB_PASSWORD is not defined')}` }),
    (r) => docLine(r, r.pick<DocFormat>(['yaml-config', 'properties-config', 'ini-config']), keep(r.pick(['password', 'spring.datasource.password', 'api_key', 'db.password'])), frag(keep(r.pick(['${DB_PASSWORD}', '${SPRING_DATASOURCE_PASSWORD}', '%(DB_PASSWORD)s', '{{ .Values.db.password }}', 'ENC(${JASYPT_DB})'])))),
    (r) => wire.sqlLine(r, r.pick(['postgres', 'mysql'] as const), f`${keep('UPDATE users SET password_digest = $1, reset_token = NULL WHERE id = $2')}`),
    (r) => emit(r, { level: 'info', msg: 'field empty', fields: [kv(keep(r.pick(['password', 'token', 'api_key'])), ''), kv('user', keep(w.user(r)))] }, JSON_ENVELOPES),
  ],
  masked: [
    (r) => pair(r, r.pick(['password', 'api_key', 'token', 'secret', 'authorization', 'client_secret', 'DB_PASSWORD']), r.pick(['****', '********', '[REDACTED]', '[FILTERED]', '***', '<redacted>', '[Filtered]', 'REDACTED', '[MASKED]', '<hidden>', 'xxxxxxxx', '(sensitive value)', '*** Sensitive Data Redacted ***', '[PROTECTED]'])),
    (r) => emitAs(r, 'rails', { msg: f`  Parameters: {"user"=>{"email"=>"${keep(w.email(r))}", "${keep('password')}"=>"${keep('[FILTERED]')}"}, "commit"=>"Log in"}` }),
    (r) => emitAs(r, 'github-actions', { msg: f`  ${keep(r.pick(['NPM_TOKEN', 'DOCKER_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'SLACK_WEBHOOK']))}: ${keep('***')}` }),
    (r) => ({ format: 'terraform', line: f`      + ${keep('password')}${' '.repeat(r.range(1, 12))}= ${keep('(sensitive value)')}` }),
    (r) => emit(r, { level: 'info', msg: 'payment method', fields: [kv('stripe_key', keep(`sk_live_...${r.str('0123456789', 4)}`)), kv('card', keep(`**** **** **** ${r.str('0123456789', 4)}`))] }),
    (r) => reprLine(r, 'java-tostring', 'credentials', obj([kv('accessKeyId', keep(`AKIA****************`)), kv(keep('secretAccessKey'), keep('*** Sensitive Data Redacted ***'))], 'AwsBasicCredentials')),
  ],
  'object-id': [
    (r) => emitAs(r, r.pick(['log4j', 'spring-boot']), { msg: f`Registered filter ${keep(`com.acme.auth.${r.pick(['ApiKeyFilter', 'TokenAuthenticationFilter', 'PasswordEncoder', 'SecretResolver'])}@${r.hex(r.pick([6, 7, 8]))}`)}` }),
    (r) => ({ format: 'android-logcat', line: f`${ts.log4j(r.now).slice(5).replace(',', '.')} ${w.pid(r)} ${w.pid(r)} I WindowManager: Adding window ${keep(`Window{${r.hex(7)} u0 com.acme.shop/.MainActivity}`)} at 3 of 10 ${keep(`token=Token{${r.hex(7)} ActivityRecord{${r.hex(7)} u0 com.acme.shop/.MainActivity t${r.range(100, 999)}}}`)}` }),
    (r) => emitAs(r, 'python-logging', { msg: f`using ${keep(`<app.auth.TokenService object at 0x7f${r.hex(10)}>`)}` }),
    (r) => emitAs(r, 'rails', { msg: f`Loaded ${keep(`#<ApiKey:0x0000${r.hex(12)}>`)}` }),
    (r) => emitAs(r, r.pick(['log4j', 'spring-boot']), { msg: f`login attempt ${keep(`password=[C@${r.hex(r.pick([7, 8]))}`)} ${keep(`user=${w.user(r)}`)}` }),
    (r) => emitAs(r, 'spring-boot', { msg: f`Authenticated: ${keep(`org.springframework.security.authentication.UsernamePasswordAuthenticationToken@${r.hex(8)}`)}: Principal: ${keep(w.user(r))}; Credentials: ${keep('[PROTECTED]')}; Authenticated: true` }),
  ],
  'reverse-dns': [
    (r) => {
      const cls = r.pick(['com.example.auth.TokenService', 'io.jsonwebtoken.security.SignatureException', 'org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider', 'com.acme.secrets.SecretsManagerClient', 'software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain', 'com.google.api.client.auth.oauth2.TokenResponseException', 'net.acme.passwordreset.PasswordResetController', 'org.keycloak.services.managers.AuthenticationManager']);
      return emitAs(r, r.pick(['log4j', 'spring-boot']), { level: 'debug', msg: f`Creating bean of type [${keep(cls)}]` });
    },
    (r) => pair(r, r.pick(['auth_provider', 'logger', 'credentialsProvider', 'token_class', 'secretResolver']), r.pick(['com.okta.sdk.authc.credentials.TokenClientCredentials', 'com.acme.auth.ApiKeyAuthProvider', 'software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider', 'com.acme.secrets.VaultSecretResolver'])),
    (r) => ({ format: 'android-logcat', line: f`${ts.log4j(r.now).slice(5).replace(',', '.')} ${w.pid(r)} ${w.pid(r)} W PackageManager: Not granting permission ${keep('android.permission.USE_CREDENTIALS')} to package ${keep('com.acme.passwordmanager')}` }),
  ],
  'token-type': [
    (r) => emitAs(r, r.pick(['logrus-text', 'logfmt', 'structlog-console', 'go-log']), { msg: 'token refreshed', fields: [kv(keep('token_type'), keep('Bearer')), kv(keep('expires_in'), keep(String(r.pick([3599, 3600, 900])))), kv(keep('scope'), keep(r.pick(['read', 'openid', 'orders:read'])))] }),
    (r) => emit(r, { level: 'debug', msg: 'oauth response', fields: [kv(keep('token_type'), keep('Bearer')), kv(keep('expires_in'), 3599), kv(keep('ext_expires_in'), 3599), kv(keep('scope'), keep('https://graph.microsoft.com/.default'))] }, JSON_ENVELOPES),
    (r) => emitAs(r, r.pick(['python-logging', 'django']), { msg: f`token acquired: ${keep('token_type=bearer')}, ${keep('expires_in=3600')}, ${keep(`scope=${r.pick(['read write', 'api'])}`)}` }),
  ],
  'header-name': [
    (r) => wire.curlHeader('access-control-allow-headers', frag(keep(r.pick(['Authorization, Content-Type, X-Api-Key, Fastly-Key, X-Auth-Token', 'authorization,x-api-key,x-amz-security-token,x-amz-date', 'Content-Type, Authorization, X-CSRF-Token, X-Requested-With']))), '<'),
    (r) => wire.curlHeader('vary', frag(keep('Authorization, Accept-Encoding')), '<'),
    (r) => ({ format: 'nginx-config', line: f`    ${keep('proxy_set_header Authorization $http_authorization;')}` }),
    (r) => emit(r, { level: 'warn', msg: f`purge rejected: missing ${keep('Fastly-Key')} header`, fields: [kv('path', keep(w.apiPath(r)))] }),
    (r) => emit(r, { level: 'info', msg: 'cors config', fields: [kv(keep('allowedHeaders'), arr(...['Authorization', 'X-Api-Key', 'Content-Type'].map((h) => frag(keep(h)))))] }),
    (r) => emitAs(r, r.pick(['log4j', 'go-log', 'logfmt']), { msg: f`stripping header ${keep(r.pick(['X-Api-Key', 'Authorization', 'Proxy-Authorization', 'X-Vault-Token', 'Cookie']))} before forwarding` }),
  ],
  'digest-id': [
    (r) => pair(r, r.pick(['commit', 'sha', 'GITHUB_SHA', 'CI_COMMIT_SHA', 'revision', 'git_commit']), r.hex(40)),
    (r) => pair(r, r.pick(['digest', 'image_digest', 'imageID', 'checksum']), `sha256:${r.hex(64)}`),
    (r) => pair(r, r.pick(['request_id', 'trace_id', 'span_id', 'correlation_id', 'x-request-id']), r.pick([() => r.hex(32), () => r.hex(16), () => r.uuid()])()),
    (r) => wire.curlHeader(r.pick(['x-amz-id-2', 'X-Amz-Cf-Id']), frag(keep(r.chance(0.5) ? s.b64(r, 57) : `${r.str(BASE64URL, 54)}==`)), '<'),
    (r) => wire.curlHeader('traceparent', frag(keep(`00-${r.hex(32)}-${r.hex(16)}-01`))),
    (r) => emit(r, { level: 'debug', msg: 'resolved', fields: [kv('name', keep(r.pick(['lodash', 'express', '@babel/core', 'react-dom']))), kv(keep('integrity'), keep(`sha512-${s.b64(r, 64)}`))] }),
    (r) => emitAs(r, r.pick(['github-actions', 'gitlab-ci']), { msg: f`HEAD is now at ${keep(r.hex(7))} ${r.pick(['Merge pull request #412 from acme/fix-auth', 'Bump axios from 1.7.7 to 1.7.9', 'Rotate token cache on deploy'])}` }),
    (r) => wire.curlHeader('etag', frag(keep(`"${r.hex(32)}"`)), '<'),
  ],
  'uuid-id': [
    (r) => pair(r, r.pick(['user_id', 'orderId', 'tenant', 'clientId', 'apiKeyId', 'key_id', 'token_id', 'jti', 'idempotency_key', 'secretId', 'credential_id']), r.uuid()),
    (r) => wire.curlHeader(r.pick(['Idempotency-Key', 'X-Correlation-Id', 'x-amzn-RequestId']), frag(keep(r.uuid()))),
  ],
  'key-nonsecret': [
    (r) => pair(r, r.pick(['key', 'cache_key', 'cacheKey']), r.pick([`user:${r.range(1, 99999)}:profile`, `orders:v2:page:${r.range(1, 40)}`, `sess:${r.hex(8)}:meta`, `rate:${w.ip(r)}`, `product:SKU-${r.range(10000, 99999)}`])),
    (r) => pair(r, r.pick(['key', 'Key', 's3_key', 'object_key']), `${r.pick(['uploads', 'exports', 'logs', 'invoices'])}/2025/03/${String(r.range(1, 28)).padStart(2, '0')}/${r.pick(['report', 'invoice', 'app.log', 'avatar'])}-${r.range(1000, 9999)}.${r.pick(['pdf', 'csv', 'gz', 'png'])}`),
    (r) => pair(r, r.pick(['primary_key', 'primaryKey', 'partition_key', 'sort_key', 'routing_key', 'keyboard', 'keyspace', 'foreign_key', 'key_prefix', 'key_name', 'KeyName', 'kms_key_alias', 'hotkey']), r.pick(['id', 'order_id', 'tenant#acme', 'created_at', 'orders.created', 'us', 'shop', 'sess:', 'prod-bastion', 'alias/orders-kms', 'ctrl+shift+k', 'user_id'])),
    (r) => pair(r, 'kms_key_id', `arn:aws:kms:eu-west-1:${r.str('0123456789', 12)}:key/${r.uuid()}`),
  ],
  author: [
    (r) => emitAs(r, r.pick(['github-actions', 'gitlab-ci']), { msg: f`${keep('Author:')} ${keep(`${r.pick(['Jane Doe', 'Ken Adams', 'Li Wei', 'Ana Silva'])} <${w.email(r)}>`)}` }),
    (r) => pair(r, r.pick(['author', 'authored_by', 'committer', 'author_email']), r.pick(['jdoe', 'Jane Doe', 'ana.silva@acme.io', 'dependabot[bot]'])),
    (r) => emitAs(r, r.pick(['github-actions', 'gitlab-ci']), { msg: f`    ${keep(`Co-authored-by: ${r.pick(['Ken Adams', 'Li Wei'])} <${w.email(r)}>`)}` }),
  ],
  'nlp-tokens': [
    (r) => emit(r, { level: 'debug', msg: 'tokenized', fields: [kv(keep('tokens'), arr(...['the', 'quick', 'brown', 'fox'].slice(0, r.range(2, 4)).map((t) => frag(keep(t))))), kv(keep('tokenizer'), keep(r.pick(['bert-base-uncased', 'cl100k_base', 'gpt2']))), kv(keep('num_tokens'), r.range(4, 512))] }),
    (r) => emit(r, { level: 'debug', msg: 'stream chunk', fields: [kv(keep('token'), keep(r.pick(['▁Hello', ' world', 'ing', '</s>', ',']))), kv(keep('logprob'), -r.range(1, 300) / 100)] }, JSON_ENVELOPES),
    (r) => emitAs(r, r.pick(['python-logging', 'structlog-console']), { msg: f`generation done: ${keep(`tokens/s=${r.range(10, 90)}.${r.range(0, 9)}`)} ${keep(`max_new_tokens=${r.pick([128, 256, 512])}`)} ${keep('eos_token=</s>')}` }),
    (r) => pair(r, r.pick(['token_ids', 'input_ids']), `[101, ${r.range(1000, 9999)}, ${r.range(1000, 9999)}, 102]`),
  ],
  policy: [
    (r) => pair(r, r.pick(['secret_rotation_days', 'password_min_length', 'password_history', 'password_max_age']), r.pick([30, 12, 5, 90, 14])),
    (r) => {
      const [k, v] = r.pick([
        ['password_policy', 'strong'], ['passwordComplexity', 'high'], ['auth_method', 'password'], ['password_hash_algorithm', 'argon2id'], ['passwordEncoder', 'bcrypt'],
        ['token_algorithm', 'RS256'], ['signing_alg', 'HS256'], ['key_type', 'RSA'], ['key_algorithm', 'ed25519'], ['secret_engine', 'kv-v2'], ['credential_type', 'password'], ['grant_type', 'client_credentials'],
      ] as const);
      return pair(r, k, v);
    },
    (r) => ({ format: 'postgres-config', line: f`${keep('password_encryption')} = ${keep('scram-sha-256')}` }),
  ],
  'secret-ref': [
    (r) => docLine(r, 'k8s-manifest', keep(r.pick(['secretName', 'existingSecret', 'name'])), frag(keep(r.pick(['db-credentials', 'api-token', 'redis-auth', 'orders-secrets', 'tls-acme-shop']))), r.pick([6, 8, 10])),
    (r) => docLine(r, 'k8s-manifest', keep('key'), frag(keep(r.pick(['password', 'api-key', 'token', 'client-secret']))), r.pick([12, 14])),
    (r) => wire.describeEnv(keep(r.pick(['DB_PASSWORD', 'API_KEY', 'STRIPE_SECRET_KEY'])), frag(keep(`<set to the key '${r.pick(['password', 'api-key', 'token'])}' in secret '${r.pick(['orders', 'db-credentials', 'payments'])}'>  Optional: false`))),
    (r) => wire.k8sEventRow(r, 'Warning', 'FailedMount', `pod/${w.podName(r)}`, frag(keep(`MountVolume.SetUp failed for volume "${r.pick(['api-key', 'db-password'])}" : secret "${r.pick(['api-key', 'db-password'])}" not found`))),
    (r) => pair(r, r.pick(['secret_arn', 'SecretId', 'secret_name', 'vault_path', 'password_secret_ref']), r.pick([`arn:aws:secretsmanager:eu-west-1:${r.str('0123456789', 12)}:secret:prod/db-${r.str(BASE62, 6)}`, 'prod/orders/db', 'secret/data/prod/db', 'orders-db', 'projects/acme-prod/secrets/stripe-key/versions/3'])),
  ],
  'public-key': [
    (r) => ({ format: 'syslog', line: f`${ts.syslog(r.now)} ${w.hostname(r)} sshd[${w.pid(r)}]: Accepted publickey for ${keep(r.pick(HOME_USERS))} from ${w.ip(r)} port ${r.range(30000, 65000)} ssh2: ${keep(`${r.pick(['ED25519', 'RSA', 'ECDSA'])} SHA256:${s.b64(r, 32).replace(/=+$/, '')}`)}` }),
    (r) => emitAs(r, r.pick(['github-actions', 'gitlab-ci', 'journald']), { msg: f`adding deploy key ${keep(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${s.b64(r, 32).slice(0, 43)} ${r.pick(['deploy@ci', 'alice@laptop', 'github-actions'])}`)}` }),
    (r) => {
      const [k, v] = r.pick<readonly [string, () => string]>([
        [r.pick(['publishable_key', 'STRIPE_PUBLISHABLE_KEY', 'stripePublishableKey']), () => `pk_live_${r.str(BASE62, 24)}`],
        [r.pick(['public_key', 'publicKey', 'signing_public_key']), () => `MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${r.str(`${BASE62}+/`, 86)}==`],
        [r.pick(['mapbox_public_token', 'MAPBOX_PUBLIC_TOKEN', 'mapboxAccessToken']), () => `pk.eyJ1IjoiYWNtZSIsImEiOiJ${r.str(BASE64URL, 20)}.${r.str(BASE64URL, 22)}`],
      ]);
      return pair(r, k, v());
    },
    (r) => emit(r, { level: 'debug', msg: 'fetched jwks', fields: [kv('kid', keep(r.str(BASE64URL, 43))), kv('kty', 'RSA'), kv(keep('n'), keep(r.str(BASE64URL, 342))), kv('e', keep('AQAB'))] }, JSON_ENVELOPES),
    // a certificate block (now and then): public, not a private key; its lines must survive the stream's PEM handling
    (r) => {
      if (r.chance(0.75)) return { format: 'syslog', line: f`${ts.syslog(r.now)} ${w.hostname(r)} sshd[${w.pid(r)}]: Server listening on 0.0.0.0 port 22.` };
      const body = Array.from({ length: r.range(4, 12) }, () => r.str(`${BASE62}+/`, 64));
      return [{ format: 'pem-text', line: frag(keep('-----BEGIN CERTIFICATE-----')) }, ...body.map((b) => ({ format: 'pem-text', line: frag(keep(b)) })), { format: 'pem-text', line: frag(keep('-----END CERTIFICATE-----')) }];
    },
  ],
};

export const FP_CLASSES = Object.keys(MAKERS) as FpClass[];

/** One hard-negative emission of class `fp`. */
export function negative(r: Rng, fp: FpClass): Rendered[] {
  return tag(fp, r.pick(MAKERS[fp])(r));
}

