// Positive templates for blind2: lines that carry at least one secret.
// Decisions documented inline. Every listed secret is an exact substring of the line.
import {
  Rng, ALNUM, DIG, HEX, LOWER, LOWNUM, UPNUM, B64URL, mixed, hex, b64, b64url, b64enc, b64urlenc, uuid, iso, isoNano, spaceTs, plainTs,
  syslogTs, epochMs, ip, USERS, SERVICES, HOSTS, DOMAINS, word, podName, pw, jwt, pemBody, checksummed,
} from '../blind/rng.js';
import { PROVIDERS, type Provider, fieldNames, slug, pascal } from './providers.js';

export interface Gen {
  text: string;
  secrets: string[];
  cls: string;
  format: string;
}
export type Tpl = (r: Rng) => Gen;

const g = (text: string, secrets: string[], cls: string, format: string): Gen => ({ text, secrets, cls, format });
const prov = (r: Rng): Provider => r.pick(PROVIDERS);
const distinctProv = (r: Rng): Provider => r.pick(PROVIDERS.filter((x) => x.distinct));
const user = (r: Rng): string => r.pick(USERS);
const svc = (r: Rng): string => r.pick(SERVICES);
const host = (r: Rng): string => r.pick(HOSTS);
const dom = (r: Rng): string => r.pick(DOMAINS);
const dbHost = (r: Rng): string => r.pick(['db.internal', 'pg-primary.prod.svc.cluster.local', 'mysql-0.mysql', '10.20.3.14', 'orders-db.c9akciq32.eu-west-1.rds.amazonaws.com', 'localhost']);
const dbName = (r: Rng): string => r.pick(['app', 'orders', 'billing', 'analytics', 'warehouse', 'auth', 'inventory']);
const safePw = (r: Rng): string => pw(r, 'safe');
const sessionId = (r: Rng): string => mixed(r, r.pick([32, 40, 48]), ALNUM);
const lvl = (r: Rng): string => r.pick(['INFO', 'DEBUG', 'WARN', 'ERROR']);
const b64pw = (r: Rng): string => b64enc(pw(r));
const goDur = (r: Rng): string => r.pick(['30s', '5s', '1m0s', '10s', '2m30s']);

// ---------------------------------------------------------------- 1. object / config prints
const objects: Tpl[] = [
  // Go %+v
  (r) => { const p = pw(r); return g(`${spaceTs(r, '.')} config loaded: {Host:${dbHost(r)} Port:5432 User:${user(r)} Password:${p} Database:${dbName(r)} SSLMode:require MaxOpenConns:${r.int(5, 50)}}`, [p], 'password', 'go'); },
  (r) => { const p = pw(r, 'safe'); return g(`${iso(r)} ERROR failed to connect to redis: dial tcp ${ip(r)}:6379: i/o timeout opts=&{Network:tcp Addr:redis-master:6379 Username: Password:${p} DB:0 MaxRetries:3 PoolSize:${r.int(10, 100)}}`, [p], 'password', 'go'); },
  // Go %#v
  (r) => { const p = pw(r); return g(`cfg = &config.Database{Driver:"postgres", Host:"${dbHost(r)}", Port:5432, User:"${user(r)}", Password:"${p}", Name:"${dbName(r)}", Timeout:${r.int(1, 30)}000000000}`, [p], 'password', 'go'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${iso(r)} DEBUG ${slug(pv)} client config: &${slug(pv)}.Config{APIKey:"${t}", BaseURL:"https://${pv.host}", Timeout:${r.int(5, 60)}000000000, MaxRetries:${r.int(0, 5)}}`, [t], 'provider', 'go'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`time="${iso(r)}" level=info msg="starting notifier" config="{Listen::${r.int(8000, 9999)} ${pascal(pv)}Token:${t} Debug:false}"`, [t], 'provider', 'go'); },
  // Rust Debug
  (r) => { const p = pw(r, 'safe'); const u = user(r); const url = `postgres://${u}:${p}@${dbHost(r)}:5432/${dbName(r)}`; return g(`[${iso(r)} INFO  ${svc(r)}::config] loaded Settings { database_url: "${url}", listen: ${ip(r)}:8080, workers: ${r.int(1, 16)} }`, [p], 'db-uri', 'rust'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${iso(r)} DEBUG app::startup: Config { ${fieldNames(pv).short}: "${t}", endpoint: "https://${pv.host}", timeout: ${r.int(1, 60)}s, retries: ${r.int(1, 5)} }`, [t], 'provider', 'rust'); },
  (r) => { const p = pw(r); return g(`    password: "${p}",`, [p], 'password', 'rust'); },
  (r) => { const p = pw(r); const u = user(r); return g(`thread 'main' panicked at src/db.rs:${r.int(10, 300)}:${r.int(1, 60)}: connection failed: DbConfig { host: "${dbHost(r)}", port: 5432, user: "${u}", password: "${p}", dbname: "${dbName(r)}" }`, [p], 'password', 'rust'); },
  // Elixir
  (r) => { const p = pw(r); return g(`${plainTs(r)}.${r.int(100, 999)} [error] Postgrex.Protocol (#PID<0.${r.int(200, 999)}.0>) failed to connect: %{hostname: "${dbHost(r)}", username: "${user(r)}", password: "${p}", database: "${dbName(r)}", port: 5432}`, [p], 'password', 'elixir'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${plainTs(r)}.${r.int(100, 999)} [debug] config: [{MyApp.${pascal(pv)}, [api_key: "${t}", base_url: "https://${pv.host}"]}]`, [t], 'provider', 'elixir'); },
  (r) => { const t = sessionId(r); return g(`%MyApp.Integrations.Webhook{id: ${r.int(1, 9999)}, url: "https://hooks.${dom(r)}/in", secret: "${t}", active: true}`, [t], 'webhook', 'elixir'); },
  // Erlang
  (r) => { const t = b64url(r, 40); return g(`=ERROR REPORT==== ${r.int(1, 28)}-Mar-2025::${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)}.${r.int(100, 999)} === auth_client crashed with state #{<<"client_id">> => <<"${svc(r)}-svc">>,<<"token">> => <<"${t}">>,<<"ttl">> => 3600}`, [t], 'token', 'erlang'); },
  (r) => { const p = pw(r, 'safe'); return g(`[{host,"${dbHost(r)}"},{port,5432},{username,"${user(r)}"},{password,"${p}"},{database,"${dbName(r)}"}]`, [p], 'password', 'erlang'); },
  // Kotlin / Scala
  (r) => { const p = pw(r); return g(`${spaceTs(r, '.')} INFO  [main] c.a.${svc(r)}.Application : Loaded DataSourceConfig(url=jdbc:postgresql://${dbHost(r)}:5432/${dbName(r)}, username=${user(r)}, password=${p}, poolSize=${r.int(5, 30)})`, [p], 'password', 'kotlin'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${spaceTs(r, '.')} DEBUG [main] ${pascal(pv)}Properties(${fieldNames(pv).shortCamel}=${t}, baseUrl=https://${pv.host}, connectTimeout=PT${r.int(1, 30)}S)`, [t], 'provider', 'kotlin'); },
  (r) => { const pv = distinctProv(r); const t = pv.gen(r); return g(`[info] application - Starting with ${pascal(pv)}Settings(https://${pv.host},${t},${r.int(5, 60)} seconds,true)`, [t], 'provider', 'scala'); },
  (r) => { const p = pw(r); return g(`[ERROR] [${iso(r)}] [akka.actor.ActorSystemImpl] DbSettings(user = ${user(r)}, password = ${p}, url = jdbc:mysql://${dbHost(r)}:3306/${dbName(r)})`, [p], 'password', 'scala'); },
  // C#
  (r) => { const p = pw(r); return g(`${spaceTs(r, '.')} [DBG] Options bound: SmtpOptions { Host = smtp.${dom(r)}, Port = 587, UserName = noreply@${dom(r)}, Password = ${p}, EnableSsl = True }`, [p], 'password', 'csharp'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`info: ${pascal(pv)}.Client[0] Creating client with { ApiKey = ${t}, Region = ${r.pick(['us', 'eu', 'ap'])} }`, [t], 'provider', 'csharp'); },
  (r) => { const p = pw(r, 'safe'); return g(`fail: Microsoft.EntityFrameworkCore.Database.Connection[20004] An error occurred using the connection to database '${dbName(r)}' on server 'tcp:${svc(r)}.database.windows.net,1433'. ConnectionString: Server=tcp:${svc(r)}.database.windows.net,1433;Initial Catalog=${dbName(r)};User ID=${user(r)};Password=${p};Encrypt=True;`, [p], 'password', 'csharp'); },
  // PHP
  (r) => { const p = pw(r); return g(`    [password] => ${p}`, [p], 'password', 'php'); },
  (r) => { const p = pw(r); return g(`  ["password"]=> string(${p.length}) "${p}"`, [p], 'password', 'php'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`[${plainTs(r)}] production.DEBUG: services config array ( '${slug(pv)}' => array ( 'key' => '${t}', 'endpoint' => 'https://${pv.host}', ), )`, [t], 'provider', 'php'); },
  (r) => { const p = pw(r); return g(`PHP Warning:  mysqli::__construct(): (HY000/1045): Access denied; params: Array ( [host] => ${dbHost(r)} [user] => ${user(r)} [pass] => ${p} [db] => ${dbName(r)} )`, [p], 'password', 'php'); },
  // Perl
  (r) => { const p = pw(r); return g(`$VAR1 = { 'dsn' => 'dbi:Pg:dbname=${dbName(r)};host=${dbHost(r)}', 'user' => '${user(r)}', 'password' => '${p}', 'AutoCommit' => 1 };`, [p], 'password', 'perl'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`          '${fieldNames(pv).snake}' => '${t}',`, [t], 'provider', 'perl'); },
  // Lua
  (r) => { const p = pw(r); return g(`${plainTs(r)} [debug] ${r.int(100, 9999)}#0: *${r.int(1, 9999)} [lua] init.lua:${r.int(10, 200)}: redis opts: { host = "${dbHost(r)}", port = 6379, password = "${p}", timeout = 1000 }`, [p], 'password', 'lua'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`{ api_key = "${t}", provider = "${slug(pv)}", retries = ${r.int(1, 5)} }`, [t], 'provider', 'lua'); },
  // Swift
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${iso(r)} [Debug] [${pascal(pv)}] ${pascal(pv)}Configuration(apiKey: "${t}", environment: .production, timeout: ${r.int(10, 60)}.0)`, [t], 'provider', 'swift'); },
  (r) => { const t = jwt(r); return g(`  - accessToken: "${t}"`, [t], 'jwt', 'swift'); },
  // Clojure
  (r) => { const p = pw(r); return g(`${spaceTs(r, ',')} INFO  app.system - starting with config {:db-host "${dbHost(r)}", :db-user "${user(r)}", :db-password "${p}", :http-port ${r.int(3000, 9000)}}`, [p], 'password', 'clojure'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`{:${slug(pv)}/api-key "${t}", :${slug(pv)}/endpoint "https://${pv.host}"}`, [t], 'provider', 'clojure'); },
  // Haskell
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`Config {cfgPort = ${r.int(3000, 9000)}, cfg${pascal(pv)}Key = "${t}", cfgEnv = Production}`, [t], 'provider', 'haskell'); },
  (r) => { const p = pw(r); return g(`ConnectInfo {connectHost = "${dbHost(r)}", connectPort = 5432, connectUser = "${user(r)}", connectPassword = "${p}", connectDatabase = "${dbName(r)}"}`, [p], 'password', 'haskell'); },
  // Python / Ruby / Java / Node reprs
  (r) => { const p = pw(r); return g(`${spaceTs(r)} DEBUG settings: Settings(debug=False, db_host='${dbHost(r)}', db_user='${user(r)}', db_password='${p}', workers=${r.int(1, 8)})`, [p], 'password', 'python'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${spaceTs(r)} ERROR ${slug(pv)}.client: request failed for <${pascal(pv)}Client api_key='${t}' base_url='https://${pv.host}'>`, [t], 'provider', 'python'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`I, [${iso(r)} #${r.int(100, 9999)}]  INFO -- : #<${pascal(pv)}::Client:0x000${hex(r, 13)} @api_key="${t}", @timeout=${r.int(5, 60)}>`, [t], 'provider', 'ruby'); },
  (r) => { const p = pw(r); return g(`{:adapter=>"postgresql", :host=>"${dbHost(r)}", :username=>"${user(r)}", :password=>"${p}", :database=>"${dbName(r)}"}`, [p], 'password', 'ruby'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${spaceTs(r, '.')} INFO 1 --- [main] c.a.config.Beans : ${pascal(pv)}Config{apiKey='${t}', endpoint='https://${pv.host}', timeoutMs=${r.int(1000, 30000)}}`, [t], 'provider', 'java'); },
  (r) => { const p = pw(r); return g(`${spaceTs(r, '.')} WARN  [main] o.a.c.Startup - MailConfig[host=smtp.${dom(r)}, port=587, username=${user(r)}, password=${p}]`, [p], 'password', 'java'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${iso(r)} [${svc(r)}] init { apiKey: '${t}', host: '${pv.host}', retries: ${r.int(1, 5)} }`, [t], 'provider', 'node'); },
];

// ---------------------------------------------------------------- 2. infra and tooling output
const CERT_B64 = (r: Rng): string => b64enc(`-----BEGIN CERTIFICATE-----\nMIID${b64(r, 60)}\n${b64(r, 64)}\n-----END CERTIFICATE-----\n`);
const KEY_B64 = (r: Rng): string => b64enc(`-----BEGIN RSA PRIVATE KEY-----\n${pemBody(r, 'rsa').slice(0, 3).join('\n')}\n`);

const infra: Tpl[] = [
  // Terraform: values Terraform does NOT hide (attribute not marked sensitive)
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`          + "${pv.env}" = "${t}"`, [t], 'provider', 'terraform'); },
  (r) => { const p = pw(r, 'safe'); return g(`      + connection_string = "Server=tcp:${svc(r)}-sql.database.windows.net,1433;Database=${dbName(r)};User ID=${user(r)};Password=${p};Encrypt=true;"`, [p], 'password', 'terraform'); },
  (r) => { const k = `AKIA${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`; return g(`aws_iam_access_key.${svc(r)}_ci: Creation complete after 1s [id=${k}]`, [k], 'cloud-cred', 'terraform'); },
  (r) => { const o = pw(r); const p = pw(r); return g(`      ~ value = "${o}" -> "${p}"`, [o, p], 'password', 'terraform'); },
  (r) => { const t = b64(r, 40); return g(`${iso(r)} [DEBUG] provider.terraform-provider-aws_v5.${r.int(10, 80)}.0_x5: HTTP Request Sent: aws.region=eu-west-1 http.request.header.x_amz_security_token=${'IQoJb3JpZ2luX2Vj'}${t} rpc.method=GetCallerIdentity`, ['IQoJb3JpZ2luX2Vj' + t], 'cloud-cred', 'terraform'); },
  // Ansible -vvv
  (r) => { const p = pw(r); const u = user(r); return g(`changed: [${host(r)}] => (item={'name': '${u}', 'password': '${p}'}) => {"ansible_loop_var": "item", "changed": true, "item": {"name": "${u}", "password": "${p}"}}`, [p, p], 'password', 'ansible'); },
  (r) => { const t = prov(r); const v = t.gen(r); return g(`fatal: [${host(r)}]: FAILED! => {"changed": false, "connection": "close", "msg": "Status code was 401 and not [200]: HTTP Error 401: Unauthorized", "invocation": {"module_args": {"url": "https://${t.host}/v1/deploy", "headers": {"Authorization": "Bearer ${v}"}, "method": "POST"}}}`, [v], 'provider', 'ansible'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`ok: [${host(r)}] => {"ansible_facts": {"${fieldNames(pv).snake}": "${t}"}, "changed": false}`, [t], 'provider', 'ansible'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`<${ip(r)}> EXEC /bin/sh -c '${pv.env}=${t} /usr/bin/python3 /home/deploy/.ansible/tmp/ansible-tmp-${epochMs(r)}/AnsiballZ_command.py && sleep 0'`, [t], 'provider', 'ansible'); },
  // Helm --debug
  (r) => { const p = pw(r, 'safe'); return g(`  postgresPassword: ${p}`, [p], 'password', 'helm'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`    ${fieldNames(pv).camel}: ${t}`, [t], 'provider', 'helm'); },
  (r) => { const p = safePw(r); const u = user(r); return g(`  DATABASE_URL: postgresql://${u}:${p}@${dbHost(r)}:5432/${dbName(r)}?sslmode=require`, [p], 'db-uri', 'helm'); },
  // kubectl get secret -o yaml: base64 under data: IS the secret (base64 is an encoding, not protection) -> must be masked.
  (r) => { const v = b64pw(r); return g(`  ${r.pick(['password', 'db-password', 'POSTGRES_PASSWORD', 'redis-password', 'admin-password'])}: ${v}`, [v], 'k8s-b64', 'kubectl'); },
  (r) => { const pv = prov(r); const v = b64enc(pv.gen(r)); return g(`  ${r.pick(['api-key', 'token', pv.env, 'apiKey'])}: ${v}`, [v], 'k8s-b64', 'kubectl'); },
  (r) => { const auth = b64enc(`${user(r)}:${pw(r)}`); const v = b64enc(`{"auths":{"registry.${dom(r)}":{"username":"ci","password":"x","auth":"${auth}"}}}`); return g(`  .dockerconfigjson: ${v}`, [v], 'k8s-b64', 'kubectl'); },
  // tls.key in a Secret / client-key-data in a kubeconfig: private key -> must be masked
  (r) => { const v = KEY_B64(r); return g(`  tls.key: ${v}`, [v], 'private-key', 'kubectl'); },
  (r) => { const v = KEY_B64(r); return g(`    client-key-data: ${v}`, [v], 'private-key', 'kubectl'); },
  (r) => { const t = jwt(r); return g(`    token: ${t}`, [t], 'jwt', 'kubectl'); },
  (r) => { const p = pw(r, 'safe'); const v = b64enc(p); return g(`      {"apiVersion":"v1","data":{"password":"${v}","username":"${b64enc(user(r))}"},"kind":"Secret","metadata":{"annotations":{},"name":"${svc(r)}-db","namespace":"prod"},"type":"Opaque"}`, [v], 'k8s-b64', 'kubectl'); },
  (r) => { const p = pw(r); return g(`${r.pick(['DB_PASSWORD', 'SPRING_DATASOURCE_PASSWORD', 'PGPASSWORD', 'ADMIN_PASSWORD'])}=${p}`, [p], 'password', 'kubectl'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`{"name":"${pv.env}","value":"${t}"}`, [t], 'provider', 'kubectl'); },
  // docker
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`                "${pv.env}=${t}",`, [t], 'provider', 'docker'); },
  (r) => { const p = pw(r); return g(`            "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "POSTGRES_PASSWORD=${p}", "PGDATA=/var/lib/postgresql/data"],`, [p], 'password', 'docker'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`      ${pv.env}: ${t}`, [t], 'provider', 'docker'); },
  (r) => { const p = pw(r, 'safe'); return g(`      MYSQL_ROOT_PASSWORD: ${p}`, [p], 'password', 'docker'); },
  (r) => { const p = pw(r); return g(`#12 [build 4/9] RUN --mount=type=cache,target=/root/.cache pip config set global.index-url https://__token__:${p}@pypi.${dom(r)}/simple`, [p], 'password', 'docker'); },
  // AWS CLI --debug
  (r) => { const k = `ASIA${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`; const t = `IQoJb3JpZ2luX2VjE${b64(r, 300)}`; return g(`${plainTs(r)},${r.int(100, 999)} - MainThread - botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=https://sts.amazonaws.com/, headers={'X-Amz-Security-Token': b'${t}', 'Authorization': b'AWS4-HMAC-SHA256 Credential=${k}/20250311/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=${hex(r, 64)}'}>`, [t, k], 'cloud-cred', 'aws-cli'); },
  (r) => { const s = b64(r, 40); return g(`${plainTs(r)},${r.int(100, 999)} - MainThread - awscli.clidriver - DEBUG - Arguments entered to CLI: ['configure', 'set', 'aws_secret_access_key', '${s}', '--profile', 'ci']`, [s], 'cloud-cred', 'aws-cli'); },
  (r) => { const s = b64(r, 40); const k = `AKIA${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`; return g(`    "AccessKey": { "UserName": "${user(r)}", "AccessKeyId": "${k}", "Status": "Active", "SecretAccessKey": "${s}", "CreateDate": "${iso(r)}" }`, [k, s], 'cloud-cred', 'aws-cli'); },
  // gcloud --log-http
  (r) => { const t = `ya29.a0${b64url(r, 150)}`; return g(`{"access_token": "${t}", "expires_in": 3599, "scope": "https://www.googleapis.com/auth/cloud-platform", "token_type": "Bearer"}`, [t], 'oauth', 'gcloud'); },
  (r) => { const t = `ya29.c.${b64url(r, 180)}`; return g(`b'authorization': b'Bearer ${t}'`, [t], 'oauth', 'gcloud'); },
  (r) => { const k = pemBody(r, 'pkcs8').join('\\n'); return g(`  "private_key": "-----BEGIN PRIVATE KEY-----\\n${k}\\n-----END PRIVATE KEY-----\\n",`, [k], 'private-key', 'gcloud'); },
  // Azure CLI --debug
  (r) => { const pv = PROVIDERS.find((x) => x.env === 'AZURE_CLIENT_SECRET')!; const s = pv.gen(r); return g(`cli.knack.cli: Command arguments: ['login', '--service-principal', '-u', '${uuid(r)}', '-p', '${s}', '--tenant', '${uuid(r)}', '--debug']`, [s], 'cloud-cred', 'azure-cli'); },
  (r) => { const k = `${b64(r, 86)}==`; return g(`cli.azure.cli.core.sdk.policies: Response content: {"keys":[{"creationTime":"${iso(r)}","keyName":"key1","value":"${k}","permissions":"FULL"}]}`, [k], 'cloud-cred', 'azure-cli'); },
  (r) => { const k = `${b64(r, 86)}==`; const a = `${svc(r)}store${r.int(1, 99)}`; return g(`DefaultEndpointsProtocol=https;AccountName=${a};AccountKey=${k};EndpointSuffix=core.windows.net`, [k], 'cloud-cred', 'azure-cli'); },
  (r) => { const sig = encodeURIComponent(b64(r, 43) + '='); return g(`${iso(r)} INFO uploading blob https://${svc(r)}store.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=rwdlac&se=2025-12-31T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig=${sig}`, [sig], 'cloud-cred', 'url'); },
  // Jenkins console (secret not bound through credentials(), so not masked)
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`+ curl -sSf -H 'Authorization: Bearer ${t}' https://${pv.host}/v1/releases`, [t], 'provider', 'jenkins'); },
  (r) => { const p = pw(r, 'safe'); return g(`+ docker login -u ${user(r)} -p ${p} registry.${dom(r)}`, [p], 'password', 'jenkins'); },
  (r) => { const t = checksummed(r, 'ghp_'); return g(` > git fetch --tags --force --progress -- https://${user(r)}:${t}@github.com/acme/${svc(r)}.git +refs/heads/*:refs/remotes/origin/* # timeout=10`, [t], 'provider', 'jenkins'); },
  // Argo CD
  (r) => { const t = checksummed(r, 'ghs_'); return g(`time="${iso(r)}" level=error msg="failed to fetch" repo="https://x-access-token:${t}@github.com/acme/deploy.git" revision=HEAD`, [t], 'provider', 'argocd'); },
  (r) => { const p = pw(r, 'safe'); return g(`argocd repo add https://git.${dom(r)}/platform/charts.git --username ${user(r)} --password ${p}`, [p], 'password', 'argocd'); },
  // Airflow
  (r) => { const p = safePw(r); return g(`AIRFLOW_CONN_${r.pick(['POSTGRES_DEFAULT', 'WAREHOUSE', 'MYSQL_ETL', 'REPORTING_DB'])}='postgresql://${user(r)}:${p}@${dbHost(r)}:5432/${dbName(r)}'`, [p], 'db-uri', 'airflow'); },
  (r) => { const p = safePw(r); const u = user(r); const h = dbHost(r); const d = dbName(r); return g(`${r.int(1, 40)} | ${r.pick(['warehouse', 'pg_reporting', 'mysql_etl'])} | postgres | | ${h} | ${d} | ${u} | ${p} | 5432 | True | False | {} | postgres://${u}:${p}@${h}:5432/${d}`, [p, p], 'password', 'airflow'); },
  (r) => { const k = `AKIA${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`; const s = mixed(r, 40); return g(`[{"id": "${r.int(1, 99)}", "conn_id": "aws_default", "conn_type": "aws", "description": "", "host": "", "schema": "", "login": "${k}", "password": "${s}", "port": null, "is_encrypted": "True", "is_extra_encrypted": "True", "extra_dejson": {"region_name": "eu-west-1"}, "get_uri": "aws://${k}:${s}@/?region_name=eu-west-1"}]`, [k, s, k, s], 'cloud-cred', 'airflow'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`  "${slug(pv)}_api_key": "${t}",`, [t], 'provider', 'airflow'); },
  // dbt profiles.yml
  (r) => { const p = pw(r); return g(`      password: "${p}"`, [p], 'password', 'dbt'); },
  (r) => { const p = pw(r, 'safe'); return g(`      private_key_passphrase: ${p}`, [p], 'password', 'dbt'); },
  (r) => { const t = `dapi${hex(r, 32)}`; return g(`      token: ${t}`, [t], 'provider', 'dbt'); },
  // Spark conf dump
  (r) => { const s = b64(r, 40); return g(`spark.hadoop.fs.s3a.secret.key=${s}`, [s], 'cloud-cred', 'spark'); },
  (r) => { const k = `${b64(r, 86)}==`; return g(`(spark.hadoop.fs.azure.account.key.${svc(r)}lake.dfs.core.windows.net,${k})`, [k], 'cloud-cred', 'spark'); },
  (r) => { const p = safePw(r); return g(`${plainTs(r)} INFO SparkContext: spark.jdbc.url=jdbc:postgresql://${dbHost(r)}:5432/${dbName(r)}?user=${user(r)}&password=${p}`, [p], 'password', 'spark'); },
  // Kafka Connect connector configs
  (r) => { const p = pw(r); return g(`{"name":"${dbName(r)}-sink","config":{"connector.class":"io.confluent.connect.jdbc.JdbcSinkConnector","connection.url":"jdbc:postgresql://${dbHost(r)}:5432/${dbName(r)}","connection.user":"${user(r)}","connection.password":"${p}","topics":"orders","tasks.max":"${r.int(1, 8)}"}}`, [p], 'password', 'kafka-connect'); },
  (r) => { const s = b64(r, 64); const k = r.str(UPNUM, 16); return g(`	sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username="${k}" password="${s}";`, [s], 'cloud-cred', 'kafka-connect'); },
  (r) => { const p = pw(r, 'safe'); return g(`sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${user(r)}" password="${p}";`, [p], 'password', 'kafka-connect'); },
  (r) => { const p = pw(r); return g(`	ssl.keystore.password = ${p}`, [p], 'password', 'kafka-connect'); },
  // ORM bound parameters
  (r) => { const t = b64url(r, 43); return g(`${spaceTs(r)} INFO sqlalchemy.engine.Engine [generated in 0.000${r.int(10, 99)}s] {'api_token': '${t}', 'users_id': ${r.int(1, 99999)}}`, [t], 'token', 'orm'); },
  (r) => { const pv = distinctProv(r); const t = pv.gen(r); return g(`${spaceTs(r, '.')} TRACE [http-nio-8080-exec-${r.int(1, 20)}] org.hibernate.orm.jdbc.bind : binding parameter (${r.int(1, 6)}:VARCHAR) <- [${t}]`, [t], 'provider', 'orm'); },
  (r) => { const p = pw(r); return g(`D, [${iso(r)} #${r.int(100, 9999)}] DEBUG -- :   User Update (0.${r.int(3, 9)}ms)  UPDATE "users" SET "smtp_password" = $1 WHERE "users"."id" = $2  [["smtp_password", "${p}"], ["id", ${r.int(1, 9999)}]]`, [p], 'password', 'orm'); },
  // JDBC driver traces
  (r) => { const p = safePw(r); return g(`${spaceTs(r, '.')} FINE org.postgresql.Driver connect: Connecting with URL: jdbc:postgresql://${dbHost(r)}:5432/${dbName(r)}?user=${user(r)}&password=${p}&ssl=true`, [p], 'password', 'jdbc'); },
  (r) => { const p = safePw(r); return g(`jdbc:sqlserver://${svc(r)}.database.windows.net:1433;databaseName=${dbName(r)};user=${user(r)};password=${p};encrypt=true;loginTimeout=30;`, [p], 'password', 'jdbc'); },
  (r) => { const p = safePw(r); return g(`${spaceTs(r, '.')} ERROR HikariPool-1 - Exception during pool initialization: jdbc:oracle:thin:${user(r)}/${p}@//${dbHost(r)}:1521/ORCLPDB1`, [p], 'password', 'jdbc'); },
  (r) => { const p = safePw(r); return g(`jdbc:mysql://${user(r)}:${p}@${dbHost(r)}:3306/${dbName(r)}?useSSL=true&serverTimezone=UTC`, [p], 'password', 'jdbc'); },
  // Redis MONITOR (pre-6.2 servers print AUTH args) and client debug
  (r) => { const p = pw(r, 'safe'); return g(`${(epochMs(r) / 1000).toFixed(6)} [0 ${ip(r)}:${r.int(30000, 60000)}] "AUTH" "${p}"`, [p], 'password', 'redis'); },
  (r) => { const p = pw(r, 'safe'); return g(`${(epochMs(r) / 1000).toFixed(6)} [0 ${ip(r)}:${r.int(30000, 60000)}] "AUTH" "${user(r)}" "${p}"`, [p], 'password', 'redis'); },
  (r) => { const p = pw(r, 'safe'); return g(`  ioredis:redis write command[${ip(r)}:6379]: 0 -> auth([ '${p}' ]) +0ms`, [p], 'password', 'redis'); },
  (r) => { const p = safePw(r); return g(`redis://default:${p}@${svc(r)}-cache.${r.str(LOWNUM, 6)}.0001.euw1.cache.amazonaws.com:6379/0`, [p], 'db-uri', 'redis'); },
  // RabbitMQ / AMQP
  (r) => { const p = safePw(r); return g(`${spaceTs(r)} INFO kombu.mixins Connected to amqp://${user(r)}:${p}@rabbitmq.${dom(r)}:5672/${r.pick(['%2F', 'prod', 'jobs'])}`, [p], 'db-uri', 'amqp'); },
  (r) => { const p = safePw(r); return g(`CELERY_BROKER_URL=amqps://${user(r)}:${p}@b-${uuid(r)}.mq.eu-west-1.amazonaws.com:5671`, [p], 'db-uri', 'amqp'); },
  // LDAP
  (r) => { const p = pw(r); return g(`*** <ldap.ldapobject.SimpleLDAPObject object at 0x7f${hex(r, 10)}> ldap://ldap.${dom(r)}:389 - SimpleLDAPObject.simple_bind_s(('cn=${user(r)},ou=services,dc=corp,dc=local', '${p}'),{'serverctrls': None, 'clientctrls': None})`, [p], 'password', 'ldap'); },
  (r) => { const p = pw(r); return g(`${spaceTs(r, '.')} DEBUG [main] o.s.l.c.s.AbstractContextSource : AuthenticationSource: principal=cn=admin,dc=corp,dc=local credentials=${p}`, [p], 'password', 'ldap'); },
  (r) => { const p = pw(r); return g(`ldapsearch -x -H ldaps://ldap.${dom(r)} -D "uid=${user(r)},ou=people,dc=corp,dc=local" -w '${p}' -b "dc=corp,dc=local" "(objectClass=group)"`, [p], 'password', 'ldap'); },
  // SMTP / IMAP / FTP
  (r) => { const u = `${user(r)}@${dom(r)}`; const v = b64enc(`\0${u}\0${pw(r)}`); return g(`send: 'AUTH PLAIN ${v}\\r\\n'`, [v], 'basic-auth', 'smtp'); },
  (r) => { const v = b64enc(pw(r)); return g(`C: ${v}`, [v], 'basic-auth', 'smtp'); },
  (r) => { const v = b64enc(`\0${user(r)}\0${pw(r)}`); return g(`${plainTs(r)} [${r.int(1000, 9999)}] > AUTH PLAIN ${v}`, [v], 'basic-auth', 'smtp'); },
  (r) => { const p = pw(r); return g(`a001 LOGIN ${user(r)}@${dom(r)} "${p}"`, [p], 'password', 'imap'); },
  (r) => { const p = pw(r, 'safe'); return g(`> PASS ${p}`, [p], 'password', 'ftp'); },
  (r) => { const p = pw(r, 'safe'); return g(`${plainTs(r)} ftplib DEBUG *cmd* 'PASS ${p}'`, [p], 'password', 'ftp'); },
  (r) => { const t = `ya29.${b64url(r, 120)}`; const v = b64enc(`user=${user(r)}@gmail.com\x01auth=Bearer ${t}\x01\x01`); return g(`C: AUTHENTICATE XOAUTH2 ${v}`, [v], 'oauth', 'imap'); },
];

// ---------------------------------------------------------------- OAuth flows, webhooks, HAR, mitmproxy
const oauthCode = (r: Rng): string => r.pick([() => `4/0A${b64url(r, 70)}`, () => b64url(r, 43), () => mixed(r, 32)])();
const refresh = (r: Rng): string => r.pick([() => `1//0${b64url(r, 100)}`, () => b64url(r, 64), () => `v1.${b64url(r, 140)}`])();
const clientSecret = (r: Rng): string => r.pick([() => `GOCSPX-${b64url(r, 28)}`, () => b64url(r, 40), () => hex(r, 40)])();

const flows: Tpl[] = [
  (r) => { const c = oauthCode(r); const s = clientSecret(r); return g(`POST /oauth/token body: grant_type=authorization_code&code=${c}&redirect_uri=https%3A%2F%2Fapp.${dom(r)}%2Fcallback&client_id=${svc(r)}-web&client_secret=${s}`, [c, s], 'oauth', 'oauth-http'); },
  (r) => { const t = refresh(r); const s = clientSecret(r); return g(`${spaceTs(r)} DEBUG requests_oauthlib.oauth2_session Requesting url https://oauth2.googleapis.com/token using method POST. body: grant_type=refresh_token&refresh_token=${t}&client_id=${r.str(DIG, 12)}-${r.str(LOWNUM, 32)}.apps.googleusercontent.com&client_secret=${s}`, [t, s], 'oauth', 'oauth-http'); },
  (r) => { const a = jwt(r); const t = refresh(r); return g(`{"access_token":"${a}","token_type":"Bearer","expires_in":3600,"refresh_token":"${t}","scope":"openid profile email"}`, [a, t], 'oauth', 'oauth-http'); },
  (r) => { const c = oauthCode(r); return g(`${ip(r)} - - [${r.int(10, 28)}/Mar/2025:${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)} +0000] "GET /auth/callback?code=${c}&state=${b64url(r, 22)} HTTP/1.1" 302 0 "-" "Mozilla/5.0"`, [c], 'oauth', 'oauth-http'); },
  (r) => { const v = b64url(r, 64); return g(`token request: grant_type=authorization_code&code_verifier=${v}&client_id=mobile-app&redirect_uri=com.acme.app%3A%2Foauth`, [v], 'oauth', 'oauth-http'); },
  (r) => { const s = clientSecret(r); return g(`${iso(r)} WARN  oidc: discovery ok issuer=https://auth.${dom(r)}/ client_id=${svc(r)} client_secret=${s} scopes=openid,email`, [s], 'oauth', 'oauth-http'); },
  (r) => { const id = jwt(r); return g(`id_token=${id}&session_state=${uuid(r)}`, [id], 'jwt', 'oauth-http'); },
  (r) => { const b = b64enc(`${svc(r)}-client:${clientSecret(r)}`); return g(`Authorization: Basic ${b}`, [b], 'basic-auth', 'oauth-http'); },
  // webhook signing secrets
  (r) => { const s = `whsec_${mixed(r, 32)}`; return g(`${iso(r)} INFO stripe listen: Ready! Your webhook signing secret is ${s} (^C to quit)`, [s], 'webhook', 'prose'); },
  (r) => { const s = `whsec_${b64(r, 32)}`; return g(`SVIX_WEBHOOK_SECRET=${s}`, [s], 'webhook', 'env'); },
  (r) => { const s = `whsec_${mixed(r, 32)}`; return g(`${spaceTs(r)} ERROR webhooks: signature verification failed (secret=${s}, tolerance=300s)`, [s], 'webhook', 'prose'); },
  (r) => { const id = r.str(DIG, 18); const t = b64url(r, 68); return g(`${iso(r)} alert sent to https://discord.com/api/webhooks/${id}/${t}`, [t], 'webhook', 'url'); },
  (r) => { const t = `T${r.str(UPNUM, 10)}/B${r.str(UPNUM, 10)}/${mixed(r, 24)}`; return g(`notify: POST https://hooks.slack.com/services/${t} -> 200`, [t], 'webhook', 'url'); },
  (r) => { const s = hex(r, 40); return g(`GITHUB_WEBHOOK_SECRET=${s}`, [s], 'webhook', 'env'); },
  // HAR
  (r) => { const t = jwt(r); return g(`          { "name": "Authorization", "value": "Bearer ${t}" },`, [t], 'jwt', 'har'); },
  (r) => { const s = sessionId(r); return g(`          { "name": "Cookie", "value": "_ga=GA1.2.${r.str(DIG, 9)}.${r.str(DIG, 10)}; sessionid=${s}; theme=dark" },`, [s], 'session', 'har'); },
  (r) => { const p = pw(r, 'safe'); return g(`        "postData": { "mimeType": "application/x-www-form-urlencoded", "text": "username=${user(r)}&password=${p}&remember=1" },`, [p], 'password', 'har'); },
  (r) => { const s = sessionId(r); return g(`            { "name": "set-cookie", "value": "__Host-session=${s}; Path=/; Secure; HttpOnly; SameSite=Lax" },`, [s], 'session', 'har'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`          { "name": "x-api-key", "value": "${t}" },`, [t], 'provider', 'har'); },
  // mitmproxy
  (r) => { const b = b64enc(`${user(r)}:${pw(r)}`); return g(`    Authorization: Basic ${b}`, [b], 'basic-auth', 'mitmproxy'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${ip(r)}:${r.int(30000, 60000)}: GET https://${pv.host}/v2/items?api_key=${t}&limit=50`, [t], 'provider', 'mitmproxy'); },
  (r) => { const s = sessionId(r); return g(`    cookie: PHPSESSID=${s.slice(0, 26).toLowerCase()}; lang=en`, [s.slice(0, 26).toLowerCase()], 'session', 'mitmproxy'); },
  (r) => { const p = pw(r, 'safe'); return g(`    {"email": "${user(r)}@${dom(r)}", "password": "${p}"}`, [p], 'password', 'mitmproxy'); },
];

// ---------------------------------------------------------------- 3. provider long tail in varied wordings
const providerCtx: Tpl[] = [
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${pv.env}=${t}`, [t], 'provider', 'env'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`export ${pv.env}="${t}"`, [t], 'provider', 'env'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${slug(pv)}.${fieldNames(pv).shortCamel}: ${t}`, [t], 'provider', 'yaml'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${slug(pv)}.${fieldNames(pv).short.replace(/_/g, '-')}=${t}`, [t], 'provider', 'properties'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${iso(r)} DEBUG wiring: new ${pascal(pv)}Client("${t}")`, [t], 'provider', 'prose'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${spaceTs(r)} INFO Using ${pv.name} key ${t}`, [t], 'provider', 'prose'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`[${svc(r)}] ${pv.name} token loaded: ${t} (source=env)`, [t], 'provider', 'prose'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${iso(r)} WARN initialising ${pv.name} SDK with credentials ${t} in production mode`, [t], 'provider', 'prose'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${iso(r)} ERROR ${pv.name} rejected key "${t}": 401 Unauthorized`, [t], 'provider', 'prose'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); const q = r.pick(['api_key', 'key', 'apikey', 'access_token', 'token', 'auth']); return g(`${iso(r)} GET https://${pv.host}/v1/${r.pick(['events', 'search', 'status', 'geocode'])}?${q}=${encodeURIComponent(t)}&page=${r.int(1, 9)} 200 ${r.int(10, 900)}ms`, [encodeURIComponent(t)], 'provider', 'url'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${fieldNames(pv).snake}: "${t}"`, [t], 'provider', 'yaml'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`  "${fieldNames(pv).camel}": "${t}",`, [t], 'provider', 'json'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${pv.name.toLowerCase()}_secret = '${t}'`, [t], 'provider', 'toml'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${spaceTs(r)} [${svc(r)}] POST https://${pv.host}/ headers={'Authorization': 'Bearer ${t}', 'Content-Type': 'application/json'}`, [t], 'provider', 'python'); },
  (r) => { const pv = distinctProv(r); const t = pv.gen(r); return g(`${iso(r)} ${lvl(r)} retrying request (attempt ${r.int(2, 5)}) with ${t}`, [t], 'provider', 'prose'); },
  (r) => { const pv = distinctProv(r); const t = pv.gen(r); return g(`${(epochMs(r) / 1000).toFixed(6)} [0 ${ip(r)}:${r.int(30000, 60000)}] "SET" "config:${slug(pv)}" "${t}"`, [t], 'provider', 'redis'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${syslogTs(r)} ${host(r)} ${svc(r)}[${r.int(100, 40000)}]: env ${pv.env}=${t} PORT=8080`, [t], 'provider', 'syslog'); },
  (r) => { const pv = prov(r); const t = pv.gen(r); return g(`${isoNano(r)} stdout F {"level":"debug","msg":"client init","provider":"${slug(pv)}","${fieldNames(pv).shortCamel}":"${t}"}`, [t], 'provider', 'json'); },
];

export const POSITIVE_GROUPS: { name: string; tpls: Tpl[]; weight: number }[] = [
  { name: 'objects', tpls: objects, weight: 0.33 },
  { name: 'infra', tpls: infra, weight: 0.37 },
  { name: 'flows', tpls: flows, weight: 0.12 },
  { name: 'providerCtx', tpls: providerCtx, weight: 0.18 },
];

export const POSITIVE_TEMPLATE_COUNT = objects.length + infra.length + flows.length + providerCtx.length;

// keep unused-import linting quiet for helpers reserved for future templates
void [HEX, LOWER, B64URL, b64urlenc, goDur, word, podName];
