#!/usr/bin/env python3
"""Reference-algorithm speed and memory baseline for `lsa train` (issue 12's benchmark).

train.py's inner loop as the ORIGINAL Python code runs it (spec section 4, written from
/work/shared/research/learningsa-spec.md, no upstream code), on the fine-tuning fixture's pairs:
    for epoch: scheduler.step(); for pair (batch 1, CSV order):
        optimizer.zero_grad(); out = net(src, tgt)  (eval branch, autograd on)
        loss = L_fused + L_1 + L_2 + L_3 + L_4;  loss.backward();  optimizer.step()
with the network of reference_forward.py (unfold + Linear T2T blocks, Q = K computed twice, position
encoding per call, BN not folded), the backbone frozen and in eval mode and run on every step (the
original caches nothing), torch.optim.Adam(lr=3e-5) over every parameter that requires grad and
MultiStepLR([30], 0.2). The loss is custom_loss's active branch: crop grid_T2S* to [1:19], x10 then /9,
upsample to the target's original size (bilinear, align_corners=True), index at the rounded target
keypoints, map to source pixels and take the mean Euclidean distance.

Random weights (torch.manual_seed(0)): timing and memory do not depend on the values; no numeric
parity is intended (the Java trainer is checked against the reference's own run in the fixture).

Usage: /usr/bin/python3 bench/reference_train.py --data ../shared/fixtures/train [--steps 3] [--threads 2]
Last lines: reference_train_step_ms_median=<ms>  reference_train_peak_rss_mib=<MiB>
"""
import argparse
import csv
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_forward import ReferenceSFNet, report_blas  # noqa: E402

INPUT = 320
MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)
GRIDS = ("grid_T2S", "grid_T2S_1", "grid_T2S_2", "grid_T2S_3", "grid_T2S_4")


def load_image(path):
    """Preprocessed 1x3x320x320 input and the original (width, height)."""
    image = Image.open(path).convert("RGB")
    size = image.size
    pixels = np.asarray(image.resize((INPUT, INPUT), Image.BILINEAR), dtype=np.float32) / 255.0
    pixels = (pixels - MEAN) / STD
    return torch.from_numpy(pixels.transpose(2, 0, 1).copy()).unsqueeze(0), size


def read_pairs(data, csv_path):
    pairs = []
    with open(csv_path, newline="") as f:
        for row in csv.DictReader(f):
            floats = {k: torch.tensor([float(v) for v in row[k].split(";")]) for k in ("XA", "YA", "XB", "YB")}
            src, src_size = load_image(os.path.join(data, row["source_image"]))
            tgt, tgt_size = load_image(os.path.join(data, row["target_image"]))
            pairs.append((src, tgt, src_size, tgt_size, floats))
    return pairs


def keypoint_loss(grid, src_size, tgt_size, kp):
    """Mean distance in source pixels between the source keypoints and the transferred target keypoints."""
    ws, hs = src_size
    wt, ht = tgt_size
    g = grid[:, 1:19, 1:19, :] * 10
    g = g / 9
    up = F.interpolate(g.permute(0, 3, 1, 2), size=(ht, wt), mode="bilinear", align_corners=True)
    ix = torch.round(kp["XB"]).long()
    iy = torch.round(kp["YB"]).long()
    estimate = up[0, :, iy, ix]                                    # (2, n): x then y
    ex = (estimate[0] + 1) * (ws - 1) / 2
    ey = (estimate[1] + 1) * (hs - 1) / 2
    return torch.sqrt((kp["XA"] - ex) ** 2 + (kp["YA"] - ey) ** 2).mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="the fixture folder (train_pairs.csv, JPEGImages/)")
    ap.add_argument("--csv", default=None)
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    pairs = read_pairs(args.data, args.csv or os.path.join(args.data, "train_pairs.csv"))
    net = ReferenceSFNet()
    for p in net.backbone.parameters():
        p.requires_grad_(False)
    trainable = [p for p in net.parameters() if p.requires_grad]
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {len(pairs)} pairs, "
          f"{sum(p.numel() for p in trainable):,} trainable parameters", flush=True)
    report_blas()
    optimizer = torch.optim.Adam(trainable, lr=3e-5)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[30], gamma=0.2)
    times = []
    step = 0
    epoch = 0
    while step < args.steps:
        scheduler.step()                                           # at the start of the epoch, as train.py
        net.train()
        net.backbone.eval()
        for src, tgt, src_size, tgt_size, kp in pairs:
            if step >= args.steps:
                break
            t = time.perf_counter()
            optimizer.zero_grad()
            out = net(src, tgt)
            terms = [keypoint_loss(out[k], src_size, tgt_size, kp) for k in GRIDS]
            loss = terms[0] + terms[1] + terms[2] + terms[3] + terms[4]
            loss.backward()
            optimizer.step()
            times.append((time.perf_counter() - t) * 1e3)
            step += 1
            print(f"step {step} (epoch {epoch}): loss {loss.item():.3f}, {times[-1]:.0f} ms", flush=True)
        epoch += 1
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reference_train_step_ms_median={statistics.median(times):.0f}")
    print(f"reference_train_peak_rss_mib={peak_mib:.0f}")


if __name__ == "__main__":
    main()
