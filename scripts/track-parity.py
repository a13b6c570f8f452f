#!/usr/bin/python3
"""Parity of EdgePose's ByteTracker (src/EdgePose.Core/Tracking) with Ultralytics' own BYTETracker on the same detections.

Imports an unmodified Ultralytics source tree (8.3.166 was used); copies none of it. Debian 12 packages suffice
(python3-numpy python3-scipy python3-torch python3-yaml and what `import ultralytics` needs, as for
scripts/bench-ultralytics-prepost.py); run with /usr/bin/python3.

Steps:
  1. Detections: EdgePose's own, one JSON line per video frame, e.g. (conf 0.1 as Ultralytics' track mode sets):
       edgepose predict --source /usr/share/doc/opencv-doc/examples/data/vtest.avi \
         --model ../shared/models/yolo11n-pose_int8_floathead.onnx --no-images --conf 0.1 --out runs/track-parity
  2. Ultralytics: each frame's boxes and scores go to BYTETracker(bytetrack.yaml defaults, frame_rate=30).update(),
     as ultralytics/trackers/track.py calls it (also for frames without detections); the detection index each
     returned track carries gives each detection its id (-1 when no track is returned for it).
  3. EdgePose: the same file through our tracker, by
       dotnet run -c Release --project bench/EdgePose.Benchmarks -- --track-replay DETECTIONS.jsonl OURS.jsonl
     (skipped when --ours names an existing file).
  4. Compare: a track-frame is a detection that either side labels; it agrees when our id is the Ultralytics id
     under the best one-to-one renaming (id pairs taken by how often they co-occur, most first). Prints the share;
     exit 1 below --target (0.99).

A harder scene than vtest.avi's few people: --make-synthetic FILE writes 600 frames of 40 people in the same format
(walking across each other, jittered boxes, scores from 0.05 to 0.95, some hidden for a while, some never
confirmed) and stops; then run this script on FILE.

Outputs go to --out (default artifacts/track-parity): ultralytics-ids.jsonl and edgepose-ids.jsonl, one JSON array
per frame. EdgePose.Core.Tests' TrackParityTests repeats the comparison when these files exist.

Ultralytics imports `lap` for lap.lapjv(cost, extend_cost=True, cost_limit=thresh). When the lap package is not
installed (it is not a Debian package), a stand-in solves the same padded problem exactly with
scipy.optimize.linear_sum_assignment: the cost matrix grown to (rows + cols) square, cost_limit / 2 in the padding
rows and columns and 0 in their corner, as lap documents for cost_limit; results differ from lap only on ties.
"""

import argparse
import json
import os
import subprocess
import sys
import types

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("detections", help="edgepose predict JSON Lines of a video (one line per frame)")
    p.add_argument("--ultralytics", default=os.environ.get("ULTRALYTICS_SRC", "/work/ultralytics-src"), help="Ultralytics source tree (or ULTRALYTICS_SRC)")
    p.add_argument("--out", default=os.path.join(REPO, "artifacts", "track-parity"))
    p.add_argument("--ours", help="our ids file; written by the benchmark project's --track-replay when missing")
    p.add_argument("--target", type=float, default=0.99)
    p.add_argument("--make-synthetic", action="store_true", help="write a synthetic crowd to DETECTIONS and stop")
    a = p.parse_args()
    if a.make_synthetic:
        return a
    if not a.make_synthetic and not os.path.isfile(a.detections):
        p.error(f"detections file not found: {a.detections}")
    if not os.path.isfile(os.path.join(a.ultralytics, "ultralytics", "__init__.py")):
        p.error(f"Ultralytics source tree not found: {a.ultralytics!r} (give --ultralytics or ULTRALYTICS_SRC)")
    return a


def make_synthetic(path, frames=600, people=40, seed=14):
    import random

    rng = random.Random(seed)
    walkers = [dict(x=rng.uniform(0, 1800), y=rng.uniform(50, 850), vx=rng.uniform(-8, 8), vy=rng.uniform(-1.5, 1.5),
                    w=rng.uniform(40, 90), score=rng.uniform(0.05, 0.95), hide=(rng.randrange(frames), rng.randrange(5, 60)))
               for _ in range(people)]
    with open(path, "w") as f:
        for t in range(frames):
            dets = []
            for p in walkers:
                p["x"] += p["vx"]
                p["y"] += p["vy"]
                if not 0 <= p["x"] <= 1800:
                    p["vx"] = -p["vx"]
                if not 20 <= p["y"] <= 900:
                    p["vy"] = -p["vy"]
                start, length = p["hide"]
                if start <= t < start + length or rng.random() < 0.03:
                    continue
                h = p["w"] * 2.6
                j = [rng.gauss(0, 2) for _ in range(4)]
                score = min(max(p["score"] + rng.gauss(0, 0.08), 0.01), 0.99)
                dets.append({"score": round(score, 6), "box_xyxy": [round(p["x"] + j[0], 3), round(p["y"] + j[1], 3),
                                                                   round(p["x"] + p["w"] + j[2], 3), round(p["y"] + h + j[3], 3)]})
            rng.shuffle(dets)
            f.write(json.dumps({"frame": t, "detections": dets}) + "\n")


def read_detections(path):
    frames = []
    with open(path) as f:
        for line in f:
            if line.strip():
                d = json.loads(line)["detections"]
                frames.append(([x["box_xyxy"] for x in d], [x["score"] for x in d]))
    return frames


def install_lap_stand_in(np):
    try:
        import lap  # noqa: F401

        return "lap " + lap.__version__
    except ImportError:
        pass
    from scipy.optimize import linear_sum_assignment

    def lapjv(cost, extend_cost=False, cost_limit=np.inf, return_cost=True):
        cost = np.asarray(cost, dtype=np.float64)
        rows, cols = cost.shape
        n = rows + cols
        ext = np.full((n, n), cost_limit / 2.0)
        ext[rows:, cols:] = 0.0
        ext[:rows, :cols] = cost
        r, c = linear_sum_assignment(ext)
        x = np.full(rows, -1, dtype=np.int32)
        y = np.full(cols, -1, dtype=np.int32)
        for i, j in zip(r, c):
            if i < rows and j < cols:
                x[i] = j
                y[j] = i
        total = float(sum(cost[i, x[i]] for i in range(rows) if x[i] >= 0))
        return (total, x, y) if return_cost else (x, y)

    sys.modules["lap"] = types.SimpleNamespace(__version__="stand-in (scipy linear_sum_assignment on lap's padded matrix)", lapjv=lapjv)
    return sys.modules["lap"].__version__


def ultralytics_ids(frames, src):
    sys.path.insert(0, src)
    import numpy as np

    lap_used = install_lap_stand_in(np)
    import ultralytics
    from ultralytics.trackers.byte_tracker import BYTETracker
    from ultralytics.utils import IterableSimpleNamespace, YAML

    cfg = IterableSimpleNamespace(**YAML.load(os.path.join(src, "ultralytics", "cfg", "trackers", "bytetrack.yaml")))

    class Dets:
        """What BYTETracker.update reads of a Boxes object: conf, xywh, cls (numpy, float32), and len()."""

        def __init__(self, xyxy, conf):
            xyxy = np.asarray(xyxy, dtype=np.float32).reshape(-1, 4)
            self.conf = np.asarray(conf, dtype=np.float32)
            self.cls = np.zeros_like(self.conf)
            self.xywh = np.empty_like(xyxy)
            self.xywh[:, 0] = (xyxy[:, 0] + xyxy[:, 2]) / 2
            self.xywh[:, 1] = (xyxy[:, 1] + xyxy[:, 3]) / 2
            self.xywh[:, 2] = xyxy[:, 2] - xyxy[:, 0]
            self.xywh[:, 3] = xyxy[:, 3] - xyxy[:, 1]

        def __len__(self):
            return len(self.conf)

    tracker = BYTETracker(cfg, frame_rate=30)
    out = []
    for boxes, scores in frames:
        tracks = tracker.update(Dets(boxes, scores))
        ids = [-1] * len(scores)
        for t in tracks:
            ids[int(t[-1])] = int(t[4])
        out.append(ids)
    return out, f"Ultralytics {ultralytics.__version__}, {lap_used}, {dict(cfg)}"


def agreement(ours, theirs):
    if len(ours) != len(theirs):
        sys.exit(f"error: {len(ours)} frames of ours against {len(theirs)} of Ultralytics")
    pairs, total = {}, 0
    for f, (o_ids, t_ids) in enumerate(zip(ours, theirs)):
        if len(o_ids) != len(t_ids):
            sys.exit(f"error: frame {f}: {len(o_ids)} detections against {len(t_ids)}")
        for o, t in zip(o_ids, t_ids):
            if o < 0 and t < 0:
                continue
            total += 1
            if o >= 0 and t >= 0:
                pairs[(t, o)] = pairs.get((t, o), 0) + 1
    used_t, used_o, agree = set(), set(), 0
    for (t, o), n in sorted(pairs.items(), key=lambda p: (-p[1], p[0][0], p[0][1])):
        if t not in used_t and o not in used_o:
            agree += n
        used_t.add(t)
        used_o.add(o)
    return agree, total


def write_ids(ids, path):
    with open(path, "w") as f:
        for frame in ids:
            f.write(json.dumps(frame) + "\n")


def read_ids(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    a = parse_args()
    if a.make_synthetic:
        make_synthetic(a.detections)
        print(f"wrote {a.detections}")
        return 0
    os.makedirs(a.out, exist_ok=True)
    frames = read_detections(a.detections)
    theirs, about = ultralytics_ids(frames, a.ultralytics)
    write_ids(theirs, os.path.join(a.out, "ultralytics-ids.jsonl"))
    ours_path = a.ours or os.path.join(a.out, "edgepose-ids.jsonl")
    if not (a.ours and os.path.isfile(a.ours)):
        subprocess.run(
            ["dotnet", "run", "-c", "Release", "--project", os.path.join(REPO, "bench", "EdgePose.Benchmarks"), "--",
             "--track-replay", os.path.abspath(a.detections), os.path.abspath(ours_path)],
            check=True, cwd=REPO)
    ours = read_ids(ours_path)
    agree, total = agreement(ours, theirs)
    share = agree / total if total else 1.0
    print(about)
    print(f"{len(frames)} frames, {sum(len(s) for _, s in frames)} detections; track-frames: Ultralytics {sum(i >= 0 for f in theirs for i in f)}, "
          f"EdgePose {sum(i >= 0 for f in ours for i in f)}; ids: Ultralytics {len({i for f in theirs for i in f if i >= 0})}, "
          f"EdgePose {len({i for f in ours for i in f if i >= 0})}")
    print(f"agreement: {agree}/{total} track-frames = {share:.4%} (target {a.target:.0%})")
    return 0 if share >= a.target else 1


if __name__ == "__main__":
    sys.exit(main())
