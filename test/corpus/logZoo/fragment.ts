/**
 * Labelled text. A line is built from fragments: runs of text, some of them marked as a
 * secret (must be gone from the redacted line) or a survivor (must stay byte for byte).
 * Escaping (JSON, `\/`, `\uXXXX`, XML entities, percent-encoding) is applied per run, so a
 * label always names the text exactly as it appears in the finished line.
 *
 * Start with the `f` template tag: f`password=${secret(pw, 'classic')} user=${keep('alice')}`.
 */

/** What kind of leak a secret stands for (see the README of issue 12 for the classes). */
export type SecretClass =
  | 'classic'
  | 'colon-bare'
  | 'cli'
  | 'markup'
  | 'escaping'
  | 'key-names'
  | 'punctuation'
  | 'connection'
  | 'provider-keyed'
  | 'repeat'
  | 'pem'
  | 'long-tail';

export const SECRET_CLASSES: readonly SecretClass[] = [
  'classic', 'colon-bare', 'cli', 'markup', 'escaping', 'key-names', 'punctuation', 'connection', 'provider-keyed', 'repeat', 'pem', 'long-tail',
];

/** What a hard-negative line tempts a detector with. */
export type FpClass =
  | 'pwd-env'
  | 'path'
  | 'timestamp'
  | 'number'
  | 'boolean'
  | 'placeholder'
  | 'masked'
  | 'object-id'
  | 'reverse-dns'
  | 'token-type'
  | 'header-name'
  | 'digest-id'
  | 'uuid-id'
  | 'key-nonsecret'
  | 'author'
  | 'nlp-tokens'
  | 'policy'
  | 'secret-ref'
  | 'public-key';

export interface Run {
  readonly text: string;
  readonly label?: 'secret' | 'keep';
  readonly cls?: SecretClass;
}

export type Frag = readonly Run[];

/** Anything the `f` tag accepts between its literal parts. */
export type Part = string | number | boolean | Run | Frag;

export function secret(text: string, cls: SecretClass): Run {
  return { text, label: 'secret', cls };
}

export function keep(text: string): Run {
  return { text, label: 'keep' };
}

export function isRun(p: unknown): p is Run {
  return typeof p === 'object' && p !== null && !Array.isArray(p) && typeof (p as Run).text === 'string';
}

/** Flattens parts into one fragment. */
export function frag(...parts: readonly Part[]): Frag {
  const out: Run[] = [];
  for (const p of parts) {
    if (typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean') {
      const text = String(p);
      if (text !== '') out.push({ text });
    } else if (isRun(p)) {
      if (p.text !== '') out.push(p);
    } else {
      for (const r of p) if (r.text !== '') out.push(r);
    }
  }
  return out;
}

/** Template tag: literal text with labelled runs and fragments interpolated. */
export function f(strings: TemplateStringsArray, ...parts: readonly Part[]): Frag {
  const all: Part[] = [];
  strings.forEach((s, i) => {
    all.push(s);
    if (i < parts.length) all.push(parts[i]!);
  });
  return frag(...all);
}

/** Joins fragments with a separator. */
export function join(xs: readonly Frag[], sep: string): Frag {
  const parts: Part[] = [];
  xs.forEach((x, i) => {
    if (i > 0) parts.push(sep);
    parts.push(x);
  });
  return frag(...parts);
}

/** Applies a per-character escape to every run, keeping the labels. */
export function mapText(x: Frag | string, fn: (s: string) => string): Frag {
  const runs = typeof x === 'string' ? frag(x) : x;
  return runs.map((r) => ({ ...r, text: fn(r.text) }));
}

/** The plain text of a fragment. */
export function textOf(x: Frag | string): string {
  return typeof x === 'string' ? x : x.map((r) => r.text).join('');
}

/** Whether a fragment carries a secret. */
export function hasSecret(x: Frag): boolean {
  return x.some((r) => r.label === 'secret');
}

/** Relabels every secret run with another class (a value that reappears is a `repeat`). */
export function relabel(x: Frag, cls: SecretClass): Frag {
  return x.map((r) => (r.label === 'secret' ? { ...r, cls } : r));
}

/** Drops the labels (text that is neither a secret nor a checked survivor). */
export function unlabel(x: Frag): Frag {
  return x.map((r) => ({ text: r.text }));
}

// ---- escapes (each maps one character at a time, so labels stay exact) ----

/** JSON string escaping as JSON.stringify does it (without the quotes). */
export function jsonEscape(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** PHP's json_encode (and Monolog 1.x): also `/` → `\/`, non-ASCII → `\uXXXX`. */
export function phpJsonEscape(s: string): string {
  return asciiEscape(jsonEscape(s)).replace(/\//g, '\\/');
}

/** Go's encoding/json: also `<`, `>`, `&` → `\u003c`, `\u003e`, `\u0026`. */
export function goJsonEscape(s: string): string {
  return jsonEscape(s).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** .NET System.Text.Json's default encoder: HTML-sensitive characters, `+`, `'` and non-ASCII as `\uXXXX`. */
export function dotnetJsonEscape(s: string): string {
  return asciiEscape(jsonEscape(s).replace(/\\"/g, '\\u0022')).replace(/[<>&'+`]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Python's json.dumps with ensure_ascii (the default): non-ASCII as `\uXXXX`. */
export function pyJsonEscape(s: string): string {
  return asciiEscape(jsonEscape(s));
}

function asciiEscape(s: string): string {
  return s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** XML text and attribute escaping. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A Python str repr body in single quotes. */
export function pyReprEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n');
}

/** A Ruby / Go double-quoted string body. */
export function dqEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Percent-encoding of URL userinfo and query values (RFC 3986 unreserved kept). */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Form encoding (`application/x-www-form-urlencoded`): spaces as `+`. */
export function formEncode(s: string): string {
  return percentEncode(s).replace(/%20/g, '+');
}
