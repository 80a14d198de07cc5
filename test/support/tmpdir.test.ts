/** The test run's temporary directory (test/support/globalSetup.ts): what tests write lands there. */
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('temporary files of a test run', () => {
  it('go under one directory that the run removes at its end', () => {
    expect(basename(tmpdir())).toMatch(/^logveil-test-run-/);
  });
});
