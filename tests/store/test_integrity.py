"""`workbench check`: a realistic project is whole; each kind of damage, written with raw SQL into a copy of
it, is reported as one clear line; the command's exit codes, lines and JSON; the file is never modified."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path

import pytest
from builders import add_document
from cli_helpers import fails, run
from conftest import SAMPLES

from workbench.codebook import create_code, merge_codes
from workbench.coding import apply_code
from workbench.demo import DemoContext
from workbench.demo import coding as coding_step
from workbench.demo import text as text_step
from workbench.errors import WorkbenchError
from workbench.ingest.folder import import_paths
from workbench.integrity import MAX_LISTED, check_project
from workbench.journal import Entry, next_redo, next_undo, redo, undo
from workbench.progress import no_progress
from workbench.project import Project, latest_version
from workbench.removal import remove_documents
from workbench.store.memos import add_memo
from workbench.suggest.codes import suggest_codes
from workbench.suggest.review import accept, reject, relabel
from workbench.suggest.topics import fit_topics
from workbench.suggest.units import load_units

CODERS = ("alice", "bob")


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus imported, segmented and indexed, coded by two coders (the demo's steps), with code
    suggestions reviewed, a topic run, memos of every kind, and a journal holding an undo, an action that
    superseded it and an undone action waiting to be redone."""
    if not (SAMPLES / "truth.csv").is_file():
        pytest.skip("demo corpus not present")
    folder = tmp_path_factory.mktemp("integrity")
    with Project.create(folder / "demo.vwb") as project:
        import_paths(project, [SAMPLES / name for name in ("appels", "emails", "entretiens", "enquete")])
        ctx = DemoContext(project, folder, SAMPLES, lambda line: None, lambda label: nullcontext(no_progress))
        text_step.demo_step(ctx)
        coding_step.demo_step(ctx)
        units = load_units(project, "auto")
        units = units[:60] + units[-60:]  # segments of long calls and whole short answers, quickly
        suggest_codes(project, ["contact_reasons"], embedder="lexical", units=units, min_score=0.0)
        fit_topics(project, units=units, embedder="lexical")
        pending = [row[0] for row in project.rows("SELECT id FROM suggestions ORDER BY score DESC LIMIT 3")]
        accept(project, pending[:1], coder="alice")
        reject(project, pending[1:2], coder="alice")
        code = int(project.scalar(
            "SELECT id FROM codes WHERE scheme = 'contact_reasons' AND codable AND id <> "
            "(SELECT code_id FROM suggestions WHERE id = ?) ORDER BY id LIMIT 1", [pending[2]]))
        relabel(project, pending[2], code, coder="alice")
        document = project.scalar("SELECT min(id) FROM documents WHERE n_chars > 40")
        create_code(project, "Sous-code d'essai", parent_id=code)
        add_memo(project, "project", None, "Projet de démonstration", coder="alice")
        add_memo(project, "document", document, "À relire", coder="alice")
        add_memo(project, "code", code, "Définition à préciser", coder="alice")
        apply_code(project, document, code, 0, 10, coder="alice")
        undo(project)
        coding = apply_code(project, document, code, 5, 15, coder="alice")  # supersedes the undone coding
        add_memo(project, "coding", coding, "Bon exemple", coder="alice")
        undo(project)  # the memo waits to be redone
    return folder / "demo.vwb"


@pytest.fixture
def copy(realistic: Path, tmp_path: Path) -> Iterator[Project]:
    """A copy of the realistic project, open for writing, to damage."""
    path = tmp_path / "broken.vwb"
    shutil.copy(realistic, path)
    with Project.open(path) as project:
        yield project


def test_the_realistic_project_is_whole(realistic):
    with Project.open(realistic, read_only=True) as project:
        report = check_project(project)
        assert next_undo(project)["action"] == "apply_code" and next_redo(project)["action"] == "add_memo"
        kinds = dict(project.rows("SELECT target_kind, count(*) FROM memos GROUP BY ALL"))
        statuses = {row[0] for row in project.rows("SELECT DISTINCT status FROM suggestions")}
        topics = project.scalar("SELECT count(*) FROM unit_topics")
    assert set(kinds) == {"project", "document", "code"} and topics == 120
    assert {"pending", "accepted", "rejected", "relabelled"} <= statuses
    assert report.whole, [problem.message for problem in report.problems]
    assert report.checked["documents"] == 482 and report.checked["tokens"] > 40_000
    assert report.summary().startswith("project is whole: 482 documents, ")


# -- damage ------------------------------------------------------------------------------------------
def _raw_coding(project: Project, **columns: object) -> int:
    """A copy of coding 1 under a new id, with `columns` changed, written behind the store's back."""
    row = project.dicts("SELECT * FROM codings WHERE id = (SELECT min(id) FROM codings)")[0]
    row.update(id=project.scalar("SELECT max(id) + 1 FROM codings"), guid="raw-" + str(columns), **columns)
    project.execute(f"INSERT INTO codings ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
    return int(row["id"])


def coding_on_missing_document(project: Project) -> str:
    coding = _raw_coding(project, document_id=999_999)
    return f"coding {coding} points at document 999999 (document_id), which does not exist"


def coding_on_missing_code(project: Project) -> str:
    coding = _raw_coding(project, code_id=99_999)
    return f"coding {coding} points at code 99999 (code_id), which does not exist"


def span_past_the_text(project: Project) -> str:
    document = project.scalar("SELECT document_id FROM codings WHERE id = (SELECT min(id) FROM codings)")
    n_chars = project.scalar("SELECT n_chars FROM documents WHERE id = ?", [document])
    coding = _raw_coding(project, end_pos=n_chars + 1)
    return (f"coding {coding} ends at code point {n_chars + 1}, past the end of document {document}, whose text "
            f"has {n_chars} code points")


def duplicate_coding(project: Project) -> str:
    first = project.dicts("SELECT * FROM codings WHERE id = (SELECT min(id) FROM codings)")[0]
    twin = _raw_coding(project)
    return (f"codings {first['id']} and {twin} are the same coding: coder {first['coder_id']} coded "
            f"[{first['start_pos']}, {first['end_pos']}) of document {first['document_id']} with code "
            f"{first['code_id']} 2 times")


def memo_on_missing_coding(project: Project) -> str:
    memo = project.scalar("INSERT INTO memos (target_kind, target_id, text) VALUES ('coding', 888888, 'x') RETURNING id")
    return f"memo {memo} points at coding 888888 (target_id), which does not exist"


def value_of_missing_variable(project: Project) -> str:
    project.execute("INSERT INTO document_values VALUES (1, 999, 'oui')")
    return "document_values: 1 row points at variable 999 (variable_id), which does not exist"


def code_parent_loop(project: Project) -> str:
    child, parent = project.rows("SELECT id, parent_id FROM codes WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1")[0]
    project.execute("UPDATE codes SET parent_id = ? WHERE id = ?", [child, parent])
    first, second = sorted((child, parent))
    return f"code {first} is its own ancestor: its parent chain {first} → {second} → {first} loops"


def wrong_text_length(project: Project) -> str:
    n_chars = project.scalar("UPDATE documents SET n_chars = n_chars + 1 WHERE id = 7 RETURNING n_chars")
    return f"document 7 records {n_chars} code points (n_chars), but its text has {n_chars - 1}"


def redo_out_of_order(project: Project) -> str:
    """The coding undone before a new coding was made can no longer be redone: clearing its superseded
    flag would let redo apply it on top of the newer one."""
    undone, newer = project.rows(
        "SELECT id, (SELECT min(id) FROM journal WHERE id > j.id AND action = 'apply_code') FROM journal j "
        "WHERE superseded")[0]
    project.execute("UPDATE journal SET superseded = FALSE WHERE id = ?", [undone])
    return (f"journal entry {undone} (apply_code) waits to be redone, but entry {newer}, done after it, is still in "
            "effect: a redo would apply it out of order")


def undo_target_row_gone(project: Project) -> str:
    entry = Entry.parse(*project.rows("SELECT id, action, payload FROM journal WHERE id = ?",
                                      [next_undo(project)["id"]])[0])
    coding = entry.changes[0].row_id
    project.execute("DELETE FROM codings WHERE id = ?", [coding])
    return (f"journal entry {entry.id} (apply_code) is the next to undo, but the coding {coding} it inserted "
            "no longer exists: `workbench undo` would refuse it")


def undo_target_unreadable(project: Project) -> str:
    project.execute("UPDATE journal SET payload = '{\"changes\": [{\"op\": \"insert\"}]}' WHERE id = ?",
                    [next_undo(project)["id"]])
    return ("the journal entry the next undo would replay cannot be read (KeyError: 'table'): "
            "`workbench undo` would fail")


def document_missing_from_index(project: Project) -> str:
    document = project.scalar("SELECT min(document_id) FROM segments WHERE kind = 'sentence'")
    project.execute("DELETE FROM tokens WHERE document_id = ?", [document])
    project.execute("DELETE FROM text_status WHERE document_id = ?", [document])
    return (f"document {document} has sentences but is missing from the search index (no text_status row): "
            "search does not find it")


def words_missing_from_index(project: Project) -> str:
    document, n_tokens = project.rows("SELECT document_id, n_tokens FROM text_status ORDER BY document_id DESC LIMIT 1")[0]
    project.execute("DELETE FROM tokens WHERE document_id = ? AND position < 5", [document])
    return (f"the search index holds {n_tokens - 5} of the {n_tokens} words of document {document} "
            "(tokens against text_status.n_tokens)")


def wrong_schema_version(project: Project) -> str:
    project.set_meta("schema_version", str(latest_version() - 1))
    return (f"the project has schema version {latest_version() - 1}, but this program expects {latest_version()}: "
            "open it once for writing (in the app, or with any command that changes it) to upgrade it; "
            "the other checks need this program's schema and were not run")


DAMAGES: list[tuple[Callable[[Project], str], str]] = [
    (coding_on_missing_document, "missing-reference"), (coding_on_missing_code, "missing-reference"),
    (span_past_the_text, "span-outside-text"), (duplicate_coding, "duplicate-coding"),
    (memo_on_missing_coding, "missing-reference"), (value_of_missing_variable, "missing-reference"),
    (code_parent_loop, "parent-cycle"), (wrong_text_length, "text-length"), (redo_out_of_order, "journal-flags"),
    (undo_target_row_gone, "journal-replay"), (undo_target_unreadable, "journal-replay"),
    (document_missing_from_index, "search-index"),
    (words_missing_from_index, "search-index"), (wrong_schema_version, "schema-version"),
]


@pytest.mark.parametrize(("damage", "kind"), DAMAGES, ids=[damage.__name__ for damage, _ in DAMAGES])
def test_each_damage_is_reported_as_one_clear_line(copy, damage, kind):
    expected = damage(copy)
    report = check_project(copy)
    assert [(problem.kind, problem.message) for problem in report.problems] == [(kind, expected)]
    assert report.summary() == "1 problem found"


def test_a_new_table_with_a_document_id_is_checked_without_a_change_to_the_check(copy):
    copy.execute("CREATE TABLE annotations (id BIGINT, document_id BIGINT, note VARCHAR)")
    copy.execute("INSERT INTO annotations VALUES (1, 1, 'ok'), (2, 777777, 'orphan')")
    assert [problem.message for problem in check_project(copy).problems] == [
        "annotation 2 points at document 777777 (document_id), which does not exist"]


def test_a_long_list_of_one_problem_is_cut_with_a_count_of_the_rest(copy):
    copy.execute("INSERT INTO codings SELECT 900000 + i, 'g' || i, 999999, code_id, i, i + 1, coder_id, "
                 f"origin, NULL, created_at FROM codings, range({MAX_LISTED + 5}) r(i) WHERE id = 1")
    report = check_project(copy)
    assert len(report.problems) == MAX_LISTED + 1
    assert report.problems[-1].message == (f"… and 5 more like the above in codings (only the first {MAX_LISTED} "
                                           "are listed)")
    assert report.summary() == f"{MAX_LISTED + 5} problems found"


# -- the command ---------------------------------------------------------------------------------------
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_says_a_whole_project_is_whole_and_exits_0(realistic):
    code, out, err = run("check", realistic)
    assert (code, err) == (0, "")
    assert out.startswith("project is whole: 482 documents, ") and out.count("\n") == 1
    code, out, _ = run("check", realistic, "--json")
    report = json.loads(out)
    assert code == 0 and report["whole"] is True and report["problems"] == []


def test_check_prints_one_line_per_problem_and_exits_1_without_touching_the_file(copy):
    expected = [coding_on_missing_document(copy), document_missing_from_index(copy)]
    path = copy.path
    copy.close()
    before = _digest(path)
    code, out, err = run("check", path)
    assert code == 1
    assert out.splitlines() == expected
    assert err == f"{path}: 2 problems found\n"
    code, out, _ = run("check", path, "--json")
    report = json.loads(out)
    assert code == 1 and report["whole"] is False and report["summary"] == "2 problems found"
    assert [problem["message"] for problem in report["problems"]] == expected
    assert report["problems"][0] == {"kind": "missing-reference", "table": "codings",
                                     "row_id": int(expected[0].split()[1]), "message": expected[0], "count": 1}
    assert _digest(path) == before and not Path(f"{path}.wal").exists()


def test_check_reports_another_schema_version_instead_of_refusing_the_file(copy):
    expected = wrong_schema_version(copy)
    path = copy.path
    copy.close()
    code, out, _ = run("check", path)
    assert (code, out) == (1, expected + "\n")


def test_an_old_project_is_reported_as_needing_an_upgrade_and_left_as_it_is(tmp_path):
    path = tmp_path / "old.vwb"
    Project.create(path, version=1).close()
    before = _digest(path)
    code, out, _ = run("check", path)
    assert code == 1 and out.startswith(f"the project has schema version 1, but this program expects {latest_version()}")
    assert _digest(path) == before


def test_an_empty_project_is_whole(project):
    assert check_project(project).summary() == (
        "project is whole: 0 documents, 0 codings, 0 segments, 0 codes, 0 memos, 0 suggestions, 0 index entries, "
        "0 journal entries checked")


def test_check_of_a_missing_file_is_a_user_error(tmp_path):
    assert "does not exist" in fails("check", tmp_path / "absent.vwb")


# -- the journal's invariants hold whatever the user does ------------------------------------------------
def test_the_journal_stays_consistent_through_any_sequence_of_actions_undos_and_redos(project):
    """No false alarm: random codings, memos, merges, undos, redos and a removal (which trims the journal)
    never leave a problem, after every step."""
    rng = random.Random(2026)
    documents = [add_document(project, "Un texte assez long pour y placer plusieurs codages différents. " * 4)
                 for _ in range(3)]
    codes = [create_code(project, f"Code {i}") for i in range(4)]
    for step in range(60):
        try:
            _random_step(project, rng, step, documents, codes)
        except WorkbenchError:  # nothing to undo or redo
            pass
        report = check_project(project)
        assert report.whole, (step, [problem.message for problem in report.problems])
    actions = dict(project.rows("SELECT action, count(*) FROM journal GROUP BY ALL"))
    assert {"apply_code", "add_memo", "merge_codes", "undo", "redo"} <= set(actions)
    assert project.scalar("SELECT count(*) FROM journal WHERE superseded") > 0


def _random_step(project: Project, rng: random.Random, step: int, documents: list[int], codes: list[int]) -> None:
    choice = rng.random()
    codings = [row[0] for row in project.rows("SELECT id FROM codings")]
    if step == 40:
        remove_documents(project, [documents.pop(0)])
    elif choice < 0.4:
        apply_code(project, rng.choice(documents), rng.choice(codes), step, step + 5, coder=rng.choice(CODERS))
    elif choice < 0.6:
        undo(project)
    elif choice < 0.8:
        redo(project)
    elif choice < 0.9 and codings:
        add_memo(project, "coding", rng.choice(codings), "à revoir", coder="alice")
    elif len(codes) > 2:
        merge_codes(project, codes.pop(rng.randrange(1, len(codes))), codes[0])
