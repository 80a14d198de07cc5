/**
 * Regression (issue 14): `--metrics 0.0.0.0:P` or `[::]:P` served findings counts on every
 * interface without a word. logveil now warns once on stderr when the metrics address is not
 * loopback (the warning names no address: the line before it gives the one bound).
 */
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { logveil } from '../cli/support.js';

const WARNING = 'logveil: warning: the metrics are served on a non-loopback address: findings counts can be read from other hosts';
const hasIPv6 = Object.values(networkInterfaces()).some((list) => list?.some((i) => i.family === 'IPv6'));

describe('--metrics on a non-loopback address', () => {
  it.each([
    ['0.0.0.0:0', 'warns'],
    ...(hasIPv6 ? [['[::]:0', 'warns'] as const] : []),
    ['0', 'is quiet'],
    ['127.0.0.1:0', 'is quiet'],
    ['localhost:0', 'is quiet'],
    ...(hasIPv6 ? [['[::1]:0', 'is quiet'] as const] : []),
  ] as const)('--metrics %s %s', async (address, outcome) => {
    const r = await logveil(['--metrics', address], 'password=hunter2\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^logveil: metrics on http:\/\/\S+\/metrics$/m);
    expect(r.stderr.split('\n').filter((l) => l === WARNING)).toHaveLength(outcome === 'warns' ? 1 : 0);
    expect(r.stderr).not.toMatch(/warning: (?!the metrics)/);
  });
});
