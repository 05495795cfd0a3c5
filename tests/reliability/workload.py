"""The crash-safety harness's child: real user actions, each acknowledged once the engine call returned.

Usage: python tests/reliability/workload.py PROJECT WORKDIR ACK_LOG SEED

It opens the project, prints `ready` and then loops until it is killed: import a small file, code spans
and whole documents, remove and resize codings, undo, redo, accept and reject suggestions, export, and now
and then pseudonymise the project. Every action goes through the engine's public functions, with its
intent logged before the call and its acknowledgement after (`acklog`). The harness SIGKILLs it at a
random moment and checks the project against the log.

Only documents without personal data are coded (`corpus`), so that a pseudonymisation never moves the
spans the log acknowledged. Only the workload's own kinds of action are undone, as a user undoes what
they just did; the harness's set-up (codes and coders written without the journal) stays out of reach.
"""

from __future__ import annotations

import importlib
import random
import sys
from collections.abc import Callable
from pathlib import Path

from acklog import AckWriter
from corpus import PII_MARKER, write_csv, write_transcript

from workbench.coding import apply_code, remove_coding, resize_coding
from workbench.errors import WorkbenchError
from workbench.export.excel import export_xlsx
from workbench.export.tables import export_table
from workbench.ingest.base import file_sha256
from workbench.ingest.folder import import_file
from workbench.journal import next_redo, next_undo, redo, undo
from workbench.project import Project
from workbench.suggest.review import accept, reject
from workbench.text.pseudonymise_project import pseudonymise_project

# The actions the workload journals, hence the ones it may undo and redo.
JOURNALLED = ("apply_code", "remove_coding", "resize_coding", "accept_suggestions", "reject_suggestions")
MANUAL_CODERS = ("alice", "bob")
# Accepts and rejects, and never codes by hand nor has its codings resized: an accepted suggestion then never
# meets an identical coding to reuse, so every coding `accept` returns is one it made (and undo removes).
REVIEWER = "reviewer"
EXPORT_SHEETS = ("Segments", "Codebook", "Frequencies")
# A small checkpoint threshold in some runs, so that kills also land inside DuckDB's checkpoints, which
# a project this small would otherwise reach only on close and in the rewrite after a pseudonymisation.
SMALL_CHECKPOINT = "64KB"
# Modules the engine imports on first use (the Excel export's), loaded before `ready`: a running program
# has them already, and a kill should land in the engine's work, not in Python reading modules.
WARM_UP = ("openpyxl", "workbench.analysis")


class Workload:
    def __init__(self, project: Project, workdir: Path, log: AckWriter, rng: random.Random,
                 name: str) -> None:
        self.project = project
        self.workdir = workdir
        self.log = log
        self.rng = rng
        self.name = name  # unique per run: names the files it imports and exports
        self.files = 0
        self.coders = dict(project.rows("SELECT name, id FROM coders"))
        self.steps: list[tuple[Callable[[], None], int]] = [
            (self.code_span, 30), (self.code_whole, 6), (self.undo, 14), (self.redo, 8), (self.remove, 5),
            (self.resize, 5), (self.accept, 8), (self.reject, 4), (self.import_file, 10), (self.export, 5),
            (self.pseudonymise, 2),
        ]

    def step(self) -> None:
        actions, weights = zip(*self.steps)
        self.rng.choices(actions, weights)[0]()

    def _run(self, kind: str, call: Callable[[], dict], **intent: object) -> None:
        """Log the intent, call the engine, acknowledge what it returned (or that it refused)."""
        seq = self.log.begin(kind, **intent)
        try:
            result = call()
        except WorkbenchError as exc:
            self.log.refused(seq, f"{type(exc).__name__}: {exc}")
            return
        self.log.ack(seq, **result)

    # -- what there is to act on ------------------------------------------------------------------
    def _clean_document(self) -> tuple[int, int]:
        return self.rng.choice(self.project.rows(
            "SELECT id, n_chars FROM documents WHERE NOT contains(text, ?) ORDER BY id", [PII_MARKER]))

    def _code(self) -> int:
        return self.rng.choice(self.project.rows("SELECT id FROM codes WHERE codable ORDER BY id"))[0]

    def _coder(self) -> int:
        return self.coders[self.rng.choice(MANUAL_CODERS)]

    def _span(self, n_chars: int) -> tuple[int, int]:
        start = self.rng.randrange(n_chars)
        return start, self.rng.randint(start + 1, min(n_chars, start + 40))

    def _pending(self, most: int) -> list[int]:
        pending = [row[0] for row in self.project.rows("SELECT id FROM suggestions WHERE status = 'pending'")]
        return sorted(self.rng.sample(pending, min(len(pending), self.rng.randint(1, most))))

    def _file(self, suffix: str) -> Path:
        self.files += 1
        return self.workdir / f"{self.name}-{self.files}{suffix}"

    # -- the actions ------------------------------------------------------------------------------
    def code_span(self) -> None:
        doc, n_chars = self._clean_document()
        code, coder = self._code(), self._coder()
        start, end = self._span(n_chars)
        self._run("apply_code",
                  lambda: {"coding": apply_code(self.project, doc, code, start, end, coder=coder)},
                  doc=doc, code=code, coder=coder, start=start, end=end)

    def code_whole(self) -> None:
        doc, n_chars = self._clean_document()
        code, coder = self._code(), self._coder()
        self._run("apply_code", lambda: {"coding": apply_code(self.project, doc, code, coder=coder)},
                  doc=doc, code=code, coder=coder, start=0, end=n_chars)

    def undo(self) -> None:
        target = next_undo(self.project)
        if target is not None and target["action"] in JOURNALLED:
            self._run("undo", lambda: {"target": undo(self.project, self._coder())["id"]},
                      target=target["id"], action=target["action"], summary=target["summary"])

    def redo(self) -> None:
        target = next_redo(self.project)
        if target is not None:
            self._run("redo", lambda: {"target": redo(self.project, self._coder())["id"]},
                      target=target["id"], action=target["action"], summary=target["summary"])

    def remove(self) -> None:
        codings = self.project.rows("SELECT id FROM codings ORDER BY id")
        if codings:
            coding = self.rng.choice(codings)[0]
            self._run("remove_coding", lambda: remove_coding(self.project, coding) or {}, coding=coding)

    def resize(self) -> None:
        rows = self.project.rows(
            "SELECT g.id, d.n_chars FROM codings g JOIN documents d ON d.id = g.document_id "
            "WHERE g.coder_id IN (SELECT id FROM coders WHERE name <> ?) ORDER BY g.id", [REVIEWER])
        if rows:
            coding, n_chars = self.rng.choice(rows)
            start, end = self._span(n_chars)
            self._run("resize_coding", lambda: resize_coding(self.project, coding, start, end) or {},
                      coding=coding, start=start, end=end)

    def accept(self) -> None:
        ids = self._pending(3)
        if ids:
            self._run("accept", lambda: {"codings": accept(self.project, ids, REVIEWER)}, suggestions=ids)

    def reject(self) -> None:
        ids = self._pending(2)
        if ids:
            self._run("reject", lambda: {"rejected": reject(self.project, ids, REVIEWER)}, suggestions=ids)

    def import_file(self) -> None:
        personal = self.rng.random() < 0.3
        if self.rng.random() < 0.5:
            made = write_csv(self._file(".csv"), self.rng, self.rng.randint(1, 12), personal)
        else:
            made = write_transcript(self._file(".txt"), self.rng, personal)
        column = "verbatim" if made.path.suffix == ".csv" else None

        def call() -> dict:
            result = import_file(self.project, made.path, text_column=column)
            return {"status": result.status, "documents": result.documents}

        self._run("import", call, path=str(made.path), sha256=file_sha256(made.path),
                  documents=made.documents, personal=made.personal)

    def export(self) -> None:
        if self.rng.random() < 0.7:
            path = self._file(".csv")
            self._run("export", lambda: {"rows": export_table(self.project, path)}, path=str(path))
        else:
            path = self._file(".xlsx")
            self._run("export", lambda: {"sheets": export_xlsx(self.project, path, sheets=EXPORT_SHEETS)},
                      path=str(path))

    def pseudonymise(self) -> None:
        self._run("pseudonymise",
                  lambda: {"changed": pseudonymise_project(self.project, use_ner=False).documents_changed})


def main(argv: list[str]) -> None:
    project_path, workdir, log_path, seed = argv
    rng = random.Random(int(seed))
    for module in WARM_UP:
        importlib.import_module(module)
    project = Project.open(project_path)
    if rng.random() < 0.5:
        project.execute(f"SET checkpoint_threshold = '{SMALL_CHECKPOINT}'")
    workload = Workload(project, Path(workdir), AckWriter(Path(log_path)), rng, f"s{seed}")
    print("ready", flush=True)
    while True:
        workload.step()


if __name__ == "__main__":
    main(sys.argv[1:])
