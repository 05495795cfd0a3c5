"""What the name cues (workbench/text/name_cues.py) add to pseudonymisation: person names caught with and
without them, in the same process, on the same texts, with the product's NER model.

Usage: `.venv/bin/python bench/name_cues.py`; prints Markdown.

Sets: bench/data/ner_names_fr.jsonl (the cues were written after reading its misses, so it flatters
them) and bench/data/ner_names_fr_2.jsonl (written by someone who had not seen the rules and did not run
them, from other templates and other people: the honest figure; docs/BENCHMARKS.md says which two
false persons it showed were corrected afterwards), each with ordinary sentences full of
brands, towns and products, where any person found is a false one; the tests' planted set and ordinary
sentences; the demo corpus's names. A name is caught when person replacements cover all its letters and
digits (`ner_models.coverage`). "Without cues" replaces `pii.cued_spans` by a function that finds nothing.
Both variants run twice, alternately; the time is the faster of each one's two runs (spaCy's first pass
over new texts is slower, whichever variant comes first).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from ner_models import DATA, caught_in_demo, coverage, demo_texts, names_set, persons

SETS = {"ner_names_fr (the cues were written on its misses)": ROOT / "bench" / "data" / "ner_names_fr.jsonl",
        "ner_names_fr_2 (written apart)": ROOT / "bench" / "data" / "ner_names_fr_2.jsonl"}


def run(pseudo, path: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Caught, partial and missed names, stray persons in names texts, false persons in ordinary ones."""
    name_rows, plain_rows = names_set(path)
    status: Counter[str] = Counter()
    stray = 0
    for row, spans in zip(name_rows, pseudo.entities([row["text"] for row in name_rows])):
        found = persons(pseudo, row["text"], spans)
        status.update(coverage(row["text"], n["start"], n["end"], found) for n in row["names"])
        stray += sum(not any(r.start < n["end"] and n["start"] < r.end for n in row["names"]) for r in found)
    false = [(row["id"], row["text"][r.start:r.end])
             for row, spans in zip(plain_rows, pseudo.entities([row["text"] for row in plain_rows]))
             for r in persons(pseudo, row["text"], spans)]
    return {"names": sum(status.values()), "texts": len(name_rows), "plain": len(plain_rows), **status,
            "stray": stray, "false": false}


def measure() -> dict[str, dict[str, object]]:
    from pseudo_recall import caught

    from workbench.project import Project
    from workbench.text import pii
    from workbench.text.pseudonymise import Pseudonymiser

    cues = pii.cued_spans
    planted_rows = [json.loads(line) for line in (DATA / "planted.jsonl").read_text(encoding="utf-8").splitlines()]
    ordinary = (DATA / "ordinary.txt").read_text(encoding="utf-8").splitlines()
    texts, names = demo_texts()
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as folder:
        pseudo = Pseudonymiser(Project.create(Path(folder) / "p.vwb", language="fr"))
        pseudo.entities(["Bonjour Marie."])  # the model's load, outside the timings
        for label, finder in (("without cues", lambda text: []), ("with cues", cues)) * 2:
            pii.cued_spans = finder
            started = time.perf_counter()
            result: dict[str, object] = {name: run(pseudo, path) for name, path in SETS.items() if path.exists()}
            planted, found = caught(pseudo, planted_rows)
            result["tests: planted persons"] = f"{found['person']}/{planted['person']}"
            result["tests: false persons in ordinary sentences"] = sum(
                len(persons(pseudo, text, spans)) for text, spans in zip(ordinary, pseudo.entities(ordinary)))
            result["demo names caught"] = "{}/{}".format(*caught_in_demo(pseudo, texts, names))
            seconds = round(time.perf_counter() - started, 1)
            result["seconds"] = min(seconds, results[label]["seconds"]) if label in results else seconds  # type: ignore[type-var]
            results[label] = result
        pii.cued_spans = cues
    return results


def report(results: dict[str, dict[str, object]]) -> str:
    labels = list(results)
    lines = ["| | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    for name in SETS:
        if name not in results[labels[0]]:
            continue
        first = results[labels[0]][name]
        assert isinstance(first, dict)
        lines.append(f"| **{name}**: {first['names']} names in {first['texts']} texts | |")
        for key in ("caught", "partial", "missed"):
            cells = []
            for label in labels:
                got = results[label][name]
                assert isinstance(got, dict)
                cells.append(f"{got.get(key, 0)} ({got.get(key, 0) / got['names']:.0%})")
            lines.append(f"| — {key} | " + " | ".join(cells) + " |")
        lines.append("| — stray persons in names texts | " + " | ".join(
            str(results[label][name]["stray"]) for label in labels) + " |")  # type: ignore[index]
        lines.append(f"| — false persons in {first['plain']} ordinary texts | " + " | ".join(
            str(len(results[label][name]["false"])) for label in labels) + " |")  # type: ignore[index,arg-type]
    for key in ("tests: planted persons", "tests: false persons in ordinary sentences", "demo names caught", "seconds"):
        lines.append(f"| {key} | " + " | ".join(str(results[label][key]) for label in labels) + " |")
    for name in SETS:
        if name in results[labels[-1]]:
            added = sorted(set(map(tuple, results[labels[-1]][name]["false"]))  # type: ignore[index,arg-type]
                           - set(map(tuple, results[labels[0]][name]["false"])))  # type: ignore[index,arg-type]
            lines.append(f"\nFalse persons the cues add in {name}: "
                         + ("; ".join(f"`{found}` ({row_id})" for row_id, found in added) or "none"))
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(measure()))
