"""Exercise feedback (`workbench.training.feedback`) as an Excel workbook: a "Group" sheet first, then one
sheet per trainee.

The group sheet holds, per exercise, the codes from hardest to easiest (mean F1 of the trainees) with an
embedded bar chart of them, the agreement among trainees, and the trainees' progress across exercises. A
trainee's sheet holds, per exercise, their scores per code, their misses and false alarms beside the
reference's passage and the code's definition, and the codes they confused. Cells are written by the
project's Excel sheet helper (`workbench.export.excel`), so no text ever runs as a formula, and the file
through `output_file`, so it is whole or absent.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from workbench.errors import ExportError
from workbench.export.excel import HEADER_FILL, _Sheet
from workbench.output import check_output, output_file
from workbench.project import Project
from workbench.training.feedback import GroupFeedback
from workbench.training.trainee_scores import TraineeReport

GROUP_SHEET = "Group"
_SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_PERCENT = "0.0%"


def sheet_names(trainees: list[str]) -> dict[str, str]:
    """A distinct, valid sheet name per trainee (Excel allows 31 characters and no []:*?/\\)."""
    names: dict[str, str] = {}
    taken = {GROUP_SHEET.casefold()}
    for trainee in trainees:
        base = _NOT_IN_SHEET_NAMES.sub("_", trainee).strip("'") or "trainee"
        name, number = base[:_SHEET_NAME_LIMIT], 2
        while name.casefold() in taken:
            suffix = f" ({number})"
            name, number = base[:_SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
        taken.add(name.casefold())
        names[trainee] = name
    return names


def _title(sheet: _Sheet, text: str) -> None:
    from openpyxl.styles import Font

    cell = sheet.styled(text)
    cell.font = Font(bold=True, size=13)
    sheet.append_any([cell])


def _header(sheet: _Sheet, columns: list[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    cells = []
    for name in columns:
        cell = sheet.styled(name)
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_FILL)
        cells.append(cell)
    sheet.append_any(cells)


def _share(sheet: _Sheet, value: float | None) -> Any:
    return None if value is None else sheet.styled(value, number_format=_PERCENT)


def _group_sheet(workbook: Any, feedback: GroupFeedback) -> None:
    from openpyxl.chart import BarChart, Reference

    sheet = _Sheet(workbook, GROUP_SHEET, ["a", "b", "c", "d", "e", "f", "g"], freeze="", header=False,
                   widths={1: 45, 2: 14, 3: 14, 4: 10, 5: 50})
    _title(sheet, f"Exercise feedback: trainees against {feedback.reference}")
    for item in feedback.exercises:
        sheet.append_any([])
        _title(sheet, f"{item.label}: {len(item.trainees)} trainees, {len(item.exercise.documents)} documents")
        sheet.append_any(["Instructions", item.exercise.instructions])
        sheet.append_any(["Krippendorff's alpha among trainees (documents)", item.alpha_document])
        sheet.append_any(["Krippendorff's alpha among trainees (characters)", item.alpha_character])
        for note in item.alpha_notes:
            sheet.append_any(["", note])
        _header(sheet, ["Code (hardest first)", "Mean F1 documents", "Mean F1 spans", "Trainees", "Definition"])
        first = sheet.rows + 1
        for row in item.difficulty:
            sheet.append_any([row.code, _share(sheet, row.document_f1), _share(sheet, row.span_f1), row.trainees,
                              row.definition or ""])
        last = sheet.rows
        if item.difficulty:
            chart = BarChart()
            chart.type = "bar"
            chart.title = f"{item.label}: mean F1 per code"
            chart.y_axis.title = "mean F1"
            chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
            chart.add_data(Reference(sheet.ws, min_col=2, max_col=3, min_row=first - 1, max_row=last), titles_from_data=True)
            chart.set_categories(Reference(sheet.ws, min_col=1, min_row=first, max_row=last))
            chart.height, chart.width = max(6.0, 0.9 * len(item.difficulty) + 3), 16.0
            sheet.ws.add_chart(chart, f"G{first - 1}")
    progress = feedback.progress()
    labels = [item.label for item in feedback.exercises]
    sheet.append_any([])
    _title(sheet, "Progress: overall span F1 per exercise")
    _header(sheet, ["Trainee", *labels])
    for trainee in feedback.trainees:
        by_label = {label: span for label, _doc, span in progress.get(trainee, [])}
        sheet.append_any([trainee, *(_share(sheet, by_label.get(label)) for label in labels)])


def _trainee_sheet(workbook: Any, name: str, trainee: str, feedback: GroupFeedback) -> None:
    sheet = _Sheet(workbook, name, ["a", "b", "c", "d", "e", "f", "g", "h"], freeze="", header=False,
                   widths={1: 40, 2: 40, 3: 40, 4: 40, 5: 40, 6: 30, 8: 40})
    _title(sheet, f"{trainee} against {feedback.reference}")
    for item in feedback.exercises:
        report = item.trainees.get(trainee)
        if report is None:
            continue
        sheet.append_any([])
        _title(sheet, item.label)
        _scores(sheet, report)
        for heading, items in (("Misses (the reference coded, you did not)", report.misses),
                               ("False alarms (you coded, the reference did not)", report.false_alarms)):
            sheet.append_any([])
            _title(sheet, f"{heading}: {len(items)}")
            if items:
                _header(sheet, ["Document", "Code", "Your passage",
                                "Reference passage", "Definition", "Indicators", "Other coder used", "Your memos"])
            for entry in items:
                sheet.append_any([entry["title"], entry["code"],
                                  entry["text"] if items is report.false_alarms else "",
                                  entry["reference_passage"], entry["definition"] or "",
                                  "; ".join(entry["indicators"]), "; ".join(entry["other_coder_used"]),
                                  "\n".join(entry.get("trainee_notes", []))])
        sheet.append_any([])
        _title(sheet, "Most confused codes")
        if report.confusions:
            _header(sheet, ["You coded", "Where the reference says", "Times"])
            for entry in report.confusions:
                sheet.append_any([entry["trainee_code"], entry["reference_code"], entry["count"]])
        else:
            sheet.append_any(["none"])


def _scores(sheet: _Sheet, report: TraineeReport) -> None:
    _header(sheet, ["Code", "Precision documents", "Recall documents", "F1 documents", "Precision spans",
                    "Recall spans", "F1 spans"])
    rows = [(row.code, row.document, row.span) for row in report.per_code]
    for label, document, span in [*rows, ("All codes", report.document, report.span)]:
        sheet.append_any([label, *(_share(sheet, getattr(score, key)) for score in (document, span)
                                   for key in ("precision", "recall", "f1"))])


def export_feedback_xlsx(project: Project, feedback: GroupFeedback, path: str | Path) -> list[str]:
    """Write the workbook; returns its sheet names, the group's first."""
    from openpyxl import Workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"{path.name}: the Excel feedback is written to an .xlsx file")
    check_output(path, project)
    workbook = Workbook(write_only=True)
    _group_sheet(workbook, feedback)
    names = sheet_names(feedback.trainees)
    for trainee, name in names.items():
        _trainee_sheet(workbook, name, trainee, feedback)
    with output_file(path, project) as partial:
        workbook.save(partial)
    return [GROUP_SHEET, *names.values()]
