/**
 * The built-in rule catalog, one file per provider family. Rules are written from each
 * provider's documented token format; see each file's header for its sources.
 *
 * Start reading at `../rule.ts` (the rule model) and `context.ts` (key-based rules).
 *
 * Two lists: `builtinRules`, the default catalog, and `optInCatalog`, rules that run only when
 * asked for by id or tag (`include`, `enable`): the personal-data pack (`pii.ts`). An opt-in
 * rule shares no tag with the default catalog but `pii`'s own, so `enable: ['email']` or
 * `disable: ['payments']` keep meaning what they meant.
 */
import type { Rule } from '../rule.js';
import { aiRules } from './ai.js';
import { cloudRules } from './cloud.js';
import { contextRules } from './context.js';
import { devtoolRules } from './devtools.js';
import { httpRules } from './http.js';
import { keyRules } from './keys.js';
import { messagingRules } from './messaging.js';
import { observabilityRules } from './observability.js';
import { paymentRules } from './payments.js';
import { piiPack } from './pii.js';
import { saasRules } from './saas.js';
import { vcsRules } from './vcs.js';

/**
 * Every built-in rule, in matching order (order only breaks ties between equally long
 * overlapping spans).
 *
 * @example
 * builtinRules.filter((r) => r.tags.includes('github')).map((r) => r.id);
 */
export const builtinRules: readonly Rule[] = Object.freeze([
  ...cloudRules,
  ...vcsRules,
  ...paymentRules,
  ...aiRules,
  ...saasRules,
  ...messagingRules,
  ...observabilityRules,
  ...devtoolRules,
  ...keyRules,
  ...httpRules,
  ...contextRules,
]);

/**
 * Rules off by default, in matching order: a redactor runs those that `include` or `enable`
 * name (by id or tag). Today the personal-data pack, tag `pii`.
 *
 * @example
 * optInCatalog.filter((r) => r.tags.includes('pii')).map((r) => r.id); // ['pii-credit-card', …]
 */
export const optInCatalog: readonly Rule[] = Object.freeze([...piiPack]);
