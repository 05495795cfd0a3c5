"""Scoring a unit against a code's description by its best sentence as well as by the whole unit.

Why: a verbatim says several things at once. "Je suis chez vous depuis 12 ans et j'ai jamais voulu partir,
mais on m'a compté deux fois l'abonnement" is a billing question from a committed partner, and one vector
of the whole text sits between the two; the relationship often shows in a single clause. Matching each
sentence against the code's description and keeping the best one finds that clause. A unit is scored
against a code's description by the mean of its whole-unit and best-sentence scores, for codes without
examples and as the blend's zero-shot candidate alike (docs/BENCHMARKS.md). Without examples, on the
French development set: reasons 0.680 whole unit, 0.617 best sentence, 0.710 both; forms 0.487, 0.480,
0.557; on the demo corpus, reasons 0.456 → 0.508 and forms 0.336 → 0.463. In the blend, 5 coded
examples per code: the demo's reasons 0.650 → 0.669 and forms 0.627 → 0.704, the development set's
forms 0.687 → 0.733, its reasons level. (The blend kept the whole unit while a whole call was embedded
with the adviser's words: long transcripts then lost 4 points of reasons on the demo.) Suggestions quote
the unit's sentence closest to the code.

The same sentences decide how a scheme's classifiers read a unit (`SentenceView.focused`): mostly
through the sentences that speak of that scheme's codes.

Sentences are cut by lines and by end punctuation, not by spaCy: a unit's pieces must not depend on a
model, and the cut must be cheap enough to redo on every run. Their vectors are cached per unit
(`embed.cached_sentence_vectors`), so a re-run encodes nothing; a unit of one sentence reuses its own vector.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.suggest import scoring
from workbench.suggest.units import Unit

_END = re.compile(r"(?<=[.!?…])\s+")
MIN_SENTENCE_CHARS = 3  # "Ok", "Re:": no codable content
# How a classifier reads a unit (`SentenceView.focused`): this share of it is its sentences weighted by how
# close each comes to the scheme's codes, softmax at this temperature over standardised similarities; the
# rest is the whole unit. Chosen on the development set's draws (docs/BENCHMARKS.md, session 21).
FOCUS_SHARE = 0.5
FOCUS_TEMPERATURE = 1.0
_FOCUS_BLOCK = 65536  # units per block: the weighted sentence rows are a copy of the block's sentences


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) code-point spans of the sentences of `text`: each line, cut after end punctuation
    followed by a space; surrounding spaces left out, pieces shorter than `MIN_SENTENCE_CHARS` dropped."""
    spans = []
    for line in re.finditer(r"[^\r\n]+", text):
        cuts = list(_END.finditer(line.group()))
        bounds = zip([0, *[cut.end() for cut in cuts]], [*[cut.start() for cut in cuts], len(line.group())])
        for start, end in bounds:
            piece = line.group()[start:end]
            stripped = piece.strip()
            if len(stripped) >= MIN_SENTENCE_CHARS:
                begin = line.start() + start + len(piece) - len(piece.lstrip())
                spans.append((begin, begin + len(stripped)))
    return spans


@dataclass
class SentenceView:
    """All sentences of a run's units for one model: `vectors` (n_sentences, dim), normalised; `owner`, the
    unit index of each row, in unit order; `spans`, each row's (start, end) in its unit's text, None when
    every row is a whole unit. A unit of one sentence has its own vector as its one row."""

    vectors: np.ndarray
    owner: np.ndarray
    spans: np.ndarray | None = None

    @classmethod
    def whole_units(cls, unit_vectors: np.ndarray) -> SentenceView:
        """Each unit as its only sentence: scoring by best sentence is then scoring by the whole unit."""
        return cls(scoring.normalise(unit_vectors), np.arange(len(unit_vectors)))

    def closest(self, unit: int, code_vector: np.ndarray) -> tuple[int, int] | None:
        """The span of unit `unit`'s sentence closest to `code_vector`, None for a unit of one sentence."""
        first, last = np.searchsorted(self.owner, [unit, unit + 1])
        if self.spans is None or last - first < 2:
            return None
        best = first + int(np.argmax(self.vectors[first:last] @ scoring.normalise(code_vector[None, :])[0]))
        return int(self.spans[best, 0]), int(self.spans[best, 1])

    def best(self, code_vectors: np.ndarray, standardise: bool) -> np.ndarray:
        """(n_units, n_codes): each unit's best sentence similarity to each code, z-scored per code over all
        sentences first when `standardise` (`scoring.similarities`)."""
        sims = scoring.similarities(self.vectors, code_vectors, standardise)
        if not len(sims):
            return np.zeros((0, sims.shape[1]), dtype=np.float64)
        first_rows = np.flatnonzero(np.r_[True, self.owner[1:] != self.owner[:-1]])  # every unit has a row
        return np.maximum.reduceat(sims, first_rows, axis=0).astype(np.float64)

    def focused(self, unit_vectors: np.ndarray, code_vectors: np.ndarray, standardise: bool) -> np.ndarray:
        """(n_units, dim): each unit as a scheme's classifier should read it, `FOCUS_SHARE` of it the mean of
        its sentences weighted by how close each comes to any of the scheme's codes, the rest its whole
        vector (both normalised). Why: a verbatim says several things and each scheme codes one of them.
        "Cliente depuis 18 ans, je ne vous quitterai pas. Petit souci de connexion réglé" is an access
        problem to the reasons and a committed partnership to the forms; its whole vector sits between the
        two, so examples of either scheme taught the classifier the other's words too. On the development
        set, 5 coded per code, ten draws, the semantic classifier alone went from 0.593 to 0.711 on forms
        and from 0.691 to 0.704 on reasons, the blend from 0.746 to 0.799 and from 0.818 to 0.825. A unit
        of one sentence reads as itself."""
        whole = scoring.normalise(unit_vectors)
        if self.spans is None or not len(whole):
            return whole
        relevance = scoring.similarities(self.vectors, code_vectors, standardise).max(axis=1)
        first_rows = np.flatnonzero(np.r_[True, self.owner[1:] != self.owner[:-1]])
        peak = np.maximum.reduceat(relevance, first_rows)
        weights = np.exp((relevance - peak[self.owner]) / FOCUS_TEMPERATURE).astype(np.float32)
        weights /= np.add.reduceat(weights, first_rows)[self.owner]
        attended = np.empty_like(whole)
        bounds = [*first_rows, len(self.owner)]
        for begin in range(0, len(whole), _FOCUS_BLOCK):
            end = min(begin + _FOCUS_BLOCK, len(whole))
            rows = slice(bounds[begin], bounds[end])
            attended[begin:end] = np.add.reduceat(weights[rows, None] * self.vectors[rows],
                                                  first_rows[begin:end] - bounds[begin], axis=0)
        return (1 - FOCUS_SHARE) * whole + FOCUS_SHARE * scoring.normalise(attended)


def zero_shot_scores(views: Sequence[tuple[np.ndarray, SentenceView]], code_vectors: Sequence[np.ndarray]
                     ) -> np.ndarray:
    """Zero-shot scores by whole unit and best sentence, rows summing to 1, averaged over the semantic views
    ((unit vectors, their sentences) per model, with that model's code vectors)."""
    combined = []
    for (unit_vectors, view), codes in zip(views, code_vectors):
        standardise = len(unit_vectors) >= scoring.MIN_UNITS_TO_STANDARDISE
        whole = scoring.similarities(unit_vectors, codes, standardise)
        combined.append(scoring.softmax((view.best(codes, standardise) + whole) / 2,
                                        scoring.zero_shot_temperature(standardise)))
    return np.mean(combined, axis=0)


Encode = Callable[[Sequence[str]], np.ndarray]
Store = Callable[[list[Unit], list[str], np.ndarray], None]


def sentence_view(units: Sequence[Unit], unit_vectors: np.ndarray, encode: Encode,
                  cached: dict[tuple[str, int], dict[str, np.ndarray]], store: Store, batch_size: int,
                  progress: ProgressCallback = no_progress, cancel: CancelToken | None = None,
                  model_id: str = "the model") -> SentenceView:
    """The sentences of `units` for one model: the vectors `cached` has (per unit, `embed.sentence_key` ->
    vector), the others encoded in batches of `batch_size` and handed to `store` batch by batch, so a
    cancelled run keeps what it finished, like `embed.embed_units`."""
    from workbench.suggest.embed import sentence_key

    keys: list[list[tuple[str, str]]] = []  # per unit: (cache key, text) of each sentence; [] for one sentence
    pieces: list[list[tuple[int, int]]] = []
    for unit in units:
        spans = split(unit.text)
        if len(spans) < 2:
            keys.append([])
            pieces.append([(0, len(unit.text))])
            continue
        texts = [unit.text[start:end] for start, end in spans]
        keys.append([(sentence_key(i, text), text) for i, text in enumerate(texts)])
        pieces.append(spans)
    todo = [(index, key, text) for index, (unit, pairs) in enumerate(zip(units, keys)) for key, text in pairs
            if key not in cached.get((unit.kind, unit.id), {})]
    fresh: dict[tuple[int, str], np.ndarray] = {}
    progress(0, len(todo), f"sentences of {model_id}: {sum(map(len, keys)) - len(todo)} cached")
    for begin in range(0, len(todo), batch_size):
        if cancel is not None:
            cancel.check()
        batch = todo[begin : begin + batch_size]
        vectors = np.asarray(encode([text for _, _, text in batch]), dtype=np.float32)
        store([units[index] for index, _, _ in batch], [key for _, key, _ in batch], vectors)
        fresh.update({(index, key): vector for (index, key, _), vector in zip(batch, vectors)})
        progress(begin + len(batch), len(todo), f"sentences of {model_id}")
    rows: list[np.ndarray] = []
    owner: list[int] = []
    for index, (unit, pairs) in enumerate(zip(units, keys)):
        if not pairs:
            rows.append(unit_vectors[index])
            owner.append(index)
        for key, _ in pairs:
            rows.append(fresh[(index, key)] if (index, key) in fresh else cached[(unit.kind, unit.id)][key])
            owner.append(index)
    if not rows:
        return SentenceView.whole_units(unit_vectors)
    return SentenceView(scoring.normalise(np.vstack(rows)), np.array(owner, dtype=int),
                        np.array([span for spans in pieces for span in spans], dtype=np.int64))


def project_sentence_view(project: Any, model: Any, units: Sequence[Unit], unit_vectors: np.ndarray,
                          progress: ProgressCallback = no_progress,
                          cancel: CancelToken | None = None) -> SentenceView:
    """`sentence_view` with the project's embedding cache. The lexical model has no sentence view: encoding
    new texts with it means a spaCy pass, and its zero-shot is a weak candidate anyway."""
    from workbench.suggest.embed import cached_sentence_vectors, store_sentence_vectors

    if getattr(model, "name", "") == "lexical":
        return SentenceView.whole_units(unit_vectors)

    def store(batch_units: list[Unit], keys: list[str], vectors: np.ndarray) -> None:
        store_sentence_vectors(project, model.model_id, batch_units, keys, vectors)

    return sentence_view(units, unit_vectors, model.encode, cached_sentence_vectors(project, model.model_id),
                         store, model.batch_size, progress, cancel, model.model_id)
