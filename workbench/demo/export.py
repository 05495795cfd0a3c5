"""Demo step: everything the demo project holds, taken out as an Excel workbook, charts and an IRaMuTeQ corpus.

Runs last in `workbench.demo.STEPS`, so the workbook shows whatever the earlier steps produced (codings,
agreement, topics, suggestions). A chart without data (no topics yet, say) is reported and skipped. The
REFI-QDA file (demo.qdpx) is written by its own step, `workbench.demo.refi`.
"""

from __future__ import annotations

from typing import Any

from workbench.project import Project


def _crosstab_choice(project: Project) -> tuple[Any, str] | None:
    """Relationship forms x NPS group when the project has both, else the first default crosstab."""
    from workbench.codebook import scheme_root
    from workbench.export.excel import default_crosstabs

    root = scheme_root(project, "relationship_forms")
    if root is not None and project.rows("SELECT 1 FROM variables WHERE lower(name) = 'nps'"):
        return root, "nps_group"
    pairs = default_crosstabs(project)
    return pairs[0] if pairs else None


def demo_step(ctx: Any) -> None:
    """Write demo.xlsx, charts/*.png and demo-iramuteq.txt into the demo folder; list them."""
    from workbench.charts import CHART_KINDS, make_chart, save
    from workbench.codebook import scheme_root
    from workbench.errors import ExportError
    from workbench.export.excel import export_xlsx
    from workbench.export.iramuteq import export_iramuteq

    project: Project = ctx.project
    out = ctx.out_dir
    ctx.echo("Export: workbook, charts, IRaMuTeQ corpus")
    written = []
    choice = _crosstab_choice(project)
    with ctx.progress("excel") as progress:
        counts = export_xlsx(project, out / "demo.xlsx", progress=progress)
    written.append((out / "demo.xlsx", ", ".join(f"{name} {count}" for name, count in counts.items())))
    charts_dir = out / "charts"
    charts_dir.mkdir(exist_ok=True)
    for kind in CHART_KINDS:
        options: dict[str, Any] = {}
        if kind == "crosstab":
            if choice is None:
                continue
            options = {"code": choice[0], "variable": choice[1]}
        try:
            path = save(make_chart(project, kind, **options), charts_dir / f"{kind}.png")
        except ExportError as exc:
            ctx.echo(f"  chart {kind} skipped: {exc}")
            continue
        written.append((path, "chart"))
    root = scheme_root(project, "relationship_forms")
    stars = {"forme": root} if root is not None else {}
    count = export_iramuteq(project, out / "demo-iramuteq.txt", code_stars=stars)
    written.append((out / "demo-iramuteq.txt", f"{count} documents"))
    for path, what in written:
        ctx.echo(f"  {path}  ({what}, {path.stat().st_size // 1024} KiB)")
    ctx.results["export"] = {"files": [str(path) for path, _ in written], "sheets": counts}
