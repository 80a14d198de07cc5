/**
 * Choosing the opt-in PII pack: `include` (library option, config-file key, `--include`) adds
 * it to the default catalog, `enable`/`--rules` keeps only what they name, one rule can be
 * chosen by id, `disable` still wins; a bad entry is named by its position, never quoted.
 * The CLI rows run the built `dist/` (`npx tsup` first) as real child processes, the pino row
 * the real pino transport in its worker thread.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor, LogveilError } from '../../src/index.js';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { piiPack } from '../../src/rules/catalog/pii.js';
import { selectRules } from '../../src/rules/selectRules.js';
import { logveil, tempFiles } from '../cli/support.js';

const PII_IDS = piiPack.map((r) => r.id);
const ids = (rules: readonly { id: string }[]) => rules.map((r) => r.id);
const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}zzzzzz`; // shaped like a token, for "never quoted" checks
const LINE = '{"card":"4111 1111 1111 1111","email":"alice@corp.io","phone":"+14155552671","ssn":"536-22-1234","iban":"DE89370400440532013000"}';
const MASKED = '{"card":"[REDACTED:pii-credit-card]","email":"[REDACTED:pii-email]","phone":"[REDACTED:pii-phone]","ssn":"[REDACTED:pii-us-ssn]","iban":"[REDACTED:pii-iban]"}';

describe('selectRules', () => {
  const user = { id: 'acme-key', description: '', tags: ['acme'], pattern: 'acme_[a-z]{8}', keywords: ['acme_'] };

  it('leaves the pack out by default', () => {
    expect(ids(selectRules(builtinRules, { enable: undefined, disable: [], rules: [] }))).toEqual(ids(builtinRules));
  });

  it('include: ["pii"] adds the pack after the default catalog', () => {
    expect(ids(selectRules(builtinRules, { enable: undefined, include: ['pii'], disable: [], rules: [user] }))).toEqual([...ids(builtinRules), ...PII_IDS, 'acme-key']);
  });

  it('include names one rule by id; disable still drops what include added', () => {
    expect(ids(selectRules(builtinRules, { enable: undefined, include: ['pii-email'], disable: [], rules: [] })).filter((id) => id.startsWith('pii-'))).toEqual(['pii-email']);
    expect(ids(selectRules(builtinRules, { enable: undefined, include: ['pii'], disable: ['pii-phone'], rules: [] })).filter((id) => id.startsWith('pii-'))).toEqual(['pii-credit-card', 'pii-iban', 'pii-us-ssn', 'pii-email']);
  });

  it('enable: ["pii"] keeps only the pack (and the user rules); enable + include add up', () => {
    expect(ids(selectRules(builtinRules, { enable: ['pii'], disable: [], rules: [user] }))).toEqual([...PII_IDS, 'acme-key']);
    const some = ids(selectRules(builtinRules, { enable: ['github'], include: ['pii-iban'], disable: [], rules: [] }));
    expect(some).toContain('pii-iban');
    expect(some.filter((id) => id.startsWith('pii-'))).toEqual(['pii-iban']);
    expect(some.every((id) => id === 'pii-iban' || builtinRules.find((r) => r.id === id)!.tags.includes('github'))).toBe(true);
  });

  it('a default tag never selects a PII rule (enable: ["email"], ["payments"])', () => {
    expect(ids(selectRules(builtinRules, { enable: ['email', 'payments'], disable: [], rules: [] })).filter((id) => id.startsWith('pii-'))).toEqual([]);
  });

  it('the pack stays available without the default catalog (builtins: false)', () => {
    expect(ids(selectRules([], { enable: undefined, include: ['pii'], disable: [], rules: [] }))).toEqual(PII_IDS);
  });

  it('an include entry that names nothing is an error naming its position, not its text', () => {
    let err: unknown;
    try {
      selectRules(builtinRules, { enable: undefined, include: ['pii', TOKEN], disable: [], rules: [] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LogveilError);
    expect((err as LogveilError).code).toBe('LOGVEIL_UNKNOWN_RULE');
    expect((err as Error).message).toMatch(/"include".*entry #2 is neither a rule id nor a tag/);
    expect((err as Error).message).not.toContain(TOKEN);
  });
});

describe('createRedactor({ include })', () => {
  it('masks the pack with include, nothing of it without', () => {
    expect(createRedactor({ include: ['pii'] }).redact(LINE)).toBe(MASKED);
    expect(createRedactor().redact(LINE)).toBe(LINE);
    expect(createRedactor({ builtins: false, include: ['pii'] }).redact(`${LINE} token=${TOKEN}`)).toBe(`${MASKED} token=${TOKEN}`);
  });

  it('rejects an include that is not a list of names', () => {
    for (const include of ['pii', [''], [1], null]) {
      expect(() => createRedactor({ include } as never), JSON.stringify(include)).toThrow(/"include": must be an array of non-empty strings/);
    }
  });
});

describe('the CLI', () => {
  const { dir, file } = tempFiles('logveil-pii-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const input = `${LINE}\nlevel=info token=${TOKEN}\n`;

  it('leaves PII alone by default, masks it with --include pii', async () => {
    const plain = (await logveil([], input)).stdout.toString().split('\n');
    expect(plain[0]).toBe(LINE);
    expect(plain[1]).toMatch(/^level=info token=\[REDACTED:[a-z-]+\]$/); // the default catalog still runs
    const r = await logveil(['--include', 'pii'], input);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.toString()).toBe(`${MASKED}\n${plain[1]}\n`);
  });

  it('--rules pii keeps only the pack; --include pii-email one rule', async () => {
    expect((await logveil(['--rules', 'pii'], input)).stdout.toString()).toBe(`${MASKED}\nlevel=info token=${TOKEN}\n`);
    const one = (await logveil(['--include', 'pii-email,pii-iban'], input)).stdout.toString().split('\n');
    expect(one[0]).toBe(LINE.replace('alice@corp.io', '[REDACTED:pii-email]').replace('DE89370400440532013000', '[REDACTED:pii-iban]'));
    expect(one[1]).not.toContain(TOKEN);
  });

  it('reads include from the config file, and --include adds to it', async () => {
    const config = file('logveil.json', JSON.stringify({ include: ['pii-phone'] }));
    const fromFile = (await logveil(['--config', config], input)).stdout.toString();
    expect(fromFile.split('\n')[0]).toBe(LINE.replace('+14155552671', '[REDACTED:pii-phone]'));
    const both = (await logveil(['--config', config, '--include', 'pii-us-ssn'], input)).stdout.toString();
    expect(both.split('\n')[0]).toBe(LINE.replace('+14155552671', '[REDACTED:pii-phone]').replace('536-22-1234', '[REDACTED:pii-us-ssn]'));
  });

  it('a bad --include or config include entry exits 2, named by position, never quoted', async () => {
    const flag = await logveil(['--include', `pii,${TOKEN.toLowerCase()}`], input);
    expect(flag.code).toBe(2);
    expect(flag.stderr.split('\n')[0]).toBe('logveil: --include entry #2 is neither a rule id nor a tag (the entry itself is not shown)');
    expect(flag.stderr.toLowerCase()).not.toContain(TOKEN.toLowerCase());
    const config = file('bad.json', JSON.stringify({ include: ['pii', TOKEN] }));
    const fromFile = await logveil(['--config', config, '--include', 'pii-email'], input);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toMatch(/config file .*bad\.json: "include" entry #2 is neither a rule id nor a tag/);
    expect(fromFile.stderr).not.toContain(TOKEN);
    const notList = await logveil(['--config', file('str.json', JSON.stringify({ include: 'pii' })), '--include', 'pii-email'], input);
    expect(notList.code).toBe(2);
    expect(notList.stderr.split('\n')[0]).toMatch(/^logveil: config file .*str\.json: "include" must be an array of non-empty strings/);
  });

  it('--workers 1 masks the same bytes as the main thread', async () => {
    const many = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? LINE : `line ${i} order=${100000000 + i}`)).join('\n') + '\n';
    const main = await logveil(['--include', 'pii'], many);
    const worker = await logveil(['--include', 'pii', '--workers', '1'], many);
    expect(worker.code).toBe(0);
    expect(worker.stdout.equals(main.stdout)).toBe(true);
    expect(main.stdout.toString().split('\n').filter((l) => l === MASKED)).toHaveLength(100);
  });

  it('logveil scan --include pii reports PII findings by rule id, and none without it', async () => {
    const tree = tempFiles('logveil-pii-scan-');
    try {
      tree.file('app.log', `ok\ncharge card=4111111111111111\n`);
      const r = await logveil(['scan', '--include', 'pii', '--format', 'json', tree.dir]);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout.toString()) as { findings: { ruleId: string; line: number }[] };
      expect(report.findings.map((f) => [f.ruleId, f.line])).toEqual([['pii-credit-card', 2]]);
      expect(r.stdout.toString()).not.toContain('4111111111111111');
      expect((await logveil(['scan', tree.dir])).code).toBe(0);
      // SARIF describes the opt-in rule as it does a built-in one (not by its bare id).
      const sarif = JSON.parse((await logveil(['scan', '--include', 'pii', '--format', 'sarif', tree.dir])).stdout.toString()) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] };
      const rule = sarif.runs[0]!.tool.driver.rules.find((x) => x.id === 'pii-credit-card')!;
      expect(rule.shortDescription.text).not.toBe('pii-credit-card');
    } finally {
      rmSync(tree.dir, { recursive: true, force: true });
    }
  });
});

describe('logveil/pino-transport', () => {
  it('takes include (a redactor option the transport passes on)', async () => {
    const { dir } = tempFiles('logveil-pii-pino-');
    try {
      const destination = join(dir, 'app.log');
      const transport = pino.transport({ target: 'logveil/pino-transport', options: { destination, include: ['pii-email'] } });
      const failed = new Promise<never>((_, reject) => transport.once('error', reject));
      await Promise.race([new Promise((resolve) => transport.once('ready', resolve)), failed]);
      const closed = new Promise<void>((resolve) => transport.once('close', () => resolve()));
      pino(transport).info({ email: 'alice@corp.io', card: '4111111111111111' }, 'signup');
      transport.end();
      await Promise.race([closed, failed]);
      const entry = JSON.parse(readFileSync(destination, 'utf8').trim()) as { email: string; card: string };
      expect([entry.email, entry.card]).toEqual(['[REDACTED:pii-email]', '4111111111111111']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
