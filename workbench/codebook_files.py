"""Codebook files in and out, as jobs: a shipped scheme, a YAML scheme or a REFI-QDA `.qdc`.

Loading a scheme of thirty codes takes a third of a second and exporting a large codebook longer, so the
window runs these off its thread like every other job (`progress=`, `cancel=`, a report to show). Each
load is one journalled action (Edit > Undo takes it back whole); a cancel can only land before it starts,
and a failure leaves the project as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench import codebook
from workbench.codebook_refi import export_qdc, import_qdc
from workbench.codebook_yaml import load_scheme, save_scheme
from workbench.errors import WorkbenchError
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class CodebookLoaded(WholeOrNothing):
    source: str
    roots: list[int]
    codes: int

    def summary(self) -> str:
        return f"{plural(self.codes, 'code')} loaded from {self.source}"


@dataclass
class CodebookExported(WholeOrNothing):
    path: str
    codes: int

    def summary(self) -> str:
        return f"{plural(self.codes, 'code')} written to {self.path}"


def load_codebook(project: Project, source: str | Path, *, coder_id: int | None = None,
                  progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> CodebookLoaded:
    """Add a codebook to the project: a `.qdc` file, a YAML scheme file, or the name of a shipped scheme
    ("emotions"). Returns the new top-level codes and how many codes came in."""
    if cancel is not None:
        cancel.check()
    progress(0, 1, "loading the codebook")
    path = Path(source)
    if path.suffix.lower() == ".qdc":
        roots = import_qdc(project, path, coder_id=coder_id)
    else:
        roots = [load_scheme(project, source, coder_id=coder_id)]
    codes = sum(1 + len(codebook.descendants(project, root)) for root in roots)
    progress(1, 1, "loaded")
    return CodebookLoaded(path.name if path.suffix else str(source), roots, codes)


def export_codebook(project: Project, path: str | Path, *, root_id: int | None = None,
                    progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> CodebookExported:
    """Write the codebook to `path`, in the format its name ends with: `.qdc` (the whole codebook, or the
    sub-tree under `root_id`), `.yaml`/`.yml` (the scheme under `root_id`, which a YAML file needs)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".qdc", *YAML_SUFFIXES):
        raise WorkbenchError(f"{path}: a codebook is exported as .qdc (REFI-QDA) or .yaml")
    if suffix in YAML_SUFFIXES and root_id is None:
        raise WorkbenchError(f"{path}: say which scheme to write as YAML (its top-level code)")
    if cancel is not None:
        cancel.check()
    progress(0, 1, "exporting the codebook")
    if suffix == ".qdc":
        export_qdc(project, path, root_id)
    else:
        save_scheme(project, root_id, path)  # type: ignore[arg-type]
    if root_id is None:
        codes = int(project.scalar("SELECT count(*) FROM codes"))
    else:
        codes = 1 + len(codebook.descendants(project, root_id))
    progress(1, 1, "exported")
    return CodebookExported(str(path), codes)
