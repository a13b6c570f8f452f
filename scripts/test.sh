#!/usr/bin/env bash
# Runs setup, then every test of the solution (Release). Tests that need ../shared, a GPU or
# TensorRT skip with their reason where those are absent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh
# Native tests (CTest): the C interface compiles as C and exports only its own symbols.
(cd build/native && ctest --output-on-failure)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test EdgePose.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over every test assembly: "N passed, N failed, N skipped".
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { v = $(i+1); gsub(",", "", v);
       if ($i == "Passed:") p += v; if ($i == "Failed:") f += v; if ($i == "Skipped:") s += v } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
