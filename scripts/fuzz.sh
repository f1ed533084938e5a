#!/usr/bin/env bash
# Fuzzes the frame decoder and the server's connection state (Sources/OrderFuzzing) with
# libFuzzer for SECONDS (default 60), then exits: 0 if nothing broke, non-zero with the path
# of the failing input otherwise.
#
#   scripts/fuzz.sh [SECONDS] [libFuzzer flags...]     e.g. scripts/fuzz.sh 600 -jobs=2
#
# The fuzzer is built in release mode with --sanitize=fuzzer and -DFUZZING in its own scratch
# directory ($FUZZ_SCRATCH, default .build-fuzz), apart from normal builds. The seeds are the
# protocol vectors (written by `orderd-fuzz write-seeds`) and the kept regressions; the
# corpus the fuzzer grows stays in $FUZZ_WORK (default $FUZZ_SCRATCH/work) for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
scratch="${FUZZ_SCRATCH:-.build-fuzz}"
work="${FUZZ_WORK:-$scratch/work}"
# Optimized, but with assert() kept in every module (ours, NIO's, gRPC's): a debug build's
# assertions are bugs too.
build=(swift build --scratch-path "$scratch" -c release --sanitize=fuzzer -Xswiftc -DFUZZING
  -Xswiftc -assert-config -Xswiftc Debug --product orderd-fuzz)

echo "fuzz: building (${build[*]})"
start=$(date +%s)
"${build[@]}"
echo "fuzz: built in $(($(date +%s) - start)) s"
binary="$("${build[@]}" --show-bin-path)/orderd-fuzz"

mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"
"$binary" write-seeds protocol/vectors "$work/seeds"
find Tests/OrderFuzzTests/Regressions -type f ! -name README.md -exec cp {} "$work/seeds/" \;
before=$(find "$work/artifacts" -type f | wc -l)

# Swift's own crash reporter would catch the trap first and exit before libFuzzer saves the
# input; libFuzzer prints its own stack trace.
export SWIFT_BACKTRACE=enable=no
log="$work/last-run.log"
echo "fuzz: running for $seconds s (log: $log)"
set +e
"$binary" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" "$work/seeds" >"$log" 2>&1
status=$?
set -e

grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|INFO: Loaded|Done )' "$log" || true
echo "fuzz: corpus of $(find "$work/corpus" -type f | wc -l) inputs in $work/corpus"
if [ "$status" -ne 0 ] || [ "$(find "$work/artifacts" -type f | wc -l)" -ne "$before" ]; then
  tail -n 60 "$log"
  input=$(ls -t "$work/artifacts"/* 2>/dev/null | head -n 1 || true)
  echo "fuzz: FAILED (exit $status); failing input: ${input:-see $log}"
  echo "fuzz: reproduce with: $binary ${input:-FILE}"
  echo "fuzz: after the fix, keep it: cp ${input:-FILE} Tests/OrderFuzzTests/Regressions/<what-it-found>"
  exit $((status == 0 ? 1 : status))
fi
echo "fuzz: no failure in $seconds s"
