"""Which shipped definition a code created by name borrows (workbench/codebook_library.py): on names
written independently of the shipped schemes, how many borrow the right code, a wrong one, or none, with
the shipped codes' `other_names` and without them, in the same process.

Usage: `.venv/bin/python bench/code_names.py [--list]`; prints Markdown (`--list` also names each miss).

Names: two sets of five names per code for the 14 contact reasons and 20 relationship forms, each written
by a helper who saw each code's meaning but not the shipped names, their `other_names` (written before
either set was read) or the matching rules: bench/data/code_names_fr.json (four French names as analysts
would vary them, one English), bench/data/code_names_fr_2.json (a descriptive phrase, team jargon and
abbreviations, a customer's words, an unusual noun, an English label: harder on purpose) and
bench/data/code_names_fr_3.json (the names five people would give: a quality manager, a marketing PhD
student, a consultant, a call-centre team leader, an English-speaking UX researcher; read only after the
rule changes made on the first two were written) and bench/code_names_fr_4.json (the same five people
naming the emotions, customer-experience and relational-marker codes, written after those schemes'
`other_names`, whose one-word names that took names of other schemes were then removed on the first
three sets' misses alone). The last variants read each name beside the codes under the same shipped
parent, with and without that parent's name as the same people would type it (bench/data/group_names_fr.json:
the five people naming each group of codes; `codebook_library.parent_scheme`), and a last table says which
scheme each of those parent names names. A name typed under a scheme is counted right when it
borrows that code; a name that borrows a code of another scheme (another scheme's code may bear it: the
NPS group has a "Détracteur") is counted wrong. The third variant reads each name beside the other names
of its codebook (a set's n-th name of every code of a scheme), as a project's codes are read beside their
siblings.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from unittest.mock import patch

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from workbench import codebook_library
from workbench.codebook_yaml import pick, read_scheme, schemes_dir

NAMES = tuple(ROOT / "bench" / "data" / f"code_names_fr{suffix}.json" for suffix in ("", "_2", "_3", "_4"))
# The names the same five people give the parent codes (bench/data/group_names_fr.json, by a helper who saw
# what each group holds, not the schemes' names, their other names or the rules): a scheme read flat has
# one parent; the others keep the shipped tree's groups, each under its own name.
GROUP_NAMES = ROOT / "bench" / "data" / "group_names_fr.json"
FLAT = {"contact_reasons": "contact_reasons", "relationship_forms": "relationship_forms"}
GROUP_OF = {"basic_emotions": "emotions_basic", "service_emotions": "emotions_service", "nps_group": "nps",
            "customer_effort": "effort", "journey_stage": "journey", "polite_strategies": "politeness",
            "impolite_strategies": "politeness", "conflict": "conflict", "recognition": "recognition"}


@contextmanager
def without_other_names() -> Iterator[None]:
    """The library as if the shipped codes listed no `other_names` (its cache cleared on the way in and out)."""
    def shipped_names_only(path: Path) -> dict:
        scheme = read_scheme(path)
        for code in codebook_library._walk(scheme["codes"]):
            code["other_names"] = {}
        scheme["other_names"] = {}
        return scheme

    codebook_library._index.cache_clear()
    with patch.object(codebook_library, "read_scheme", shipped_names_only):
        yield
    codebook_library._index.cache_clear()


@contextmanager
def _as_shipped() -> Iterator[None]:
    codebook_library._index.cache_clear()
    yield


def _french_names(scheme: str) -> dict[str, str]:
    """Each code of a shipped scheme: its key -> its French name (what `shipped_code` returns as `.name`)."""
    codes = codebook_library._walk(read_scheme(schemes_dir() / f"{scheme}.yaml")["codes"])
    return {code["key"]: pick(code["name"], "fr") for code in codes if code["key"]}


def _shipped_parents(scheme: str) -> dict[str, str | None]:
    """Each codable code of a shipped scheme: its key -> the key of the code it sits under (None: top level)."""
    parents: dict[str, str | None] = {}

    def walk(codes: list[dict], parent: str | None) -> None:
        for code in codes:
            if code["codable"]:
                parents[code["key"]] = parent
            walk(code["children"], code["key"])

    walk(read_scheme(schemes_dir() / f"{scheme}.yaml")["codes"], None)
    return parents


def _beside(written: dict, scheme: str, key: str, position: int, beside: str | None, groups: dict,
            parents: dict[str, str | None]) -> tuple[list[str], str | None]:
    """The names a name is read beside and its parent's name: none (`beside` None); the set's n-th name of
    every code of the scheme ("codebook"); or, "groups", those of the codes under the same shipped parent,
    with that parent's name (a group's as the same person named it, or a code's as the set names it);
    "unnamed groups" is the same without the parent's name. `parents` is `_shipped_parents(scheme)`."""
    if beside is None:
        return [], None
    if beside == "codebook" or scheme in FLAT:
        parent = groups[FLAT[scheme]][position] if beside == "groups" else None
        return [other[position] for other in written[scheme].values()], parent
    up = parents[key]
    siblings = [names[position] for other, names in written[scheme].items() if parents[other] == up]
    if beside != "groups":
        return siblings, None
    parent = groups[GROUP_OF[up]][position] if up in GROUP_OF else written[scheme][up][position] if up else None
    return siblings, parent


def measure(variant: Callable[[], AbstractContextManager[None]], written: dict, listed: bool,
            beside: str | None = None, groups: dict | None = None) -> list[dict]:
    """Right / wrong / none per scheme, each name read alone or beside others (`_beside`)."""
    rows = []
    with variant():
        for scheme in (key for key in written if key != "about"):
            french, parents = _french_names(scheme), _shipped_parents(scheme)
            counts = {"right": 0, "wrong": 0, "none": 0}
            misses = []
            for key, names in written[scheme].items():
                for position, name in enumerate(names):
                    siblings, parent = _beside(written, scheme, key, position, beside, groups or {}, parents)
                    within = codebook_library.group_scheme(siblings, "fr", parent)
                    found = codebook_library.shipped_code(name, None, "fr", within)
                    outcome = "none" if found is None else "right" if found.name == french[key] else "wrong"
                    counts[outcome] += 1
                    if outcome != "right":
                        misses.append(f"{name} → {found.name if found else '(none)'} (is {french[key]})")
            total = sum(counts.values())
            rows.append({"scheme": scheme, "names": total, **counts, "share right": counts["right"] / total,
                         "misses": misses if listed else []})
    return rows


SCHEME_OF_GROUP = {"contact_reasons": "contact_reasons", "relationship_forms": "relationship_forms",
                   "emotions_basic": "emotions", "emotions_service": "emotions", "nps": "experience",
                   "effort": "experience", "journey": "experience", "politeness": "relational_markers",
                   "conflict": "relational_markers", "recognition": "relational_markers"}


def measure_groups(groups: dict) -> list[str]:
    """Each independently written parent name: does it name the right scheme (`parent_scheme`), a wrong
    one, or none? One Markdown row per group."""
    codebook_library._index.cache_clear()
    lines = []
    for group, names in groups.items():
        if group == "about":
            continue
        expected = pick(read_scheme(schemes_dir() / f"{SCHEME_OF_GROUP[group]}.yaml")["name"], "fr")
        found = [codebook_library.parent_scheme(name, "fr") for name in names]
        said = ", ".join(f"{name} → {scheme or '(none)'}" for name, scheme in zip(names, found))
        lines.append(f"| {group} | {sum(scheme == expected for scheme in found)} | "
                     f"{sum(scheme not in (None, expected) for scheme in found)} | {found.count(None)} | {said} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="name each name that borrows a wrong code or none")
    args = parser.parse_args()
    print("| names | library | scheme | names | right | wrong | none | share right |\n"
          "|---|---|---|---|---|---|---|---|")
    results = []
    groups = json.loads(GROUP_NAMES.read_text(encoding="utf-8"))
    for path in NAMES:
        written = json.loads(path.read_text(encoding="utf-8"))
        for label, variant, beside in (("shipped names only", without_other_names, None),
                                       ("with other_names", _as_shipped, None),
                                       ("with other_names, read beside their codebook", _as_shipped, "codebook"),
                                       ("with other_names, beside their group", _as_shipped, "unnamed groups"),
                                       ("with other_names, beside their group, under its name", _as_shipped,
                                        "groups")):
            for row in measure(variant, written, args.list, beside, groups):
                results.append((f"{path.name}, {label}", row))
                print(f"| {path.name} | {label} | {row['scheme']} | {row['names']} | {row['right']} | {row['wrong']} | "
                      f"{row['none']} | {row['share right']:.0%} |")
    print("\n| parent names of | right scheme | wrong | none | each |\n|---|---|---|---|---|")
    print("\n".join(measure_groups(groups)))
    for label, row in results:
        for miss in row["misses"]:
            print(f"- {label}, {row['scheme']}: {miss}")


if __name__ == "__main__":
    main()
