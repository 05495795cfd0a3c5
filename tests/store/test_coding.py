"""Coding engine: applying, removing, resizing and recoding codings, coders and memos, with their errors."""

from __future__ import annotations

import numpy as np
import pytest
from builders import add_code, add_document

from workbench import coding
from workbench.errors import CodingError
from workbench.journal import undo
from workbench.project import Project
from workbench.store import memos
from workbench.store.coders import add_coder, list_coders, resolve_coder, set_role

TEXT = "Bonjour 😀, je veux un remboursement.\nMerci d'avance."


@pytest.fixture
def corpus(project: Project) -> dict[str, int]:
    root = add_code(project, "Motifs", codable=False)
    return {
        "doc": add_document(project, TEXT, "Appel 1", "call"),
        "other_doc": add_document(project, "Ma facture est fausse.", "Mail 2", "email"),
        "root": root,
        "refund": add_code(project, "Remboursement", root),
        "billing": add_code(project, "Facturation", root),
    }


def test_span_coding_records_coder_origin_time_guid_and_text(project: Project, corpus: dict[str, int]) -> None:
    start = TEXT.index("remboursement")
    coding_id = coding.apply_code(project, corpus["doc"], corpus["refund"], start, start + 13, coder="alice")
    row = coding.get_coding(project, coding_id)
    assert (row["start_pos"], row["end_pos"], row["origin"]) == (start, start + 13, "manual")
    assert len(row["guid"]) == 36 and row["created_at"] is not None
    listed = coding.codings_for_document(project, corpus["doc"])
    assert [(c["code"], c["coder"], c["text"]) for c in listed] == [("Remboursement", "alice", "remboursement")]
    # code points, not UTF-16 units: the emoji before the span counts as one character
    assert TEXT[start:start + 13] == "remboursement"


def test_whole_document_and_segment_coding(project: Project, corpus: dict[str, int]) -> None:
    whole = coding.apply_code(project, corpus["doc"], corpus["refund"], coder="alice")
    assert coding.get_coding(project, whole)["end_pos"] == len(TEXT)
    segment = project.scalar(
        "INSERT INTO segments (document_id, start_pos, end_pos, kind) VALUES (?, 0, 7, 'sentence') RETURNING id",
        [corpus["doc"]])
    seg_coding = coding.code_segment(project, segment, corpus["billing"], coder="alice")
    assert coding.codings_for_document(project, corpus["doc"], coder="alice")[0]["id"] == seg_coding
    with pytest.raises(CodingError, match="unknown segment 999"):
        coding.code_segment(project, 999, corpus["billing"], coder="alice")


def test_overlapping_codings_are_allowed_but_identical_ones_refused(project: Project, corpus: dict[str, int]) -> None:
    coding.apply_code(project, corpus["doc"], corpus["refund"], 0, 20, coder="alice")
    coding.apply_code(project, corpus["doc"], corpus["refund"], 10, 30, coder="alice")
    coding.apply_code(project, corpus["doc"], corpus["billing"], 0, 20, coder="alice")
    coding.apply_code(project, corpus["doc"], corpus["refund"], 0, 20, coder="bob")
    with pytest.raises(CodingError, match=r"alice already coded document \d+ \[0, 20\) with 'Motifs/Remboursement'"):
        coding.apply_code(project, corpus["doc"], corpus["refund"], 0, 20, coder="alice")
    assert project.scalar("SELECT count(*) FROM codings") == 4


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 5, r"span \[-1, 5\) is not inside document"),
        (5, 5, r"need 0 <= start < end <= 52"),
        (6, 2, r"span \[6, 2\)"),
        (0, len(TEXT) + 1, r"which has 52 characters"),
        (3, None, "give both start and end"),
    ],
)
def test_spans_outside_the_text_are_refused(project: Project, corpus: dict[str, int], start, end, message) -> None:
    assert len(TEXT) == 52  # 😀 is one code point (two UTF-16 units)
    with pytest.raises(CodingError, match=message):
        coding.apply_code(project, corpus["doc"], corpus["refund"], start, end, coder="alice")
    assert project.scalar("SELECT count(*) FROM codings") == 0
    assert project.scalar("SELECT count(*) FROM journal") == 0


def test_unknown_targets_grouping_codes_and_bad_origin_are_refused(project: Project, corpus: dict[str, int]) -> None:
    with pytest.raises(CodingError, match="unknown document 404"):
        coding.apply_code(project, 404, corpus["refund"], coder="alice")
    with pytest.raises(CodingError, match="unknown code 404"):
        coding.apply_code(project, corpus["doc"], 404, coder="alice")
    with pytest.raises(CodingError, match="'Motifs' is a grouping node"):
        coding.apply_code(project, corpus["doc"], corpus["root"], coder="alice")
    with pytest.raises(CodingError, match="unknown origin 'magic'"):
        coding.apply_code(project, corpus["doc"], corpus["refund"], coder="alice", origin="magic")
    empty = add_document(project, "", "vide")
    with pytest.raises(CodingError, match="is empty"):
        coding.apply_code(project, empty, corpus["refund"], coder="alice")
    for call in (lambda: coding.remove_coding(project, 77), lambda: coding.resize_coding(project, 77, 0, 1),
                 lambda: coding.recode(project, 77, corpus["billing"]), lambda: coding.get_coding(project, 77)):
        with pytest.raises(CodingError, match="unknown coding 77"):
            call()
    with pytest.raises(CodingError, match="unknown document 404"):
        coding.codings_for_document(project, 404)
    # nothing was created along the way, not even the coder
    assert project.scalar("SELECT count(*) FROM coders") == 0


def test_remove_resize_recode(project: Project, corpus: dict[str, int]) -> None:
    coding_id = coding.apply_code(project, corpus["doc"], corpus["refund"], 0, 7, coder="alice")
    coding.resize_coding(project, coding_id, 0, 10)
    assert coding.get_coding(project, coding_id)["end_pos"] == 10
    with pytest.raises(CodingError, match="already spans"):
        coding.resize_coding(project, coding_id, 0, 10)
    with pytest.raises(CodingError, match="not inside document"):
        coding.resize_coding(project, coding_id, 0, 100)
    coding.recode(project, coding_id, corpus["billing"])
    assert coding.get_coding(project, coding_id)["code_id"] == corpus["billing"]
    with pytest.raises(CodingError, match="already has code"):
        coding.recode(project, coding_id, corpus["billing"])
    with pytest.raises(CodingError, match="grouping node"):
        coding.recode(project, coding_id, corpus["root"])
    twin = coding.apply_code(project, corpus["doc"], corpus["refund"], 0, 10, coder="alice")
    with pytest.raises(CodingError, match="already coded"):
        coding.recode(project, twin, corpus["billing"])
    memo = memos.add_memo(project, "coding", coding_id, "à revoir")
    coding.remove_coding(project, coding_id)
    assert project.scalar("SELECT count(*) FROM memos WHERE id = ?", [memo]) == 0
    undo(project)
    assert memos.list_memos(project, "coding", coding_id)[0]["text"] == "à revoir"


def test_coders_are_created_on_first_use_with_roles(project: Project, corpus: dict[str, int]) -> None:
    coding.apply_code(project, corpus["doc"], corpus["refund"], coder="alice")
    coding.apply_code(project, corpus["doc"], corpus["refund"], coder="ref", role="reference")
    coders = {c["name"]: (c["role"], c["codings"]) for c in list_coders(project)}
    assert coders == {"alice": ("analyst", 1), "ref": ("reference", 1)}
    with pytest.raises(CodingError, match="coder 'alice' is analyst, not trainee"):
        coding.apply_code(project, corpus["other_doc"], corpus["refund"], coder="alice", role="trainee")
    with pytest.raises(CodingError, match="unknown role 'boss'"):
        coding.apply_code(project, corpus["doc"], corpus["billing"], coder="carol", role="boss")
    with pytest.raises(CodingError, match="unknown coder id 99"):
        coding.apply_code(project, corpus["doc"], corpus["billing"], coder=99)
    alice = np.int64(resolve_coder(project, "alice"))  # ids straight from a pandas/Qt table model
    numpy_coded = coding.apply_code(project, corpus["other_doc"], corpus["billing"], coder=alice)
    assert coding.get_coding(project, numpy_coded)["coder_id"] == alice
    set_role(project, "alice", "trainee")
    assert resolve_coder(project, "alice", "trainee") == resolve_coder(project, "alice")
    with pytest.raises(CodingError, match="already trainee"):
        set_role(project, "alice", "trainee")
    with pytest.raises(CodingError, match="unknown coder 'zoe'"):
        set_role(project, "zoe", "trainer")
    with pytest.raises(CodingError, match="already exists"):
        add_coder(project, "alice")
    with pytest.raises(CodingError, match="needs a name"):
        add_coder(project, "  ")
    undo(project)  # the role change
    assert {c["name"]: c["role"] for c in list_coders(project)}["alice"] == "analyst"


def test_memos_on_every_target_are_journalled(project: Project, corpus: dict[str, int]) -> None:
    coding_id = coding.apply_code(project, corpus["doc"], corpus["refund"], coder="alice")
    ids = [
        memos.add_memo(project, "project", None, "Étude NPS 2026", coder="alice"),
        memos.add_memo(project, "document", corpus["doc"], "client très poli"),
        memos.add_memo(project, "coding", coding_id, "ambigu"),
        memos.add_memo(project, "code", corpus["refund"], "inclure les avoirs"),
    ]
    assert [m["target_kind"] for m in memos.list_memos(project)] == ["project", "document", "coding", "code"]
    assert memos.list_memos(project, "project")[0]["coder"] == "alice"
    memos.edit_memo(project, ids[1], "client pressé")
    edited = memos.list_memos(project, "document", corpus["doc"])[0]
    assert edited["text"] == "client pressé" and edited["updated_at"] >= edited["created_at"]
    memos.delete_memo(project, ids[3])
    assert len(memos.list_memos(project)) == 3
    undo(project)
    undo(project)
    assert memos.list_memos(project, "document")[0]["text"] == "client très poli"
    assert len(memos.list_memos(project)) == 4


@pytest.mark.parametrize(
    ("kind", "target", "text", "message"),
    [
        ("document", 404, "x", "unknown document 404"),
        ("coding", 404, "x", "unknown coding 404"),
        ("code", 404, "x", "unknown code 404"),
        ("document", None, "x", "needs the document id"),
        ("project", 3, "x", "a project memo has no target id"),
        ("segment", 1, "x", "a memo is about one of project, document, coding, code"),
        ("project", None, "   ", "needs some text"),
    ],
)
def test_memo_errors(project: Project, kind: str, target, text: str, message: str) -> None:
    with pytest.raises(CodingError, match=message):
        memos.add_memo(project, kind, target, text)


def test_memo_edit_and_delete_errors(project: Project) -> None:
    memo = memos.add_memo(project, "project", None, "note")
    with pytest.raises(CodingError, match="unknown memo 99"):
        memos.edit_memo(project, 99, "x")
    with pytest.raises(CodingError, match="unknown memo 99"):
        memos.delete_memo(project, 99)
    with pytest.raises(CodingError, match="already has this text"):
        memos.edit_memo(project, memo, "note")
    with pytest.raises(CodingError, match="a memo is about one of"):
        memos.list_memos(project, "segment")
