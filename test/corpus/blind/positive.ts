// Hand-written positive templates: credential pairs in many syntaxes, provider-specific contexts, repeats.
import {
  Rng, ALNUM, DIG, HEX, LOWNUM, B32, UPNUM, b64, b64url, b64enc, hex, mixed, uuid, iso, isoNano, isoOff, spaceTs, plainTs,
  syslogTs, clfTs, epochMs, ip, pw, jwt, pemBody, pemHeader, USERS, SERVICES, HOSTS, DOMAINS, podName, word, checksummed,
} from './rng.js';
import type { Mark } from './providers.js';

export interface Tpl {
  cls: string;
  format: string;
  gen: (r: Rng, S: Mark) => string;
}

const u = (r: Rng): string => r.pick(USERS);
const svc = (r: Rng): string => r.pick(SERVICES);
const host = (r: Rng): string => r.pick(HOSTS);
const dom = (r: Rng): string => r.pick(DOMAINS);
const pid = (r: Rng): number => r.int(100, 65000);
const dbhost = (r: Rng): string => r.pick(['db.internal', 'postgres-0.postgres', 'mysql.prod.svc', `${svc(r)}-db.${dom(r)}`, '10.0.4.12', 'rds-prod.c9akciq32.us-east-1.rds.amazonaws.com']);
const akid = (r: Rng): string => 'AKIA' + r.str(B32.replace(/[01]/g, ''), 16);
const awsSecret = (r: Rng): string => b64(r, 40);
const dbname = (r: Rng): string => r.pick(['app', 'orders', 'billing_prod', 'analytics', 'users']);

export const PAIRS: Tpl[] = [
  // ---------------------------------------------------------------- bare "password: value"
  { cls: 'pair-bare', format: 'plain', gen: (r, S) => `${plainTs(r)} created service account ${u(r)} with password: ${S(pw(r))}` },
  { cls: 'pair-bare', format: 'plain', gen: (r, S) => `password:${S(pw(r, 'safe'))}` },
  { cls: 'pair-bare', format: 'python', gen: (r, S) => `${spaceTs(r)} INFO [provision] user=${u(r)} password=${S(pw(r))} role=readonly` },
  { cls: 'pair-bare', format: 'syslog', gen: (r, S) => `${syslogTs(r)} ${host(r)} useradd-helper[${pid(r)}]: new user ${u(r)} temporary password is ${S(pw(r))}` },
  { cls: 'pair-bare', format: 'plain', gen: (r, S) => `[${iso(r)}] Generated admin credentials -> username: admin, password: ${S(pw(r))}` },
  // ---------------------------------------------------------------- YAML / INI / TOML / properties
  { cls: 'pair-yaml', format: 'yaml', gen: (r, S) => `  password: ${S(pw(r))}` },
  { cls: 'pair-yaml', format: 'yaml', gen: (r, S) => `      db_password: "${S(pw(r))}"` },
  { cls: 'pair-yaml', format: 'yaml', gen: (r, S) => `    secret: '${S(mixed(r, r.int(24, 40)))}'` },
  { cls: 'pair-yaml', format: 'yaml', gen: (r, S) => `  client_secret: ${S(b64url(r, r.int(32, 48)))}` },
  { cls: 'pair-yaml', format: 'yaml', gen: (r, S) => `  keystore-password: ${S(pw(r, 'safe'))}` },
  { cls: 'pair-ini', format: 'ini', gen: (r, S) => `db.password = ${S(pw(r))}` },
  { cls: 'pair-ini', format: 'ini', gen: (r, S) => `spring.datasource.password=${S(pw(r))}` },
  { cls: 'pair-ini', format: 'ini', gen: (r, S) => `aws_secret_access_key = ${S(awsSecret(r))}` },
  { cls: 'pair-ini', format: 'ini', gen: (r, S) => `secret_key=${S(mixed(r, 50, ALNUM + '!@#%^*(-_=+)'))}` },
  { cls: 'pair-ini', format: 'ini', gen: (r, S) => `auth_pass ${S(pw(r, 'safe'))}` },
  { cls: 'pair-ini', format: 'ini', gen: (r, S) => `requirepass ${S(mixed(r, 32))}` },
  { cls: 'pair-toml', format: 'toml', gen: (r, S) => `password = "${S(pw(r))}"` },
  { cls: 'pair-toml', format: 'toml', gen: (r, S) => `signing_key = "${S(b64(r, 44))}"` },
  // ---------------------------------------------------------------- logfmt / key=value
  { cls: 'pair-logfmt', format: 'logfmt', gen: (r, S) => `time=${iso(r)} level=warn msg="login retry" user=${u(r)} password=${S(pw(r, 'safe'))} attempt=${r.int(1, 5)}` },
  { cls: 'pair-logfmt', format: 'logfmt', gen: (r, S) => `level=debug ts=${iso(r)} component=smtp host=smtp.${dom(r)} port=587 username=${u(r)} smtp_password="${S(pw(r))}"` },
  { cls: 'pair-logfmt', format: 'logfmt', gen: (r, S) => `at=info method=POST path="/oauth/token" client_id=${r.str(LOWNUM, 20)} client_secret=${S(mixed(r, 40))} status=200` },
  { cls: 'pair-logfmt', format: 'logrus', gen: (r, S) => `time="${iso(r)}" level=debug msg="connecting to broker" broker=amqp.${dom(r)} user=${u(r)} pass=${S(pw(r, 'safe'))}` },
  // ---------------------------------------------------------------- JSON (1–3 escaping levels)
  { cls: 'pair-json', format: 'json', gen: (r, S) => `{"level":"info","ts":"${iso(r)}","msg":"user registered","user":{"email":"${u(r)}@${dom(r)}","password":"${S(pw(r))}"}}` },
  { cls: 'pair-json', format: 'json', gen: (r, S) => `{"@timestamp":"${iso(r)}","log.level":"debug","message":"db config","db":{"host":"${dbhost(r)}","port":5432,"dbPassword":"${S(pw(r))}"}}` },
  { cls: 'pair-json', format: 'json', gen: (r, S) => `{"level":50,"time":${epochMs(r)},"msg":"request failed","req":{"method":"POST","url":"/api/login","body":{"username":"${u(r)}","password":"${S(pw(r))}"}}}` },
  { cls: 'pair-json', format: 'json', gen: (r, S) => `{"event":"webhook.created","data":{"url":"https://hooks.${dom(r)}/in","secret":"${S(mixed(r, 32))}"}}` },
  { cls: 'pair-json', format: 'json', gen: (r, S) => `{"severity":"DEBUG","message":"token refreshed","refresh_token":"${S(b64url(r, 64))}","expires_in":3600}` },
  {
    cls: 'pair-json2', format: 'json-escaped',
    gen: (r, S) => {
      const p = pw(r);
      return `{"level":"info","msg":"forwarding payload","payload":"{\\"user\\":\\"${u(r)}\\",\\"password\\":\\"${S(p)}\\"}"}`;
    },
  },
  {
    cls: 'pair-json2', format: 'docker-json',
    gen: (r, S) => {
      const p = pw(r);
      const inner = JSON.stringify({ level: 'debug', msg: 'db connect', db: { user: u(r), password: p } });
      S(p);
      return JSON.stringify({ log: inner + '\n', stream: 'stderr', time: isoNano(r) });
    },
  },
  {
    cls: 'pair-json3', format: 'docker-json',
    gen: (r, S) => {
      const t = mixed(r, 40);
      const inner1 = JSON.stringify({ body: JSON.stringify({ apiKey: t, action: 'sync' }) });
      const line = JSON.stringify({ log: `${iso(r)} INFO outbound ${inner1}\n`, stream: 'stdout', time: isoNano(r) });
      S(t);
      return line;
    },
  },
  {
    cls: 'pair-json2', format: 'k8s-json',
    gen: (r, S) => {
      const p = pw(r);
      const inner = JSON.stringify({ password: p, username: u(r) });
      S(p);
      return `{"kind":"Event","reason":"Created","message":"applied config ${inner.replace(/"/g, '\\"')}"}`;
    },
  },
  // ---------------------------------------------------------------- XML
  { cls: 'pair-xml', format: 'xml', gen: (r, S) => `<password>${S(pw(r, 'safe'))}</password>` },
  { cls: 'pair-xml', format: 'xml', gen: (r, S) => `        <SecretAccessKey>${S(awsSecret(r))}</SecretAccessKey>` },
  { cls: 'pair-xml', format: 'xml', gen: (r, S) => `<add key="ApiKey" value="${S(mixed(r, 32))}" />` },
  { cls: 'pair-xml', format: 'xml', gen: (r, S) => `<add name="Default" connectionString="Server=${dbhost(r)};Database=${dbname(r)};User Id=${u(r)};Password=${S(pw(r, 'safe'))};" providerName="System.Data.SqlClient" />` },
  { cls: 'pair-xml', format: 'xml', gen: (r, S) => `<server><id>nexus-releases</id><username>${u(r)}</username><password>${S(pw(r, 'safe'))}</password></server>` },
  { cls: 'pair-xml', format: 'xml', gen: (r, S) => `<user name="${u(r)}" password="${S(pw(r, 'safe'))}" roles="manager-gui"/>` },
  { cls: 'pair-xml', format: 'xml', gen: (r, S) => `<property name="hibernate.connection.password">${S(pw(r, 'safe'))}</property>` },
  // ---------------------------------------------------------------- command lines
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ mysql -h ${dbhost(r)} -u ${u(r)} -p${S(pw(r, 'safe'))} ${dbname(r)}` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ mysqldump --user=root --password=${S(pw(r, 'safe'))} --single-transaction ${dbname(r)}` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ ${svc(r)}-cli login --username ${u(r)} --password ${S(pw(r, 'safe'))}` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ docker login -u ${u(r)} -p ${S(mixed(r, 36))} registry.${dom(r)}` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ redis-cli -h redis.${dom(r)} -a ${S(mixed(r, 32))} ping` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ sshpass -p '${S(pw(r))}' ssh -o StrictHostKeyChecking=no ${u(r)}@${ip(r)}` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ curl -sS -u ${u(r)}:${S(pw(r, 'safe'))} https://nexus.${dom(r)}/service/rest/v1/status` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ PGPASSWORD=${S(pw(r, 'safe'))} psql -h ${dbhost(r)} -U ${u(r)} -d ${dbname(r)} -c 'select 1'` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ ldapsearch -x -H ldaps://ldap.${dom(r)} -D cn=admin,dc=corp -w ${S(pw(r, 'safe'))} -b dc=corp` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ kubectl create secret generic ${svc(r)}-db --from-literal=username=${u(r)} --from-literal=password=${S(pw(r, 'safe'))}` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ helm upgrade --install ${svc(r)} ./chart --set postgresql.auth.password=${S(pw(r, 'safe'))} --wait` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ htpasswd -b -c /etc/nginx/.htpasswd ${u(r)} ${S(pw(r, 'safe'))}` },
  { cls: 'cmd', format: 'gitlab-ci', gen: (r, S) => `$ echo "${S(mixed(r, 20))}" | docker login registry.gitlab.com -u gitlab-ci-token --password-stdin` },
  { cls: 'cmd', format: 'gitlab-ci', gen: (r, S) => `$ mvn -B deploy -Dgpg.passphrase=${S(pw(r, 'safe'))} -DskipTests` },
  { cls: 'cmd', format: 'ps', gen: (r, S) => `${u(r)}     ${pid(r)}  0.3  1.2 ${r.int(100000, 900000)} ${r.int(10000, 90000)} ?  Ssl  ${r.int(10, 23)}:${r.int(10, 59)}   0:0${r.int(1, 9)} java -Djavax.net.ssl.keyStorePassword=${S(pw(r, 'safe'))} -jar /opt/app/app.jar` },
  { cls: 'cmd', format: 'shell-trace', gen: (r, S) => `+ openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:${S(pw(r, 'safe'))}` },
  // ---------------------------------------------------------------- URLs with userinfo
  { cls: 'url-userinfo', format: 'plain', gen: (r, S) => `DATABASE_URL=postgres://${u(r)}:${S(pw(r, 'safe'))}@${dbhost(r)}:5432/${dbname(r)}?sslmode=require` },
  { cls: 'url-userinfo', format: 'json', gen: (r, S) => `{"level":"info","msg":"connecting","uri":"mongodb+srv://${u(r)}:${S(encodeURIComponent(pw(r)))}@cluster0.${r.str(LOWNUM, 5)}.mongodb.net/${dbname(r)}?retryWrites=true&w=majority"}` },
  { cls: 'url-userinfo', format: 'python', gen: (r, S) => `${spaceTs(r)} INFO celery.worker: Connected to amqps://${u(r)}:${S(pw(r, 'safe'))}@b-${uuid(r)}.mq.us-east-1.amazonaws.com:5671//` },
  { cls: 'url-userinfo', format: 'logfmt', gen: (r, S) => `level=info msg="cache connected" addr=rediss://:${S(mixed(r, 32))}@redis.${dom(r)}:6380/0` },
  { cls: 'url-userinfo', format: 'plain', gen: (r, S) => `Cloning into 'repo'... remote: https://${u(r)}:${S(encodeURIComponent(pw(r)))}@git.${dom(r)}/team/repo.git` },
  { cls: 'url-userinfo', format: 'stacktrace', gen: (r, S) => `Caused by: com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting to connect. uri=mongodb://${u(r)}:${S(pw(r, 'safe'))}@mongo-0.mongo:27017,mongo-1.mongo:27017/?replicaSet=rs0` },
  { cls: 'url-userinfo', format: 'logback', gen: (r, S) => `${spaceTs(r, '.')}  WARN 1 --- [main] o.a.k.clients.NetworkClient : Proxy http://${u(r)}:${S(pw(r, 'safe'))}@proxy.${dom(r)}:3128 unreachable` },
  { cls: 'url-userinfo', format: 'monolog', gen: (r, S) => `[${isoOff(r)}] doctrine.ERROR: Connection failed {"url":"mysql:\\/\\/${u(r)}:${S(pw(r, 'safe'))}@${dbhost(r)}:3306\\/${dbname(r)}"} []` },
  { cls: 'url-userinfo', format: 'env', gen: (r, S) => `CELERY_BROKER_URL=redis://default:${S(mixed(r, 28))}@redis-master:6379/1` },
  { cls: 'url-userinfo', format: 'yaml', gen: (r, S) => `  url: https://${u(r)}:${S(mixed(r, 36))}@artifactory.${dom(r)}/artifactory/api/pypi/simple` },
  // ---------------------------------------------------------------- JDBC / ADO.NET / DSN
  { cls: 'conn-string', format: 'logback', gen: (r, S) => `${spaceTs(r, '.')}  INFO 1 --- [main] com.zaxxer.hikari.HikariConfig : jdbcUrl........................jdbc:postgresql://${dbhost(r)}:5432/${dbname(r)}?user=${u(r)}&password=${S(pw(r, 'safe'))}` },
  { cls: 'conn-string', format: 'plain', gen: (r, S) => `jdbc:mysql://${dbhost(r)}:3306/${dbname(r)}?user=${u(r)}&password=${S(pw(r, 'safe'))}&useSSL=true` },
  { cls: 'conn-string', format: 'plain', gen: (r, S) => `jdbc:sqlserver://${dbhost(r)}:1433;databaseName=${dbname(r)};user=${u(r)};password=${S(pw(r, 'safe'))};encrypt=true` },
  { cls: 'conn-string', format: 'json', gen: (r, S) => `{"ConnectionStrings":{"Default":"Server=tcp:${svc(r)}.database.windows.net,1433;Initial Catalog=${dbname(r)};User ID=${u(r)};Password=${S(pw(r, 'safe'))};Encrypt=True;"}}` },
  { cls: 'conn-string', format: 'python', gen: (r, S) => `${spaceTs(r)} DEBUG psycopg: connect dsn='host=${dbhost(r)} port=5432 dbname=${dbname(r)} user=${u(r)} password=${S(pw(r, 'safe'))} sslmode=verify-full'` },
  { cls: 'conn-string', format: 'plain', gen: (r, S) => `Data Source=${dbhost(r)};Initial Catalog=${dbname(r)};Persist Security Info=True;User ID=sa;Pwd=${S(pw(r, 'safe'))}` },
  // ---------------------------------------------------------------- HTTP headers
  { cls: 'header', format: 'curl-v', gen: (r, S) => `> Authorization: Bearer ${S(jwt(r))}` },
  { cls: 'header', format: 'curl-v', gen: (r, S) => `> Authorization: Basic ${S(b64enc(`${u(r)}:${pw(r)}`))}` },
  { cls: 'header', format: 'http-header', gen: (r, S) => `X-Api-Key: ${S(mixed(r, 32))}` },
  { cls: 'header', format: 'curl-v', gen: (r, S) => `> Cookie: _ga=GA1.2.${r.str(DIG, 9)}.${r.str(DIG, 10)}; sessionid=${S(r.str(LOWNUM, 32))}; theme=dark` },
  { cls: 'header', format: 'curl-v', gen: (r, S) => `< Set-Cookie: JSESSIONID=${S(r.str(HEX.toUpperCase(), 32))}; Path=/; Secure; HttpOnly` },
  { cls: 'header', format: 'nginx', gen: (r, S) => `${ip(r)} - - [${clfTs(r)}] "GET /api/v2/orders?access_token=${S(mixed(r, 40))}&page=${r.int(1, 9)} HTTP/1.1" 200 ${r.int(200, 90000)} "-" "okhttp/4.12.0"` },
  { cls: 'header', format: 'apache', gen: (r, S) => `${ip(r)} - ${u(r)} [${clfTs(r)}] "GET /callback?code=${r.str(ALNUM, 20)}&client_secret=${S(mixed(r, 32))} HTTP/1.1" 302 - "-" "Mozilla/5.0"` },
  { cls: 'header', format: 'python-repr', gen: (r, S) => `${spaceTs(r)} DEBUG urllib3: headers={'Authorization': 'Token ${S(hex(r, 40))}', 'Accept': 'application/json'}` },
  { cls: 'header', format: 'json', gen: (r, S) => `{"msg":"proxy request","headers":{"host":"api.${dom(r)}","x-auth-token":"${S(mixed(r, 48))}","user-agent":"Go-http-client/2.0"}}` },
  { cls: 'header', format: 'logback', gen: (r, S) => `${spaceTs(r, '.')} DEBUG 1 --- [nio-8080-exec-3] o.s.web.client.RestTemplate : HTTP POST https://api.${dom(r)}/v1/sync, headers=[Accept:"application/json", Authorization:"Bearer ${S(b64url(r, 48))}"]` },
  { cls: 'header', format: 'nginx', gen: (r, S) => `${ip(r)} - - [${clfTs(r)}] "POST /hooks/ingest?token=${S(hex(r, 40))} HTTP/2.0" 204 0 "-" "GitHub-Hookshot/${r.str(HEX, 7)}"` },
  // ---------------------------------------------------------------- key names: i18n + styles
  { cls: 'i18n-key', format: 'logfmt', gen: (r, S) => `benutzer=${u(r)} Passwort=${S(pw(r, 'safe'))} status=angelegt` },
  { cls: 'i18n-key', format: 'json', gen: (r, S) => `{"usuario":"${u(r)}","contraseña":"${S(pw(r))}","mensaje":"cuenta creada"}` },
  { cls: 'i18n-key', format: 'yaml', gen: (r, S) => `  mot_de_passe: ${S(pw(r, 'safe'))}` },
  { cls: 'i18n-key', format: 'python-repr', gen: (r, S) => `{'usuario': '${u(r)}', 'senha': '${S(pw(r))}', 'ativo': True}` },
  { cls: 'i18n-key', format: 'ini', gen: (r, S) => `wachtwoord = ${S(pw(r, 'safe'))}` },
  { cls: 'i18n-key', format: 'json', gen: (r, S) => `{"логин":"${u(r)}","пароль":"${S(pw(r))}"}` },
  { cls: 'i18n-key', format: 'logfmt', gen: (r, S) => `utente=${u(r)} parola_d_ordine=${S(pw(r, 'safe'))}` },
  { cls: 'key-style', format: 'json', gen: (r, S) => `{"dbPassword":"${S(pw(r))}","dbUser":"${u(r)}"}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `DB_PASS=${S(pw(r, 'safe'))}` },
  { cls: 'key-style', format: 'ini', gen: (r, S) => `db.password=${S(pw(r, 'safe'))}` },
  { cls: 'key-style', format: 'yaml', gen: (r, S) => `  signingKey: ${S(b64(r, 44))}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `REDIS_PWD=${S(mixed(r, 24))}` },
  { cls: 'key-style', format: 'logfmt', gen: (r, S) => `msg="smtp configured" SMTP_PASSWD=${S(pw(r, 'safe'))}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `RABBITMQ_DEFAULT_PASS=${S(pw(r, 'safe'))}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `DJANGO_SECRET_KEY=${S(mixed(r, 50, ALNUM + '!@#%^*(-_=+)'))}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `JWT_SECRET=${S(mixed(r, 48))}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `ENCRYPTION_KEY=${S(b64(r, 43) + '=')}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `MYSQL_ROOT_PASSWORD=${S(pw(r, 'safe'))}` },
  { cls: 'key-style', format: 'json', gen: (r, S) => `{"oauth":{"clientId":"${r.str(LOWNUM, 24)}","clientSecret":"${S(b64url(r, 40))}"}}` },
  { cls: 'key-style', format: 'yaml', gen: (r, S) => `  private_token: ${S(mixed(r, 20))}` },
  { cls: 'key-style', format: 'ini', gen: (r, S) => `master-key: ${S(hex(r, 64))}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `SECRET_KEY_BASE=${S(hex(r, 128))}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `NEXTAUTH_SECRET=${S(b64(r, 43) + '=')}` },
  { cls: 'key-style', format: 'env', gen: (r, S) => `WEBHOOK_SIGNING_SECRET=${S(hex(r, 64))}` },
  // ---------------------------------------------------------------- SQL
  { cls: 'sql', format: 'sql', gen: (r, S) => `${plainTs(r)} UTC [${pid(r)}] LOG:  statement: ALTER USER ${u(r)} WITH PASSWORD '${S(pw(r))}';` },
  { cls: 'sql', format: 'sql', gen: (r, S) => `${plainTs(r)}\t${r.int(10, 999)} Query\tCREATE USER '${u(r)}'@'%' IDENTIFIED BY '${S(pw(r))}'` },
  { cls: 'sql', format: 'sql', gen: (r, S) => `${iso(r)} ${r.int(10, 999)} Query\tSET PASSWORD FOR '${u(r)}'@'localhost' = '${S(pw(r))}'` },
  { cls: 'sql', format: 'sql', gen: (r, S) => `LOG:  execute <unnamed>: INSERT INTO integrations (name, api_key) VALUES ('${svc(r)}', '${S(mixed(r, 40))}')` },
  // ---------------------------------------------------------------- Python / Ruby / Java object dumps
  { cls: 'repr', format: 'python-repr', gen: (r, S) => `${spaceTs(r)} DEBUG [auth] Credentials(username='${u(r)}', password='${S(pw(r))}', mfa=False)` },
  { cls: 'repr', format: 'ruby-hash', gen: (r, S) => `{:host=>"${dbhost(r)}", :username=>"${u(r)}", :password=>"${S(pw(r))}", :database=>"${dbname(r)}"}` },
  { cls: 'repr', format: 'ruby-hash', gen: (r, S) => `D, [${iso(r)} #${pid(r)}] DEBUG -- : {adapter: "postgresql", username: "${u(r)}", password: "${S(pw(r))}"}` },
  { cls: 'repr', format: 'java-tostring', gen: (r, S) => `DataSourceProperties{url='jdbc:postgresql://${dbhost(r)}/${dbname(r)}', username='${u(r)}', password='${S(pw(r))}'}` },
  { cls: 'repr', format: 'java-tostring', gen: (r, S) => `${spaceTs(r, '.')} DEBUG 1 --- [main] c.a.s.SmtpConfig : MailProperties(host=smtp.${dom(r)}, port=587, username=${u(r)}, password=${S(pw(r, 'safe'))}, protocol=smtp)` },
  { cls: 'repr', format: 'python-repr', gen: (r, S) => `${spaceTs(r)} ERROR celery: Task failed args=('${u(r)}',) kwargs={'api_token': '${S(mixed(r, 40))}', 'retry': 3}` },
  // ---------------------------------------------------------------- k8s / containers
  { cls: 'k8s', format: 'kubectl-describe', gen: (r, S) => `      DB_PASSWORD:                ${S(pw(r, 'safe'))}` },
  { cls: 'k8s', format: 'yaml', gen: (r, S) => `  password: ${S(b64enc(pw(r)))}` },
  { cls: 'k8s', format: 'k8s-event', gen: (r, S) => `${r.int(1, 59)}m  Normal  Created  pod/${podName(r, svc(r))}  Created container with args [--db-password=${S(pw(r, 'safe'))}]` },
  { cls: 'k8s', format: 'yaml', gen: (r, S) => `        - {name: API_TOKEN, value: "${S(mixed(r, 40))}"}` },
  { cls: 'k8s', format: 'json', gen: (r, S) => `{"apiVersion":"v1","kind":"Secret","metadata":{"name":"${svc(r)}-creds"},"stringData":{"password":"${S(pw(r))}"}}` },
  // ---------------------------------------------------------------- CI logs
  { cls: 'ci', format: 'gha', gen: (r, S) => `${iso(r)} ##[debug]Evaluating: secrets.DEPLOY_KEY => '${S(mixed(r, 40))}'` },
  { cls: 'ci', format: 'gha', gen: (r, S) => `${iso(r)}   NODE_AUTH_TOKEN: ${S(checksummed(r, 'npm_'))}` },
  { cls: 'ci', format: 'gitlab-ci', gen: (r, S) => `$ curl --header "PRIVATE-TOKEN: ${S('glpat-' + b64url(r, 20))}" "https://gitlab.${dom(r)}/api/v4/projects/${r.int(10, 999)}/pipelines"` },
  { cls: 'ci', format: 'gitlab-ci', gen: (r, S) => `$ git remote set-url origin https://oauth2:${S('glpat-' + b64url(r, 20))}@gitlab.com/acme/${svc(r)}.git` },
  { cls: 'ci', format: 'gha', gen: (r, S) => `${iso(r)} [command]/usr/bin/git -c http.extraheader="AUTHORIZATION: basic ${S(b64enc('x-access-token:' + checksummed(r, 'ghs_')))}" fetch origin` },
  { cls: 'ci', format: 'jenkins', gen: (r, S) => `+ ./gradlew publish -PsigningPassword=${S(pw(r, 'safe'))}` },
  // ---------------------------------------------------------------- provider-specific contexts
  { cls: 'aws', format: 'ini', gen: (r, S) => `aws_access_key_id = ${S(akid(r))}` },
  { cls: 'aws', format: 'shell-trace', gen: (r, S) => `+ export AWS_ACCESS_KEY_ID=${S(akid(r))} AWS_SECRET_ACCESS_KEY=${S(awsSecret(r))}` },
  { cls: 'aws', format: 'json', gen: (r, S) => `{"Credentials":{"AccessKeyId":"${S('ASIA' + r.str(B32, 16))}","SecretAccessKey":"${S(awsSecret(r))}","SessionToken":"${S('IQoJb3JpZ2luX2VjE' + b64(r, 300))}","Expiration":"${iso(r)}"}}` },
  { cls: 'aws', format: 'nginx', gen: (r, S) => `${ip(r)} - - [${clfTs(r)}] "GET /${svc(r)}-exports/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${S(akid(r))}%2F20240513%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240513T082144Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${S(hex(r, 64))} HTTP/1.1" 200 48213 "-" "curl/8.5.0"` },
  { cls: 'aws', format: 'python', gen: (r, S) => `${spaceTs(r)} DEBUG botocore.credentials: Using access key ${S(akid(r))} and secret ${S(awsSecret(r))}` },
  { cls: 'gcp', format: 'json', gen: (r, S) => { const [h, f] = pemHeader('pkcs8'); const body = pemBody(r, 'pkcs8').join('\\n'); return `{"type":"service_account","project_id":"${svc(r)}-prod-${r.int(100, 999)}","private_key_id":"${S(hex(r, 40))}","private_key":"${h}\\n${S(body)}\\n${f}\\n","client_email":"deployer@${svc(r)}-prod.iam.gserviceaccount.com"}`; } },
  { cls: 'pem', format: 'env', gen: (r, S) => { const [h, f] = pemHeader('rsa'); return `JWT_PRIVATE_KEY="${h}\\n${S(pemBody(r, 'rsa').join('\\n'))}\\n${f}"`; } },
  { cls: 'pem', format: 'json', gen: (r, S) => { const [h, f] = pemHeader('ec'); return `{"level":"debug","msg":"loaded signing key","key":"${h}\\n${S(pemBody(r, 'ec').join('\\n'))}\\n${f}\\n"}`; } },
  { cls: 'pem', format: 'yaml', gen: (r, S) => { const [h, f] = pemHeader('openssh'); return `  ssh_private_key: "${h}\\n${S(pemBody(r, 'openssh').join('\\n'))}\\n${f}"`; } },
  { cls: 'azure', format: 'env', gen: (r, S) => `AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=${svc(r)}store${r.int(1, 99)};AccountKey=${S(b64(r, 86) + '==')};EndpointSuffix=core.windows.net` },
  { cls: 'azure', format: 'logback', gen: (r, S) => `${spaceTs(r, '.')}  INFO 1 --- [main] c.a.s.blob.BlobServiceClient : endpoint=https://${svc(r)}store.blob.core.windows.net/?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2025-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=${S(encodeURIComponent(b64(r, 43) + '='))}` },
  { cls: 'azure', format: 'json', gen: (r, S) => `{"msg":"servicebus connect","cs":"Endpoint=sb://${svc(r)}-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${S(b64(r, 43) + '=')}"}` },
  { cls: 'azure', format: 'env', gen: (r, S) => `AZURE_CLIENT_SECRET=${S(`${r.str(ALNUM, 3)}8Q~${b64url(r, 34).replace(/-/g, '.')}`)}` },
  { cls: 'slack', format: 'json', gen: (r, S) => `{"level":"info","msg":"posting alert","webhook":"${S(`https://hooks.slack.com/services/T${r.str(UPNUM, 9)}/B${r.str(UPNUM, 10)}/${mixed(r, 24)}`)}"}` },
  { cls: 'discord', format: 'plain', gen: (r, S) => `POST https://discord.com/api/webhooks/${r.str(DIG, 19)}/${S(b64url(r, 68))} 204` },
  { cls: 'github', format: 'plain', gen: (r, S) => `Cloning into '${svc(r)}'... using https://x-access-token:${S(checksummed(r, 'ghs_'))}@github.com/acme/${svc(r)}.git` },
  { cls: 'github', format: 'curl-v', gen: (r, S) => `> Authorization: token ${S(checksummed(r, 'ghp_'))}` },
  { cls: 'npm', format: 'ini', gen: (r, S) => `//registry.npmjs.org/:_authToken=${S(checksummed(r, 'npm_'))}` },
  { cls: 'npm', format: 'ini', gen: (r, S) => `//npm.pkg.github.com/:_authToken=${S(checksummed(r, 'ghp_'))}` },
  { cls: 'pypi', format: 'ini', gen: (r, S) => `password = ${S('pypi-AgEIcHlwaS5vcmc' + b64url(r, 170))}` },
  { cls: 'telegram', format: 'python', gen: (r, S) => `${spaceTs(r)} - httpx - INFO - HTTP Request: POST https://api.telegram.org/bot${S(`${r.int(1, 9)}${r.str(DIG, 9)}:AA${b64url(r, 33)}`)}/sendMessage "HTTP/1.1 200 OK"` },
  { cls: 'twilio', format: 'python', gen: (r, S) => `${spaceTs(r)} DEBUG twilio.http_client: -- BEGIN Twilio API Request -- POST https://api.twilio.com/2010-04-01/Accounts/AC${hex(r, 32)}/Messages.json auth=('AC${hex(r, 32)}', '${S(hex(r, 32))}')` },
  { cls: 'jwt', format: 'nginx', gen: (r, S) => `${ip(r)} - - [${clfTs(r)}] "GET /ws?jwt=${S(jwt(r))} HTTP/1.1" 101 0 "-" "Mozilla/5.0"` },
  { cls: 'jwt', format: 'json', gen: (r, S) => `{"level":"warn","msg":"token expired","id_token":"${S(jwt(r))}","sub":"${uuid(r)}"}` },
  { cls: 'vault', format: 'vault-cli', gen: (r, S) => `token                ${S('hvs.' + mixed(r, 24))}` },
  { cls: 'openai', format: 'python', gen: (r, S) => `${spaceTs(r)} - openai._base_client - DEBUG - Request options: {'method': 'post', 'url': '/chat/completions', 'headers': {'Authorization': 'Bearer ${S('sk-proj-' + b64url(r, 74) + 'T3BlbkFJ' + b64url(r, 74))}'}, 'json_data': {'model': 'gpt-4o', 'max_tokens': 4096}}` },
  { cls: 'anthropic', format: 'curl-v', gen: (r, S) => `> x-api-key: ${S('sk-ant-api03-' + b64url(r, 93) + 'AA')}` },
  { cls: 'stripe', format: 'curl-v', gen: (r, S) => `$ curl https://api.stripe.com/v1/charges -u ${S('sk_live_' + mixed(r, 24))}: -d amount=2000` },
  { cls: 'sendgrid', format: 'monolog', gen: (r, S) => `[${isoOff(r)}] mailer.DEBUG: Sending via SendGrid {"headers":{"Authorization":"Bearer ${S(`SG.${b64url(r, 22)}.${b64url(r, 43)}`)}"}} []` },
  { cls: 'datadog', format: 'yaml', gen: (r, S) => `api_key: ${S(hex(r, 32))}` },
  { cls: 'google', format: 'nginx', gen: (r, S) => `${ip(r)} - - [${clfTs(r)}] "GET /maps/api/geocode/json?address=Berlin&key=${S('AIza' + b64url(r, 35))} HTTP/1.1" 200 1532 "-" "axios/1.6.8"` },
  // ---------------------------------------------------------------- credential files & protocol traces
  { cls: 'cred-file', format: 'netrc', gen: (r, S) => `machine api.${dom(r)} login ${u(r)}@${dom(r)} password ${S(mixed(r, 40))}` },
  { cls: 'cred-file', format: 'pgpass', gen: (r, S) => `${dbhost(r)}:5432:${dbname(r)}:${u(r)}:${S(pw(r, 'safe'))}` },
  { cls: 'cred-file', format: 'json', gen: (r, S) => `{"auths":{"registry.${dom(r)}":{"auth":"${S(b64enc(`${u(r)}:${pw(r)}`))}"}}}` },
  { cls: 'cred-file', format: 'ini', gen: (r, S) => `  psk="${S(pw(r, 'safe'))}"` },
  { cls: 'cred-file', format: 'git-config', gen: (r, S) => `http.https://github.com/.extraheader=AUTHORIZATION: bearer ${S(checksummed(r, 'ghs_'))}` },
  { cls: 'cred-file', format: 'python-repr', gen: (r, S) => `environ({'PATH': '/usr/local/bin:/usr/bin', 'HOME': '/root', 'DB_PASSWORD': '${S(pw(r))}', 'LANG': 'C.UTF-8'})` },
  { cls: 'cred-file', format: 'ini', gen: (r, S) => `sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username="${u(r)}" password="${S(pw(r, 'safe'))}";` },
  { cls: 'protocol', format: 'redis-monitor', gen: (r, S) => `${r.int(1700000000, 1760000000)}.${r.str(DIG, 6)} [0 ${ip(r)}:${r.int(30000, 60000)}] "AUTH" "${S(mixed(r, 32))}"` },
  { cls: 'protocol', format: 'smtp', gen: (r, S) => `${syslogTs(r)} ${host(r)} postfix/smtpd[${pid(r)}]: debug: C: AUTH PLAIN ${S(b64enc(`\u0000${u(r)}@${dom(r)}\u0000${pw(r)}`))}` },
  { cls: 'protocol', format: 'curl-v', gen: (r, S) => `> Proxy-Authorization: Basic ${S(b64enc(`${u(r)}:${pw(r)}`))}` },
  { cls: 'protocol', format: 'curl-v', gen: (r, S) => `> Authorization: ApiKey ${S(b64enc(`${r.str(ALNUM, 20)}:${b64url(r, 22)}`))}` },
  { cls: 'protocol', format: 'json', gen: (r, S) => `ok: [${host(r)}] => {"changed": false, "ansible_user": "${u(r)}", "ansible_password": "${S(pw(r))}"}` },
  { cls: 'protocol', format: 'nginx', gen: (r, S) => `${ip(r)} - - [${clfTs(r)}] "GET /login?user=${u(r)}&password=${S(encodeURIComponent(pw(r)))} HTTP/1.1" 302 0 "-" "${r.pick(['curl/8.5.0', 'Wget/1.21.4'])}"` },
  { cls: 'protocol', format: 'vault-cli', gen: (r, S) => `password           ${S(pw(r, 'safe'))}` },
  { cls: 'protocol', format: 'logback', gen: (r, S) => `${spaceTs(r, '.')} DEBUG 1 --- [main] o.a.kafka.clients.producer.ProducerConfig : 	ssl.truststore.password = ${S(pw(r, 'safe'))}` },
  { cls: 'protocol', format: 'yaml', gen: (r, S) => `        - --token=${S(b64url(r, 40))}` },
  // ---------------------------------------------------------------- unusual auth schemes / weak key names / query params
  { cls: 'auth-scheme', format: 'curl-v', gen: (r, S) => `> Authorization: SSWS ${S('00' + b64url(r, 40))}` },
  { cls: 'auth-scheme', format: 'curl-v', gen: (r, S) => `> Authorization: Token token=${S('u+' + b64url(r, 18))}` },
  { cls: 'auth-scheme', format: 'http-header', gen: (r, S) => `Authorization: Bot ${S(`${Buffer.from('1' + r.str(DIG, 18)).toString('base64').replace(/=+$/, '')}.${b64url(r, 6)}.${b64url(r, 38)}`)}` },
  { cls: 'auth-scheme', format: 'http-header', gen: (r, S) => `Authorization: DeepL-Auth-Key ${S(uuid(r) + ':fx')}` },
  { cls: 'auth-scheme', format: 'http-header', gen: (r, S) => `Authorization: GenieKey ${S(uuid(r))}` },
  { cls: 'auth-scheme', format: 'json', gen: (r, S) => `{"req":{"headers":{"authorization":"Digest username=\\"${u(r)}\\", realm=\\"api\\", nonce=\\"${hex(r, 32)}\\", response=\\"${S(hex(r, 32))}\\""}}}` },
  { cls: 'weak-key', format: 'json', gen: (r, S) => `{"level":"debug","msg":"providers","stripe":"${S('sk_live_' + mixed(r, 24))}","sendgrid":"${S(`SG.${b64url(r, 22)}.${b64url(r, 43)}`)}"}` },
  { cls: 'weak-key', format: 'yaml', gen: (r, S) => `  credentials: ${S(b64(r, 60))}` },
  { cls: 'weak-key', format: 'logfmt', gen: (r, S) => `level=info msg="ftp upload" host=ftp.${dom(r)} user=${u(r)} pwd=${S(pw(r, 'safe'))}` },
  { cls: 'weak-key', format: 'yaml', gen: (r, S) => `  passphrase: ${S(`${word(r)} ${word(r)} ${word(r)} ${word(r)}`)}` },
  { cls: 'weak-key', format: 'json', gen: (r, S) => `{"apikey":"${S(hex(r, 32))}","units":"metric","q":"Berlin"}` },
  { cls: 'weak-key', format: 'python-repr', gen: (r, S) => `${spaceTs(r)} DEBUG [client] auth=('${u(r)}', '${S(pw(r))}') timeout=30` },
  { cls: 'weak-key', format: 'ini', gen: (r, S) => `access = ${S(mixed(r, 40))}` },
  { cls: 'query-param', format: 'nginx', gen: (r, S) => `${ip(r)} - - [${clfTs(r)}] "GET /data/2.5/weather?q=London&appid=${S(hex(r, 32))} HTTP/1.1" 200 512 "-" "python-requests/2.31.0"` },
  { cls: 'query-param', format: 'json', gen: (r, S) => `{"level":"error","msg":"GET https://api.${dom(r)}/v3/search?apikey=${S(mixed(r, 32))}&limit=50 failed","status":429}` },
  { cls: 'query-param', format: 'python', gen: (r, S) => `${spaceTs(r)} WARNING urllib3.connectionpool: Retrying (Retry(total=2)) after connection broken: /v1/export?auth_token=${S(hex(r, 40))}&format=csv` },
  { cls: 'query-param', format: 'logback', gen: (r, S) => `${spaceTs(r, '.')}  WARN 1 --- [pool-2-thread-1] c.a.i.HttpPoller : GET https://hooks.${dom(r)}/feed?secret=${S(mixed(r, 24))}&since=${r.int(1700000000, 1760000000)} -> 503` },
  { cls: 'query-param', format: 'apache', gen: (r, S) => `${ip(r)} - - [${clfTs(r)}] "GET /rss?private_token=${S('glpat-' + b64url(r, 20))} HTTP/1.1" 200 8812 "-" "Feedly/1.0"` },
];

// ------------------------------------------------------------------ the same secret twice
export const REPEATS: Tpl[] = [
  { cls: 'repeat', format: 'logfmt', gen: (r, S) => { const p = pw(r, 'safe'); return `level=warn msg="retrying" password=${S(p)} attempt=1 prev_password=${S(p)}`; } },
  { cls: 'repeat', format: 'json', gen: (r, S) => { const t = checksummed(r, 'ghp_'); return `{"msg":"token check","token":"${S(t)}","error":"Bad credentials for ${S(t)}"}`; } },
  { cls: 'repeat', format: 'shell-trace', gen: (r, S) => { const p = pw(r, 'safe'); return `+ mysql -u root -p${S(p)} -e "ALTER USER 'app'@'%' IDENTIFIED BY '${S(p)}'"`; } },
  { cls: 'repeat', format: 'python', gen: (r, S) => { const t = mixed(r, 40); return `${spaceTs(r)} WARNING [sync] api_key=${S(t)} rejected; falling back to cached key ${S(t)}`; } },
  { cls: 'repeat', format: 'env', gen: (r, S) => { const p = pw(r, 'safe'); return `POSTGRES_PASSWORD=${S(p)} DATABASE_URL=postgres://app:${S(p)}@db:5432/app`; } },
  { cls: 'repeat', format: 'curl-v', gen: (r, S) => { const t = 'xoxb-' + r.str(DIG, 12) + '-' + r.str(DIG, 13) + '-' + mixed(r, 24); return `* Using token ${S(t)} > Authorization: Bearer ${S(t)}`; } },
  { cls: 'repeat', format: 'json', gen: (r, S) => { const k = 'sk_live_' + mixed(r, 24); return `{"stripe":{"secret_key":"${S(k)}"},"fallback":{"secret_key":"${S(k)}"}}`; } },
  { cls: 'repeat', format: 'yaml', gen: (r, S) => { const p = pw(r, 'safe'); return `password: ${S(p)}  # same as replication password ${S(p)}`; } },
];

/** Pairs of lines: a secret on line 1, the same secret again later without a key on line 2. */
export const REPEAT_LATER: ((r: Rng) => [{ text: string; secrets: string[] }, { text: string; secrets: string[] }])[] = [
  (r) => {
    const p = pw(r, 'safe');
    const user = u(r);
    return [
      { text: `${spaceTs(r)} INFO [provision] created user=${user} password=${p}`, secrets: [p] },
      { text: `${spaceTs(r)} DEBUG [ssh] running: sshpass -p ${p} ssh ${user}@${ip(r)} uptime`, secrets: [p] },
    ];
  },
  (r) => {
    const t = mixed(r, 40);
    return [
      { text: `SERVICE_API_KEY=${t}`, secrets: [t] },
      { text: `${iso(r)} ERROR request to https://api.${dom(r)}/v2/items failed: 403 Forbidden (key ${t})`, secrets: [t] },
    ];
  },
  (r) => {
    const p = pw(r, 'safe');
    return [
      { text: `{"level":"info","msg":"db connect","password":"${p}"}`, secrets: [p] },
      { text: `{"level":"error","msg":"auth failed for app with ${p}"}`, secrets: [p] },
    ];
  },
  (r) => {
    const t = hex(r, 32);
    return [
      { text: `  auth_token: ${t}`, secrets: [t] },
      { text: `${syslogTs(r)} ${host(r)} notifier[${pid(r)}]: sending with credential ${t}`, secrets: [t] },
    ];
  },
];

void word;
