/**
 * `logveil/otel` as an application installs it: from the packed tarball (packedApp.ts), with
 * the OpenTelemetry logs SDK of this checkout. The processor is typed structurally and imports
 * nothing from OpenTelemetry (so the optional peer is never loaded by logveil itself); it runs
 * first in a real `LoggerProvider` from both module formats; the peer range admits the SDK
 * tested here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPackedApp, type PackedApp, root } from './packedApp.js';

const SLACK = 'xoxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F';
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };

/** Emits one record with a token in the body and a password attribute; prints what was exported. */
function app(format: 'cjs' | 'esm'): string {
  const load = (m: string) => (format === 'cjs' ? `require(${JSON.stringify(m)})` : `await import(${JSON.stringify(m)})`);
  return `${format === 'cjs' ? '(async () => {' : ''}
const { LoggerProvider, SimpleLogRecordProcessor, InMemoryLogRecordExporter } = ${load('@opentelemetry/sdk-logs')};
const { redactLogRecordProcessor } = ${load('logveil/otel')};
const exporter = new InMemoryLogRecordExporter();
const provider = new LoggerProvider({ processors: [redactLogRecordProcessor(), new SimpleLogRecordProcessor({ exporter })] });
provider.getLogger('app').emit({ body: 'token ${SLACK}', attributes: { password: 'Sup3r-S3cret-Pw!' } });
const [record] = exporter.getFinishedLogRecords();
console.log(JSON.stringify({ body: record.body, attributes: record.attributes }));
${format === 'cjs' ? '})();' : ''}`;
}

let packed: PackedApp;
beforeAll(() => {
  packed = createPackedApp({ '@opentelemetry': '@opentelemetry' });
}, 60_000);
afterAll(() => packed?.remove());

describe('logveil/otel from the tarball', () => {
  it.each(['cjs', 'esm'] as const)('%s: the exporter receives the masked record', async (format) => {
    const { stdout } = await packed.run(`otel.${format === 'cjs' ? 'cjs' : 'mjs'}`, app(format));
    expect(JSON.parse(stdout)).toEqual({ body: 'token [REDACTED:slack-bot-token]', attributes: { password: '[REDACTED:sensitive-key]' } });
  });

  it('imports nothing from OpenTelemetry, in code or types', () => {
    for (const file of ['dist/otel.js', 'dist/otel.cjs', 'dist/otel.d.ts', 'dist/otel.d.cts']) {
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/^(?:import|export)\b[^\n]*["']@opentelemetry\/|\brequire\(\s*["']@opentelemetry\//m); // (doc comments may name it)
    }
  });
});

describe('the peer dependency', () => {
  it('is optional, and its range admits the SDK tested here', () => {
    expect(manifest.peerDependenciesMeta['@opentelemetry/sdk-logs']).toEqual({ optional: true });
    const tested = (JSON.parse(readFileSync(join(root, 'node_modules/@opentelemetry/sdk-logs/package.json'), 'utf8')) as { version: string }).version;
    expect(semver.satisfies(tested, manifest.peerDependencies['@opentelemetry/sdk-logs']!)).toBe(true);
  });
});
