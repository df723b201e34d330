#!/usr/bin/python3
"""PyTorch peer of the quick profile's upstream model (workbook bench, row "q QuickUpstream").

SmallConvNet, public-code layout: conv5x5 1->32 pad 2 (no bias) -> BN -> maxpool 2 -> ReLU ->
conv5x5 32->32 stride 2 pad 2 (no bias) -> BN -> maxpool 2 -> ReLU -> flatten 512 -> Linear 512->2.
Times a training step at batch 64 (zero_grad + forward + cross-entropy + backward + Adam lr 1e-3)
and an eval batch of 256 (eval mode, no_grad), random float32 data. Prints JSON on stdout:
{"train": {"median_ms": ...}, "infer": {"median_ms": ...}}.

Run through run_quick_upstream.sh (OpenBLAS OpenMP build, glibc malloc kept: the `tuned` peer).
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class QuickUpstream(nn.Module):
    def __init__(self, width=32, outputs=2):
        super().__init__()
        self.conv1 = nn.Conv2d(1, width, 5, stride=1, padding=2, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 5, stride=2, padding=2, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.head = nn.Linear(width * 4 * 4, outputs)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.bn1(self.conv1(x)), 2))
        x = F.relu(F.max_pool2d(self.bn2(self.conv2(x)), 2))
        return self.head(torch.flatten(x, 1))


def timed(fn, warmup, steps):
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(steps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts) * 1e3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=30)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(1234)
    x = torch.randn((64, 1, 32, 32), generator=g)
    y = torch.randint(0, 2, (64,), generator=g)
    big = torch.randn((256, 1, 32, 32), generator=g)
    model = QuickUpstream()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()

    def train_step():
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(model(x), y).backward()
        opt.step()

    train = timed(train_step, 5, args.steps)
    model.eval()

    def infer_step():
        with torch.no_grad():
            model(big)

    infer = timed(infer_step, 3, args.steps)
    print(json.dumps({"train": {"median_ms": train, "batch": 64}, "infer": {"median_ms": infer, "batch": 256},
                      "threads": torch.get_num_threads(), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
