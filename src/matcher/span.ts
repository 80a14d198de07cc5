/**
 * A span: the byte range of one secret in the input and the rule that found it. Offsets are
 * byte offsets into the Buffer that was scanned, `start < end` always.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
  /** Index of the rule in the matcher's compiled rule list. */
  readonly rule: number;
}

/**
 * Sorts spans and merges overlapping or touching-inside ones into one mask each (fail closed:
 * the union is masked). The merged span keeps the rule of its longest member (first on ties).
 */
export function resolveOverlaps(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.rule - b.rule);
  const out: Span[] = [];
  let cur = spans[0]!;
  let curLen = cur.end - cur.start;
  let start = cur.start;
  let end = cur.end;
  let rule = cur.rule;
  for (let i = 1; i < spans.length; i++) {
    cur = spans[i]!;
    if (cur.start < end) {
      if (cur.end - cur.start > curLen) {
        curLen = cur.end - cur.start;
        rule = cur.rule;
      }
      if (cur.end > end) end = cur.end;
    } else {
      out.push({ start, end, rule });
      start = cur.start;
      end = cur.end;
      rule = cur.rule;
      curLen = end - start;
    }
  }
  out.push({ start, end, rule });
  return out;
}
