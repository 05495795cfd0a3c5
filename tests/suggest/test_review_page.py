"""The review panel's engine side: a page of the queue with the passage in context, counts for the bulk
accept's preview, the filtered bulk accept as one undoable action, and a document's pending suggestions."""

from __future__ import annotations

import json

import pytest
from suggest_data import add_codes, add_documents

from workbench.journal import undo
from workbench.suggest.review import (
    QueueFilter,
    accept_filtered,
    pending_in_document,
    queue_count,
    queue_page,
    reject,
)

LONG = ("Bonjour,\nje vous écris car ma facture 😀 de mars a doublé sans prévenir et personne ne répond "
        "au téléphone depuis trois semaines, c'est inadmissible.")


def _suggest(project, document_id: int, start: int, end: int, code_id: int, score: float) -> int:
    return project.scalar(
        "INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score, explanation) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [document_id, start, end, code_id, score, json.dumps({"method": "zero-shot", "words": ["facture"]})])


@pytest.fixture
def queue(project):  # type: ignore[no-untyped-def]
    long_doc, short_doc = add_documents(project, [LONG, "Colis jamais reçu."])
    (call,) = add_documents(project, ["Je veux résilier mon contrat."], kind="call")
    codes = add_codes(project)
    project.execute("INSERT INTO variables (name, type) VALUES ('nps', 'integer')")
    for doc, value in ((long_doc, "2"), (short_doc, "9"), (call, "2")):
        project.execute("INSERT INTO document_values VALUES (?, 1, ?)", [doc, value])
    text = project.scalar("SELECT text FROM documents WHERE id = ?", [long_doc])
    start = text.index("ma facture")
    end = text.index(" sans prévenir")
    ids = {
        "passage": _suggest(project, long_doc, start, end, codes["billing"], 0.85),
        "short": _suggest(project, short_doc, 0, 18, codes["delivery"], 0.95),
        "call": _suggest(project, call, 0, 29, codes["cancellation"], 0.80),
        "low": _suggest(project, long_doc, 0, 8, codes["praise"], 0.40),
    }
    return {"ids": ids, "codes": codes, "docs": (long_doc, short_doc, call), "text": text, "span": (start, end)}


def test_a_page_holds_the_passage_with_whole_words_around_it(project, queue) -> None:
    rows = queue_page(project, context=17)
    assert [row["id"] for row in rows] == [queue["ids"][key] for key in ("short", "passage", "call", "low")]
    passage = rows[1]
    start, end = queue["span"]
    assert passage["text"] == queue["text"][start:end] == "ma facture 😀 de mars a doublé"
    # 17 code points before the passage start inside "je": the cut word is dropped (offsets count the emoji
    # as one code point, so the passage ends where the engine says).
    assert queue["text"][start - 17:start] == "e vous écris car "
    assert passage["before"] == "vous écris car "
    assert passage["after"] == " sans prévenir et"  # the 18th character is a space: "et" is whole
    (cut,) = [r for r in queue_page(project, context=16) if r["id"] == passage["id"]]
    assert cut["after"] == " sans prévenir"  # "e" of "et" would be half a word
    assert passage["code"] == "Facturation" and passage["explanation"]["words"] == ["facture"]
    assert rows[0]["before"] == "" and rows[0]["after"] == ""  # the whole document: nothing around it


def test_context_that_reaches_the_text_edges_is_not_trimmed(project, queue) -> None:
    (row,) = [r for r in queue_page(project, context=500) if r["id"] == queue["ids"]["passage"]]
    start, end = queue["span"]
    assert row["before"] == queue["text"][:start] and row["after"] == queue["text"][end:]


def test_pages_follow_each_other_without_overlap_and_filters_apply(project, queue) -> None:
    first = queue_page(project, limit=2)
    second = queue_page(project, limit=2, after=(first[-1]["score"], first[-1]["id"]))
    assert [r["id"] for r in first + second] == [r["id"] for r in queue_page(project)]
    assert queue_page(project, after=(second[-1]["score"], second[-1]["id"])) == []
    assert [r["id"] for r in queue_page(project, QueueFilter(code="billing"))] == [queue["ids"]["passage"]]
    assert [r["id"] for r in queue_page(project, QueueFilter(kind="call"))] == [queue["ids"]["call"]]
    assert [r["id"] for r in queue_page(project, QueueFilter(variables={"nps": "9"}))] == [queue["ids"]["short"]]
    assert [r["id"] for r in queue_page(project, QueueFilter(min_score=0.82))] == [queue["ids"]["short"],
                                                                                 queue["ids"]["passage"]]
    assert queue_count(project) == 4
    assert queue_count(project, QueueFilter(variables={"nps": "2"})) == 3
    assert queue_count(project, QueueFilter(variables={"nps": "2"}), min_score=0.8) == 2
    assert queue_count(project, QueueFilter(min_score=0.9), min_score=0.5) == 1  # the higher bound wins
    reject(project, [queue["ids"]["short"]])
    assert queue_count(project) == 3 and queue["ids"]["short"] not in [r["id"] for r in queue_page(project)]


def test_filtered_bulk_accept_takes_only_what_the_preview_counted_in_one_undo(project, queue) -> None:
    kept = QueueFilter(variables={"nps": "2"})
    assert queue_count(project, kept, min_score=0.8) == 2
    done = accept_filtered(project, 0.8, kept, coder="ana")
    assert done["count"] == 2 and len(done["codings"]) == 2
    assert sorted(project.rows("SELECT suggestion_id FROM codings")) == sorted(
        [(queue["ids"]["passage"],), (queue["ids"]["call"],)])
    assert project.rows("SELECT DISTINCT k.name FROM codings c JOIN coders k ON k.id = c.coder_id") == [("ana",)]
    assert queue_count(project) == 2
    undo(project)
    assert queue_count(project) == 4 and project.scalar("SELECT count(*) FROM codings") == 0


def test_a_documents_pending_suggestions_are_listed_in_text_order(project, queue) -> None:
    long_doc = queue["docs"][0]
    found = pending_in_document(project, long_doc)
    assert [(row["id"], row["code"]) for row in found] == [(queue["ids"]["low"], "Compliment"),
                                                            (queue["ids"]["passage"], "Facturation")]
    reject(project, [queue["ids"]["low"]])
    assert [row["id"] for row in pending_in_document(project, long_doc)] == [queue["ids"]["passage"]]
