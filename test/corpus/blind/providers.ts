// Provider token shapes (from providers' public documentation / commonly published formats)
// and the key=value syntaxes they get embedded in.
import {
  ALNUM, B32, DIG, HEX, LOWNUM, UPNUM, Rng, b64, b64url, b64urlenc, hex, mixed, uuid, iso, isoNano, isoOff,
  spaceTs, syslogTs, epochMs, HOSTS, SERVICES, USERS, jwt, checksummed,
} from './rng.js';

export type Mark = (v: string) => string;

export interface Prov {
  /** class label used in the report */
  cls: string;
  /** display name, e.g. "Stripe" */
  label: string;
  /** env var name the value is normally stored under */
  env: string;
  /** HTTP header it is normally sent in ('' = Authorization: Bearer) */
  hdr?: string;
  /** has a distinctive prefix / shape (can appear without a key name) */
  prefixed: boolean;
  tok: (r: Rng) => string;
}

export const PREFIXED: Prov[] = [
  { cls: 'aws', label: 'AWS', env: 'AWS_ACCESS_KEY_ID', prefixed: true, tok: (r) => 'AKIA' + r.str(B32.replace(/[01]/g, ''), 16) },
  { cls: 'aws', label: 'AWS', env: 'AWS_ACCESS_KEY_ID', prefixed: true, tok: (r) => 'ASIA' + r.str(B32, 16) },
  { cls: 'aws', label: 'AWS', env: 'AWS_SECRET_ACCESS_KEY', prefixed: false, tok: (r) => b64(r, 40) },
  { cls: 'aws', label: 'AWS', env: 'AWS_SESSION_TOKEN', hdr: 'X-Amz-Security-Token', prefixed: true, tok: (r) => 'IQoJb3JpZ2luX2VjE' + b64(r, r.int(280, 420)) + r.pick(['', '=', '==']) },
  { cls: 'github', label: 'GitHub', env: 'GITHUB_TOKEN', prefixed: true, tok: (r) => checksummed(r, 'ghp_') },
  { cls: 'github', label: 'GitHub', env: 'GH_TOKEN', prefixed: true, tok: (r) => checksummed(r, 'gho_') },
  { cls: 'github', label: 'GitHub', env: 'GITHUB_TOKEN', prefixed: true, tok: (r) => checksummed(r, 'ghs_') },
  { cls: 'github', label: 'GitHub', env: 'GITHUB_PAT', prefixed: true, tok: (r) => 'github_pat_11' + r.str(UPNUM, 20) + '_' + mixed(r, 59) },
  { cls: 'github', label: 'GitHub', env: 'GH_REFRESH_TOKEN', prefixed: true, tok: (r) => checksummed(r, 'ghr_') },
  { cls: 'gitlab', label: 'GitLab', env: 'GITLAB_TOKEN', hdr: 'PRIVATE-TOKEN', prefixed: true, tok: (r) => 'glpat-' + b64url(r, 20) },
  { cls: 'gitlab', label: 'GitLab', env: 'CI_RUNNER_TOKEN', prefixed: true, tok: (r) => 'glrt-' + b64url(r, 20) },
  { cls: 'gitlab', label: 'GitLab', env: 'GITLAB_TRIGGER_TOKEN', prefixed: true, tok: (r) => 'glptt-' + hex(r, 40) },
  { cls: 'slack', label: 'Slack', env: 'SLACK_BOT_TOKEN', prefixed: true, tok: (r) => `xoxb-${r.str(DIG, r.int(10, 13))}-${r.str(DIG, r.int(10, 13))}-${mixed(r, 24)}` },
  { cls: 'slack', label: 'Slack', env: 'SLACK_USER_TOKEN', prefixed: true, tok: (r) => `xoxp-${r.str(DIG, 11)}-${r.str(DIG, 11)}-${r.str(DIG, 13)}-${hex(r, 32)}` },
  { cls: 'slack', label: 'Slack', env: 'SLACK_APP_TOKEN', prefixed: true, tok: (r) => `xapp-1-A${r.str(UPNUM, 10)}-${r.str(DIG, 13)}-${hex(r, 64)}` },
  { cls: 'stripe', label: 'Stripe', env: 'STRIPE_SECRET_KEY', prefixed: true, tok: (r) => 'sk_live_' + mixed(r, r.pick([24, 99])) },
  { cls: 'stripe', label: 'Stripe', env: 'STRIPE_RESTRICTED_KEY', prefixed: true, tok: (r) => 'rk_live_' + mixed(r, r.pick([24, 99])) },
  { cls: 'stripe', label: 'Stripe', env: 'STRIPE_WEBHOOK_SECRET', prefixed: true, tok: (r) => 'whsec_' + mixed(r, 32) },
  { cls: 'twilio', label: 'Twilio', env: 'TWILIO_AUTH_TOKEN', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'twilio', label: 'Twilio', env: 'TWILIO_API_SECRET', prefixed: false, tok: (r) => mixed(r, 32) },
  { cls: 'sendgrid', label: 'SendGrid', env: 'SENDGRID_API_KEY', prefixed: true, tok: (r) => `SG.${b64url(r, 22)}.${b64url(r, 43)}` },
  { cls: 'npm', label: 'npm', env: 'NPM_TOKEN', prefixed: true, tok: (r) => checksummed(r, 'npm_') },
  { cls: 'pypi', label: 'PyPI', env: 'PYPI_TOKEN', prefixed: true, tok: (r) => 'pypi-AgEIcHlwaS5vcmc' + b64url(r, r.int(150, 200)) },
  { cls: 'openai', label: 'OpenAI', env: 'OPENAI_API_KEY', prefixed: true, tok: (r) => `sk-${mixed(r, 20)}T3BlbkFJ${mixed(r, 20)}` },
  { cls: 'openai', label: 'OpenAI', env: 'OPENAI_API_KEY', prefixed: true, tok: (r) => `sk-proj-${b64url(r, 74)}T3BlbkFJ${b64url(r, 74)}` },
  { cls: 'openai', label: 'OpenAI', env: 'OPENAI_API_KEY', prefixed: true, tok: (r) => `sk-svcacct-${b64url(r, 74)}T3BlbkFJ${b64url(r, 74)}` },
  { cls: 'anthropic', label: 'Anthropic', env: 'ANTHROPIC_API_KEY', hdr: 'x-api-key', prefixed: true, tok: (r) => `sk-ant-api03-${b64url(r, 93)}AA` },
  { cls: 'google', label: 'Google', env: 'GOOGLE_API_KEY', hdr: 'X-Goog-Api-Key', prefixed: true, tok: (r) => 'AIza' + b64url(r, 35) },
  { cls: 'google', label: 'Google', env: 'GOOGLE_REFRESH_TOKEN', prefixed: true, tok: (r) => '1//0' + b64url(r, 99) },
  { cls: 'google', label: 'Google', env: 'GOOGLE_OAUTH_TOKEN', prefixed: true, tok: (r) => 'ya29.' + b64url(r, r.int(150, 210)) },
  { cls: 'shopify', label: 'Shopify', env: 'SHOPIFY_ACCESS_TOKEN', hdr: 'X-Shopify-Access-Token', prefixed: true, tok: (r) => 'shpat_' + hex(r, 32) },
  { cls: 'shopify', label: 'Shopify', env: 'SHOPIFY_API_SECRET', prefixed: true, tok: (r) => 'shpss_' + hex(r, 32) },
  {
    cls: 'discord', label: 'Discord', env: 'DISCORD_BOT_TOKEN', prefixed: true,
    tok: (r) => `${Buffer.from(String(r.int(1, 9)) + r.str(DIG, 18)).toString('base64').replace(/=+$/, '')}.${b64url(r, 6)}.${b64url(r, 38)}`,
  },
  { cls: 'telegram', label: 'Telegram', env: 'TELEGRAM_BOT_TOKEN', prefixed: true, tok: (r) => `${r.int(1, 9)}${r.str(DIG, r.int(8, 9))}:AA${b64url(r, 33)}` },
  { cls: 'digitalocean', label: 'DigitalOcean', env: 'DIGITALOCEAN_TOKEN', prefixed: true, tok: (r) => 'dop_v1_' + hex(r, 64) },
  { cls: 'heroku', label: 'Heroku', env: 'HEROKU_API_KEY', prefixed: true, tok: (r) => 'HRKU-AA' + b64url(r, 58) },
  { cls: 'mailgun', label: 'Mailgun', env: 'MAILGUN_API_KEY', prefixed: true, tok: (r) => 'key-' + hex(r, 32) },
  { cls: 'mailchimp', label: 'Mailchimp', env: 'MAILCHIMP_API_KEY', prefixed: true, tok: (r) => `${hex(r, 32)}-us${r.int(1, 21)}` },
  { cls: 'newrelic', label: 'New Relic', env: 'NEW_RELIC_API_KEY', hdr: 'Api-Key', prefixed: true, tok: (r) => 'NRAK-' + r.str(UPNUM, 27) },
  { cls: 'newrelic', label: 'New Relic', env: 'NEW_RELIC_LICENSE_KEY', prefixed: true, tok: (r) => hex(r, 36) + 'NRAL' },
  { cls: 'vault', label: 'Vault', env: 'VAULT_TOKEN', hdr: 'X-Vault-Token', prefixed: true, tok: (r) => 'hvs.' + mixed(r, 24) },
  { cls: 'vault', label: 'Vault', env: 'VAULT_TOKEN', hdr: 'X-Vault-Token', prefixed: true, tok: (r) => 'hvs.CAESI' + b64url(r, 86) },
  { cls: 'doppler', label: 'Doppler', env: 'DOPPLER_TOKEN', prefixed: true, tok: (r) => r.pick(['dp.pt.', 'dp.st.prd.', 'dp.sa.']) + mixed(r, 43) },
  { cls: 'linear', label: 'Linear', env: 'LINEAR_API_KEY', prefixed: true, tok: (r) => 'lin_api_' + mixed(r, 40) },
  { cls: 'postman', label: 'Postman', env: 'POSTMAN_API_KEY', hdr: 'X-Api-Key', prefixed: true, tok: (r) => `PMAK-${hex(r, 24)}-${hex(r, 34)}` },
  { cls: 'jwt', label: 'JWT', env: 'ACCESS_TOKEN', prefixed: true, tok: (r) => jwt(r) },
  { cls: 'huggingface', label: 'Hugging Face', env: 'HF_TOKEN', prefixed: true, tok: (r) => 'hf_' + mixed(r, 34, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') },
  { cls: 'databricks', label: 'Databricks', env: 'DATABRICKS_TOKEN', prefixed: true, tok: (r) => 'dapi' + hex(r, 32) },
  { cls: 'grafana', label: 'Grafana', env: 'GRAFANA_SERVICE_ACCOUNT_TOKEN', prefixed: true, tok: (r) => `glsa_${mixed(r, 32)}_${hex(r, 8)}` },
  { cls: 'atlassian', label: 'Atlassian', env: 'ATLASSIAN_API_TOKEN', prefixed: true, tok: (r) => `ATATT3xFfGF0${b64url(r, 170)}=${r.str(HEX.toUpperCase(), 8)}` },
  { cls: 'age', label: 'age', env: 'SOPS_AGE_KEY', prefixed: true, tok: (r) => 'AGE-SECRET-KEY-1' + r.str('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58) },
  { cls: 'supabase', label: 'Supabase', env: 'SUPABASE_ACCESS_TOKEN', prefixed: true, tok: (r) => 'sbp_' + hex(r, 40) },
  { cls: 'pulumi', label: 'Pulumi', env: 'PULUMI_ACCESS_TOKEN', prefixed: true, tok: (r) => 'pul-' + hex(r, 40) },
  { cls: 'terraform', label: 'Terraform Cloud', env: 'TFE_TOKEN', prefixed: true, tok: (r) => `${mixed(r, 14)}.atlasv1.${mixed(r, 67)}` },
  { cls: 'sentry', label: 'Sentry', env: 'SENTRY_AUTH_TOKEN', prefixed: true, tok: (r) => 'sntryu_' + hex(r, 64) },
  { cls: 'figma', label: 'Figma', env: 'FIGMA_TOKEN', hdr: 'X-Figma-Token', prefixed: true, tok: (r) => 'figd_' + b64url(r, 40) },
  { cls: 'groq', label: 'Groq', env: 'GROQ_API_KEY', prefixed: true, tok: (r) => 'gsk_' + mixed(r, 52) },
  { cls: 'replicate', label: 'Replicate', env: 'REPLICATE_API_TOKEN', prefixed: true, tok: (r) => 'r8_' + mixed(r, 37) },
  { cls: 'netlify', label: 'Netlify', env: 'NETLIFY_AUTH_TOKEN', prefixed: true, tok: (r) => 'nfp_' + mixed(r, 36) },
  { cls: 'tailscale', label: 'Tailscale', env: 'TS_AUTHKEY', prefixed: true, tok: (r) => `tskey-auth-k${mixed(r, 11)}CNTRL-${mixed(r, 33)}` },
  { cls: 'square', label: 'Square', env: 'SQUARE_ACCESS_TOKEN', prefixed: true, tok: (r) => 'EAAA' + b64url(r, 60) },
  { cls: 'square', label: 'Square', env: 'SQUARE_APPLICATION_SECRET', prefixed: true, tok: (r) => 'sq0csp-' + b64url(r, 43) },
  {
    cls: 'mapbox', label: 'Mapbox', env: 'MAPBOX_SECRET_TOKEN', prefixed: true,
    tok: (r) => `sk.${b64urlenc(JSON.stringify({ u: r.pick(USERS), a: r.str(LOWNUM, 25) }))}.${b64url(r, 22)}`,
  },
  { cls: 'buildkite', label: 'Buildkite', env: 'BUILDKITE_API_TOKEN', prefixed: true, tok: (r) => 'bkua_' + hex(r, 40) },
  { cls: 'contentful', label: 'Contentful', env: 'CONTENTFUL_MANAGEMENT_TOKEN', prefixed: true, tok: (r) => 'CFPAT-' + b64url(r, 43) },
  { cls: 'dropbox', label: 'Dropbox', env: 'DROPBOX_ACCESS_TOKEN', prefixed: true, tok: (r) => 'sl.B' + b64url(r, 134) },
  { cls: 'airtable', label: 'Airtable', env: 'AIRTABLE_API_KEY', prefixed: true, tok: (r) => `pat${mixed(r, 14)}.${hex(r, 64)}` },
  { cls: 'dockerhub', label: 'Docker Hub', env: 'DOCKERHUB_TOKEN', prefixed: true, tok: (r) => 'dckr_pat_' + b64url(r, 27) },
  { cls: 'rubygems', label: 'RubyGems', env: 'GEM_HOST_API_KEY', prefixed: true, tok: (r) => 'rubygems_' + hex(r, 48) },
  { cls: 'nuget', label: 'NuGet', env: 'NUGET_API_KEY', prefixed: true, tok: (r) => 'oy2' + r.str(LOWNUM, 43) },
  { cls: 'notion', label: 'Notion', env: 'NOTION_TOKEN', prefixed: true, tok: (r) => r.pick(['secret_', 'ntn_']) + mixed(r, 43) },
  { cls: 'sonarqube', label: 'SonarQube', env: 'SONAR_TOKEN', prefixed: true, tok: (r) => r.pick(['squ_', 'sqp_', 'sqa_']) + hex(r, 40) },
  { cls: 'hubspot', label: 'HubSpot', env: 'HUBSPOT_ACCESS_TOKEN', prefixed: true, tok: (r) => `pat-${r.pick(['na1', 'eu1'])}-${uuid(r)}` },
  { cls: 'launchdarkly', label: 'LaunchDarkly', env: 'LD_SDK_KEY', prefixed: true, tok: (r) => `sdk-${uuid(r)}` },
  { cls: 'planetscale', label: 'PlanetScale', env: 'PLANETSCALE_SERVICE_TOKEN', prefixed: true, tok: (r) => 'pscale_tkn_' + b64url(r, 43) },
  { cls: 'okta', label: 'Okta', env: 'OKTA_API_TOKEN', prefixed: true, tok: (r) => '00' + b64url(r, 40) },
  { cls: 'shippo', label: 'Shippo', env: 'SHIPPO_API_TOKEN', prefixed: true, tok: (r) => 'shippo_live_' + hex(r, 40) },
  { cls: 'trello', label: 'Trello', env: 'TRELLO_TOKEN', prefixed: true, tok: (r) => 'ATTA' + hex(r, 64) + r.str(HEX.toUpperCase(), 8) },
];

/** Long tail: no distinctive prefix; recognisable only by the key / header name. */
export const LONGTAIL: Prov[] = [
  { cls: 'longtail', label: 'Algolia', env: 'ALGOLIA_API_KEY', hdr: 'X-Algolia-API-Key', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'longtail', label: 'Asana', env: 'ASANA_ACCESS_TOKEN', prefixed: false, tok: (r) => `1/${r.str(DIG, 16)}:${hex(r, 32)}` },
  { cls: 'longtail', label: 'Bitly', env: 'BITLY_ACCESS_TOKEN', prefixed: false, tok: (r) => hex(r, 40) },
  { cls: 'longtail', label: 'CircleCI', env: 'CIRCLE_TOKEN', hdr: 'Circle-Token', prefixed: false, tok: (r) => hex(r, 40) },
  { cls: 'longtail', label: 'Cloudflare', env: 'CLOUDFLARE_API_TOKEN', prefixed: false, tok: (r) => b64url(r, 40) },
  { cls: 'longtail', label: 'Cloudflare', env: 'CLOUDFLARE_API_KEY', hdr: 'X-Auth-Key', prefixed: false, tok: (r) => hex(r, 37) },
  { cls: 'longtail', label: 'Datadog', env: 'DD_API_KEY', hdr: 'DD-API-KEY', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'longtail', label: 'Datadog', env: 'DD_APP_KEY', hdr: 'DD-APPLICATION-KEY', prefixed: false, tok: (r) => hex(r, 40) },
  { cls: 'longtail', label: 'Fastly', env: 'FASTLY_API_TOKEN', hdr: 'Fastly-Key', prefixed: false, tok: (r) => b64url(r, 32) },
  { cls: 'longtail', label: 'Freshdesk', env: 'FRESHDESK_API_KEY', prefixed: false, tok: (r) => mixed(r, 20) },
  { cls: 'longtail', label: 'Intercom', env: 'INTERCOM_ACCESS_TOKEN', prefixed: false, tok: (r) => `dG9rOj${b64(r, 54)}=` },
  { cls: 'longtail', label: 'Jira', env: 'JIRA_API_TOKEN', prefixed: false, tok: (r) => mixed(r, 24) },
  { cls: 'longtail', label: 'PagerDuty', env: 'PAGERDUTY_TOKEN', prefixed: false, tok: (r) => 'u+' + b64url(r, 18) },
  { cls: 'longtail', label: 'Pusher', env: 'PUSHER_APP_SECRET', prefixed: false, tok: (r) => hex(r, 20) },
  { cls: 'longtail', label: 'Snyk', env: 'SNYK_TOKEN', prefixed: false, tok: (r) => uuid(r) },
  { cls: 'longtail', label: 'Travis', env: 'TRAVIS_API_TOKEN', prefixed: false, tok: (r) => mixed(r, 22) },
  { cls: 'longtail', label: 'Twitch', env: 'TWITCH_CLIENT_SECRET', prefixed: false, tok: (r) => r.str(LOWNUM, 30) },
  { cls: 'longtail', label: 'Vercel', env: 'VERCEL_TOKEN', prefixed: false, tok: (r) => mixed(r, 24) },
  { cls: 'longtail', label: 'Zendesk', env: 'ZENDESK_API_TOKEN', prefixed: false, tok: (r) => mixed(r, 40) },
  { cls: 'longtail', label: 'Segment', env: 'SEGMENT_WRITE_KEY', prefixed: false, tok: (r) => mixed(r, 32) },
  { cls: 'longtail', label: 'Mixpanel', env: 'MIXPANEL_API_SECRET', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'longtail', label: 'Heroku', env: 'HEROKU_API_KEY', prefixed: false, tok: (r) => uuid(r) },
  { cls: 'longtail', label: 'Rollbar', env: 'ROLLBAR_ACCESS_TOKEN', hdr: 'X-Rollbar-Access-Token', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'longtail', label: 'Amplitude', env: 'AMPLITUDE_SECRET_KEY', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'longtail', label: 'Vonage', env: 'VONAGE_API_SECRET', prefixed: false, tok: (r) => mixed(r, 16) },
  { cls: 'longtail', label: 'Plaid', env: 'PLAID_SECRET', hdr: 'PLAID-SECRET', prefixed: false, tok: (r) => hex(r, 30) },
  { cls: 'longtail', label: 'Braintree', env: 'BRAINTREE_PRIVATE_KEY', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'longtail', label: 'Auth0', env: 'AUTH0_CLIENT_SECRET', prefixed: false, tok: (r) => b64url(r, 64) },
  { cls: 'longtail', label: 'Keycloak', env: 'KEYCLOAK_CLIENT_SECRET', prefixed: false, tok: (r) => mixed(r, 32) },
  { cls: 'longtail', label: 'Box', env: 'BOX_CLIENT_SECRET', prefixed: false, tok: (r) => mixed(r, 32) },
  { cls: 'longtail', label: 'Postmark', env: 'POSTMARK_SERVER_TOKEN', hdr: 'X-Postmark-Server-Token', prefixed: false, tok: (r) => uuid(r) },
  { cls: 'longtail', label: 'Mandrill', env: 'MANDRILL_API_KEY', prefixed: false, tok: (r) => b64url(r, 22) },
  { cls: 'longtail', label: 'Honeycomb', env: 'HONEYCOMB_API_KEY', hdr: 'X-Honeycomb-Team', prefixed: false, tok: (r) => mixed(r, 22) },
  { cls: 'longtail', label: 'Codecov', env: 'CODECOV_TOKEN', prefixed: false, tok: (r) => uuid(r) },
  { cls: 'longtail', label: 'Coveralls', env: 'COVERALLS_REPO_TOKEN', prefixed: false, tok: (r) => mixed(r, 32) },
  { cls: 'longtail', label: 'Bugsnag', env: 'BUGSNAG_API_KEY', hdr: 'Bugsnag-Api-Key', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'longtail', label: 'Lokalise', env: 'LOKALISE_API_TOKEN', hdr: 'X-Api-Token', prefixed: false, tok: (r) => hex(r, 40) },
  { cls: 'longtail', label: 'Mapbox', env: 'MAPBOX_ACCESS_TOKEN', prefixed: false, tok: (r) => b64url(r, 32) },
  { cls: 'longtail', label: 'Elastic', env: 'ELASTIC_API_KEY', prefixed: false, tok: (r) => b64(r, 20 + 3) + '6' + b64(r, 36) + '==' },
  { cls: 'longtail', label: 'Loggly', env: 'LOGGLY_TOKEN', prefixed: false, tok: (r) => uuid(r) },
  { cls: 'longtail', label: 'Firebase', env: 'FIREBASE_SERVER_KEY', prefixed: false, tok: (r) => `AAAA${b64url(r, 7)}:APA91b${b64url(r, 134)}` },
  { cls: 'longtail', label: 'Coinbase', env: 'COINBASE_API_SECRET', prefixed: false, tok: (r) => mixed(r, 32) },
  { cls: 'longtail', label: 'Webflow', env: 'WEBFLOW_API_TOKEN', prefixed: false, tok: (r) => hex(r, 64) },
  { cls: 'longtail', label: 'Typeform', env: 'TYPEFORM_TOKEN', prefixed: false, tok: (r) => mixed(r, 44) },
  { cls: 'longtail', label: 'Contentful', env: 'CONTENTFUL_ACCESS_TOKEN', prefixed: false, tok: (r) => b64url(r, 43) },
  { cls: 'longtail', label: 'Dropbox', env: 'DROPBOX_APP_SECRET', prefixed: false, tok: (r) => r.str(LOWNUM, 15) },
  { cls: 'longtail', label: 'Okta', env: 'OKTA_CLIENT_SECRET', prefixed: false, tok: (r) => b64url(r, 40) },
  { cls: 'longtail', label: 'Sentry', env: 'SENTRY_API_KEY', prefixed: false, tok: (r) => hex(r, 32) },
  { cls: 'longtail', label: 'Square', env: 'SQUARE_WEBHOOK_SIGNATURE_KEY', prefixed: false, tok: (r) => b64url(r, 22) },
  { cls: 'longtail', label: 'Buildkite', env: 'BUILDKITE_AGENT_TOKEN', prefixed: false, tok: (r) => r.str(LOWNUM, 50) },
  { cls: 'longtail', label: 'Asana', env: 'ASANA_CLIENT_SECRET', prefixed: false, tok: (r) => hex(r, 32) },
];

// ------------------------------------------------------------------ key forms

export interface Keys {
  env: string;
  snake: string;
  camel: string;
  pascal: string;
  dotted: string;
  kebab: string;
  label: string;
  lc: string;
}

export function keys(p: Prov): Keys {
  const parts = p.env.toLowerCase().split('_');
  const camel = parts.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  const pascal = camel[0]!.toUpperCase() + camel.slice(1);
  const dotted = parts.length > 1 ? `${parts[0]}.${parts.slice(1).join('-')}` : parts[0]!;
  return { env: p.env, snake: parts.join('_'), camel, pascal, dotted, kebab: parts.join('-'), label: p.label, lc: p.label.toLowerCase().replace(/[^a-z0-9]/g, '') };
}

export interface Wrap {
  format: string;
  gen: (r: Rng, k: Keys, v: string, S: Mark) => string;
}

const dq = (s: string): string => JSON.stringify(s);
const pid = (r: Rng): number => r.int(1, 65000);

/** key=value syntaxes: the key name carries the meaning */
export const KV_WRAPS: Wrap[] = [
  { format: 'env', gen: (_r, k, v, S) => `${k.env}=${S(v)}` },
  { format: 'shell-trace', gen: (_r, k, v, S) => `+ export ${k.env}=${S(v)}` },
  { format: 'shell-trace', gen: (r, k, v, S) => `+ docker run --rm -e ${k.env}=${S(v)} -e LOG_LEVEL=info ${r.pick(['ghcr.io/acme/', 'registry.example.com/'])}${r.pick(SERVICES)}:${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 9)}` },
  { format: 'json', gen: (r, k, v, S) => `{"level":30,"time":${epochMs(r)},"pid":${pid(r)},"hostname":"${r.pick(HOSTS)}","${k.camel}":"${S(v)}","msg":"${k.lc} client initialised"}` },
  { format: 'json', gen: (r, k, v, S) => `{"timestamp":"${iso(r)}","level":"DEBUG","logger":"config","message":"effective configuration","config":{"integrations":{"${k.lc}":{"${k.snake}":"${S(v)}","timeout_ms":${r.pick([1000, 5000, 30000])}}}}}` },
  { format: 'logfmt', gen: (r, k, v, S) => `ts=${iso(r)} level=debug caller=config.go:${r.int(20, 300)} msg="provider configured" provider=${k.lc} ${k.snake}=${S(v)}` },
  { format: 'logrus', gen: (r, k, v, S) => `time="${iso(r)}" level=info msg="starting ${r.pick(SERVICES)} worker" ${k.snake}=${S(v)} version=1.${r.int(0, 30)}.${r.int(0, 9)}` },
  { format: 'yaml', gen: (_r, k, v, S) => `  ${k.snake}: ${S(v)}` },
  { format: 'yaml', gen: (_r, k, v, S) => `    ${k.camel}: "${S(v)}"` },
  { format: 'ini', gen: (_r, k, v, S) => `${k.dotted} = ${S(v)}` },
  { format: 'toml', gen: (_r, k, v, S) => `${k.snake} = "${S(v)}"` },
  { format: 'xml', gen: (_r, k, v, S) => `    <add key="${k.pascal}" value="${S(v)}" />` },
  { format: 'xml', gen: (_r, k, v, S) => `  <${k.pascal}>${S(v)}</${k.pascal}>` },
  { format: 'python-repr', gen: (r, k, v, S) => `${spaceTs(r)} DEBUG [settings] loaded integration settings: {'${k.snake}': '${S(v)}', 'timeout': ${r.int(5, 60)}, 'verify_ssl': True}` },
  { format: 'django', gen: (r, k, v, S) => `[${spaceTs(r)}] DEBUG django.settings: ${k.env} = '${S(v)}'` },
  { format: 'ruby-hash', gen: (r, k, v, S) => `I, [${iso(r).replace('Z', '')}${r.str(DIG, 3)} #${pid(r)}]  INFO -- : ${k.label} config: {:${k.snake}=>"${S(v)}", :timeout=>${r.int(5, 60)}}` },
  { format: 'rails', gen: (r, k, v, S) => `  Parameters: {"integration"=>{"name"=>"${k.lc}", "${k.snake}"=>"${S(v)}"}, "id"=>"${r.int(1, 9999)}"}` },
  { format: 'java-tostring', gen: (r, k, v, S) => `${spaceTs(r, '.')}  INFO 1 --- [           main] c.a.config.${k.label.replace(/ /g, '')}Properties   : Bound ${k.label.replace(/ /g, '')}Properties{${k.camel}='${S(v)}', timeout=PT30S, enabled=true}` },
  { format: 'logback', gen: (r, k, v, S) => `${spaceTs(r, '.')} DEBUG ${r.int(1, 9)} --- [main] o.s.b.c.config.ConfigDataEnvironment : resolved ${k.dotted}=${S(v)}` },
  { format: 'zap', gen: (r, k, v, S) => `${iso(r)}\tINFO\t${k.lc}/client.go:${r.int(20, 200)}\tcreated client\t{"provider": "${k.lc}", "${k.camel}": "${S(v)}"}` },
  { format: 'monolog', gen: (r, k, v, S) => `[${isoOff(r)}] app.DEBUG: ${k.label} client configured {"${k.snake}":"${S(v.replace(/\//g, '\\/'))}"} []` },
  {
    format: 'docker-json',
    gen: (r, k, v, S) => {
      const inner = `{"level":"info","ts":${epochMs(r) / 1000},"msg":"boot","${k.camel}":"${v}"}`;
      const line = JSON.stringify({ log: inner + '\n', stream: 'stdout', time: isoNano(r) });
      S(v);
      return line;
    },
  },
  { format: 'gha', gen: (r, k, v, S) => `${iso(r).replace('Z', '')}${r.str(DIG, 4)}Z   ${k.env}: ${S(v)}` },
  { format: 'kubectl-describe', gen: (_r, k, v, S) => `      ${k.env}:${' '.repeat(Math.max(1, 28 - k.env.length))}${S(v)}` },
  { format: 'syslog', gen: (r, k, v, S) => `${syslogTs(r)} ${r.pick(HOSTS)} ${r.pick(SERVICES)}[${pid(r)}]: loaded ${k.snake}=${S(v)} from /etc/${r.pick(SERVICES)}/env` },
  { format: 'cli', gen: (r, k, v, S) => `${r.pick(['$ ', '+ ', ''])}./bin/${r.pick(SERVICES)} --${k.kebab}=${S(v)} --region ${r.pick(['us-east-1', 'eu-west-1'])}` },
  { format: 'cli', gen: (r, k, v, S) => `+ ${r.pick(SERVICES)}-sync --${k.kebab} ${S(v)} --dry-run=false` },
  { format: 'plain', gen: (_r, k, v, S) => `Using ${k.label} key=${S(v)}` },
  { format: 'plain', gen: (r, k, v, S) => `${iso(r)} [INFO] ${k.lc}_token: ${S(v)}` },
  { format: 'python', gen: (r, k, v, S) => `${spaceTs(r)} - ${r.pick(SERVICES)}.${k.lc} - INFO - ${k.label} credentials: api_key=${S(v)}` },
  { format: 'toml', gen: (_r, k, v, S) => `${k.lc}.token = "${S(v)}"` },
];

export function hdrLine(r: Rng, p: Prov, v: string, S: Mark): { text: string; format: string } {
  const k = keys(p);
  if (p.hdr) {
    const h = p.hdr;
    return r.pick([
      () => ({ text: `> ${h}: ${S(v)}`, format: 'curl-v' }),
      () => ({ text: `${spaceTs(r, '.')} DEBUG 1 --- [nio-8080-exec-${r.int(1, 9)}] o.a.http.headers : http-outgoing-${r.int(0, 40)} >> ${h}: ${S(v)}`, format: 'logback' }),
      () => ({ text: `${iso(r)} DEBUG request headers: {'User-Agent': 'python-requests/2.31.0', '${h}': '${S(v)}', 'Accept': '*/*'}`, format: 'python-repr' }),
    ])();
  }
  return r.pick([
    () => ({ text: `x-${k.lc}-api-key: ${S(v)}`, format: 'http-header' }),
    () => ({ text: `> Authorization: Bearer ${S(v)}`, format: 'curl-v' }),
    () => ({ text: `{"time":"${iso(r)}","msg":"outgoing request","method":"POST","url":"https://api.${k.lc}.com/v1/items","headers":{"content-type":"application/json","authorization":"Bearer ${S(v)}"}}`, format: 'json' }),
  ])();
}

/** free text with no key name at all: only the token's own shape can give it away */
export const BARE_WRAPS: Wrap[] = [
  { format: 'plain', gen: (r, k, v, S) => `${iso(r)} WARN  ${k.lc}: request rejected (401) for credential ${S(v)}, rotating` },
  { format: 'python', gen: (r, k, v, S) => `${spaceTs(r)} ERROR [${k.lc}.client] authentication failed with ${S(v)}` },
  { format: 'json', gen: (r, _k, v, S) => `{"level":"error","ts":"${iso(r)}","msg":"upstream said: invalid credentials ${S(v)}","attempt":${r.int(1, 5)}}` },
  { format: 'syslog', gen: (r, _k, v, S) => `${syslogTs(r)} ${r.pick(HOSTS)} cron[${pid(r)}]: (${r.pick(USERS)}) CMD (/opt/scripts/sync.sh ${S(v)} >/dev/null 2>&1)` },
  { format: 'gitlab-ci', gen: (_r, _k, v, S) => `$ ./scripts/publish.sh "${S(v)}"` },
  { format: 'stacktrace', gen: (r, k, v, S) => `Caused by: ${r.pick(['java.lang.IllegalStateException', 'com.acme.client.AuthException'])}: ${k.label} rejected credential '${S(v)}'` },
  { format: 'plain', gen: (_r, _k, v, S) => `copied ${S(v)} to clipboard` },
];

export const ALL_PROVIDERS = [...PREFIXED, ...LONGTAIL];
