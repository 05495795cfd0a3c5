"""Coding from the command line: `code`, `uncode`, `recode`, `resize`, `codings`, `undo`, `redo`, `memo …`,
`coders`, `agreement`, `score`, `audit`.

The coder acting is `--coder`, by default $WORKBENCH_CODER or the login name, created as an analyst on
first use (or with `--role`), so a script run by one person is attributed to that person.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from workbench.commands.common import json_option, print_json, project_argument
from workbench.errors import WorkbenchError
from workbench.store.coders import default_coder_name


def register(cli: click.Group) -> None:
    for command in (code, uncode, recode, resize, codings, undo, redo, memo, coders, agreement, score, audit):
        cli.add_command(command)


coder_option = click.option("--coder", default=default_coder_name, show_default="$WORKBENCH_CODER or login name",
                            help="Who does this (created as an analyst on first use).")


@contextmanager
def _open(path: str, read_only: bool = False) -> Iterator[Any]:
    from workbench.project import Project

    with Project.open(path, read_only=read_only) as project:
        yield project


def _parse_ids(text: str | None) -> list[int] | None:
    """'1,2,10-12' -> [1, 2, 10, 11, 12]."""
    if text is None:
        return None
    ids: list[int] = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        low, dash, high = part.partition("-")
        try:
            ids.extend(range(int(low), int(high) + 1) if dash else [int(part)])
        except ValueError:
            raise WorkbenchError(f"not a list of document ids: {text!r} (use e.g. 1,2,10-20)") from None
    return ids


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _short(path: str | None, width: int = 46) -> str:
    """A code path that fits a column: leading levels (the scheme's name) go first, as "…/Négatives/Inimitié"."""
    if path is None:
        return "(none)"
    parts = path.split("/")
    while len(path) > width and len(parts) > 1:
        parts = parts[1:]
        path = "…/" + "/".join(parts)
    return path if len(path) <= width else "…" + path[-(width - 1):]


# -- coding -------------------------------------------------------------------------------------------------
@click.command()
@project_argument
@click.option("--document", "document_id", type=int, help="Document id.")
@click.option("--segment", "segment_id", type=int, help="Segment id (codes the whole segment).")
@click.option("--code", "code_ref", required=True, help="Code path 'Parent/Child', scheme:key or key.")
@click.option("--start", type=int, help="First character (code points from 0); omit to code the whole document.")
@click.option("--end", type=int, help="Character after the last one.")
@coder_option
@click.option("--role", type=click.Choice(["analyst", "trainer", "trainee", "reference"]),
              help="Role of a coder created by this command.")
@json_option
def code(project: str, document_id: int | None, segment_id: int | None, code_ref: str, start: int | None,
         end: int | None, coder: str, role: str | None, as_json: bool) -> None:
    """Apply a code to a span, a whole document or a segment."""
    from workbench.codebook import code_path, find_code
    from workbench.coding import apply_code, code_segment, get_coding

    if (document_id is None) == (segment_id is None):
        raise WorkbenchError("give either --document or --segment")
    if segment_id is not None and (start is not None or end is not None):
        raise WorkbenchError("--start/--end go with --document; a segment is coded whole")
    with _open(project) as opened:
        code_id = find_code(opened, code_ref)
        if segment_id is not None:
            coding_id = code_segment(opened, segment_id, code_id, coder=coder, role=role)
        else:
            coding_id = apply_code(opened, document_id, code_id, start, end, coder=coder, role=role)
        row = get_coding(opened, coding_id)
        name = code_path(opened, code_id)
    if as_json:
        print_json(row)
        return
    click.echo(f"coding {coding_id}: « {name} » on document {row['document_id']}, characters "
               f"{row['start_pos']}–{row['end_pos']}, coded by {coder}")


@click.command()
@project_argument
@click.argument("coding_id", type=int)
@coder_option
def uncode(project: str, coding_id: int, coder: str) -> None:
    """Remove a coding (and the memos on it)."""
    from workbench.coding import remove_coding

    with _open(project) as opened:
        remove_coding(opened, coding_id, coder=coder)
    click.echo(f"removed coding {coding_id}")


@click.command()
@project_argument
@click.argument("coding_id", type=int)
@click.option("--code", "code_ref", required=True, help="The new code.")
@coder_option
def recode(project: str, coding_id: int, code_ref: str, coder: str) -> None:
    """Give a coding another code."""
    from workbench.codebook import find_code
    from workbench.coding import recode as recode_coding

    with _open(project) as opened:
        recode_coding(opened, coding_id, find_code(opened, code_ref), coder=coder)
    click.echo(f"recoded coding {coding_id}")


@click.command()
@project_argument
@click.argument("coding_id", type=int)
@click.option("--start", type=int, required=True)
@click.option("--end", type=int, required=True)
@coder_option
def resize(project: str, coding_id: int, start: int, end: int, coder: str) -> None:
    """Move a coding's boundaries."""
    from workbench.coding import resize_coding

    with _open(project) as opened:
        resize_coding(opened, coding_id, start, end, coder=coder)
    click.echo(f"coding {coding_id} now spans [{start}, {end})")


@click.command()
@project_argument
@click.option("--document", "document_id", type=int, required=True)
@click.option("--coder", "only_coder", help="Only this coder's codings.")
@json_option
def codings(project: str, document_id: int, only_coder: str | None, as_json: bool) -> None:
    """List a document's codings in text order."""
    from workbench.coding import codings_for_document

    with _open(project, read_only=True) as opened:
        rows = codings_for_document(opened, document_id, coder=only_coder)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        text = " ".join(row["text"].split())
        text = text[:60] + "…" if len(text) > 60 else text
        click.echo(f"{row['id']:>7}  [{row['start_pos']}, {row['end_pos']})  {row['code']}  ({row['coder']})  «{text}»")


@click.command()
@project_argument
@click.option("--coder", help="Who undoes (an existing coder); recorded in the audit trail.")
def undo(project: str, coder: str | None) -> None:
    """Take back the latest change."""
    _replay(project, coder, undoing=True)


@click.command()
@project_argument
@click.option("--coder", help="Who redoes (an existing coder).")
def redo(project: str, coder: str | None) -> None:
    """Re-apply the latest undone change."""
    _replay(project, coder, undoing=False)


def _replay(project: str, coder: str | None, undoing: bool) -> None:
    from workbench import history
    from workbench.store.coders import coder_by_name

    with _open(project) as opened:
        coder_id = None if coder is None else coder_by_name(opened, coder)
        entry = (history.undo if undoing else history.redo)(opened, coder_id)
    click.echo(f"{'undid' if undoing else 'redid'} #{entry['id']}: {entry['description'] or entry['action']}")


# -- memos --------------------------------------------------------------------------------------------------
@click.group()
def memo() -> None:
    """Memos on the project, documents, codings and codes: add, list, edit, delete."""


def _target(opened: Any, document_id: int | None, coding_id: int | None, code_ref: str | None,
            on_project: bool) -> tuple[str | None, int | None]:
    from workbench.codebook import find_code

    given = [(kind, value) for kind, value in (("document", document_id), ("coding", coding_id),
                                               ("code", code_ref)) if value is not None]
    if on_project:
        given.append(("project", None))
    if len(given) > 1:
        raise WorkbenchError("give one of --document, --coding, --code or --project")
    if not given:
        return None, None
    kind, value = given[0]
    return kind, find_code(opened, value) if kind == "code" else value


def _target_options(function: Any) -> Any:
    function = click.option("--project", "on_project", is_flag=True, help="About the whole project.")(function)
    function = click.option("--code", "code_ref", help="About a code (path or key).")(function)
    function = click.option("--coding", "coding_id", type=int, help="About a coding.")(function)
    return click.option("--document", "document_id", type=int, help="About a document.")(function)


@memo.command("add")
@project_argument
@click.argument("text")
@_target_options
@coder_option
def memo_add(project: str, text: str, document_id: int | None, coding_id: int | None, code_ref: str | None,
             on_project: bool, coder: str) -> None:
    """Write a memo TEXT about one target."""
    from workbench.store.memos import add_memo

    with _open(project) as opened:
        kind, target_id = _target(opened, document_id, coding_id, code_ref, on_project)
        if kind is None:
            raise WorkbenchError("say what the memo is about: --document, --coding, --code or --project")
        memo_id = add_memo(opened, kind, target_id, text, coder=coder)
    click.echo(f"memo {memo_id}")


@memo.command("list")
@project_argument
@_target_options
@json_option
def memo_list(project: str, document_id: int | None, coding_id: int | None, code_ref: str | None,
              on_project: bool, as_json: bool) -> None:
    """List memos, all or those about one target."""
    from workbench.store.memos import list_memos

    with _open(project, read_only=True) as opened:
        kind, target_id = _target(opened, document_id, coding_id, code_ref, on_project)
        rows = list_memos(opened, kind, target_id)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        about = "project" if row["target_kind"] == "project" else f"{row['target_kind']} {row['target_id']}"
        click.echo(f"{row['id']:>5}  {about:<14} {row['coder'] or '':<12} {row['text']}")


@memo.command("edit")
@project_argument
@click.argument("memo_id", type=int)
@click.argument("text")
@coder_option
def memo_edit(project: str, memo_id: int, text: str, coder: str) -> None:
    """Replace the text of memo MEMO_ID."""
    from workbench.store.memos import edit_memo

    with _open(project) as opened:
        edit_memo(opened, memo_id, text, coder=coder)
    click.echo(f"memo {memo_id} edited")


@memo.command("delete")
@project_argument
@click.argument("memo_id", type=int)
@coder_option
def memo_delete(project: str, memo_id: int, coder: str) -> None:
    """Delete memo MEMO_ID (undoable)."""
    from workbench.store.memos import delete_memo

    with _open(project) as opened:
        delete_memo(opened, memo_id, coder=coder)
    click.echo(f"memo {memo_id} deleted")


# -- coders -------------------------------------------------------------------------------------------------
@click.command()
@project_argument
@click.option("--add", "new_name", help="Add a coder with this name.")
@click.option("--set-role", "role_for", help="Change the role of this coder (with --role).")
@click.option("--role", type=click.Choice(["analyst", "trainer", "trainee", "reference"]),
              help="Role for --add (default analyst) or --set-role.")
@json_option
def coders(project: str, new_name: str | None, role_for: str | None, role: str | None, as_json: bool) -> None:
    """List coders with their roles and codings; add one or change a role."""
    from workbench.store.coders import add_coder, list_coders, set_role

    if new_name and role_for:
        raise WorkbenchError("give --add or --set-role, not both")
    if role_for and not role:
        raise WorkbenchError("--set-role needs --role")
    changing = bool(new_name or role_for)
    with _open(project, read_only=not changing) as opened:
        if new_name:
            add_coder(opened, new_name, role or "analyst")
        elif role_for:
            set_role(opened, role_for, role)
        rows = list_coders(opened)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        click.echo(f"{row['name']:<20} {row['role']:<10} {row['codings']:>7} codings")


# -- agreement and scoring ----------------------------------------------------------------------------------
def _codes(opened: Any, refs: tuple[str, ...]) -> list[int] | None:
    from workbench.codebook import find_code

    return [find_code(opened, ref) for ref in refs] if refs else None


@click.command()
@project_argument
@click.option("--coders", "coder_list", required=True, help="Two or more coder names, comma-separated.")
@click.option("--codes", "code_refs", multiple=True, help="Code (or grouping code) to include; repeatable.")
@click.option("--documents", help="Document ids, e.g. 1,2,10-20 (default: those every coder coded).")
@click.option("--level", type=click.Choice(["document", "character"]), default="document", show_default=True)
@json_option
def agreement(project: str, coder_list: str, code_refs: tuple[str, ...], documents: str | None, level: str,
              as_json: bool) -> None:
    """Percent agreement, Cohen's kappa and Krippendorff's alpha per code and overall."""
    from workbench.training.agreement import agreement as measure
    from workbench.training.agreement import confusion_table

    names = [name.strip() for name in coder_list.split(",") if name.strip()]
    with _open(project, read_only=True) as opened:
        codes = _codes(opened, code_refs)
        ids = _parse_ids(documents)
        report = measure(opened, names, documents=ids, codes=codes, level=level)
        confusion = confusion_table(opened, names[0], names[1], documents=ids, codes=codes) if len(names) == 2 else None
    if as_json:
        data = report.to_dict()
        data["confusion"] = confusion.to_dict()["cells"] if confusion else None
        print_json(data)
        return
    unit = "documents" if level == "document" else "characters"
    click.echo(f"Agreement between {', '.join(report.coders)} on {len(report.document_ids)} documents ({level} level)")
    click.echo(f"{'code':<50} {unit:>10} {'agree':>7} {'kappa':>7} {'alpha':>7}")
    for row in [*report.per_code, report.overall]:
        click.echo(f"{_short(row.code, 50):<50} {row.n_units:>10} {_fmt(row.percent_agreement):>7} "
                   f"{_fmt(row.cohen_kappa):>7} {_fmt(row.krippendorff_alpha):>7}")
    for note in report.overall.notes:
        click.echo(f"note: {note}")
    if confusion and confusion.off_diagonal():
        click.echo(f"Most frequent disagreements ({confusion.coder_a} → {confusion.coder_b}):")
        for cell in confusion.off_diagonal()[:10]:
            click.echo(f"  {cell['count']:>4}  {_short(cell['code_a'])} → {_short(cell['code_b'])}")


@click.command()
@project_argument
@click.option("--reference", required=True, help="The reference coder.")
@click.option("--trainee", required=True, help="The coder being scored.")
@click.option("--codes", "code_refs", multiple=True, help="Code (or grouping code) to include; repeatable.")
@click.option("--documents", help="Document ids, e.g. 1,2,10-20 (default: those both coded).")
@click.option("--min-overlap", type=float, default=0.0, show_default=True,
              help="Span match: shared/union characters needed (0 = any shared character).")
@click.option("--show", type=int, default=5, show_default=True, help="Misses and false alarms to print.")
@json_option
def score(project: str, reference: str, trainee: str, code_refs: tuple[str, ...], documents: str | None,
          min_overlap: float, show: int, as_json: bool) -> None:
    """Score a trainee against a reference coder: precision, recall, F1, misses, false alarms, confusions."""
    from workbench.training.trainee_scores import score_trainee

    with _open(project, read_only=True) as opened:
        report = score_trainee(opened, reference, trainee, documents=_parse_ids(documents),
                               codes=_codes(opened, code_refs), min_overlap=min_overlap)
    if as_json:
        print_json(report.to_dict())
        return
    click.echo(f"{report.trainee} against {report.reference} on {len(report.document_ids)} documents")
    click.echo(f"{'code':<46} {'doc P':>6} {'doc R':>6} {'doc F1':>6} {'span P':>6} {'span R':>6} {'span F1':>7}")
    for row in report.per_code:
        d, s = row.document, row.span
        click.echo(f"{_short(row.code):<46} {_fmt(d.precision):>6} {_fmt(d.recall):>6} {_fmt(d.f1):>6} "
                   f"{_fmt(s.precision):>6} {_fmt(s.recall):>6} {_fmt(s.f1):>7}")
    d, s = report.document, report.span
    click.echo(f"{'(all codes)':<46} {_fmt(d.precision):>6} {_fmt(d.recall):>6} {_fmt(d.f1):>6} "
               f"{_fmt(s.precision):>6} {_fmt(s.recall):>6} {_fmt(s.f1):>7}")
    for title, items in (("Misses", report.misses), ("False alarms", report.false_alarms)):
        click.echo(f"{title}: {len(items)}")
        for item in items[:show]:
            text = " ".join(item["text"].split())
            text = text[:80] + "…" if len(text) > 80 else text
            used = ", ".join(_short(code) for code in item["other_coder_used"])
            instead = f" (other coder: {used})" if used else ""
            click.echo(f"  {item['title']}: {_short(item['code'])}{instead} «{text}»")
    if report.confusions:
        click.echo("Most confused (trainee used → reference had):")
        for item in report.confusions[:10]:
            click.echo(f"  {item['count']:>4}  {_short(item['trainee_code'])} → {_short(item['reference_code'])}")


@click.command()
@project_argument
@click.option("--coder", help="Only this coder's actions.")
@click.option("--action", "action_name", help="Only this action (apply_code, undo, create_code…).")
@click.option("--since", help="From this date (YYYY-MM-DD or ISO time).")
@click.option("--until", help="Up to this date, inclusive.")
@click.option("--limit", type=int, help="At most this many entries (newest first).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write the entries to this CSV file.")
@json_option
def audit(project: str, coder: str | None, action_name: str | None, since: str | None, until: str | None,
          limit: int | None, csv_path: str | None, as_json: bool) -> None:
    """Who changed what, and when: the audit trail, newest first."""
    from workbench.audit import audit_trail, export_csv

    with _open(project, read_only=True) as opened:
        entries = audit_trail(opened, coder=coder, action=action_name, since=since, until=until, limit=limit)
    if csv_path:
        export_csv(entries, csv_path)
        click.echo(f"{len(entries)} entries written to {csv_path}", err=as_json)
    if as_json:
        print_json(entries)
        return
    if csv_path:
        return
    for entry in entries:
        status = "" if entry["status"] == "done" else f" [{entry['status']}]"
        click.echo(f"#{entry['id']:<6} {entry['happened_at']:%Y-%m-%d %H:%M:%S}  {entry['coder'] or '-':<12} "
                   f"{entry['description']}{status}")
