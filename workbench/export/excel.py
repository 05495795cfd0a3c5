"""The Excel workbook analysts take away: coded segments, code matrix, codebook, frequencies, crosstabs,
agreement, topics, suggestions and charts, one sheet each.

openpyxl's write-only mode streams rows to the file, so 100,000 segments take memory for one row at a
time (see bench/export.py). Write-only sheets need their layout (column widths, frozen panes) before the
first row and accept the auto-filter at the end, which is the order used here.

No cell ever runs a formula: text starting with `=`, `+`, `-`, `@`, tab or CR is written as a text cell
with Excel's quote-prefix flag (what Excel itself does when a user types an apostrophe), so it shows as
typed and stays text even when the user edits the cell. Numbers are numbers and dates are dates (typed from
variables.type), so sorting and filtering work in Excel without conversion.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import ExportError
from workbench.export.document_names import untitled_names
from workbench.export.tables import CONTEXT, FORMULA_PREFIXES, Table, matrix_table, segments_table
from workbench.filters import NO_FILTERS, Filters
from workbench.output import check_output, output_file
from workbench.progress import ProgressCallback, no_progress
from workbench.project import Project

if TYPE_CHECKING:
    import pandas as pd

SHEETS = ("Segments", "Matrix", "Codebook", "Frequencies", "Crosstabs", "Agreement", "Topics", "Suggestions",
          "Charts")
EXCEL_TEXT_LIMIT = 32767  # characters in one cell
_PREFIXES = frozenset(FORMULA_PREFIXES)
HEADER_FILL = "1F4E79"
UNDER_FILL, OVER_FILL = "C6DBEF", "FCBBA1"  # residual below -1.96 / above +1.96 (RdBu ends, colour-blind safe)
ROW_PIXELS = 20  # height of a row at Excel's default 15 points, to leave room under each chart
_WIDTHS = {"text": 60, "before": 40, "after": 40, "document": 30, "code": 35, "description": 50, "keywords": 50,
           "path": 40, "label": 30, "examples": 40, "indicators": 40}


class _Sheet:
    """A write-only sheet with a styled header, frozen panes, auto-filter, widths and injection-safe cells."""

    def __init__(self, workbook: Any, title: str, columns: Sequence[str], types: Sequence[str] | None = None, *,
                 freeze: str = "A2", widths: dict[int, float] | None = None, header: bool = True) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        self.ws = workbook.create_sheet(title)
        self._cell = WriteOnlyCell
        self._illegal = ILLEGAL_CHARACTERS_RE
        self.columns = list(columns)
        self.rows = 0
        types = list(types or ["text"] * len(self.columns))
        self._text_columns = [index for index, kind in enumerate(types) if kind == "text"]
        for index, name in enumerate(self.columns, start=1):
            width = (widths or {}).get(index) or _WIDTHS.get(name, min(max(len(str(name)) + 2, 10), 40))
            self.ws.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            self.ws.freeze_panes = freeze
        self._letter = get_column_letter
        if header:
            font, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_FILL)
            align = Alignment(wrap_text=True, vertical="top")
            cells = []
            for name in self.columns:
                cell = self.text(str(name))
                cell.font, cell.fill, cell.alignment = font, fill, align
                cells.append(cell)
            self.ws.append(cells)
            self.rows = 1
        self._header = header

    def text(self, value: str) -> Any:
        """A cell that holds `value` as text, whatever it starts with."""
        value = self._illegal.sub("", value)[:EXCEL_TEXT_LIMIT]
        cell = self._cell(self.ws, value)
        if cell.data_type != "s" or value.startswith(FORMULA_PREFIXES):
            cell.data_type = "s"
            cell.quotePrefix = True
        return cell

    def append(self, row: Sequence[Any]) -> None:
        """Append one row of a `Table` (the hot path of large exports): only the first character and the
        length of text columns are checked, as tables arrive without control characters."""
        values = list(row)
        for index in self._text_columns:
            value = values[index]
            if value and (value[0] in _PREFIXES or len(value) > EXCEL_TEXT_LIMIT):
                values[index] = self.text(value)
        self.ws.append(values)
        self.rows += 1

    def append_any(self, row: Iterable[Any]) -> None:
        """Append a row of mixed values (small sheets): every string is checked, NaN becomes empty."""
        values = []
        for value in row:
            if isinstance(value, str):
                values.append(self.text(value) if value.startswith(FORMULA_PREFIXES) or self._illegal.search(value)
                              or len(value) > EXCEL_TEXT_LIMIT else value)
            elif isinstance(value, float) and math.isnan(value):
                values.append(None)
            else:
                values.append(value)
        self.ws.append(values)
        self.rows += 1

    def styled(self, value: Any, *, number_format: str | None = None, bold: bool = False,
               fill: str | None = None) -> Any:
        from openpyxl.styles import Font, PatternFill

        cell = self.text(value) if isinstance(value, str) else self._cell(self.ws, value)
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = Font(bold=True)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        return cell

    def finish(self) -> int:
        """Add the auto-filter over the header and data; returns the number of data rows."""
        if self._header and self.columns:
            self.ws.auto_filter.ref = f"A1:{self._letter(len(self.columns))}{max(self.rows, 1)}"
        return self.rows - (1 if self._header else 0)


def _named(table: Table, names: dict[int, str]) -> Table:
    """`table` with the `document` cell of every untitled document filled with its file and row (see
    `document_names`): a survey row with an empty cell could not be traced back to its respondent."""
    if "document" not in table.columns or "document_id" not in table.columns:
        return table
    key, cell = table.columns.index("document_id"), table.columns.index("document")

    def rows() -> Iterator[tuple[Any, ...]]:
        for row in table.rows:
            if not row[cell] and row[key] in names:
                row = (*row[:cell], names[row[key]], *row[cell + 1:])
            yield row

    return Table(table.name, table.columns, table.types, rows())


def _write_table(workbook: Any, title: str, table: Table, progress: ProgressCallback, freeze: str = "A2") -> int:
    sheet = _Sheet(workbook, title, table.columns, table.types, freeze=freeze)
    for row in table.rows:
        sheet.append(row)
        if sheet.rows % 10000 == 0:
            progress(sheet.rows - 1, None, f"{title}: {sheet.rows - 1} rows")
    return sheet.finish()


def _write_frame(workbook: Any, title: str, frame: pd.DataFrame, *, percent: Sequence[str] = (),
                 freeze: str = "A2") -> int:
    """A small DataFrame as a sheet; `percent` columns hold fractions shown as percentages."""
    sheet = _Sheet(workbook, title, [str(c) for c in frame.columns], freeze=freeze)
    percent_index = {list(frame.columns).index(name) for name in percent if name in frame.columns}
    for values in frame.itertuples(index=False):
        row = [_plain(v) for v in values]
        for index in percent_index:
            if row[index] is not None:
                row[index] = sheet.styled(row[index], number_format="0.0%")
        sheet.append_any(row)
    return sheet.finish()


def _plain(value: Any) -> Any:
    """numpy / pandas scalars, lists and dicts as values openpyxl accepts."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


# -- sheets -------------------------------------------------------------------------------------------------
def _codebook_sheet(project: Project, workbook: Any, filters: Filters) -> int:
    from workbench.codebook import code_tree

    nodes = [node for node in code_tree(project, counts=True) if filters.allows_code(node["id"])]
    columns = ["code_id", "path", "level", "name", "key", "scheme", "color", "codable", "description", "inclusion",
               "exclusion", "indicators", "examples", "attributes", "codings", "documents"]
    sheet = _Sheet(workbook, "Codebook", columns)
    for node in nodes:
        colour = node["color"][1:] if isinstance(node["color"], str) and len(node["color"]) == 7 else None
        values = [node["id"], node["path"], node["depth"] + 1, node["name"], node["key"], node["scheme"],
                  sheet.styled(node["color"], fill=colour) if colour else node["color"], node["codable"],
                  node["description"], node["inclusion"], node["exclusion"], _plain(node["indicators"]),
                  _plain(node["examples"]), _plain(node["attributes"]), node["n_codings"], node["n_documents"]]
        sheet.append_any(values)
    return sheet.finish()


def default_crosstabs(project: Project, limit: int = 12) -> list[tuple[int, str]]:
    """(code, variable) pairs worth a table when the user names none: each top-level code with sub-codes
    against the document kind, the NPS group and every text or yes/no variable with 2 to 12 values."""
    from workbench.analysis import KIND_VARIABLE, NPS_GROUP_VARIABLE

    roots = [row[0] for row in project.rows(
        "SELECT p.id FROM codes p WHERE p.parent_id IS NULL AND EXISTS (SELECT 1 FROM codes c WHERE c.parent_id = p.id)"
        " ORDER BY p.position, p.id")]
    variables: list[str] = []
    if int(project.scalar("SELECT count(DISTINCT kind) FROM documents")) > 1:
        variables.append(KIND_VARIABLE)
    if project.rows("SELECT 1 FROM variables WHERE lower(name) = 'nps'"):
        variables.append(NPS_GROUP_VARIABLE)
    variables += [name for (name,) in project.rows(
        """SELECT v.name FROM variables v JOIN document_values dv ON dv.variable_id = v.id
           WHERE v.type IN ('text', 'boolean') GROUP BY v.id, v.name
           HAVING count(DISTINCT dv.value) BETWEEN 2 AND 12 ORDER BY v.id""")]
    return [(root, variable) for root in roots for variable in variables][:limit]


def _crosstab_sheet(project: Project, workbook: Any, filters: Filters, pairs: Sequence[tuple[Any, str]]) -> int:
    """Each crosstab as a block: test line, counts with totals, column percentages, adjusted residuals."""
    from workbench.analysis import crosstab

    sheet = _Sheet(workbook, "Crosstabs", ["Crosstabs"], freeze="", header=False, widths={1: 40})
    for index in range(2, 30):
        sheet.ws.column_dimensions[sheet._letter(index)].width = 16
    fr = project.language == "fr"
    written = 0
    for code, variable in pairs:
        table = crosstab(project, code, variable, filters)
        sheet.append_any([sheet.styled(f"{table.title} × {table.variable}", bold=True)])
        if table.chi2 is not None:
            sheet.append_any([f"N = {table.n}", f"χ² = {table.chi2:.3f}", f"{'ddl' if fr else 'df'} = {table.dof}",
                              f"p = {table.p_value:.4g}", f"V = {table.cramers_v:.3f}"])
        for note in table.notes:
            sheet.append_any([note])
        columns = [str(c) for c in table.counts.columns]
        blocks = [("documents", table.counts, None), ("% colonne" if fr else "column %", table.col_pct, "0.0"),
                  ("résidus ajustés" if fr else "adjusted residuals", table.residuals, "0.00")]
        for name, frame, number_format in blocks:
            header = [sheet.styled(name, bold=True)] + [sheet.styled(c, bold=True) for c in columns]
            sheet.append_any(header + ([sheet.styled("Total", bold=True)] if number_format is None else []))
            for label, values in frame.iterrows():
                cells: list[Any] = [str(label)]
                for value in values.tolist():
                    value = _plain(value)
                    fill = None
                    if name == blocks[2][0] and value is not None and abs(value) > 1.96:
                        fill = OVER_FILL if value > 0 else UNDER_FILL
                    cells.append(sheet.styled(value, number_format=number_format, fill=fill)
                                 if value is not None else None)
                if number_format is None:
                    cells.append(int(sum(values.tolist())))
                sheet.append_any(cells)
            if number_format is None:
                sheet.append_any(["Total", *[int(v) for v in frame.sum(axis=0).tolist()], int(frame.to_numpy().sum())])
        sheet.append_any([])
        sheet.append_any([])
        written += 1
    return written


def _agreement_sheet(project: Project, workbook: Any, filters: Filters, coders: Sequence[str] | None) -> int:
    from workbench.analysis import agreement_frame

    try:
        frame = agreement_frame(project, list(coders or []), filters)
    except ExportError as exc:
        sheet = _Sheet(workbook, "Agreement", ["note"])
        sheet.append_any([str(exc)])
        sheet.finish()
        return 0
    return _write_frame(workbook, "Agreement", frame, percent=("percent_agreement",))


def _topics_sheet(project: Project, workbook: Any) -> int:
    import pandas as pd

    from workbench.analysis import topic_summary

    runs = [row[0] for row in project.rows("SELECT DISTINCT run_id FROM topics ORDER BY run_id")]
    frames = [topic_summary(project, run) for run in runs]
    models = dict(project.rows("SELECT id, coalesce(model, kind) FROM runs"))
    frame = pd.concat(frames, ignore_index=True) if frames else topic_summary(project)
    frame.insert(1, "model", frame["run_id"].map(models))
    return _write_frame(workbook, "Topics", frame, percent=("share",))


def _suggestions_sheet(project: Project, workbook: Any, filters: Filters, names: dict[int, str]) -> int:
    from workbench.export.tables import code_levels

    levels, _depth = code_levels(project)
    doc_sql, params = filters.documents_sql("d")
    if filters.code_ids:
        doc_sql += f" AND s.code_id IN ({', '.join('?' for _ in filters.code_ids)})"
        params = params + list(filters.code_ids)
    rows = project.rows(
        f"""SELECT s.id, s.status, s.score, s.code_id, s.document_id, d.title, d.kind, s.start_pos, s.end_pos,
                   substring(d.text, s.start_pos + 1, s.end_pos - s.start_pos), r.model, k.name, s.reviewed_at,
                   CAST(s.explanation AS VARCHAR)
            FROM suggestions s JOIN documents d ON d.id = s.document_id
            LEFT JOIN runs r ON r.id = s.run_id LEFT JOIN coders k ON k.id = s.reviewed_by
            WHERE {doc_sql}
            ORDER BY s.status = 'pending' DESC, s.score DESC, s.id""",
        params,
    )
    columns = ["suggestion_id", "status", "score", "code", "document_id", "document", "kind", "start", "end", "text",
               "model", "reviewed_by", "reviewed_at", "explanation"]
    sheet = _Sheet(workbook, "Suggestions", columns)
    for row in rows:
        sheet.append_any([row[0], row[1], sheet.styled(row[2], number_format="0.00"),
                          "/".join(levels.get(row[3], ())), row[4], row[5] or names.get(row[4]), *row[6:]])
    return sheet.finish()


def _charts_sheet(project: Project, workbook: Any, filters: Filters, pairs: Sequence[tuple[Any, str]],
                  coders: Sequence[str] | None) -> int:
    """Every chart that has something to show, as a PNG under its title."""
    import io

    from openpyxl.drawing.image import Image

    from workbench.charts import CHART_KINDS, make_chart, png_bytes

    sheet = _Sheet(workbook, "Charts", ["Charts"], freeze="", header=False, widths={1: 20})
    placed = 0
    for kind in CHART_KINDS:
        options: dict[str, Any] = {}
        if kind == "crosstab":
            if not pairs:
                continue
            options = {"code": pairs[0][0], "variable": pairs[0][1]}
        if kind in ("agreement", "trainee"):
            options = {"coders": list(coders or [])}
        try:
            fig = make_chart(project, kind, filters, **options)
        except ExportError:
            continue
        image = Image(io.BytesIO(png_bytes(fig)))
        sheet.append_any([sheet.styled(kind, bold=True)])
        image.anchor = f"A{sheet.rows + 1}"
        sheet.ws.add_image(image)
        rows = math.ceil(image.height / ROW_PIXELS) + 2
        for _ in range(rows):
            sheet.ws.append([])
        sheet.rows += rows
        placed += 1
    return placed


# -- entry point --------------------------------------------------------------------------------------------
def export_xlsx(project: Project, path: str | Path, *, sheets: Sequence[str] | None = None,
                filters: Filters = NO_FILTERS, crosstabs: Sequence[tuple[Any, str]] | None = None,
                coders: Sequence[str] | None = None, context: int = CONTEXT,
                progress: ProgressCallback = no_progress) -> dict[str, int]:
    """Write the workbook; returns the number of rows (tables, crosstabs or charts) written per sheet.

    `sheets` picks and orders sheets (names as in SHEETS, any case); `crosstabs` lists (code, variable)
    pairs (default: `default_crosstabs`); `coders` are the two coders the Agreement sheet compares.
    """
    from openpyxl import Workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"{path.name}: the Excel export writes .xlsx files")
    check_output(path, project)
    by_name = {name.casefold(): name for name in SHEETS}
    chosen = []
    for name in sheets or SHEETS:
        if name.casefold() not in by_name:
            raise ExportError(f"unknown sheet {name!r}; choose among {', '.join(SHEETS)}")
        chosen.append(by_name[name.casefold()])
    pairs = list(crosstabs) if crosstabs is not None else default_crosstabs(project)
    workbook = Workbook(write_only=True)
    counts: dict[str, int] = {}
    names = untitled_names(project)
    for step, name in enumerate(chosen):
        progress(step, len(chosen), name)
        if name == "Segments":
            counts[name] = _write_table(workbook, name, _named(segments_table(project, filters, context=context), names),
                                        progress)
        elif name == "Matrix":
            counts[name] = _write_table(workbook, name, _named(matrix_table(project, filters), names), progress,
                                        freeze="C2")
        elif name == "Codebook":
            counts[name] = _codebook_sheet(project, workbook, filters)
        elif name == "Frequencies":
            from workbench.analysis import code_frequencies

            frame = code_frequencies(project, filters).drop(columns=["color"])
            counts[name] = _write_frame(workbook, name, frame, percent=("share", "share_with_subcodes"))
        elif name == "Crosstabs":
            counts[name] = _crosstab_sheet(project, workbook, filters, pairs)
        elif name == "Agreement":
            counts[name] = _agreement_sheet(project, workbook, filters, coders)
        elif name == "Topics":
            counts[name] = _topics_sheet(project, workbook)
        elif name == "Suggestions":
            counts[name] = _suggestions_sheet(project, workbook, filters, names)
        else:
            counts[name] = _charts_sheet(project, workbook, filters, pairs, coders)
    with output_file(path, project) as partial:
        workbook.save(partial)
    progress(len(chosen), len(chosen), "saved")
    return counts
