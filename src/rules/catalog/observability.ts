import type { Rule } from '../rule.js';

/**
 * Monitoring, logging and product-analytics credentials with a prefix of their own: Dynatrace,
 * Axiom, Honeybadger, Checkly, PostHog personal API keys, New Relic browser keys. (Sentry,
 * Datadog, the other New Relic keys, Grafana, PagerDuty, Sumo Logic, Segment, Amplitude and
 * Mixpanel live in `saas.ts`.)
 *
 * Formats, from each provider's token pages:
 * - Dynatrace: tokens read `dt0<type><2 digits>.<24 public id>.<64 secret>` in upper-case
 *   base32 (`dt0c01.` API/access tokens, `dt0s01.`/`dt0s02.`/`dt0s16.` platform and OAuth
 *   client tokens): the docs' "token format" section.
 * - Axiom: API tokens `xaat-` and personal access tokens `xapt-`, each + a UUID.
 * - Honeybadger: personal auth tokens `hbp_` + 36 base62.
 * - Checkly: user API keys `cu_` + 32 hex.
 * - PostHog: personal API keys `phx_` + base62 (project keys `phc_` are public by design and
 *   are not matched).
 * - New Relic: browser ingest keys `NRJS-` + 19 hex (embedded in pages, but they let anyone
 *   write into the account; gitleaks' default config masks them too).
 *
 * Every prefix has a fixed case: keywords are case-sensitive.
 */

const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;

export const observabilityRules: readonly Rule[] = [
  {
    id: 'dynatrace-api-token',
    description: 'Dynatrace access, platform or OAuth client token (dt0c01., dt0s01. …)',
    tags: ['dynatrace', 'api-token', 'observability'],
    pattern: String.raw`\b(dt0[a-z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b`,
    keywords: ['dt0'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'axiom-token',
    description: 'Axiom API token (xaat-) or personal access token (xapt-)',
    tags: ['axiom', 'api-token', 'observability'],
    pattern: String.raw`\b(xa[ap]t-${UUID})\b`,
    keywords: ['xaat-', 'xapt-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'honeybadger-personal-token',
    description: 'Honeybadger personal auth token (hbp_)',
    tags: ['honeybadger', 'auth-token', 'observability'],
    pattern: String.raw`\b(hbp_[A-Za-z0-9]{36})\b`,
    keywords: ['hbp_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'checkly-api-key',
    description: 'Checkly user API key (cu_ + 32 hex)',
    tags: ['checkly', 'api-key', 'observability'],
    pattern: String.raw`\b(cu_[a-f0-9]{32})\b`,
    keywords: ['cu_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // PostHog does not document the body length; issued keys carry about 40 base62 characters,
    // we take 32-64.
    id: 'posthog-personal-api-key',
    description: 'PostHog personal API key (phx_)',
    tags: ['posthog', 'api-key', 'observability'],
    pattern: String.raw`\b(phx_[A-Za-z0-9]{32,64})\b`,
    keywords: ['phx_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'new-relic-browser-api-token',
    description: 'New Relic browser ingest key (NRJS- + 19 hex)',
    tags: ['newrelic', 'browser-key', 'observability'],
    pattern: String.raw`\b(NRJS-[a-f0-9]{19})\b`,
    keywords: ['NRJS-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
];
