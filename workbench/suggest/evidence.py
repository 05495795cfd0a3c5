"""What to trust, measured on the analyst's own codings: which method decides, how sure a score is, which
threshold files suggestions at a stated precision, what to code next.

Why measure instead of fixing the method: on English intents a classifier on sentence vectors wins; on
French relationship forms, word overlap beats it; with two coded examples per code the codebook's own
definitions often beat both. No single method wins every project, so each run cross-validates the
candidates on the coded units (repeated stratified folds; with two examples per code, each fold holds out
one example of every code) and blends them halfway between the weights that did best out of fold and
an even share for each candidate that beats chance (`FOLLOW_FOLDS`: the best out of fold is partly luck
with a few dozen codings). The same
out-of-fold predictions calibrate the scores (Platt scaling of the top score: 0.8 means right about 80 %
of the time on these codings) and give each code its measured reliability.

Candidates (`CANDIDATES`): `zero-shot` (similarity to the code's name, definition, indicators and
examples, no fitting), `description words` (the same texts matched word for word, through the lexical
view: the telling word a meaning match passes over), `semantic` (logistic regression on each semantic
model's centred vectors, averaged over models), `lexical` (logistic regression on the sparse TF-IDF of
words and character n-grams, `lexical.LexicalView`). Rejected suggestions enter training as the NONE
class but are never scored.

Self-training (`SelfTraining`): the blend then scores the uncoded units, the surest half of the units it
gives each code are learnt as examples of that code, and the classifiers are fitted again. A handful of
examples per code covers few of the words customers use for a reason; the blend's surest units bring more
of them. It is kept only when it is right more often out of fold on the project's own codings.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise, product
from typing import Any

import numpy as np

NONE = -1
CANDIDATES = ("zero-shot", "description words", "semantic", "lexical", "propagation")
# The candidates that read only the codebook, not the analyst's codings.
FROM_DESCRIPTION = ("zero-shot", "description words")
# Uncoded units `propagation` spreads labels over, in the final fit and in every cross-validation fold
# alike (a sample above this): judged on a smaller pool than it is used with, it looked weaker than it is.
POOL = 20000
C_SEMANTIC = 20.0
C_LEXICAL = 20.0
BLEND_STEP = 0.1
# The share of the blend that follows the folds; the rest is shared evenly by the candidates that beat
# chance out of fold. With a few dozen coded units many blends are within a unit or two of the best out of
# fold, so the best is partly luck (the winner's curse), and its weights swing from one draw of examples
# to the next. Development set, 2 to 20 coded per code, and Banking77 (docs/BENCHMARKS.md, session 19):
# halfway to the even blend was right more often at every size than the best blend alone.
FOLLOW_FOLDS = 0.5
MAX_REPEATS = 3
fits: Counter[str] = Counter()  # logistic regressions fitted, per candidate: what a cached re-run must not add
# Self-training learns, of the uncoded units the blend gives each code, the surest share, at most
# `SELF_TOTAL` units over all codes (and `SELF_MIN_CAP` per code), so that every refit stays quick in
# large projects and with many codes. Development set, 2 to 10 coded per code (docs/BENCHMARKS.md):
# shares of 0.4 to 0.6 all gained, 1.0 gained nothing, a second round lost.
SELF_SHARE = 0.5
SELF_TOTAL = 1000
SELF_MIN_CAP = 10


@dataclass
class Views:
    """Everything the candidates score from, for all units of a run: `zero` (n_units, n_codes) zero-shot
    scores over the codes that have examples, `semantic` centred vectors per model, `lexical` the sparse
    TF-IDF matrix (or None). `anchors`: per classifier ('semantic': one matrix per model, 'lexical': one
    matrix), each code's description as one more training row of that code, so that what the codebook
    says still counts when a code has two examples. `pool`: the uncoded rows, which `propagation` spreads
    labels over (None: no such candidate). `graph`: what that spreading reads, per model (rows of the whole
    units' centred vectors, `scoring.CentredRows`); empty: `semantic`. The classifiers read units through
    the sentences about the scheme (`SentenceView.focused`); the neighbour graph built on those views spread
    labels that cost the blend 2 points on contact reasons with 2 coded per code (docs/BENCHMARKS.md)."""

    zero: np.ndarray
    semantic: list[np.ndarray]
    lexical: Any = None
    anchors: dict[str, Any] = field(default_factory=dict)
    pool: np.ndarray | None = None
    described: np.ndarray | None = None
    graph: list[Any] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [name for name in CANDIDATES
                if name == "zero-shot" or (name == "semantic" and self.semantic)
                or (name == "description words" and self.described is not None)
                or (name == "lexical" and self.lexical is not None and self.lexical.shape[1] > 0)
                or (name == "propagation" and self.semantic and self.pool is not None and len(self.pool) > 1)]


def _logistic(name: str, x: Any, y: np.ndarray, c: float) -> RowSpaceLogistic:
    fits[name] += 1
    return RowSpaceLogistic(c).fit(x, y)


class RowSpaceLogistic:
    """L2-regularised logistic regression fitted in the span of its training rows. The optimum of the
    penalised loss lies in that span, so fitting on the rows' coordinates in it (from the eigenvectors of
    their Gram matrix) gives the same model as on the original features, for a fraction of the time when
    there are far fewer examples than features: seconds become tens of milliseconds on TF-IDF views."""

    def __init__(self, c: float) -> None:
        self.c = c

    def fit(self, x: Any, y: np.ndarray) -> RowSpaceLogistic:
        from sklearn.linear_model import LogisticRegression

        self.train = x
        if x.shape[0] >= x.shape[1]:  # more examples than features: the span is the whole space
            self.basis = None
            self.model = LogisticRegression(C=self.c, max_iter=3000).fit(x, y)
            self.classes_ = self.model.classes_
            return self
        gram = _dense(x @ x.T)
        values, vectors = np.linalg.eigh(gram)
        keep = values > max(values.max(), 1e-12) * 1e-9
        self.basis = vectors[:, keep] / np.sqrt(values[keep])  # maps x @ train.T to coordinates in the span
        self.model = LogisticRegression(C=self.c, max_iter=3000).fit(gram @ self.basis, y)
        self.classes_ = self.model.classes_
        return self

    def predict_proba(self, x: Any) -> np.ndarray:
        if self.basis is None:
            return self.model.predict_proba(x)
        return self.model.predict_proba(_dense(x @ self.train.T) @ self.basis)

    @cached_property
    def coef_(self) -> np.ndarray:
        """Coefficients over the original features (for explanations, `lexical.weighing_words`), computed
        once: each computation is a product over the whole vocabulary."""
        if self.basis is None:
            return np.asarray(self.model.coef_)
        return np.asarray(self.train.T @ (self.basis @ self.model.coef_.T)).T


def _dense(matrix: Any) -> np.ndarray:
    return np.asarray(matrix.toarray() if hasattr(matrix, "toarray") else matrix, dtype=np.float64)


def _columns(model: Any, x: Any, n_codes: int) -> np.ndarray:
    proba = model.predict_proba(x)
    out = np.zeros((x.shape[0], n_codes), dtype=np.float64)
    for column, label in enumerate(model.classes_):
        if label != NONE:
            out[:, label] = proba[:, column]
    return out


def predict(name: str, views: Views, train: np.ndarray, labels: np.ndarray, test: np.ndarray | None,
            n_codes: int, models: dict[str, Any] | None = None) -> np.ndarray:
    """Candidate `name` trained on rows `train` (labels: code index or NONE), scores of rows `test` (all
    rows when None), shape (len(test), n_codes). `models` receives the fitted lexical classifier, whose
    coefficients explain suggestions."""
    test = np.arange(views.zero.shape[0]) if test is None else test
    if name == "zero-shot":
        return views.zero[test].astype(np.float64)
    if name == "description words":
        assert views.described is not None
        return views.described[test].astype(np.float64)
    if len(np.unique(labels)) < 2 and not views.anchors:  # one class: the classifier can only say that class
        out = np.zeros((len(test), n_codes))
        if labels[0] != NONE:
            out[:, labels[0]] = 1.0
        return out
    if name == "propagation":
        return _propagated(views, train, labels, test, n_codes)
    if name == "semantic":
        anchors = views.anchors.get("semantic") or [None] * len(views.semantic)
        return np.mean([_columns(_logistic(name, *_with_anchor(view[train], labels, anchor), C_SEMANTIC),
                                 view[test], n_codes) for view, anchor in zip(views.semantic, anchors)], axis=0)
    model = _logistic(name, *_with_anchor(views.lexical[train], labels, views.anchors.get("lexical")), C_LEXICAL)
    if models is not None:
        models[name] = model
    return _columns(model, views.lexical[test], n_codes)


def _propagated(views: Views, train: np.ndarray, labels: np.ndarray, test: np.ndarray, n_codes: int) -> np.ndarray:
    """`scoring.fit_few_shot` (labels spread over a neighbour graph of coded and uncoded units, the
    confident ones learnt too, re-propagation rounds when the classifier is clearly right) trained on
    `train`, scores of `test`. In a fold the pool is the uncoded rows plus the held-out ones, as uncoded
    units are in a project; it is sampled above `POOL` rows for time, the same size in a fold as in the
    final fit, so that the cross-validation weighs the candidate the project will get."""
    from workbench.suggest import scoring

    pool = _pool(views, train, test)
    fits["propagation"] += 1
    main, *others = views.graph or views.semantic
    model = scoring.fit_few_shot(main[train], labels, n_codes, main[pool],
                                 companions=[(other[train], other[pool]) for other in others])
    return model.scores(main[test], n_codes, [other[test] for other in others]).astype(np.float64)


def _with_anchor(x: Any, labels: np.ndarray, anchor: Any) -> tuple[Any, np.ndarray]:
    if anchor is None:
        return x, labels
    from scipy import sparse

    stacked = sparse.vstack([x, anchor]).tocsr() if sparse.issparse(x) else np.vstack([x, anchor])
    return stacked, np.concatenate([labels, np.arange(anchor.shape[0])])


def folds(labels: np.ndarray, seed: int = 0, repeats: int | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Repeated stratified folds over coded rows (positions in `labels`): as many folds as the rarest
    tested code has examples (2 to 5), each code's examples dealt round-robin after a shuffle. Codes with
    one example and the NONE rows are always trained on, never tested. Fewer repeats on large sets."""
    counts = Counter(int(label) for label in labels if label != NONE)
    tested = [label for label, count in counts.items() if count >= 2]
    if len(tested) < 2:
        return []
    k = min(5, min(counts[label] for label in tested))
    repeats = repeats or max(1, min(MAX_REPEATS, 600 // max(len(labels), 1)))
    rng = np.random.default_rng(seed)
    result = []
    for _ in range(repeats):
        fold_of = np.full(len(labels), -1)
        for label in tested:
            members = rng.permutation(np.flatnonzero(labels == label))
            fold_of[members] = (np.arange(len(members)) + rng.integers(k)) % k
        for fold in range(k):
            result.append((np.flatnonzero(fold_of != fold), np.flatnonzero(fold_of == fold)))
    return result


def out_of_fold(views: Views, rows: np.ndarray, labels: np.ndarray, n_codes: int,
                splits: list[tuple[np.ndarray, np.ndarray]]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """(scores per candidate, tested positions): each tested coded row's scores from models that never saw
    it, averaged over the repeats."""
    tested = np.unique(np.concatenate([test for _, test in splits])) if splits else np.zeros(0, dtype=int)
    result = {}
    for name in views.names:
        total = np.zeros((len(labels), n_codes))
        times = np.zeros(len(labels))
        for train, test in splits:
            total[test] += predict(name, views, rows[train], labels[train], rows[test], n_codes)
            times[test] += 1
        result[name] = total[tested] / times[tested, None]
    return result, tested


def surest(scores: np.ndarray, rows: np.ndarray, share: float = SELF_SHARE) -> tuple[np.ndarray, np.ndarray]:
    """(rows, codes) to learn as pseudo-examples: of `rows` (with blend `scores`), for each code the `share`
    of the rows whose top code it is (within the caps), most confident first."""
    cap = max(SELF_MIN_CAP, SELF_TOTAL // max(scores.shape[1], 1))
    top, confidence = scores.argmax(axis=1), scores.max(axis=1) / np.maximum(scores.sum(axis=1), 1e-12)
    picked = []
    for code in np.unique(top):
        members = np.flatnonzero(top == code)
        picked.append(members[np.argsort(-confidence[members], kind="stable")][: min(cap, round(share * len(members)))])
    chosen = np.sort(np.concatenate(picked)) if picked else np.zeros(0, dtype=int)
    return rows[chosen], top[chosen]


def self_trained(views: Views, train: np.ndarray, labels: np.ndarray, test: np.ndarray | None, n_codes: int,
                 seed_weights: dict[str, float], pool: np.ndarray, names: Sequence[str],
                 models: dict[str, Any] | None = None) -> dict[str, np.ndarray]:
    """Candidates `names`' scores of rows `test` (all rows when None) after self-training: the blend with
    `seed_weights`, trained on `train`, scores the `pool` rows; its surest ones (`surest`) join the training
    rows with the code it gave them."""
    seeds = blend({name: predict(name, views, train, labels, pool, n_codes)
                   for name, weight in seed_weights.items() if weight > 0}, seed_weights)
    extra, extra_labels = surest(seeds, pool)
    rows, all_labels = np.concatenate([train, extra]), np.concatenate([labels, extra_labels])
    return {name: predict(name, views, rows, all_labels, test, n_codes, models) for name in names}


def _pool(views: Views, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """The rows a fold treats as uncoded: the project's uncoded rows and the fold's held-out ones, sampled
    above `POOL` as `propagation` samples them."""
    assert views.pool is not None
    pool = np.setdiff1d(np.union1d(views.pool, test), train)
    if len(pool) > POOL:
        pool = np.sort(np.random.default_rng(0).choice(pool, POOL, replace=False))
    return pool


def blend(scores: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    mixed = sum(weight * scores[name] for name, weight in weights.items() if weight > 0)
    return np.asarray(mixed, dtype=np.float64)


def choose_weights(oof: dict[str, np.ndarray], truth: np.ndarray) -> dict[str, float]:
    """The blend a run uses: `FOLLOW_FOLDS` of the blend right most often out of fold (`best_on_folds`),
    the rest shared evenly by the candidates that beat chance out of fold (always naming the commonest
    code): the prior that each counts the same, except one that has shown it knows nothing here, such as
    the description of codes named "Motif 1" and "Motif 2"."""
    best = best_on_folds(oof, truth)
    chance = max(Counter(truth.tolist()).values()) / len(truth)
    useful = [name for name, scores in oof.items() if float((scores.argmax(axis=1) == truth).mean()) > chance]
    if not useful:
        return best
    even = (1 - FOLLOW_FOLDS) / len(useful)
    return {name: round(FOLLOW_FOLDS * weight + (even if name in useful else 0.0), 4) for name, weight in best.items()}


def best_on_folds(oof: dict[str, np.ndarray], truth: np.ndarray) -> dict[str, float]:
    """The blend of the candidates that is right most often out of fold (grid of `BLEND_STEP` over the
    weights summing to 1), ties broken by log-loss, then by the most even blend: with a handful of examples
    many blends tie, and the even one is the least fitted to them."""
    names = list(oof)
    steps = round(1 / BLEND_STEP)
    best: tuple[float, float, float] | None = None
    chosen: dict[str, float] = {}
    for grid in product(range(steps + 1), repeat=len(names)):
        if sum(grid) != steps:
            continue
        weights = {name: step / steps for name, step in zip(names, grid)}
        mixed = blend(oof, weights)
        accuracy = float((mixed.argmax(axis=1) == truth).mean())
        right = mixed[np.arange(len(truth)), truth] / np.maximum(mixed.sum(axis=1), 1e-12)
        loss = float(-np.log(np.clip(right, 1e-6, 1)).mean())
        key = (accuracy, -loss, -float(np.var(list(weights.values()))))
        if best is None or key > best:
            best, chosen = key, weights
    return chosen


@dataclass
class Calibration:
    """Platt scaling of a run's top scores: `a * logit(score) + b` through a sigmoid, fitted on whether
    the out-of-fold top code was right. With too few or one-sided outcomes, or when higher scores were
    not more often right, it falls back to the observed share right (Laplace-smoothed) for every score:
    honest, if uninformative."""

    a: float = 0.0
    b: float = 0.0
    n: int = 0
    curve: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def fit(cls, top: np.ndarray, correct: np.ndarray) -> Calibration:
        n = len(top)
        right = int(np.sum(correct))
        if n < 6 or right in (0, n):
            rate = (right + 1) / (n + 2)
            calibration = cls(0.0, float(np.log(rate / (1 - rate))), n)
        else:
            slope, intercept = platt(_logit(top), correct)
            if slope > 0:
                calibration = cls(slope, intercept, n)
            else:  # higher scores were not more often right: no ranking to trust, only the overall rate
                rate = (right + 1) / (n + 2)
                calibration = cls(0.0, float(np.log(rate / (1 - rate))), n)
        calibration.curve = calibration.reliability(top, correct)
        return calibration

    def __call__(self, scores: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(self.a * _logit(scores) + self.b)))

    def reliability(self, top: np.ndarray, correct: np.ndarray, edges: Sequence[float] = (0, .2, .4, .6, .8, 1.01)
                    ) -> list[dict[str, Any]]:
        """The calibration curve on the out-of-fold points: per band of calibrated score, how many, the mean
        score and the share right."""
        calibrated = self(top)
        bands = []
        for low, high in pairwise(edges):
            inside = (calibrated >= low) & (calibrated < high)
            if inside.any():
                bands.append({"from": low, "to": min(high, 1.0), "n": int(inside.sum()),
                              "score": round(float(calibrated[inside].mean()), 3),
                              "right": round(float(correct[inside].mean()), 3)})
        return bands


def platt(x: np.ndarray, outcome: np.ndarray, c: float = 1.0) -> tuple[float, float]:
    """(slope, intercept) of the logistic regression of `outcome` (bools) on one feature `x`, the slope
    L2-penalised as scikit-learn's `LogisticRegression(C=c)` penalises it, by Newton's method: two
    parameters need no solver, and a re-run that reads its fit back then imports no scikit-learn (about
    2 s of a cached run's CPU)."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(outcome, dtype=np.float64)
    design = np.column_stack([x, np.ones_like(x)])
    penalty = np.diag([1.0 / c, 0.0])

    def loss(theta: np.ndarray) -> float:
        margin = design @ theta
        return float(np.sum(np.logaddexp(0, margin) - y * margin) + 0.5 * theta @ penalty @ theta)

    theta = np.zeros(2)
    for _ in range(100):
        p = 1 / (1 + np.exp(-(design @ theta)))
        gradient = design.T @ (p - y) + penalty @ theta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        current = loss(theta)
        while loss(theta - step) > current and np.abs(step).max() > 1e-12:  # a Newton step can overshoot
            step /= 2
        theta = theta - step
        if np.abs(step).max() < 1e-10:
            break
    return float(theta[0]), float(theta[1])


def _logit(scores: np.ndarray) -> np.ndarray:
    clipped = np.clip(np.asarray(scores, dtype=np.float64), 1e-4, 1 - 1e-4)
    return np.log(clipped / (1 - clipped))


def threshold_for(precision: float, calibrated: np.ndarray, correct: np.ndarray) -> float | None:
    """The lowest calibrated score at which the out-of-fold suggestions scoring at least that much are
    right at `precision` or better; None when no share of them reaches it."""
    order = np.argsort(-calibrated, kind="stable")
    running = np.cumsum(correct[order]) / np.arange(1, len(order) + 1)
    good = np.flatnonzero(running >= precision)
    return float(calibrated[order][good[-1]]) if len(good) else None


def per_code(predicted: np.ndarray, truth: np.ndarray, n_codes: int) -> list[dict[str, Any]]:
    """Each code's measured reliability out of fold: how often a suggestion of it was right (precision), how
    many of its examples were found (recall), on how many examples."""
    result = []
    for code in range(n_codes):
        said = predicted == code
        has = truth == code
        result.append({"precision": round(float((truth[said] == code).mean()), 3) if said.any() else None,
                       "recall": round(float((predicted[has] == code).mean()), 3) if has.any() else None,
                       "tested": int(has.sum())})
    return result


@dataclass
class SelfTraining:
    """Self-training as a run uses it: the blend that picks the pseudo-examples (`seed_weights`, the blend
    cross-validation chose before self-training, less `propagation`), the out-of-fold accuracy with and
    without it, and the share of each code's uncoded units it learnt (recorded, so that what a run
    reports is what it did)."""

    seed_weights: dict[str, float]
    accuracy: float
    without: float
    share: float = SELF_SHARE


@dataclass
class Evidence:
    """What the cross-validation of one run established: blend weights, calibration, per-code reliability,
    out-of-fold accuracy of each candidate and of the blend, and the out-of-fold top scores and outcomes
    that set the threshold for a target precision. With `self_training`, all of these describe the blend
    of the self-trained candidates."""

    weights: dict[str, float]
    calibration: Calibration
    reliability: list[dict[str, Any]]
    accuracy: dict[str, float]
    tested: int

    oof_top: np.ndarray = field(default_factory=lambda: np.zeros(0))
    oof_correct: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    key: str = ""  # what it was measured on (`fingerprint`): a later run on the same reuses it
    self_training: SelfTraining | None = None

    def scores(self, views: Views, rows: np.ndarray, labels: np.ndarray, n_codes: int,
               models: dict[str, Any] | None = None) -> np.ndarray:
        """The blend's scores of every row, rows summing to 1, trained on the coded `rows`: what a run files."""
        names = [name for name in views.names if self.weights.get(name, 0) > 0 or name == "lexical"]
        if self.self_training is not None and views.pool is not None and len(views.pool):
            full = self_trained(views, rows, labels, None, n_codes, self.self_training.seed_weights,
                                _pool(views, rows, np.zeros(0, dtype=int)), names, models)
        else:
            full = {name: predict(name, views, rows, labels, None, n_codes, models) for name in names}
        mixed = blend({name: full[name] for name, weight in self.weights.items() if weight > 0}, self.weights)
        return mixed / np.maximum(mixed.sum(axis=1, keepdims=True), 1e-12)

    def calibration_threshold(self, precision: float) -> float | None:
        """The calibrated score above which the out-of-fold suggestions were right at `precision`."""
        return threshold_for(precision, self.calibration(self.oof_top), self.oof_correct)

    def as_dict(self) -> dict[str, Any]:
        return {"weights": self.weights, "accuracy": self.accuracy, "tested": self.tested,
                "calibration": self.calibration.curve, "platt": [self.calibration.a, self.calibration.b],
                "reliability": self.reliability, "key": self.key,
                "self_training": None if self.self_training is None else vars(self.self_training),
                "out_of_fold": [[round(float(top), 5), bool(right)] for top, right in zip(self.oof_top, self.oof_correct)]}

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> Evidence:
        """The evidence a run recorded (`as_dict`), as it was measured."""
        calibration = Calibration(float(stored["platt"][0]), float(stored["platt"][1]), int(stored["tested"]),
                                  stored["calibration"])
        pairs = stored.get("out_of_fold") or []
        trained = stored.get("self_training")
        return cls(stored["weights"], calibration, stored["reliability"], stored["accuracy"], int(stored["tested"]),
                   np.array([top for top, _ in pairs], dtype=np.float64),
                   np.array([right for _, right in pairs], dtype=bool), stored["key"],
                   SelfTraining(**trained) if trained else None)


def weigh(views: Views, rows: np.ndarray, labels: np.ndarray, n_codes: int, seed: int = 0) -> Evidence:
    """Cross-validate the candidates on the coded rows and return what the run should trust: the blend, then
    whether self-training it wins in the same folds. Without enough examples to test (fewer than two codes
    with two examples), every candidate counts the same and scores are left as they are."""
    splits = folds(labels, seed)
    oof, tested = out_of_fold(views, rows, labels, n_codes, splits)
    if not len(tested):
        names = views.names
        return Evidence({name: 1 / len(names) for name in names}, Calibration(1.0, 0.0), [], {}, 0)
    truth = labels[tested]
    weights = choose_weights(oof, truth)
    mixed = _honest_blend(oof, truth, splits[0][1], tested)
    accuracy = {name: round(float((scores.argmax(axis=1) == truth).mean()), 3) for name, scores in oof.items()}
    right = float((mixed.argmax(axis=1) == truth).mean())
    accuracy["blend"] = round(right, 3)
    trained = None
    seed_weights = {name: weight for name, weight in weights.items() if name != "propagation"}
    if views.pool is not None and len(views.pool) and any(w > 0 for name, w in seed_weights.items()
                                                            if name not in FROM_DESCRIPTION):
        oof_self = _out_of_fold_self_trained(views, rows, labels, n_codes, splits, tested, seed_weights)
        mixed_self = _honest_blend(oof_self, truth, splits[0][1], tested)
        right_self = float((mixed_self.argmax(axis=1) == truth).mean())
        accuracy["blend, self-trained"] = round(right_self, 3)
        if right_self > right:
            trained = SelfTraining(seed_weights, round(right_self, 3), accuracy["blend"])
            weights, mixed = choose_weights(oof_self, truth), mixed_self
    top = mixed.max(axis=1) / np.maximum(mixed.sum(axis=1), 1e-12)
    predicted = mixed.argmax(axis=1)
    correct = predicted == truth
    return Evidence(weights, Calibration.fit(top, correct), per_code(predicted, truth, n_codes), accuracy,
                    len(tested), top, correct, self_training=trained)


def _out_of_fold_self_trained(views: Views, rows: np.ndarray, labels: np.ndarray, n_codes: int,
                              splits: list[tuple[np.ndarray, np.ndarray]], tested: np.ndarray,
                              seed_weights: dict[str, float]) -> dict[str, np.ndarray]:
    """Each candidate's out-of-fold scores after self-training: in each fold, the pseudo-examples come from
    the fold's uncoded rows (the project's and the held-out ones), as the final fit takes them from the
    project's uncoded units. The seed blend's weights were chosen on all folds: a few numbers, which the
    held-out rows' codes reach only through the units the blend is surest of. `propagation` is left out:
    it learns from the uncoded units already, and it is the slowest candidate by far."""
    names = [name for name in views.names if name != "propagation"]
    totals = {name: np.zeros((len(labels), n_codes)) for name in names}
    times = np.zeros(len(labels))
    for train, test in splits:
        pool = _pool(views, rows[train], rows[test])
        scored = self_trained(views, rows[train], labels[train], rows[test], n_codes, seed_weights, pool, names)
        for name, scores in scored.items():
            totals[name][test] += scores
        times[test] += 1
    return {name: total[tested] / times[tested, None] for name, total in totals.items()}


def _honest_blend(oof: dict[str, np.ndarray], truth: np.ndarray, first_fold: np.ndarray,
                  tested: np.ndarray) -> np.ndarray:
    """The blend's out-of-fold scores with weights that never saw the row they score: weights chosen on
    the other rows, two groups (the first fold against the rest). Picking the best of many blends on
    the same rows that then measure it would flatter it, and the calibration would promise too much."""
    group = np.isin(tested, first_fold)
    if group.all() or not group.any():
        return blend(oof, choose_weights(oof, truth))
    mixed = np.zeros_like(next(iter(oof.values())))
    for part in (group, ~group):
        weights = choose_weights({name: scores[~part] for name, scores in oof.items()}, truth[~part])
        mixed[part] = blend({name: scores[part] for name, scores in oof.items()}, weights)
    return mixed


def learning_curve(views: Views, rows: np.ndarray, labels: np.ndarray, n_codes: int, weights: dict[str, float],
                   sizes: Sequence[int] = (1, 2, 3, 5, 8, 13, 20), draws: int = 3) -> list[dict[str, Any]]:
    """Accuracy of the chosen blend against examples per code: for each size, `draws` random draws of that
    many examples of each code (codes with more), tested on the coded examples left out. It tells the
    analyst what more coding would buy. Without self-training, which would make each point as slow as a run."""
    positive = np.flatnonzero(labels != NONE)
    counts = Counter(int(labels[i]) for i in positive)
    curve = []
    for size in sizes:
        codes = [code for code, count in counts.items() if count > size]
        if len(codes) < 2:
            break
        hits, total = 0, 0
        for draw in range(draws):
            rng = np.random.default_rng(draw)
            train = np.concatenate([rng.choice(positive[labels[positive] == code], size, replace=False)
                                    for code in codes])
            test = np.setdiff1d(positive[np.isin(labels[positive], codes)], train)
            mixed = blend({name: predict(name, views, rows[train], labels[train], rows[test], n_codes)
                           for name, weight in weights.items() if weight > 0}, weights)
            hits += int((mixed.argmax(axis=1) == labels[test]).sum())
            total += len(test)
        curve.append({"per_code": size, "codes": len(codes), "accuracy": round(hits / total, 3), "tested": total})
    return curve


def code_next(scores: np.ndarray, vectors: np.ndarray, candidates: np.ndarray, coded: np.ndarray, n: int,
              ) -> list[tuple[int, float]]:
    """(row, uncertainty) of `n` uncoded rows worth coding next: uncertain (small margin between the two best
    codes) and unlike each other and the coded rows (greedy: each pick maximises uncertainty x distance to
    what is already coded or picked), so ten codings do not teach the same thing ten times."""
    if not len(candidates) or n <= 0:
        return []
    ordered = np.sort(scores[candidates], axis=1)
    total = np.maximum(scores[candidates].sum(axis=1), 1e-12)
    margin = (ordered[:, -1] - (ordered[:, -2] if ordered.shape[1] > 1 else 0)) / total
    uncertainty = 1 - margin
    shortlist = np.argsort(-uncertainty, kind="stable")[: max(10 * n, 50)]
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    near = np.full(len(shortlist), -1.0)
    if len(coded):
        near = (unit[candidates[shortlist]] @ unit[coded].T).max(axis=1)
    picked: list[tuple[int, float]] = []
    for _ in range(min(n, len(shortlist))):
        value = uncertainty[shortlist] * (1 - np.clip(near, 0, 1) ** 2)
        for index, _ in picked:
            value[shortlist == index] = -np.inf
        best = int(np.argmax(value))
        picked.append((int(shortlist[best]), round(float(uncertainty[shortlist[best]]), 3)))
        near = np.maximum(near, unit[candidates[shortlist]] @ unit[candidates[shortlist[best]]])
    return [(int(candidates[index]), value) for index, value in picked]


def fingerprint(*parts: Any) -> str:
    """A key for the run memo: the bytes of the arrays and the text of everything else."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.tobytes() if isinstance(part, np.ndarray) else repr(part).encode())
    return digest.hexdigest()
