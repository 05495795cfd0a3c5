"""The trainer's score tables on a narrow centre (a 1024-pixel screen): the scores stay in sight beside the
code, and a code is never squeezed out of reading; past that, the table scrolls sideways."""

from __future__ import annotations

from ui.views.score_table import MIN_TEXT_WIDTH, ScoreTable

ROWS = [["Motifs/Accès au compte", ("0 %", 0.0), ("40 %", 0.4), ("3", 3)],
        ["Motifs/Produit défectueux", ("25 %", 0.25), ("—", None), ("3", 3)]]


def _widths(table: ScoreTable) -> list[int]:
    header = table.horizontalHeader()
    return [header.sectionSize(column) for column in range(table.columnCount())]


def test_the_scores_of_the_codes_difficulty_fit_beside_the_code(qtbot) -> None:
    table = ScoreTable(["Code", "F1\npassages\nmoyen", "F1\ndocuments\nmoyen", "Stagiaires"], numeric=(1, 2, 3))
    qtbot.addWidget(table)
    table.resize(345, 200)
    table.show()
    table.fill(ROWS)
    widths = _widths(table)
    assert sum(widths) <= table.viewport().width()
    assert widths[0] >= MIN_TEXT_WIDTH
    metrics = table.horizontalHeader().fontMetrics()
    assert widths[2] >= metrics.horizontalAdvance("documents")  # the widest header word is whole
    table.resize(600, 200)
    assert _widths(table)[0] == table.viewport().width() - sum(_widths(table)[1:])  # the code takes the rest


def test_a_code_keeps_its_reading_width_when_the_scores_do_not_fit(qtbot) -> None:
    table = ScoreTable(["Code", "F1 passages", "Précision", "Rappel", "F1 documents"], numeric=(1, 2, 3, 4))
    qtbot.addWidget(table)
    table.resize(300, 200)
    table.show()
    table.fill([[*row[:3], ("33 %", 0.33), ("40 %", 0.4)] for row in ROWS])
    assert _widths(table)[0] == MIN_TEXT_WIDTH
    assert sum(_widths(table)) > table.viewport().width()  # the last scores scroll into sight
