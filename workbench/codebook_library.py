"""The shipped codebooks as a library of descriptions, for codes created by name alone.

Why: an analyst often starts by typing a code's name ("Résiliation", "Inimitié") without writing its
definition. Suggestions for such a code can only compare verbatims with two words, and they are weak:
on the development set, contact reasons at 5 coded examples per code are 0.76 top-1 from names alone
against 0.87 with the shipped definitions and examples (docs/BENCHMARKS.md). When a code has no text of its own
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

A name is read beside its siblings, and under its parent (`group_scheme`): "Détracteur" beside relationship
forms is no NPS code, "Menace de départ" under "Motifs d'appel" is a cancellation, not a relational marker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class _Library:
    """Folded name or key -> the shipped code it names (None where two shipped codes share it), over all
    schemes and within each; each shipped name's words with its code, for near names; and the same for
    the names of the schemes and of their groups (`groups`, `group_words`), to the scheme's name."""

    names: dict[str, ShippedCode | None]
    by_scheme: dict[str, dict[str, ShippedCode | None]]
    words: list[tuple[frozenset[str], ShippedCode]]
    groups: dict[str, str | None]
    group_words: list[tuple[frozenset[str], str]]
    found: dict[tuple[str | None, str | None, str | None], ShippedCode | None] = field(default_factory=dict)
    parents: dict[str, str | None] = field(default_factory=dict)


def _named(entries: list[tuple[str, ShippedCode, bool]]) -> dict[str, ShippedCode | None]:
    """Folded name -> code from (name, code, is own name) entries. A code's own name or key wins over another
    code's `other_names` ("Départ", a journey stage, is not a cancellation's other name)."""
    own: dict[str, ShippedCode | None] = {}
    other: dict[str, ShippedCode | None] = {}
    for name, shipped, is_own in entries:
        index = own if is_own else other
        index[name] = shipped if index.get(name, shipped) == shipped else None
    return {**{name: code for name, code in other.items() if name not in own}, **own}


def _own_names(node: dict[str, Any]) -> set[str]:
    """A scheme's or code's names in every language, and its key."""
    return {*node["name"].values(), *([node["key"]] if node["key"] else [])}


def _other_names(node: dict[str, Any]) -> set[str]:
    """A scheme's or code's `other_names`, in every language."""
    return {name for names_in_language in node["other_names"].values() for name in names_in_language}


@lru_cache(maxsize=4)
def _index(language: str) -> _Library:
    entries: list[tuple[str, ShippedCode, bool]] = []
    words: list[tuple[frozenset[str], ShippedCode]] = []
    group_entries: dict[str, set[str]] = {}
    group_words: list[tuple[frozenset[str], str]] = []
    for path in sorted(schemes_dir().glob("*.yaml")):
        scheme = read_scheme(path)
        label = pick(scheme["name"], language)
        for group in [scheme, *(code for code in _walk(scheme["codes"]) if not code["codable"])]:
            for name in _own_names(group) | _other_names(group):
                group_entries.setdefault(folded_name(name), set()).add(label)
                group_words.append((name_words(name), label))
        for code in _walk(scheme["codes"]):
            if not code["codable"]:
                continue
            shipped = ShippedCode(
                scheme=label, name=pick(code["name"], language),
                description=pick(code["definition"], language), inclusion=pick(code["inclusion"], language),
                indicators=tuple(pick(code["indicators"], language) or ()),
                examples=tuple(pick(code["examples"], language) or ()))
            if not (shipped.description or shipped.indicators or shipped.examples):
                continue
            names, others = _own_names(code), _other_names(code)
            for given, is_own in ((names, True), (others, False)):
                entries += [(name, shipped, is_own) for name in {folded_name(name) for name in given} - {""}]
            words += [(found, shipped) for found in {name_words(name) for name in names | others} if found]
    schemes = {shipped.scheme for _, shipped, _ in entries}
    return _Library(_named(entries),
                    {scheme: _named([entry for entry in entries if entry[1].scheme == scheme]) for scheme in schemes},
                    words,
                    {name: next(iter(labels)) if len(labels) == 1 else None
                     for name, labels in group_entries.items() if name},
                    [(found, label) for found, label in group_words if len(found) >= 2])


def load_library(language: str) -> None:
    """Read the shipped schemes once (a few tenths of a second), so that later lookups are instant: the
    window does it on a worker before it looks up names as they are typed."""
    _index(language)


def shipped_code(name: str | None, key: str | None, language: str, within: str | None = None) -> ShippedCode | None:
    """The shipped code that `name` (else `key`) names in `language`, to the letter or else nearly (see
    the module's docstring), among the codes of scheme `within` when given (`group_scheme`); None when none
    does, or when several do equally. Remembered: the new code dialog reads its siblings' names again at
    every key the analyst types."""
    library = _index(language)
    if (name, key, within) not in library.found:
        library.found[(name, key, within)] = _lookup(library, name, key, within)
    return library.found[(name, key, within)]


def _lookup(library: _Library, name: str | None, key: str | None, within: str | None) -> ShippedCode | None:
    names = library.names if within is None else library.by_scheme.get(within, {})
    words = library.words if within is None else [entry for entry in library.words if entry[1].scheme == within]
    candidates = [candidate for candidate in (name, key) if candidate]
    for candidate in candidates:
        found = names.get(folded_name(candidate))
        if found is not None:
            return found
    for candidate in candidates:
        found = _nearest_label(name_words(candidate), words)
        if found is not None:
            return found
    return None


def group_scheme(names: Sequence[str], language: str, parent: str | None = None) -> str | None:
    """The shipped scheme of a group of codes (the names under one parent): the scheme whose codes more than
    half of the names that borrow name, two at least. A code of such a group borrows from that scheme or
    not at all, since a name several schemes use means the group's code: "Détracteur" beside "Inimitié"
    and "Ex-amis" is no NPS code, "Complicité" beside relationship forms no compliment. On the three sets
    of independent names (bench/code_names.py) this removes 9 of the 15 wrong borrowings and gains 7 right
    ones. When the names do not decide (too few borrow), the `parent` code's name may: "Motifs d'appel" and
    "Ressenti client" name a scheme or one of its groups (`parent_scheme`)."""
    found = [shipped.scheme for shipped in (shipped_code(name, None, language) for name in names) if shipped is not None]
    if found:
        scheme, count = Counter(found).most_common(1)[0]
        if count >= 2 and count * 2 > len(found):
            return scheme
    return parent_scheme(parent, language) if parent else None


def parent_scheme(name: str, language: str) -> str | None:
    """The shipped scheme a parent code's name names: a scheme's or group's name, key or `other_names`
    ("Motifs d'appel", "NPS", "Émotions de base"), to the letter, or nearly as code names are compared when
    that name has two words or more ("Motifs d'appel entrants"; a one-word group name would take every
    parent holding its word: "Marqueurs" is cut to the "marque" of "Image de marque"); None when it names
    none, or two schemes equally. A parent named like a code says less: "Client satisfait" holding "Client
    calme" is joy, not the compliment that name borrows among contact reasons."""
    library = _index(language)
    if name not in library.parents:
        folded = folded_name(name)
        if folded in library.groups:
            found = library.groups[folded]
        else:
            found = _nearest_label(name_words(name), library.group_words)
        library.parents[name] = found
    return library.parents[name]


def _nearest_label(named: frozenset[str], words: Sequence[tuple[frozenset[str], Any]]) -> Any:
    """What the name of `words` sharing the most of `named`'s words (intersection over union, `SHARED` at
    least) stands for; None when two things tie, or for a name of function words only."""
    if not named:
        return None
    best: dict[Any, float] = {}
    for known_words, label in words:
        shared = len(named & known_words) / len(named | known_words)
        best[label] = max(best.get(label, 0.0), shared)
    top = max(best.values(), default=0.0)
    winners = [label for label, shared in best.items() if shared == top]
    return winners[0] if top >= SHARED and len(winners) == 1 else None
