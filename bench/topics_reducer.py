"""Topics without UMAP (issue 20): does a reduction that needs no JIT compiler cluster as well as UMAP?

Usage:
  `python bench/topics_reducer.py quality [--methods umap,pca5,...] [--data demo,french_dev,banking77]`
  `python bench/topics_reducer.py summary` (the quality results as Markdown tables)
  `python bench/topics_reducer.py timing [--sizes 300,5000,100000] [--methods ...]`

quality: every method runs through the product's own `fit_topics_on_vectors` (same centring, BERTopic,
outlier reassignment, keywords, NPMI and diversity); only the (reduction, clustering) pair differs, put in
place of `topics._models`. Data, all with cached e5-small vectors (nothing is embedded again):
- demo: the demo corpus's documents (bench/out/topics_demo.vwb, as bench/topics.py), ARI of the topics
  against truth.csv's contact reason, relationship form and emotion;
- french_dev: the 300 verbatims of bench/data/french_dev/ (vectors cached by bench/suggest.py), ARI against
  their reason, form and emotion;
- banking77: its 3,080 test queries (vectors cached by bench/suggest.py), ARI against the 77 intents.
Seeded methods run with several seeds; the spread is the seed noise the decision is judged against.
Methods (HDBSCAN is the product's: leaf selection, min_cluster_size `default_min_size(n)`):
- umap: the product's CPU path, UMAP (5 dimensions, cosine, 15 neighbours) + HDBSCAN;
- pca5, pca10, pca20 (pca10w: whitened): PCA of the centred, normalised vectors + HDBSCAN; pca10_ms5: the
  same with HDBSCAN's min_samples 5 instead of min_cluster_size, fewer outliers in more dimensions;
- svd10: TruncatedSVD (the vectors are centred, so close to PCA) + HDBSCAN; raw: HDBSCAN on the vectors;
- kmeans: k-means on the vectors, k by cosine silhouette on a 3,000-unit sample among 8 values from
  n/(10 min_size) to n/min_size; kmeans_sqrt: k = sqrt(n/2), the usual rule of thumb (minibatch_sqrt: the
  same k with MiniBatchKMeans, batches of 4,096); no outliers;
- spectral5, spectral10: sklearn's SpectralEmbedding of the 15-nearest-neighbour graph + HDBSCAN;
  spectral_km: spectral clustering, k-means (k = sqrt(n/2)) on k dimensions of that embedding;
- tsne30, tsne50: openTSNE (Cython and FFT gradients, Annoy neighbours: no numba) in 2 dimensions, cosine,
  perplexity 30 or 50, + HDBSCAN; tsne_ms: multiscale affinities (perplexities 15 and 50); tsne30_x4:
  exaggeration 4 throughout (tighter, UMAP-like clusters); tsne30_ms5, tsne_ms5: tsne30 and tsne_ms with
  HDBSCAN's min_samples 5 (they find too few clusters, too many outliers, with min_samples = min_size).
  New units (the sampled path) are placed by openTSNE's transform against the fitted map.
  openTSNE is not a project dependency: `pip install openTSNE` to run these.

timing: each (method, size) in a fresh process, so UMAP's first-call JIT compile counts, as it does on a
user's first topic run. The units are banking77's 13,083 e5 vectors (train + test), repeated up to the
size with Gaussian noise (sigma 0.0025 a dimension, about 0.05 in norm) and normalised again. Timed: the
import of the method's modules, then reduction (fitted on a sample of `UMAP_SAMPLE` units and applied
to all above that, as the product does) and clustering; BERTopic's keyword step is the same for every
method and left out. Above the sample, the fit and the transform of all are also timed apart, and the
clusters are scored (ARI against the 77 intents of each copy's original) separately on the units the
reduction was fitted on and on those it only placed: whether the transform puts new units where they belong.
Results go to bench/out/topics_reducer_<quality|timing>.json.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
SEEDS = (42, 7, 2026)
TSNE = {"tsne30": {"perplexity": 30}, "tsne50": {"perplexity": 50}, "tsne_ms": {"multiscale": (15, 50)},
        "tsne30_x4": {"perplexity": 30, "exaggeration": 4}, "tsne30_ms5": {"perplexity": 30},
        "tsne_ms5": {"multiscale": (15, 50)}, "tsne30_ms3": {"perplexity": 30}, "tsne30_ms10": {"perplexity": 30},
        "tsne50_ms5": {"perplexity": 50}, "tsne30_x2_ms5": {"perplexity": 30, "exaggeration": 2}}
SEEDED = {"umap", "numpy_umap", "svd10", "kmeans", "kmeans_sqrt", "minibatch_sqrt", "spectral5", "spectral10", "spectral_km", *TSNE}
METHODS = ("umap", "numpy_umap", "pca5", "pca10", "pca20", "pca10w", "pca10_ms5", "svd10", "raw", "kmeans", "kmeans_sqrt",
           "minibatch_sqrt", "spectral5", "spectral10", "spectral_km", *TSNE)


class _Spectral:
    """SpectralEmbedding of the kNN graph, which has no transform: BERTopic's transform of the fitted
    vectors gets the embedding of the fit (quality only; it cannot place new units, so no sampled path)."""

    def __init__(self, n_components: int, seed: int) -> None:
        from sklearn.manifold import SpectralEmbedding

        self.model = SpectralEmbedding(n_components, affinity="nearest_neighbors", n_neighbors=15,
                                       random_state=seed, n_jobs=1)

    def fit(self, vectors: np.ndarray, y: Any = None) -> _Spectral:
        self.embedding_ = self.model.fit_transform(vectors)
        return self

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        return self.embedding_


class _OpenTSNE:
    """openTSNE with BERTopic's fit/transform. Transforming the fitted vectors returns the fitted map; other
    vectors are placed by openTSNE's transform, which optimises them against the fixed map (the sampled path).
    Neighbours by Annoy, as pynndescent (openTSNE's other choice) would import numba."""

    def __init__(self, seed: int, perplexity: float = 30, multiscale: tuple[float, ...] = (),
                 exaggeration: float | None = None) -> None:
        self.seed, self.perplexity, self.multiscale, self.exaggeration = seed, perplexity, multiscale, exaggeration

    def fit(self, vectors: np.ndarray, y: Any = None) -> _OpenTSNE:
        from openTSNE import TSNE as OpenTSNE
        from openTSNE import affinity, initialization

        most = (len(vectors) - 1) / 3  # openTSNE needs 3 * perplexity neighbours
        perplexities = [min(p, most) for p in self.multiscale or (self.perplexity,)]
        affinities = (affinity.Multiscale if self.multiscale else affinity.PerplexityBasedNN)(
            vectors, perplexities if self.multiscale else perplexities[0], metric="cosine", method="annoy",
            n_jobs=1, random_state=self.seed)
        start = initialization.pca(vectors, random_state=self.seed)
        self.fitted_ = vectors
        self.embedding_ = OpenTSNE(n_components=2, exaggeration=self.exaggeration, negative_gradient_method="fft",
                                   n_jobs=1, random_state=self.seed).fit(affinities=affinities, initialization=start)
        return self

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        if vectors.shape == self.fitted_.shape and np.array_equal(vectors, self.fitted_):
            return np.asarray(self.embedding_)
        return np.asarray(self.embedding_.transform(vectors))


def _k_by_silhouette(vectors: np.ndarray, min_size: int, seed: int, minibatch: bool) -> int:
    """k among a geometric grid from n/(10 min_size) to n/min_size, best cosine silhouette on a sample."""
    from sklearn.cluster import KMeans, MiniBatchKMeans
    from sklearn.metrics import silhouette_score

    n = len(vectors)
    low, high = max(2, round(n / (10 * min_size))), max(3, round(n / min_size))
    grid = sorted({round(low * (high / low) ** (i / 7)) for i in range(8)})
    rows = np.random.default_rng(seed).choice(n, min(n, 3000), replace=False)
    best, best_k = -2.0, grid[0]
    for k in grid:
        model = (MiniBatchKMeans(k, n_init=3, random_state=seed, batch_size=4096) if minibatch
                 else KMeans(k, n_init=4, random_state=seed))
        labels = model.fit(vectors[rows]).predict(vectors[rows])
        if len(set(labels)) < 2:
            continue
        score = silhouette_score(vectors[rows], labels, metric="cosine")
        if score > best:
            best, best_k = score, k
    return best_k


def make_models(method: str, seed: int, n: int, min_size: int, vectors: np.ndarray) -> tuple[Any, Any, dict]:
    """(reduction, clustering, params) of a method, as `topics._models` returns them."""
    from bertopic.dimensionality import BaseDimensionalityReduction
    from hdbscan import HDBSCAN

    def hdbscan(min_samples: int | None = None) -> Any:
        return HDBSCAN(min_cluster_size=min_size, min_samples=min_samples, metric="euclidean",
                       cluster_selection_method="leaf", prediction_data=False, core_dist_n_jobs=1)

    if method == "umap":
        from umap import UMAP

        return UMAP(n_neighbors=min(15, n - 1), n_components=5, min_dist=0.0, metric="cosine",
                    random_state=seed, low_memory=True, n_jobs=1), hdbscan(), {"path": method}
    if method == "numpy_umap":
        from workbench.suggest.umap_numpy import NumpyUMAP

        return NumpyUMAP(n_neighbors=min(15, n - 1), n_components=5, min_dist=0.0, random_state=seed), hdbscan(), {
            "path": method}
    if method in TSNE:
        samples = method.rsplit("_ms", 1)[-1] if "_ms" in method else ""
        return _OpenTSNE(seed, **TSNE[method]), hdbscan(int(samples) if samples.isdigit() else None), {"path": method}
    if method == "pca10_ms5":
        from sklearn.decomposition import PCA

        return PCA(10, svd_solver="full"), hdbscan(5), {"path": method}
    if method.startswith("pca"):
        from sklearn.decomposition import PCA

        dims = int(method[3:].rstrip("w"))
        return PCA(dims, whiten=method.endswith("w"), svd_solver="full"), hdbscan(), {"path": method}
    if method == "svd10":
        from sklearn.decomposition import TruncatedSVD

        return TruncatedSVD(10, random_state=seed), hdbscan(), {"path": method}
    if method == "raw":
        return BaseDimensionalityReduction(), hdbscan(), {"path": method}
    if method in ("kmeans", "minibatch"):
        from sklearn.cluster import KMeans, MiniBatchKMeans

        k = _k_by_silhouette(vectors, min_size, seed, method == "minibatch")
        model = (MiniBatchKMeans(k, n_init=3, random_state=seed, batch_size=4096) if method == "minibatch"
                 else KMeans(k, n_init=4, random_state=seed))
        return BaseDimensionalityReduction(), model, {"path": method, "k": k}
    if method in ("kmeans_sqrt", "minibatch_sqrt"):
        from sklearn.cluster import KMeans, MiniBatchKMeans

        k = round(math.sqrt(n / 2))
        model = (MiniBatchKMeans(k, n_init=3, random_state=seed, batch_size=4096) if method == "minibatch_sqrt"
                 else KMeans(k, n_init=4, random_state=seed))
        return BaseDimensionalityReduction(), model, {"path": method, "k": k}
    if method == "spectral_km":
        from sklearn.cluster import KMeans

        k = round(math.sqrt(n / 2))
        return _Spectral(k, seed), KMeans(k, n_init=4, random_state=seed), {"path": method, "k": k}
    if method.startswith("spectral"):
        return _Spectral(int(method[8:]), seed), hdbscan(), {"path": method}
    raise ValueError(method)


def demo_data() -> dict[str, Any]:
    from bench.topics import OUT as TOPICS_OUT
    from bench.topics import SAMPLE, TRUTH, demo_project
    from workbench.demo.coding import read_truth
    from workbench.suggest.embed import embed_units, load_vectors
    from workbench.suggest.units import load_units, voice_texts

    project = demo_project(TOPICS_OUT / "topics_demo.vwb")
    try:
        units = load_units(project, "documents")
        embedded = embed_units(project, "e5-small", units=units, device="cpu")
        print(f"demo: {embedded.computed} vectors computed, {embedded.cached} cached", flush=True)
        units = embedded.units
        kinds = dict(project.rows("SELECT id, kind FROM documents"))
        truth = dict(read_truth(project, SAMPLE / "truth.csv"))
        return {
            "language": "fr", "texts": voice_texts(project, units),
            "vectors": load_vectors(project, embedded.model_id, units),
            "groups": [kinds.get(u.document_id, "") for u in units],
            "documents": project.rows("SELECT kind, text FROM documents WHERE id = ANY(?)",
                                      [sorted({u.document_id for u in units})]),
            "truth": {column: [truth.get(u.document_id, {}).get(column) for u in units] for column in TRUTH},
        }
    finally:
        project.close()


def french_dev_data() -> dict[str, Any]:
    from bench.suggest import _dev_vectors, load_french_dev

    items = load_french_dev()
    texts = [item["text"] for item in items]
    return {"language": "fr", "texts": texts, "vectors": _dev_vectors(texts, None),
            "groups": [item["channel"] for item in items], "documents": None,
            "truth": {column: [item[column] for item in items] for column in ("reason", "form", "emotion")}}


def banking_data() -> dict[str, Any]:
    import pandas as pd

    test = pd.read_csv(ROOT.parent / "shared" / "data" / "banking77" / "test.csv")
    return {"language": "en", "texts": test.text.tolist(), "vectors": np.load(OUT / "banking77_test_e5.npy"),
            "groups": None, "documents": None, "truth": {"intent": test.category.tolist()}}


DATA = {"demo": demo_data, "french_dev": french_dev_data, "banking77": banking_data}


def run_one(data: dict[str, Any], method: str, seed: int) -> dict[str, Any]:
    from workbench.suggest import topics
    from workbench.suggest.topic_quality import adjusted_rand

    vectors = np.asarray(data["vectors"], dtype=np.float32)
    original = topics._models
    topics._models = lambda n, min_size, device, vectors, sample, sampled: make_models(method, seed, n, min_size, vectors)
    try:
        started = time.perf_counter()
        fitted = topics.fit_topics_on_vectors(data["texts"], vectors, language=data["language"],
                                              groups=data["groups"], documents=data["documents"])
        seconds = time.perf_counter() - started
    finally:
        topics._models = original
    assigned = fitted["assigned"].tolist()
    ari = {}
    for column, labels in data["truth"].items():
        keep = [i for i, label in enumerate(labels) if label is not None]
        ari[column] = adjusted_rand([labels[i] for i in keep], [assigned[i] for i in keep])
    kinds_of = {}
    if data["groups"]:
        for topic in {t["topic"] for t in fitted["topics"]}:
            kinds_of[topic] = dict(Counter(g for g, a in zip(data["groups"], assigned) if a == topic).most_common())
    return {"method": method, "seed": seed, "params": fitted["params"], "seconds": round(seconds, 1),
            "ari": ari, **{k: fitted["metrics"][k] for k in ("topics", "outlier_share_before_reduction",
                                                               "npmi", "diversity")},
            "topic_list": [{"topic": t["topic"], "size": t["size"], "label": t["label"], "keywords": t["keywords"],
                            "kinds": kinds_of.get(t["topic"], {})} for t in fitted["topics"]]}


def quality(methods: list[str], datasets: list[str], seeds: tuple[int, ...] = SEEDS) -> None:
    path = OUT / "topics_reducer_quality.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    for name in datasets:
        data = DATA[name]()
        for method in methods:
            for seed in seeds if method in SEEDED else seeds[:1]:
                row = run_one(data, method, seed)
                results.setdefault(name, {}).setdefault(method, {})[str(seed)] = row
                print(f"{name:10} {method:10} seed {seed:5}: ARI {row['ari']}  topics {row['topics']}  "
                      f"outliers {row['outlier_share_before_reduction']}  NPMI {row['npmi']}  "
                      f"diversity {row['diversity']}  {row['seconds']} s", flush=True)
                path.write_text(json.dumps(results, ensure_ascii=False, indent=1))


def _cell(rows: list[dict], value) -> str:  # type: ignore[no-untyped-def]
    """Mean over seeds, with the range when there are several seeds and they differ."""
    values = [value(row) for row in rows]
    if any(v is None for v in values):
        return "-"
    mean, low, high = sum(values) / len(values), min(values), max(values)
    return f"{mean:.3f}" + (f" ({low:.3f} to {high:.3f})" if high - low >= 0.0005 else "")


def summary() -> None:
    """The quality results as two Markdown tables (ARI; topics, outliers, NPMI and diversity)."""
    results = json.loads((OUT / "topics_reducer_quality.json").read_text())
    scores = {"demo": ("contact_reason", "relationship_form"), "french_dev": ("reason", "form"),
              "banking77": ("intent",)}
    print("| method | seeds | " + " | ".join(f"{name} {column}" for name, columns in scores.items() for column in columns)
          + " |\n|---|---|" + "---|" * sum(map(len, scores.values())))
    for method in METHODS:
        rows = {name: list(results.get(name, {}).get(method, {}).values()) for name in scores}
        if not all(rows.values()):
            continue
        print(f"| {method} | {len(rows['demo'])} | " + " | ".join(
            _cell(rows[name], lambda r, c=column: r["ari"][c]) for name, columns in scores.items() for column in columns)
            + " |")
    print("\n| method | " + " | ".join(f"{name}: topics, outliers, NPMI, diversity" for name in scores)
          + " |\n|---|" + "---|" * len(scores))
    for method in METHODS:
        rows = {name: list(results.get(name, {}).get(method, {}).values()) for name in scores}
        if not all(rows.values()):
            continue
        print(f"| {method} | " + " | ".join(
            ", ".join(_cell(rows[name], lambda r, k=key: r[k]).replace(".000", "") if key != "topics" else
                      "/".join(sorted({str(r["topics"]) for r in rows[name]}))
                      for key in ("topics", "outlier_share_before_reduction", "npmi", "diversity"))
            for name in scores) + " |")


def synthetic(n: int) -> np.ndarray:
    """banking77's train + test e5 vectors repeated up to n rows, each copy with small Gaussian noise."""
    base = np.vstack([np.load(OUT / "banking77_train_e5.npy"), np.load(OUT / "banking77_test_e5.npy")])
    rng = np.random.default_rng(0)
    rows = np.resize(np.arange(len(base)), n) if n > len(base) else rng.choice(len(base), n, replace=False)
    vectors = base[rows] + rng.normal(0, 0.0025, (n, base.shape[1])).astype(np.float32)
    vectors -= vectors.mean(axis=0)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def synthetic_intents(n: int) -> np.ndarray:
    """The intent of each of `synthetic(n)`'s rows (that of the banking77 query it is a noisy copy of)."""
    import pandas as pd

    data = ROOT.parent / "shared" / "data" / "banking77"
    base = np.array(pd.read_csv(data / "train.csv").category.tolist() + pd.read_csv(data / "test.csv").category.tolist())
    rows = (np.resize(np.arange(len(base)), n) if n > len(base)
            else np.random.default_rng(0).choice(len(base), n, replace=False))
    return base[rows]


def _placement(labels: np.ndarray, n: int, sample: int) -> dict[str, Any]:
    """ARI against the intents and outlier share, on the units the reduction was fitted on and on the rest."""
    from workbench.suggest.topic_quality import adjusted_rand
    from workbench.suggest.topics import RANDOM_STATE

    intents = synthetic_intents(n)
    fitted = np.zeros(n, dtype=bool)
    fitted[np.random.default_rng(RANDOM_STATE).choice(n, sample, replace=False)] = True  # as SampledUMAP.fit
    result = {}
    for part, rows in (("fitted", fitted), ("placed", ~fitted)):
        clustered = rows & (labels != -1)
        result[f"ari_{part}"] = round(adjusted_rand(intents[clustered].tolist(), labels[clustered].tolist()), 3)
        result[f"outliers_{part}"] = round(float((labels[rows] == -1).mean()), 3)
    return result


def time_one(method: str, n: int) -> dict[str, Any]:
    """Seconds to import, reduce and cluster n units with a method, in this (fresh) process."""
    vectors = synthetic(n)
    if method in TSNE or method == "numpy_umap":
        # As in a build without umap-learn: BERTopic's plotting imports umap when it can, and openTSNE
        # imports pynndescent only to see whether it is installed; both would import numba.
        sys.modules["umap"] = sys.modules["pynndescent"] = None  # type: ignore[assignment]
    started = time.perf_counter()
    from workbench.suggest import topics

    min_size = topics.default_min_size(n)
    reducer, clusterer, params = make_models(method, 42, n, min_size, vectors)  # imports the method's modules
    imported = time.perf_counter()
    sampled = n > topics.UMAP_SAMPLE and method != "kmeans"
    if sampled:
        reducer = topics.SampledUMAP(reducer, topics.UMAP_SAMPLE)
    if hasattr(reducer, "fit"):
        reducer.fit(vectors)
        transforming = time.perf_counter()
        reduced = reducer.transform(vectors)
    else:
        transforming, reduced = imported, vectors
    fitted = time.perf_counter()
    labels = clusterer.fit(reduced).labels_
    done = time.perf_counter()
    split = ({"sample_fit_s": round(transforming - imported, 1), "transform_s": round(fitted - transforming, 1),
              **_placement(labels, n, topics.UMAP_SAMPLE)} if sampled else {})
    return {"method": method, "units": n, "import_s": round(imported - started, 1),
            "reduce_s": round(fitted - imported, 1), "cluster_s": round(done - fitted, 1),
            "total_s": round(done - started, 1), "clusters": len(set(labels.tolist()) - {-1}),
            "outliers": round(float((labels == -1).mean()), 3), **split,
            "numba_imported": "numba" in sys.modules, **params}


def timing(methods: list[str], sizes: list[int], limit: int) -> None:
    path = OUT / "topics_reducer_timing.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    for n in sizes:
        for method in methods:
            try:
                done = subprocess.run([sys.executable, __file__, "time-one", method, str(n)], capture_output=True,
                                      text=True, timeout=limit, check=True)
                row = json.loads(done.stdout.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                row = {"method": method, "units": n, "total_s": f"> {limit}"}
            results[f"{method} {n}"] = row
            print(row, flush=True)
            path.write_text(json.dumps(results, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=["quality", "summary", "timing", "time-one"])
    parser.add_argument("args", nargs="*")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--data", default=",".join(DATA))
    parser.add_argument("--sizes", default="300,5000,100000")
    parser.add_argument("--limit", type=int, default=900, help="seconds a timed run may take")
    parser.add_argument("--seeds", default=",".join(map(str, SEEDS)), help="seeds of the seeded methods")
    args = parser.parse_args()
    methods = args.methods.split(",")
    if args.part == "quality":
        quality(methods, args.data.split(","), tuple(int(s) for s in args.seeds.split(",")))
    elif args.part == "summary":
        summary()
    elif args.part == "timing":
        timing(methods, [int(s) for s in args.sizes.split(",")], args.limit)
    else:
        print(json.dumps(time_one(args.args[0], int(args.args[1]))))


if __name__ == "__main__":
    main()
