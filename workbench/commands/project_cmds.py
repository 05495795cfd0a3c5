"""`workbench new`, `workbench info`, `workbench demo`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click

from workbench.commands.common import (
    json_option,
    print_json,
    progress_reporter,
    project_argument,
    quiet_option,
)
from workbench.errors import WorkbenchError


def register(cli: click.Group) -> None:
    cli.add_command(new)
    cli.add_command(info)
    cli.add_command(demo)
    cli.add_command(compact)
    cli.add_command(backup)
    cli.add_command(tour)


@click.command()
@project_argument
@click.option("--language", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
              help="Main language of the verbatims (chooses the spaCy model and stop words).")
def new(project: str, language: str) -> None:
    """Create an empty project file PROJECT (.vwb)."""
    from workbench.project import Project

    if Path(project).suffix.lower() != ".vwb":
        raise WorkbenchError(f"{project}: a project file's name ends in .vwb (for example {Path(project).stem}.vwb), "
                             "so that it is never taken for an export")

    with Project.create(project, language=language) as created:
        click.echo(f"created {created.path} (language {language}, schema {created.schema_version})")


@click.command()
@project_argument
@json_option
def info(project: str, as_json: bool) -> None:
    """Counts of documents, segments, variables, codes, codings and suggestions, per document kind."""
    from workbench.project import Project
    from workbench.stats import project_summary

    with Project.open(project, read_only=True) as opened:
        summary = project_summary(opened)
    if as_json:
        print_json(summary)
        return
    click.echo(f"{summary['path']}  (language {summary['language']}, schema {summary['schema_version']})")
    for key in ("sources", "documents", "segments", "variables", "codes", "codings", "memos", "coders",
                "suggestions", "pending_suggestions"):
        click.echo(f"  {key.replace('_', ' '):<20} {summary[key]:>9}")
    if summary["by_kind"]:
        click.echo(f"  {'kind':<12}{'documents':>10}{'segments':>10}{'codings':>10}")
        for kind, counts in summary["by_kind"].items():
            click.echo(f"  {kind:<12}{counts['documents']:>10}{counts['segments']:>10}{counts['codings']:>10}")


@click.command()
@project_argument
def compact(project: str) -> None:
    """Rewrite PROJECT into a fresh file, so that nothing deleted stays in its bytes (removal and
    pseudonymisation do it themselves; this is for after a failed or interrupted one) and the file
    takes no more room than its data."""
    from workbench.project import Project

    path = Path(project)
    before = path.stat().st_size if path.exists() else 0
    with Project.open(project) as opened:
        opened.rewrite()
    click.echo(f"rewrote {path}: {before / 1024**2:.1f} MB -> {path.stat().st_size / 1024**2:.1f} MB")


@click.command()
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
def backup(project: str, out: str) -> None:
    """Copy PROJECT, whole and consistent, into the new file OUT (.vwb): the safe way to copy a project,
    even right after a crash (the latest work may still be in PROJECT.wal, which a plain file copy misses)."""
    from workbench.backup import backup_project
    from workbench.project import Project

    with Project.open(project) as opened:
        click.echo(backup_project(opened, out).summary())


@click.command()
@click.option("--headless", is_flag=True, help="Do not open the GUI at the end, even when a display is present.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="demo-output", show_default=True,
              help="Folder for the demo project and the files it writes.")
@quiet_option
def demo(headless: bool, out_dir: str, quiet: bool) -> None:
    """Build the demo project from sample_projects/ and run every pipeline step on it."""
    from workbench.demo import display_available, gui_command, next_steps, run_demo
    from workbench.stats import project_summary

    ctx = run_demo(Path(out_dir), echo=click.echo, progress=lambda label: progress_reporter(label, quiet))
    summary = project_summary(ctx.project)
    click.echo("")
    click.echo("Demo project summary")
    for key in ("documents", "segments", "variables", "codes", "codings", "suggestions"):
        click.echo(f"  {key:<12} {summary[key]:>7}")
    for kind, counts in summary["by_kind"].items():
        click.echo(f"  {kind:<12} {counts['documents']:>7} documents")
    ctx.project.close()
    click.echo("")
    for line in next_steps(Path(out_dir)):
        click.echo(line)
    command = None if headless or not display_available() else gui_command(Path(out_dir) / "demo.vwb")
    if command is not None:
        subprocess.run(command, check=False)


@click.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="demo-output", show_default=True,
              help="The folder `workbench demo` wrote.")
def tour(out_dir: str) -> None:
    """Say what to open after the demo: the project in the window, the Excel workbook, the charts…"""
    from workbench.demo import next_steps

    for line in next_steps(Path(out_dir)):
        click.echo(line)
