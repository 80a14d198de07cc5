// Provider long tail for the second blind corpus.
// Written from providers' documented token shapes (and, where a provider documents no shape,
// a plausible 32–40 char alphanumeric/hex body). Independent of the engine and of blind/.
import { Rng, ALNUM, DIG, HEX, LOWNUM, UPNUM, B64URL, mixed, hex, b64, b64url, b64enc, uuid, checksummed } from '../blind/rng.js';

export interface Provider {
  /** display name, e.g. "Stripe" */
  name: string;
  /** environment variable the provider's docs/SDKs use */
  env: string;
  /** API host used in URL contexts */
  host: string;
  /** true when the token shape alone is distinctive (prefix / structure) */
  distinct: boolean;
  gen: (r: Rng) => string;
}

const up = (s: string): string => s.toUpperCase();
const hx = (r: Rng, n: number): string => hex(r, n);
const HEXUP = '0123456789ABCDEF';
const BECH = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

function p(name: string, env: string, host: string, distinct: boolean, gen: (r: Rng) => string): Provider {
  return { name, env, host, distinct, gen };
}

export const PROVIDERS: Provider[] = [
  p('AWS', 'AWS_SECRET_ACCESS_KEY', 'sts.amazonaws.com', false, (r) => b64(r, 40)),
  p('GitHub', 'GITHUB_TOKEN', 'api.github.com', true, (r) => checksummed(r, 'ghp_')),
  p('GitHub', 'GH_PAT', 'api.github.com', true, (r) => `github_pat_11${r.str(UPNUM, 20)}_${mixed(r, 59)}`),
  p('GitHub App', 'GITHUB_INSTALLATION_TOKEN', 'api.github.com', true, (r) => checksummed(r, 'ghs_')),
  p('GitLab', 'GITLAB_TOKEN', 'gitlab.com', true, (r) => `glpat-${mixed(r, 20, ALNUM + '-_')}`),
  p('Slack', 'SLACK_BOT_TOKEN', 'slack.com', true, (r) => `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${mixed(r, 24)}`),
  p('Slack', 'SLACK_USER_TOKEN', 'slack.com', true, (r) => `xoxp-${r.str(DIG, 12)}-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${hx(r, 32)}`),
  p('Stripe', 'STRIPE_SECRET_KEY', 'api.stripe.com', true, (r) => `sk_live_${r.chance(0.5) ? mixed(r, 24) : '51' + mixed(r, 97)}`),
  p('Stripe', 'STRIPE_RESTRICTED_KEY', 'api.stripe.com', true, (r) => `rk_live_51${mixed(r, 97)}`),
  p('Twilio', 'TWILIO_AUTH_TOKEN', 'api.twilio.com', false, (r) => hx(r, 32)),
  p('Twilio', 'TWILIO_API_SECRET', 'api.twilio.com', false, (r) => mixed(r, 32)),
  p('SendGrid', 'SENDGRID_API_KEY', 'api.sendgrid.com', true, (r) => `SG.${b64url(r, 22)}.${b64url(r, 43)}`),
  p('Mailgun', 'MAILGUN_API_KEY', 'api.mailgun.net', true, (r) => `key-${hx(r, 32)}`),
  p('Mailgun', 'MAILGUN_SIGNING_KEY', 'api.mailgun.net', false, (r) => `${hx(r, 32)}-${hx(r, 8)}-${hx(r, 8)}`),
  p('Mailchimp', 'MAILCHIMP_API_KEY', 'us14.api.mailchimp.com', true, (r) => `${hx(r, 32)}-us${r.int(1, 21)}`),
  p('Postmark', 'POSTMARK_SERVER_TOKEN', 'api.postmarkapp.com', false, (r) => uuid(r)),
  p('OpenAI', 'OPENAI_API_KEY', 'api.openai.com', true, (r) => (r.chance(0.6) ? `sk-proj-${b64url(r, 156)}` : `sk-${mixed(r, 20)}T3BlbkFJ${mixed(r, 20)}`)),
  p('Anthropic', 'ANTHROPIC_API_KEY', 'api.anthropic.com', true, (r) => `sk-ant-api03-${b64url(r, 93)}AA`),
  p('Google', 'GOOGLE_API_KEY', 'maps.googleapis.com', true, (r) => `AIza${b64url(r, 35)}`),
  p('Gemini', 'GEMINI_API_KEY', 'generativelanguage.googleapis.com', true, (r) => `AIza${b64url(r, 35)}`),
  p('Hugging Face', 'HF_TOKEN', 'huggingface.co', true, (r) => `hf_${mixed(r, 34, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`),
  p('Replicate', 'REPLICATE_API_TOKEN', 'api.replicate.com', true, (r) => `r8_${mixed(r, 37)}`),
  p('Groq', 'GROQ_API_KEY', 'api.groq.com', true, (r) => `gsk_${mixed(r, 52)}`),
  p('Perplexity', 'PERPLEXITY_API_KEY', 'api.perplexity.ai', true, (r) => `pplx-${mixed(r, 48)}`),
  p('Cohere', 'COHERE_API_KEY', 'api.cohere.ai', false, (r) => mixed(r, 40)),
  p('Mistral', 'MISTRAL_API_KEY', 'api.mistral.ai', false, (r) => mixed(r, 32)),
  p('xAI', 'XAI_API_KEY', 'api.x.ai', true, (r) => `xai-${mixed(r, 80)}`),
  p('OpenRouter', 'OPENROUTER_API_KEY', 'openrouter.ai', true, (r) => `sk-or-v1-${hx(r, 64)}`),
  p('Cerebras', 'CEREBRAS_API_KEY', 'api.cerebras.ai', true, (r) => `csk-${r.str(LOWNUM, 48)}`),
  p('Fireworks', 'FIREWORKS_API_KEY', 'api.fireworks.ai', true, (r) => `fw_${mixed(r, 24)}`),
  p('Together', 'TOGETHER_API_KEY', 'api.together.xyz', false, (r) => hx(r, 64)),
  p('LangSmith', 'LANGSMITH_API_KEY', 'api.smith.langchain.com', true, (r) => `lsv2_pt_${hx(r, 32)}_${hx(r, 10)}`),
  p('ElevenLabs', 'ELEVENLABS_API_KEY', 'api.elevenlabs.io', true, (r) => `sk_${hx(r, 48)}`),
  p('Deepgram', 'DEEPGRAM_API_KEY', 'api.deepgram.com', false, (r) => hx(r, 40)),
  p('AssemblyAI', 'ASSEMBLYAI_API_KEY', 'api.assemblyai.com', false, (r) => hx(r, 32)),
  p('Pinecone', 'PINECONE_API_KEY', 'api.pinecone.io', true, (r) => `pcsk_${mixed(r, 5)}_${mixed(r, 64)}`),
  p('Weights & Biases', 'WANDB_API_KEY', 'api.wandb.ai', false, (r) => hx(r, 40)),
  p('DigitalOcean', 'DIGITALOCEAN_TOKEN', 'api.digitalocean.com', true, (r) => `dop_v1_${hx(r, 64)}`),
  p('npm', 'NPM_TOKEN', 'registry.npmjs.org', true, (r) => checksummed(r, 'npm_')),
  p('PyPI', 'PYPI_API_TOKEN', 'upload.pypi.org', true, (r) => `pypi-AgEIcHlwaS5vcmc${b64url(r, r.int(60, 150))}`),
  p('RubyGems', 'GEM_HOST_API_KEY', 'rubygems.org', true, (r) => `rubygems_${hx(r, 48)}`),
  p('NuGet', 'NUGET_API_KEY', 'api.nuget.org', true, (r) => `oy2${r.str(LOWNUM, 43)}`),
  p('Shopify', 'SHOPIFY_ACCESS_TOKEN', 'shop.myshopify.com', true, (r) => `shpat_${hx(r, 32)}`),
  p('Shopify', 'SHOPIFY_API_SECRET', 'shop.myshopify.com', true, (r) => `shpss_${hx(r, 32)}`),
  p('Atlassian', 'JIRA_API_TOKEN', 'acme.atlassian.net', true, (r) => `ATATT3xFfGF0${mixed(r, 170, ALNUM + '-_')}=${r.str(HEXUP, 8)}`),
  p('Bitbucket', 'BITBUCKET_APP_PASSWORD', 'api.bitbucket.org', true, (r) => `ATBB${mixed(r, 32)}${r.str(HEXUP, 8)}`),
  p('Datadog', 'DD_API_KEY', 'api.datadoghq.com', false, (r) => hx(r, 32)),
  p('Datadog', 'DD_APP_KEY', 'api.datadoghq.com', false, (r) => hx(r, 40)),
  p('New Relic', 'NEW_RELIC_API_KEY', 'api.newrelic.com', true, (r) => `NRAK-${r.str(UPNUM, 27)}`),
  p('New Relic', 'NEW_RELIC_LICENSE_KEY', 'collector.newrelic.com', true, (r) => `${hx(r, 36)}NRAL`),
  p('Sentry', 'SENTRY_AUTH_TOKEN', 'sentry.io', true, (r) => `sntryu_${hx(r, 64)}`),
  p('PagerDuty', 'PAGERDUTY_TOKEN', 'api.pagerduty.com', false, (r) => mixed(r, 20, ALNUM + '_-+')),
  p('Honeycomb', 'HONEYCOMB_API_KEY', 'api.honeycomb.io', true, (r) => `hcaik_${r.str(LOWNUM, 58)}`),
  p('Grafana', 'GRAFANA_SERVICE_ACCOUNT_TOKEN', 'grafana.example.com', true, (r) => `glsa_${mixed(r, 32)}_${hx(r, 8)}`),
  p('Grafana Cloud', 'GRAFANA_CLOUD_TOKEN', 'grafana.net', true, (r) => `glc_eyJvIjoi${b64(r, 120)}=`),
  p('Dynatrace', 'DT_API_TOKEN', 'abc12345.live.dynatrace.com', true, (r) => `dt0c01.${r.str(UPNUM, 24)}.${r.str(UPNUM, 64)}`),
  p('Splunk', 'SPLUNK_HEC_TOKEN', 'http-inputs.splunkcloud.com', false, (r) => up(uuid(r))),
  p('Rollbar', 'ROLLBAR_ACCESS_TOKEN', 'api.rollbar.com', false, (r) => hx(r, 32)),
  p('Bugsnag', 'BUGSNAG_API_KEY', 'notify.bugsnag.com', false, (r) => hx(r, 32)),
  p('Linear', 'LINEAR_API_KEY', 'api.linear.app', true, (r) => `lin_api_${mixed(r, 40)}`),
  p('Notion', 'NOTION_TOKEN', 'api.notion.com', true, (r) => (r.chance(0.5) ? `secret_${mixed(r, 43)}` : `ntn_${r.str(DIG, 11)}${mixed(r, 35)}`)),
  p('Airtable', 'AIRTABLE_TOKEN', 'api.airtable.com', true, (r) => `pat${mixed(r, 14)}.${hx(r, 64)}`),
  p('Figma', 'FIGMA_TOKEN', 'api.figma.com', true, (r) => `figd_${b64url(r, 40)}`),
  p('Asana', 'ASANA_PAT', 'app.asana.com', true, (r) => `2/${r.str(DIG, 16)}/${r.str(DIG, 16)}:${hx(r, 32)}`),
  p('Trello', 'TRELLO_TOKEN', 'api.trello.com', true, (r) => `ATTA${hx(r, 64)}${r.str(HEXUP, 8)}`),
  p('Typeform', 'TYPEFORM_TOKEN', 'api.typeform.com', true, (r) => `tfp_${b64url(r, 44)}_${b64url(r, 14)}`),
  p('Contentful', 'CONTENTFUL_MANAGEMENT_TOKEN', 'api.contentful.com', true, (r) => `CFPAT-${b64url(r, 43)}`),
  p('Postman', 'POSTMAN_API_KEY', 'api.getpostman.com', true, (r) => `PMAK-${hx(r, 24)}-${hx(r, 34)}`),
  p('Vercel', 'VERCEL_TOKEN', 'api.vercel.com', false, (r) => mixed(r, 24)),
  p('Netlify', 'NETLIFY_AUTH_TOKEN', 'api.netlify.com', true, (r) => `nfp_${mixed(r, 36)}`),
  p('Heroku', 'HEROKU_API_KEY', 'api.heroku.com', false, (r) => uuid(r)),
  p('Render', 'RENDER_API_KEY', 'api.render.com', true, (r) => `rnd_${mixed(r, 32)}`),
  p('Fly.io', 'FLY_API_TOKEN', 'api.machines.dev', true, (r) => `fo1_${b64url(r, 43)}`),
  p('Doppler', 'DOPPLER_TOKEN', 'api.doppler.com', true, (r) => `dp.st.prd.${mixed(r, 40)}`),
  p('Vault', 'VAULT_TOKEN', 'vault.internal.corp', true, (r) => `hvs.${b64url(r, 90)}`),
  p('Terraform Cloud', 'TFE_TOKEN', 'app.terraform.io', true, (r) => `${mixed(r, 14)}.atlasv1.${mixed(r, 67)}`),
  p('Pulumi', 'PULUMI_ACCESS_TOKEN', 'api.pulumi.com', true, (r) => `pul-${hx(r, 40)}`),
  p('Buildkite', 'BUILDKITE_API_TOKEN', 'api.buildkite.com', true, (r) => `bkua_${hx(r, 40)}`),
  p('CircleCI', 'CIRCLE_TOKEN', 'circleci.com', true, (r) => `CCIPAT_${mixed(r, 22)}_${hx(r, 40)}`),
  p('Travis CI', 'TRAVIS_TOKEN', 'api.travis-ci.com', false, (r) => mixed(r, 22)),
  p('Docker Hub', 'DOCKERHUB_TOKEN', 'hub.docker.com', true, (r) => `dckr_pat_${b64url(r, 27)}`),
  p('SonarQube', 'SONAR_TOKEN', 'sonarcloud.io', true, (r) => `squ_${hx(r, 40)}`),
  p('Snyk', 'SNYK_TOKEN', 'api.snyk.io', false, (r) => uuid(r)),
  p('Codecov', 'CODECOV_TOKEN', 'codecov.io', false, (r) => uuid(r)),
  p('Cloudflare', 'CLOUDFLARE_API_TOKEN', 'api.cloudflare.com', false, (r) => mixed(r, 40, ALNUM + '_-')),
  p('Cloudflare', 'CF_API_KEY', 'api.cloudflare.com', false, (r) => hx(r, 37)),
  p('Fastly', 'FASTLY_API_TOKEN', 'api.fastly.com', false, (r) => mixed(r, 32, ALNUM + '_-')),
  p('Algolia', 'ALGOLIA_ADMIN_KEY', 'ACME1234.algolia.net', false, (r) => hx(r, 32)),
  p('Mapbox', 'MAPBOX_SECRET_TOKEN', 'api.mapbox.com', true, (r) => `sk.eyJ1IjoiYWNtZSIsImEiOiJ${b64url(r, 24)}.${b64url(r, 22)}`),
  p('HERE', 'HERE_API_KEY', 'geocode.search.hereapi.com', false, (r) => mixed(r, 43, ALNUM + '_-')),
  p('Telegram', 'TELEGRAM_BOT_TOKEN', 'api.telegram.org', true, (r) => `${r.int(100000000, 7999999999)}:AA${mixed(r, 33, ALNUM + '_-')}`),
  p('Discord', 'DISCORD_BOT_TOKEN', 'discord.com', true, (r) => `${b64enc(String(r.int(1, 9)) + r.str(DIG, 17)).replace(/=+$/, '')}.${b64url(r, 6)}.${b64url(r, 38)}`),
  p('Meta', 'FACEBOOK_ACCESS_TOKEN', 'graph.facebook.com', true, (r) => `EAA${mixed(r, r.int(150, 200))}`),
  p('Twitch', 'TWITCH_CLIENT_SECRET', 'id.twitch.tv', false, (r) => r.str(LOWNUM, 30)),
  p('Square', 'SQUARE_ACCESS_TOKEN', 'connect.squareup.com', true, (r) => `EAAA${b64url(r, 60)}`),
  p('Square', 'SQUARE_APPLICATION_SECRET', 'connect.squareup.com', true, (r) => `sq0csp-${b64url(r, 43)}`),
  p('Braintree', 'BRAINTREE_ACCESS_TOKEN', 'api.braintreegateway.com', true, (r) => `access_token$production$${r.str(LOWNUM, 16)}$${hx(r, 32)}`),
  p('Adyen', 'ADYEN_API_KEY', 'checkout-live.adyen.com', true, (r) => `AQE${mixed(r, 40)}${b64(r, 80)}`),
  p('Plaid', 'PLAID_SECRET', 'production.plaid.com', false, (r) => hx(r, 30)),
  p('Shippo', 'SHIPPO_API_TOKEN', 'api.goshippo.com', true, (r) => `shippo_live_${hx(r, 40)}`),
  p('EasyPost', 'EASYPOST_API_KEY', 'api.easypost.com', true, (r) => `EZAK${hx(r, 54)}`),
  p('Lob', 'LOB_API_KEY', 'api.lob.com', true, (r) => `live_${hx(r, 35)}`),
  p('Razorpay', 'RAZORPAY_KEY_SECRET', 'api.razorpay.com', false, (r) => mixed(r, 24)),
  p('Paystack', 'PAYSTACK_SECRET_KEY', 'api.paystack.co', true, (r) => `sk_live_${hx(r, 40)}`),
  p('Flutterwave', 'FLW_SECRET_KEY', 'api.flutterwave.com', true, (r) => `FLWSECK-${hx(r, 32)}-X`),
  p('Mollie', 'MOLLIE_API_KEY', 'api.mollie.com', true, (r) => `live_${mixed(r, 30)}`),
  p('Klaviyo', 'KLAVIYO_PRIVATE_KEY', 'a.klaviyo.com', true, (r) => `pk_${hx(r, 34)}`),
  p('HubSpot', 'HUBSPOT_ACCESS_TOKEN', 'api.hubapi.com', true, (r) => `pat-na1-${uuid(r)}`),
  p('Intercom', 'INTERCOM_ACCESS_TOKEN', 'api.intercom.io', true, (r) => `dG9rOj${b64(r, 54)}=`),
  p('Zendesk', 'ZENDESK_API_TOKEN', 'acme.zendesk.com', false, (r) => mixed(r, 40)),
  p('Segment', 'SEGMENT_WRITE_KEY', 'api.segment.io', false, (r) => mixed(r, 32)),
  p('Mixpanel', 'MIXPANEL_API_SECRET', 'api.mixpanel.com', false, (r) => hx(r, 32)),
  p('LaunchDarkly', 'LAUNCHDARKLY_SDK_KEY', 'sdk.launchdarkly.com', true, (r) => `sdk-${uuid(r)}`),
  p('LaunchDarkly', 'LD_API_KEY', 'app.launchdarkly.com', true, (r) => `api-${uuid(r)}`),
  p('Azure Storage', 'AZURE_STORAGE_KEY', 'acmeprod.blob.core.windows.net', false, (r) => `${b64(r, 86)}==`),
  p('Azure AD', 'AZURE_CLIENT_SECRET', 'login.microsoftonline.com', true, (r) => `${mixed(r, 3)}${r.int(0, 9)}Q~${mixed(r, 34, ALNUM + '_.-~')}`),
  p('Supabase', 'SUPABASE_ACCESS_TOKEN', 'api.supabase.com', true, (r) => `sbp_${hx(r, 40)}`),
  p('PlanetScale', 'PLANETSCALE_PASSWORD', 'aws.connect.psdb.cloud', true, (r) => `pscale_pw_${b64url(r, 43)}`),
  p('Confluent', 'CONFLUENT_CLOUD_API_SECRET', 'api.confluent.cloud', false, (r) => b64(r, 64)),
  p('age', 'SOPS_AGE_KEY', 'localhost', true, (r) => `AGE-SECRET-KEY-1${r.str(BECH, 58)}`),
  p('1Password', 'OP_SERVICE_ACCOUNT_TOKEN', 'my.1password.com', true, (r) => `ops_eyJzaWduSW5BZGRyZXNzIjoi${b64url(r, 220)}`),
  p('Databricks', 'DATABRICKS_TOKEN', 'adb-1234567890123456.7.azuredatabricks.net', true, (r) => `dapi${hx(r, 32)}`),
  p('Okta', 'OKTA_API_TOKEN', 'acme.okta.com', false, (r) => `00${mixed(r, 40, ALNUM + '_-')}`),
  p('Auth0', 'AUTH0_CLIENT_SECRET', 'acme.eu.auth0.com', false, (r) => b64url(r, 64)),
  p('Brevo', 'BREVO_API_KEY', 'api.brevo.com', true, (r) => `xkeysib-${hx(r, 64)}-${mixed(r, 16)}`),
  p('Resend', 'RESEND_API_KEY', 'api.resend.com', true, (r) => `re_${mixed(r, 8)}_${mixed(r, 24)}`),
  p('SparkPost', 'SPARKPOST_API_KEY', 'api.sparkpost.com', false, (r) => hx(r, 40)),
  p('Mailjet', 'MJ_APIKEY_PRIVATE', 'api.mailjet.com', false, (r) => hx(r, 32)),
  p('Pusher', 'PUSHER_SECRET', 'api-eu.pusher.com', false, (r) => hx(r, 20)),
  p('Ably', 'ABLY_API_KEY', 'rest.ably.io', true, (r) => `${mixed(r, 6)}.${mixed(r, 6)}:${b64url(r, 43)}`),
  p('Vonage', 'VONAGE_API_SECRET', 'api.nexmo.com', false, (r) => mixed(r, 16)),
  p('Tailscale', 'TS_AUTHKEY', 'api.tailscale.com', true, (r) => `tskey-auth-k${mixed(r, 11)}-${mixed(r, 33)}`),
  p('ngrok', 'NGROK_AUTHTOKEN', 'api.ngrok.com', false, (r) => `2${mixed(r, 26)}_${mixed(r, 21)}`),
  p('Infura', 'INFURA_API_SECRET', 'mainnet.infura.io', false, (r) => hx(r, 32)),
  p('Etherscan', 'ETHERSCAN_API_KEY', 'api.etherscan.io', false, (r) => r.str(UPNUM, 34)),
  p('Prefect', 'PREFECT_API_KEY', 'api.prefect.cloud', true, (r) => `pnu_${mixed(r, 36)}`),
  p('Kaggle', 'KAGGLE_KEY', 'www.kaggle.com', false, (r) => hx(r, 32)),
  p('Dropbox', 'DROPBOX_ACCESS_TOKEN', 'api.dropboxapi.com', true, (r) => `sl.B${b64url(r, 134)}`),
  p('Cloudinary', 'CLOUDINARY_API_SECRET', 'api.cloudinary.com', false, (r) => b64url(r, 27)),
  p('Mux', 'MUX_TOKEN_SECRET', 'api.mux.com', false, (r) => b64(r, 75)),
];

/** display-name → a camelCase field name, and the env var's lower snake / camel forms */
export function fieldNames(pv: Provider): { snake: string; camel: string; short: string; shortCamel: string } {
  const snake = pv.env.toLowerCase();
  const camel = snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  // short = the env var without its provider prefix, e.g. STRIPE_SECRET_KEY -> secret_key
  const parts = snake.split('_');
  const short = parts.length > 2 ? parts.slice(1).join('_') : parts.length === 2 ? (parts[1] === 'token' || parts[1] === 'key' || parts[1] === 'secret' ? `api_${parts[1]}` : parts[1]!) : 'api_key';
  const shortCamel = short.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return { snake, camel, short, shortCamel };
}

export function slug(pv: Provider): string {
  return pv.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function pascal(pv: Provider): string {
  return pv.name.replace(/[^A-Za-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

export { HEX, LOWNUM, B64URL, hx };
