import type { Rule } from '../rule.js';

/**
 * Email, SMS and automation webhooks whose credentials carry a prefix: Brevo (formerly
 * Sendinblue) API and SMTP keys, MailerSend, Resend, Mailchimp Transactional (Mandrill),
 * Telnyx, and Zapier catch-hook URLs. (Slack, Discord, Teams, Twilio, SendGrid, Mailgun and
 * Mailchimp marketing keys live in `saas.ts`.)
 *
 * Formats, from each provider's API-key pages:
 * - Brevo: API keys `xkeysib-` and SMTP keys `xsmtpsib-`, each 64 hex + `-` + 16 base62.
 * - MailerSend: API tokens `mlsn.` + 64 hex.
 * - Resend: API keys `re_` + 8 base62 + `_` + 24 base62 (the first part is the key id).
 * - Mandrill: API keys `md-` + 22 base64url.
 * - Telnyx: API v2 keys `KEY` + 32 upper-case hex + `_` + 22 base62.
 * - Zapier: catch hooks `hooks.zapier.com/hooks/catch/<account id>/<hook id>/` — anyone with
 *   the URL can trigger the Zap, so the path after `catch/` is the secret.
 *
 * Every prefix has a fixed case: keywords are case-sensitive.
 */

/** Ends a base64url token: the next byte is not part of it (RE2 has no lookahead). */
const END_B64URL = String.raw`(?:[^A-Za-z0-9_\-\n]|(?m:$))`;

export const messagingRules: readonly Rule[] = [
  {
    id: 'brevo-api-key',
    description: 'Brevo (Sendinblue) API key (xkeysib-)',
    tags: ['brevo', 'api-key', 'messaging'],
    pattern: String.raw`\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b`,
    keywords: ['xkeysib-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'brevo-smtp-key',
    description: 'Brevo (Sendinblue) SMTP key (xsmtpsib-)',
    tags: ['brevo', 'smtp-key', 'messaging'],
    pattern: String.raw`\b(xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b`,
    keywords: ['xsmtpsib-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'mailersend-api-token',
    description: 'MailerSend API token (mlsn. + 64 hex)',
    tags: ['mailersend', 'api-token', 'messaging'],
    pattern: String.raw`\b(mlsn\.[a-f0-9]{64})\b`,
    keywords: ['mlsn.'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // `re_` is the tail of countless snake_case words (`store_`, `failure_`), so the keywords
    // are `re_` after the bytes a value starts after (`=`, `:`, a quote, a blank, `(`, `,`),
    // and the pattern consumes that byte: a key at the very start of a line is not found.
    id: 'resend-api-key',
    description: 'Resend API key (re_<8>_<24>)',
    tags: ['resend', 'api-key', 'messaging'],
    pattern: String.raw`[=:"'\x60 \t(,](re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\b`,
    keywords: ['=', ':', '"', "'", '`', ' ', '\t', '(', ','].map((c) => `${c}re_`),
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Not inside a longer word or class name (`md-button`): the byte before `md-` must not be
    // a letter, digit, `_`, `-` or `.`.
    id: 'mandrill-api-key',
    description: 'Mailchimp Transactional (Mandrill) API key (md- + 22)',
    tags: ['mandrill', 'api-key', 'messaging'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.\-])(md-[A-Za-z0-9_\-]{22})${END_B64URL}`,
    keywords: ['md-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'telnyx-api-key',
    description: 'Telnyx API v2 key (KEY + 32 hex + _ + 22)',
    tags: ['telnyx', 'api-key', 'messaging'],
    pattern: String.raw`\b(KEY[0-9A-F]{32}_[0-9A-Za-z]{22})\b`,
    // `KEY` + a hex digit: `API_KEY=`, `KEY_ID` and `KEYS` do not make a line a candidate.
    keywords: [...'0123456789ABCDEF'].map((c) => `KEY${c}`),
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'zapier-webhook-url',
    description: 'Zapier catch-hook URL (the account and hook ids after /hooks/catch/)',
    tags: ['zapier', 'webhook', 'messaging'],
    pattern: String.raw`hooks\.zapier\.com/hooks/catch/([0-9]{4,12}/[A-Za-z0-9]{5,12})\b`,
    keywords: ['hooks.zapier.com/hooks/catch/'],
    caseSensitiveKeywords: true,
  },
];
