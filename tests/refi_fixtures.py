"""Fixtures of the REFI-QDA tests (loaded with `pytest_plugins`): the rich project, built once per session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from refi_helpers import build_rich_project

from workbench.project import Project


@pytest.fixture(scope="session")
def rich_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The rich project built once per test session (its builders journal every step, which is slow)."""
    path = tmp_path_factory.mktemp("rich") / "test.vwb"
    with Project.create(path) as created:
        ids = build_rich_project(created)
    return path, ids


@pytest.fixture
def rich(rich_file: tuple[Path, dict[str, int]], tmp_path: Path) -> Iterator[tuple[Project, dict[str, int]]]:
    """A private copy of the rich project, open for writing, and the ids of what it holds."""
    source, ids = rich_file
    shutil.copyfile(source, tmp_path / "test.vwb")
    with Project.open(tmp_path / "test.vwb") as opened:
        yield opened, ids
