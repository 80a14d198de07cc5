/** The `logveil --help` text: options, precedence and exit codes. */
export const EXIT_OK = 0;
/** An I/O error while running (a read or write failed after output had started). */
export const EXIT_IO = 1;
/** Bad usage, config, rule, unreadable input/output file, or an output that is an input — nothing was written. */
export const EXIT_USAGE = 2;

export const USAGE = `Usage: logveil [options] [file...]

Masks secrets (API keys, tokens, passwords, private keys, connection-string
credentials) in log lines. Reads the files in order, or standard input when no
file is given or for "-", and writes to standard output.

  app | logveil | shipper

To scan files for secrets instead (a CI gate): logveil scan --help
To merge --report files into an incident timeline: logveil incidents --help

Options:
  -c, --config FILE          JSON config: {"mask", "maskByRule", "enable", "disable",
                             "rules", "builtins", "maxLineLength", "fingerprintKey",
                             "knownSecrets", "knownEnv", "knownFiles", "rotationGrace",
                             "retiredTtl", "revokedFingerprints", "source",
                             "gitleaksConfig", "learn", "scan" (used by logveil scan)}
  -m, --mask STRATEGY        label (default), redact, hash, partial, fixed, remove
      --rules IDS            keep only these built-in rule ids or tags (comma-separated)
      --include IDS          add opt-in rules by id or tag (comma-separated): pii, pii-email…
      --disable IDS          drop these rule ids or tags (comma-separated)
      --rule-file FILE       JSON file with your own rules (an array, or {"rules": [...]})
      --gitleaks-config FILE run the rules of a gitleaks TOML config (beside the
                             built-ins with [extend] useDefault = true, else instead)
      --max-line-length N    longest line scanned whole, in bytes (default 1048576);
                             longer lines are scanned in windows overlapping by 16 KiB
      --workers N            run the matcher on N worker threads (default 0: on the
                             main thread); line order and backpressure are kept
      --known-env NAMES      mask the values of these environment variables wherever
                             they appear (comma-separated; PREFIX_* for all with it)
      --known-file PATH      mask this file's content (one secret, named after the
                             file); a directory: one secret per file. Repeatable.
                             Watched: a new value is masked from its first line on
      --rotation-grace TIME  keep masking a rotated-out value this long (default 24h;
                             also 30m, 90s, or milliseconds): its findings are
                             "retiring"; those of the value in the file "current"
      --retired-ttl TIME     past its grace, keep recognising (and masking) a
                             rotated-out value this long more (default 30d; 0 forgets
                             it): its findings are "retired", each value warned about
                             on stderr at most once a minute (a client still uses it)
      --revoked FILE         fingerprints of revoked values, one per line (# comments):
                             their findings are "retired" and warned about too. Needs
                             LOGVEIL_FINGERPRINT_KEY (the key that printed them).
                             Read again on SIGHUP
      --source NAME          host, pod or stream name in every --report line
                             (default: the host name)
      --no-learn             do not learn masked values: by default a value a rule
                             masked is masked wherever it appears later in the stream
                             (also base64-, URL-, JSON-encoded); config "learn": false,
                             or {"maxValues": 1000, "ttl": "1h"} (the defaults)
  -o, --output FILE          write to FILE instead of standard output (refused when
                             it is one of the inputs: same file, link or stdin)
      --report FILE          append one JSON line per masked secret to FILE: rule,
                             known secret name, fingerprint, line, offset, time,
                             state (current, retiring, retired), source.
                             Created 0600, its missing directories 0700; a symbolic
                             link is refused; an existing file readable by others
                             is made 0600 (with a warning)
      --metrics [ADDR:]PORT  serve Prometheus metrics on http://ADDR:PORT/metrics
                             (ADDR defaults to 127.0.0.1; a non-loopback one warns);
                             known secrets' sightings by name and state, and when
                             each was last seen: watch old-key traffic fall to zero
      --stats                print lines, bytes and findings per rule on stderr at exit
  -h, --help                 show this help
  -V, -v, --version          show the version

Fingerprints (hash masks, --report) are a keyed HMAC: set LOGVEIL_FINGERPRINT_KEY to the
same value on every host so that the same secret has the same fingerprint everywhere;
without it a random key per process is used.

Precedence: built-in defaults < --config file < environment (LOGVEIL_FINGERPRINT_KEY)
< command-line options. --rules, --include and --disable add to the config's lists;
--rule-file adds to the config's rules.

Signals: SIGTERM and SIGINT stop reading, flush every line already read, exit 0
(also during start-up: nothing was read yet, so nothing is written).
SIGHUP reads the known secrets and the --revoked file again.
A closed standard output (EPIPE) ends logveil quietly.

Exit codes:
  0  success (also after SIGTERM/SIGINT, or when standard output was closed)
  1  an I/O error while running (a read or write failed)
  2  bad usage, config, rule, unreadable file (a directory included, on standard
     input too), or an output that is one of the inputs; nothing was written.
     A usage error (an unknown option, a flag's value refused) is followed by
     "Try 'logveil --help'."; system errors are in words: "no such file or
     directory (ENOENT)"
`;
