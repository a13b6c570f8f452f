#!/usr/bin/env bash
# The main job, for now: setup, then `edgepose predict` with the default model on the sample images.
# Extra arguments are passed to edgepose predict (e.g. --source /usr/share/doc/opencv-doc/examples/data/vtest.avi).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh
SHARED="${EDGEPOSE_SHARED:-$ROOT/../shared}"
MODEL="${EDGEPOSE_MODEL:-$SHARED/models/yolo11n-pose_int8_floathead.onnx}"
SOURCE="$SHARED/data/coco8-pose/images/val"
[ -f "$MODEL" ] || { echo "error: default model not found: $MODEL (set EDGEPOSE_MODEL)" >&2; exit 2; }
args=(--model "$MODEL" --out runs/predict)
printf '%s\n' "$@" | grep -qx -- '--source' || args+=(--source "$SOURCE")
exec dotnet src/EdgePose.Host/bin/Release/net10.0/edgepose.dll predict "${args[@]}" "$@"
