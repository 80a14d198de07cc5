/**
 * The key policy in text lines (the sidecar, `logveil/stream`, `redact()`): the same
 * `sensitiveKeys`, `ignoredKeys` and `allowedKeys` as the structured integrations, applied to
 * the fields of a JSON object line (at any depth) and to `key=value` / `key="value"` pairs
 * (logfmt) of any other line.
 *
 * - a value under an ignored key: every span inside it is dropped (never masked nor learned);
 * - a value under a key listed in `sensitiveKeys`: masked whole (rule id `sensitive-key`);
 * - with `allowedKeys`, a value under a key not listed: masked whole (rule id `unlisted-key`).
 *
 * Masks replace the characters of a string (inside its quotes) or a bare logfmt value; a JSON
 * number, boolean or null stays (a mask in its place would not be JSON). Built-in credential
 * keys are left to the context engine, which already masks their values (with its placeholder
 * and value checks): the policy adds to it, it does not replace it. Free text between pairs
 * gets the rules only. A JSON line that does not parse is read as logfmt, and so is the text
 * after a JSON value (`{"a":1} ssn=…`).
 *
 * Failing closed where the line is ambiguous:
 * - an ignored value drops only the spans wholly inside it: a secret that crosses its edge is
 *   still masked, the part inside it included;
 * - an ignored bare logfmt value ends at the first `,` `;` `&` or `=` (`trace=abc&token=…`
 *   keeps `abc` only), and an ignored quoted value without its closing quote ignores nothing;
 * - containers nested deeper than `MAX_JSON_DEPTH` are not judged key by key: their strings
 *   take their holder's mode, and with `allowedKeys` an inspected holder's become `unlisted`.
 *
 * PERF: only `ignoredKeys` → only lines that have spans are read; with `sensitiveKeys` or
 * `allowedKeys` every line is (they name keys the prefilter cannot know). No policy: never called.
 */
import type { Span } from '../matcher/span.js';
import { resolveOverlaps } from '../matcher/span.js';
import type { KeyPolicy } from './keyPolicy.js';

/** How a line value is treated: see the module doc. */
type LineMode = 'inspect' | 'sensitive' | 'unlisted' | 'ignored';

const enum C { Tab = 9, Nl = 10, Cr = 13, Space = 32, Quote = 34, Comma = 44, Minus = 45, Colon = 58, Eq = 61, LBracket = 91, Backslash = 92, RBracket = 93, LBrace = 123, RBrace = 125 }

/** Containers nested deeper than this are read flat (`JsonLine.deep`), not key by key. */
const MAX_JSON_DEPTH = 64;

/** Rule indexes of the policy's own masks, after the matcher's rules. */
export interface PolicyRules {
  readonly sensitive: number;
  readonly unlisted: number;
}

/** What the policy found on one buffer: values to mask, ranges whose spans are dropped. */
interface Found {
  readonly masks: Span[];
  readonly ignored: number[]; // start, end pairs
}

function isSpace(c: number | undefined): boolean {
  return c === C.Space || c === C.Tab || c === C.Cr;
}

/** The line mode under `key` whose holder is in `mode`. */
function modeOf(policy: KeyPolicy, key: string, mode: LineMode): LineMode {
  const verdict = policy.lineVerdict(key);
  if (verdict === 'ignored') return 'ignored';
  if (mode === 'sensitive' || verdict === 'sensitive') return 'sensitive';
  return verdict === 'unlisted' ? 'unlisted' : 'inspect';
}

/** A JSON reader over `buf[i, end)` that reports values by mode; throws `SyntaxError` on anything else. */
class JsonLine {
  i: number;
  constructor(private readonly buf: Buffer, start: number, private readonly end: number, private readonly policy: KeyPolicy, private readonly rules: PolicyRules, private readonly found: Found) {
    this.i = start;
  }

  private ws(): void {
    while (this.i < this.end && isSpace(this.buf[this.i])) this.i++;
  }

  /** The end (index of the closing quote) of the string whose opening quote is at `this.i`. */
  private stringEnd(): number {
    let j = this.i + 1;
    while (j < this.end) {
      const c = this.buf[j]!;
      if (c === C.Backslash) j += 2;
      else if (c === C.Quote) return j;
      else j++;
    }
    throw new SyntaxError('unterminated string');
  }

  value(mode: LineMode, depth: number): void {
    this.ws();
    const start = this.i;
    const c = this.buf[this.i];
    if (c === C.Quote) {
      const close = this.stringEnd();
      this.i = close + 1;
      this.report(mode, start + 1, close);
      return;
    }
    if ((c === C.LBrace || c === C.LBracket) && depth > MAX_JSON_DEPTH) return this.deep(mode);
    if (c === C.LBrace) return this.object(mode, depth);
    if (c === C.LBracket) return this.array(mode, depth);
    // number, true, false, null: left as they are (a mask would not be JSON).
    while (this.i < this.end) {
      const d = this.buf[this.i]!;
      if (d === C.Comma || d === C.RBrace || d === C.RBracket || isSpace(d)) break;
      this.i++;
    }
    if (this.i === start) throw new SyntaxError('value expected');
    if (mode === 'ignored') this.found.ignored.push(start, this.i);
  }

  /**
   * A container too deep to judge key by key (no recursion: a line of 100 000 `[` is read in
   * one loop). Fail closed: every string value in it takes `mode`, and with `allowedKeys` an
   * inspected one is `unlisted` (its key was never compared with the list). Keys stay.
   */
  private deep(mode: LineMode): void {
    const m: LineMode = mode === 'inspect' && this.policy.allowList ? 'unlisted' : mode;
    let level = 0;
    do {
      const c = this.buf[this.i];
      if (c === C.Quote) {
        const close = this.stringEnd();
        let j = close + 1;
        while (j < this.end && isSpace(this.buf[j])) j++;
        if (this.buf[j] !== C.Colon) this.report(m, this.i + 1, close);
        this.i = close + 1;
        continue;
      }
      if (c === C.LBrace || c === C.LBracket) level++;
      else if (c === C.RBrace || c === C.RBracket) level--;
      this.i++;
    } while (level > 0 && this.i < this.end);
    if (level !== 0) throw new SyntaxError('unterminated container');
  }

  private report(mode: LineMode, start: number, end: number): void {
    if (mode === 'ignored') this.found.ignored.push(start, end);
    else if (end > start && mode === 'sensitive') this.found.masks.push({ start, end, rule: this.rules.sensitive });
    else if (end > start && mode === 'unlisted') this.found.masks.push({ start, end, rule: this.rules.unlisted });
  }

  private object(mode: LineMode, depth: number): void {
    const open = this.i;
    this.i++;
    this.ws();
    if (this.buf[this.i] === C.RBrace) {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.buf[this.i] !== C.Quote) throw new SyntaxError('key expected');
      const close = this.stringEnd();
      const key = keyText(this.buf, this.i + 1, close);
      this.i = close + 1;
      this.ws();
      if (this.buf[this.i] !== C.Colon) throw new SyntaxError('colon expected');
      this.i++;
      const valueStart = this.i;
      const next = modeOf(this.policy, key.includes('\\') ? decodeJsonKey(key) : key, mode === 'ignored' ? 'inspect' : mode);
      this.value(next === 'ignored' ? 'ignored' : next, depth + 1);
      if (next === 'ignored') this.found.ignored.push(valueStart, this.i);
      this.ws();
      const c = this.buf[this.i];
      this.i++;
      if (c === C.RBrace) break;
      if (c !== C.Comma) throw new SyntaxError(`comma expected after the object at ${open}`);
    }
  }

  private array(mode: LineMode, depth: number): void {
    this.i++;
    this.ws();
    if (this.buf[this.i] === C.RBracket) {
      this.i++;
      return;
    }
    for (;;) {
      // An array's items are under its key: an unlisted or sensitive key masks its strings.
      this.value(mode, depth + 1);
      this.ws();
      const c = this.buf[this.i];
      this.i++;
      if (c === C.RBracket) break;
      if (c !== C.Comma) throw new SyntaxError('comma expected');
    }
  }
}

/** A JSON key with its escapes decoded (`\u0070assword` → `password`); the raw key if it is not valid. */
function decodeJsonKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/**
 * The text of a key's bytes. PERF: `Buffer#toString` costs ~200 ns a call (its dispatch, not
 * the copy) and a JSON line has a dozen keys, which made the policy 5× the cost of the rules
 * on a clean pino line; a short ASCII key is built from its char codes instead.
 */
function keyText(buf: Buffer, start: number, end: number): string {
  if (end - start > 32) return buf.toString('utf8', start, end);
  let key = '';
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x80) return buf.toString('utf8', start, end);
    key += String.fromCharCode(c);
  }
  return key;
}

/** A byte of a logfmt key (the line is read as latin1: bytes ≥ 0x80 are a UTF-8 key's). */
const KEY_BYTE = /[A-Za-z0-9_.\-@/\u0080-\u00ff]/;
/** Where an ignored bare value ends: what could separate or begin another pair inside it. */
const IGNORED_BARE_END = /[,;&=]/;

/**
 * A piece of JSON that does not parse whole: a window of a line longer than `maxLineLength`
 * (it starts and ends anywhere, mid-string included) or a truncated line. Its strings are
 * told apart from what lies between them by trying both parities of its quotes: the one where
 * every string is followed by `:` `,` `}` `]` (or the end) and at least one key is seen is the
 * JSON. Values are then judged as in `JsonLine`, with a stack of holders' modes; a value whose
 * key lies before the piece (an unknown holder) is `unlisted` with `allowedKeys` (fail
 * closed), else inspected; an unknown holder is never ignored. Returns false when neither
 * parity reads as JSON (the caller reads logfmt pairs instead).
 */
function jsonFragment(buf: Buffer, start: number, end: number, policy: KeyPolicy, rules: PolicyRules, found: Found): boolean {
  const unknown: LineMode = policy.allowList ? 'unlisted' : 'inspect';
  const first = buf.indexOf(C.Quote, start);
  if (first === -1 || first >= end) return false;
  const second = buf.indexOf(C.Quote, first + 1);
  for (const open of [first, second]) {
    if (open === -1 || open >= end) continue;
    // What lies between strings holds no `=`: a logfmt line quoting JSON is read as logfmt.
    const gap = open === first ? start : first + 1;
    if (buf.subarray(gap, open).includes(C.Eq)) continue;
    const masks = found.masks.length;
    const ignored = found.ignored.length;
    if (readFragment(buf, start, open === first ? start : first, open, end, policy, rules, found, unknown)) return true;
    found.masks.length = masks;
    found.ignored.length = ignored;
  }
  return false;
}

/** `jsonFragment` with its strings starting at `open`; `[start, head)` is the tail of a string the piece began in. */
function readFragment(buf: Buffer, start: number, head: number, open: number, end: number, policy: KeyPolicy, rules: PolicyRules, found: Found, unknown: LineMode): boolean {
  const report = (mode: LineMode, s: number, e: number) => {
    if (mode === 'ignored') found.ignored.push(s, e);
    else if (e > s && mode !== 'inspect') found.masks.push({ start: s, end: e, rule: mode === 'sensitive' ? rules.sensitive : rules.unlisted });
  };
  // Before the first string: with the second parity, the tail of a string the piece began in.
  report(unknown, start, head);
  const holders: LineMode[] = []; // the modes of the containers opened in the piece
  const holder = () => (holders.length === 0 ? unknown : holders[holders.length - 1]!);
  let pending: LineMode | undefined; // the mode of the value after a key
  let keys = 0;
  let i = open;
  while (i < end) {
    const c = buf[i]!;
    if (c === C.Quote) {
      let j = i + 1;
      while (j < end && buf[j] !== C.Quote) j += buf[j] === C.Backslash ? 2 : 1;
      if (j >= end) {
        // A string the piece ends in: judged by what it would be, a value (fail closed).
        report(pending ?? holder(), i + 1, end);
        break;
      }
      let k = j + 1;
      while (k < end && isSpace(buf[k])) k++;
      const next = buf[k];
      if (next === C.Colon) {
        const raw = keyText(buf, i + 1, j);
        const h = holder();
        pending = h === 'ignored' ? 'ignored' : modeOf(policy, raw.includes('\\') ? decodeJsonKey(raw) : raw, h === 'unlisted' ? 'inspect' : h);
        keys++;
        i = k + 1;
        continue;
      }
      if (k < end && next !== C.Comma && next !== C.RBrace && next !== C.RBracket) return false;
      report(pending ?? holder(), i + 1, j);
      pending = undefined;
      i = k;
      continue;
    }
    if (c === C.LBrace || c === C.LBracket) {
      holders.push(pending ?? holder());
      pending = undefined;
    } else if (c === C.RBrace || c === C.RBracket) {
      holders.pop();
      pending = undefined;
    } else if (c === C.Comma) pending = undefined;
    i++;
  }
  return keys > 0;
}

/** `key=value` and `key="value"` pairs of one line, logfmt style. */
function logfmtLine(buf: Buffer, start: number, end: number, policy: KeyPolicy, rules: PolicyRules, found: Found): void {
  const line = buf.toString('latin1', start, end);
  let i = 0;
  while (i < line.length) {
    const eq = line.indexOf('=', i);
    if (eq === -1) return;
    // The key: the identifier right before `=`, at the start of the line or after a space.
    let ks = eq;
    while (ks > i && KEY_BYTE.test(line[ks - 1]!)) ks--;
    const keyOk = ks < eq && (ks === 0 || isSpace(line.charCodeAt(ks - 1)));
    let vs = eq + 1;
    let ve: number;
    let next: number;
    // The extent an ignored value may have: shorter than a masked one's (fail closed).
    let ie: number;
    if (line.charCodeAt(vs) === C.Quote) {
      ve = vs + 1;
      while (ve < line.length && line.charCodeAt(ve) !== C.Quote) ve += line.charCodeAt(ve) === C.Backslash ? 2 : 1;
      vs += 1;
      // No closing quote: a masked value runs to the end of the line, an ignored one is nothing.
      ie = ve < line.length ? ve : vs;
      ve = Math.min(ve, line.length);
      next = ve + 1;
    } else {
      ve = vs;
      while (ve < line.length && !isSpace(line.charCodeAt(ve))) ve++;
      next = ve;
      ie = vs;
      while (ie < ve && !IGNORED_BARE_END.test(line[ie]!)) ie++;
    }
    if (keyOk) {
      const mode = modeOf(policy, Buffer.from(line.slice(ks, eq), 'latin1').toString('utf8'), 'inspect');
      if (mode === 'ignored') {
        if (ie > vs) found.ignored.push(start + vs, start + ie);
      } else if (ve > vs && mode !== 'inspect') found.masks.push({ start: start + vs, end: start + ve, rule: mode === 'sensitive' ? rules.sensitive : rules.unlisted });
      i = next;
    } else i = eq + 1;
  }
}

/** Whether a line (its first non-blank byte) looks like a JSON object or array. */
function jsonObjectAt(buf: Buffer, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(buf[i])) i++;
  return i < end && (buf[i] === C.LBrace || buf[i] === C.LBracket) ? i : -1;
}

/** The policy's findings on one line `buf[start, end)`. */
function scanLine(buf: Buffer, start: number, end: number, policy: KeyPolicy, rules: PolicyRules, found: Found): void {
  const open = jsonObjectAt(buf, start, end);
  if (open !== -1) {
    const masks = found.masks.length;
    const ignored = found.ignored.length;
    try {
      const reader = new JsonLine(buf, open, end, policy, rules, found);
      reader.value('inspect', 0);
      // Text after the value (`{"a":1} ssn=…`) has its pairs read like any other line's.
      if (reader.i < end) logfmtLine(buf, reader.i, end, policy, rules, found);
      return;
    } catch {
      // Not JSON after all: undo, and read it as a piece of JSON, else as logfmt.
      found.masks.length = masks;
      found.ignored.length = ignored;
    }
  }
  if ((policy.allowList || policy.extraSensitive) && jsonFragment(buf, start, end, policy, rules, found)) return;
  logfmtLine(buf, start, end, policy, rules, found);
}

/**
 * `spans` of `buf` (sorted, merged) with the policy applied: spans inside ignored values
 * dropped, sensitive and unlisted values added (merged with what the rules found).
 * `everyLine`: read every line (sensitiveKeys or allowedKeys); else only lines with spans.
 */
export function applyLinePolicy(buf: Buffer, spans: readonly Span[], policy: KeyPolicy, rules: PolicyRules, everyLine: boolean): readonly Span[] {
  if (!everyLine && spans.length === 0) return spans;
  const found: Found = { masks: [], ignored: [] };
  let s = 0;
  for (let start = 0; start <= buf.length;) {
    let end = buf.indexOf(C.Nl, start);
    if (end === -1) end = buf.length;
    // Lines without a span need reading only for sensitive/unlisted values.
    while (s < spans.length && spans[s]!.end <= start) s++;
    const hasSpan = s < spans.length && spans[s]!.start < end;
    if (end > start && (everyLine || hasSpan)) scanLine(buf, start, end, policy, rules, found);
    start = end + 1;
  }
  if (found.masks.length === 0 && found.ignored.length === 0) return spans;
  let kept: Span[] = spans as Span[];
  if (found.ignored.length > 0) {
    const ig = found.ignored;
    // Wholly inside: a span that crosses an ignored value's edge is kept (fail closed).
    const inIgnored = (sp: Span) => {
      for (let k = 0; k < ig.length; k += 2) if (sp.start >= ig[k]! && sp.end <= ig[k + 1]!) return true;
      return false;
    };
    kept = spans.filter((sp) => !inIgnored(sp));
    found.masks.splice(0, found.masks.length, ...found.masks.filter((sp) => !inIgnored(sp)));
  }
  return found.masks.length === 0 ? kept : resolveOverlaps([...kept, ...found.masks]);
}
