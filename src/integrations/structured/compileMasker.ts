/**
 * Building an `EntryMasker`'s configuration from an integration's options: the redactor (its
 * options, or `{ redactor }` to reuse a compiled one), the key policy and the masks of values
 * masked whole. Every check throws here, at construction (`OptionsError`, `RuleError`).
 */
import { OptionsError } from '../../errors.js';
import type { RedactorOptions } from '../../options.js';
import { compileKeyPolicy, KEY_POLICY_OPTIONS, SENSITIVE_KEY_RULE, UNLISTED_KEY_RULE, type KeyPolicyOptions } from '../../policy/keyPolicy.js';
import { createRedactor, redactorInternals, type Redactor } from '../../redactor.js';
import { DEFAULT_MAX_DEPTH, JoinBuffer, textMasker, type MaskerConfig } from './entryMasker.js';

/** Options that choose the redactor: its options, or `{ redactor }` to reuse a compiled one. */
export type RedactorChoice =
  | RedactorOptions
  | ({ readonly redactor: Redactor } & Pick<RedactorOptions, 'mask' | 'maskByRule' | 'fingerprintKey'>);

/** What every structured integration adds to the redactor's options: the key policy and a depth bound. */
export interface StructuredOptions extends KeyPolicyOptions {
  /**
   * Objects nested deeper than this are replaced by `[REDACTED:depth]` (fail closed: they are
   * not inspected). Default 20.
   */
  readonly maxDepth?: number;
}

/** The option names of `StructuredOptions`. */
export const STRUCTURED_OPTIONS: readonly string[] = [...KEY_POLICY_OPTIONS, 'maxDepth'];

/** The redactor `options` choose. Throws `OptionsError` for `{ redactor }` that is not one, or combined with redactor options. */
export function chooseRedactor(options: RedactorChoice): Redactor {
  if ('redactor' in options && options.redactor !== undefined) {
    const { redactor } = options;
    if (typeof redactor !== 'object' || redactor === null || typeof redactor.redact !== 'function' || typeof redactor.redactBuffer !== 'function') {
      throw new OptionsError('LOGVEIL_INVALID_OPTION', 'redactor', 'must be a redactor made by createRedactor()');
    }
    for (const key of Object.keys(options)) {
      if (!['redactor', 'mask', 'maskByRule', 'fingerprintKey'].includes(key)) {
        throw new OptionsError('LOGVEIL_INVALID_OPTION', key, 'cannot be combined with `redactor` (set it on createRedactor)');
      }
    }
    return redactor;
  }
  return createRedactor(options as RedactorOptions);
}

/** `options` split into the integration's own keys (`own`) and the redactor's. */
export function splitOptions(options: object, own: readonly string[]): { mine: Record<string, unknown>; redactorOptions: RedactorChoice } {
  const mine: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) (own.includes(key) ? mine : rest)[key] = value;
  return { mine, redactorOptions: rest as RedactorChoice };
}

/**
 * The masker configuration for `options` (`StructuredOptions` plus the redactor's), less what
 * only some integrations have (`paths`). `entryKeys`: the entry's own keys that are structure,
 * not data (see `MaskerConfig.entryKeys`).
 */
export function compileMasker(options: StructuredOptions, redactorOptions: RedactorChoice, redactor: Redactor, entryKeys: readonly string[], onError: () => void): MaskerConfig {
  const { maxDepth = DEFAULT_MAX_DEPTH } = options;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) throw new OptionsError('LOGVEIL_INVALID_OPTION', 'maxDepth', 'must be a positive integer');
  return {
    redactor,
    // The format's own key policy, else the one its redactor was made with.
    policy: KEY_POLICY_OPTIONS.some((k) => options[k] !== undefined) ? compileKeyPolicy(options) : (redactorInternals(redactor).keyPolicy ?? compileKeyPolicy({})),
    masks: { sensitive: textMasker(redactorOptions, SENSITIVE_KEY_RULE, redactor), unlisted: textMasker(redactorOptions, UNLISTED_KEY_RULE, redactor) },
    entryKeys: new Set(entryKeys),
    maxDepth,
    redactPaths: undefined,
    pathRoots: new Set(),
    onError,
    scratch: new JoinBuffer(),
  };
}
