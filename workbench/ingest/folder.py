"""Importing files and folders: the entry point the CLI, the GUI and the demo call.

One transaction per file: a file is imported whole or not at all, and one bad file in a folder is
reported (file and reason) and skipped while the others import. The same bytes imported twice are
skipped with a message; the same text in two files is stored once (see `store.py`).

Which importer reads a file is decided by its suffix (`FORMATS`). The default document kind comes from
the format: tables are surveys, e-mail files e-mails, .docx transcripts interviews, and .txt/.vtt/.srt
transcripts calls; `kind=` overrides it for the files of the call whose format can be of that kind, and
`choices=` gives one file its own kind and table options (`FileChoices`: the import dialog sets them file
by file). A folder's files that are not documents (READMEs, answer keys) are left out and said so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import Cancelled, IngestError, WorkbenchError
from workbench.events import events_for_tables
from workbench.ingest import email as email_format
from workbench.ingest import transcripts
from workbench.ingest.base import (
    MAX_BYTES,
    KeepsOriginals,
    ParsedDocument,
    Pseudonymiser,
    check_file,
    file_sha256,
)
from workbench.ingest.store import StoreCounts, find_source, insert_source, pseudonymise_source, store_parsed
from workbench.ingest.tables import check_column_choices, loaded_table, plan_table, store_table
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import DOCUMENT_KINDS, Project
from workbench.removal import take_back_sources
from workbench.reports import plural


@dataclass(frozen=True)
class Format:
    family: str  # table, email or transcript: chooses the size limit
    kind: str  # default document kind
    parse: Callable[[Path], list[ParsedDocument]] | None  # None: a table, imported in SQL


FORMATS: dict[str, Format] = {
    ".csv": Format("table", "survey", None),
    ".xlsx": Format("table", "survey", None),
    ".eml": Format("email", "email", email_format.parse_eml),
    ".mbox": Format("email", "email", email_format.parse_mbox),
    ".msg": Format("email", "email", email_format.parse_msg),
    ".txt": Format("transcript", "call", transcripts.parse_txt),
    ".vtt": Format("transcript", "call", transcripts.parse_vtt),
    ".srt": Format("transcript", "call", transcripts.parse_srt),
    ".docx": Format("transcript", "interview", transcripts.parse_docx),
}


@dataclass(frozen=True)
class FileChoices:
    """What the user chose for one file; a field left None keeps the call's option (or the default). The
    table options apply to .csv and .xlsx files only."""

    kind: str | None = None
    text_column: str | None = None
    title_column: str | None = None
    column_types: Mapping[str, str] | None = None


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise WorkbenchError(f"unknown document kind {kind!r}; choose one of {', '.join(DOCUMENT_KINDS)}")


@dataclass
class FileResult:
    """What happened to one file: imported, skipped (already imported) or failed (with the reason)."""

    path: str
    status: str
    kind: str | None = None
    documents: int = 0
    duplicates: int = 0
    empty: int = 0
    segments: int = 0
    message: str = ""
    line: int | None = None  # where a failed file went wrong, when known (also at the start of `message`)
    refusal: str | None = None  # a failed file's `IngestError.kind`, for the window to word with `details`
    details: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> str:
        name = Path(self.path).name
        if self.status == "failed":
            return f"{self.path}: failed: {self.message}"
        if self.status == "skipped":
            return f"{name}: skipped: {self.message}"
        extra = []
        if self.duplicates:
            extra.append(f"{self.duplicates} duplicate(s) skipped")
        if self.empty:
            extra.append(f"{self.empty} empty")
        if self.segments:
            extra.append(f"{self.segments} turns")
        tail = f" ({', '.join(extra)})" if extra else ""
        note = f"; {self.message}" if self.message else ""  # what was skipped, and why
        return f"{name}: {self.documents} {self.kind} document(s){tail}{note}"


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)
    left_out: list[tuple[Path, str]] = field(default_factory=list)  # found in folders, not documents
    kept_kind: list[FileResult] = field(default_factory=list)  # imported with their own kind, not `kind=`

    @property
    def failed(self) -> list[FileResult]:
        return [result for result in self.files if result.status == "failed"]

    @property
    def documents(self) -> int:
        return sum(result.documents for result in self.files)

    def by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for result in self.files:
            if result.status == "imported" and result.kind:
                counts[result.kind] = counts.get(result.kind, 0) + result.documents
        return counts

    @property
    def failures(self) -> list[str]:
        return [result.summary() for result in self.failed]

    def summary(self) -> str:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(self.by_kind().items()))
        text = f"{plural(self.documents, 'document')} imported from {plural(len(self.files), 'file')}"
        text += f" ({kinds})" if kinds else ""
        skipped = sum(result.status == "skipped" for result in self.files)
        if skipped:
            text += f"; {plural(skipped, 'file')} already imported, skipped"
        if self.failed:
            text += f"; {plural(len(self.failed), 'file')} could not be imported"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "by_kind": self.by_kind(),
            "files": [vars(result) for result in self.files],
            "left_out": [{"path": str(path), "reason": why} for path, why in self.left_out],
            "kept_own_kind": [result.path for result in self.kept_kind],
        }


# REFI-QDA projects (a .qdpx archive, or a .qde beside its sources folder) go to `refi.import_qdpx`.
REFI_SUFFIXES = (".qdpx", ".qde")


def supported(path: Path) -> bool:
    return path.suffix.lower() in FORMATS or path.suffix.lower() in REFI_SUFFIXES


# Files found in a folder that a person would not call documents: notes about the corpus, its licence,
# and answer keys (a `truth.csv` of expected codes), matched on the lower-case name without its suffix.
CORPUS_NOTES = ("readme", "license", "licence", "copying", "changelog", "authors", "notice")
ANSWER_KEYS = ("truth", "answer", "gold", "expected")


# Why `not_a_document` leaves a file out; the window words each in its own language.
HIDDEN_FILE = "hidden, private or lock file"
CORPUS_NOTES_FILE = "notes about the corpus, not a document"
ANSWER_KEY_FILE = "looks like an answer key, not a document"


def not_a_document(path: Path) -> str | None:
    """Why a file found in a folder is left out (it can still be named, or taken with `include`), or None.
    Names starting with '.' or '_' are private or generated files, '~$' Office lock files."""
    name = path.name
    if name.startswith((".", "_", "~$")):
        return HIDDEN_FILE
    stem = path.stem.lower()
    if stem.startswith(CORPUS_NOTES):
        return CORPUS_NOTES_FILE
    if stem.startswith(ANSWER_KEYS):
        return ANSWER_KEY_FILE
    return None


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)
    left_out: list[tuple[Path, str]] = field(default_factory=list)  # (file, why) found in folders only


def collect(paths: Iterable[str | Path], include: Iterable[str] = ()) -> Collected:
    """Files to import: given files as they are (an unsupported one will be reported), and the supported
    files under given folders, recursively, sorted, less those `not_a_document` names (with the reason),
    unless their name matches one of the `include` glob patterns. Hidden folders are never searched."""
    patterns = list(include)
    found = Collected()
    for entry in map(Path, paths):
        if not entry.is_dir():
            found.files.append(entry)
            continue
        for path in sorted(entry.rglob("*")):
            relative = path.relative_to(entry)
            if not path.is_file() or not supported(path) or any(p.startswith(".") for p in relative.parts[:-1]):
                continue
            why = not_a_document(path)
            if why is not None and not any(path.match(pattern) for pattern in patterns):
                found.left_out.append((path, why))
            else:
                found.files.append(path)
    return found


def collect_files(paths: Iterable[str | Path], include: Iterable[str] = ()) -> list[Path]:
    """The files `collect` would import."""
    return collect(paths, include).files


# The kinds a call-wide `kind=` may give each family of formats: an e-mail stays an e-mail and a survey
# table is never turned into calls, whatever one option for a whole folder of mixed files says.
KINDS_FOR_FAMILY: dict[str, tuple[str, ...]] = {
    "table": ("survey", "chat", "other"),
    "email": ("email",),
    "transcript": ("call", "chat", "interview", "other"),
}


def kind_fits(path: Path, kind: str) -> bool:
    fmt = FORMATS.get(path.suffix.lower())
    return fmt is not None and kind in KINDS_FOR_FAMILY[fmt.family]


def import_file(
    project: Project,
    path: str | Path,
    *,
    kind: str | None = None,
    text_column: str | None = None,
    title_column: str | None = None,
    column_types: Mapping[str, str] | None = None,
    pseudonymiser: Pseudonymiser | None = None,
    max_bytes: int | None = None,
    progress: ProgressCallback = no_progress,
) -> FileResult:
    """Import one file in one transaction. Raises `IngestError` when the file cannot be imported.
    `title_column` and `column_types` (column name -> one of `tables.COLUMN_CHOICES`) apply to tables."""
    path = Path(path)
    _check_kind(kind)
    check_column_choices(dict(column_types or {}))
    if not path.exists():
        raise IngestError(path, "file not found", kind="not_found")
    if path.suffix.lower() in REFI_SUFFIXES:
        return _import_refi(project, path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        shown = path.suffix or "(no extension)"
        supported = ", ".join(sorted([*FORMATS, *REFI_SUFFIXES]))
        raise IngestError(path, f"unknown format {shown}; supported: {supported}", kind="unknown_format",
                          format=shown, supported=supported)
    check_file(path, max_bytes if max_bytes is not None else MAX_BYTES[fmt.family])
    keeps = pseudonymiser.undone_on_failure() if isinstance(pseudonymiser, KeepsOriginals) else nullcontext()
    with keeps:
        table = TableOptions(text_column, title_column, dict(column_types or {}))
        return _import_format(project, path, fmt, kind or fmt.kind, table, pseudonymiser, progress)


@dataclass(frozen=True)
class TableOptions:
    text_column: str | None
    title_column: str | None
    column_types: dict[str, str]


def _import_format(project: Project, path: Path, fmt: Format, doc_kind: str, table: TableOptions,
                   pseudonymiser: Pseudonymiser | None, progress: ProgressCallback) -> FileResult:
    """The import of a file of a known format, in one transaction."""
    family = path.suffix.lower().lstrip(".")
    unread: list[str] = []
    if fmt.parse is None:
        # A table can be hundreds of MB: its SHA-256 is computed in a thread while DuckDB loads it (the
        # load leaves part of a core idle), and an already imported file is recognised after the load.
        with ThreadPoolExecutor(1, thread_name_prefix="workbench-sha256") as pool:
            digest = pool.submit(file_sha256, path)
            with loaded_table(project, path, progress, table.text_column, pseudonymiser) as loaded:
                sha256 = digest.result()
                skipped = _already_imported(project, path, sha256)
                if skipped is not None:
                    return skipped
                plan = plan_table(project, path, loaded, table.text_column, table.title_column, table.column_types)
                with project.transaction():
                    project.announce(events_for_tables("import", ["documents"]))
                    source_id = insert_source(project, family, path, sha256)
                    progress(0, None, f"{path.name}: storing rows")
                    counts = store_table(project, source_id, loaded, plan, doc_kind)
                    _check_not_empty(path, counts)
                    if pseudonymiser is not None:
                        pseudonymise_source(project, source_id, pseudonymiser)
    else:
        sha256 = file_sha256(path)
        skipped = _already_imported(project, path, sha256)
        if skipped is not None:
            return skipped
        documents = fmt.parse(path)
        with project.transaction():
            project.announce(events_for_tables("import", ["documents"]))
            source_id = insert_source(project, family, path, sha256)
            counts = store_parsed(project, source_id, documents, doc_kind, pseudonymiser)
            _check_not_empty(path, counts)
            if pseudonymiser is not None:
                pseudonymise_source(project, source_id, pseudonymiser)
        unread = [reason for document in documents for reason in document.skipped]
    result = _result(path, doc_kind, counts)
    if unread:  # a part the importer could not read is said, never dropped in silence
        result.message = "; ".join(filter(None, [result.message, f"{len(unread)} part(s) skipped: "
                                                 + "; ".join(unread)]))
    return result


def _import_refi(project: Project, path: Path) -> FileResult:
    """`refi.import_qdpx` reported like any other file: an archive already imported is skipped rather than
    an error. The REFI importer is loaded only when such a file comes."""
    from workbench.ingest.refi import import_qdpx

    if path.is_file():
        skipped = _already_imported(project, path, file_sha256(path))
        if skipped is not None:
            return skipped
    result = import_qdpx(project, path)
    return FileResult(str(path), "imported", "REFI-QDA", result.documents, result.merged_documents,
                      message="; ".join([result.summary(), *result.warnings]))


def _already_imported(project: Project, path: Path, sha256: str) -> FileResult | None:
    """A 'skipped' result when a source with the same bytes is already in the project."""
    previous = find_source(project, sha256)
    if previous is None:
        return None
    return FileResult(
        str(path), "skipped",
        message=f"already imported as {previous['name']} (source {previous['id']}, {previous['imported_at']:%Y-%m-%d %H:%M})",
    )


def _check_not_empty(path: Path, counts: StoreCounts) -> None:
    if counts.documents + counts.duplicates == 0:
        raise IngestError(path, "no text to import (every document is empty)", kind="no_text")


def _result(path: Path, kind: str, counts: StoreCounts) -> FileResult:
    message = "every document was already in the project" if counts.documents == 0 else ""
    return FileResult(
        str(path), "imported", kind, counts.documents, counts.duplicates, counts.empty, counts.segments, message
    )


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    kind: str | None = None,
    text_column: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    pseudonymiser: Pseudonymiser | None = None,
    max_bytes: int | None = None,
    title_column: str | None = None,
    column_types: Mapping[str, str] | None = None,
    choices: Mapping[Path, FileChoices] | None = None,
    include: Iterable[str] = (),
) -> ImportReport:
    """Import files and folders, one transaction per file; failures are reported, not raised.

    `choices` gives a file (by the path found for it) its own kind and table options, over the call's.
    The call's `kind` goes only to the files whose format can be of that kind (`KINDS_FOR_FAMILY`); the
    others keep their format's kind and are listed in `kept_kind`; a kind that fits none of the files is
    refused. Files under folders that are not documents are left out (`left_out`) unless `include` names them.
    Options are checked before any file is read. Cancelling stops between files and takes back the files
    this call had imported, so a cancelled import leaves the project as it was.
    """
    choices = choices or {}
    for given in [FileChoices(kind, text_column, title_column, column_types), *choices.values()]:
        _check_kind(given.kind)
        check_column_choices(dict(given.column_types or {}))
    report = progress or no_progress
    collected = collect(paths, include)
    files = collected.files
    result = ImportReport(left_out=collected.left_out)
    if kind is not None and files and not any(kind_fits(path, kind) or path in choices for path in files):
        raise WorkbenchError(_kind_fits_none(kind, files))
    last_source = int(project.scalar("SELECT coalesce(max(id), 0) FROM sources"))
    try:
        for done, path in enumerate(files):
            report(done, len(files), path.name)  # the window's progress callback may raise Cancelled
            if cancel is not None:
                cancel.check()
            own = choices.get(path, FileChoices())
            call_kind = kind if kind is not None and kind_fits(path, kind) else None
            try:
                outcome = import_file(
                    project, path, kind=own.kind or call_kind, text_column=own.text_column or text_column,
                    title_column=own.title_column or title_column,
                    column_types=own.column_types if own.column_types is not None else column_types,
                    pseudonymiser=pseudonymiser, max_bytes=max_bytes,
                )
            except IngestError as exc:
                where = f"line {exc.line}: " if exc.line is not None else ""
                outcome = FileResult(str(path), "failed", message=where + exc.reason, line=exc.line,
                                     refusal=exc.kind, details=exc.details)
            result.files.append(outcome)
            if kind is not None and call_kind is None and own.kind is None and outcome.status == "imported":
                result.kept_kind.append(outcome)
    except Cancelled:
        new = [row[0] for row in project.rows("SELECT id FROM sources WHERE id > ?", [last_source])]
        take_back_sources(project, new)
        raise Cancelled(f"import cancelled at file {len(result.files) + 1} of {len(files)}; "
                        "the files already imported by it were taken back") from None
    report(len(files), len(files), "done")
    return result


def _kind_fits_none(kind: str, files: list[Path]) -> str:
    """The one-line refusal of a kind no given file can have, saying which kinds they can have."""
    families = sorted({FORMATS[path.suffix.lower()].family for path in files if path.suffix.lower() in FORMATS})
    fits = "; ".join(f"{family} files: {', '.join(KINDS_FOR_FAMILY[family])}" for family in families)
    return f"--kind {kind} fits none of these files" + (f" ({fits})" if fits else "")
