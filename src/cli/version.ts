/** The package version, read once from package.json (above dist/, or above src/cli/ when run from source). */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'logveil' && pkg.version !== undefined) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return 'unknown';
}

export const VERSION = readVersion();
