"""The text pipeline on the demo corpus: offsets, turns, lemma search, the demo step, pseudonymisation."""

from __future__ import annotations

import re
from contextlib import nullcontext

import pytest
from conftest import SAMPLES

from workbench.demo import DemoContext
from workbench.demo.text import demo_step
from workbench.ingest.folder import import_paths
from workbench.progress import no_progress
from workbench.project import Project
from workbench.search import search
from workbench.text.normalise import fold
from workbench.text.pseudonymise_project import pseudonymise_project

pytestmark = pytest.mark.skipif(not (SAMPLES / "appels").is_dir(), reason="demo corpus not present")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    with Project.create(folder / "demo.vwb") as project:
        import_paths(project, [SAMPLES / name for name in ("appels", "emails", "entretiens", "enquete")])
        lines: list[str] = []
        ctx = DemoContext(project, folder, SAMPLES, lines.append, lambda label: nullcontext(no_progress))
        demo_step(ctx)
        yield project, ctx, lines


def test_demo_step_segments_indexes_and_shows_a_search(demo):
    project, ctx, lines = demo
    result = ctx.results["text"]
    assert result["documents"] == project.scalar("SELECT count(*) FROM documents") > 400
    assert result["sentences"] == project.scalar("SELECT count(*) FROM segments WHERE kind = 'sentence'")
    assert result["search"]["hits"] > 0
    assert lines[0].startswith("Text pipeline: ")
    assert any(line.startswith("Search ") for line in lines)
    assert sum(line.startswith("  #") for line in lines) == min(8, result["search"]["hits"])


def test_every_segment_slices_the_stored_text(demo):
    project, _, _ = demo
    texts = dict(project.rows("SELECT id, text FROM documents"))
    rows = project.rows("SELECT document_id, start_pos, end_pos, kind FROM segments")
    for document_id, start, end, kind in rows:
        piece = texts[document_id][start:end]
        assert 0 <= start < end <= len(texts[document_id]) and piece.strip()
        if kind == "sentence":
            assert piece == piece.strip()
    tokens = project.rows("SELECT document_id, start_pos, end_pos, folded FROM token_text USING SAMPLE 2000 ROWS")
    for document_id, start, end, folded in tokens:
        assert fold(texts[document_id][start:end]) == folded


def test_sentences_stay_inside_turns_in_transcripts(demo):
    project, _, _ = demo
    assert project.scalar("SELECT count(*) FROM segments WHERE kind = 'turn'") > 100
    crossing = project.scalar(
        """SELECT count(*) FROM segments s JOIN documents d ON d.id = s.document_id
           WHERE s.kind = 'sentence' AND EXISTS (SELECT 1 FROM segments t WHERE t.document_id = s.document_id
                 AND t.kind = 'turn')
             AND NOT EXISTS (SELECT 1 FROM segments t WHERE t.document_id = s.document_id AND t.kind = 'turn'
                 AND t.start_pos <= s.start_pos AND s.end_pos <= t.end_pos)"""
    )
    assert crossing == 0


def test_lemma_search_finds_inflected_forms_in_the_corpus(demo):
    project, _, _ = demo
    forms = {hit.match.casefold() for hit in search(project, "rembourser", limit=500).hits}
    assert "rembourser" in forms and len(forms) >= 2, forms
    invoices = {hit.match.casefold() for hit in search(project, "facture", limit=2000).hits}
    assert {"facture", "factures"} <= invoices
    detractors = search(project, "facture", where=["nps<=6"], count=True)
    everyone = search(project, "facture", count=True)
    assert 0 < detractors.total_documents < everyone.total_documents


def test_pseudonymising_the_demo_mailbox_leaves_no_contact_detail(tmp_path):
    with Project.create(tmp_path / "mails.vwb") as project:
        import_paths(project, [SAMPLES / "emails" / "boite_reclamations.mbox"])
        before = " ".join(row[0] for row in project.rows("SELECT text FROM documents"))
        report = pseudonymise_project(project)
        after = " ".join(row[0] for row in project.rows("SELECT text FROM documents"))
        values = " ".join(str(row[0]) for row in project.rows("SELECT value FROM document_values"))
    # Independent, simple patterns: what a reviewer would grep for.
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    phone = re.compile(r"(?<![\w-])(?:\+33\s?|0)[1-9](?:[ .]?\d{2}){4}(?!\d)")
    assert email.search(before) and phone.search(before)
    assert not email.search(after) and not email.search(values)
    assert not phone.search(after)
    assert not re.search(r"CLI-\d{4}-\d{5}|CT-\d{6}", after)
    assert report.replacements["email"] > 0 and report.replacements["person"] > 0
