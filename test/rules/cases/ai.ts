import type { RuleCase } from '../case.js';

/** Table rows for src/rules/catalog/ai.ts. All tokens are random and fake. */
export const cases: readonly RuleCase[] = [
  // openai-api-key
  {
    rule: 'openai-api-key',
    text: 'openai.AuthenticationError: Incorrect API key provided: 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.',
    secret: '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',
  },
  {
    rule: 'openai-api-key',
    text: 'OPENAI_API_KEY=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',
    secret: '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',
    note: 'legacy user key: 20 + marker + 20',
  },
  {
    rule: 'openai-api-key',
    text: 'Authorization: Bearer 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',
    secret: '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',
  },
  {
    rule: 'openai-api-key',
    text: 'OPENAI_API_KEY=sk-proj-OemoJ-3uPbGn3Xtq6W4rzDgTEWHL2c5xj7fL1NhfdZcReubbDg4oYtZcHGyBGynwZSc6UzptTu',
    negative: true,
    note: 'truncated: no T3BlbkFJ marker',
  },
  { rule: 'openai-api-key', text: 'service=desk-admin-dashboard-service-deployment-canary-7 ok', negative: true },
  // anthropic-api-key
  {
    rule: 'anthropic-api-key',
    text: 'anthropic request failed x-api-key=sk-ant-api03-9T5MgvgWLGD3-fYHu6ftYMs4fxnXC5bbsghIjfUlfrMLN7-BZ7Z5ZYvDuQPc_qOhx9y81VWDp9HhNyr4uqVC_YP80GoCAAA status=401',
    secret: 'sk-ant-api03-9T5MgvgWLGD3-fYHu6ftYMs4fxnXC5bbsghIjfUlfrMLN7-BZ7Z5ZYvDuQPc_qOhx9y81VWDp9HhNyr4uqVC_YP80GoCAAA',
  },
  {
    rule: 'anthropic-api-key',
    text: 'ANTHROPIC_API_KEY=sk-ant-api03-9T5MgvgWLGD3-fYHu6ftYMs4fxnXC5bbsghIjfUlfrMLN7-BZ7Z5ZYvDuQPc_qOhx9y81VWDp9HhNyr4uqVC_YP80GoCABB',
    negative: true,
    note: 'wrong fixed tail',
  },
  {
    rule: 'anthropic-api-key',
    text: 'ANTHROPIC_API_KEY=sk-ant-api03-9T5MgvgWLGD3-fYHu6ftYMs4fxnXC5bbsghIjfUlfrMLN7-BZ7Z5AA',
    negative: true,
    note: 'too short',
  },
  // anthropic-admin-api-key
  {
    rule: 'anthropic-admin-api-key',
    text: '{"level":"warn","admin_key":"sk-ant-admin01-CDrocOeNerYezu7RvFPW_uKmjZDY9E3darCYjakkXBwcDbD9yBhNF5mS5glkd4mTxiuMK75tnp_o5Gx2vq09eC4Pk4bxVAA"}',
    secret: 'sk-ant-admin01-CDrocOeNerYezu7RvFPW_uKmjZDY9E3darCYjakkXBwcDbD9yBhNF5mS5glkd4mTxiuMK75tnp_o5Gx2vq09eC4Pk4bxVAA',
  },
  {
    rule: 'anthropic-admin-api-key',
    text: 'sk-ant-api03-CDrocOeNerYezu7RvFPW_uKmjZDY9E3darCYjakkXBwcDbD9yBhNF5mS5glkd4mTxiuMK75tnp_o5Gx2vq09eC4Pk4bxVAA',
    negative: true,
    note: 'a regular API key, not an admin key',
  },
  // huggingface-access-token
  {
    rule: 'huggingface-access-token',
    text: 'huggingface-cli login --token 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',
    secret: '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',
  },
  { rule: 'huggingface-access-token', text: '- (id)hf_requiredCharacteristicTypesForDisplayMetadata;', negative: true },
  { rule: 'huggingface-access-token', text: 'HF_TOKEN=hf_FBuHSflXdJyxpWcEIJHMBnpDcXEXp4gHyK', negative: true, note: 'digit: HF tokens are letters only' },
  // huggingface-organization-api-token
  {
    rule: 'huggingface-organization-api-token',
    text: "use_auth_token='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'",
    secret: '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',
  },
  { rule: 'huggingface-organization-api-token', text: "const api_org_controller = require('../../controllers/api/index').organizations;", negative: true },
  // cohere-api-token
  {
    rule: 'cohere-api-token',
    text: 'export CO_API_KEY="ksresgAnlxgTp4qPuir88xoZiflgMF8VXDVakAxL"',
    secret: 'ksresgAnlxgTp4qPuir88xoZiflgMF8VXDVakAxL',
  },
  {
    rule: 'cohere-api-token',
    text: '{"cohere_api_key": "ksresgAnlxgTp4qPuir88xoZiflgMF8VXDVakAxL"}',
    secret: 'ksresgAnlxgTp4qPuir88xoZiflgMF8VXDVakAxL',
  },
  { rule: 'cohere-api-token', text: 'CO_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', negative: true, note: 'placeholder' },
  // groq-api-key
  {
    rule: 'groq-api-key',
    text: 'GROQ_API_KEY=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',
    secret: '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',
  },
  { rule: 'groq-api-key', text: "export GROQ_API_KEY='gsk_your_actual_key_here'", negative: true },
  // perplexity-api-key
  {
    rule: 'perplexity-api-key',
    text: 'perplexity client init key=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',
    secret: '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',
  },
  { rule: 'perplexity-api-key', text: 'PERPLEXITY_API_KEY=pplx-ipuOT907sD9MzeJfAuVes9O0', negative: true, note: 'too short' },
  // replicate-api-token
  {
    rule: 'replicate-api-token',
    text: 'Authorization: Bearer r8_Jf9VUNF9GQzRSOcj22lBUkKCDLoN9TDFdZrHm',
    secret: 'r8_Jf9VUNF9GQzRSOcj22lBUkKCDLoN9TDFdZrHm',
  },
  { rule: 'replicate-api-token', text: 'model=r8_v2_upscaler_final_release_build', negative: true },
  // mistral-api-key
  {
    rule: 'mistral-api-key',
    text: 'MISTRAL_API_KEY=lL4rxyK2DfvL2Fi3cVB4i3eeR0SWlnGG',
    secret: 'lL4rxyK2DfvL2Fi3cVB4i3eeR0SWlnGG',
  },
  { rule: 'mistral-api-key', text: '{"model":"mistral-large-2407","temperature":0.2}', negative: true },
  // xai-api-key
  {
    rule: 'xai-api-key',
    text: 'XAI_API_KEY="xai-wGNHD0w8UQgh4QiP8CVgZi6Q6luihiiaV2wKiQB0Qu9Q8oc0soHcUWm55kqG7Cc8noDRVikiR4yT26zR"',
    secret: 'xai-wGNHD0w8UQgh4QiP8CVgZi6Q6luihiiaV2wKiQB0Qu9Q8oc0soHcUWm55kqG7Cc8noDRVikiR4yT26zR',
  },
  { rule: 'xai-api-key', text: 'xai-wGNHD0w8UQgh4QiP8CVgZi6Q6luihiiaV2wK', negative: true, note: 'too short' },
  // deepseek-api-key
  {
    rule: 'deepseek-api-key',
    text: 'DEEPSEEK_API_KEY=sk-c2d23f70a26e8afb380da138df30fbbc',
    secret: 'sk-c2d23f70a26e8afb380da138df30fbbc',
  },
  { rule: 'deepseek-api-key', text: 'deepseek_model=deepseek-chat key=sk-c2d23f70a26e8afb', negative: true },
  // openrouter-api-key
  {
    rule: 'openrouter-api-key',
    text: 'POST https://openrouter.ai/api/v1/chat/completions auth="Bearer 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"',
    secret: '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',
  },
  { rule: 'openrouter-api-key', text: 'OPENROUTER_API_KEY=sk-or-v1-5402797c09cddfa1e2220b04e98f', negative: true, note: 'too short' },
  // together-api-key
  {
    rule: 'together-api-key',
    text: 'TOGETHER_API_KEY=tgp_v1_9D6BMOzUZVjrUqztLZboUj0enXEMjqwpOzNa8GAGjUg',
    secret: 'tgp_v1_9D6BMOzUZVjrUqztLZboUj0enXEMjqwpOzNa8GAGjUg',
  },
  { rule: 'together-api-key', text: 'TOGETHER_API_KEY=tgp_v1_9D6BMOzUZVjr', negative: true, note: 'too short' },
  // fireworks-api-key
  {
    rule: 'fireworks-api-key',
    text: 'FIREWORKS_API_KEY=fw_QchvBbfiMLSfsLP3Q4FGNeqr',
    secret: 'fw_QchvBbfiMLSfsLP3Q4FGNeqr',
  },
  { rule: 'fireworks-api-key', text: 'fireworks_model=accounts/fireworks/models/llama-v3-70b', negative: true },
  // nvidia-api-key
  {
    rule: 'nvidia-api-key',
    text: 'NVIDIA_API_KEY=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',
    secret: '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',
  },
  { rule: 'nvidia-api-key', text: 'NVIDIA_API_KEY=nvapi-MRlADEEjY5NLvViHhUKnff', negative: true, note: 'too short' },
  // pinecone-api-key
  {
    rule: 'pinecone-api-key',
    text: 'pinecone.init api_key=pcsk_jaADVa_HY6B3mT2YxiVuqiL43QRcMNhUqeSWkEkQYV6w026mw3lDoktVLBex3tdIJlI',
    secret: 'pcsk_jaADVa_HY6B3mT2YxiVuqiL43QRcMNhUqeSWkEkQYV6w026mw3lDoktVLBex3tdIJlI',
  },
  { rule: 'pinecone-api-key', text: 'PINECONE_API_KEY=pcsk_jaADVa_HY6B3mT2Yx', negative: true, note: 'too short' },
  // langsmith-api-key
  {
    rule: 'langsmith-api-key',
    text: 'LANGSMITH_API_KEY=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',
    secret: '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',
  },
  {
    rule: 'langsmith-api-key',
    text: 'X-Api-Key: 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',
    secret: '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',
  },
  { rule: 'langsmith-api-key', text: 'LANGCHAIN_API_KEY=lsv2_pt_286688c760d15835d79ebed91784ed41', negative: true, note: 'missing suffix' },
  // elevenlabs-api-key
  {
    rule: 'elevenlabs-api-key',
    text: 'POST /v1/text-to-speech/21m00 xi-api-key: sk_f0f27b473515e78639a6ecf74e048e8d35a4aa8b0fccf7c6',
    secret: 'sk_f0f27b473515e78639a6ecf74e048e8d35a4aa8b0fccf7c6',
  },
  { rule: 'elevenlabs-api-key', text: 'ELEVENLABS_VOICE_ID=21m00Tcm4TlvDq8ikWAM', negative: true },
  // wandb-api-key
  {
    rule: 'wandb-api-key',
    text: 'WANDB_API_KEY=fec0d48a57bd4de64007fb9c45f42b0ce3d97041',
    secret: 'fec0d48a57bd4de64007fb9c45f42b0ce3d97041',
  },
  { rule: 'wandb-api-key', text: 'wandb: run_id=fec0d48a57bd4de64007', negative: true },
  // Long-tail provider formats (issue 12): random fake values.
  { rule: "anthropic-oauth-token", text: "CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-9Z1ajHM1ByB84zqDZ6xqBhWShEFuZXcxEAjDZF8VX_KCK8Pbfznao-VJWNxUCNNI1iKnVBq6aZKHISPqyARbfQA6ZMCArcW", secret: "sk-ant-oat01-9Z1ajHM1ByB84zqDZ6xqBhWShEFuZXcxEAjDZF8VX_KCK8Pbfznao-VJWNxUCNNI1iKnVBq6aZKHISPqyARbfQA6ZMCArcW" },
  { rule: "anthropic-oauth-token", text: "sk-ant-oat01-V50Aoex4yCBXnggBn5oNIDTFnhuxBqNoYU3RMFWO", negative: true, note: "too short" },
  { rule: "langfuse-secret-key", text: "LANGFUSE_SECRET_KEY=sk-lf-d1d5c6ca-455c-4425-4ab2-a90be26b81cb", secret: "sk-lf-d1d5c6ca-455c-4425-4ab2-a90be26b81cb" },
  { rule: "langfuse-secret-key", text: "LANGFUSE_PUBLIC_KEY=pk-lf-623e22a4-073c-f351-114f-bd497dd62f01", negative: true, note: "public key" },
  { rule: "tavily-api-key", text: "TAVILY_API_KEY=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", secret: "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" },
  { rule: "tavily-api-key", text: "{\"api_key\":\"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\",\"query\":\"weather\"}", secret: "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" },
  { rule: "tavily-api-key", text: "tvly-YOUR_API_KEY", negative: true, note: "placeholder" },
  { rule: "firecrawl-api-key", text: "FIRECRAWL_API_KEY=fc-0a45ef67d69f55d254663a64d466702c", secret: "fc-0a45ef67d69f55d254663a64d466702c" },
  { rule: "firecrawl-api-key", text: "see rfc-b3901b592d97a871a56e00b9ad0e794e", negative: true, note: "inside a word" },
  { rule: "jina-api-key", text: "Authorization: Bearer jina_2849b29cfe8f9098b8869969ee342d60R0aBxQRr23aNH7sSQggJCYLRquYr", secret: "jina_2849b29cfe8f9098b8869969ee342d60R0aBxQRr23aNH7sSQggJCYLRquYr" },
  { rule: "jina-api-key", text: "jina_embeddings_v3 loaded", negative: true, note: "model name" },
  { rule: "cerebras-api-key", text: "CEREBRAS_API_KEY=csk-b6sa5d5pwutoeg0hq74i8fovlne9xzy1zx9bt2if5hcu4dzt", secret: "csk-b6sa5d5pwutoeg0hq74i8fovlne9xzy1zx9bt2if5hcu4dzt" },
  { rule: "cerebras-api-key", text: "csk-zhnw62rrlq24v96d2zvv", negative: true, note: "too short" },
  { rule: "e2b-api-key", text: "E2B_API_KEY=e2b_466d60332df313c835bacbe16e97c27723f1420a", secret: "e2b_466d60332df313c835bacbe16e97c27723f1420a" },
  { rule: "e2b-api-key", text: "e2b_sandbox_id=abc123", negative: true, note: "identifier" },
];
