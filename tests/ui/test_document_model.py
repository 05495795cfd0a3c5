"""The document list model and browser: a long list read a page at a time, filters, sorts, following."""

from __future__ import annotations

from builders import add_code, add_coder_row, add_document, add_source
from PySide6.QtCore import Qt

from workbench.document_list import DocumentQuery
from workbench.project import Project


def _add_documents(project: Project, n: int) -> None:
    project.execute("INSERT INTO sources (kind, name, origin, sha256) VALUES ('csv', 't.csv', '/t.csv', 'x')")
    project.execute(
        """
        INSERT INTO documents (source_id, kind, title, text, n_chars, content_hash, position)
        SELECT 1, CASE WHEN i % 2 = 0 THEN 'call' ELSE 'email' END, 'Doc ' || i,
               'Le client appelle pour sa facture numéro ' || i, 40, hash('Le client appelle pour sa facture numéro ' || i), i
        FROM range(1, ?) t(i)
        """,
        [n + 1],
    )


def test_the_whole_list_is_counted_and_rows_are_read_a_page_at_a_time(qtbot, project: Project) -> None:
    from ui.models.documents import KEPT_PAGES, DocumentTableModel

    _add_documents(project, 450)
    model = DocumentTableModel(project, page_size=100)
    assert model.total == model.rowCount() == 450  # the scroll bar is true to the whole list
    assert model.data(model.index(449, 2)) == "Doc 450"
    assert model.data(model.index(0, 2)) == "Doc 1"
    assert model.data(model.index(1, 1)) == "Appel"  # kinds in the window's language
    assert len(model._pages) == 2 <= KEPT_PAGES


def test_a_filter_is_read_off_the_gui_thread_then_the_list_switches(qtbot, project: Project) -> None:
    from ui.models.documents import DocumentTableModel

    _add_documents(project, 10)
    model = DocumentTableModel(project)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(DocumentQuery(kinds=("call",)))
        assert model.loading and model.total == 10  # the previous list stays until the new one is there
    assert model.total == 5 and not model.loading
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(DocumentQuery(contains="NUMERO 7"))
    assert model.total == 1 and model.data(model.index(0, 2)) == "Doc 7"


def test_a_stale_answer_never_replaces_a_newer_query(qtbot, project: Project) -> None:
    from ui.models.documents import DocumentTableModel

    _add_documents(project, 10)
    model = DocumentTableModel(project)
    model.set_query(DocumentQuery(kinds=("email",)))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query(DocumentQuery(kinds=("call",), sort="title", descending=True))
    qtbot.wait(200)
    assert model.total == 5
    assert model.data(model.index(0, 2)) == "Doc 8"


def test_clicking_a_header_sorts_the_list(qtbot, project: Project) -> None:
    from ui.views.document_browser import DocumentBrowser

    source = add_source(project, "t.csv")
    for title in ("Bravo", "avis", "Colère"):
        add_document(project, title * 3, title, "email", source_id=source)
    browser = DocumentBrowser()
    qtbot.addWidget(browser)
    browser.set_project(project)
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        browser.table.horizontalHeader().sectionClicked.emit(2)
        browser.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert [browser.model.data(browser.model.index(row, 2)) for row in range(3)] == ["avis", "Bravo", "Colère"]


def test_filters_combine_and_the_count_says_how_many_remain(qtbot, project: Project) -> None:
    from ui.views.document_browser import DocumentBrowser

    source = add_source(project, "t.csv")
    south = add_document(project, "Facture fausse 😀", "Sud 1", "email", source_id=source, variables={"région": "Sud"})
    add_document(project, "Retard de livraison", "Sud 2", "call", source_id=source, variables={"région": "Sud"})
    add_document(project, "Très bien", "Nord 1", "email", source_id=source, variables={"région": "Nord"})
    code = add_code(project, "Facturation")
    coder = add_coder_row(project, "alice")
    project.execute("INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
                    "VALUES (uuid(), ?, ?, 0, 7, ?, 'manual')", [south, code, coder])
    browser = DocumentBrowser()
    qtbot.addWidget(browser)
    browser.set_project(project)
    assert browser.count.text() == "3 document(s)"
    browser.more.click()
    assert not browser.filters.isHidden()
    browser.variable.setCurrentIndex(browser.variable.findData("région"))  # no value chosen yet: no filter
    assert not browser.model.loading and browser.value.findData("Sud") > 0
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        browser.value.setCurrentIndex(browser.value.findData("Sud"))
    assert browser.model.total == 2
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        browser.code_mode.setCurrentIndex(browser.code_mode.findData("lacks"))
        browser.code.setCurrentIndex(browser.code.findData(code))
    assert [browser.model.data(browser.model.index(row, 2)) for row in range(browser.model.total)] == ["Sud 2"]
    assert browser.count.text() == "1 document(s) sur 3"
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        browser.clear_filters.click()
    assert browser.model.total == 3


def test_the_list_follows_a_document_opened_elsewhere_without_reopening_it(qtbot, project: Project) -> None:
    from ui.views.document_browser import DocumentBrowser

    source = add_source(project, "t.csv")
    ids = [add_document(project, f"texte {n}", f"D{n}", "email", source_id=source) for n in range(300)]
    browser = DocumentBrowser()
    qtbot.addWidget(browser)
    browser.set_project(project)
    chosen: list[int] = []
    browser.documentChosen.connect(chosen.append)
    browser.follow(ids[250])
    assert browser.table.currentIndex().row() == 250 and chosen == []
    browser.table.selectRow(3)
    assert chosen == [ids[3]]
