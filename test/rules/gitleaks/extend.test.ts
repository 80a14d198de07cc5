/**
 * `[extend]`: `useDefault` keeps logveil's built-in catalog (gitleaks' own default rules are
 * not imported), `disabledRules` removes built-ins by id, a config rule with a built-in's id
 * replaces it (with a regex) or adds allowlists to it (without one); `path` and `url` are
 * skipped with a warning.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../src/index.js';
import { importToml, redact } from './support.js';

const PASSWORD = 'password=Zq8vT2mW9kR4';

describe('gitleaks [extend]', () => {
  it('useDefault keeps the built-in catalog, unchanged and in order', () => {
    const config = importToml('[extend]\nuseDefault = true\n');
    expect(config.useDefault).toBe(true);
    expect(config.builtins).toEqual(builtinRules);
    expect(config.builtins[0]).toBe(builtinRules[0]); // the same objects: nothing recompiled differently
    expect(config.rules).toEqual([]);
  });

  it('useDefault = false runs nothing but the config', () => {
    const config = importToml('[extend]\nuseDefault = false\n');
    expect(config).toEqual({ rules: [], useDefault: false, builtins: [], warnings: [] });
  });

  it('disabledRules removes built-ins; ids logveil does not have are warned about', () => {
    const config = importToml('[extend]\nuseDefault = true\ndisabledRules = ["password-assignment", "generic-api-key"]\n');
    expect(config.builtins.map((r) => r.id)).not.toContain('password-assignment');
    expect(config.builtins).toHaveLength(builtinRules.length - 1);
    expect(config.warnings).toEqual([expect.stringContaining('"generic-api-key" not in logveil\'s built-in catalog')]);
  });

  it('a rule with a built-in id and a regex replaces the built-in', () => {
    const toml = String.raw`
[extend]
useDefault = true
[[rules]]
id = "password-assignment"
regex = '''password=(Zq[0-9A-Za-z]{4})'''
keywords = ["password="]
`;
    const config = importToml(toml);
    expect(config.builtins.map((r) => r.id)).not.toContain('password-assignment');
    expect(config.warnings).toEqual([expect.stringContaining('replaces logveil\'s built-in rule')]);
    expect(redact(toml, PASSWORD)).toBe('password=[REDACTED:password-assignment]mW9kR4');
  });

  it('a rule with a built-in id and no regex adds its allowlists and tags to the built-in', () => {
    const toml = String.raw`
[extend]
useDefault = true
[[rules]]
id = "password-assignment"
tags = ["team-a"]
entropy = 2.0
[[rules.allowlists]]
stopwords = ["hunter"]
`;
    const config = importToml(toml);
    expect(config.builtins.find((r) => r.id === 'password-assignment')!.tags).toContain('team-a');
    expect(config.warnings).toEqual([expect.stringContaining('entropy skipped')]);
    expect(redact(toml, 'password=hunter2hunter2')).toBe('password=hunter2hunter2');
    expect(redact(toml, PASSWORD)).toBe('password=[REDACTED:password-assignment]');
  });

  it('a rule with no regex that extends a gitleaks default logveil lacks is skipped with a warning', () => {
    const config = importToml('[extend]\nuseDefault = true\n[[rules]]\nid = "generic-api-key"\n[rules.allowlist]\nstopwords = ["x"]\n');
    expect(config.warnings).toEqual([expect.stringContaining('"generic-api-key" has no regex and extends a default rule')]);
  });

  it('skips [extend] path and url, and path-only rules, with one warning each', () => {
    const config = importToml(String.raw`
[extend]
path = "base.toml"
url = "https://example.com/gitleaks.toml"
[[rules]]
id = "pem-files"
path = '''\.pem$'''
[[rules]]
id = "acme"
regex = '''acme_[a-z0-9]{16}'''
path = '''\.env$'''
keywords = ["acme_"]
`);
    expect(config.warnings).toEqual([
      'test.toml: [extend] path skipped (logveil does not load other gitleaks configs)',
      'test.toml: [extend] url skipped (logveil does not load other gitleaks configs)',
      expect.stringContaining('rule "pem-files" matches file paths only'),
      expect.stringContaining('rule "acme": path skipped'),
    ]);
    expect(config.rules.map((r) => r.id)).toEqual(['acme']);
  });
});
