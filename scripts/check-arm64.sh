#!/usr/bin/env bash
# The Jetson build, checked on an x64 machine: EdgePose for linux-arm64 under user-mode emulation (issue 17).
# Idempotent; everything it makes lands in build/arm64 (a fresh copy of the sources each run).
#   1. Debian packages: qemu-user-static, the arm64 C/C++ runtime and GStreamer (multiarch), the aarch64 cross compiler
#   2. the model compared: a float32 yolo11n-pose, derived on x64 from the shared INT8 (QDQ) export by
#      `edgepose-train export` (OnnxPoseImporter dequantises its weights; the export is plain float32 in Ultralytics'
#      layout, no QuantizeLinear/DequantizeLinear left) into build/arm64/models, reused while the shared file is
#      unchanged. Why float: ONNX Runtime's arm64 and x64 INT8 kernels round some activations differently and move
#      an INT8 model's keypoints by whole quantisation steps (3.3 or 6.5 px), so only a float model can be held to
#      1 px; the float kernels differ only in the order of float additions (docs/jetson.md)
#   3. the native code that builds without TensorRT, cross-compiled for aarch64 (CMake)
#   4. `edgepose` published self-contained for linux-arm64 (.NET runtime and ONNX Runtime from NuGet), without
#      OpenCvSharp's native library (its arm64 package is on nuget.org only), and for linux-x64 as the reference
#   5. under qemu-aarch64-static: `edgepose info`; `edgepose run` on a test:// pattern and on vtest.avi for a few
#      frames to JSON Lines, its mapped libraries watched for OpenCV's; `edgepose predict` on coco8-pose, which
#      needs OpenCV to decode images (without it: the one-line error that names the package; with it: compared)
#   6. the same runs on x64, and a per-frame comparison (scripts/compare-detections.py --strict): the same persons
#      in every frame, every box and keypoint coordinate within 1 px; any other frame fails the check
# Usage: scripts/check-arm64.sh [--preflight]   (--preflight: only check that arm64 programs can run here)
# Environment: EDGEPOSE_SKIP_APT=1 installs nothing; EDGEPOSE_QEMU names the emulator (default qemu-aarch64-static);
# EDGEPOSE_ARM64_FRAMES frames of vtest.avi and of its raw copy (default 20; 2 to 40 s each under emulation, by load); EDGEPOSE_SHARED (../shared).
# Delete build/arm64/models to derive the float model again (e.g. after changing the importer or the exporter).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/build/arm64"
QEMU="${EDGEPOSE_QEMU:-qemu-aarch64-static}"
FRAMES="${EDGEPOSE_ARM64_FRAMES:-20}"
SHARED="${EDGEPOSE_SHARED:-$ROOT/../shared}"
# The shared INT8 export whose weights the float model takes, and the float model compared (derived below).
INT8_MODEL="$SHARED/models/yolo11n-pose_int8.onnx"
MODEL="$OUT/models/yolo11n-pose_float32.onnx"
MODEL_WHY="float32, derived here from ${INT8_MODEL##*/} by edgepose-train export: INT8 kernels differ between CPUs by whole quantisation steps, float ones by float rounding only"
VTEST=/usr/share/doc/opencv-doc/examples/data/vtest.avi
ARM64_LOADER=/lib/ld-linux-aarch64.so.1
ARM64_LIBS=/usr/lib/aarch64-linux-gnu

log() { printf '[arm64] %s\n' "$*"; }
die() { printf 'error: %s\n' "$1" >&2; exit "${2:-1}"; }

# ---- 1. Debian packages ------------------------------------------------------------------------------------------
APT_PACKAGES=(
  # the emulator (qemu-aarch64-static; run directly, so binfmt_misc is not needed), `file` for the checks,
  # gst-launch-1.0 (x64) for the raw copy of the sample video
  qemu-user-static file gstreamer1.0-tools
  # the aarch64 cross compiler for native/
  g++-aarch64-linux-gnu
  # what a self-contained .NET program needs of the arm64 system (multiarch: beside the amd64 libraries)
  libc6:arm64 libstdc++6:arm64 zlib1g:arm64
  # GStreamer for arm64: capture (test patterns, files, decoders through libav)
  libgstreamer1.0-0:arm64 libgstreamer-plugins-base1.0-0:arm64
  gstreamer1.0-plugins-base:arm64 gstreamer1.0-plugins-good:arm64 gstreamer1.0-libav:arm64
)
INSTALL_HINT="dpkg --add-architecture arm64 && apt-get update && apt-get install ${APT_PACKAGES[*]}"

install_packages() {
  [ "${EDGEPOSE_SKIP_APT:-0}" != "1" ] || return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    log "adding the arm64 architecture to dpkg"
    $sudo dpkg --add-architecture arm64
  fi
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Can this machine run arm64 programs? One line naming what to install when it cannot; exit 2.
preflight() {
  local missing=()
  command -v "$QEMU" >/dev/null 2>&1 || missing+=("$QEMU (qemu-user-static)")
  [ -e "$ARM64_LOADER" ] || missing+=("the arm64 C library (libc6:arm64)")
  [ -e "$ARM64_LIBS/libgstreamer-1.0.so.0" ] || missing+=("arm64 GStreamer (libgstreamer1.0-0:arm64)")
  command -v aarch64-linux-gnu-g++ >/dev/null 2>&1 || missing+=("the aarch64 cross compiler (g++-aarch64-linux-gnu)")
  if [ ${#missing[@]} -gt 0 ]; then
    local list
    list=$(printf '%s, ' "${missing[@]}")
    die "cannot run linux-arm64 programs here: missing ${list%, }; install them with: $INSTALL_HINT" 2
  fi
  "$QEMU" "$ARM64_LOADER" --version >/dev/null 2>&1 \
    || die "$QEMU cannot run the arm64 loader $ARM64_LOADER; reinstall them with: $INSTALL_HINT" 2
}

if [ "${1:-}" = "--preflight" ]; then
  preflight
  log "preflight ok: $("$QEMU" --version | head -1) runs arm64 programs"
  exit 0
elif [ $# -gt 0 ]; then
  die "unknown argument '$1' (use --preflight or nothing)" 2
fi

START=$SECONDS
install_packages
preflight
command -v dotnet >/dev/null || die ".NET SDK 10 not found: install it and run again" 2
[ -f "$INT8_MODEL" ] || die "the shared model is missing: $INT8_MODEL (set EDGEPOSE_SHARED)" 2
[ -f "$VTEST" ] || die "vtest.avi is missing: $VTEST (apt-get install opencv-doc)" 2

# A fresh copy of the sources (tracked and new files, as a clone would have them plus uncommitted work).
TREE="$OUT/tree"
rm -rf "$TREE" "$OUT/native" "$OUT/publish" "$OUT/x64" "$OUT/runs"
mkdir -p "$TREE" "$OUT/runs"
git -C "$ROOT" ls-files -co --exclude-standard -z | (cd "$ROOT" && tar -c --null -T -) | tar -x -C "$TREE"

# ---- 2. the float model ---------------------------------------------------------------------------------------
# Reused while the shared INT8 file it comes from is the same (its sha256 beside it); built from its own copy of
# the sources (the trainer and TorchSharp: 1.5 GB, removed afterwards).
derive_float_model() {
  local sha stamp="$MODEL.source-sha256"
  sha=$(sha256sum "$INT8_MODEL" | cut -d' ' -f1)
  if [ -f "$MODEL" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sha" ]; then
    log "float model: reusing build/arm64/models/${MODEL##*/} (from ${INT8_MODEL##*/}, sha256 ${sha:0:12})"
    return 0
  fi
  log "float model: deriving build/arm64/models/${MODEL##*/} from ${INT8_MODEL##*/} (edgepose-train export, x64)"
  local train="$OUT/train-tree" partial="$OUT/models/partial-${MODEL##*/}"
  rm -rf "$train" "$MODEL" "$stamp"
  mkdir -p "$train" "$OUT/models"
  git -C "$ROOT" ls-files -co --exclude-standard -z | (cd "$ROOT" && tar -c --null -T -) | tar -x -C "$train"
  dotnet build "$train/src/EdgePose.Train" -c Release -nologo -clp:ErrorsOnly -v:quiet >"$OUT/train-build.log" 2>&1 \
    || { cat "$OUT/train-build.log" >&2; die "building edgepose-train for the float model failed"; }
  dotnet "$train/src/EdgePose.Train/bin/Release/net10.0/edgepose-train.dll" export --model "$INT8_MODEL" -o "$partial" \
    >"$OUT/models/export.log" 2>&1 || { cat "$OUT/models/export.log" >&2; die "edgepose-train export of $INT8_MODEL failed"; }
  # Operator names are plain strings in the ONNX protobuf: none of the quantisation operators may be left.
  local qdq
  qdq=$({ grep -a -o -E 'QuantizeLinear|DequantizeLinear|QLinear[A-Za-z]+|ConvInteger|MatMulInteger' "$partial" || true; } | wc -l)
  [ "$qdq" -eq 0 ] || die "the exported model still has $qdq quantisation operators: $partial"
  mv "$partial" "$MODEL"
  echo "$sha" >"$stamp"
  rm -rf "$train"
  log "  $(du -h "$MODEL" | cut -f1) float32 ONNX, no quantisation operators"
}
derive_float_model

# ---- 3. native code, cross-compiled ------------------------------------------------------------------------------
log "cross-compiling native/ for aarch64 (TensorRT parts are skipped without TensorRT)"
cmake -S "$TREE" -B "$OUT/native-build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_SYSTEM_NAME=Linux -DCMAKE_SYSTEM_PROCESSOR=aarch64 \
  -DCMAKE_C_COMPILER=aarch64-linux-gnu-gcc -DCMAKE_CXX_COMPILER=aarch64-linux-gnu-g++ \
  -DCMAKE_LIBRARY_ARCHITECTURE=aarch64-linux-gnu \
  -DEDGEPOSE_NATIVE_OUT="$OUT/native" >"$OUT/native-cmake.log"
grep -E "trt_wrapper|EdgePose kernels" "$OUT/native-cmake.log" | sed 's/^-- /[arm64]   /' || true
cmake --build "$OUT/native-build" -j"$(nproc)" >"$OUT/native-build.log"
for f in "$OUT"/native/*.so "$OUT/native/edgepose_elf_weak_version"; do
  file -b "$f" | grep -q "ARM aarch64" || die "$(basename "$f") is not an aarch64 binary: $(file -b "$f")"
  log "  $(basename "$f"): aarch64"
done
# The PTX is the same for every host; the publish embeds it from artifacts/native/kernels.
mkdir -p "$TREE/artifacts/native"
[ -d "$OUT/native/kernels" ] && cp -r "$OUT/native/kernels" "$TREE/artifacts/native/"

# ---- 4. publish ----------------------------------------------------------------------------------------------------
log "publishing edgepose for linux-arm64 (self-contained, without OpenCV's native library)"
dotnet publish "$TREE/src/EdgePose.Host" -c Release -r linux-arm64 --self-contained true -p:EdgePoseOpenCvNative=false \
  -o "$OUT/publish" -nologo -clp:ErrorsOnly -v:quiet >"$OUT/publish-arm64.log" 2>&1 || { cat "$OUT/publish-arm64.log" >&2; die "the linux-arm64 publish failed"; }
cp "$OUT"/native/*.so "$OUT/publish/"
file -b "$OUT/publish/edgepose" | grep -q "ARM aarch64" || die "the published edgepose is not an aarch64 program"
if [ -e "$OUT/publish/libOpenCvSharpExtern.so" ]; then
  OPENCV_IN_PUBLISH=1
else
  OPENCV_IN_PUBLISH=0
  log "  OpenCV's native library (libOpenCvSharpExtern.so) is not in the publish: OpenCvSharp4.runtime.linux-arm64 is not served here"
fi
log "  $(du -sh "$OUT/publish" | cut -f1) in build/arm64/publish; ONNX Runtime: $(file -b "$OUT/publish/libonnxruntime.so" | cut -d, -f1-2)"
log "publishing edgepose for linux-x64 (the reference)"
dotnet publish "$TREE/src/EdgePose.Host" -c Release -r linux-x64 --self-contained false \
  -o "$OUT/x64" -nologo -clp:ErrorsOnly -v:quiet >"$OUT/publish-x64.log" 2>&1 || { cat "$OUT/publish-x64.log" >&2; die "the linux-x64 publish failed"; }

# ---- 5. and 6. the runs -----------------------------------------------------------------------------------------
# GStreamer under emulation: no forked plugin scanner (an arm64 child would need binfmt), its own registry.
export GST_REGISTRY_FORK=no
# Every frame's event, persons or not, so the two runs compare frame by frame.
export EDGEPOSE__Outputs__EmptyFrames=always
arm64() { GST_REGISTRY="$OUT/gst-registry-arm64.bin" "$QEMU" "$OUT/publish/edgepose" "$@"; }
x64() { GST_REGISTRY="$OUT/gst-registry-x64.bin" dotnet "$OUT/x64/edgepose.dll" "$@"; }

log "arm64: edgepose info"
arm64 info | sed 's/^/[arm64]   /'

# Runs `edgepose run` under emulation while a watcher gathers the files mapped into it from /proc/PID/maps.
run_arm64_watched() {
  local name=$1; shift
  local maps="$OUT/runs/$name.arm64.maps"
  : >"$maps"
  GST_REGISTRY="$OUT/gst-registry-arm64.bin" "$QEMU" "$OUT/publish/edgepose" "$@" >"$OUT/runs/$name.arm64.out" 2>"$OUT/runs/$name.arm64.err" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    awk '$6 ~ /^\// { print $6 }' "/proc/$pid/maps" >>"$maps" 2>/dev/null || true
    sleep 1
  done
  local rc=0
  wait "$pid" || rc=$?
  sort -u -o "$maps" "$maps"
  if [ "$rc" -ne 0 ]; then
    cat "$OUT/runs/$name.arm64.err" >&2
    die "arm64 edgepose run ($name) exited with $rc"
  fi
  if grep -q "libOpenCvSharpExtern" "$maps"; then
    die "arm64 edgepose run ($name) mapped OpenCV's native library"
  fi
  log "  $(tail -n +1 "$OUT/runs/$name.arm64.out" | grep -m1 "edgepose run:" || echo "run done"); mapped: $(grep -cE '\.so' "$maps") libraries incl. $(grep -oE 'lib(onnxruntime|gstreamer-1\.0|gstvideotestsrc|gstlibav)[^/]*\.so[.0-9]*$' "$maps" | sort -u | paste -sd' ' -); libOpenCvSharpExtern.so: not mapped"
}

# The first frames of vtest.avi as uncompressed BGR (decoded once, on x64): both runs then see the same pixels,
# whatever their MPEG-4 decoders do, so what differs comes from inference alone.
RAW="$OUT/vtest-raw.avi"
gst-launch-1.0 -q filesrc location="$VTEST" ! decodebin ! identity eos-after="$FRAMES" ! videoconvert \
  ! video/x-raw,format=BGR ! avimux ! filesink location="$RAW" >/dev/null || die "cannot write $RAW (gst-launch-1.0)"

RUN_ARGS=(run --model "$MODEL" --status-interval 0 --device-id check-arm64)
# A test pattern (no person in it: a few frames show the path works), the sample video, its raw frames.
declare -A SOURCES=([test]="ball=test://ball?live=false&frames=5" [vtest]="vtest=$VTEST" [raw]="vtest-raw=$RAW")
declare -A LIMITS=([test]=5 [vtest]="$FRAMES" [raw]="$FRAMES")
for name in test vtest raw; do
  args=("${RUN_ARGS[@]}" --max-frames "${LIMITS[$name]}" --source "${SOURCES[$name]}")
  log "arm64: edgepose run --source ${SOURCES[$name]} --max-frames ${LIMITS[$name]} --jsonl (headless)"
  run_arm64_watched "$name" "${args[@]}" --jsonl "$OUT/runs/$name.arm64.jsonl"
  log "x64:   the same run"
  x64 "${args[@]}" --jsonl "$OUT/runs/$name.x64.jsonl" >"$OUT/runs/$name.x64.out" 2>"$OUT/runs/$name.x64.err" \
    || { cat "$OUT/runs/$name.x64.err" >&2; die "x64 edgepose run ($name) failed"; }
done

log "arm64: edgepose predict on coco8-pose (decodes images: needs OpenCV)"
COCO8="$SHARED/data/coco8-pose/images/val"
PREDICT_COMPARED=0
if [ "$OPENCV_IN_PUBLISH" = 1 ]; then
  arm64 predict --model "$MODEL" --source "$COCO8" -o "$OUT/runs/predict.arm64" --no-images >/dev/null
  x64 predict --model "$MODEL" --source "$COCO8" -o "$OUT/runs/predict.x64" --no-images >/dev/null
  PREDICT_COMPARED=1
else
  set +e
  arm64 predict --model "$MODEL" --source "$COCO8" -o "$OUT/runs/predict.arm64" --no-images >/dev/null 2>"$OUT/runs/predict.arm64.err"
  rc=$?
  set -e
  errors=$(grep -c '^error: ' "$OUT/runs/predict.arm64.err" || true)
  if [ "$rc" -eq 0 ] || [ "$errors" -ne 1 ] || ! grep -q "OpenCvSharp4.runtime.linux-arm64" "$OUT/runs/predict.arm64.err"; then
    cat "$OUT/runs/predict.arm64.err" >&2
    die "arm64 predict without OpenCV should end with one error line naming OpenCvSharp4.runtime.linux-arm64 (exit $rc)"
  fi
  log "  not available without OpenCV, as expected (exit $rc): $(grep '^error: ' "$OUT/runs/predict.arm64.err")"
fi

log "per-frame comparison, x64 against arm64, model ${MODEL##*/} ($MODEL_WHY)"
log "  'ok': the same persons, every box and keypoint coordinate within 1 px; every frame must be ok"
cat "$OUT"/runs/{test,vtest,raw}.x64.jsonl >"$OUT/runs/x64.jsonl"
cat "$OUT"/runs/{test,vtest,raw}.arm64.jsonl >"$OUT/runs/arm64.jsonl"
rc=0
python3 "$ROOT/scripts/compare-detections.py" --strict "$OUT/runs/x64.jsonl" "$OUT/runs/arm64.jsonl" >"$OUT/runs/comparison.txt" || rc=$?
cat "$OUT/runs/comparison.txt"
if [ "$PREDICT_COMPARED" = 1 ]; then
  log "predict on coco8-pose, x64 against arm64 (one frame per image)"
  python3 "$ROOT/scripts/compare-detections.py" --strict "$OUT/runs/predict.x64" "$OUT/runs/predict.arm64" >"$OUT/runs/comparison-predict.txt" || rc=$?
  cat "$OUT/runs/comparison-predict.txt"
fi
[ "$rc" -eq 0 ] || die "arm64 detections of ${MODEL##*/} differ from x64: not the same persons or over 1 px (build/arm64/runs/comparison*.txt)"

log "passed in $((SECONDS - START)) s: arm64 edgepose runs headless under emulation without OpenCV; with ${MODEL##*/} ($MODEL_WHY) every compared frame has the same persons on arm64 as on x64, boxes and keypoints within 1 px"
