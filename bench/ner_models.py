"""Which French spaCy model pseudonymisation needs: `fr_core_news_md` (62 MB of the desktop build) or the
`fr_core_news_sm` the app carries anyway (issue 20).

Usage: `.venv/bin/python bench/ner_models.py`; prints Markdown. Each model runs in a process of its own
(`--model NAME` prints that model's raw results as JSON): `recogniser` caches its pipeline per language,
so in one process the second model would silently reuse the first one's pipeline; the loaded pipeline's
name is checked and printed. Each model runs the whole pseudonymiser (workbench/text/pseudonymise.py:
NER plus its rules) on
- the planted set of the tests (tests/data/pseudo/planted.jsonl: person names, addresses), recall per kind,
  and the ordinary sentences (tests/data/pseudo/ordinary.txt), where any person found is a false one;
- the demo corpus's call transcripts and e-mails, where every occurrence of a first or last name of the
  generator's lists (sample_projects/relation-client/fragments.py) is a name to catch;
- bench/data/ner_names_fr.jsonl (written by bench/data/make_ner_names_fr.py, independent of both): French
  customer-service texts with planted names of varied origin and form, and ordinary sentences full of
  brands, towns and products. A planted name is caught when person replacements cover all its letters
  and digits, partly caught when they cover some; recall per category of name; any person replacement
  in an ordinary sentence is a false person, and one in a names text that touches no planted name is a
  stray one.
Each text starts with an empty memory of names, so recall is the model's and the rules', not propagation.
Times are wall-clock seconds on whatever else the machine is doing: read them as orders of magnitude.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
DATA = ROOT / "tests" / "data" / "pseudo"
DEMO = ROOT / "sample_projects" / "relation-client"
NAMES = ROOT / "bench" / "data" / "ner_names_fr.jsonl"
MODELS = ("fr_core_news_md", "fr_core_news_sm")
CATEGORIES = ("compound", "particle", "foreign-origin", "antillean", "lower-case", "capitals", "title-prefixed",
              "common-word", "first-name-alone", "surname-alone", "sentence-start", "emoji-or-crlf")
SHOWN = 12  # names missed by both models listed


def demo_texts() -> tuple[list[str], re.Pattern[str]]:
    spec = importlib.util.spec_from_file_location("fragments", DEMO / "fragments.py")
    fragments = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(fragments)  # type: ignore[union-attr]
    names = sorted({*fragments.FIRST_F, *fragments.FIRST_M, *fragments.LAST}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    texts = [_read(path) for path in sorted(DEMO.rglob("*")) if path.is_file() and path.suffix in (".txt", ".eml")]
    return texts, pattern


def _read(path: Path) -> str:
    """The corpus has files in Windows-1252 on purpose (the importer's test); the names read the same."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text.replace("\r\n", "\n")


def names_set(path: Path = NAMES) -> tuple[list[dict], list[dict]]:
    """The rows of a names set (bench/data/ner_names_fr.jsonl by default) with planted names, and those
    without; every offset is checked to slice exactly its name."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        for name in row["names"]:
            assert row["text"][name["start"]:name["end"]] == name["text"], (row["id"], name)
            assert name["kind"] == "person", (row["id"], name)
    return [row for row in rows if row["names"]], [row for row in rows if not row["names"]]


def persons(pseudo, text: str, spans) -> list:  # type: ignore[no-untyped-def]
    pseudo.known_people.clear()
    return [r for r in pseudo.replacements(text, spans) if r.kind == "person"]


def caught_in_demo(pseudo, texts: list[str], names: re.Pattern[str]) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(caught, occurrences) of the generator's names in the demo's texts: an occurrence is caught when one
    person replacement covers it whole."""
    hit = total = 0
    for text, spans in zip(texts, pseudo.entities(texts)):
        found = persons(pseudo, text, spans)
        for match in names.finditer(text):
            total += 1
            hit += any(r.start <= match.start() and match.end() <= r.end for r in found)
    return hit, total


def coverage(text: str, start: int, end: int, found: list) -> str:  # type: ignore[type-arg]
    """caught, partial or missed: how many of the name's letters and digits person replacements cover."""
    letters = [i for i in range(start, end) if text[i].isalnum()]
    covered = sum(any(r.start <= i < r.end for r in found) for i in letters)
    return "caught" if covered == len(letters) else "partial" if covered else "missed"


def measure(model: str) -> dict[str, object]:
    """One model's raw results on every set (run in a process of its own)."""
    from pseudo_recall import caught

    from workbench.project import Project
    from workbench.text import nlp
    from workbench.text.pseudonymise import Pseudonymiser

    started = time.perf_counter()
    importlib.import_module("spacy")  # timed apart from the model's load
    spacy_import = time.perf_counter() - started
    nlp._NER_MODELS["fr"] = (model,)
    nlp.recogniser.cache_clear()
    started = time.perf_counter()
    pipeline = nlp.recogniser("fr")
    load = time.perf_counter() - started
    loaded = f"{pipeline.meta['lang']}_{pipeline.meta['name']} {pipeline.meta['version']}"
    assert loaded.split()[0] == model, (loaded, model)

    planted_rows = [json.loads(line) for line in (DATA / "planted.jsonl").read_text(encoding="utf-8").splitlines()]
    ordinary = (DATA / "ordinary.txt").read_text(encoding="utf-8").splitlines()
    texts, names = demo_texts()
    name_rows, plain_rows = names_set()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        pseudo = Pseudonymiser(Project.create(Path(folder) / "p.vwb", language="fr"))
        planted, found = caught(pseudo, planted_rows)
        false_persons = sum(len(persons(pseudo, text, spans)) for text, spans in zip(ordinary, pseudo.entities(ordinary)))
        demo_caught, demo_names = caught_in_demo(pseudo, texts, names)
        before_names = time.perf_counter()
        status, stray = {}, []
        for row, spans in zip(name_rows, pseudo.entities([row["text"] for row in name_rows])):
            text, found_persons = row["text"], persons(pseudo, row["text"], spans)
            for name in row["names"]:
                status[f"{row['id']}:{name['start']}"] = coverage(text, name["start"], name["end"], found_persons)
            stray += [[row["id"], text[r.start:r.end]] for r in found_persons
                      if not any(r.start < n["end"] and n["start"] < r.end for n in row["names"])]
        plain_false = [[row["id"], row["text"][r.start:r.end]]
                       for row, spans in zip(plain_rows, pseudo.entities([row["text"] for row in plain_rows]))
                       for r in persons(pseudo, row["text"], spans)]
        names_run = time.perf_counter() - before_names
    return {
        "model": model, "loaded": loaded, "spacy_import_s": spacy_import, "load_s": load,
        "run_s": time.perf_counter() - started, "names_run_s": names_run,
        "planted persons": f"{found['person']}/{planted['person']}",
        "planted addresses": f"{found['address']}/{planted['address']}",
        f"false persons in {len(ordinary)} ordinary sentences": false_persons,
        f"demo names caught ({len(texts)} texts)": f"{demo_caught}/{demo_names} = {demo_caught / demo_names:.3f}",
        "names_status": status, "names_stray": stray, "plain_false": plain_false,
    }


def mcnemar(only_one: int, only_two: int) -> float:
    """Two-sided exact McNemar p-value: how likely so lopsided a split of the disagreements between two
    equally good models, each disagreement going either way with probability 1/2."""
    n, k = only_one + only_two, min(only_one, only_two)
    return min(1.0, 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2**n) if n else 1.0


def _ratio(hit: int, total: int) -> str:
    return f"{hit}/{total} = {hit / total:.3f}" if total else "–"


def report(results: list[dict]) -> str:
    """The Markdown tables and the lists of differences."""
    name_rows, plain_rows = names_set()
    planted = {f"{row['id']}:{n['start']}": (row, n) for row in name_rows for n in row["names"]}
    header = ["", *[r["model"] for r in results]]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]

    def line(label: str, cells: list[object]) -> None:
        lines.append(f"| {label} | " + " | ".join(map(str, cells)) + " |")

    line("pipeline loaded", [r["loaded"] for r in results])
    line("spaCy import (s)", [f"{r['spacy_import_s']:.1f}" for r in results])
    line("model load (s)", [f"{r['load_s']:.1f}" for r in results])
    line("run, all sets (s)", [f"{r['run_s']:.1f}" for r in results])
    line("run, bench names set (s)", [f"{r['names_run_s']:.1f}" for r in results])
    for key in results[0]:
        if key.startswith(("planted ", "false persons in", "demo names")):
            line(f"tests/demo: {key}", [r[key] for r in results])
    total = len(planted)
    for state in ("caught", "partial", "missed"):
        label = f"**bench names ({len(name_rows)} texts): {state}**" if state == "caught" else f"bench names: {state}"
        line(label, [_ratio(sum(s == state for s in r["names_status"].values()), total) for r in results])
    for title, key_of in (("category", lambda n: n["categories"]), ("origin", lambda n: [n["origin"]]),
                          ("channel", lambda n: [])):
        groups = CATEGORIES if title == "category" else sorted({g for _, n in planted.values() for g in key_of(n)})
        if title == "channel":
            groups = sorted({row["channel"] for row in name_rows})
        for group in groups:
            keys = [k for k, (row, n) in planted.items()
                    if (row["channel"] == group if title == "channel" else group in key_of(n))]
            line(f"— {title} {group}", [_ratio(sum(r["names_status"][k] == "caught" for k in keys), len(keys))
                                        for r in results])
    line("stray persons in names texts", [len(r["names_stray"]) for r in results])
    line(f"**false persons in {len(plain_rows)} bench ordinary sentences**",
         [f"{len(r['plain_false'])} (in {len({i for i, _ in r['plain_false']})} sentences)" for r in results])

    def example(key: str) -> str:
        row, name = planted[key]
        shown = row["text"].replace("\r", "\\r").replace("\n", "\\n")
        states = ", ".join(f"{r['model'].removeprefix('fr_core_news_')} {r['names_status'][key]}" for r in results)
        return f"- `{name['text']}` ({states}) in «{shown}»"

    first, second = results
    md_only = [k for k in planted if first["names_status"][k] == "caught" != second["names_status"][k]]
    sm_only = [k for k in planted if second["names_status"][k] == "caught" != first["names_status"][k]]
    false_sentences = [{row_id for row_id, _ in r["plain_false"]} for r in results]
    lines += ["", (f"Paired: names caught by {first['model']} only {len(md_only)}, by {second['model']} only "
              f"{len(sm_only)}, exact McNemar p = {mcnemar(len(md_only), len(sm_only)):.3f}; ordinary sentences "
              f"with a false person with {first['model']} only {len(false_sentences[0] - false_sentences[1])}, "
              f"with {second['model']} only {len(false_sentences[1] - false_sentences[0])}, p = "
              f"{mcnemar(len(false_sentences[0] - false_sentences[1]), len(false_sentences[1] - false_sentences[0])):.3f}.")]
    for one, two, keys in ((first, second, md_only), (second, first, sm_only)):
        lines += ["", f"Caught by {one['model']}, not by {two['model']}: {len(keys)}"] + [example(k) for k in keys]
    both = [k for k in planted if all(r["names_status"][k] != "caught" for r in results)]
    lines += ["", f"Missed or partial with both: {len(both)}"] + [example(k) for k in both[:SHOWN]]
    for result in results:
        lines += ["", f"False persons, {result['model']}: "
                  + "; ".join(f"`{found}` ({row_id})" for row_id, found in result["plain_false"]),
                  f"Stray persons in names texts, {result['model']}: "
                  + "; ".join(f"`{found}` ({row_id})" for row_id, found in result["names_stray"])]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="measure this model only and print its raw results as JSON")
    model = parser.parse_args().model
    if model:
        print(json.dumps(measure(model), ensure_ascii=False))
        return
    results = []
    for name in MODELS:
        done = subprocess.run([sys.executable, __file__, "--model", name], capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.splitlines()[-1]))
    print(report(results))


if __name__ == "__main__":
    main()
