/** The `logveil scan --help` text and the scan's exit codes. */

/** Nothing found (after allowlists and the baseline). */
export const SCAN_EXIT_CLEAN = 0;
/** At least one finding to report (the default of `--exit-code`). */
export const SCAN_EXIT_FINDINGS = 1;
/** Bad usage, config, rule or baseline, or a path that cannot be read: nothing was reported. */
export const SCAN_EXIT_ERROR = 2;

export const SCAN_USAGE = `Usage: logveil scan [options] [path...]
       logveil scan --git [--since REV] [--branch REF | --all] [options] [path...]
       logveil scan --staged [options] [path...]

Scans files and directories for secrets and reports where they are, never what
they are. A gate for CI and pre-commit hooks: exits 1 when anything is found.
Directories are walked recursively, skipping .git, node_modules, binary files
and untracked files .gitignore ignores (a file git tracks is always scanned);
"-" reads standard input. Default path: "."

  logveil scan .
  logveil scan --staged                 (in a pre-commit hook)
  logveil scan --git --since origin/main
  LOGVEIL_FINGERPRINT_KEY=… logveil scan --format sarif . > logveil.sarif

Options:
  -f, --format FORMAT        text (default), json, or sarif (SARIF 2.1.0)
  -b, --baseline FILE        do not report findings listed in FILE (a previous
                             --format json or sarif report), matched by rule id
                             and fingerprint; needs LOGVEIL_FINGERPRINT_KEY
      --gitleaks-ignore FILE do not report findings listed in FILE (gitleaks'
                             path:rule-id:line, commit:path:rule-id:line), read
                             instead of .gitleaksignore in the working directory,
                             each scanned directory (for the files under it)
                             and (--git, --staged) the repository's top
  -c, --config FILE          the JSON config of logveil, plus a "scan" section:
                             {"scan": {"allowPaths": [globs], "allowRules": [ids]}}
      --rules IDS            keep only these built-in rule ids or tags (comma-separated)
      --include IDS          add opt-in rules by id or tag (comma-separated): pii, pii-email…
      --disable IDS          drop these rule ids or tags (comma-separated)
      --rule-file FILE       JSON file with your own rules
      --gitleaks-config FILE a gitleaks TOML config's rules (see logveil --help)
      --known-env NAMES      also find these environment variables' values
                             (comma-separated; PREFIX_* for all with it)
      --known-file PATH      also find this file's content (a directory: each
                             file's), in any encoding; repeatable
      --workers N            worker threads beside the main thread (default auto:
                             one per extra core when the scan holds 50 MB or more)
      --no-progress          no progress bar (drawn on stderr only when it is a terminal)
      --exit-code N          exit code when findings are reported (default 1; 0-125)
      --report-path FILE     write the report to FILE (mode 0600, never through a
                             symbolic link) and a one-line summary to stderr;
                             "-" is stdout. FILE and the --baseline file are not
                             scanned themselves
      --redact[=N]           hide N% of each secret in excerpts (default and
                             --redact alone: 100); below 100 an excerpt shows at most
                             the first quarter, and at most 12 characters, of a secret
      --git                  scan the lines each commit added (git log -p), not
                             the files: a secret added, then removed, is found;
                             paths limit the history to them (git pathspecs,
                             literal); reports name the commit and author date
      --since REV            with --git: only the commits after REV
      --branch REF           with --git: REF's history (default: HEAD's)
      --all                  with --git: the history of every branch and tag
      --staged               scan the lines the staged changes add (what the next
                             commit takes), for pre-commit hooks
  -h, --help                 show this help
  -V, -v, --version          show the version

Allow a finding: put "logveil:allow" (or "gitleaks:allow") on its line (for a PEM
key, on its BEGIN line or on the line above when that line has no finding of its
own), list the path in scan.allowPaths or the rule in scan.allowRules, accept it
in a baseline, or list it in .gitleaksignore. Rule ids may be gitleaks' ids
(generic-api-key, curl-auth-user, ...) wherever they name the same secrets.

Write a baseline (exit 0 even with findings, for set -e scripts):
  LOGVEIL_FINGERPRINT_KEY=… logveil scan --format json --exit-code 0 \\
    --report-path .logveil-baseline.json .

Fingerprints: keyed HMACs of the secrets, with LOGVEIL_FINGERPRINT_KEY (or the
config's fingerprintKey). Without a key a random one is drawn for the run, the
reports say "fingerprintKeyed": false, and such a report cannot be a baseline.

Exit codes:
  0  nothing found
  1  findings reported (--exit-code N: N)
  2  bad usage, config, rule or baseline, or a path that cannot be read
     (--git, --staged: not a git repository, a revision that names no commit)
     (a usage error is followed by "Try 'logveil scan --help'.")
`;
