/**
 * Custom mask text: `mask: { text: '<hidden>' }`, as Vector's and the OpenTelemetry
 * Collector's users write their replacement string. The text is fixed (it has no placeholder
 * a secret could be written into), so a mask can never carry the secret; it is checked once,
 * when the options are, to keep the masks' invariants: printable ASCII, no `"` or `\` (so it
 * is valid inside a JSON string as it stands), no line break, at most `MAX_MASK_TEXT_LENGTH`.
 */
import type { MaskStrategy } from '../rules/rule.js';

/**
 * Fixed text that replaces every secret it applies to.
 *
 * @example
 * createRedactor({ mask: { text: '<hidden>' } }).redact('password=hunter22'); // 'password=<hidden>'
 */
export interface MaskText {
  /** 1–64 printable ASCII characters (space included), without `"` or `\`. */
  readonly text: string;
}

/**
 * What replaces a secret: a strategy name (`label`, `hash`…, see `maskStrategy.ts`) or fixed
 * text.
 */
export type Mask = MaskStrategy | MaskText;

/** Longest mask text accepted. */
export const MAX_MASK_TEXT_LENGTH = 64;

/**
 * Why `value` is not a usable `{ text }` mask (a sentence naming the position of the first bad
 * character, never the text), or undefined when it is one.
 *
 * @example
 * maskTextProblem({ text: '<hidden>' }); // undefined
 * maskTextProblem({ text: 'a"b' });      // 'text character #2 must be printable ASCII other than " and \\'
 */
export function maskTextProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a strategy name or { text }';
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'text') return 'an object mask has exactly one key, text';
  const { text } = value as { text: unknown };
  if (typeof text !== 'string') return 'text must be a string';
  if (text.length === 0) return 'text must not be empty (use the "remove" strategy to drop secrets)';
  if (text.length > MAX_MASK_TEXT_LENGTH) return `text must be at most ${MAX_MASK_TEXT_LENGTH} characters`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII: no control character or line break (a mask never splits a line), no
    // quote or backslash (a mask is valid inside a JSON string as it stands), nothing beyond
    // ASCII (masks are measured and written as bytes).
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return `text character #${i + 1} must be printable ASCII other than " and \\`;
  }
  return undefined;
}

/** Whether `mask` is fixed text rather than a strategy name. */
export function isMaskText(mask: Mask): mask is MaskText {
  return typeof mask === 'object';
}
