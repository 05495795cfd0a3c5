"""`workbench check`: is the project file whole? (references, spans, duplicates, journal, search index)"""

from __future__ import annotations

import sys

import click

from workbench.commands.common import json_option, print_json, project_argument


def register(cli: click.Group) -> None:
    cli.add_command(check)


@click.command()
@project_argument
@json_option
def check(project: str, as_json: bool) -> None:
    """Check PROJECT for damage, without changing it: every reference between tables points at an
    existing row, every span lies inside its text, no coding is there twice, the code tree has no loop,
    undo and redo can replay, and the search index covers every segmented document.

    Prints a summary and exits 0 when the project is whole; prints one line per problem (the count on
    stderr) and exits 1 when not."""
    from workbench.integrity import check_project
    from workbench.project import Project

    with Project.open(project, read_only=True, any_version=True) as opened:
        report = check_project(opened)
    if as_json:
        print_json(report.as_dict())
    elif report.whole:
        click.echo(report.summary())
    else:
        for problem in report.problems:
            click.echo(problem.message)
        click.echo(f"{report.path}: {report.summary()}", err=True)
    if not report.whole:
        sys.exit(1)
