#!/usr/bin/env bash
# Runs setup, then every test of the solution (Release). Tests that need ../shared, a GPU or
# TensorRT skip with their reason where those are absent; EDGEPOSE_REQUIRE_SHARED=1 and
# EDGEPOSE_REQUIRE_GPU=1 (GPU, CUDA driver and TensorRT) turn those skips into failures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh
# The letterbox tensor writer has AVX-512, AVX2 and portable paths: check each is bit-exact here.
for isa in DOTNET_EnableAVX512F DOTNET_EnableAVX2 DOTNET_EnableHWIntrinsic; do
  env "$isa=0" dotnet test tests/EdgePose.Core.Tests -c Release --no-build -nologo \
    --filter "FullyQualifiedName~LetterboxTensorWriter" | grep -E "^(Passed|Failed)!" | sed "s/^/[$isa=0] /"
done
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
