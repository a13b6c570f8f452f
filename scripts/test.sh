#!/usr/bin/env bash
# Runs setup, then every test of the solution (Release). Tests that need ../shared, a GPU or
# TensorRT skip with their reason where those are absent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh
dotnet test EdgePose.sln -c Release --no-build -nologo
