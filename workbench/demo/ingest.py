"""Demo step: import the four folders of the sample corpus, each with its document kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.ingest.folder import import_paths

DEMO_FOLDERS = (("appels", "call"), ("emails", "email"), ("entretiens", "interview"), ("enquete", "survey"))


def demo_step(ctx: Any) -> None:
    """Demo: import the four folders of the sample corpus with their kinds (never truth.csv)."""
    ctx.echo("Import")
    totals: dict[str, int] = {}
    errors: list[str] = []
    for folder, kind in DEMO_FOLDERS:
        source = ctx.sample_dir / folder
        if not source.is_dir():
            ctx.echo(f"  {folder}/: missing, skipped")
            continue
        with ctx.progress(f"import {folder}") as callback:
            report = import_paths(ctx.project, [source], kind=kind, progress=callback)
        totals[kind] = totals.get(kind, 0) + report.documents
        errors += [f"{Path(failure.path).name}: {failure.message}" for failure in report.failed]
        ctx.echo(f"  {folder + '/':<12} {len(report.files):>4} files  {report.documents:>5} {kind} documents")
    for error in errors:
        ctx.echo(f"  error: {error}")
    ctx.results["import"] = {"documents": totals, "errors": errors}
