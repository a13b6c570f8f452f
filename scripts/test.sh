#!/usr/bin/env bash
# Runs setup, then every test of the solution (Release). Tests that need ../shared, a GPU or
# TensorRT skip with their reason where those are absent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh
# Native tests (CTest): the C interface compiles as C and exports only its own symbols.
(cd build/native && ctest --output-on-failure)
dotnet test EdgePose.sln -c Release --no-build -nologo
