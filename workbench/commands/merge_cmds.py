"""`workbench merge TARGET SOURCE...`: colleagues' copies of one project brought together (`workbench.merge`)."""

from __future__ import annotations

import shlex

import click

from workbench.commands.common import json_option, print_json, progress_reporter, quiet_option
from workbench.errors import WorkbenchError


def register(cli: click.Group) -> None:
    cli.add_command(merge)


@click.command()
@click.argument("target", type=click.Path(dir_okay=False))
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False))
@json_option
@quiet_option
def merge(target: str, sources: tuple[str, ...], as_json: bool, quiet: bool) -> None:
    """Bring the codings, memos, coders and review decisions of the copies SOURCE... into TARGET.

    Documents are matched by id and text, codes by GUID, key or path, coders by name. A conflict (a code
    renamed differently, a document whose text differs, a coder whose role differs) skips what it touches
    and is reported; merging the same copy again adds nothing. Each copy is one action: `workbench undo
    TARGET` takes the last one back."""
    from workbench.merge import merge_projects
    from workbench.project import Project

    with Project.open(target) as opened, progress_reporter("merge", quiet or as_json) as progress:
        report = merge_projects(opened, sources, progress=progress)
    refused = [source for source in report.sources if source.refused is not None]
    if len(refused) == len(report.sources):
        raise WorkbenchError("; ".join(line for source in refused for line in source.lines()))
    if as_json:
        print_json({"summary": report.summary(), "lines": report.lines(), "failures": report.failures,
                    "sources": [{"path": s.path, "added": dict(s.added), "already": s.already,
                                 "skipped": {reason: dict(kinds) for reason, kinds in s.skipped.items()},
                                 "refused": s.refused, "coders": s.coders} for s in report.sources]})
        return
    click.echo(report.summary())
    for line in report.lines():
        click.echo(f"  {line}")
    if any(not source.nothing_new and source.refused is None for source in report.sources):
        click.echo(f"Each merged file is one action: `workbench undo {shlex.quote(target)}` takes the last one back.")
