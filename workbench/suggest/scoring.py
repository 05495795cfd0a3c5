"""The numbers behind code suggestions: zero-shot similarity and the label-propagation classifier.

Pure numpy/scikit-learn on vectors: `similarities`, `centred`, `normalise` and `fit_few_shot` (the
`propagation` candidate that `evidence.py` weighs against the others on each project's codings).

Zero-shot: a unit's cosine similarity to a code's description vector is not comparable across codes
(a code with a long, generic definition is close to everything). Each code's similarities are therefore
standardised over the corpus (z-scores), then turned into a distribution over the codes of one scheme
with a softmax, which gives scores in [0, 1] that mean the same thing for every code.

Few-shot: with a handful of coded units per code a linear classifier on embeddings is the strongest
simple learner, but eight examples leave most of the space unmapped. The uncoded units fill the gap:
vectors are centred on the corpus mean, labels are propagated from the coded units over a
k-nearest-neighbour graph of coded + uncoded units, the most confident share of each code's propagated
units joins training, and a logistic regression is fitted on the lot. When that classifier is right on
at least 65 % of the analyst's own codings (cross-validated), two more rounds re-propagate from its
confident predictions. When the project has a second semantic model that understands its language (English:
MiniLM and e5), both models' vectors build the graph together and each gets its own classifier, whose
probabilities are averaged.
Every step and parameter was picked on a validation split of Banking77's train.csv, among the variants
that do not lose on the French demo corpus (docs/BENCHMARKS.md, ## Suggestions). Rejected suggestions enter as a "none of these" class,
so what the analyst turned down pulls scores down.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

NONE = -1  # label of negative examples (rejected suggestions): "none of this scheme's codes"
# Share of each code's propagated units kept, and their training weight. Picked on a validation split of
# Banking77's train.csv (never test.csv) by v3's benchmark (docs/BENCHMARKS.md, "v3 selection").
DEFAULT_KEEP = 0.6
DEFAULT_PSEUDO_WEIGHT = 1.0
# Centring and the re-propagation rounds: picked the same way, among the variants that did not lose to the
# previous method on the French demo corpus (docs/BENCHMARKS.md, v3).
DEFAULT_CENTRE = True
DEFAULT_GROW: tuple[float, ...] = (0.8, 1.0)
# The rounds spread the classifier's own predictions, so they only run when it is clearly right on the
# analyst's codings (3-fold CV accuracy, best view). Measured (docs/BENCHMARKS.md): on Banking77 MiniLM's
# CV accuracy is 0.71-0.76 and the rounds gain 1-2 points; on the French demo schemes, from 5 to 22
# coded documents per code, it is 0.09-0.61 and the rounds cost 1.5-7 points. The gate sits between.
GROW_MIN_ACCURACY = 0.65


def normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    scaled = scores / temperature
    scaled -= scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


# Similarities z-scored per code over the units sharpen best at this softmax temperature; with too few
# units to estimate a spread, raw cosines are used with a temperature typical of cosine scores.
ZERO_SHOT_TEMPERATURE = 0.5
RAW_COSINE_TEMPERATURE = 0.05
MIN_UNITS_TO_STANDARDISE = 20


def similarities(units: np.ndarray, codes: np.ndarray, standardise: bool) -> np.ndarray:
    """Cosines of units to code descriptions, z-scored per code over the units when `standardise`: a code
    whose description is close to everything must not win everywhere."""
    sims = normalise(units) @ normalise(codes).T
    if standardise:
        sims = (sims - sims.mean(axis=0)) / np.maximum(sims.std(axis=0), 1e-6)
    return sims


def zero_shot_temperature(standardised: bool) -> float:
    return ZERO_SHOT_TEMPERATURE if standardised else RAW_COSINE_TEMPERATURE


@dataclass
class FewShotModel:
    """A fitted classifier over the codes of one scheme; `classes` holds code indexes (and NONE).
    `classifiers` and `centres` hold one classifier, and the corpus mean its vectors are shifted by, per
    semantic view (the main model first, then the companion models); their probabilities are averaged.
    `rounds` counts the re-propagation rounds run, `accuracy` is the CV accuracy that decided them."""

    classifiers: list[object]
    classes: np.ndarray
    n_pseudo: int
    centres: list[np.ndarray | None]
    rounds: int = 0
    accuracy: float | None = None

    def scores(self, units: np.ndarray, n_codes: int, companion_units: Sequence[np.ndarray] = ()) -> np.ndarray:
        """(n_units, n_codes) probabilities; codes the classifier never saw get 0. `companion_units`: the
        same units' vectors from each companion model the model was fitted with."""
        views = [units, *companion_units]
        if len(views) != len(self.classifiers):
            raise ValueError(f"this model was fitted on {len(self.classifiers)} semantic views; {len(views)} given")
        return np.mean([_code_columns(classifier, centred(view, centre), n_codes)
                        for classifier, view, centre in zip(self.classifiers, views, self.centres)], axis=0)


def _code_columns(classifier: object, x: np.ndarray, n_codes: int) -> np.ndarray:
    proba = classifier.predict_proba(x)  # type: ignore[attr-defined]
    out = np.zeros((len(x), n_codes), dtype=np.float32)
    for column, label in enumerate(classifier.classes_):  # type: ignore[attr-defined]
        if label != NONE:
            out[:, label] = proba[:, column]
    return out


def centred(vectors: np.ndarray, centre: np.ndarray | None) -> np.ndarray:
    """Normalised vectors shifted by the corpus mean and normalised again. Sentence embeddings share a
    large common direction; removing it spreads the units out, which helps the neighbour graph and the
    classifier alike (+0.8 to +0.9 points on the Banking77 validation split, docs/BENCHMARKS.md)."""
    vectors = normalise(vectors)
    return vectors if centre is None else normalise(vectors - centre)


@dataclass(frozen=True)
class CentredRows:
    """The rows of `vectors` centred on `centre` (`centred`), computed as they are read: a second view of
    every unit's vector without a second copy of them all (1.5 GB for a million units of 384 dimensions)."""

    vectors: np.ndarray
    centre: np.ndarray

    def __getitem__(self, rows: Any) -> np.ndarray:
        return centred(self.vectors[rows], self.centre)


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


def _spread(graph, nodes: np.ndarray, labels: np.ndarray, n_codes: int, alpha: float = 0.9):  # type: ignore[no-untyped-def]
    """Label spreading (Zhou et al., 2004) from labelled graph `nodes`: each node's code index and a
    confidence in [0, 1] (its share of the spread mass)."""
    seeds = np.zeros((graph.shape[0], n_codes), dtype=np.float32)
    seeds[nodes, labels] = 1.0
    spread = seeds.copy()
    for _ in range(20):
        spread = alpha * (graph @ spread) + (1 - alpha) * seeds
    mass = spread.sum(axis=1)
    return spread.argmax(axis=1), np.where(mass > 0, spread.max(axis=1) / np.maximum(mass, 1e-12), 0.0)


def _most_confident(guess: np.ndarray, confidence: np.ndarray, codes: np.ndarray, share: float) -> np.ndarray:
    """Indexes of the most confident `share` of each code's units (per code, so rare codes keep theirs)."""
    chosen = [np.zeros(0, dtype=int)]
    for code in codes:
        members = np.flatnonzero(guess == code)
        chosen.append(members[np.argsort(-confidence[members], kind="stable")][: int(len(members) * share)])
    return np.concatenate(chosen)


def fit_few_shot(
    coded: np.ndarray,
    labels: np.ndarray,
    n_codes: int,
    pool: np.ndarray | None = None,
    *,
    companions: Sequence[tuple[np.ndarray, np.ndarray | None]] = (),
    keep: float = DEFAULT_KEEP,
    pseudo_weight: float = DEFAULT_PSEUDO_WEIGHT,
    centre: bool = DEFAULT_CENTRE,
    grow: tuple[float, ...] = DEFAULT_GROW,
    grow_gate: float = GROW_MIN_ACCURACY,
    c: float = 20.0,
    seed: int = 0,
) -> FewShotModel:
    """Logistic regressions on coded vectors (labels: code index, or NONE for negatives) and pseudo-labelled
    pool units, one per semantic view: the main one (`coded`, `pool`) and each of `companions` ((coded,
    pool) vectors of the same units from another model). Vectors are first centred on the mean of coded +
    pool units of their view when `centre`. Then:

    1. labels spread from the coded units over a neighbour graph of coded + pool units (similarity: the
       mean of the views' cosines); the most confident `keep` share of each code's pool units joins
       training at weight `pseudo_weight`; each view's classifier is fitted, their probabilities averaged;
    2. for each share in `grow`, when the plain classifier's cross-validated accuracy on the coded units
       (best view) reaches `grow_gate`: the model's scores on the pool pick that share of each code's most
       confident pool units;
       labels spread again from the coded units plus these, over the same graph, and the classifiers are
       refitted on that share of the new spread. Each round seeds the graph from a wider, mostly right
       base, so units far from the examples get labels too; with a classifier that is mostly wrong it
       would spread wrong labels, hence the gate.
    """
    from sklearn.linear_model import LogisticRegression

    y = np.asarray(labels)
    views = [(coded, pool), *companions]
    has_pool = pool is not None and len(pool) >= 2
    middles: list[np.ndarray | None] = []
    for view_coded, view_pool in views:
        if not centre:
            middles.append(None)
        elif has_pool and view_pool is not None:
            middles.append(normalise(np.vstack([view_coded, view_pool])).mean(axis=0))
        else:
            middles.append(normalise(view_coded).mean(axis=0))
    xs = [centred(view_coded, middle) for (view_coded, _), middle in zip(views, middles)]

    def fit(x_view: np.ndarray, extra_view: np.ndarray, extra: np.ndarray, extra_labels: np.ndarray):  # type: ignore[no-untyped-def]
        weights = np.concatenate([np.ones(len(y)), np.full(len(extra), pseudo_weight)]).astype(np.float32)
        classifier = LogisticRegression(C=c, max_iter=3000, random_state=seed)
        return classifier.fit(np.vstack([x_view, extra_view[extra]]), np.concatenate([y, extra_labels]),
                              sample_weight=weights)

    codes = np.unique(y[y != NONE])
    if not has_pool or not len(codes):
        classifiers = [fit(x, x, np.zeros(0, dtype=int), np.zeros(0, dtype=y.dtype)) for x in xs]
        return FewShotModel(classifiers, classifiers[0].classes_, 0, middles)
    pools = [centred(view_pool, middle) for (_, view_pool), middle in zip(views, middles)]
    together = np.hstack([np.vstack([x, x_pool]) for x, x_pool in zip(xs, pools)]) / np.sqrt(len(views))
    graph = _knn_graph(together, 10)
    positive = np.flatnonzero(y != NONE)

    def fit_views(picked: np.ndarray, picked_labels: np.ndarray) -> FewShotModel:
        classifiers = [fit(x, x_pool, picked, picked_labels) for x, x_pool in zip(xs, pools)]
        return FewShotModel(classifiers, classifiers[0].classes_, len(picked), middles)

    guess, confidence = (part[len(y) :] for part in _spread(graph, positive, y[positive], n_codes))
    picked = _most_confident(guess, confidence, codes, keep)
    model = fit_views(picked, guess[picked])

    accuracy = _best(cross_validated_accuracy(view_coded, y, c) for view_coded, _ in views) if grow else None
    rounds = grow if accuracy is not None and accuracy >= grow_gate else ()
    for share in rounds:
        scores = np.mean([_code_columns(classifier, x_pool, n_codes)
                          for classifier, x_pool in zip(model.classifiers, pools)], axis=0)
        sure = _most_confident(scores.argmax(axis=1), scores.max(axis=1), codes, share)
        nodes = np.concatenate([positive, len(y) + sure])
        node_labels = np.concatenate([y[positive], scores[sure].argmax(axis=1)])
        guess, confidence = (part[len(y) :] for part in _spread(graph, nodes, node_labels, n_codes))
        picked = _most_confident(guess, confidence, codes, share)
        model = fit_views(picked, guess[picked])
    model.rounds, model.accuracy = len(rounds), accuracy
    return model


def cross_validated_accuracy(coded: np.ndarray, labels: np.ndarray, c: float = 20.0) -> float | None:
    """The plain classifier's 3-fold cross-validated accuracy on the analyst's codings (negatives left
    out), or None when there are too few codings to tell."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    positive = labels != NONE
    x, y = normalise(coded[positive]), labels[positive]
    if len(y) < 6 or len(np.unique(y)) < 2:
        return None
    hits = 0
    for train, test in KFold(3, shuffle=True, random_state=0).split(x):
        if len(np.unique(y[train])) < 2:
            continue
        model = LogisticRegression(C=c, max_iter=2000).fit(x[train], y[train])
        hits += int((model.predict(x[test]) == y[test]).sum())
    return hits / len(y)


def _best(accuracies: Iterable[float | None]) -> float | None:
    return max((accuracy for accuracy in accuracies if accuracy is not None), default=None)
