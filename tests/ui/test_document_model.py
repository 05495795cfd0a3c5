"""The document list model pages through the project without a window."""

from __future__ import annotations

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


def test_pages_load_as_the_view_scrolls(qtbot, project: Project) -> None:
    from ui.models.documents import DocumentTableModel

    _add_documents(project, 450)
    model = DocumentTableModel(project, page_size=200)
    assert model.total == 450
    assert model.rowCount() == 200
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    assert model.data(model.index(0, 2)) == "Doc 1"


def test_filters_by_kind_and_accent_insensitive_text(qtbot, project: Project) -> None:
    from ui.models.documents import DocumentTableModel

    _add_documents(project, 10)
    model = DocumentTableModel(project)
    model.set_filter(kind="call")
    assert model.total == 5
    model.set_filter(contains="NUMERO 7")
    assert model.total == 1
    assert model.data(model.index(0, 2)) == "Doc 7"
