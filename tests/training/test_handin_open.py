"""The engine queries the trainee's window needs: which exercise a project is, and a hand-in written from the
exercise file the window holds open (opening it a second time would drop the window's lock on it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import add_code, add_document

from workbench.coding import apply_code
from workbench.project import Project
from workbench.training.exercise import ExerciseError, create_exercise, exercise_of
from workbench.training.handin import collect, hand_in_project, is_handin


def test_a_hand_in_from_the_open_exercise_is_collected(tmp_path: Path) -> None:
    with Project.create(tmp_path / "ref.vwb") as reference:
        document = add_document(reference, "Je suis très fâché 😀 contre vous.", "Appel", "call")
        code = add_code(reference, "Colère")
        assert exercise_of(reference) is None
        info = create_exercise(reference, tmp_path / "ex.vwb", documents=[document], instructions="Codez.")
        with Project.open(tmp_path / "ex.vwb") as exercise:
            assert exercise_of(exercise) == info and not is_handin(exercise)
            apply_code(exercise, document, code, 3, 18, coder="Léa", role="trainee")
            record = hand_in_project(exercise, "Léa", tmp_path / "lea.vwb")
            assert record.codings == 1
            with pytest.raises(ExerciseError, match="already exists"):
                hand_in_project(exercise, "Léa", tmp_path / "lea.vwb")
        with Project.open(tmp_path / "lea.vwb") as copy:
            assert is_handin(copy) and exercise_of(copy) == info
            with pytest.raises(ExerciseError, match="already a hand-in"):
                hand_in_project(copy, "Léa", tmp_path / "again.vwb")
        report = collect(reference, [tmp_path / "lea.vwb"])
        assert report.failures == [] and report.collected[0]["trainee"] == "Léa"
        assert reference.rows("SELECT start_pos, end_pos FROM codings g JOIN coders c ON c.id = g.coder_id "
                              "WHERE c.name = 'Léa'") == [(3, 18)]
