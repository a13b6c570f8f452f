#!/usr/bin/env bash
# The main job: setup, then `edgepose run` — the live pipeline. With no arguments: the default model on Debian's
# sample video (vtest.avi), a status line each second and a summary at the end. Extra arguments go to edgepose run
# (e.g. --source rtsp://cam/stream --source test://ball --jsonl - --preview 8090).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh
SHARED="${EDGEPOSE_SHARED:-$ROOT/../shared}"
MODEL="${EDGEPOSE_MODEL:-$SHARED/models/yolo11n-pose_int8_floathead.onnx}"
[ -f "$MODEL" ] || { echo "error: default model not found: $MODEL (set EDGEPOSE_MODEL)" >&2; exit 2; }
args=()
printf '%s\n' "$@" | grep -qxE -- '--model|-m' || args+=(--model "$MODEL")
exec dotnet src/EdgePose.Host/bin/Release/net10.0/edgepose.dll run "${args[@]}" "$@"
