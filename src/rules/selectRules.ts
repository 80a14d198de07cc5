/**
 * Which rules a redactor runs: the built-in catalog (optionally narrowed by id or tag), minus
 * the disabled ids and tags, plus the user's rules.
 */
import { OptionsError } from '../errors.js';
import type { Rule } from './rule.js';

function matches(rule: Rule, selector: string): boolean {
  return rule.id === selector || (Array.isArray(rule.tags) && rule.tags.includes(selector));
}

/**
 * @throws OptionsError (`LOGVEIL_UNKNOWN_RULE`) when an `enable`/`disable` entry names no rule
 *   and no tag (a typo there would silently leave a rule on), naming the entry by its position.
 * @example
 * selectRules(builtinRules, { enable: ['github'], disable: ['github-oauth'], rules: [] });
 */
export function selectRules(
  builtins: readonly Rule[],
  selection: { readonly enable: readonly string[] | undefined; readonly disable: readonly string[]; readonly rules: readonly Rule[] },
): Rule[] {
  const all = [...builtins, ...selection.rules];
  for (const [name, list] of [['enable', selection.enable ?? []], ['disable', selection.disable]] as const) {
    list.forEach((s, i) => {
      // Named by position: an entry that names nothing may be anything pasted there, a secret too.
      if (!all.some((r) => r !== null && typeof r === 'object' && matches(r, s))) {
        throw new OptionsError('LOGVEIL_UNKNOWN_RULE', name, `entry #${i + 1} is neither a rule id nor a tag (the entry itself is not shown)`);
      }
    });
  }
  const enable = selection.enable;
  const kept = enable === undefined ? [...builtins] : builtins.filter((r) => enable.some((s) => matches(r, s)));
  kept.push(...selection.rules);
  // User rules are checked by compileRule; skip non-objects here so it can name them.
  return kept.filter((r) => r === null || typeof r !== 'object' || !selection.disable.some((s) => matches(r, s)));
}
