"""What a project holds, in numbers: for `workbench info`, the demo summary and the GUI status bar."""

from __future__ import annotations

from typing import Any

from workbench.project import Project

_COUNTS = {
    "documents": "SELECT count(*) FROM documents",
    "segments": "SELECT count(*) FROM segments",
    "variables": "SELECT count(*) FROM variables",
    "codes": "SELECT count(*) FROM codes",
    "codings": "SELECT count(*) FROM codings",
    "memos": "SELECT count(*) FROM memos",
    "coders": "SELECT count(*) FROM coders",
    "suggestions": "SELECT count(*) FROM suggestions",
    "pending_suggestions": "SELECT count(*) FROM suggestions WHERE status = 'pending'",
    "sources": "SELECT count(*) FROM sources",
}


def status_counts(project: Project) -> dict[str, int]:
    """The four counts the window's status bar shows after every change, in one query (the full
    `project_summary` also counts per kind: a dozen queries, too many for each coding)."""
    row = project.rows(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM segments), (SELECT count(*) FROM codes), "
        "(SELECT count(*) FROM codings)"
    )[0]
    return dict(zip(("documents", "segments", "codes", "codings"), (int(value) for value in row), strict=True))


def project_summary(project: Project) -> dict[str, Any]:
    """Counts of everything, and documents, segments and codings per document kind."""
    summary: dict[str, Any] = {
        "path": str(project.path),
        "language": project.language,
        "schema_version": project.schema_version,
    }
    summary.update({name: int(project.scalar(sql)) for name, sql in _COUNTS.items()})
    per_kind = project.rows(
        """
        SELECT d.kind, count(*) AS documents,
               (SELECT count(*) FROM segments s JOIN documents d2 ON d2.id = s.document_id WHERE d2.kind = d.kind),
               (SELECT count(*) FROM codings c JOIN documents d3 ON d3.id = c.document_id WHERE d3.kind = d.kind)
        FROM documents d GROUP BY d.kind ORDER BY d.kind
        """
    )
    summary["by_kind"] = {
        kind: {"documents": docs, "segments": segs, "codings": cods} for kind, docs, segs, cods in per_kind
    }
    return summary
