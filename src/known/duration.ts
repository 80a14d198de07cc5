/** Durations in options and flags: milliseconds, or a number with a unit (`90s`, `15m`, `24h`, `7d`). */

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration into milliseconds; undefined when it is not one.
 *
 * @example
 * parseDuration('24h'); // 86400000
 * parseDuration(1500);  // 1500
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (m === null) return undefined;
  return Number(m[1]) * UNITS[m[2] ?? 'ms']!;
}
