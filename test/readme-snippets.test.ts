/**
 * Every README code block marked `<!-- snippet: NAME secret=VALUE -->` is run verbatim as an
 * ES module, in a real child process, importing logveil by its package name (the build in
 * dist/, resolved through package.json "exports" as a user's install would). It must exit 0,
 * print at least one mask and never print the secret.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/<!-- snippet: ([\w-]+) secret=(\S+) -->\n```js\n([\s\S]*?)```/g)].map((m) => ({ name: m[1]!, secret: m[2]!, code: m[3]! }));
const dir = join(root, 'test', '.snippets');
mkdirSync(dir, { recursive: true });

describe('README snippets', () => {
  it('has the snippets the README promises', () => {
    expect(snippets.map((s) => s.name)).toEqual(expect.arrayContaining(['core', 'stream', 'pino-hook', 'pino-transport', 'pino-pipeline', 'winston']));
  });

  it.each(snippets.map((s) => [s.name, s] as const))('%s runs as written', async (_name, snippet) => {
    const file = join(dir, `${snippet.name}.mjs`);
    writeFileSync(file, snippet.code);
    const { stdout, stderr } = await run(process.execPath, [file], { cwd: root, timeout: 30_000 });
    const output = stdout + stderr;
    expect(output).toContain('[REDACTED');
    expect(output).not.toContain(snippet.secret);
  });
});
