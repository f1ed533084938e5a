#!/usr/bin/env bash
# Regenerates orderd/_proto from protocol/orders/v1/*.proto with grpcio-tools' bundled protoc.
# The committed code is generated with grpcio-tools 1.62.3 (protoc 25.1): its output has no
# runtime-version check and works with every protobuf runtime pyproject.toml allows
# (checked with 4.25, 5.29, 6.33 and 7.36). A newer protoc would tie the package to a newer
# runtime, so keep this version unless pyproject.toml's pin moves too.
#   python3 -m venv /tmp/gen && /tmp/gen/bin/pip install grpcio-tools==1.62.3
#   PYTHON=/tmp/gen/bin/python clients/python/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
protos="$here/../../protocol"
out="$here/orderd/_proto"
python=${PYTHON:-python3}

rm -rf "$out" && mkdir -p "$out"
"$python" -m grpc_tools.protoc --proto_path="$protos" --python_out="$out" --pyi_out="$out" \
  "$protos"/orders/v1/*.proto
# protoc writes `from orders.v1 import x_pb2`: make the imports relative to this package.
for f in "$out"/orders/v1/*_pb2.py "$out"/orders/v1/*_pb2.pyi; do
  sed -i -E 's/^from orders\.v1 import /from . import /' "$f"
done
touch "$out/__init__.py" "$out/orders/__init__.py" "$out/orders/v1/__init__.py"
echo "generated $(ls "$out"/orders/v1/*_pb2.py | wc -l) modules in $out"
