"""Change events: what a view hears after each committed action, undo, redo; nothing after a rollback."""

from __future__ import annotations

import pytest
from builders import add_code, add_coder_row, add_document

from workbench import coding
from workbench.codebook import rename_code
from workbench.errors import CodingError
from workbench.events import ChangeEvent
from workbench.journal import redo, undo
from workbench.project import Project


@pytest.fixture
def heard(project: Project) -> list[ChangeEvent]:
    events: list[ChangeEvent] = []
    project.events.connect(events.append)
    return events


def test_a_coding_announces_its_group_and_id_once_committed(project: Project, heard: list[ChangeEvent]) -> None:
    doc, code = add_document(project, "Ma facture 🧾 est fausse.\r\n"), add_code(project, "Facturation")
    add_coder_row(project, "alice")
    codings_heard: list[ChangeEvent] = []
    project.events.connect(codings_heard.append, group="codings")
    coding_id = coding.apply_code(project, doc, code, 3, 10, coder="alice")
    assert [(e.group, e.action, e.ids) for e in heard] == [("codings", "apply_code", frozenset({coding_id}))]
    assert codings_heard == heard
    undo(project)
    redo(project)
    assert [(e.group, e.action, e.ids) for e in heard[1:]] == [
        ("codings", "undo", frozenset({coding_id})), ("codings", "redo", frozenset({coding_id}))]


def test_a_new_coder_and_a_renamed_code_are_heard_in_their_groups(project: Project,
                                                                 heard: list[ChangeEvent]) -> None:
    doc, code = add_document(project, "Colis perdu."), add_code(project, "Livraison")
    coding.apply_code(project, doc, code, coder="bob")
    assert [(e.group, e.action) for e in heard] == [("coders", "add_coder"), ("codings", "apply_code")]
    rename_code(project, code, "Livraisons")
    assert (heard[-1].group, heard[-1].ids, heard[-1].tables) == ("codes", frozenset({code}), frozenset({"codes"}))


def test_a_refused_or_rolled_back_action_announces_nothing(project: Project, heard: list[ChangeEvent]) -> None:
    doc, code = add_document(project, "Bonjour."), add_code(project, "Accueil")
    add_coder_row(project, "alice")
    with pytest.raises(CodingError):
        coding.apply_code(project, doc, code, 0, 99, coder="alice")
    with pytest.raises(RuntimeError), project.transaction():
        coding.apply_code(project, doc, code, coder="alice")
        raise RuntimeError("the job failed after the coding")
    assert heard == [] and project.scalar("SELECT count(*) FROM codings") == 0
    stop = project.events.connect(lambda event: heard.append(event))
    stop()
    coding.apply_code(project, doc, code, coder="alice")
    assert len(heard) == 1  # the fixture's listener only


def test_a_bulk_job_announces_whole_groups_and_a_failed_import_nothing(project: Project, tmp_path) -> None:
    from workbench.ingest.folder import import_file
    from workbench.removal import remove_documents

    heard: list[ChangeEvent] = []
    project.events.connect(heard.append)
    good = tmp_path / "appel.txt"
    good.write_text("Client : ma facture est fausse.\r\nConseiller : je regarde ça. 👍\n", encoding="utf-8")
    import_file(project, good)
    assert [(e.group, e.action, e.ids) for e in heard] == [("documents", "import", None)]
    empty = tmp_path / "vide.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(Exception, match="vide.txt"):
        import_file(project, empty)
    assert len(heard) == 1
    document = project.scalar("SELECT id FROM documents")
    remove_documents(project, [document])
    assert (heard[1].group, heard[1].action, heard[1].ids) == ("documents", "remove", frozenset({document}))
    assert {e.group for e in heard[1:]} >= {"documents", "codings", "suggestions", "memos"}


def test_a_background_job_is_heard_by_the_listeners_of_the_window_project(project: Project) -> None:
    import threading

    heard: list[ChangeEvent] = []
    project.events.connect(heard.append)
    doc, code = add_document(project, "Très bien reçu, merci !"), add_code(project, "Compliment")
    worker = project.worker()
    thread = threading.Thread(target=lambda: coding.apply_code(worker, doc, code, coder="alice"))
    thread.start()
    thread.join()
    assert [(e.group, e.action) for e in heard] == [("coders", "add_coder"), ("codings", "apply_code")]
