import type { Rule } from '../rule.js';

/**
 * AI and ML platforms: model APIs, inference hosts, vector databases and LLM tooling.
 *
 * Formats come from each provider's documentation and key-management pages:
 * - OpenAI: platform.openai.com — project keys `sk-proj-`, service-account keys `sk-svcacct-`,
 *   admin keys `sk-admin-`, older user keys `sk-` + 48. Every format embeds the marker
 *   `T3BlbkFJ` (base64 of "OpenAI") between two random halves.
 * - Anthropic: console keys `sk-ant-api03-` and admin keys `sk-ant-admin01-`, 93 chars of
 *   base64url then the fixed tail `AA` (108/110 chars in all).
 * - Hugging Face: user access tokens `hf_` + 34 letters, organization tokens `api_org_` + 34.
 * - Groq `gsk_` + 52, Perplexity `pplx-` + 48, Replicate `r8_` + 37, xAI `xai-` + 80,
 *   OpenRouter `sk-or-v1-` + 64 hex, NVIDIA NGC/build keys `nvapi-` + 64, Pinecone `pcsk_`,
 *   Together `tgp_v1_`, LangSmith `lsv2_pt_`/`lsv2_sk_` + 32 hex + `_` + 10 hex.
 * - Cohere (40), Mistral (32), DeepSeek (`sk-` + 32 hex), Fireworks (`fw_`), ElevenLabs
 *   (`sk_` + 48 hex) and Weights & Biases (40 hex) keys carry no distinctive prefix of their
 *   own and are matched only next to the provider's name (or its documented header/env name).
 * - Google Gemini keys are GCP `AIza…` keys: covered by the cloud catalog, not here.
 * - Tooling with prefixed keys: Anthropic OAuth tokens (`sk-ant-oat01-`/`sk-ant-ort01-`),
 *   Langfuse secret keys (`sk-lf-` + UUID), Tavily (`tvly-`), Firecrawl (`fc-` + 32 hex), Jina
 *   (`jina_`), Cerebras (`csk-` + 48), E2B (`e2b_` + 40 hex).
 */

/** Separator between a context word (plus a short key suffix) and its value: `=`, `:`, JSON. */
const SEP = String.raw`[\w.\-]{0,20}["']?[ \t]{0,16}[:=][ \t]{0,16}["']?`;
/**
 * Ends a base64url token: the next byte is not part of it (RE2 has no lookahead). It is
 * consumed but outside the secret group; never a newline.
 */
const END_B64URL = String.raw`(?:[^A-Za-z0-9_\-\n]|(?m:$))`;

export const aiRules: readonly Rule[] = [
  {
    id: 'openai-api-key',
    description: 'OpenAI API key (project, service account, admin or legacy user key)',
    tags: ['openai', 'api-key', 'ai'],
    pattern: String.raw`\b(sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_\-]{20,160}T3BlbkFJ[A-Za-z0-9_\-]{20,160})${END_B64URL}`,
    keywords: ['T3BlbkFJ'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // The `AA` tail is part of the format; a different tail is not an Anthropic key.
    id: 'anthropic-api-key',
    description: 'Anthropic API key (sk-ant-api03-)',
    tags: ['anthropic', 'api-key', 'ai'],
    pattern: String.raw`\b(sk-ant-api03-[A-Za-z0-9_\-]{93}AA)${END_B64URL}`,
    keywords: ['sk-ant-api03-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'anthropic-admin-api-key',
    description: 'Anthropic Admin API key (sk-ant-admin01-)',
    tags: ['anthropic', 'admin-key', 'ai'],
    pattern: String.raw`\b(sk-ant-admin01-[A-Za-z0-9_\-]{93}AA)${END_B64URL}`,
    keywords: ['sk-ant-admin01-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Claude Code subscription credentials (`claude setup-token`, CLAUDE_CODE_OAUTH_TOKEN):
    // OAuth access tokens `sk-ant-oat01-` + 95 base64url (108 in all) and refresh tokens
    // `sk-ant-ort01-`. We accept 80-120 after the prefix for both.
    id: 'anthropic-oauth-token',
    description: 'Anthropic OAuth access (sk-ant-oat01-) or refresh (sk-ant-ort01-) token',
    tags: ['anthropic', 'oauth-token', 'ai'],
    pattern: String.raw`\b(sk-ant-o[ar]t01-[A-Za-z0-9_\-]{80,120})${END_B64URL}`,
    keywords: ['sk-ant-oat01-', 'sk-ant-ort01-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Hugging Face tokens are letters only; identifiers such as `hf_requiredTypes…` are longer
    // or shorter than 34 and fail the boundaries. Letters only on the evidence: Hugging Face
    // documents only the `hf_` prefix; gitleaks, TruffleHog and detect-secrets all take
    // `hf_[A-Za-z]{34}`, and every published token we looked at is 34 letters. Accepting digits
    // would only add camelCase-with-digit identifiers, so it waits for a token that has one.
    id: 'huggingface-access-token',
    description: 'Hugging Face user access token (hf_)',
    tags: ['huggingface', 'access-token', 'ai'],
    pattern: String.raw`\b(hf_[A-Za-z]{34})\b`,
    keywords: ['hf_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'huggingface-organization-api-token',
    description: 'Hugging Face organization API token (api_org_)',
    tags: ['huggingface', 'api-key', 'ai'],
    pattern: String.raw`\b(api_org_[A-Za-z]{34})\b`,
    keywords: ['api_org_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'cohere-api-token',
    description: 'Cohere API key next to the word cohere or CO_API_KEY',
    tags: ['cohere', 'api-key', 'ai'],
    pattern: String.raw`(?i)(?:cohere|co_api_key)${SEP}([A-Za-z0-9]{40})\b`,
    keywords: ['cohere', 'co_api_key'],
    minEntropy: 3.5,
  },
  {
    id: 'groq-api-key',
    description: 'Groq API key (gsk_)',
    tags: ['groq', 'api-key', 'ai'],
    pattern: String.raw`\b(gsk_[A-Za-z0-9]{52})\b`,
    keywords: ['gsk_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'perplexity-api-key',
    description: 'Perplexity API key (pplx-)',
    tags: ['perplexity', 'api-key', 'ai'],
    pattern: String.raw`\b(pplx-[A-Za-z0-9]{48})\b`,
    keywords: ['pplx-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'replicate-api-token',
    description: 'Replicate API token (r8_)',
    tags: ['replicate', 'api-key', 'ai'],
    pattern: String.raw`\b(r8_[A-Za-z0-9]{37})\b`,
    keywords: ['r8_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'mistral-api-key',
    description: 'Mistral AI API key next to the word mistral',
    tags: ['mistral', 'api-key', 'ai'],
    pattern: String.raw`(?i)mistral${SEP}([A-Za-z0-9]{32})\b`,
    keywords: ['mistral'],
    minEntropy: 3.5,
  },
  {
    id: 'xai-api-key',
    description: 'xAI (Grok) API key (xai-)',
    tags: ['xai', 'api-key', 'ai'],
    pattern: String.raw`\b(xai-[A-Za-z0-9]{80})\b`,
    keywords: ['xai-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // DeepSeek keys look like an OpenAI-style `sk-` + 32 hex: only the provider name tells.
    id: 'deepseek-api-key',
    description: 'DeepSeek API key next to the word deepseek',
    tags: ['deepseek', 'api-key', 'ai'],
    pattern: String.raw`(?i)deepseek${SEP}((?-i:sk-)[0-9a-f]{32})\b`,
    keywords: ['deepseek'],
    minEntropy: 3.0,
  },
  {
    id: 'openrouter-api-key',
    description: 'OpenRouter API key (sk-or-v1-)',
    tags: ['openrouter', 'api-key', 'ai'],
    pattern: String.raw`\b(sk-or-v1-[0-9a-f]{64})\b`,
    keywords: ['sk-or-v1-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    id: 'together-api-key',
    description: 'Together AI API key (tgp_v1_)',
    tags: ['together', 'api-key', 'ai'],
    pattern: String.raw`\b(tgp_v1_[A-Za-z0-9_\-]{40,64})${END_B64URL}`,
    keywords: ['tgp_v1_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'fireworks-api-key',
    description: 'Fireworks AI API key next to the word fireworks',
    tags: ['fireworks', 'api-key', 'ai'],
    pattern: String.raw`(?i)fireworks${SEP}((?-i:fw_)[A-Za-z0-9]{20,48})\b`,
    keywords: ['fireworks'],
    minEntropy: 3.5,
  },
  {
    id: 'nvidia-api-key',
    description: 'NVIDIA API catalog / NGC API key (nvapi-)',
    tags: ['nvidia', 'api-key', 'ai'],
    pattern: String.raw`\b(nvapi-[A-Za-z0-9_\-]{64})${END_B64URL}`,
    keywords: ['nvapi-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'pinecone-api-key',
    description: 'Pinecone API key (pcsk_)',
    tags: ['pinecone', 'api-key', 'ai'],
    pattern: String.raw`\b(pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80})\b`,
    keywords: ['pcsk_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    id: 'langsmith-api-key',
    description: 'LangSmith personal access token (lsv2_pt_) or service key (lsv2_sk_)',
    tags: ['langsmith', 'api-key', 'ai'],
    pattern: String.raw`\b(lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10})\b`,
    keywords: ['lsv2_pt_', 'lsv2_sk_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // The header name `xi-api-key` is ElevenLabs' own; the key itself is sk_ + 48 hex.
    id: 'elevenlabs-api-key',
    description: 'ElevenLabs API key next to the word elevenlabs or the xi-api-key header',
    tags: ['elevenlabs', 'api-key', 'ai'],
    pattern: String.raw`(?i)(?:elevenlabs|eleven_labs|xi-api-key)${SEP}((?-i:sk_)[0-9a-f]{48})\b`,
    keywords: ['elevenlabs', 'eleven_labs', 'xi-api-key'],
    minEntropy: 3.0,
  },
  {
    id: 'wandb-api-key',
    description: 'Weights & Biases API key (40 hex) next to wandb',
    tags: ['wandb', 'api-key', 'ai'],
    pattern: String.raw`(?i)wandb${SEP}([0-9a-f]{40})\b`,
    keywords: ['wandb'],
    minEntropy: 3.0,
  },
  // ---------------------------------------------------------------- Prefixed keys of AI tooling
  {
    // Langfuse project keys come in pairs: public `pk-lf-` + UUID (sent as the basic-auth user
    // name; not matched) and secret `sk-lf-` + UUID.
    id: 'langfuse-secret-key',
    description: 'Langfuse secret key (sk-lf- + UUID)',
    tags: ['langfuse', 'secret-key', 'ai'],
    pattern: String.raw`\b(sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`,
    keywords: ['sk-lf-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Tavily search API keys: `tvly-` + 32 base62; keys issued since 2025 carry the
    // environment (`tvly-dev-`, `tvly-prod-`).
    id: 'tavily-api-key',
    description: 'Tavily API key (tvly-)',
    tags: ['tavily', 'api-key', 'ai'],
    pattern: String.raw`\b(tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})\b`,
    keywords: ['tvly-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Firecrawl API keys: `fc-` + 32 lower-case hex. Not after `.`, `/` or `-` (`rfc-`,
    // `/fc-` paths fail the boundary or this).
    id: 'firecrawl-api-key',
    description: 'Firecrawl API key (fc- + 32 hex)',
    tags: ['firecrawl', 'api-key', 'ai'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.\-/])(fc-[a-f0-9]{32})\b`,
    keywords: ['fc-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
  {
    // Jina AI API keys: `jina_` + 60 base64url-ish characters (32 hex then 28 mixed in issued
    // keys); we take 50-70.
    id: 'jina-api-key',
    description: 'Jina AI API key (jina_)',
    tags: ['jina', 'api-key', 'ai'],
    pattern: String.raw`\b(jina_[A-Za-z0-9_\-]{50,70})${END_B64URL}`,
    keywords: ['jina_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // Cerebras inference API keys: `csk-` + 48 lower-case base36.
    id: 'cerebras-api-key',
    description: 'Cerebras API key (csk-)',
    tags: ['cerebras', 'api-key', 'ai'],
    pattern: String.raw`\b(csk-[a-z0-9]{48})\b`,
    keywords: ['csk-'],
    caseSensitiveKeywords: true,
    minEntropy: 3.5,
  },
  {
    // E2B sandbox API keys: `e2b_` + 40 lower-case hex.
    id: 'e2b-api-key',
    description: 'E2B API key (e2b_ + 40 hex)',
    tags: ['e2b', 'api-key', 'ai'],
    pattern: String.raw`\b(e2b_[a-f0-9]{40})\b`,
    keywords: ['e2b_'],
    caseSensitiveKeywords: true,
    minEntropy: 3.0,
  },
];
