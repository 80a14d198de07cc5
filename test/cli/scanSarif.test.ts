/**
 * `logveil scan --format sarif`, run from the build, validated against the SARIF 2.1.0 JSON
 * schema (the final 2.1.0 schema, "rtm.5", as shipped by Microsoft's @microsoft/jest-sarif; a
 * draft-04 schema, hence ajv-draft-04, with ajv-formats for its uri formats).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/logveil.js', import.meta.url));
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// unicodeRegExp off: one of the schema's own patterns (language tags) is not a valid /u RegExp.
// Both packages are CommonJS with `exports.default`: the one spelling that Node's ESM loader
// and TypeScript (NodeNext) agree on.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

const PASSWORD = 'hunter2hunter2';
const PG = 's3cr3tPa55w0rd';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'logveil-sarif-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function sarif(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, 'scan', '--format', 'sarif', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  expect(r.stdout).not.toContain(PASSWORD);
  expect(r.stdout).not.toContain(PG);
  return { code: r.status, stderr: r.stderr, log: JSON.parse(r.stdout) as SarifLog };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; informationUri?: string; rules: { id: string; shortDescription: { text: string }; help?: { text: string; markdown: string }; properties: Record<string, unknown> }[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[];
      partialFingerprints?: Record<string, string>;
      properties: { excerpt: string };
    }[];
    properties: { fingerprintKeyed: boolean };
  }[];
}

describe('logveil scan --format sarif', () => {
  it('writes a schema-valid SARIF 2.1.0 log with rules, locations and keyed fingerprints', async () => {
    const root = tree({
      'src/db config.ts': `// x\nconst url = 'postgres://app:${PG}@db/app';\n`,
      'ci/app.env': `PASSWORD=${PASSWORD}\n`,
    });
    const { code, log } = sarif(root, ['.'], { LOGVEIL_FINGERPRINT_KEY: 'k' });
    expect(code).toBe(1);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('logveil');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['password-assignment', 'url-userinfo-password']);
    const [env, db] = run.results;
    expect(env).toMatchObject({ ruleId: 'password-assignment', ruleIndex: 0, level: 'error' });
    expect(env!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'ci/app.env', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 10, endLine: 1, endColumn: 10 + PASSWORD.length } });
    expect(db!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('src/db%20config.ts');
    expect(db!.partialFingerprints!['logveil/v1']).toMatch(/^[0-9a-f]{8}$/);
    expect(db!.properties.excerpt).toBe("const url = 'postgres://app:[REDACTED:url-userinfo-password]@db/app';");
    expect(run.properties.fingerprintKeyed).toBe(true);
  });

  it('is valid with no findings, and leaves out fingerprints without a key', async () => {
    const clean = sarif(tree({ 'a.txt': 'nothing\n' }), []);
    expect(clean.code).toBe(0);
    expect(validate(clean.log), JSON.stringify(validate.errors)).toBe(true);
    expect(clean.log.runs[0]!.results).toEqual([]);

    const unkeyed = sarif(tree({ 'a.env': `password=${PASSWORD}\n` }), ['-', 'a.env']);
    expect(validate(unkeyed.log), JSON.stringify(validate.errors)).toBe(true);
    expect(unkeyed.log.runs[0]!.results[0]!.partialFingerprints).toBeUndefined();
    expect(unkeyed.log.runs[0]!.properties.fingerprintKeyed).toBe(false);
  });

  it('is ready for GitHub code scanning: locations it can map, the tool and each rule documented', async () => {
    const root = tree({ 'repo/.keep': '', 'outside/app.env': `PASSWORD=${PASSWORD}\n`, 'repo/in.env': `PASSWORD=${PASSWORD}\n` });
    const { log } = sarif(join(root, 'repo'), ['.', '../outside']);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0]!;
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { homepage: string };
    expect(run.tool.driver.informationUri).toBe(pkg.homepage);
    // In the checkout: relative to %SRCROOT%, which the run defines; outside it: a file URI, never `../`.
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toMatch(/^file:\/\/.*\/repo\/$/);
    const uris = run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: 'in.env', uriBaseId: '%SRCROOT%' });
    const outside = uris.find((u) => u.uri.endsWith('/outside/app.env'))!;
    expect(outside.uri).toMatch(/^file:\/\//);
    expect(outside.uriBaseId).toBeUndefined();
    expect(uris.some((u) => u.uri.includes('..'))).toBe(false);
    for (const rule of run.tool.driver.rules) {
      expect(rule.help!.text).toMatch(/Revoke or rotate/);
      expect(rule.help!.markdown).toContain(`\`${rule.id}\``);
      expect(rule.properties['security-severity']).toBe('8.0');
    }
  });

  it('the validator rejects a broken log (the schema check can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ results: [{ message: 'not an object' }] }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });
});
