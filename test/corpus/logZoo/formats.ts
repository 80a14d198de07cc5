/**
 * One function per log format. Application loggers ("envelopes") take an event — a level, a
 * message and structured fields — and print it the way that library does by default; config
 * and environment dumps print one setting per line; reprs print an object inside a line of
 * the language's usual logger. HTTP, shell, SQL and XML payloads live in `wire.ts`.
 */
import { dotnetJsonEscape, f, type FpClass, type Frag, frag, goJsonEscape, jsonEscape, join, mapText, phpJsonEscape, pyJsonEscape, type Run, textOf, xmlEscape } from './fragment.js';
import type { Rng } from './random.js';
import {
  type Field, flatten, goMap, goPlusV, goSharpV, isText, type JavaStyle, javaToString, json, jsonMembers, jsonStyle, logfmt, logfmtValue,
  mapKey, nodeInspect, obj, type Obj, pythonRepr, rubyInspect, type RubyStyle, type Scalar,
} from './syntax.js';
import * as ts from './timestamps.js';
import * as w from './world.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Event {
  readonly level?: Level;
  readonly msg: Frag | string;
  readonly fields?: readonly Field[];
}

/** A formatted line and the name of its format. */
export interface Rendered {
  readonly format: string;
  readonly line: Frag;
  /** The hard-negative class a clean line stands for. */
  readonly fpClass?: FpClass;
  /** Its secrets can only be found with what earlier lines showed (PEM body lines, a value seen before). */
  readonly needsState?: true;
}

type Envelope = (r: Rng, ev: Event) => Frag;

const msgOf = (ev: Event): Frag => (typeof ev.msg === 'string' ? frag(ev.msg) : ev.msg);
const fieldsOf = (ev: Event): readonly Field[] => ev.fields ?? [];
const lvl = (ev: Event): Level => ev.level ?? 'info';
const UPPER_LEVEL: Record<Level, string> = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };
const micro = (r: Rng) => r.int(1000);

/** ` k=v k2="v 2"` after a text message, or nothing. */
const kvTail = (fields: readonly Field[]): Frag => (fields.length ? f` ${logfmt(fields)}` : []);

const pinoLevel: Record<Level, number> = { debug: 20, info: 30, warn: 40, error: 50 };

export const ENVELOPES: Record<string, Envelope> = {
  pino: (r, ev) => {
    const fields = jsonMembers(fieldsOf(ev));
    return f`{"level":${pinoLevel[lvl(ev)]},"time":${r.now},"pid":${w.pid(r)},"hostname":"${w.hostname(r)}",${r.chance(0.5) ? f`"reqId":"${w.requestId(r)}",` : ''}${fields.length ? f`${fields},` : ''}"msg":"${mapText(msgOf(ev), jsonEscape)}"}`;
  },
  bunyan: (r, ev) => {
    const fields = jsonMembers(fieldsOf(ev));
    return f`{"name":"${w.service(r)}","hostname":"${w.hostname(r)}","pid":${w.pid(r)},"level":${pinoLevel[lvl(ev)]},${fields.length ? f`${fields},` : ''}"msg":"${mapText(msgOf(ev), jsonEscape)}","time":"${ts.iso(r.now)}","v":0}`;
  },
  'winston-json': (r, ev) => {
    const fields = jsonMembers(fieldsOf(ev));
    return f`{"level":"${lvl(ev)}","message":"${mapText(msgOf(ev), jsonEscape)}",${fields.length ? f`${fields},` : ''}"service":"${w.service(r)}","timestamp":"${ts.iso(r.now)}"}`;
  },
  'winston-printf': (r, ev) => {
    const fields = fieldsOf(ev);
    return f`${ts.iso(r.now)} [${w.service(r)}] ${lvl(ev)}: ${msgOf(ev)}${fields.length ? f` ${json(obj(fields))}` : ''}`;
  },
  'zap-json': (r, ev) => {
    const fields = jsonMembers(fieldsOf(ev));
    return f`{"level":"${lvl(ev)}","ts":${ts.epochFloat(r.now, micro(r))},"caller":"${w.goCaller(r)}","msg":"${mapText(msgOf(ev), jsonEscape)}"${fields.length ? f`,${fields}` : ''}}`;
  },
  'zap-console': (r, ev) => {
    const fields = fieldsOf(ev);
    return f`${ts.iso(r.now)}\t${UPPER_LEVEL[lvl(ev)]}\t${w.goCaller(r)}\t${msgOf(ev)}${fields.length ? f`\t${json(obj(fields))}` : ''}`;
  },
  'logrus-text': (r, ev) => {
    const level = lvl(ev) === 'warn' ? 'warning' : lvl(ev);
    const fields = [...fieldsOf(ev)].sort((a, b) => (textOf(a.key) < textOf(b.key) ? -1 : 1));
    return f`time="${ts.isoSeconds(r.now)}" level=${level} msg=${logfmtValue(msgOf(ev), 'logrus')}${fields.length ? f` ${logfmt(fields, 'logrus')}` : ''}`;
  },
  'logrus-json': (r, ev) => {
    const level = lvl(ev) === 'warn' ? 'warning' : lvl(ev);
    const all = [...fieldsOf(ev), { key: 'level', value: level }, { key: 'msg', value: msgOf(ev) }, { key: 'time', value: ts.isoSeconds(r.now) }].sort((a, b) =>
      textOf(a.key) < textOf(b.key) ? -1 : 1,
    );
    return json(obj(all), jsonStyle(goJsonEscape));
  },
  'structlog-json': (r, ev) => {
    const st = jsonStyle(pyJsonEscape, true);
    const fields = jsonMembers(fieldsOf(ev), st);
    return f`{"event": "${mapText(msgOf(ev), pyJsonEscape)}", ${fields.length ? f`${fields}, ` : ''}"level": "${lvl(ev) === 'warn' ? 'warning' : lvl(ev)}", "logger": "${w.pyModule(r)}", "timestamp": "${ts.isoMicro(r.now, micro(r))}"}`;
  },
  'structlog-console': (r, ev) => {
    const m = msgOf(ev);
    const pad = ' '.repeat(Math.max(1, 31 - textOf(m).length));
    const fields = flatten(fieldsOf(ev)).map(({ key, value }) => f`${key}=${isText(value) ? value : String(value)}`);
    return f`${ts.iso(r.now).slice(0, 19).replace('T', ' ')} [${(lvl(ev) === 'warn' ? 'warning' : lvl(ev)).padEnd(9)}] ${m}${fields.length ? f`${pad}${join(fields, ' ')}` : ''}`;
  },
  monolog: (r, ev) => {
    const st = jsonStyle(phpJsonEscape);
    const channel = r.pick(['app', 'request', 'security', 'doctrine', 'laravel', 'production']);
    const level = ({ debug: 'DEBUG', info: 'INFO', warn: 'WARNING', error: 'ERROR' } as Record<Level, string>)[lvl(ev)];
    if (r.chance(0.5)) {
      const fields = fieldsOf(ev);
      return f`[${ts.isoOffset(r.now, micro(r))}] ${channel}.${level}: ${msgOf(ev)} ${fields.length ? json(obj(fields), st) : '[]'} []`;
    }
    const code = { debug: 100, info: 200, warn: 300, error: 400 }[lvl(ev)];
    return f`{"message":"${mapText(msgOf(ev), phpJsonEscape)}","context":${json(obj(fieldsOf(ev)), st)},"level":${code},"level_name":"${level}","channel":"${channel}","datetime":"${mapText(ts.isoOffset(r.now, micro(r)), phpJsonEscape)}","extra":{}}`;
  },
  log4j: (r, ev) => {
    const cls = r.pick(w.JAVA_CLASSES);
    return f`${ts.log4j(r.now)} ${UPPER_LEVEL[lvl(ev)].padEnd(5)} [${w.javaThread(r)}] ${w.abbreviate(cls)} - ${msgOf(ev)}${kvTail(fieldsOf(ev))}`;
  },
  'spring-boot': (r, ev) => {
    const cls = w.abbreviate(r.pick(w.JAVA_CLASSES)).slice(-39).padEnd(40);
    const thread = w.javaThread(r).slice(-15).padStart(15);
    return f`${ts.iso(r.now)} ${UPPER_LEVEL[lvl(ev)].padStart(5)} ${r.range(1, 9)} --- [${w.service(r)}] [${thread}] ${cls}: ${msgOf(ev)}${kvTail(fieldsOf(ev))}`;
  },
  rails: (r, ev) => {
    const level = UPPER_LEVEL[lvl(ev)];
    const fields = fieldsOf(ev);
    return f`${level.charAt(0)}, [${ts.isoMicro(r.now, micro(r)).slice(0, -1)} #${w.pid(r)}] ${level.padStart(5)} -- : [${r.uuid()}] ${msgOf(ev)}${fields.length ? f` ${rubyInspect(obj(fields))}` : ''}`;
  },
  django: (r, ev) => {
    const fields = fieldsOf(ev);
    return f`${UPPER_LEVEL[lvl(ev)]} ${ts.log4j(r.now)} ${w.pyModule(r).split('.').pop() ?? 'views'} ${w.pid(r)} ${r.range(139_000_000_000_000, 140_999_999_999_999)} ${msgOf(ev)}${fields.length ? f` ${pythonRepr(obj(fields))}` : ''}`;
  },
  'python-logging': (r, ev) => {
    const fields = fieldsOf(ev);
    const tail = fields.length ? f` ${pythonRepr(obj(fields))}` : [];
    return r.chance(0.4)
      ? f`${UPPER_LEVEL[lvl(ev)] === 'WARN' ? 'WARNING' : UPPER_LEVEL[lvl(ev)]}:${w.pyModule(r)}:${msgOf(ev)}${tail}`
      : f`${ts.log4j(r.now)} - ${w.pyModule(r)} - ${UPPER_LEVEL[lvl(ev)] === 'WARN' ? 'WARNING' : UPPER_LEVEL[lvl(ev)]} - ${msgOf(ev)}${tail}`;
  },
  syslog: (r, ev) => f`${ts.syslog(r.now)} ${w.hostname(r)} ${r.pick([...w.SERVICES, 'app', 'node', 'gunicorn'])}[${w.pid(r)}]: ${msgOf(ev)}${kvTail(fieldsOf(ev))}`,
  journald: (r, ev) => {
    const prog = r.pick([...w.SERVICES, 'app', 'dockerd', 'kubelet']);
    if (r.chance(0.5)) return f`${ts.isoSeconds(r.now).replace('Z', '+0000')} ${w.hostname(r)} ${prog}[${w.pid(r)}]: ${msgOf(ev)}${kvTail(fieldsOf(ev))}`;
    const message = mapText(f`${msgOf(ev)}${kvTail(fieldsOf(ev))}`, jsonEscape);
    const p = w.pid(r);
    return f`{"__CURSOR":"s=${r.hex(32)};i=${r.hex(5)};b=${r.hex(32)};m=${r.hex(9)};t=${r.hex(13)};x=${r.hex(16)}","__REALTIME_TIMESTAMP":"${r.now}${String(micro(r)).padStart(3, '0')}","__MONOTONIC_TIMESTAMP":"${r.range(1e9, 9e11)}","_BOOT_ID":"${r.hex(32)}","PRIORITY":"${{ debug: 7, info: 6, warn: 4, error: 3 }[lvl(ev)]}","_UID":"${r.pick([0, 998, 1000])}","_HOSTNAME":"${w.hostname(r)}","SYSLOG_IDENTIFIER":"${prog}","_PID":"${p}","_COMM":"${prog}","MESSAGE":"${message}"}`;
  },
  logfmt: (r, ev) => f`ts=${ts.iso(r.now)} caller=${w.goCaller(r).replace(/^.*\//, '')} level=${lvl(ev)} msg=${logfmtValue(msgOf(ev))}${kvTail(fieldsOf(ev))}`,
  'go-log': (r, ev) => f`${ts.goLog(r.now)} ${msgOf(ev)}${kvTail(fieldsOf(ev))}`,
  'dotnet-console': (r, ev) => {
    const cat = r.pick(['Acme.Orders.OrderService', 'Microsoft.AspNetCore.Hosting.Diagnostics', 'Acme.Billing.Worker', 'System.Net.Http.HttpClient.Default.LogicalHandler', 'Microsoft.EntityFrameworkCore.Database.Command']);
    const short = ({ debug: 'dbug', info: 'info', warn: 'warn', error: 'fail' } as Record<Level, string>)[lvl(ev)];
    const fields = fieldsOf(ev);
    if (r.chance(0.5)) return f`${short}: ${cat}[${r.pick([0, 1, 2, 100, 20101])}] ${msgOf(ev)}${kvTail(fields)}`;
    const st = jsonStyle(dotnetJsonEscape);
    const state = jsonMembers([{ key: 'Message', value: msgOf(ev) }, ...fields], st);
    return f`{"EventId":${r.pick([0, 1, 100])},"LogLevel":"${{ debug: 'Debug', info: 'Information', warn: 'Warning', error: 'Error' }[lvl(ev)]}","Category":"${cat}","Message":"${mapText(msgOf(ev), dotnetJsonEscape)}","State":{${state}}}`;
  },
  'docker-json': (r, ev) => {
    const inner = pickInner(r);
    return f`{"log":"${mapText(ENVELOPES[inner]!(r, ev), jsonEscape)}\\n","stream":"${lvl(ev) === 'error' && r.chance(0.5) ? 'stderr' : 'stdout'}","time":"${ts.isoNano(r.now, r.int(1_000_000))}"}`;
  },
  cri: (r, ev) => f`${ts.isoNano(r.now, r.int(1_000_000))} ${lvl(ev) === 'error' ? 'stderr' : 'stdout'} F ${ENVELOPES[pickInner(r)]!(r, ev)}`,
  'github-actions': (r, ev) => f`${ts.isoGithub(r.now, r.int(10_000))} ${msgOf(ev)}${kvTail(fieldsOf(ev))}`,
  'gitlab-ci': (_r, ev) => f`${msgOf(ev)}${kvTail(fieldsOf(ev))}`,
};

/** Loggers whose lines a container runtime wraps. */
const INNER = ['pino', 'bunyan', 'winston-json', 'zap-json', 'logrus-json', 'structlog-json', 'logrus-text', 'spring-boot', 'python-logging', 'logfmt', 'winston-printf', 'rails'];
const pickInner = (r: Rng) => r.pick(INNER);

export const ENVELOPE_NAMES = Object.keys(ENVELOPES);
/** Loggers that print structured fields as JSON. */
export const JSON_ENVELOPES = ['pino', 'bunyan', 'winston-json', 'zap-json', 'logrus-json', 'structlog-json', 'monolog', 'docker-json', 'journald', 'dotnet-console'];
/** Loggers that print a message line with the fields as text. */
export const TEXT_ENVELOPES = ['winston-printf', 'zap-console', 'logrus-text', 'structlog-console', 'log4j', 'spring-boot', 'rails', 'django', 'python-logging', 'syslog', 'logfmt', 'go-log', 'github-actions', 'gitlab-ci', 'cri'];
/** Where a program's output (a command, a config dump) is captured line by line. */
export const CAPTURE_ENVELOPES = ['syslog', 'journald', 'docker-json', 'cri', 'github-actions', 'gitlab-ci'];

/** Renders `ev` with one of `names` (all envelopes by default). */
export function emit(r: Rng, ev: Event, names: readonly string[] = ENVELOPE_NAMES): Rendered {
  const format = r.pick(names);
  return { format, line: ENVELOPES[format]!(r, ev) };
}

/** Renders `ev` with the named envelope. */
export function emitAs(r: Rng, format: string, ev: Event): Rendered {
  return { format, line: ENVELOPES[format]!(r, ev) };
}

// ---- object reprs inside a line of the language's logger ----

export type Repr = 'python-repr' | 'ruby-inspect' | 'go-struct' | 'java-tostring' | 'node-inspect';
export const REPRS: readonly Repr[] = ['python-repr', 'ruby-inspect', 'go-struct', 'java-tostring', 'node-inspect'];

/** An object printed by its language's default repr, after `label` in a log line of that language. */
export function reprLine(r: Rng, repr: Repr, label: string, o: Obj, level: Level = 'debug'): Rendered {
  let body: Frag;
  let host: string;
  switch (repr) {
    case 'python-repr':
      body = pythonRepr(o);
      host = r.pick(['python-logging', 'django', 'structlog-console']);
      break;
    case 'ruby-inspect':
      body = rubyInspect(o, r.weighted<RubyStyle>([['rocket', 4], ['symbol-rocket', 1], ['ruby34', 1]]));
      host = 'rails';
      break;
    case 'go-struct': {
      const kind = r.int(3);
      body = kind === 0 ? goPlusV(o) : kind === 1 ? f`&${goPlusV(o)}` : goSharpV(o, r.pick(['config.Config', 'main.Settings', 'db.Options', '*client.Options']));
      host = r.pick(['go-log', 'zap-console', 'logrus-text']);
      break;
    }
    case 'java-tostring':
      body = javaToString(o, r.pick<JavaStyle>(['intellij', 'lombok', 'record', 'guava']), o.type ?? r.pick(['DataSourceConfig', 'SmtpSettings', 'ClientConfig', 'Credentials', 'ConnectionProperties']));
      host = r.pick(['log4j', 'spring-boot']);
      break;
    case 'node-inspect':
      body = nodeInspect(o);
      host = 'node';
      break;
  }
  const msg = f`${label}${r.pick([' ', ': ', '='])}${body}`;
  if (host === 'node') return { format: repr, line: r.chance(0.5) ? msg : f`[${ts.iso(r.now)}] ${level.toUpperCase()} ${w.nodeModule(r)}: ${msg}` };
  // the repr is the payload; keep the envelope's own fields out of it
  if (host === 'logrus-text') return { format: repr, line: f`time="${ts.isoSeconds(r.now)}" level=${level} msg=${logfmtValue(msg, 'logrus')}` };
  return { format: repr, line: ENVELOPES[host]!(r, { level, msg }) };
}

/** Go's map print of http.Header (values are slices) after a label, in a Go log line. */
export function goHeaderLine(r: Rng, label: string, headers: readonly Field[]): Rendered {
  const asSlices = headers.map((h) => ({ key: h.key, value: { arr: [h.value] } }));
  return { format: 'go-struct', line: f`${ts.goLog(r.now)} ${label} ${goMap(asSlices)}` };
}

// ---- config and environment dumps: one setting per line ----

export type DocFormat = 'env-dump' | 'docker-inspect' | 'yaml-config' | 'ini-config' | 'properties-config' | 'xml-config' | 'dotnet-config' | 'k8s-manifest';
export const DOC_FORMATS: readonly DocFormat[] = ['env-dump', 'docker-inspect', 'yaml-config', 'ini-config', 'properties-config', 'xml-config', 'dotnet-config'];

const yamlNeedsQuote = (s: string) => s === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |\s#|\s$/.test(s) || /^(true|false|yes|no|null|~|on|off|[0-9][0-9.e+-]*)$/i.test(s);

function yamlScalar(v: Scalar, r: Rng): Frag {
  if (v === null) return frag('null');
  if (typeof v === 'number' || typeof v === 'boolean') return frag(String(v));
  const t = textOf(v);
  if (!yamlNeedsQuote(t) && r.chance(0.8)) return typeof v === 'string' ? frag(v) : v;
  if (!t.includes("'") && r.chance(0.5)) return f`'${v}'`;
  return f`"${mapText(v, (s) => jsonEscape(s))}"`;
}

/**
 * One setting of a config or environment dump, as its own line. `key` is used as given
 * (the caller picks the case style the format uses).
 */
export function docLine(r: Rng, format: DocFormat, key: Frag | string | Run, v: Scalar, indent = r.pick([0, 2, 4])): Rendered {
  const val = (x: Scalar): Frag => (x === null ? frag('') : typeof x === 'number' || typeof x === 'boolean' ? frag(String(x)) : typeof x === 'string' ? frag(x) : x);
  // environment variable names have no dots or dashes: a dotted setting is exported in UPPER_SNAKE
  const k = format === 'env-dump' || format === 'docker-inspect' ? mapKey(frag(key), (x) => (/[.-]/.test(x) ? docKey(format, x) : x)) : frag(key);
  const pad = ' '.repeat(indent);
  switch (format) {
    case 'env-dump':
      return { format, line: f`${r.chance(0.15) ? 'declare -x ' : ''}${k}=${val(v)}` };
    case 'docker-inspect':
      return { format, line: f`                "${mapText(k, jsonEscape)}=${mapText(val(v), jsonEscape)}",` };
    case 'yaml-config':
      return { format, line: f`${pad}${k}: ${yamlScalar(v, r)}` };
    case 'k8s-manifest':
      return { format, line: f`${pad}${k}: ${yamlScalar(v, r)}` };
    case 'ini-config':
      return { format, line: f`${k}${r.pick([' = ', '=', ' = '])}${val(v)}` };
    case 'properties-config':
      return { format, line: f`${k}${r.pick(['=', '=', ' = ', ': '])}${mapText(val(v), (s) => s.replace(/\\/g, '\\\\'))}` };
    case 'xml-config': {
      const x = mapText(val(v), xmlEscape);
      const name = mapText(k, xmlEscape);
      const shape = r.int(3);
      if (shape === 0) return { format, line: f`${pad}<${name}>${x}</${name}>` };
      if (shape === 1) return { format, line: f`${pad}<property name="${name}" value="${x}"/>` };
      return { format, line: f`${pad}<entry key="${name}">${x}</entry>` };
    }
    case 'dotnet-config':
      return { format, line: f`${pad}<add key="${mapText(k, xmlEscape)}" value="${mapText(val(v), xmlEscape)}" />` };
  }
}

/** How each dump names a setting: env dumps in UPPER_SNAKE, the others as written. */
export function docKey(format: DocFormat, key: string): string {
  if (format === 'env-dump' || format === 'docker-inspect') return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[.-]/g, '_').toUpperCase();
  return key;
}

/** A whole object as one JSON line in the style of a runtime (for `body` fields and API responses). */
export function jsonLine(o: Obj, esc: (s: string) => string = jsonEscape, spaced = false): Frag {
  return json(o, jsonStyle(esc, spaced));
}

