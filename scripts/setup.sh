#!/usr/bin/env bash
# EdgePose setup for a fresh Debian 12 / Ubuntu / JetPack machine. Idempotent: a second run only
# checks and rebuilds what changed.
#   1. Debian packages (cmake, g++, make, pkg-config; libgtk-3-0, which OpenCvSharp's native OpenCV library
#      links against; opencv-doc for the sample video vtest.avi; GStreamer's runtime and plugins).
#      OpenCV itself comes with the OpenCvSharp4 NuGet packages, not from Debian.
#   2. native code (CMake) into artifacts/native
#   3. the managed build (dotnet build EdgePose.sln); ONNX Runtime comes with its NuGet package
#      (Microsoft.ML.OnnxRuntime, native libraries for linux-x64 and linux-arm64 inside)
#   4. TorchSharp on a pre-GCC 13 libstdc++ (Debian 12): scripts/patch-torchsharp.sh patches the trainer's
#      build-output copy of libLibTorchSharp.so (the build runs it too; nothing happens on GCC >= 13)
# Environment: EDGEPOSE_SKIP_APT=1 skips step 1; EDGEPOSE_CONFIG=Debug|Release (default Release).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CONFIG="${EDGEPOSE_CONFIG:-Release}"
NATIVE_OUT="$ROOT/artifacts/native"

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# ---- 1. Debian packages ------------------------------------------------------------------------
APT_PACKAGES=(
  cmake g++ make pkg-config ca-certificates
  libgtk-3-0 opencv-doc
  # patchelf: scripts/patch-torchsharp.sh (TorchSharp on Debian 12's libstdc++).
  patchelf binutils
  # GStreamer: video sources (RTSP, cameras, files, test patterns) are read through it.
  libgstreamer1.0-0 libgstreamer-plugins-base1.0-0 gstreamer1.0-tools
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  # The tests' RTSP server (scripts/rtsp-test-server.py): gst-rtsp-server through python3-gi, x264enc
  # (plugins-ugly) for live H.264, numpy to paint the pixel clock.
  gir1.2-gst-rtsp-server-1.0 python3-gi python3-numpy gstreamer1.0-plugins-ugly
  # clang compiles the CUDA kernels (native/kernels) to PTX; no CUDA toolkit needed.
  clang-19
  # chromium: the preview page's test in a real headless browser (tests/EdgePose.Host.Tests/Preview).
  chromium
  # MQTT: the tests' broker (mosquitto, mosquitto_passwd) and a plain subscriber/publisher (mosquitto_sub, mosquitto_pub).
  mosquitto mosquitto-clients
  # systemd-analyze: the tests verify deploy/systemd/edgepose.service and score its hardening.
  systemd
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  [ -n "$p" ] || continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${EDGEPOSE_SKIP_APT:-0}" != "1" ] && [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || die ".NET SDK 10 not found: install it (https://learn.microsoft.com/dotnet/core/install/linux) and run again"

# ---- 2. native code ----------------------------------------------------------------------------
log "building native code (CMake, $CONFIG)"
cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE="$CONFIG" >/dev/null
cmake --build "$ROOT/build/native" -j"$(nproc)" >/dev/null

# ---- 3. managed build --------------------------------------------------------------------------
log "building EdgePose.sln ($CONFIG)"
dotnet build "$ROOT/EdgePose.sln" -c "$CONFIG" -nologo -clp:ErrorsOnly -v:quiet
# ---- 4. TorchSharp on an older libstdc++ --------------------------------------------------------
if ! "$ROOT/scripts/patch-torchsharp.sh" --check >/dev/null; then
  log "system libstdc++ lacks GLIBCXX_3.4.32: patching TorchSharp's copies in the build outputs"
  for d in "$ROOT/src/EdgePose.Train/bin/$CONFIG" "$ROOT/tests/EdgePose.Train.Tests/bin/$CONFIG"; do
    [ -d "$d" ] && "$ROOT/scripts/patch-torchsharp.sh" "$d"
  done
fi
log "done: native libraries in artifacts/native, edgepose in src/EdgePose.Host/bin/$CONFIG/net10.0"
