/**
 * Question (issue 13): is there an input on which the core falls below 50 MB/s? Target: on
 * each hostile corpus below, `createRedactor().redactBuffer` runs at ≥ 50 MB/s and at ≥ 1/5 of
 * its speed on ordinary JSON logs measured in the same run.
 *
 * Data: seeded corpora of about `megabytes` MB each (BENCH_HOSTILE_MB; default 4, at most
 * BENCH_MB), built for what makes a prefilter-then-verify design slow:
 * - ordinary JSON logs, the baseline: pino-style lines without secrets;
 * - every built-in keyword on every line (each line a candidate for every rule), shuffled;
 * - 20 `password=` per line, each with its own value (every match verified and masked);
 * - tiny lines, `AKIA ghp_ eyJ` (a candidate and three rules per 14 bytes, no secret);
 * - keyword soup inside escaped JSON: a JSON line whose string holds escaped JSON full of
 *   credential keys, some hidden behind `\uXXXX` and `\/` escapes (matched twice: raw and
 *   decoded, src/matcher/escapedLines.ts).
 * Engine: a fresh `createRedactor()` per corpus (defaults, learning on), `redactBuffer` over
 * the whole corpus, median of up to 3 passes after a warm-up; a corpus whose pass would take
 * over 20 s is timed on a slice instead (bench/throughput.ts `timedMBs`; the row says so).
 * Correctness: every planted value must be masked; lines with nothing to mask (the baseline,
 * the tiny lines) must come out byte for byte unchanged.
 */
import { createRedactor } from '../src/index.js';
import { builtinRules } from '../src/rules/catalog/index.js';
import { randomTools } from './corpus.js';
import { prefilterKeywords } from './prefilter.js';
import { timedMBs } from './throughput.js';

export interface HostileRow {
  readonly name: string;
  readonly mbs: number;
  /** Bytes timed (less than the corpus when a full pass would exceed the budget). */
  readonly bytes: number;
  readonly corpusBytes: number;
  /** `mbs` / the ordinary baseline's. */
  readonly ratio: number;
  readonly ok: boolean;
  readonly check: string;
}

export interface HostileResult {
  readonly baseline: HostileRow;
  readonly rows: readonly HostileRow[];
  readonly worst: HostileRow;
}

interface Corpus {
  readonly name: string;
  readonly buf: Buffer;
  /** Values that must not survive masking. */
  readonly planted: readonly string[];
  /** Nothing in it is a secret: the output must equal the input. */
  readonly unchanged: boolean;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** Lines from `next` until `bytes` bytes; `next` may plant values into `planted`. */
function fill(bytes: number, next: () => string): Buffer {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = next();
    parts.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return Buffer.from(`${parts.join('\n')}\n`);
}

/** The five corpora, each about `bytes` long, from `seed`. */
export function hostileCorpora(bytes: number, seed = 13): Corpus[] {
  const { rnd, int, pick, str } = randomTools(seed);
  const words = ['request', 'completed', 'order', 'created', 'cache', 'miss', 'worker', 'job', 'queued', 'retry', 'connection', 'pool', 'upstream', 'user', 'started', 'payment', 'processed', 'inventory', 'updated', 'db', 'query', 'slow'];
  const paths = ['/api/v1/orders', '/api/v1/users/42', '/healthz', '/api/v2/cart/items', '/metrics', '/api/v1/search?q=shoes&page=2'];
  const uuid = () => `${str(HEX, 8)}-${str(HEX, 4)}-4${str(HEX, 3)}-a${str(HEX, 3)}-${str(HEX, 12)}`;
  const time = () => Date.UTC(2026, 11, 7) + int(1e8);

  const ordinary: Corpus = {
    name: 'ordinary JSON logs (baseline)',
    buf: fill(bytes, () => rnd() < 0.5
      ? `{"level":30,"time":${time()},"pid":${1000 + int(9000)},"hostname":"web-${int(20)}","reqId":"${uuid()}","msg":"${Array.from({ length: 4 + int(10) }, () => pick(words)).join(' ')}","responseTime":${int(500)}.${int(10)}}`
      : `{"level":30,"time":${time()},"pid":4242,"hostname":"api-${int(9)}","req":{"id":${int(1e6)},"method":"${pick(['GET', 'POST'])}","url":"${pick(paths)}","remoteAddress":"10.0.${int(255)}.${int(255)}"},"res":{"statusCode":${pick([200, 201, 204, 304, 404])}},"msg":"request completed"}`),
    planted: [],
    unchanged: true,
  };

  const keywords = prefilterKeywords(builtinRules).map((k) => k.text);
  const shuffled = () => {
    const xs = keywords.slice();
    for (let i = xs.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs.join(' ');
  };
  const everyKeyword: Corpus = { name: `every built-in keyword on every line (${keywords.length})`, buf: fill(bytes, shuffled), planted: [], unchanged: false };

  const passwords: string[] = [];
  const passwordDense: Corpus = {
    name: '20 password= per line',
    buf: fill(bytes, () => {
      let line = `user=u${int(1e5)}`;
      for (let i = 0; i < 20; i++) {
        const v = `${str(ALNUM, 12)}!${int(10)}`;
        passwords.push(v);
        line += ` password=${v}`;
      }
      return line;
    }),
    planted: passwords,
    unchanged: false,
  };

  const tiny: Corpus = { name: 'tiny lines `AKIA ghp_ eyJ`', buf: fill(bytes, () => 'AKIA ghp_ eyJ'), planted: [], unchanged: true };

  // Credential keys as applications write them, some hidden behind escapes at depth 2
  // (`\\u0070` inside the escaped string), one escaped-slash URL.
  const soupValues: string[] = [];
  const soupKeys = ['password', 'passwd', 'api_key', 'apiKey', 'secret', 'client_secret', 'access_token', 'refresh_token', 'token', 'auth', 'authorization', 'private_key', 'aws_secret_access_key', 'x-api-key', 'db_password', 'session_token'];
  const escapedKey = (k: string) => (rnd() < 0.25 ? `\\\\u00${k.charCodeAt(0).toString(16)}${k.slice(1)}` : k);
  const escapedJson: Corpus = {
    name: 'keyword soup inside escaped JSON',
    buf: fill(bytes, () => {
      const pairs: string[] = [];
      for (let i = 0; i < 12; i++) {
        // A digit in every value: a letters-only value under a `token` key can be a word, and
        // the context engine leaves those alone by design.
        const v = `${str(ALNUM, 15 + int(16))}${int(10)}`;
        soupValues.push(v);
        pairs.push(`\\"${escapedKey(pick(soupKeys))}\\":\\"${v}\\"`);
      }
      pairs.push(`\\"hook\\":\\"https:\\\\/\\\\/hooks.example.com\\\\/services\\\\/${str(ALNUM, 12)}\\"`);
      pairs.push(`\\"note\\":\\"${keywords.slice(int(keywords.length - 40)).slice(0, 20).join(' ').replace(/["\\]/g, '').replace(/\t/g, '\\t')}\\"`);
      return `{"level":40,"time":${time()},"reqId":"${uuid()}","msg":"upstream rejected the request","body":"{${pairs.join(',')}}"}`;
    }),
    planted: soupValues,
    unchanged: false,
  };
  return [ordinary, everyKeyword, passwordDense, tiny, escapedJson];
}

export function runHostile(megabytes: number, log: (s: string) => void): HostileResult {
  const t0 = Date.now();
  const corpora = hostileCorpora(megabytes * 1e6);
  log(`${corpora.length} corpora of ~${megabytes} MB each, generated in ${Date.now() - t0} ms; createRedactor().redactBuffer, a fresh redactor per corpus`);
  const measured = corpora.map((c) => {
    const r = createRedactor();
    const m = timedMBs((b) => r.redactBuffer(b), c.buf, 3, 20);
    const out = m.last.toString('latin1');
    const timedText = m.input.toString('latin1');
    const planted = c.planted.filter((v) => timedText.includes(v));
    const leaked = planted.filter((v) => out.includes(v)).length;
    const changed = c.unchanged && !m.last.equals(m.input);
    const ok = leaked === 0 && !changed;
    const check = c.unchanged
      ? (changed ? 'output differs from input — WRONG' : 'unchanged, as expected')
      : planted.length > 0 ? `${planted.length - leaked}/${planted.length} planted values masked${leaked > 0 ? ' — WRONG' : ''}` : `nothing planted; masking changed the size by ${m.last.length - m.input.length} bytes`;
    return { c, m, ok, check };
  });
  const base = measured[0]!;
  const rows: HostileRow[] = measured.map(({ c, m, ok, check }) => ({
    name: c.name, mbs: m.mbs, bytes: m.input.length, corpusBytes: c.buf.length, ratio: m.mbs / base.m.mbs, ok, check,
  }));
  log('| corpus | MB/s | vs ordinary JSON | timed | check |');
  log('| --- | ---: | ---: | --- | --- |');
  for (const r of rows) {
    const timed = r.bytes < r.corpusBytes ? `${(r.bytes / 1e6).toFixed(2)} of ${(r.corpusBytes / 1e6).toFixed(1)} MB (pass over budget)` : `${(r.bytes / 1e6).toFixed(1)} MB`;
    log(`| ${r.name} | ${fmt(r.mbs)} | ${share(r.ratio)} | ${timed} | ${r.check} |`);
  }
  const hostile = rows.slice(1);
  const worst = hostile.reduce((a, b) => (b.mbs < a.mbs ? b : a));
  log(`worst case: ${worst.name}, ${fmt(worst.mbs)} MB/s — ${share(worst.mbs / 50)} the 50 MB/s floor, ${share(worst.ratio)} ordinary JSON (target ≥ 0.20×)`);
  return { baseline: rows[0]!, rows: hostile, worst };
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 0.1 ? n.toFixed(2) : n.toPrecision(2);
}

/** A ratio, with two significant digits when it is far below 1 (0.0031×). */
function share(x: number): string {
  return `${x < 0.1 ? x.toPrecision(2) : x.toFixed(2)}×`;
}
