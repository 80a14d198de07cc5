/**
 * The text table of `logveil incidents`, in process: regressions found with large reports.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/cli/incidents/incidentLedger.js';
import { summarize } from '../../src/cli/incidents/periodSummary.js';
import { renderText } from '../../src/cli/incidents/textIncidents.js';

const T0 = Date.UTC(2026, 11, 1, 10);

function incident(k: number): Incident {
  return { fingerprint: (0x10000000 + k).toString(16), rules: ['github-pat'], names: [], firstSeen: T0 + k, lastSeen: T0 + k, count: 1, sources: ['web-1'], moreSources: false, states: [], retired: undefined, rotation: undefined };
}

describe('the text table', () => {
  it('prints 200,000 incidents (the widest cell of a column, taken with Math.max over the column, overflowed the stack)', () => {
    const incidents = Array.from({ length: 200_000 }, (_, k) => incident(k));
    const window = { since: undefined, until: undefined };
    const text = renderText({ incidents, summary: summarize(incidents, window), periods: undefined, reports: 1, skippedLines: 0 });
    const lines = text.split('\n');
    expect(lines).toHaveLength(1 + 200_000 + 3);
    expect(lines[200_000]).toMatch(/^10030d3f +github-pat +- +2026-12-01 10:03:19 +2026-12-01 10:03:19 +1 +web-1 +- +-$/);
    expect(lines.at(-2)).toBe('Summary, all findings: 200000 leaked secrets (200000 findings); none rotated.');
  });
});
