"""The progress bar speaks the window's language: every progress line the engine can send has its sentence
(read from the engine's own calls, so a new English line fails here), and the window shows it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from panel_fixtures import fill, installed_language, open_window

from ui.progress_words import ProgressWords, progress_line
from workbench.project import Project
from workbench.text.segment import SegmentReport, _so_far

ENGINE = Path(__file__).resolve().parents[2] / "workbench"
CALLBACKS = {"progress", "callback", "report_progress"}


def _example(node: ast.expr) -> str | None:
    """The line a progress argument produces, every interpolated value shown as 7; None for a bare name."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "7" for part in node.values)
    return None


def engine_lines() -> Iterator[tuple[str, str]]:
    """(where, line) for each progress line written in workbench/: `progress(done, total, LINE)` and the
    demo's `ctx.progress(LABEL)`."""
    for path in sorted(ENGINE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name not in CALLBACKS:
                continue
            argument = node.args[2] if len(node.args) >= 3 else (
                node.args[0] if len(node.args) == 1 and isinstance(node.func, ast.Attribute) else None)
            line = _example(argument) if argument is not None else None
            if line is not None:
                yield f"{path.relative_to(ENGINE.parent)}:{node.lineno}", line


def test_the_scan_finds_the_engine_lines() -> None:
    lines = dict(engine_lines())
    assert len(lines) >= 20
    assert "segmenting" in lines.values() and "7: storing rows" in lines.values()


@pytest.mark.parametrize(("where", "line"), list(engine_lines()))
def test_every_engine_progress_line_has_its_sentence(qapp, where: str, line: str) -> None:
    assert ProgressWords().knows(line), f"{where}: no sentence for the progress line {line!r} in ui/progress_words.py"


def test_segmentation_lines_built_by_a_function_too(qapp) -> None:
    assert progress_line(_so_far(SegmentReport())) == "découpage en phrases"
    report = SegmentReport()
    report.sentences, report.tokens = 12, 340
    assert progress_line(_so_far(report)) == "12 phrases, 340 mots enregistrés"


def test_sentences_in_french_and_names_as_they_are(qapp) -> None:
    assert progress_line("fitting topics") == "calcul des thèmes"
    assert progress_line("avis.csv: reading rows") == "avis.csv : lecture des lignes"
    assert progress_line("e5-small: 30 cached") == "e5-small : 30 unités déjà calculées"
    assert progress_line("Segments: 120 rows") == "Segments : 120 lignes"
    assert progress_line("placing the units on the topic map (cluster)") == (
        "placement des unités sur la carte des thèmes (cluster)")
    assert progress_line("e5-small") == "e5-small"  # a model's name alone


def test_the_window_progress_bar_shows_the_french_line(qtbot, project: Project) -> None:
    window = open_window(qtbot, fill(project))
    window._job_progress(3, 10, "segmenting")
    assert window.progress.format() == "3/10 segmentation en cours"


def test_a_long_progress_line_is_elided_to_the_bar_and_whole_in_its_tooltip(qtbot, project: Project) -> None:
    """Longer than the bar, Qt drew the line on two clipped lines; now it ends in "…" on one."""
    window = open_window(qtbot, fill(project))
    window.progress.show()
    window.progress.resize(260, window.progress.height())
    window._job_progress(0, 2, "scoring Formes de relation client–marque (Fournier, 1998) et leurs variantes")
    shown = window.progress.format()
    assert shown.startswith("0/2 calcul des scores") and shown.endswith("…")
    assert window.progress.fontMetrics().horizontalAdvance(shown) <= window.progress.width()
    assert window.progress.toolTip() == (
        "0/2 calcul des scores : Formes de relation client–marque (Fournier, 1998) et leurs variantes")


@pytest.fixture
def english(qtbot) -> Iterator[None]:
    yield from installed_language("en")


def test_in_english_with_singular_and_plural(qtbot, english: None) -> None:
    assert progress_line("e5-small: 1 cached") == "e5-small: 1 unit already computed"
    assert progress_line("3 sentences, 1 tokens stored") == "3 sentences, 1 word stored"
    assert progress_line("fitting topics") == "fitting topics"
