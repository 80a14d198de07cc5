/**
 * The masked excerpt shown beside a finding: its line with every secret on it replaced by
 * `[REDACTED:rule]`, safe to print on a terminal and in a CI log. Masks come from the spans
 * the redactor found (all of them on the line, suppressed ones too), and from the values of
 * the secrets found elsewhere in the same read (see {@link secretValues}): `echo hunter2…` on
 * the line of another finding is masked when `password=hunter2…` was found above it, although
 * no rule takes it for a secret there. So a secret never reaches the excerpt; the mask
 * strategy of the sidecar (`--mask`) does not apply here, an excerpt always shows which rule
 * matched.
 *
 * `--redact N` (gitleaks' flag, gitleaks' meaning: N percent of each secret is hidden) lets an
 * excerpt open with the first characters of the secret, `ghp_Zq8vT2[REDACTED:github-pat]`,
 * so a reader can tell which key it is. The default and `--redact` alone are 100: nothing of
 * the secret is shown. Below 100 the visible prefix is the first (100 − N)% of the secret's
 * bytes, but never more than a quarter of them nor more than {@link REDACT_MAX_VISIBLE}, only
 * plain ASCII word characters (`A–Z a–z 0–9 _ -`: never half a UTF-8 character or an escape),
 * and none at all for a secret shorter than 12 bytes or one that spans lines (a PEM body,
 * whose first characters are the same ASN.1 header for every key of a kind): unlike gitleaks,
 * which prints up to all of it, logveil never shows most of a secret.
 *
 * A long line is cut around the finding, and never inside what looks like a token: a run of
 * token characters (`A–Z a–z 0–9 _ - + / = . ~`) holding a digit. The part of such a run at a
 * cut is left out, because `ghp_…x` cut before its `x` (a token glued to its neighbour, which no
 * rule takes for one) would stand alone and read as a token — to a reader, and to a later
 * scan of the report. Runs of letters (`aaaa…`, `functionName`) are cut as they come.
 */
import { PARTIAL_MIN_LENGTH } from '../../mask/maskStrategy.js';

/** A secret's bytes in the buffer and the rule that found it. */
export interface MaskSpan {
  readonly start: number;
  readonly end: number;
  readonly ruleId: string;
}

/** A secret's value, masked wherever it appears on an excerpt's line, and the rule that found it. */
export interface SecretValue {
  readonly bytes: Buffer;
  readonly ruleId: string;
}

/** Values shorter than this are masked only where a rule found them (`abc` is everywhere). */
export const SECRET_VALUE_MIN = 6;
/**
 * At most this many values of one read are masked on other lines; past it (a dump of keys), a
 * value is masked where a rule found it. PERF: each value costs a search of each excerpt's
 * line. 20,000 findings on log lines of 120 bytes, each with its own password (2-core
 * machine, `--workers 0`, runs alternated): 256 values took the scan from ~4 s to ~6.5 s; 64
 * values, 1.8–2.3 s against 1.8–2.0 s without the searches. An index by the values' first 4
 * bytes was slower still (25–37 s): tokens share prefixes (`ghp_`, `AKIA`, `hunter`).
 */
export const SECRET_VALUES_MAX = 64;

/**
 * The distinct values of `spans` in `buf` worth masking on other lines (see the module doc):
 * at least {@link SECRET_VALUE_MIN} bytes, within one line, at most {@link SECRET_VALUES_MAX}.
 *
 * @example
 * secretValues(Buffer.from('password=hunter2hunter2\n'), [{ start: 9, end: 23, ruleId: 'password-assignment' }]);
 * // [{ bytes: <hunter2hunter2>, ruleId: 'password-assignment' }]
 */
export function secretValues(buf: Buffer, spans: readonly MaskSpan[]): SecretValue[] {
  const out: SecretValue[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    if (out.length === SECRET_VALUES_MAX) break;
    if (s.end - s.start < SECRET_VALUE_MIN) continue;
    const bytes = buf.subarray(s.start, s.end);
    if (bytes.includes(0x0a)) continue;
    const key = bytes.toString('latin1');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ bytes, ruleId: s.ruleId });
  }
  return out;
}

/** `spans` plus every occurrence of `values` on the line `[lineStart, lineEnd)`, sorted by start. */
function withValues(buf: Buffer, lineStart: number, lineEnd: number, spans: readonly MaskSpan[], values: readonly SecretValue[]): readonly MaskSpan[] {
  if (values.length === 0) return spans;
  // A value longer than every stretch of the line the spans leave is not looked for: a
  // `key=value` line costs no search.
  let gap = 0;
  let pos = lineStart;
  for (const s of spans) {
    if (s.start > pos) gap = Math.max(gap, Math.min(s.start, lineEnd) - pos);
    pos = Math.max(pos, s.end);
  }
  gap = Math.max(gap, lineEnd - pos);
  if (gap < SECRET_VALUE_MIN) return spans;
  const line = buf.subarray(lineStart, lineEnd);
  const extra: MaskSpan[] = [];
  for (const v of values) {
    if (v.bytes.length > gap) continue;
    for (let at = line.indexOf(v.bytes); at !== -1; at = line.indexOf(v.bytes, at + v.bytes.length)) {
      extra.push({ start: lineStart + at, end: lineStart + at + v.bytes.length, ruleId: v.ruleId });
    }
  }
  return extra.length === 0 ? spans : [...spans, ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Longest excerpt, in UTF-16 code units, before it is cut around the finding. */
export const EXCERPT_MAX = 160;
/** The most characters of a secret `--redact N` ever shows. */
export const REDACT_MAX_VISIBLE = 12;
/** Characters kept before the finding's mask when a long line is cut. */
const CONTEXT_BEFORE = 40;
/** What tokens are made of: an excerpt is not cut inside a run of these that holds a digit. */
const TOKEN_CHAR = /[A-Za-z0-9_\-+/=.~]/;

/**
 * Control characters, C1 controls, bidirectional overrides (Trojan Source), zero-width
 * characters and line separators: a file must not be able to move the cursor, recolour the
 * terminal or reorder what a reviewer reads.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * `text` safe to print on a terminal or in a CI log: a tab becomes a space, every other
 * unsafe character U+FFFD. For excerpts, and for paths and messages in the text report and
 * on stderr (a file name can hold a newline or an escape sequence too).
 *
 * @example
 * printable('a\nfake.txt:1:1 \u001b[2K'); // 'a\ufffdfake.txt:1:1 \ufffd[2K'
 */
export function printable(text: string): string {
  return text.replace(/\t/g, ' ').replace(UNSAFE, '\ufffd');
}

/**
 * How many leading bytes of `secret` an excerpt shows when `redact` percent of it is hidden
 * (see the module doc).
 *
 * @example
 * visiblePrefixLength(Buffer.from('ghp_Zq8vT2mW9kR4pL7xNq3fA1b2C3d4E5xxxxxx'), 80); // 8 (20% of 40)
 * visiblePrefixLength(Buffer.from('ghp_Zq8vT2mW9kR4pL7xNq3fA1b2C3d4E5xxxxxx'), 0);  // 10 (a quarter)
 * visiblePrefixLength(Buffer.from('hunter2'), 0);                                    // 0 (too short)
 */
export function visiblePrefixLength(secret: Uint8Array, redact: number): number {
  if (redact >= 100 || secret.length < PARTIAL_MIN_LENGTH) return 0;
  const limit = Math.min(Math.floor((secret.length * (100 - Math.max(0, redact))) / 100), Math.floor(secret.length / 4), REDACT_MAX_VISIBLE);
  let n = 0;
  while (n < limit) {
    const c = secret[n]!;
    const word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
    if (!word) break;
    n++;
  }
  return n;
}

/**
 * The excerpt of the line `[lineStart, lineEnd)` of `buf` with `spans` masked.
 *
 * @param spans every finding span, sorted by start (those off this line are skipped).
 * @param focus byte offset of the finding the excerpt is for: a long line is cut around it.
 * @param redact percent of each secret hidden (`--redact`): 100, the default, shows none of it.
 * @param values secrets found elsewhere in `buf` ({@link secretValues}), masked on this line too.
 * @example
 * const buf = Buffer.from('  key = "AKIAIOSFODNN7EXAMPLE" # aws\n');
 * maskedExcerpt(buf, 0, 35, [{ start: 9, end: 29, ruleId: 'aws-access-key-id' }], 9);
 * // 'key = "[REDACTED:aws-access-key-id]" # aws'
 */
export function maskedExcerpt(buf: Buffer, lineStart: number, lineEnd: number, spans: readonly MaskSpan[], focus: number, redact = 100, values: readonly SecretValue[] = []): string {
  if (lineEnd > lineStart && buf[lineEnd - 1] === 0x0d) lineEnd--;
  spans = withValues(buf, lineStart, lineEnd, spans, values);
  let text = '';
  let focusAt = 0;
  let focusEnd = 0;
  let pos = lineStart;
  for (const s of spans) {
    if (s.end <= lineStart || s.start >= lineEnd || s.end <= pos) continue;
    const from = Math.max(s.start, pos);
    text += printable(buf.toString('utf8', pos, from));
    if (s.start <= focus && focus < s.end) focusAt = text.length;
    // A prefix only for a secret that starts here, after whatever the spans before it masked,
    // and ends on this line.
    const keep = s.start >= pos && s.end <= lineEnd ? visiblePrefixLength(buf.subarray(s.start, s.end), redact) : 0;
    text += `${buf.toString('latin1', s.start, s.start + keep)}[REDACTED:${s.ruleId}]`;
    if (s.start <= focus && focus < s.end) focusEnd = text.length;
    pos = Math.min(s.end, lineEnd);
  }
  text += printable(buf.toString('utf8', pos, lineEnd));
  const trimmed = text.trimStart();
  const trimmedStart = text.length - trimmed.length;
  focusAt = Math.max(0, focusAt - trimmedStart);
  focusEnd = Math.max(focusAt, focusEnd - trimmedStart);
  text = trimmed.trimEnd();
  if (text.length <= EXCERPT_MAX) return text;
  let from = Math.max(0, focusAt - CONTEXT_BEFORE);
  let to = Math.min(text.length, from + EXCERPT_MAX);
  from = Math.max(0, to - EXCERPT_MAX);
  // Never inside a token (see the module doc): the part of one at either edge is left out,
  // the finding's own mask kept.
  if (from > 0 && TOKEN_CHAR.test(text[from - 1]!)) {
    let end = from;
    while (end < focusAt && TOKEN_CHAR.test(text[end]!)) end++;
    if (/[0-9]/.test(text.slice(from, end))) from = end;
  }
  if (to < text.length && TOKEN_CHAR.test(text[to]!)) {
    let start = to;
    while (start > focusEnd && TOKEN_CHAR.test(text[start - 1]!)) start--;
    if (/[0-9]/.test(text.slice(start, to))) to = start;
  }
  let cut = text.slice(from, to);
  // Never leave half a surrogate pair at either edge.
  if (/^[\udc00-\udfff]/.test(cut)) cut = cut.slice(1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${from > 0 ? '…' : ''}${cut}${to < text.length ? '…' : ''}`;
}
