"""What a project must hold after a kill, worked out from the acknowledgement log, and the comparison.

The harness keeps one `Expected` across all kills: every acknowledged action is applied to it, so it is
exactly what the project must hold (codings with their spans and codes, suggestion statuses, memos with
their texts, which imports are in with how many documents, which personal texts are pseudonymised,
whether originals are kept, the last good file of each export). The comparison is exact both ways: a
coding acknowledged and missing is lost work, a coding present that an acknowledged undo or removal took
away is a resurrection, a coding nobody made is corruption.

The action left in flight by the kill is allowed either way, never half: the project must equal the
expected state without it or with it. Which one held is then adopted, with the ids the project gave
the codings it created, so the next kill starts from an exact model again.
"""

from __future__ import annotations

import copy
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


@dataclass(frozen=True)
class Memo:
    kind: str
    target: int | None
    text: str

    def show(self) -> str:
        about = "the project" if self.target is None else f"{self.kind} {self.target}"
        return f"on {about}, «{self.text}»"


@dataclass
class KnownMemo:
    memo: Memo
    why: str


@dataclass
class Known:
    """An expectation and the action it comes from, so that a failure names what was lost and who said so."""

    coding: Coding
    why: str


@dataclass
class Merge:
    """What merging one code into another did, for its undo and redo (the journal's summary names only the
    codes)."""

    source: int
    target: int
    moved: list[int]  # codings that took the target code
    twins: list[int]  # codings dropped as identical to one the target had
    memos: list[int]  # memos on the source code, now on the target


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
    memos: dict[int, Memo]
    originals: int  # rows of `pseudonyms`: originals kept for re-identification
    keys: int  # rows of `pseudonym_keys`


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
        memos={row[0]: Memo(*row[1:])
               for row in project.rows("SELECT id, target_kind, target_id, text FROM memos")},
        originals=project.scalar("SELECT count(*) FROM pseudonyms"),
        keys=project.scalar("SELECT count(*) FROM pseudonym_keys"),
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
    memos: dict[int, KnownMemo] = field(default_factory=dict)
    memos_gone: dict[int, KnownMemo] = field(default_factory=dict)  # deleted or undone
    # Each memo's edits as (before, after), done and undone, in the journal's order: what undo and redo
    # of an edit put back (the journal's summary names the memo, not its texts).
    memo_edits: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    memo_undone: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    originals: tuple[bool | None, str] = (False, "set-up")  # whether `pseudonyms` holds rows (None: unknown)
    keys_forgotten: str | None = None  # why `pseudonym_keys` must be empty, if it must
    exports: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> sha256 of the good file, why
    merges: list[Merge] = field(default_factory=list)  # done and undone merges, in the journal's order
    merges_undone: list[Merge] = field(default_factory=list)
    removed: set[int] = field(default_factory=set)  # codings removed for good with their documents

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
        self.memos = {mid: KnownMemo(memo, why) for mid, memo in snap.memos.items()}
        self.memos_gone = {mid: known for mid, known in self.memos_gone.items() if mid not in snap.memos}
        self.originals = (snap.originals > 0, why)
        self.keys_forgotten = why if self.keys_forgotten and not snap.keys else None

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
        elif kind == "recode":
            self._recode(intent["coding"], intent["code"], why)
        elif kind == "add_memo":
            made = ids if ids is not None else [result["memo"]]
            self._create_memo(made[0], Memo(intent["target_kind"], intent["target_id"], intent["text"]), why)
        elif kind == "edit_memo":
            self._set_memo_text(intent["memo"], intent["text"], why)
            self.memo_edits.setdefault(intent["memo"], []).append((intent["before"], intent["text"]))
        elif kind == "delete_memo":
            self._move_memo(intent["memo"], self.memos, self.memos_gone, why)
        elif kind == "merge_codes":
            merge = self._merge(intent["source"], intent["target"], why)
            if result and result["duplicates"] != len(merge.twins):
                raise ModelError(f"{why}: the merge dropped {result['duplicates']} identical coding(s), "
                                 f"the model {len(merge.twins)}")
            self.merges.append(merge)
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
            self.keys_forgotten = None
            if intent["reversible"] and self.originals[0] is False:
                # Kept when it replaced anything, which an interrupted one does not say.
                self.originals = ((result["changed"] > 0) if result else None, why)
        elif kind == "forget":
            self.originals, self.keys_forgotten = (False, why), why
        elif kind in ("remove_source", "remove_document"):
            self._remove(kind, intent, why)
        elif kind == "export":
            if result:
                self.exports[intent["path"]] = (result["sha256"], why)
        elif kind != "compact":
            raise ModelError(f"{why}: unknown action {kind}")

    def _remove(self, kind: str, intent: dict[str, Any], why: str) -> None:
        """A removal takes documents with their codings for good (no undo brings those back)."""
        imp = self.imports.get(intent["sha256"])
        if imp is None or not imp.present:
            raise ModelError(f"{why}: removes from an import the model does not have")
        imp.documents, imp.why = imp.documents - len(intent["documents"]), why
        if kind == "remove_source" or not imp.documents:  # a source left without documents goes too
            imp.present = False
            self.anonymous.pop(intent["sha256"], None)
        if self.originals[0] is not False:  # the originals only the removed texts used go with them
            self.originals = (None, why)
        documents = set(intent["documents"])
        for cid in [cid for cid, known in self.codings.items() if known.coding.doc in documents]:
            del self.codings[cid]
            self.removed.add(cid)
        self.removed |= {cid for cid, known in self.gone.items() if known.coding.doc in documents}

    def _merge(self, source: int, target: int, why: str) -> Merge:
        """The source code's codings take the target code, but those a coder also holds with the target
        code on the same span go; memos on the source code move to the target."""
        held = {(k.coding.doc, k.coding.coder, k.coding.start, k.coding.end)
                for k in self.codings.values() if k.coding.code == target}
        merge = Merge(source, target, [], [], [])
        for cid, known in sorted(self.codings.items()):
            if known.coding.code == source:
                twin = (known.coding.doc, known.coding.coder, known.coding.start, known.coding.end) in held
                (merge.twins if twin else merge.moved).append(cid)
        merge.memos = sorted(mid for mid, known in self.memos.items()
                             if known.memo.kind == "code" and known.memo.target == source)
        self._redo_merge(merge, why)
        return merge

    def _redo_merge(self, merge: Merge, why: str) -> None:
        for cid in merge.twins:
            if cid not in self.removed:
                self._take(cid, why)
        for cid in merge.moved:
            if cid not in self.removed:
                self._recode(cid, merge.target, why)
        for mid in merge.memos:
            self.memos[mid] = KnownMemo(replace(self.memos[mid].memo, target=merge.target), why)

    def _undo_merge(self, merge: Merge, why: str) -> None:
        """Codings removed since with their documents are out of the journal's entry (trimmed), hence out of
        its undo and redo."""
        for cid in merge.moved:
            if cid not in self.removed:
                self._recode(cid, merge.source, why)
        for cid in merge.twins:
            if cid not in self.removed:
                self._restore(cid, why)
        for mid in merge.memos:
            self.memos[mid] = KnownMemo(replace(self.memos[mid].memo, target=merge.source), why)

    def _recode(self, coding_id: int, code: int, why: str) -> None:
        if coding_id not in self.codings:
            raise ModelError(f"{why}: recodes coding {coding_id}, which should not be there")
        self.codings[coding_id] = Known(replace(self.codings[coding_id].coding, code=code), why)

    def _create_memo(self, memo_id: int, memo: Memo, why: str) -> None:
        if memo_id in self.memos or memo_id in self.memos_gone:
            raise ModelError(f"{why}: made memo {memo_id}, an id already used")
        self.memos[memo_id] = KnownMemo(memo, why)

    def _set_memo_text(self, memo_id: int, text: str, why: str) -> None:
        if memo_id not in self.memos:
            raise ModelError(f"{why}: edits memo {memo_id}, which should not be there")
        self.memos[memo_id] = KnownMemo(replace(self.memos[memo_id].memo, text=text), why)

    @staticmethod
    def _move_memo(memo_id: int, source: dict[int, KnownMemo], target: dict[int, KnownMemo],
                   why: str) -> None:
        if memo_id not in source:
            raise ModelError(f"{why}: moves memo {memo_id}, which is not where the model has it")
        target[memo_id] = KnownMemo(source.pop(memo_id).memo, why)

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
        elif name == "recode":
            self._recode(summary["coding_id"], summary["before"] if undoing else summary["after"], why)
        elif name in ("add_memo", "delete_memo"):
            shown, hidden = self.memos, self.memos_gone
            if undoing == (name == "add_memo"):
                self._move_memo(summary["memo_id"], shown, hidden, why)
            else:
                self._move_memo(summary["memo_id"], hidden, shown, why)
        elif name == "merge_codes":
            done, undone = (self.merges, self.merges_undone) if undoing else (self.merges_undone, self.merges)
            merge = done.pop() if done else None
            if merge is None or (merge.source, merge.target) != (summary["source_id"], summary["target_id"]):
                raise ModelError(f"{why}: the model's last merge is not {summary['source_id']} into "
                                 f"{summary['target_id']}")
            (self._undo_merge if undoing else self._redo_merge)(merge, why)
            undone.append(merge)
        elif name == "edit_memo":
            memo = summary["memo_id"]
            done, undone = self.memo_edits.setdefault(memo, []), self.memo_undone.setdefault(memo, [])
            source, target = (done, undone) if undoing else (undone, done)
            if not source:
                raise ModelError(f"{why}: no edit of memo {memo} to {'undo' if undoing else 'redo'}")
            before, after = source.pop()
            target.append((before, after))
            self._set_memo_text(memo, before if undoing else after, why)
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
        elif action.kind == "add_memo":
            memo = Memo(*(action.intent[key] for key in ("target_kind", "target_id", "text")))
            ids = [mid for mid, found in snap.memos.items()
                   if mid not in self.memos and mid not in self.memos_gone and found == memo]
            if len(ids) != 1:
                return None
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
        for mid, known in sorted(self.memos.items()):
            actual = snap.memos.get(mid)
            if actual is None:
                found.append(f"memo {mid} ({known.memo.show()}) is missing; {known.why} left it")
            elif actual != known.memo:
                found.append(f"memo {mid} is {actual.show()}, but {known.why} left it {known.memo.show()}")
        for mid in sorted(set(snap.memos) - set(self.memos)):
            gone = self.memos_gone.get(mid)
            took = f", but {gone.why} took it away" if gone else ", but nothing wrote it"
            found.append(f"memo {mid} ({snap.memos[mid].show()}) is present{took}")
        kept, why = self.originals
        if kept is not None and kept != (snap.originals > 0):
            found.append(f"the project keeps {snap.originals} original(s) for re-identification, but {why} "
                         f"left {'some' if kept else 'none'}")
        if self.keys_forgotten and snap.keys:
            found.append(f"the project keeps {snap.keys} pseudonym key(s), "
                         f"but {self.keys_forgotten} forgot them")
        return found

