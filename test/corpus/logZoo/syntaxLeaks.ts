/**
 * Secrets whose difficulty is the syntax around them: command lines echoed into logs, XML
 * and config markup, escaping (PHP's `\/`, `\uXXXX`, JSON inside JSON inside JSON, Python,
 * Ruby, Go and Java prints), and connection strings in every dialect and encoding.
 */
import {
  dotnetJsonEscape, f, type Frag, frag, join, jsonEscape, keep, mapText, percentEncode, formEncode, phpJsonEscape, pyJsonEscape, secret, type SecretClass, textOf, xmlEscape,
} from './fragment.js';
import { emit, emitAs, JSON_ENVELOPES, reprLine, TEXT_ENVELOPES } from './formats.js';
import { BASE62, type Rng } from './random.js';
import * as s from './secrets.js';
import { arr, json, kv, obj, pythonRepr } from './syntax.js';
import * as ts from './timestamps.js';
import { placeField, placeMessage } from './venues.js';
import * as wire from './wire.js';
import * as w from './world.js';
import type { Maker } from './keyedLeaks.js';

// ---- command lines ----

/** bash -x quoting: a word with shell metacharacters is printed in single quotes. */
function shq(word: Frag): Frag {
  return /^[A-Za-z0-9_\-.,:/@%+=^!#~]+$/.test(textOf(word)) ? word : f`'${mapText(word, (x) => x.replace(/'/g, "'\\''"))}'`;
}

/** A password for a command line: no whitespace or quotes (people avoid them there). */
const cliPw = (r: Rng) => s.anyPassword(r).replace(/[\s'"\\]/g, '');

/** How sudo and the Actions toolkit print a command: the program's full path. */
function binPath(cmd: Frag): Frag {
  const first = textOf(cmd).split(' ')[0]!;
  if (first.includes('=')) return f`/usr/bin/env ${cmd}`;
  if (first.startsWith('./')) return f`/bin/bash ${cmd}`;
  return f`/usr/bin/${cmd}`;
}

type Cmd = (r: Rng, S: (v: string) => Frag) => Frag[];

const COMMANDS: readonly Cmd[] = [
  (r, S) => [frag('mysql'), frag('-h'), frag(keep(r.pick(w.DB_HOSTS))), frag('-u'), frag(w.user(r)), f`-p${S(cliPw(r))}`, frag(r.pick(['orders', 'shop', '-e', '--batch']))],
  (r, S) => [frag('mysqldump'), frag('-u'), frag('root'), f`-p${S(cliPw(r))}`, frag('--single-transaction'), frag('--routines'), frag(keep('orders'))],
  (r, S) => [frag('mysql'), f`--user=${w.user(r)}`, f`--password=${S(cliPw(r))}`, f`--host=${keep(r.pick(w.DB_HOSTS))}`],
  (r, S) => [f`PGPASSWORD=${S(cliPw(r))}`, frag('psql'), frag('-h'), frag(keep(r.pick(w.DB_HOSTS))), frag('-U'), frag(w.user(r)), frag('-d'), frag('orders'), frag('-c'), frag('select 1')],
  (r, S) => [frag('mongosh'), frag('--host'), frag(keep(r.pick(w.DB_HOSTS))), frag('-u'), frag('admin'), frag('--password'), S(cliPw(r)), frag('--authenticationDatabase'), frag('admin')],
  (r, S) => [frag('redis-cli'), frag('-h'), frag(keep('redis-master.cache.svc')), frag('-a'), S(cliPw(r)), frag('--no-auth-warning'), frag(r.pick(['ping', 'info replication', 'DBSIZE']))],
  (r, S) => [frag('ldapsearch'), frag('-x'), frag('-H'), frag('ldaps://ldap.acme.io'), frag('-D'), frag(keep('cn=admin,dc=acme,dc=io')), frag('-w'), S(cliPw(r)), frag('-b'), frag('dc=acme,dc=io'), frag('(uid=jdoe)')],
  (r, S) => [frag('openssl'), frag('pkcs12'), frag('-export'), frag('-in'), frag('tls.crt'), frag('-inkey'), frag('tls.key'), frag('-out'), frag(keep('keystore.p12')), frag('-passout'), f`pass:${S(cliPw(r))}`],
  (r, S) => [frag('openssl'), frag('rsa'), frag('-in'), frag('server.key'), frag('-passin'), f`pass:${S(cliPw(r))}`, frag('-out'), frag('server.dec.key')],
  (r, S) => [frag('docker'), frag('login'), frag('-u'), frag(keep(r.pick(['deploy', 'ci-bot', 'AWS', '_json_key']))), frag('-p'), S(r.chance(0.5) ? cliPw(r) : s.prefixedToken(r).token), frag(keep(r.pick(['registry.acme.io', 'ghcr.io', 'docker.io'])))],
  (r, S) => [frag('docker'), frag('login'), frag('--username'), frag('deploy'), frag('--password'), S(cliPw(r)), frag('registry.acme.io')],
  (r, S) => [frag('sshpass'), frag('-p'), S(cliPw(r)), frag('ssh'), frag('-o'), frag('StrictHostKeyChecking=no'), frag(keep(`deploy@${w.ip(r)}`))],
  (r, S) => [frag('curl'), frag('-fsS'), frag('-u'), f`${keep(r.pick(['admin', 'deploy', 'jenkins']))}:${S(cliPw(r))}`, frag(keep(`https://${r.pick(['nexus.acme.io/service/rest/v1/components?repository=releases', 'jenkins.acme.io/job/deploy/build', 'es.acme.io:9200/_cluster/health'])}`))],
  (r, S) => [frag('wget'), f`--user=${w.user(r)}`, f`--password=${S(cliPw(r))}`, frag(keep('https://artifacts.acme.io/releases/app-1.4.2.tar.gz'))],
  (r, S) => [frag('helm'), frag('repo'), frag('add'), frag('acme'), frag(keep('https://charts.acme.io')), frag('--username'), frag(w.user(r)), frag('--password'), S(cliPw(r))],
  (r, S) => [frag('kubectl'), f`--token=${S(s.jwt(r))}`, frag('get'), frag('pods'), frag('-n'), frag(keep('prod'))],
  (r, S) => [frag(r.pick(['deployctl', 'acme-cli', './scripts/release.sh', 'sentry-cli'])), frag(r.pick(['--token', '--api-token', '--auth-token'])), S(s.apiKey(r)), frag(r.pick(['deploy', 'releases new 1.4.2', 'sync']))],
  (r, S) => {
    const pw = S(cliPw(r));
    return [frag('keytool'), frag('-importkeystore'), frag('-srckeystore'), frag('tls.p12'), frag('-srcstoretype'), frag('PKCS12'), frag('-srcstorepass'), pw, frag('-destkeystore'), frag(keep('app.jks')), frag('-deststorepass'), pw];
  },
  (r, S) => [frag('java'), f`-Djavax.net.ssl.keyStorePassword=${S(cliPw(r))}`, frag('-Xmx512m'), frag('-jar'), frag(keep('/app/app.jar'))],
  (r, S) => [frag('docker'), frag('run'), frag('-d'), frag('--name'), frag('pg'), frag('-e'), f`POSTGRES_PASSWORD=${S(cliPw(r))}`, frag('-p'), frag('5432:5432'), frag(keep('postgres:16-alpine'))],
  (r, S) => [frag('sqlcmd'), frag('-S'), frag(keep(r.pick(w.DB_HOSTS))), frag('-U'), frag('sa'), frag('-P'), S(cliPw(r)), frag('-Q'), frag('SELECT @@VERSION')],
  (r, S) => [frag('rabbitmqctl'), frag('add_user'), frag(keep(w.user(r))), S(cliPw(r))],
  (r, S) => [frag('htpasswd'), frag('-b'), frag('-c'), frag(keep('/etc/nginx/.htpasswd')), frag(keep('admin')), S(cliPw(r))],
  (r, S) => [frag('vault'), frag('login'), S(`hvs.${r.str(BASE62, 24)}`)],
  (r, S) => [frag('npm'), frag('config'), frag('set'), f`//registry.npmjs.org/:_authToken=${S(s.checksummed(r, 'npm_'))}`],
  (r, S) => [frag('sqlplus'), f`${w.user(r)}/${S(cliPw(r).replace(/[@/]/g, ''))}@${keep('ORCLPDB1')}`],
  (r, S) => [frag('az'), frag('login'), frag('--service-principal'), frag('-u'), frag(keep(r.uuid())), frag('-p'), S(s.prefixedToken(r).token), frag('--tenant'), frag(keep(r.uuid()))],
  (r, S) => [frag('terraform'), frag('apply'), frag('-auto-approve'), frag('-var'), f`db_password=${S(cliPw(r))}`],
  (r, S) => [frag('ansible-playbook'), frag('site.yml'), frag('-e'), f`ansible_become_password=${S(cliPw(r))}`],
  (r, S) => [frag('mysqladmin'), frag('-u'), frag('root'), f`-p${S(cliPw(r))}`, frag('password'), S(cliPw(r))],
  (r, S) => [frag('smbclient'), frag(keep('//fs01.acme.local/finance')), frag('-U'), f`ACME\\svc-backup%${S(cliPw(r).replace(/%/g, ''))}`],
  (r, S) => [frag('influx'), frag('write'), frag('--bucket'), frag('metrics'), frag('--token'), S(`${r.str(BASE62, 64)}==`), frag('--org'), frag(keep('acme'))],
];

/** One command with its secrets labelled `cls`, as words. */
export function command(r: Rng, cls: SecretClass = 'cli'): Frag[] {
  return r.pick(COMMANDS)(r, (v) => frag(secret(v, cls)));
}

const cli: Maker[] = [
  // bash -x traces
  (r) => wire.shellTrace(r, join(command(r).map(shq), ' ')),
  // CI logs: GitLab's `$ cmd`, GitHub Actions' `[command]…` and ##[group]Run
  (r) => {
    const cmd = join(command(r).map(shq), ' ');
    return r.pick([
      () => emitAs(r, 'gitlab-ci', { msg: r.chance(0.5) ? f`$ ${cmd}` : f`\u001b[32;1m$ ${cmd}\u001b[0;m` }),
      () => emitAs(r, 'github-actions', { msg: f`##[group]Run ${cmd}` }),
      () => emitAs(r, 'github-actions', { msg: f`[command]${binPath(cmd)}` }),
    ])();
  },
  // sudo's syslog line: the command after COMMAND=, with PWD= (the working directory) before it
  (r) => {
    const who = r.pick(['alice', 'deploy', 'ubuntu', 'ec2-user', 'jenkins']);
    const cwd = who === 'root' ? '/root' : `/home/${who}`;
    return {
      format: 'syslog',
      line: f`${ts.syslog(r.now)} ${w.hostname(r)} sudo[${w.pid(r)}]: ${' '.repeat(r.pick([1, 3]))}${who} : TTY=pts/${r.int(4)} ; ${keep(`PWD=${cwd}${r.chance(0.5) ? `/${r.pick(['app', 'deploy', 'backups'])}` : ''}`)} ; USER=root ; COMMAND=${binPath(join(command(r), ' '))}`,
    };
  },
  // structured loggers logging a spawned process: a command string or an argv array
  (r) => {
    const words = command(r);
    if (r.chance(0.5)) return emit(r, { level: 'info', msg: r.pick(['spawn', 'exec', 'running command', 'child process started']), fields: [kv('cmd', join(words, ' ')), kv('pid', w.pid(r))] }, JSON_ENVELOPES);
    return emit(r, { level: 'debug', msg: 'spawn', fields: [kv('file', textOf(words[0]!)), kv('args', arr(...words.slice(1)))] }, JSON_ENVELOPES);
  },
  // Python: subprocess argv lists in a repr
  (r) => {
    const words = command(r);
    return emitAs(r, r.pick(['python-logging', 'django']), { level: 'debug', msg: f`${r.pick(['Running', 'subprocess.run', 'exec'])}: ${pythonRepr(arr(...words))}` });
  },
  // auditd EXECVE records: every argument quoted
  (r) => {
    const words = command(r);
    // auditd prints an argument with a space or a quote as hex, unquoted
    const args = join(words.map((x, i) => (/[\s"]/.test(textOf(x)) ? f`a${i}=${Buffer.from(textOf(x)).toString('hex').toUpperCase()}` : f`a${i}="${x}"`)), ' ');
    return { format: 'auditd', line: f`type=EXECVE msg=audit(${Math.floor(r.now / 1000)}.${r.range(100, 999)}:${r.range(1000, 99999)}): argc=${words.length} ${args}` };
  },
  // kubectl describe: container args one per line (the ones with the flag and its value in one word)
  (r) => {
    for (;;) {
      const word = command(r).find((x) => x.some((run) => run.label === 'secret') && x.some((run) => run.label !== 'secret'));
      if (word) return { format: 'kubectl-describe', line: f`      ${word}` };
    }
  },
];

// ---- markup ----

const MARKUP_ELEMENTS = ['password', 'Password', 'apiKey', 'api-key', 'secret', 'clientSecret', 'client_secret', 'token', 'accessToken', 'AccessToken', 'privateToken', 'ns2:password', 'passwd'];

const markup: Maker[] = [
  // <password>…</password> in config dumps and logged request bodies
  (r) => {
    const el = r.pick(MARKUP_ELEMENTS);
    const v = secret(xmlEscape(/pass/i.test(el) ? s.anyPassword(r) : s.apiKey(r)), 'markup');
    if (r.chance(0.5)) return { format: 'xml-config', line: f`${' '.repeat(r.pick([2, 4, 6, 8]))}<${keep(el)}>${v}</${el}>` };
    const body = f`<${'login'}><username>${keep(w.user(r))}</username><${keep(el)}>${v}</${el}></login>`;
    return placeMessage(r, f`${r.pick(['request body: ', 'POST /auth body=', 'sending '])}${body}`, { envelopes: [...TEXT_ENVELOPES, ...JSON_ENVELOPES] });
  },
  // Maven settings.xml <server>, one line
  (r) => ({ format: 'xml-config', line: f`    <server><id>${keep(r.pick(['nexus-releases', 'github', 'artifactory']))}</id><username>${keep('deploy')}</username><password>${secret(xmlEscape(s.anyPassword(r)), 'markup')}</password></server>` }),
  // attributes: Tomcat users and resources, JBoss datasources, log4j SMTP appenders, Spring beans
  (r) => {
    const v = secret(xmlEscape(s.anyPassword(r)), 'markup');
    return {
      format: 'xml-config',
      line: r.pick([
        () => f`  <user ${keep(`username="${w.user(r)}"`)} password="${v}" ${keep('roles="manager-gui,admin-gui"')}/>`,
        () => f`    <datasource jndi-name="java:jboss/datasources/OrdersDS" pool-name="OrdersDS"><connection-url>jdbc:postgresql://${keep(r.pick(w.DB_HOSTS))}/orders</connection-url><security user-name="${w.user(r)}" password="${v}"/></datasource>`,
        () => f`    <SMTP name="Mail" subject="Error" to="ops@acme.io" smtpHost="smtp.sendgrid.net" smtpUsername="apikey" smtpPassword="${v}" ${keep('smtpPort="587"')}/>`,
        () => f`        <property name="${keep('password')}" value="${v}"/>`,
        () => f`    <property name="${keep('hibernate.connection.password')}">${v}</property>`,
      ])(),
    };
  },
  // .NET <appSettings>: <add key="ApiKey" value="…"/>, NuGet ClearTextPassword
  (r) => {
    const key = r.pick(['ApiKey', 'StripeSecretKey', 'SendGridApiKey', 'ClientSecret', 'JwtSigningKey', 'ClearTextPassword', 'Password', 'AuthToken']);
    const v = secret(xmlEscape(/Password/.test(key) ? s.anyPassword(r) : r.chance(0.5) ? s.apiKey(r) : s.prefixedToken(r).token), 'markup');
    return { format: 'dotnet-config', line: f`    <add key="${keep(key)}" value="${v}" />` };
  },
  // WS-Security UsernameToken in a logged SOAP envelope (the nonce is public and must stay)
  (r) => {
    const digest = r.chance(0.3);
    return wire.soapEnvelope(r, { username: frag(keep(r.pick(['svc-orders', 'partner-api', 'acme_ws']))), password: frag(secret(digest ? s.b64(r, 20) : xmlEscape(s.anyPassword(r)), 'markup')), digest, nonce: frag(keep(s.b64(r, 16))) });
  },
  // AWS STS AssumeRole responses
  (r) => wire.stsResponse(r, { accessKeyId: frag(secret(s.awsAccessKeyId(r, 'ASIA'), 'markup')), secretKey: frag(secret(s.awsSecretKey(r), 'markup')), sessionToken: frag(secret(s.awsSessionToken(r), 'markup')) }),
  // XML inside a JSON log line: quotes escaped
  (r) => {
    const v = secret(xmlEscape(s.anyPassword(r)).replace(/[\\"]/g, ''), 'markup');
    return emit(r, { level: 'debug', msg: 'outbound SOAP call', fields: [kv('body', f`<auth xmlns="urn:acme"><user>${keep(w.user(r))}</user><password>${v}</password></auth>`), kv('endpoint', keep('https://partner.example.com/ws'))] }, JSON_ENVELOPES);
  },
];

// ---- escaping ----

/** Escapes a random letter of `word` as \\u00XX (how some serialisers and obfuscators print keys). */
function uEscapeOne(r: Rng, word: string): string {
  const idxs = [...word].map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
  const i = r.pick(idxs);
  return `${word.slice(0, i)}\\u00${word.charCodeAt(i).toString(16)}${word.slice(i + 1)}`;
}

const escaping: Maker[] = [
  // PHP json_encode / Monolog 1.x: every / as \/ — DSNs and webhook URLs
  (r) => {
    const pw = s.anyPassword(r).replace(/[@:\s]/g, '');
    const dsn = f`${r.pick(['mysql', 'pgsql', 'redis', 'amqp'])}://${w.user(r)}:${secret(r.chance(0.5) ? percentEncode(pw) : pw.replace(/[%?#]/g, ''), 'escaping')}@${keep(r.pick(['db', 'mysql-0.mysql', 'redis']))}/${r.pick(['shop', 'laravel', '0'])}`;
    const line = f`[${ts.isoOffset(r.now, r.int(1000))}] ${r.pick(['app', 'doctrine', 'laravel'])}.${r.pick(['ERROR', 'WARNING', 'DEBUG'])}: ${r.pick(['Connection failed', 'Connecting', 'Retrying database connection'])} {"dsn":"${mapText(dsn, phpJsonEscape)}","attempt":${r.range(1, 3)}} []`;
    return { format: 'monolog', line };
  },
  (r) => {
    const hook = f`https:\\/\\/hooks.slack.com\\/services\\/T${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}\\/B${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}\\/${secret(r.str(BASE62, 24), 'escaping')}`;
    return { format: 'monolog', line: f`{"message":"Sending Slack notification","context":{"webhook_url":"${hook}","channel":"#alerts"},"level":200,"level_name":"INFO","channel":"app","datetime":"${phpJsonEscape(ts.isoOffset(r.now, r.int(1000)))}","extra":{}}` };
  },
  // \uXXXX in keys: "pass\u0077ord":"…"
  (r) => {
    const key = r.pick(['password', 'api_key', 'secret', 'token', 'passwd', 'client_secret']);
    const k = keep(uEscapeOne(r, key));
    const v = secret(jsonEscape(/pass/.test(key) ? s.anyPassword(r) : s.apiKey(r)), 'escaping');
    return { format: r.pick(['pino', 'winston-json', 'bunyan']), line: f`{"level":${r.pick([30, 40])},"time":${r.now},"msg":"${r.pick(['login', 'config', 'request'])}","${k}":"${v}","user":"${keep(w.user(r))}"}` };
  },
  // \uXXXX in values: "\u0041KIA…", Go's \u0026, .NET's \u002B, Python's non-ASCII
  (r) => {
    const k = r.int(4);
    if (k === 0) {
      const id = s.awsAccessKeyId(r);
      return { format: 'zap-json', line: f`{"level":"debug","ts":${ts.epochFloat(r.now, r.int(1000))},"msg":"aws config","access_key_id":"${secret(`\\u0041${id.slice(1)}`, 'escaping')}","secret_access_key":"${secret(`${uEscapeOne(r, s.awsSecretKey(r).replace(/[+/]/g, 'x'))}`, 'escaping')}"}` };
    }
    if (k === 1) {
      const pw = `${s.humanPassword(r)}&${r.pick(['<', '>', '&'])}${r.str(BASE62, 4)}`;
      // logrus marshals with encoding/json: & < > come out as \u0026 \u003c \u003e
      return emitAs(r, 'logrus-json', { level: 'debug', msg: 'db config', fields: [kv(keep('password'), secret(pw, 'escaping')), kv('user', keep(w.user(r)))] });
    }
    if (k === 2) {
      const key = s.azureStorageKey(r);
      return { format: 'dotnet-console', line: f`{"EventId":0,"LogLevel":"Debug","Category":"Acme.Storage.BlobClientFactory","Message":"Creating blob client","State":{"Message":"Creating blob client","AccountName":"${keep('acmeexports')}","AccountKey":"${secret(dotnetJsonEscape(key), 'escaping')}","{OriginalFormat}":"Creating blob client"}}` };
    }
    const pw = `${r.pick(['Señal', 'Größe', 'Café', 'Ñandú', 'Été', 'Smørrebrød'])}${r.range(10, 9999)}!`;
    return { format: 'structlog-json', line: f`{"event": "smtp login", "${keep('password')}": "${secret(pyJsonEscape(pw), 'escaping')}", "${keep('host')}": "smtp.acme.io", "level": "debug", "timestamp": "${ts.isoMicro(r.now, r.int(1000))}"}` };
  },
  // three levels: container JSON wrapping an app's JSON wrapping a request body
  (r) => {
    const body = json(obj([kv('username', keep(w.user(r))), kv(keep(r.pick(['password', 'api_key', 'token', 'client_secret'])), secret(s.anyPassword(r), 'escaping')), kv('grant_type', keep(r.pick(['password', 'client_credentials'])))]));
    const app = emit(r, { level: 'debug', msg: r.pick(['incoming request', 'request body', 'proxying']), fields: [kv('method', 'POST'), kv('path', keep(r.pick(['/oauth/token', '/api/v1/login', '/v2/auth']))), kv('body', body)] }, ['pino', 'winston-json', 'bunyan', 'zap-json']);
    return { format: 'docker-json', line: f`{"log":"${mapText(app.line, jsonEscape)}\\n","stream":"stdout","time":"${ts.isoNano(r.now, r.int(1_000_000))}"}` };
  },
  // Python reprs: headers with Basic auth, kwargs with passwords; bytes reprs of JSON bodies
  (r) => {
    if (r.chance(0.5)) {
      const basic = Buffer.from(`${w.user(r)}:${s.anyPassword(r)}`).toString('base64');
      return reprLine(r, 'python-repr', r.pick(['headers', 'request headers', 'Sending request with headers']), obj([kv('User-Agent', 'python-requests/2.32.3'), kv(keep('Authorization'), f`Basic ${secret(basic, 'escaping')}`), kv('Accept', '*/*')]));
    }
    const pw = s.anyPassword(r);
    const bodyText = JSON.stringify({ username: w.user(r), password: pw }).replace(/":/g, '": ').replace(/,"/g, ', "');
    const [before, after] = bodyText.split(JSON.stringify(pw).slice(1, -1)) as [string, string];
    return emitAs(r, 'python-logging', { level: 'debug', msg: f`body=b'${before.replace(/'/g, "\\'")}${secret(jsonEscape(pw).replace(/\\/g, '\\\\').replace(/'/g, "\\'"), 'escaping')}${after}'` });
  },
  // Ruby hashes (Rails params without filter_parameters, ENV dumps), symbol and string keys
  (r) => {
    const key = r.pick(['SIGNING_KEY', 'password', 'api_key', 'secret_key_base', 'STRIPE_SECRET_KEY', 'token']);
    const v = secret(/pass/.test(key) ? s.anyPassword(r).replace(/[#"\\]/g, '') : key === 'secret_key_base' ? r.hex(128) : s.apiKey(r), 'escaping');
    if (r.chance(0.5)) return emitAs(r, 'rails', { msg: f`  Parameters: ${f`{"user"=>{"email"=>"${keep(w.email(r))}", "${keep(key)}"=>"${v}"}, "commit"=>"Sign in"}`}` });
    return reprLine(r, 'ruby-inspect', r.pick(['ENV', 'config', 'credentials']), obj([kv(keep(key), v), kv('RAILS_ENV', keep('production'))]));
  },
  // Go source (diffs in CI, panics with source) and Go %#v
  (r) => {
    const name = r.pick(['apiKey', 'stripeKey', 'password', 'dbPassword', 'token', 'secretKey', 'webhookSecret']);
    const v = secret(/ass/.test(name) ? s.anyPassword(r).replace(/["\\]/g, '') : s.apiKey(r), 'escaping');
    const stmt = r.pick([() => f`${keep(name)} := "${v}"`, () => f`const ${keep(name)} = "${v}"`, () => f`var ${keep(name)} = "${v}"`, () => f`cfg.${keep(name[0]!.toUpperCase() + name.slice(1))} = "${v}"`])();
    return { format: 'go-source', line: f`${r.pick(['+\t', '+\t\t', '\t', ' \t'])}${stmt}` };
  },
  // Java toString(): IntelliJ, Lombok, records
  (r) => {
    const pw = s.anyPassword(r).replace(/[,)\]}'=\s]/g, '');
    const o = obj([kv('url', keep(`jdbc:postgresql://${r.pick(w.DB_HOSTS)}:5432/orders`)), kv('username', keep(w.user(r))), kv(keep(r.pick(['password', 'secret', 'apiKey'])), secret(pw, 'escaping')), kv('poolSize', r.range(5, 50))]);
    return reprLine(r, 'java-tostring', r.pick(['Loaded', 'config', 'Creating datasource with']), o, 'info');
  },
  // form-encoded bodies (percent-encoding) and JSON inside a logfmt quoted value
  (r) => {
    const pw = s.anyPassword(r);
    if (r.chance(0.5)) return placeMessage(r, f`body=${keep('grant_type=password')}&username=${keep(w.user(r))}&password=${secret(formEncode(pw), 'escaping')}&${keep(`client_id=${r.pick(['web', 'mobile', 'cli'])}`)}`, { envelopes: ['log4j', 'logfmt', 'python-logging', 'go-log'] });
    const body = `{"username":"${w.user(r)}","password":"${jsonEscape(pw)}"}`;
    const [before, after] = body.split(jsonEscape(pw)) as [string, string];
    return { format: 'logfmt', line: f`ts=${ts.iso(r.now)} level=debug msg="request" body="${jsonEscape(before)}${secret(jsonEscape(jsonEscape(pw)), 'escaping')}${jsonEscape(after)}"` };
  },
];

// ---- connection strings ----

function dbPw(r: Rng): string {
  return s.anyPassword(r).replace(/[\s;'"]/g, '');
}

type Conn = (r: Rng, S: (v: string) => Frag) => Frag;

const CONNECTIONS: readonly Conn[] = [
  (r, S) => f`postgresql://${w.user(r)}:${S(percentEncode(dbPw(r)))}@${keep(r.pick(w.DB_HOSTS))}:5432/orders?sslmode=require`,
  (r, S) => f`mysql://${w.user(r)}:${S(percentEncode(dbPw(r)))}@${keep(r.pick(w.DB_HOSTS))}:3306/shop`,
  (r, S) => f`mongodb+srv://${w.user(r)}:${S(percentEncode(dbPw(r)))}@${keep(`cluster0.${r.str('abcdefghijklmnopqrstuvwxyz0123456789', 5)}.mongodb.net`)}/prod?retryWrites=true&w=majority`,
  (r, S) => f`mongodb://admin:${S(percentEncode(dbPw(r)))}@${keep('mongo-0.mongo:27017,mongo-1.mongo:27017')}/?replicaSet=rs0&authSource=admin`,
  (r, S) => f`rediss://:${S(percentEncode(dbPw(r)))}@${keep(r.pick(['cache.acme.io:6380', 'acme.redis.cache.windows.net:6380', 'master.orders-cache.abc123.euw1.cache.amazonaws.com:6379']))}/0`,
  (r, S) => f`redis://default:${S(percentEncode(dbPw(r)))}@${keep('redis-master:6379')}`,
  (r, S) => f`amqps://${w.user(r)}:${S(percentEncode(dbPw(r)))}@${keep(r.pick(['b-3f9a2c1e.mq.eu-west-1.amazonaws.com:5671', 'rabbit.acme.io:5671']))}/${r.pick(['orders', '%2F'])}`,
  (r, S) => f`jdbc:mysql://${keep(r.pick(w.DB_HOSTS))}:3306/shop?user=${w.user(r)}&password=${S(dbPw(r).replace(/[&#]/g, ''))}&useSSL=true`,
  (r, S) => f`jdbc:postgresql://${keep(r.pick(w.DB_HOSTS))}:5432/orders?user=${w.user(r)}&password=${S(dbPw(r).replace(/[&#]/g, ''))}&ssl=true`,
  (r, S) => f`jdbc:sqlserver://${keep(r.pick(w.DB_HOSTS))}:1433;databaseName=orders;user=${w.user(r)};password=${S(dbPw(r))};encrypt=true;trustServerCertificate=false`,
  (r, S) => f`jdbc:oracle:thin:${w.user(r)}/${S(dbPw(r).replace(/[@/]/g, ''))}@//${keep('ora-prod.acme.local:1521/ORCLPDB1')}`,
  (r, S) => f`Server=tcp:${keep(r.pick(w.DB_HOSTS))},1433;Initial Catalog=orders;Persist Security Info=False;User ID=${w.user(r)};Password=${S(dbPw(r))};MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;`,
  (r, S) => f`Data Source=${keep(r.pick(w.DB_HOSTS))};Initial Catalog=shop;User Id=${w.user(r)};${r.pick(['Password', 'Pwd', 'password'])}=${S(dbPw(r))};`,
  (r, S) => f`Host=${keep(r.pick(w.DB_HOSTS))};Port=5432;Database=orders;Username=${w.user(r)};Password=${S(dbPw(r))};SSL Mode=Require`,
  (r, S) => f`DefaultEndpointsProtocol=https;AccountName=${keep('acmeexports')};AccountKey=${S(s.azureStorageKey(r))};EndpointSuffix=core.windows.net`,
  (r, S) => f`Endpoint=sb://${keep('acme-orders.servicebus.windows.net')}/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${S(s.azureSharedKey(r))}`,
  (r, S) => f`BlobEndpoint=https://${keep('acmeexports.blob.core.windows.net')}/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2025-12-31T23:59:59Z&st=2025-03-01T00:00:00Z&spr=https&sig=${S(s.azureSasSig(r))}`,
  (r, S) => f`https://${keep('acmeexports.blob.core.windows.net')}/exports/${keep(`report-${r.range(1000, 9999)}.csv`)}?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-03-04T08:00:00Z&spr=https&sig=${S(s.azureSasSig(r))}`,
  (r, S) => f`https://${r.pick(['x-access-token', 'oauth2', 'gitlab-ci-token', w.user(r)])}:${S(r.pick([() => s.checksummed(r, 'ghs_'), () => `glpat-${r.str(BASE62, 20)}`, () => percentEncode(dbPw(r))])())}@${keep(r.pick(['github.com/acme/shop.git', 'gitlab.com/acme/infra.git', 'git.acme.io/platform/charts.git']))}`,
  (r, S) => f`smtp://${keep('apikey')}:${S(`SG.${r.str(BASE62, 22)}.${r.str(BASE62, 43)}`)}@${keep('smtp.sendgrid.net:587')}`,
  (r, S) => f`ftp://${w.user(r)}:${S(percentEncode(dbPw(r)))}@${keep('ftp.partner.example.com')}/incoming/`,
];

export function connectionString(r: Rng, cls: SecretClass = 'connection'): Frag {
  return r.pick(CONNECTIONS)(r, (v) => frag(secret(v, cls)));
}

const connection: Maker[] = [
  // in a message
  (r) => placeMessage(r, f`${r.pick(['connecting to ', 'Connection string: ', 'using ', 'failed to connect to ', 'opening pool for ', 'dsn='])}${connectionString(r)}`),
  // as a field (JSON loggers escape \ and " but keep / as is; Monolog escapes / as \/)
  (r) => placeField(r, r.pick(['url', 'dsn', 'DATABASE_URL', 'connectionString', 'uri', 'broker_url', 'REDIS_URL']), connectionString(r), { venues: [['envelope', 3], ['doc', 2]], literalKey: true }),
  // Monolog / PHP: \/\/
  (r) => emitAs(r, 'monolog', { level: 'error', msg: 'Database connection failed', fields: [kv('url', connectionString(r))] }),
  // .NET connectionStrings
  (r) => ({ format: 'dotnet-config', line: f`    <add name="${keep(r.pick(['DefaultConnection', 'OrdersDb', 'ServiceBus', 'Storage']))}" connectionString="${mapText(connectionString(r), xmlEscape)}" providerName="System.Data.SqlClient" />` }),
  // exceptions that print the URL they failed on
  (r) => wire.exceptionLine(r, r.pick(['java', 'python', 'node'] as const), f`${r.pick(['Could not connect to ', 'Invalid connection string ', 'Authentication failed for ', 'getaddrinfo ENOTFOUND while connecting to '])}${connectionString(r)}`),
  // CI logs: git remotes with a token in the URL, migrations pointed at a database URL
  (r) => {
    const conn = connectionString(r);
    const git = /^https:\/\/.*\.git$/.test(textOf(conn));
    const url = textOf(conn).includes('://') && !textOf(conn).includes(';');
    const prefix = git ? r.pick(['$ git clone ', '[command]/usr/bin/git remote add origin ', "fatal: unable to access '"]) : url ? r.pick(['$ migrate -path db/migrations -database ', 'Running migrations against ', '$ DATABASE_URL=']) : 'Running migrations against ';
    const suffix = git ? (prefix.startsWith('fatal') ? "/': The requested URL returned error: 403" : '') : prefix.startsWith('$ DATABASE_URL') ? ' npm run migrate' : prefix.startsWith('$ migrate') ? ' up' : '';
    return emitAs(r, r.pick(['github-actions', 'gitlab-ci']), { msg: f`${prefix}${conn}${suffix}` });
  },
  // env and property files
  (r) => {
    const conn = connectionString(r);
    const t = textOf(conn);
    const fmt = r.pick(['env-dump', 'properties-config']);
    const keys = t.startsWith('jdbc:')
      ? ['SPRING_DATASOURCE_URL', 'JDBC_URL', ...(fmt === 'env-dump' ? [] : ['spring.datasource.url'])]
      : /AccountKey|BlobEndpoint/.test(t) ? ['AZURE_STORAGE_CONNECTION_STRING']
      : t.startsWith('Endpoint=sb') ? ['SERVICEBUS_CONNECTION_STRING']
      : t.startsWith('mongodb') ? ['MONGO_URI', 'MONGODB_URL']
      : t.startsWith('redis') ? ['REDIS_URL', 'CACHE_URL']
      : t.startsWith('amqp') ? ['CELERY_BROKER_URL', 'AMQP_URL']
      : t.startsWith('https://') ? ['GIT_REMOTE', 'EXPORT_URL']
      : ['DATABASE_URL', 'CONNECTION_STRING', 'DB_URL'];
    return { format: fmt, line: f`${keep(r.pick(keys))}=${conn}` };
  },
];

export const SYNTAX: Partial<Record<SecretClass, readonly Maker[]>> = { cli, markup, escaping, connection };
