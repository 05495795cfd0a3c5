"""The numbers behind code suggestions: zero-shot similarity, calibration, and the few-shot classifier.

Pure numpy/scikit-learn on vectors, so `bench/suggest.py` measures exactly what the product runs.

Zero-shot: a unit's cosine similarity to a code's description vector is not comparable across codes
(a code with a long, generic definition is close to everything). Each code's similarities are therefore
standardised over the corpus (z-scores), then turned into a distribution over the codes of one scheme
with a softmax, which gives scores in [0, 1] that mean the same thing for every code.

Few-shot: with a handful of coded units per code a linear classifier on embeddings is the strongest
simple learner, but eight examples leave most of the space unmapped. The uncoded units fill the gap:
labels are propagated from the coded units over a k-nearest-neighbour graph of coded + uncoded units,
the most confident share of each code's propagated units joins training with a low weight, and a
logistic regression is fitted on the lot. On Banking77 this adds two (MiniLM) to five (e5) points of
top-1 accuracy over the plain classifier (docs/BENCHMARKS.md, ## Suggestions). Rejected suggestions enter as a
"none of these" class, so what the analyst turned down pulls scores down.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NONE = -1  # label of negative examples (rejected suggestions): "none of this scheme's codes"
# Share of each code's propagated units kept, and their training weight. Picked on a validation split of
# Banking77's train.csv (never test.csv) by `bench/suggest.py --part banking77`; docs/BENCHMARKS.md.
DEFAULT_KEEP = 0.6
DEFAULT_PSEUDO_WEIGHT = 1.0


def normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    scaled = scores / temperature
    scaled -= scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


def zero_shot(units: np.ndarray, codes: np.ndarray, temperature: float = 0.5) -> np.ndarray:
    """(n_units, n_codes) scores in [0, 1], rows summing to 1, from unit and code description vectors.
    Similarities are z-scored per code over the units when there are enough units to estimate a spread."""
    sims = normalise(units) @ normalise(codes).T
    if len(units) >= 20:
        sims = (sims - sims.mean(axis=0)) / np.maximum(sims.std(axis=0), 1e-6)
        return softmax(sims, temperature)
    return softmax(sims, 0.05)  # raw cosines: a typical temperature for cosine scores


@dataclass
class FewShotModel:
    """A fitted classifier over the codes of one scheme; `classes` holds code indexes (and NONE)."""

    classifier: object
    classes: np.ndarray
    n_pseudo: int

    def scores(self, units: np.ndarray, n_codes: int) -> np.ndarray:
        """(n_units, n_codes) probabilities; codes the classifier never saw get 0."""
        proba = self.classifier.predict_proba(normalise(units))  # type: ignore[attr-defined]
        out = np.zeros((len(units), n_codes), dtype=np.float32)
        for column, label in enumerate(self.classes):
            if label != NONE:
                out[:, label] = proba[:, column]
        return out


def _knn_graph(vectors: np.ndarray, k: int, block: int = 2048):  # type: ignore[no-untyped-def]
    """Symmetric sparse graph of each vector's k most similar others (weights: cosine cubed)."""
    from scipy import sparse

    n = len(vectors)
    k = min(k, n - 1)
    rows, cols, weights = [], [], []
    for begin in range(0, n, block):
        sims = vectors[begin : begin + block] @ vectors.T
        for offset in range(len(sims)):
            sims[offset, begin + offset] = -1.0
        nearest = np.argpartition(-sims, k, axis=1)[:, :k]
        picked = np.take_along_axis(sims, nearest, axis=1)
        rows.append(np.repeat(np.arange(begin, begin + len(sims)), k))
        cols.append(nearest.ravel())
        weights.append(np.maximum(picked.ravel(), 0.0) ** 3)
    graph = sparse.csr_matrix((np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    graph = graph + graph.T
    degree = np.asarray(graph.sum(axis=1)).ravel()
    scale = sparse.diags(1.0 / np.sqrt(np.maximum(degree, 1e-12)))
    return scale @ graph @ scale


def propagate(
    coded: np.ndarray, labels: np.ndarray, pool: np.ndarray, n_codes: int, k: int = 10, alpha: float = 0.9
) -> tuple[np.ndarray, np.ndarray]:
    """Spread code labels from coded vectors to pool vectors over a kNN graph (Zhou et al., 2004).
    Returns the pool's propagated code index and a confidence in [0, 1]."""
    vectors = normalise(np.vstack([coded, pool]))
    graph = _knn_graph(vectors, k)
    seeds = np.zeros((len(vectors), n_codes), dtype=np.float32)
    positive = labels != NONE
    seeds[np.flatnonzero(positive), labels[positive]] = 1.0
    spread = seeds.copy()
    for _ in range(20):
        spread = alpha * (graph @ spread) + (1 - alpha) * seeds
    spread = spread[len(coded) :]
    mass = spread.sum(axis=1)
    return spread.argmax(axis=1), np.where(mass > 0, spread.max(axis=1) / np.maximum(mass, 1e-12), 0.0)


def fit_few_shot(
    coded: np.ndarray,
    labels: np.ndarray,
    n_codes: int,
    pool: np.ndarray | None = None,
    *,
    keep: float = DEFAULT_KEEP,
    pseudo_weight: float = DEFAULT_PSEUDO_WEIGHT,
    c: float = 20.0,
    seed: int = 0,
) -> FewShotModel:
    """Logistic regression on coded vectors (labels: code index, or NONE for negatives), plus the most
    confident `keep` share of each code's propagated pool units at weight `pseudo_weight`."""
    from sklearn.linear_model import LogisticRegression

    x, y = normalise(coded), np.asarray(labels)
    weights = np.ones(len(y), dtype=np.float32)
    n_pseudo = 0
    if pool is not None and len(pool) > 1 and (y != NONE).any():
        guess, confidence = propagate(x, y, pool, n_codes)
        chosen = []
        for code in np.unique(y[y != NONE]):
            members = np.flatnonzero(guess == code)
            best = members[np.argsort(-confidence[members])][: int(len(members) * keep)]
            chosen.append(best)
        picked = np.concatenate(chosen) if chosen else np.zeros(0, dtype=int)
        n_pseudo = len(picked)
        x = np.vstack([x, normalise(pool[picked])])
        y = np.concatenate([y, guess[picked]])
        weights = np.concatenate([weights, np.full(n_pseudo, pseudo_weight, dtype=np.float32)])
    classifier = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    classifier.fit(x, y, sample_weight=weights)
    return FewShotModel(classifier, classifier.classes_, n_pseudo)


def blend_weight(coded: np.ndarray, labels: np.ndarray, zero_on_coded: np.ndarray, c: float = 20.0) -> float:
    """How much to trust the classifier over zero-shot, measured on the analyst's own codings: zero-shot
    accuracy on the coded units (it never saw their labels) against the classifier's 3-fold
    cross-validated accuracy. A rich codebook beats five examples; a bare list of names loses to eight."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    positive = labels != NONE
    x, y = normalise(coded[positive]), labels[positive]
    if len(y) < 6 or len(np.unique(y)) < 2:
        return 0.5
    zero_accuracy = float((zero_on_coded[positive].argmax(axis=1) == y).mean())
    hits = 0
    for train, test in KFold(3, shuffle=True, random_state=0).split(x):
        if len(np.unique(y[train])) < 2:
            continue
        model = LogisticRegression(C=c, max_iter=2000).fit(x[train], y[train])
        hits += int((model.predict(x[test]) == y[test]).sum())
    classifier, zero = (hits / len(y)) ** 2, zero_accuracy**2  # squared: the better one clearly leads
    return float(np.clip(classifier / max(classifier + zero, 1e-6), 0.1, 0.9))


def blend(few_shot: np.ndarray, zero: np.ndarray | None, trained: np.ndarray, weight: float = 0.8) -> np.ndarray:
    """Codes with a classifier (`trained` mask over codes): weight x classifier + rest x zero-shot.
    Codes without one keep their zero-shot score, so a new code still gets suggestions."""
    if zero is None:
        return few_shot
    mixed = zero.copy()
    mixed[:, trained] = weight * few_shot[:, trained] + (1 - weight) * zero[:, trained]
    return mixed
