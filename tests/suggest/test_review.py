"""The review queue: sorting, filters, and accept / reject / relabel as undoable actions."""

from __future__ import annotations

import json

import pytest
from suggest_data import add_codes, add_documents

from workbench.errors import WorkbenchError
from workbench.journal import redo, undo
from workbench.suggest.review import accept, accept_above, reject, relabel, review_queue


@pytest.fixture
def queue(project):  # type: ignore[no-untyped-def]
    """Three documents, four codes, five pending suggestions with known scores."""
    docs = add_documents(project, ["Ma facture est fausse.", "Colis jamais reçu.", "Merci au conseiller !"])
    (call,) = add_documents(project, ["Je veux résilier mon contrat."], kind="call")
    codes = add_codes(project)
    project.execute("INSERT INTO variables (name, type) VALUES ('nps', 'integer')")
    for doc, value in zip(docs + [call], ["2", "5", "10", "1"]):
        project.execute("INSERT INTO document_values VALUES (?, 1, ?)", [doc, value])
    planned = [(docs[0], "billing", 0.95), (docs[1], "delivery", 0.80), (docs[2], "praise", 0.65),
               (call, "cancellation", 0.91), (docs[0], "payment_typo", 0.3)]
    ids = {}
    for doc, key, score in planned:
        code_id = codes.get(key, codes["billing"])
        length = project.scalar("SELECT n_chars FROM documents WHERE id = ?", [doc])
        ids[key] = project.scalar(
            "INSERT INTO suggestions (document_id, start_pos, end_pos, code_id, score, explanation) "
            "VALUES (?, 0, ?, ?, ?, ?) RETURNING id",
            [doc, length, code_id, score, json.dumps({"method": "zero-shot", "words": ["x"]})])
    return {"docs": docs, "call": call, "codes": codes, "ids": ids}


def test_queue_is_sorted_by_score_and_filterable(project, queue):
    rows = review_queue(project)
    assert [row["score"] for row in rows] == sorted((row["score"] for row in rows), reverse=True)
    assert rows[0]["text"] == "Ma facture est fausse." and rows[0]["explanation"]["words"] == ["x"]
    assert [r["code_key"] for r in review_queue(project, code="delivery")] == ["delivery"]
    assert [r["code_key"] for r in review_queue(project, kind="call")] == ["cancellation"]
    assert len(review_queue(project, min_score=0.7, max_score=0.92)) == 2
    assert [r["code_key"] for r in review_queue(project, variables={"nps": "10"})] == ["praise"]
    assert len(review_queue(project, limit=2)) == 2


def test_accept_creates_a_coding_and_undo_takes_both_back(project, queue):
    suggestion = queue["ids"]["billing"]
    (coding,) = accept(project, [suggestion], coder="ana")
    row = project.dicts("SELECT * FROM codings WHERE id = ?", [coding])[0]
    assert row["origin"] == "suggestion" and row["suggestion_id"] == suggestion
    assert row["code_id"] == queue["codes"]["billing"] and (row["start_pos"], row["end_pos"]) == (0, 22)
    assert project.scalar("SELECT status FROM suggestions WHERE id = ?", [suggestion]) == "accepted"
    assert project.scalar("SELECT action FROM journal ORDER BY id DESC LIMIT 1") == "accept_suggestions"
    undo(project)
    assert project.scalar("SELECT count(*) FROM codings") == 0
    assert project.scalar("SELECT status FROM suggestions WHERE id = ?", [suggestion]) == "pending"
    redo(project)
    assert project.scalar("SELECT count(*) FROM codings WHERE suggestion_id = ?", [suggestion]) == 1


def test_reject_keeps_the_suggestion_as_a_negative_and_is_undoable(project, queue):
    suggestion = queue["ids"]["delivery"]
    assert reject(project, [suggestion]) == 1
    assert project.scalar("SELECT status FROM suggestions WHERE id = ?", [suggestion]) == "rejected"
    assert project.scalar("SELECT reviewed_by FROM suggestions WHERE id = ?", [suggestion]) is not None
    assert suggestion not in [r["id"] for r in review_queue(project)]
    undo(project)
    assert project.scalar("SELECT status FROM suggestions WHERE id = ?", [suggestion]) == "pending"


def test_relabel_codes_the_span_with_another_code(project, queue):
    suggestion = queue["ids"]["praise"]
    coding = relabel(project, suggestion, "billing")
    assert project.scalar("SELECT code_id FROM codings WHERE id = ?", [coding]) == queue["codes"]["billing"]
    status, new_code = project.rows("SELECT status, relabel_code_id FROM suggestions WHERE id = ?", [suggestion])[0]
    assert status == "relabelled" and new_code == queue["codes"]["billing"]
    undo(project)
    assert project.scalar("SELECT count(*) FROM codings") == 0
    assert project.scalar("SELECT status FROM suggestions WHERE id = ?", [suggestion]) == "pending"
    with pytest.raises(WorkbenchError, match="already proposes"):
        relabel(project, suggestion, "praise")
    with pytest.raises(WorkbenchError, match="no code"):
        relabel(project, suggestion, "no_such_code")


def test_decisions_on_unknown_or_reviewed_suggestions_are_refused(project, queue):
    accept(project, [queue["ids"]["billing"]])
    with pytest.raises(WorkbenchError, match="already accepted"):
        reject(project, [queue["ids"]["billing"]])
    with pytest.raises(WorkbenchError, match="no suggestion 9999"):
        accept(project, [9999])
    assert project.scalar("SELECT count(*) FROM codings") == 1


def test_bulk_accept_above_previews_then_accepts_as_one_action(project, queue):
    preview = accept_above(project, 0.9, dry_run=True)
    assert preview["count"] == 2 and preview["per_code"] == {"Facturation": 1, "Résiliation": 1}
    assert project.scalar("SELECT count(*) FROM codings") == 0
    done = accept_above(project, 0.9)
    assert len(done["codings"]) == 2
    assert project.scalar("SELECT count(*) FROM suggestions WHERE status = 'accepted'") == 2
    undo(project)
    assert project.scalar("SELECT count(*) FROM codings") == 0
    assert project.scalar("SELECT count(*) FROM suggestions WHERE status = 'pending'") == 5
    assert accept_above(project, 0.9, kind="survey", dry_run=True)["count"] == 1
    with pytest.raises(WorkbenchError, match="between 0 and 1"):
        accept_above(project, 1.5)


def test_accepting_a_span_the_reviewer_already_coded_makes_no_second_coding(project, queue):
    from workbench.coding import apply_code

    suggestion = queue["ids"]["billing"]
    length = project.scalar("SELECT n_chars FROM documents WHERE id = ?", [queue["docs"][0]])
    existing = apply_code(project, queue["docs"][0], queue["codes"]["billing"], 0, length, coder="ana")
    assert accept(project, [suggestion], coder="ana") == [existing]
    assert project.scalar("SELECT count(*) FROM codings") == 1
    assert project.scalar("SELECT status FROM suggestions WHERE id = ?", [suggestion]) == "accepted"
    undo(project)
    assert project.scalar("SELECT status FROM suggestions WHERE id = ?", [suggestion]) == "pending"
    assert project.scalar("SELECT count(*) FROM codings") == 1  # the manual coding is not the accept's to undo
    assert len(accept(project, [suggestion], coder="someone else")) == 1  # another coder's coding is their own
    assert project.scalar("SELECT count(*) FROM codings") == 2


def test_a_reviewer_met_for_the_first_time_is_created_through_the_journal(project, queue):
    reject(project, [queue["ids"]["praise"]], coder="newperson")
    assert project.rows("SELECT name, role FROM coders") == [("newperson", "analyst")]
    actions = [row[0] for row in project.rows("SELECT action FROM journal ORDER BY id")]
    assert actions == ["add_coder", "reject_suggestions"]
    undo(project)  # the decision goes back, the person stays (as for a first coding)
    assert project.scalar("SELECT count(*) FROM coders") == 1
    assert project.scalar("SELECT status FROM suggestions WHERE id = ?", [queue["ids"]["praise"]]) == "pending"


def test_the_reviewer_by_default_is_the_one_default_coder(project, queue, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CODER", "claire")
    reject(project, [queue["ids"]["praise"]])
    assert project.scalar("SELECT k.name FROM suggestions s JOIN coders k ON k.id = s.reviewed_by "
                          "WHERE s.id = ?", [queue["ids"]["praise"]]) == "claire"


def test_codes_are_named_in_the_queue_as_everywhere_else(project, queue):
    billing = queue["codes"]["billing"]
    name = project.scalar("SELECT name FROM codes WHERE id = ?", [billing])
    for spec in (billing, str(billing), "billing", "reasons:billing", name, name.upper()):
        assert {row["code_id"] for row in review_queue(project, code=spec)} == {billing}, spec
    with pytest.raises(WorkbenchError, match="did you mean: .*billing"):
        review_queue(project, code="bilingg")
    with pytest.raises(WorkbenchError, match="did you mean"):
        relabel(project, queue["ids"]["delivery"], "delivry")


def test_deleting_or_merging_codes_keeps_relabelled_suggestions_whole(project, queue):
    from workbench.codebook import delete_code, merge_codes
    from workbench.integrity import check_project

    coding = relabel(project, queue["ids"]["delivery"], "praise", coder="ana")  # a delivery suggestion -> praise
    delete_code(project, queue["codes"]["praise"])  # the code it was relabelled to goes
    assert check_project(project).problems == []
    row = project.dicts("SELECT status, relabel_code_id FROM suggestions WHERE id = ?", [queue["ids"]["delivery"]])
    assert row == [{"status": "relabelled", "relabel_code_id": None}]
    undo(project)
    assert project.scalar("SELECT relabel_code_id FROM suggestions WHERE id = ?",
                          [queue["ids"]["delivery"]]) == queue["codes"]["praise"]
    delete_code(project, queue["codes"]["delivery"])  # the suggestion's own code goes; the coding stays
    assert check_project(project).problems == []
    assert project.scalar("SELECT suggestion_id FROM codings WHERE id = ?", [coding]) is None
    undo(project)
    merge_codes(project, queue["codes"]["praise"], queue["codes"]["billing"])
    assert check_project(project).problems == []
    assert project.scalar("SELECT relabel_code_id FROM suggestions WHERE id = ?",
                          [queue["ids"]["delivery"]]) == queue["codes"]["billing"]
