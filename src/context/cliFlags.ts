/**
 * Passwords on command lines, as shells (`+ cmd`), CI jobs, sudo and auditd (`a3="-pX"`),
 * process spawns (`['sqlcmd', '-P', 'X']`, `"args":["-P","X"]`) and process listings echo
 * them. The line is read as a list of argument words whatever the syntax around them; after
 * a known command's name, its password options and arguments are masked:
 *
 * `mysql -pX` (glued), `mysqladmin … password X`, `sshpass -p X`, `docker|podman|helm login -p X`,
 * `redis-cli -a X`, `ldapsearch -w X`, `mongosh -p X`, `sqlcmd -P X`, `smbclient -U user%X`,
 * `sqlplus user/X@db`, `htpasswd -b file user X`, `rabbitmqctl add_user user X`,
 * `vault login X`, `keytool -storepass X`, `openssl … -passout pass:X`, `az login -p X`,
 * `curl -u user:X` (in argv form; the shell form is also `curl-user-password`'s), `7z -pX`,
 * `zip -P X`, `cf|oc|cqlsh|twine|psexec -p X`, `mosquitto_pub -P X`, `ssh-keygen -N X`,
 * `xfreerdp /p:X`, `lftp -u user,X`, `aws configure set <credential key> X`, `gh secret set … --body X`,
 * a secret piped into `--password-stdin`, `chpasswd`, `sudo -S` or `passwd --stdin`, and
 * for any command a long option naming a credential: `--password X`, `--token X`.
 * (`--password=X` and `-storepass X` in shell syntax are the pair scanner's too; both find them.)
 */
import { classifyKey } from './keyClass.js';
import { commandStemPattern } from './keywords.js';
import type { Pair } from './pairs.js';
import { isSecretValue } from './valueClass.js';

/** One argument word: its text and where it stands in the line. */
interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const QUOTE = /["'`]/;
const COMMAND = commandStemPattern();
const OPENER: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
/** Commands read per line, and arguments per command (see PERF in scanCommandFlags). */
const MAX_COMMANDS = 16;
const MAX_ARGS = 256;

/**
 * The words of a line: runs between blanks and list punctuation (`[`, `]`, `,`, `(`, `)`,
 * `{`, `}`), with their quotes and the backslashes of escaped quotes taken off, and an
 * auditd `aN=` prefix dropped. Quoted words keep their inner blanks.
 */
function words(line: string): Word[] {
  const out: Word[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '[' || c === ']' || c === ',' || c === '(' || c === ')' || c === '{' || c === '}') {
      i++;
      continue;
    }
    // auditd: a3="-pX"
    const audit = /^a\d{1,3}=(?=["'])/.exec(line.slice(i, i + 6));
    if (audit !== null) i += audit[0].length;
    // A quote, possibly escaped (\" at one JSON depth, \\\" at two).
    let j = i;
    while (line[j] === '\\') j++;
    if (j < n && QUOTE.test(line[j]!)) {
      const open = line.slice(i, j + 1);
      const close = line.indexOf(open, j + 1);
      const start = j + 1;
      const end = close === -1 ? n : close;
      // A quoted command line (`"cmd":"mysql -u app -pX"`, `args="[-w X]"`): its own words.
      // A quoted option keeps its blanks (`'-pTr0ub 4dor'`).
      if (/\s/.test(line.slice(start, end)) && line[start] !== '-') {
        for (const w of words(line.slice(start, end))) out.push({ text: w.text, start: start + w.start, end: start + w.end });
      } else {
        out.push({ text: line.slice(start, end), start, end });
      }
      i = close === -1 ? n : close + open.length;
      continue;
    }
    const start = i;
    while (i < n && !/[\s,\]"'`]/.test(line[i]!) && !(line[i] === '\\' && /["'`]/.test(line[i + 1] ?? ''))) i++;
    // Brackets around a list or a call are not part of its last word: `…, 'x'])`, `run(cmd)`.
    let end = i;
    while (end > start && /[)\]}]/.test(line[end - 1]!) && !line.slice(start, end - 1).includes(OPENER[line[end - 1]!]!)) end--;
    if (end === start) i = Math.max(i, start + 1);
    else out.push({ text: line.slice(start, end), start, end });
  }
  return out;
}

type Reader = (args: readonly Word[], emit: (w: Word, from?: number, to?: number) => void) => void;

/** The word after the first word equal to one of `flags` (not itself an option). */
function after(args: readonly Word[], flags: readonly string[], emit: (w: Word) => void): void {
  for (let k = 0; k + 1 < args.length; k++) {
    if (flags.includes(args[k]!.text) && !args[k + 1]!.text.startsWith('-')) emit(args[k + 1]!);
  }
}

/** The positional words (not options, not an option's value for the `valued` options). */
function positional(args: readonly Word[], valued: readonly string[] = []): Word[] {
  const out: Word[] = [];
  for (let k = 0; k < args.length; k++) {
    const t = args[k]!.text;
    if (t.startsWith('-')) {
      if (valued.includes(t)) k++;
      continue;
    }
    out.push(args[k]!);
  }
  return out;
}

const MYSQL: Reader = (args, emit) => {
  for (let k = 0; k < args.length; k++) {
    const w = args[k]!;
    // -pSECRET (glued; `-p` alone prompts). `mysqladmin … password NEW` sets one.
    if (w.text.startsWith('-p') && w.text.length > 2 && !w.text.startsWith('--')) emit(w, 2);
    else if (w.text === 'password' && k + 1 < args.length && !args[k + 1]!.text.startsWith('-')) emit(args[k + 1]!);
  }
};

const COMMANDS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ...['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlcheck', 'mysqlshow', 'mysqlpump', 'mariadb', 'mariadb-dump', 'mariadb-admin'].map((c) => [c, MYSQL] as const),
  ['sshpass', (args, emit) => {
    for (const w of args) if (w.text.startsWith('-p') && w.text.length > 2) emit(w, 2);
    after(args, ['-p'], emit);
  }],
  ...['docker', 'podman', 'nerdctl', 'buildah', 'skopeo', 'helm', 'oras', 'crane', 'az'].map((c) => [c, ((args, emit) => {
    if (args.some((w) => w.text === 'login')) after(args, ['-p'], emit);
  }) as Reader] as const),
  ['redis-cli', (args, emit) => after(args, ['-a', '--pass'], emit)],
  ...['ldapsearch', 'ldapmodify', 'ldapadd', 'ldapdelete', 'ldapwhoami', 'ldappasswd', 'ldapcompare', 'ldapmodrdn', 'ldapexop', 'ldapurl'].map((c) => [c, ((args, emit) => after(args, ['-w'], emit)) as Reader] as const),
  ...['mongo', 'mongosh', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop', 'mongofiles'].map((c) => [c, ((args, emit) => after(args, ['-p'], emit)) as Reader] as const),
  ...['sqlcmd', 'bcp', 'osql', 'isql'].map((c) => [c, ((args, emit) => {
    for (const w of args) if (w.text.startsWith('-P') && w.text.length > 2) emit(w, 2);
    after(args, ['-P'], emit);
  }) as Reader] as const),
  ['smbclient', (args, emit) => after(args, ['-U', '--user'], (w) => {
    const pct = w.text.indexOf('%');
    if (pct !== -1) emit(w, pct + 1);
  })],
  ['sqlplus', (args, emit) => {
    const login = positional(args)[0];
    if (login === undefined) return;
    const slash = login.text.indexOf('/');
    if (slash <= 0) return;
    const at = login.text.indexOf('@', slash);
    emit(login, slash + 1, at === -1 ? login.text.length : at);
  }],
  ['htpasswd', (args, emit) => {
    const flags = args.filter((w) => w.text.startsWith('-')).map((w) => w.text).join('');
    if (!flags.includes('b')) return;
    const pos = positional(args);
    const password = flags.includes('n') ? pos[1] : pos[2];
    if (password !== undefined) emit(password);
  }],
  ['rabbitmqctl', (args, emit) => {
    const pos = positional(args);
    if ((pos[0]?.text === 'add_user' || pos[0]?.text === 'change_password') && pos[2] !== undefined) emit(pos[2]);
  }],
  ['vault', (args, emit) => {
    const pos = positional(args);
    if (pos[0]?.text === 'login' && pos[1] !== undefined && !pos[1].text.includes('=')) emit(pos[1]);
  }],
  ['keytool', (args, emit) => after(args, ['-storepass', '-keypass', '-srcstorepass', '-deststorepass', '-srckeypass', '-destkeypass', '-new'], emit)],
  // Archivers, remote shells, brokers, uploaders: -pX / -P X / /p:X / -N X / -u user,X.
  ['7z', (args, emit) => { for (const w of args) if (/^-p./.test(w.text)) emit(w, 2); }],
  ['7za', (args, emit) => { for (const w of args) if (/^-p./.test(w.text)) emit(w, 2); }],
  ...['zip', 'unzip'].map((c) => [c, ((args, emit) => after(args, ['-P', '--password'], emit)) as Reader] as const),
  ...['cf', 'oc', 'cqlsh', 'twine', 'psexec', 'psexec64'].map((c) => [c, ((args, emit) => after(args, ['-p', '--password'], emit)) as Reader] as const),
  ...['mosquitto_pub', 'mosquitto_sub'].map((c) => [c, ((args, emit) => after(args, ['-P', '--pw'], emit)) as Reader] as const),
  ['ssh-keygen', (args, emit) => after(args, ['-N', '-P'], emit)],
  ['xfreerdp', (args, emit) => { for (const w of args) if (/^\/p:./.test(w.text)) emit(w, 3); }],
  ['lftp', (args, emit) => {
    // -u user,password: the comma splits it into two words, the second right after the first.
    for (let k = 0; k + 2 < args.length; k++) {
      if ((args[k]!.text === '-u' || args[k]!.text === '--user') && args[k + 2]!.start === args[k + 1]!.end + 1) emit(args[k + 2]!);
    }
  }],
  // Settings written from the command line: `aws configure set aws_secret_access_key X`,
  // `gh secret set DB_PASSWORD --body X`.
  ['aws', (args, emit) => {
    const pos = positional(args);
    if (pos[0]?.text === 'configure' && pos[1]?.text === 'set' && pos[3] !== undefined && classifyKey(pos[2]!.text) !== undefined) emit(pos[3]);
  }],
  ['gh', (args, emit) => {
    if (args.some((w) => w.text === 'secret')) after(args, ['--body', '-b'], emit);
  }],
  ['curl', (args, emit) => after(args, ['-u', '--user', '--proxy-user', '-U'], (w) => {
    const colon = w.text.indexOf(':');
    if (colon !== -1) emit(w, colon + 1);
  })],
  ['openssl', (args, emit) => after(args, ['-passin', '-passout', '-pass', '-password', '-k'], (w) => {
    if (w.text.startsWith('pass:')) emit(w, 5);
    else if (!/^(?:env|file|fd|stdin)\b/.test(w.text) && args.some((a) => a.text === '-k')) emit(w);
  })],
]);

/** The name of a command word: its basename (`/usr/bin/mysql` → `mysql`, `file=mysqldump` → `mysqldump`). */
function commandName(text: string): string {
  const cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf('='));
  return cut === -1 ? text : text.slice(cut + 1);
}

/** Keys whose value names the program of a spawn whose arguments are logged elsewhere on the line. */
const PROGRAM_KEY = /(?:^|[^\w])(?:file|command|cmd|path|exe|executable|program|binary)\\*["']?\s*[:=]\s*\\*["']?$/;

/** Appends the passwords on the command lines of `line` (latin1) to `out`, offsets plus `base`. */
export function scanCommandFlags(line: string, base: number, out: Pair[]): void {
  // PERF: splitting a line into words is the costly part; most candidate lines name no command.
  if (!COMMAND.test(line) && !line.includes('--')) return;
  const all = words(line);
  let commands = 0;
  const emit = (w: Word, from = 0, to = w.text.length) => {
    const value = w.text.slice(from, to);
    if (value.length === 0 || value.startsWith('-') || !isSecretValue(value, 'password')) return;
    // A placeholder for the argument or its value: `<user:password>`, `${USER}:${PASS}`, `neo4j:[PASSWORD]`.
    if (/^[<{$%[]/.test(w.text) || /^[<{$%[]/.test(value)) return;
    out.push({ start: base + w.start + from, end: base + w.start + to, keyClass: 'password', syntax: 'cli' });
  };
  // A secret piped into a command that reads it from standard input:
  // `echo X | docker login --password-stdin`, `echo 'user:X' | chpasswd`, `echo X | sudo -S …`.
  for (let k = 0; k + 3 < all.length; k++) {
    if (all[k]!.text !== 'echo' || all[k + 2]!.text !== '|') continue;
    const reader = all.slice(k + 3, k + 12).map((w) => w.text);
    const value = all[k + 1]!;
    if (reader.includes('chpasswd')) {
      const colon = value.text.indexOf(':');
      if (colon > 0) emit(value, colon + 1);
    } else if (reader.includes('--password-stdin') || (reader[0] === 'sudo' && reader[1] === '-S') || (reader.includes('passwd') && reader.includes('--stdin'))) {
      emit(value);
    }
  }
  for (let k = 0; k < all.length; k++) {
    const w = all[k]!;
    // Any command: --password X, --token X as separate words (list and argv forms).
    if (/^--[A-Za-z][\w.-]*$/.test(w.text) && k + 1 < all.length && !all[k + 1]!.text.startsWith('-')) {
      const c = classifyKey(w.text.slice(2));
      if (c === 'password' || c === 'secret') {
        const next = all[k + 1]!;
        if (next.start > w.end && isSecretValue(next.text, c, { quotedKey: true }) && !next.text.startsWith('-')) {
          out.push({ start: base + next.start, end: base + next.end, keyClass: c, syntax: 'cli' });
        }
      }
    }
    const reader = COMMANDS.get(commandName(w.text));
    // PERF: a reader walks its arguments; a line naming commands thousands of times would make
    // that quadratic. A real command line names a handful.
    if (reader === undefined || ++commands > MAX_COMMANDS) continue;
    // A spawn logged as fields, `"file":"sshpass", "args":[…]`: the arguments are anywhere on the line.
    const alone = w.text.startsWith('file=') || (PROGRAM_KEY.test(line.slice(Math.max(0, w.start - 16), w.start)) && QUOTE.test(line[w.end] ?? ''));
    if (alone) {
      const others = all.filter((x) => x !== w);
      const args = others.findIndex((x) => /^(?:args|argv|arguments)$/.test(x.text));
      reader((args === -1 ? others : others.slice(args + 1)).filter((x) => !/^[:=[\]{}()]+$/.test(x.text)).slice(0, MAX_ARGS), emit);
      continue;
    }
    // The command's arguments: up to a shell separator.
    let e = k + 1;
    while (e < all.length && e - k <= MAX_ARGS && !/^(?:\||\|\||&&|;)$/.test(all[e]!.text)) e++;
    reader(all.slice(k + 1, e), emit);
  }
}
