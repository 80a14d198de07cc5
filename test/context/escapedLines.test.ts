/**
 * Text behind `\uXXXX` escapes (Python's and Jackson's JSON, Gson's HTML-safe escapes, at
 * any JSON depth) is matched as if decoded, and masked as the raw escapes it was written in.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';

const redactor = createRedactor({ mask: 'label' });

describe('escaped lines', () => {
  it.each([
    ['{"key":"\\u0041KIAY34FZKBOKMUTVV7A"}', '{"key":"[REDACTED:aws-access-token]"}'],
    ['{"msg":"token\\u003dZq8vT2mW9kR4pL7xNq3f"}', '{"msg":"token\\u003d[REDACTED:generic-secret-assignment]"}'],
    ['{"pass\\u0077ord":"x1y2z3w4"}', '{"pass\\u0077ord":"[REDACTED:json-sensitive-key]"}'],
    ['{"log":"{\\"a\\":\\"\\\\u0041KIAY34FZKBOKMUTVV7A\\"}"}', '{"log":"{\\"a\\":\\"[REDACTED:aws-access-token]\\"}"}'],
    ['{"context":{"\\u043f\\u0430\\u0440\\u043e\\u043b\\u044c":"BtyHZtpzVv4q7Y","retries":5}}', '{"context":{"\\u043f\\u0430\\u0440\\u043e\\u043b\\u044c":"[REDACTED:json-sensitive-key]","retries":5}}'],
    ['{"url":"https:\\/\\/hooks.slack.com\\/services\\/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"}', '{"url":"https:\\/\\/hooks.slack.com\\/services\\/[REDACTED:slack-webhook-url]"}'],
    ['\x1b[36mINFO\x1b[0m db connect \x1b[36mpassword\x1b[0m=Zx9kL2mQ7vB4 \x1b[36muser\x1b[0m=app', '\x1b[36mINFO\x1b[0m db connect \x1b[36mpassword\x1b[0m=[REDACTED:password-assignment] \x1b[36muser\x1b[0m=app'],
    ['{"log":"\\u001b[36mpassword\\u001b[0m=\\u001b[35mZx9kL2mQ7vB4\\u001b[0m user=app\\n"}', '{"log":"\\u001b[36mpassword\\u001b[0m=\\u001b[35m[REDACTED:password-assignment]\\u001b[0m user=app\\n"}'],
    ['{"t":"\\u0078oxb-2948172635-4820193746582-Qm7vTz2LpR9wXk4NcB8yHd3F"}', '{"t":"[REDACTED:slack-bot-token]"}'],
  ])('%s', (line, expected) => {
    const out = redactor.redact(line);
    expect(out).toBe(expected);
    if (line.startsWith('{')) expect(() => JSON.parse(out)).not.toThrow();
  });

  it('leaves escapes of non-ASCII text and of quotes alone', () => {
    for (const line of ['{"msg":"caf\\u00e9 ok"}', '{"msg":"say \\u0022password\\u0022 twice"}', '{"msg":"\\u003cb\\u003ebold\\u003c/b\\u003e"}']) {
      expect(redactor.redact(line)).toBe(line);
    }
  });
});
