"""Errors a user can act on.

Everything derived from `WorkbenchError` is reported by the CLI as one line on stderr with exit code 1
and by the GUI as a message box; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class WorkbenchError(Exception):
    """An error caused by the user's input or environment, with a message that says what to do."""


class ProjectError(WorkbenchError):
    """A project file cannot be created or opened; `path` is the file, when the error is about one."""

    def __init__(self, message: str, *, path: object = None) -> None:
        super().__init__(message)
        self.path = None if path is None else str(path)


class ProjectNotFound(ProjectError):
    pass


class NotAProject(ProjectError):
    """The file exists but is not a Verbatim Workbench project; it was not modified."""


class ProjectLocked(ProjectError):
    """Another process has the project open for writing (DuckDB allows one writer)."""


class ProjectTooNew(ProjectError):
    """The project was written by a newer version of Verbatim Workbench."""


class IngestError(WorkbenchError):
    """A file cannot be imported. Names the file and, where it applies, the line or row.

    `kind` names the common refusals (a file not found, empty, in an unknown format, without a text
    column…) and `details` holds what their sentence needs, so that the window can say them in its own
    language; the rarer ones have no kind and keep the engine's sentence."""

    def __init__(self, path: object, message: str, line: int | None = None, *, kind: str | None = None,
                 **details: object) -> None:
        self.path = str(path)
        self.line = line
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")
        self.reason = message
        self.kind = kind
        self.details = details


class CodingError(WorkbenchError):
    """A coding, code or memo operation is invalid (span outside the text, code not codable, …)."""


class AlreadyCoded(CodingError):
    """The coder already holds this very coding (same document, span and code)."""

    def __init__(self, message: str, *, coder: str, path: str, coding_id: int) -> None:
        super().__init__(message)
        self.coder, self.path, self.coding_id = coder, path, coding_id


class GroupingCode(CodingError):
    """A grouping code (one that only holds others) was applied to a passage."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class CodeNameTaken(CodingError):
    """A code of that name already exists beside the one being named."""

    def __init__(self, message: str, *, name: str, parent: str | None) -> None:
        super().__init__(message)
        self.name, self.parent = name, parent


class BadCodeName(CodingError):
    """A code name that cannot be stored: empty, or holding "/" (which separates the levels of a path)."""

    def __init__(self, message: str, *, name: str) -> None:
        super().__init__(message)
        self.name = name


class FixedCodebook(CodingError):
    """The codebook of an exercise file is the trainer's: a code created, renamed, moved, merged, deleted or
    made a grouping code in a trainee's copy would make the hand-in impossible to collect."""

    def __init__(self, message: str, *, file: str) -> None:
        super().__init__(message)
        self.file = file


class ExportError(WorkbenchError):
    """An export, report or chart cannot be produced as asked (unknown code, variable, format, …)."""


class NothingToUndo(WorkbenchError):
    pass


class Cancelled(WorkbenchError):
    """The user cancelled a long job; work already committed stays."""

    def __init__(self, message: str = "cancelled by the user") -> None:
        super().__init__(message)


def os_error_message(exc: OSError) -> str:
    """One line naming the file and the system's reason ("No space left on device")."""
    where = exc.filename if exc.filename is not None else ""
    reason = exc.strerror or str(exc)
    return f"{where}: {reason}" if where else reason
