#!/usr/bin/python3
"""Capture-to-event latency of `edgepose run`, measured from outside the process.

Starts scripts/rtsp-test-server.py, whose /clock stream paints the wall-clock time at which each frame was generated
into the frame's pixels (EdgePose.Core's PixelClock reads it), runs `edgepose run` on that stream with
`--pixel-clock` (the event's time_ms is then the frame's generation time) and `--jsonl -`, and stamps each event
line the moment it arrives on edgepose's stdout. Latency = arrival - time_ms: encode, RTSP, decode, every
pipeline stage and the JSON Lines output, all included.

Usage: scripts/measure-latency.py [--seconds 300] [--model FILE] [--sources N] [--markdown]
Prints overall p50/p95/p99, the same per minute, the engine's own time (p50 of latency_ms.inference minus queueing is
not separable from outside, so the summary's "engine run" row is quoted), and whether p99 of the last minute is
no higher than p99 of the first.
"""
import argparse, json, os, subprocess, sys, time, statistics, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100.0 * (len(s) - 1)))))
    return s[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--model", default=os.environ.get("EDGEPOSE_MODEL") or os.path.join(ROOT, "..", "shared", "models", "yolo11n-pose_int8_floathead.onnx"))
    ap.add_argument("--sources", type=int, default=1)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()

    server = subprocess.Popen(["/usr/bin/python3", os.path.join(ROOT, "scripts", "rtsp-test-server.py"), "--port", "0", "--exit-with-stdin"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline().strip()
    if not line.startswith("ready "):
        print("error: the RTSP test server did not start", file=sys.stderr)
        return 1
    base = line.split(" ", 1)[1]
    args = ["dotnet", os.path.join(ROOT, "src", "EdgePose.Host", "bin", "Release", "net10.0", "edgepose.dll"), "run",
            "--model", a.model, "--jsonl", "-", "--duration", str(a.seconds), "--status-interval", "0", "--pixel-clock"]
    for i in range(a.sources):
        args += ["--source", f"clock{i}={base}/clock"]
    run = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    samples = []  # (arrival_s, latency_ms, inference_ms)
    summary = []
    start = time.time()
    for raw in run.stdout:
        now = time.time()
        if raw.startswith("{"):
            e = json.loads(raw)
            samples.append((now - start, now * 1000.0 - e["time_ms"], e["latency_ms"]["inference"]))
        else:
            summary.append(raw.rstrip("\n"))
    run.wait()
    server.stdin.close()
    server.wait(timeout=10)
    if run.returncode != 0:
        print(run.stderr.read(), file=sys.stderr)
        print(f"error: edgepose run exited with {run.returncode}", file=sys.stderr)
        return 1

    lat = [s[1] for s in samples]
    engine = next((l for l in summary if l.startswith("engine run")), "")
    engine_p50 = float(engine.split()[2]) if engine else float("nan")
    minutes = int(a.seconds // 60)
    rows = []
    for m in range(max(1, minutes)):
        w = [s[1] for s in samples if m * 60 <= s[0] < (m + 1) * 60]
        rows.append((m + 1, len(w), pct(w, 50), pct(w, 95), pct(w, 99)))
    print(f"{len(lat)} events from {a.sources} /clock stream(s) in {a.seconds:.0f} s")
    print(f"capture-to-event p50 {pct(lat, 50):.1f} ms, p95 {pct(lat, 95):.1f} ms, p99 {pct(lat, 99):.1f} ms, max {max(lat):.1f} ms")
    print(f"engine run p50 {engine_p50:.1f} ms (from the run summary); p50 - engine = {pct(lat, 50) - engine_p50:.1f} ms (target <= 15)")
    print("| minute | events | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]:.1f} | {r[3]:.1f} | {r[4]:.1f} |")
    if len(rows) >= 2:
        print(f"p99 last minute {rows[-1][4]:.1f} ms vs first minute {rows[0][4]:.1f} ms: {'no higher' if rows[-1][4] <= rows[0][4] else 'HIGHER'}")
    print()
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
