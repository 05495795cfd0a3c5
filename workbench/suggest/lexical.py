"""Words for the lexical embedder and for explanations: lemmas without stop words, lower-cased, unaccented.

Why lemmas: French inflects heavily ("résilie", "résilier", "résiliation" in one corpus); counting each
form apart scatters the evidence a TF-IDF model and an explanation rely on. spaCy's French model gives
lemmas; for English (and when no spaCy model is installed) folded word forms stand in, which is what
English needs anyway for intent-like texts. Results are folded (`fold`) so accents typed or not match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from workbench.text.normalise import fold

if TYPE_CHECKING:
    from workbench.project import Project
    from workbench.suggest.units import Unit

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@lru_cache(maxsize=2)
def stop_words(language: str) -> frozenset[str]:
    """Stop words for `language` ('fr' from spaCy's list, anything else from scikit-learn's English), in
    their written and their folded forms, so they match both lemmas and the raw words topic keywords use."""
    if language == "fr":
        from workbench.text.stopwords_fr import lemma_stop_words

        words = set(lemma_stop_words())
    else:
        words = set(english_stop_words())
    return frozenset(words | {fold(word) for word in words})


@lru_cache(maxsize=1)
def _french_pipeline():  # type: ignore[no-untyped-def]
    import spacy

    try:
        return spacy.load("fr_core_news_sm", exclude=["parser", "ner", "senter"])
    except OSError:
        return None


def analyse(texts: Iterable[str], language: str) -> list[list[str]]:
    """The content words of each text: folded lemmas (French) or folded forms, stop words removed."""
    texts = list(texts)
    stops = stop_words(language)
    nlp = _french_pipeline() if language == "fr" else None
    if nlp is None:
        return [[w for w in _WORD.findall(fold(text)) if w not in stops] for text in texts]
    result = []
    for doc in nlp.pipe(texts, batch_size=256):
        words = []
        for token in doc:
            if not _WORD.fullmatch(token.text):
                continue
            lemma = fold(token.lemma_ or token.text)
            if lemma not in stops and len(lemma) > 1:
                words.append(lemma)
        result.append(words)
    return result


def _content_lemma(form: str, lemma: str, stops: frozenset[str]) -> str | None:
    """`analyse`'s rule for one token of the search index (form and lemma already folded)."""
    return lemma if _WORD.fullmatch(form) and lemma not in stops and len(lemma) > 1 else None


def indexed_content_words(project: Project, units: Sequence[Unit], language: str) -> list[list[str] | None]:
    """`analyse`'s words of each unit read from the search index the segmentation wrote (None for a unit
    whose document is not segmented): the same lemmas without a second spaCy pass over the corpus. They
    can differ from `analyse` at the edges of a paragraph or speaker turn, which the segmentation tags on
    their own, and in a document whose language was detected as another than the project's. None too for
    a unit whose text is not its whole span (a call's customer's words, an e-mail body between quotes):
    the index knows spans, not which of their words the unit kept."""
    from workbench.text.tokens import indexed_words

    stops = stop_words(language)
    whole = [i for i, unit in enumerate(units) if len(unit.text) == unit.end - unit.start]
    found = indexed_words(project, [(units[i].document_id, units[i].start, units[i].end) for i in whole],
                          partial(_content_lemma, stops=stops))
    result: list[list[str] | None] = [None] * len(units)
    for i, words in zip(whole, found):
        result[i] = words
    return result


# -- the suggestions' lexical view and explanation words -------------------------------------------------
@lru_cache(maxsize=1)
def suggestion_stop_words() -> frozenset[str]:
    """Folded words left out of the lexical view's word features and of explanations (French and English
    function words, speaker labels, call boilerplate; workbench/text/stopwords_fr.py says why not spaCy's)."""
    from workbench.text.stopwords_fr import CALL_BOILERPLATE, FUNCTION_WORDS

    return FUNCTION_WORDS | CALL_BOILERPLATE | english_stop_words()


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, read from the file that lists them (parsed, never run) rather
    than imported: importing scikit-learn brings scipy.stats and pandas, 1.5 s of a re-run that reads its
    fit back and otherwise needs nothing of them. Imported as usual when that file is not where scikit-learn
    keeps it (tests/suggest/test_suggest_evidence.py compares the two)."""
    import ast
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("sklearn")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "feature_extraction" / "_stop_words.py"
        if not path.is_file():
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (isinstance(node, ast.Assign) and [getattr(target, "id", None) for target in node.targets]
                    == ["ENGLISH_STOP_WORDS"] and isinstance(node.value, ast.Call) and node.value.args):
                return frozenset(ast.literal_eval(node.value.args[0]))
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def content_words(text: str) -> list[str]:
    """The folded words of `text` that can tell codes apart. Word forms, not lemmas: no model to load,
    and the character n-grams of the lexical view already join the inflections of one word."""
    stops = suggestion_stop_words()
    return [word for word in _WORD.findall(fold(text)) if word not in stops]


def _folded(text: str) -> str:
    return fold(text)


class LexicalView:
    """The few-shot classifier's lexical view: TF-IDF of content words and word pairs, next to TF-IDF of
    character 3-5-grams (typos, SMS spelling and inflections still share most of their n-grams), both
    fitted on the project's units and kept sparse (an SVD would blur the rare words that decide codes)."""

    def __init__(self, texts: list[str]) -> None:
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer

        n = len(texts)
        self.words = TfidfVectorizer(analyzer=lambda text: _pairs(content_words(text)), sublinear_tf=True,
                                     min_df=1, max_df=0.5 if n >= 20 else 1.0)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), preprocessor=_folded,
                                      sublinear_tf=True, min_df=2 if n >= 50 else 1, max_features=50000)
        word_matrix = _fit(self.words, texts)
        char_matrix = _fit(self.chars, texts)
        self.n_words = word_matrix.shape[1]
        self.matrix = sparse.hstack([word_matrix, char_matrix]).tocsr() / np.sqrt(2)
        self.vocabulary = np.array(self.words.get_feature_names_out() if self.n_words else [], dtype=object)
        self.n_chars = char_matrix.shape[1]

    def transform(self, texts: list[str]):  # type: ignore[no-untyped-def]
        """Texts that were not fitted on (code descriptions) in the same space."""
        from scipy import sparse

        parts = [vectorizer.transform(texts) if width else sparse.csr_matrix((len(texts), 0))
                 for vectorizer, width in ((self.words, self.n_words), (self.chars, self.n_chars))]
        return sparse.hstack(parts).tocsr() / np.sqrt(2)


def _fit(vectorizer, texts: list[str]):  # type: ignore[no-untyped-def]
    from scipy import sparse

    try:
        return vectorizer.fit_transform(texts)
    except ValueError:  # nothing left to count (every unit was stop words): an empty view
        vectorizer.vocabulary_ = {}
        return sparse.csr_matrix((len(texts), 0))


def _pairs(words: list[str]) -> list[str]:
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def weighing_words(view: LexicalView, model: Any, scores: np.ndarray, n: int = 6) -> list[list[str] | None]:
    """Per unit, the `n` of its words that weigh most for its best code against the runner-up (by
    `scores`, codes as the classifier's labels): the lexical classifier `model`'s coefficients for the one
    less those for the other, times the unit's TF-IDF, positive ones only, ties by the word. None for a
    unit whose two codes the classifier did not both learn. Computed for every unit at once after a fit,
    so that explanations need neither the view nor the classifier again (`fits.py`)."""
    n_units = scores.shape[0]
    if scores.shape[1] < 2 or not view.n_words:
        return [None] * n_units
    best = scores.argmax(axis=1)
    order = np.argsort(-scores, axis=1)
    runner = np.where(order[:, 0] == best, order[:, 1], order[:, 0])
    row_of = {int(code): row for row, code in enumerate(model.classes_)}
    rows = np.array([row_of.get(code, -1) for code in range(scores.shape[1])])
    mine, theirs = rows[best], rows[runner]
    known = (mine >= 0) & (theirs >= 0)
    x = view.matrix[:, : view.n_words].tocoo()
    coef = np.asarray(model.coef_)[:, : view.n_words]
    if coef.shape[0] == 1:  # two codes: one row of weights, for classes_[1] against classes_[0]
        weight = x.data * coef[0, x.col] * np.where(mine[x.row] == 1, 1.0, -1.0)
    else:
        weight = x.data * (coef[mine[x.row], x.col] - coef[theirs[x.row], x.col])
    keep = known[x.row] & (weight > 0)
    unit, column, weight = x.row[keep], x.col[keep], weight[keep]
    rank = np.argsort(np.argsort(view.vocabulary.astype(str)))
    ordered = np.lexsort((-rank[column], -weight, unit))
    unit, column = unit[ordered], column[ordered]
    place = np.arange(len(unit)) - np.searchsorted(unit, unit, side="left")
    result: list[list[str] | None] = [[] if ok else None for ok in known]
    for index, word in zip(unit[place < n], column[place < n]):
        result[index].append(str(view.vocabulary[word]))  # type: ignore[union-attr]
    return result
