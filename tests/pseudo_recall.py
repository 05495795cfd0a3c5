"""Recall of the pseudonymiser on a planted set, shared by tests/text/test_pseudonymise.py and
bench/ner_models.py so that the test and the benchmark count a caught name the same way."""

from __future__ import annotations

from collections import Counter

from workbench.text.pseudonymise import Pseudonymiser


def caught(pseudo: Pseudonymiser, rows: list[dict]) -> tuple[Counter, Counter]:
    """(planted, caught) counts per kind; each text is pseudonymised with a fresh memory of names, so
    that recall on names is NER and rules, not propagation from earlier texts."""
    planted: Counter = Counter()
    found: Counter = Counter()
    entities = pseudo.entities([row["text"] for row in rows])
    for row, spans in zip(rows, entities):
        pseudo.known_people.clear()
        replaced = pseudo.replacements(row["text"], spans)
        for item in row["pii"]:
            start = row["text"].index(item["text"])
            end = start + len(item["text"])
            planted[item["kind"]] += 1
            if any(r.start <= start and end <= r.end and r.kind == item["kind"] for r in replaced):
                found[item["kind"]] += 1
    return planted, found
