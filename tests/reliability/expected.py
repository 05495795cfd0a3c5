"""What a project must hold after a kill, worked out from the acknowledgement log, and the comparison.

The harness keeps one `Expected` across all kills: every acknowledged action is applied to it, so it is
exactly what the project must hold (codings with their spans, suggestion statuses, which imports are in
with how many documents, which personal texts are pseudonymised). The comparison is exact both ways: a
coding acknowledged and missing is lost work, a coding present that an acknowledged undo or removal took
away is a resurrection, a coding nobody made is corruption.

The action left in flight by the kill is allowed either way, never half: the project must equal the
expected state without it or with it. Which one held is then adopted, with the ids the project gave
the codings it created, so the next kill starts from an exact model again.
"""

from __future__ import annotations

import copy
import csv
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from acklog import Action
from corpus import PII_DOMAIN

from workbench.project import Project


@dataclass(frozen=True)
class Coding:
    doc: int
    code: int
    coder: int
    start: int
    end: int
    suggestion: int | None = None

    def show(self) -> str:
        made = f", from suggestion {self.suggestion}" if self.suggestion is not None else ""
        return f"document {self.doc}, code {self.code}, coder {self.coder}, [{self.start}, {self.end}){made}"


@dataclass
class Known:
    """An expectation and the action it comes from, so that a failure names what was lost and who said so."""

    coding: Coding
    why: str


@dataclass
class Import:
    path: str
    documents: int
    personal: bool
    present: bool
    why: str


@dataclass
class Snapshot:
    """What a reopened project holds, in the terms of `Expected`."""

    codings: dict[int, Coding]
    suggestions: dict[int, str]
    sources: dict[str, int]  # sha256 of each source -> its documents
    personal: dict[str, int]  # sha256 -> its documents still holding an e-mail address of the corpus


def take_snapshot(project: Project) -> Snapshot:
    codings = {row[0]: Coding(*row[1:]) for row in project.rows(
        "SELECT id, document_id, code_id, coder_id, start_pos, end_pos, suggestion_id FROM codings")}
    return Snapshot(
        codings=codings,
        suggestions=dict(project.rows("SELECT id, status FROM suggestions")),
        sources=dict(project.rows("SELECT s.sha256, count(d.id) FROM sources s "
                                  "LEFT JOIN documents d ON d.source_id = s.id GROUP BY s.sha256")),
        personal=dict(project.rows("SELECT s.sha256, count(*) FROM documents d JOIN sources s "
                                   "ON s.id = d.source_id WHERE contains(d.text, ?) GROUP BY s.sha256",
                                   [PII_DOMAIN])),
    )


class ModelError(AssertionError):
    """The log says something the model cannot follow (an undo of another action than announced)."""


@dataclass
class Expected:
    reviewer: int
    suggestion_spans: dict[int, tuple[int, int, int, int]]  # id -> document, code, start, end
    codings: dict[int, Known] = field(default_factory=dict)
    gone: dict[int, Known] = field(default_factory=dict)  # removed or undone, restored by undo or redo
    suggestions: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> status, why
    imports: dict[str, Import] = field(default_factory=dict)  # by sha256
    anonymous: dict[str, str] = field(default_factory=dict)  # sha256 of a personal import -> why

    @classmethod
    def from_project(cls, project: Project, reviewer: int) -> Expected:
        """The state the harness built, before any kill."""
        snap = take_snapshot(project)
        spans = {row[0]: tuple(row[1:]) for row in project.rows(
            "SELECT id, document_id, code_id, start_pos, end_pos FROM suggestions")}
        expected = cls(reviewer, spans)
        expected.adopt(snap, "set-up")
        return expected

    def adopt(self, snap: Snapshot, why: str) -> None:
        """Take the project's state as the truth: at set-up, and after a failure, so that later kills are
        judged on their own."""
        self.codings = {cid: Known(coding, why) for cid, coding in snap.codings.items()}
        self.gone = {cid: known for cid, known in self.gone.items() if cid not in snap.codings}
        self.suggestions = {sid: (status, why) for sid, status in snap.suggestions.items()}
        for sha, imp in self.imports.items():
            imp.present, imp.why = sha in snap.sources, why
            imp.documents = snap.sources.get(sha, imp.documents)
        self.anonymous = {sha: why for sha, why in self.anonymous.items() if not snap.personal.get(sha)}

    # -- applying actions -------------------------------------------------------------------------
    def apply(self, action: Action, why: str, ids: list[int] | None = None) -> None:
        """Apply one action. `ids` are the codings it created, when the log could not say (in flight)."""
        intent, result = action.intent, action.result or {}
        kind = action.kind
        if kind == "apply_code":
            made = ids if ids is not None else [result["coding"]]
            coding = Coding(intent["doc"], intent["code"], intent["coder"], intent["start"], intent["end"])
            self._create(made[0], coding, why)
        elif kind == "accept":
            made = ids if ids is not None else result["codings"]
            for sid, cid in zip(intent["suggestions"], made, strict=True):
                doc, code, start, end = self.suggestion_spans[sid]
                self._create(cid, Coding(doc, code, self.reviewer, start, end, sid), why)
                self.suggestions[sid] = ("accepted", why)
        elif kind == "reject":
            for sid in intent["suggestions"]:
                self.suggestions[sid] = ("rejected", why)
        elif kind == "remove_coding":
            self._take(intent["coding"], why)
        elif kind == "resize_coding":
            self._resize(intent["coding"], intent["start"], intent["end"], why)
        elif kind in ("undo", "redo"):
            if result and result["target"] != intent["target"]:
                raise ModelError(f"{why}: {kind} replayed journal entry {result['target']}, "
                                 f"not {intent['target']} as announced")
            self._replay(intent["action"], intent["summary"], kind == "undo", why)
        elif kind == "import":
            if result and (result["status"], result["documents"]) != ("imported", intent["documents"]):
                raise ModelError(f"{why}: importing {intent['path']} gave {result}, expected "
                                 f"{intent['documents']} documents imported")
            self.imports[intent["sha256"]] = Import(intent["path"], intent["documents"], intent["personal"],
                                                    True, why)
        elif kind == "pseudonymise":
            for sha, imp in self.imports.items():
                if imp.present and imp.personal:
                    self.anonymous.setdefault(sha, why)
        elif kind != "export":
            raise ModelError(f"{why}: unknown action {kind}")

    def _create(self, coding_id: int, coding: Coding, why: str) -> None:
        if coding_id in self.codings or coding_id in self.gone:
            raise ModelError(f"{why}: made coding {coding_id}, an id already used")
        self.codings[coding_id] = Known(coding, why)

    def _take(self, coding_id: int, why: str) -> None:
        if coding_id not in self.codings:
            raise ModelError(f"{why}: takes away coding {coding_id}, which should not be there")
        self.gone[coding_id] = Known(self.codings.pop(coding_id).coding, why)

    def _restore(self, coding_id: int, why: str) -> None:
        if coding_id not in self.gone:
            raise ModelError(f"{why}: brings back coding {coding_id}, which was never taken away")
        self.codings[coding_id] = Known(self.gone.pop(coding_id).coding, why)

    def _resize(self, coding_id: int, start: int, end: int, why: str) -> None:
        if coding_id not in self.codings:
            raise ModelError(f"{why}: resizes coding {coding_id}, which should not be there")
        self.codings[coding_id] = Known(replace(self.codings[coding_id].coding, start=start, end=end), why)

    def _replay(self, name: str, summary: dict[str, Any], undoing: bool, why: str) -> None:
        """The effect of undoing (or redoing) one journalled action, from its summary."""
        why = f"{why} of {name}"
        if name == "apply_code":
            (self._take if undoing else self._restore)(summary["coding_id"], why)
        elif name == "remove_coding":
            (self._restore if undoing else self._take)(summary["coding_id"], why)
        elif name == "resize_coding":
            start, end = summary["before"] if undoing else summary["after"]
            self._resize(summary["coding_id"], start, end, why)
        elif name in ("accept_suggestions", "reject_suggestions"):
            status = "pending" if undoing else name.removesuffix("_suggestions") + "ed"
            for sid in summary["suggestions"]:
                self.suggestions[sid] = (status, why)
            for cid in summary.get("codings", []):
                (self._take if undoing else self._restore)(cid, why)
        else:
            raise ModelError(f"{why}: the workload does not undo {name}")

    def with_in_flight(self, action: Action, snap: Snapshot, why: str) -> Expected | None:
        """The expected state had the in-flight action committed, with the ids of the codings it would
        have made found in the project; None when the project holds no such codings."""
        ids = None
        if action.kind == "apply_code":
            coding = Coding(*(action.intent[key] for key in ("doc", "code", "coder", "start", "end")))
            ids = self._new_ids(snap, lambda c: c == coding)
            if len(ids) != 1:
                return None
        elif action.kind == "accept":
            ids = []
            for sid in action.intent["suggestions"]:
                found = self._new_ids(snap, lambda c, sid=sid: c.suggestion == sid)
                if len(found) != 1:
                    return None
                ids += found
        other = copy.deepcopy(self)
        other.apply(action, why, ids)
        return other

    def _new_ids(self, snap: Snapshot, matches: Any) -> list[int]:
        return [cid for cid, coding in snap.codings.items() if cid not in self.codings and matches(coding)]

    def without_in_flight(self, action: Action, why: str) -> Expected:
        """The expected state had the in-flight action not committed."""
        other = copy.deepcopy(self)
        other.not_done(action, why)
        return other

    def not_done(self, action: Action, why: str) -> None:
        """Record that an action wrote nothing (refused, or interrupted before its commit). Only an import
        needs it: its source must then be absent, where other actions leave nothing to look for."""
        if action.kind == "import":
            intent = action.intent
            self.imports[intent["sha256"]] = Import(intent["path"], intent["documents"], intent["personal"],
                                                    False, why)

    # -- comparing --------------------------------------------------------------------------------
    def differences(self, snap: Snapshot) -> list[str]:
        """Everything the project holds differently from this state, each said in full."""
        found = []
        for cid, known in sorted(self.codings.items()):
            actual = snap.codings.get(cid)
            if actual is None:
                found.append(f"coding {cid} ({known.coding.show()}) is missing; {known.why} made it")
            elif actual != known.coding:
                found.append(f"coding {cid} is {actual.show()}, "
                             f"but {known.why} left it {known.coding.show()}")
        for cid in sorted(set(snap.codings) - set(self.codings)):
            present = f"coding {cid} ({snap.codings[cid].show()}) is present"
            if cid in self.gone:
                found.append(f"{present}, but {self.gone[cid].why} took it away")
            else:
                found.append(f"{present}, but no action made it")
        for sid, (status, why) in sorted(self.suggestions.items()):
            actual = snap.suggestions.get(sid)
            if actual != status:
                found.append(f"suggestion {sid} is {actual or 'missing'}, but {why} left it {status}")
        for sha, imp in self.imports.items():
            documents = snap.sources.get(sha)
            name = Path(imp.path).name
            if imp.present and documents != imp.documents:
                found.append(f"import of {name} ({imp.why}) should have {imp.documents} document(s), "
                             f"has {'no source row' if documents is None else documents}")
            if not imp.present and documents is not None:
                found.append(f"import of {name} ({imp.why}) should be absent, "
                             f"has a source row and {documents} of its {imp.documents} document(s)")
        for sha, why in self.anonymous.items():
            if snap.personal.get(sha):
                name = Path(self.imports[sha].path).name
                found.append(f"{snap.personal[sha]} document(s) of import {name} hold an e-mail address, "
                             f"though {why} pseudonymised them")
        return found


def export_problem(action: Action) -> str | None:
    """What is wrong with the file of an acknowledged export, if anything: it must be there, whole."""
    path = Path(action.intent["path"])
    export = f"{path.name} of acknowledged {action.label()}"
    if not path.exists():
        return f"{export} is missing"
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = sum(1 for _ in csv.reader(handle)) - 1
        if rows != action.result["rows"]:
            return f"{export} has {rows} data rows, the export wrote {action.result['rows']}"
        return None
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        names = load_workbook(path, read_only=True).sheetnames
    except (BadZipFile, OSError, KeyError, ValueError) as exc:  # how openpyxl says a workbook is not whole
        return f"{export} does not open: {exc}"
    if names != list(action.result["sheets"]):
        return f"{export} has sheets {names}, not {list(action.result['sheets'])}"
    return None
