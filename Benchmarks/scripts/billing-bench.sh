#!/usr/bin/env bash
# Builds a release orderd and billing-bench, runs the billing benchmarks and rewrites the
# "Billing run and idle cost" section of docs/performance.md with the machine and the figures.
#
#   Benchmarks/scripts/billing-bench.sh
#
# Environment (all optional):
#   ORDERD_PACKAGE    the package orderd is built from (default: the main package, ..)
#   ORDERD            a release orderd to use instead of building one
#   LARGE_KIND        kind of the 1 × 10000 run: tenant (default) or country-tenant
#   ADVANCE_TIMEOUT   seconds each billing run may take (default 600)
#   IDLE_SECONDS      seconds the idle run measures (default 60)
#   DOC               the file to write (default: docs/performance.md of the main package)
#
# orderd is built with its own scratch path (.build-orderd), so it never waits for the lock
# of the main package's .build. A run that fails (a check, a timed-out advance) is recorded
# in the table as such; the script still writes the section, and exits non-zero at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
benchmarks=$PWD
repo=$(cd .. && pwd)
advance_timeout=${ADVANCE_TIMEOUT:-600}
idle_seconds=${IDLE_SECONDS:-60}
large_kind=${LARGE_KIND:-tenant}
doc=${DOC:-$repo/docs/performance.md}

# shellcheck source=doc-section.sh
. "$benchmarks/scripts/doc-section.sh"
# The commit orderd is built from, noted before the build.
commit=$(source_commit "$repo")

set -e
build_orderd
swift build -c release --product billing-bench
set +e
bench=$benchmarks/.build/release/billing-bench

start_runs

run_seconds=$((advance_timeout + 1200))

run due-100x100 due --organizations 100 --orders 100 --kind tenant --advance-timeout "$advance_timeout"
run due-1x10000 due --organizations 1 --orders 10000 --kind "$large_kind" --advance-timeout "$advance_timeout"
# Without backorders: each organization's own work only (a country tenant backorders nothing).
run due-100x100-country due --organizations 100 --orders 100 --kind country-tenant --advance-timeout "$advance_timeout"
run due-1x10000-country due --organizations 1 --orders 10000 --kind country-tenant --advance-timeout "$advance_timeout"
run idle idle --organizations 1000 --watchers 1000 --seconds "$idle_seconds"

# field LOG SED-EXPRESSION: the first match in a run's output, or "–".
field() {
  local value
  value=$(sed -n "$2" "$logs/$1" | head -n 1)
  echo "${value:-–}"
}

due_row() {
  local name=$1 size=$2 kind=$3 billing checks
  billing=$(field "$name" 's/^billing run: .* took \([0-9.]*\) s = \([0-9.]*\) orders\/s$/\1 s | \2/p')
  if [ "$billing" = "–" ]; then
    billing="$(field "$name" 's/^billing run: .*\(TIMED OUT after [0-9.]* s\|FAILED.*\)$/\1/p') | –"
  fi
  checks="$(grep -c '^check pass' "$logs/$name")/$(grep -c '^check ' "$logs/$name") pass"
  echo "| $size | $kind | $(field "$name" 's/^setup: \([0-9.]*\) s.*/\1 s/p') | $billing | $checks" \
    "| $(field "$name" 's/^orderd: peak RSS (VmHWM) \([0-9.]*\) MiB.*/\1/p') |"
}

idle_row() {
  local line
  line=$(field idle '/^idle [0-9.]* s: /p')
  echo "| 1000 | 1000 | $(field idle 's/.* over \([0-9]*\) connection(s)$/\1/p') | $idle_seconds" \
    "| $(echo "$line" | sed -n 's/.*orderd CPU \([0-9.]*\) % of one core.*/\1/p')" \
    "| $(echo "$line" | sed -n 's/.*, RSS \([0-9.]*\) MiB.*/\1/p')" \
    "| $(field idle 's/^orderd: peak RSS (VmHWM) \([0-9.]*\) MiB.*/\1/p')" \
    "| $(echo "$line" | sed -n 's/.* MiB, \([0-9]*\) threads.*/\1/p')" \
    "| $(echo "$line" | sed -n 's/.* \([0-9.]*\) context switches\/s.*/\1/p') |"
}

section=$logs/section.md
{
  echo "## Billing run and idle cost"
  echo
  echo "Written by \`Benchmarks/scripts/billing-bench.sh\` (which rewrites this section); see"
  echo "\`Benchmarks/README.md\` for what \`billing-bench\` does and checks."
  echo
  machine_lines
  echo
  echo "Commands (in \`Benchmarks/\`; \`\$ORDERD\` is the release orderd, \`.build-orderd/release/orderd\`):"
  echo
  echo '```sh'
  echo ".build/release/billing-bench due --organizations 100 --orders 100 --kind tenant" \
    "--advance-timeout $advance_timeout --orderd \$ORDERD"
  echo ".build/release/billing-bench due --organizations 1 --orders 10000 --kind $large_kind" \
    "--advance-timeout $advance_timeout --orderd \$ORDERD"
  echo ".build/release/billing-bench due --organizations 100 --orders 100 --kind country-tenant" \
    "--advance-timeout $advance_timeout --orderd \$ORDERD"
  echo ".build/release/billing-bench due --organizations 1 --orders 10000 --kind country-tenant" \
    "--advance-timeout $advance_timeout --orderd \$ORDERD"
  echo ".build/release/billing-bench idle --organizations 1000 --watchers 1000 --seconds $idle_seconds --orderd \$ORDERD"
  echo '```'
  echo
  echo "Billing run: one \`AdvanceClock\` from 2027-01-01 to 2027-01-25 that executes every sales order"
  echo "scheduled for 2027-01-15 (orders/s = orders ÷ its wall time); setup is creating the"
  echo "organizations and placing the orders, 16 calls in flight."
  echo
  echo "| organizations × orders | kind | setup | billing run | orders/s | exactly-once checks | orderd peak RSS MiB |"
  echo "|:--|:--|--:|--:|--:|:--|--:|"
  due_row due-100x100 "100 × 100" tenant
  due_row due-1x10000 "1 × 10000" "$large_kind"
  due_row due-100x100-country "100 × 100" country-tenant
  due_row due-1x10000-country "1 × 10000" country-tenant
  echo
  echo "A tenant's orders also reach the root as backorders, which the root applies as sales orders"
  echo "with their own invoices: the tenant rows execute twice the orders shown, and every"
  echo "backorder goes through the root's one writer. Issue 8's targets: 5,000 orders/s across"
  echo "100 organizations, 2,000 orders/s in one organization."
  echo
  echo "Idle: orderd on the system clock, every organization with one order due days ahead, the"
  echo "watches open and established, then ${idle_seconds} s measured from /proc with nothing asked of it."
  echo
  echo "| organizations | watches | connections | seconds | CPU % of one core | RSS MiB | peak RSS MiB | threads | context switches/s |"
  echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  idle_row
  echo
  echo "Output of the runs:"
  echo
  echo '```text'
  cat "$logs/due-100x100" "$logs/due-1x10000" "$logs/due-100x100-country" "$logs/due-1x10000-country" "$logs/idle"
  echo '```'
} >"$section"

replace_section "$doc" "Billing run and idle cost" "$section"
exit "$failed"
