import type { RuleCase } from '../case.js';

/** Table rows for src/rules/catalog/observability.ts. All tokens are random and fake. */
export const cases: readonly RuleCase[] = [
  { rule: "dynatrace-api-token", text: "Authorization: Api-Token dt0c01.YRH1IV3FJGISRD2LC6S6LUL7.IBOLVP7769JGYV6APRU54S5J7ZPW6ZDK94RBTIKODJEUBUMNUMRBNUL6W8C421JS", secret: "dt0c01.YRH1IV3FJGISRD2LC6S6LUL7.IBOLVP7769JGYV6APRU54S5J7ZPW6ZDK94RBTIKODJEUBUMNUMRBNUL6W8C421JS" },
  { rule: "dynatrace-api-token", text: "dt0c01.U6Q883W4EN4GMHXTPJE6ABA8", negative: true, note: "public id only" },
  { rule: "axiom-token", text: "AXIOM_TOKEN=xaat-e3337514-3770-5580-1364-f4ce32189419", secret: "xaat-e3337514-3770-5580-1364-f4ce32189419" },
  { rule: "axiom-token", text: "{\"axiom\":{\"token\":\"xapt-7539e638-4cfb-08c8-02c6-c82c6064652a\"}}", secret: "xapt-7539e638-4cfb-08c8-02c6-c82c6064652a" },
  { rule: "axiom-token", text: "xaat-token-name=ingest", negative: true, note: "no UUID" },
  { rule: "honeybadger-personal-token", text: "HONEYBADGER_PERSONAL_AUTH_TOKEN=hbp_KfNCna886zsXzuiTmTMm4Q3CmK3QFKYTotnK", secret: "hbp_KfNCna886zsXzuiTmTMm4Q3CmK3QFKYTotnK" },
  { rule: "honeybadger-personal-token", text: "hbp_Bgg2kZ84WupR", negative: true, note: "too short" },
  { rule: "checkly-api-key", text: "CHECKLY_API_KEY=cu_f01225699021313656cf1c9fc44c642c", secret: "cu_f01225699021313656cf1c9fc44c642c" },
  { rule: "checkly-api-key", text: "cu_seqlens_q shape=(1,4277e14a)", negative: true, note: "tensor name" },
  { rule: "posthog-personal-api-key", text: "POSTHOG_PERSONAL_API_KEY=phx_TJ0yUSZP4kVpUyq90Eu8UgFI4YNv0hvggIc2fseW", secret: "phx_TJ0yUSZP4kVpUyq90Eu8UgFI4YNv0hvggIc2fseW" },
  { rule: "posthog-personal-api-key", text: "phc_zvsGdC0mdvxACXHA9vk7CKc4e1K2CTotN9HDyke7m2B", negative: true, note: "project key is public" },
  { rule: "new-relic-browser-api-token", text: "NREUM.loader_config={licenseKey:\"NRJS-ebe6ba5e543db4ba9b7\"}", secret: "NRJS-ebe6ba5e543db4ba9b7" },
  { rule: "new-relic-browser-api-token", text: "NRJS-d9b4ecb79d", negative: true, note: "too short" },
];
