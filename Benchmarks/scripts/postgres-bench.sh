#!/usr/bin/env bash
# Runs `billing-bench due` on SQLite and on PostgreSQL with one and with two orderd nodes
# (issue 14), the three interleaved and repeated, on a PostgreSQL cluster of its own with fsync
# and synchronous_commit on (a fresh database per run), and rewrites the section
# "PostgreSQL: one and two nodes (issue 14)" of docs/performance.md with the machine, the
# medians and the runs. The section's reading, between the lines `<!-- reading -->` and
# `<!-- /reading -->`, is written by hand and kept.
#
#   Benchmarks/scripts/postgres-bench.sh
#
# Environment (all optional):
#   ORDERD_PACKAGE, ORDERD, DOC, COMMIT   as in billing-bench.sh and server-bench.sh
#   BENCH            a release billing-bench to use instead of building one
#   SIZES            organizations x orders per run (default "20x100 100x20")
#   REPETITIONS      runs of each storage per size (default 3)
#   POOL             each node's pool= (default 8)
#   CONCURRENCY      setup calls in flight (default 16)
#   INTERLEAVE       1: orders placed round robin over the organizations (--interleave-orders)
#   KIND             the organizations' kind: tenant (default; each sale also backorders to the
#                    root) or country-tenant (no backorders)
#   QUIET_LOAD       before each run, wait until the 1-minute load average is below this
#                    (default 1.0), but at most QUIET_WAIT seconds (default 180)
#   SPLIT            1 (default): one more two-node run per size at --log-level debug, which
#                    shows the organizations each node ran (not in the medians)
#   ORDERD_PG_PORT   the cluster's port (default 55447); its folder /tmp/orderd-bench-pg-PORT
#   ADVANCE_TIMEOUT  seconds each billing run may take (default 600)
set -uo pipefail
cd "$(dirname "$0")/.."
benchmarks=$PWD
repo=$(cd .. && pwd)
sizes=${SIZES:-20x100 100x20}
repetitions=${REPETITIONS:-3}
pool=${POOL:-8}
concurrency=${CONCURRENCY:-16}
kind=${KIND:-tenant}
interleave=${INTERLEAVE:-0}
quiet_load=${QUIET_LOAD:-1.0}
quiet_wait=${QUIET_WAIT:-180}
split=${SPLIT:-1}
advance_timeout=${ADVANCE_TIMEOUT:-600}
doc=${DOC:-$repo/docs/performance.md}
title="PostgreSQL: one and two nodes (issue 14)"
# shellcheck source=doc-section.sh
. "$benchmarks/scripts/doc-section.sh"
commit=${COMMIT:-$(source_commit "$repo")}

set -e
build_orderd
if [ -z "${BENCH:-}" ]; then
  swift build -c release --product billing-bench
  BENCH=$benchmarks/.build/release/billing-bench
fi
set +e
bench=$BENCH
run_seconds=$((advance_timeout + 1200))

# The cluster: our own folder, started afresh, durable.
export ORDERD_PG_PORT=${ORDERD_PG_PORT:-55447} ORDERD_PG_DIR=/tmp/orderd-bench-pg-${ORDERD_PG_PORT:-55447}
export ORDERD_PG_DURABLE=1
cluster=$repo/scripts/postgres-test-cluster.sh
"$cluster" stop
admin=$("$cluster" start) || exit 1
start_runs
trap '"$cluster" stop; rm -rf "$logs"' EXIT
sql() { psql "$admin" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
durability="fsync=$(sql 'SHOW fsync'), synchronous_commit=$(sql 'SHOW synchronous_commit')"
durability="$durability, full_page_writes=$(sql 'SHOW full_page_writes')"
if [ "$durability" != "fsync=on, synchronous_commit=on, full_page_writes=on" ]; then
  echo "postgres-bench: the cluster is not durable ($durability)" >&2
  exit 1
fi
pg_version=$(sql 'SHOW server_version')

# wait_quiet: until the 1-minute load average is below $quiet_load, at most $quiet_wait s.
wait_quiet() {
  local waited=0
  while awk -v limit="$quiet_load" '{ exit !($1 >= limit) }' /proc/loadavg && [ "$waited" -lt "$quiet_wait" ]; do
    sleep 5
    waited=$((waited + 5))
  done
}

# run_due NAME SIZE STORAGE [ARGS...]: one `due` run; STORAGE sqlite, pg1 or pg2 (pg: a fresh
# database, dropped afterwards). Notes the load average at its start and end in its log.
run_due() {
  local name=$1 size=$2 storage=$3 database="" load_start
  shift 3
  local args=(due --organizations "${size%x*}" --orders "${size#*x}" --kind "$kind" --concurrency "$concurrency"
    --advance-timeout "$advance_timeout" "$@")
  [ "$interleave" != 1 ] || args+=(--interleave-orders)
  if [ "$storage" != sqlite ]; then
    database=bench_${name//[^a-z0-9]/_}
    sql "CREATE DATABASE $database"
    args+=(--storage "postgres://orderd@127.0.0.1:$ORDERD_PG_PORT/$database?sslmode=disable&pool=$pool")
    [ "$storage" = pg2 ] && args+=(--nodes 2)
  fi
  wait_quiet
  load_start=$(cut -d ' ' -f 1 /proc/loadavg)
  run "$name" "${args[@]}"
  echo "load average: $load_start at the start, $(cut -d ' ' -f 1 /proc/loadavg) at the end" | tee -a "$logs/$name"
  [ -z "$database" ] || sql "DROP DATABASE $database"
}

storages=(sqlite pg1 pg2)
for size in $sizes; do
  for repetition in $(seq 1 "$repetitions"); do
    for storage in "${storages[@]}"; do run_due "$size-$storage-$repetition" "$size" "$storage"; done
  done
  [ "$split" != 1 ] || run_due "$size-pg2-split" "$size" pg2 --log-level debug
done

# values SIZE STORAGE SED-EXPRESSION: the figure of each run, in run order, one a line ("–"
# for a run without it).
values() {
  local repetition value
  for repetition in $(seq 1 "$repetitions"); do
    value=$(sed -n "$3" "$logs/$1-$2-$repetition" | head -n 1)
    echo "${value:-–}"
  done
}

# figure SIZE STORAGE SED-EXPRESSION: "median (run 1, run 2, …)" of the runs that have it.
figure() {
  local list median
  list=$(values "$@" | paste -sd ',' | sed 's/,/, /g')
  median=$(values "$@" | grep -E '^[0-9]' | sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) print "–"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "$median ($list)"
}

row() {
  local size=$1 storage=$2 label=$3 checks="" loads="" repetition log
  for repetition in $(seq 1 "$repetitions"); do
    log=$logs/$size-$storage-$repetition
    checks="$checks, $(grep -c '^check pass' "$log")/$(grep -c '^check ' "$log")"
    loads="$loads, $(sed -n 's/^load average: \([0-9.]*\) at the start, \([0-9.]*\) at the end$/\1→\2/p' "$log")"
  done
  echo "| ${size/x/ × } | $label" \
    "| $(figure "$size" "$storage" 's/.* = \([0-9]*\) PlaceOrder calls\/s)$/\1/p')" \
    "| $(figure "$size" "$storage" 's/^billing run: .* = \([0-9]*\)\.[0-9] orders\/s$/\1/p')" \
    "| ${checks#, } | ${loads#, } |"
}

section=$logs/section.md
reading=$logs/reading.md
awk '/^<!-- reading -->$/ { keep = 1 } keep { print } /^<!-- \/reading -->$/ { keep = 0 }' "$doc" >"$reading" 2>/dev/null
[ -s "$reading" ] || printf '<!-- reading -->\n(to be written)\n<!-- /reading -->\n' >"$reading"
{
  echo "## $title"
  echo
  echo "Written by \`Benchmarks/scripts/postgres-bench.sh\` (which rewrites this section but keeps"
  echo "its reading); \`billing-bench due\` as in \"Billing run and idle cost\", on three storages."
  echo
  machine_lines
  echo "- PostgreSQL $pg_version on the same machine and disk, a cluster of its own"
  echo "  (\`ORDERD_PG_DURABLE=1 scripts/postgres-test-cluster.sh start\`: $durability,"
  echo "  PostgreSQL's other defaults, max_connections=400), a fresh database per run; each node"
  echo "  \`--storage 'postgres://orderd@127.0.0.1:$ORDERD_PG_PORT/DB?sslmode=disable&pool=$pool'\`"
  echo "  with its own data directory"
  echo
  echo "Commands (in \`Benchmarks/\`; \`\$ORDERD\` is the release orderd, \$PG the URL above):"
  echo
  echo '```sh'
  for size in $sizes; do
    echo ".build/release/billing-bench due --organizations ${size%x*} --orders ${size#*x} --kind $kind" \
      "--concurrency $concurrency --advance-timeout $advance_timeout$([ "$interleave" != 1 ] || echo ' --interleave-orders')" \
      "--orderd \$ORDERD [--storage \$PG [--nodes 2]]"
  done
  echo '```'
  echo
  echo "Each size ran $repetitions time(s) per storage, the storages in turn (SQLite, PostgreSQL with one"
  echo "node, with two), each run starting once the 1-minute load average was below $quiet_load (or"
  if [ "$kind" = tenant ]; then
    echo "after ${quiet_wait} s). Tenant organizations: every sale is also a backorder the root applies"
    echo "as its own sales order. Setup: $concurrency PlaceOrder calls in flight, each answered once"
  else
    echo "after ${quiet_wait} s). Organizations of kind $kind. Setup: $concurrency PlaceOrder calls in"
    echo "flight, each answered once"
  fi
  echo "committed (SQLite \`synchronous=FULL\`; PostgreSQL with fsync and synchronous_commit on);"
  echo "with two nodes, organization i is created and gets its orders through node i mod 2."
  if [ "$interleave" = 1 ]; then
    echo "Orders placed round robin over the organizations (\`--interleave-orders\`): the calls in flight"
    echo "are in as many organizations."
  else
    echo "Orders placed one organization's after another's: the calls in flight are mostly in one"
    echo "organization, and queue for its one writer."
  fi
  echo "Billing run: one \`AdvanceClock\` through node 1; node 2 hears the clock through"
  echo "PostgreSQL's NOTIFY and claims organizations by itself. Figures: median (each run)."
  echo
  echo "| organizations × orders | storage | PlaceOrder calls/s (setup) | billing run orders/s | exactly-once checks passed, each run | load average at start→end, each run |"
  echo "|:--|:--|--:|--:|:--|:--|"
  for size in $sizes; do
    row "$size" sqlite "SQLite"
    row "$size" pg1 "PostgreSQL, 1 node"
    row "$size" pg2 "PostgreSQL, 2 nodes"
  done
  echo
  if [ "$split" = 1 ]; then
    echo "Who ran the billing run with two nodes (one more run per size at \`--log-level debug\`,"
    echo "from each node's \`ran due jobs\` lines; not in the medians):"
    echo
    for size in $sizes; do
      grep -E '^orderd node [0-9] .*ran the due jobs|^organizations run by every|^billing run:' \
        "$logs/$size-pg2-split" | sed "s/^/- ${size/x/ × }: /"
    done
    echo
  fi
  cat "$reading"
  echo
  echo "Output of the runs (the main lines):"
  echo
  echo '```text'
  for size in $sizes; do
    for name in $(seq 1 "$repetitions") split; do
      for storage in "${storages[@]}"; do
        [ -f "$logs/$size-$storage-$name" ] || continue
        echo "== $size $storage $name"
        grep -E '^(due|setup|billing run|result|load average|orderd( node [0-9])?: peak|organizations run by)|ran the due jobs|exit status' \
          "$logs/$size-$storage-$name"
      done
    done
  done
  echo '```'
} >"$section"

replace_section "$doc" "$title" "$section"
exit "$failed"
