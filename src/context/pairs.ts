/**
 * The pair scanner: on one line (read as latin1, so a char index is a byte offset), finds
 * each key that names a credential and the raw bytes of its value, across syntaxes:
 *
 * - quoted keys at any JSON escaping depth (`"k":"v"`, `\"k\":\"v\"`, `\\\"k\\\"…`), single
 *   quotes and backticks (Python reprs, JS), and call arguments (`Set("X-Api-Key", "v")`);
 * - `k=v`, `k: v`, `k:v`, `k := v`, `k => v`, `k += v` (logfmt, env dumps, YAML, properties,
 *   Go, Ruby hashes, PHP, Java `toString()`, Go `%+v`, connection strings, query strings);
 * - XML elements (`<Password>v</Password>`, `<wsse:Password Type="…">v<`) and attributes;
 * - name/value pairs (`<add key="ApiKey" value="v"/>`, `{"name":"DB_PASSWORD","value":"v"}`);
 * - command-line flags (`--password v`, `--password=v`, `-storepass v`).
 *
 * A quoted value runs to its closing quote at the same escaping depth (escaped quotes
 * inside are kept); a bare value to the delimiter of its syntax: whitespace, the end of the
 * enclosing string, `;` in a connection string, `&` in a query, `,`/`}` before the next
 * `key=` of a Java or Ruby print, an unbalanced closing bracket.
 */
import { classifyKey, decodeKey, keyWords, type KeyClass } from './keyClass.js';
import { keyStemPattern } from './keywords.js';
import { isSecretValue } from './valueClass.js';

/** How the pair was written: decides which rule id reports it. */
export type PairSyntax = 'json' | 'assign' | 'cli' | 'cookie';

/** A value to mask: `[start, end)` in the line, the class of its key, the syntax. */
export interface Pair {
  readonly start: number;
  readonly end: number;
  readonly keyClass: KeyClass;
  readonly syntax: PairSyntax;
}

const STEM = keyStemPattern();
/** U+FF1A as UTF-8 read as latin1: CJK text's colon (`密码：…`). */
const FULLWIDTH_COLON = '\xef\xbc\x9a';
/** Where the scan of the current line may go on after a pair (set by `pairAfterKey`, -1: after the key). */
let resumeAt = -1;
/** A Java package or class (`io.jsonwebtoken`, `com.example.auth.TokenService`): not a key. */
const JAVA_PACKAGE = /^(?:com|org|net|io|java|javax|jdk|android|androidx|kotlin|kotlinx|scala|sun)\.[a-z]\w*(?:\.[\w$]+)*$/;
/** A value longer than this is cut here (and masked up to here: fail closed). */
const MAX_VALUE = 8192;

const enum C {
  Tab = 9, Space = 32, Bang = 33, Quote = 34, Hash = 35, Dollar = 36, Percent = 37, Amp = 38, Apos = 39,
  LParen = 40, RParen = 41, Plus = 43, Comma = 44, Dash = 45, Dot = 46, Slash = 47, Colon = 58,
  Semi = 59, Lt = 60, Eq = 61, Gt = 62, Question = 63, At = 64, LBracket = 91, Backslash = 92,
  RBracket = 93, Underscore = 95, Backtick = 96, LBrace = 123, Pipe = 124, RBrace = 125, Tilde = 126,
}

function isIdent(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === C.Underscore || c === C.Dash || c === C.Dot || c >= 0x80;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** A `\uXXXX` escape (one or more backslashes) ending right before `i`: its length, or 0. */
function escapeBefore(s: string, i: number): number {
  if (i < 6 || s.charCodeAt(i - 5) !== 117 /* u */) return 0;
  for (let k = i - 4; k < i; k++) if (!isHex(s.charCodeAt(k))) return 0;
  let j = i - 6;
  if (s.charCodeAt(j) !== C.Backslash) return 0;
  while (j > 0 && s.charCodeAt(j - 1) === C.Backslash) j--;
  return i - j;
}

/** A `\uXXXX` escape (one or more backslashes) starting at `i`: its length, or 0. */
function escapeAt(s: string, i: number): number {
  let j = i;
  while (s.charCodeAt(j) === C.Backslash) j++;
  if (j === i || s.charCodeAt(j) !== 117) return 0;
  for (let k = j + 1; k <= j + 4; k++) if (!isHex(s.charCodeAt(k))) return 0;
  return j + 5 - i;
}

/**
 * `s.indexOf(ch, from)`, but looking at most `max` characters ahead (-1 beyond). PERF: every
 * search for a value's end is bounded, so a line dense in keys stays linear.
 */
function indexWithin(s: string, ch: string, from: number, max: number): number {
  const end = Math.min(s.length, from + Math.max(0, max) + 1);
  const c = ch.charCodeAt(0);
  for (let i = from; i < end; i++) if (s.charCodeAt(i) === c) return i;
  return -1;
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === C.Space || s.charCodeAt(i) === C.Tab)) i++;
  return i;
}

/** The quote that opens at `i` (backslashes, then `"`, `'` or a backtick): its length, or 0. */
function quoteAt(s: string, i: number): number {
  let j = i;
  while (s.charCodeAt(j) === C.Backslash) j++;
  const c = s.charCodeAt(j);
  return c === C.Quote || c === C.Apos || c === C.Backtick ? j + 1 - i : 0;
}

/**
 * The closing quote of a value opened by `quote` (backslashes + a quote char) before `from`.
 * At escaping depth d the opening quote has 2^d - 1 backslashes; a quote inside the value is
 * escaped once more, so the run of backslashes before it, modulo 2^(d+1), is all ones (1 at
 * depth 0, 3 at depth 1…). Any other quote closes the value (its own closing quote, an
 * escaped backslash before one, or the end of an enclosing string). Returns the index where
 * the closing sequence's backslashes start, or -1.
 */
function closingQuote(s: string, from: number, quoteChar: number, openBackslashes: number): number {
  const m = 2 * (openBackslashes + 1);
  const q = String.fromCharCode(quoteChar);
  // PERF: bounded like the value itself, so a line of unclosed quotes stays linear.
  for (let i = indexWithin(s, q, from, MAX_VALUE); i !== -1; i = indexWithin(s, q, i + 1, from + MAX_VALUE - i)) {
    let b = 0;
    while (i - b - 1 >= from && s.charCodeAt(i - b - 1) === C.Backslash) b++;
    if (b % m !== m - 1) return i - Math.min(b, openBackslashes);
  }
  return -1;
}

/** True when `s[i..]` starts another `key=` / `key:` (the end of a bare value before it). */
function nextKeyAt(s: string, i: number): boolean {
  i = skipBlanks(s, i);
  if (s.charCodeAt(i) === C.Colon) i++; // Ruby symbol keys
  const start = i;
  while (i < s.length && isIdent(s.charCodeAt(i))) i++;
  if (i === start || i - start > 64) return false;
  i = skipBlanks(s, i);
  const c = s.charCodeAt(i);
  return c === C.Eq || (c === C.Colon && s.charCodeAt(i + 1) !== C.Slash);
}

/**
 * Where the syntax around the key says a bare value ends:
 * - `Line`: the key starts the line or a field (`password=…`, `DB_PASSWORD: …`, logfmt, env,
 *   YAML): whitespace ends the value, any other punctuation belongs to it;
 * - `Fields`: the key is a field of an object print (`Config{password=…, url=…}`, Go's
 *   `{Password:… User:…}`, `(k=v, …)`): also an unbalanced closing bracket, and a comma before
 *   the next field;
 * - `ConnectionString` (`;Password=…;`), `Query` (`&password=…&`), `Shell` (one shell word).
 */
const enum Around { Line, Fields, ConnectionString, Query, Shell }

/** True when a quote at `j` ends a bare value (it is followed by the end, a blank or a separator). */
function quoteEnds(s: string, j: number): boolean {
  const d = s.charCodeAt(j + 1);
  return j + 1 >= s.length || d === C.Space || d === C.Tab || d === C.Comma || d === C.Semi || d === C.RBrace || d === C.RParen || d === C.RBracket || d === C.Amp || d === C.Colon || d === C.Backslash || d === C.Quote;
}

/** The end of a bare value starting at `i`. */
function bareValueEnd(s: string, i: number, around: Around): number {
  const limit = Math.min(s.length, i + MAX_VALUE);
  let depth = 0;
  let j = i;
  for (; j < limit; j++) {
    const c = s.charCodeAt(j);
    if (c === C.Space || c === C.Tab || c < 32) break;
    // A quote inside a bare value (`Sil"ver`) belongs to it; one before a blank or a separator
    // closes the string the pair stands in (`msg="… password=x"`).
    if ((c === C.Quote || c === C.Apos || c === C.Backtick) && quoteEnds(s, j)) break;
    if (c === C.Backslash) {
      // Inside a JSON string: `\/` is a slash of the value; any other escape ends it (`\n`, `\"`).
      if (s.charCodeAt(j + 1) === C.Slash) {
        j++;
        continue;
      }
      break;
    }
    if (c === C.Lt && s.charCodeAt(j + 1) === C.Slash) break; // </element>
    if (c === C.Amp) {
      // An XML/HTML entity is one character of the value: Password=p&amp;ss; in a config attribute.
      const entity = /^&(?:amp|lt|gt|quot|apos|#\d{1,5}|#x[0-9a-fA-F]{1,4});/.exec(s.slice(j, j + 10));
      if (entity !== null) {
        j += entity[0].length - 1;
        continue;
      }
    }
    if (around === Around.ConnectionString) {
      if (c === C.Semi) break;
      continue;
    }
    if (around === Around.Query) {
      if (c === C.Amp || c === C.Hash) break;
      continue;
    }
    if (around === Around.Shell) continue; // --password=a&b(c: one shell word
    if ((c === C.Comma || c === C.Amp || c === C.Semi || c === C.Pipe || c === 0x5e /* ^ */) && nextKeyAt(s, j + 1)) break;
    if (around === Around.Line) continue;
    if (c === C.LParen || c === C.LBrace || c === C.LBracket) depth++;
    else if (c === C.RParen || c === C.RBrace || c === C.RBracket) {
      if (depth === 0) break;
      depth--;
    } else if (c === C.Semi) break;
    else if (c === C.Comma && (j + 1 === limit || s.charCodeAt(j + 1) === C.Space)) break;
  }
  // A trailing separator is the syntax's, not the value's: `password=hunter2, user=bob`; so is
  // a closing bracket the value did not open: `(using password: YES)`.
  for (;;) {
    const c = s.charCodeAt(j - 1);
    if (j > i && (c === C.Comma || c === C.Semi)) j--;
    else if (j > i && (c === C.RParen || c === C.RBracket || c === C.RBrace) && !opens(s, i, j - 1, c)) j--;
    else return j;
  }
}

/** True when `s[i, end)` opens more brackets of the kind `closer` closes than it closes. */
function opens(s: string, i: number, end: number, closer: number): boolean {
  const opener = closer === C.RParen ? C.LParen : closer === C.RBracket ? C.LBracket : C.LBrace;
  let depth = 0;
  for (let k = i; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c === opener) depth++;
    else if (c === closer) depth--;
  }
  return depth > 0;
}

/**
 * A value at `i`: quoted (to its closing quote at the same depth) or bare. Returns
 * [start, end) of the value's bytes, or undefined when there is none.
 */
function valueAt(s: string, i: number, around: Around): [number, number] | undefined {
  // SQL Server's Unicode literal: `PASSWORD = N'…'`.
  if (s.charCodeAt(i) === 0x4e && s.charCodeAt(i + 1) === C.Apos) i++;
  const q = quoteAt(s, i);
  if (q > 0) {
    const start = i + q;
    const close = closingQuote(s, start, s.charCodeAt(i + q - 1), q - 1);
    const end = close === -1 ? Math.min(s.length, start + MAX_VALUE) : Math.min(close, start + MAX_VALUE);
    return end > start ? [start, end] : undefined;
  }
  const c = s.charCodeAt(i);
  // A template (`{{ .Password }}`, `${ DB_PASS }`): to its closing braces, spaces included.
  if ((c === C.LBrace || c === C.Dollar || c === C.Hash || c === C.Percent) && s.charCodeAt(i + 1) === C.LBrace) {
    const close = indexWithin(s, '}', i + 2, 256);
    if (close !== -1 && close - i < 256) return [i, s.charCodeAt(close + 1) === C.RBrace ? close + 2 : close + 1];
  }
  // A note, `(sensitive value)`, `(known after apply)`, kubectl's `<set to the key 'x' in secret 'y'>`: not a value.
  if (c === C.LParen || c === C.Lt) {
    const close = indexWithin(s, c === C.LParen ? ')' : '>', i, 160);
    if (close !== -1 && close - i < 160 && /^.[A-Za-z][\w '".:/-]* [\w '".:/-]*.$/.test(s.slice(i, close + 1))) return undefined;
  }
  // An object print (`AwsBasicCredentials{…}`, `Credentials(…)`, Go's `&{…}`): its fields are pairs of their own.
  if (c === C.Amp && s.charCodeAt(i + 1) === C.LBrace) return undefined;
  if (/^[A-Z][\w.$]*(?:\{|\((?:[\w.]+=|\)))/.test(s.slice(i, i + 80)) && !/^(?:Token|Secret)\{[0-9a-f]/.test(s.slice(i, i + 16))) return undefined;
  // A list of one value: `{"password":["…"]}`, Go's `map[password:[…]]`, a QueryDict's `['…']`.
  if (c === C.LBracket) {
    // A mask this or another redactor wrote: `[REDACTED:…]`, `[FILTERED]`.
    if (/^\[(?:redacted|filtered|masked|hidden|removed|secret|sensitive)\b/i.test(s.slice(i, i + 12))) return undefined;
    const k = skipBlanks(s, i + 1);
    const q = quoteAt(s, k);
    if (q > 0) {
      const close = closingQuote(s, k + q, s.charCodeAt(k + q - 1), q - 1);
      if (close !== -1 && close > k + q) {
        const after = skipBlanks(s, close + q);
        if (s.charCodeAt(after) === C.RBracket) return [k + q, close];
      }
      return undefined;
    }
    const end = indexWithin(s, ']', k, 256);
    if (end > k && !/[\s,[]/.test(s.slice(k, end))) return [k, end];
    return undefined;
  }
  if (i >= s.length || c === C.LBrace || c === C.Eq || c === C.Comma || c === C.Semi || c === C.Amp || c === C.RBrace || c === C.RBracket || c === C.RParen || c === C.Pipe || c === C.Gt || c === C.Backslash) return undefined;
  const end = bareValueEnd(s, i, around);
  return end > i ? [i, end] : undefined;
}

const TYPE_BEFORE_ASSIGN = /^(?:string|str|String|&str|&'static str|\[\]byte|char\s*\*|bytes|SecureString|Secret\w*)\s*=(?!=)/;

/** The separator after a key at `i`: the index after it (and blanks), or -1. */
function separatorEnd(s: string, i: number, keyQuoted: boolean, keyStart: number): { end: number; colon: boolean; comma: boolean } | undefined {
  let j = skipBlanks(s, i);
  let c = s.charCodeAt(j);
  // TypeScript/Kotlin optionals and Go typed declarations are handled by the value check.
  if (c === C.Question && s.charCodeAt(j + 1) === C.Colon) c = s.charCodeAt(++j);
  // A full-width colon (CJK text): `密码：…`
  if (c === 0xef && s.charCodeAt(j + 1) === 0xbc && s.charCodeAt(j + 2) === 0x9a) return { end: skipBlanks(s, j + 3), colon: true, comma: false };
  if (c === C.Colon) {
    const d = s.charCodeAt(j + 1);
    if (d === C.Colon) {
      // Foo::Token is a path; ::= and :::= assign (Makefiles).
      let k = j + 1;
      while (s.charCodeAt(k) === C.Colon) k++;
      return s.charCodeAt(k) === C.Eq ? { end: skipBlanks(s, k + 1), colon: false, comma: false } : undefined;
    }
    if (d === C.Eq) return { end: skipBlanks(s, j + 2), colon: false, comma: false }; // :=
    if (d === C.Slash && s.charCodeAt(j + 2) === C.Slash) return undefined; // scheme://
    return { end: skipBlanks(s, j + 1), colon: true, comma: false };
  }
  // A declared type between the name and `=`: `var apiKey string = "…"`, `token: &str = "…"`.
  const typed = TYPE_BEFORE_ASSIGN.exec(s.slice(j, j + 24));
  if (typed !== null) {
    j += typed[0].length - 1;
    c = C.Eq;
  }
  // +=, ?=, |=, .=
  if ((c === C.Plus || c === C.Question || c === C.Pipe || c === C.Dot) && s.charCodeAt(j + 1) === C.Eq) c = s.charCodeAt(++j);
  if (c === C.Eq) {
    const d = s.charCodeAt(j + 1);
    if (d === C.Eq || d === C.Tilde) return undefined; // == comparisons, =~ matches
    if (d === C.Gt) return { end: skipBlanks(s, j + 2), colon: false, comma: false }; // =>
    return { end: skipBlanks(s, j + 1), colon: false, comma: false };
  }
  // Call arguments, `Set("X-Api-Key", "v")`: only after an opening parenthesis (a list of
  // names, `{'Vary': 'X-Api-Key', 'X-Auth-Token': …}`, is not a call).
  if (c === C.Comma && keyQuoted && openParenBefore(s, keyStart)) {
    const k = skipBlanks(s, j + 1);
    if (quoteAt(s, k) > 0) return { end: k, colon: false, comma: true };
  }
  // An argv list: `['configure', 'set', 'aws_secret_access_key', '…']` — not an option's value
  // (`'--name', 'db-password', '--query'`: a name, then the next option).
  if (c === C.Comma && keyQuoted && listItemBefore(s, keyStart) && !ARGV_VERB.test(s.slice(keyStart + 1, i))) {
    const k = skipBlanks(s, j + 1);
    const q = quoteAt(s, k);
    if (q > 0 && s.charCodeAt(k + q) !== C.Dash) {
      // A subcommand's argument, not a value: `'RAILS_ENV=production'`, a file `'pw.txt'`.
      const close = closingQuote(s, k + q, s.charCodeAt(k + q - 1), q - 1);
      const value = close === -1 ? '' : s.slice(k + q, close);
      if (!value.includes('=') && !/\.[a-z]{2,4}$/.test(value)) return { end: k, colon: false, comma: true };
    }
  }
  // A (key, value) pair: Erlang's `{password,"…"}`, a bind array's `["smtp_password", "…"]`,
  // Spark's `(spark.…account.key.x,<value>)` — the key opens a bracket and the value closes it.
  if (c === C.Comma) {
    const opener = s.charCodeAt(keyStart - 1);
    const closer = opener === C.LBrace ? C.RBrace : opener === C.LBracket ? C.RBracket : opener === C.LParen ? C.RParen : -1;
    if (closer !== -1) {
      const k = skipBlanks(s, j + 1);
      const q = quoteAt(s, k);
      if (q > 0) {
        // Not a description: `["smtp_password", "Password for the SMTP relay"]`.
        const close = closingQuote(s, k + q, s.charCodeAt(k + q - 1), q - 1);
        if (close !== -1 && s.charCodeAt(skipBlanks(s, close + q)) === closer && !/\s\S+\s/.test(s.slice(k + q, close))) return { end: k, colon: false, comma: true };
      } else {
        // Not an atom or a name: `{password, too_short}`, `(password, confirm)`, `Tuple(password, hash)`.
        const e = indexWithin(s, String.fromCharCode(closer), k, 1024);
        if (e > k && !/[\s,;"'()[\]{}]/.test(s.slice(k, e)) && !/^[A-Za-z_]\w*$/.test(s.slice(k, e))) return { end: k, colon: false, comma: true };
      }
    }
  }
  // Clojure's keyword maps: `{:db-password "…"}` (a blank, then a quoted value).
  if ((c === C.Quote || c === C.Apos) && j > i && ((s.charCodeAt(keyStart - 1) === C.Colon && /[\s{(,]/.test(s[keyStart - 2] ?? ' ')) || CLOJURE_NS.test(s.slice(Math.max(0, keyStart - 64), keyStart)))) return { end: j, colon: false, comma: false };
  return undefined;
}

/** Before a key, a sign that it is itself a value (`client=auth secret=…`). */
const VALUE_SEPARATOR = /[=:]/;
const NAME_BEFORE = /(?:^|[^\w-])(?:name|key|Name|Key|NAME|KEY|variable|var|field|ParameterKey|ParameterName|OptionName|SettingName)\\*["']?\s*[:=]\s*\\*$/;
const VALUE_AFTER = /^[^}>\n]{0,120}?\b(?:value|Value|VALUE|ParameterValue|OptionValue|SettingValue)\\*["']?\s*[:=]\s*/;

/** True when the path ending in the key at `ks` is the name of a name/value pair (`"Name":"/prod/db/password"`). */
function pathNamesPair(s: string, ks: number): boolean {
  let j = ks;
  while (j > 0 && ks - j < 128 && /[\w./-]/.test(s[j - 1]!)) j--;
  return j > 0 && QUOTE_CHARS.includes(s[j - 1]!) && NAME_BEFORE.test(s.slice(Math.max(0, j - 25), j - 1));
}
const QUOTE_CHARS = `"'`;
/** A subcommand that names what it changes (`changepassword`, `change_password`, `set-token`): not a key. */
const ARGV_VERB = /^(?:change|reset|set|update|rotate|create|delete|remove|generate|new|add|get|show|list|read|write|enable|disable)[-_]?[a-z]/i;
/** Before a key: a Clojure keyword's namespace (`{:okta/api-key "…"}`). */
const CLOJURE_NS = /(?:^|[\s{(,]):[\w.-]+\/$/;

/**
 * Scans one line. `line` is the line's bytes as a latin1 string; `base` is added to every
 * offset reported (the line's offset in its buffer).
 */
export function scanPairs(line: string, base: number, out: Pair[]): void {
  STEM.lastIndex = 0;
  let tokenEnd = -1;
  for (let m = STEM.exec(line); m !== null; m = STEM.exec(line)) {
    if (m.index < tokenEnd) continue;
    // The whole identifier around the stem.
    let ks = m.index;
    for (;;) {
      if (ks > 0 && isIdent(line.charCodeAt(ks - 1))) ks--;
      else {
        const e = escapeBefore(line, ks);
        if (e === 0) break;
        ks -= e;
      }
    }
    let ke = m.index;
    for (;;) {
      if (line.startsWith(FULLWIDTH_COLON, ke)) break;
      if (ke < line.length && isIdent(line.charCodeAt(ke))) ke++;
      else {
        const e = escapeAt(line, ke);
        if (e === 0) break;
        ke += e;
      }
    }
    tokenEnd = ke;
    if (STEM.lastIndex < ke) STEM.lastIndex = ke;
    // A JSON escape glued to the key (`\tpassword`, `\npassword` inside a logged string): its
    // letter is not part of the key.
    if (ks > 0 && line.charCodeAt(ks - 1) === C.Backslash && 'ntrbf'.includes(line[ks]!) && ks + 1 < ke) ks++;
    let dashes = 0;
    while (ks < ke && line.charCodeAt(ks) === C.Dash) {
      ks++;
      dashes++;
    }
    while (ks < ke && line.charCodeAt(ks) === C.Dot) ks++;
    // A percent-escape's hex digits are not part of the key: `user%5Bpassword%5D=`.
    if (ks > 0 && line.charCodeAt(ks - 1) === C.Percent && ke - ks > 2 && isHex(line.charCodeAt(ks)) && isHex(line.charCodeAt(ks + 1))) ks += 2;
    while (ke > ks && (line.charCodeAt(ke - 1) === C.Dot || line.charCodeAt(ke - 1) === C.Dash)) ke--;
    if (ke <= ks) continue;
    const before = ks > 0 ? line.charCodeAt(ks - 1) : -1;
    // A path (`/etc/passwd`, `</password>`), a URL's userinfo, an email's local part — not a
    // Ruby instance variable in an inspect print (`#<Client @api_key="…">`).
    if (before === C.At && !(line.charCodeAt(ke) === C.Eq && (ks < 2 || /[\s<,]/.test(line[ks - 2]!)))) continue;
    // A path (`/etc/passwd`, `</password>`) — unless it is the name of a name/value pair
    // (AWS SSM's `"Name":"/prod/db/password", … "Value":"…"`).
    if (before === C.Slash && !pathNamesPair(line, ks) && !CLOJURE_NS.test(line.slice(Math.max(0, ks - 64), ks))) continue;
    // A segment of an ARN or URN (`…:secret:prod/db`), not a key.
    if (before === C.Colon && ks >= 2 && isIdent(line.charCodeAt(ks - 2)) && line.charCodeAt(ke) === C.Colon && isIdent(line.charCodeAt(ke + 1)) && !xmlOpenBefore(line, ks)) continue;
    const key = line.slice(ks, ke);
    const keyClass = classifyKey(key);
    // A Java package or class (`io.jsonwebtoken:jjwt`, `com.example.auth.TokenService`), not a
    // property (`javax.net.ssl.keyStorePassword=…` is one).
    if (keyClass === undefined || (JAVA_PACKAGE.test(key) && (/\.[A-Z][a-z]\w*$/.test(key) || (line.charCodeAt(ke) === C.Colon && line.charCodeAt(ke + 1) !== C.Space)))) continue;
    resumeAt = -1;
    pairAfterKey(line, base, ks, ke, dashes, keyClass, /^(?:pass|pw)$/i.test(key), out);
    if (resumeAt > tokenEnd) {
      tokenEnd = resumeAt;
      if (STEM.lastIndex < resumeAt) STEM.lastIndex = resumeAt;
    }
  }
}

function pairAfterKey(s: string, base: number, ks: number, ke: number, dashes: number, keyClass: KeyClass, bareWordKey: boolean, out: Pair[]): void {
  // The key's opening quote, if any (with the backslashes of its escaping depth).
  let qs = ks;
  const qc = qs > 0 ? s.charCodeAt(qs - 1) : -1;
  let quote = '';
  if (qc === C.Quote || qc === C.Apos || qc === C.Backtick) {
    qs--;
    while (qs > 0 && s.charCodeAt(qs - 1) === C.Backslash) qs--;
    quote = s.slice(qs, ks);
  }
  let p = ke;
  const keyQuoted = quote !== '' && s.startsWith(quote, ke);
  if (keyQuoted) p += quote.length;
  // An Erlang binary key: `#{<<"token">> => <<"…">>}`.
  if (keyQuoted && s.startsWith('>>', p) && s.endsWith('<<', qs)) p += 2;
  // A key in brackets: PHP's `[password] => …`, `user[password]=…`, `data["password"] = …`,
  // `$_POST['password']`, a form body's `user%5Bpassword%5D=…`.
  const opener = s.charCodeAt(qs - 1);
  if (opener === C.LBracket && s.charCodeAt(p) === C.RBracket) p++;
  else if (/%5b$/i.test(s.slice(Math.max(0, qs - 3), qs)) && /^%5d/i.test(s.slice(p, p + 3))) p += 3;
  // A column of an INSERT's column list (`INSERT INTO t (name, api_key) VALUES ('a', '…')`):
  // the values in its position, for every credential column of the list at once.
  if (/^\s*[,)]/.test(s.slice(p, p + 4)) && sqlInsertPairs(s, base, qs, out)) return;
  const around = aroundKey(s, qs);
  // A weak key word alone (`key`, `sid`) takes the word before it as its modifier in running
  // text: `Cache restored from key: …`, `partition key TENANT#…`, `kernel key: 3c4d…`.
  const prevWord = /(?:^|\s)([A-Za-z]{2,20}) +$/.exec(s.slice(Math.max(0, qs - 24), qs));
  // A weak key with a word before it that names no credential: `patientKey`, `kafka key`.
  // (Env names, header names and capitalised words — `STREAMHIVE_KEY`, `X-Inkwave-Key`,
  // `Using Streamhive Key=` — name a provider's key as often as not: not vague.)
  let vagueKey = keyClass === 'weak' && keyWords(decodeKey(s.slice(ks, ke))).length > 1 && /^[a-z]/.test(s.slice(ks, ke)) && !s.slice(ks, ke).includes('-');
  if (keyClass === 'weak' && prevWord !== null && !keyQuoted) {
    const reread = classifyKey(`${prevWord[1]}_${s.slice(ks, ke)}`);
    if (reread === undefined) return;
    vagueKey = reread === 'weak' && /^[a-z]/.test(prevWord[1]!);
    keyClass = reread;
  }

  const emit = (range: [number, number] | undefined, syntax: PairSyntax, prose: boolean) => {
    if (range === undefined) return;
    const value = s.slice(range[0], range[1]);
    const opener = s.charCodeAt(range[0] - 1);
    const quoted = opener === C.Quote || opener === C.Apos || opener === C.Backtick || opener === C.Gt;
    // PERF: keys inside a bare value are part of it (`(password=(password=…`), and so are the
    // keys inside a masked one: the scan goes on after it, so a line dense in keys stays linear.
    if (!quoted) resumeAt = range[1];
    // A shell command substitution (`\`vault read …\``, `$(cat /run/secrets/x)`): where the value comes from.
    if ((opener === C.Backtick && value.includes(' ')) || value.startsWith('$(')) return;
    // A bare value that ends a quoted string followed by `:` is inside an object's key
    // (`{"Pw:B": false}`): masking it would rename the key.
    if (!quoted) {
      const q = quoteAt(s, range[1]);
      if (q > 0 && s.charCodeAt(range[1] + q - 1) !== C.Backtick && s.charCodeAt(skipBlanks(s, range[1] + q)) === C.Colon) return;
    }
    if (isSecretValue(value, keyClass, { prose, bareWordKey, quotedKey: keyQuoted, vagueKey })) {
      out.push({ start: base + range[0], end: base + range[1], keyClass, syntax });
      resumeAt = range[1];
    }
  };

  // <Password>v</Password>, <wsse:Password Type="…">v</wsse:Password>
  if (!keyQuoted && xmlOpenBefore(s, ks)) {
    const gt = indexWithin(s, '>', ke, 256);
    if (gt === -1 || gt - ke > 256 || s.charCodeAt(gt - 1) === C.Slash) return;
    if (!/^(?:\s+[\w:.-]+\s*=\s*(?:\\*"[^"]*"|'[^']*'))*\s*$/.test(s.slice(ke, gt).replace(/\\"/g, '"'))) return;
    // CDATA: `<password><![CDATA[v]]></password>`
    if (s.startsWith('<![CDATA[', gt + 1)) {
      const close = s.indexOf(']]>', gt + 10);
      if (close !== -1 && close - gt < MAX_VALUE) emit([gt + 10, close], 'assign', false);
      return;
    }
    // The element's text, up to its closing tag (on this line: a multi-line value is not read).
    const lt = indexWithin(s, '<', gt + 1, MAX_VALUE);
    if (lt === -1 || s.charCodeAt(lt + 1) !== C.Slash) return; // no closing tag, or child elements
    let start = gt + 1;
    let end = lt;
    while (start < end && s.charCodeAt(start) <= C.Space) start++;
    while (end > start && s.charCodeAt(end - 1) <= C.Space) end--;
    if (end > start) emit([start, Math.min(end, start + MAX_VALUE)], 'assign', false);
    return;
  }

  // A property list: `<key>Password</key><string>v</string>`
  if (s.endsWith('<key>', ks) && s.startsWith('</key>', ke)) {
    const m = /^<\/key>\s*<string>([^<]{1,8192})<\/string>/.exec(s.slice(ke, ke + 8220));
    if (m !== null) emit([ke + m[0].length - 9 - m[1]!.length, ke + m[0].length - 9], 'assign', false);
    return;
  }
  if (s.charCodeAt(ks - 1) === C.Slash && pathNamesPair(s, ks)) {
    // `"Name":"/prod/db/password","Type":"SecureString","Value":"…"`
    const close = indexWithin(s, '"', ke, 8);
    const rest = close === -1 ? null : VALUE_AFTER.exec(s.slice(close + 1, close + 160));
    if (rest !== null) emit(valueAt(s, close + 1 + rest[0].length, Around.Line), 'json', false);
    return;
  }
  if ((keyQuoted || (quote === '' && s.charCodeAt(p) === C.Comma)) && NAME_BEFORE.test(s.slice(Math.max(0, qs - 24), qs))) {
    // The key is the NAME of a name/value pair: the secret is the value that follows —
    // a `value` attribute or field, or the text of the element (`<entry key="smtppass">v</entry>`);
    // unquoted in YAML's flow style: `- {name: API_TOKEN, value: "…"}`.
    const rest = VALUE_AFTER.exec(s.slice(p, p + 120));
    // A HAR or fetch dump's `{ "name": "set-cookie", "value": "sid=…; Path=/" }`: a cookie header.
    if (rest !== null && /^(?:set-)?cookie$/i.test(s.slice(ks, ke))) return cookiePairs(s, base, p + rest[0].length, /^set-/i.test(s.slice(ks, ke)), out);
    if (rest !== null) return emit(valueAt(s, p + rest[0].length, Around.Line), quote.endsWith('"') ? 'json' : 'assign', false);
    const text = /^(?:\s+[\w:.-]+\s*=\s*"[^"]*")*\s*>\s*(?:<value>)?([^<]+)<\//.exec(s.slice(p, p + 2048));
    if (text !== null) return emit([p + text[0].length - 2 - text[1]!.length, p + text[0].length - 2], 'assign', false);
    // No value after it: a key of its own after all (`&key= "apiKey":"…"`), read below.
  }
  const sep = separatorEnd(s, p, keyQuoted, qs);
  if (sep === undefined) {
    const v = skipBlanks(s, p);
    if (dashes > 0) {
      // --password S3cret, -storepass S3cret
      if (v > p && s.charCodeAt(v) !== C.Dash) emit(valueAt(s, v, Around.Shell), 'cli', false);
    } else if (v > p && !VALUE_SEPARATOR.test(s[qs - 1] ?? '') && (!nextKeyAt(s, v) || (keyClass === 'password' && /^(?:is|was)\s*:/.test(s.slice(v, v + 6))))) {
      runningText(s, base, v, keyClass, keyQuoted, out);
    }
    return;
  }
  if (sep.colon && /^(?:set-)?cookies?$/i.test(s.slice(ks, ke))) {
    cookiePairs(s, base, sep.end, /^set-/i.test(s.slice(ks, ke)), out);
    return;
  }
  const syntax: PairSyntax = dashes > 0 ? 'cli' : keyQuoted && quote.endsWith('"') && sep.colon ? 'json' : 'assign';
  // A JSON key's bare value is a number, a boolean, null, an object or an array: masking it
  // would break the JSON, and none of them is a secret string.
  if (syntax === 'json' && quoteAt(s, sep.end) === 0 && !(s.charCodeAt(sep.end) === C.LBracket && quoteAt(s, skipBlanks(s, sep.end + 1)) > 0)) return;
  // An empty field of a Go `%+v` print, `SessionToken: Source:EnvConfig`: the next key, not a value.
  if (sep.colon && !keyQuoted && /^[A-Za-z]\w{0,63}:[^\s/]/.test(s.slice(sep.end, sep.end + 66))) return;
  // A heading before the line's pairs, `rotated signing keys: active=2024-q1 previous=k6`: the
  // next pair, not a value (a password's value may hold `=`: `DB_PASSWORD: a=b`).
  if (sep.colon && !keyQuoted && keyClass !== 'password' && /^[A-Za-z_][\w.-]{0,63}=[^\s=>]/.test(s.slice(sep.end, sep.end + 66))) return;
  // The quote after an unquoted key that closes the string the key is in (`{"msg":"bad Pw: "}`,
  // a JSON key `"Pw: "`): followed by JSON punctuation or the line's end, it opens no value.
  if (!keyQuoted) {
    const q = quoteAt(s, sep.end);
    if (q > 0 && (sep.end + q >= s.length || /^[:,}\]]/.test(s[sep.end + q]!))) return;
    // A prompt: `read -s -p 'Password: ' PASSWORD`, `echo "Enter password: " >&2` — the quote
    // after the key closes the string the key is in (an odd count of that quote before it).
    if (q === 1 && (sep.end + 1 >= s.length || s.charCodeAt(sep.end + 1) === C.Space) && oddCount(s, s[sep.end]!, ks)) return;
  }
  // Running text: `invalid password: user bob` (a word and a space before an unquoted key).
  let prose = sep.colon && !keyQuoted && ks >= 2 && s.charCodeAt(ks - 1) === C.Space && /[A-Za-z]/.test(s[ks - 2]!);
  // PHP's var_dump (`["password"]=> string(16) "…"`) and Erlang's binaries (`<<"…">>`): the
  // value's type or wrapper before its quote.
  const typed = /^(?:string\(\d+\)\s+|<<(?=["']))/.exec(s.slice(sep.end, sep.end + 20));
  if (typed !== null) sep.end += typed[0].length;
  // A (user, secret) pair: Python's `auth=('dave', 'S3cret')`, `auth: ["api", "key-…"]`.
  const second = pairSecond(s, sep.end);
  if (second !== undefined) {
    emit(second, syntax, false);
    return;
  }
  const range = valueAt(s, sep.end, dashes > 0 ? Around.Shell : around);
  if (range !== undefined && keyClass === 'password' && quoteAt(s, sep.end) === 0) {
    const value = s.slice(range[0], range[1]);
    // A word followed by more words is a sentence (Terraform's `random_password.db: Refreshing
    // state...`); a lowercase word glued to a colon is a field of a name (`pam_unix(passwd:chauthtok)`).
    if (/^[A-Za-z]+$/.test(value) && /^ [a-z]/.test(s.slice(range[1], range[1] + 2)) && !nextKeyAt(s, range[1])) prose = true;
    if (sep.colon && sep.end === p + 1 && /^[a-z]+$/.test(value) && /^[a-z]+$/.test(s.slice(ks, ke))) prose = true;
  }
  emit(range, syntax, prose);
}

const INSERT_HEAD = /\binsert\s+(?:ignore\s+)?into\s+[\w."`[\]$-]+\s*$/i;

/**
 * Pairs of an SQL INSERT whose column list holds the key at `ks`: each credential column's
 * quoted values, row by row (`VALUES ('a', '…'), ('b', '…')`; `''` and `\'` escapes). True
 * when the key is in such a list with VALUES after it (the scan then resumes after them); in a
 * list without VALUES (`INSERT … SELECT`) the scan resumes after the list, its other keys unread.
 */
function sqlInsertPairs(s: string, base: number, ks: number, out: Pair[]): boolean {
  // PERF: most lines with `key,` or `key)` hold no INSERT (a JSON array, a tuple): asked once
  // per line. The column list is looked for in the 4 KiB before the key.
  if (lineFacts(s).insert === false) return false;
  let open = ks - 1;
  while (open >= 0 && ks - open < 4096 && s.charCodeAt(open) !== C.LParen && s.charCodeAt(open) !== C.RParen) open--;
  if (open < 0 || s.charCodeAt(open) !== C.LParen || !INSERT_HEAD.test(s.slice(Math.max(0, open - 160), open))) return false;
  const close = indexWithin(s, ')', ks, 4096);
  if (close < 0 || s.slice(open + 1, close).includes('(')) return false;
  resumeAt = Math.max(resumeAt, close);
  const classes = s.slice(open + 1, close).split(',').map((c) => classifyKey(c.trim().replace(/^[`"[]|[`"\]]$/g, '')));
  const values = /^\s*values\s*/i.exec(s.slice(close + 1, close + 24));
  if (values === null) return false;
  let i = close + 1 + values[0].length;
  while (s.charCodeAt(i) === C.LParen && i - close < 65536) {
    i++;
    for (let col = 0; ; col++) {
      i = skipBlanks(s, i);
      if (/^[EN]'/i.test(s.slice(i, i + 2))) i++;
      let item: [number, number] | undefined;
      if (s.charCodeAt(i) === C.Apos) {
        let j = i + 1;
        for (; j < s.length; j++) {
          const c = s.charCodeAt(j);
          if (c === C.Backslash) j++;
          else if (c === C.Apos) {
            if (s.charCodeAt(j + 1) !== C.Apos) break;
            j++;
          }
        }
        item = [i + 1, j];
        i = j + 1;
      } else {
        let depth = 0;
        for (; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (c === C.LParen) depth++;
          else if (c === C.RParen && depth-- === 0) break;
          else if (c === C.Comma && depth === 0) break;
        }
      }
      const keyClass = classes[col];
      if (item !== undefined && keyClass !== undefined && item[1] > item[0] && isSecretValue(s.slice(item[0], item[1]), keyClass, { quotedKey: true })) {
        out.push({ start: base + item[0], end: base + item[1], keyClass, syntax: 'assign' });
      }
      i = skipBlanks(s, i);
      if (s.charCodeAt(i) !== C.Comma) break;
      i++;
    }
    if (s.charCodeAt(i) !== C.RParen) break;
    i = skipBlanks(s, i + 1);
    if (s.charCodeAt(i) !== C.Comma) break;
    i = skipBlanks(s, i + 1);
  }
  resumeAt = Math.max(resumeAt, i);
  return true;
}

/** The second string of a bracketed pair of quoted strings at `i` (`('user', 'secret')`), or undefined. */
function pairSecond(s: string, i: number): [number, number] | undefined {
  const open = s.charCodeAt(i);
  if (open !== C.LParen && open !== C.LBracket) return undefined;
  let j = skipBlanks(s, i + 1);
  let item: [number, number] | undefined;
  for (let n = 0; n < 2; n++) {
    if (n === 1) {
      if (s.charCodeAt(j) !== C.Comma) return undefined;
      j = skipBlanks(s, j + 1);
    }
    const q = quoteAt(s, j);
    if (q === 0) return undefined;
    const close = closingQuote(s, j + q, s.charCodeAt(j + q - 1), q - 1);
    if (close === -1) return undefined;
    item = [j + q, close];
    j = skipBlanks(s, close + q);
  }
  return s.charCodeAt(j) === (open === C.LParen ? C.RParen : C.RBracket) && item![1] > item![0] ? item : undefined;
}

/** What the scan asks of a whole line more than once, computed once per line on first use. */
interface LineFacts {
  readonly line: string;
  /** Whether the line holds `insert … into` (any case): only then is a key a column of an INSERT. */
  insert: boolean | undefined;
  /** Positions of `'` and of `"` in the line, ascending. */
  quotes: Map<string, number[]>;
}
let facts: LineFacts = { line: '', insert: undefined, quotes: new Map() };

/** The facts of `s` (the line being scanned). */
function lineFacts(s: string): LineFacts {
  if (facts.line !== s) facts = { line: s, insert: undefined, quotes: new Map() };
  if (facts.insert === undefined) facts.insert = /\binsert\s+(?:ignore\s+)?into\b/i.test(s);
  return facts;
}

/** True when `ch` occurs an odd number of times in `s` before `end` (positions found once per line). */
function oddCount(s: string, ch: string, end: number): boolean {
  const f = lineFacts(s);
  let at = f.quotes.get(ch);
  if (at === undefined) {
    at = [];
    for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) at.push(i);
    f.quotes.set(ch, at);
  }
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return lo % 2 === 1;
}

/** The syntax a key at `qs` stands in, by what comes before it. */
function aroundKey(s: string, qs: number): Around {
  let j = qs - 1;
  while (j >= 0 && (s.charCodeAt(j) === C.Space || s.charCodeAt(j) === C.Tab)) j--;
  const c = j >= 0 ? s.charCodeAt(j) : -1;
  if (c === C.Semi && j === qs - 1) return Around.ConnectionString;
  if (c === C.Amp || c === C.Question) return Around.Query;
  if (c === C.LBrace || c === C.LParen || c === C.LBracket || c === C.Comma) return Around.Fields;
  return Around.Line;
}

/** True when the quoted key opening at `qs` is a call's first argument: `(` before it. */
/**
 * True when the quoted key at `qs` is an item of a list after other items (an argv list:
 * `['configure', 'set', 'aws_secret_access_key', '…']`): a `,` before it, inside an open `[`.
 */
function listItemBefore(s: string, qs: number): boolean {
  let j = qs - 1;
  while (j >= 0 && (s.charCodeAt(j) === C.Space || s.charCodeAt(j) === C.Tab)) j--;
  if (j < 0 || s.charCodeAt(j) !== C.Comma) return false;
  // The item before is an option whose value the key is: `'--name', 'db-password'`.
  if (/["']-[\w-]*["']\s*$/.test(s.slice(Math.max(0, j - 48), j))) return false;
  for (let k = j - 1; k >= 0 && j - k < 1024; k--) {
    const c = s.charCodeAt(k);
    if (c === C.LBracket) return true;
    if (c === C.RBracket) return false;
  }
  return false;
}

function openParenBefore(s: string, qs: number): boolean {
  let j = qs - 1;
  while (j >= 0 && (s.charCodeAt(j) === C.Space || s.charCodeAt(j) === C.Tab)) j--;
  return j >= 0 && s.charCodeAt(j) === C.LParen;
}

/**
 * A key in running text, a blank, then its value: `Vault client ready, key hvs.…`, `using api
 * token 3f9c…`, `requirepass S3cr3t!x`, `.netrc`'s `password R8kZ…`, `the password is Tr0ub4dor`,
 * SQL's `WITH PASSWORD 'S3cr3t'`, Redis MONITOR's `"AUTH" "S3cr3t"`. Only a quoted value or one
 * shaped like a secret: a password with letters and digits or punctuation (`password reset`,
 * `password expires` stay), a generated token for other keys (`token expired`, `key user:42`
 * stay).
 */
function runningText(s: string, base: number, v: number, keyClass: KeyClass, keyQuoted: boolean, out: Pair[]): void {
  // A weak word in running text (`signature 3045… verified`, `Skipping key 8f3a…`) names nothing.
  if (keyClass === 'weak') return;
  // `(0.12s)` after a test's name, `{` after an HCL block's labels: not a value.
  if (!/^["'`]|^[A-Za-z0-9!#$%*+=~_.-]/.test(s.slice(v, v + 1))) return;
  const filler = /^(?:(?:is|was)\s*:?|=>|->|:|=)\s+/.exec(s.slice(v, v + 8));
  if (filler !== null && keyClass === 'password') v += filler[0].length;
  if (/^(?:by|with)\s+/i.test(s.slice(v, v + 6)) && keyClass === 'password') v = skipBlanks(s, v + 3);
  const range = valueAt(s, v, Around.Line);
  if (range === undefined) return;
  const value = s.slice(range[0], range[1]);
  const quoted = quoteAt(s, v) > 0;
  // HCL block labels: `resource "random_password" "db" {`, `in resource "random_password" "db":`.
  if (quoted && keyQuoted && /^["']\s*(?:\{|:)/.test(s.slice(range[1], range[1] + 4))) return;
  let secret: boolean;
  if (quoted) secret = isSecretValue(value, keyClass, { quotedKey: keyQuoted });
  else if (keyClass === 'password') secret = /[0-9]/.test(value) && /[A-Za-z]/.test(value) && !/^[A-Za-z]+\d{1,2}$/.test(value) && isSecretValue(value, 'password');
  else if (keyClass === 'secret') secret = range[1] - range[0] >= 16 && /^[\w+/=.~-]+$/.test(value) && /[0-9]/.test(value) && isSecretValue(value, 'secret');
  else secret = range[1] - range[0] >= 20 && /^[\w+/=.~-]+$/.test(value) && isSecretValue(value, 'weak');
  if (secret) {
    out.push({ start: base + range[0], end: base + range[1], keyClass, syntax: 'assign' });
    resumeAt = range[1];
  }
}

/** True when the key at `ks` is an XML element's name: `<Password`, `<wsse:Password`. */
function xmlOpenBefore(s: string, ks: number): boolean {
  let j = ks - 1;
  if (j >= 0 && s.charCodeAt(j) === C.Colon) {
    j--;
    while (j >= 0 && isIdent(s.charCodeAt(j))) j--;
  }
  return j >= 0 && s.charCodeAt(j) === C.Lt;
}

/** Cookie names that hold a session or a credential, whatever their value looks like. */
const CREDENTIAL_COOKIE = /sess|sid|token|auth|jwt|remember|login|secret|key|csrf|xsrf|identity|credential|pass|saml|oidc|oauth/i;

/**
 * A Cookie / Set-Cookie header value at `i`: `name=value; name=value`. Each value of a
 * credential cookie (by name) or that looks like a generated token is masked, one by one:
 * `theme=dark`, `Path=/` and `_ga=GA1.2.…` stay. Of a Set-Cookie only the first pair is a
 * cookie (the rest are attributes).
 */
function cookiePairs(s: string, base: number, i: number, setCookie: boolean, out: Pair[]): void {
  const q = quoteAt(s, i);
  let end = s.length;
  if (q > 0) {
    const close = closingQuote(s, i + q, s.charCodeAt(i + q - 1), q - 1);
    if (close !== -1) end = close;
    i += q;
  }
  for (let at = i; at < end; ) {
    while (at < end && (s.charCodeAt(at) === C.Space || s.charCodeAt(at) === C.Semi)) at++;
    const eq = indexWithin(s, '=', at, 128);
    if (eq === -1 || eq >= end) return;
    const name = s.slice(at, eq);
    if (!/^[\w.$%!#&'*+^`|~-]{1,64}$/.test(name)) return;
    let v = eq + 1;
    let ve = v;
    while (ve < end && s.charCodeAt(ve) !== C.Semi && s.charCodeAt(ve) !== C.Space && s.charCodeAt(ve) !== C.Backslash && s.charCodeAt(ve) !== C.Quote) ve++;
    if (ve > v && s.charCodeAt(v) === C.Quote) v++;
    const value = s.slice(v, ve);
    const credential = CREDENTIAL_COOKIE.test(name) || classifyKey(name) !== undefined;
    if (value.length > 0 && isSecretValue(value, credential ? 'secret' : 'weak', { quotedKey: true })) {
      out.push({ start: base + v, end: base + ve, keyClass: 'secret', syntax: 'cookie' });
    }
    if (setCookie) return;
    at = ve;
    if (s.charCodeAt(at) !== C.Semi) return;
  }
}
