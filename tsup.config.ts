import { defineConfig } from 'tsup';

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
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    shims: true,
    target: 'node20',
    external: ['re2', 'pino', 'winston', 'logform'],
  },
  {
    // The CLI, run by bin/logveil.js, and the worker-thread entries it starts: --workers
    // (span-worker) and `logveil scan` (scan-worker).
    entry: { cli: 'src/cli/index.ts', 'span-worker': 'src/stream/spanWorker.ts', 'scan-worker': 'src/cli/scan/scanWorker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    external: ['re2'],
  },
]);
