"""What a document is called outside the program, when it has no title of its own.

Survey rows, chat lines and many imported texts have no title: inside the program they are shown by
id, but an export read by another person (a workbook) or another tool (a REFI-QDA project) needs a name
that says where the text came from. That is its file and its place in it: `enquete.xlsx, row 12`.
"""

from __future__ import annotations

from workbench.project import Project


def fallback_name(source_name: str | None, position: int | None, document_id: int) -> str:
    """`file, row N` (the row, message or file index the importer recorded), else `file, #id`."""
    where = source_name or "document"
    return f"{where}, row {position}" if position is not None else f"{where}, #{document_id}"


def untitled_names(project: Project) -> dict[int, str]:
    """Document id -> fallback name, for the documents without a title only (the rest keep theirs)."""
    return {
        document_id: fallback_name(source, position, document_id)
        for document_id, source, position in project.rows(
            "SELECT d.id, s.name, d.position FROM documents d LEFT JOIN sources s ON s.id = d.source_id "
            "WHERE d.title IS NULL OR trim(d.title) = ''"
        )
    }


def unique_names(rows: list[tuple[int, str | None, str | None, int | None]]) -> dict[int, str]:
    """Document id -> a name no other document has, from (id, title, source file, position) rows.

    Tools that key sources or cases by name (QualCoder refuses a duplicate) need every name to differ: a
    title shared by several documents is followed by its file and row, and a name still taken by the
    document id."""
    first: dict[int, str] = {}
    count: dict[str, int] = {}
    for document_id, title, source, position in rows:
        name = title.strip() if title and title.strip() else fallback_name(source, position, document_id)
        first[document_id] = name
        count[name.casefold()] = count.get(name.casefold(), 0) + 1
    taken: set[str] = set()
    names: dict[int, str] = {}
    for document_id, title, source, position in rows:
        name = first[document_id]
        if count[name.casefold()] > 1 and title and title.strip():
            name = f"{name} ({fallback_name(source, position, document_id)})"
        if name.casefold() in taken:
            name = f"{name} [{document_id}]"
        taken.add(name.casefold())
        names[document_id] = name
    return names
