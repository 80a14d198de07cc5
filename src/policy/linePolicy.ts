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
 * gets the rules only. A JSON line that does not parse is read as logfmt.
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

/** Nesting deeper than this stops the JSON reading of a line (it is read as logfmt instead). */
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
    if (depth > MAX_JSON_DEPTH) throw new SyntaxError('too deep');
    this.ws();
    const start = this.i;
    const c = this.buf[this.i];
    if (c === C.Quote) {
      const close = this.stringEnd();
      this.i = close + 1;
      this.report(mode, start + 1, close);
      return;
    }
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

const KEY_BYTE = /[A-Za-z0-9_.\-@/]/;

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
    if (line.charCodeAt(vs) === C.Quote) {
      ve = vs + 1;
      while (ve < line.length && line.charCodeAt(ve) !== C.Quote) ve += line.charCodeAt(ve) === C.Backslash ? 2 : 1;
      vs += 1;
      ve = Math.min(ve, line.length);
      next = ve + 1;
    } else {
      ve = vs;
      while (ve < line.length && !isSpace(line.charCodeAt(ve))) ve++;
      next = ve;
    }
    if (keyOk) {
      const mode = modeOf(policy, Buffer.from(line.slice(ks, eq), 'latin1').toString('utf8'), 'inspect');
      if (mode === 'ignored') found.ignored.push(start + vs, start + ve);
      else if (ve > vs && mode !== 'inspect') found.masks.push({ start: start + vs, end: start + ve, rule: mode === 'sensitive' ? rules.sensitive : rules.unlisted });
      i = next;
    } else i = eq + 1;
  }
}

/** Whether a line (its first non-blank byte) looks like a JSON object. */
function jsonObjectAt(buf: Buffer, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(buf[i])) i++;
  return i < end && buf[i] === C.LBrace ? i : -1;
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
      return;
    } catch {
      // Not JSON after all: undo, and read it as logfmt.
      found.masks.length = masks;
      found.ignored.length = ignored;
    }
  }
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
    const inIgnored = (sp: Span) => {
      for (let k = 0; k < ig.length; k += 2) if (sp.start < ig[k + 1]! && sp.end > ig[k]!) return true;
      return false;
    };
    kept = spans.filter((sp) => !inIgnored(sp));
    found.masks.splice(0, found.masks.length, ...found.masks.filter((sp) => !inIgnored(sp)));
  }
  return found.masks.length === 0 ? kept : resolveOverlaps([...kept, ...found.masks]);
}
