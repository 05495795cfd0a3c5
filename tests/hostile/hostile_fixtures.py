"""Fixtures of the hostile-input tests, a plugin each test module here names in `pytest_plugins` (a
conftest.py in this folder would take the module name `conftest` from tests/conftest.py, which other tests
import from).

"The project is unchanged" means little on an empty project: `seeded` holds something in most tables,
built once per session through the engine as a user would fill it (a reversible pseudonymised import,
codes, journalled codings, a memo), then copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_helpers import fails
from digest import file_digest, project_digest

from workbench.codebook import create_code
from workbench.coding import apply_code
from workbench.errors import WorkbenchError
from workbench.ingest.folder import import_paths
from workbench.project import Project
from workbench.store.memos import add_memo
from workbench.text.pseudonymise import Pseudonymiser

INGEST = Path(__file__).resolve().parent.parent / "data" / "ingest"


def _seed(project: Project) -> None:
    # Without the named-entity model (15 s to load): the e-mails and phones still leave originals behind.
    pseudonymiser = Pseudonymiser(project, reversible=True, use_ner=False)
    report = import_paths(project, [INGEST / "enquete_cp1252.csv", INGEST / "reclamation.eml",
                                    INGEST / "appel_box.txt"], pseudonymiser=pseudonymiser)
    assert not report.failed, report.failures()
    parent = create_code(project, "Motifs", codable=False)
    price = create_code(project, "Prix", parent)
    welcome = create_code(project, "Accueil 😊")
    first, second = (row[0] for row in project.rows("SELECT id FROM documents ORDER BY id LIMIT 2"))
    coding = apply_code(project, first, price, 0, 5, coder="Analyste")
    apply_code(project, second, welcome, coder="Analyste")
    add_memo(project, "coding", coding, "À revoir : le client parle-t-il du prix ?", coder="Analyste")


@pytest.fixture(scope="session")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "etude.vwb"
    with Project.create(path, language="fr") as project:
        _seed(project)
    return path


@pytest.fixture
def seeded_path(tmp_path: Path, _template: Path) -> Path:
    """A closed copy of the seeded project, for the command line."""
    path = tmp_path / "etude.vwb"
    shutil.copyfile(_template, path)
    return path


@pytest.fixture
def seeded(seeded_path: Path) -> Iterator[Project]:
    """The seeded project, open: documents, variables, segments, pseudonyms, codes, codings, a memo, a
    journal."""
    with Project.open(seeded_path) as project:
        yield project


@pytest.fixture
def refused(seeded: Project) -> Callable[[Callable[[Project], object], str], None]:
    """`refused(action, message)`: `action(seeded)` raises exactly `message`, one line, and every table of
    the project is as it was."""
    def check(action: Callable[[Project], object], message: str) -> None:
        before = project_digest(seeded)
        with pytest.raises(WorkbenchError) as caught:
            action(seeded)
        assert str(caught.value) == message
        assert "\n" not in message
        assert project_digest(seeded) == before
    return check


@pytest.fixture
def cli_refused(seeded_path: Path) -> Callable[..., None]:
    """`cli_refused(message, *args)`: `workbench ARGS` exits with 1 and the one line `error: message`,
    and every table of the seeded project (`seeded_path`) is as it was."""
    def check(message: str, *args: object) -> None:
        before = file_digest(seeded_path)
        assert fails(*args) == f"error: {message}\n"
        assert file_digest(seeded_path) == before
    return check
