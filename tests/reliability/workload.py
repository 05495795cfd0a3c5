"""The crash-safety harness's child: real user actions, each acknowledged once the engine call returned.

Usage: python tests/reliability/workload.py PROJECT WORKDIR ACK_LOG SEED [ACTION,ACTION...]
(the optional list keeps only those actions, by method name, so a short run can dwell on some)

It opens the project, prints `ready` and then loops until it is killed: import a small file, code spans
and whole documents, remove, resize and recode codings, merge codes, write, edit and delete memos, undo,
redo, accept and reject suggestions, export tables, workbooks and REFI-QDA archives over the previous
export of the same kind, and now and then rewrite the whole file: compact it, pseudonymise the project
(reversibly or not), remove an imported file or a document for good, forget the kept originals. Every
action goes through the engine's public functions, with its intent logged before the call and its
acknowledgement after (`acklog`). The harness SIGKILLs it at a random moment and checks the project
against the log.

Only documents without personal data are coded (`corpus`), so that a pseudonymisation never moves the
spans the log acknowledged. Only the workload's own kinds of action are undone, as a user undoes what
they just did; the harness's set-up (codes and coders written without the journal) stays out of reach.
Memos are written on the project and on codes (a merge moves them to the code merged into) and hold
clean text only, so neither a removal nor a pseudonymisation changes them behind the log's back.
Removals take only what the workload imported: the set-up's documents carry the suggestions, whose
journal entries span several documents (a removal would trim them, and the model follows undo by whole
entries).
"""

from __future__ import annotations

import importlib
import random
import sys
from collections.abc import Callable
from pathlib import Path

from acklog import AckWriter
from corpus import PII_MARKER, SETUP_FILE, clean_text, write_csv, write_transcript
from exports import EXPORTS, export_path, write_export

from workbench.codebook import merge_codes
from workbench.coding import apply_code, recode, remove_coding, resize_coding
from workbench.errors import WorkbenchError
from workbench.ingest.base import file_sha256
from workbench.ingest.folder import import_file
from workbench.journal import next_redo, next_undo, redo, undo
from workbench.project import Project
from workbench.removal import remove_documents, remove_sources
from workbench.store.memos import add_memo, delete_memo, edit_memo
from workbench.suggest.review import accept, reject
from workbench.text.pseudonymise import forget
from workbench.text.pseudonymise_project import pseudonymise_project

# The actions the workload journals, hence the ones it may undo and redo.
JOURNALLED = ("apply_code", "remove_coding", "resize_coding", "recode", "merge_codes", "accept_suggestions",
              "reject_suggestions", "add_memo", "edit_memo", "delete_memo")
MANUAL_CODERS = ("alice", "bob")
# Accepts and rejects, and never codes by hand nor has its codings resized: an accepted suggestion then never
# meets an identical coding to reuse, so every coding `accept` returns is one it made (and undo removes).
REVIEWER = "reviewer"
# A small checkpoint threshold in some runs, so that kills also land inside DuckDB's checkpoints, which
# a project this small would otherwise reach only on close and in the rewrite after a pseudonymisation.
SMALL_CHECKPOINT = "64KB"
# Modules the engine imports on first use (the exports'), loaded before `ready`: a running program
# has them already, and a kill should land in the engine's work, not in Python reading modules.
WARM_UP = ("openpyxl", "pyarrow.parquet", "lxml.etree", "workbench.analysis", "workbench.export.refi")


class Workload:
    def __init__(self, project: Project, workdir: Path, log: AckWriter, rng: random.Random,
                 name: str, focus: list[str] | None = None) -> None:
        self.project = project
        self.workdir = workdir
        self.log = log
        self.rng = rng
        self.name = name  # unique per run: names the files it imports and exports
        self.files = 0
        self.coders = dict(project.rows("SELECT name, id FROM coders"))
        self.steps: list[tuple[Callable[[], None], int]] = [
            (self.code_span, 30), (self.code_whole, 6), (self.undo, 14), (self.redo, 8), (self.remove, 5),
            (self.resize, 5), (self.recode, 4), (self.merge, 2), (self.accept, 8), (self.reject, 4),
            (self.import_file, 10), (self.add_memo, 3), (self.edit_memo, 3), (self.delete_memo, 2),
            (self.export, 10), (self.compact, 3), (self.pseudonymise, 2), (self.remove_source, 2),
            (self.remove_document, 2), (self.forget, 1),
        ]
        if focus:
            self.steps = [(step, weight) for step, weight in self.steps if step.__name__ in focus]

    def step(self) -> None:
        actions, weights = zip(*self.steps)
        self.rng.choices(actions, weights)[0]()

    def _rewrite(self, kind: str, call: Callable[[], dict], **intent: object) -> None:
        """Run an action that rewrites the project file; its acknowledgement names the new file's inode."""
        self._run(kind, lambda: {**call(), "inode": self.project.path.stat().st_ino}, **intent)

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

    def _manual_coding(self) -> tuple[int, int] | None:
        """A coding of a manual coder, with its document's length: the reviewer's codings stay as accepted."""
        rows = self.project.rows(
            "SELECT g.id, d.n_chars FROM codings g JOIN documents d ON d.id = g.document_id "
            "WHERE g.coder_id IN (SELECT id FROM coders WHERE name <> ?) ORDER BY g.id", [REVIEWER])
        return self.rng.choice(rows) if rows else None

    def _memo(self) -> tuple[int, str] | None:
        rows = self.project.rows("SELECT id, text FROM memos ORDER BY id")
        return self.rng.choice(rows) if rows else None

    def _imported(self, sql: str) -> tuple | None:
        """A row of what the workload imported (never the set-up's file); `sql` selects from sources `s`."""
        rows = self.project.rows(sql, [SETUP_FILE])
        return self.rng.choice(rows) if rows else None

    def _span(self, n_chars: int) -> tuple[int, int]:
        start = self.rng.randrange(n_chars)
        return start, self.rng.randint(start + 1, min(n_chars, start + 40))

    def _pending(self, most: int) -> list[int]:
        pending = [row[0] for row in self.project.rows("SELECT id FROM suggestions WHERE status = 'pending'")]
        return sorted(self.rng.sample(pending, min(len(pending), self.rng.randint(1, most))))

    def _file(self, suffix: str) -> Path:
        """A name pseudonymisation leaves alone, as the model expects: its run of digits starts with the
        seed's year ("s2026120400004-3.csv"), which no card issuer's prefix does."""
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
        if found := self._manual_coding():
            coding, n_chars = found
            start, end = self._span(n_chars)
            self._run("resize_coding", lambda: resize_coding(self.project, coding, start, end) or {},
                      coding=coding, start=start, end=end)

    def recode(self) -> None:
        if found := self._manual_coding():
            coding, code = found[0], self._code()
            self._run("recode", lambda: recode(self.project, coding, code) or {}, coding=coding, code=code)

    def merge(self) -> None:
        """Merge two codes that carry no suggestion (see harness.PLAIN_CODES)."""
        codes = [row[0] for row in self.project.rows(
            "SELECT id FROM codes WHERE codable AND id NOT IN (SELECT code_id FROM suggestions) "
            "AND id NOT IN (SELECT relabel_code_id FROM suggestions WHERE relabel_code_id IS NOT NULL) "
            "ORDER BY id")]
        if len(codes) >= 2:
            source, target = self.rng.sample(codes, 2)
            coder = self._coder()
            self._run("merge_codes", lambda: merge_codes(self.project, source, target, coder_id=coder),
                      source=source, target=target)

    def add_memo(self) -> None:
        if self.rng.random() < 0.3:
            kind, target = "project", None
        else:
            kind, target = "code", self._code()
        text, coder = clean_text(self.rng), self._coder()
        self._run("add_memo", lambda: {"memo": add_memo(self.project, kind, target, text, coder=coder)},
                  target_kind=kind, target_id=target, text=text)

    def edit_memo(self) -> None:
        if found := self._memo():
            memo, before = found
            text, coder = clean_text(self.rng), self._coder()
            self._run("edit_memo", lambda: edit_memo(self.project, memo, text, coder=coder) or {},
                      memo=memo, before=before, text=text)

    def delete_memo(self) -> None:
        if found := self._memo():
            memo = found[0]
            coder = self._coder()
            self._run("delete_memo", lambda: delete_memo(self.project, memo, coder=coder) or {}, memo=memo)

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
        """Export over the previous export of the same format (one file per format, kept across kills)."""
        path = export_path(self.workdir, self.rng.choice(EXPORTS))

        def call() -> dict:
            write_export(self.project, path)
            return {"sha256": file_sha256(path)}

        self._run("export", call, path=str(path))

    def compact(self) -> None:
        self._rewrite("compact", lambda: self.project.rewrite() or {})

    def pseudonymise(self) -> None:
        reversible = self.rng.random() < 0.5

        def call() -> dict:
            report = pseudonymise_project(self.project, reversible=reversible, use_ner=False)
            return {"changed": report.documents_changed}

        self._rewrite("pseudonymise", call, reversible=reversible)

    def forget(self) -> None:
        self._rewrite("forget", lambda: forget(self.project))

    def remove_source(self) -> None:
        if found := self._imported("SELECT id, sha256 FROM sources s WHERE name <> ? ORDER BY id"):
            source, sha = found
            documents = [row[0] for row in self.project.rows(
                "SELECT id FROM documents WHERE source_id = ? ORDER BY id", [source])]
            self._rewrite("remove_source", lambda: remove_sources(self.project, [source]).as_dict(),
                      sha256=sha, documents=documents)

    def remove_document(self) -> None:
        if found := self._imported("SELECT d.id, s.sha256 FROM documents d JOIN sources s "
                                   "ON s.id = d.source_id WHERE s.name <> ? ORDER BY d.id"):
            document, sha = found
            self._rewrite("remove_document", lambda: remove_documents(self.project, [document]).as_dict(),
                      sha256=sha, documents=[document])


def main(argv: list[str]) -> None:
    project_path, workdir, log_path, seed, *focus = argv
    rng = random.Random(int(seed))
    for module in WARM_UP:
        importlib.import_module(module)
    project = Project.open(project_path)
    if rng.random() < 0.5:
        project.execute(f"SET checkpoint_threshold = '{SMALL_CHECKPOINT}'")
    workload = Workload(project, Path(workdir), AckWriter(Path(log_path)), rng, f"s{seed}",
                        focus[0].split(",") if focus else None)
    print("ready", flush=True)
    while True:
        workload.step()


if __name__ == "__main__":
    main(sys.argv[1:])
