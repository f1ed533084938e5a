#!/usr/bin/env bash
# Checks formatting with the toolchain's swift-format (`swift format`). Generated code is
# excluded. Pass --fix to rewrite files in place.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.swift' | grep -v '/Generated/' | grep -v '^protocol/tools/' || true)
[ -n "$files" ] || exit 0
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place --configuration .swift-format $files
else
  swift format lint --strict --configuration .swift-format $files
fi
