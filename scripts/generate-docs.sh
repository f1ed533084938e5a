#!/usr/bin/env bash
# Regenerates docs/order-flows.md from the order flows the server enforces (OrderDomain).
# A test fails when the committed document and the flows differ.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product orderd >/dev/null
.build/debug/orderd --print-order-flows > docs/order-flows.md
echo "wrote docs/order-flows.md"
