#!/bin/bash
# The quick-upstream PyTorch peer in the `tuned` configuration of run_models.sh beside it:
# OpenBLAS OpenMP build and a malloc setting that keeps freed memory.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp
export GLIBC_TUNABLES="glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=17179869184"
exec /usr/bin/python3 "$HERE/quick_upstream_torch.py" "$@"
