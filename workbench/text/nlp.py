"""The one place spaCy pipelines are loaded, so that every job in a process shares them.

Loading `fr_core_news_sm` takes seconds; the segmenter, the query parser of `workbench.search` and the
demo all need the same pipeline, so pipelines are cached per (language, purpose). spaCy is imported here,
inside functions, never at module level: the CLI must start instantly.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import TYPE_CHECKING

from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from spacy.language import Language

# Sentence and lemma pipelines per language: (model package, fallback when it is not installed).
_SEGMENT_MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm"}
# Person-name recognition: the medium French model is markedly better at PER than the small one.
_NER_MODELS = {"fr": ("fr_core_news_md", "fr_core_news_sm"), "en": ("en_core_web_md", "en_core_web_sm")}


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


@cache
def segmenter(lang: str) -> Language:
    """Pipeline giving sentences, lemmas and tokens for `lang`: parser and NER excluded, `senter` on.

    Without an installed model (English here) a blank pipeline with a rule-based sentencizer is used;
    its lemmas are then the lower-cased forms, which still makes search accent- and case-insensitive.
    """
    import spacy

    model = _SEGMENT_MODELS.get(lang)
    if model and _installed(model):
        nlp = spacy.load(model, exclude=["parser", "ner"])
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        return nlp
    if lang == "fr":
        raise WorkbenchError("the French spaCy model fr_core_news_sm is not installed; reinstall the application")
    nlp = spacy.blank(lang if lang in ("en", "fr") else "xx")
    nlp.add_pipe("sentencizer")
    return nlp


@cache
def recogniser(lang: str) -> Language | None:
    """Pipeline with named-entity recognition for person names, or None when no model is installed."""
    import spacy

    for model in _NER_MODELS.get(lang, ()):
        if _installed(model):
            # NER plus the part-of-speech tagger: a one-word PER entity must also be a proper noun
            # (NER alone takes "Triste" or "Veuillez" for names); parser and lemmatizer are not needed.
            return spacy.load(model, exclude=["parser", "lemmatizer", "senter"])
    return None
