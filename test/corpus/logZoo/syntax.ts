/**
 * Structured values and the syntaxes programs print them in: JSON (with each runtime's
 * escaping), logfmt (go-kit's and logrus's quoting rules), Python repr, Ruby inspect, Go's
 * %+v / %#v / map[...] prints, Java toString() styles and Node's util.inspect. Values are
 * labelled fragments, so a secret keeps its label through every quoting and escaping.
 */
import { dqEscape, f, type Frag, frag, jsonEscape, join, mapText, type Part, pyReprEscape, type Run, textOf } from './fragment.js';

export type Scalar = Frag | string | number | boolean | null;
export interface Obj {
  readonly obj: readonly Field[];
  /** Type name for reprs that print one (Java, Go %#v). */
  readonly type?: string;
}
export interface Arr {
  readonly arr: readonly Value[];
}
export type Value = Scalar | Obj | Arr;
export interface Field {
  readonly key: Frag | string;
  readonly value: Value;
}

export const kv = (key: Frag | string | Run, value: Value | Run): Field => ({ key: toFrag(key), value: isRunValue(value) ? [value] : value });
export const obj = (fields: readonly Field[], type?: string): Obj => (type === undefined ? { obj: fields } : { obj: fields, type });
export const arr = (...values: Value[]): Arr => ({ arr: values });

function toFrag(k: Frag | string | Run): Frag | string {
  return typeof k === 'string' || Array.isArray(k) ? (k as Frag | string) : [k as Run];
}
function isRunValue(v: unknown): v is Run {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Run).text === 'string';
}
export const isObj = (v: Value): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && 'obj' in v;
export const isArr = (v: Value): v is Arr => typeof v === 'object' && v !== null && !Array.isArray(v) && 'arr' in v;
/** A string-like value (plain or labelled), as a fragment. */
export const isText = (v: Value): v is Frag | string => typeof v === 'string' || Array.isArray(v);
const asFrag = (v: Frag | string): Frag => (typeof v === 'string' ? frag(v) : v);

/** Applies a name transform to a key, keeping its label when it is one run. */
export function mapKey(key: Frag | string, fn: (s: string) => string): Frag {
  const k = asFrag(key);
  return k.length === 1 ? [{ ...k[0]!, text: fn(k[0]!.text) }] : k;
}

// ---- JSON ----

export interface JsonStyle {
  readonly esc: (s: string) => string;
  /** `:` or `: ` (Python's json.dumps) */
  readonly colon: string;
  /** `,` or `, ` */
  readonly comma: string;
}
export const JSON_COMPACT: JsonStyle = { esc: jsonEscape, colon: ':', comma: ',' };
export const jsonStyle = (esc: (s: string) => string, spaced = false): JsonStyle => ({ esc, colon: spaced ? ': ' : ':', comma: spaced ? ', ' : ',' });

export function json(v: Value, st: JsonStyle = JSON_COMPACT): Frag {
  if (v === null) return frag('null');
  if (typeof v === 'number' || typeof v === 'boolean') return frag(String(v));
  if (isText(v)) return f`"${mapText(v, st.esc)}"`;
  if (isArr(v)) return f`[${join(v.arr.map((x) => json(x, st)), st.comma)}]`;
  return f`{${jsonMembers(v.obj, st)}}`;
}

/** `"k":v,"k2":v2` without the braces, to splice into a logger's own object. */
export function jsonMembers(fields: readonly Field[], st: JsonStyle = JSON_COMPACT): Frag {
  return join(fields.map((x) => f`"${mapText(x.key, st.esc)}"${st.colon}${json(x.value, st)}`), st.comma);
}

// ---- logfmt ----

/** go-kit/logfmt: quote when the value has a space, `=`, `"` or a control character. */
const logfmtNeedsQuote = (s: string) => s === '' || /[\s="\\\x00-\x1f]/.test(s);
/** logrus: quote anything outside [A-Za-z0-9-._/@^+]. */
const logrusNeedsQuote = (s: string) => s === '' || /[^A-Za-z0-9\-._/@^+]/.test(s);

export type LogfmtStyle = 'logfmt' | 'logrus';

export function logfmtValue(v: Frag | string, style: LogfmtStyle = 'logfmt'): Frag {
  const needs = style === 'logrus' ? logrusNeedsQuote : logfmtNeedsQuote;
  return needs(textOf(v)) ? f`"${mapText(v, (s) => jsonEscape(s))}"` : asFrag(v);
}

/** Flattens nested objects into dotted keys. */
export function flatten(fields: readonly Field[], prefix: Frag = []): { key: Frag; value: Scalar | Arr }[] {
  const out: { key: Frag; value: Scalar | Arr }[] = [];
  for (const x of fields) {
    const key = prefix.length ? f`${prefix}.${asFrag(x.key)}` : asFrag(x.key);
    if (isObj(x.value)) out.push(...flatten(x.value.obj, key));
    else out.push({ key, value: x.value });
  }
  return out;
}

function scalarText(v: Scalar | Arr): Frag {
  if (v === null) return frag('<nil>');
  if (typeof v === 'number' || typeof v === 'boolean') return frag(String(v));
  if (isText(v)) return asFrag(v);
  return f`[${join(v.arr.map((x) => scalarText(x as Scalar)), ' ')}]`;
}

export function logfmt(fields: readonly Field[], style: LogfmtStyle = 'logfmt'): Frag {
  return join(flatten(fields).map(({ key, value }) => f`${key}=${logfmtValue(scalarText(value), style)}`), ' ');
}

// ---- Python repr ----

function pyStr(v: Frag | string): Frag {
  const t = textOf(v);
  // repr() picks double quotes when the text has a single quote and no double quote
  if (t.includes("'") && !t.includes('"')) return f`"${mapText(v, (s) => s.replace(/\\/g, '\\\\'))}"`;
  return f`'${mapText(v, pyReprEscape)}'`;
}

export function pythonRepr(v: Value): Frag {
  if (v === null) return frag('None');
  if (typeof v === 'boolean') return frag(v ? 'True' : 'False');
  if (typeof v === 'number') return frag(String(v));
  if (isText(v)) return pyStr(v);
  if (isArr(v)) return f`[${join(v.arr.map(pythonRepr), ', ')}]`;
  return f`{${join(v.obj.map((x) => f`${pyStr(x.key)}: ${pythonRepr(x.value)}`), ', ')}}`;
}

// ---- Ruby inspect ----

export type RubyStyle = 'rocket' | 'symbol-rocket' | 'ruby34';

function rbStr(v: Frag | string): Frag {
  return f`"${mapText(v, (s) => dqEscape(s).replace(/#(?=[{$@])/g, '\\#'))}"`;
}

export function rubyInspect(v: Value, style: RubyStyle = 'rocket'): Frag {
  if (v === null) return frag('nil');
  if (typeof v === 'number' || typeof v === 'boolean') return frag(String(v));
  if (isText(v)) return rbStr(v);
  if (isArr(v)) return f`[${join(v.arr.map((x) => rubyInspect(x, style)), ', ')}]`;
  const pair = (x: Field): Frag => {
    const val = rubyInspect(x.value, style);
    const simple = /^[a-z_][A-Za-z0-9_]*$/.test(textOf(x.key));
    if (style === 'symbol-rocket' && simple) return f`:${asFrag(x.key)}=>${val}`;
    if (style === 'ruby34') return simple ? f`${asFrag(x.key)}: ${val}` : f`${rbStr(x.key)} => ${val}`;
    return f`${rbStr(x.key)}=>${val}`;
  };
  return f`{${join(v.obj.map(pair), ', ')}}`;
}

// ---- Go ----

const exported = (s: string) => s.replace(/^[a-z]/, (c) => c.toUpperCase()).replace(/[_-]([a-z])/g, (_m, c: string) => c.toUpperCase());

/** fmt's %+v: {Host:db Port:5432 Password:x}, strings unquoted. */
export function goPlusV(v: Value): Frag {
  if (v === null) return frag('<nil>');
  if (typeof v === 'number' || typeof v === 'boolean') return frag(String(v));
  if (isText(v)) return asFrag(v);
  if (isArr(v)) return f`[${join(v.arr.map(goPlusV), ' ')}]`;
  return f`{${join(v.obj.map((x) => f`${mapKey(x.key, exported)}:${goPlusV(x.value)}`), ' ')}}`;
}

/** fmt's %#v: config.DB{Host:"db", Port:5432, Password:"x"}. */
export function goSharpV(v: Value, type = 'main.Config'): Frag {
  if (v === null) return frag('(*string)(nil)');
  if (typeof v === 'number' || typeof v === 'boolean') return frag(String(v));
  if (isText(v)) return f`"${mapText(v, dqEscape)}"`;
  if (isArr(v)) return f`[]string{${join(v.arr.map((x) => goSharpV(x)), ', ')}}`;
  return f`${v.type ?? type}{${join(v.obj.map((x) => f`${mapKey(x.key, exported)}:${goSharpV(x.value, `main.${exported(textOf(x.key))}`)}`), ', ')}}`;
}

/** fmt's %v of a map: map[k:v k2:v2], keys sorted; http.Header values are slices: map[Authorization:[Bearer x]]. */
export function goMap(fields: readonly Field[]): Frag {
  const sorted = [...fields].sort((a, b) => (textOf(a.key) < textOf(b.key) ? -1 : 1));
  return f`map[${join(sorted.map((x) => f`${asFrag(x.key)}:${goPlusV(x.value)}`), ' ')}]`;
}

// ---- Java ----

export type JavaStyle = 'intellij' | 'lombok' | 'record' | 'guava';

export function javaToString(o: Obj, style: JavaStyle, type = o.type ?? 'Config'): Frag {
  const val = (v: Value, name: string): Frag => {
    if (v === null) return frag('null');
    if (typeof v === 'number' || typeof v === 'boolean') return frag(String(v));
    if (isText(v)) return style === 'intellij' ? f`'${asFrag(v)}'` : asFrag(v);
    if (isArr(v)) return f`[${join(v.arr.map((x) => val(x, name)), ', ')}]`;
    return javaToString(v, style, v.type ?? exported(name));
  };
  const body = join(o.obj.map((x) => f`${asFrag(x.key)}=${val(x.value, textOf(x.key))}`), ', ');
  if (style === 'lombok') return f`${type}(${body})`;
  if (style === 'record') return f`${type}[${body}]`;
  return f`${type}{${body}}`;
}

// ---- Node ----

function nodeStr(v: Frag | string): Frag {
  const t = textOf(v);
  if (t.includes("'") && !t.includes('"')) return f`"${mapText(v, (s) => s.replace(/\\/g, '\\\\'))}"`;
  return f`'${mapText(v, (s) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'"))}'`;
}

/** util.inspect: { url: 'https://…', headers: { Authorization: 'Bearer …' }, timeout: 5000 } */
export function nodeInspect(v: Value): Frag {
  if (v === null) return frag('null');
  if (typeof v === 'number' || typeof v === 'boolean') return frag(String(v));
  if (isText(v)) return nodeStr(v);
  if (isArr(v)) return v.arr.length ? f`[ ${join(v.arr.map(nodeInspect), ', ')} ]` : frag('[]');
  if (!v.obj.length) return frag('{}');
  const key = (k: Frag | string): Frag => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(textOf(k)) ? asFrag(k) : nodeStr(k));
  return f`{ ${join(v.obj.map((x) => f`${key(x.key)}: ${nodeInspect(x.value)}`), ', ')} }`;
}

/** A Frag from any part, for callers that build values from mixed pieces. */
export const value = (...parts: Part[]): Frag => frag(...parts);
