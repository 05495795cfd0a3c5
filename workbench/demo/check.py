"""Demo step: the finished demo project passes `workbench check`, as every project should."""

from __future__ import annotations

from workbench.demo import DemoContext
from workbench.errors import WorkbenchError
from workbench.integrity import check_project


def demo_step(ctx: DemoContext) -> None:
    report = check_project(ctx.project)
    ctx.results["check"] = report.as_dict()
    ctx.echo(f"check: {report.summary()}")
    if report.problems:
        for problem in report.problems:
            ctx.echo(f"  {problem.message}")
        raise WorkbenchError(f"the demo project is not whole: {report.summary()}")
