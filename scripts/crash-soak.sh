#!/usr/bin/env bash
# The long crash soak: orderd SIGKILLed 50 times (by default) under a mixed workload of
# client processes, once on the system clock and once on a simulated clock, then checked.
# Loopback only; bounded by the number of kills. Usage: scripts/crash-soak.sh [KILLS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-50}"
seed="${2:-$RANDOM}"
swift build --product orderd
swift build --product crash-soak
for clock in system simulated; do
  .build/debug/crash-soak run --clients 4 --operations 150 --kills "$kills" --clock "$clock" --seed "$seed"
done
