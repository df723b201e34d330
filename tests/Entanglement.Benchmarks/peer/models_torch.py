#!/usr/bin/env python3
"""PyTorch peer of `workbook bench`: the same models, shapes and steps as lib/Workbook/Commands/BenchWorkloads.cs.

Each model is timed on batch 128 of random float32 inputs: a training step (zero_grad, forward, cross-entropy,
backward, Adam at lr 1e-3) and an inference batch under no_grad in eval mode; the median of the timed steps after a
warm-up (a few steps and at least half a second). SGEMM is torch.mm of two random n x n matrices. The result is JSON:
{"models": [{"name", "train": {"median_ms"}, "infer": {"median_ms"}}], "sgemm": [{"n", "torch.mm": {"median_ms", "gflops"}}]}.
Thread count: torch.set_num_threads(--threads), default every core, as `workbook bench` uses every core.
"""
import argparse
import json
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 128


def mlp(inputs, hidden, outputs):
    layers, width = [], inputs
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    return nn.Sequential(*layers, nn.Linear(width, outputs))


class SmallConv(nn.Module):
    """The Appendix-B conv net (paper variant): conv5 stride 1 pad 2, BN, ReLU; conv5 stride 2 pad 5, BN, ReLU; MLP head."""

    def __init__(self, channels, classes, size, width=32, hidden=(256,)):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, width, 5, stride=1, padding=2)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 5, stride=2, padding=5)
        self.bn2 = nn.BatchNorm2d(width)
        side = (size + 2 * 5 - 5) // 2 + 1
        self.head = mlp(side * side * width, list(hidden), classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        return self.head(torch.flatten(x, 1))


class Block(nn.Module):
    def __init__(self, inputs, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inputs, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inputs != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inputs, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.downsample is None else self.downsample(x)))


class ResNet18(nn.Module):
    """ResNet-18 with the CIFAR stem (3x3 stride-1 conv, no max pool) and a width multiplier."""

    def __init__(self, channels, classes, width):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, width, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        stages, inputs = [], width
        for i in range(4):
            planes = width << i
            stages.append(nn.Sequential(Block(inputs, planes, 1 if i == 0 else 2), Block(planes, planes, 1)))
            inputs = planes
        self.layers = nn.Sequential(*stages)
        self.fc = nn.Linear(inputs, classes)

    def forward(self, x):
        x = self.layers(F.relu(self.bn1(self.conv1(x))))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


# (name as `workbook bench` prints it, model factory, input shape per example, classes, timed steps)
WORKLOADS = [
    ("a MLP 1-128-4", lambda: mlp(1, [128], 4), (1,), 4, 200),
    ("b LogReg 512-2", lambda: nn.Linear(512, 2), (512,), 2, 200),
    ("b LogReg 512-10", lambda: nn.Linear(512, 10), (512,), 10, 200),
    ("c SmallConv 3x32x32", lambda: SmallConv(3, 10, 32), (3, 32, 32), 10, 10),
    ("f SmallConv 1x28x28", lambda: SmallConv(1, 10, 28), (1, 28, 28), 10, 10),
    ("e ResNet18-w16 3x32x32", lambda: ResNet18(3, 10, 16), (3, 32, 32), 10, 10),
    ("f ResNet18-w16 1x28x28", lambda: ResNet18(1, 10, 16), (1, 28, 28), 10, 10),
    ("d ResNet18-w64 3x32x32", lambda: ResNet18(3, 10, 64), (3, 32, 32), 10, 3),
]


def median_ms(steps, step):
    warmup, started, i = max(1, min(5, steps // 4)), time.perf_counter(), 0
    while i < warmup or time.perf_counter() - started < 0.5:
        step()
        i += 1
    times = []
    for _ in range(steps):
        t = time.perf_counter()
        step()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def time_model(factory, shape, classes, steps):
    torch.manual_seed(1234)
    model = factory()
    x = torch.randn(BATCH, *shape)
    labels = torch.arange(BATCH) % classes
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()

    def train():
        optimizer.zero_grad()
        F.cross_entropy(model(x), labels).backward()
        optimizer.step()

    train_ms = median_ms(steps, train)
    model.eval()

    def infer():
        with torch.no_grad():
            model(x)

    return train_ms, median_ms(steps, infer)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", required=True)
    parser.add_argument("--gemm-sizes", default="")
    parser.add_argument("--only", default="", help="comma list of name substrings")
    parser.add_argument("--quick", action="store_true", help="a quarter of the timed steps (at least 3)")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--no-peak", action="store_true", help="accepted for other peers' interface; never measures peak")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    wanted = [w.lower() for w in args.only.split(",") if w]
    result = {"torch": torch.__version__, "threads": args.threads, "models": [], "sgemm": []}
    for name, factory, shape, classes, steps in WORKLOADS:
        if wanted and not any(w in name.lower() for w in wanted):
            continue
        count = max(3, int(steps * (0.25 if args.quick else 1)))
        train_ms, infer_ms = time_model(factory, shape, classes, count)
        result["models"].append({"name": name, "train": {"median_ms": train_ms}, "infer": {"median_ms": infer_ms}})
    for n in (int(s) for s in args.gemm_sizes.split(",") if s):
        torch.manual_seed(n)
        a, b = torch.randn(n, n), torch.randn(n, n)
        ms = median_ms(3 if n > 2048 else 10, lambda: torch.mm(a, b))
        result["sgemm"].append({"n": n, "torch.mm": {"median_ms": ms, "gflops": 2 * n ** 3 / ms / 1e6}})
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
