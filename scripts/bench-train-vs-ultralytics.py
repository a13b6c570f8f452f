#!/usr/bin/python3
"""Training side by side: EdgePose.Train (`edgepose-train train`) and Ultralytics' own trainer on this CPU (issue 13).
Imports an unmodified Ultralytics source tree; copies none of it.

Both train yolov8n-pose from scratch (random weights), batch 8, on the same images, with the same thread count.
  speed  real images (../shared/data/coco-mini train2017, converted to YOLO-pose by `edgepose-train data convert`;
         --speed-images of them, first by name), imgsz 320 and 640, --speed-epochs epochs (mosaic in every epoch:
         close_mosaic 0), validation of --speed-val-images only after the last epoch. Steady-state training images/s:
         the images of every batch but each epoch's first, over the time from the end of that first batch to the end
         of the epoch's last batch (loading, augmenting, forward, loss, backward, optimizer and EMA steps; no start-up,
         no first iteration, no validation, no checkpoint writing). Batch ends are stamped from outside the
         computation: ours by the time each plain progress line arrives (a line per batch when an epoch has 10
         batches or fewer), Ultralytics' by its on_train_batch_end callback. With 2 or more epochs, images/s of
         whole epochs 2..E (epoch start to last batch end) is printed as well. Rounds alternate which trainer
         goes first (ours, theirs, theirs, ours, ...) so both see the same load; best and median are printed.
  map    the synthetic rectangles of our CI test (`edgepose-train data synth`: 64 train, 16 val, 128x128,
         kpt_shape [4, 3]), imgsz 128, --map-epochs epochs, nbs 8, warm-up 1 epoch, close_mosaic 5, seed 1,
         validation every epoch; the last epoch's row of each results.csv (the EMA model) is compared.

Same settings in both: optimizer auto (AdamW, lr0 0.002 for nc 1), lrf 0.01, momentum 0.937, weight decay 0.0005,
hsv 0.015/0.7/0.4, translate 0.1, scale 0.5, fliplr 0.5, degrees 0, shear 0, mosaic 1.0, no mixup or copy-paste.
Threads: OMP_NUM_THREADS/MKL_NUM_THREADS = --threads for both; Ultralytics' select_device would set
torch.set_num_threads(min(8, cpu_count - 1)) = 1 on a 2-core machine, so this script sets its NUM_THREADS to
--threads first (printed back from torch.get_num_threads() at the start of training).
Workers: --workers is passed to both; Ultralytics sets workers = 0 on a CPU device (loading in the training loop),
ours decodes on --workers threads ahead of the trainer.
Offline: YOLO_OFFLINE=true, settings in a temporary YOLO_CONFIG_DIR, plots=False, no font check, no weights.

Usage (after `dotnet build src/EdgePose.Train -c Release`), as run for docs/performance.md:
  /usr/bin/python3 scripts/bench-train-vs-ultralytics.py --ultralytics /work/ultralytics-src --skip-speed
  /usr/bin/python3 scripts/bench-train-vs-ultralytics.py --ultralytics /work/ultralytics-src --skip-map \
      --sizes 640,320,320 --rounds 1 --speed-epochs 1 --speed-images 40 --speed-val-images 2
  Debian 12 packages suffice for Ultralytics (python3-torch python3-torchvision python3-opencv python3-numpy
  python3-scipy python3-yaml python3-pil python3-matplotlib python3-psutil python3-requests).
"""

import argparse
import csv
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN_DLL = os.path.join(ROOT, "src", "EdgePose.Train", "bin", "Release", "net10.0", "edgepose-train.dll")
SAME_AUG = dict(hsv_h=0.015, hsv_s=0.7, hsv_v=0.4, degrees=0.0, translate=0.1, scale=0.5, shear=0.0, fliplr=0.5, mosaic=1.0)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ultralytics", default=os.environ.get("ULTRALYTICS_SRC"), help="Ultralytics source tree (or ULTRALYTICS_SRC)")
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"), help="the shared data folder")
    p.add_argument("--work", default="/tmp/edgepose-trainbench", help="scratch folder for data and runs (emptied first)")
    p.add_argument("--sizes", default="320,640", help="imgsz values of the speed runs")
    p.add_argument("--rounds", type=int, default=2, help="speed rounds per imgsz (each runs both trainers)")
    p.add_argument("--speed-epochs", type=int, default=3)
    p.add_argument("--speed-images", type=int, default=80, help="training images of the speed runs (the first N of coco-mini train2017 by name)")
    p.add_argument("--speed-val-images", type=int, default=8, help="val images of the speed runs (validated once, untimed)")
    p.add_argument("--map-epochs", type=int, default=20)
    p.add_argument("--map-imgsz", type=int, default=128)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--ultralytics-first", action="store_true", help="the first speed round starts with Ultralytics")
    p.add_argument("--skip-speed", action="store_true")
    p.add_argument("--skip-map", action="store_true")
    p.add_argument("--json", help="write all measurements here")
    p.add_argument("--ultralytics-run", help=argparse.SUPPRESS)  # internal: one Ultralytics run, args as json
    a = p.parse_args()
    if not a.ultralytics or not os.path.isfile(os.path.join(a.ultralytics, "ultralytics", "__init__.py")):
        p.error(f"Ultralytics source tree not found: {a.ultralytics!r} (give --ultralytics or ULTRALYTICS_SRC)")
    return a


def thread_env(threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), YOLO_OFFLINE="true")
    return env


# ---------------------------------------------------------------- Ultralytics, in a child process of this script
def ultralytics_child(src, spec):
    """One Ultralytics training run; prints one json line 'BENCH {...}' with the per-epoch training times."""
    sys.path.insert(0, src)
    import ultralytics  # noqa: F401  (as in a normal run: first)
    import torch
    from ultralytics import YOLO
    import ultralytics.data.utils as data_utils
    import ultralytics.utils.torch_utils as torch_utils

    torch_utils.NUM_THREADS = spec["threads"]  # select_device sets torch.set_num_threads(NUM_THREADS) on a CPU
    data_utils.check_font = lambda *a, **k: None  # offline: no font download (plots are off anyway)
    epochs = []  # [start, last batch end, batches, [batch ends]]
    seen = {}

    def epoch_start(trainer):
        epochs.append([time.perf_counter(), None, 0, []])
        seen["threads"] = torch.get_num_threads()
        seen["workers"] = trainer.args.workers

    def batch_end(trainer):
        epochs[-1][1] = time.perf_counter()
        epochs[-1][2] += 1
        epochs[-1][3].append(epochs[-1][1])

    model = YOLO("yolov8n-pose.yaml")
    model.add_callback("on_train_epoch_start", epoch_start)
    model.add_callback("on_train_batch_end", batch_end)
    model.train(data=spec["data"], epochs=spec["epochs"], imgsz=spec["imgsz"], batch=spec["batch"], workers=spec["workers"],
                device="cpu", seed=spec["seed"], optimizer="auto", nbs=spec["nbs"], warmup_epochs=spec["warmup_epochs"],
                close_mosaic=spec["close_mosaic"], val=spec["val"], plots=False, pretrained=False, amp=False,
                project=spec["project"], name=spec["name"], exist_ok=True, verbose=False, **SAME_AUG)
    print("BENCH " + json.dumps({"epochs": [[e[1] - e[0], e[2]] for e in epochs], "batch_ends": [e[3] for e in epochs], "threads": seen.get("threads"),
                                 "workers": seen.get("workers"), "csv": os.path.join(spec["project"], spec["name"], "results.csv")}), flush=True)


def run_ultralytics(a, **spec):
    spec = dict(spec, threads=a.threads)
    cmd = [sys.executable, os.path.abspath(__file__), "--ultralytics", a.ultralytics, "--ultralytics-run", json.dumps(spec)]
    env = dict(thread_env(a.threads), YOLO_CONFIG_DIR=os.path.join(a.work, "yolo-config"))
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    line = next((l for l in p.stdout.splitlines() if l.startswith("BENCH ")), None)
    if p.returncode != 0 or line is None:
        sys.exit(f"error: the Ultralytics run failed (exit {p.returncode}):\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}")
    r = json.loads(line[6:])
    r["seconds"] = [s for s, _ in r["epochs"]]
    r["batches"] = [n for _, n in r["epochs"]]
    return r


# ---------------------------------------------------------------- ours
def edgepose(a, *args, check=True):
    p = subprocess.run(["dotnet", TRAIN_DLL, *args], env=thread_env(a.threads), capture_output=True, text=True)
    if check and p.returncode != 0:
        sys.exit(f"error: edgepose-train {' '.join(args)} failed (exit {p.returncode}):\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}")
    return p


def timestamped(stream):
    for line in stream:
        yield time.perf_counter(), line


def run_ours(a, data, epochs, imgsz, nbs, warmup_epochs, close_mosaic, val, project, name, seed=1):
    """Our trainer with its progress lines timestamped as they arrive: each batch's end, and each epoch from the previous
    epoch's 'done' line (or the start line) to its last batch line."""
    args = ["train", "--data", data, "--model", "yolov8n-pose", "--epochs", str(epochs), "--imgsz", str(imgsz),
            "--batch", str(a.batch), "--workers", str(a.workers), "--seed", str(seed), "--optimizer", "auto",
            "--nbs", str(nbs), "--warmup-epochs", str(warmup_epochs), "--close-mosaic", str(close_mosaic),
            "--mosaic", "1", "--fliplr", "0.5", "--degrees", "0", "--scale", "0.5", "--translate", "0.1",
            "--project", project, "--name", name, "--exist-ok"] + ([] if val else ["--no-val"])
    errors = open(os.path.join(a.work, f"{name}.stderr"), "w+")  # a file, so a full pipe never stalls the trainer
    p = subprocess.Popen(["dotnet", TRAIN_DLL, *args], env=thread_env(a.threads), stdout=subprocess.PIPE,
                         stderr=errors, text=True, bufsize=1)
    start, ends, batches, stamps, log = None, {}, {}, {}, []
    try:
        lines = list(timestamped(p.stdout))
    except BaseException:
        p.kill()  # interrupted or terminated: no trainer left behind
        raise
    for t, line in lines:
        log.append(line)
        if line.startswith("yolov8n-pose:"):  # the line before the first epoch
            start = t
        elif line.startswith("epoch "):
            head = line.split()[1]
            e = int(head.split("/")[0])
            if " batch " in line:
                ends[e] = t
                batches[e] = int(line.split(" batch ")[1].split("/")[0])
                stamps.setdefault(e, []).append((batches[e], t))
            elif " done in " in line:
                ends[(e, "done")] = t
    p.wait()
    errors.seek(0)
    err = errors.read()
    errors.close()
    if p.returncode != 0:
        sys.exit(f"error: edgepose-train train failed (exit {p.returncode}):\n{''.join(log)[-3000:]}\n{err[-3000:]}")
    seconds = []
    for e in range(1, epochs + 1):
        begin = start if e == 1 else ends[(e - 1, "done")]
        seconds.append(ends[e] - begin)
    if any(len(stamps[e]) != batches[e] for e in stamps):
        sys.exit("error: our trainer printed fewer batch lines than batches; use at most 10 batches per epoch")
    return {"seconds": seconds, "batches": [batches[e] for e in range(1, epochs + 1)],
            "batch_ends": [[t for _, t in stamps[e]] for e in range(1, epochs + 1)],
            "csv": os.path.join(project, name, "results.csv"), "threads": a.threads, "workers": a.workers}


# ---------------------------------------------------------------- data
def prepare_data(a):
    if os.path.isdir(a.work):
        shutil.rmtree(a.work)
    os.makedirs(a.work)
    synth = os.path.join(a.work, "synth")
    edgepose(a, "data", "synth", "-o", synth, "--train", "64", "--val", "16", "--size", "128", "--seed", "1")
    coco = os.path.join(a.shared, "data", "coco-mini")
    real = os.path.join(a.work, "coco-mini-yolo")
    edgepose(a, "data", "convert", os.path.join(coco, "annotations", "person_keypoints_train2017.json"), "--to", "yolo",
             "-o", real, "--split", "train", "--images", os.path.join(coco, "images", "train2017"), "--images-mode", "symlink")
    # few val images: validation runs once per speed run and is not timed; fewer images keep the runs short
    edgepose(a, "data", "convert", os.path.join(coco, "annotations", "person_keypoints_val2017.json"), "--to", "yolo",
             "-o", os.path.join(a.work, "coco-mini-val"), "--split", "val", "--images", os.path.join(coco, "images", "val2017"),
             "--images-mode", "symlink")
    subset = os.path.join(a.work, "coco-mini-subset")
    for split, source, n in (("train", real, a.speed_images), ("val", os.path.join(a.work, "coco-mini-val"), a.speed_val_images)):
        for kind in ("images", "labels"):
            os.makedirs(os.path.join(subset, kind, split), exist_ok=True)
        for img in sorted(os.listdir(os.path.join(source, "images", split)))[:n]:
            os.symlink(os.path.realpath(os.path.join(source, "images", split, img)), os.path.join(subset, "images", split, img))
            label = os.path.splitext(img)[0] + ".txt"
            if os.path.isfile(os.path.join(source, "labels", split, label)):
                shutil.copy(os.path.join(source, "labels", split, label), os.path.join(subset, "labels", split, label))
    real = subset
    real_yaml = os.path.join(real, "data.yaml")
    with open(real_yaml, "w") as f:
        f.write(f"path: {real}\ntrain: images/train\nval: images/val\nnames:\n  0: person\nkpt_shape: [17, 3]\n"
                "flip_idx: [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]\n")
    synth_yaml = os.path.join(synth, "data.yaml")
    with open(synth_yaml) as f:
        text = f.read()
    with open(synth_yaml, "w") as f:  # Ultralytics reads 'path: .' from its working directory; both read an absolute path
        f.write(text.replace("path: .", f"path: {synth}"))
    return real_yaml, synth_yaml, len(os.listdir(os.path.join(real, "images", "train")))


def last_row(path):
    with open(path) as f:
        rows = [{k.strip(): v.strip() for k, v in r.items()} for r in csv.DictReader(f)]
    r = rows[-1]
    return {k: float(r[k]) for k in ("metrics/mAP50(P)", "metrics/mAP50-95(P)", "metrics/mAP50(B)", "metrics/mAP50-95(B)")}


def steady_images_per_second(run, batch):
    """Images of every batch but each epoch's first, over the time from the end of each epoch's first batch to the end of
    its last: start-up, loader start and the first iteration's allocations are left out; no validation is inside."""
    n = sum((len(e) - 1) * batch for e in run["batch_ends"])
    return n / sum(e[-1] - e[0] for e in run["batch_ends"])


def images_per_second(run, images, batch):
    """Images of epochs 2..E over their training seconds."""
    secs = run["seconds"][1:]
    n = sum(min(b * batch, images) for b in run["batches"][1:])
    return n / sum(secs)


def main():
    a = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so a terminated bench stops the trainer it started
    if a.ultralytics_run:
        ultralytics_child(a.ultralytics, json.loads(a.ultralytics_run))
        return
    if not os.path.isfile(TRAIN_DLL):
        sys.exit(f"error: {TRAIN_DLL} not found; build it first: dotnet build src/EdgePose.Train -c Release")
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"commit {commit}; threads {a.threads}, workers {a.workers}, batch {a.batch}; load {os.getloadavg()}", flush=True)
    real_yaml, synth_yaml, n_real = prepare_data(a)
    out = {"commit": commit, "threads": a.threads, "workers": a.workers, "batch": a.batch, "speed": {}, "map": {}, "load": []}

    if not a.skip_map:
        common = dict(data=synth_yaml, epochs=a.map_epochs, imgsz=a.map_imgsz, nbs=8, warmup_epochs=1.0, close_mosaic=5, val=True,
                      project=os.path.join(a.work, "runs"))
        for who in ("ours", "ultralytics"):
            load = os.getloadavg()[0]
            run = run_ours(a, name=f"map-{who}", **common) if who == "ours" else run_ultralytics(a, batch=a.batch, workers=a.workers, seed=1, name=f"map-{who}", **common)
            m = last_row(run["csv"])
            m["images_per_s"] = images_per_second(run, 64, a.batch)
            m["load"] = load
            out["map"][who] = m
            print(f"map {who:11s}: pose mAP50 {m['metrics/mAP50(P)']:.3f} mAP50-95 {m['metrics/mAP50-95(P)']:.3f}; box mAP50 "
                  f"{m['metrics/mAP50(B)']:.3f} mAP50-95 {m['metrics/mAP50-95(B)']:.3f}; {m['images_per_s']:.1f} images/s at imgsz "
                  f"{a.map_imgsz} (load {load:.1f}); {run['csv']}", flush=True)

    if not a.skip_speed:
        turn = 1 if a.ultralytics_first else 0
        for imgsz in [int(s) for s in a.sizes.split(",")]:
            res = out["speed"].setdefault(imgsz, {"ours": [], "ultralytics": []})
            for r in range(a.rounds):
                turn += 1
                order = ["ours", "ultralytics"] if turn % 2 == 1 else ["ultralytics", "ours"]
                for who in order:
                    name = f"speed{imgsz}-{who}-{r}"
                    common = dict(data=real_yaml, epochs=a.speed_epochs, imgsz=imgsz, nbs=64, warmup_epochs=3.0, close_mosaic=0, val=False,
                                  project=os.path.join(a.work, "runs"), name=name)
                    load = os.getloadavg()[0]
                    run = run_ours(a, **common) if who == "ours" else run_ultralytics(a, batch=a.batch, workers=a.workers, seed=1, **common)
                    ips = steady_images_per_second(run, a.batch)
                    res[who].append(ips)
                    out["load"].append(load)
                    print(f"imgsz {imgsz} round {len(res[who])} {who:11s}: {ips:6.2f} images/s steady ({images_per_second(run, n_real, a.batch) if len(run['seconds']) > 1 else float('nan'):.2f} by epochs 2..E; epoch seconds "
                          f"{', '.join(f'{s:.1f}' for s in run['seconds'])}; batches {run['batches']}; threads {run['threads']}, "
                          f"workers {run['workers']}; load {load:.1f})", flush=True)
            for who, v in res.items():
                print(f"imgsz {imgsz} {who:11s}: best {max(v):.2f}, median {statistics.median(v):.2f} images/s over {len(v)} rounds", flush=True)

    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
