/**
 * Secret values as people and providers really make them: human passwords with punctuation,
 * password-manager output, hex/base64/base62 keys, UUID-shaped API keys, JWTs with real JSON
 * inside, AWS/Azure/Twilio credentials, prefixed provider tokens (with GitHub's and npm's
 * CRC32 checksum), PEM private keys, and the long tail of SaaS keys with no prefix at all.
 * Every value is random: none is a real credential.
 */
import { BASE62, BASE64URL, DIGITS, LOWER, type Rng, UPPER } from './random.js';

const WORDS = [
  'summer', 'winter', 'spring', 'autumn', 'hunter', 'dragon', 'monkey', 'sunshine', 'football', 'baseball', 'shadow', 'master',
  'welcome', 'letmein', 'trustno', 'princess', 'qwerty', 'coffee', 'kitten', 'banana', 'orange', 'purple', 'rocket', 'falcon',
  'tiger', 'harbor', 'maple', 'silver', 'thunder', 'pepper', 'ginger', 'cookie', 'matrix', 'phoenix', 'galaxy', 'pirate', 'ninja',
  'zebra', 'mango', 'lemon', 'buster', 'charlie', 'jordan', 'yankees', 'soccer', 'hockey', 'cheese', 'freedom', 'whatever', 'nicole',
];
const LEET: Record<string, string> = { a: '@', e: '3', i: '1', o: '0', s: '$' };
const SYMBOLS = '!@#$%^&*-_+=.?~';

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** A password a person chose: words, years, leetspeak, a symbol at the end. Some are 7–8 characters. */
export function humanPassword(r: Rng): string {
  const w = r.pick(WORDS);
  const year = String(r.range(1985, 2025));
  const shapes: (() => string)[] = [
    () => `${cap(w)}${year}${r.pick(['!', '#', '$', '!!', '?', '*'])}`,
    () => `${w}${r.range(1, 99)}`,
    () => `${cap(w)}${r.pick(['@', '#', '&', '_', '.'])}${r.range(10, 9999)}`,
    () => `${w.replace(/[aeios]/g, (c) => (r.chance(0.6) ? LEET[c]! : c))}${r.range(1, 999)}${r.pick(['', '!', '#'])}`,
    () => `${cap(w)}-${r.pick(WORDS)}-${r.range(10, 99)}`,
    () => `${r.pick(['correct', 'battery', 'staple', 'horse', 'purple'])}-${r.pick(WORDS)}-${r.pick(WORDS)}-${r.pick(WORDS)}`,
    () => r.pick(['hunter2', 'Tr0ub4dor&3', 'p@ss(w0rd)', 'S3cret!23', 'Passw0rd!', 'letmein!23', 'Qwerty!234', 'Welcome1!', 'Zaq12wsx!', '1qaz@WSX', 'Acme@2024', 'iloveyou2', 'Admin#2023']),
    () => `${cap(w)}${r.pick(['&', '+', '%', '(', ')'])}${cap(r.pick(WORDS))}${r.range(1, 9)}`,
  ];
  return r.pick(shapes)();
}

/** A password-manager password: 16–32 characters, every character class, no quotes or spaces. */
export function generatedPassword(r: Rng, len = r.range(16, 32)): string {
  const all = `${UPPER}${LOWER}${DIGITS}${SYMBOLS}`;
  let s = r.str(UPPER, 1) + r.str(LOWER, 1) + r.str(DIGITS, 1) + r.str(SYMBOLS, 1);
  while (s.length < len) s += r.str(all, 1);
  // shuffle so the classes are not always in front
  const cs = [...s];
  for (let i = cs.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [cs[i], cs[j]] = [cs[j]!, cs[i]!];
  }
  // a leading symbol reads like a flag or a sigil in some syntaxes; people's tools avoid it too
  while (SYMBOLS.includes(cs[0]!)) cs.push(cs.shift()!);
  return cs.join('');
}

/** A password holding characters that end values in naive parsers: ( < & | { $ % ` " \ ; and spaces. */
export function punctuatedPassword(r: Rng, opts: { quote?: boolean; space?: boolean; backslash?: boolean } = {}): string {
  const marks = ['(', ')', '<', '>', '&', '|', '{', '}', '$', '%', '`', ';', ',', '#', '!', '*', '[', ']'];
  if (opts.quote) marks.push('"', '"');
  if (opts.backslash) marks.push('\\');
  if (opts.space) marks.push(' ');
  const shapes: (() => string)[] = [
    () => `${cap(r.pick(WORDS))}${r.pick(marks)}${r.pick(WORDS)}${r.pick(marks)}${r.range(1, 999)}`,
    () => `${r.str(`${UPPER}${LOWER}${DIGITS}`, r.range(3, 8))}${r.pick(marks)}${r.str(`${UPPER}${LOWER}${DIGITS}`, r.range(3, 10))}${r.pick(marks)}${r.str(`${LOWER}${DIGITS}`, r.range(2, 6))}`,
    () => r.pick(['p@ss(w0rd)', 'Tr0ub4dor&3', 'a|b{c}d$e', 'C0ffee&Cake!', 'ch3ck<this>out', 'Pa$$w0rd%1', 'we`re#1', 'x(y)z|w&v', 'S0me{thing}%q', 'f00|bar&baz']) + r.range(1, 99),
    () => `${r.pick(WORDS)}${r.pick(marks)}${r.pick(marks)}${r.pick(WORDS)}${r.range(10, 99)}`,
  ];
  let s = r.pick(shapes)();
  if (opts.quote && r.chance(0.6)) s = s.slice(0, 3) + '"' + s.slice(3);
  if (opts.space && r.chance(0.5)) s = s.slice(0, 5) + ' ' + s.slice(5);
  // never a leading sigil: `$x`, `%x` or `{x}` alone would read as a placeholder, not a password
  while (/^[$%{(<&|`;,#!*[\]>)}"\\ ]/.test(s)) s = s.slice(1) + s[0];
  return s;
}

/** Any of the password kinds, weighted as they show up in logs. */
export function anyPassword(r: Rng): string {
  return r.weighted<() => string>([
    [() => humanPassword(r), 5],
    [() => generatedPassword(r), 4],
    [() => r.str(BASE62, r.range(12, 24)), 2],
    [() => r.hex(r.pick([16, 32])), 1],
    [() => r.str(`${LOWER}${DIGITS}`, r.range(7, 8)), 1],
  ])();
}

/** A bare API key in one of the shapes services hand out. */
export function apiKey(r: Rng): string {
  return r.weighted<() => string>([
    [() => r.hex(32), 4],
    [() => r.hex(40), 2],
    [() => r.hex(64), 2],
    [() => r.str(BASE62, 32), 4],
    [() => r.str(BASE62, r.range(24, 48)), 2],
    [() => r.uuid(), 2],
    [() => b64(r, 30), 2],
    [() => r.str(BASE64URL, 43), 1],
  ])();
}

/** Base64 of `bytes` random bytes, padded. */
export function b64(r: Rng, bytes: number): string {
  return r.bytes(bytes).toString('base64');
}

function b64url(s: string | Buffer): string {
  return Buffer.from(s).toString('base64url');
}

/** A JWT with a real header and claims; HS256 or RS256 signature of the right length. */
export function jwt(r: Rng): string {
  const rs = r.chance(0.5);
  const header = rs ? { alg: 'RS256', typ: 'JWT', kid: r.str(BASE64URL, 27) } : { alg: 'HS256', typ: 'JWT' };
  const iat = 1741000000 + r.int(5_000_000);
  const claims: Record<string, unknown> = r.chance(0.5)
    ? { sub: r.uuid(), iat, exp: iat + r.pick([300, 900, 3600, 86400]), iss: r.pick(['https://auth.acme.io/', 'https://login.microsoftonline.com/9f1c0b7e-2d1a-4b6e-9a3c-7c8d2e5f4a10/v2.0', 'https://accounts.google.com', 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12Cd34E']) }
    : { user_id: r.range(1, 99999), email: `${r.pick(['ana', 'li', 'sam', 'kofi', 'mira'])}${r.range(1, 99)}@example.com`, role: r.pick(['admin', 'user', 'service']), iat, exp: iat + 3600 };
  if (r.chance(0.3)) claims.scope = r.pick(['read:orders write:orders', 'openid profile email', 'api://default/.default']);
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}.${b64url(r.bytes(rs ? 256 : 32))}`;
}

// ---- providers ----

export const awsAccessKeyId = (r: Rng, prefix: 'AKIA' | 'ASIA' = 'AKIA') => `${prefix}${r.str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
export const awsSecretKey = (r: Rng) => r.str(`${BASE62}/+`, 40);
/** An STS session token: long base64, starting the way current and older tokens do. */
export const awsSessionToken = (r: Rng) =>
  r.chance(0.7) ? `IQoJb3JpZ2luX2Vj${r.str('EFGHIJKLMNOPQ', 1)}${b64(r, r.range(500, 800)).replace(/=+$/, '')}` : `FwoGZXIvYXdzE${r.str(`${BASE62}/+`, r.range(280, 360))}`;
/** An Azure storage account key: 64 random bytes in base64 (88 characters, `==` at the end). */
export const azureStorageKey = (r: Rng) => b64(r, 64);
/** A Service Bus / Event Hubs shared access key: 32 bytes in base64. */
export const azureSharedKey = (r: Rng) => b64(r, 32);
/** A SAS signature as it appears in a URL: base64 of an HMAC-SHA256, percent-encoded. */
export const azureSasSig = (r: Rng) => encodeURIComponent(b64(r, 32));
export const twilioKeySid = (r: Rng) => `SK${r.hex(32)}`;
export const twilioAccountSid = (r: Rng) => `AC${r.hex(32)}`;

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const B62_DIGITS = `${DIGITS}${UPPER}${LOWER}`;
function base62(n: number, width: number): string {
  let s = '';
  while (n > 0) {
    s = B62_DIGITS[n % 62] + s;
    n = Math.floor(n / 62);
  }
  return s.padStart(width, '0');
}

/** GitHub/npm style: 30 random base62 characters and a 6-character base62 CRC32 of them. */
export function checksummed(r: Rng, prefix: string): string {
  const body = r.str(BASE62, 30);
  return `${prefix}${body}${base62(crc32(Buffer.from(body)), 6)}`;
}

/** A provider token with a distinctive prefix, and the key names it is usually stored under. */
export interface PrefixedToken {
  readonly provider: string;
  readonly token: string;
  readonly keys: readonly string[];
}

const PREFIXED: readonly ((r: Rng) => PrefixedToken)[] = [
  (r) => ({ provider: 'GitHub', token: checksummed(r, r.pick(['ghp_', 'gho_', 'ghs_', 'ghu_'])), keys: ['GITHUB_TOKEN', 'GH_TOKEN', 'github_token', 'token'] }),
  (r) => ({ provider: 'GitHub', token: `github_pat_11${r.str(UPPER + DIGITS, 20)}_${r.str(BASE62, 59)}`, keys: ['GITHUB_PAT', 'github_pat', 'token'] }),
  (r) => ({ provider: 'GitLab', token: `glpat-${r.str(BASE64URL, 20)}`, keys: ['GITLAB_TOKEN', 'CI_DEPLOY_TOKEN', 'private_token', 'gitlab_token'] }),
  (r) => ({ provider: 'Slack', token: `xoxb-${r.str(DIGITS, r.range(10, 13))}-${r.str(DIGITS, r.range(10, 13))}-${r.str(BASE62, 24)}`, keys: ['SLACK_BOT_TOKEN', 'slack_token', 'slackToken'] }),
  (r) => ({ provider: 'Slack', token: `xoxp-${r.str(DIGITS, 11)}-${r.str(DIGITS, 12)}-${r.str(DIGITS, 13)}-${r.hex(32)}`, keys: ['SLACK_USER_TOKEN', 'slack_user_token'] }),
  (r) => ({ provider: 'Stripe', token: `${r.pick(['sk_live_', 'rk_live_'])}${r.str(BASE62, r.pick([24, 99]))}`, keys: ['STRIPE_SECRET_KEY', 'stripe_api_key', 'stripeKey'] }),
  (r) => ({ provider: 'Stripe', token: `whsec_${r.str(BASE62, 32)}`, keys: ['STRIPE_WEBHOOK_SECRET', 'webhook_secret'] }),
  (r) => ({ provider: 'AWS', token: awsAccessKeyId(r), keys: ['AWS_ACCESS_KEY_ID', 'aws_access_key_id', 'accessKeyId'] }),
  (r) => ({ provider: 'Google', token: `AIza${r.str(BASE64URL, 35)}`, keys: ['GOOGLE_API_KEY', 'maps_api_key', 'firebaseApiKey'] }),
  (r) => ({ provider: 'SendGrid', token: `SG.${r.str(BASE64URL, 22)}.${r.str(BASE64URL, 43)}`, keys: ['SENDGRID_API_KEY', 'sendgrid_key'] }),
  (r) => ({ provider: 'npm', token: checksummed(r, 'npm_'), keys: ['NPM_TOKEN', 'NODE_AUTH_TOKEN', '_authToken'] }),
  (r) => ({ provider: 'Hugging Face', token: `hf_${r.str(UPPER + LOWER, 34)}`, keys: ['HF_TOKEN', 'HUGGINGFACE_TOKEN', 'hf_token'] }),
  (r) => ({ provider: 'OpenAI', token: `sk-proj-${r.str(BASE64URL, 74)}T3BlbkFJ${r.str(BASE64URL, 74)}`, keys: ['OPENAI_API_KEY', 'openai_api_key'] }),
  (r) => ({ provider: 'Anthropic', token: `sk-ant-api03-${r.str(BASE64URL, 93)}AA`, keys: ['ANTHROPIC_API_KEY', 'anthropic_key'] }),
  (r) => ({ provider: 'Shopify', token: `${r.pick(['shpat_', 'shpca_', 'shppa_'])}${r.hex(32)}`, keys: ['SHOPIFY_ACCESS_TOKEN', 'shopify_token'] }),
  (r) => ({ provider: 'DigitalOcean', token: `dop_v1_${r.hex(64)}`, keys: ['DIGITALOCEAN_TOKEN', 'do_token'] }),
  (r) => ({ provider: 'Doppler', token: `dp.pt.${r.str(BASE62, 43)}`, keys: ['DOPPLER_TOKEN'] }),
  (r) => ({ provider: 'Linear', token: `lin_api_${r.str(BASE62, 40)}`, keys: ['LINEAR_API_KEY'] }),
  (r) => ({ provider: 'Postman', token: `PMAK-${r.hex(24)}-${r.hex(34)}`, keys: ['POSTMAN_API_KEY'] }),
  (r) => ({ provider: 'Grafana', token: `glsa_${r.str(BASE62, 32)}_${r.hex(8)}`, keys: ['GRAFANA_TOKEN', 'grafana_sa_token'] }),
  (r) => ({ provider: 'Vault', token: `hvs.${r.str(BASE64URL, 24)}`, keys: ['VAULT_TOKEN', 'vault_token'] }),
  (r) => ({ provider: 'Databricks', token: `dapi${r.hex(32)}`, keys: ['DATABRICKS_TOKEN'] }),
  (r) => ({ provider: 'Pulumi', token: `pul-${r.hex(40)}`, keys: ['PULUMI_ACCESS_TOKEN'] }),
  (r) => ({ provider: 'Figma', token: `figd_${r.str(BASE64URL, 40)}`, keys: ['FIGMA_TOKEN'] }),
  (r) => ({ provider: 'Sentry', token: `sntryu_${r.hex(64)}`, keys: ['SENTRY_AUTH_TOKEN'] }),
  (r) => ({ provider: 'New Relic', token: `NRAK-${r.str(UPPER + DIGITS, 27)}`, keys: ['NEW_RELIC_API_KEY', 'newrelic_api_key'] }),
  (r) => ({ provider: 'Supabase', token: `sbp_${r.hex(40)}`, keys: ['SUPABASE_ACCESS_TOKEN'] }),
  (r) => ({ provider: 'Telegram', token: `${r.range(100000000, 7999999999)}:AA${r.str(BASE64URL, 33)}`, keys: ['TELEGRAM_BOT_TOKEN', 'bot_token'] }),
  (r) => ({ provider: 'Square', token: `EAAA${r.str(BASE64URL, 60)}`, keys: ['SQUARE_ACCESS_TOKEN'] }),
  (r) => ({ provider: 'Groq', token: `gsk_${r.str(BASE62, 52)}`, keys: ['GROQ_API_KEY'] }),
  (r) => ({ provider: 'Replicate', token: `r8_${r.str(BASE62, 37)}`, keys: ['REPLICATE_API_TOKEN'] }),
  (r) => ({ provider: 'Netlify', token: `nfp_${r.str(BASE62, 36)}`, keys: ['NETLIFY_AUTH_TOKEN'] }),
  (r) => ({ provider: 'Buildkite', token: `bkua_${r.hex(40)}`, keys: ['BUILDKITE_API_TOKEN'] }),
  (r) => ({ provider: 'PyPI', token: `pypi-AgEIcHlwaS5vcmc${r.str(BASE64URL, r.range(120, 160))}`, keys: ['PYPI_TOKEN', 'TWINE_PASSWORD'] }),
  (r) => ({ provider: 'Mailgun', token: `key-${r.hex(32)}`, keys: ['MAILGUN_API_KEY'] }),
  (r) => ({ provider: 'Azure AD', token: `${r.str(BASE62, 3)}${r.range(7, 8)}Q~${r.str(`${BASE62}_.-`, 34)}`, keys: ['AZURE_CLIENT_SECRET', 'clientSecret'] }),
  (r) => ({ provider: 'age', token: `AGE-SECRET-KEY-1${r.str('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`, keys: ['SOPS_AGE_KEY', 'AGE_KEY'] }),
];

export function prefixedToken(r: Rng): PrefixedToken {
  return r.pick(PREFIXED)(r);
}

/**
 * SaaS providers whose keys have no distinctive prefix: invented names (no rule can know
 * them) and real services with plain hex/base62 keys.
 */
export const LONG_TAIL_PROVIDERS: readonly string[] = [
  // invented
  'Quillstack', 'Nimbusly', 'Orbitra', 'Patchwise', 'Relaymint', 'Streamhive', 'Tallyfox', 'Vantaro', 'Zephly', 'Brightloop',
  'Cobaltix', 'Datapulse', 'Echoforge', 'Fluxbeam', 'Glimmerly', 'Harborlight', 'Inkwave', 'Jetstreamr', 'Kestrelio', 'Lumora',
  'Meridio', 'Northstack', 'Octolane', 'Pixelnest', 'Quantyx', 'Riverbyte', 'Signalfox', 'Tidepool', 'Umbrella Metrics', 'Vectorly',
  'Wavecrest', 'Xyloom', 'Yardarm', 'Zenbase', 'Ledgerly', 'Parcelpoint', 'Shipwell', 'Sendlane', 'Geocodr', 'Pagepilot',
  // real, no distinctive prefix
  'Datadog', 'Algolia', 'Mixpanel', 'Rollbar', 'Bugsnag', 'Pusher', 'Cloudflare', 'Fastly', 'PagerDuty', 'Mailjet', 'Postmark', 'Opsgenie', 'Amplitude', 'Segment', 'Honeybadger',
];

/** The key names a long-tail provider's token is stored under, in the common case styles. */
export function providerKeyNames(provider: string): string[] {
  const words = provider.toLowerCase().split(/\s+/);
  const snake = words.join('_');
  const upper = snake.toUpperCase();
  const camel = words[0] + words.slice(1).map(cap).join('');
  return [
    `${snake}_api_key`, `${upper}_API_KEY`, `${upper}_TOKEN`, `${snake}_token`, `${camel}ApiKey`, `${camel}Token`, `${upper}_SECRET`,
    `${snake}_secret`, `${upper}_AUTH_TOKEN`, `${camel}.apiKey`, `${snake}.api_key`, `${upper}_KEY`, `${snake}-api-key`, `${upper}_ACCESS_KEY`,
  ];
}

/** A long-tail token: 24–64 characters of hex, base62 or base64. */
export function longTailToken(r: Rng): string {
  return r.weighted<() => string>([
    [() => r.hex(r.pick([24, 32, 40, 48, 64])), 4],
    [() => r.str(BASE62, r.range(24, 64)), 4],
    [() => b64(r, r.pick([24, 30, 33, 36, 45])), 2],
    [() => r.str(BASE64URL, r.range(32, 48)), 1],
    [() => r.uuid(), 1],
  ])();
}

// ---- PEM ----

export interface PemKey {
  readonly begin: string;
  readonly end: string;
  /** Base64 body lines (64 characters, the last one shorter; 70 for OpenSSH). */
  readonly body: readonly string[];
}

/** A PEM private key of a realistic size and opening bytes. */
export function pemKey(r: Rng): PemKey {
  const kind = r.weighted<readonly [string, string, number, number]>([
    [['RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA', 1190, 64], 3],
    [['PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ', 1216, 64], 3],
    [['EC PRIVATE KEY', 'MHcCAQEEI', 121, 64], 2],
    [['PRIVATE KEY', 'MC4CAQAwBQYDK2VwBCIEI', 48, 64], 1],
    [['OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', 399, 70], 2],
  ]);
  const [label, head, bytes, width] = kind;
  const all = head + b64(r, bytes).slice(head.length);
  const body: string[] = [];
  for (let i = 0; i < all.length; i += width) body.push(all.slice(i, i + width));
  return { begin: `-----BEGIN ${label}-----`, end: `-----END ${label}-----`, body };
}
