"""Where an export is written: never over a project, never half-written.

Every exporter writes through `output_file`: the file is written under a temporary name in the target's
folder, flushed to disk, then renamed over the target in one step, so a kill, a full disk or an error
half-way leaves the previous file as it was (a truncated CSV would still parse and look complete); the
temporary file a killed export left behind (it may hold verbatims) is removed by the next export to the
same name once the process that wrote it is gone. Before
anything is written, `check_output` refuses a target that is the open project, its write-ahead log, or
any database file, whatever path or symbolic link names it: an export must never destroy a project.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.errors import ExportError
from workbench.project import Project, is_database_file


def check_output(path: str | Path, project: Project | None = None) -> Path:
    """The target to write, symbolic links resolved, after refusing what an export must not overwrite."""
    given = Path(path)
    target = given.resolve()
    if not target.parent.is_dir():
        raise ExportError(f"folder {given.parent} does not exist")
    if target.is_dir():
        raise ExportError(f"{given} is a folder; give a file name")
    if project is not None:
        own = project.path.resolve()
        if target in (own, own.with_name(own.name + ".wal")):
            raise ExportError(f"{given} is the project itself; choose another file name for the export")
    if target.exists() and is_database_file(target):
        raise ExportError(f"{given} is a project or database file; an export will not overwrite it")
    return target


@contextmanager
def output_file(path: str | Path, project: Project | None = None) -> Iterator[Path]:
    """Yield a temporary path to write the export to; on success it replaces `path` atomically, on any
    failure it is removed and `path` is left as it was. OS errors become one-line ExportErrors."""
    target = check_output(path, project)
    _remove_stale_partials(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        yield partial
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        _sync_folder(target.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _remove_stale_partials(target: Path) -> None:
    """Delete the temporary files of earlier exports to `target` whose writing process no longer runs (a
    kill leaves them; they may hold personal data). Where liveness cannot be told, they are left."""
    prefix = f".{target.name}."
    for leftover in target.parent.glob(f"{glob.escape(prefix)}*.partial"):
        pid_text = leftover.name[len(prefix):-len(".partial")]
        if pid_text.isdigit() and not _process_alive(int(pid_text)):
            leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no cheap probe without a dependency: keep the file rather than guess
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by someone else
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
