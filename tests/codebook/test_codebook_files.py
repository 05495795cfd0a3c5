"""Codebook files as jobs: load a shipped scheme, a YAML file or a .qdc, export .qdc and YAML, undo a load."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import codebook as cb
from workbench.codebook_files import export_codebook, load_codebook
from workbench.errors import Cancelled, WorkbenchError
from workbench.journal import undo
from workbench.progress import CancelToken
from workbench.project import Project


def test_shipped_scheme_loads_as_one_undoable_action_and_round_trips(project: Project, tmp_path: Path) -> None:
    report = load_codebook(project, "experience")
    assert report.codes == project.scalar("SELECT count(*) FROM codes") > 10
    assert report.summary().startswith(f"{report.codes} codes loaded from experience")
    yaml_path = export_codebook(project, tmp_path / "experience.yaml", root_id=report.roots[0]).path
    qdc = export_codebook(project, tmp_path / "tout.qdc")
    assert qdc.codes == report.codes and Path(qdc.path).read_text(encoding="utf-8").count("<Code ") == report.codes
    undo(project)
    assert project.scalar("SELECT count(*) FROM codes") == 0
    assert load_codebook(project, tmp_path / "tout.qdc").codes == report.codes
    undo(project)
    assert load_codebook(project, yaml_path).codes == report.codes


def test_refusals_name_the_file_and_leave_the_project_alone(project: Project, tmp_path: Path) -> None:
    broken = tmp_path / "cassé.qdc"
    broken.write_text("<CodeBook", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="cassé.qdc"):
        load_codebook(project, broken)
    with pytest.raises(WorkbenchError, match="export.txt"):
        export_codebook(project, tmp_path / "export.txt")
    with pytest.raises(WorkbenchError, match="which scheme"):
        export_codebook(project, tmp_path / "x.yaml")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        load_codebook(project, "emotions", cancel=token)
    assert project.scalar("SELECT count(*) FROM codes") == 0
    assert cb.code_tree(project) == []
