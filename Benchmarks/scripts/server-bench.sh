#!/usr/bin/env bash
# Builds a release orderd and server-bench, runs the whole-server benchmarks of issue 13 and
# rewrites the section "Server calls and many organizations" of docs/performance.md with
# the machine and the figures.
#
#   Benchmarks/scripts/server-bench.sh
#
# Environment (all optional):
#   ORDERD_PACKAGE   the package orderd is built from (default: the main package, ..)
#   ORDERD           a release orderd to use instead of building one
#   DURATION         seconds measured per row (default 5)
#   ORGANIZATIONS    organizations of the round-robin run (default 2000)
#   DOC              the file to write (default: docs/performance.md of the main package)
#   COMMIT           the commit to name (default: the work tree's HEAD)
set -uo pipefail
cd "$(dirname "$0")/.."
benchmarks=$PWD
repo=$(cd .. && pwd)
duration=${DURATION:-5}
organizations=${ORGANIZATIONS:-2000}
doc=${DOC:-$repo/docs/performance.md}
# shellcheck source=doc-section.sh
. "$benchmarks/scripts/doc-section.sh"
commit=${COMMIT:-$(source_commit "$repo")}

set -e
build_orderd
swift build -c release --product server-bench
set +e
bench=$benchmarks/.build/release/server-bench
start_runs

run_seconds=1800

run calls calls --duration "$duration"
run organizations organizations --count "$organizations" --duration "$duration"
run_in_process opening opening --count 1000

# table LOG: the Markdown table a run printed last (its header and rows).
table() { awk '/^\| what /{ buffer = "" } /^\|/{ buffer = buffer $0 "\n" } END { printf "%s", buffer }' "$logs/$1"; }

section=$logs/section.md
{
  echo "## Server calls and many organizations"
  echo
  echo "Written by \`Benchmarks/scripts/server-bench.sh\` (which rewrites this section); the"
  echo "benchmark drives a release orderd over one TCP connection with OrderClient, real services"
  echo "and real storage (\`Benchmarks/Sources/server-bench\`)."
  echo
  machine_lines
  echo
  echo "Commands (in \`Benchmarks/\`; \`\$ORDERD\` is the release orderd):"
  echo
  echo '```sh'
  echo ".build/release/server-bench calls --duration $duration --orderd \$ORDERD"
  echo ".build/release/server-bench organizations --count $organizations --duration $duration --orderd \$ORDERD"
  echo ".build/release/server-bench opening --count 1000"
  echo '```'
  echo
  echo "Closed loops: N calls in flight, each caller making its next call when the last one"
  echo "answers; 1 s of warm-up, then ${duration} s measured. Latency is the client's; CPU and context"
  echo "switches are orderd's own (/proc), per call. The SQLite ceiling is bare GRDB in the"
  echo "benchmark's process on the same disk, one transaction per commit with the rows a scheduled"
  echo "PlaceOrder writes, \`synchronous=FULL\`. GetClock is the server's call path without a"
  echo "database: transport, authentication and the handler (the bare transport's echo is"
  echo "\`transport-bench\`, above). PlaceOrder places a sales order scheduled for a date, in"
  echo "country tenants (no backorders)."
  echo
  table calls
  echo
  echo "Organizations: created by the root (16 in flight), then one call each in round robin (most"
  echo "not in orderd's cache of open databases) beside the same call in one organization."
  echo
  grep -E '^created |^latency added |^orderd (after|at)' "$logs/organizations" | sed 's/^/- /'
  echo
  table organizations
  echo
  echo "Opening an organization that is not open (a miss of the cache), timed in the benchmark's"
  echo "process with the storage's own code on 1,000 copies of one organization's file, each opened"
  echo "once before (as in a round robin); the close (its checkpoint) is off the calls' path."
  echo
  grep -E '^first open |^opening an organization' "$logs/opening" | sed 's/^/- /'
  echo
  table opening
  echo
  echo "Output of the runs:"
  echo
  echo '```text'
  cat "$logs/calls" "$logs/organizations" "$logs/opening"
  echo '```'
} >"$section"

replace_section "$doc" "Server calls and many organizations" "$section"
exit "$failed"
