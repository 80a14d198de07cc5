/**
 * The built-in rule catalog, one file per provider family. Rules are written from each
 * provider's documented token format; see each file's header for its sources.
 *
 * Start reading at `../rule.ts` (the rule model) and `context.ts` (key-based rules).
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
