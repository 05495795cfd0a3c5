"""`workbench export`, `workbench report`, `workbench chart`: take coded data out as files, tables and pictures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from workbench.commands.common import (
    json_option,
    print_json,
    progress_reporter,
    project_argument,
    quiet_option,
)

EXPORT_SUFFIXES = (".xlsx", ".csv", ".parquet", ".qdpx", ".txt")


def register(cli: click.Group) -> None:
    cli.add_command(export)
    cli.add_command(report)
    cli.add_command(chart)


def _split(values: tuple[str, ...]) -> list[str]:
    """Repeated options and comma-separated lists alike: --kinds call,email --kinds chat."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def filter_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The filters every export, report and chart accepts."""
    options = [
        click.option("--codes", multiple=True, metavar="PATH",
                     help="Only these codes and their sub-codes ('Parent/Child' or scheme:key); repeatable."),
        click.option("--coders", multiple=True, metavar="NAME", help="Only codings by these coders; repeatable."),
        click.option("--kinds", multiple=True, metavar="KIND",
                     help="Only these document kinds (call, email, chat, interview, survey, other)."),
        click.option("--from", "date_from", metavar="DATE", help="Only documents on or after DATE (YYYY-MM-DD)."),
        click.option("--to", "date_to", metavar="DATE", help="Only documents on or before DATE (YYYY-MM-DD)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _filters(opened: Any, codes: tuple[str, ...], coders: tuple[str, ...], kinds: tuple[str, ...],
             date_from: str | None, date_to: str | None) -> Any:
    from workbench.filters import make_filters

    return make_filters(opened, codes=codes, coders=_split(coders), kinds=_split(kinds), date_from=date_from,
                        date_to=date_to)


@click.command()
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--sheets", multiple=True, help="Excel sheets to write, in order (default: all).")
@click.option("--table", type=click.Choice(["segments", "matrix", "documents"]), default="segments",
              show_default=True, help="Which table a .csv or .parquet file holds.")
@click.option("--delimiter", default=",", show_default=True,
              help="CSV delimiter; ';' also writes decimal commas (Excel in a French locale).")
@click.option("--context", type=click.IntRange(0, 2000), default=80, show_default=True,
              help="Characters of context before and after each coded segment.")
@click.option("--crosstab", "crosstabs", nargs=2, multiple=True, metavar="CODE VARIABLE",
              help="Crosstab for the Excel Crosstabs sheet (default: one per top-level code and variable).")
@click.option("--agreement-coders", multiple=True, metavar="NAME",
              help="The two coders the Excel Agreement sheet compares (default: the two busiest).")
@click.option("--variables", multiple=True, metavar="NAME", help="IRaMuTeQ (.txt): variables to star (default: all).")
@click.option("--code-star", "code_stars", multiple=True, metavar="PREFIX=CODE",
              help="IRaMuTeQ (.txt): star each document with the sub-codes of CODE, e.g. forme=relationship_forms:relationship_forms.")
@click.option("--positions", type=click.Choice(["codepoints", "utf16-crlf"]), default="codepoints",
              show_default=True,
              help="REFI-QDA (.qdpx): how selection positions count; utf16-crlf writes CRLF texts and UTF-16 "
                   "offsets, as NVivo counts.")
@filter_options
@json_option
@quiet_option
def export(project: str, out: str, sheets: tuple[str, ...], table: str, delimiter: str, context: int,
           crosstabs: tuple[tuple[str, str], ...], agreement_coders: tuple[str, ...], variables: tuple[str, ...],
           code_stars: tuple[str, ...], positions: str, codes: tuple[str, ...], coders: tuple[str, ...],
           kinds: tuple[str, ...], date_from: str | None, date_to: str | None, as_json: bool, quiet: bool) -> None:
    """Export PROJECT to OUT: .xlsx (workbook), .csv or .parquet (one table), .qdpx (REFI-QDA), .txt (IRaMuTeQ)."""
    from workbench.errors import ExportError
    from workbench.project import Project

    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ExportError(f"{path.name}: choose an output ending in {', '.join(EXPORT_SUFFIXES)}")
    if positions != "codepoints" and suffix != ".qdpx":
        raise ExportError(f"{path.name}: --positions applies to .qdpx files only")
    if delimiter == "\\t":
        delimiter = "\t"
    with Project.open(project, read_only=True) as opened:
        filters = _filters(opened, codes, coders, kinds, date_from, date_to)
        if suffix == ".xlsx":
            from workbench.export.excel import export_xlsx

            with progress_reporter("export", quiet or as_json) as progress:
                result: dict[str, Any] = export_xlsx(
                    opened, path, sheets=_split(sheets) or None, filters=filters,
                    crosstabs=list(crosstabs) or None, coders=_split(agreement_coders) or None, context=context,
                    progress=progress)
        elif suffix in (".csv", ".parquet"):
            from workbench.export.tables import export_table

            result = {table: export_table(opened, path, table=table, filters=filters, delimiter=delimiter,
                                          context=context)}
        elif suffix == ".txt":
            from workbench.export.iramuteq import export_iramuteq

            stars = {}
            for item in code_stars:
                prefix, sep, code = item.partition("=")
                if not sep or not prefix or not code:
                    raise ExportError(f"--code-star {item!r}: write PREFIX=CODE, e.g. forme=Formes de relation")
                stars[prefix] = code
            result = {"documents": export_iramuteq(opened, path, variables=_split(variables) or None,
                                                   code_stars=stars, filters=filters)}
        else:
            result = _export_qdpx(opened, path, filters, list(codes), _split(coders), positions)
    if as_json:
        print_json({"path": str(path), "rows": result})
        return
    click.echo(f"wrote {path}")
    for name, count in result.items():
        click.echo(f"  {name:<12} {count:>9}")


def _export_qdpx(opened: Any, path: Path, filters: Any, codes: list[str], coders: list[str],
                 positions: str) -> dict[str, int]:
    """REFI-QDA project exchange, written by workbench.export.refi (imported only when asked for)."""
    from workbench.errors import ExportError
    from workbench.export.refi import export_qdpx

    if filters.kinds or filters.date_from or filters.date_to:
        raise ExportError("a .qdpx file holds whole documents: --kinds, --from and --to do not apply (--codes and "
                          "--coders do)")
    summary = export_qdpx(opened, path, codes=codes or None, coders=coders or None, positions=positions)
    return {str(key): value for key, value in summary.items() if isinstance(value, int)}


def _print_frame(frame: Any, percent: tuple[str, ...] = ()) -> None:
    shown = frame.copy()
    for column in percent:
        if column in shown:
            shown[column] = (shown[column] * 100).round(1).astype(str) + " %"
    click.echo(shown.to_string(index=False))


@click.command()
@project_argument
@click.option("--frequencies", is_flag=True, help="Codings, documents and share of the corpus per code.")
@click.option("--level", type=click.IntRange(1, 20), help="With --frequencies: roll codes up to this level.")
@click.option("--crosstab", nargs=2, metavar="CODE VARIABLE",
              help="Documents per sub-code of CODE x values of VARIABLE (or kind, nps_group), with chi-square.")
@click.option("--rows", type=click.Choice(["children", "leaves"]), default="children", show_default=True,
              help="With --crosstab: rows are the code's children (rolled up) or every leaf below it.")
@click.option("--cooccurrence", type=click.Choice(["document", "segment", "overlap"]),
              help="Pairs of codes found in the same document, segment, or overlapping spans.")
@click.option("--topics", "topic_variable", metavar="VARIABLE",
              help="Units per topic (latest topic run) x values of VARIABLE, with chi-square.")
@filter_options
@json_option
def report(project: str, frequencies: bool, level: int | None, crosstab: tuple[str, str] | None, rows: str,
           cooccurrence: str | None, topic_variable: str | None, codes: tuple[str, ...], coders: tuple[str, ...],
           kinds: tuple[str, ...], date_from: str | None, date_to: str | None, as_json: bool) -> None:
    """Print frequencies, a crosstab with chi-square and residuals, co-occurrences, or topics x a variable."""
    from workbench import analysis
    from workbench.errors import ExportError
    from workbench.project import Project

    if not (frequencies or crosstab or cooccurrence or topic_variable):
        raise ExportError("say what to report: --frequencies, --crosstab CODE VARIABLE, --cooccurrence SCOPE "
                          "or --topics VARIABLE")
    output: dict[str, Any] = {}
    with Project.open(project, read_only=True) as opened:
        filters = _filters(opened, codes, coders, kinds, date_from, date_to)
        if frequencies:
            freq = analysis.code_frequencies(opened, filters, level=level).drop(columns=["color"])
            output["frequencies"] = freq.to_dict(orient="records")
            if not as_json:
                _print_frame(freq, ("share", "share_with_subcodes"))
        if crosstab:
            table = analysis.crosstab(opened, crosstab[0], crosstab[1], filters, rows=rows)  # type: ignore[arg-type]
            output["crosstab"] = table.to_dict()
            if not as_json:
                _print_crosstab(table)
        if cooccurrence:
            pairs = analysis.cooccurrence(opened, filters, scope=cooccurrence, level=level)  # type: ignore[arg-type]
            output["cooccurrence"] = pairs.to_dict(orient="records")
            if not as_json:
                click.echo(pairs.drop(columns=["code_a", "code_b"]).to_string(index=False) if not pairs.empty
                           else f"no two codes share a {cooccurrence}")
        if topic_variable:
            table = analysis.topic_crosstab(opened, topic_variable, filters)
            output["topics"] = table.to_dict()
            if not as_json:
                _print_crosstab(table, unit="units")
    if as_json:
        print_json(output)


def _print_crosstab(table: Any, unit: str = "documents") -> None:
    click.echo(f"{table.title} x {table.variable}")
    click.echo("")
    click.echo(f"Counts ({unit})")
    counts = table.counts.copy()
    counts["Total"] = counts.sum(axis=1)
    click.echo(counts.to_string())
    for title, frame in (("Row %", table.row_pct), ("Column %", table.col_pct),
                         ("Adjusted standardised residuals", table.residuals)):
        click.echo("")
        click.echo(title)
        click.echo(frame.round(1 if "%" in title else 2).to_string(na_rep="-"))
    click.echo("")
    if table.chi2 is not None:
        click.echo(f"chi2 = {table.chi2:.3f}, df = {table.dof}, p = {table.p_value:.4g}, "
                   f"Cramer's V = {table.cramers_v:.3f}, N = {table.n}")
    for note in table.notes:
        click.echo(f"note: {note}")


@click.command()
@project_argument
@click.argument("kind", type=click.Choice(["frequencies", "crosstab", "cooccurrence", "trends", "topics",
                                           "agreement", "trainee", "relationship-map"]))
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--code", metavar="PATH", help="crosstab: the code whose sub-codes are rows; trends: one code.")
@click.option("--variable", metavar="NAME", help="crosstab: the variable (or kind, nps_group).")
@click.option("--compare", "compare", multiple=True, metavar="NAME",
              help="agreement: two coders; trainee: the reference, then the trainee.")
@click.option("--scope", type=click.Choice(["document", "segment", "overlap"]), default="document",
              show_default=True, help="cooccurrence: what counts as together.")
@click.option("--period", type=click.Choice(["week", "month", "quarter", "year"]), default="month",
              show_default=True, help="trends: period length.")
@click.option("--level", type=click.IntRange(1, 20), help="frequencies/cooccurrence/trends: code level.")
@filter_options
def chart(project: str, kind: str, out: str, code: str | None, variable: str | None, compare: tuple[str, ...],
          scope: str, period: str, level: int | None, codes: tuple[str, ...], coders: tuple[str, ...],
          kinds: tuple[str, ...], date_from: str | None, date_to: str | None) -> None:
    """Draw chart KIND of PROJECT into OUT (.png or .svg)."""
    from workbench.charts import make_chart, save
    from workbench.project import Project

    with Project.open(project, read_only=True) as opened:
        filters = _filters(opened, codes, coders, kinds, date_from, date_to)
        fig = make_chart(opened, kind, filters, code=code, variable=variable, coders=list(compare), scope=scope,
                         period=period, level=level)
    click.echo(f"wrote {save(fig, out)}")
