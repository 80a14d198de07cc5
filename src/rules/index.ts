/**
 * Rules: the model (`rule.ts`), the built-in catalog (`catalog/`, one file per provider
 * family) and the selection of which rules a redactor runs (`selectRules.ts`). Rules are
 * data; nothing here compiles or runs a pattern — that is `src/matcher/`.
 */
export type { Rule, MaskStrategy, ChecksumKind } from './rule.js';
export { builtinRules } from './catalog/index.js';
export { selectRules } from './selectRules.js';
