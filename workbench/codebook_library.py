"""The shipped codebooks as a library of descriptions, for codes created by name alone.

Why: an analyst often starts by typing a code's name ("Résiliation", "Inimitié") without writing its
definition. Suggestions for such a code can only compare verbatims with two words, and they are weak:
on the development set, contact reasons at 5 coded examples per code are 0.73 top-1 from names alone
against 0.82 with the shipped definitions (docs/BENCHMARKS.md). When a code has no text of its own
and its name or key is a code of a shipped scheme (accents, case and punctuation aside), suggestions
read that code's definition, inclusion, indicators and examples instead, and say so. Nothing is
written into the project: the analyst's codebook stays as typed, and a definition of their own replaces
the borrowed one at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workbench.codebook_yaml import pick, read_scheme, schemes_dir
from workbench.text.normalise import fold


@dataclass(frozen=True)
class ShippedCode:
    """A shipped code's texts in one language, and where they come from (for the analyst)."""

    scheme: str
    name: str
    description: str | None
    inclusion: str | None
    indicators: tuple[str, ...]
    examples: tuple[str, ...]


def folded_name(text: str) -> str:
    """A name as matching compares it: 'Changement d’abonnement' and 'changement_d_abonnement' alike."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


def _walk(codes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [node for code in codes for node in (code, *_walk(code["children"]))]


@lru_cache(maxsize=4)
def _index(language: str) -> dict[str, ShippedCode | None]:
    """Folded name or key -> the shipped code it names; None where two shipped codes share it."""
    index: dict[str, ShippedCode | None] = {}
    for path in sorted(schemes_dir().glob("*.yaml")):
        scheme = read_scheme(path)
        for code in _walk(scheme["codes"]):
            if not code["codable"]:
                continue
            shipped = ShippedCode(
                scheme=pick(scheme["name"], language), name=pick(code["name"], language),
                description=pick(code["definition"], language), inclusion=pick(code["inclusion"], language),
                indicators=tuple(pick(code["indicators"], language) or ()),
                examples=tuple(pick(code["examples"], language) or ()))
            if not (shipped.description or shipped.indicators or shipped.examples):
                continue
            names = {*code["name"].values(), *([code["key"]] if code["key"] else [])}
            for name in {folded_name(name) for name in names} - {""}:
                index[name] = shipped if index.get(name, shipped) == shipped else None
    return index


def shipped_code(name: str | None, key: str | None, language: str) -> ShippedCode | None:
    """The shipped code that `name` (else `key`) names in `language`, None when none or several do."""
    index = _index(language)
    for candidate in (name, key):
        found = index.get(folded_name(candidate)) if candidate else None
        if found is not None:
            return found
    return None
