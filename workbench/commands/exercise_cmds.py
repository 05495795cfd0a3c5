"""`workbench exercise ...`: create an exercise for trainees, hand it in, collect the hand-ins, see the scores.

A trainee codes the exercise file with the ordinary commands (`workbench code EXERCISE --coder NAME --role
trainee ...`) or the window, then hands it in; the trainer collects every hand-in into the reference
project and reads the scores, or exports them to Excel and HTML.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from workbench.commands.common import project_argument
from workbench.errors import WorkbenchError
from workbench.reports import plural

if TYPE_CHECKING:
    from workbench.training.feedback import GroupFeedback


def register(cli: click.Group) -> None:
    cli.add_command(exercise)


@click.group()
def exercise() -> None:
    """Exercises for trainees: create, hand in, collect, scores."""


def _share(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f} %"


def _alpha(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


@exercise.command()
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--documents", help="Document ids, e.g. 1,2,10-20 (default: every document, or those of --kind).")
@click.option("--kind", "kinds", multiple=True, help="Only documents of this kind (call, email, …); repeatable.")
@click.option("--code", "code_refs", multiple=True,
              help="Code handed out with everything below it (path, scheme:key or key); repeatable. Default: all.")
@click.option("--instructions", required=True, help="What the trainees are asked to do.")
@click.option("--time-limit", "time_limit", type=int, help="Minutes the trainees have.")
def create(project: str, out: str, documents: str | None, kinds: tuple[str, ...], code_refs: tuple[str, ...],
           instructions: str, time_limit: int | None) -> None:
    """Write an exercise file OUT from PROJECT: chosen documents and codes, no codings."""
    from workbench.codebook import find_code
    from workbench.commands.coding_cmds import _parse_ids
    from workbench.document_list import DocumentQuery
    from workbench.project import Project
    from workbench.training.exercise import create_exercise

    if documents is not None and kinds:
        raise WorkbenchError("give --documents or --kind, not both")
    with Project.open(project) as opened:
        selection = _parse_ids(documents) if documents is not None else DocumentQuery(kinds=kinds)
        codes = [find_code(opened, ref) for ref in code_refs] if code_refs else None
        info = create_exercise(opened, out, documents=selection, codes=codes, instructions=instructions,
                               time_limit_minutes=time_limit)
    click.echo(f"Exercise written to {out}: {plural(len(info.documents), 'document')}, "
               f"{plural(len(info.codes), 'code')}"
               + (f", {time_limit} minutes" if time_limit else "") + ".")
    click.echo(f"Trainees code it with: workbench code {out} --coder NAME --role trainee …, "
               f"then: workbench exercise hand-in {out} --trainee NAME HANDIN.vwb")


@exercise.command("hand-in")
@click.argument("exercise_file", metavar="EXERCISE", type=click.Path(dir_okay=False))
@click.option("--trainee", required=True, help="The trainee's name, as they coded.")
@click.argument("out", type=click.Path(dir_okay=False))
def hand_in_command(exercise_file: str, trainee: str, out: str) -> None:
    """Write the signed hand-in OUT of TRAINEE's codings in EXERCISE."""
    from workbench.training.handin import hand_in

    record = hand_in(exercise_file, trainee, out)
    click.echo(f"Hand-in of {record.trainee} written to {out}: {record.counted()}.")


@exercise.command()
@project_argument
@click.argument("handins", nargs=-1, required=True, type=click.Path(dir_okay=False))
def collect(project: str, handins: tuple[str, ...]) -> None:
    """Collect hand-ins into the reference PROJECT (each file whole or not at all, each undoable)."""
    from workbench.project import Project
    from workbench.training.handin import collect as collect_handins

    with Project.open(project) as opened:
        report = collect_handins(opened, handins)
    for item in report.collected:
        used = (f" in {item['minutes_used']} of {item['time_limit_minutes']} minutes"
                if item.get("minutes_used") is not None else "")
        memos = f", {plural(item['memos'], 'memo')}" if item.get("memos") else ""
        click.echo(f"collected {item['trainee']}: {plural(item['codings'], 'coding')}{memos}{used} from {item['file']}")
    for line in report.failures:
        click.echo(f"error: {line}", err=True)
    click.echo(f"{len(report.collected)} collected, {len(report.failures)} refused"
               + (" (nothing was changed for the refused files)." if report.failures else "."))
    if report.failures:
        sys.exit(1)


@exercise.command()
@project_argument
@click.option("--reference", help="The reference coder (default: the project's only coder of role reference).")
@click.option("--min-overlap", type=float, default=0.0, show_default=True,
              help="Span match: shared/union characters needed (0 = any shared character).")
@click.option("--excel", "excel_path", type=click.Path(dir_okay=False), help="Write the feedback workbook (.xlsx).")
@click.option("--html", "html_folder", type=click.Path(file_okay=False),
              help="Write printable pages (group.html, one per trainee) into this folder.")
@click.option("--show", type=int, default=3, show_default=True, help="Misses and false alarms to print per trainee.")
def scores(project: str, reference: str | None, min_overlap: float, excel_path: str | None,
           html_folder: str | None, show: int) -> None:
    """Scores of the collected hand-ins against the reference coder, per trainee and for the group."""
    from workbench.project import Project
    from workbench.training.feedback import exercise_feedback

    with Project.open(project, read_only=True) as opened:
        feedback = exercise_feedback(opened, reference, min_overlap=min_overlap)
        _print(feedback, show)
        if excel_path:
            from workbench.export.feedback_excel import export_feedback_xlsx

            sheets = export_feedback_xlsx(opened, feedback, excel_path)
            click.echo(f"Excel feedback written to {excel_path} ({len(sheets)} sheets).")
        if html_folder:
            from workbench.export.feedback_html import export_feedback_html

            pages = export_feedback_html(opened, feedback, html_folder)
            click.echo(f"HTML feedback written to {html_folder} ({len(pages)} pages).")


def _print(feedback: GroupFeedback, show: int) -> None:
    click.echo(f"Reference: {feedback.reference}")
    for item in feedback.exercises:
        click.echo("")
        click.echo(f"{item.label}: {len(item.trainees)} trainees, {len(item.exercise.documents)} documents")
        for name, report in item.trainees.items():
            click.echo(f"  {name}: F1 documents {_share(report.document.f1)}, spans {_share(report.span.f1)}; "
                       f"{plural(len(report.misses), 'miss', 'misses')}, {plural(len(report.false_alarms), 'false alarm')}")
            for label, items in (("missed", report.misses), ("false alarm", report.false_alarms)):
                for entry in items[:show]:
                    text = " ".join(entry["text"].split())
                    click.echo(f"    {label}: {entry['code']} in {entry['title']}: «{text[:70]}»")
                    for note in entry.get("trainee_notes", []):
                        click.echo(f"      {name}'s memo: «{' '.join(note.split())[:90]}»")
            for entry in report.confusions:
                click.echo(f"    coded {entry['trainee_code']} where the reference says {entry['reference_code']} "
                           f"({entry['count']}×)")
        click.echo(f"  Krippendorff's alpha among trainees: documents {_alpha(item.alpha_document)}, "
                   f"characters {_alpha(item.alpha_character)}")
        for note in item.alpha_notes:
            click.echo(f"    ({note})")
        click.echo("  Codes, hardest first (mean F1 spans / documents):")
        for row in item.difficulty:
            click.echo(f"    {row.code}: {_share(row.span_f1)} / {_share(row.document_f1)}")
    if len(feedback.exercises) > 1:
        click.echo("")
        click.echo("Progress (F1 spans per exercise):")
        for trainee, steps in feedback.progress().items():
            click.echo(f"  {trainee}: " + ", ".join(f"{label} {_share(span)}" for label, _doc, span in steps))
