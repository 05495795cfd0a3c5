"""Demo step: write the demo project as `demo.qdpx` and prove the REFI-QDA round trip on it.

The archive is re-imported into a scratch project and both projects are compared by content (document
texts, codes by GUID, codings by text, span, code and coder, memos by text), so the printed line is a
real check of the exchange on the demo corpus, not a count of what was written.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from workbench.export.refi import export_qdpx
from workbench.ingest.refi import import_qdpx
from workbench.project import Project


def content(project: Project) -> dict[str, set[tuple[Any, ...]]]:
    """What a round trip must keep, keyed by content rather than by row ids."""
    return {
        "documents": set(project.rows("SELECT text, title, kind FROM documents")),
        "codes": set(project.rows(
            "SELECT c.guid, c.name, c.color, p.guid FROM codes c LEFT JOIN codes p ON p.id = c.parent_id")),
        "codings": set(project.rows(
            "SELECT d.text, c.start_pos, c.end_pos, k.guid, u.name FROM codings c "
            "JOIN documents d ON d.id = c.document_id JOIN codes k ON k.id = c.code_id "
            "JOIN coders u ON u.id = c.coder_id")),
        "values": set(project.rows(
            "SELECT d.text, v.name, v.type, x.value FROM document_values x JOIN documents d ON d.id = x.document_id "
            "JOIN variables v ON v.id = x.variable_id")),
        "memos": set(project.rows("SELECT target_kind, text FROM memos")),
    }


def demo_step(ctx: Any) -> None:
    """Export `demo.qdpx` into the output folder, re-import it into a scratch project, compare."""
    ctx.echo("REFI-QDA exchange")
    path = Path(ctx.out_dir) / "demo.qdpx"
    written = export_qdpx(ctx.project, path)
    ctx.echo(
        f"  {path.name}: {written['documents']} documents, {written['codes']} codes, {written['codings']} codings, "
        f"{written['memos']} memos, {written['variables']} variables, {written['users']} users"
    )
    original = content(ctx.project)
    with tempfile.TemporaryDirectory() as scratch, Project.create(Path(scratch) / "check.vwb") as copy:
        result = import_qdpx(copy, path)
        copied = content(copy)
    lost = {part: len(original[part] - copied[part]) for part in original}
    verdict = "lossless" if not any(lost.values()) else "LOST " + ", ".join(
        f"{count} {part}" for part, count in lost.items() if count)
    ctx.echo(
        f"  round trip into a new project: {result.documents} documents, {result.codings} codings, "
        f"{result.memos} memos ({result.convention}): {verdict}"
    )
    ctx.results["refi"] = {"path": str(path), "written": written, "lost": lost}
