#!/usr/bin/env bash
# Reproduces the tables of docs/performance.md from scratch, section by section, on this machine.
#
#   scripts/bench.sh                 every section that this machine can run (about 40 minutes on 2 cores)
#   scripts/bench.sh engine e2e      only those sections
#   scripts/bench.sh --list          the sections and what each measures
#
# Each section prints the command it runs; reports land in artifacts/bench/<section>/. Measure on a quiet
# machine and copy the numbers, the machine (`edgepose bench` reports record it) and the commit into
# docs/performance.md. Needs the build of scripts/setup.sh (or scripts/test.sh) and ../shared.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SHARED="${EDGEPOSE_SHARED:-$ROOT/../shared}"
MODEL="${EDGEPOSE_MODEL:-$SHARED/models/yolo11n-pose_int8_floathead.onnx}"
VTEST=/usr/share/doc/opencv-doc/examples/data/vtest.avi
EDGEPOSE="dotnet src/EdgePose.Host/bin/Release/net10.0/edgepose.dll"
OUT="$ROOT/artifacts/bench"
ULTRALYTICS_SRC="${ULTRALYTICS_SRC:-$ROOT/../ultralytics-src}"
E2E_SECONDS="${E2E_SECONDS:-300}"

declare -A WHAT=(
  [prepost]="pre- and post-processing against Ultralytics' Python (needs ULTRALYTICS_SRC)"
  [ort]="our ONNX Runtime engine against a bare InferenceSession.Run, interleaved; batch 1 against 4"
  [engine]="edgepose bench engine, with a bare ONNX Runtime loop in alternation (--compare-bare)"
  [coco]="COCO evaluation against pycocotools' timings"
  [flip]="edgepose val with and without --flip on coco-mini"
  [latency]="capture to event from outside (scripts/measure-latency.py, 5 minutes)"
  [sources]="1, 4 and 8 RTSP cameras on one engine (scripts/bench-sources.py)"
  [pipeline]="edgepose bench pipeline on vtest.avi read as fast as possible (engine busy fraction)"
  [e2e]="edgepose bench e2e: glass to event through mosquitto for E2E_SECONDS (default 300)"
  [mqtt]="MQTT publish rate against mosquitto_pub (an xunit benchmark, run with EDGEPOSE_BENCH=1)"
  [tracking]="ByteTrack parity with Ultralytics and time per frame"
  [training]="edgepose-train beside Ultralytics' trainer: mAP on the synthetic set, images/s at 320 and 640 (needs ULTRALYTICS_SRC)"
  [gpu]="GPU kernels (only where a CUDA GPU is visible)"
)
ORDER=(prepost ort engine coco flip latency sources pipeline e2e mqtt tracking training gpu)

if [[ "${1:-}" == "--list" ]]; then
  for s in "${ORDER[@]}"; do printf '%-9s %s\n' "$s" "${WHAT[$s]}"; done
  exit 0
fi

sections=("$@")
[[ ${#sections[@]} -gt 0 ]] || sections=("${ORDER[@]}")
for s in "${sections[@]}"; do
  [[ -n "${WHAT[$s]:-}" ]] || { echo "error: unknown section '$s' (scripts/bench.sh --list)" >&2; exit 2; }
done
[[ -f "$MODEL" ]] || { echo "error: model not found: $MODEL (set EDGEPOSE_MODEL or EDGEPOSE_SHARED)" >&2; exit 2; }
[[ -f src/EdgePose.Host/bin/Release/net10.0/edgepose.dll ]] || { echo "error: edgepose is not built: run scripts/setup.sh first" >&2; exit 2; }

run() { echo "+ $*" >&2; "$@"; }
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

section_prepost() {
  [[ -d "$ULTRALYTICS_SRC" ]] || { echo "skip prepost: no Ultralytics source tree at $ULTRALYTICS_SRC (set ULTRALYTICS_SRC)"; return; }
  local d="$OUT/prepost"; mkdir -p "$d"
  run dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*PrePost*'
  run /usr/bin/python3 scripts/bench-ultralytics-prepost.py --ultralytics "$ULTRALYTICS_SRC" --write-inputs \
      "$SHARED/data/coco8-pose/images/val/000000000110.jpg" "$d/coco110.out0.f32" "$VTEST" "$d/vtest.out0.f32"
  run dotnet run -c Release --project bench/EdgePose.Benchmarks -- --write-output0 \
      "$d/coco110.out0.f32.input.f32" "$d/coco110.out0.f32" "$d/vtest.out0.f32.input.f32" "$d/vtest.out0.f32"
  run /usr/bin/python3 scripts/bench-ultralytics-prepost.py --ultralytics "$ULTRALYTICS_SRC" \
      "$SHARED/data/coco8-pose/images/val/000000000110.jpg" "$d/coco110.out0.f32" "$VTEST" "$d/vtest.out0.f32"
}
section_ort() {
  run dotnet run -c Release --project bench/EdgePose.Benchmarks -- --interleaved 60
  run dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*BatchThroughput*'
}
section_engine() {
  run $EDGEPOSE bench engine -m "$MODEL" --threads 2 --warmup 10 -n 200 --compare-bare -o "$OUT/engine"
}
section_coco() { run dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*CocoEvaluator*' --job short; }
section_flip() {
  local data="$SHARED/data/coco-mini/annotations/person_keypoints_val2017.json"
  for i in 1 2 3; do
    run $EDGEPOSE val --model "$MODEL" --data "$data" --out "$OUT/flip/plain$i"
    run $EDGEPOSE val --model "$MODEL" --data "$data" --out "$OUT/flip/flip$i" --flip
  done
}
section_latency() { run /usr/bin/python3 scripts/measure-latency.py --seconds 300 --model "$MODEL" --markdown; }
section_sources() { run /usr/bin/python3 scripts/bench-sources.py --seconds 45; }
section_pipeline() { run $EDGEPOSE bench pipeline -m "$MODEL" -s "vtest=$VTEST" --duration 600 -o "$OUT/pipeline"; }
section_e2e() {
  local mq rt; mq=$(free_port); rt=$(free_port)
  /usr/sbin/mosquitto -p "$mq" >/dev/null 2>&1 & local broker=$!
  exec 3< <(/usr/bin/python3 scripts/rtsp-test-server.py --port "$rt")
  local server=$!
  read -r ready <&3 || true
  trap 'kill $broker $server 2>/dev/null || true' RETURN
  [[ "$ready" == ready* ]] || { echo "error: the RTSP test server did not start" >&2; return 1; }
  run $EDGEPOSE bench e2e -s "rtsp://127.0.0.1:$rt/clock" --broker "mqtt://127.0.0.1:$mq" -m "$MODEL" --threads 2 --duration "$E2E_SECONDS" -o "$OUT/e2e"
}
section_mqtt() { run env EDGEPOSE_BENCH=1 dotnet test tests/EdgePose.Host.Tests -c Release --filter MqttPublishRate --logger "console;verbosity=detailed"; }
section_tracking() {
  local d="$OUT/tracking"; mkdir -p "$d"
  run $EDGEPOSE predict --source "$VTEST" --model "$MODEL" --no-images --conf 0.1 --threads 1 --out "$d/predict" --exist-ok
  run /usr/bin/python3 scripts/track-parity.py "$d/predict/vtest.jsonl"
  run dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*ByteTracker*' --job short
}
section_training() {
  [[ -d "$ULTRALYTICS_SRC" ]] || { echo "skip training: no Ultralytics source tree at $ULTRALYTICS_SRC (set ULTRALYTICS_SRC)"; return; }
  run /usr/bin/python3 scripts/bench-train-vs-ultralytics.py --ultralytics "$ULTRALYTICS_SRC" --skip-speed
  run /usr/bin/python3 scripts/bench-train-vs-ultralytics.py --ultralytics "$ULTRALYTICS_SRC" --skip-map \
      --sizes 640,320,320 --rounds 1 --speed-epochs 1 --speed-images 40 --speed-val-images 2
}
section_gpu() {
  if ! ls /dev/nvidia0 >/dev/null 2>&1 && ! ls /dev/nvhost-ctrl >/dev/null 2>&1; then echo "skip gpu: no NVIDIA GPU here"; return; fi
  run dotnet publish bench/EdgePose.GpuCheck -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true \
      -p:TreatWarningsAsErrors=false -p:SuppressTrimAnalysisWarnings=true -p:EdgePoseOpenCvNative=false -o artifacts/gpucheck
  run artifacts/gpucheck/EdgePose.GpuCheck --frames 1000
}

for s in "${sections[@]}"; do
  echo "=== $s: ${WHAT[$s]}" >&2
  "section_$s"
done
