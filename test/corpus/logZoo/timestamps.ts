/** Timestamps the way each kind of software prints them (all UTC). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

function parts(t: number) {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds() };
}

/** 2025-03-03T08:14:07.120Z */
export const iso = (t: number) => new Date(t).toISOString();
/** 2025-03-03T08:14:07Z */
export const isoSeconds = (t: number) => `${iso(t).slice(0, 19)}Z`;
/** 2025-03-03T08:14:07.120345Z (microseconds, as Python and Monolog print them) */
export const isoMicro = (t: number, micro: number) => `${iso(t).slice(0, 23)}${p3(micro % 1000)}Z`;
/** 2025-03-03T08:14:07.120345678Z (Docker, CRI) */
export const isoNano = (t: number, nano: number) => `${iso(t).slice(0, 23)}${String(nano % 1_000_000).padStart(6, '0')}Z`;
/** 2025-03-03T08:14:07.1203456Z (GitHub Actions, 7 digits) */
export const isoGithub = (t: number, extra: number) => `${iso(t).slice(0, 23)}${String(extra % 10_000).padStart(4, '0')}Z`;
/** 2025-03-03 08:14:07,120 (log4j, Python logging) */
export const log4j = (t: number) => {
  const x = parts(t);
  return `${x.y}-${p2(x.mo + 1)}-${p2(x.d)} ${p2(x.h)}:${p2(x.mi)}:${p2(x.s)},${p3(x.ms)}`;
};
/** 2025-03-03 08:14:07.120 (Postgres adds " UTC") */
export const sqlStamp = (t: number) => log4j(t).replace(',', '.');
/** Mar  3 08:14:07 (BSD syslog) */
export const syslog = (t: number) => {
  const x = parts(t);
  return `${MONTHS[x.mo]} ${String(x.d).padStart(2, ' ')} ${p2(x.h)}:${p2(x.mi)}:${p2(x.s)}`;
};
/** 03/Mar/2025:08:14:07 +0000 (nginx, Apache) */
export const clf = (t: number) => {
  const x = parts(t);
  return `${p2(x.d)}/${MONTHS[x.mo]}/${x.y}:${p2(x.h)}:${p2(x.mi)}:${p2(x.s)} +0000`;
};
/** 03/Mar/2025 08:14:07 (Django runserver) */
export const django = (t: number) => {
  const x = parts(t);
  return `${p2(x.d)}/${MONTHS[x.mo]}/${x.y} ${p2(x.h)}:${p2(x.mi)}:${p2(x.s)}`;
};
/** 2025/03/03 08:14:07 (Go's log package, nginx error log) */
export const goLog = (t: number) => {
  const x = parts(t);
  return `${x.y}/${p2(x.mo + 1)}/${p2(x.d)} ${p2(x.h)}:${p2(x.mi)}:${p2(x.s)}`;
};
/** 1741000000.123456 (zap's epoch seconds) */
export const epochFloat = (t: number, micro: number) => `${Math.floor(t / 1000)}.${p3(t % 1000)}${p3(micro % 1000)}`;
/** 2025-03-03T08:14:07.120345+00:00 (Monolog, Python isoformat) */
export const isoOffset = (t: number, micro: number) => `${iso(t).slice(0, 23)}${p3(micro % 1000)}+00:00`;
