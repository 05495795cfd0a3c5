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
three sets' misses alone). A name typed under a scheme is counted right when it
borrows that code; a name that borrows a code of another scheme (another scheme's code may bear it: the
NPS group has a "Détracteur") is counted wrong. The last variant reads each name beside the other names of
its codebook (a set's n-th name of every code of a scheme), as a project's codes are read beside their
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


@contextmanager
def without_other_names() -> Iterator[None]:
    """The library as if the shipped codes listed no `other_names` (its cache cleared on the way in and out)."""
    def shipped_names_only(path: Path) -> dict:
        scheme = read_scheme(path)
        for code in codebook_library._walk(scheme["codes"]):
            code["other_names"] = {}
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


def measure(variant: Callable[[], AbstractContextManager[None]], written: dict, listed: bool,
            siblings: bool = False) -> list[dict]:
    """Right / wrong / none per scheme. With `siblings`, each name is looked up beside the names of the
    other codes of its codebook: the set's n-th name of every code of the scheme."""
    rows = []
    with variant():
        for scheme in (key for key in written if key != "about"):
            french = _french_names(scheme)
            counts = {"right": 0, "wrong": 0, "none": 0}
            misses = []
            for key, names in written[scheme].items():
                for position, name in enumerate(names):
                    beside = [other[position] for other in written[scheme].values()] if siblings else []
                    within = codebook_library.group_scheme(beside, "fr")
                    found = codebook_library.shipped_code(name, None, "fr", within)
                    outcome = "none" if found is None else "right" if found.name == french[key] else "wrong"
                    counts[outcome] += 1
                    if outcome != "right":
                        misses.append(f"{name} → {found.name if found else '(none)'} (is {french[key]})")
            total = sum(counts.values())
            rows.append({"scheme": scheme, "names": total, **counts, "share right": counts["right"] / total,
                         "misses": misses if listed else []})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="name each name that borrows a wrong code or none")
    args = parser.parse_args()
    print("| names | library | scheme | names | right | wrong | none | share right |\n"
          "|---|---|---|---|---|---|---|---|")
    results = []
    for path in NAMES:
        written = json.loads(path.read_text(encoding="utf-8"))
        for label, variant, siblings in (("shipped names only", without_other_names, False),
                                         ("with other_names", _as_shipped, False),
                                         ("with other_names, read beside their codebook", _as_shipped, True)):
            for row in measure(variant, written, args.list, siblings):
                results.append((f"{path.name}, {label}", row))
                print(f"| {path.name} | {label} | {row['scheme']} | {row['names']} | {row['right']} | {row['wrong']} | "
                      f"{row['none']} | {row['share right']:.0%} |")
    for label, row in results:
        for miss in row["misses"]:
            print(f"- {label}, {row['scheme']}: {miss}")


if __name__ == "__main__":
    main()
