#!/usr/bin/env bash
# Where the time goes, fld4j (TimeSplit) and the PyTorch reference (reference-time-split.py) one after the other,
# with the same thread count and allocator settings: for each config's scoring pass and training step, the time in
# convolutions and conditioner matrix products (timed call by call) and the rest.
# Usage: benchmarks/time-split.sh [configs, comma-separated] [threads=2] [seconds=10]
# Needs what side-by-side.sh needs (the reference in ../shared/peers or $PEERS_DIR; OpenBLAS in /tmp/openblas).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
configs="${1:-dense-D100-K8-H256,image-fmnist-28x28x1,image-cifar-32x32x3}"
threads="${2:-2}"
seconds="${3:-10}"

echo "== fld4j ($threads native threads, one worker)"
java --add-modules=jdk.incubator.vector -cp "$jar" org.fld4j.benchmarks.TimeSplit "$configs" "$threads" "$seconds" \
  2> >(grep -v 'WARNING' >&2)

echo "== reference (PyTorch, $threads threads)"
for d in /usr/lib/x86_64-linux-gnu/openblas-openmp /tmp/openblas/root/usr/lib/x86_64-linux-gnu/openblas-openmp; do
  if [ -f "$d/libblas.so.3" ]; then
    export LD_LIBRARY_PATH="$d${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    break
  fi
done
OMP_NUM_THREADS="$threads" PEERS_DIR="$peers" /usr/bin/python3 "$root/benchmarks/reference-time-split.py" \
  "$configs" "$threads" "$seconds"
