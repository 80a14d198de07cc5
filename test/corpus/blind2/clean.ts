// Clean templates for blind2: lines in the same formats that carry NO secret and must come back unchanged.
//
// Decisions (what is NOT a secret here):
//  - Terraform `(sensitive value)`, `<sensitive>`, `(known after apply)`; Ansible `censored` / VALUE_SPECIFIED_IN_NO_LOG_PARAMETER;
//    Spark `*********(redacted)`; Kafka `[hidden]`; Hikari `<masked>`; Airflow `***`; Redis 6.2+ MONITOR `(redacted)`; Azure CLI `'*****'`.
//  - hashes / digests / checksums / ETags / SRI integrity strings, commit SHAs, image digests.
//  - resource identifiers: ARNs, GCP resource names (even `.../secrets/db-password/versions/3`), Azure resource ids,
//    k8s uid / resourceVersion, request / trace / correlation ids, Stripe object ids (cus_, pi_, evt_, acct_), AWS unique ids (AIDA…),
//    Twilio Account SIDs (AC…), GCP service-account `private_key_id` (a key *id*, the key itself is listed as a secret elsewhere).
//  - public material: CA bundles (`caBundle`, `certificate-authority-data`, `tls.crt`, `ca.crt` = base64 PEM CERTIFICATE),
//    SSH public keys and key fingerprints, JWKS `n`/`e`, Stripe publishable keys (pk_live_…) and Mapbox public tokens (pk.…), which
//    providers document as safe to embed in clients.
//  - OAuth `state`, `nonce`, `code_challenge` (a hash of the verifier), `expires_in`, `token_type`, `scope`; webhook *signatures*
//    (`Stripe-Signature: t=…,v1=…`, `X-Hub-Signature-256: sha256=…`) — an HMAC over one payload, not a reusable credential.
//  - SMTP server prompts `334 VXNlcm5hbWU6` / `334 UGFzc3dvcmQ6` ("Username:" / "Password:"), and the base64 *username* line is not listed
//    anywhere as a secret (it is not generated in clean lines either, to stay unambiguous).
//  - templated references to secrets (`{{ env_var('DBT_PASSWORD') }}`, `${DB_PASSWORD}`, `secretKeyRef`), empty/null/boolean password fields.
import {
  Rng, ALNUM, DIG, HEX, LOWNUM, UPNUM, mixed, hex, b64, b64url, b64enc, uuid, iso, isoNano, spaceTs, plainTs, syslogTs, epochMs, ip,
  USERS, SERVICES, HOSTS, DOMAINS, word, podName,
} from '../blind/rng.js';
import type { Gen, Tpl } from './positive.js';

const g = (text: string, cls: string, format: string): Gen => ({ text, secrets: [], cls, format });
const user = (r: Rng): string => r.pick(USERS);
const svc = (r: Rng): string => r.pick(SERVICES);
const host = (r: Rng): string => r.pick(HOSTS);
const dom = (r: Rng): string => r.pick(DOMAINS);
const dbHost = (r: Rng): string => r.pick(['db.internal', 'pg-primary.prod.svc.cluster.local', 'mysql-0.mysql', '10.20.3.14', 'localhost']);
const dbName = (r: Rng): string => r.pick(['app', 'orders', 'billing', 'analytics', 'warehouse', 'auth']);
const acct = (r: Rng): string => r.str(DIG, 12);
const region = (r: Rng): string => r.pick(['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'us-west-2']);
const sha256 = (r: Rng): string => hex(r, 64);
const sha1 = (r: Rng): string => hex(r, 40);
const CERT_B64 = (r: Rng): string => b64enc(`-----BEGIN CERTIFICATE-----\nMIID${b64(r, 60)}\n${b64(r, 64)}\n${b64(r, 64)}\n-----END CERTIFICATE-----\n`);
const traceId = (r: Rng): string => hex(r, 32);
const spanId = (r: Rng): string => hex(r, 16);

const objects: Tpl[] = [
  (r) => g(`${spaceTs(r, '.')} config loaded: {Host:${dbHost(r)} Port:5432 User:${user(r)} Password: Database:${dbName(r)} SSLMode:require MaxOpenConns:${r.int(5, 50)}}`, 'empty-secret', 'go'),
  (r) => g(`opts=&{Network:tcp Addr:redis-master:6379 Username: Password: DB:${r.int(0, 15)} MaxRetries:3 PoolSize:${r.int(10, 100)} ReadTimeout:${r.pick(['3s', '500ms', '1s'])}}`, 'empty-secret', 'go'),
  (r) => g(`server config: {ListenAddr::${r.int(8000, 9999)} ReadTimeout:5s WriteTimeout:10s TLS:{CertFile:/etc/tls/tls.crt KeyFile:/etc/tls/tls.key MinVersion:1.2}}`, 'config', 'go'),
  (r) => g(`&auth.Config{Issuer:"https://auth.${dom(r)}/", Audience:"${svc(r)}-api", JWKSURL:"https://auth.${dom(r)}/.well-known/jwks.json", TokenTTL:3600000000000, PasswordMinLength:12}`, 'config', 'go'),
  (r) => g(`cfg: {Token:<nil> TokenFile:/var/run/secrets/kubernetes.io/serviceaccount/token Insecure:false CAFile:/var/run/secrets/kubernetes.io/serviceaccount/ca.crt}`, 'empty-secret', 'go'),
  (r) => g(`[${iso(r)} INFO  ${svc(r)}::config] loaded Settings { database_url: "postgres://${user(r)}@${dbHost(r)}:5432/${dbName(r)}", listen: ${ip(r)}:8080, workers: ${r.int(1, 16)} }`, 'config', 'rust'),
  (r) => g(`${iso(r)} DEBUG app::startup: Config { api_key: Secret([REDACTED alloc::string::String]), endpoint: "https://api.${dom(r)}", timeout: ${r.int(1, 60)}s }`, 'redacted', 'rust'),
  (r) => g(`DatabaseSettings { username: "${user(r)}", password: SecretBox<str>([REDACTED]), port: 5432, host: "${dbHost(r)}", database_name: "${dbName(r)}", require_ssl: ${r.pick(['true', 'false'])} }`, 'redacted', 'rust'),
  (r) => g(`    password: None,`, 'empty-secret', 'rust'),
  (r) => g(`#MyApp.Accounts.User<__meta__: #Ecto.Schema.Metadata<:loaded, "users">, id: ${r.int(1, 99999)}, email: "${user(r)}@${dom(r)}", hashed_password: "**redacted**", confirmed_at: ~U[2025-0${r.int(1, 9)}-1${r.int(0, 9)} 10:22:31Z], ...>`, 'redacted', 'elixir'),
  (r) => g(`${plainTs(r)}.${r.int(100, 999)} [info] config: %{hostname: "${dbHost(r)}", username: "${user(r)}", password: nil, pool_size: ${r.int(5, 20)}}`, 'empty-secret', 'elixir'),
  (r) => g(`#{<<"client_id">> => <<"${svc(r)}-svc">>,<<"expires_in">> => 3600,<<"token_type">> => <<"Bearer">>,<<"scope">> => <<"read write">>}`, 'oauth-public', 'erlang'),
  (r) => g(`${spaceTs(r, '.')} INFO  [main] c.a.${svc(r)}.Application : Loaded DataSourceConfig(url=jdbc:postgresql://${dbHost(r)}:5432/${dbName(r)}, username=${user(r)}, password=****, poolSize=${r.int(5, 30)})`, 'redacted', 'kotlin'),
  (r) => g(`OAuthProperties(clientId=${svc(r)}-web, scopes=[openid, profile, email], tokenTtl=PT1H, refreshEnabled=true, passwordGrant=false)`, 'config', 'kotlin'),
  (r) => g(`[info] application - Starting with HttpSettings(https://api.${dom(r)},${r.int(5, 60)} seconds,${r.int(1, 8)},true)`, 'config', 'scala'),
  (r) => g(`${spaceTs(r, '.')} [DBG] Options bound: SmtpOptions { Host = smtp.${dom(r)}, Port = 587, UserName = noreply@${dom(r)}, Password = , EnableSsl = True }`, 'empty-secret', 'csharp'),
  (r) => g(`info: Microsoft.Hosting.Lifetime[0] Now listening on: http://[::]:${r.int(5000, 8080)} { ContentRoot = /app, Environment = Production }`, 'config', 'csharp'),
  (r) => g(`    [password_set] => 1`, 'boolean', 'php'),
  (r) => g(`  ["password"]=> NULL`, 'empty-secret', 'php'),
  (r) => g(`  ["password_hash_algo"]=> string(6) "argon2"`, 'config', 'php'),
  (r) => g(`$VAR1 = { 'dsn' => 'dbi:Pg:dbname=${dbName(r)};host=${dbHost(r)}', 'user' => '${user(r)}', 'password' => undef, 'AutoCommit' => 1 };`, 'empty-secret', 'perl'),
  (r) => g(`${plainTs(r)} [debug] ${r.int(100, 9999)}#0: *${r.int(1, 9999)} [lua] init.lua:${r.int(10, 200)}: redis opts: { host = "${dbHost(r)}", port = 6379, timeout = 1000, pool_size = ${r.int(10, 100)} }`, 'config', 'lua'),
  (r) => g(`${iso(r)} [Debug] [Network] Configuration(baseURL: https://api.${dom(r)}, timeout: ${r.int(10, 60)}.0, retries: ${r.int(1, 5)}, pinnedCertificates: 2)`, 'config', 'swift'),
  (r) => g(`  - tokenExpiry: ${iso(r)}`, 'config', 'swift'),
  (r) => g(`${spaceTs(r, ',')} INFO  app.system - starting with config {:db-host "${dbHost(r)}", :db-user "${user(r)}", :db-password nil, :http-port ${r.int(3000, 9000)}}`, 'empty-secret', 'clojure'),
  (r) => g(`Config {cfgPort = ${r.int(3000, 9000)}, cfgEnv = Production, cfgDbPoolSize = ${r.int(5, 30)}, cfgTokenTtl = 3600}`, 'config', 'haskell'),
  (r) => g(`${spaceTs(r)} DEBUG settings: Settings(debug=False, database_url=PostgresDsn('postgresql://${user(r)}:***@${dbHost(r)}:5432/${dbName(r)}'), secret_key=SecretStr('**********'), workers=${r.int(1, 8)})`, 'redacted', 'python'),
  (r) => g(`{:adapter=>"postgresql", :host=>"${dbHost(r)}", :username=>"${user(r)}", :password=>nil, :database=>"${dbName(r)}", :pool=>${r.int(5, 25)}}`, 'empty-secret', 'ruby'),
  (r) => g(`${spaceTs(r, '.')} INFO 1 --- [main] com.zaxxer.hikari.HikariConfig : password................................<masked>`, 'redacted', 'java'),
  (r) => g(`${spaceTs(r, '.')} DEBUG 1 --- [main] com.zaxxer.hikari.HikariConfig : jdbcUrl.................................jdbc:postgresql://${dbHost(r)}:5432/${dbName(r)}?sslmode=require`, 'config', 'java'),
  (r) => g(`${iso(r)} [${svc(r)}] init { host: '${dbHost(r)}', port: 5432, password: undefined, ssl: { rejectUnauthorized: true } }`, 'empty-secret', 'node'),
];

const infra: Tpl[] = [
  // Terraform
  (r) => g(`      + ${r.pick(['password', 'master_password', 'secret_string', 'client_secret', 'private_key_pem', 'auth_token'])} = (sensitive value)`, 'redacted', 'terraform'),
  (r) => g(`${r.pick(['db_password', 'api_token', 'admin_secret', 'kubeconfig'])} = <sensitive>`, 'redacted', 'terraform'),
  (r) => g(`      + ${r.pick(['arn', 'id', 'endpoint', 'address', 'secret_id'])} = (known after apply)`, 'config', 'terraform'),
  (r) => g(`aws_db_instance.${svc(r)}: Refreshing state... [id=${svc(r)}-${r.pick(['prod', 'staging'])}-db]`, 'config', 'terraform'),
  (r) => g(`aws_secretsmanager_secret.${svc(r)}: Refreshing state... [id=arn:aws:secretsmanager:${region(r)}:${acct(r)}:secret:${svc(r)}/db-password-${mixed(r, 6)}]`, 'resource-id', 'terraform'),
  (r) => g(`Plan: ${r.int(0, 20)} to add, ${r.int(0, 9)} to change, ${r.int(0, 5)} to destroy.`, 'config', 'terraform'),
  (r) => g(`      ~ image_digest = "sha256:${sha256(r)}" -> "sha256:${sha256(r)}"`, 'hash', 'terraform'),
  (r) => g(`random_password.${svc(r)}_db: Creation complete after 0s [id=none]`, 'config', 'terraform'),
  (r) => g(`      + tags = { "Name" = "${svc(r)}-${r.pick(['prod', 'staging'])}", "Owner" = "platform", "CostCenter" = "${r.int(1000, 9999)}" }`, 'config', 'terraform'),
  (r) => g(`google_secret_manager_secret_version.${svc(r)}: Creation complete after 2s [id=projects/${svc(r)}-prod-${r.int(100000, 999999)}/secrets/${r.pick(['db-password', 'stripe-api-key', 'oauth-client-secret'])}/versions/${r.int(1, 12)}]`, 'resource-id', 'terraform'),
  (r) => g(`${iso(r)} [DEBUG] provider.terraform-provider-aws: HTTP Response Received: http.response.header.x_amzn_requestid=${uuid(r)} http.status_code=200 rpc.method=DescribeInstances`, 'request-id', 'terraform'),
  // Ansible
  (r) => g(`ok: [${host(r)}] => {"changed": false, "censored": "the output has been hidden due to the fact that 'no_log: true' was specified for this result"}`, 'redacted', 'ansible'),
  (r) => g(`fatal: [${host(r)}]: FAILED! => {"changed": false, "msg": "unable to connect to database", "invocation": {"module_args": {"login_host": "${dbHost(r)}", "login_user": "${user(r)}", "login_password": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER", "db": "${dbName(r)}"}}}`, 'redacted', 'ansible'),
  (r) => g(`<${ip(r)}> ESTABLISH SSH CONNECTION FOR USER: ${user(r)}`, 'config', 'ansible'),
  (r) => g(`<${ip(r)}> SSH: EXEC ssh -C -o ControlMaster=auto -o ControlPersist=60s -o KbdInteractiveAuthentication=no -o PreferredAuthentications=gssapi-with-mic,gssapi-keyex,hostbased,publickey -o PasswordAuthentication=no -o 'User="${user(r)}"' -o ConnectTimeout=10 -o 'ControlPath="/home/${user(r)}/.ansible/cp/${hex(r, 10)}"' ${ip(r)} '/bin/sh -c '"'"'echo ~${user(r)} && sleep 0'"'"''`, 'config', 'ansible'),
  (r) => g(`changed: [${host(r)}] => {"changed": true, "checksum": "${sha1(r)}", "dest": "/etc/${svc(r)}/config.yml", "gid": 0, "group": "root", "md5sum": "${hex(r, 32)}", "mode": "0640", "owner": "root", "size": ${r.int(200, 9000)}, "src": "/home/${user(r)}/.ansible/tmp/ansible-tmp-${epochMs(r)}/source", "state": "file", "uid": 0}`, 'hash', 'ansible'),
  (r) => g(`TASK [${svc(r)} : Render ${r.pick(['database password', 'API token', 'TLS key'])} into vault agent template] ***************************`, 'config', 'ansible'),
  (r) => g(`${host(r)}                 : ok=${r.int(5, 60)}   changed=${r.int(0, 9)}    unreachable=0    failed=0    skipped=${r.int(0, 9)}    rescued=0    ignored=0`, 'config', 'ansible'),
  // Helm
  (r) => g(`install.go:${r.int(100, 250)}: [debug] Original chart version: ""`, 'config', 'helm'),
  (r) => g(`client.go:${r.int(100, 500)}: [debug] creating ${r.int(1, 30)} resource(s)`, 'config', 'helm'),
  (r) => g(`  existingSecret: ${svc(r)}-db-credentials`, 'reference', 'helm'),
  (r) => g(`            secretKeyRef: { name: ${svc(r)}-secrets, key: ${r.pick(['password', 'api-key', 'token'])} }`, 'reference', 'helm'),
  (r) => g(`  password: ""`, 'empty-secret', 'helm'),
  (r) => g(`  auth: { enabled: true, existingSecret: redis-auth, existingSecretPasswordKey: redis-password }`, 'reference', 'helm'),
  // kubectl
  (r) => g(`  uid: ${uuid(r)}`, 'resource-id', 'kubectl'),
  (r) => g(`  resourceVersion: "${r.int(100000, 99999999)}"`, 'resource-id', 'kubectl'),
  (r) => g(`    caBundle: ${CERT_B64(r)}`, 'public-cert', 'kubectl'),
  (r) => g(`    certificate-authority-data: ${CERT_B64(r)}`, 'public-cert', 'kubectl'),
  (r) => g(`  tls.crt: ${CERT_B64(r)}`, 'public-cert', 'kubectl'),
  (r) => g(`  ca.crt: ${CERT_B64(r)}`, 'public-cert', 'kubectl'),
  (r) => g(`${r.pick(['password', 'username', 'token', 'api-key'])}:  ${r.int(8, 64)} bytes`, 'redacted', 'kubectl'),
  (r) => g(`type: ${r.pick(['Opaque', 'kubernetes.io/tls', 'kubernetes.io/dockerconfigjson', 'kubernetes.io/service-account-token'])}`, 'config', 'kubectl'),
  (r) => g(`    imageID: docker.io/library/${r.pick(['nginx', 'redis', 'postgres'])}@sha256:${sha256(r)}`, 'hash', 'kubectl'),
  (r) => g(`    containerID: containerd://${sha256(r)}`, 'resource-id', 'kubectl'),
  (r) => g(`    kubernetes.io/service-account.uid: ${uuid(r)}`, 'resource-id', 'kubectl'),
  (r) => g(`${podName(r, svc(r))}   1/1     Running   ${r.int(0, 5)}          ${r.int(1, 59)}m`, 'config', 'kubectl'),
  (r) => g(`    pod-template-hash: ${r.str(LOWNUM, 10)}`, 'hash', 'kubectl'),
  // docker
  (r) => g(`        "Id": "${sha256(r)}",`, 'resource-id', 'docker'),
  (r) => g(`        "Image": "sha256:${sha256(r)}",`, 'hash', 'docker'),
  (r) => g(`            "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "NODE_VERSION=20.${r.int(1, 18)}.${r.int(0, 3)}", "YARN_VERSION=1.22.${r.int(10, 22)}"],`, 'config', 'docker'),
  (r) => g(`        "RepoDigests": ["${r.pick(['nginx', 'redis', 'postgres'])}@sha256:${sha256(r)}"],`, 'hash', 'docker'),
  (r) => g(`      POSTGRES_PASSWORD_FILE: /run/secrets/${r.pick(['db_password', 'pg_pass'])}`, 'reference', 'docker'),
  (r) => g(`      DATABASE_PASSWORD: \${DATABASE_PASSWORD:?err}`, 'reference', 'docker'),
  (r) => g(`#${r.int(5, 20)} [build ${r.int(1, 9)}/9] RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev`, 'reference', 'docker'),
  (r) => g(`#${r.int(5, 20)} writing image sha256:${sha256(r)} done`, 'hash', 'docker'),
  // AWS CLI
  (r) => g(`${plainTs(r)},${r.int(100, 999)} - MainThread - botocore.credentials - INFO - Found credentials in ${r.pick(['environment variables.', 'shared credentials file: ~/.aws/credentials', 'container provider'])}`, 'config', 'aws-cli'),
  (r) => g(`${plainTs(r)},${r.int(100, 999)} - MainThread - botocore.parsers - DEBUG - Response headers: {'x-amzn-RequestId': '${uuid(r)}', 'Content-Type': 'text/xml', 'Content-Length': '${r.int(300, 900)}', 'Date': 'Tue, 11 Mar 2025 10:${r.int(10, 59)}:${r.int(10, 59)} GMT'}`, 'request-id', 'aws-cli'),
  (r) => g(`    "UserId": "AIDA${r.str(UPNUM, 17)}", "Account": "${acct(r)}", "Arn": "arn:aws:iam::${acct(r)}:user/${user(r)}"`, 'resource-id', 'aws-cli'),
  (r) => g(`    "Arn": "arn:aws:sts::${acct(r)}:assumed-role/${svc(r)}-deploy/botocore-session-${r.str(DIG, 10)}"`, 'resource-id', 'aws-cli'),
  (r) => g(`${plainTs(r)},${r.int(100, 999)} - MainThread - botocore.endpoint - DEBUG - Making request for OperationModel(name=GetSecretValue) with params: {'url_path': '/', 'query_string': '', 'method': 'POST', 'headers': {'X-Amz-Target': 'secretsmanager.GetSecretValue', 'Content-Type': 'application/x-amz-json-1.1'}, 'body': b'{"SecretId": "prod/${svc(r)}/db-password"}'}`, 'resource-id', 'aws-cli'),
  (r) => g(`    "ETag": "\\"${hex(r, 32)}\\"", "ChecksumSHA256": "${b64(r, 43)}=",`, 'hash', 'aws-cli'),
  // gcloud
  (r) => g(`Body redacted: Contains oauth token. Set log_http_show_request_body in your config to True to see it.`, 'redacted', 'gcloud'),
  (r) => g(`uri: https://secretmanager.googleapis.com/v1/projects/${svc(r)}-prod-${r.int(100000, 999999)}/secrets/${r.pick(['db-password', 'api-token', 'jwt-signing-key'])}/versions/latest:access?alt=json`, 'resource-id', 'gcloud'),
  (r) => g(`b'x-goog-request-id': b'${hex(r, 16)}'`, 'request-id', 'gcloud'),
  (r) => g(`  "name": "projects/${svc(r)}-prod/serviceAccounts/${svc(r)}-runner@${svc(r)}-prod.iam.gserviceaccount.com/keys/${sha1(r)}",`, 'resource-id', 'gcloud'),
  (r) => g(`  "private_key_id": "${sha1(r)}",`, 'resource-id', 'gcloud'),
  // Azure CLI
  (r) => g(`cli.azure.cli.core.sdk.policies:     'Authorization': '*****'`, 'redacted', 'azure-cli'),
  (r) => g(`cli.azure.cli.core.sdk.policies:     'x-ms-request-id': '${uuid(r)}'`, 'request-id', 'azure-cli'),
  (r) => g(`cli.azure.cli.core.sdk.policies: Request URL: 'https://management.azure.com/subscriptions/${uuid(r)}/resourceGroups/rg-${svc(r)}-prod/providers/Microsoft.KeyVault/vaults/kv-${svc(r)}-prod/secrets/${r.pick(['db-password', 'storage-key', 'client-secret'])}?api-version=2023-07-01'`, 'resource-id', 'azure-cli'),
  (r) => g(`cli.knack.cli: Command arguments: ['keyvault', 'secret', 'show', '--vault-name', 'kv-${svc(r)}-prod', '--name', '${r.pick(['db-password', 'stripe-key'])}', '--query', 'id', '--debug']`, 'reference', 'azure-cli'),
  (r) => g(`msal.token_cache: event={"client_id": "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "scope": ["https://management.core.windows.net//.default"], "token_endpoint": "https://login.microsoftonline.com/organizations/oauth2/v2.0/token", "grant_type": "refresh_token"}`, 'config', 'azure-cli'),
  // Jenkins
  (r) => g(`Masking supported pattern matches of $${r.pick(['DB_PASSWORD', 'API_TOKEN', 'GITHUB_TOKEN'])} or $${r.pick(['NPM_TOKEN', 'REGISTRY_PASSWORD'])}`, 'redacted', 'jenkins'),
  (r) => g(`+ docker login -u ${user(r)} -p **** registry.${dom(r)}`, 'redacted', 'jenkins'),
  (r) => g(`Checking out Revision ${sha1(r)} (refs/remotes/origin/${r.pick(['main', 'release/2.4', 'develop'])})`, 'hash', 'jenkins'),
  (r) => g(` > git rev-parse refs/remotes/origin/main^{commit} # timeout=10`, 'config', 'jenkins'),
  (r) => g(`using credential ${r.pick(['github-app-ci', 'deploy-key', 'nexus-publisher'])}`, 'reference', 'jenkins'),
  (r) => g(`[Pipeline] withCredentials`, 'config', 'jenkins'),
  // Argo CD
  (r) => g(`time="${iso(r)}" level=info msg="Sync operation to ${sha1(r)} succeeded" application=argocd/${svc(r)} dest-namespace=${svc(r)} dest-server="https://kubernetes.default.svc" reason=OperationCompleted type=Normal`, 'hash', 'argocd'),
  (r) => g(`time="${iso(r)}" level=info msg="git fetch origin --tags --force --prune" dir=/tmp/_argocd-repo/${uuid(r)} execID=${r.str(LOWNUM, 5)}`, 'resource-id', 'argocd'),
  // Airflow
  (r) => g(`[${spaceTs(r)}] {base.py:${r.int(70, 90)}} INFO - Using connection ID '${r.pick(['postgres_default', 'aws_default', 'warehouse'])}' for task execution.`, 'reference', 'airflow'),
  (r) => g(`[${spaceTs(r)}] {taskinstance.py:${r.int(1000, 3000)}} INFO - Exporting env vars: AIRFLOW_CTX_DAG_OWNER='airflow' AIRFLOW_CTX_DAG_ID='${svc(r)}_daily' AIRFLOW_CTX_TASK_ID='load' AIRFLOW_CTX_RUN_ID='scheduled__${iso(r)}'`, 'config', 'airflow'),
  (r) => g(`[${spaceTs(r)}] {subprocess.py:93} INFO - psql: connecting to ${dbHost(r)} as ${user(r)} with password ***`, 'redacted', 'airflow'),
  (r) => g(`AIRFLOW_CONN_${r.pick(['WAREHOUSE', 'REPORTING_DB'])}='postgresql://${user(r)}@${dbHost(r)}:5432/${dbName(r)}?sslmode=verify-full'`, 'config', 'airflow'),
  // dbt
  (r) => g(`      password: "{{ env_var('DBT_${r.pick(['PASSWORD', 'SNOWFLAKE_PASSWORD', 'PG_PASSWORD'])}') }}"`, 'reference', 'dbt'),
  (r) => g(`  Connection test: [OK connection ok]`, 'config', 'dbt'),
  (r) => g(`${plainTs(r).slice(11)}  Registered adapter: ${r.pick(['postgres', 'snowflake', 'bigquery'])}=1.${r.int(5, 9)}.${r.int(0, 9)}`, 'config', 'dbt'),
  // Spark
  (r) => g(`spark.hadoop.fs.s3a.secret.key=*********(redacted)`, 'redacted', 'spark'),
  (r) => g(`spark.hadoop.fs.s3a.aws.credentials.provider=com.amazonaws.auth.${r.pick(['InstanceProfileCredentialsProvider', 'WebIdentityTokenCredentialsProvider'])}`, 'config', 'spark'),
  (r) => g(`${plainTs(r)} INFO SparkContext: Submitted application: ${svc(r)}-etl app-${r.str(DIG, 14)}-${r.str(DIG, 4)}`, 'resource-id', 'spark'),
  (r) => g(`(spark.executor.memory,${r.int(2, 16)}g)`, 'config', 'spark'),
  // Kafka Connect
  (r) => g(`	connection.password = [hidden]`, 'redacted', 'kafka-connect'),
  (r) => g(`	sasl.jaas.config = [hidden]`, 'redacted', 'kafka-connect'),
  (r) => g(`	ssl.truststore.password = null`, 'empty-secret', 'kafka-connect'),
  (r) => g(`	sasl.mechanism = ${r.pick(['PLAIN', 'SCRAM-SHA-512', 'OAUTHBEARER'])}`, 'config', 'kafka-connect'),
  (r) => g(`{"name":"${dbName(r)}-sink","config":{"connector.class":"io.confluent.connect.jdbc.JdbcSinkConnector","connection.url":"jdbc:postgresql://${dbHost(r)}:5432/${dbName(r)}","connection.user":"${user(r)}","connection.password":"\${file:/opt/secrets/db.properties:password}","topics":"orders"}}`, 'reference', 'kafka-connect'),
  // ORM / JDBC
  (r) => g(`${spaceTs(r, '.')} TRACE [http-nio-8080-exec-${r.int(1, 20)}] org.hibernate.orm.jdbc.bind : binding parameter (${r.int(1, 6)}:VARCHAR) <- [${user(r)}@${dom(r)}]`, 'config', 'orm'),
  (r) => g(`${spaceTs(r)} INFO sqlalchemy.engine.Engine UPDATE users SET password_hash=%(password_hash)s, password_changed_at=now() WHERE users.id = %(users_id)s`, 'config', 'orm'),
  (r) => g(`${spaceTs(r)} INFO sqlalchemy.engine.Engine [cached since ${r.int(1, 900)}.${r.int(1, 9)}s ago] {'users_id': ${r.int(1, 99999)}, 'status': 'active'}`, 'config', 'orm'),
  (r) => g(`jdbc:postgresql://${dbHost(r)}:5432/${dbName(r)}?sslmode=require&ApplicationName=${svc(r)}`, 'config', 'jdbc'),
  (r) => g(`${spaceTs(r, '.')} INFO  HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@${hex(r, 8)}`, 'config', 'jdbc'),
  // Redis
  (r) => g(`${(epochMs(r) / 1000).toFixed(6)} [0 ${ip(r)}:${r.int(30000, 60000)}] "AUTH" "(redacted)" "(redacted)"`, 'redacted', 'redis'),
  (r) => g(`${(epochMs(r) / 1000).toFixed(6)} [0 ${ip(r)}:${r.int(30000, 60000)}] "HGETALL" "user:${r.int(1, 99999)}"`, 'config', 'redis'),
  (r) => g(`${(epochMs(r) / 1000).toFixed(6)} [0 ${ip(r)}:${r.int(30000, 60000)}] "CLIENT" "SETNAME" "${host(r)}"`, 'config', 'redis'),
  // AMQP
  (r) => g(`${spaceTs(r)} INFO kombu.mixins Connected to amqp://${user(r)}:**@rabbitmq.${dom(r)}:5672//`, 'redacted', 'amqp'),
  (r) => g(`${spaceTs(r, '.')} [info] <0.${r.int(1000, 9999)}.0> connection <0.${r.int(1000, 9999)}.0> (${ip(r)}:${r.int(30000, 60000)} -> ${ip(r)}:5672): user '${user(r)}' authenticated and granted access to vhost '/'`, 'config', 'amqp'),
  // LDAP
  (r) => g(`${syslogTs(r)} ldap slapd[${r.int(100, 9999)}]: conn=${r.int(1000, 99999)} op=0 BIND dn="cn=${user(r)},ou=services,dc=corp,dc=local" method=128`, 'config', 'ldap'),
  (r) => g(`${syslogTs(r)} ldap slapd[${r.int(100, 9999)}]: conn=${r.int(1000, 99999)} op=0 RESULT tag=97 err=${r.pick(['0', '49'])} text=`, 'config', 'ldap'),
  // SMTP / IMAP / FTP
  (r) => g(`reply: b'334 ${r.pick(['VXNlcm5hbWU6', 'UGFzc3dvcmQ6'])}\\r\\n'`, 'protocol', 'smtp'),
  (r) => g(`reply: b'235 2.7.0 Authentication successful\\r\\n'`, 'protocol', 'smtp'),
  (r) => g(`reply: b'250-AUTH LOGIN PLAIN XOAUTH2\\r\\n'`, 'protocol', 'smtp'),
  (r) => g(`a001 OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE AUTH=PLAIN] Logged in`, 'protocol', 'imap'),
  (r) => g(`< 331 Please specify the password.`, 'protocol', 'ftp'),
  (r) => g(`${plainTs(r)} [pid ${r.int(100, 9999)}] [${user(r)}] FTP command: Client "::ffff:${ip(r)}", "PASS <password>"`, 'redacted', 'ftp'),
  (r) => g(`> USER ${user(r)}`, 'protocol', 'ftp'),
];

const flows: Tpl[] = [
  (r) => g(`${ip(r)} - - [${r.int(10, 28)}/Mar/2025:${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)} +0000] "GET /authorize?response_type=code&client_id=${svc(r)}-web&redirect_uri=https%3A%2F%2Fapp.${dom(r)}%2Fcallback&scope=openid%20profile&state=${b64url(r, 22)}&nonce=${b64url(r, 22)}&code_challenge=${b64url(r, 43)}&code_challenge_method=S256 HTTP/1.1" 302 0`, 'oauth-public', 'oauth-http'),
  (r) => g(`{"token_type":"Bearer","expires_in":3600,"scope":"openid profile email","ext_expires_in":3600}`, 'oauth-public', 'oauth-http'),
  (r) => g(`token_expires_in=3600 refresh_token_expires_in=${r.pick([86400, 2592000, 7776000])} token_type=Bearer`, 'oauth-public', 'oauth-http'),
  (r) => g(`${iso(r)} INFO oidc: discovery ok issuer=https://auth.${dom(r)}/ authorization_endpoint=https://auth.${dom(r)}/authorize token_endpoint=https://auth.${dom(r)}/oauth/token jwks_uri=https://auth.${dom(r)}/.well-known/jwks.json`, 'config', 'oauth-http'),
  (r) => g(`{"kty":"RSA","use":"sig","kid":"${b64url(r, 22)}","alg":"RS256","n":"${b64url(r, 342)}","e":"AQAB"}`, 'public-key', 'oauth-http'),
  (r) => g(`${iso(r)} WARN  oauth: invalid_grant for client_id=${svc(r)}-web (code already redeemed) request_id=${uuid(r)}`, 'request-id', 'oauth-http'),
  (r) => g(`Stripe-Signature: t=${Math.floor(epochMs(r) / 1000)},v1=${sha256(r)},v0=${sha256(r)}`, 'signature', 'webhook'),
  (r) => g(`X-Hub-Signature-256: sha256=${sha256(r)}`, 'signature', 'webhook'),
  (r) => g(`X-GitHub-Delivery: ${uuid(r)}`, 'request-id', 'webhook'),
  (r) => g(`${iso(r)} INFO webhook evt_${mixed(r, 24)} type=payment_intent.succeeded object=pi_${mixed(r, 24)} customer=cus_${mixed(r, 14)} livemode=true`, 'resource-id', 'webhook'),
  (r) => g(`svix-id: msg_${mixed(r, 27)}`, 'request-id', 'webhook'),
  (r) => g(`          { "name": "x-request-id", "value": "${uuid(r)}" },`, 'request-id', 'har'),
  (r) => g(`          { "name": "traceparent", "value": "00-${traceId(r)}-${spanId(r)}-01" },`, 'request-id', 'har'),
  (r) => g(`        "url": "https://api.${dom(r)}/v1/orders?page=${r.int(1, 30)}&per_page=50&sort=-created_at",`, 'config', 'har'),
  (r) => g(`          { "name": "if-none-match", "value": "W/\\"${hex(r, 32)}\\"" },`, 'hash', 'har'),
  (r) => g(`    x-amz-cf-id: ${b64url(r, 56)}==`, 'request-id', 'mitmproxy'),
  (r) => g(`    etag: "${hex(r, 40)}"`, 'hash', 'mitmproxy'),
  (r) => g(`${ip(r)}:${r.int(30000, 60000)}: POST https://api.${dom(r)}/v2/checkout/sessions << 200 OK ${r.int(1, 90)}.${r.int(0, 9)}k`, 'config', 'mitmproxy'),
];

const misc: Tpl[] = [
  (r) => g(`"integrity": "sha512-${b64(r, 86)}=="`, 'hash', 'json'),
  (r) => g(`${iso(r)} INFO downloaded ${svc(r)}-${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 9)}.tar.gz sha256=${sha256(r)}`, 'hash', 'prose'),
  (r) => g(`Content-MD5: ${b64(r, 22)}==`, 'hash', 'header'),
  (r) => g(`commit ${sha1(r)}`, 'hash', 'git'),
  (r) => g(`Merge: ${hex(r, 7)} ${hex(r, 7)}`, 'hash', 'git'),
  (r) => g(`arn:aws:iam::${acct(r)}:role/${svc(r)}-${r.pick(['task', 'lambda', 'deploy'])}-role`, 'resource-id', 'arn'),
  (r) => g(`arn:aws:kms:${region(r)}:${acct(r)}:key/${uuid(r)}`, 'resource-id', 'arn'),
  (r) => g(`/subscriptions/${uuid(r)}/resourceGroups/rg-${svc(r)}/providers/Microsoft.Storage/storageAccounts/${svc(r)}store${r.int(1, 99)}`, 'resource-id', 'azure-id'),
  (r) => g(`traceparent=00-${traceId(r)}-${spanId(r)}-01 trace_id=${traceId(r)} span_id=${spanId(r)}`, 'request-id', 'otel'),
  (r) => g(`${iso(r)} INFO request_id=${uuid(r)} x-request-id=${b64url(r, 20)} method=GET path=/healthz status=200`, 'request-id', 'prose'),
  (r) => g(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(r, 43)} ${user(r)}@${host(r)}`, 'public-key', 'ssh'),
  (r) => g(`${syslogTs(r)} ${host(r)} sshd[${r.int(100, 99999)}]: Accepted publickey for ${user(r)} from ${ip(r)} port ${r.int(30000, 60000)} ssh2: ED25519 SHA256:${b64(r, 43)}`, 'public-key', 'syslog'),
  (r) => g(`The key fingerprint is SHA256:${b64(r, 43)} ${user(r)}@${host(r)}`, 'public-key', 'prose'),
  (r) => g(`  Fingerprint (SHA-256): ${Array.from({ length: 32 }, () => r.str('0123456789ABCDEF', 2)).join(':')}`, 'public-key', 'openssl'),
  (r) => g(`STRIPE_PUBLISHABLE_KEY=pk_live_51${mixed(r, 97)}`, 'public-key', 'env'),
  (r) => g(`MAPBOX_PUBLIC_TOKEN=pk.eyJ1IjoiYWNtZSIsImEiOiJ${b64url(r, 24)}.${b64url(r, 22)}`, 'public-key', 'env'),
  (r) => g(`password: null`, 'empty-secret', 'yaml'),
  (r) => g(`password=""`, 'empty-secret', 'env'),
  (r) => g(`{"user": "${user(r)}", "password_set": true, "mfa_enabled": ${r.pick(['true', 'false'])}, "last_login": "${iso(r)}"}`, 'boolean', 'json'),
  (r) => g(`PASSWORD_MIN_LENGTH=${r.int(8, 16)} PASSWORD_MAX_AGE_DAYS=${r.int(30, 365)} TOKEN_TTL_SECONDS=${r.pick([900, 3600, 86400])}`, 'config', 'env'),
  (r) => g(`${iso(r)} INFO password reset requested for ${user(r)}@${dom(r)}; link expires in 30m (request_id=${uuid(r)})`, 'request-id', 'prose'),
  (r) => g(`${iso(r)} WARN login failed for user=${user(r)} reason=invalid_password attempts=${r.int(1, 5)} ip=${ip(r)}`, 'config', 'prose'),
  (r) => g(`DB_PASSWORD=\${DB_PASSWORD}`, 'reference', 'env'),
  (r) => g(`API_KEY=changeme-in-production`, 'placeholder', 'env'),
  (r) => g(`${iso(r)} DEBUG cache hit key=${svc(r)}:v${r.int(1, 9)}:${sha256(r).slice(0, 16)} ttl=${r.int(60, 3600)}`, 'hash', 'prose'),
  (r) => g(`${isoNano(r)} stdout F {"level":"info","ts":${epochMs(r) / 1000},"caller":"server/main.go:${r.int(20, 200)}","msg":"ready","version":"v${r.int(1, 4)}.${r.int(0, 30)}.${r.int(0, 9)}","commit":"${sha1(r)}"}`, 'hash', 'json'),
  (r) => g(`${iso(r)} INFO ${word(r)} job ${uuid(r)} finished in ${r.int(1, 900)}ms rows=${r.int(0, 100000)}`, 'request-id', 'prose'),
  (r) => g(`-----BEGIN CERTIFICATE-----`, 'public-cert', 'pem'),
  (r) => g(`MIID${b64(r, 60)}`, 'public-cert', 'pem'),
  (r) => g(`${iso(r)} INFO tls: loaded certificate subject="CN=${svc(r)}.${dom(r)}" issuer="CN=R11,O=Let's Encrypt,C=US" serial=${hex(r, 36)} not_after=2025-0${r.int(1, 9)}-1${r.int(0, 9)}`, 'public-cert', 'prose'),
  (r) => g(`${svc(r)}: api_key_id=key_${mixed(r, 12)} created_by=${user(r)} scopes=read,write`, 'resource-id', 'prose'),
  (r) => g(`STRIPE_ACCOUNT=acct_${mixed(r, 16)} TWILIO_ACCOUNT_SID=AC${hex(r, 32)}`, 'resource-id', 'env'),
];

export const CLEAN_GROUPS: { name: string; tpls: Tpl[]; weight: number }[] = [
  { name: 'objects', tpls: objects, weight: 0.25 },
  { name: 'infra', tpls: infra, weight: 0.45 },
  { name: 'flows', tpls: flows, weight: 0.12 },
  { name: 'misc', tpls: misc, weight: 0.18 },
];

export const CLEAN_TEMPLATE_COUNT = objects.length + infra.length + flows.length + misc.length;

void [ALNUM, HEX, UPNUM];
