import type { Rule } from '../rule.js';

/**
 * Developer platforms that are neither a code host nor a cloud: hosting and serverless
 * platforms (Render, Scalingo, Deno Deploy), managed databases (Neon, Xata), networking
 * (Tailscale, Defined Networking), feature flags (LaunchDarkly), automation and scraping
 * (Apify), cluster tooling (Cast AI), and small developer services with prefixed tokens
 * (Chief Tools, SettleMint, 42 Intra).
 *
 * Every rule here keys on a prefix that the provider prints at the start of the token, as its
 * API-key or token pages show it: `tskey-<kind>-` (Tailscale), `sdk-` + UUIDv4 (LaunchDarkly
 * server SDK keys), `rnd_` (Render), `tk-us-` (Scalingo), `ddp_`/`ddw_` (Deno Deploy),
 * `napi_` (Neon), `xau_` (Xata), `apify_api_` (Apify), `castai_v1_` (Cast AI), `ctp_`/`cto_`/
 * `ctr_` (Chief Tools), `sm_pat_`/`sm_aat_`/`sm_sat_` (SettleMint), `dnkey-` (Defined
 * Networking), `s-s4t2ud-`/`s-s4t2af-` (42 Intra). Lengths and alphabets are the issued
 * tokens' (and, where scanners' detector sources state them, the same facts); the bounds we
 * widened are said at each rule.
 *
 * Every prefix has a fixed case, so every rule matches its keywords case-sensitively. Not
 * here: LaunchDarkly `api-` access tokens (the lower-case literal `api-` is in a large share of
 * hostnames, and the token travels in an `Authorization:` header the HTTP rules mask) and
 * `mob-` mobile keys (public by design).
 */

/** Ends a base64url token: the next byte is not part of it (RE2 has no lookahead). */
const END_B64URL = String.raw`(?:[^A-Za-z0-9_\-\n]|(?m:$))`;

export const devtoolRules: readonly Rule[] = [
  // ---------------------------------------------------------------- Networking
  {
    // tailscale.com/kb/1085/auth-keys and the API-access docs: keys read
    // `tskey-<kind>-<key id>-<secret>` with kinds auth, api, client (OAuth client secrets),
    // scim and webhook; the key id is `k` + ~10-20 base62 (often ending `CNTRL`), the secret
    // 30+ base62. Older keys lack the kind segment. Our bounds: id 6-32, secret 20-64.
    id: 'tailscale-key',
    description: 'Tailscale auth key, API access token or OAuth client secret (tskey-)',
    tags: ['tailscale', 'api-key', 'devtools'],
    pattern: String.raw`\b(tskey-(?:[a-z]{3,8}-)?[0-9A-Za-z]{6,32}-[0-9A-Za-z]{20,64})\b`,
    keywords: ['tskey-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Defined Networking (Nebula managed) API keys: `dnkey-` + 26 + `-` + 52, base32-ish
    // upper-case with `=`/`_`/`-` allowed in the body.
    id: 'defined-networking-api-token',
    description: 'Defined Networking API key (dnkey-)',
    tags: ['defined-networking', 'api-key', 'devtools'],
    pattern: String.raw`\b(dnkey-[A-Za-z0-9=_\-]{26}-[A-Za-z0-9=_\-]{52})${END_B64URL}`,
    keywords: ['dnkey-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  // ---------------------------------------------------------------- Feature flags
  {
    // LaunchDarkly server-side SDK keys are `sdk-` + a version-4 UUID (docs.launchdarkly.com,
    // "Keys"). The UUID's version nibble (4) and variant nibble (8-b) are checked, so `sdk-` +
    // any other UUID (a request id, a build id) is not taken for a key.
    id: 'launchdarkly-sdk-key',
    description: 'LaunchDarkly server-side SDK key (sdk- + UUIDv4)',
    tags: ['launchdarkly', 'sdk-key', 'devtools'],
    pattern: String.raw`\b(sdk-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})\b`,
    keywords: ['sdk-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  // ---------------------------------------------------------------- Hosting and databases
  {
    // Render API keys (render.com/docs/api): `rnd_` + 32 base62 in issued keys.
    id: 'render-api-key',
    description: 'Render API key (rnd_)',
    tags: ['render', 'api-key', 'devtools'],
    pattern: String.raw`\b(rnd_[A-Za-z0-9]{32})\b`,
    keywords: ['rnd_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Scalingo API tokens: `tk-us-` + 48 base64url characters.
    id: 'scalingo-api-token',
    description: 'Scalingo API token (tk-us-)',
    tags: ['scalingo', 'api-token', 'devtools'],
    pattern: String.raw`\b(tk-us-[A-Za-z0-9_\-]{48})${END_B64URL}`,
    keywords: ['tk-us-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Deno Deploy access tokens: personal `ddp_`, organization `ddw_`, + 36 base62.
    id: 'deno-deploy-token',
    description: 'Deno Deploy personal or organization access token (ddp_/ddw_)',
    tags: ['deno', 'access-token', 'devtools'],
    pattern: String.raw`\b(dd[pw]_[A-Za-z0-9]{36})\b`,
    keywords: ['ddp_', 'ddw_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Neon API keys (neon.tech/docs/manage/api-keys): `napi_` + 64 lower-case base36.
    id: 'neon-api-key',
    description: 'Neon API key (napi_)',
    tags: ['neon', 'api-key', 'devtools'],
    pattern: String.raw`\b(napi_[a-z0-9]{64})\b`,
    keywords: ['napi_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Xata API keys: `xau_` + base62. Xata documents no length; we take 30-64.
    id: 'xata-api-key',
    description: 'Xata API key (xau_)',
    tags: ['xata', 'api-key', 'devtools'],
    pattern: String.raw`\b(xau_[A-Za-z0-9]{30,64})\b`,
    keywords: ['xau_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  // ---------------------------------------------------------------- Automation and tooling
  {
    // Apify API tokens (docs.apify.com, Integrations > API token): `apify_api_` + 36 base62.
    id: 'apify-api-token',
    description: 'Apify API token (apify_api_)',
    tags: ['apify', 'api-token', 'devtools'],
    pattern: String.raw`\b(apify_api_[A-Za-z0-9]{36})\b`,
    keywords: ['apify_api_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Cast AI API keys: `castai_v1_` + 64 base62 + `_` + 8 base62.
    id: 'castai-api-key',
    description: 'Cast AI API key (castai_v1_)',
    tags: ['castai', 'api-key', 'devtools'],
    pattern: String.raw`\b(castai_v1_[A-Za-z0-9]{64}_[A-Za-z0-9]{8})\b`,
    keywords: ['castai_v1_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // docs.chief.tools/accountchief/tokens: personal access tokens `ctp_`, OAuth access tokens
    // `cto_`, refresh tokens `ctr_`, each + 30-248 base62.
    id: 'chieftools-token',
    description: 'Chief Tools personal access, access or refresh token (ctp_/cto_/ctr_)',
    tags: ['chieftools', 'access-token', 'devtools'],
    pattern: String.raw`\b(ct[por]_[A-Za-z0-9]{30,248})\b`,
    keywords: ['ctp_', 'cto_', 'ctr_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // SettleMint access tokens: personal `sm_pat_`, application `sm_aat_`, service `sm_sat_`,
    // each + 16 base62.
    id: 'settlemint-token',
    description: 'SettleMint personal, application or service access token (sm_pat_/sm_aat_/sm_sat_)',
    tags: ['settlemint', 'access-token', 'devtools'],
    pattern: String.raw`\b(sm_[aps]at_[A-Za-z0-9]{16})\b`,
    keywords: ['sm_pat_', 'sm_aat_', 'sm_sat_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // 42 Intra API application secrets: `s-s4t2ud-` (user apps) or `s-s4t2af-` + 64 hex.
    id: 'intra42-client-secret',
    description: '42 Intra API client secret (s-s4t2ud-/s-s4t2af-)',
    tags: ['intra42', 'client-secret', 'devtools'],
    pattern: String.raw`\b(s-s4t2(?:ud|af)-[a-f0-9]{64})\b`,
    keywords: ['s-s4t2ud-', 's-s4t2af-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
];
