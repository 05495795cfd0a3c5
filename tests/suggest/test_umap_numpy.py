"""The NumPy UMAP of the topic path: neighbours, memberships, a layout that keeps planted groups apart,
new units placed with their group, the same result for the same seed and batch, and no JIT compiler."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from workbench.suggest.umap_numpy import NumpyUMAP, fuzzy_graph, memberships, nearest


def _groups(per_group: int, seed: int = 0, dimensions: int = 64, groups: int = 4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = np.random.default_rng(99).normal(size=(groups, dimensions))
    labels = np.repeat(np.arange(groups), per_group)
    vectors = centres[labels] + rng.normal(scale=0.35, size=(len(labels), dimensions))
    return vectors.astype(np.float32), labels


def _purity(layout: np.ndarray, labels: np.ndarray, k: int = 10) -> float:
    """Share of each point's k nearest points in the layout that belong to its group."""
    distances = ((layout[:, None, :] - layout[None, :, :]) ** 2).sum(axis=2)
    np.fill_diagonal(distances, np.inf)
    closest = np.argsort(distances, axis=1)[:, :k]
    return float((labels[closest] == labels[:, None]).mean())


def test_nearest_neighbours_are_the_exact_cosine_ones_without_the_point_itself() -> None:
    rng = np.random.default_rng(3)
    points = rng.normal(size=(300, 8)).astype(np.float32)
    points[7] = points[5]  # a duplicate text: still a neighbour, at distance 0
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    indices, distances = nearest(points, points, 6, skip_self=True)
    cosine = 1 - points @ points.T
    np.fill_diagonal(cosine, np.inf)
    expected = np.argsort(cosine, axis=1, kind="stable")[:, :6]
    assert np.allclose(distances, np.take_along_axis(cosine, expected, axis=1), atol=1e-5)
    assert all(i not in row for i, row in enumerate(indices))
    assert indices[5, 0] == 7 and distances[5, 0] == pytest.approx(0, abs=1e-6)


def test_memberships_sum_to_log2_of_the_neighbourhood_and_the_graph_is_a_symmetric_union() -> None:
    rng = np.random.default_rng(4)
    distances = np.sort(rng.uniform(0.1, 0.9, size=(50, 14)), axis=1)
    weights = memberships(distances, nearest_connected=True)
    assert np.allclose(weights[:, 0], 1.0)  # the nearest neighbour is fully connected
    assert np.allclose(weights.sum(axis=1), np.log2(15), atol=1e-3)
    indices = np.array([[(i + j + 1) % 50 for j in range(14)] for i in range(50)])
    graph = fuzzy_graph(indices, weights)
    assert abs(graph - graph.T).max() < 1e-6
    assert graph.max() <= 1.0 + 1e-6 and graph.diagonal().max() == 0


def test_the_layout_keeps_planted_groups_apart_and_places_new_units_with_their_group() -> None:
    vectors, labels = _groups(100)
    reducer = NumpyUMAP(n_neighbors=15, n_components=5, random_state=42).fit(vectors)
    assert reducer.embedding_.shape == (400, 5) and np.isfinite(reducer.embedding_).all()
    assert _purity(reducer.embedding_, labels) > 0.97
    assert np.array_equal(reducer.transform(vectors), reducer.embedding_)
    fresh, fresh_labels = _groups(25, seed=1)
    placed = reducer.transform(fresh)
    centres = np.array([reducer.embedding_[labels == g].mean(axis=0) for g in range(4)])
    closest = np.argmin(((placed[:, None, :] - centres[None]) ** 2).sum(axis=2), axis=1)
    assert (closest == fresh_labels).mean() > 0.97


def test_the_same_seed_and_batch_give_the_same_layout_whatever_ran_before() -> None:
    vectors, _ = _groups(60)
    first = NumpyUMAP(random_state=7).fit(vectors)
    second = NumpyUMAP(random_state=7).fit(vectors)
    assert np.array_equal(first.embedding_, second.embedding_)
    fresh, _ = _groups(10, seed=2)
    other, _ = _groups(30, seed=3)
    before = first.transform(fresh)
    first.transform(other)
    assert np.array_equal(first.transform(fresh), before)
    assert not np.array_equal(NumpyUMAP(random_state=8).fit(vectors).embedding_, first.embedding_)


def test_a_graph_in_pieces_starts_from_principal_components_and_still_separates_them() -> None:
    vectors, labels = _groups(40, groups=2)
    vectors[labels == 1] *= -1  # two groups on opposite sides: with 5 neighbours no edge joins them
    reducer = NumpyUMAP(n_neighbors=5, n_components=2, random_state=1).fit(vectors)
    assert np.isfinite(reducer.embedding_).all()
    assert _purity(reducer.embedding_, labels, k=5) == 1.0


def test_topics_run_without_umap_learn_or_numba() -> None:
    """The desktop build leaves umap-learn, numba and its 142 MB compiler out: topics must work without them
    (BERTopic's plotting tries `import umap` and does without; nothing else may need it)."""
    script = """
import importlib.abc
import sys
import numpy as np

class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("umap", "numba", "llvmlite", "pynndescent"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return None

sys.meta_path.insert(0, Absent())
from workbench.suggest.topics import fit_topics_on_vectors
rng = np.random.default_rng(0)
centres = rng.normal(size=(3, 32))
vectors = np.vstack([centres[i % 3] + rng.normal(scale=0.3, size=32) for i in range(240)]).astype(np.float32)
words = ["facture montant", "colis livreur", "contrat résiliation"]
fitted = fit_topics_on_vectors([f"{words[i % 3]} numéro {i}" for i in range(240)], vectors, language="fr")
assert fitted["params"]["path"] == "UMAP + HDBSCAN (CPU)", fitted["params"]
loaded = sorted(name for name in ("umap", "numba", "llvmlite", "pynndescent") if name in sys.modules)
print(loaded, fitted["metrics"]["topics"])
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    loaded, topics = result.stdout.strip().rsplit(" ", 1)
    assert loaded == "[]" and int(topics) >= 2
