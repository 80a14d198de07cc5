/**
 * The provider-name list is a fact list the key classifier reads: sorted and unique (so a
 * reviewer sees additions in place), one lowercase word or hyphenated name each, and free of
 * the common words its doc comment says it leaves out.
 */
import { describe, expect, it } from 'vitest';
import { providerNames } from '../../src/rules/providerNames.js';

describe('providerNames', () => {
  it('is sorted, unique, lowercase words or hyphenated names', () => {
    expect([...providerNames].sort()).toEqual(providerNames);
    expect(new Set(providerNames).size).toBe(providerNames.length);
    expect(providerNames.filter((n) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(n))).toEqual([]);
  });

  it('holds the providers the catalog knows by context and leaves out common words', () => {
    for (const n of ['stripe', 'twilio', 'sendgrid', 'mailgun', 'pagerduty', 'cloudflare', 'datadog', 'squareup']) {
      expect(providerNames).toContain(n);
    }
    for (const n of ['box', 'square', 'line', 'notion', 'linear', 'segment', 'buffer', 'loop', 'front', 'close', 'vault', 'render']) {
      expect(providerNames).not.toContain(n);
    }
  });
});
