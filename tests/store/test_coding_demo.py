"""The coding demo step on a small corpus of its own: truth rows joined to documents, a faithful reference,
a trainee with seeded mistakes, figures printed, nothing written as suggestions, gaps tolerated."""

from __future__ import annotations

import csv
import hashlib
import json
from contextlib import nullcontext
from pathlib import Path

import pytest
from builders import add_document, add_source

from workbench.demo import DemoContext
from workbench.demo.coding import demo_step, read_truth
from workbench.progress import no_progress
from workbench.project import Project

FORMS = ["fling", "courtship", "enmity", "adversaries", "committed_partnership", "best_friendship"]
REASONS = ["billing", "payment", "delivery", "order"]


def _document(project: Project, name: str, origin: str, position: int, text: str) -> int:
    digest = hashlib.sha256(f"{origin}{position}".encode()).hexdigest()
    source = project.scalar("SELECT id FROM sources WHERE origin = ?", [origin]) or add_source(
        project, name, origin=origin, sha256=digest)
    return add_document(project, text, name, "call", source_id=source, position=position)


@pytest.fixture
def ctx(project: Project, tmp_path: Path) -> DemoContext:
    sample = tmp_path / "corpus"
    sample.mkdir()
    rows = []
    for i in range(40):
        _document(project, f"appel_{i:03d}.txt", f"/x/appels/appel_{i:03d}.txt", 1, f"Appel numéro {i}, client mécontent.")
        rows.append({"file": f"appels/appel_{i:03d}.txt", "item": "", "relationship_form": FORMS[i % len(FORMS)],
                     "contact_reason": REASONS[i % len(REASONS)], "emotion": "joy"})
    for position in (1, 2):  # a survey export: one document per row
        _document(project, "enquete.csv", "/x/enquete/enquete.csv", position, f"Réponse {position} au sondage.")
        rows.append({"file": "enquete/enquete.csv", "item": str(position), "relationship_form": "enmity",
                     "contact_reason": "price", "emotion": ""})
    # same file name in another folder: the row must go to the document imported from its own path
    _document(project, "appel_000.txt", "/x/autres/appel_000.txt", 1, "Un homonyme.")
    rows.append({"file": "appels/absent.txt", "item": "", "relationship_form": "fling", "contact_reason": "billing",
                 "emotion": ""})
    _document(project, "appel_099.txt", "/x/appels/appel_099.txt", 1, "Appel sans forme connue.")
    rows.append({"file": "appels/appel_099.txt", "item": "", "relationship_form": "no_such_form",
                 "contact_reason": "", "emotion": ""})
    rows.append({"file": "appels/appel_001.txt", "item": "", "relationship_form": "fling",  # listed twice
                 "contact_reason": "", "emotion": ""})
    with (sample / "truth.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return DemoContext(project, tmp_path, sample, lambda line: printed.append(line),
                       lambda label: nullcontext(no_progress))


printed: list[str] = []


def test_truth_rows_join_documents_by_file_name_item_and_path(ctx: DemoContext) -> None:
    joined = read_truth(ctx.project, ctx.sample_dir / "truth.csv")
    assert len(joined) == 43  # 40 calls + 2 survey rows + the bad-key row; the absent file is skipped
    origins = dict(ctx.project.rows(
        "SELECT d.id, s.origin || '#' || d.position FROM documents d JOIN sources s ON s.id = d.source_id"))
    assert origins[joined[0][0]] == "/x/appels/appel_000.txt#1"
    assert origins[joined[41][0]] == "/x/enquete/enquete.csv#2"


def test_demo_step_codes_as_reference_and_trainee_and_reports(ctx: DemoContext) -> None:
    printed.clear()
    demo_step(ctx)
    project = ctx.project
    results = ctx.results["coding"]
    assert results["documents"] == 43
    reference = project.rows(
        "SELECT d.id, c.key FROM codings g JOIN coders k ON k.id = g.coder_id JOIN codes c ON c.id = g.code_id "
        "JOIN documents d ON d.id = g.document_id WHERE k.name = 'reference' AND c.scheme = 'relationship_forms'")
    truth = {doc: labels["relationship_form"] for doc, labels in read_truth(project, ctx.sample_dir / "truth.csv")}
    assert len(reference) == 42 and all(truth[doc] == key for doc, key in reference)
    assert project.rows("SELECT name, role FROM coders ORDER BY name") == [("reference", "reference"),
                                                                            ("trainee", "trainee")]
    assert project.scalar("SELECT count(*) FROM suggestions") == 0
    assert project.scalar("SELECT count(DISTINCT origin) FROM codings") == 1
    assert 0 < results["relationship_forms"]["kappa"] < 1 and 0 < results["f1"] < 1
    assert any("trainee F1" in line for line in printed)
    assert any("no_such_form is not in the scheme" in line for line in printed)
    assert project.rows("SELECT action FROM journal WHERE action = 'demo_coding'") == [("demo_coding",)] * 2
    written = json.loads((ctx.out_dir / "trainee_score.json").read_text(encoding="utf-8"))
    assert written["trainee"] == "trainee" and written["misses"][0]["text"]
    assert "trainee coded 43 demo documents" in (ctx.out_dir / "audit.csv").read_text(encoding="utf-8-sig")


def test_demo_step_without_truth_codes_nothing(ctx: DemoContext) -> None:
    (ctx.sample_dir / "truth.csv").unlink()
    printed.clear()
    demo_step(ctx)
    assert printed[-1] == "  truth.csv missing: nothing coded"
    assert ctx.project.scalar("SELECT count(*) FROM codings") == 0
