/**
 * Shallow copies for the copy-on-write walk: prototype, own enumerable string and symbol keys,
 * and an Error's non-enumerable message/stack/cause are kept; a throwing getter costs one
 * value (masked), never the whole object.
 */
import { ERROR_MASK } from './entryMasker.js';

/** A shallow copy keeping the prototype, own enumerable string and symbol keys, and an Error's message/stack. */
export function copyObject(value: object): Record<string | symbol, unknown> {
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string | symbol, unknown>;
  copyInto(copy, value);
  return copy;
}

export function copyInto(target: object, source: object): void {
  const to = target as Record<string | symbol, unknown>;
  const from = source as Record<string | symbol, unknown>;
  // Not Object.assign: one throwing getter must cost one value, not the whole object.
  for (const key of Object.keys(source)) {
    let value: unknown;
    try {
      value = from[key];
    } catch {
      value = ERROR_MASK;
    }
    assignOwn(to, key, value);
  }
  for (const sym of Object.getOwnPropertySymbols(source)) if (Object.prototype.propertyIsEnumerable.call(source, sym)) to[sym] = from[sym];
  if (source instanceof Error) for (const k of ['message', 'stack', 'cause']) if (Object.prototype.hasOwnProperty.call(source, k) && !Object.prototype.propertyIsEnumerable.call(source, k)) setOwn(target, source, k, (source as unknown as Record<string, unknown>)[k]);
}

/**
 * `target[key] = value` as an own property, `__proto__` included: JSON.parse makes an own
 * `__proto__` of `{"__proto__":…}`, and assigning it would set the copy's prototype instead
 * (the masked value would vanish from the output, or be inherited by every key of the copy).
 */
export function assignOwn(target: object, key: string | symbol, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string | symbol, unknown>)[key] = value;
}

/** Sets `key` on `copy` with the enumerability it has on `source` (an Error's stack stays hidden). */
export function setOwn(copy: object, source: object, key: string, value: unknown): void {
  if (Object.prototype.propertyIsEnumerable.call(source, key)) assignOwn(copy, key, value);
  else Object.defineProperty(copy, key, { value, enumerable: false, writable: true, configurable: true });
}

