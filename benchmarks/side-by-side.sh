#!/usr/bin/env bash
# Runs fld4j's JMH benchmarks and the PyTorch reference (../shared/peers/torch_flows.py, or $PEERS_DIR)
# one after the other on the same machine, never at the same time, and prints one line per figure:
#   RATIO <config> <logprob|train> <fld4j per s> <reference per s> <ratio>
# Usage: benchmarks/side-by-side.sh [config...]   (default: the four dense configs)
# Configs are the reference's names, e.g. dense-D100-K8-H256 or image-fmnist-28x28x1.
# Needs: JDK 17 + Maven; Debian's python3-torch and python3-numpy; OpenBLAS unpacked as the
# reference's README says (/tmp/openblas), which the reference is run with (--blas openblas).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
configs=("$@")
if [ ${#configs[@]} -eq 0 ]; then
  configs=(dense-D100-K8-H256 dense-D10-K8-H256 dense-D784-K8-H256 dense-D100-K8-H64)
fi
out="${OUT_DIR:-$(mktemp -d)}"
mkdir -p "$out"

dense_params=()
image_params=()
for c in "${configs[@]}"; do
  case "$c" in
    dense-D*-K8-H*) d="${c#dense-D}"; d="${d%%-*}"; h="${c##*-H}"; dense_params+=("D$d-H$h") ;;
    image-fmnist-28x28x1|image-cifar-32x32x3) image_params+=("${c#image-}") ;;
    *) echo "unknown config $c" >&2; exit 2 ;;
  esac
done

echo "== fld4j (JMH, OMP_WAIT_POLICY=$OMP_WAIT_POLICY, MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-unset})" >&2
# fld4j is measured with 1 and with 2 native threads (NativeThreads); the better one is compared.
# FLD_DENSE_THREADS / FLD_IMAGE_THREADS (or FLD_THREADS for both) narrow that list, e.g. to 2 for the
# image flows, where 1 thread has always been slower.
# Both kinds of flow are also measured with each batch's rows split over 1 and 2 Java threads (RowSplitEvaluator
# for scoring, TrainerOptions.workers for training; FLD_DENSE_WORKERS / FLD_IMAGE_WORKERS narrow the lists).
results=()
if [ ${#dense_params[@]} -gt 0 ]; then
  java -jar "$jar" DenseFlowBenchmark -p config="$(IFS=,; echo "${dense_params[*]}")" -p threads="${FLD_DENSE_THREADS:-${FLD_THREADS:-1,2}}" \
    -p workers="${FLD_DENSE_WORKERS:-1,2}" -f 1 -wi 3 -i 7 -w 1s -r 1s -rf json -rff "$out/fld4j-dense.json" >&2
  results+=("$out/fld4j-dense.json")
fi
if [ ${#image_params[@]} -gt 0 ]; then
  java -jar "$jar" ImageFlowBenchmark -p config="$(IFS=,; echo "${image_params[*]}")" -p threads="${FLD_IMAGE_THREADS:-${FLD_THREADS:-1,2}}" \
    -p workers="${FLD_IMAGE_WORKERS:-1,2}" -f 1 -wi 1 -i 3 -w 10s -r 10s -rf json -rff "$out/fld4j-image.json" >&2
  results+=("$out/fld4j-image.json")
fi
/usr/bin/python3 -c 'import json,sys; print(json.dumps(sum((json.load(open(f)) for f in sys.argv[1:]), [])))' \
  "${results[@]}" > "$out/fld4j.json"

echo "== reference (PyTorch, OpenBLAS)" >&2
reference_configs=$(IFS=,; echo "${configs[*]}")
(cd "$peers" && /usr/bin/python3 torch_flows.py --configs "$reference_configs" --blas openblas --no-sanity \
  --out "$out/reference.json") >&2

/usr/bin/python3 - "$out/fld4j.json" "$out/reference.json" "${configs[@]}" <<'PY'
import json, sys
jmh = json.load(open(sys.argv[1]))
ref = json.load(open(sys.argv[2]))
ours = {}
for b in jmh:
    cfg = b["params"]["config"]
    kind = "logprob" if b["benchmark"].endswith(".logProb") else "train"
    score = b["primaryMetric"]["score"]
    print(f"fld4j {cfg} {kind} threads={b['params'].get('threads')} workers={b['params'].get('workers', 1)} {score:.0f}/s",
          file=sys.stderr)
    ours[(cfg, kind)] = max(score, ours.get((cfg, kind), 0))
theirs = {}
for variant in ref["variants"].values():
    for r in variant["results"]:
        name = r["config"]["name"]
        theirs[(name, "logprob")] = r["logprob"]["samples_per_s"]
        theirs[(name, "train")] = r["train"]["samples_per_s"]
for cfg in sys.argv[3:]:
    if cfg.startswith("dense-"):
        d = cfg.split("-D")[1].split("-")[0]; h = cfg.split("-H")[1]
        key = f"D{d}-H{h}"
    else:
        key = cfg[len("image-"):]
    for kind in ("logprob", "train"):
        a = ours.get((key, kind)); b = theirs.get((cfg, kind))
        if a is None or b is None:
            print(f"RATIO {cfg} {kind} missing"); continue
        print(f"RATIO {cfg} {kind} {a:.0f} {b:.0f} {a / b:.3f}")
PY
