/**
 * package.json against the build and the tarball, without the network (`npx publint` and
 * `npx @arethetypeswrong/cli --pack .` say the same with a download; this is what CI can run):
 * - every export subpath has types and code under both `import` and `require` (`.d.ts`/`.js`,
 *   `.d.cts`/`.cjs`), and a `default`;
 * - `typesVersions` gives each subpath its types for `moduleResolution: node` (node10), which
 *   does not read "exports" — the same file as the `require` condition, no entry for a subpath
 *   that is not exported;
 * - every file package.json names (main, module, types, exports, typesVersions, bin) is built
 *   and in the tarball; the tarball has the LICENSE and no sourcemaps;
 * - the peer ranges admit the oldest versions tested (the aliased pino9 and winston317
 *   devDependencies, test/package/oldest-peers.test.ts) and no older major, and the newest
 *   (the pino and winston devDependencies).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { packedFiles, root } from './packedApp.js';

interface Conditions {
  readonly types: string;
  readonly default: string;
}
interface Manifest {
  readonly license: string;
  readonly repository?: { readonly url: string };
  readonly homepage?: string;
  readonly bugs?: { readonly url: string };
  readonly main: string;
  readonly module: string;
  readonly types: string;
  readonly sideEffects?: boolean;
  readonly exports: Record<string, string | { readonly import: Conditions; readonly require: Conditions; readonly default: string }>;
  readonly typesVersions?: Record<string, Record<string, readonly string[]>>;
  readonly bin: Record<string, string>;
  readonly peerDependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const subpaths = Object.entries(manifest.exports).filter(([key]) => key !== './package.json');
const packed = new Set(packedFiles());
const file = (path: string) => path.replace(/^\.\//, '');

describe('exports', () => {
  it.each(subpaths)('%s: types and code in both conditions, and a default', (_subpath, target) => {
    if (typeof target === 'string') throw new Error('a bare string export has no types condition');
    expect(Object.keys(target)).toEqual(['import', 'require', 'default']);
    expect(Object.keys(target.import), 'types must come first').toEqual(['types', 'default']);
    expect(Object.keys(target.require), 'types must come first').toEqual(['types', 'default']);
    expect(target.import.types).toMatch(/\.d\.ts$/);
    expect(target.import.default).toMatch(/\.js$/);
    expect(target.require.types).toMatch(/\.d\.cts$/);
    expect(target.require.default).toMatch(/\.cjs$/);
    expect(target.default).toBe(target.require.default);
  });
});

describe('typesVersions (moduleResolution: node)', () => {
  const map = manifest.typesVersions?.['*'] ?? {};

  it('has a key for "*" only, and one entry per exported subpath', () => {
    expect(Object.keys(manifest.typesVersions ?? {})).toEqual(['*']);
    expect(Object.keys(map).sort()).toEqual(subpaths.map(([subpath]) => subpath.slice(2)).filter((name) => name !== '').sort());
  });

  it.each(subpaths.filter(([subpath]) => subpath !== '.'))('%s: points at the types of its require condition', (subpath, target) => {
    expect(map[subpath.slice(2)]).toEqual([typeof target === 'string' ? undefined : target.require.types]);
  });
});

describe('the files package.json names are built and published', () => {
  const named: readonly (readonly [field: string, path: string])[] = [
    ['main', manifest.main],
    ['module', manifest.module],
    ['types', manifest.types],
    ...subpaths.flatMap(([subpath, target]) => (typeof target === 'string' ? [] : [target.import.types, target.import.default, target.require.types, target.require.default].map((path) => [`exports["${subpath}"]`, path] as const))),
    ...Object.entries(manifest.typesVersions?.['*'] ?? {}).flatMap(([name, paths]) => paths.map((path) => [`typesVersions["${name}"]`, path] as const)),
    ...Object.entries(manifest.bin).map(([name, path]) => [`bin.${name}`, path] as const),
  ];

  it.each(named)('%s: %s', (_field, path) => {
    expect(existsSync(join(root, path)), 'run the build first (npx tsup)').toBe(true);
    expect(packed).toContain(file(path));
  });

  it('the tarball has the LICENSE and no sourcemaps', () => {
    expect(packed).toContain('LICENSE');
    expect([...packed].filter((path) => path.endsWith('.map'))).toEqual([]);
    for (const path of packed) if (/\.c?js$/.test(path)) expect(readFileSync(join(root, path), 'utf8'), path).not.toContain('sourceMappingURL');
  });
});

describe('metadata', () => {
  it('says MIT in package.json and in LICENSE, and where the project lives', () => {
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} logveil contributors\n/);
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\/.+\.git$/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs?.url).toMatch(/^https:\/\//);
  });

  it('has no import-time side effects to keep (sideEffects: false)', () => {
    expect(manifest.sideEffects).toBe(false);
  });
});

describe('peer ranges are what is tested', () => {
  it.each([
    ['pino', 'pino9'],
    ['winston', 'winston317'],
  ])('%s: the range admits the oldest tested version (%s), in the oldest major it admits, and the newest', (peer, oldest) => {
    const range = manifest.peerDependencies[peer]!;
    const alias = /^npm:([^@]+)@(\d+\.\d+\.\d+)$/.exec(manifest.devDependencies[oldest] ?? '');
    expect(alias?.[1], 'an exact version of the same package').toBe(peer);
    expect(semver.satisfies(alias![2]!, range)).toBe(true);
    expect(semver.major(semver.minVersion(range)!)).toBe(semver.major(alias![2]!));
    const newest = (JSON.parse(readFileSync(join(root, 'node_modules', peer, 'package.json'), 'utf8')) as { version: string }).version;
    expect(semver.satisfies(newest, range), `${peer} ${newest}`).toBe(true);
  });
});
