/**
 * The README's pino and winston snippets, run as written against the oldest versions the peer
 * ranges admit: pino 9.14 and winston 3.17 (the `pino9` and `winston317` aliased
 * devDependencies, nothing installed at test time). Each runs in an app that has logveil from
 * the packed tarball and those versions under the names `pino` and `winston` (packedApp.ts):
 * the transport snippets go through pino 9's own worker thread, thread-stream and `pino/file`,
 * loading logveil's `pino-transport` target from the app's node_modules. The newest versions
 * run the same snippets in test/readme-snippets.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackedApp, type PackedApp, root } from './packedApp.js';

const OLDEST = { pino: 'pino9', winston: 'winston317' } as const;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// The marker test/readme-snippets.test.ts reads.
const snippets = [...readme.matchAll(/<!-- snippet: ([\w-]+) secret=(\S+) -->\n```js\n([\s\S]*?)```/g)]
  .map((m) => ({ name: m[1]!, secret: m[2]!, code: m[3]! }))
  .filter((s) => /from '(pino|winston)'/.test(s.code));

let app: PackedApp;
beforeAll(() => {
  app = createPackedApp(OLDEST);
}, 60_000);
afterAll(() => app?.remove());

describe('README snippets on the oldest supported pino and winston', () => {
  it('the app loads pino 9.14.0 and winston 3.17.0', async () => {
    const { stdout } = await app.run('versions.cjs', `console.log(require('pino/package.json').version, require('winston/package.json').version);`);
    expect(stdout.trim()).toBe('9.14.0 3.17.0');
  });

  it('has the pino and winston snippets', () => {
    expect(snippets.map((s) => s.name)).toEqual(expect.arrayContaining(['pino-hook', 'pino-transport', 'pino-pipeline', 'winston']));
  });

  it.each(snippets.map((s) => [s.name, s] as const))('%s runs as written', async (_name, snippet) => {
    const { stdout, stderr } = await app.run(`${snippet.name}.mjs`, snippet.code);
    const output = stdout + stderr;
    expect(output).toContain('[REDACTED');
    expect(output).not.toContain(snippet.secret);
  });
});
