/**
 * Short password options of common commands, as shells, CI jobs and process listings echo
 * them: `mysql -u app -pS3cret`, `sshpass -p S3cret`, `docker login -p S3cret`,
 * `redis-cli -a S3cret`, `ldapsearch -w S3cret`, `mongosh -p S3cret`, `sqlcmd -P S3cret`,
 * `smbclient -U user%S3cret`, `az login -p S3cret`. Long options (`--password S3cret`) are
 * the pair scanner's. The command must stand before its option on the same line.
 */
import type { Pair } from './pairs.js';
import { isSecretValue } from './valueClass.js';

/** A value: quoted (`'…'`, `"…"`) or bare up to whitespace, a quote or an escape. Group 1, 2 or 3. */
const VALUE = String.raw`(?:'([^'\n]{1,512})'|"([^"\\\n]{1,512})"|([^\s"'\\]{1,512}))`;
/** The rest of one command: no pipe, `;`, `&&` or line end in between. */
const ARGS = String.raw`[^|;&\n]{0,400}?`;

const COMMANDS: readonly RegExp[] = [
  // mysql's -p takes its value glued; `-p value` would prompt and read `value` as a database.
  new RegExp(String.raw`\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlshow|mysqlpump|mariadb(?:-dump|-admin)?)\b${ARGS}\s-p${VALUE}`, 'g'),
  new RegExp(String.raw`\bsshpass\b${ARGS}\s-p\s*${VALUE}`, 'g'),
  new RegExp(String.raw`\b(?:docker|podman|nerdctl|buildah|skopeo|helm(?:\s+registry)?|oras|crane)\s+(?:\S+\s+){0,3}?login\b${ARGS}\s-p\s+${VALUE}`, 'g'),
  new RegExp(String.raw`\bredis-cli\b${ARGS}\s-a\s+${VALUE}`, 'g'),
  new RegExp(String.raw`\bldap(?:search|modify|add|delete|whoami|passwd|compare|modrdn|exop|url)?\b${ARGS}\s-w\s+${VALUE}`, 'g'),
  new RegExp(String.raw`\bmongo(?:sh|dump|restore|export|import|stat|top|files)?\b${ARGS}\s-p\s+${VALUE}`, 'g'),
  new RegExp(String.raw`\b(?:sqlcmd|bcp|osql|isql)\b${ARGS}\s-P\s*${VALUE}`, 'g'),
  new RegExp(String.raw`\bsmbclient\b${ARGS}\s-U\s+[^\s%]{1,128}%${VALUE}`, 'g'),
  new RegExp(String.raw`\baz\s+login\b${ARGS}\s-p\s+${VALUE}`, 'g'),
];

/** Appends the password of each such command in `line` (latin1) to `out`, offsets plus `base`. */
export function scanCommandFlags(line: string, base: number, out: Pair[]): void {
  for (const re of COMMANDS) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      const g = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
      const value = m[g]!;
      const end = m.index + m[0].length - (g === 3 ? 0 : 1);
      const start = end - value.length;
      if (value.startsWith('-') || !isSecretValue(value, 'password')) continue;
      out.push({ start: base + start, end: base + end, keyClass: 'password', syntax: 'cli' });
    }
  }
}
