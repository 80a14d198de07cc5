import type { RuleCase } from '../case.js';

/** Table rows for src/rules/catalog/payments.ts. All tokens are random and fake. */
export const cases: readonly RuleCase[] = [
  // stripe-access-token
  {
    rule: 'stripe-access-token',
    text: 'level=error msg="stripe request failed" api_key=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 status=401',
    secret: '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',
  },
  {
    rule: 'stripe-access-token',
    text: 'Authorization: Bearer rk_test_zUVy6AV6l8pL8piLw3lwd0j6',
    secret: 'rk_test_zUVy6AV6l8pL8piLw3lwd0j6',
  },
  {
    rule: 'stripe-access-token',
    text: 'stripe.api_key = "rk_prod_51Nq8vTfW3bK0xLmA7sYd2RcPj9uHgE4zQ"',
    secret: 'rk_prod_51Nq8vTfW3bK0xLmA7sYd2RcPj9uHgE4zQ',
  },
  {
    rule: 'stripe-access-token',
    text: '{"stripe":{"publishable_key":"pk_live_zUVy6AV6l8pL8piLw3lwd0j6"}}',
    negative: true,
    note: 'publishable keys are public by design',
  },
  { rule: 'stripe-access-token', text: 'STRIPE_SECRET_KEY=sk_live_abc123', negative: true, note: 'too short' },
  { rule: 'stripe-access-token', text: 'task_live_zUVy6AV6l8pL8piLw3lwd0j6 started', negative: true, note: 'inside a longer word' },
  // stripe-webhook-secret
  {
    rule: 'stripe-webhook-secret',
    text: 'STRIPE_WEBHOOK_SECRET=whsec_TZ4Fm9Np9iVymtXoK5cKSDWzIGRY7QyU',
    secret: 'whsec_TZ4Fm9Np9iVymtXoK5cKSDWzIGRY7QyU',
  },
  { rule: 'stripe-webhook-secret', text: 'webhook secret=whsec_TZ4Fm9Np9iVym', negative: true, note: 'too short' },
  // square-access-token
  {
    rule: 'square-access-token',
    text: 'square client init access_token=EAAADlz25YlL0gJSyPeGpjR-Ld2_ErrMIC_pAYxqhKqxHJJAq7NzCT6PV0eKGNO7 env=production',
    secret: 'EAAADlz25YlL0gJSyPeGpjR-Ld2_ErrMIC_pAYxqhKqxHJJAq7NzCT6PV0eKGNO7',
  },
  {
    rule: 'square-access-token',
    text: 'ARG token=sq0atp-KXhhjA40qmATy6Dd7FUnsI',
    secret: 'sq0atp-KXhhjA40qmATy6Dd7FUnsI',
  },
  {
    rule: 'square-access-token',
    text: 'image=aws-cli@sha256:eaaa7b11777babe28e6133a8b19ff71cea687e0d7f05158dee95a71f76ce3d00',
    negative: true,
    note: 'lowercase hex digest, not a token',
  },
  {
    rule: 'square-access-token',
    text: 'fb_token=EAAADlz25YlL0gJSyPeGpjR-Ld2_ErrMIC_pAYxqhKqxHJJAq7NzCT6PV0eKGNO7Tb9qZsd1LmWcA0Re7YkNh',
    negative: true,
    note: 'longer than 64 chars: a Facebook-style EAA token, not Square',
  },
  {
    rule: 'square-access-token',
    text: 'rn_("cUMBAIgNiQ0HFAgUrCetJ0cqSCrzAAFt9B/EAAABAF8NAQBxQwEAhg2HDQUUBhSqJ6snRSpGKvMAAW30HcQAAAEAXw0BAPsCZHM=")',
    negative: true,
    note: 'inside a base64 blob',
  },
  {
    rule: 'square-access-token',
    text: 'upload chunk=QUJDRGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo/eaaaZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY3ODkwYWJjZA==',
    negative: true,
    note: 'lowercase eaaa inside base64 (the keyword is exact-case EAAA)',
  },
  // square-secret
  {
    rule: 'square-secret',
    text: 'value: "sq0csp-rvv_6c8Wmz0fOlgiMCIrsyuqDvPe6KoE6TAfxB3lYx-"',
    secret: 'sq0csp-rvv_6c8Wmz0fOlgiMCIrsyuqDvPe6KoE6TAfxB3lYx-',
  },
  { rule: 'square-secret', text: 'app secret sq0csp-rvv_6c8Wmz0fOlg', negative: true, note: 'too short' },
  // braintree-access-token
  {
    rule: 'braintree-access-token',
    text: 'gateway = Braintree::Gateway.new(access_token: "access_token$production$asqnyzak76xrhhzf$787e27af8ae4954c7894bf6637f3a711")',
    secret: 'access_token$production$asqnyzak76xrhhzf$787e27af8ae4954c7894bf6637f3a711',
  },
  {
    rule: 'braintree-access-token',
    text: 'access_token$live$asqnyzak76xrhhzf$787e27af8ae4954c7894bf6637f3a711',
    negative: true,
    note: 'unknown environment',
  },
  // paypal-client-secret
  {
    rule: 'paypal-client-secret',
    text: 'PAYPAL_CLIENT_SECRET=jNgUhqjp6mHiqXw_o-SzEBXjQ-3QDNQ2_OZTssGZYRM58TaSNUsryZacVEx3_KDAqW_NhDhYbTbYklFn',
    secret: 'jNgUhqjp6mHiqXw_o-SzEBXjQ-3QDNQ2_OZTssGZYRM58TaSNUsryZacVEx3_KDAqW_NhDhYbTbYklFn',
  },
  { rule: 'paypal-client-secret', text: 'paypal_client_secret=jNgUhqjp6mHiqXw_o-SzEBXjQ', negative: true, note: 'too short' },
  // adyen-api-key
  {
    rule: 'adyen-api-key',
    text: '{"adyen_api_key":"AQEjQLDXjSuqAOLgRD9LadSRcoicDe7oCF8bsSD6+Kxdg661nv5ZF4OhPJMd0BJDC1EqtH5WiHoK5Yy5SfswIiFfHofQN==-v/5A+hWW3qUrEQ9gKwp14h95PlYcgZvlZtrm2X6wGVX=-KzJvYpJzpG"}',
    secret: 'AQEjQLDXjSuqAOLgRD9LadSRcoicDe7oCF8bsSD6+Kxdg661nv5ZF4OhPJMd0BJDC1EqtH5WiHoK5Yy5SfswIiFfHofQN==-v/5A+hWW3qUrEQ9gKwp14h95PlYcgZvlZtrm2X6wGVX=-KzJvYpJzpG',
  },
  { rule: 'adyen-api-key', text: 'adyen merchant=AcmeShopECOM env=live', negative: true, note: 'merchant account, not a key' },
  // plaid-access-token
  {
    rule: 'plaid-access-token',
    text: 'plaid exchange ok item_id=Rxq9 access_token=access-production-8404d712-99a5-d3a0-490f-6fd35985ea61',
    secret: 'access-production-8404d712-99a5-d3a0-490f-6fd35985ea61',
  },
  {
    rule: 'plaid-access-token',
    text: 'public_token=public-sandbox-8404d712-99a5-d3a0-490f-6fd35985ea61',
    negative: true,
    note: 'public tokens are single-use and short-lived',
  },
  // plaid-secret-key
  {
    rule: 'plaid-secret-key',
    text: 'export PLAID_SECRET="b242869b8b8cc6f888ef7fa872a32b"',
    secret: 'b242869b8b8cc6f888ef7fa872a32b',
  },
  { rule: 'plaid-secret-key', text: 'PLAID_SECRET=b242869b8b8cc6f888ef7fa872a32b99aa', negative: true, note: 'wrong length' },
  // razorpay-key-id
  {
    rule: 'razorpay-key-id',
    text: 'razorpay order create key_id=rzp_live_J9OBFHw93SzK1B amount=49900',
    secret: 'rzp_live_J9OBFHw93SzK1B',
  },
  { rule: 'razorpay-key-id', text: 'key_id=rzp_prod_J9OBFHw93SzK1B', negative: true, note: 'no such mode' },
  // razorpay-key-secret
  {
    rule: 'razorpay-key-secret',
    text: 'RAZORPAY_KEY_SECRET=cRXaYHDOAAYqvWgL0e2uS0ZC',
    secret: 'cRXaYHDOAAYqvWgL0e2uS0ZC',
  },
  { rule: 'razorpay-key-secret', text: 'razorpay_key_secret=${RAZORPAY_SECRET}', negative: true, note: 'variable reference' },
  // flutterwave-secret-key
  {
    rule: 'flutterwave-secret-key',
    text: 'level=info msg="charge" FLW_SECRET_KEY=FLWSECK-6b1e0c5d9f2a47e38c4d1a0b7e9f2c3d-X',
    secret: 'FLWSECK-6b1e0c5d9f2a47e38c4d1a0b7e9f2c3d-X',
  },
  {
    rule: 'flutterwave-secret-key',
    text: 'Authorization: Bearer FLWSECK_TEST-1z7QPAapijwlPjm1NpKrBoP2YWYFnQmb-X',
    secret: 'FLWSECK_TEST-1z7QPAapijwlPjm1NpKrBoP2YWYFnQmb-X',
  },
  {
    rule: 'flutterwave-secret-key',
    text: 'FLW_PUBLIC_KEY=FLWPUBK-1z7QPAapijwlPjm1NpKrBoP2YWYFnQmb-X',
    negative: true,
    note: 'public key',
  },
  // flutterwave-encryption-key
  {
    rule: 'flutterwave-encryption-key',
    text: 'FLW_ENCRYPTION_KEY=FLWSECK_TEST9c4e6a1f07b2',
    secret: 'FLWSECK_TEST9c4e6a1f07b2',
  },
  { rule: 'flutterwave-encryption-key', text: 'FLW_ENCRYPTION_KEY=FLWSECK_TEST9c4e6a', negative: true, note: 'too short' },
  { rule: 'flutterwave-encryption-key', text: 'FLW_ENCRYPTION_KEY=FLWSECK_TESTeahe6385e93a', negative: true, note: 'not hex: the md5 half is lowercase hex' },
  // flutterwave-live-encryption-key
  {
    rule: 'flutterwave-live-encryption-key',
    text: 'FLW_ENCRYPTION_KEY=3f9a71c2d4e8b05d6c1e7a92',
    secret: '3f9a71c2d4e8b05d6c1e7a92',
  },
  {
    rule: 'flutterwave-live-encryption-key',
    text: '{"flutterwave":{"secret":"x"},"rave_encryptionKey": "8b2e4f6a1c3d5e7f9a0b1c2d"}',
    secret: '8b2e4f6a1c3d5e7f9a0b1c2d',
  },
  { rule: 'flutterwave-live-encryption-key', text: 'DB_ENCRYPTION_KEY=3f9a71c2d4e8b05d6c1e7a92', negative: true, note: 'not a flutterwave key name' },
  { rule: 'flutterwave-live-encryption-key', text: 'FLW_ENCRYPTION_KEY=3f9a71c2d4e8b05d6c1e7a92ff01', negative: true, note: 'too long' },
  // shopify-access-token
  {
    rule: 'shopify-access-token',
    text: 'POST /admin/api/2024-01/graphql.json X-Shopify-Access-Token: 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',
    secret: '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',
  },
  {
    rule: 'shopify-access-token',
    text: 'SHOPIFY_TOKEN="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"',
    secret: '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',
  },
  { rule: 'shopify-access-token', text: 'shpat_7ab435d40d79f887290aa33397e4c73z', negative: true, note: 'non-hex character' },
  // shopify-shared-secret
  {
    rule: 'shopify-shared-secret',
    text: 'shopify app config api_secret=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',
    secret: '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',
  },
  { rule: 'shopify-shared-secret', text: 'shpss_5d9e94a199e95099', negative: true, note: 'too short' },
  // gocardless-api-token
  {
    rule: 'gocardless-api-token',
    text: 'GOCARDLESS_ACCESS_TOKEN=live_0CgzWri9XXeg2mpmloQG_ssY4e4Biy5iKojYldxz',
    secret: 'live_0CgzWri9XXeg2mpmloQG_ssY4e4Biy5iKojYldxz',
  },
  {
    rule: 'gocardless-api-token',
    text: 'gocardless env=live_mode webhook_endpoint=live_payments',
    negative: true,
  },
  // Long-tail provider formats (issue 12): random fake values.
  { rule: "woocommerce-api-key", text: "GET /wp-json/wc/v3/orders?consumer_key=ck_f38800cf6309eed1f6830f53c4faf9b2dde7045c&consumer_secret=cs_51b76113cb0423f3ee8294acb8333632e26d1372 200", secret: "cs_51b76113cb0423f3ee8294acb8333632e26d1372" },
  { rule: "woocommerce-api-key", text: "WOO_CONSUMER_KEY=ck_f38800cf6309eed1f6830f53c4faf9b2dde7045c", secret: "ck_f38800cf6309eed1f6830f53c4faf9b2dde7045c" },
  { rule: "woocommerce-api-key", text: "stripe session cs_test_a1B2c3D4e5F6g7H8", negative: true, note: "Stripe Checkout session id" },
  { rule: "checkout-com-secret-key", text: "CKO_SECRET_KEY=sk_sbox_xby8c86b67o4fg0kk7la0c8uwc", secret: "sk_sbox_xby8c86b67o4fg0kk7la0c8uwc" },
  { rule: "checkout-com-secret-key", text: "Authorization: sk_test_89541b45-65b0-a557-2c97-fb517f759433", secret: "sk_test_89541b45-65b0-a557-2c97-fb517f759433" },
  { rule: "checkout-com-secret-key", text: "sk_buff allocation failed", negative: true, note: "kernel identifier" },
  { rule: "paddle-api-key", text: "Authorization: Bearer pdl_live_apikey_01wd2a3rb81euodtmwekwd2ykj_2OjO8k0xuGFd0C54WObaIS_886", secret: "pdl_live_apikey_01wd2a3rb81euodtmwekwd2ykj_2OjO8k0xuGFd0C54WObaIS_886" },
  { rule: "paddle-api-key", text: "PADDLE_API_KEY=pdl_live_apikey_", negative: true, note: "prefix only" },
  { rule: "ramp-api-credential", text: "RAMP_CLIENT_SECRET=ramp_sec_yODsgbqLFvVjSMruZPCrZ9nHFJb939EMe05yG07bOAk3qfg3", secret: "ramp_sec_yODsgbqLFvVjSMruZPCrZ9nHFJb939EMe05yG07bOAk3qfg3" },
  { rule: "ramp-api-credential", text: "RAMP_CLIENT_ID=ramp_id_CGIyDOfIpWnzkwmFVtaszunJL1hVEsX3pBBkFQS7", secret: "ramp_id_CGIyDOfIpWnzkwmFVtaszunJL1hVEsX3pBBkFQS7" },
  { rule: "ramp-api-credential", text: "ramp_id_count=3 ramp_sec_total=12", negative: true, note: "identifiers" },
];
