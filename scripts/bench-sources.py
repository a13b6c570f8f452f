#!/usr/bin/python3
"""`edgepose run` with 1, 4 and 8 live RTSP sources sharing one engine: throughput, per-source share, drops,
latency and how busy the engine is. The sources are clients of scripts/rtsp-test-server.py's /vtest mount
(Debian's vtest.avi looped live at 10 fps, 768x576, H.264), so every source is a real RTSP camera.

Usage: scripts/bench-sources.py [--seconds 60] [--counts 1,4,8] [--model FILE] [--batch N]
Prints one markdown table row per count, then each run's summary.
"""
import argparse, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--counts", default="1,4,8")
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--model", default=os.environ.get("EDGEPOSE_MODEL") or os.path.join(ROOT, "..", "shared", "models", "yolo11n-pose_int8_floathead.onnx"))
    a = ap.parse_args()
    server = subprocess.Popen(["/usr/bin/python3", os.path.join(ROOT, "scripts", "rtsp-test-server.py"), "--port", "0", "--exit-with-stdin"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline().strip()
    if not line.startswith("ready "):
        print("error: the RTSP test server did not start", file=sys.stderr)
        return 1
    base = line.split(" ", 1)[1]
    rows, summaries = [], []
    for n in [int(c) for c in a.counts.split(",")]:
        args = ["dotnet", os.path.join(ROOT, "src", "EdgePose.Host", "bin", "Release", "net10.0", "edgepose.dll"), "run",
                "--model", a.model, "--duration", str(a.seconds), "--status-interval", "0", "--batch", str(a.batch)]
        for i in range(n):
            args += ["--source", f"cam{i}={base}/vtest"]
        r = subprocess.run(args, capture_output=True, text=True)
        out = r.stdout
        summaries.append(f"### {n} source(s)\n\n```\n{out}```\n")
        head = re.search(r"edgepose run: (\d+) frames from \d+ sources? in ([\d.]+) s \(([\d.]+) fps\), (\d+) persons, (\d+) dropped", out)
        shares = [int(m.group(1)) for m in re.finditer(r"(?m)^cam\d+\s+\w+\s+\d+\s+(\d+)", out)]
        busy = re.search(r"engine busy ([\d.]+)%", out)
        lat = re.search(r"(?m)^capture-to-result\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out)
        eng = re.search(r"(?m)^engine run\s+([\d.]+)", out)
        if not head:
            print(r.stderr, file=sys.stderr)
            return 1
        spread = (max(shares) - min(shares)) / (sum(shares) / len(shares)) * 100 if shares else 0
        rows.append(f"| {n} | {head.group(3)} | {float(head.group(3)) / n:.2f} | {min(shares)}–{max(shares)} ({spread:.0f} %) | {head.group(5)} | "
                    f"{eng.group(1)} | {lat.group(1)} / {lat.group(3)} | {busy.group(1)} % |")
    fair_rows = fairness(a)
    server.stdin.close()
    server.wait(timeout=10)
    print("| sources | total fps | fps per source | inferences per source (spread) | dropped | engine run p50 ms | capture→result p50 / p99 ms | engine busy |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print()
    print("Fairness: four live test patterns at 2, 5, 15 and 30 fps sharing the engine (max-min fair share):")
    print()
    print("| source | fps offered | frames captured | inferences | fair share | off by |")
    print("|---|---|---|---|---|---|")
    print("\n".join(fair_rows))
    print()
    print("\n".join(summaries))
    return 0


def max_min(offered, total):
    shares, left, remaining = {}, sorted(offered.items(), key=lambda kv: kv[1]), float(total)
    while left:
        k, want = left.pop(0)
        share = min(want, remaining / (len(left) + 1))
        shares[k] = share
        remaining -= share
    return shares


def fairness(a):
    rates = {"f2": 2, "f5": 5, "f15": 15, "f30": 30}
    args = ["dotnet", os.path.join(ROOT, "src", "EdgePose.Host", "bin", "Release", "net10.0", "edgepose.dll"), "run",
            "--model", a.model, "--duration", str(a.seconds), "--status-interval", "0"]
    for k, fps in rates.items():
        args += ["--source", f"{k}=test://ball?fps={fps}"]
    out = subprocess.run(args, capture_output=True, text=True).stdout
    got = {m.group(1): (int(m.group(2)), int(m.group(3))) for m in re.finditer(r"(?m)^(f\d+)\s+\w+\s+(\d+)\s+(\d+)", out)}
    total = sum(v[1] for v in got.values())
    fair = max_min({k: v[0] for k, v in got.items()}, total)
    return [f"| {k} | {rates[k]} | {got[k][0]} | {got[k][1]} | {fair[k]:.1f} | {(got[k][1] - fair[k]) / fair[k] * 100:+.1f} % |" for k in rates]


if __name__ == "__main__":
    sys.exit(main())
