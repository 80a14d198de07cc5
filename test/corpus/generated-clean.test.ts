/**
 * The benchmark corpus's clean lines (pino JSON, nginx, logfmt, Java/Node stack traces, plain
 * text, commit and image digests) must pass unchanged, and its planted secrets must all be
 * masked: the same seeded generator the benchmark uses, 50,000 lines.
 */
import { describe, expect, it } from 'vitest';
import { corpusGenerator } from '../../bench/corpus.js';
import { createRedactor } from '../../src/index.js';

describe('seeded realistic log lines', () => {
  it('leaves every clean line unchanged and masks every planted secret', () => {
    const next = corpusGenerator(20261127);
    const redactor = createRedactor();
    const falsePositives: string[] = [];
    const missed: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const { line, secret } = next();
      const out = redactor.redact(line);
      if (!secret && out !== line) falsePositives.push(out);
      if (secret && !out.includes('[REDACTED:')) missed.push(line);
    }
    expect(falsePositives).toEqual([]);
    expect(missed).toEqual([]);
  });
});
