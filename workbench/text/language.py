"""Language of each document, so that the text pipeline picks the right spaCy model.

lingua-language-detector is offline, pure data, and restricted here to the languages a project can hold
(French and English): a two-way decision is both faster and more accurate than a hundred-way one. Its
low-accuracy mode (trigram models only) builds in milliseconds and detects tens of thousands of
verbatims per second, which is all a customer verbatim needs; short texts ("ok", "merci !") carry too
little evidence, so they keep the project language rather than get a coin toss.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from workbench.project import LANGUAGES

# Below this many letters a detection is noise; the project language is the better guess.
MIN_LETTERS = 20
# lingua's confidence margin the winner must have over the runner-up, else keep the project language.
MIN_MARGIN = 0.2
# Function words frequent in one language and (almost) absent from the other. A text with several of one
# set and none of the other is decided without lingua: most verbatims are, and lingua costs about as much
# per text as a tenth of the spaCy pass.
_FUNCTION_WORDS = {
    "fr": frozenset("le la les des du est et je j' vous pas que qui une un pour dans sur avec mon ma mes "  # noqa: SIM905
                    "ce cette ne au aux nous il elle été très".split()),
    "en": frozenset("the and is are was of to you my your it this that with for not have has been very".split()),  # noqa: SIM905
}
_WORD = re.compile(r"[^\W\d_]+'?", re.UNICODE)
CLEAR_MIN = 3


@cache
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()


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
    detector = _detector(candidates)
    result = [default] * len(texts)
    todo = [i for i, text in enumerate(texts) if _letters(text) >= MIN_LETTERS]
    for i in todo:
        clear = _clear_case(texts[i], candidates)
        if clear is not None:
            result[i] = clear
            continue
        # A verbatim's language shows in its first few hundred characters; more only costs time.
        values = detector.compute_language_confidence_values(texts[i][:500])
        if not values:
            continue
        best = values[0]
        runner_up = values[1].value if len(values) > 1 else 0.0
        if best.value - runner_up >= MIN_MARGIN:
            result[i] = best.language.iso_code_639_1.name.lower()
    return result


def detect_language(text: str, default: str, languages: Sequence[str] = LANGUAGES) -> str:
    """Language of one text (see `detect_languages`)."""
    return detect_languages([text], default, languages)[0]
