"""`workbench import PROJECT PATH...`: files and folders into a project, one transaction per file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from workbench.commands.common import (
    json_option,
    print_json,
    progress_reporter,
    project_argument,
    quiet_option,
)
from workbench.project import DOCUMENT_KINDS
from workbench.reports import plural

if TYPE_CHECKING:
    from workbench.ingest.folder import ImportReport


def register(cli: click.Group) -> None:
    cli.add_command(import_command)


@click.command("import")
@project_argument
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--kind", type=click.Choice(DOCUMENT_KINDS),
              help="Document kind for the files it fits: transcripts (.txt .vtt .srt .docx) call, chat, "
                   "interview or other; tables survey, chat or other; e-mails stay email. The other files keep "
                   "the kind of their format (tables survey, e-mails email, .docx interview, .txt/.vtt/.srt call); "
                   "a kind that fits none of the files is refused.")
@click.option("--include", "include", multiple=True, metavar="PATTERN",
              help="Also import the files found in folders whose name matches PATTERN (like 'notes_*.csv'), "
                   "which are otherwise left out as not documents: README*, LICENSE*, answer keys (truth*, "
                   "answer*, gold*), names starting with '.' or '_' (repeatable).")
@click.option("--text-column", metavar="NAME",
              help="Column of a CSV/XLSX holding the verbatim (default: guessed from names and lengths).")
@click.option("--title-column", metavar="NAME",
              help="Column of a CSV/XLSX giving each document's title (it is then not stored as a variable).")
@click.option("--column-type", "column_types", multiple=True, metavar="NAME=TYPE",
              help="Type of a CSV/XLSX column: text, integer, float, date, boolean, or ignore to leave it out "
                   "(repeatable; default: inferred from the values). A value not of the type refuses the file.")
@click.option("--max-size", "max_mb", type=click.IntRange(min=1), metavar="MB",
              help="Refuse files bigger than this (default: 2048 MB tables, 512 MB e-mails, 64 MB transcripts).")
@click.option("--pseudonymise", is_flag=True,
              help="Replace names, e-mails, phones, IBANs, card and customer numbers by placeholders before storing.")
@click.option("--reversible", is_flag=True,
              help="With --pseudonymise: keep the originals in the project (remove later: workbench pseudonymise --forget).")
@json_option
@quiet_option
def import_command(project: str, paths: tuple[str, ...], kind: str | None, text_column: str | None,
                   title_column: str | None, column_types: tuple[str, ...], include: tuple[str, ...], max_mb: int | None,
                   pseudonymise: bool, reversible: bool, as_json: bool, quiet: bool) -> None:
    """Import PATH... (files, or folders searched recursively) into PROJECT.

    Formats: .csv .xlsx (one row = one document), .eml .mbox .msg, .txt .docx .vtt .srt (speaker turns),
    .qdpx (a REFI-QDA project from ATLAS.ti, MAXQDA, NVivo…: texts, codes, codings, memos, variables) or a
    .qde file beside its sources folder.
    A bad file is reported and skipped; the exit code is 1 when every file failed. Files in folders that are
    not documents (READMEs, licences, answer keys like truth.csv) are left out and listed; see --include.
    """
    from workbench.errors import WorkbenchError
    from workbench.ingest.folder import import_paths
    from workbench.project import Project

    if reversible and not pseudonymise:
        raise click.UsageError("--reversible only applies with --pseudonymise")
    types: dict[str, str] = {}
    for given in column_types:
        name, equals, choice = given.rpartition("=")
        if not equals or not name.strip():
            raise click.UsageError(f"--column-type {given!r}: write NAME=TYPE, for example --column-type nps=integer")
        types[name.strip()] = choice.strip()
    with Project.open(project) as opened, progress_reporter("import", quiet or as_json) as progress:
        pseudonymiser = None
        if pseudonymise:
            from workbench.text.pseudonymise import make_pseudonymiser

            pseudonymiser = make_pseudonymiser(opened, reversible=reversible)
        report = import_paths(
            opened, paths, kind=kind, text_column=text_column, title_column=title_column,
            column_types=types or None, progress=progress,
            max_bytes=max_mb * 1024**2 if max_mb else None, pseudonymiser=pseudonymiser, include=include,
        )
    if as_json:
        print_json(report.as_dict())
    else:
        _print_report(report, kind)
    if not report.files:
        raise WorkbenchError("no supported file found in " + ", ".join(paths))
    if len(report.failed) == len(report.files) == 1:
        failed = report.failed[0]
        raise WorkbenchError(f"{failed.path}: {failed.message}")  # the README's promise: one line
    for failure in report.failed:
        click.echo(f"error: {failure.summary()}", err=True)
    if len(report.failed) == len(report.files):
        raise WorkbenchError(f"nothing imported: {len(report.failed)} file(s) failed")


def _print_report(report: ImportReport, kind: str | None) -> None:
    """Each file imported, what was left out and why, which files kept their own kind, then the totals."""
    for result in report.files:
        if result.status != "failed":
            click.echo(result.summary())
    for path, why in report.left_out:
        click.echo(f"{path.name}: left out ({why}); name it, or add --include '{path.name}', to import it")
    if kind is not None and report.kept_kind:
        names = ", ".join(Path(result.path).name for result in report.kept_kind[:3])
        more = f" and {len(report.kept_kind) - 3} more" if len(report.kept_kind) > 3 else ""
        click.echo(f"--kind {kind} does not fit {plural(len(report.kept_kind), 'file')} ({names}{more}): "
                   "they kept the kind of their format")
    if report.files and len(report.failed) < len(report.files):
        kinds = ", ".join(f"{count} {name}" for name, count in report.by_kind().items()) or "none"
        click.echo(f"imported {plural(report.documents, 'document')} from {plural(len(report.files), 'file')}: {kinds}")
