#!/usr/bin/env bash
# Regenerates Sources/OrderProtocol/Generated from protocol/orders/v1/*.proto and the standard
# gRPC health service, protocol/grpc/health/v1/health.proto (kept verbatim).
# Needs protoc (Debian: apt-get install -y protobuf-compiler). Builds the protoc plugins
# from protocol/tools (the same swift-protobuf and grpc-swift-protobuf versions as the
# main package) on first use; that takes a few minutes, so CI never runs this script:
# the generated code is committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../Sources/OrderProtocol/Generated"
tools="$here/tools"

command -v protoc >/dev/null || { echo "generate.sh: protoc not found (apt-get install -y protobuf-compiler)" >&2; exit 1; }
# PLUGIN_BIN names a folder that already holds both plugins (another checkout's build).
if [[ -n "${PLUGIN_BIN:-}" ]]; then
  bin=$PLUGIN_BIN
else
  (cd "$tools" && swift build -c release --product protoc-gen-swift >&2 && swift build -c release --product protoc-gen-grpc-swift-2 >&2)
  bin=$(cd "$tools" && swift build -c release --show-bin-path)
fi

rm -rf "$out" && mkdir -p "$out"
protoc \
  --proto_path="$here" \
  --plugin=protoc-gen-swift="$bin/protoc-gen-swift" \
  --plugin=protoc-gen-grpc-swift="$bin/protoc-gen-grpc-swift-2" \
  --swift_out="$out" --swift_opt=Visibility=Public --swift_opt=FileNaming=DropPath \
  --grpc-swift_out="$out" --grpc-swift_opt=Visibility=Public --grpc-swift_opt=FileNaming=DropPath \
  "$here"/orders/v1/*.proto "$here"/grpc/health/v1/health.proto
echo "generated $(ls "$out" | wc -l) files in $out"
