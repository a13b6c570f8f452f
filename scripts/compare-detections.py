#!/usr/bin/env python3
"""Compares the pose events of two runs on the same frames (JSON Lines of edgepose run, schema edgepose.poses/1).

Usage: compare-detections.py REFERENCE OTHER [--strict] [--tolerance PX] [--label-a x64] [--label-b arm64]
                             [--near-threshold SCORE] [--min-iou IOU]

REFERENCE and OTHER are JSON Lines files of `edgepose run`, or folders of `edgepose predict` output (one JSON per
image; each image is one frame, its source the file name).

Frames are matched by (source, seq); the persons of a frame are paired by box overlap, best first. Each frame
line reports both runs' person counts and, over the pairs, the largest box and keypoint coordinate difference
in pixels and the largest score difference; "ok" means the same count and every coordinate within --tolerance
(default 1 px). The summary counts those frames.

--strict: the exit status is the 1 px test: 1 unless every frame is "ok" and both runs have the same frames (for a
float model, whose CPU kernels differ only in float rounding). Without it the exit status is a sanity gate: different CPUs (their INT8 and float kernels in ONNX
Runtime) may move a coordinate of a quantised model by whole quantisation steps, and a person whose score sits
at the threshold may be found on one side only. It fails (1) when a paired person's boxes overlap less than
--min-iou (default 0.7), or when a person found on one side only scores --near-threshold (default 0.40) or
more and is no near-duplicate (IoU within 0.1 of --nms-iou, default 0.7) of another person of its frame: what a
wrong colour order, letterbox or scale would do. 2: bad input.
"""
import argparse
import json
import os
import sys


def fail(message):
    """Bad input: one line on stderr, exit status 2."""
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def load_predict(folder):
    """A folder of `edgepose predict` JSON files: one frame per image, persons in the run's event shape."""
    frames = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            persons = [{"box": d["box_xyxy"], "score": d["score"],
                        "keypoints": [[k["x"], k["y"], k.get("score", 0.0)] for k in d.get("keypoints", [])]}
                       for d in doc["detections"]]
        except (ValueError, KeyError, TypeError) as exc:
            fail(f"{path} is not an edgepose predict result ({exc})")
        except OSError as exc:
            fail(f"cannot read {path}: {exc.strerror}")
        frames[(name[:-5], 0)] = persons
    return frames


def load(path):
    if os.path.isdir(path):
        return load_predict(path)
    frames = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    e = json.loads(line)
                    frames[(e["source"], int(e["seq"]))] = e.get("persons", [])
                except (ValueError, KeyError, TypeError) as exc:
                    fail(f"{path}:{n} is not a pose event ({exc})")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
    return frames


def iou(a, b):
    ax0, ay0, ax1, ay1 = a
    bx0, by0, bx1, by1 = b
    w = max(0.0, min(ax1, bx1) - max(ax0, bx0))
    h = max(0.0, min(ay1, by1) - max(ay0, by0))
    inter = w * h
    union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter
    return inter / union if union > 0 else 0.0


def differences(a, b):
    """Largest absolute box and keypoint coordinate differences of two paired persons."""
    box = max(abs(x - y) for x, y in zip(a["box"], b["box"]))
    kpt = max((abs(p[i] - q[i]) for p, q in zip(a.get("keypoints", []), b.get("keypoints", [])) for i in (0, 1)), default=0.0)
    return box, kpt


def pair(ref, other):
    """Pairs persons by box IoU, best first; returns (pairs, unpaired of ref, unpaired of other)."""
    candidates = sorted(((iou(p["box"], q["box"]), i, j) for i, p in enumerate(ref) for j, q in enumerate(other)), reverse=True)
    used_a, used_b, pairs = set(), set(), []
    for o, i, j in candidates:
        if o > 0 and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((ref[i], other[j], o))
    return (pairs, [p for i, p in enumerate(ref) if i not in used_a], [q for j, q in enumerate(other) if j not in used_b])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference")
    ap.add_argument("other")
    ap.add_argument("--strict", action="store_true", help="fail unless every frame is ok (same persons, within --tolerance)")
    ap.add_argument("--tolerance", type=float, default=1.0)
    ap.add_argument("--near-threshold", type=float, default=0.40)
    ap.add_argument("--min-iou", type=float, default=0.7)
    ap.add_argument("--nms-iou", type=float, default=0.7)
    ap.add_argument("--label-a", default="x64")
    ap.add_argument("--label-b", default="arm64")
    args = ap.parse_args()

    a, b = load(args.reference), load(args.other)
    common = sorted(set(a) & set(b))
    if not common:
        fail(f"{args.reference} and {args.other} have no frame in common")

    la, lb = args.label_a, args.label_b
    print(f"{'source':<10} {'frame':>5} {la:>6} {lb:>6} {'box Δpx':>8} {'kpt Δpx':>8} {'score Δ':>8}  verdict")
    within = 0
    insane = []
    worst = [0.0, 0.0, 0.0]
    paired_total = 0
    for key in common:
        pairs, only_a, only_b = pair(a[key], b[key])
        box = kpt = score = 0.0
        for p, q, o in pairs:
            db, dk = differences(p, q)
            box, kpt, score = max(box, db), max(kpt, dk), max(score, abs(p["score"] - q["score"]))
            if o < args.min_iou:
                insane.append(f"{key[0]} frame {key[1]}: paired boxes overlap {o:.2f}")
        for side, people, frame in ((la, only_a, a[key]), (lb, only_b, b[key])):
            for p in people:
                # A duplicate whose overlap with another person of its frame sits near NMS's IoU threshold may
                # survive NMS on one side only.
                twin = max((iou(p["box"], q["box"]) for q in frame if q is not p), default=0.0)
                if p["score"] >= args.near_threshold and twin < args.nms_iou - 0.1:
                    insane.append(f"{key[0]} frame {key[1]}: a person of score {p['score']:.3f} only on {side}")
        paired_total += len(pairs)
        worst = [max(worst[0], box), max(worst[1], kpt), max(worst[2], score)]
        same = not only_a and not only_b
        ok = same and box <= args.tolerance and kpt <= args.tolerance
        within += ok
        if ok:
            verdict = "ok"
        elif not same:
            lone = ", ".join(f"{p['score']:.3f} on {s}" for s, ps in ((la, only_a), (lb, only_b)) for p in ps)
            verdict = f"count differs (unpaired: score {lone})"
        else:
            verdict = f"over {args.tolerance:g} px"
        print(f"{key[0]:<10} {key[1]:>5} {len(a[key]):>6} {len(b[key]):>6} {box:>8.2f} {kpt:>8.2f} {score:>8.3f}  {verdict}")

    only = len(set(a) ^ set(b))
    print(f"summary: {len(common)} frames compared, {within} with the same persons and every box and keypoint within "
          f"{args.tolerance:g} px, {len(common) - within} not; {paired_total} persons paired; largest differences: box "
          f"{worst[0]:.3f} px, keypoint {worst[1]:.3f} px, score {worst[2]:.4f}" + (f"; {only} frames in one run only" if only else ""))
    if only:
        insane.append(f"{only} frames are in one run only")
    if args.strict:
        failed = len(common) - within
        if failed or only:
            print(f"strict: FAILED ({failed} of {len(common)} frames not ok" + (f", {only} frames in one run only" if only else "") + ")")
            return 1
        print(f"strict: passed (all {len(common)} frames: the same persons, every box and keypoint within {args.tolerance:g} px)")
        return 0
    for line in insane:
        print("gate: " + line)
    print("gate: " + ("FAILED" if insane else f"passed (every paired box overlaps {args.min_iou:g} or more; persons on one side only score under {args.near_threshold:g} or are near-duplicates at the NMS threshold)"))
    return 1 if insane else 0


if __name__ == "__main__":
    sys.exit(main())
