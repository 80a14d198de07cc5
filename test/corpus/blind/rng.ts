// Small seeded PRNG + value helpers for the blind corpus.
// Written independently of the engine: values follow providers' documented shapes.

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.next() * a.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  str(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)]!;
    return out;
  }
}

export const DIG = '0123456789';
export const HEX = '0123456789abcdef';
export const HEXU = '0123456789ABCDEF';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ALPHA = LOWER + UPPER;
export const ALNUM = DIG + LOWER + UPPER;
export const LOWNUM = DIG + LOWER;
export const UPNUM = DIG + UPPER;
export const B64 = ALNUM + '+/';
export const B64URL = ALNUM + '-_';
export const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** alphanumeric string that is guaranteed to contain at least one digit, one lower and one upper */
export function mixed(r: Rng, n: number, alphabet = ALNUM): string {
  for (;;) {
    const s = r.str(alphabet, n);
    if (/[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s)) return s;
  }
}

export function hex(r: Rng, n: number): string {
  for (;;) {
    const s = r.str(HEX, n);
    if (/[a-f]/.test(s) && /[0-9]/.test(s)) return s;
  }
}

export function b64(r: Rng, n: number): string {
  return mixed(r, n, B64);
}

export function b64url(r: Rng, n: number): string {
  return mixed(r, n, B64URL);
}

export function b64enc(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

export function b64urlenc(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

export function uuid(r: Rng): string {
  const h = r.str(HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${r.pick(['8', '9', 'a', 'b'])}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const p3 = (n: number): string => String(n).padStart(3, '0');

export interface Ts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

export function ts(r: Rng): Ts {
  return { y: r.pick([2023, 2024, 2025]), mo: r.int(1, 12), d: r.int(1, 28), h: r.int(0, 23), mi: r.int(0, 59), s: r.int(0, 59), ms: r.int(0, 999) };
}

export function iso(r: Rng): string {
  const t = ts(r);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)}T${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}Z`;
}

export function isoNano(r: Rng): string {
  const t = ts(r);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)}T${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}${r.str(DIG, 6)}Z`;
}

export function isoOff(r: Rng): string {
  const t = ts(r);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)}T${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}${r.str(DIG, 3)}+00:00`;
}

/** 2024-05-13 08:21:44,123 (python) or with '.' (logback) */
export function spaceTs(r: Rng, sep = ','): string {
  const t = ts(r);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}${sep}${p3(t.ms)}`;
}

export function plainTs(r: Rng): string {
  const t = ts(r);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
}

export function syslogTs(r: Rng): string {
  const t = ts(r);
  return `${MONTHS[t.mo - 1]} ${String(t.d).padStart(2, ' ')} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
}

export function clfTs(r: Rng): string {
  const t = ts(r);
  return `${p2(t.d)}/${MONTHS[t.mo - 1]}/${t.y}:${p2(t.h)}:${p2(t.mi)}:${p2(t.s)} +0000`;
}

export function epochMs(r: Rng): number {
  return 1_690_000_000_000 + r.int(0, 60_000_000) * 1000 + r.int(0, 999);
}

export function ip(r: Rng): string {
  return r.pick([
    () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
    () => `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`,
    () => `192.168.${r.int(0, 255)}.${r.int(1, 254)}`,
    () => `${r.int(20, 220)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  ])();
}

export const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar', 'peggy', 'trent', 'victor', 'walter', 'deploy', 'svc_billing', 'app', 'jenkins', 'ci-bot', 'reporting'];
export const SERVICES = ['checkout', 'billing', 'auth', 'search', 'inventory', 'notifier', 'gateway', 'orders', 'payments', 'catalog', 'users', 'ledger', 'mailer', 'scheduler', 'ingest'];
export const HOSTS = ['web-01', 'web-02', 'api-7f9c', 'worker-3', 'db-primary', 'ip-10-0-3-17', 'prod-app-2', 'batch-1', 'edge-fra-4', 'ci-runner-12'];
export const DOMAINS = ['example.com', 'acme.io', 'internal.corp', 'shop.example.org', 'corp.local', 'svc.cluster.local'];
const WORDS = ['summer', 'dragon', 'falcon', 'orbit', 'maple', 'harbor', 'copper', 'violet', 'tundra', 'mosaic', 'pepper', 'quartz', 'raven', 'saffron', 'timber', 'walnut', 'zephyr', 'cobalt', 'ember', 'glacier', 'lantern', 'meadow', 'nimbus', 'pixel'];

export function word(r: Rng): string {
  return r.pick(WORDS);
}

export function podName(r: Rng, svc: string): string {
  return `${svc}-${r.str(LOWNUM, 10)}-${r.str(LOWNUM, 5)}`;
}

/**
 * Realistic password values.
 *  any  : may contain shell/URL-special chars but never quotes, backslash, space, comma, semicolon, ampersand, slash, '<', '>'
 *  safe : only [A-Za-z0-9._-]
 */
export function pw(r: Rng, mode: 'any' | 'safe' = 'any'): string {
  const sym = mode === 'safe' ? '-_.' : '!#%^*-_.+=~@$';
  const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  switch (r.int(0, 5)) {
    case 0:
      return `${cap(word(r))}${r.str(DIG, r.int(2, 4))}${r.str(sym, 1)}`;
    case 1: {
      for (;;) {
        const s = r.str(ALNUM + sym, r.int(12, 24));
        if (/[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[-.]/.test(s)) return s;
      }
    }
    case 2:
      return `${word(r)}-${word(r)}-${word(r)}-${r.int(10, 99)}`;
    case 3:
      return mixed(r, r.int(16, 32));
    case 4:
      return r.pick(['changeme', 'Welcome', 'P4ssw0rd', 'Secret', 'letmein', 'Admin']) + r.str(DIG, r.int(2, 4)) + (mode === 'safe' ? '' : r.pick(['!', '#', '', '$']));
    default:
      return `${r.str(UPPER, 1)}${r.str(LOWER, r.int(4, 7))}${r.str(sym, 1)}${r.str(DIG, r.int(3, 5))}${r.str(ALPHA, 2)}`;
  }
}

export function jwt(r: Rng): string {
  const alg = r.pick(['HS256', 'RS256', 'ES256']);
  const header = r.chance(0.5) ? { alg, typ: 'JWT' } : { alg, typ: 'JWT', kid: r.str(ALNUM, 20) };
  const now = 1_700_000_000 + r.int(0, 50_000_000);
  const payload: Record<string, unknown> = { sub: r.chance(0.5) ? uuid(r) : String(r.int(1000, 999999)), iat: now, exp: now + r.pick([300, 900, 3600, 86400]) };
  if (r.chance(0.6)) payload.iss = `https://auth.${r.pick(DOMAINS)}/`;
  if (r.chance(0.5)) payload.scope = r.pick(['read:orders write:orders', 'openid profile email', 'admin']);
  if (r.chance(0.4)) payload.email = `${r.pick(USERS)}@${r.pick(DOMAINS)}`;
  const sigLen = alg === 'HS256' ? 43 : alg === 'ES256' ? 86 : 342;
  return `${b64urlenc(JSON.stringify(header))}.${b64urlenc(JSON.stringify(payload))}.${b64url(r, sigLen)}`;
}

/** PEM body lines (64 chars), total ~ n chars of base64 */
export function pemBody(r: Rng, kind: 'rsa' | 'pkcs8' | 'ec' | 'openssh'): string[] {
  const prefix = kind === 'rsa' ? 'MIIEowIBAAKCAQEA' : kind === 'pkcs8' ? 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ' : kind === 'ec' ? 'MHcCAQEEI' : 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
  const total = kind === 'ec' ? 164 : kind === 'openssh' ? 400 : r.int(1500, 1650);
  const body = prefix + b64(r, total - prefix.length);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  const last = lines.length - 1;
  if (kind !== 'openssh') lines[last] = lines[last]! + '=';
  return lines;
}

export function pemHeader(kind: 'rsa' | 'pkcs8' | 'ec' | 'openssh'): [string, string] {
  const label = kind === 'rsa' ? 'RSA PRIVATE KEY' : kind === 'pkcs8' ? 'PRIVATE KEY' : kind === 'ec' ? 'EC PRIVATE KEY' : 'OPENSSH PRIVATE KEY';
  return [`-----BEGIN ${label}-----`, `-----END ${label}-----`];
}

// ---------------------------------------------------------------- checksummed base62 tokens (GitHub / npm format)
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CRC_TABLE: number[] = (() => {
  const t: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t.push(c >>> 0);
  }
  return t;
})();

export function crc32(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** prefix + 30 random base62 chars + 6-char base62 CRC32 of the random part */
export function checksummed(r: Rng, prefix: string): string {
  const body = r.str(B62, 30);
  let n = crc32(body);
  let cs = '';
  while (n > 0) {
    cs = B62[n % 62]! + cs;
    n = Math.floor(n / 62);
  }
  return prefix + body + cs.padStart(6, '0');
}
