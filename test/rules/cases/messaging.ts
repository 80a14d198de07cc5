import type { RuleCase } from '../case.js';

/** Table rows for src/rules/catalog/messaging.ts. All tokens are random and fake. */
export const cases: readonly RuleCase[] = [
  { rule: "brevo-api-key", text: "POST https://api.brevo.com/v3/smtp/email api-key: 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", secret: "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" },
  { rule: "brevo-api-key", text: "BREVO_API_KEY=xkeysib-your-api-key", negative: true, note: "placeholder" },
  { rule: "brevo-smtp-key", text: "smtp auth user=ops@acme.io pass=xsmtpsib-b06f9ccadf966589272999e8911f25ef482db259c48ca4544c9eb2523815e552-ZTkqFk2bYTr4q1m7", secret: "xsmtpsib-b06f9ccadf966589272999e8911f25ef482db259c48ca4544c9eb2523815e552-ZTkqFk2bYTr4q1m7" },
  { rule: "brevo-smtp-key", text: "xsmtpsib-98259b30d1f1a18ceda7c03e20cfaddb", negative: true, note: "truncated" },
  { rule: "mailersend-api-token", text: "MAILERSEND_API_KEY=mlsn.0f471270a91aa7f197cf305e3d9e189cd4d321245fed38cde278256c3a2fb0ff", secret: "mlsn.0f471270a91aa7f197cf305e3d9e189cd4d321245fed38cde278256c3a2fb0ff" },
  { rule: "mailersend-api-token", text: "logger=mlsn.client level=debug", negative: true, note: "package name" },
  { rule: "resend-api-key", text: "RESEND_API_KEY=re_xiFLdrwb_pQzn3pOMNdlv6gs7uTcOPS3i", secret: "re_xiFLdrwb_pQzn3pOMNdlv6gs7uTcOPS3i" },
  { rule: "resend-api-key", text: "Authorization: Bearer re_xiFLdrwb_pQzn3pOMNdlv6gs7uTcOPS3i", secret: "re_xiFLdrwb_pQzn3pOMNdlv6gs7uTcOPS3i" },
  { rule: "resend-api-key", text: "store_config=re_compile_cache_enabled_for_all_routes", negative: true, note: "snake_case words" },
  { rule: "mandrill-api-key", text: "{\"key\":\"md-5gUigt4QvlnMxTP1UHXZui\",\"message\":{\"to\":[{\"email\":\"a@b.io\"}]}}", secret: "md-5gUigt4QvlnMxTP1UHXZui" },
  { rule: "mandrill-api-key", text: "<button class=\"md-raised-button-primary-large\">", negative: true, note: "CSS class" },
  { rule: "telnyx-api-key", text: "TELNYX_API_KEY=KEYBD766175FB1683F36A3D3DFF83FC57BE_zK9ThWHsPxqYD5FxedFtA7", secret: "KEYBD766175FB1683F36A3D3DFF83FC57BE_zK9ThWHsPxqYD5FxedFtA7" },
  { rule: "telnyx-api-key", text: "API_KEY=45F3E2F8A4C8E78DE0541E4AC5049301_rmEbB5wA5eK7cMpbzwyocA", negative: true, note: "no KEY prefix on the value" },
  { rule: "zapier-webhook-url", text: "POST https://hooks.zapier.com/hooks/catch/8571206/ws05gn/ -> 200", secret: "8571206/ws05gn" },
  { rule: "zapier-webhook-url", text: "docs: https://hooks.zapier.com/hooks/catch/ is the catch-hook base", negative: true, note: "no ids" },
];
