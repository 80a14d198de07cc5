/**
 * Revoked fingerprints: values an operator names as revoked without having them — the keyed
 * fingerprints logveil prints in findings and `hash` masks, one per line. A finding whose
 * fingerprint is listed is `retired` (a client still using a revoked key). Fingerprints are
 * only meaningful under the same `fingerprintKey` as the one that printed them.
 *
 * File format: one fingerprint (8 hex characters) per line; blank lines and `#` comments
 * (whole lines, or after the fingerprint) are skipped. A list read from a file can be read
 * again (`reload()`: the CLI's SIGHUP), so a key revoked mid-incident is added without a
 * restart — which would forget the sightings counted and the retired values held.
 *
 * ```text
 * # stripe key leaked 2026-12-01, revoked at 10:42
 * 4f1c9a2e
 * c09df7c9   # the old deploy token
 * ```
 */
import { OptionsError } from '../errors.js';
import { FINGERPRINT_HEX_LENGTH } from '../mask/fingerprint.js';
import { readRegularFile, UnreadableFile } from '../regularFile.js';

/** Largest revoked-fingerprints file read: 1 MiB (about 100,000 fingerprints with comments). */
export const MAX_REVOKED_FILE = 1024 * 1024;

const FINGERPRINT = new RegExp(`^[0-9a-fA-F]{${FINGERPRINT_HEX_LENGTH}}$`);
/** The option name errors carry. */
const OPTION = 'revokedFingerprints';

/**
 * The fingerprints of a revoked-fingerprints file's text, lowercased. Throws `OptionsError`
 * naming the first line that is not a fingerprint by its number (the line is not shown: it
 * may be a secret pasted in the wrong place).
 *
 * @example
 * parseRevoked('# leaked\n4F1C9A2E\n', 'revoked.txt'); // Set { '4f1c9a2e' }
 */
export function parseRevoked(text: string, where: string): Set<string> {
  const out = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const line = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (line === '') return;
    if (!FINGERPRINT.test(line)) throw new OptionsError('LOGVEIL_INVALID_OPTION', OPTION, `${where} line ${i + 1} is not a fingerprint (${FINGERPRINT_HEX_LENGTH} hex characters; the line is not shown)`);
    out.add(line.toLowerCase());
  });
  return out;
}

/** Brand of a revoked list (a registered symbol, as for known-secret sets: bundles may differ). */
const BRAND = Symbol.for('logveil.revokedFingerprints');

/**
 * A list of revoked fingerprints; one read from a file can be read again.
 *
 * @example
 * const revoked = new RevokedFingerprints('/etc/logveil/revoked.txt');
 * createRedactor({ fingerprintKey, revokedFingerprints: revoked });
 * process.on('SIGHUP', () => { const why = revoked.reload(); if (why) console.warn(why); });
 */
export class RevokedFingerprints {
  readonly [BRAND] = true;
  private list: ReadonlySet<string>;

  /** Throws `OptionsError` for a list or file that is not one of fingerprints. */
  constructor(private readonly from: string | readonly string[]) {
    this.list = readList(from);
  }

  /** Whether `fingerprint` (8 lowercase hex) is listed. */
  has(fingerprint: string): boolean {
    return this.list.has(fingerprint);
  }

  get size(): number {
    return this.list.size;
  }

  /**
   * Reads the file again. When it cannot be read or holds something else than fingerprints,
   * the list stays as it was and the reason is returned (one line naming the file and line,
   * never its content); undefined when it was read (or the list is not from a file).
   */
  reload(): string | undefined {
    if (typeof this.from !== 'string') return undefined;
    try {
      this.list = readList(this.from);
      return undefined;
    } catch (err) {
      return `${(err as Error).message.replace(/^option "revokedFingerprints": /, '')}: the revoked fingerprints stay as they were`;
    }
  }
}

/**
 * True for a list made by `RevokedFingerprints` (from any of the package's bundles).
 *
 * @example
 * isRevokedFingerprints(new RevokedFingerprints(['4f1c9a2e'])); // true
 */
export function isRevokedFingerprints(v: unknown): v is RevokedFingerprints {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * The revoked fingerprints an option names: a list of fingerprints, the path of a file of
 * them (a regular file of at most `MAX_REVOKED_FILE`, read now), or a `RevokedFingerprints`
 * (kept as it is, so that it can be reloaded). Throws `OptionsError`.
 *
 * @example
 * revokedFingerprints('/etc/logveil/revoked.txt');
 * revokedFingerprints(['4f1c9a2e']);
 */
export function revokedFingerprints(v: unknown): RevokedFingerprints {
  if (isRevokedFingerprints(v)) return v;
  return new RevokedFingerprints(v === undefined ? [] : (v as string | readonly string[]));
}

function readList(v: unknown): Set<string> {
  if (Array.isArray(v)) {
    v.forEach((f: unknown, i) => {
      if (typeof f !== 'string' || !FINGERPRINT.test(f)) throw new OptionsError('LOGVEIL_INVALID_OPTION', OPTION, `entry #${i + 1} is not a fingerprint (${FINGERPRINT_HEX_LENGTH} hex characters; the entry is not shown)`);
    });
    return new Set((v as string[]).map((f) => f.toLowerCase()));
  }
  if (typeof v !== 'string' || v.length === 0) throw new OptionsError('LOGVEIL_INVALID_OPTION', OPTION, 'must be the path of a file of fingerprints, or an array of fingerprints');
  let bytes: Buffer;
  try {
    bytes = readRegularFile(v, MAX_REVOKED_FILE);
  } catch (err) {
    if (err instanceof UnreadableFile) throw new OptionsError('LOGVEIL_INVALID_OPTION', OPTION, `cannot read ${v}: ${err.reason}`);
    throw err;
  }
  return parseRevoked(bytes.toString('utf8'), v);
}
