/**
 * The web `TransformStream` has `stats()` like the Node stream (issue 15): the same shape and
 * the same counts for the same input, read through the real web streams API
 * (ReadableStream → pipeThrough → collect), and `countLines` honoured.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { createRedactStream, createRedactTransformStream, type RedactStreamOptions, type StreamStats } from '../../src/stream/index.js';

const BODY = ['MIIEowIBAAKCAQEAxk3mN8vW2kR7pL1xZ9mT4bC6dF0gH5jK8nM2sV7yA1eU4q3N', 'Zq8vT2mW9kR4pL7xNq3fYb1cD5eG6hJ0kL2mN4pQ=='];
const INPUT = [
  '{"level":30,"msg":"login","password":"hunter2"}',
  'Authorization: Bearer Zq8vT2mW9kR4pL7xNq3fYb1c',
  '-----BEGIN RSA PRIVATE KEY-----',
  ...BODY,
  '-----END RSA PRIVATE KEY-----',
  `${'lorem ipsum '.repeat(200)}password=s3cr3t-Pa55 ${'dolor '.repeat(100)}`,
  'no newline at the end password=last-one',
].join('\n');

/** Chunks of 7 bytes, cut anywhere (UTF-8 and lines included). */
function chunks(): Uint8Array[] {
  const buf = new TextEncoder().encode(INPUT);
  return Array.from({ length: Math.ceil(buf.length / 7) }, (_, i) => buf.subarray(i * 7, i * 7 + 7));
}

async function throughWeb(options: RedactStreamOptions): Promise<{ out: string; stats: StreamStats; before: StreamStats }> {
  const parts = chunks();
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
  const transform = createRedactTransformStream(options);
  const before = transform.stats();
  const reader = source.pipeThrough(transform).getReader();
  const out: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.push(value);
  }
  return { out: Buffer.concat(out).toString(), stats: transform.stats(), before };
}

async function throughNode(options: RedactStreamOptions): Promise<{ out: string; stats: StreamStats }> {
  const stream = createRedactStream(options);
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks().map((c) => Buffer.from(c))), stream, new Writable({ write(c: Buffer, _e, cb) { out.push(c); cb(); } }));
  return { out: Buffer.concat(out).toString(), stats: stream.stats() };
}

describe('createRedactTransformStream().stats()', () => {
  const cases: [string, RedactStreamOptions][] = [
    ['without countLines', { maxLineLength: 1024 }],
    ['with countLines', { maxLineLength: 1024, countLines: true }],
  ];
  it.each(cases)('counts what the Node stream counts, %s', async (_name, options) => {
    const web = await throughWeb({ ...options, redactor: createRedactor({ fingerprintKey: 'k' }) });
    const node = await throughNode({ ...options, redactor: createRedactor({ fingerprintKey: 'k' }) });
    expect(web.out).toBe(node.out);
    expect(web.stats).toEqual(node.stats);
    expect(web.before).toEqual({ bytes: 0, lines: options.countLines ? 0 : undefined, findings: {}, longLineWindows: 0, pemBlockLines: 0, errors: 0 });
    expect(web.stats.bytes).toBe(Buffer.byteLength(INPUT));
    expect(web.stats.lines).toBe(options.countLines ? 8 : undefined);
    expect(web.stats.findings).toEqual({ 'json-sensitive-key': 1, 'http-authorization-header': 1, 'private-key': 1, 'password-assignment': 2 });
    expect(web.stats.pemBlockLines).toBe(2);
    expect(web.stats.longLineWindows).toBeGreaterThan(0);
  });
});
