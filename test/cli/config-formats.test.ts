/**
 * Config files in JSON, YAML and TOML (issue 15): one schema, the syntax chosen by the
 * extension; the same settings give the same bytes whichever syntax holds them, for the
 * sidecar and for `logveil scan`. A file that does not parse is named with a line and column,
 * never quoted (a secret pasted into a config stays out of the CI log).
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { logveil, tempFiles } from './support.js';

const { dir, file } = tempFiles('logveil-config-formats-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG = 'token=ghp_Zq8vT2mW9kR4pL7xNq3fZq8vT2mW9kR4pL7x password=hunter2-long jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl\n';

const SAME = {
  json: file('logveil.json', JSON.stringify({ mask: 'hash', disable: ['jwt'], maskByRule: { 'password-assignment': 'label' }, fingerprintKey: 'k3y-for-tests', scan: {} })),
  yaml: file('logveil.yaml', '# the team\'s settings\nmask: hash\ndisable:\n  - jwt\nmaskByRule:\n  password-assignment: label\nfingerprintKey: "k3y-for-tests"\nscan: {}\n'),
  yml: file('logveil.yml', 'mask: hash\ndisable: [jwt]\nmaskByRule: { password-assignment: label }\nfingerprintKey: k3y-for-tests\nscan: {}\n'),
  toml: file('logveil.toml', 'mask = "hash"\ndisable = ["jwt"]\nfingerprintKey = "k3y-for-tests"\n\n[maskByRule]\npassword-assignment = "label"\n\n[scan]\n'),
};

describe('config files in JSON, YAML and TOML', () => {
  it('give the sidecar the same settings', async () => {
    const outputs = new Map<string, string>();
    for (const [format, path] of Object.entries(SAME)) {
      const r = await logveil(['--config', path], LOG);
      expect({ format, code: r.code, stderr: r.stderr }).toEqual({ format, code: 0, stderr: '' });
      outputs.set(format, r.stdout.toString());
    }
    const json = outputs.get('json')!;
    expect(json).toContain('[REDACTED:password-assignment]'); // maskByRule applied
    expect(json).toContain('eyJhbGciOiJIUzI1NiJ9'); // jwt disabled
    expect(json).not.toContain('ghp_Zq8v'); // hashed
    for (const out of outputs.values()) expect(out).toBe(json);
  });

  it('give logveil scan the same settings', async () => {
    const target = file('scanned-app.log', LOG);
    const outputs: string[] = [];
    for (const path of Object.values(SAME)) {
      const r = await logveil(['scan', '--config', path, '--format', 'json', target]);
      expect(r.stderr).toBe('');
      outputs.push(r.stdout.toString());
    }
    expect(outputs[0]).toContain('"ruleId": "password-assignment"');
    expect(outputs[0]).not.toContain('"ruleId": "jwt"');
    for (const out of outputs) expect(out).toBe(outputs[0]);
  });

  it.each([
    ['dup.yaml', 'password: Zq8vT2mW9kR4pL7xNq3f\npassword: Zq8vT2mW9kR4pL7xNq3f\n', /config file .*dup\.yaml is not valid YAML: a key appears twice in one mapping \(line 2 column 1\)/],
    ['open.yaml', 'fingerprintKey: "Zq8vT2mW9kR4pL7xNq3f\n', /config file .*open\.yaml is not valid YAML: .*\(line \d+ column \d+\)/],
    ['two.yml', 'mask: hash\n---\nmask: Zq8vT2mW9kR4pL7xNq3f\n', /more than one YAML document/],
    ['alias.yaml', 'fingerprintKey: *Zq8vT2mW9kR4pL7xNq3f\n', /not valid YAML: an alias/],
    ['open.toml', 'fingerprintKey = "Zq8vT2mW9kR4pL7xNq3f\n', /config file .*open\.toml is not valid TOML: .*\(line 1 column \d+\)/],
    ['list.yaml', '- Zq8vT2mW9kR4pL7xNq3f\n', /config file .*list\.yaml must hold an object/],
    ['unknown.toml', 'Zq8vT2mW9kR4pL7xNq3f = 1\n', /config file .*unknown\.toml: key #1 is not a known key/],
    ['empty.yaml', '', /config file .*empty\.yaml must hold an object/],
  ])('%s: exits 2 with one line that does not quote the file', async (name, content, message) => {
    const path = file(name, content);
    for (const args of [['--config', path], ['scan', '--config', path, dir]]) {
      const r = await logveil(args, LOG);
      expect(r.code).toBe(2);
      expect(r.stdout.length).toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('Zq8vT2mW9k');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a YAML alias bomb instead of expanding it', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    const r = await logveil(['--config', file('bomb.yaml', `${levels.join('\n')}\n`)], LOG);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid YAML: an alias .*too many aliases/);
  });

  it('reads YAML 1.2: yes and on are strings, so a boolean option given "yes" is refused by name', async () => {
    const r = await logveil(['--config', file('yes.yaml', 'learn: yes\n')], LOG);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/learn/);
  });

  it('a file without a YAML or TOML extension is JSON, and the error says how other syntaxes are chosen', async () => {
    const r = await logveil(['--config', file('logveil.conf', 'mask: hash\n')], LOG);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON.*read by their extension: \.yaml, \.yml, \.toml/);
  });
});

describe('one config file for the sidecar and logveil scan', () => {
  it('scan accepts the sidecar-only keys (rotation, revocation, source, key policy) and ignores them', async () => {
    const shared = file('shared.yaml', 'retiredTtl: 30d\nrotationGrace: 1h\nrevokedFingerprints: [c09df7c9]\nsource: web-1\nmaxLineLength: 65536\nlearn: false\n');
    const target = file('shared-target.log', 'password=hunter2-long\n');
    const r = await logveil(['scan', '--config', shared, '--format', 'json', target]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: '' });
    expect(r.stdout.toString()).toContain('"ruleId": "password-assignment"');
  });
});
