#!/usr/bin/env bash
# Runs the whole test suite N times in a row (default 20) while two busy loops keep both
# cores of a small machine occupied: a test that only passes on an idle machine shows up here.
# Usage: scripts/suite-under-load.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
swift build --build-tests
hogs=()
for _ in 1 2; do
  (while :; do :; done) &
  hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null || true' EXIT
failed=0
for run in $(seq 1 "$runs"); do
  start=$(date +%s)
  if swift test --skip-build > "/tmp/suite-under-load-$run.log" 2>&1; then
    echo "run $run: passed in $(( $(date +%s) - start )) s"
  else
    echo "run $run: FAILED in $(( $(date +%s) - start )) s (log: /tmp/suite-under-load-$run.log)"
    grep -E "✘" "/tmp/suite-under-load-$run.log" | head -5
    failed=$((failed + 1))
  fi
done
echo "$((runs - failed)) of $runs runs passed under load"
[ "$failed" -eq 0 ]
