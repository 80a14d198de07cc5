/**
 * Where a value ends up: as a structured field of an application log line, as a setting in
 * a config or environment dump, or inside an object repr. The leak makers say what leaks and
 * under which key; these helpers pick a realistic place for it and label the key and the
 * neighbouring values as survivors.
 */
import { type Frag, keep, type Run } from './fragment.js';
import { docKey, docLine, type DocFormat, DOC_FORMATS, emit, ENVELOPE_NAMES, type Level, type Rendered, type Repr, reprLine, REPRS } from './formats.js';
import type { Rng } from './random.js';
import { type Field, kv, obj, type Scalar } from './syntax.js';
import * as w from './world.js';

export type Venue = 'envelope' | 'doc' | 'repr';

export interface PlaceOptions {
  readonly venues?: readonly (readonly [Venue, number])[];
  readonly envelopes?: readonly string[];
  readonly docs?: readonly DocFormat[];
  readonly reprs?: readonly Repr[];
  /** Non-secret fields printed next to the secret (their values are labelled survivors). */
  readonly near?: readonly Field[];
  readonly msg?: string;
  readonly level?: Level;
  /** Key the dumps use unchanged (no UPPER_SNAKE for env dumps). */
  readonly literalKey?: boolean;
  /** Nest the field under this object key in structured logs (`req`, `config`, …). */
  readonly parent?: string;
}

const MESSAGES = [
  'loaded configuration', 'connecting to database', 'outbound request', 'client initialised', 'starting worker', 'retrying request', 'webhook received',
  'sending notification', 'user login', 'config reloaded', 'request body', 'creating session', 'calling upstream', 'job payload', 'settings', 'initialising SDK',
];

/** Realistic neighbours for a secret: user, host, port, region, timeout … (values kept). */
export function near(r: Rng, n = r.range(1, 3)): Field[] {
  const pool: (() => Field)[] = [
    () => kv('user', keep(w.user(r))),
    () => kv('host', keep(r.pick(w.DB_HOSTS))),
    () => kv('port', r.pick([5432, 3306, 6379, 443, 8080])),
    () => kv('region', keep(r.pick(['eu-west-1', 'us-east-1', 'westeurope', 'ap-southeast-2']))),
    () => kv('timeout', r.pick([5000, 10000, 30000])),
    () => kv('endpoint', keep(`https://${r.pick(w.THIRD_PARTY)}`)),
    () => kv('tenant', keep(r.pick(['acme', 'globex', 'initech', 'umbrella', 'hooli']))),
    () => kv('username', keep(w.user(r))),
    () => kv('database', keep(r.pick(['orders', 'shop', 'billing', 'analytics']))),
    () => kv('retries', r.range(0, 5)),
    () => kv('enabled', true),
  ];
  const out: Field[] = [];
  const used = new Set<number>();
  while (out.length < n) {
    const i = r.int(pool.length);
    if (used.has(i)) continue;
    used.add(i);
    out.push(pool[i]!());
  }
  return out;
}

function shuffled<T>(r: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** One key/value pair (the value labelled by the caller) in a realistic place. */
export function placeField(r: Rng, key: string, value: Frag | Run, opts: PlaceOptions = {}): Rendered {
  const v: Frag = Array.isArray(value) ? (value as Frag) : [value as Run];
  const venue = r.weighted(opts.venues ?? [['envelope', 6], ['doc', 3], ['repr', 2]]);
  const neighbours = opts.near ?? near(r);
  if (venue === 'doc') {
    const fmt = r.pick(opts.docs ?? DOC_FORMATS);
    return docLine(r, fmt, keep(opts.literalKey ? key : docKey(fmt, key)), v);
  }
  const fields = shuffled(r, [...neighbours, kv(keep(key), v)]);
  if (venue === 'repr') {
    const label = r.pick(['config', 'settings', 'options', 'client', 'credentials', 'params', 'kwargs', 'opts']);
    return reprLine(r, r.pick(opts.reprs ?? REPRS), label, obj(fields), opts.level);
  }
  const nested = opts.parent ?? (r.chance(0.3) ? r.pick(['config', 'req', 'params', 'body', 'auth', 'client']) : undefined);
  return emit(r, { level: opts.level ?? r.pick(['debug', 'info', 'info', 'warn'] as const), msg: opts.msg ?? r.pick(MESSAGES), fields: nested ? [kv(nested, obj(fields))] : fields }, opts.envelopes ?? ENVELOPE_NAMES);
}

/** A message (already holding its labelled secret) in a realistic logger line. */
export function placeMessage(r: Rng, msg: Frag, opts: { envelopes?: readonly string[]; level?: Level; fields?: readonly Field[] } = {}): Rendered {
  return emit(r, { level: opts.level ?? r.pick(['debug', 'info', 'info', 'warn', 'error'] as const), msg, fields: opts.fields ?? (r.chance(0.3) ? near(r, 1) : []) }, opts.envelopes ?? ENVELOPE_NAMES);
}

export type { Scalar };
