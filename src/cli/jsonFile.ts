/**
 * Reading the JSON files the CLI is pointed at (`--config`, `--rule-file`, `--baseline`). Only
 * a regular file of at most `MAX_CONFIG_FILE` (4 MiB) is read, checked before a byte is: a
 * FIFO would block start-up, `/dev/zero` would grow memory without end. A parse error names
 * the place, never the content: V8's `JSON.parse`
 * message quotes the input (`Unexpected token 'Z', "Zq8vT2mW9k…" is not valid JSON`), and a
 * flag pointed at the wrong file — a token file, a `.env` — would print a secret into a CI
 * log.
 */
import { extname } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { MAX_CONFIG_FILE, readRegularFile, UnreadableFile } from '../regularFile.js';
import { tomlReason } from '../rules/gitleaks/importGitleaksConfig.js';
import type { Rule } from '../rules/rule.js';
import { CliError } from './cliError.js';

/**
 * Where a `JSON.parse` error happened, without a byte of the input: ` (at position 12, line 1
 * column 13)` when V8's message gives a position, else ''.
 *
 * @example
 * jsonErrorPlace(new SyntaxError('Unexpected token } in JSON at position 12'), '{"a": 1,\n}'); // ' (at position 12, line 2 column 3)'
 */
export function jsonErrorPlace(err: unknown, text: string): string {
  const m = /\bat position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (m === null) return '';
  const position = Number(m[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return ` (at position ${position}, line ${line} column ${column})`;
}

/** What a JSON file is, which names it in messages and sets the most it may hold. */
export type JsonFileKind = 'config file' | 'rule file' | 'baseline';

/**
 * Largest file read, by kind: a config or rule file is written by hand (`MAX_CONFIG_FILE`,
 * 4 MiB); a baseline is a scan report, which on an old repository holds tens of thousands of
 * findings (~300 bytes each), hence 256 MiB — still a bound, so `/dev/zero` cannot exhaust memory.
 */
export const JSON_FILE_LIMITS: Readonly<Record<JsonFileKind, number>> = { 'config file': MAX_CONFIG_FILE, 'rule file': MAX_CONFIG_FILE, baseline: 256 * 1024 * 1024 };

/**
 * The parsed content of `file`; `what` names it in messages (`config file`, `baseline`).
 * Throws `CliError`: `cannot read baseline b.json: ENOENT`, `cannot read config file
 * /dev/zero: a character device, not a regular file`, `config file c.json is not valid JSON
 * (at position 3, line 1 column 4)`.
 *
 * @example
 * readJsonFile('logveil.json', 'config file'); // { disable: ['jwt'], scan: { … } }
 */
export function readJsonFile(file: string, what: JsonFileKind): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CliError(`${what} ${file} is not valid JSON${jsonErrorPlace(err, text)}`);
  }
}

function readText(file: string, what: JsonFileKind): string {
  try {
    return readRegularFile(file, JSON_FILE_LIMITS[what]).toString('utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} ${file}: ${err instanceof UnreadableFile ? err.reason : String(err)}`);
  }
}

/** The syntaxes a config file may be written in, chosen by its extension. */
export type ConfigFormat = 'json' | 'yaml' | 'toml';

/** `.yaml`/`.yml` → YAML, `.toml` → TOML, anything else (`.json`, none) → JSON. */
export function configFormat(file: string): ConfigFormat {
  const ext = extname(file).toLowerCase();
  return ext === '.yaml' || ext === '.yml' ? 'yaml' : ext === '.toml' ? 'toml' : 'json';
}

/**
 * Why YAML did not parse, without a byte of the document: the yaml package's messages end in
 * an excerpt of the source (`… at line 2, column 1:\n\npassword: hunter2\n^`) and some name
 * an alias; only the fixed text before the place is kept, and only when it is plain words.
 */
function yamlProblem(err: unknown): string {
  if (err instanceof YAMLParseError) {
    const reason = err.message.split(/ at line \d+, column \d+/)[0]!;
    const place = err.linePos === undefined ? '' : ` (line ${err.linePos[0].line} column ${err.linePos[0].col})`;
    const words = err.code === 'DUPLICATE_KEY' ? 'a key appears twice in one mapping' : err.code === 'MULTIPLE_DOCS' ? 'more than one YAML document (---)' : /^[a-zA-Z0-9 ,.()[\]-]{1,120}$/.test(reason) ? reason : 'syntax error';
    return `${words}${place}`;
  }
  return /alias/i.test((err as Error)?.message ?? '') ? 'an alias (*name) without its anchor, or too many aliases' : 'syntax error';
}

/**
 * A config file (`--config`), in JSON, YAML or TOML by its extension (`configFormat`): one
 * schema, whichever the syntax. Read like `readJsonFile` (a regular file, at most 4 MiB). YAML
 * is read as YAML 1.2 (the core schema: `yes`/`on` are strings, not booleans), one document,
 * no duplicate keys, at most 100 aliases (a billion-laughs document is refused, not expanded).
 * Parse errors give a line and column, never the text.
 *
 * @example
 * readConfigFile('logveil.yaml'); // { disable: ['jwt'], maxLineLength: 65536 }
 */
export function readConfigFile(file: string): unknown {
  const format = configFormat(file);
  if (format === 'json') {
    const text = readText(file, 'config file');
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new CliError(`config file ${file} is not valid JSON${jsonErrorPlace(err, text)} (YAML and TOML config files are read by their extension: .yaml, .yml, .toml)`);
    }
  }
  const text = readText(file, 'config file');
  if (format === 'toml') {
    try {
      return parseToml(text) as unknown;
    } catch (err) {
      const place = err instanceof TomlError ? ` (line ${err.line} column ${err.column})` : '';
      throw new CliError(`config file ${file} is not valid TOML: ${err instanceof Error ? tomlReason(err) : 'syntax error'}${place}`);
    }
  }
  try {
    return parseYaml(text, { version: '1.2', schema: 'core', uniqueKeys: true, maxAliasCount: 100, prettyErrors: true }) as unknown;
  } catch (err) {
    throw new CliError(`config file ${file} is not valid YAML: ${yamlProblem(err)}`);
  }
}

/**
 * The rules of a `--rule-file`: an array of rules, or `{ "rules": [...] }`. The rules
 * themselves are checked when the redactor compiles them (naming the rule).
 *
 * @example
 * readRuleFile('acme-rules.json'); // [{ id: 'acme-key', … }]
 */
export function readRuleFile(file: string): Rule[] {
  const data = readJsonFile(file, 'rule file');
  const rules = Array.isArray(data) ? data : data !== null && typeof data === 'object' ? (data as { rules?: unknown }).rules : undefined;
  if (!Array.isArray(rules)) throw new CliError(`rule file ${file} must hold an array of rules or {"rules": [...]}`);
  return rules as Rule[];
}
