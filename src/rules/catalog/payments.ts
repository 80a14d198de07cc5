import type { Rule } from '../rule.js';

/**
 * Payments and commerce: card processors, payment gateways, banking APIs and shop platforms.
 *
 * Formats come from each provider's own documentation:
 * - Stripe: docs.stripe.com/keys — secret keys `sk_live_`/`sk_test_`, restricted keys
 *   `rk_live_`/`rk_test_`, webhook endpoint signing secrets `whsec_`. Publishable keys (`pk_…`)
 *   are public by design and are deliberately not matched.
 * - Square: developer.squareup.com — OAuth/personal access tokens `EAAA` + 60, legacy access
 *   tokens `sq0atp-` + 22, application secrets `sq0csp-` + 43. Application ids (`sq0idp-`) are
 *   public and not matched.
 * - Braintree (PayPal): Braintree Auth access tokens
 *   `access_token$<environment>$<merchant id>$<32 hex>`; PayPal REST client secrets (80 chars)
 *   only near the word `paypal`.
 * - Adyen: API keys start `AQE` and run 100+ chars; recognised next to the word `adyen`.
 * - Plaid: item access tokens `access-<environment>-<uuid>`; client secrets (30 hex) near `plaid`.
 * - Razorpay: key ids `rzp_live_`/`rzp_test_` + 14; key secrets (24) near `razorpay`.
 * - Flutterwave: developer.flutterwave.com — secret keys `FLWSECK-`/`FLWSECK_TEST-` + 32 +
 *   `-X`; encryption keys derived from the secret key (test: `FLWSECK_TEST` + 12 hex, live:
 *   24 hex, matched only under an encryption-key name).
 * - Shopify: shopify.dev — Admin API access tokens `shpat_`, custom-app `shpca_`, private-app
 *   `shppa_`, app shared secrets `shpss_`, each + 32 hex.
 * - GoCardless: access tokens `live_` + 40 near `gocardless`.
 * - WooCommerce REST keys `ck_`/`cs_` + 40 hex; Checkout.com secret keys `sk_sbox_`/`sk_` + 26
 *   (older: `sk_[test_]` + UUID); Paddle Billing `pdl_live_apikey_`/`pdl_sdbx_apikey_`; Ramp
 *   `ramp_id_`/`ramp_sec_`.
 */

/** Separator between a context word (plus a short key suffix) and its value: `=`, `:`, JSON. */
const SEP = String.raw`[\w.\-]{0,20}["']?[ \t]{0,16}[:=][ \t]{0,16}["']?`;

export const paymentRules: readonly Rule[] = [
  {
    // Length varies by account age: 24 chars after the prefix for old keys, ~99 for keys
    // issued since 2019. Test-mode keys are masked too: they still open the test account. `_prod_` appears on
    // some restricted keys.
    id: 'stripe-access-token',
    description: 'Stripe secret or restricted API key (sk_/rk_, live or test)',
    tags: ['stripe', 'api-key', 'payments'],
    pattern: String.raw`\b((?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,247})\b`,
    keywords: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Dashboard secrets are whsec_ + 32 base64 chars; `stripe listen` prints whsec_ + 64 hex.
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook endpoint signing secret',
    tags: ['stripe', 'webhook-secret', 'payments'],
    pattern: String.raw`\b(whsec_[A-Za-z0-9+/]{32,88}={0,2})`,
    keywords: ['whsec_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // EAAA + exactly 60; the trailing boundary keeps it off the much longer Facebook EAA… tokens.
    // Not inside a base64 blob either (`…/EAAAB…=`): runs of A are common there.
    id: 'square-access-token',
    description: 'Square access token (EAAA… or legacy sq0atp-…)',
    tags: ['square', 'access-token', 'payments'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_\-+/\n])(EAAA[A-Za-z0-9_\-]{60}|sq0atp-[A-Za-z0-9_\-]{22})(?:[^A-Za-z0-9_\-+/=\n]|(?m:$))`,
    keywords: ['EAAA', 'sq0atp-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'square-secret',
    description: 'Square application secret (sq0csp-)',
    tags: ['square', 'client-secret', 'payments'],
    pattern: String.raw`\b(sq0csp-[A-Za-z0-9_\-]{43})(?:[^A-Za-z0-9_\-\n]|(?m:$))`,
    keywords: ['sq0csp-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'braintree-access-token',
    description: 'Braintree/PayPal access token (access_token$environment$merchant$secret)',
    tags: ['braintree', 'access-token', 'payments'],
    pattern: String.raw`\b(access_token\$(?:production|sandbox|development|qa)\$[0-9a-z]{16}\$[0-9a-f]{32})\b`,
    keywords: ['access_token$'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'paypal-client-secret',
    description: 'PayPal REST API client secret next to the word paypal',
    tags: ['paypal', 'client-secret', 'payments'],
    pattern: String.raw`(?i)paypal${SEP}([A-Za-z0-9_\-]{80})(?:[^A-Za-z0-9_\-\n]|(?m:$))`,
    keywords: ['paypal'],
    minEntropy: 3.5,
  },
  {
    // Adyen keys are AQE + base64 segments joined by '-' and end in a short free-form tail,
    // so the value is taken up to the next quote, space or backslash.
    id: 'adyen-api-key',
    description: 'Adyen API key next to the word adyen',
    tags: ['adyen', 'api-key', 'payments'],
    pattern: String.raw`(?i)adyen${SEP}((?-i:AQE)[^\s"'\\]{60,250})`,
    keywords: ['adyen'],
    minEntropy: 3.5,
  },
  {
    id: 'plaid-access-token',
    description: 'Plaid item access token',
    tags: ['plaid', 'access-token', 'payments'],
    pattern: String.raw`\b(access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`,
    keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'plaid-secret-key',
    description: 'Plaid client secret (30 hex) next to the word plaid',
    tags: ['plaid', 'client-secret', 'payments'],
    pattern: String.raw`(?i)plaid${SEP}([0-9a-f]{30})\b`,
    keywords: ['plaid'],
    minEntropy: 3.0,
  },
  {
    // The key id is an identifier rather than a secret, but it names a live merchant account
    // and always travels with the secret; masking it is cheap.
    id: 'razorpay-key-id',
    description: 'Razorpay API key id (rzp_live_/rzp_test_)',
    tags: ['razorpay', 'api-key', 'payments'],
    pattern: String.raw`\b(rzp_(?:live|test)_[A-Za-z0-9]{14})\b`,
    keywords: ['rzp_live_', 'rzp_test_'],
    caseSensitiveKeywords: true,
    minEntropy: 2.5,
  },
  {
    id: 'razorpay-key-secret',
    description: 'Razorpay API key secret next to the word razorpay',
    tags: ['razorpay', 'api-secret', 'payments'],
    pattern: String.raw`(?i)razorpay${SEP}([A-Za-z0-9]{24})\b`,
    keywords: ['razorpay'],
    minEntropy: 3.0,
  },
  {
    // developer.flutterwave.com (Authentication): keys are a type prefix (`FLWSECK`,
    // `FLWPUBK`), `_TEST` for test mode, `-`, a 32-char body and the suffix `-X`; the documented
    // example `FLWPUBK_TEST-32193bba8dab84e3d9c4525c85ea7a12-X` has a lowercase-hex body. We
    // accept any alphanumeric body (wider than the example). Public keys (`FLWPUBK`) are meant
    // for front-end code and are not matched.
    id: 'flutterwave-secret-key',
    description: 'Flutterwave secret key (FLWSECK-…-X, FLWSECK_TEST-…-X)',
    tags: ['flutterwave', 'secret-key', 'payments'],
    pattern: String.raw`\b(FLWSECK(?:_TEST)?-[0-9A-Za-z]{32}-X)\b`,
    keywords: ['FLWSECK-', 'FLWSECK_TEST-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Flutterwave's encryption guide (Rave `getKey`) derives the 3DES encryption key from the
    // secret key: its first 12 chars once `FLWSECK-` is stripped, then the last 12 hex digits
    // of the MD5 of the secret key. A test secret key keeps its `FLWSECK_TEST` head, so test
    // encryption keys read `FLWSECK_TEST` + 12 lowercase hex; live ones are 24 bare hex and
    // need the context rule below.
    id: 'flutterwave-encryption-key',
    description: 'Flutterwave test encryption key (FLWSECK_TEST + 12 hex)',
    tags: ['flutterwave', 'encryption-key', 'payments'],
    pattern: String.raw`\b(FLWSECK_TEST[0-9a-f]{12})\b`,
    keywords: ['FLWSECK_TEST'],
    caseSensitiveKeywords: true,
    minEntropy: 2.5,
  },
  {
    // Live encryption keys are 24 hex with no prefix (see the derivation above), so they are
    // taken only under a key name that says Flutterwave/Rave (`FLW_ENCRYPTION_KEY`,
    // `flutterwave.encryptionKey`, `RAVE_ENCRYPTION_KEY`).
    id: 'flutterwave-live-encryption-key',
    description: 'Flutterwave live encryption key (24 hex) under a flutterwave/flw/rave encryption-key name',
    tags: ['flutterwave', 'encryption-key', 'payments'],
    pattern: String.raw`(?i)(?:\b|_)(?:flw|flutterwave|rave)[_.\-]?(?:[\w]{0,20}[_.\-])?enc(?:ryption)?[_.\-]?key["']?[ \t]{0,16}[:=][ \t]{0,16}["']?([0-9a-f]{24})\b`,
    keywords: ['enckey', 'enc_key', 'enc-key', 'enc.key', 'encryptionkey', 'encryption_key', 'encryption-key', 'encryption.key'],
    minEntropy: 3.0,
  },
  {
    id: 'shopify-access-token',
    description: 'Shopify Admin API access token (shpat_, custom app shpca_, private app shppa_)',
    tags: ['shopify', 'access-token', 'payments'],
    pattern: String.raw`\b(shp(?:at|ca|pa)_[a-fA-F0-9]{32})\b`,
    keywords: ['shpat_', 'shpca_', 'shppa_'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'shopify-shared-secret',
    description: 'Shopify app shared secret (shpss_)',
    tags: ['shopify', 'client-secret', 'payments'],
    pattern: String.raw`\b(shpss_[a-fA-F0-9]{32})\b`,
    keywords: ['shpss_'],
    caseSensitiveKeywords: true,
  },
  {
    id: 'gocardless-api-token',
    description: 'GoCardless live access token next to the word gocardless',
    tags: ['gocardless', 'access-token', 'payments'],
    pattern: String.raw`(?i)gocardless${SEP}((?-i:live_)[A-Za-z0-9_\-=]{40})(?:[^A-Za-z0-9_\-=\n]|(?m:$))`,
    keywords: ['gocardless'],
    minEntropy: 3.0,
  },
  {
    // WooCommerce REST API keys (woocommerce.github.io/woocommerce-rest-api-docs,
    // Authentication): consumer key `ck_` + 40 hex and consumer secret `cs_` + 40 hex, used as
    // a pair (often in a query string). Both are masked, as AWS key ids are.
    id: 'woocommerce-api-key',
    description: 'WooCommerce REST API consumer key (ck_) or secret (cs_) + 40 hex',
    tags: ['woocommerce', 'api-key', 'payments'],
    pattern: String.raw`\b(c[ks]_[a-f0-9]{40})\b`,
    keywords: ['ck_', 'cs_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Checkout.com secret keys: current accounts `sk_sbox_` (sandbox) or `sk_` (live) + 26
    // lower-case base32; older accounts `sk_test_` or `sk_` + a UUID. Public keys (`pk_…`) are
    // not matched.
    id: 'checkout-com-secret-key',
    description: 'Checkout.com secret key (sk_sbox_/sk_ + 26, or sk_[test_] + UUID)',
    tags: ['checkout-com', 'secret-key', 'payments'],
    pattern: String.raw`\b(sk_(?:sbox_[a-z0-9]{26}|(?:test_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]{26}))\b`,
    keywords: ['sk_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // developer.paddle.com (Authentication): `pdl_live_apikey_` or `pdl_sdbx_apikey_`, a
    // 26-character lower-case ULID, `_`, a 22-character base62 secret, `_`, a 3-character
    // check.
    id: 'paddle-api-key',
    description: 'Paddle Billing API key (pdl_live_apikey_/pdl_sdbx_apikey_)',
    tags: ['paddle', 'api-key', 'payments'],
    pattern: String.raw`\b(pdl_(?:live|sdbx)_apikey_[a-z0-9]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3})\b`,
    keywords: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Ramp developer API: client ids `ramp_id_` + 40 and client secrets `ramp_sec_` + 48
    // base62, used together for the client-credentials grant.
    id: 'ramp-api-credential',
    description: 'Ramp API client id (ramp_id_) or client secret (ramp_sec_)',
    tags: ['ramp', 'client-secret', 'payments'],
    pattern: String.raw`\b(ramp_(?:id_[A-Za-z0-9]{40}|sec_[A-Za-z0-9]{48}))\b`,
    keywords: ['ramp_id_', 'ramp_sec_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
];
