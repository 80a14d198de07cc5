import { defineConfig } from 'tsup';

// No sourcemaps in the build: the output is unminified esbuild output of the TypeScript (names
// kept, one module after another), so a stack trace into dist/ reads as it is; the maps were
// two thirds of the tarball. Set LOGVEIL_SOURCEMAP=1 for a local build with maps (they are
// never published: package.json "files" leaves out dist/**/*.map).
const sourcemap = process.env.LOGVEIL_SOURCEMAP === '1';

export default defineConfig([
  {
    // The library and its subpaths: ESM and CJS (a pino transport target is resolved with
    // require.resolve, so every subpath needs a require condition), with types.
    entry: {
      index: 'src/index.ts',
      stream: 'src/stream/index.ts',
      pino: 'src/integrations/pino.ts',
      'pino-transport': 'src/integrations/pinoTransport.ts',
      winston: 'src/integrations/winston/index.ts',
      otel: 'src/integrations/otel/index.ts',
    },
    format: ['esm', 'cjs'],
    // Shared chunks in both formats (esbuild splits ESM by default; tsup splits CJS only when
    // asked): every subpath entry requires the same core chunk, so there is one LogveilError,
    // one Redactor, … per format and `require('logveil/stream')` throws errors that are
    // `instanceof require('logveil').LogveilError` (test/package/one-core-per-format.test.ts).
    splitting: true,
    dts: true,
    sourcemap,
    clean: true,
    shims: true,
    target: 'node20',
    // (logveil/otel imports nothing from OpenTelemetry: its processor is typed structurally.)
    external: ['re2', 'pino', 'winston', 'logform', /^@opentelemetry\//],
  },
  {
    // The CLI, run by bin/logveil.js, and the worker-thread entries it starts: --workers
    // (span-worker) and `logveil scan` (scan-worker). ESM only, not an export; it keeps its own
    // copy of the core (sharing the library's chunks would need a second declaration build).
    entry: { cli: 'src/cli/index.ts', 'span-worker': 'src/stream/spanWorker.ts', 'scan-worker': 'src/cli/scan/scanWorker.ts' },
    format: ['esm'],
    sourcemap,
    target: 'node20',
    external: ['re2'],
  },
]);
