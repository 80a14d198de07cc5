/**
 * One table of a parsed gitleaks config, read the way gitleaks reads it: gitleaks loads its
 * TOML through viper, whose keys compare case-insensitively (`secretGroup`, `secretgroup` and
 * `SecretGroup` are one key). Every getter checks the value's type; every key a converter does
 * not read is an error, so a feature logveil does not implement never passes silently.
 */
/**
 * What is wrong: a value gitleaks itself would reject, a regex RE2 rejects, or a feature
 * logveil does not implement.
 */
export type Problem = 'invalid' | 'bad-pattern' | 'unsupported';

/**
 * Throws the error of the table's context: a `RuleError` naming the rule inside `[[rules]]`,
 * an `OptionsError` for the `gitleaksConfig` option elsewhere.
 */
export type Fail = (problem: Problem, message: string) => never;

/** A TOML table: what smol-toml returns for `[table]` and each `[[array]]` entry. */
type Raw = Readonly<Record<string, unknown>>;

function isTable(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * Typed, case-insensitive access to one TOML table.
 *
 * @example
 * const t = ConfigTable.from(parse(text), 'gitleaks.toml', fail);
 * t.acceptOnly(['title', 'rules']);
 * const rules = t.tables('rules') ?? [];
 */
export class ConfigTable {
  /** Lowercased key → the key as written and its value (the first, if given twice). */
  private readonly values = new Map<string, { readonly key: string; readonly value: unknown }>();
  /** A key given twice in different cases, reported by `acceptOnly` (where the context is known). */
  private readonly twice: string | undefined;

  private constructor(
    private readonly raw: Raw,
    /** Where the table is, for messages: `gitleaks.toml: [[rules]] #2`. */
    readonly where: string,
    readonly fail: Fail,
  ) {
    for (const [key, value] of Object.entries(raw)) {
      const k = key.toLowerCase();
      if (this.values.has(k)) this.twice ??= key;
      else this.values.set(k, { key, value });
    }
  }

  /** Wraps a parsed TOML value that must be a table. */
  static from(raw: unknown, where: string, fail: Fail): ConfigTable {
    if (!isTable(raw)) fail('invalid', `${where} must be a table`);
    return new ConfigTable(raw, where, fail);
  }

  /**
   * Fails on any key not in `known` (compared case-insensitively), naming it by its position in
   * the table (`key #3`: a key is text someone wrote, it may be a secret pasted in the wrong
   * place), and on a key given twice in different cases. Converters call it first.
   */
  acceptOnly(known: readonly string[]): void {
    const lower = new Set(known.map((k) => k.toLowerCase()));
    if (this.twice !== undefined) {
      const named = lower.has(this.twice.toLowerCase()) ? `key "${this.twice}"` : 'a key';
      this.fail('invalid', `${this.where}: ${named} is given twice (gitleaks compares keys case-insensitively)`);
    }
    Object.keys(this.raw).forEach((key, i) => {
      if (!lower.has(key.toLowerCase())) this.fail('unsupported', `${this.where}: key #${i + 1} is not supported (supported: ${known.join(', ')}; the key itself is not shown)`);
    });
  }

  has(key: string): boolean {
    return this.values.has(key.toLowerCase());
  }

  private get(key: string): unknown {
    return this.values.get(key.toLowerCase())?.value;
  }

  string(key: string): string | undefined {
    const v = this.get(key);
    if (v !== undefined && typeof v !== 'string') this.wrongType(key, 'a string');
    return v as string | undefined;
  }

  boolean(key: string): boolean | undefined {
    const v = this.get(key);
    if (v !== undefined && typeof v !== 'boolean') this.wrongType(key, 'a boolean');
    return v as boolean | undefined;
  }

  number(key: string): number | undefined {
    const v = this.get(key);
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) this.wrongType(key, 'a number');
    return v as number | undefined;
  }

  integer(key: string): number | undefined {
    const v = this.get(key);
    if (v !== undefined && !Number.isSafeInteger(v)) this.wrongType(key, 'an integer');
    return v as number | undefined;
  }

  strings(key: string): readonly string[] | undefined {
    const v = this.get(key);
    if (v !== undefined && (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))) this.wrongType(key, 'an array of strings');
    return v as string[] | undefined;
  }

  /** The same table with another context (once a rule's id is known, its errors name it). */
  within(where: string, fail: Fail): ConfigTable {
    return new ConfigTable(this.raw, where, fail);
  }

  /** A sub-table (`[rules.allowlist]`), or undefined. */
  table(key: string, where: string): ConfigTable | undefined {
    const v = this.get(key);
    if (v === undefined) return undefined;
    if (!isTable(v)) this.wrongType(key, 'a table');
    return new ConfigTable(v, where, this.fail);
  }

  /** An array of tables (`[[rules.allowlists]]`), each named by `where(i)` (0-based), or undefined. */
  tables(key: string, where: (i: number) => string): ConfigTable[] | undefined {
    const v = this.get(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every(isTable)) this.wrongType(key, 'an array of tables');
    return (v as Raw[]).map((t, i) => new ConfigTable(t, where(i), this.fail));
  }

  private wrongType(key: string, what: string): never {
    return this.fail('invalid', `${this.where}: ${this.values.get(key.toLowerCase())?.key ?? key} must be ${what}`);
  }
}
