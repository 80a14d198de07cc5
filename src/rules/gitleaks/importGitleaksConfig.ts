/**
 * A gitleaks TOML config → logveil rules: the config's `[[rules]]`, its global allowlists
 * (`[allowlist]`, `[[allowlists]]`, with `targetRules`) and `[extend]` (`useDefault`,
 * `disabledRules`). Parsing and checking happen here, once; the result is plain data.
 */
import { parse, TomlError } from 'smol-toml';
import { OptionsError, RuleError, type LogveilErrorCode } from '../../errors.js';
import { builtinRules } from '../catalog/index.js';
import { RULE_ID_SHAPE, type Rule, type RuleAllowlist } from '../rule.js';
import { ConfigTable, type Fail, type Problem } from './configTable.js';
import { ALLOWLIST_KEYS, allowlistFromGitleaks } from './gitleaksAllowlist.js';
import { gitleaksRule, type GitleaksRule } from './gitleaksRule.js';

/** What a gitleaks config asks logveil to run. Plain data. */
export interface GitleaksImport {
  /** The config's rules, in file order, with the config's global allowlists applied. */
  readonly rules: readonly Rule[];
  /** `[extend] useDefault = true`: the config extends the default catalog. */
  readonly useDefault: boolean;
  /**
   * With `useDefault`, the built-in catalog as the config leaves it: without the rules that
   * `disabledRules` names or the config redefines (same id), with the allowlists of the
   * config's rules that only extend a built-in (no `regex`), and with the config's global
   * allowlists. Empty without `useDefault` (only the config's rules run).
   */
  readonly builtins: readonly Rule[];
  /** One message per skipped feature (file paths, commits, `[extend] path`/`url`…). */
  readonly warnings: readonly string[];
}

/** The option a CLI or `createRedactor` reads the config from; errors outside a rule name it. */
const OPTION = 'gitleaksConfig';
const TOP_KEYS = ['title', 'description', 'extend', 'rules', 'allowlist', 'allowlists'];
const EXTEND_KEYS = ['useDefault', 'path', 'url', 'disabledRules'];

const RULE_CODES: Readonly<Record<Problem, LogveilErrorCode>> = { invalid: 'LOGVEIL_RULE_INVALID', 'bad-pattern': 'LOGVEIL_RULE_BAD_PATTERN', unsupported: 'LOGVEIL_GITLEAKS_UNSUPPORTED' };
const OPTION_CODES: Readonly<Record<Problem, LogveilErrorCode>> = { invalid: 'LOGVEIL_INVALID_OPTION', 'bad-pattern': 'LOGVEIL_INVALID_OPTION', unsupported: 'LOGVEIL_GITLEAKS_UNSUPPORTED' };

const optionFail: Fail = (problem, message) => {
  throw new OptionsError(OPTION_CODES[problem], OPTION, message);
};
const ruleFail = (id: string): Fail => (problem, message) => {
  throw new RuleError(RULE_CODES[problem], id, message);
};

/**
 * A rule id from the config, for a message: quoted when it is a valid id, else by where it is
 * (`[extend] disabledRules[2]`) — text that is not an id may be a secret pasted there.
 */
function idOrPlace(id: string, place: string): string {
  return RULE_ID_SHAPE.test(id) ? `"${id}"` : `${place} (not a valid rule id, not shown)`;
}

/**
 * The first line of a TOML parse error (smol-toml's are fixed texts such as `unfinished
 * string`); anything that could quote the document gives a generic reason.
 */
export function tomlReason(err: Error): string {
  const reason = err.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
  return /^[a-zA-Z0-9 ,.:()-]{1,100}$/.test(reason) ? reason : 'syntax error';
}

/** A global allowlist and the rules it is for (all when `targetRules` is empty). */
interface GlobalAllowlist {
  readonly allowlist: RuleAllowlist;
  readonly targetRules: readonly string[];
  readonly where: string;
}

/**
 * Reads a gitleaks config. `fileName` only labels messages; `catalog` is the built-in
 * catalog that `[extend] useDefault` keeps (logveil's by default).
 *
 * @throws OptionsError (`option: 'gitleaksConfig'`) for TOML that does not parse or a bad
 *   top-level value; RuleError naming the rule for a bad rule (`LOGVEIL_RULE_INVALID`), a
 *   regex RE2 rejects (`LOGVEIL_RULE_BAD_PATTERN`) or a duplicate id; code
 *   `LOGVEIL_GITLEAKS_UNSUPPORTED` for a feature logveil does not implement.
 * @example
 * const config = importGitleaksConfig(readFileSync('.gitleaks.toml', 'utf8'), '.gitleaks.toml');
 * for (const w of config.warnings) console.error(w);
 * const redactor = createRedactor({ builtins: false, rules: [...config.builtins, ...config.rules] });
 */
export function importGitleaksConfig(text: string, fileName: string, catalog: readonly Rule[] = builtinRules): GitleaksImport {
  if (typeof text !== 'string') optionFail('invalid', `${fileName}: the config must be text`);
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    throw new OptionsError('LOGVEIL_INVALID_OPTION', OPTION, `${fileName}:${err.line}:${err.column}: not valid TOML: ${tomlReason(err)}`);
  }
  const warnings: string[] = [];
  const warn = (message: string): void => void warnings.push(message);
  const top = ConfigTable.from(parsed, fileName, optionFail);
  top.acceptOnly(TOP_KEYS);
  top.string('title');
  top.string('description');

  // [extend]
  const extend = top.table('extend', `${fileName}: [extend]`);
  extend?.acceptOnly(EXTEND_KEYS);
  const useDefault = extend?.boolean('useDefault') ?? false;
  const disabledRules = extend?.strings('disabledRules') ?? [];
  if (extend?.string('path')) warn(`${fileName}: [extend] path skipped (logveil does not load other gitleaks configs)`);
  if (extend?.string('url')) warn(`${fileName}: [extend] url skipped (logveil does not load other gitleaks configs)`);

  // [[rules]]
  const converted: GitleaksRule[] = [];
  const seen = new Set<string>();
  (top.tables('rules', (i) => `${fileName}: [[rules]] #${i + 1}`) ?? []).forEach((entry, i) => {
    const id = entry.string('id')?.trim() ?? '';
    if (id === '') ruleFail(`#${i + 1}`)('invalid', `${fileName}: [[rules]] #${i + 1} has no id`);
    // Checked before the id is used in any message: an id that is not one is named by position.
    if (!RULE_ID_SHAPE.test(id)) {
      ruleFail(`#${i + 1}`)('invalid', `${fileName}: [[rules]] #${i + 1}: logveil rule ids are 1-80 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit (the id is not shown: it may be a secret pasted in the wrong place)`);
    }
    if (seen.has(id)) throw new RuleError('LOGVEIL_RULE_DUPLICATE_ID', id, `${fileName}: two [[rules]] have this id`);
    seen.add(id);
    converted.push(gitleaksRule(entry.within(fileName, ruleFail(id)), id, warn));
  });

  // [allowlist] / [[allowlists]]
  const globals = globalAllowlists(top, fileName, warn);

  // Which ids exist, for targetRules, disabledRules and extensions.
  const catalogIds = new Set(useDefault ? catalog.map((r) => r.id) : []);
  const ownRules = converted.flatMap((c) => (c.kind === 'rule' ? [c.rule] : []));
  const ownIds = new Set(ownRules.map((r) => r.id));
  for (const c of converted) {
    if (c.kind !== 'extension') continue;
    if (!useDefault) ruleFail(c.id)('invalid', `${fileName}: both regex and path are empty, this rule would have no effect`);
    if (!catalogIds.has(c.id)) warn(`${fileName}: rule "${c.id}" has no regex and extends a default rule logveil's built-in catalog does not have: skipped`);
    else if (c.ignored.length > 0) warn(`${fileName}: rule "${c.id}": ${c.ignored.join(', ')} skipped (logveil's built-in "${c.id}" keeps its own pattern); its allowlists and tags apply`);
  }
  for (const g of globals) {
    g.targetRules.forEach((target, j) => {
      if (ownIds.has(target) || catalogIds.has(target)) return;
      const named = idOrPlace(target, `targetRules[${j}]`);
      if (!useDefault) optionFail('invalid', `${g.where}: targetRules names ${named}, which is not a rule of this config`);
      warn(`${g.where}: targetRules names ${named}, which neither this config nor logveil's built-in catalog has: skipped`);
    });
  }
  if (!useDefault && disabledRules.length > 0) warn(`${fileName}: [extend] disabledRules skipped (without useDefault there are no default rules to disable)`);
  const unknownDisabled = useDefault ? disabledRules.flatMap((id, j) => (catalogIds.has(id) ? [] : [idOrPlace(id, `disabledRules[${j}]`)])) : [];
  if (unknownDisabled.length > 0) warn(`${fileName}: [extend] disabledRules: ${unknownDisabled.join(', ')} not in logveil's built-in catalog (its ids differ from gitleaks' in places): skipped`);

  const withGlobals = (rule: Rule, extra: readonly RuleAllowlist[] = []): Rule => {
    const added = [...extra, ...globals.filter((g) => g.targetRules.length === 0 || g.targetRules.includes(rule.id)).map((g) => g.allowlist)];
    return added.length === 0 ? rule : { ...rule, allowlists: [...(rule.allowlists ?? []), ...added] };
  };
  const rules = ownRules.map((r) => withGlobals(r));
  let builtins: Rule[] = [];
  if (useDefault) {
    const extensions = new Map(converted.flatMap((c) => (c.kind === 'extension' ? [[c.id, c] as const] : [])));
    for (const r of catalog) {
      if (ownIds.has(r.id)) warn(`${fileName}: rule "${r.id}" replaces logveil's built-in rule of the same id`);
    }
    builtins = catalog
      .filter((r) => !disabledRules.includes(r.id) && !ownIds.has(r.id))
      .map((r) => {
        const ext = extensions.get(r.id);
        const base = ext === undefined ? r : { ...r, description: ext.description || r.description, tags: [...r.tags, ...ext.tags] };
        return withGlobals(base, ext?.allowlists);
      });
  }
  return { rules, useDefault, builtins, warnings };
}

/** `[allowlist]` (the older form) or `[[allowlists]]`: gitleaks rejects both at once. */
function globalAllowlists(top: ConfigTable, fileName: string, warn: (message: string) => void): GlobalAllowlist[] {
  const single = top.table('allowlist', `${fileName}: [allowlist]`);
  const list = top.tables('allowlists', (i) => `${fileName}: [[allowlists]] #${i + 1}`) ?? [];
  if (single !== undefined && list.length > 0) optionFail('invalid', `${fileName}: [allowlist] cannot be used alongside [[allowlists]]`);
  const out: GlobalAllowlist[] = [];
  for (const t of single === undefined ? list : [single]) {
    t.acceptOnly([...ALLOWLIST_KEYS, 'targetRules']);
    const targetRules = t.strings('targetRules') ?? [];
    const allowlist = allowlistFromGitleaks(t, warn);
    if (allowlist !== undefined) out.push({ allowlist, targetRules, where: t.where });
  }
  return out;
}
