import type { Rule } from '../rule.js';

/**
 * Cloud-provider credentials: AWS (access key ids, secret keys, session tokens, Bedrock API keys),
 * Google Cloud (API keys, service-account key ids, OAuth client secrets), Azure (storage account
 * keys, SAS signatures, Entra ID client secrets, Service Bus / Event Hubs shared access keys),
 * DigitalOcean, Heroku, Cloudflare, Alibaba Cloud, IBM Cloud, Fly.io, Scaleway, Linode/Akamai,
 * Tencent Cloud, Amazon's non-AWS APIs (MWS, Login with Amazon), Google OAuth tokens and
 * Firebase server keys, Cloudflare Tunnel tokens, OpenShift and Rancher tokens.
 *
 * Formats come from each provider's documentation: AWS IAM "unique identifier prefixes" and the
 * Bedrock API-key guide; Google Cloud API-key and OAuth-client docs (`AIza`, `GOCSPX-`); Azure
 * Storage connection strings (`AccountKey=`, 64-byte key = 88 base64 chars), SAS reference
 * (`sv=`, `sig=`), Service Bus connection strings (`SharedAccessKey=`, 32-byte key); the
 * DigitalOcean token-prefix announcement (`dop_v1_`/`doo_v1_`/`dor_v1_` + 64 hex); Heroku's
 * `HRKU-` tokens; Cloudflare's "API token formats" page (pre-2026 unprefixed tokens, 37–45 hex
 * global keys, `cfk_`/`cfut_`/`cfat_` scannable tokens, `v1.0-` Origin CA keys); Alibaba Cloud
 * AccessKey ids (`LTAI`); Fly.io `fo1_` and `FlyV1 fm…_` macaroon tokens.
 *
 * Values without a distinctive prefix are context rules: provider word, a short key-name gap,
 * a separator (`=`, `:`, `:=`, `=>`, optional quotes), then the value, gated by entropy.
 *
 * Keywords: a rule whose prefix has a fixed case (`AKIA`, `AIza`, `dop_v1_`, `HRKU-`) matches
 * its keywords case-sensitively (`caseSensitiveKeywords`), so `Asia/Tokyo` or `hrku-3` hosts do
 * not make a line a candidate; the `(?i)` context rules keep case-insensitive keywords.
 */

/** Key-name tail between the provider word and the separator (`_SECRET_ACCESS_KEY`, `.token`). */
const GAP = String.raw`[\w.\-]{0,20}`;
/** Separator between a key and its value in env files, logfmt, JSON, YAML and code. */
const SEP = String.raw`["'\x60]?[ \t]{0,4}(?:=>|:=|[:=])[ \t]{0,4}["'\x60]?`;
/** The base64 openings of AWS STS session tokens, newest first (see `aws-session-token`). */
const AWS_STS_PREFIXES = ['IQoJb3JpZ2luX2Vj', 'AgoJb3JpZ2luX2Vj', 'FwoGZXIvYXdz', 'FQoGZXIvYXdz'];
const AWS_STS_PREFIX = AWS_STS_PREFIXES.join('|');
/** A lowercase/uppercase hex UUID. */
const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;

export const cloudRules: readonly Rule[] = [
  // ---------------------------------------------------------------- AWS
  {
    id: 'aws-access-token',
    description: 'AWS access key id (long-term AKIA, temporary ASIA, bearer ABIA, context ACCA)',
    tags: ['aws', 'access-key-id', 'cloud'],
    // IAM User Guide, "IAM identifiers" > "Understanding unique ID prefixes": of the prefixes it
    // lists (AAGA, ABIA, ACCA, AGPA, AIDA, AIPA, AKIA, ANPA, ANVA, APKA, AROA, ASCA, ASIA), four
    // name credentials: AKIA access key, ASIA temporary (STS) key, ABIA STS service bearer token,
    // ACCA context-specific credential. The others name users, groups, roles, policies and
    // certificates: identifiers, not secrets. Access key ids are 20 characters (the docs'
    // `AKIAIOSFODNN7EXAMPLE`); the 16 after the prefix are upper-case letters and the digits 2-7
    // in every key we have seen (a base32 alphabet). Entropy gate: 100k random keys of this shape
    // never went below 2.6 bits/char, while DNA-like runs (`ACCAGGTTAC…`, 4 symbols) stay <= 2.
    pattern: String.raw`\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b`,
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    caseSensitiveKeywords: true,
    minEntropy: 2.5,
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key next to its key name',
    tags: ['aws', 'secret-key', 'cloud'],
    // 40 base64 characters; only recognisable by the key name (AWS_SECRET_ACCESS_KEY,
    // aws_secret_key, "SecretAccessKey": in STS/IAM JSON, --aws-secret-access-key).
    pattern: String.raw`(?i)(?:secret_access_key|secretaccesskey|secret-access-key|aws[_.\-]?secret${GAP})${SEP}([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`,
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret', 'aws.secret', 'aws-secret', 'awssecret'],
    minEntropy: 3.5,
  },
  {
    id: 'aws-session-token',
    description: 'AWS STS session token next to its key name, in X-Amz-Security-Token, or bare by its fixed prefix (IQoJb3JpZ2luX2Vj…, FwoGZXIvYXdz…)',
    tags: ['aws', 'session-token', 'cloud'],
    // Several hundred base64 characters (URL-encoded in presigned URLs), unbounded: counted
    // repetitions ({100,1000} chunks, RE2 caps one at 1000) made a 44 ms program to compile on
    // the first candidate line; RE2 stays linear without a bound.
    //
    // Bare tokens: STS tokens are a base64 serialisation whose first bytes are fixed per token
    // generation, so the base64 text opens the same way. Current tokens encode 0x21 0x0a 0x09
    // "origin_ec" (`IQoJb3JpZ2luX2Vj`, about 800–1,400 characters, more with session tags; the
    // 2019 form starts 0x02: `AgoJb3JpZ2luX2Vj`); older ones encode 0x17 (or 0x15) 0x0a 0x06
    // "er/aws" (`FwoGZXIvYXdz`, `FQoGZXIvYXdz`, about 350–450 characters). AWS documents no
    // maximum size, so the bare form takes up to 3,000 characters after the prefix, with `%2F`-style
    // URL escapes and `=`/`%3D` padding; fewer than 100 after the prefix is a doc's elision
    // (`FwoGZXIvYXdzEBYaD...`). One rule for both forms: a token after its key name is one match,
    // never two findings.
    pattern: String.raw`(?i)(?:session_?token|security[_\-]token)${SEP}([A-Za-z0-9/+%]{100,}(?:={1,2}|%3D){0,2})|((?-i:${AWS_STS_PREFIX})[A-Za-z0-9/+%]{100,}(?:={1,2}|%3D(?:%3D)?)?)`,
    keywords: ['session_token', 'sessiontoken', 'security_token', 'security-token', ...AWS_STS_PREFIXES.map((p) => p.toLowerCase())],
    secretGroup: [1, 2],
    minEntropy: 4.0,
  },
  {
    id: 'aws-amazon-bedrock-api-key-long-lived',
    description: 'Amazon Bedrock long-term API key',
    tags: ['aws', 'api-key', 'cloud'],
    // `ABSK` + base64("BedrockAPIKey-…"): the encoded label is fixed, the rest is id and secret.
    pattern: String.raw`\b(ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{80,300}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
    keywords: ['ABSKQmVkcm9ja0FQSUtleS'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'aws-amazon-bedrock-api-key-short-lived',
    description: 'Amazon Bedrock short-term API key (base64 of a presigned bedrock.amazonaws.com URL)',
    tags: ['aws', 'api-key', 'cloud'],
    pattern: String.raw`\b(bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{20,}={0,2})`,
    keywords: ['bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t'],
    caseSensitiveKeywords: true,
  },

  // ---------------------------------------------------------------- Google Cloud
  {
    id: 'gcp-api-key',
    description: 'Google Cloud / Firebase API key',
    tags: ['gcp', 'api-key', 'cloud'],
    // `AIza` + 35 characters of [0-9A-Za-z_-]: 39 in all.
    pattern: String.raw`\b(AIza[0-9A-Za-z_\-]{35})(?:[^0-9A-Za-z_\-]|$)`,
    keywords: ['AIza'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'gcp-service-account-key-id',
    description: 'Google Cloud service-account key id (private_key_id in a key JSON)',
    tags: ['gcp', 'service-account', 'cloud'],
    // 40 hex characters; JSON may be escaped inside a log message (\").
    pattern: String.raw`(?i)\\?"private_key_id\\?"[ \t]{0,4}:[ \t]{0,4}\\?"([0-9a-f]{40})\\?"`,
    keywords: ['private_key_id'],
    minEntropy: 3.0,
  },
  {
    id: 'gcp-oauth-client-secret',
    description: 'Google OAuth client secret',
    tags: ['gcp', 'client-secret', 'cloud'],
    // `GOCSPX-` + 28 characters of [A-Za-z0-9_-].
    pattern: String.raw`\b(GOCSPX-[A-Za-z0-9_\-]{28})(?:[^A-Za-z0-9_\-]|$)`,
    keywords: ['GOCSPX-'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'google-oauth-access-token',
    description: 'Google OAuth 2.0 access token (ya29.)',
    tags: ['gcp', 'access-token', 'cloud'],
    // Access tokens from Google's OAuth 2.0 endpoints (and `gcloud auth print-access-token`)
    // open with `ya29.`; the rest is base64url of varying length (~150-250 today). We take
    // 30-1000 (RE2's repetition cap).
    pattern: String.raw`\b(ya29\.[0-9A-Za-z_\-]{30,1000})(?:[^0-9A-Za-z_\-]|$)`,
    keywords: ['ya29.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'google-oauth-refresh-token',
    description: 'Google OAuth 2.0 refresh token (1//0…)',
    tags: ['gcp', 'refresh-token', 'cloud'],
    // Refresh tokens open with `1//0` (then a region/shard letter) and run ~100 base64url
    // characters. Not after a letter, digit, `.`, `/`, `_` or `-`, so `http://10.0.0.1//0…`
    // paths and base64 runs are not taken for one. We take 40-512 after the prefix.
    pattern: String.raw`(?:^|[^0-9A-Za-z_.\-/])(1//0[0-9A-Za-z_\-]{40,512})(?:[^0-9A-Za-z_\-]|$)`,
    keywords: ['1//0'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'gcp-fcm-server-key',
    description: 'Firebase Cloud Messaging legacy server key (AAAA…:APA91b…)',
    tags: ['firebase', 'server-key', 'cloud'],
    // Legacy FCM server keys (the `key=` of the legacy HTTP API): `AAAA` + 7, `:`, then
    // `APA91b` + 134 base64url, 152 characters in all. Device registration tokens share the
    // `:APA91b` half but not the 11-character `AAAA…` sender part.
    pattern: String.raw`\b(AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{134})(?:[^A-Za-z0-9_\-]|$)`,
    keywords: [':APA91b'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'cloudflare-tunnel-token',
    description: 'Cloudflare Tunnel token (base64 JSON {"a":…,"t":…,"s":…})',
    tags: ['cloudflare', 'tunnel-token', 'cloud'],
    // `cloudflared tunnel run --token …` takes base64 of {"a":"<account tag>","t":"<tunnel
    // id>","s":"<secret>"}: it always opens `eyJhIjoi` (base64 of `{"a":"`) and runs ~180
    // characters. No dots, unlike a JWT.
    pattern: String.raw`\b(eyJhIjoi[A-Za-z0-9+/]{100,600}={0,2})(?:[^A-Za-z0-9+/=.\-_]|$)`,
    keywords: ['eyJhIjoi'],
    caseSensitiveKeywords: true,
    minEntropy: 4.0,
  },

  // ---------------------------------------------------------------- Azure
  {
    id: 'azure-storage-account-key',
    description: 'Azure Storage / Cosmos DB account key in a connection string (AccountKey=)',
    tags: ['azure', 'account-key', 'cloud'],
    // 64-byte key, base64: 86 characters + `==`.
    pattern: String.raw`(?i)\bAccountKey=([A-Za-z0-9+/]{86}==)`,
    keywords: ['accountkey='],
    minEntropy: 4.0,
  },
  {
    id: 'azure-sas-token',
    description: 'Azure shared access signature (sig= in a URL or connection string that has sv=)',
    tags: ['azure', 'sas', 'cloud'],
    // The signature is a base64 HMAC-SHA256 (43 chars + `=`), usually URL-encoded (%2B, %2F, %3D).
    // sv= (service version) may come before or after sig=.
    pattern: String.raw`(?i)(?:\bsv=\d{4}-\d{2}-\d{2}[^\s"'<>]{0,400}?[?&;]sig=([A-Za-z0-9%+/]{40,100}(?:=|%3D){0,2})|[?&;]sig=([A-Za-z0-9%+/]{40,100}(?:=|%3D){0,2})&[^\s"'<>]{0,400}?\bsv=\d{4}-\d{2}-\d{2})`,
    keywords: ['sig='],
    secretGroup: [1, 2],
    minEntropy: 3.5,
  },
  {
    id: 'azure-ad-client-secret',
    description: 'Microsoft Entra ID (Azure AD) application client secret',
    tags: ['azure', 'client-secret', 'cloud'],
    // Microsoft Purview, sensitive information type "Microsoft Entra client secret": at most 40
    // characters from letters, digits, `-`, `_`, `.` and `~`; its examples `abc7Q~…` (37 chars)
    // and `abc8Q~…` (40 chars) show the shape: 3 characters, a version digit, `Q~`, then the
    // rest, so 31 to 34 characters after `Q~`. Delimited explicitly because the value may start
    // or end with `.`/`~`/`-`, where \b does not apply. Entropy gate: random secrets of the
    // shortest length stay above 4.1 bits/char (100k samples); `xxxx` fillers are far below.
    pattern: String.raw`(?:^|[^A-Za-z0-9_.~\-])([A-Za-z0-9_.~\-]{3}[0-9]Q~[A-Za-z0-9_.~\-]{31,34})(?:[^A-Za-z0-9_.~\-]|$)`,
    keywords: ['0Q~', '1Q~', '2Q~', '3Q~', '4Q~', '5Q~', '6Q~', '7Q~', '8Q~', '9Q~'],
    caseSensitiveKeywords: true,
    minEntropy: 4.0,
  },
  {
    id: 'azure-shared-access-key',
    description: 'Azure Service Bus / Event Hubs / IoT Hub / Relay shared access key (SharedAccessKey=)',
    tags: ['azure', 'shared-access-key', 'cloud'],
    // 32-byte key, base64: 43 characters + `=`.
    pattern: String.raw`(?i)\bSharedAccessKey=([A-Za-z0-9+/]{43}=)`,
    keywords: ['sharedaccesskey='],
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- DigitalOcean
  {
    id: 'digitalocean-pat',
    description: 'DigitalOcean personal access token',
    tags: ['digitalocean', 'token', 'cloud'],
    pattern: String.raw`\b(dop_v1_[a-f0-9]{64})\b`,
    keywords: ['dop_v1_'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'digitalocean-access-token',
    description: 'DigitalOcean OAuth access token',
    tags: ['digitalocean', 'token', 'cloud'],
    pattern: String.raw`\b(doo_v1_[a-f0-9]{64})\b`,
    keywords: ['doo_v1_'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'digitalocean-refresh-token',
    description: 'DigitalOcean OAuth refresh token',
    tags: ['digitalocean', 'token', 'cloud'],
    pattern: String.raw`\b(dor_v1_[a-f0-9]{64})\b`,
    keywords: ['dor_v1_'],
    caseSensitiveKeywords: true,
  },

  // ---------------------------------------------------------------- Heroku
  {
    id: 'heroku-api-key-v2',
    description: 'Heroku API key / OAuth token (HRKU- format)',
    tags: ['heroku', 'api-key', 'cloud'],
    // `HRKU-` + 60 characters of [A-Za-z0-9_-].
    pattern: String.raw`\b(HRKU-[A-Za-z0-9_\-]{60})(?:[^A-Za-z0-9_\-]|$)`,
    keywords: ['HRKU-'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'heroku-api-key',
    description: 'Heroku legacy API key (a UUID) next to the word heroku',
    tags: ['heroku', 'api-key', 'cloud'],
    pattern: String.raw`(?i)heroku${GAP}${SEP}(${UUID})\b`,
    keywords: ['heroku'],
    minEntropy: 3.0,
  },

  // ---------------------------------------------------------------- Cloudflare
  {
    id: 'cloudflare-api-key',
    description: 'Cloudflare API token (pre-2026 unprefixed, 40 characters) next to its key name',
    tags: ['cloudflare', 'api-token', 'cloud'],
    pattern: String.raw`(?i)(?:cloudflare|cf_api)${GAP}${SEP}([A-Za-z0-9_\-]{40})(?:[^A-Za-z0-9_\-]|$)`,
    keywords: ['cloudflare', 'cf_api'],
    minEntropy: 3.0,
  },
  {
    id: 'cloudflare-global-api-key',
    description: 'Cloudflare global API key (37–45 lowercase hex) next to its key name or in X-Auth-Key',
    tags: ['cloudflare', 'api-key', 'cloud'],
    pattern: String.raw`(?i)(?:(?:cloudflare|cf_api)${GAP}${SEP}|\bx-auth-key:[ \t]{0,4})([a-f0-9]{37,45})\b`,
    keywords: ['cloudflare', 'cf_api', 'x-auth-key'],
    minEntropy: 3.0,
  },
  {
    id: 'cloudflare-scannable-token',
    description: 'Cloudflare API credential in the prefixed format (cfk_ key, cfut_ user token, cfat_ account token)',
    tags: ['cloudflare', 'api-token', 'cloud'],
    // Prefix + 40 characters + a CRC32 checksum suffix (encoding not documented: length bounded
    // loosely).
    pattern: String.raw`\b(cf(?:k|ut|at)_[A-Za-z0-9]{42,56})\b`,
    keywords: ['cfk_', 'cfut_', 'cfat_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'cloudflare-origin-ca-key',
    description: 'Cloudflare Origin CA key',
    tags: ['cloudflare', 'origin-ca-key', 'cloud'],
    // `v1.0-` + 24 hex + `-` + 146 hex.
    pattern: String.raw`\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b`,
    // `v1.0-` alone is every `v1.0-SNAPSHOT` / `v1.0-rc1` version string: the keywords carry the
    // first (lower-case hex) character of the key too. `v1.0-beta`/`-dev`/`-alpha`/`-final`
    // still make a line a candidate (b, d, a, f are hex); going two characters deep would take
    // 256 keywords for one rule.
    keywords: [...'0123456789abcdef'].map((c) => `v1.0-${c}`),
    caseSensitiveKeywords: true,
  },

  // ---------------------------------------------------------------- Alibaba Cloud
  {
    id: 'alibaba-access-key-id',
    description: 'Alibaba Cloud AccessKey id',
    tags: ['alibaba', 'access-key-id', 'cloud'],
    // `LTAI` + 12–20 alphanumerics (16- and 24-character ids exist).
    pattern: String.raw`\b(LTAI[A-Za-z0-9]{12,20})\b`,
    keywords: ['LTAI'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'alibaba-secret-key',
    description: 'Alibaba Cloud AccessKey secret (30 alphanumerics) next to its key name',
    tags: ['alibaba', 'secret-key', 'cloud'],
    pattern: String.raw`(?i)(?:alibaba|aliyun|alicloud)[\w.\-]{0,30}${SEP}([A-Za-z0-9]{30})\b`,
    keywords: ['alibaba', 'aliyun', 'alicloud'],
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- IBM Cloud
  {
    id: 'ibm-cloud-api-key',
    description: 'IBM Cloud IAM API key (44 characters) next to its key name',
    tags: ['ibm', 'api-key', 'cloud'],
    pattern: String.raw`(?i)ibm[\w.\-]{0,30}${SEP}([A-Za-z0-9_\-]{44})(?:[^A-Za-z0-9_\-]|$)`,
    // `ibm` is the only literal every match holds: the value (44 characters) has no fixed part
    // and the key-name tail varies (IBMCLOUD_API_KEY, ibm_api_key, ibmApiKey).
    keywords: ['ibm'],
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- Fly.io
  {
    id: 'flyio-access-token',
    description: 'Fly.io access token (fo1_ personal token, or FlyV1 macaroon token)',
    tags: ['flyio', 'token', 'cloud'],
    // `fo1_` + 43 base64url characters; or `FlyV1 ` + comma-separated `fm1r_`/`fm1a_`/`fm2_`
    // macaroons (standard base64). The `FlyV1 ` scheme word is masked with the token.
    pattern: String.raw`(?:\b(fo1_[A-Za-z0-9_\-]{43})(?:[^A-Za-z0-9_\-]|$)|\b((?:FlyV1 )?fm(?:1[ar]|2)_[A-Za-z0-9+/]{80,1000}={0,2}(?:,fm(?:1[ar]|2)_[A-Za-z0-9+/]{20,1000}={0,2})?(?:,fm(?:1[ar]|2)_[A-Za-z0-9+/]{20,1000}={0,2})?))`,
    keywords: ['fo1_', 'fm1r_', 'fm1a_', 'fm2_'],
    caseSensitiveKeywords: true,
    secretGroup: [1, 2],
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- Scaleway
  {
    id: 'scaleway-secret-key',
    description: 'Scaleway API secret key (a UUID) next to a scw/scaleway secret key name',
    tags: ['scaleway', 'secret-key', 'cloud'],
    // `scw` directly before `secret` (SCW_SECRET_KEY, scwSecretKey), or `scaleway` anywhere in
    // the key name: so the keywords are `scw_secret`… rather than a bare `scw`, which base64 and
    // random ids contain.
    pattern: String.raw`(?i)(?:scw[_.\-]?|scaleway[\w.\-]{0,20})secret[\w.\-]{0,20}${SEP}(${UUID})\b`,
    keywords: ['scw_secret', 'scw-secret', 'scw.secret', 'scwsecret', 'scaleway'],
    minEntropy: 3.0,
  },

  // ---------------------------------------------------------------- Linode / Akamai
  {
    id: 'linode-api-token',
    description: 'Linode (Akamai Cloud) personal access token (64 hex) next to its key name',
    tags: ['linode', 'api-token', 'cloud'],
    pattern: String.raw`(?i)linode${GAP}${SEP}([a-f0-9]{64})\b`,
    keywords: ['linode'],
    minEntropy: 3.0,
  },
  {
    id: 'akamai-edgegrid-token',
    description: 'Akamai EdgeGrid client or access token (akab-)',
    tags: ['akamai', 'edgegrid', 'cloud'],
    // `.edgerc` credentials (techdocs.akamai.com, "Create authentication credentials"): the
    // client token and access token read `akab-` + two lower-case base32 groups joined by
    // `-`. The API host has the same start but continues `.luna.akamaiapis.net`, so a match
    // followed by `.` and a letter is not a token. (The client secret is bare base64: the
    // context engine's job.)
    pattern: String.raw`\b(akab-[a-z0-9]{12,40}-[a-z0-9]{12,40})\.?(?:[^a-z0-9_.\-\n]|(?m:$))`,
    keywords: ['akab-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- Tencent Cloud
  {
    id: 'tencent-cloud-secret-id',
    description: 'Tencent Cloud API SecretId (AKID + 32)',
    tags: ['tencent', 'access-key-id', 'cloud'],
    // Tencent Cloud CAM API keys: the SecretId is `AKID` + 32 base62 and always travels with
    // its SecretKey (masked like AWS access key ids). The SecretKey has no prefix.
    pattern: String.raw`\b(AKID[A-Za-z0-9]{32})\b`,
    keywords: ['AKID'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- Amazon (non-AWS APIs)
  {
    id: 'amazon-mws-auth-token',
    description: 'Amazon Marketplace Web Service auth token (amzn.mws. + UUID)',
    tags: ['amazon', 'mws', 'cloud'],
    pattern: String.raw`\b(amzn\.mws\.${UUID})\b`,
    keywords: ['amzn.mws.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'amazon-lwa-token',
    description: 'Login with Amazon access (Atza|) or refresh (Atzr|) token',
    tags: ['amazon', 'oauth-token', 'cloud'],
    // LWA (Selling Partner API, Alexa) tokens: `Atza|` access tokens, `Atzr|` refresh tokens,
    // then a few hundred base64url characters.
    pattern: String.raw`\b(Atz[ar]\|[A-Za-z0-9_\-]{40,1000})(?:[^A-Za-z0-9_\-]|$)`,
    keywords: ['Atza|', 'Atzr|'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },

  // ---------------------------------------------------------------- Kubernetes platforms
  {
    id: 'openshift-user-token',
    description: 'OpenShift OAuth access token (sha256~ + 43)',
    tags: ['openshift', 'access-token', 'cloud'],
    // `oc whoami -t` / OAuth access tokens: `sha256~` + 43 base64url characters.
    pattern: String.raw`\b(sha256~[A-Za-z0-9_\-]{43})(?:[^A-Za-z0-9_\-]|$)`,
    keywords: ['sha256~'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'rancher-api-token',
    description: 'Rancher API token (token-<5>:<54>)',
    tags: ['rancher', 'api-token', 'cloud'],
    // Rancher API keys / bearer tokens: `token-` + 5 lower-case base36 (the token name), `:`,
    // then the 54-character lower-case secret. The name alone is not secret; the whole pair is
    // masked because it is sent as one bearer value.
    pattern: String.raw`\b(token-[a-z0-9]{5}:[a-z0-9]{54})\b`,
    keywords: ['token-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
];
