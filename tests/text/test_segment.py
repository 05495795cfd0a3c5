"""Sentence segmentation and the one-pass index: offsets slice the stored text exactly."""

from __future__ import annotations

import pytest
from text_fixtures import add_documents, add_turns

from workbench.errors import Cancelled
from workbench.progress import CancelToken
from workbench.search import search
from workbench.text.segment import segment_project, units

TRICKY = [
    "Bonjour 😀 ! J'ai reçu ma facture 🧾 hier. Elle est fausse 👎🏽.",
    "Première ligne.\r\nDeuxième ligne, après un CRLF.\r\n\r\nNouveau paragraphe ici.",
    "Le conseiller était très désagréable. Ça m'a énervé… Vraiment !",
    "Combinaisons : q\u0303 et n\u0303 restent deux points de code. L'e\u0301te\u0301 est composé.",
    "   Espaces autour.   Et encore.   ",
    "😀",
    "",
]


def sentences(project, document_id):
    return project.rows(
        "SELECT start_pos, end_pos FROM segments WHERE kind = 'sentence' AND document_id = ? ORDER BY start_pos",
        [document_id],
    )


def test_sentence_offsets_slice_the_stored_text_exactly(project):
    ids = add_documents(project, TRICKY)
    report = segment_project(project)
    assert report.documents == len(TRICKY)
    for document_id in ids:
        text = project.scalar("SELECT text FROM documents WHERE id = ?", [document_id])
        spans = sentences(project, document_id)
        for start, end in spans:
            piece = text[start:end]
            assert piece and piece == piece.strip(), (document_id, piece)
        assert [e for _, e in spans] == sorted(e for _, e in spans)
        # Every non-blank character lies in a sentence: nothing is lost between sentences.
        covered = {i for start, end in spans for i in range(start, end)}
        assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    first = project.scalar("SELECT text FROM documents WHERE id = ?", [ids[0]])
    assert [first[s:e] for s, e in sentences(project, ids[0])] == [
        "Bonjour 😀 !", "J'ai reçu ma facture 🧾 hier.", "Elle est fausse 👎🏽."
    ]
    crlf = project.scalar("SELECT text FROM documents WHERE id = ?", [ids[1]])
    assert "\r" not in crlf
    assert [crlf[s:e] for s, e in sentences(project, ids[1])][-1] == "Nouveau paragraphe ici."
    assert sentences(project, ids[-1]) == []  # an empty document has no sentence, and is still done
    assert project.scalar("SELECT count(*) FROM text_status") == len(TRICKY)


def test_tokens_carry_exact_offsets_and_folded_lemmas(project):
    (document_id,) = add_documents(project, ["Les factures 😀 étaient remboursées à Noël."])
    segment_project(project)
    text = project.scalar("SELECT text FROM documents")
    rows = project.rows(
        "SELECT position, start_pos, end_pos, lemma, folded FROM token_text WHERE document_id = ? ORDER BY position",
        [document_id],
    )
    assert [r[0] for r in rows] == list(range(len(rows)))
    for _, start, end, _, folded in rows:
        assert folded == text[start:end].casefold().replace("é", "e").replace("ë", "e").replace("à", "a")
    by_form = {r[4]: r[3] for r in rows}
    assert by_form["factures"] == "facture"
    assert by_form["remboursees"] == "rembourser"
    assert "." not in by_form  # punctuation is not indexed


def test_sentences_never_cross_speaker_turns(project):
    text = "Conseillère : Bonjour madame je vous écoute\nCliente : oui alors voilà ma box ne marche plus depuis lundi"
    (document_id,) = add_documents(project, [text], kind="call")
    first = text.index("Bonjour")
    second = text.index("oui")
    add_turns(project, document_id, [(first, text.index("\n"), "Conseillère"), (second, len(text), "Cliente")])
    segment_project(project)
    spans = sentences(project, document_id)
    turns = project.rows("SELECT start_pos, end_pos FROM segments WHERE kind = 'turn' ORDER BY start_pos")
    assert len(turns) == 2  # the importer's turns stay
    assert spans, "sentences inside turns"
    for start, end in spans:
        assert any(ts <= start and end <= te for ts, te in turns), text[start:end]
    assert text[spans[0][0]:spans[0][1]].startswith("Bonjour")


def test_long_documents_are_cut_on_paragraphs_with_correct_offsets():
    text = "\n\n".join(f"Paragraphe {i} avec du texte." for i in range(50))
    pieces = units(text, limit=100)
    assert all(end - start <= 100 for start, end in pieces)
    assert [text[s:e] for s, e in pieces][:2] == ["Paragraphe 0 avec du texte.", "Paragraphe 1 avec du texte."]
    one_paragraph = "mot " * 100
    cut = units(one_paragraph, limit=30)
    assert "".join(one_paragraph[s:e] for s, e in cut) == one_paragraph  # contiguous, cut after spaces
    assert all(e - s <= 30 and one_paragraph[e - 1] == " " for s, e in cut)


def test_a_long_document_is_segmented_whole(project, monkeypatch):
    monkeypatch.setattr("workbench.text.segment.MAX_UNIT_CHARS", 200)
    text = " ".join(f"La phrase numéro {i} parle de facture." for i in range(60))
    (document_id,) = add_documents(project, [text])
    segment_project(project)
    spans = sentences(project, document_id)
    assert all(text[s:e] == text[s:e].strip() and text[s:e] for s, e in spans)
    assert all(e - s <= 200 for s, e in spans)
    assert search(project, "facture", count=True).total_hits == 60
    positions = [r[0] for r in project.rows("SELECT position FROM tokens ORDER BY start_pos")]
    assert positions == list(range(len(positions)))  # positions run on across the pieces


def test_resumable_and_incremental(project):
    add_documents(project, [f"Document {i}. Il parle de remboursement." for i in range(7)])
    first = segment_project(project, batch_documents=3)
    assert (first.documents, first.skipped) == (7, 0)
    before = project.scalar("SELECT count(*) FROM segments")
    again = segment_project(project)
    assert (again.documents, again.skipped) == (0, 7)
    assert project.scalar("SELECT count(*) FROM segments") == before
    add_documents(project, ["Un nouveau document importé plus tard."])
    later = segment_project(project)
    assert (later.documents, later.skipped) == (1, 7)


def test_cancel_keeps_finished_batches_and_resume_finishes(project):
    add_documents(project, [f"Texte {i} sur la facture." for i in range(6)])
    token = CancelToken()
    seen = []

    def progress(done, total, message=""):
        seen.append((done, total))
        if done >= 2:
            token.cancel()

    with pytest.raises(Cancelled):
        segment_project(project, progress=progress, cancel=token, batch_documents=2)
    assert project.scalar("SELECT count(*) FROM text_status") == 2
    assert seen[0] == (0, 6)
    rest = segment_project(project, batch_documents=2)
    assert rest.documents == 4
    assert project.scalar("SELECT count(*) FROM text_status") == 6
    # No document was indexed twice.
    assert project.scalar("SELECT count(*) FROM (SELECT document_id, position FROM tokens GROUP BY ALL HAVING count(*) > 1)") == 0


def test_english_documents_use_the_english_pipeline(project):
    ids = add_documents(project, [
        "Hello, I received my invoice yesterday and it is completely wrong. Please call me back.",
        "Bonjour, j'ai reçu ma facture hier et elle est complètement fausse. Rappelez-moi.",
    ])
    report = segment_project(project)
    assert report.languages == {"en": 1, "fr": 1}
    assert project.rows("SELECT id, lang FROM documents ORDER BY id") == [(ids[0], "en"), (ids[1], "fr")]
    assert len(sentences(project, ids[0])) == 2
