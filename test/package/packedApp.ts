/**
 * An app in a temporary directory that depends on logveil the way an install from the
 * registry would: `npm pack` makes the tarball from the build in dist/ (the test script builds
 * first), and it is unpacked into the app's node_modules. Imports from the app go through
 * package.json "exports" and see only the files the tarball carries. Nothing is downloaded:
 * logveil's own dependencies, and any other package the app needs, are symlinks into this
 * checkout's node_modules (from `npm ci`) — so `{ pino: 'pino9' }` makes the app's `pino` the
 * aliased pino 9 devDependency.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** What `npm pack --json` says about the tarball. */
export interface PackResult {
  readonly filename: string;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

/** The files `npm pack` would publish, without building (`--ignore-scripts`) or writing a tarball. */
export function packedFiles(): readonly string[] {
  const [result] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as PackResult[];
  return result!.files.map((f) => f.path);
}

export interface PackedApp {
  /** The app's folder (a fresh temporary directory). */
  readonly dir: string;
  /** Writes `code` to `name` in the app's folder and runs it with this node; rejects on a non-zero exit. */
  run(name: string, code: string): Promise<{ stdout: string; stderr: string }>;
  /** Removes the app's folder. */
  remove(): void;
}

/**
 * Makes the app. `links` maps a package name in the app to a package in this checkout's
 * node_modules (`{ winston: 'winston317' }`).
 */
export function createPackedApp(links: Readonly<Record<string, string>> = {}): PackedApp {
  const dir = mkdtempSync(join(tmpdir(), 'logveil-packed-'));
  try {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as PackResult[];
    const modules = join(dir, 'node_modules');
    mkdirSync(modules);
    execFileSync('tar', ['-xzf', join(dir, pack!.filename), '-C', modules]);
    rmSync(join(dir, pack!.filename));
    renameSync(join(modules, 'package'), join(modules, 'logveil'));
    symlinkSync(join(root, 'node_modules'), join(modules, 'logveil', 'node_modules'), 'dir');
    for (const [name, target] of Object.entries(links)) symlinkSync(join(root, 'node_modules', target), join(modules, name), 'dir');
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'logveil-packed-app', private: true })}\n`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    async run(name, code) {
      const file = join(dir, name);
      writeFileSync(file, code);
      return execFileAsync(process.execPath, [file], { cwd: dir, timeout: 30_000 });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
