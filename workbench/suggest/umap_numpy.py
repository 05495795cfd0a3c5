"""UMAP (McInnes, Healy and Melville, 2018) in NumPy and SciPy: the reduction the CPU topic path runs
before HDBSCAN, without a JIT compiler.

Why not umap-learn: it needs numba, whose compiler llvmlite is 142 MB of the desktop build, and its
functions compile at the first topic run of every process (about 10 s here, more than the fit itself).
This module follows the algorithm of the paper with choices of its own for vectorised NumPy:
- neighbours are exact, by brute-force cosine in blocks of rows (a BLAS product): the fit never sees more
  than `topics.UMAP_SAMPLE` units, and placing a million units against 20,000 fitted ones is one large
  matrix product, a minute on two cores;
- the fuzzy graph is the paper's: per unit, the distance to its nearest neighbour (rho) and a bandwidth
  (sigma) found by bisection so that the memberships sum to log2(k); then the fuzzy union A + Aᵀ - A∘Aᵀ;
- the layout starts from the graph's spectral embedding (PCA of the vectors when the graph is not
  connected) and is optimised by the paper's cross-entropy SGD with edge sampling in proportion to the
  weights and negative sampling; instead of one edge at a time, each epoch's edges are shuffled and applied
  in chunks about as large as the number of units, so a unit rarely moves twice on stale positions;
- new units (`transform`) start at the weighted mean of their fitted neighbours and are optimised against
  the fixed map, with a generator seeded afresh on every call: a batch is placed the same whichever process
  places it, which is what lets a Ray cluster place them (`workbench.suggest.cluster`).
`bench/topics_reducer.py` measures it against umap-learn on the demo, the French development set and
banking77 (docs/BENCHMARKS.md, "UMAP without numba").
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

_BISECTION_STEPS = 64
_ROWS_PER_BLOCK = 2048  # rows of a brute-force neighbour block: 2,048 x 20,000 similarities is 160 MB
_CLIP = 4.0
_SHORTLIST = 8  # candidates beyond k that the BLAS product hands to the exact distances


def curve_parameters(min_dist: float, spread: float) -> tuple[float, float]:
    """a and b of the low-dimensional similarity 1 / (1 + a d^2b), fitted to the offset exponential the
    paper defines from `min_dist` and `spread`."""
    from scipy.optimize import curve_fit

    x = np.linspace(0, spread * 3, 300)
    y = np.where(x < min_dist, 1.0, np.exp(-(x - min_dist) / spread))
    (a, b), _ = curve_fit(lambda d, a, b: 1.0 / (1.0 + a * d ** (2 * b)), x, y)
    return float(a), float(b)


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def nearest(queries: np.ndarray, points: np.ndarray, k: int, skip_self: bool) -> tuple[np.ndarray, np.ndarray]:
    """(indices, cosine distances) of each query's k nearest points, nearest first; with `skip_self` the
    queries are the points and each one's own row is left out (a duplicate text is still a neighbour).
    The BLAS product only shortlists `_SHORTLIST` extra candidates: its last bits depend on how many threads
    computed it, so the distances kept are computed again by NumPy's own loop, the same in every process
    (a Ray worker runs one BLAS thread, this process several; the topics must not differ)."""
    wanted = min(k + _SHORTLIST, len(points) - (1 if skip_self else 0))
    indices = np.empty((len(queries), k), dtype=np.int64)
    distances = np.empty((len(queries), k), dtype=np.float32)
    for begin in range(0, len(queries), _ROWS_PER_BLOCK):
        end = min(begin + _ROWS_PER_BLOCK, len(queries))
        similarity = queries[begin:end] @ points.T
        if skip_self:
            similarity[np.arange(end - begin), np.arange(begin, end)] = -np.inf
        shortlist = np.sort(np.argpartition(-similarity, wanted - 1, axis=1)[:, :wanted], axis=1)
        exact = np.einsum("id,ijd->ij", queries[begin:end], points[shortlist])
        order = np.argsort(-exact, axis=1, kind="stable")[:, :k]  # ties: the lower index first
        indices[begin:end] = np.take_along_axis(shortlist, order, axis=1)
        distances[begin:end] = np.maximum(0.0, 1.0 - np.take_along_axis(exact, order, axis=1))
    return indices, distances


def memberships(distances: np.ndarray, nearest_connected: bool) -> np.ndarray:
    """The paper's fuzzy membership of each neighbour: exp(-(d - rho) / sigma), rho the distance to the
    nearest neighbour when `nearest_connected` (0 for new units, as they are no part of the fitted graph),
    sigma bisected so that each row sums to log2(k + 1), k neighbours plus the unit itself."""
    n, k = distances.shape
    target = np.log2(k + 1)
    rho = distances[:, 0] if nearest_connected else np.zeros(n, dtype=distances.dtype)
    excess = np.maximum(distances - rho[:, None], 0.0)
    low, high, sigma = np.zeros(n), np.full(n, np.inf), np.ones(n)
    for _ in range(_BISECTION_STEPS):
        total = np.exp(-excess / sigma[:, None]).sum(axis=1)
        above = total > target
        high = np.where(above, sigma, high)
        low = np.where(above, low, sigma)
        sigma = np.where(above, (low + high) / 2, np.where(np.isinf(high), sigma * 2, (low + high) / 2))
    # A floor, as in the paper's reference code, for units whose neighbours are all at the same distance.
    floor = 1e-3 * np.where(rho > 0, distances.mean(axis=1), distances.mean())
    sigma = np.maximum(sigma, floor)
    return np.exp(-excess / np.maximum(sigma, 1e-12)[:, None])


def fuzzy_graph(indices: np.ndarray, weights: np.ndarray) -> sparse.csr_matrix:
    """Fuzzy union of the directed neighbour memberships: an edge is there if either end sees the other."""
    n, k = indices.shape
    directed = sparse.csr_matrix((weights.ravel(), (np.repeat(np.arange(n), k), indices.ravel())), shape=(n, n))
    transposed = directed.T.tocsr()
    graph = (directed + transposed - directed.multiply(transposed)).tocsr()
    graph.eliminate_zeros()
    return graph


def _initial_layout(graph: sparse.csr_matrix, vectors: np.ndarray, dimensions: int, rng: np.random.Generator) -> np.ndarray:
    """The spectral embedding of the graph (eigenvectors of its normalised adjacency after the trivial one),
    or the vectors' first principal components when the graph falls apart into several pieces (its
    spectrum then mixes the pieces); scaled to [0, 10] as the optimisation expects."""
    from scipy.sparse.csgraph import connected_components
    from scipy.sparse.linalg import ArpackError, eigsh

    layout = None
    pieces, _ = connected_components(graph, directed=False)
    if pieces == 1 and graph.shape[0] > dimensions + 2:
        degree = np.asarray(graph.sum(axis=1)).ravel()
        scale = sparse.diags(1.0 / np.sqrt(np.maximum(degree, 1e-12)))
        adjacency = scale @ graph @ scale
        try:
            values, vectors_ = eigsh(adjacency, k=dimensions + 1, which="LA", tol=1e-4,
                                     v0=np.ones(graph.shape[0]), maxiter=graph.shape[0] * 5)
            layout = vectors_[:, np.argsort(-values)[1 : dimensions + 1]]
        except (ArithmeticError, ArpackError):
            layout = None
    if layout is None:
        centred = vectors - vectors.mean(axis=0)
        _, _, axes = np.linalg.svd(centred[: min(len(centred), 20000)], full_matrices=False)
        layout = centred @ axes[:dimensions].T
    layout = np.asarray(layout, dtype=np.float64)
    layout += rng.normal(scale=1e-4 * max(float(np.abs(layout).max()), 1e-12), size=layout.shape)
    low, high = layout.min(axis=0), layout.max(axis=0)
    return (10.0 * (layout - low) / np.maximum(high - low, 1e-12)).astype(np.float32)


def _add(target: np.ndarray, rows: np.ndarray, updates: np.ndarray) -> None:
    """target[rows] += updates with repeated rows summed (np.add.at, by bincount per column: faster)."""
    for column in range(target.shape[1]):
        target[:, column] += np.bincount(rows, weights=updates[:, column], minlength=len(target)).astype(target.dtype)


def optimise(layout: np.ndarray, reference: np.ndarray, heads: np.ndarray, tails: np.ndarray,
             weights: np.ndarray, epochs: int, a: float, b: float, negatives: int, rng: np.random.Generator,
             move_tails: bool) -> np.ndarray:
    """The paper's SGD on the fuzzy cross-entropy: each edge is sampled in proportion to its weight (the
    heaviest every epoch), pulls its head towards its tail (and the tail towards the head when `move_tails`,
    i.e. both ends are being laid out), and pushes the head away from `negatives` random points of
    `reference`; learning rate falling linearly to 0. `layout` holds the heads' positions, `reference` the
    tails' and the negatives' (the same array while fitting). Chunks of about len(layout) edges keep
    repeated updates of a row within one step rare."""
    every = weights.max() / weights  # epochs between two samples of an edge
    chunk = max(256, len(layout))
    for epoch in range(1, epochs + 1):
        alpha = 1.0 - (epoch - 1) / epochs
        due = np.flatnonzero(np.floor(epoch / every) > np.floor((epoch - 1) / every))
        due = due[rng.permutation(len(due))]
        for begin in range(0, len(due), chunk):
            edges = due[begin : begin + chunk]
            head, tail = heads[edges], tails[edges]
            difference = layout[head] - reference[tail]
            squared = (difference * difference).sum(axis=1)
            with np.errstate(divide="ignore", invalid="ignore"):
                pull = np.where(squared > 0, -2 * a * b * squared ** (b - 1) / (a * squared**b + 1), 0.0)
            step = alpha * np.clip(pull[:, None] * difference, -_CLIP, _CLIP)
            _add(layout, head, step)
            if move_tails:
                _add(reference, tail, -step)
            pushed = np.repeat(head, negatives)
            others = rng.integers(0, len(reference), len(pushed))
            difference = layout[pushed] - reference[others]
            squared = (difference * difference).sum(axis=1)
            push = np.where(squared > 0, 2 * b / ((0.001 + squared) * (a * squared**b + 1)), 0.0)
            _add(layout, pushed, alpha * np.clip(push[:, None] * difference, -_CLIP, _CLIP))
    return layout


class NumpyUMAP:
    """UMAP with the fit/transform that BERTopic and `topics.SampledUMAP` call. Cosine distance only (the
    topic path's vectors are sentence embeddings); `transform` of the very vectors fitted returns the fitted
    layout, as BERTopic's fit_transform expects."""

    def __init__(self, n_neighbors: int = 15, n_components: int = 5, min_dist: float = 0.0, spread: float = 1.0,
                 negative_sample_rate: int = 5, random_state: int = 42) -> None:
        self.n_neighbors = n_neighbors
        self.n_components = n_components
        self.min_dist = min_dist
        self.spread = spread
        self.negative_sample_rate = negative_sample_rate
        self.random_state = random_state

    def fit(self, vectors: np.ndarray, y: Any = None) -> NumpyUMAP:
        points = _unit_rows(vectors)
        n = len(points)
        k = max(1, min(self.n_neighbors, n) - 1)  # umap's n_neighbors counts the unit itself
        self.a_, self.b_ = curve_parameters(self.min_dist, self.spread)
        self.epochs_ = 500 if n <= 10000 else 200
        indices, distances = nearest(points, points, k, skip_self=True)
        graph = fuzzy_graph(indices, memberships(distances, nearest_connected=True))
        edges = graph.tocoo()
        keep = edges.data >= edges.data.max() / self.epochs_  # edges too light to be sampled once
        rng = np.random.default_rng(self.random_state)
        layout = _initial_layout(graph, points, self.n_components, rng)
        self.embedding_ = optimise(layout, layout, edges.row[keep], edges.col[keep], edges.data[keep],
                                   self.epochs_, self.a_, self.b_, self.negative_sample_rate, rng, move_tails=True)
        self.fitted_ = points
        return self

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        points = _unit_rows(vectors)
        if points.shape == self.fitted_.shape and np.array_equal(points, self.fitted_):
            return self.embedding_.copy()
        k = max(1, min(self.n_neighbors, len(self.fitted_)) - 1)
        indices, distances = nearest(points, self.fitted_, k, skip_self=False)
        weights = memberships(distances, nearest_connected=False)
        normalised = weights / np.maximum(weights.sum(axis=1, keepdims=True), 1e-12)
        layout = np.einsum("ij,ijd->id", normalised, self.embedding_[indices]).astype(np.float32)
        epochs = 100 if len(points) <= 10000 else 30
        heads, slots = np.nonzero(weights >= weights.max() / epochs)
        rng = np.random.default_rng(self.random_state)
        return optimise(layout, self.embedding_, heads, indices[heads, slots], weights[heads, slots], epochs,
                        self.a_, self.b_, self.negative_sample_rate, rng, move_tails=False)
