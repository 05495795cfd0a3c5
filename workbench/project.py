"""A Verbatim Workbench project: one DuckDB file (`.vwb`) holding texts, codes, codings and model output.

Why one file: analysts move projects between laptops and archive them with the data they describe; a
single file is easy to copy, back up and delete (GDPR). DuckDB gives transactions with a write-ahead log,
so an acknowledged change survives a crash or a kill, and fast SQL for analysis.

DuckDB allows one writing process per file. A second process gets `ProjectLocked`, never a corrupt file.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Self

import duckdb

from workbench.errors import NotAProject, ProjectError, ProjectLocked, ProjectNotFound, ProjectTooNew
from workbench.events import ChangeEvent, ChangeEvents

APP_ID = "verbatim-workbench"
SUFFIX = ".vwb"
# meta key of an exercise file (and of a hand-in, a copy of one): its presence makes the file an exercise,
# whose codebook part is the trainer's (`workbench.codebook` refuses to change it)
EXERCISE_KEY = "exercise"
# Version 1 is the union of these files; later versions are the numbered scripts in migrations/.
BASE_SCHEMA = ("core.sql", "coding.sql", "text.sql", "suggest.sql")
LANGUAGES = ("fr", "en")
# The kinds of document the schema accepts (documents.kind CHECK constraint in schema/core.sql).
DOCUMENT_KINDS = ("call", "email", "chat", "interview", "survey", "other")
_DUCKDB_MAGIC = b"DUCK"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")
# documents.content_hash is DuckDB's hash() of the text; meta keeps hash() of this text to notice a DuckDB
# whose hash() differs (migrations/0003_documents_content_hash.sql).
CONTENT_HASH_PROBE = "verbatim-workbench content hash probe"


def _read_resource(folder: str, name: str) -> str:
    return resources.files("workbench").joinpath(folder, name).read_text(encoding="utf-8")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of each migration, in order. Migration N upgrades version N-1 to N."""
    found = []
    folder = resources.files("workbench").joinpath("migrations")
    for entry in folder.iterdir() if folder.is_dir() else ():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_version() -> int:
    return max([1] + [version for version, _, _ in migrations()])


# Projects open in this process, by (device, inode) of their file: see `open_in_this_process`.
_OPEN_HERE: weakref.WeakValueDictionary[int, Project] = weakref.WeakValueDictionary()


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def open_in_this_process(path: Path) -> bool:
    """Whether a project this process holds open is the file at `path` (compared by device and inode, by
    stat, which opens nothing). Reading such a file would close a descriptor of it, and on POSIX closing
    any descriptor of a file drops every lock the process holds on it: DuckDB's one-writer lock with it."""
    identity = _file_identity(path)
    return identity is not None and any(project.identity == identity for project in list(_OPEN_HERE.values()))


def is_database_file(path: Path) -> bool:
    """Whether `path` is a DuckDB database file (a project or another program's), by its header."""
    if open_in_this_process(path):
        return True
    try:
        with path.open("rb") as handle:
            header = handle.read(12)
    except OSError:
        return False
    return len(header) == 12 and header[8:12] == _DUCKDB_MAGIC


def _check_is_duckdb(path: Path) -> None:
    """Refuse files that are not DuckDB databases before DuckDB touches (and could rewrite) them."""
    if not is_database_file(path):
        raise NotAProject(f"{path} is not a Verbatim Workbench project (not a DuckDB file); it was not modified",
                          path=path)


REWRITE_WAIT = 60.0  # seconds an open waits for another process's rewrite to finish
# Meta key a change whose old bytes only a rewrite wipes commits with itself (`Project.owe_rewrite`).
REWRITE_OWED = "rewrite_owed"


@contextmanager
def _rewrite_lock(path: Path, *, exclusive: bool) -> Iterator[None]:
    """An advisory lock, apart from DuckDB's own, on the folder that holds the project. A rewrite holds it
    exclusively from closing the old file until the new one is open again; every open holds it shared
    while it connects. Without it, another process could open the old file in that gap and commit into a
    file about to be replaced, and lose what it was told was saved. The folder is locked, not the file:
    closing any descriptor of a file drops the POSIX locks the process holds on it, DuckDB's included.
    The cost is that opens in the same folder wait for a rewrite's gap (milliseconds). POSIX only:
    Windows refuses to replace a file another process has open anyway."""
    if os.name != "posix":
        yield
        return
    import fcntl

    handle = os.open(path.resolve().parent, os.O_RDONLY)
    try:
        deadline = time.monotonic() + REWRITE_WAIT
        while True:
            try:
                fcntl.flock(handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ProjectLocked(f"{path} is being rewritten by another process; try again in a moment",
                                        path=path) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(handle)


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            holder = re.search(r"\(PID (\d+)\)", message)
            who = f"process {holder.group(1)}" if holder else "another process"
            raise ProjectLocked(
                f"{path} is open in {who}; close it there first (a project has one writer at a time)", path=path
            ) from exc
        raise ProjectError(f"{path}: cannot open: {message.splitlines()[0]}", path=path) from exc
    except duckdb.Error as exc:
        raise NotAProject(f"{path} is not a readable project file: {str(exc).splitlines()[0]}", path=path) from exc


class Project:
    """An open project. Not thread-safe: each worker thread uses its own `Project.worker()`."""

    def __init__(self, path: Path, con: duckdb.DuckDBPyConnection, read_only: bool, *, worker: bool = False) -> None:
        self.path = path
        self.con = con
        self.read_only = read_only
        self._depth = 0
        self._owner = threading.get_ident()
        self._worker = worker
        self.events = ChangeEvents()
        self._queued: list[ChangeEvent] = []
        self.identity = _file_identity(path)
        _OPEN_HERE[id(self)] = self

    # -- life cycle -------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, language: str = "fr", *, version: int | None = None) -> Project:
        """Create a new, empty project. `version` is for tests of migrations: create an older schema."""
        path = Path(path)
        if language not in LANGUAGES:
            raise ProjectError(f"unsupported project language {language!r}; choose one of {', '.join(LANGUAGES)}")
        if path.exists():
            raise ProjectError(f"{path} already exists; choose another name or delete it first")
        if not path.parent.exists():
            raise ProjectError(f"folder {path.parent} does not exist")
        target = latest_version() if version is None else version
        con = _connect(path, read_only=False)
        project = cls(path, con, read_only=False)
        try:
            with project.transaction():
                for name in BASE_SCHEMA:
                    con.execute(_read_resource("schema", name))
                now = datetime.now(UTC).isoformat(timespec="seconds")
                con.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [("application", APP_ID), ("schema_version", "1"), ("language", language), ("created_at", now)],
                )
                project._migrate(upto=target)
        except BaseException:
            con.close()
            path.unlink(missing_ok=True)
            Path(str(path) + ".wal").unlink(missing_ok=True)
            raise
        return project

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, *, any_version: bool = False) -> Project:
        """Open an existing project, upgrading its schema when it is older (unless read-only).

        With `read_only` and `any_version`, a project of another schema version is opened as it is, for
        `workbench check`, which reports the version as a problem instead of refusing the file."""
        path = Path(path)
        if not path.exists():
            raise ProjectNotFound(f"{path} does not exist; create it with `workbench new {path}`", path=path)
        if path.is_dir():
            raise NotAProject(f"{path} is a folder, not a project file", path=path)
        _check_is_duckdb(path)
        with _rewrite_lock(path, exclusive=False):
            project = cls._open(path, read_only, any_version)
        if not read_only and project.get_meta(REWRITE_OWED):
            project._finish_owed_rewrite()
        return project

    @classmethod
    def _open(cls, path: Path, read_only: bool, any_version: bool) -> Project:
        # Look first without writing: a DuckDB file of another application must stay untouched.
        probe = _connect(path, read_only=True)
        try:
            version = cls._identify(probe, path)
        finally:
            probe.close()
        as_it_is = read_only and any_version
        if version > latest_version() and not as_it_is:
            raise ProjectTooNew(
                f"{path} has schema version {version}, newer than this program's {latest_version()}; update the program",
                path=path)
        if read_only:
            if version < latest_version() and not as_it_is:
                raise ProjectError(f"{path} needs an upgrade (schema {version}); open it once for writing")
            return cls(path, _connect(path, read_only=True), read_only=True)
        project = cls(path, _connect(path, read_only=False), read_only=False)
        project._remove_stale_copy()
        if version < latest_version():
            with project.transaction():
                project._migrate(upto=latest_version())
        project._check_content_hash()
        return project

    @staticmethod
    def _identify(con: duckdb.DuckDBPyConnection, path: Path) -> int:
        try:
            rows = dict(con.execute("SELECT key, value FROM meta").fetchall())
        except duckdb.Error:
            raise NotAProject(f"{path} is a DuckDB file but not a Verbatim Workbench project; it was not modified",
                             path=path)
        if rows.get("application") != APP_ID or "schema_version" not in rows:
            raise NotAProject(f"{path} is a DuckDB file but not a Verbatim Workbench project; it was not modified",
                             path=path)
        return int(rows["schema_version"])

    def _migrate(self, upto: int) -> None:
        current = self.schema_version
        for version, _name, sql in migrations():
            if current < version <= upto:
                self.con.execute(sql)
                self.set_meta("schema_version", str(version))

    def _check_content_hash(self) -> None:
        """Recompute documents.content_hash when this DuckDB's hash() is not the one that computed it:
        duplicates would otherwise go unnoticed (never merged: equal texts decide, the hash only filters)."""
        probe = str(self.scalar("SELECT hash(?)", [CONTENT_HASH_PROBE]))
        if self.get_meta("content_hash_probe") == probe:
            return
        with self.transaction():
            self.execute("UPDATE documents SET content_hash = hash(text)")
            self.set_meta("content_hash_probe", probe)

    def rewrite(self) -> None:
        """Copy the project into a fresh file and put it in the old one's place.

        Why: DuckDB reuses the blocks of deleted or overwritten rows but does not wipe them, so after
        pseudonymisation (or forgetting the originals) the original names stay readable in the file's
        bytes until new data happens to overwrite them. A copy holds only live rows. The copy is written
        and synced beside the project, then renamed over it in one step: a crash at any point leaves
        either the old file or the new one, both complete. Sequences, constraints, indexes and views
        come across (`COPY FROM DATABASE`). The copy gets the file's permissions (a project kept
        private stays private) and replaces the file a symbolic link points to, not the link.

        Refused from a worker handle: its reconnection would get DuckDB's database of the old file, kept
        alive by the handle that opened the project, and every later write would go to that unlinked file.
        (Closing the project's own connection closes its workers.) When the copy fails (a full disk), the
        project is left as it was, open and usable, with no partial copy."""
        if self.read_only or self._depth:
            raise ProjectError(f"{self.path}: a project is rewritten open for writing, outside a transaction")
        if self._worker:
            raise ProjectError(f"{self.path}: a project is rewritten from the handle that opened it, not a worker")
        target = self.path.resolve()
        fresh = target.with_name(target.name + ".rewrite")
        copies = (fresh, Path(str(fresh) + ".wal"))
        for stale in copies:
            stale.unlink(missing_ok=True)
        try:
            self.copy_into(fresh)
            mode = stat.S_IMODE(target.stat().st_mode)
            if stat.S_IMODE(fresh.stat().st_mode) != mode:  # FAT volumes refuse chmod, but need none
                os.chmod(fresh, mode)
            with fresh.open("rb+") as handle:
                os.fsync(handle.fileno())
        except BaseException as exc:
            for copy in copies:
                copy.unlink(missing_ok=True)
            if not isinstance(exc, OSError | duckdb.Error):
                raise
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ProjectError(
                f"{self.path}: could not rewrite the project file ({reason}); the project is intact and usable, "
                "but the bytes of deleted or overwritten rows may remain in the file until a later rewrite "
                "(the copy needs as much free space as the project)"
            ) from exc
        with _rewrite_lock(target, exclusive=True):
            self.con.close()
            try:
                os.replace(fresh, target)
                if os.name == "posix":  # make the rename itself durable
                    directory = os.open(target.parent, os.O_RDONLY)
                    try:
                        os.fsync(directory)
                    finally:
                        os.close(directory)
            finally:
                self.con = _connect(self.path, read_only=False)
                self.identity = _file_identity(self.path)

    def copy_into(self, target: Path) -> None:
        """Copy the whole database, as committed, into the new database file `target` (`COPY FROM
        DATABASE` after a checkpoint: sequences, constraints, indexes and views come across). Shared by
        the rewrite and `workbench backup`; the caller syncs and places the file. A fresh copy holds no
        freed blocks, so it owes no rewrite."""
        current = self.scalar("SELECT current_database()")
        self.execute("CHECKPOINT")
        self.execute("ATTACH ? AS _wb_fresh", [str(target)])
        try:
            self.execute(f'COPY FROM DATABASE "{current}" TO _wb_fresh')
            self.execute("DELETE FROM _wb_fresh.meta WHERE key = ?", [REWRITE_OWED])
        finally:
            self.execute("DETACH _wb_fresh")

    def owe_rewrite(self) -> None:
        """Record, inside the transaction of a change whose old bytes only a rewrite wipes (a removal, a
        pseudonymisation, forgetting the originals), that the file must be rewritten. The change commits
        before the rewrite starts; a process killed in between would otherwise leave the removed or
        replaced texts in freed blocks of the file with nothing to say so. The next open for writing
        finishes the rewrite; the rewritten file, being a fresh copy, no longer owes it."""
        self.set_meta(REWRITE_OWED, "1")

    def _finish_owed_rewrite(self) -> None:
        """The rewrite an interrupted removal or pseudonymisation owes. Best effort: when it fails (a full
        disk) the project is open and usable as it is, and still owes it to the next open."""
        with suppress(ProjectError):
            self.rewrite()

    def _remove_stale_copy(self) -> None:
        """A rewrite killed half-way leaves its partial copy beside the project; holding the project open
        for writing proves no rewrite is running, so the copy can go."""
        fresh = self.path.resolve().with_name(self.path.resolve().name + ".rewrite")
        for stale in (fresh, Path(str(fresh) + ".wal")):
            stale.unlink(missing_ok=True)

    def worker(self) -> Project:
        """A handle for another thread: same database, its own connection (DuckDB cursors are per thread),
        the same listeners, so a view hears what a background job committed."""
        handle = Project(self.path, self.con.cursor(), self.read_only, worker=True)
        handle.events = self.events
        return handle

    def close(self) -> None:
        self.con.close()
        _OPEN_HERE.pop(id(self), None)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and queries -----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Project]:
        """One atomic unit of work; nested uses join the outer transaction (DuckDB has no savepoints)."""
        if self.read_only:
            raise ProjectError(f"{self.path} is open read-only")
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.con.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self._queued.clear()
            self.con.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.con.execute("COMMIT")
        except duckdb.TransactionException as exc:
            # DuckDB could not write its log (a full disk, a read-only folder) and rolled the work back.
            self._queued.clear()
            reason = str(exc).partition("Failed to commit: ")[2] or str(exc)
            raise ProjectError(f"{self.path}: the change was not saved: {reason}") from exc
        queued, self._queued = self._queued, []
        for event in queued:
            self.events.emit(event)

    def announce(self, events: list[ChangeEvent]) -> None:
        """Tell listeners what changed (`workbench.events`): at once outside a transaction, at its commit
        inside one, never if it rolls back."""
        if self._depth:
            self._queued.extend(events)
        else:
            for event in events:
                self.events.emit(event)

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        return self.con.execute(sql, params) if params is not None else self.con.execute(sql)

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple]:
        return self.execute(sql, params).fetchall()

    def dicts(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """First column of the first row. The result is then run to its end: DuckDB refuses other work on
        the connection (registering a function, for one) while a result is left half read."""
        row = self.execute(sql, params).fetchone()
        self.con.complete()
        return None if row is None else row[0]

    # -- metadata ---------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM meta WHERE key = ?", [key])
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        self.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    @property
    def schema_version(self) -> int:
        return int(self.get_meta("schema_version", "0") or 0)

    @property
    def language(self) -> str:
        return self.get_meta("language", "fr") or "fr"
