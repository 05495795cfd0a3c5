"""Exercise feedback (`workbench.training.feedback`) as printable HTML pages: one for the group, one per
trainee, for the trainer to hand back.

Each page stands alone: styles inline, charts drawn as inline SVG, no script, no font, no image or link to
fetch, so it prints and opens the same on a laptop with no network. Every text from the project (names,
passages, definitions, instructions) is escaped, so a verbatim holding markup shows as typed.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from workbench.errors import ExportError
from workbench.output import output_file
from workbench.project import Project
from workbench.training.feedback import ExerciseFeedback, GroupFeedback
from workbench.training.trainee_scores import TraineeReport

GROUP_PAGE = "group.html"
_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #1F4E79; color: #fff; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.passage { font-style: italic; }
section { page-break-inside: avoid; }
@media print { h2 { page-break-before: auto; } body { margin: 1cm; } }
"""


def percent(value: float | None) -> str:
    """A share as the pages show it: '66.7 %', or '—' where it has no value."""
    return "—" if value is None else f"{100 * value:.1f} %"


def alpha(value: float | None) -> str:
    """Krippendorff's alpha as the pages show it: three decimals (it is no share: it can fall below 0)."""
    return "—" if value is None else f"{value:.3f}"


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body>\n<h1>{escape(title)}</h1>\n{body}</body></html>\n")


def _table(columns: list[str], rows: list[list[str]], numeric: set[int] | frozenset[int] = frozenset()) -> str:
    """A table of already escaped cells."""
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f'<td class="n">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
                                    for i, cell in enumerate(row)) + "</tr>\n" for row in rows)
    return f"<table><tr>{head}</tr>\n{body}</table>\n"


def _bars(title: str, values: list[tuple[str, float | None]]) -> str:
    """A horizontal bar chart of shares between 0 and 1, as inline SVG."""
    row, label_width, bar_width = 22, 260, 300
    height = row * len(values) + 30
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_width + bar_width + 70}" '
             f'height="{height}"><title>{escape(title)}</title>')]
    for index, (label, value) in enumerate(values):
        y = 20 + index * row
        short = label if len(label) <= 40 else "…" + label[-39:]
        parts.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" font-size="12">{escape(short)}</text>')
        width = 0 if value is None else round(bar_width * value)
        parts.append(f'<rect x="{label_width}" y="{y + 2}" width="{width}" height="{row - 6}" fill="#2171b5"/>')
        parts.append(f'<text x="{label_width + width + 4}" y="{y + 14}" font-size="12">{escape(percent(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _scores(report: TraineeReport) -> str:
    rows = [[escape(item.code), *(percent(getattr(score, key)) for score in (item.document, item.span)
                                  for key in ("precision", "recall", "f1"))] for item in report.per_code]
    rows.append(["<b>All codes</b>", *(f"<b>{percent(getattr(score, key))}</b>" for score in (report.document, report.span)
                                       for key in ("precision", "recall", "f1"))])
    return _table(["Code", "Precision (documents)", "Recall (documents)", "F1 (documents)", "Precision (spans)",
                   "Recall (spans)", "F1 (spans)"], rows, numeric={1, 2, 3, 4, 5, 6})


def _mistakes(heading: str, items: list[dict], yours: bool) -> str:
    if not items:
        return f"<h3>{escape(heading)}: none</h3>\n"
    rows = []
    for item in items:
        definition = escape(item["definition"] or "")
        if item["indicators"]:
            definition += "<br><small>Indicators: " + escape(", ".join(item["indicators"])) + "</small>"
        rows.append([escape(item["title"]), escape(item["code"]),
                     f'<span class="passage">{escape(item["text"])}</span>' if yours else "",
                     f'<span class="passage">{escape(item["reference_passage"])}</span>', definition,
                     escape(", ".join(item["other_coder_used"])),
                     "<br>".join(escape(note) for note in item.get("trainee_notes", []))])
    return (f"<h3>{escape(heading)}: {len(items)}</h3>\n"
            + _table(["Document", "Code", "Your passage", "Reference passage", "Definition", "Other coder used",
                      "Your memos"], rows))


def _confusions(report: TraineeReport) -> str:
    if not report.confusions:
        return "<h3>Most confused codes: none</h3>\n"
    rows = [[(f"coded <b>{escape(item['trainee_code'])}</b> where the reference says "
             f"<b>{escape(item['reference_code'])}</b>"), str(item["count"])] for item in report.confusions]
    return "<h3>Most confused codes</h3>\n" + _table(["Confusion", "Times"], rows, numeric={1})


def _exercise_header(item: ExerciseFeedback) -> str:
    limit = f"; time limit {item.exercise.time_limit_minutes} min" if item.exercise.time_limit_minutes else ""
    return (f"<h2>{escape(item.label)}</h2>\n<p>{len(item.exercise.documents)} documents{escape(limit)}. "
            f"Instructions: {escape(item.exercise.instructions)}</p>\n")


def trainee_page(feedback: GroupFeedback, trainee: str) -> str:
    parts = []
    for item in feedback.exercises:
        report = item.trainees.get(trainee)
        if report is None:
            continue
        parts.append("<section>" + _exercise_header(item) + _scores(report)
                     + _bars("F1 per code (spans)", [(row.code, row.span.f1) for row in report.per_code])
                     + _mistakes("Misses (the reference coded, you did not)", report.misses, yours=False)
                     + _mistakes("False alarms (you coded, the reference did not)", report.false_alarms, yours=True)
                     + _confusions(report) + "</section>\n")
    return _page(f"Feedback for {trainee} (reference: {feedback.reference})", "".join(parts))


def group_page(feedback: GroupFeedback) -> str:
    parts = []
    for item in feedback.exercises:
        rows = [[escape(row.code), percent(row.document_f1), percent(row.span_f1), str(row.trainees),
                 escape(row.definition or "")] for row in item.difficulty]
        per_trainee = [[escape(name), percent(report.document.f1), percent(report.span.f1),
                        str(len(report.misses)), str(len(report.false_alarms))]
                       for name, report in item.trainees.items()]
        notes = "".join(f"<p><small>{escape(note)}</small></p>" for note in item.alpha_notes)
        parts.append(
            "<section>" + _exercise_header(item)
            + f"<p>Krippendorff's alpha among the trainees: {alpha(item.alpha_document)} (documents), "
              f"{alpha(item.alpha_character)} (characters).</p>{notes}\n"
            + _table(["Trainee", "F1 (documents)", "F1 (spans)", "Misses", "False alarms"], per_trainee,
                     numeric={1, 2, 3, 4})
            + "<h3>Codes, hardest first (mean F1 of the trainees)</h3>\n"
            + _table(["Code", "Mean F1 (documents)", "Mean F1 (spans)", "Trainees", "Definition"], rows, numeric={1, 2, 3})
            + _bars("Mean F1 per code (spans)", [(row.code, row.span_f1) for row in item.difficulty])
            + "</section>\n")
    labels = [item.label for item in feedback.exercises]
    progress = feedback.progress()
    rows = []
    for trainee in feedback.trainees:
        by_label = {label: span for label, _doc, span in progress.get(trainee, [])}
        rows.append([escape(trainee), *(percent(by_label.get(label)) if label in by_label else "" for label in labels)])
    parts.append("<section><h2>Progress: overall F1 (spans) per exercise</h2>\n"
                 + _table(["Trainee", *labels], rows, numeric=set(range(1, len(labels) + 1))) + "</section>\n")
    return _page(f"Exercise feedback for the group (reference: {feedback.reference})", "".join(parts))


def page_name(trainee: str) -> str:
    """The file a trainee's page is written to: their name with anything but letters, digits, - and _ as _."""
    return "trainee-" + (re.sub(r"[^\w-]+", "_", trainee).strip("_") or "unnamed") + ".html"


def export_feedback_html(project: Project, feedback: GroupFeedback, folder: str | Path) -> list[Path]:
    """Write group.html and one page per trainee into `folder` (created when missing); returns the files."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; the HTML feedback goes into a folder")
    if not folder.parent.is_dir():
        raise ExportError(f"folder {folder.parent} does not exist")
    folder.mkdir(exist_ok=True)
    pages = {GROUP_PAGE: group_page(feedback)}
    taken = {GROUP_PAGE}
    for trainee in feedback.trainees:
        name, number = page_name(trainee), 2
        while name in taken:
            name, number = page_name(f"{trainee}-{number}"), number + 1
        taken.add(name)
        pages[name] = trainee_page(feedback, trainee)
    written = []
    for name, html in pages.items():
        with output_file(folder / name, project) as partial:
            partial.write_text(html, encoding="utf-8")
        written.append(folder / name)
    return written
