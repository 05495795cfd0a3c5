"""A consistent copy of a project, taken at any moment: `workbench backup` and the window's File menu.

Copying the `.vwb` file by hand is safe only when no program has it open: after a crash the latest
acknowledged work may still sit in the `.vwb.wal` beside it, and a copy of a file being written may be
torn. A backup copies the live database itself (`COPY FROM DATABASE`, after a checkpoint) into a new file,
written under a temporary name, synced, then renamed, so the backup is whole or absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.output import output_file
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural


@dataclass
class BackupReport(WholeOrNothing):
    path: str
    documents: int
    codings: int
    size: int

    def summary(self) -> str:
        return (f"backed up to {self.path} ({plural(self.documents, 'document')}, {plural(self.codings, 'coding')}, "
                f"{self.size / 1024**2:.1f} MB)")


def backup_project(project: Project, out: str | Path, progress: ProgressCallback = no_progress,
                   cancel: CancelToken | None = None) -> BackupReport:
    """Copy `project` into the new file `out` (.vwb); refuses an existing file, so no backup ever replaces
    another project or an earlier backup."""
    out = Path(out)
    if out.suffix.lower() != ".vwb":
        raise WorkbenchError(f"{out}: a backup is a project file, whose name ends in .vwb")
    if out.exists() or out.is_symlink():
        raise WorkbenchError(f"{out} already exists; give the backup a new name")
    if cancel is not None:
        cancel.check()
    progress(0, 1, "backing up")
    with output_file(out, project) as partial:
        project.copy_into(partial)
    progress(1, 1, "backed up")
    return BackupReport(str(out), int(project.scalar("SELECT count(*) FROM documents")),
                        int(project.scalar("SELECT count(*) FROM codings")), out.stat().st_size)
