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


def test_a_refill_measures_the_rows_once_and_the_document_column_still_fits(qtbot, monkeypatch) -> None:
    """Each width set during a fill used to re-measure every row, and the document column, sized to its
    contents, re-measured the whole column at each inserted cell: a second fill of 500 passages took a
    second on the window's thread."""
    table = ScoreTable(["Code", "Document", "Passage"], compact=(1,))
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    rows = [[f"Motifs/Code {i % 7}", f"appel_{i}.txt", "Le client conteste sa facture de mars. " * 3]
            for i in range(40)]
    table.fill(rows)
    passes = []
    original = table.resizeRowsToContents
    monkeypatch.setattr(table, "resizeRowsToContents", lambda: (passes.append(1), original())[1])
    table.fill([*rows, ["Motifs/Code 1", "un_document_au_titre_bien_plus_long.txt", "Un passage."]])
    assert len(passes) == 1
    assert table.horizontalHeader().sectionSize(1) >= table.sizeHintForColumn(1)
    table.resize(700, 300)
    assert len(passes) == 2  # the text columns widen together: one pass for all of them
