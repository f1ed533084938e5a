# Shared by the benchmark scripts (sourced, not run).

# machine_lines: the "- date / - machine / - swift" lines every section starts with.
# Uses $commit and $load_before.
machine_lines() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo "- machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
    "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory," \
    "Linux $(uname -r) $(uname -m), load average before the runs: $load_before"
  echo "- $(swift --version 2>&1 | head -n 1); release builds"
}

# replace_section DOC TITLE FILE: replaces the section "## TITLE" of DOC (up to the next
# "## " heading) with FILE, or appends it; the rest of DOC stays as it is.
replace_section() {
  local doc=$1 title=$2 section=$3 scratch
  scratch=$(mktemp)
  mkdir -p "$(dirname "$doc")"
  if [ ! -f "$doc" ]; then
    printf '# Performance\n\nMeasured figures; each section says how to reproduce it.\n' >"$doc"
  fi
  awk -v section="$section" -v title="## $title" '
    /^## / && skipping { print ""; skipping = 0 }
    $0 == title {
      while ((getline line < section) > 0) print line
      skipping = 1; replaced = 1; next
    }
    !skipping { print }
    END {
      if (!replaced) { print ""; while ((getline line < section) > 0) print line }
    }
  ' "$doc" >"$scratch" && cp "$scratch" "$doc"
  rm -f "$scratch"
  echo "wrote the section \"$title\" of $doc"
}

# build_orderd: sets ORDERD to a release orderd, building one from ORDERD_PACKAGE (default the
# main package) with its own scratch path unless ORDERD is set.
build_orderd() {
  if [ -z "${ORDERD:-}" ]; then
    swift build -c release --product orderd --package-path "${ORDERD_PACKAGE:-..}" \
      --scratch-path "$benchmarks/.build-orderd"
    ORDERD=$benchmarks/.build-orderd/release/orderd
  fi
}

# source_commit: the commit orderd is built from, marked when the work tree differs.
source_commit() {
  local repo=$1 commit
  commit=$(git -C "$repo" rev-parse --short HEAD)
  if [ -n "$(git -C "$repo" status --porcelain -- Sources clients Package.swift)" ]; then
    commit="$commit (with uncommitted changes in Sources, clients or Package.swift)"
  fi
  echo "$commit"
}

# run NAME ARGS...: runs $bench with ARGS and --orderd $ORDERD, bounded by $run_seconds,
# showing its output and keeping it in $logs/NAME; sets failed=1 when it fails.
run() {
  local name=$1
  shift
  run_in_process "$name" "$@" --orderd "$ORDERD"
}

# run_in_process NAME ARGS...: as run, for a benchmark that starts no orderd.
run_in_process() {
  local name=$1
  shift
  echo "== $(basename "$bench") $*"
  # timeout signals its whole process group, orderd included, if the bench overruns.
  timeout --kill-after=30 "$run_seconds" "$bench" "$@" | tee "$logs/$name"
  local status=${PIPESTATUS[0]}
  echo "exit status $status" >>"$logs/$name"
  [ "$status" -eq 0 ] || failed=1
}

# start_runs: a scratch folder for the runs' output ($logs, deleted on exit), no failure yet,
# and the load average before the runs ($load_before, for machine_lines).
start_runs() {
  logs=$(mktemp -d)
  trap 'rm -rf "$logs"' EXIT
  failed=0
  load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
}
