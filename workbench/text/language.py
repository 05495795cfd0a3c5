"""Language of each document, so that the text pipeline picks the right spaCy model.

Two stages. Function words decide most verbatims at once: several of one language and none of the other
leave no doubt. The rest (short, telegraphic or mixed texts) go to py3langid, a character n-gram naive
Bayes restricted here to the languages a project can hold (French and English), whose normalised
probabilities give a margin: below it the project language is kept rather than a coin toss, as it is
for texts too short to carry evidence ("ok", "merci !").

py3langid replaced lingua-language-detector (issue 20): lingua ships the models of 75 languages in one
94 MB binary, py3langid's whole package is 4.5 MB (NumPy only), and on the texts that reach this stage
it is the more accurate: bench/language.py measured 99.7 % against lingua's 92.6 % on 6,050 short and
hard texts (SMS spelling without accents, French with English words, English with French names), with
the same speed (docs/BENCHMARKS.md). Its model takes about a second to load, once per process and only
when a text needs it, so the import stays lazy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from workbench.project import LANGUAGES

# Below this many letters a detection is noise; the project language is the better guess.
MIN_LETTERS = 20
# Margin the winner's probability must have over the runner-up's, else keep the project language.
MIN_MARGIN = 0.2
# Function words frequent in one language and (almost) absent from the other. A text with several of one
# set and none of the other is decided without the statistical detector: most verbatims are.
_FUNCTION_WORDS = {
    "fr": frozenset("le la les des du est et je j' vous pas que qui une un pour dans sur avec mon ma mes "  # noqa: SIM905
                    "ce cette ne au aux nous il elle été très".split()),
    "en": frozenset("the and is are was of to you my your it this that with for not have has been very".split()),  # noqa: SIM905
}
_WORD = re.compile(r"[^\W\d_]+'?", re.UNICODE)
CLEAR_MIN = 3


@cache
def _detector(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def _letters(text: str) -> int:
    return sum(1 for ch in text[:2000] if ch.isalpha())


def _clear_case(text: str, candidates: tuple[str, ...]) -> str | None:
    """The language when the function words leave no doubt, else None."""
    counts = dict.fromkeys(candidates, 0)
    for word in _WORD.findall(text[:500].lower()):
        for lang in candidates:
            if word in _FUNCTION_WORDS.get(lang, ()):
                counts[lang] += 1
    winners = [lang for lang, n in counts.items() if n >= CLEAR_MIN]
    if len(winners) == 1 and all(n == 0 for lang, n in counts.items() if lang != winners[0]):
        return winners[0]
    return None


def detect_languages(texts: Sequence[str], default: str, languages: Sequence[str] = LANGUAGES) -> list[str]:
    """ISO 639-1 code for each text among `languages`; `default` for short or undecidable texts."""
    candidates = tuple(sorted(set(languages) | {default}))
    if len(candidates) == 1:
        return [default] * len(texts)
    result = [default] * len(texts)
    for i, text in enumerate(texts):
        if _letters(text) < MIN_LETTERS:
            continue
        clear = _clear_case(text, candidates)
        if clear is not None:
            result[i] = clear
            continue
        # A verbatim's language shows in its first few hundred characters; more only costs time.
        (best, p_best), (_, p_next) = _detector(candidates).rank(text[:500])[:2]
        if p_best - p_next >= MIN_MARGIN:
            result[i] = best
    return result


def detect_language(text: str, default: str, languages: Sequence[str] = LANGUAGES) -> str:
    """Language of one text (see `detect_languages`)."""
    return detect_languages([text], default, languages)[0]
