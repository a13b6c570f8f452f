#!/usr/bin/env python3
"""Compares the pose events of two runs on the same frames (JSON Lines of edgepose run, schema edgepose.poses/1).

Usage: compare-detections.py REFERENCE.jsonl OTHER.jsonl [--tolerance PX] [--label-a x64] [--label-b arm64]

Frames are matched by (source, seq). Per frame: the same number of persons, and each person of REFERENCE
paired with the OTHER person nearest to it (largest coordinate difference over box and keypoints) within
--tolerance pixels (default 1). Prints one line per frame and a closing summary; exits 1 on any mismatch,
2 on bad input (a file missing or not JSON Lines, no frame in common).
"""
import argparse
import json
import sys


def load(path):
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
                    print(f"error: {path}:{n} is not a pose event ({exc})", file=sys.stderr)
                    sys.exit(2)
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror}", file=sys.stderr)
        sys.exit(2)
    return frames


def coords(person):
    xy = list(person["box"])
    for k in person.get("keypoints", []):
        xy.extend(k[:2])
    return xy


def distance(a, b):
    """Largest absolute difference over box and keypoint coordinates, split in (box, keypoints)."""
    ca, cb = coords(a), coords(b)
    if len(ca) != len(cb):
        return float("inf"), float("inf")
    d = [abs(x - y) for x, y in zip(ca, cb)]
    return max(d[:4]), max(d[4:], default=0.0)


def compare_frame(ref, other):
    """(box diff, keypoint diff, score diff) over the persons of one frame, each REFERENCE person paired greedily."""
    left = list(other)
    worst_box = worst_kpt = worst_score = 0.0
    for p in sorted(ref, key=lambda p: -p["score"]):
        best = min(left, key=lambda q: max(distance(p, q)))
        left.remove(best)
        box, kpt = distance(p, best)
        worst_box, worst_kpt = max(worst_box, box), max(worst_kpt, kpt)
        worst_score = max(worst_score, abs(p["score"] - best["score"]))
    return worst_box, worst_kpt, worst_score


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference")
    ap.add_argument("other")
    ap.add_argument("--tolerance", type=float, default=1.0)
    ap.add_argument("--label-a", default="x64")
    ap.add_argument("--label-b", default="arm64")
    args = ap.parse_args()

    a, b = load(args.reference), load(args.other)
    common = sorted(set(a) & set(b))
    if not common:
        print(f"error: {args.reference} and {args.other} have no frame in common", file=sys.stderr)
        return 2

    la, lb = args.label_a, args.label_b
    print(f"{'source':<12} {'frame':>5} {la + ' persons':>12} {lb + ' persons':>14} {'box Δpx':>8} {'kpt Δpx':>8} {'score Δ':>8}  verdict")
    bad = 0
    worst = [0.0, 0.0, 0.0]
    persons = 0
    for key in common:
        pa, pb = a[key], b[key]
        if len(pa) != len(pb):
            verdict, d = "COUNT DIFFERS", ("-", "-", "-")
            bad += 1
        else:
            box, kpt, score = compare_frame(pa, pb) if pa else (0.0, 0.0, 0.0)
            worst = [max(worst[0], box), max(worst[1], kpt), max(worst[2], score)]
            persons += len(pa)
            ok = box <= args.tolerance and kpt <= args.tolerance
            bad += 0 if ok else 1
            verdict = "ok" if ok else f"OVER {args.tolerance:g} px"
            d = (f"{box:.2f}", f"{kpt:.2f}", f"{score:.3f}")
        print(f"{key[0]:<12} {key[1]:>5} {len(pa):>12} {len(pb):>14} {d[0]:>8} {d[1]:>8} {d[2]:>8}  {verdict}")

    only = len(set(a) ^ set(b))
    print(f"summary: {len(common)} frames compared ({persons} persons), {len(common) - bad} within {args.tolerance:g} px with the same count, "
          f"{bad} not; largest differences: box {worst[0]:.2f} px, keypoint {worst[1]:.2f} px, score {worst[2]:.3f}"
          + (f"; {only} frames in one run only" if only else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
