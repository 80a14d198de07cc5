/**
 * The `gitleaksConfig` option (a file path) and the CLI's `--gitleaks-config`: the config's
 * rules run beside the built-ins with `[extend] useDefault`, instead of them without; skipped
 * features are warned about once (not once per worker thread).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRedactor, OptionsError } from '../../../src/index.js';
import { logveil } from '../../cli/support.js';

const dir = mkdtempSync(join(tmpdir(), 'logveil-gitleaks-'));
const config = (name: string, toml: string) => {
  const p = join(dir, name);
  writeFileSync(p, toml);
  return p;
};

const RULE = `
[[rules]]
id = "acme-key"
description = "ACME key"
regex = '''(?i)\\b(acme_[a-z0-9]{16})\\z'''
keywords = ["acme_"]
path = '''\\.env$'''
`;
const ACME = 'acme_0123456789abcdef';
const LINE = `key ${ACME}\npassword=hunter22x\n`;

describe('gitleaksConfig', () => {
  it('without useDefault only the config rules run; with it the built-ins too', () => {
    const only = createRedactor({ gitleaksConfig: config('only.toml', RULE), onWarning: () => undefined });
    expect(only.ruleIds).toEqual(['acme-key']);
    expect(only.redact(LINE)).toBe('key [REDACTED:acme-key]\npassword=hunter22x\n');
    const both = createRedactor({ gitleaksConfig: config('both.toml', `[extend]\nuseDefault = true\n${RULE}`), onWarning: () => undefined });
    expect(both.redact(LINE)).toBe('key [REDACTED:acme-key]\npassword=[REDACTED:password-assignment]\n');
    expect(both.ruleIds.length).toBeGreaterThan(200);
  });

  it('warns once per skipped feature through onWarning', () => {
    const warnings: string[] = [];
    createRedactor({ gitleaksConfig: config('warn.toml', RULE), onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([expect.stringMatching(/rule "acme-key": path/)]);
  });

  it('warns about a regex that needs a line break: logveil matches one line at a time', () => {
    const warnings: string[] = [];
    createRedactor({ gitleaksConfig: config('multiline.toml', `[[rules]]\nid = "block"\nregex = '''BEGIN SECRET\\n([A-Za-z0-9]{20,})'''\nkeywords = ["begin secret"]\n[[rules]]\nid = "dotall"\nregex = '''(?s)key=(.+)'''\nkeywords = ["key="]\n`), onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([expect.stringMatching(/rule "block": its regex needs a line break/), expect.stringMatching(/rule "dotall": its regex needs a line break/)]);
  });

  it('an unreadable file or a bad value is an OptionsError', () => {
    expect(() => createRedactor({ gitleaksConfig: join(dir, 'missing.toml') })).toThrow(OptionsError);
    expect(() => createRedactor({ gitleaksConfig: join(dir, 'missing.toml') })).toThrow(/cannot read .*missing\.toml: ENOENT/);
    expect(() => createRedactor({ gitleaksConfig: 42 as never })).toThrow(/gitleaksConfig/);
  });

  it('--gitleaks-config in the CLI, with workers: masked alike, each warning printed once', async () => {
    const path = config('cli.toml', RULE);
    const input = LINE.repeat(2000);
    const main = await logveil(['--gitleaks-config', path], input);
    const workers = await logveil(['--gitleaks-config', path, '--workers', '2'], input);
    expect(main.code).toBe(0);
    expect(main.stdout.toString()).toBe('key [REDACTED:acme-key]\npassword=hunter22x\n'.repeat(2000));
    expect(workers.stdout.equals(main.stdout)).toBe(true);
    for (const r of [main, workers]) expect(r.stderr.match(/logveil: warning: .*rule "acme-key": path skipped/g)).toHaveLength(1);
    const bad = await logveil(['--gitleaks-config', config('bad.toml', '[[rules]]\nid = "x"\nregex = "(unclosed"\n')], 'x\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rule "x"/);
  });
});
