#!/usr/bin/env bash
# The README's tour, as a script: starts orderd on a simulated clock in a temporary data
# directory and runs every orderctl command of the tour. Exits non-zero if any fails.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product orderd >/dev/null
swift build --product orderctl >/dev/null
export PATH="$PWD/.build/debug:$PATH"
data=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
export ORDERD_SERVER=127.0.0.1:7412
orderd --data-dir "$data" --port 7412 --clock simulated:2027-01-01T00:00:00Z 2>"$data/log" &
server=$!
for _ in $(seq 100); do grep -q "orderd listening" "$data/log" 2>/dev/null && break; sleep 0.1; done
cd "$data"
set -x

# --- the tour (README.md) ---
export ORDERD_API_KEY=$(cat root-admin.key)
orderctl org list
orderctl product create --sku M365-E3 --name "Microsoft 365 E3" --kind subscription --vendor microsoft \
  --price 25.00 --billing-cycles monthly,annual --terms P1M,P1Y
orderctl org create --name "Reseller One" --kind tenant --json > tenant.json
export ORDERD_API_KEY=$(python3 -c 'import json; print(json.load(open("tenant.json"))["adminKey"]["secret"])')
orderctl org create --name "Reseller One DE" --kind country-tenant
orderctl account create --name "Acme GmbH"
orderctl account create --name "Channel Partner" --kind reseller
orderctl account create --name "Partner's customer" --reseller ACC-000003
orderctl product create --sku M365-E3 --name "Microsoft 365 E3" --kind subscription --vendor microsoft \
  --price 32.00 --billing-cycles monthly,annual --terms P1M,P1Y --max-quantity 300
orderctl product create --sku ADOBE-CC --name "Creative Cloud" --kind asset --price 599.88
orderctl product list
orderctl order place --account ACC-000002 --item M365-E3:5 --item ADOBE-CC
orderctl order list
orderctl order show SO-000001
orderctl subscription list --account ACC-000002
orderctl asset list
orderctl key create --role storefront --account ACC-000002
orderctl product create --sku M365-E5 --name "Microsoft 365 E5" --kind subscription --vendor microsoft \
  --price 57.00 --billing-cycles monthly,annual --terms P1M,P1Y
orderctl product create --sku M365-E3-PLUS --name "Microsoft 365 E3 (upgradeable)" --kind subscription \
  --price 32.00 --upgrades-to M365-E5
orderctl order place --account ACC-000002 --item M365-E3-PLUS:10
orderctl subscription change SUB-000002 --quantity 12
orderctl subscription change SUB-000002 --upgrade-to M365-E5
orderctl invoice list --account ACC-000002
orderctl subscription change SUB-000002 --cancel
orderctl order flow CH
orderctl order history CH-000001
orderctl notifications list --account ACC-000002
orderctl product create --sku VISIO --name "Visio Plan 2" --kind asset --vendor microsoft --price 180.00
orderctl vendor set-behavior VISIO --fail-provisioning once
orderctl order place --account ACC-000002 --item VISIO
orderctl asset list
orderctl asset resync AST-000002
orderctl order show SO-000003
orderctl account create --name "Globex"
orderctl order place --account ACC-000005 --item M365-E3:10 --on 2027-01-15 --dry-run
orderctl order place --account ACC-000005 --item M365-E3:10 --on 2027-01-15
orderctl order place --account ACC-000005 --item M365-E3-PLUS:4
orderctl order list --status scheduled
orderctl change schedule SUB-000003 --when 2027-01-20 --upgrade-to M365-E5 --dry-run
orderctl change schedule SUB-000003 --when 2027-01-20 --upgrade-to M365-E5
orderctl change list SUB-000003
orderctl renewal set SUB-000003 --quantity 6
orderctl subscription feed SUB-000003
orderctl subscription list --account ACC-000005
ORDERD_API_KEY=$(cat root-admin.key) orderctl clock advance --to 2027-02-02
orderctl order list --account ACC-000005
orderctl subscription list --account ACC-000005
orderctl invoice list --account ACC-000005
export ORDERD_API_KEY=$(cat root-admin.key)
orderctl backorder list
orderctl subscription list
orderctl notifications list
orderctl clock show
ORDERD_API_KEY=$(cat root-admin.key) orderctl clock advance --by P1M
