"""Which French spaCy model pseudonymisation needs: `fr_core_news_md` (62 MB of the desktop build) or the
`fr_core_news_sm` the app carries anyway (issue 20).

Usage: `.venv/bin/python bench/ner_models.py`. Each model in turn runs the whole pseudonymiser
(workbench/text/pseudonymise.py: NER plus its rules) on
- the planted set of the tests (tests/data/pseudo/planted.jsonl: person names, addresses), recall per kind,
  and the ordinary sentences (tests/data/pseudo/ordinary.txt), where any person found is a false one;
- the demo corpus's call transcripts and e-mails, where every occurrence of a first or last name of the
  generator's lists (sample_projects/relation-client/fragments.py) is a name to catch.
Each text starts with an empty memory of names, so recall is the model's and the rules', not propagation.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "pseudo"
DEMO = ROOT / "sample_projects" / "relation-client"


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


def persons(pseudo, text: str, spans) -> list:  # type: ignore[no-untyped-def]
    pseudo.known_people.clear()
    return [r for r in pseudo.replacements(text, spans) if r.kind == "person"]


def measure(model: str) -> dict[str, object]:
    from workbench.project import Project
    from workbench.text import nlp
    from workbench.text.pseudonymise import Pseudonymiser

    nlp._NER_MODELS["fr"] = (model,)
    planted_rows = [json.loads(line) for line in (DATA / "planted.jsonl").read_text(encoding="utf-8").splitlines()]
    ordinary = (DATA / "ordinary.txt").read_text(encoding="utf-8").splitlines()
    texts, names = demo_texts()
    with tempfile.TemporaryDirectory() as folder:
        pseudo = Pseudonymiser(Project.create(Path(folder) / "p.vwb", language="fr"))
        planted, found = Counter(), Counter()
        for row, spans in zip(planted_rows, pseudo.entities([row["text"] for row in planted_rows])):
            pseudo.known_people.clear()
            replaced = pseudo.replacements(row["text"], spans)
            for item in row["pii"]:
                start = row["text"].index(item["text"])
                end = start + len(item["text"])
                planted[item["kind"]] += 1
                found[item["kind"]] += any(r.start <= start and end <= r.end and r.kind == item["kind"]
                                           for r in replaced)
        false_persons = sum(len(persons(pseudo, text, spans)) for text, spans in zip(ordinary, pseudo.entities(ordinary)))
        demo_names = demo_caught = 0
        for text, spans in zip(texts, pseudo.entities(texts)):
            found_persons = persons(pseudo, text, spans)
            for match in names.finditer(text):
                demo_names += 1
                demo_caught += any(r.start <= match.start() and match.end() <= r.end for r in found_persons)
    return {"model": model, "planted persons": f"{found['person']}/{planted['person']}",
            "planted addresses": f"{found['address']}/{planted['address']}",
            f"false persons in {len(ordinary)} ordinary sentences": false_persons,
            f"demo names caught ({len(texts)} texts)": f"{demo_caught}/{demo_names} = {demo_caught / demo_names:.3f}"}


if __name__ == "__main__":
    for model in ("fr_core_news_md", "fr_core_news_sm"):
        print(measure(model))
