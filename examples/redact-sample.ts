/**
 * Redacts a log file through the library and prints the result; the findings go to stderr.
 * Usage: npm run example   (or: npx tsx examples/redact-sample.ts FILE)
 */
import { readFileSync } from 'node:fs';
import { createRedactor } from '../src/index.js';

const file = process.argv[2] ?? new URL('./sample.log', import.meta.url).pathname;
const redactor = createRedactor({ mask: 'hash', fingerprintKey: process.env.LOGVEIL_FINGERPRINT_KEY ?? 'example-key' });
const input = readFileSync(file);
process.stdout.write(redactor.redactBuffer(input));
const findings = redactor.scan(input);
const perRule = new Map<string, number>();
for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
process.stderr.write(`\n${findings.length} secrets masked in ${file}:\n`);
for (const [rule, n] of perRule) process.stderr.write(`  ${rule}: ${n}\n`);
