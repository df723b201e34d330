#!/bin/bash
# PyTorch peer of every `workbook bench` row (models_torch.py), in one of two configurations:
#   tuned    OpenBLAS's OpenMP build and a malloc setting that keeps freed memory (what Debian's PyTorch runs best with);
#   default  PyTorch as installed.
# Usage: run_models.sh tuned|default --json out.json [--gemm-sizes 1024,4096] [--only SmallConv] [--quick]
# Needs Debian's python3-torch (and libopenblas0-openmp for `tuned`).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
config="${1:-}"
case "$config" in
  tuned)
    export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp
    export GLIBC_TUNABLES="glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=17179869184"
    [ -d "$LD_LIBRARY_PATH" ] || echo "run_models.sh: $LD_LIBRARY_PATH is missing (apt-get install libopenblas0-openmp); PyTorch falls back to the reference BLAS" >&2
    # OpenBLAS 0.3.21 does not recognise some virtual CPUs and falls back to its Prescott (SSE3) kernels, several
    # times slower on small products (Linear 512->2 on batch 128: 0.046 ms instead of 0.015 ms); name the core.
    if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
      if grep -qw avx512f /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX
      elif grep -qw avx2 /proc/cpuinfo; then export OPENBLAS_CORETYPE=Haswell; fi
    fi
    shift ;;
  default) shift ;;
  *) echo "usage: $0 tuned|default --json out.json [--gemm-sizes N,N] [--only names] [--quick]" >&2; exit 2 ;;
esac
exec /usr/bin/python3 "$HERE/models_torch.py" "$@"
