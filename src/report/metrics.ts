/**
 * Prometheus metrics for alerting on spikes of findings: counters read from the stream and
 * known-secret counters at scrape time (nothing is added to the hot path), served as text
 * on `/metrics` by a small HTTP server. Rotation progress: sightings of each known secret by
 * state (`current`, `retiring`, `retired`) and the time of the last one — traffic moving from
 * the old key to the new one, and when the last line carrying the old one went by.
 */
import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Registry } from 'prom-client';
import type { KnownSecretsStats } from '../known/knownSecrets.js';
import type { StreamStats } from '../stream/lineRedactor.js';

/** What the metrics are read from, at each scrape. */
export interface MetricsSources {
  readonly stream: () => StreamStats;
  readonly known?: () => KnownSecretsStats;
}

/** A counter whose value is read from `read` at scrape time (a monotonic total kept elsewhere). */
function pulledCounter(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

/**
 * A registry with logveil's metrics.
 *
 * @example
 * const registry = metricsRegistry({ stream: () => stream.stats() });
 * await registry.metrics(); // '# HELP logveil_findings_total …'
 */
export function metricsRegistry(sources: MetricsSources): Registry {
  const registry = new Registry();
  new Counter({
    name: 'logveil_findings_total',
    help: 'Secrets masked, by rule id (known-secret for known values).',
    labelNames: ['rule'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [rule, n] of Object.entries(sources.stream().findings)) this.inc({ rule }, n);
    },
  });
  pulledCounter(registry, 'logveil_lines_total', 'Lines read.', () => sources.stream().lines ?? 0);
  pulledCounter(registry, 'logveil_bytes_total', 'Bytes read.', () => sources.stream().bytes);
  pulledCounter(registry, 'logveil_long_line_windows_total', 'Windows scanned for lines longer than the maximum line length.', () => sources.stream().longLineWindows);
  pulledCounter(registry, 'logveil_internal_errors_total', 'Internal errors (the affected lines were masked whole).', () => sources.stream().errors);
  const known = sources.known;
  if (known !== undefined) {
    pulledCounter(registry, 'logveil_known_secret_reloads_total', 'Times the known secrets were read again (file changes, SIGHUP).', () => known().reloads);
    new Gauge({
      name: 'logveil_known_secrets',
      help: 'Known secrets masked now: current ones, rotated-out ones in their grace period (retiring) and past it (retired, kept for the retired TTL).',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const s = known();
        this.set({ state: 'current' }, s.active);
        this.set({ state: 'retiring' }, s.retiring);
        this.set({ state: 'retired' }, s.retired);
      },
    });
  }
  new Counter({
    name: 'logveil_known_secret_sightings_total',
    help: 'Findings of known secrets by name and state (current, retiring, retired); a revoked fingerprint found by a rule counts as retired under the rule id.',
    labelNames: ['name', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of sources.stream().sightings ?? []) this.inc({ name: s.name, state: s.state }, s.count);
    },
  });
  new Gauge({
    name: 'logveil_known_secret_last_seen_seconds',
    help: 'Unix time of the last finding of a known secret by name and state: when the last line carrying a rotated-out key went by.',
    labelNames: ['name', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of sources.stream().sightings ?? []) this.set({ name: s.name, state: s.state }, s.lastSeen / 1000);
    },
  });
  return registry;
}

/**
 * Serves `registry` on `http://host:port/metrics` (404 elsewhere). Resolves once listening;
 * rejects with the listen error (a port in use, an address not on this host).
 */
export function serveMetrics(registry: Registry, host: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(req.method === 'HEAD' ? undefined : text),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${err.message}\n`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.unref();
      resolve(server);
    });
  });
}
