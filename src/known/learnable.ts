/**
 * Which masked values may be learned (value identity, learnedSecrets.ts). A learned value is
 * masked wherever it appears again, so a false positive would spread: only a value that
 * would be accepted as a known secret (the floors of knownSecret.ts: ≥ 8 bytes, ≥ 2.5
 * bits/byte) is learned, and never one that reads as plain text — what a key/value rule
 * masks by mistake: a word or identifier (`secretName=db-credentials`), a number, size or
 * duration (`token_ttl=86400s`), a date (`password_changed_at=2024-…`), a path
 * (`PWD=/home/app/releases`), a URL or e-mail address without credentials, a placeholder
 * (`${DB_PASSWORD}`, `%(password)s`, `{{ .Password }}`), a Java object id (`Token@5f3e1a`).
 *
 * "Plain" is judged on the value's runs of letters and digits: each must be a number (with a
 * short unit), or a word — lower case, UPPER case, Capitalised or camelCase with humps of
 * three letters or more — optionally followed by digits. Random tokens mix case and digits
 * inside a run (`xKqPz…`, `AKIAQ3EG…`, `4bf92f35…`) and are learned; a word with a number
 * (`password123`) is not. All-lower-case or all-upper-case random letters read as words:
 * their first copy is still masked by the rule, only their spreading is lost. A password
 * rule's value is the exception: a word with a number (`Secret8441`) is what people choose,
 * and it is learned (`isLearnable(value, true)`).
 */
import { passesKnownFloors } from './knownSecret.js';

/** Longest value learned, in bytes (a longer one — a whole PEM key — is left to its rule). */
export const MAX_LEARNED_LENGTH = 1024;

/** A run of letters and digits that reads as a word or identifier (optionally numbered). */
const WORD = /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)(?:[A-Z][a-z]{2,})*\d*$/;
/** A number, optionally with a unit of up to three letters (`900`, `30s`, `512MiB`). */
const NUMBER = /^\d+[A-Za-z]{0,3}$/;
/** An ISO 8601 date or date-time. */
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A Java/Android object id: `pkg.Class@5f3e1a`, `Token{1a2b3c4}`. */
const OBJECT_ID = /^[\w.$]+(?:@[0-9a-f]{1,16}|\{[0-9a-f]{1,16}\})$/i;
const RUN = /[A-Za-z0-9]+/g;

/** True when `text` reads as plain text rather than a secret (see the module doc). */
export function isPlainText(text: string): boolean {
  if (DATE.test(text) || OBJECT_ID.test(text)) return true;
  const runs = text.match(RUN);
  if (runs === null) return false; // punctuation or non-ASCII only: not a word we know
  return runs.every((run) => WORD.test(run) || NUMBER.test(run));
}

/**
 * True when `value` (the bytes a rule masked) may be learned: no longer than
 * `MAX_LEARNED_LENGTH`, one line, past the known-secret floors, and not plain text.
 *
 * @example
 * isLearnable(Buffer.from('Zx9kQ2vLm8Rt5wP3')); // true
 * isLearnable(Buffer.from('/home/app/releases')); // false: a path
 */
export function isLearnable(value: Uint8Array, password = false): boolean {
  if (value.length > MAX_LEARNED_LENGTH || value.includes(0x0a) || !passesKnownFloors(value)) return false;
  const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
  return !isPlainText(text) || (password && isPasswordLike(text));
}

/**
 * A value a password rule masked that reads as a word with a number or a symbol
 * (`Secret8441`, `Summer61$`, `Maple-orange-32`): what people choose as passwords, so learned
 * from a password's key (`password=`, `-p`, a URL's userinfo), where a false positive is
 * unlikely. Not a word alone, a number, a date, an object id, a path, a version, a locale, a
 * lower-case name with a number or a host name.
 */
function isPasswordLike(text: string): boolean {
  if (!/[A-Za-z]/.test(text) || !/[^A-Za-z]/.test(text) || DATE.test(text) || OBJECT_ID.test(text) || /^(?:~|\.{0,2})\//.test(text)) return false;
  // Names that also stand for themselves elsewhere in a log, where a spread copy would be a
  // false positive: a version (`v1.2.3-rc1`), a locale (`en_US.UTF-8`), a lower-case name with
  // a number (`postgres15`, `default123`), a host or resource name (`prod-db-01`).
  return !/^v?\d+(?:\.\d+)+(?:[-+.][\w.]+)?$|^[a-z]{2}_[A-Z]{2}(?:\.[\w-]+)?$|^[a-z]+\d+$|^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(text);
}
