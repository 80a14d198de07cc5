/**
 * The log zoo generator keeps its own promises, whatever the engine does: the size, format
 * and class coverage the issue asks for, a stable corpus per seed, and labels that agree
 * with the text — scored against two stand-in redactors (one that changes nothing, one that
 * blanks exactly the labelled secrets), so a labelling mistake shows up here and not as an
 * engine miss.
 */
import { describe, expect, it } from 'vitest';
import { changedShare, recall, score, summarize } from './evaluate.js';
import { FP_CLASSES, generateLogZoo, SECRET_CLASSES } from './index.js';

const zoo = generateLogZoo(7, 20_000);

describe('log zoo generator', () => {
  it('has the size, the formats and the share of leaking lines the issue asks for', () => {
    expect(zoo).toHaveLength(20_000);
    const formats = new Set(zoo.map((l) => l.format));
    expect(formats.size).toBeGreaterThanOrEqual(25);
    const leaking = zoo.filter((l) => l.secrets.length > 0).length / zoo.length;
    expect(leaking).toBeGreaterThanOrEqual(0.15);
    expect(leaking).toBeLessThanOrEqual(0.25);
  });

  it('puts every leak class in several formats and every false-positive class in the corpus', () => {
    for (const cls of SECRET_CLASSES) {
      const formats = new Set(zoo.filter((l) => l.secrets.some((s) => s.cls === cls)).map((l) => l.format));
      expect(formats.size, cls).toBeGreaterThanOrEqual(3);
    }
    const fps = new Set(zoo.map((l) => l.fpClass).filter(Boolean));
    expect([...fps].sort()).toEqual([...FP_CLASSES].sort());
  });

  it('gives the same lines for the same seed and other lines for another', () => {
    expect(generateLogZoo(7, 500)).toEqual(zoo.slice(0, 500));
    expect(generateLogZoo(8, 500).map((l) => l.text)).not.toEqual(zoo.slice(0, 500).map((l) => l.text));
  });

  it('labels only text that is in the line, one entry per distinct secret', () => {
    for (const l of zoo) {
      expect(l.text).not.toMatch(/[\n\r]/);
      for (const s of l.secrets) expect(l.text).toContain(s.value);
      for (const k of l.survivors) expect(l.text).toContain(k);
      expect(new Set(l.secrets.map((s) => s.value)).size).toBe(l.secrets.length);
      if (l.fpClass) expect(l.secrets).toEqual([]);
      if (l.needsState) expect(l.secrets.length).toBeGreaterThan(0);
    }
  });

  it('scores a redactor that changes nothing at 0% and one that blanks exactly the secrets at 100%', () => {
    const none = summarize(score(zoo, zoo.map((l) => l.text), 'stream'), 'stream');
    expect(recall(none.overall)).toBe(0);
    expect(none.overall.altered).toBe(0);
    const blanked = zoo.map((l) => l.secrets.reduce((t, s) => t.split(s.value).join('[REDACTED]'), l.text));
    const ideal = summarize(score(zoo, blanked, 'stream'), 'stream');
    expect(recall(ideal.overall)).toBe(1);
    expect(changedShare(ideal.overall)).toBe(0);
    expect(ideal.overall.altered).toBe(0);
  });
});
