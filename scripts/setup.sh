#!/usr/bin/env bash
# EdgePose setup for a fresh Debian 12 / Ubuntu / JetPack machine. Idempotent: a second run only
# checks and rebuilds what changed.
#   1. Debian packages (cmake, g++, make, pkg-config; libgtk-3-0, which OpenCvSharp's native OpenCV library
#      links against; opencv-doc for the sample video vtest.avi; Node.js/npm when npm is absent).
#      OpenCV itself comes with the OpenCvSharp4 NuGet packages, not from Debian.
#   2. ONNX Runtime's native library from the npm package onnxruntime-node (pinned), x64 or arm64
#   3. native code (CMake) into artifacts/native
#   4. the managed build (dotnet build EdgePose.sln)
#   5. TorchSharp on a pre-GCC 13 libstdc++ (Debian 12): scripts/patch-torchsharp.sh patches the trainer's
#      build-output copy of libLibTorchSharp.so (the build runs it too; nothing happens on GCC >= 13)
# Environment: EDGEPOSE_SKIP_APT=1 skips step 1; EDGEPOSE_CONFIG=Debug|Release (default Release).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CONFIG="${EDGEPOSE_CONFIG:-Release}"
ORT_VERSION="1.20.1"
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
)
# Node.js may come from elsewhere (NodeSource bundles npm); add Debian's only when npm is absent.
command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)

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
command -v npm >/dev/null || die "npm not found: install Debian's nodejs and npm, then run again"

# ---- 2. ONNX Runtime from npm ------------------------------------------------------------------
case "$(uname -m)" in
  x86_64) ORT_ARCH=x64 ;;
  aarch64|arm64) ORT_ARCH=arm64 ;;
  *) die "no ONNX Runtime build for $(uname -m) in onnxruntime-node" ;;
esac
ORT_NODE_DIR="$ROOT/third_party/onnxruntime"
ORT_PKG="$ORT_NODE_DIR/node_modules/onnxruntime-node"
if [ ! -f "$ORT_PKG/package.json" ] || ! grep -q "\"version\": \"$ORT_VERSION\"" "$ORT_PKG/package.json"; then
  log "fetching onnxruntime-node@$ORT_VERSION from npm"
  mkdir -p "$ORT_NODE_DIR"
  # --ignore-scripts: the package already carries its binaries; its install script would download more.
  npm install --prefix "$ORT_NODE_DIR" --ignore-scripts --no-audit --no-fund --loglevel=error "onnxruntime-node@$ORT_VERSION" >/dev/null
fi
ORT_LIB_SRC="$ORT_PKG/bin/napi-v3/linux/$ORT_ARCH/libonnxruntime.so.$ORT_VERSION"
[ -f "$ORT_LIB_SRC" ] || die "onnxruntime-node@$ORT_VERSION has no $ORT_LIB_SRC"
mkdir -p "$NATIVE_OUT"
if ! cmp -s "$ORT_LIB_SRC" "$NATIVE_OUT/libonnxruntime.so.$ORT_VERSION"; then
  cp "$ORT_LIB_SRC" "$NATIVE_OUT/"
fi
ln -sf "libonnxruntime.so.$ORT_VERSION" "$NATIVE_OUT/libonnxruntime.so.1"
ln -sf "libonnxruntime.so.1" "$NATIVE_OUT/libonnxruntime.so"

# ---- 3. native code ----------------------------------------------------------------------------
log "building native code (CMake, $CONFIG)"
cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE="$CONFIG" >/dev/null
cmake --build "$ROOT/build/native" -j"$(nproc)" >/dev/null

# ---- 4. managed build --------------------------------------------------------------------------
log "building EdgePose.sln ($CONFIG)"
dotnet build "$ROOT/EdgePose.sln" -c "$CONFIG" -nologo -clp:ErrorsOnly -v:quiet
# ---- 5. TorchSharp on an older libstdc++ --------------------------------------------------------
if ! "$ROOT/scripts/patch-torchsharp.sh" --check >/dev/null; then
  log "system libstdc++ lacks GLIBCXX_3.4.32: patching TorchSharp's copies in the build outputs"
  for d in "$ROOT/src/EdgePose.Train/bin/$CONFIG" "$ROOT/tests/EdgePose.Train.Tests/bin/$CONFIG"; do
    [ -d "$d" ] && "$ROOT/scripts/patch-torchsharp.sh" "$d"
  done
fi
log "done: native libraries in artifacts/native, edgepose in src/EdgePose.Host/bin/$CONFIG/net10.0"
