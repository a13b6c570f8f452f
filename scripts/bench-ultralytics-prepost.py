#!/usr/bin/python3
"""Ultralytics' own Python pre- and post-processing times, to compare with ours (bench/EdgePose.Benchmarks, PrePostBenchmark)
on the same machine. Imports an unmodified Ultralytics source tree; copies none of it.

Times, per image (median of --runs calls after --warmup calls, PyTorch on 1 thread as Ultralytics sets, NMS by torchvision):
  LetterBox.__call__           640x640, auto=False, stride 32 (the fixed-shape ONNX case)
  PosePredictor.preprocess     letterbox + BGR->RGB + CHW + float32 /255
  nms+scale PREDICT / VAL      utils.nms.non_max_suppression (conf 0.25 / 0.001, iou 0.7, max_det 300, nc 1; VAL multi_label)
                               + ops.scale_boxes + ops.scale_coords, as PosePredictor.construct_result / PoseValidator.scale_preds
  PosePredictor.postprocess    PREDICT, including the Results objects
on the real model output0 of that image. See ../shared/reference/README.md, "Timing baselines".

Inputs:
  1. Ultralytics source (8.4.50 = upstream d3d3116918945144678798950129301210a57d8a was used, e.g. `git archive` of that commit
     from a GitHub fork that holds it): a tree outside this repo, given by --ultralytics or ULTRALYTICS_SRC. Debian 12 packages suffice (apt-get install --no-install-recommends
     python3-numpy python3-opencv python3-torch python3-torchvision python3-yaml python3-pil python3-matplotlib python3-psutil
     python3-requests python3-scipy); run with /usr/bin/python3.
  2. Images: a picture, or a video (its first frame is used), e.g. ../shared/data/coco8-pose/images/val/000000000110.jpg and
     /usr/share/doc/opencv-doc/examples/data/vtest.avi.
  3. output0 of each image: raw little-endian float32 [1,56,8400] from ONNX Runtime. First write each image's input tensor
     (Ultralytics' own preprocess) with --write-inputs; this writes OUTPUT0.input.f32 beside each OUTPUT0 path:
       /usr/bin/python3 scripts/bench-ultralytics-prepost.py --write-inputs IMG1 OUT1.f32 IMG2 OUT2.f32
     then run the model on each input with ONNX Runtime (CPU, default options) through the benchmark project:
       dotnet run -c Release --project bench/EdgePose.Benchmarks -- --write-output0 OUT1.f32.input.f32 OUT1.f32 OUT2.f32.input.f32 OUT2.f32
     The printed sha256 of input and output0 of 000000000110.jpg must equal input_f32_sha256 / output0_f32_sha256 in
     ../shared/reference/coco8-pose_predict_raw.json.
  4. Benchmark:  /usr/bin/python3 scripts/bench-ultralytics-prepost.py IMG1 OUT1.f32 IMG2 OUT2.f32
"""

import argparse
import hashlib
import os
import statistics
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("pairs", nargs="+", metavar="IMAGE OUTPUT0", help="image (or video) and its raw ORT output0 file, repeated")
    p.add_argument("--ultralytics", default=os.environ.get("ULTRALYTICS_SRC"), help="Ultralytics source tree (or ULTRALYTICS_SRC)")
    p.add_argument("--runs", type=int, default=200)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--write-inputs", action="store_true", help="write OUTPUT0.input.f32 (the model input) for each pair and stop")
    a = p.parse_args()
    if len(a.pairs) % 2:
        p.error("give IMAGE OUTPUT0 pairs")
    if not a.ultralytics or not os.path.isfile(os.path.join(a.ultralytics, "ultralytics", "__init__.py")):
        p.error(f"Ultralytics source tree not found: {a.ultralytics!r} (give --ultralytics or ULTRALYTICS_SRC)")
    return a


def read_image(path, cv2, imread):
    if not os.path.isfile(path):
        sys.exit(f"error: image not found: {path}")
    if path.lower().endswith((".avi", ".mp4", ".mkv", ".mov")):
        video = cv2.VideoCapture(path)
        ok, frame = video.read()
        video.release()
    else:
        frame = imread(path)
        ok = frame is not None
    if not ok:
        sys.exit(f"error: unreadable image or video: {path}")
    return frame


def median_ms(fn, runs, warmup, setup=None):
    """Median wall time of fn(setup()) in ms; setup runs outside the timed region."""
    times = []
    for k in range(warmup + runs):
        arg = setup() if setup else None
        t = time.perf_counter()
        fn(arg)
        if k >= warmup:
            times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def main():
    a = parse_args()
    sys.path.insert(0, a.ultralytics)
    import ultralytics  # first, as in a normal run: sets OMP_NUM_THREADS=1 (when unset) before torch loads

    import cv2
    import numpy as np
    import torch
    import torchvision  # loaded, as after `from ultralytics import YOLO`: non_max_suppression then uses torchvision.ops.nms
    from ultralytics.data.augment import LetterBox
    from ultralytics.models.yolo.pose import PosePredictor
    from ultralytics.utils import ops
    try:
        from ultralytics.utils.nms import non_max_suppression  # 8.4
    except ImportError:
        from ultralytics.utils.ops import non_max_suppression  # 8.3
    from ultralytics.utils.patches import imread

    class StubModel:  # what PosePredictor reads from AutoBackend for a fixed-shape ONNX pose model
        format, dynamic, fp16, end2end, stride = "onnx", False, False, False, 32
        names, kpt_shape = {0: "person"}, [17, 3]

    predictor = PosePredictor(overrides=dict(conf=0.25, iou=0.7, max_det=300, imgsz=640, verbose=False, save=False))
    predictor.model, predictor.imgsz, predictor.device = StubModel(), (640, 640), torch.device("cpu")
    letterbox = LetterBox((640, 640), auto=False, stride=32)

    pairs = list(zip(a.pairs[::2], a.pairs[1::2]))
    if a.write_inputs:
        for image_path, out_path in pairs:
            x = predictor.preprocess([read_image(image_path, cv2, imread)]).numpy()
            x.astype("<f4").tofile(out_path + ".input.f32")
            print(f"{out_path}.input.f32  {list(x.shape)}  sha256 {hashlib.sha256(x.tobytes()).hexdigest()}")
        return

    print(f"Ultralytics {ultralytics.__version__} ({a.ultralytics}), torch {torch.__version__} ({torch.get_num_threads()} thread), "
          f"torchvision {torchvision.__version__}, OpenCV {cv2.__version__}, NumPy {np.__version__}, Python {sys.version.split()[0]}")
    print(f"median ms of {a.runs} runs after {a.warmup} warm-up runs; load average {os.getloadavg()[0]:.2f} at start")
    rows = []
    for image_path, out_path in pairs:
        im0 = read_image(image_path, cv2, imread)
        if not os.path.isfile(out_path) or os.path.getsize(out_path) != 56 * 8400 * 4:
            sys.exit(f"error: output0 file missing or not [1,56,8400] float32: {out_path}")
        raw = torch.from_numpy(np.fromfile(out_path, dtype="<f4").reshape(1, 56, 8400))
        h0, w0 = im0.shape[:2]
        r = min(640 / h0, 640 / w0)
        ratio_pad = ((r, r), (round((640 - round(w0 * r)) / 2 - 0.1), round((640 - round(h0 * r)) / 2 - 0.1)))
        img = predictor.preprocess([im0])
        predictor.batch = ([image_path], [im0], [""])

        def nms_scale(conf, val):
            def run(preds):  # non_max_suppression transforms its input in place: each run gets a fresh copy (untimed)
                det = non_max_suppression(preds, conf, 0.7, None, False, multi_label=val, max_det=300, nc=1)[0]
                kpts = det[:, 6:].view(det.shape[0], 17, 3)
                if val:  # PoseValidator.scale_preds, with the letterbox's ratio_pad
                    ops.scale_boxes((640, 640), det[:, :4].clone(), im0.shape, ratio_pad=ratio_pad)
                    ops.scale_coords((640, 640), kpts.clone(), im0.shape, ratio_pad=ratio_pad)
                else:  # PosePredictor.construct_result
                    det[:, :4] = ops.scale_boxes((640, 640), det[:, :4], im0.shape)
                    ops.scale_coords((640, 640), kpts, im0.shape)
                return det.shape[0]
            return run

        n_predict = nms_scale(0.25, False)(raw.clone())
        n_val = nms_scale(0.001, True)(raw.clone())
        name = f"{os.path.basename(image_path)} {w0}x{h0}"
        print(f"{name}: output0 sha256 {hashlib.sha256(raw.numpy().tobytes()).hexdigest()}")
        steps = [
            ("LetterBox.__call__", lambda _: letterbox(image=im0), None),
            ("PosePredictor.preprocess", lambda _: predictor.preprocess([im0]), None),
            (f"nms+scale PREDICT ({n_predict} det)", nms_scale(0.25, False), raw.clone),
            (f"nms+scale VAL ({n_val} det)", nms_scale(0.001, True), raw.clone),
            ("PosePredictor.postprocess PREDICT", lambda p: predictor.postprocess(p, img, [im0]), raw.clone),
        ]
        for step, fn, setup in steps:
            rows.append((name, step, median_ms(fn, a.runs, a.warmup, setup)))

    print("\n| image | step | median ms |\n|---|---|---|")
    for name, step, ms in rows:
        print(f"| {name} | {step} | {ms:.3f} |")
    print(f"\nload average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at end")


if __name__ == "__main__":
    main()
