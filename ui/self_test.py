"""`verbatim-workbench --self-test` (the packaged app) and `workbench-gui --self-test` (a development
install): the whole chain an analyst relies on, run once on the demo corpus in a throw-away folder, so
that a build that lost a model, a Qt plug-in or a data file is caught before an analyst finds out.

It builds a project from the demo's first survey wave, opens it in the main window, imports the second
wave (one file), files code suggestions, fits topics (UMAP and HDBSCAN: the two waves together are above
the small-corpus threshold), exports an Excel workbook and a REFI-QDA .qdpx, reopens the project, and
prints one line. Every Python-level way to open a network connection is blocked and counted while it runs:
one attempt fails the test, since the program promises never to use the network.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SURVEY_FOLDER = "enquete"
FIRST_FILE = "enquete_vague1.xlsx"
SECOND_FILE = "enquete_vague2.csv"
SCHEME = "contact_reasons"

# The socket calls that reach or offer a network endpoint, and name resolution (which may query DNS).
# `bind` is checked apart: see `_loopback`.
_SOCKET_METHODS = ("connect", "connect_ex", "listen", "sendto")
_MODULE_FUNCTIONS = ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "gethostbyname_ex")


class SelfTestFailure(Exception):
    """A step of the self-test did not do what it should; the message says which and why."""


@dataclass
class SelfTestReport:
    documents: int = 0
    suggestions: int = 0
    topics: int = 0
    embedder: str = ""
    files: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        total = sum(self.seconds.values())
        return (f"self-test passed: {self.documents} documents, {self.suggestions} suggestions, "
                f"{self.topics} topics ({self.embedder}), "
                f"{', '.join(path.name for path in self.files)} written, no network, {total:.1f} s")


@contextmanager
def network_blocked() -> Iterator[list[str]]:
    """Make every socket connection, bind and name look-up fail while inside, and list each attempt
    (what was called, with which address), so the caller can fail even when a library swallowed the
    error. Python-level only: a C library opening its own sockets is not seen."""
    attempts: list[str] = []
    saved: list[tuple[Any, str, Any]] = []

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            shown = [arg for arg in args if not isinstance(arg, socket.socket)]
            attempts.append(f"socket.{name}({', '.join(map(repr, shown))})")
            raise OSError(f"the self-test forbids network access (socket.{name})")
        return refused

    original_bind = socket.socket.bind
    refuse_bind = refuse("bind")

    def bind(self: socket.socket, address: Any) -> None:
        if _loopback(self, address):
            return original_bind(self, address)
        return refuse_bind(self, address)

    saved.append((socket.socket, "bind", original_bind))
    socket.socket.bind = bind  # type: ignore[method-assign]
    for name in _SOCKET_METHODS:
        saved.append((socket.socket, name, getattr(socket.socket, name)))
        setattr(socket.socket, name, refuse(name))
    for name in _MODULE_FUNCTIONS:
        saved.append((socket, name, getattr(socket, name)))
        setattr(socket, name, refuse(name))
    try:
        yield attempts
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def _loopback(sock: socket.socket, address: Any) -> bool:
    """A bind to this machine's own loopback address, which no other machine can reach (and `listen`
    stays refused). urllib3, imported by spaCy, binds ('::1', 0) once to learn whether IPv6 exists."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
        return False
    return str(address[0]) in ("127.0.0.1", "::1", "localhost")


class _Steps:
    """Runs the steps one after the other, times each, and stops at the first that fails or that tried
    to reach the network, naming it."""

    def __init__(self, report: SelfTestReport, attempts: list[str]) -> None:
        self.report, self.attempts = report, attempts

    def run(self, step: str, function: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        try:
            result = function()
        except Exception as exc:
            raise SelfTestFailure(f"{step}: {exc}") from exc
        finally:
            self.report.seconds[step] = round(time.perf_counter() - started, 2)
        if self.attempts:
            raise SelfTestFailure(f"{step}: network access attempted: {'; '.join(self.attempts)}")
        return result


def _imported(report: Any, what: str) -> int:
    if report.failed or not report.documents:
        raise SelfTestFailure("; ".join(report.failures) if report.failed else f"{what}: no document imported")
    return int(report.documents)


def _show_window(project: Any, expected: int) -> None:
    """The main window on the project, its document list filled: the Qt plug-ins, the translations and
    the views are all there."""
    from PySide6.QtWidgets import QApplication

    from ui.views.main_window import MainWindow

    window = MainWindow(project, coder="self-test")
    try:
        window.show()
        QApplication.processEvents()
        shown = window.model.rowCount()
        if shown != expected:
            raise SelfTestFailure(f"the window lists {shown} documents instead of {expected}")
    finally:
        window.relay.stop()
        window.project = None  # the self-test closes the project itself
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def run_self_test(folder: Path, embedder: str = "auto", show_window: bool = True) -> SelfTestReport:
    """Run every step in `folder` (which should be empty); raise SelfTestFailure on the first step that
    fails or when any network access was attempted."""
    from workbench.codebook_yaml import load_scheme
    from workbench.demo import sample_dir
    from workbench.export.excel import export_xlsx
    from workbench.export.refi import export_qdpx
    from workbench.ingest.folder import import_paths
    from workbench.project import Project
    from workbench.suggest.codes import suggest_codes
    from workbench.suggest.topics import run_topics

    report = SelfTestReport()
    survey = sample_dir() / SURVEY_FOLDER
    path = folder / "self-test.vwb"
    workbook, qdpx = folder / "self-test.xlsx", folder / "self-test.qdpx"
    with network_blocked() as attempts:
        steps = _Steps(report, attempts)
        project = steps.run("create", lambda: Project.create(path, language="fr"))
        try:
            first = steps.run("build", lambda: _imported(import_paths(project, [survey / FIRST_FILE]), FIRST_FILE))
            if show_window:
                steps.run("window", lambda: _show_window(project, first))
            second = steps.run("import",
                               lambda: _imported(import_paths(project, [survey / SECOND_FILE]), SECOND_FILE))
            report.documents = first + second
            steps.run("codebook", lambda: load_scheme(project, SCHEME))
            result = steps.run("suggestions",
                               lambda: suggest_codes(project, [SCHEME], embedder=embedder, units="documents"))
            report.suggestions, report.embedder = result.filed, result.model_id
            topics = steps.run("topics", lambda: run_topics(project, units="documents", embedder=embedder))
            if not topics.topics:
                raise SelfTestFailure("topics: no topic found")
            report.topics = topics.topics
            steps.run("excel", lambda: export_xlsx(project, workbook))
            steps.run("qdpx", lambda: export_qdpx(project, qdpx))
        finally:
            project.close()
        for written in (workbook, qdpx):
            if not written.is_file() or written.stat().st_size == 0:
                raise SelfTestFailure(f"export: {written.name} was not written")
        report.files = [workbook, qdpx]
        kept = steps.run("reopen", lambda: _documents_in(path))
        if kept != report.documents:
            raise SelfTestFailure(f"reopen: the project holds {kept} documents instead of {report.documents}")
    return report


def _documents_in(path: Path) -> int:
    from workbench.project import Project
    from workbench.stats import status_counts

    project = Project.open(path, read_only=True)
    try:
        return status_counts(project)["documents"]
    finally:
        project.close()


def main(embedder: str | None = None) -> int:
    """Run the self-test offscreen in a temporary folder; print one line; 0 when it passed, 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Verbatim Workbench")
    chosen = embedder or os.environ.get("VERBATIM_SELF_TEST_EMBEDDER") or "auto"
    with tempfile.TemporaryDirectory(prefix="verbatim-self-test-") as folder:
        try:
            report = run_self_test(Path(folder), chosen)
        except SelfTestFailure as exc:
            print(f"self-test FAILED: {exc}", file=sys.stderr)
            return 1
    print(report.summary())
    return 0
