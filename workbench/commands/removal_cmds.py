"""`workbench sources` (what was imported) and `workbench remove` (take documents or files out for good)."""

from __future__ import annotations

import sys

import click

from workbench.commands.common import json_option, print_json, project_argument


def register(cli: click.Group) -> None:
    cli.add_command(sources)
    cli.add_command(remove)


@click.command()
@project_argument
@json_option
def sources(project: str, as_json: bool) -> None:
    """The files imported into PROJECT, with their ids and how many documents each still has."""
    from workbench.project import Project
    from workbench.removal import list_sources

    with Project.open(project, read_only=True) as opened:
        rows = list_sources(opened)
    if as_json:
        print_json(rows)
        return
    click.echo(f"{'id':>5}  {'kind':<6}{'documents':>10}  {'imported at':<20} name")
    for row in rows:
        click.echo(f"{row['id']:>5}  {row['kind']:<6}{row['documents']:>10}  "
                   f"{row['imported_at']:%Y-%m-%d %H:%M:%S}  {row['name']}")


@click.command()
@project_argument
@click.option("--source", "source_ids", type=int, multiple=True, metavar="ID",
              help="An imported file (id from `workbench sources`): all its documents, including texts later "
                   "files repeated (stored once, under this file); it can be imported again.")
@click.option("--document", "document_ids", type=int, multiple=True, metavar="ID", help="One document.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@json_option
def remove(project: str, source_ids: tuple[int, ...], document_ids: tuple[int, ...], yes: bool, as_json: bool) -> None:
    """Remove documents or imported files from PROJECT for good, with everything attached to them:
    codings, memos, suggestions, sentences, index entries, cached vectors and their journal entries.
    Not undoable. The project file is rewritten so that nothing of the removed texts stays in it
    (for a GDPR erasure request)."""
    from workbench.project import Project
    from workbench.removal import list_sources, remove_documents, remove_sources

    if bool(source_ids) == bool(document_ids):
        raise click.UsageError("give --source ID... or --document ID... (one of the two)")
    with Project.open(project) as opened:
        if source_ids:
            counts = {row["id"]: row["documents"] for row in list_sources(opened)}
            count = sum(counts.get(source_id, 0) for source_id in set(source_ids))
            what = f"{len(set(source_ids))} source(s) and their {count} document(s)"
        else:
            what = f"{len(set(document_ids))} document(s)"
        if not yes:
            if not sys.stdin.isatty():
                raise click.UsageError("removal cannot be undone: confirm with --yes")
            click.confirm(f"Remove {what} from {opened.path.name} for good?", abort=True)
        report = remove_sources(opened, source_ids) if source_ids else remove_documents(opened, document_ids)
    if as_json:
        print_json(report.as_dict())
        return
    click.echo(f"removed {report.documents} document(s), {report.codings} coding(s), {report.memos} memo(s) and "
               f"{report.suggestions} suggestion(s); {report.journal_removed} journal entr(ies) erased, "
               f"{report.journal_trimmed} trimmed")
