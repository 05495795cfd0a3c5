"""`workbench segment`, `workbench search`, `workbench pseudonymise`: the text pipeline from a shell."""

from __future__ import annotations

import re
import shutil

import click

from workbench.commands.common import (
    json_option,
    print_json,
    progress_reporter,
    project_argument,
    quiet_option,
)
from workbench.project import DOCUMENT_KINDS


def register(cli: click.Group) -> None:
    cli.add_command(segment)
    cli.add_command(search_command)
    cli.add_command(pseudonymise)


@click.command()
@project_argument
@json_option
@quiet_option
def segment(project: str, as_json: bool, quiet: bool) -> None:
    """Detect languages, cut sentences and build the search index of PROJECT.

    Only documents not processed yet are read: run it again after an import, or after an interruption.
    """
    from workbench.project import Project
    from workbench.text.segment import segment_project

    with Project.open(project) as opened, progress_reporter("segment", quiet or as_json) as progress:
        report = segment_project(opened, progress=progress)
    if as_json:
        print_json(vars(report))
        return
    languages = ", ".join(f"{count} {lang}" for lang, count in sorted(report.languages.items())) or "none"
    click.echo(
        f"segmented {report.documents} document(s) ({languages}): {report.sentences} sentences, "
        f"{report.tokens} tokens indexed; {report.skipped} already done"
    )


def _one_line(text: str) -> str:
    """Context on one terminal line: every run of white space (line breaks included) becomes one space."""
    return re.sub(r"\s+", " ", text)


@click.command("search")
@project_argument
@click.argument("query")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(DOCUMENT_KINDS), help="Document kind (repeatable).")
@click.option("--where", "where", multiple=True, metavar="CONDITION",
              help="Variable condition such as 'nps<=6', 'canal=chat,email', 'region!=Bretagne' (repeatable).")
@click.option("--code", "codes", multiple=True, metavar="PATH_OR_KEY", help="Documents coded with this code or a sub-code.")
@click.option("--coder", "coders", multiple=True, metavar="NAME", help="Documents coded by this coder.")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Documents dated on or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Documents dated on or before this day.")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@json_option
def search_command(project: str, query: str, kinds: tuple[str, ...], where: tuple[str, ...], codes: tuple[str, ...],
                   coders: tuple[str, ...], date_from: str | None, date_to: str | None, limit: int, offset: int,
                   as_json: bool) -> None:
    """Occurrences of QUERY in PROJECT, as keyword-in-context lines.

    \b
    QUERY: words match every inflection (factures -> facture), "exact phrase",
    prefix*, AND (implicit), OR, NOT, parentheses: 'rembourser AND NOT satisfait'.
    """
    from workbench.project import Project
    from workbench.search import search

    with Project.open(project, read_only=True) as opened:
        result = search(opened, query, kinds=kinds, where=where, codes=codes, coders=coders, date_from=date_from,
                        date_to=date_to, limit=limit, offset=offset, count=True)
    if as_json:
        print_json({"query": query, "total_hits": result.total_hits, "total_documents": result.total_documents,
                    "unindexed": result.unindexed, "hits": [hit.as_dict() for hit in result.hits]})
        return
    width = max(60, min(shutil.get_terminal_size((120, 20)).columns, 160))
    side = max(20, (width - 30) // 2)
    for hit in result.hits:
        left = _one_line(hit.left)[-side:]
        right = _one_line(hit.right)[:side]
        click.echo(f"{hit.document_id:>7} {hit.kind[:9]:<9} {left:>{side}}" + click.style(hit.match, bold=True) + right)
    shown = f"{offset + 1}-{offset + len(result.hits)}" if result.hits else "none"
    click.echo(f"{result.total_hits} match(es) in {result.total_documents} document(s); showing {shown}")
    if result.unindexed:
        click.echo(f"note: {result.unindexed} document(s) are not indexed yet; run `workbench segment {project}`",
                   err=True)


@click.command()
@project_argument
@click.option("--reversible", is_flag=True,
              help="Keep the originals in the project (table pseudonyms) so they can be restored; remove later with --forget.")
@click.option("--forget", is_flag=True, help="Only delete the kept originals: the project becomes irreversibly pseudonymised.")
@click.option("--patterns", "patterns_file", type=click.Path(exists=True, dir_okay=False),
              help="YAML list of {kind, label, pattern} for customer/contract numbers; stored in the project.")
@click.option("--keep", "keep", multiple=True, metavar="WORD",
              help="A word never to take for a person's name (a brand NER mistakes for one); remembered by the project.")
@click.option("--report", "show_report", is_flag=True, help="Print the number of replacements per category.")
@json_option
@quiet_option
def pseudonymise(project: str, reversible: bool, forget: bool, patterns_file: str | None, keep: tuple[str, ...],
                 show_report: bool, as_json: bool, quiet: bool) -> None:
    """Replace names, e-mails, phones, IBANs, card numbers, addresses and customer numbers in every text of
    PROJECT by consistent placeholders ([PERSONNE_3], [EMAIL_1]…); codings and offsets follow."""
    from workbench.project import Project
    from workbench.text.pseudonymise import add_keep, read_patterns_file, save_patterns
    from workbench.text.pseudonymise import forget as forget_mapping
    from workbench.text.pseudonymise_project import pseudonymise_project

    with Project.open(project) as opened:
        if forget:
            counts = forget_mapping(opened)
            if as_json:
                print_json(counts)
            else:
                click.echo(f"forgot {counts['mappings']} original(s) and {counts['keys']} key(s): "
                           "the pseudonymisation can no longer be reversed")
            return
        if patterns_file:
            save_patterns(opened, read_patterns_file(patterns_file))
        if keep:
            add_keep(opened, keep)
        with progress_reporter("pseudonymise", quiet or as_json) as progress:
            report = pseudonymise_project(opened, reversible=reversible, progress=progress)
    if as_json:
        print_json(report.as_dict())
        return
    summary = report.as_dict()
    click.echo(f"pseudonymised {summary['documents_changed']} of {summary['documents']} document(s): "
               f"{summary['total']} replacement(s) ({'reversible' if reversible else 'irreversible'})")
    if show_report:
        for kind, count in sorted(report.replacements.items(), key=lambda item: -item[1]):
            click.echo(f"  {kind:<12} {count:>7}")
        for table, count in report.spans_moved.items():
            click.echo(f"  moved {count} {table}")
