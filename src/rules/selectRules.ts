/**
 * Which rules a redactor runs: the built-in catalog (optionally narrowed by id or tag), plus
 * the opt-in rules asked for, minus the disabled ids and tags, plus the user's rules.
 */
import { OptionsError } from '../errors.js';
import { optInCatalog } from './catalog/index.js';
import type { Rule } from './rule.js';

function matches(rule: Rule, selector: string): boolean {
  return rule.id === selector || (Array.isArray(rule.tags) && rule.tags.includes(selector));
}

/** What `selectRules` chooses by: the redactor's `enable`, `disable`, `include` and `rules`. */
export interface RuleSelection {
  /** Keep only the catalog rules (default or opt-in) with these ids or tags; undefined: the default catalog. */
  readonly enable: readonly string[] | undefined;
  /** Drop the rules (any, the user's too) with these ids or tags. */
  readonly disable: readonly string[];
  /** Add the catalog rules (default or opt-in) with these ids or tags to what `enable` keeps. */
  readonly include?: readonly string[];
  /** The user's rules, always kept (unless disabled). */
  readonly rules: readonly Rule[];
}

/**
 * The rules to run, in order: the catalog's chosen rules (`builtins`, then `optIn`), then the
 * user's. The catalog is `builtins` (the default rules, or none with `builtins: false`) and the
 * opt-in rules, which run only when `enable` or `include` names them: `include: ['pii']` adds
 * the personal-data pack to the default catalog, `enable: ['pii']` keeps only it.
 *
 * @throws OptionsError (`LOGVEIL_UNKNOWN_RULE`) when an `enable`/`disable`/`include` entry names
 *   no rule and no tag (a typo there would silently leave a rule on, or off), naming the entry
 *   by its position.
 * @example
 * selectRules(builtinRules, { enable: ['github'], disable: ['github-oauth'], rules: [] });
 * selectRules(builtinRules, { enable: undefined, include: ['pii'], disable: ['pii-phone'], rules: [] });
 */
export function selectRules(builtins: readonly Rule[], selection: RuleSelection, optIn: readonly Rule[] = optInCatalog): Rule[] {
  const catalog = [...builtins, ...optIn];
  const all = [...catalog, ...selection.rules];
  const include = selection.include ?? [];
  for (const [name, list] of [['enable', selection.enable ?? []], ['disable', selection.disable], ['include', include]] as const) {
    list.forEach((s, i) => {
      // Named by position: an entry that names nothing may be anything pasted there, a secret too.
      if (!all.some((r) => r !== null && typeof r === 'object' && matches(r, s))) {
        throw new OptionsError('LOGVEIL_UNKNOWN_RULE', name, `entry #${i + 1} is neither a rule id nor a tag (the entry itself is not shown)`);
      }
    });
  }
  const enable = selection.enable;
  const kept = catalog.filter(
    (r, i) => (enable === undefined ? i < builtins.length : enable.some((s) => matches(r, s))) || include.some((s) => matches(r, s)),
  );
  kept.push(...selection.rules);
  // User rules are checked by compileRule; skip non-objects here so it can name them.
  return kept.filter((r) => r === null || typeof r !== 'object' || !selection.disable.some((s) => matches(r, s)));
}
