/**
 * What `logveil scan` reports: a finding placed in a file (path, line, column) with a masked
 * excerpt of its line, and the outcome of scanning one file. Plain data only: results cross
 * from the worker threads by structured clone. Never the secret, never the unmasked line.
 */

/**
 * One secret found by `logveil scan`.
 *
 * @example
 * // src/db.ts, line 12: const url = 'postgres://app:s3cr3tPa55@db/app';
 * const f: ScanFinding = {
 *   path: 'src/db.ts', ruleId: 'url-userinfo-password', fingerprint: '4f1c9a2e',
 *   line: 12, column: 28, endLine: 12, endColumn: 38, start: 311, end: 321,
 *   excerpt: "const url = 'postgres://app:[REDACTED:url-userinfo-password]@db/app';",
 * };
 */
export interface ScanFinding {
  /** The path as scanned (joined onto the argument given), `-` for standard input. */
  readonly path: string;
  readonly ruleId: string;
  /** Keyed HMAC of the secret (8 hex): the baseline's key, see baseline.ts. */
  readonly fingerprint: string;
  /** 1-based line of the secret's first byte. */
  readonly line: number;
  /** 1-based column of the secret's first byte, in UTF-16 code units (SARIF's default `columnKind`). */
  readonly column: number;
  /** 1-based line of the secret's last byte (a multi-line PEM key ends lines later). */
  readonly endLine: number;
  /** 1-based column just past the secret's last byte on `endLine`, in UTF-16 code units. */
  readonly endColumn: number;
  /** Byte offset of the secret in the file. */
  readonly start: number;
  /** Byte offset just past the secret. */
  readonly end: number;
  /** The finding's line with every secret on it masked (`[REDACTED:rule]`), control characters replaced, at most ~160 characters. */
  readonly excerpt: string;
  /**
   * `scan --git`: the commit that added the line (then `line` is its line in that commit's
   * file, and `start`/`end` count from the first added line of its hunk). Absent for files
   * and for `--staged`.
   */
  readonly commit?: GitCommit;
}

/**
 * A commit as reports show it.
 *
 * @example
 * const c: GitCommit = { sha: '3f2a9c1d7e4b…', date: '2026-12-07T05:57:38+00:00' };
 */
export interface GitCommit {
  /** Full hex object name. */
  readonly sha: string;
  /** Author date, strict ISO 8601 (`git log --format=%aI`). */
  readonly date: string;
}

/**
 * The outcome of scanning one input.
 *
 * @example
 * const r: FileResult = { kind: 'scanned', path: 'a.log', bytes: 1200, findings: [], allowedInline: 1 };
 */
export type FileResult =
  | {
      readonly kind: 'scanned';
      readonly path: string;
      readonly bytes: number;
      /** Findings not allowed by an inline `logveil:allow`, in file order. */
      readonly findings: readonly ScanFinding[];
      /** Findings suppressed by an inline `logveil:allow` on their line. */
      readonly allowedInline: number;
    }
  /** A NUL byte in the first 8000 bytes (git's test for binary files): not scanned. */
  | { readonly kind: 'binary'; readonly path: string; readonly bytes: number }
  /** The file could not be read (it vanished, or permissions): the scan exits 2. */
  | { readonly kind: 'error'; readonly path: string; readonly message: string };
