import type { Rule } from '../rule.js';

/**
 * SaaS: chat and messaging (Slack, Discord, Telegram, Teams, Twilio, SendGrid, Mailgun, …),
 * observability (Sentry, Datadog, New Relic, Grafana, PagerDuty, Sumo Logic, …), productivity
 * and developer SaaS (Atlassian, Trello, Linear, Notion, Airtable, Figma, HubSpot, …), identity and
 * secret managers (Okta, 1Password, age), hosted platforms (Supabase, PlanetScale,
 * Netlify, Vercel, …), social platforms (Meta, Instagram, Pinterest), CRM and productivity
 * (Salesforce, Zoho, ClickUp, Adobe, Cloudinary), Authress and Yandex, and IoT platforms
 * (Ubidots, Adafruit IO).
 *
 * Formats come from each provider's documentation (token/API-key reference pages, changelogs
 * announcing prefixed tokens, webhook setup guides). Where a provider documents a distinctive
 * prefix (`xoxb-`, `SG.`, `NRAK-`, `glsa_`, `PMAK-`, `sbp_` …) the rule keys on it and masks the
 * whole token. Where a key is only an unmarked hex or alphanumeric string (Datadog, Algolia,
 * PagerDuty, Zendesk, …) the rule needs the provider's name (or its documented env/header
 * name) right before the value, and an entropy floor.
 *
 * Webhook URLs (Slack, Discord, Teams) are credentials in themselves: the rule masks the
 * path part that carries the secret and leaves the host readable.
 */

/** Separator between a context word (plus a short key suffix) and its value: `=`, `:`, JSON. */
const SEP = String.raw`[\w.\-]{0,20}["']?[ \t]{0,16}[:=][ \t]{0,16}["']?`;
/**
 * Ends a base64url token: the next byte is not part of it (RE2 has no lookahead). It is
 * consumed but outside the secret group; never a newline.
 */
const END_B64URL = String.raw`(?:[^A-Za-z0-9_\-\n]|(?m:$))`;
/** Ends a standard-base64 token. */
const END_B64 = String.raw`(?:[^A-Za-z0-9+/=\n]|(?m:$))`;
/** Mailgun private keys: key- + 32 hex (old) or 32 hex - 8 hex - 8 hex (current). */
const MAILGUN_KEY = String.raw`(?-i:key-)[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}`;
/** Context words for unprefixed Atlassian tokens, in the three casings key names use. */
const ATLASSIAN_WORDS = ['jira', 'Jira', 'JIRA', 'confluence', 'Confluence', 'CONFLUENCE', 'atlassian', 'Atlassian', 'ATLASSIAN'];
/**
 * The first part of a Discord bot token: base64 of the bot's user id, a snowflake of 17–20
 * ASCII digits, unpadded. A pattern can check that it decodes to digits and nothing else:
 * three digits (0x30–0x39) encode to `[MNO]`, then `[DTjz]` (`O` takes `[DT]` only: 0x38 and
 * 0x39 end in 00 and 01), then `[AEIMQUYcgk]` (the low nibble 0–9, shifted), then `[w-z0-5]`
 * (0x30–0x39 as a 6-bit value). One digit left over encodes to `[MN][AQgw]` or `O[AQ]`, two to
 * the first three characters of a group. 17 digits = 23 characters, 18 = 24, 19 = 26, 20 = 27.
 * Exactly the decode check a validator would run, with no validator: any other text fails it.
 */
const DISCORD_ID_HEAD = String.raw`(?:M[DTjz]|N[DTjz]|O[DT])[AEIMQUYcgk]`;
const DISCORD_ID_GROUP = String.raw`${DISCORD_ID_HEAD}[w-z0-5]`;
const DISCORD_ID_B64 = String.raw`(?:${DISCORD_ID_GROUP}){5}${DISCORD_ID_HEAD}|(?:${DISCORD_ID_GROUP}){6}(?:${DISCORD_ID_HEAD}|[MN][AQgw]|O[AQ])?`;
/** Every first-part opening (`MTA`…`OTk`): the keywords of the bare Discord rule. */
const DISCORD_ID_OPENINGS = ['MD', 'MT', 'Mj', 'Mz', 'ND', 'NT', 'Nj', 'Nz', 'OD', 'OT'].flatMap((p) => [...'AEIMQUYcgk'].map((c) => p + c));
const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;

export const saasRules: readonly Rule[] = [
  // ---------------------------------------------------------------- Slack
  // Slack documents each token type by its prefix (docs.slack.dev/authentication/tokens,
  // "token types"): bot `xoxb-`, user `xoxp-`, app-level `xapp-`, configuration `xoxe.xoxp-`
  // with refresh `xoxe-`; the legacy docs add workspace-app tokens `xoxa-` and refresh tokens
  // `xoxr-`. It does not document the body. Its examples (oauth.v2.access:
  // `xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy`) show the shape the rules below
  // share: decimal id segments joined by `-`, then one random segment. The bounds are ours and
  // deliberately loose: ids of 6-16 digits (Slack ids are 9-13 today), a random tail of 20-40.
  {
    id: 'slack-bot-token',
    description: 'Slack bot token (xoxb-<team id>-<bot id>-<secret>)',
    tags: ['slack', 'bot-token', 'saas'],
    pattern: String.raw`\b(xoxb-[0-9]{6,16}-[0-9]{6,16}-[0-9A-Za-z]{20,40})\b`,
    keywords: ['xoxb-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Classic bot tokens (the older OAuth flow) carry one id segment before the secret, which
    // was shorter on old workspaces: we take 16-40.
    id: 'slack-legacy-bot-token',
    description: 'Slack classic bot token (xoxb-<id>-<secret>)',
    tags: ['slack', 'bot-token', 'saas'],
    pattern: String.raw`\b(xoxb-[0-9]{6,16}-[0-9A-Za-z]{16,40})\b`,
    keywords: ['xoxb-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // User tokens: three id segments (team, user, authorization) and a hex secret. `xoxe-`
    // followed by the same shape is the expiring form handed out under token rotation.
    id: 'slack-user-token',
    description: 'Slack user token (xoxp-, or its rotating xoxe- form)',
    tags: ['slack', 'user-token', 'saas'],
    pattern: String.raw`\b(xox[pe](?:-[0-9]{6,16}){3}-[0-9A-Fa-f]{20,40})\b`,
    keywords: ['xoxp-', 'xoxe-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'slack-app-token',
    description: 'Slack app-level token (xapp-)',
    tags: ['slack', 'app-token', 'saas'],
    pattern: String.raw`\b(xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-fA-F0-9]{64})\b`,
    keywords: ['xapp-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'slack-config-access-token',
    description: 'Slack app configuration access token (xoxe.xoxp- / xoxe.xoxb-)',
    tags: ['slack', 'config-token', 'saas'],
    pattern: String.raw`\b(xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{150,180})\b`,
    keywords: ['xoxe.xoxp-', 'xoxe.xoxb-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'slack-config-refresh-token',
    description: 'Slack app configuration refresh token (xoxe-<n>-)',
    tags: ['slack', 'refresh-token', 'saas'],
    pattern: String.raw`\b(xoxe-[0-9]-[A-Za-z0-9]{130,160})\b`,
    keywords: ['xoxe-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Retired workspace apps: access tokens `xoxa-` and refresh tokens `xoxr-`, which carry a
    // one-digit version segment (`xoxa-2-…`) before the ids; one to four id segments, then an
    // alphanumeric secret. Ids repeat digits, hence the lower entropy floor.
    id: 'slack-legacy-workspace-token',
    description: 'Slack legacy workspace app token (xoxa-) or refresh token (xoxr-)',
    tags: ['slack', 'workspace-token', 'saas'],
    pattern: String.raw`\b(xox[ar]-(?:[0-9]-)?[0-9]{4,16}(?:-[0-9]{4,16}){0,3}-[0-9A-Za-z]{8,64})\b`,
    keywords: ['xoxa-', 'xoxr-'],
    caseSensitiveKeywords: true,
    minEntropy: 2.5,
  },
  {
    // Legacy tester/session tokens (`xoxs-`) and `xoxo-`: two to four id segments, hex secret.
    id: 'slack-legacy-token',
    description: 'Slack legacy token (xoxs-, xoxo-)',
    tags: ['slack', 'legacy-token', 'saas'],
    pattern: String.raw`\b(xox[os](?:-[0-9]{3,16}){2,4}-[0-9A-Fa-f]{8,64})\b`,
    keywords: ['xoxs-', 'xoxo-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // services/T…/B…/<24>; workflows and triggers add a numeric id and use a 32-char secret.
    id: 'slack-webhook-url',
    description: 'Slack incoming or workflow webhook URL (the path after the host is the secret)',
    tags: ['slack', 'webhook', 'saas'],
    pattern: String.raw`hooks\.slack\.com/(?:services|workflows|triggers)/(T[A-Z0-9]{6,12}/[AB][A-Z0-9]{6,12}/(?:[0-9]{8,20}/)?[A-Za-z0-9]{20,34})\b`,
    keywords: ['hooks.slack.com'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  // ---------------------------------------------------------------- Discord
  {
    id: 'discord-webhook-url',
    description: 'Discord webhook URL (id/token after /api/webhooks/)',
    tags: ['discord', 'webhook', 'saas'],
    pattern: String.raw`discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/([0-9]{17,20}/[A-Za-z0-9_\-]{60,72})${END_B64URL}`,
    keywords: ['discord.com/api/', 'discordapp.com/api/'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Bot tokens are base64(user id) . base64(timestamp) . HMAC; the first part starts M/N/O.
    id: 'discord-bot-token',
    description: 'Discord bot token next to the word discord',
    tags: ['discord', 'bot-token', 'saas'],
    pattern: String.raw`(?i)discord${SEP}(?:bot[ \t]{1,4})?((?-i:[MNO][A-Za-z0-9_\-]{23,27}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,40}))${END_B64URL}`,
    keywords: ['discord'],
    minEntropy: 3.5,
  },
  {
    // The same tokens with no word nearby (`Authorization: Bot …`, a token in a stack trace or a
    // process listing): the first part must decode to a 17–20 digit id (`DISCORD_ID_B64`), then
    // the 6-character timestamp and the 27-character (older) or 38-character HMAC. Next to the
    // word discord both rules match the same bytes: the spans merge into one finding.
    id: 'discord-bot-token-bare',
    description: 'Discord bot token without context: base64 of a numeric user id . 6 . 27–38 base64url',
    tags: ['discord', 'bot-token', 'saas'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_\-.])((?:${DISCORD_ID_B64})\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38})${END_B64URL}`,
    // PERF: 100 three-character openings, case-sensitive; `MTU` (network logs) and the like
    // make a line a candidate now and then, and the pattern rejects it in one RE2 call.
    keywords: DISCORD_ID_OPENINGS,
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'discord-client-secret',
    description: 'Discord OAuth2 client secret next to discord…secret',
    tags: ['discord', 'client-secret', 'saas'],
    pattern: String.raw`(?i)discord[\w.\-]{0,20}secret["']?[ \t]{0,16}[:=][ \t]{0,16}["']?([A-Za-z0-9_\-]{32})${END_B64URL}`,
    keywords: ['discord'],
    minEntropy: 3.5,
  },
  // ---------------------------------------------------------------- Telegram, Teams
  {
    // <bot id>:<35 chars>, and the secret part always starts with AA.
    id: 'telegram-bot-api-token',
    description: 'Telegram Bot API token (in a Bot API URL, next to the word telegram, or alone: <bot id>:AA + 33)',
    tags: ['telegram', 'bot-token', 'saas'],
    pattern: String.raw`(?i)(?:telegram${SEP}|api\.telegram\.org/(?:file/)?bot|\b)((?-i:[0-9]{8,10}:AA[A-Za-z0-9_\-]{33}))${END_B64URL}`,
    keywords: ['telegram', ':aa'],
    minEntropy: 3.0,
  },
  {
    id: 'microsoft-teams-webhook',
    description: 'Microsoft Teams incoming webhook URL (the path after webhookb2/)',
    tags: ['microsoft-teams', 'webhook', 'saas'],
    pattern: String.raw`webhook\.office\.com/webhookb2/(${UUID}@${UUID}/IncomingWebhook/[0-9a-fA-F]{32}/${UUID}(?:/[A-Za-z0-9_\-]{20,60})?)`,
    keywords: ['webhook.office.com/webhookb2/'],
    caseSensitiveKeywords: true,
  },
  // ---------------------------------------------------------------- Messaging and email
  {
    // The SK… SID names an API key; it always travels with the key secret, so it is masked
    // where the word twilio shows it is one (bare SK+32 hex is too common to match alone).
    id: 'twilio-api-key',
    description: 'Twilio API key SID (SK + 32 hex) on a line mentioning twilio',
    tags: ['twilio', 'api-key', 'saas'],
    pattern: String.raw`(?i)twilio.{0,40}?\b((?-i:SK)[0-9a-fA-F]{32})\b`,
    keywords: ['twilio'],
    minEntropy: 3.0,
  },
  {
    // Auth tokens are 32 hex; API key secrets 32 alphanumerics. Account SIDs (AC + 32 hex)
    // are 34 chars and fail the length.
    id: 'twilio-auth-token',
    description: 'Twilio auth token or API key secret next to the word twilio',
    tags: ['twilio', 'auth-token', 'saas'],
    pattern: String.raw`(?i)twilio${SEP}([A-Za-z0-9]{32})\b`,
    keywords: ['twilio'],
    minEntropy: 3.2,
  },
  {
    id: 'sendgrid-api-token',
    description: 'SendGrid API key (SG.<22>.<43>)',
    tags: ['sendgrid', 'api-key', 'saas'],
    pattern: String.raw`\b(SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})${END_B64URL}`,
    keywords: ['SG.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Old keys: key- + 32 hex; current keys: 32 hex - 8 hex - 8 hex. Also the basic-auth URL
    // form https://api:key-…@api.mailgun.net. The old form (`key-` + 32 lower-case hex) needs no
    // key name next to it, but a line that names a credential or Mailgun somewhere before it:
    // `key-<md5>` alone is as often a cache, object or idempotency key (`cache key-d41d8…`).
    // Not inside a longer name (`cache-key-<md5>`, `lock_key-…`, `a.key-…`, `/key-…`) and not
    // followed by more name characters.
    id: 'mailgun-private-api-token',
    description: 'Mailgun private API key next to mailgun, or the legacy key-<32 hex> on a line that names a credential',
    tags: ['mailgun', 'api-key', 'saas'],
    pattern: String.raw`(?i)(?:mailgun${SEP}(${MAILGUN_KEY})\b|api:(${MAILGUN_KEY})@api(?:\.eu)?\.mailgun\.net)|(?i:mailgun|api[_-]?key|apikey|token|secret|auth|basic)[^\n]{0,200}?(?:^|[^A-Za-z0-9_.\-/])((?-i:key-[0-9a-f]{32}))(?:[^A-Za-z0-9_\-]|(?m:$))|\bapi:((?-i:key-[0-9a-f]{32}))\b`,
    // PERF: `key-` is in every match of the legacy form (its context word is checked by the
    // pattern): the broad context words as keywords made their lines candidates for nothing.
    keywords: ['mailgun', 'key-', 'api:'],
    secretGroup: [1, 2, 3, 4],
    minEntropy: 3.0,
  },
  {
    id: 'mailgun-signing-key',
    description: 'Mailgun webhook signing key next to mailgun…signing/webhook',
    tags: ['mailgun', 'signing-key', 'saas'],
    pattern: String.raw`(?i)mailgun[\w.\-]{0,20}(?:signing|webhook)[\w.\-]{0,20}["']?[ \t]{0,16}[:=][ \t]{0,16}["']?((?-i:key-)?[0-9a-f]{32})\b`,
    keywords: ['mailgun'],
    minEntropy: 3.0,
  },
  {
    // 32 hex + `-us` + the datacenter number (us1 … us21; never us0), so every key contains
    // one of `-us1`…`-us9`: the keyword skips `-user` and `-us-east-1`.
    id: 'mailchimp-api-key',
    description: 'Mailchimp API key (32 hex + -usNN)',
    tags: ['mailchimp', 'api-key', 'saas'],
    pattern: String.raw`\b([0-9a-f]{32}-us[1-9][0-9]?)\b`,
    keywords: ['-us1', '-us2', '-us3', '-us4', '-us5', '-us6', '-us7', '-us8', '-us9'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'messagebird-api-token',
    description: 'MessageBird (Bird) access key (25 chars) next to messagebird',
    tags: ['messagebird', 'api-key', 'saas'],
    pattern: String.raw`(?i)message[_\-.]?bird${SEP}([A-Za-z0-9]{25})\b`,
    keywords: ['messagebird', 'message_bird', 'message-bird', 'message.bird'],
    minEntropy: 3.2,
  },
  // ---------------------------------------------------------------- Observability
  {
    // Org auth tokens: sntrys_ + base64(JSON claims) + _ + base64 secret.
    id: 'sentry-org-token',
    description: 'Sentry organization auth token (sntrys_)',
    tags: ['sentry', 'org-token', 'observability'],
    pattern: String.raw`\b(sntrys_eyJ[A-Za-z0-9+/=_\-]{60,600})`,
    keywords: ['sntrys_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'sentry-user-token',
    description: 'Sentry user auth token (sntryu_ + 64 hex)',
    tags: ['sentry', 'user-token', 'observability'],
    pattern: String.raw`\b(sntryu_[a-f0-9]{64})\b`,
    keywords: ['sntryu_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // The public key of a DSN lets anyone post events to the project; the legacy
    // public:secret form also carries a real secret.
    id: 'sentry-dsn',
    description: 'Sentry DSN key(s) in the userinfo of a Sentry URL',
    tags: ['sentry', 'dsn', 'observability'],
    pattern: String.raw`https?://([0-9a-f]{32}(?::[0-9a-f]{32})?)@[\w.\-]{0,60}sentry[\w.\-]{0,60}`,
    keywords: ['sentry'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'datadog-api-key',
    description: 'Datadog API key (32 hex) next to datadog or DD_API_KEY / DD-API-KEY',
    tags: ['datadog', 'api-key', 'observability'],
    pattern: String.raw`(?i)(?:datadog|dd[_\-]api[_\-]key)${SEP}([0-9a-f]{32})\b`,
    keywords: ['datadog', 'dd_api_key', 'dd-api-key', 'dd_api-key', 'dd-api_key'],
    minEntropy: 3.0,
  },
  {
    id: 'datadog-app-key',
    description: 'Datadog application key (40 hex) next to datadog or DD_APP_KEY / DD-APPLICATION-KEY',
    tags: ['datadog', 'app-key', 'observability'],
    pattern: String.raw`(?i)(?:datadog|dd[_\-]app(?:lication)?[_\-]key)${SEP}([0-9a-f]{40})\b`,
    keywords: ['datadog', 'dd_app', 'dd-app'],
    minEntropy: 3.0,
  },
  {
    id: 'new-relic-user-api-key',
    description: 'New Relic user API key (NRAK-)',
    tags: ['newrelic', 'api-key', 'observability'],
    pattern: String.raw`\b(NRAK-[A-Z0-9]{27})\b`,
    keywords: ['NRAK-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'new-relic-admin-api-key',
    description: 'New Relic admin API key (NRAA-)',
    tags: ['newrelic', 'admin-key', 'observability'],
    pattern: String.raw`\b(NRAA-[a-fA-F0-9]{27})\b`,
    keywords: ['NRAA-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'new-relic-insert-key',
    description: 'New Relic Insights insert key (NRII-)',
    tags: ['newrelic', 'insert-key', 'observability'],
    pattern: String.raw`\b(NRII-[A-Za-z0-9_\-]{32})${END_B64URL}`,
    keywords: ['NRII-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Ingest license keys are 40 chars and end in NRAL (the first chars name the region).
    id: 'new-relic-license-key',
    description: 'New Relic ingest license key (… NRAL)',
    tags: ['newrelic', 'license-key', 'observability'],
    pattern: String.raw`\b([A-Za-z0-9]{36}NRAL)\b`,
    keywords: ['NRAL'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'grafana-cloud-api-token',
    description: 'Grafana Cloud access policy token (glc_ + base64 JSON)',
    tags: ['grafana', 'cloud-token', 'observability'],
    pattern: String.raw`\b(glc_eyJ[A-Za-z0-9+/]{30,400}={0,2})${END_B64}`,
    keywords: ['glc_eyJ'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'grafana-service-account-token',
    description: 'Grafana service account token (glsa_ + 32 + _ + 8 hex checksum)',
    tags: ['grafana', 'service-account-token', 'observability'],
    pattern: String.raw`\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b`,
    keywords: ['glsa_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Legacy API keys are base64 of {"k":"…","n":"…","id":…}, so they open with eyJrIjoi.
    id: 'grafana-api-key',
    description: 'Grafana legacy API key (base64 JSON starting eyJrIjoi)',
    tags: ['grafana', 'api-key', 'observability'],
    pattern: String.raw`\b(eyJrIjoi[A-Za-z0-9+/]{50,200}={0,2})${END_B64}`,
    keywords: ['eyJrIjoi'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // REST API keys are 20 chars; the `Token token=` header form is PagerDuty's own.
    id: 'pagerduty-api-key',
    description: 'PagerDuty REST API key next to pagerduty or in a Token token= header',
    tags: ['pagerduty', 'api-key', 'observability'],
    pattern: String.raw`(?i)(?:pagerduty${SEP}|token token=["']?)((?-i:u\+)?[A-Za-z0-9_+\-]{20})(?:[^A-Za-z0-9_+\-\n]|(?m:$))`,
    keywords: ['pagerduty', 'token token='],
    minEntropy: 3.2,
  },
  {
    id: 'sumologic-access-id',
    description: 'Sumo Logic access id (su + 12) next to sumo',
    tags: ['sumologic', 'access-id', 'observability'],
    pattern: String.raw`(?i)(?:\b|_)sumo(?:logic[_.\-]?|[_.\-])[\w.\-]{0,20}?access[_\-.]?id["']?[ \t]{0,16}[:=][ \t]{0,16}["']?((?-i:su)[A-Za-z0-9]{12})\b`,
    keywords: ['sumo'],
    minEntropy: 3.0,
  },
  {
    id: 'sumologic-access-token',
    description: 'Sumo Logic access key (64 chars) next to sumo',
    tags: ['sumologic', 'access-key', 'observability'],
    pattern: String.raw`(?i)(?:\b|_)sumo(?:logic[_.\-]?|[_.\-])${SEP}([A-Za-z0-9]{64})\b`,
    keywords: ['sumo'],
    minEntropy: 3.5,
  },
  {
    id: 'segment-public-api-token',
    description: 'Segment Public API token (sgp_)',
    tags: ['segment', 'api-token', 'observability'],
    pattern: String.raw`\b(sgp_[A-Za-z0-9]{64})\b`,
    keywords: ['sgp_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // The key name must be amplitude + api/secret/key (AMPLITUDE_API_KEY, amplitude.secretKey,
    // amplitudeKey): `amplitude` alone is an ordinary word in audio and sensor logs.
    id: 'amplitude-api-key',
    description: 'Amplitude API/secret key (32 hex) under an amplitude api/secret/key name',
    tags: ['amplitude', 'api-key', 'observability'],
    pattern: String.raw`(?i)amplitude[_.\-]?(?:api|secret|key)${SEP}([0-9a-f]{32})\b`,
    keywords: [...['', '_', '.', '-'].flatMap((sep) => ['api', 'secret', 'key'].map((w) => `amplitude${sep}${w}`))],
    minEntropy: 3.0,
  },
  {
    id: 'mixpanel-api-secret',
    description: 'Mixpanel API secret or service account secret next to mixpanel',
    tags: ['mixpanel', 'api-secret', 'observability'],
    pattern: String.raw`(?i)mixpanel${SEP}([A-Za-z0-9]{32})\b`,
    keywords: ['mixpanel'],
    minEntropy: 3.2,
  },
  // ---------------------------------------------------------------- Identity and secrets
  {
    // API tokens are 00 + 40; sent in the `Authorization: SSWS <token>` header. The context
    // word must start a word or follow `_` (`rookTable` contains "okTa").
    id: 'okta-access-token',
    description: 'Okta API token next to okta or after SSWS',
    tags: ['okta', 'api-token', 'identity'],
    pattern: String.raw`(?i)(?:(?:\b|_)okta${SEP}|\bssws[ \t]{1,4})((?-i:00)[A-Za-z0-9_\-]{40})${END_B64URL}`,
    keywords: ['okta', 'ssws'],
    minEntropy: 3.5,
  },
  {
    // developer.1password.com (service accounts): the token is `ops_` + base64 of a JSON
    // object (sign-in address, SRP and key material, the account's Secret Key…), so it opens
    // `ops_eyJ` and runs to several hundred chars; base64 pads with at most two `=`. We take
    // 200+ chars (the JSON always carries a 64-hex SRP verifier and a 34-char Secret Key) and
    // accept the URL-safe alphabet too. No end anchor: RE2 caps a repetition at 1000, and a
    // longer token must still be masked.
    id: '1password-service-account-token',
    description: '1Password service account token (ops_ + base64 JSON)',
    tags: ['1password', 'service-account-token', 'identity'],
    pattern: String.raw`\b(ops_eyJ[A-Za-z0-9+/_\-]{200,1000}={0,2})`,
    keywords: ['ops_eyJ'],
    caseSensitiveKeywords: true,
    minEntropy: 4.5,
  },
  {
    // 1Password Security Design white paper / support "About your Secret Key": 34 uppercase
    // letters and digits: the version `A3`, a 6-char account id, then 26 random chars. They are
    // printed in dash-separated groups (6-5-5-5-5 for the random part); the grouping is only
    // display, so the random part may carry a dash before any of its chars after the first.
    id: '1password-secret-key',
    description: '1Password account Secret Key (A3-…)',
    tags: ['1password', 'secret-key', 'identity'],
    pattern: String.raw`\b(A3-[0-9A-Z]{6}-[0-9A-Z](?:-?[0-9A-Z]){25})\b`,
    keywords: ['A3-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Bech32 (uppercase) of a 32-byte X25519 key: 58 chars after the `1` separator.
    id: 'age-secret-key',
    description: 'age encryption secret key (AGE-SECRET-KEY-1…)',
    tags: ['age', 'private-key', 'identity'],
    pattern: String.raw`\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b`,
    keywords: ['AGE-SECRET-KEY-1'],
    caseSensitiveKeywords: true,
  },
  // ---------------------------------------------------------------- Productivity and dev SaaS
  {
    // ATATT3xFfGF0 (API tokens) / ATCTT3xFfGF0 (scoped and admin keys) + body + '=' + 8 hex CRC.
    // Tokens issued before 2023 are 24 bare alphanumerics: matched only after jira/confluence/
    // atlassian in the key name, spelled in lower, Capital or UPPER case so the keywords can be
    // exact.
    id: 'atlassian-api-token',
    description: 'Atlassian API token (ATATT3…/ATCTT3…)',
    tags: ['atlassian', 'api-token', 'saas'],
    pattern: String.raw`\b(AT[AC]TT3xFfGF0[A-Za-z0-9_\-]{150,220}=[A-F0-9]{8})\b|(?:${ATLASSIAN_WORDS.join('|')})${SEP}([A-Za-z0-9]{24})\b`,
    keywords: ['ATATT3xFfGF0', 'ATCTT3xFfGF0', ...ATLASSIAN_WORDS],
    caseSensitiveKeywords: true,
    secretGroup: [1, 2],
    minEntropy: 3.5,
  },
  {
    // Trello's 2022 token format ("Trello tokens are getting longer", Atlassian developer
    // community): ATTA + 64 lower-case hex + 8 upper-case hex (a checksum), 76 in all. The
    // older 64-hex tokens have no prefix: they are the context engine's (`TRELLO_TOKEN=`).
    id: 'trello-api-token',
    description: 'Trello API token (ATTA + 64 hex + 8 hex checksum)',
    tags: ['trello', 'api-token', 'saas'],
    pattern: String.raw`\b(ATTA[a-f0-9]{64}[A-F0-9]{8})\b`,
    keywords: ['ATTA'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'linear-api-key',
    description: 'Linear personal API key (lin_api_) or OAuth token (lin_oauth_)',
    tags: ['linear', 'api-key', 'saas'],
    pattern: String.raw`\b(lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})\b`,
    keywords: ['lin_api_', 'lin_oauth_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // ntn_ + 46 alphanumerics in every token we have seen. Notion documents only the prefix;
    // detectors assume 11 digits first, but published tokens open with a letter too
    // (`ntn_P1870053076e…`, `ntn_S7100309…`), so any alphanumerics are taken, 40–50 of them
    // in case the length moves: the prefix is distinctive, `ntn_number` is far too short.
    id: 'notion-api-token',
    description: 'Notion integration token (ntn_)',
    tags: ['notion', 'api-token', 'saas'],
    pattern: String.raw`\b(ntn_[A-Za-z0-9]{40,50})\b`,
    keywords: ['ntn_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // The value is exact-case `secret_` + 43, right after the separator's `=`, `:`, quote or
    // blank: those six spellings are the keywords (the word notion alone is in every
    // notion.so / notion.site URL).
    id: 'notion-integration-secret',
    description: 'Notion legacy integration secret (secret_ + 43) next to notion',
    tags: ['notion', 'api-token', 'saas'],
    pattern: String.raw`(?i)notion${SEP}((?-i:secret_)[A-Za-z0-9]{43})\b`,
    keywords: ['=secret_', ':secret_', '"secret_', "'secret_", ' secret_', '\tsecret_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Tokens read <version>/<user id>[/<app id>]:<32 hex>, e.g. 2/1204…/1206…:<hex>.
    id: 'asana-personal-access-token',
    description: 'Asana personal access token next to asana',
    tags: ['asana', 'access-token', 'saas'],
    pattern: String.raw`(?i)asana${SEP}([0-9]/[0-9]{10,20}(?:/[0-9]{10,20})?:[0-9a-f]{32})\b`,
    keywords: ['asana'],
    minEntropy: 3.0,
  },
  {
    // pat + 14 (token id) . 64 hex (secret): the shape is specific enough to need no key name
    // next to it, but a line needs a word that names a credential somewhere (airtable, token,
    // secret, auth, Bearer, api key). PERF: `pat` alone as the keyword made every line with
    // "path" or "patch" a candidate: 0.83× the catalog's speed on the bench corpus.
    id: 'airtable-personal-access-token',
    description: 'Airtable personal access token (pat<14>.<64 hex>) on a line that names a credential',
    tags: ['airtable', 'access-token', 'saas'],
    pattern: String.raw`(?i)(?:airtable|bearer|token|secret|auth|api[_-]?key|credential)[^\n]{0,200}?\b((?-i:pat)[A-Za-z0-9]{14}\.[a-f0-9]{64})\b`,
    keywords: ['airtable', 'bearer', 'token', 'secret', 'auth', 'api_key', 'apikey', 'api-key', 'credential'],
    minEntropy: 3.5,
  },
  {
    id: 'figma-pat',
    description: 'Figma personal access token (figd_)',
    tags: ['figma', 'access-token', 'saas'],
    pattern: String.raw`\b(figd_[A-Za-z0-9_\-]{38,44})${END_B64URL}`,
    keywords: ['figd_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'hubspot-private-app-token',
    description: 'HubSpot private app access token (pat-<region>-<uuid>)',
    tags: ['hubspot', 'access-token', 'saas'],
    pattern: String.raw`\b(pat-(?:na|eu|ap)[0-9]-${UUID})\b`,
    keywords: ['pat-na', 'pat-eu', 'pat-ap'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'hubspot-api-key',
    description: 'HubSpot legacy developer API key (UUID) next to hubspot or hapikey',
    tags: ['hubspot', 'api-key', 'saas'],
    pattern: String.raw`(?i)(?:hubspot|hapikey)${SEP}(${UUID})\b`,
    keywords: ['hubspot', 'hapikey'],
    minEntropy: 3.0,
  },
  {
    id: 'intercom-access-token',
    description: 'Intercom access token (base64 of "tok:…", so it opens dG9rO)',
    tags: ['intercom', 'access-token', 'saas'],
    pattern: String.raw`\b(dG9rO[jm][A-Za-z0-9+/]{40,100}={0,2})${END_B64}`,
    keywords: ['dG9rO'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'zendesk-secret-key',
    description: 'Zendesk API token (40 chars) next to zendesk',
    tags: ['zendesk', 'api-token', 'saas'],
    pattern: String.raw`(?i)zendesk${SEP}([A-Za-z0-9]{40})\b`,
    keywords: ['zendesk'],
    minEntropy: 3.5,
  },
  {
    id: 'algolia-api-key',
    description: 'Algolia API key (32 hex) next to algolia',
    tags: ['algolia', 'api-key', 'saas'],
    pattern: String.raw`(?i)algolia${SEP}([0-9a-f]{32})\b`,
    keywords: ['algolia'],
    minEntropy: 3.0,
  },
  {
    id: 'contentful-personal-access-token',
    description: 'Contentful personal access token (CFPAT-)',
    tags: ['contentful', 'access-token', 'saas'],
    pattern: String.raw`\b(CFPAT-[A-Za-z0-9_\-]{43})${END_B64URL}`,
    keywords: ['CFPAT-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'postman-api-token',
    description: 'Postman API key (PMAK-<24 hex>-<34 hex>)',
    tags: ['postman', 'api-key', 'saas'],
    pattern: String.raw`\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b`,
    keywords: ['PMAK-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'typeform-api-token',
    description: 'Typeform personal access token (tfp_)',
    tags: ['typeform', 'access-token', 'saas'],
    pattern: String.raw`\b(tfp_[A-Za-z0-9_\-.=]{40,70})(?:[^A-Za-z0-9_\-.=\n]|(?m:$))`,
    keywords: ['tfp_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Short-lived OAuth tokens: sl. + ~135 chars; newer ones sl.u. + a much longer body.
    // RE2 caps a repetition at 1000, so an over-long token is masked up to that length.
    // The keyword is exact-case `sl.`; nothing after it is fixed, so `ssl.` still makes a line
    // a candidate (the pattern's leading boundary then rejects it).
    id: 'dropbox-api-token',
    description: 'Dropbox short-lived access token (sl.)',
    tags: ['dropbox', 'access-token', 'saas'],
    pattern: String.raw`\b(sl\.(?:u\.)?[A-Za-z0-9_\-]{130,1000})`,
    keywords: ['sl.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'mapbox-secret-token',
    description: 'Mapbox secret access token (sk.eyJ1Ijoi…)',
    tags: ['mapbox', 'access-token', 'saas'],
    pattern: String.raw`\b(sk\.eyJ1Ijoi[A-Za-z0-9_\-]{20,200}\.[A-Za-z0-9_\-]{20,30})${END_B64URL}`,
    keywords: ['sk.eyJ1Ijoi'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'twitch-api-token',
    description: 'Twitch OAuth token or client secret (30 chars) next to twitch',
    tags: ['twitch', 'access-token', 'saas'],
    pattern: String.raw`(?i)twitch${SEP}(?:(?-i:oauth:))?([a-z0-9]{30})\b`,
    keywords: ['twitch'],
    minEntropy: 3.2,
  },
  {
    // developer.x.com calls the app-only bearer token "a byte array of unspecified format";
    // issued tokens are URL-encoded base64 (`%2B`, `%2F`, `%3D`) whose leading zero bytes
    // encode as a run of about 21 `A`s. We require 20 `A`s then 50-200 more chars of
    // [A-Za-z0-9%] (our bounds), next to the word twitter.
    id: 'twitter-bearer-token',
    description: 'Twitter/X API bearer token next to twitter',
    tags: ['twitter', 'bearer-token', 'saas'],
    pattern: String.raw`(?i)twitter${SEP}(?:bearer[ \t]{1,4})?((?-i:A{20}[A-Za-z0-9%]{50,200}))(?:[^A-Za-z0-9%\n]|(?m:$))`,
    keywords: ['twitter'],
    minEntropy: 3.5,
  },
  {
    id: 'maxmind-license-key',
    description: 'MaxMind license key (…_mmk)',
    tags: ['maxmind', 'license-key', 'saas'],
    pattern: String.raw`\b([A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)\b`,
    keywords: ['_mmk'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Beamer sends the key in the `Beamer-Api-Key` header; keys read `b_` + a base64 body of
    // about 44 chars (no public spec; we take 40-50 of the base64/base64url alphabets with up
    // to two `=`), and only next to the word beamer.
    id: 'beamer-api-token',
    description: 'Beamer API key (b_ + base64) next to beamer',
    tags: ['beamer', 'api-key', 'saas'],
    pattern: String.raw`(?i)beamer${SEP}((?-i:b_)[A-Za-z0-9+/_\-]{40,50}={0,2})(?:[^A-Za-z0-9+/=_\-\n]|(?m:$))`,
    keywords: ['beamer'],
    minEntropy: 3.5,
  },
  {
    // Frame.io developer tokens (developer.frame.io, Authentication) are bearer tokens that
    // start `fio-u-`; published tokens continue with 64 base64url chars (`-` and `_` included).
    // We accept 60-72 of them.
    id: 'frameio-api-token',
    description: 'Frame.io developer token (fio-u-)',
    tags: ['frameio', 'api-token', 'saas'],
    pattern: String.raw`\b(fio-u-[A-Za-z0-9_\-]{60,72})${END_B64URL}`,
    keywords: ['fio-u-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'nightfall-api-key',
    description: 'Nightfall API key (NF- + 32)',
    tags: ['nightfall', 'api-key', 'saas'],
    pattern: String.raw`\b(NF-[A-Za-z0-9]{32})\b`,
    keywords: ['NF-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Yandex Cloud IAM API keys (yandex.cloud/docs/iam/concepts/authorization/api-key) are
    // sent as `Authorization: Api-Key <key>`; issued secrets begin `AQVN` and continue in
    // base64url, ~40 chars in all. Yandex gives no length, so we take 32-48 after the prefix.
    // Not inside a base64 blob (`…/AQVN…`).
    id: 'yandex-api-key',
    description: 'Yandex Cloud API key (AQVN…)',
    tags: ['yandex', 'api-key', 'saas'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_\-+/\n])(AQVN[A-Za-z0-9_\-]{32,48})${END_B64URL}`,
    keywords: ['AQVN'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  // ---------------------------------------------------------------- Shipping and travel APIs
  {
    // duffel.com/docs (test mode): access tokens start `duffel_test_` or `duffel_live_`;
    // issued tokens continue with 43 base64url chars (32 random bytes). We take 40-50.
    id: 'duffel-api-token',
    description: 'Duffel API token (duffel_live_/duffel_test_)',
    tags: ['duffel', 'api-token', 'saas'],
    pattern: String.raw`\b(duffel_(?:test|live)_[A-Za-z0-9_\-]{40,50})${END_B64URL}`,
    keywords: ['duffel_test_', 'duffel_live_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'easypost-api-token',
    description: 'EasyPost production (EZAK) or test (EZTK) API key',
    tags: ['easypost', 'api-key', 'saas'],
    pattern: String.raw`\b(EZ[AT]K[A-Za-z0-9]{54})\b`,
    keywords: ['EZAK', 'EZTK'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'shippo-api-token',
    description: 'Shippo API token (shippo_live_/shippo_test_ + 40 hex)',
    tags: ['shippo', 'api-token', 'saas'],
    pattern: String.raw`\b(shippo_(?:live|test)_[a-fA-F0-9]{40})\b`,
    keywords: ['shippo_live_', 'shippo_test_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Lob secret keys are live_/test_ + 35 hex; the prefix alone is too common, so the key
    // name must be lob + separator + api/secret/key/token/live/test (LOB_API_KEY, lob.apiKey,
    // lob-secret, LOB_TEST_KEY …). Spelling the word after the separator out keeps `blob.`
    // (Azure hosts) out of the keyword set.
    id: 'lob-api-key',
    description: 'Lob API secret key under a lob_api/lob_secret/lob_key… name',
    tags: ['lob', 'api-key', 'saas'],
    pattern: String.raw`(?i)\blob[_\-.](?:api|secret|key|token|live|test)${SEP}((?-i:live|test)_[a-f0-9]{35})\b`,
    keywords: [...['_', '-', '.'].flatMap((sep) => ['api', 'secret', 'key', 'token', 'live', 'test'].map((w) => `lob${sep}${w}`))],
    minEntropy: 3.0,
  },
  // ---------------------------------------------------------------- Hosted platforms
  {
    id: 'supabase-access-token',
    description: 'Supabase management API personal access token (sbp_ + 40 hex)',
    tags: ['supabase', 'access-token', 'platform'],
    pattern: String.raw`\b(sbp_[a-f0-9]{40})\b`,
    keywords: ['sbp_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'supabase-secret-key',
    description: 'Supabase secret API key (sb_secret_)',
    tags: ['supabase', 'secret-key', 'platform'],
    pattern: String.raw`\b(sb_secret_[A-Za-z0-9_\-]{28,44})${END_B64URL}`,
    keywords: ['sb_secret_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // PlanetScale prefixes its credentials by kind: service tokens `pscale_tkn_`, OAuth
    // tokens `pscale_oauth_`, database passwords `pscale_pw_` (planetscale.com/docs, service
    // tokens and connection strings). Issued values continue with 43 base64url chars; we take
    // 38-64.
    id: 'planetscale-api-token',
    description: 'PlanetScale service token or OAuth token (pscale_tkn_, pscale_oauth_)',
    tags: ['planetscale', 'api-token', 'platform'],
    pattern: String.raw`\b(pscale_(?:tkn|oauth)_[A-Za-z0-9_\-]{38,64})${END_B64URL}`,
    keywords: ['pscale_tkn_', 'pscale_oauth_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Same body as the tokens above (see planetscale-api-token).
    id: 'planetscale-password',
    description: 'PlanetScale database password (pscale_pw_)',
    tags: ['planetscale', 'password', 'platform'],
    pattern: String.raw`\b(pscale_pw_[A-Za-z0-9_\-]{38,64})${END_B64URL}`,
    keywords: ['pscale_pw_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'netlify-access-token',
    description: 'Netlify personal access token (nfp_)',
    tags: ['netlify', 'access-token', 'platform'],
    pattern: String.raw`\b(nfp_[A-Za-z0-9]{36,40})\b`,
    keywords: ['nfp_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'vercel-api-token',
    description: 'Vercel access token (24 chars) next to vercel',
    tags: ['vercel', 'access-token', 'platform'],
    pattern: String.raw`(?i)vercel${SEP}([A-Za-z0-9]{24})\b`,
    keywords: ['vercel'],
    minEntropy: 3.2,
  },
  {
    id: 'clickhouse-cloud-api-secret-key',
    description: 'ClickHouse Cloud API secret key (4b1d + 38)',
    tags: ['clickhouse', 'api-secret', 'platform'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_+/\n])(4b1d[A-Za-z0-9]{38})(?:[^A-Za-z0-9_+/=\n]|(?m:$))`,
    keywords: ['4b1d'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // pnu_ user keys and pnb_ service-account (bot) keys.
    id: 'prefect-api-token',
    description: 'Prefect Cloud API key (pnu_/pnb_)',
    tags: ['prefect', 'api-key', 'platform'],
    pattern: String.raw`\b(pn[ub]_[A-Za-z0-9]{36})\b`,
    keywords: ['pnu_', 'pnb_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'infracost-api-token',
    description: 'Infracost API key (ico-)',
    tags: ['infracost', 'api-key', 'platform'],
    // Not after '.', '/' or '-': asset names such as `box.ico-<hash>.png` are not keys.
    pattern: String.raw`(?:^|[^A-Za-z0-9_.\-/\n])(ico-[A-Za-z0-9]{32})\b`,
    keywords: ['ico-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'readme-api-token',
    description: 'ReadMe API key (rdme_)',
    tags: ['readme', 'api-key', 'platform'],
    pattern: String.raw`\b(rdme_[a-z0-9]{70})\b`,
    keywords: ['rdme_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  // ---------------------------------------------------------------- Social platforms
  {
    // Meta Graph API access tokens (user, page, system-user) open with `EAA` and a letter or
    // digit derived from the app, then 100-250+ base62 characters. Square's `EAAA` tokens are
    // 64 characters and fall short of the 100 minimum. The token must not sit inside a base64
    // run (`+EAA…`, `/EAA…`): base64 blobs such as certificates contain `EAA` everywhere.
    id: 'facebook-access-token',
    description: 'Facebook / Meta Graph API access token (EAA…)',
    tags: ['facebook', 'access-token', 'saas'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/_\-])(EAA[A-Za-z0-9]{100,1000})(?:[^A-Za-z0-9+/=_\-]|(?m:$))`,
    keywords: ['EAA'],
    caseSensitiveKeywords: true,
    minEntropy: 4.0,
  },
  {
    // Instagram long-lived user tokens: `IGQV…` (Basic Display) and `IGAA…` (Instagram API
    // with Instagram Login), 150+ base64url characters.
    id: 'instagram-access-token',
    description: 'Instagram user access token (IGQV…, IGAA…)',
    tags: ['instagram', 'access-token', 'saas'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/_\-])(IG(?:QV|AA)[A-Za-z0-9_\-]{100,1000})(?:[^A-Za-z0-9+/=_\-]|(?m:$))`,
    keywords: ['IGQV', 'IGAA'],
    caseSensitiveKeywords: true,
    minEntropy: 4.0,
  },
  {
    // Pinterest API v5 OAuth tokens: access `pina_`, refresh `pinr_`, + a long base64url body.
    id: 'pinterest-oauth-token',
    description: 'Pinterest API access (pina_) or refresh (pinr_) token',
    tags: ['pinterest', 'oauth-token', 'saas'],
    pattern: String.raw`\b(pin[ar]_[A-Za-z0-9_\-]{60,600})${END_B64URL}`,
    keywords: ['pina_', 'pinr_'],
    caseSensitiveKeywords: true,
    minEntropy: 4.0,
  },
  // ---------------------------------------------------------------- CRM and productivity
  {
    // Salesforce session ids / OAuth access tokens: the 15-character org id (`00D` + 12),
    // `!`, then ~96 characters of base62, `.` and `_`. The `!` makes the shape unmistakable.
    id: 'salesforce-access-token',
    description: 'Salesforce OAuth access token or session id (00D…!…)',
    tags: ['salesforce', 'access-token', 'saas'],
    pattern: String.raw`\b(00D[0-9A-Za-z]{12}![0-9A-Za-z._]{80,120})(?:[^0-9A-Za-z._]|$)`,
    keywords: ['00D'],
    caseSensitiveKeywords: true,
    minEntropy: 4.0,
  },
  {
    // Zoho OAuth access and refresh tokens (api-console.zoho.com): `1000.` + 32 hex + `.` + 32
    // hex.
    id: 'zoho-oauth-token',
    description: 'Zoho OAuth access or refresh token (1000.<32 hex>.<32 hex>)',
    tags: ['zoho', 'oauth-token', 'saas'],
    pattern: String.raw`\b(1000\.[a-f0-9]{32}\.[a-f0-9]{32})\b`,
    keywords: ['1000.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // ClickUp personal API tokens: `pk_` + the user id (digits) + `_` + 32 upper-case base36.
    id: 'clickup-personal-token',
    description: 'ClickUp personal API token (pk_<user id>_<32>)',
    tags: ['clickup', 'api-token', 'saas'],
    pattern: String.raw`\b(pk_[0-9]{4,12}_[0-9A-Z]{32})\b`,
    keywords: ['pk_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Adobe Developer Console OAuth client secrets: `p8e-` + 32 base62.
    id: 'adobe-client-secret',
    description: 'Adobe OAuth client secret (p8e-)',
    tags: ['adobe', 'client-secret', 'saas'],
    pattern: String.raw`\b(p8e-[A-Za-z0-9]{32})\b`,
    keywords: ['p8e-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // CLOUDINARY_URL=cloudinary://<api key digits>:<api secret>@<cloud name>: the secret is
    // the userinfo password (27 base64url characters today; we take 20-40).
    id: 'cloudinary-url',
    description: 'Cloudinary API secret in a cloudinary:// URL',
    tags: ['cloudinary', 'api-secret', 'saas'],
    pattern: String.raw`cloudinary://[0-9]{6,20}:([A-Za-z0-9_\-]{20,40})@`,
    keywords: ['cloudinary://'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  // ---------------------------------------------------------------- Identity
  {
    // Authress service client access keys (authress.io, "API access"): the client id
    // (`sc_…`, `ext_…`, `scauth_…`, `authress_…`), `.`, a short key id, `.acc_` or `.acc-` and
    // the account id, `.`, then the private key in base64url. The `.acc_`/`.acc-` part is the
    // literal every key holds.
    id: 'authress-service-client-access-key',
    description: 'Authress service client access key (sc_….….acc_….…)',
    tags: ['authress', 'access-key', 'saas'],
    pattern: String.raw`\b((?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\.[A-Za-z0-9]{4,6}\.acc[_\-][A-Za-z0-9\-]{10,32}\.[A-Za-z0-9+/_=\-]{30,120})(?:[^A-Za-z0-9+/_=\-]|(?m:$))`,
    keywords: ['.acc_', '.acc-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Yandex ID OAuth tokens (yandex.com/dev/id): `y0_`…`y3_` (the token generation) + about
    // 55 base64url characters that open `Ag`. We take 40-80 after the prefix.
    id: 'yandex-oauth-token',
    description: 'Yandex OAuth token (y0_Ag…)',
    tags: ['yandex', 'oauth-token', 'saas'],
    pattern: String.raw`\b(y[0-3]_Ag[A-Za-z0-9_\-]{40,80})${END_B64URL}`,
    keywords: ['y0_Ag', 'y1_Ag', 'y2_Ag', 'y3_Ag'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Yandex Cloud IAM tokens: `t1.` + a base64url header + `.` + an 86-character signature
    // (both may end in `=` padding). `t1.micro` instance names fail the shape.
    id: 'yandex-iam-token',
    description: 'Yandex Cloud IAM token (t1.<…>.<86>)',
    tags: ['yandex', 'iam-token', 'saas'],
    pattern: String.raw`\b(t1\.[A-Za-z0-9_\-]{20,400}={0,2}\.[A-Za-z0-9_\-]{86}={0,2})(?:[^A-Za-z0-9_\-=]|(?m:$))`,
    keywords: ['t1.'],
    caseSensitiveKeywords: true,
    minEntropy: 4.0,
  },
  // ---------------------------------------------------------------- IoT platforms
  {
    // Ubidots tokens: `BBFF-` (and, for newer accounts, `BBUS-`) + 30 base62.
    id: 'ubidots-token',
    description: 'Ubidots API token (BBFF-/BBUS-)',
    tags: ['ubidots', 'api-token', 'saas'],
    pattern: String.raw`\b(BB(?:FF|US)-[0-9A-Za-z]{30})\b`,
    keywords: ['BBFF-', 'BBUS-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Adafruit IO keys (io.adafruit.com, "My Key"): `aio_` + 28 base62.
    id: 'adafruit-io-key',
    description: 'Adafruit IO key (aio_)',
    tags: ['adafruit', 'api-key', 'saas'],
    pattern: String.raw`\b(aio_[A-Za-z0-9]{28})\b`,
    keywords: ['aio_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
];
