"""The import dialog, driven through its widgets: a table's preview and column choices reaching the stored
documents, a kind per file, the results list (imported, already imported, refused with reason and line),
Cancel, drag-and-drop onto the list and the window, and search finding what was just imported."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from panel_fixtures import installed_language, open_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog

from ui.views.import_results import STATUS_ROLE
from workbench.ingest import folder
from workbench.project import Project

SURVEY = (
    "agent;canal;nps;satisfait;remarque;commentaire\r\n"
    "Émilie;téléphone;3;non;Appel transféré deux fois avant d'avoir quelqu'un;"
    "Très déçue par la facture, beaucoup trop chère à mon goût, vraiment pas contente\r\n"
    "Jérôme;e-mail;9;oui;Rien à signaler de particulier ce jour-là, tout va;"
    "Conseiller aimable et efficace, merci beaucoup pour votre aide précieuse et rapide\r\n"
)


@pytest.fixture(autouse=True)
def french(qtbot) -> Iterator[None]:
    """The French file the program installs: it gives the counts their singular ("1 document importé")."""
    yield from installed_language("fr")


def choose(combo: QComboBox, value: object) -> None:
    """Pick an entry as a user does (the entry's data, else its text), which also emits `activated`."""
    index = combo.findData(value)
    index = index if index >= 0 else combo.findText(str(value))
    assert index >= 0, (value, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def finish(qtbot, dialog) -> None:
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=60000)


def result_lines(dialog) -> dict[str, tuple[str, str]]:
    """File name -> (status, line shown) of the results list."""
    files = dialog.results.files
    lines = [files.item(row) for row in range(files.count())]
    return {item.text().split(" : ")[0]: (item.data(STATUS_ROLE), item.text()) for item in lines}


def drop_on(widget, paths: list[Path]) -> bool:
    """Drag files from a file manager onto `widget`: enter, then drop. Whether the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(widget.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(widget.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted() and drop.isAccepted()


def test_a_table_is_previewed_and_the_choices_reach_the_documents(qtbot, project: Project, tmp_path: Path,
                                                                  monkeypatch) -> None:
    path = tmp_path / "enquête.csv"
    path.write_bytes(SURVEY.encode("cp1252"))
    window = open_window(qtbot, project)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(path)], ""))
    window.import_action.trigger()
    dialog = window.import_dialog
    dialog.add_files_button.click()
    panel = dialog.table_panel
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=30000)
    assert "cp1252" in panel.status.text() and "point-virgule (;)" in panel.status.text()
    assert panel.model.rowCount() == 2 and panel.model.columnCount() == 6
    assert panel.model.index(1, 0).data() == "Jérôme" and panel.model.headerData(1, Qt.Orientation.Horizontal) == "canal"
    assert panel.text_column.currentText() == "commentaire"  # guessed: a hinted column with the longest texts
    assert dialog.files.item(0, 1).text() == "Tableau (.csv)"

    choose(panel.text_column, "remarque")
    choose(panel.title_column, "agent")
    assert not panel.type_combo("remarque").isEnabled() and not panel.type_combo("agent").isEnabled()
    assert panel.type_combo("nps").currentText() == "entier (deviné)"
    assert panel.types.columnWidth(1) >= panel.type_combo("nps").sizeHint().width()  # the choosers are not cut
    choose(panel.type_combo("nps"), "integer")
    choose(panel.type_combo("canal"), "ignore")
    choose(panel.type_combo("satisfait"), "boolean")
    finish(qtbot, dialog)

    assert result_lines(dialog) == {
        "enquête.csv": ("imported", "enquête.csv : 2 documents importés de type « Enquête »"),
    }
    assert dialog.results.summary.text() == "Import terminé : 2 documents importés."
    assert project.rows("SELECT title, text FROM documents ORDER BY position") == [
        ("Émilie", "Appel transféré deux fois avant d'avoir quelqu'un"),
        ("Jérôme", "Rien à signaler de particulier ce jour-là, tout va"),
    ]
    assert dict(project.rows("SELECT name, type FROM variables")) == {
        "nps": "integer", "satisfait": "boolean", "commentaire": "text"}
    assert project.rows(
        "SELECT v.name, dv.value FROM document_values dv JOIN variables v ON v.id = dv.variable_id "
        "WHERE v.name <> 'commentaire' ORDER BY dv.document_id, v.name") == [
        ("nps", "3"), ("satisfait", "false"), ("nps", "9"), ("satisfait", "true")]
    # The results stay until the user closes them, whatever the jobs after the import do.
    qtbot.waitUntil(lambda: window.job is None, timeout=120000)
    assert dialog.isVisible() and dialog.pages.currentIndex() == 2


def test_kind_per_file_and_the_results_of_each_file(qtbot, project: Project, tmp_path: Path, monkeypatch) -> None:
    batch = tmp_path / "lot"
    batch.mkdir()
    interview = batch / "entretien.txt"
    interview.write_text("Enquêteur : Que pensez-vous du service ?\nCliente : Très bien 😀.\n", encoding="utf-8")
    call = batch / "appel.txt"
    call.write_text("Client : Ma facture est fausse.\r\nConseiller : Je regarde.\r\n", encoding="utf-8")
    again = tmp_path / "déjà.txt"
    again.write_text("Client : Encore moi.\n", encoding="utf-8")
    folder.import_file(project, again)
    ragged = tmp_path / "boiteux.csv"
    ragged.write_text("id;avis\n1;Un avis bien écrit\n2;Un avis;mal découpé\n", encoding="utf-8")
    repeated = tmp_path / "avis.csv"
    repeated.write_text("id;avis\n1;Le même avis deux fois\n2;Le même avis deux fois\n3;\n", encoding="utf-8")
    window = open_window(qtbot, project)
    dialog = window.open_import_dialog()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(batch))
    dialog.add_folder_button.click()
    dialog.add_paths([again, ragged, repeated, call])  # a file listed twice is shown once
    assert [path.name for path in dialog.paths()] == ["appel.txt", "entretien.txt", "déjà.txt", "boiteux.csv", "avis.csv"]
    assert dialog.kind_combo(interview).currentData() == "call"
    choose(dialog.kind_combo(interview), "interview")
    dialog.files.setCurrentCell(3, 0)
    qtbot.waitUntil(lambda: "Aperçu impossible" in dialog.table_panel.status.text(), timeout=30000)
    assert dialog.table_panel.status.text() == (
        "Aperçu impossible, ce fichier sera refusé : boiteux.csv, ligne 3 : 3 champs là où l'en-tête en a 2 (un "
        "séparateur de trop ou un guillemet manquant ?)")
    finish(qtbot, dialog)  # no message box: the autouse fixture would fail the test

    lines = result_lines(dialog)
    assert lines["entretien.txt"] == ("imported", ("entretien.txt : 1 document importé de type « Entretien » "
                                                  "(2 tours de parole)"))
    assert lines["appel.txt"][1].startswith("appel.txt : 1 document importé de type « Appel »")
    assert lines["déjà.txt"] == ("skipped", "déjà.txt : ignoré, ce fichier a déjà été importé")
    assert lines["boiteux.csv"] == ("failed", ("boiteux.csv : refusé, ligne 3 : 3 champs là où l'en-tête en a 2 "
                                              "(un séparateur de trop ou un guillemet manquant ?)"))
    assert lines["avis.csv"] == ("imported", ("avis.csv : 1 document importé de type « Enquête » "
                                             "(1 doublon écarté, 1 ligne vide écartée)"))
    assert dialog.results.summary.text() == ("Import terminé : 3 documents importés, 1 fichier déjà importé, "
                                             "1 fichier refusé.")
    assert dict(project.rows("SELECT s.name, min(d.kind) FROM documents d JOIN sources s ON s.id = d.source_id "
                             "GROUP BY s.name")) == {
        "déjà.txt": "call", "entretien.txt": "interview", "appel.txt": "call", "avis.csv": "survey"}
    dialog.again_button.click()
    assert dialog.pages.currentIndex() == 0 and dialog.paths() == []
    qtbot.waitUntil(lambda: window.job is None, timeout=120000)  # the indexing that follows


def test_cancel_takes_the_import_back(qtbot, project: Project, tmp_path: Path, monkeypatch) -> None:
    files = []
    for index in range(3):
        path = tmp_path / f"appel_{index}.txt"
        path.write_text(f"Client : Réclamation numéro {index}.\n", encoding="utf-8")
        files.append(path)
    release = threading.Event()
    original = folder.import_file

    def held(*args, **kwargs):
        release.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(folder, "import_file", held)
    window = open_window(qtbot, project)
    dialog = window.open_import_dialog(files)
    dialog.import_button.click()
    assert dialog.pages.currentIndex() == 1 and window.job is not None
    dialog.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=60000)
    assert dialog.results.summary.text().startswith("Import annulé")
    assert project.scalar("SELECT count(*) FROM documents") == 0
    assert project.scalar("SELECT count(*) FROM sources") == 0


def test_files_dropped_on_the_list_or_the_window_are_listed(qtbot, project: Project, tmp_path: Path) -> None:
    first = tmp_path / "courriel.eml"
    first.write_bytes(b"From: a@example.fr\r\nSubject: Facture\r\n\r\nBonjour, ma facture.\r\n")
    second = tmp_path / "compte-rendu.pdf"
    second.write_bytes(b"%PDF-1.4")
    window = open_window(qtbot, project)
    dialog = window.open_import_dialog()
    assert drop_on(dialog.files.viewport(), [first])
    assert dialog.paths() == [first]
    assert (dialog.files.item(0, 1).text(), dialog.kind_combo(first).currentData()) == ("E-mails (.eml)", "email")
    assert drop_on(window, [second])
    assert window.import_dialog is dialog and dialog.paths() == [first, second]
    assert dialog.files.item(1, 1).text() == "Format non pris en charge"
    assert not dialog.kind_combo(second).isEnabled()
    finish(qtbot, dialog)
    assert result_lines(dialog)["compte-rendu.pdf"][1].startswith(
        "compte-rendu.pdf : refusé : format .pdf inconnu ; formats acceptés : .csv, ")
    qtbot.waitUntil(lambda: window.job is None, timeout=120000)


@pytest.mark.slow
def test_search_finds_a_document_imported_by_the_dialog(qtbot, project: Project, tmp_path: Path) -> None:
    path = tmp_path / "appel.txt"
    path.write_text("Client : Bonjour 😀, le kangourou du logo est à l'envers.\r\nConseiller : Je transmets.\r\n",
                    encoding="utf-8")
    window = open_window(qtbot, project)
    dialog = window.open_import_dialog([path])
    finish(qtbot, dialog)
    assert "segmentés et indexés" in dialog.results.note.text()
    qtbot.waitUntil(lambda: window.job is None and project.scalar("SELECT count(*) FROM text_status") == 1,
                    timeout=120000)
    panel = window.search_panel
    panel.query.setText("kangourous")
    with qtbot.waitSignal(panel.searched, timeout=30000):
        assert panel.run()
    assert panel.results.rowCount() == 1 and panel.results.item(0, 2).text() == "kangourou"


def test_files_a_folder_leaves_out_are_named_with_the_reason(qtbot, project: Project, tmp_path: Path) -> None:
    batch = tmp_path / "lot"
    batch.mkdir()
    (batch / "appel.txt").write_text("Client : Ma facture est fausse.\nConseiller : Je regarde.\n", encoding="utf-8")
    (batch / "README.txt").write_text("Corpus de test.\n", encoding="utf-8")
    (batch / "truth.csv").write_text("id;motif\n1;facture\n", encoding="utf-8")
    window = open_window(qtbot, project)
    dialog = window.open_import_dialog()
    dialog.add_paths([batch])
    assert [path.name for path in dialog.paths()] == ["appel.txt"]
    assert dialog.left_out_note.isVisibleTo(dialog) and dialog.left_out_note.text() == (
        "2 fichiers des dossiers laissés de côté, qui ne sont pas des documents : README.txt (notes sur le corpus), "
        "truth.csv (semble être un corrigé). Pour en importer un quand même, ajoutez-le avec « Ajouter des "
        "fichiers… ».")
    dialog.add_paths([batch / "truth.csv"])  # named on its own: imported after all
    assert [path.name for path in dialog.paths()] == ["appel.txt", "truth.csv"]
    assert dialog.left_out_note.text().startswith("1 fichier des dossiers laissé de côté, qui n'est pas un document")
    dialog.add_paths([batch / "README.txt"])
    assert not dialog.left_out_note.isVisibleTo(dialog)
