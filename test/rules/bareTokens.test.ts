/**
 * The bare-token rules beyond their table rows: the Discord rule's first part is exactly "the
 * base64 of 17–20 ASCII digits" (a pattern standing in for a decode-and-check validator), and
 * a token that both its keyed and its bare form reach is one finding, masked whole.
 */
import { describe, expect, it } from 'vitest';
import RE2 from 're2';
import { builtinRules, createRedactor } from '../../src/index.js';
import { cases as bareCases } from './cases/bareTokens.js';

const rule = (id: string) => builtinRules.find((r) => r.id === id)!;

/** What a validator would check: canonical unpadded base64url of 17–20 ASCII digits. */
function decodesToSnowflake(part: string): boolean {
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) return false;
  return bytes.length >= 17 && bytes.length <= 20 && bytes.every((b) => b >= 0x30 && b <= 0x39);
}

describe('discord-bot-token-bare: the first part decodes to a numeric id', () => {
  const program = new RE2(rule('discord-bot-token-bare').pattern, 'g');
  const tail = '.YiQq4H.XuehIAGWsV24w8s2IBu8dR2I0JZQkfT0vwlQVH';
  let seed = 20240501;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const digits = (n: number) => Array.from({ length: n }, () => String(rnd(10))).join('');
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const samples: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const id = Buffer.from(digits(14 + rnd(9))); // 14–22 digits: both sides of the range
    if (i % 3 === 1) id[rnd(id.length)] = 0x2f + rnd(3) * 11; // '/', ':' or 'E': one byte off
    let part = id.toString('base64url');
    if (i % 3 === 2) part = part.slice(0, rnd(part.length)) + B64URL[rnd(64)] + part.slice(part.length > 1 ? rnd(part.length) + 1 : 1);
    if (part.length > 0) samples.push(part);
  }

  it('matches exactly the parts a decode check accepts (3,000 seeded samples)', () => {
    const disagree = samples.filter((part) => {
      program.lastIndex = 0;
      return program.test(`token ${part}${tail}`) !== decodesToSnowflake(part);
    });
    expect(disagree).toEqual([]);
    // Both verdicts occur: the samples exercise the check.
    expect(samples.filter(decodesToSnowflake).length).toBeGreaterThan(300);
    expect(samples.filter((p) => !decodesToSnowflake(p)).length).toBeGreaterThan(500);
  });
});

describe('one finding per token, masked whole', () => {
  const redactor = createRedactor();
  const token = (id: string, note: string) => bareCases.find((c) => c.rule === id && c.note?.startsWith(note))!.secret!;
  const rows = [
    ['AWS session token after its key name', 'AWS_SESSION_TOKEN=', token('aws-session-token', 'bare in prose')],
    ['AWS session token in a presigned URL', 'GET /a.png?X-Amz-Security-Token=', token('aws-session-token', 'URL-encoded')],
    ['Discord bot token next to the word discord', 'DISCORD_BOT_TOKEN=', token('discord-bot-token-bare', 'bare in prose')],
    ['Mailgun key next to the word mailgun', 'MAILGUN_API_KEY=', token('mailgun-private-api-token', 'in prose that names')],
  ] as const;
  it.each(rows)('%s', (_name, before, secret) => {
    const line = `${before}${secret} status=200`;
    const findings = redactor.scan(line);
    expect(findings).toHaveLength(1);
    expect(line.slice(findings[0]!.start, findings[0]!.end)).toBe(secret);
    expect(redactor.redact(line)).not.toContain(secret.slice(20, 40));
  });
});
