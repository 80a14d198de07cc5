/** The `logveil incidents --help` text and its exit codes. */
import { MAX_REPORT_LINE } from './reportLines.js';

/** The incidents were written (also when there were none, or lines were skipped). */
export const INCIDENTS_EXIT_OK = 0;
/** Bad usage, or a report that cannot be read (or the output cannot be written): no incidents written. */
export const INCIDENTS_EXIT_ERROR = 2;

export const INCIDENTS_USAGE = `Usage: logveil incidents [options] REPORT...

Merges findings reports (logveil --report FILE, one per host or pod; "-" reads
standard input) into one incident per secret, by keyed fingerprint: rule, known
secret name, first and last seen, count, sources, rotation events, sightings
of retired (revoked) values, and the time to rotate. Only ever reads reports:
it prints fingerprints, names and times, never a secret.

  logveil incidents web-1.ndjson web-2.ndjson
  logveil incidents --since 7d --format markdown /var/log/logveil/*.ndjson
  logveil incidents --since 2026-01-01 --per month reports/*.ndjson
  ssh web-3 cat findings.ndjson | logveil incidents -f json web-1.ndjson -

Options:
  -f, --format FORMAT   text (a table, default), json, or markdown (for the
                        incident ticket)
      --since WHEN      only findings from WHEN on: an ISO 8601 date (UTC, from
                        its start), a time (2026-12-01T10:00:00Z; UTC without a
                        zone), or a duration back from now (7d, 12h, 30m, 90s)
      --until WHEN      only findings before WHEN (a date alone: to its end)
      --per UNIT        also a summary line per day, week (from Monday) or month
                        (UTC), each secret in the period it was first seen
  -h, --help            show this help
  -V, -v, --version     show the version

Time to rotate: for a known secret, from its first sighting to the first
"current" sighting of the value that replaced it: another value under the same
name, first seen "current" after this one was first seen. Rotation events:
each state the value was seen in (current, retiring, retired), from its first
to its last sighting. The summary line gives, for the period, the number of
distinct leaked secrets (one per fingerprint) and the median and worst time to
rotate.

Reports from many hosts merge only when they were written with the same
LOGVEIL_FINGERPRINT_KEY (without it each process draws its own key).
A line that is not a finding (not JSON, a field missing or wrong, longer than
${MAX_REPORT_LINE} bytes) is skipped with a warning naming the report and the line number.

Exit codes:
  0  the incidents were written (lines may have been skipped: see the warnings)
  2  bad usage, or a report that cannot be read; nothing was written
     (a usage error is followed by "Try 'logveil incidents --help'.")
`;
