/**
 * One copy of each class per module format. Every subpath entry of the published package
 * loads the same core, so an error thrown through `logveil/stream`, `/pino`, `/pino-transport`,
 * `/winston` or `/otel` is an instance of the `LogveilError` and `OptionsError` that `logveil`
 * exports — in CommonJS (each CJS entry once inlined a core of its own, and failed this) and
 * in ESM. Run in a child process against the packed package (see packedApp.ts); a second check
 * reads the tarball's files: the CJS entries and the ESM entries each reach one file that
 * defines `class LogveilError`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackedApp, type PackedApp, packedFiles, root } from './packedApp.js';

/** Each entry with a call that throws an OptionsError (an unknown option key). */
const ENTRIES = [
  ['logveil', `(m) => m.createRedactor({ nosuch: 1 })`],
  ['logveil/stream', `(m) => m.createRedactStream({ nosuch: 1 })`],
  ['logveil/pino', `(m) => m.pinoHooks({ nosuch: 1 })`],
  ['logveil/pino-transport', `(m) => m.default({ nosuch: 1 })`], // async: rejects
  ['logveil/winston', `(m) => m.redactFormat({ nosuch: 1 })`],
  ['logveil/otel', `(m) => m.redactLogRecordProcessor({ nosuch: 1 })`],
] as const;

/** A script that loads each entry, catches its error and prints which classes it belongs to. */
function script(format: 'cjs' | 'esm'): string {
  const load = (specifier: string) => (format === 'cjs' ? `require(${JSON.stringify(specifier)})` : `await import(${JSON.stringify(specifier)})`);
  return `${format === 'cjs' ? '(async () => {' : ''}
const core = ${load('logveil')};
const rows = {};
for (const [specifier, call] of [${ENTRIES.map(([s, c]) => `[${JSON.stringify(s)}, ${c}]`).join(', ')}]) {
  let error;
  try {
    await call(specifier === 'logveil/pino-transport' ? ${format === 'cjs' ? 'require' : 'await import'}('logveil/pino-transport') : ${format === 'cjs' ? 'require' : 'await import'}(specifier));
  } catch (e) {
    error = e;
  }
  rows[specifier] = { name: error?.name, logveilError: error instanceof core.LogveilError, optionsError: error instanceof core.OptionsError };
}
console.log(JSON.stringify(rows));
${format === 'cjs' ? '})();' : ''}`;
}

let app: PackedApp;
const results: Record<string, Record<string, { name?: string; logveilError: boolean; optionsError: boolean }>> = {};

beforeAll(async () => {
  app = createPackedApp();
  for (const format of ['cjs', 'esm'] as const) results[format] = JSON.parse((await app.run(`identity.${format === 'cjs' ? 'cjs' : 'mjs'}`, script(format))).stdout);
}, 60_000);
afterAll(() => app?.remove());

describe('one core per module format, through the package exports', () => {
  const rows = (['cjs', 'esm'] as const).flatMap((format) => ENTRIES.map(([specifier]) => [format, specifier] as const));
  it.each(rows)('%s: an error thrown by %s is a LogveilError and an OptionsError of logveil', (format, specifier) => {
    expect(results[format]![specifier]).toEqual({ name: 'OptionsError', logveilError: true, optionsError: true });
  });
});

describe('the tarball carries the core once per format', () => {
  const files = new Set(packedFiles());

  /** The packed files an entry reaches through relative imports and requires. */
  function reached(entries: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const todo = [...entries];
    while (todo.length > 0) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
        const next = normalize(join(dirname(file), m[1]!));
        expect(files, `${file} imports ${m[1]}, which is not in the tarball`).toContain(next);
        todo.push(next);
      }
    }
    return seen;
  }

  it.each([
    ['CJS', '.cjs'],
    ['ESM', '.js'],
  ])('%s entries reach one file that defines LogveilError', (_format, ext) => {
    const entries = ['index', 'stream', 'pino', 'pino-transport', 'winston', 'otel'].map((name) => `dist/${name}${ext}`);
    const defining = [...reached(entries)].filter((file) => /\bclass LogveilError\b|\bLogveilError = class\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(defining).toHaveLength(1);
  });
});
