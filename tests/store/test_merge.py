"""Team merge: two coders' copies of one project brought back into it without losing or inventing anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import add_code, add_coder_row, add_document
from cli_helpers import fails, ok
from hostile.digest import file_digest, project_digest

from workbench import journal
from workbench.backup import backup_project
from workbench.codebook import create_code, delete_code, rename_code
from workbench.coding import apply_code, remove_coding
from workbench.integrity import check_project
from workbench.merge import merge_projects
from workbench.project import Project
from workbench.store.memos import add_memo, edit_memo
from workbench.store.suggestions import Proposal, replace_pending
from workbench.suggest.review import accept, reject

TEXTS = ["Le conseiller était très aimable 😀, merci !", "Facture erronée : on m'a prélevé deux fois.",
         "Résiliation demandée\nsans réponse depuis trois semaines."]
CODES = {"Ton": "00000000-0000-0000-0000-000000000001", "Positif": "00000000-0000-0000-0000-000000000002",
         "Négatif": "00000000-0000-0000-0000-000000000003"}


def _base(path: Path) -> None:
    """The lead's project: three documents, a small codebook, one coder, two pending suggestions."""
    with Project.create(path) as project, project.transaction():
        for text in TEXTS:
            add_document(project, text, title=text[:12])
        root = add_code(project, "Ton", codable=False, guid=CODES["Ton"])
        add_code(project, "Positif", root, guid=CODES["Positif"])
        add_code(project, "Négatif", root, guid=CODES["Négatif"])
        add_coder_row(project, "lea", "analyst")
        replace_pending(project, None, [], [
            Proposal(1, 0, 34, 2, 0.9, {"words": ["aimable"]}, "document", 1),
            Proposal(2, 0, 16, 3, 0.7, {"words": ["erronée"]}, "document", 2)])


def _copy(base: Path, out: Path) -> Path:
    with Project.open(base) as project:
        backup_project(project, out)
    return out


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The lead's project and two copies, coded differently by alice and bob."""
    base = tmp_path / "equipe.vwb"
    _base(base)
    alice, bob = _copy(base, tmp_path / "alice.vwb"), _copy(base, tmp_path / "bob.vwb")
    with Project.open(alice) as project:
        apply_code(project, 2, 3, coder="alice")
        coding = apply_code(project, 3, 3, 0, 20, coder="alice")
        add_memo(project, "coding", coding, "Résiliation : client perdu ?", coder="alice")
        accept(project, [1], coder="alice")  # "Le conseiller était très aimable 😀": the span ends after the emoji
    with Project.open(bob) as project:
        new_code = create_code(project, "Délai", 1)
        apply_code(project, 1, 2, coder="bob")
        apply_code(project, 3, new_code, 21, 56, coder="bob")
        add_memo(project, "document", 2, "Double prélèvement, à vérifier", coder="bob")
        add_memo(project, "code", new_code, "Attente du client", coder="bob")
        reject(project, [2], coder="bob")
    return base, alice, bob


def _codings(project: Project) -> set[tuple]:
    return set(project.rows(
        "SELECT g.guid, g.document_id, c.guid, g.start_pos, g.end_pos, k.name, g.origin FROM codings g "
        "JOIN codes c ON c.id = g.code_id JOIN coders k ON k.id = g.coder_id"))


def _work(path: Path) -> tuple[set[tuple], set[tuple], set[tuple]]:
    """A copy's codings, memos (about what, by whom) and decisions, as the target must hold them after."""
    with Project.open(path, read_only=True) as project:
        memos = set(project.rows("SELECT m.target_kind, m.text, k.name FROM memos m JOIN coders k ON k.id = m.coder_id"))
        decisions = set(project.rows("SELECT s.document_id, s.start_pos, s.end_pos, s.status, k.name FROM suggestions s "
                                     "JOIN coders k ON k.id = s.reviewed_by WHERE s.status <> 'pending'"))
        return _codings(project), memos, decisions


def test_two_coders_copies_merge_losslessly_into_the_target(team: tuple[Path, Path, Path]) -> None:
    base, alice, bob = team
    wanted = [_work(alice), _work(bob)]
    with Project.open(base) as project:
        report = merge_projects(project, [alice, bob])
        codings, memos, decisions = _work_of(project)
        for copy_codings, copy_memos, copy_decisions in wanted:
            assert copy_codings <= codings  # same GUIDs, documents, codes, spans, coders and origins
            assert copy_memos <= memos and copy_decisions <= decisions
        assert len(codings) == len(wanted[0][0] | wanted[1][0]) == 5
        roles = dict(project.rows("SELECT name, role FROM coders"))
        assert roles == {"lea": "analyst", "alice": "analyst", "bob": "analyst"}
        assert project.scalar("SELECT count(*) FROM codes WHERE name = 'Délai' AND parent_id = 1") == 1
        accepted = project.rows("SELECT g.suggestion_id FROM codings g JOIN coders k ON k.id = g.coder_id "
                                "WHERE k.name = 'alice' AND g.document_id = 1")
        assert accepted == [(1,)]  # the accepted suggestion's coding keeps its link
        code_memo = project.scalar("SELECT c.name FROM memos m JOIN codes c ON c.id = m.target_id "
                                   "WHERE m.target_kind = 'code'")
        assert code_memo == "Délai"
        assert check_project(project).problems == []  # no reference left dangling, no twin coding
        merged = project.rows("SELECT json_extract_string(payload, '$.summary.file') FROM journal "
                              "WHERE action = 'merge_project' ORDER BY id")
        assert [Path(row[0]).name for row in merged] == ["alice.vwb", "bob.vwb"]
    assert report.failures == []
    lines = report.lines()
    assert lines[0] == "alice.vwb: brought 3 codings, 1 memo, 1 review decision, 1 new coder"
    assert lines[1] == "bob.vwb: brought 2 codings, 2 memos, 1 review decision, 1 new code, 1 new coder"
    assert lines[2].startswith("Agreement between alice, bob on 2 documents: Krippendorff's alpha ")
    assert "workbench agreement" in lines[2] and "--coders alice,bob" in lines[2]


def _work_of(project: Project) -> tuple[set[tuple], set[tuple], set[tuple]]:
    memos = set(project.rows("SELECT m.target_kind, m.text, k.name FROM memos m JOIN coders k ON k.id = m.coder_id"))
    decisions = set(project.rows("SELECT s.document_id, s.start_pos, s.end_pos, s.status, k.name FROM suggestions s "
                                 "JOIN coders k ON k.id = s.reviewed_by WHERE s.status <> 'pending'"))
    return _codings(project), memos, decisions


def test_undo_takes_each_copy_back_and_restores_the_target_exactly(team: tuple[Path, Path, Path]) -> None:
    base, alice, bob = team
    with Project.open(base) as project:
        before = project_digest(project)
        merge_projects(project, [alice, bob])
        undone = journal.undo(project)
        assert undone["action"] == "merge_project" and "bob.vwb" in undone["description"]
        after_alice_only = project_digest(project)
        assert after_alice_only["codings"] != before["codings"]
        journal.undo(project)
        now = project_digest(project)
    tables = set(before) - {"journal"}  # the journal keeps the merges and their undoing, as for any action
    assert {t: now[t] for t in tables} == {t: before[t] for t in tables}


def test_merging_the_same_copy_twice_adds_nothing_the_second_time(team: tuple[Path, Path, Path]) -> None:
    base, alice, bob = team
    with Project.open(base) as project:
        merge_projects(project, [alice, bob])
        once = project_digest(project)
        again = merge_projects(project, [bob, alice])
        assert project_digest(project) == once  # not even a journal row
    assert again.lines()[:2] == [
        "bob.vwb: nothing new, the target already holds all it could bring (5 items)",
        "alice.vwb: nothing new, the target already holds all it could bring (5 items)"]
    assert again.summary() == "merged 0 projects into equipe.vwb (0 codings added)"


def test_what_the_target_deleted_since_the_copies_were_made_stays_deleted(team: tuple[Path, Path, Path]) -> None:
    base, alice, bob = team
    with Project.open(base) as project:
        merge_projects(project, [alice, bob])
        coding = project.scalar("SELECT g.id FROM codings g JOIN coders k ON k.id = g.coder_id "
                                "WHERE k.name = 'alice' AND g.document_id = 2")
        remove_coding(project, coding, coder="lea")
        delete_code(project, codebook_id(project, "Délai"))
        before = project_digest(project)
        again = merge_projects(project, [alice, bob])
        assert project_digest(project) == before
    assert again.failures == [
        "alice.vwb: skipped: codings deleted in the target since this copy was made (1 coding)",
        "bob.vwb: skipped: code «Ton/Délai» was deleted or merged into another in the target (1 coding, 1 memo)"]


def test_a_suggestion_decided_otherwise_in_the_target_is_a_conflict(team: tuple[Path, Path, Path]) -> None:
    base, alice, _ = team
    with Project.open(base) as project:
        reject(project, [1], coder="lea")  # alice accepted it in her copy
        report = merge_projects(project, [alice])
        assert project.rows("SELECT status, reviewed_by FROM suggestions WHERE id = 1") == [("rejected", 1)]
        assert project.scalar("SELECT count(*) FROM codings g JOIN coders k ON k.id = g.coder_id "
                              "WHERE k.name = 'alice' AND g.document_id = 1 AND g.suggestion_id IS NULL") == 1
    assert report.failures == [
        ("alice.vwb: skipped: document 1 [0, 34): the suggestion of «Ton/Positif» was accepted in this copy but "
        "rejected in the target (1 review decision)")]


def codebook_id(project: Project, name: str) -> int:
    return int(project.scalar("SELECT id FROM codes WHERE name = ?", [name]))


def test_conflicts_skip_what_they_touch_and_say_why(tmp_path: Path) -> None:
    target, source = tmp_path / "cible.vwb", tmp_path / "source.vwb"
    for path, second_text, carol in ((target, TEXTS[1], "analyst"), (source, TEXTS[1] + " Encore.", "trainee")):
        with Project.create(path) as project, project.transaction():
            add_document(project, TEXTS[0], title="Appel 1")
            add_document(project, second_text, title="Appel 2")
            if path == source:
                add_document(project, "Un texte que la cible n'a pas.", title="Appel 9", id=9)
            add_document(project, TEXTS[2], title="Appel 3", id=7 if path == source else None)
            root = add_code(project, "Ton", codable=False, guid=CODES["Ton"])
            add_code(project, "Positif", root, guid=CODES["Positif"])
            add_code(project, "Négatif", root, guid=CODES["Négatif"])
            add_coder_row(project, "carol", carol)
    with Project.open(target) as project:
        rename_code(project, 2, "Satisfait")
    with Project.open(source) as project:
        rename_code(project, 2, "Content")
        apply_code(project, 1, 2, coder="dan")  # renamed code: skipped
        apply_code(project, 1, 3, 0, 2, coder="dan")  # comes across
        apply_code(project, 2, 3, coder="dan")  # text differs: skipped
        apply_code(project, 9, 3, coder="dan")  # not in the target: skipped
        apply_code(project, 7, 3, 0, 10, coder="dan")  # id 3 in the target, found by its text
        apply_code(project, 1, 3, coder="carol")  # role differs: skipped
        add_memo(project, "document", 2, "Sur un texte changé", coder="dan")
    with Project.open(target) as project:
        report = merge_projects(project, [source])
        assert set(project.rows("SELECT document_id, code_id, start_pos, end_pos FROM codings")) == {(1, 3, 0, 2), (3, 3, 0, 10)}
        assert project.scalar("SELECT role FROM coders WHERE name = 'carol'") == "analyst"
        assert project.scalar("SELECT name FROM codes WHERE id = 2") == "Satisfait"
    assert report.lines()[0] == "source.vwb: brought 2 codings, 1 new coder"
    assert sorted(report.failures) == sorted([
        ("source.vwb: skipped: code «Ton/Content» is «Ton/Satisfait» in the target (same GUID: renamed or moved "
        "differently; make the names agree, then merge again) (1 coding)"),
        ("source.vwb: skipped: coder carol is trainee in this copy but analyst in the target (change one role so "
        "they agree, then merge again) (1 coding)"),
        "source.vwb: skipped: document 2 «Appel 2»: its text differs from the target's document 2 (1 coding, 1 memo)",
        "source.vwb: skipped: document 9 «Appel 9»: the target does not hold this text (1 coding)"])

    with Project.open(target) as project:  # the conflict resolved, the same merge brings what was held back
        rename_code(project, 2, "Content")
        again = merge_projects(project, [source])
    assert again.lines()[0] == "source.vwb: brought 1 coding; 2 items already in the target"


def test_a_file_that_cannot_be_merged_is_refused_whole(tmp_path: Path, team: tuple[Path, Path, Path]) -> None:
    base, alice, _ = team
    other = tmp_path / "autre.vwb"
    with Project.create(other) as project, project.transaction():
        add_document(project, "Rien à voir.")
        add_coder_row(project, "zoe")
    with Project.open(other) as project:
        apply_code(project, 1, create_code(project, "X"), coder="zoe")
    not_a_project = tmp_path / "notes.vwb"
    not_a_project.write_text("ceci n'est pas un projet", encoding="utf-8")
    with Project.open(base) as project:
        before = project_digest(project)
        report = merge_projects(project, [base, not_a_project, other, tmp_path / "absent.vwb"])
        assert project_digest(project) == before
    assert report.failures == [
        "equipe.vwb: refused: it is the target project itself (or a project open in this window)",
        "notes.vwb: refused: notes.vwb is not a Verbatim Workbench project (not a DuckDB file); it was not modified",
        "autre.vwb: refused: it holds none of the target's documents (same texts are needed: merge copies of one project)",
        "absent.vwb: refused: the file does not exist or is not a file"]
    assert alice.exists()


def test_cancelling_leaves_the_target_as_it_was(team: tuple[Path, Path, Path]) -> None:
    from workbench.errors import Cancelled
    from workbench.progress import CancelToken

    base, alice, bob = team
    token = CancelToken()

    def cancel_at_second(done: int, total: int | None, message: str = "") -> None:
        if done == 1:
            token.cancel()

    with Project.open(base) as project:
        before = project_digest(project)
        with pytest.raises(Cancelled):
            merge_projects(project, [alice, bob], progress=cancel_at_second, cancel=token)
        assert project_digest(project) == before


def test_the_command_prints_the_report_and_how_to_undo(team: tuple[Path, Path, Path]) -> None:
    base, alice, bob = team
    out = ok("merge", base, alice, bob, "--quiet")
    lines = out.splitlines()
    assert lines[0] == "merged 2 projects into equipe.vwb (5 codings added)"
    assert lines[1] == "  alice.vwb: brought 3 codings, 1 memo, 1 review decision, 1 new coder"
    assert "Krippendorff's alpha" in lines[3]
    assert lines[-1] == f"Each merged file is one action: `workbench undo {base}` takes the last one back."
    digest = file_digest(base)
    as_json = json.loads(ok("merge", base, alice, "--json"))
    assert as_json["sources"][0]["added"] == {} and as_json["sources"][0]["already"] == 5
    again = ok("merge", base, bob, "--quiet")
    assert "bob.vwb: nothing new" in again and "workbench undo" not in again
    assert file_digest(base) == digest
    assert fails("merge", base, base) == (
        "error: equipe.vwb: refused: it is the target project itself (or a project open in this window)\n")
    assert fails("merge", base, base.parent / "absent.vwb").startswith("error: absent.vwb: refused: the file does not")


def _memo_texts(project: Project) -> list[tuple[str, str]]:
    return project.rows("SELECT k.name, m.text FROM memos m JOIN coders k ON k.id = m.coder_id ORDER BY m.id")


def test_a_memo_edited_in_the_copy_since_the_last_merge_is_updated_not_doubled(team: tuple[Path, Path, Path]) -> None:
    base, alice, _ = team
    with Project.open(base) as project:
        merge_projects(project, [alice])
    with Project.open(alice) as project:
        memo = project.scalar("SELECT id FROM memos")
        edit_memo(project, memo, "Résiliation : client perdu, il part chez un concurrent 😞", coder="alice")
    with Project.open(base) as project:
        report = merge_projects(project, [alice])
        assert _memo_texts(project) == [("alice", "Résiliation : client perdu, il part chez un concurrent 😞")]
        assert report.sources[0].lines() == ["alice.vwb: brought 1 memo edit; 4 items already in the target"]
        journal.undo(project)
        assert _memo_texts(project) == [("alice", "Résiliation : client perdu ?")]
        report = merge_projects(project, [alice])
        again = merge_projects(project, [alice])
        assert _memo_texts(project) == [("alice", "Résiliation : client perdu, il part chez un concurrent 😞")]
        assert again.sources[0].nothing_new


def test_a_memo_edited_later_in_the_target_keeps_the_target_text(team: tuple[Path, Path, Path]) -> None:
    base, alice, _ = team
    with Project.open(base) as project:
        merge_projects(project, [alice])
    with Project.open(alice) as project:
        edit_memo(project, project.scalar("SELECT id FROM memos"), "Version de la copie", coder="alice")
    with Project.open(base) as project:
        edit_memo(project, project.scalar("SELECT id FROM memos"), "Version du projet, plus récente", coder="alice")
        report = merge_projects(project, [alice])
        assert _memo_texts(project) == [("alice", "Version du projet, plus récente")]
    assert "alice.vwb: skipped: a memo edited later in the target than in this copy (1 memo)" in report.sources[0].lines()
