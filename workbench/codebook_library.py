"""The shipped codebooks as a library of descriptions, for codes created by name alone.

Why: an analyst often starts by typing a code's name ("Résiliation", "Inimitié") without writing its
definition. Suggestions for such a code can only compare verbatims with two words, and they are weak:
on the development set, contact reasons at 5 coded examples per code are 0.73 top-1 from names alone
against 0.82 with the shipped definitions (docs/BENCHMARKS.md). When a code has no text of its own
and its name or key is a code of a shipped scheme (accents, case and punctuation aside), suggestions
read that code's definition, inclusion, indicators and examples instead, and say so. Nothing is
written into the project: the analyst's codebook stays as typed, and a definition of their own replaces
the borrowed one at once.

Each shipped code also lists `other_names`, the names analysts commonly give it ("Client captif" for
enslavement, "Changement d'offre" for subscription change, "Invoice" for billing): a code named so
borrows too. On names written independently of the schemes (bench/data/code_names_fr*.json), they raise
the share of names that borrow the right definition from a third or less to 60-84 %
(bench/code_names.py).

A name need not be the shipped one to the letter: "Problème de livraison", "Demande de remboursement"
and "Produit défectueux" name shipped codes too ("Livraison", "Remboursement", "Product defect"). Names
are compared by their content words cut to their first letters; the shipped code sharing at least half
of the two names' words, and more than any other shipped code, is the one named ("Facture" names none:
"Facturation" and "Factualité" tie).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workbench.codebook_yaml import pick, read_scheme, schemes_dir
from workbench.text.normalise import fold
from workbench.text.stopwords_fr import FUNCTION_WORDS

# "facture" and "facturation", "défectueux" and "defect" share their first six letters; five would also join
# "marche" and "marchande", "contrat" and "contributeur" (bench/code_names.py: fewer wrong borrowings)
STEM_CHARS = 6
SHARED = 0.5    # share of the two names' words (intersection over union) a near name must reach
_ENGLISH_FUNCTION_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"})


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


def name_words(text: str) -> frozenset[str]:
    """The content words of a name, cut to `STEM_CHARS` letters: 'Problème de livraison' -> {proble, livrai}."""
    return frozenset(word[:STEM_CHARS] for word in folded_name(text).split()
                     if word not in FUNCTION_WORDS and word not in _ENGLISH_FUNCTION_WORDS)


@lru_cache(maxsize=4)
def _index(language: str) -> tuple[dict[str, ShippedCode | None], list[tuple[frozenset[str], ShippedCode]]]:
    """Folded name or key -> the shipped code it names (None where two shipped codes share it), and each
    shipped name's words with its code, for near names. A code's own name or key wins over another code's
    `other_names` ("Départ", a journey stage, is not a cancellation's other name)."""
    own: dict[str, ShippedCode | None] = {}
    other: dict[str, ShippedCode | None] = {}
    words: list[tuple[frozenset[str], ShippedCode]] = []
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
            others = {name for names_in_language in code["other_names"].values() for name in names_in_language}
            for index, given in ((own, names), (other, others)):
                for name in {folded_name(name) for name in given} - {""}:
                    index[name] = shipped if index.get(name, shipped) == shipped else None
            words += [(found, shipped) for found in {name_words(name) for name in names | others} if found]
    return {**{name: code for name, code in other.items() if name not in own}, **own}, words


def load_library(language: str) -> None:
    """Read the shipped schemes once (a few tenths of a second), so that later lookups are instant: the
    window does it on a worker before it looks up names as they are typed."""
    _index(language)


def shipped_code(name: str | None, key: str | None, language: str) -> ShippedCode | None:
    """The shipped code that `name` (else `key`) names in `language`, to the letter or else nearly (see
    the module's docstring); None when none does, or when several do equally."""
    index, words = _index(language)
    candidates = [candidate for candidate in (name, key) if candidate]
    for candidate in candidates:
        found = index.get(folded_name(candidate))
        if found is not None:
            return found
    for candidate in candidates:
        found = _nearest(name_words(candidate), words)
        if found is not None:
            return found
    return None


def _nearest(named: frozenset[str], words: list[tuple[frozenset[str], ShippedCode]]) -> ShippedCode | None:
    if not named:  # a name of function words only names nothing
        return None
    best: dict[ShippedCode, float] = {}
    for shipped_words, shipped in words:
        shared = len(named & shipped_words) / len(named | shipped_words)
        best[shipped] = max(best.get(shipped, 0.0), shared)
    top = max(best.values(), default=0.0)
    winners = [shipped for shipped, shared in best.items() if shared == top]
    return winners[0] if top >= SHARED and len(winners) == 1 else None
