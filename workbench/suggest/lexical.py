"""Words for the lexical embedder and for explanations: lemmas without stop words, lower-cased, unaccented.

Why lemmas: French inflects heavily ("résilie", "résilier", "résiliation" in one corpus); counting each
form apart scatters the evidence a TF-IDF model and an explanation rely on. spaCy's French model gives
lemmas; for English (and when no spaCy model is installed) folded word forms stand in, which is what
English needs anyway for intent-like texts. Results are folded (`fold`) so accents typed or not match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from workbench.text.normalise import fold

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@lru_cache(maxsize=2)
def stop_words(language: str) -> frozenset[str]:
    """Stop words for `language` ('fr' from spaCy's list, anything else from scikit-learn's English), in
    their written and their folded forms, so they match both lemmas and the raw words topic keywords use."""
    if language == "fr":
        from spacy.lang.fr.stop_words import STOP_WORDS

        words = set(STOP_WORDS) | {"bonjour", "merci", "cordialement", "madame", "monsieur", "oui", "non"}
        # what is left of an elision once tokenisers split at the apostrophe (qu'il, jusqu'à, aujourd'hui)
        words |= {"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "quelqu", "presqu", "aujourd"}
    else:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        words = set(ENGLISH_STOP_WORDS)
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
