/**
 * The value classifier: given the class of its key, is a value a secret? Values arrive as
 * latin1 strings of the raw bytes (one char per byte), escapes still in place.
 *
 * Never a secret, whatever the key: placeholders and references (`${DB_PASSWORD}`,
 * `%(password)s`, `{{ .Password }}`, `$PASSWORD`, `:password`, `****`, `[REDACTED]`), status
 * words (`required`, `expired`), and structured non-secrets — numbers (except under a
 * password key), sizes, durations, timestamps, booleans, paths, URLs without credentials,
 * object ids (`pkg.Class@5f3e1a`) and reverse-DNS names.
 */
import { isPlaceholderText, shannonEntropy } from '../matcher/validators.js';
import type { KeyClass } from './keyClass.js';
import { STATUS_WORDS } from './lexicon.js';

const NUMBER = /^[-+]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:e[-+]?\d+)?$/i;
const SIZE = /^\d+(?:\.\d+)?\s?(?:[kmgtpe]i?b?|bytes?|b)$/i;
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|y|years?))+$|^P(?:\d+[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$|^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
/** A path: absolute, relative, home or a Windows drive, its first segment a plain name. */
const PATH = /^(?:~?\/|\.\.?\/|[A-Za-z]:\\|\\\\)(?:[a-z0-9._@+-]*)(?:[/\\][\w.@+~-]*)*$/;
const URL_NO_CREDENTIALS = /^[a-z][a-z0-9+.-]*:(?:\\?\/){2}[^\s@/]*(?:[/?#][^\s]*)?$/i;
const OBJECT_ID = /^[\w$]+(?:\.[\w$]+)+@[0-9a-f]{4,16}$|^[A-Z]\w*\{[0-9a-f]{6,16}(?:\b.*\})?$/;
const REVERSE_DNS = /^(?:com|org|net|io|dev|android|androidx|java|javax|jdk|kotlin|kotlinx|scala|sun|me|de|uk|fr|app|co|edu|gov)\.[a-z]\w*(?:\.[\w$]+)*$/;
/** A reference to a value kept elsewhere: a SQL/ORM parameter, a secret manager path, a format verb. */
const REFERENCE = /^(?:ENC\[.*|!vault\b.*|ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+|SHA256:\S+|:[A-Za-z_]\w*|@[A-Za-z_]\w*|\$\d+|@@\w+@@|__\w+__|%%\w+%%|\?|%[sdvqrx]|%\d*\$?[sdv]|\{\d*\}|vault:.*|arn:aws:.*|projects\/[^/]+\/secrets\/.*|(?:env|file|secret|ref|sm|ssm|aws-sm|azure-kv|op|k8s|kv):\/\/.*|(?:env|file):[A-Za-z_][\w./-]*|sha\d+:[0-9a-f]+|\*+|#+|-+|\.+|•+)$/;
/** A redaction marker after punctuation and an optional wrapper type: `**redacted**`, `Secret([REDACTED …`. */
const REDACTION_MARK = /^[^A-Za-z0-9]*(?:[A-Z]\w*(?:<[\w:]*>)?\(\s*[[(<*"']*\s*)?(?:redacted|filtered|masked|censored|hidden|removed|sensitive|secret)\b(?![-_.:]?\w*\d)/i;
/** Lowercase words joined by `-`, `_`, `.` or spaces: a name or a phrase, not a generated secret. */
const PLAIN_WORDS = /^[a-z]+(?:[-_. ][a-z]+)*$/;
/** Capitalised words joined by hyphens: a header name (`Fastly-Key`, `X-Auth-Token`). */
const HEADER_NAME = /^[A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)+$/;

/** True for a value that is never a secret, whatever its key says. */
export function isStructuredNonSecret(value: string, keyClass: KeyClass): boolean {
  const lower = value.toLowerCase();
  if (STATUS_WORDS.has(lower)) return true;
  if (REFERENCE.test(value)) return true;
  // PERF: each pattern below only where a character it needs is there (every value of a line
  // of credential pairs comes here; most are none of these).
  const c0 = value.charCodeAt(0);
  const digit = c0 >= 0x30 && c0 <= 0x39;
  const slash = value.includes('/');
  if (digit || c0 === 0x2b || c0 === 0x2d || c0 === 0x2e) {
    if (keyClass !== 'password' && (NUMBER.test(value) || /^0x[0-9a-f]+$/i.test(value))) return true;
    if (SIZE.test(value) || TIMESTAMP.test(value)) return true;
  }
  if ((digit || c0 === 0x50 || c0 === 0x70) /* P p */ && DURATION.test(value)) return true;
  if ((slash || value.includes('\\')) && (PATH.test(value) || URL_NO_CREDENTIALS.test(value))) return true;
  if ((value.includes('@') || value.includes('{')) && OBJECT_ID.test(value)) return true;
  if (value.includes('.') && REVERSE_DNS.test(value)) return true;
  // SSH public keys (`AAAAB3NzaC1yc2E…`, a host key), published by design.
  if (c0 === 0x41 && /^AAAA[BC]3NzaC1|^AAAAE2VjZHNh/.test(value)) return true;
  if (slash && keyClass !== 'password') {
    // A relative file path (`exports/2025/03/15/app.log-4923.csv`).
    if (/^[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{1,4}$/.test(value)) return true;
    // A secret manager's path (`secret/data/ci:token`, `prod/db/password`): where a value lives.
    if (/^[a-z][\w.-]*(?:\/[\w.-]+)+(?::[\w.-]+)?$/.test(value) && value.split(/[/:]/).every((p) => /^[a-z][a-z_.-]*\d{0,2}$/.test(p))) return true;
  }
  // Published by design: Stripe publishable keys, Mapbox public tokens.
  if (c0 === 0x70 && /^pk_(?:live|test)_|^pk\.ey/.test(value)) return true;
  // An elided value, as loggers and docs shorten keys: sk_live_...3465, abc…xyz.
  if (value.includes('...') || value.includes('\xe2\x80\xa6')) return true;
  if (isCodeReference(value, keyClass)) return true;
  // A password's key named as its value (`'value': 'vault_db_password'`, `password=DB_PASSWORD`,
  // a shell variable read into: `read -s -p 'Password: ' PASSWORD`).
  if (value.includes('_') && /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(value) && /(?:^|_)(?:password|passwd|pwd|secret|token|key)(?:_|$)/.test(value)) return true;
  if (c0 >= 0x41 && c0 <= 0x5a && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(value) && /(?:^|_)(?:[A-Z]*PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|[A-Z]*KEY|CREDENTIALS?)(?:_|$)/.test(value)) return true;
  // A mask a tool already wrote, in its wrapper: Rust's `SecretBox<str>([REDACTED])` and
  // `Secret([REDACTED alloc::string::String])`, Ecto's `**redacted**`, Redis' `(redacted)`.
  if (REDACTION_MARK.test(value)) return true;
  // A cookie's name by its prefix (`cookie=__Host-session`): the name, not the value.
  if (c0 === 0x5f && /^__(?:Host|Secure)-/.test(value)) return true;
  return false;
}

/** Where a value stood. */
export interface ValueContext {
  /** The key stood in running text (`invalid password: user bob`). */
  readonly prose?: boolean;
  /** The key is just `pass` or `pw`, which count test results as often as they hold passwords. */
  readonly bareWordKey?: boolean;
  /** The key was quoted (`"apiKey": "…"`): structured data, where a shorter secret is believable. */
  readonly quotedKey?: boolean;
  /** A weak key with a word before it that names no credential (`patientKey`, `kafka key`): ids are likelier. */
  readonly vagueKey?: boolean;
}

/**
 * Is `value` (a latin1 string of raw bytes) a secret under a key of class `keyClass`?
 * In running text even a password must look like one rather than like a word.
 */
export function isSecretValue(value: string, keyClass: KeyClass, context: ValueContext = {}): boolean {
  const { prose = false, bareWordKey = false, quotedKey = false, vagueKey = false } = context;
  const n = value.length;
  if (n === 0 || n > 8192) return false;
  if (isStructuredNonSecret(value, keyClass)) return false;
  if (isPlaceholderText(value)) return false;
  const entropy = () => shannonEntropy(Buffer.from(value, 'latin1'), 0, n);
  // A long value of few distinct bytes (`AIzaaaaaaaa…`, `0000…TUVWXYZ`) or holding an alphabet
  // (`ABCDEFGHIJKLMNOPQRSTUVWXYZabc…`): a stand-in or a constant, not a generated secret.
  if (keyClass !== 'password' && n >= 16 && entropy() < 2.2) return false;
  if (n >= 10 && hasAlphabetRun(value)) return false;
  if (keyClass === 'password') {
    if (prose && /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+)[.,;:!?]?$/.test(value)) return false;
    // `pass=12 fail=0`: a bare `pass` or `pw` counts things as often as it holds a password.
    if (bareWordKey && NUMBER.test(value)) return false;
    if (n < 4 && NUMBER.test(value)) return false; // `PuttyPassword=0`: a flag, not a PIN
    return true;
  }
  {
    // Not a password: a generated secret is printable ASCII without blanks: judge a value with words,
    // escapes or non-ASCII text by what is left (` world`, `\u2581Hello` are LLM tokens).
    const bare = value.replace(/\\+u[0-9a-fA-F]{4}|[\s\x80-\xff]+/g, '');
    if (bare.length !== n && (bare.length < 16 || !/[0-9]/.test(bare) || /\s\S+\s/.test(value))) return false;
  }
  if (keyClass === 'secret') {
    // Generated secrets are long; a shorter value under a token or key name is more often a
    // name or a code than a secret (passwords have no floor: their key says what they are).
    if (n < (quotedKey || (/[0-9]/.test(value) && /[A-Za-z]/.test(value)) ? 6 : 10)) return false;
    if (PLAIN_WORDS.test(value) || HEADER_NAME.test(value)) return false;
    if (/^[A-Za-z][a-z]+(?:[A-Z][a-z]+)*$/.test(value) || /^[A-Z]+$/.test(value)) return false; // an identifier: refreshToken, Bearer
    return true;
  }
  // weak: a generated token, nothing less.
  if (n < 16 || n > 4096) return false;
  if (!/[0-9]/.test(value) || !/(?:[A-Za-z][^A-Za-z]*){4}/.test(value)) return false; // `GA1.2.853238417.1642206870`: a version, an id
  if (/^[A-Za-z][\w-]*(?:\.[\w-]+)+$/.test(value) && !/[A-Z].*[0-9]|[0-9].*[A-Z]/.test(value)) return false; // a dotted name: jetbrains.mps.v8_elimination
  if (/[\s:/]/.test(value) && !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  // A git or content hash (40 or 64 lowercase hex) or a dashed name with words in it
  // (`node-cache-Linux-x64-npm-9b2c…`, `order-8f3a…`): an id, not a credential.
  if (/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)) return false;
  if (value.split(/[-_]/).filter((p) => /^[A-Za-z]{3,}$/.test(p)).length >= 2) return false;
  if (/^[a-z]{3,}[-_:]/.test(value)) return false; // an id with its kind in front: order-8f3a…, user_42…
  if (vagueKey && (n < 20 || /^[0-9a-fA-F-]+$/.test(value))) return false; // a hex or UUID id under patientKey, authorKey
  return entropy() >= 3.3;
}

/** True when `value` holds 10 consecutive characters of an alphabet (`abcdefghij`). */
function hasAlphabetRun(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 10) return true;
  }
  return false;
}

/** Objects that code reads settings from: `settings.SECRET_KEY`, `process.env.X`, `Rails.application…`. */
const CODE_ROOTS = /^(?:var|local|module|each|settings|config|conf|cfg|env|environ|process|os|self|this|app|Rails|ENV|System|secrets|vars|params|options|opts|ctx|context|props|properties|credentials|creds|vault|values|Values|spec|data|input|args|request|req|res|response|window|document|Config|Settings)$/;

/** An identifier made of words: `environ`, `apiKey`, `SECRET_KEY`, `get` (not `aK9dj3kLm2`). */
const WORDY = /^[A-Za-z_$][a-z_$]*(?:[A-Z][a-z_$]*)*\d{0,2}$|^[A-Z_][A-Z_]*\d{0,2}$/;

/**
 * Source code naming where a value comes from: a member path (`settings.SECRET_KEY`,
 * `Rails.application.credentials.api_key`), optionally indexed or called
 * (`os.environ["API_KEY"]`, `req.headers['x-api-key']`, `config.get("secret")`,
 * `System.getenv("TOKEN")`, `ENV.fetch('KEY')`, `getenv(DB_PASS)`).
 */
function isCodeReference(value: string, keyClass: KeyClass): boolean {
  if (value.length > 160 || !/^[A-Za-z_$]/.test(value)) return false;
  const m = /^([A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*)(\??\.?\(|\[|$)/.exec(value);
  if (m === null) return false;
  const path = m[1]!.split(/\??\./);
  if (!path.every((p) => WORDY.test(p))) return false;
  // A bare member path: any under a secret key; under a password key only from an object code
  // reads settings from (`Welcome.Home1` and `john.smith` are passwords).
  // Terraform and HCL name a resource's attribute: var.db_password, random_password.db.result.
  if (m[2] === '') return path.length >= 2 && path.length <= 6 && (keyClass !== 'password' || CODE_ROOTS.test(path[0]!) || (path[0]!.includes('_') && path.length >= 3));
  const close = m[2] === '(' ? ')' : ']';
  return value.endsWith(close) || value.endsWith(`${close};`) || /^[\w$.?]+[[(](?:["'{][\w$.:-]*)?$/.test(value);
}
