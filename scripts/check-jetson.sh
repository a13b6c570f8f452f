#!/usr/bin/env bash
# The one-command check on a Jetson (issue 17): what scripts/check-arm64.sh cannot prove under emulation.
# Reports the board, L4T, power mode and NVIDIA's GStreamer elements, builds everything (scripts/setup.sh: native
# code including libedgepose_trt.so against JetPack's TensorRT, OpenCV's arm64 runtime from nuget.org), prints
# `edgepose info`, then runs every test with EDGEPOSE_REQUIRE_GPU=1: a test that needs the GPU, CUDA or TensorRT
# fails instead of skipping when they are missing. Everything it prints is also written to build/jetson-check.log.
# Usage (on the Jetson, from the repository): scripts/check-jetson.sh
# Environment: EDGEPOSE_REQUIRE_SHARED=1 also turns skips for a missing ../shared into failures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '[jetson] %s\n' "$*"; }
die() { printf 'error: %s\n' "$1" >&2; exit "${2:-1}"; }

[ "$(uname -m)" = aarch64 ] || die "scripts/check-jetson.sh runs on a Jetson (aarch64), this machine is $(uname -m); here run scripts/check-arm64.sh" 2
[ -e /etc/nv_tegra_release ] || die "no /etc/nv_tegra_release: this is not a Jetson with L4T; flash JetPack 5 or 6 and install its SDK (sudo apt install nvidia-jetpack)" 2

mkdir -p build
exec > >(tee build/jetson-check.log) 2>&1

log "board: $(tr -d '\0' </proc/device-tree/model 2>/dev/null || echo unknown)"
log "L4T: $(head -1 /etc/nv_tegra_release)"
log "power mode: $( (nvpmodel -q 2>/dev/null || echo "unknown (nvpmodel not found)") | grep -v '^$' | head -2 | paste -sd' ' -)"
for element in nvv4l2decoder nvvidconv nvarguscamerasrc nvv4l2h264enc; do
  if gst-inspect-1.0 "$element" >/dev/null 2>&1; then log "GStreamer $element: yes"; else log "GStreamer $element: no"; fi
done

scripts/setup.sh
src/EdgePose.Host/bin/Release/net10.0/edgepose info | sed 's/^/[jetson] /'
EDGEPOSE_REQUIRE_GPU=1 scripts/test.sh
