/**
 * The literals that put a line in front of the context engine. Every key the classifier
 * accepts contains one of them (ASCII case-insensitively, as the prefilter compares), and so
 * does every command line the CLI-flag scanner reads: the engine's rules list them as their
 * keywords, and the engine looks for them again on the candidate line to find its keys.
 */

/** Key stems. Short, common stems (`pw`, `pat`, `sid`, `sig`) only with the punctuation around a key. */
export const KEY_STEMS: readonly string[] = [
  'pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred', 'cookie', 'otp', 'salt', 'hmac', 'psk',
  'sessid', 'sessionid', 'session_id', 'session-id', 'session.id',
  'pw=', 'pw:', 'pw"', "pw'", '_pw', '-pw', '.pw',
  'pat=', 'pat:', 'pat"', "pat'", '_pat', '-pat', '.pat',
  'sid=', 'sid:', 'sid"', "sid'", '_sid', '-sid', '.sid',
  'sig=', 'sig:', 'sig"', "sig'", '_sig', '-sig', '.sig', 'signature', '_verifier',
  'kennwort', 'contrase', 'clave', 'mdp', 'senha', 'wachtwoord', 'paswoord', 'parola', 'parol',
  'haslo', 'heslo', 'sifre', 'ifre', 'senord', 'passord', 'adgangskode', 'salasana', 'jelsz',
  'lozinka', 'sandi', 'chiave', 'schl', 'jeton', 'segredo', 'geheim',
  'пароль', 'Пароль', 'ПАРОЛЬ', 'hasło', 'κωδικός', 'Κωδικός', '密码', '密碼', 'パスワード', '비밀번호',
  'токен', 'Токен', 'секрет', 'Секрет', 'ключ', 'Ключ', 'clé',
];

/** Commands whose password options and arguments the command-line scanner reads (`mysql -pX`, `redis-cli -a X`). */
export const COMMAND_STEMS: readonly string[] = [
  'mysql', 'mariadb', 'redis-cli', 'ldap', 'mongo', 'sqlcmd', 'bcp ', 'osql', 'isql', 'smbclient',
  'docker', 'podman', 'nerdctl', 'buildah', 'skopeo', 'helm', 'oras', 'crane', 'az login',
  'sqlplus', 'rabbitmqctl', 'vault', 'openssl', 'sshpass', 'htpasswd', 'keytool',
  'configure set', 'secret set', 'sudo -S', 'chpasswd', '7z ', '7za ', 'zip ', 'cf login', 'oc login', 'cqlsh', 'twine', 'psexec', 'mosquitto_', 'ssh-keygen', 'xfreerdp', 'lftp',
  // curl in argv form only (`a0="curl"`, `['curl', …]`): a bare `curl` is in every access log's
  // user agent (`curl/8.5.0`), and the shell form is curl-user-password's.
  'curl"', "curl'",
];

/** Every keyword of the engine's rules. */
export const CONTEXT_KEYWORDS: readonly string[] = [...KEY_STEMS, ...COMMAND_STEMS];

function escape(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&');
}

/** U+017F and U+212A as UTF-8 read as latin1: RE2's `(?i)` (and so the prefilter) folds them onto s and k. */
const FOLDS: Readonly<Record<string, string>> = { s: '(?:s|\xc5\xbf)', k: '(?:k|\xe2\x84\xaa)' };

/** The key stems as one global, case-insensitive JS RegExp over a line read as latin1 (one char per byte). */
export function keyStemPattern(): RegExp {
  const alternatives = KEY_STEMS.map((k) => [...escape(Buffer.from(k, 'utf8').toString('latin1'))].map((c) => FOLDS[c.toLowerCase()] ?? c).join(''));
  return new RegExp(alternatives.join('|'), 'gi');
}

/** The command stems as one case-insensitive JS RegExp: a line without one skips the command-line scanner. */
export function commandStemPattern(): RegExp {
  return new RegExp(COMMAND_STEMS.map((k) => escape(k)).join('|'), 'i');
}
