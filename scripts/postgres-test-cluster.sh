#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the PostgreSQL tests (issue 14): trust authentication for
# the user `orderd`, loopback and a socket in its own folder only, fsync off (the tests kill
# orderd, never PostgreSQL). `start` prints the admin URL the tests take in
# ORDERD_TEST_POSTGRES; `url` prints it again; `stop` stops the cluster and deletes it.
#
#   export ORDERD_TEST_POSTGRES="$(scripts/postgres-test-cluster.sh start)"
#   swift test --skip-build --filter Postgres
#   scripts/postgres-test-cluster.sh stop
#
# ORDERD_PG_PORT (55432, clear of a cluster on 5432) and ORDERD_PG_DIR choose where it runs.
# ORDERD_PG_DURABLE=1 leaves fsync, synchronous_commit and full_page_writes at PostgreSQL's
# defaults (on), for benchmarks whose answered writes must be on disk
# (Benchmarks/scripts/postgres-bench.sh); it applies when the cluster starts.
# initdb refuses root: as root, the cluster runs as the `postgres` user.
set -euo pipefail
port="${ORDERD_PG_PORT:-55432}"
dir="${ORDERD_PG_DIR:-${TMPDIR:-/tmp}/orderd-test-pg-$port}"
url="postgres://orderd@127.0.0.1:$port/postgres"
settings="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400"
if [ "${ORDERD_PG_DURABLE:-0}" != 1 ]; then
  settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi

# The folder of initdb and pg_ctl: beside pg_ctl on the PATH, else the newest Debian one.
bin_dir() {
  local found
  if found=$(command -v pg_ctl 2>/dev/null); then
    found=$(dirname "$(readlink -f "$found")")
    if [ -x "$found/initdb" ]; then
      echo "$found"
      return
    fi
  fi
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ]; then
    echo "postgres-test-cluster: no PostgreSQL found (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "$found"
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() { [ -f "$dir/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }

bin=$(bin_dir)
case "${1:-}" in
  start)
    if ! running; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres "$dir"
      if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$dir/data" -U orderd --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
          { cat "$dir/initdb.log" >&2; exit 1; }
      fi
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start -o "$settings" \
        >/dev/null || { cat "$dir/log" >&2; exit 1; }
    fi
    echo "$url"
    ;;
  url)
    running || { echo "postgres-test-cluster: not running (start it first)" >&2; exit 1; }
    echo "$url"
    ;;
  stop)
    if running; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
