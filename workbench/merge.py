"""Team projects: bringing colleagues' copies of the same documents back into one project.

A team hands out copies of one project (a backup, `Project.copy_into`) and each coder codes their copy.
`merge_projects` reads each copy and brings into the target what the target does not hold yet: coders
with their roles, codes a coder added, codings, memos and review decisions, each kept under the coder who
made it and with its date. What a copy and the target hold both is matched, never guessed:

- documents by id and text (SHA-256 of the stored text); a document whose id is taken by another text
  is looked for by its text alone, and one the target lacks, or holds with another text, is skipped;
- codes by GUID, then by scheme key, then by path; a code found by GUID or key under another path in
  the target (renamed or moved differently) is a conflict and its codings are skipped;
- coders by name; one whose role differs in the target is a conflict and their work is skipped;
- codings by GUID, then by what they are (document, code, span, coder); decisions by document, span and
  code, a suggestion decided otherwise in the target being a conflict; memos by author, target and
  creation date, the later edit's text kept (a memo the target edited last is reported, not overwritten);
- a code or coding the target's journal shows deleted (or a code merged away) since is not brought back.

Conflicts *skip* the items they touch, each reason reported once with what it held back; everything else
from the copy comes across. After the conflict is resolved (a code renamed to agree, a role changed), the
same merge brings exactly what was skipped, since what is already there is recognised and counted, not
added again: merging a copy twice adds nothing. A file that is not a readable project, is the target, or
shares no document with it is refused whole, in one line.

Each copy is one journalled action (`merge_project`), so one undo takes one copy back; the whole merge is
one transaction, so a cancelled or failed merge leaves the target as it was. A copy that brings nothing
new writes no action.
"""

from __future__ import annotations

import json
import shlex
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.codebook import insert_code
from workbench.errors import WorkbenchError
from workbench.journal import Entry, Recorder, action
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project, open_in_this_process
from workbench.reports import plural
from workbench.store import codings as coding_store
from workbench.store import memos as memo_store
from workbench.store import suggestions as suggestion_store
from workbench.store.coders import add_coder

MERGE_ACTION = "merge_project"
_CODE_FIELDS = ("key", "scheme", "color", "description", "inclusion", "exclusion", "indicators", "examples",
                "translations", "attributes", "codable")
_NEW = -1  # a code or coder the merge creates: its id is known only once it is written


class MergeRefused(WorkbenchError):
    """A whole copy cannot be merged (not a project, the target itself, no document in common)."""


@dataclass
class SourceReport:
    """What one copy brought, what the target held already, and what was skipped and why."""

    path: str
    added: Counter[str] = field(default_factory=Counter)  # codings, memos, memo edits, decisions, codes, coders
    already: int = 0
    skipped: dict[str, Counter[str]] = field(default_factory=dict)  # reason -> {item kind: count}
    refused: str | None = None
    coders: list[str] = field(default_factory=list)  # whose codings the copy holds on matched documents

    def skip(self, reason: str, kind: str) -> None:
        self.skipped.setdefault(reason, Counter())[kind] += 1

    @property
    def nothing_new(self) -> bool:
        return self.refused is None and not sum(self.added.values())

    def lines(self) -> list[str]:
        name = Path(self.path).name
        if self.refused is not None:
            return [f"{name}: refused: {self.refused}"]
        if self.nothing_new:
            head = f"{name}: nothing new, the target already holds all it could bring ({plural(self.already, 'item')})"
        else:
            parts = [plural(self.added[kind], singular) for kind, singular in
                     (("codings", "coding"), ("memos", "memo"), ("memo edits", "memo edit"),
                      ("decisions", "review decision"),
                      ("codes", "new code"), ("coders", "new coder")) if self.added[kind]]
            held = f"; {plural(self.already, 'item')} already in the target" if self.already else ""
            head = f"{name}: brought {', '.join(parts)}{held}"
        skipped = [f"{name}: skipped: {reason} ({', '.join(plural(n, kind) for kind, n in sorted(kinds.items()))})"
                   for reason, kinds in self.skipped.items()]
        return [head, *skipped]


@dataclass
class MergeReport:
    """Every copy's report, and the agreement between the coders now side by side in the target."""

    target: str
    sources: list[SourceReport] = field(default_factory=list)
    agreement: list[str] = field(default_factory=list)

    def summary(self) -> str:
        merged = [source for source in self.sources if source.refused is None and not source.nothing_new]
        codings = sum(source.added["codings"] for source in self.sources)
        skipped = sum(sum(kinds.values()) for source in self.sources for kinds in source.skipped.values())
        refused = sum(source.refused is not None for source in self.sources)
        text = f"merged {plural(len(merged), 'project')} into {Path(self.target).name} ({plural(codings, 'coding')} added"
        text += f", {plural(skipped, 'item')} skipped" if skipped else ""
        text += f", {plural(refused, 'file')} refused" if refused else ""
        return text + ")"

    @property
    def failures(self) -> list[str]:
        """One line per refused file and per reason for skipping: the conflicts to resolve."""
        return [line for source in self.sources for line in source.lines()[0 if source.refused else 1:]]

    def lines(self) -> list[str]:
        """The whole report, as the command line prints it and the window shows it."""
        return [line for source in self.sources for line in source.lines()] + self.agreement


# -- reading a copy ---------------------------------------------------------------------------------------
@dataclass
class _Copy:
    """What a copy holds that a merge can bring, read once, the file then closed."""

    coders: dict[int, tuple[str, str]]
    codes: dict[int, dict[str, Any]]
    documents: dict[int, tuple[str | None, str]]  # id -> (title, SHA-256 of the text)
    codings: list[dict[str, Any]]
    memos: list[dict[str, Any]]
    decisions: list[dict[str, Any]]


def _paths(codes: dict[int, dict[str, Any]]) -> dict[int, str]:
    """id -> "Parent/Child" path of every code (depth-capped against a damaged tree)."""
    def path(code_id: int) -> str:
        names: list[str] = []
        current: int | None = code_id
        while current is not None and current in codes and len(names) < 100:
            names.append(codes[current]["name"])
            current = codes[current]["parent_id"]
        return "/".join(reversed(names))
    return {code_id: path(code_id) for code_id in codes}


def _read_codes(project: Project) -> dict[int, dict[str, Any]]:
    columns = ", ".join(("id", "guid", "parent_id", "name", *_CODE_FIELDS))
    codes = {row["id"]: row for row in project.dicts(f"SELECT {columns} FROM codes ORDER BY id")}
    for code_id, path in _paths(codes).items():
        codes[code_id]["path"] = path
    return codes


def _read_copy(path: Path) -> _Copy:
    with Project.open(path, read_only=True) as copy:
        codings = copy.dicts("SELECT id, guid, document_id, code_id, start_pos, end_pos, coder_id, origin, "
                             "suggestion_id, created_at FROM codings ORDER BY id")
        memos = copy.dicts("SELECT id, target_kind, target_id, coder_id, text, created_at, updated_at "
                           "FROM memos ORDER BY id")
        decisions = copy.dicts("SELECT id, document_id, start_pos, end_pos, code_id, score, explanation, status, "
                               "relabel_code_id, unit_kind, unit_id, reviewed_by, reviewed_at FROM suggestions "
                               "WHERE status <> 'pending' ORDER BY id")
        coding_documents = {row["id"]: row["document_id"] for row in codings}
        wanted = {row["document_id"] for row in codings} | {row["document_id"] for row in decisions}
        wanted |= {row["target_id"] for row in memos if row["target_kind"] == "document"}
        wanted |= {coding_documents[row["target_id"]] for row in memos
                   if row["target_kind"] == "coding" and row["target_id"] in coding_documents}
        documents = {int(row[0]): (row[1], row[2]) for row in copy.rows(
            "SELECT id, title, sha256(text) FROM documents WHERE id IN (SELECT unnest(?::BIGINT[]))",
            [sorted(wanted)])}
        coders = {int(row[0]): (row[1], row[2]) for row in copy.rows("SELECT id, name, role FROM coders")}
        return _Copy(coders, _read_codes(copy), documents, codings, memos, decisions)


# -- matching ---------------------------------------------------------------------------------------------
def _match_documents(project: Project, copy: _Copy, report: SourceReport) -> tuple[dict[int, int], dict[int, str]]:
    """(copy id -> target id, copy id -> why it is skipped): by id and text, else by text alone."""
    ids = sorted(copy.documents)
    here = {int(row[0]): row[1] for row in project.rows(
        "SELECT id, sha256(text) FROM documents WHERE id IN (SELECT unnest(?::BIGINT[]))", [ids])}
    matched = {doc: doc for doc in ids if here.get(doc) == copy.documents[doc][1]}
    loose = {copy.documents[doc][1] for doc in ids if doc not in matched}
    by_text: dict[str, list[int]] = {}
    if loose:
        for doc, digest in project.rows("SELECT id, sha256(text) FROM documents WHERE sha256(text) IN "
                                        "(SELECT unnest(?::VARCHAR[])) ORDER BY id", [sorted(loose)]):
            by_text.setdefault(digest, []).append(int(doc))
    reasons: dict[int, str] = {}
    for doc in ids:
        if doc in matched:
            continue
        title, digest = copy.documents[doc]
        named = f"document {doc}" + (f" «{title}»" if title else "")
        found = by_text.get(digest, [])
        if len(found) == 1:
            matched[doc] = found[0]
        elif len(found) > 1:
            reasons[doc] = f"{named}: its text is held by {len(found)} documents of the target ({', '.join(map(str, found))})"
        elif doc in here:
            reasons[doc] = f"{named}: its text differs from the target's document {doc}"
        else:
            reasons[doc] = f"{named}: the target does not hold this text"
    if copy.documents and not matched:
        raise MergeRefused("it holds none of the target's documents (same texts are needed: merge copies of "
                           "one project)")
    return matched, reasons


def _deleted_guids(project: Project) -> dict[str, set[str]]:
    """GUIDs of the codes and codings deleted (or merged away) in the project by an action that stands, read
    from its journal: a copy made before still holds them, and bringing them back would undo someone's
    decision without a word."""
    deleted: dict[str, set[str]] = {"codes": set(), "codings": set()}
    for row in project.rows("SELECT id, action, payload FROM journal WHERE NOT undone AND action NOT IN "
                            "('undo', 'redo') AND payload LIKE '%\"delete\"%' ORDER BY id"):
        for change in Entry.parse(*row).changes:
            if change.op == "delete" and change.table in deleted and change.row:
                deleted[change.table].add(str(change.row.get("guid")))
    return deleted


def _match_codes(project: Project, copy: _Copy, deleted: set[str]) -> tuple[dict[int, int], dict[int, str]]:
    """(copy id -> target id or _NEW, copy id -> why its codings are skipped)."""
    target = _read_codes(project)
    by_guid = {code["guid"]: code for code in target.values()}
    by_key = {(code["scheme"], code["key"]): code for code in target.values() if code["key"] is not None}
    by_path = {code["path"].casefold(): code for code in target.values()}
    mapped: dict[int, int] = {}
    reasons: dict[int, str] = {}
    for code_id in sorted(copy.codes, key=lambda c: (copy.codes[c]["path"].count("/"), c)):
        code = copy.codes[code_id]
        path = code["path"]
        found = by_guid.get(code["guid"])
        how = "GUID"
        if found is None and code["key"] is not None:
            found, how = by_key.get((code["scheme"], code["key"])), "key"
        if found is not None and found["path"] != path:
            reasons[code_id] = (f"code «{path}» is «{found['path']}» in the target (same {how}: renamed or moved "
                                "differently; make the names agree, then merge again)")
        elif found is not None:
            mapped[code_id] = found["id"]
        elif path.casefold() in by_path:
            mapped[code_id] = by_path[path.casefold()]["id"]
        elif code["guid"] in deleted:
            reasons[code_id] = f"code «{path}» was deleted or merged into another in the target"
        elif code["parent_id"] is not None and code["parent_id"] not in mapped:
            reasons[code_id] = f"code «{path}»: its parent code was skipped"
        else:
            mapped[code_id] = _NEW
    return mapped, reasons


def _match_coders(project: Project, copy: _Copy) -> tuple[dict[int, int], dict[int, str]]:
    """(copy id -> target id or _NEW, copy id -> why their work is skipped)."""
    here = {row[0]: (int(row[1]), row[2]) for row in project.rows("SELECT name, id, role FROM coders")}
    mapped: dict[int, int] = {}
    reasons: dict[int, str] = {}
    for coder_id, (name, role) in copy.coders.items():
        if name not in here:
            mapped[coder_id] = _NEW
        elif here[name][1] != role:
            reasons[coder_id] = (f"coder {name} is {role} in this copy but {here[name][1]} in the target "
                                 "(change one role so they agree, then merge again)")
        else:
            mapped[coder_id] = here[name][0]
    return mapped, reasons


# -- merging one copy ---------------------------------------------------------------------------------------
class _Merger:
    """Merges one copy that was read into the target; every skip is reported under its reason."""

    def __init__(self, project: Project, copy: _Copy, report: SourceReport) -> None:
        self.project, self.copy, self.report = project, copy, report
        self.documents, self.document_reasons = _match_documents(project, copy, report)
        self.deleted = _deleted_guids(project)
        self.codes, self.code_reasons = _match_codes(project, copy, self.deleted["codes"])
        self.coders, self.coder_reasons = _match_coders(project, copy)
        self.coding_ids: dict[int, int] = {}  # copy coding -> target coding
        self.suggestion_ids: dict[int, int] = {}  # copy suggestion -> target suggestion

    def _blocked(self, kind: str, *, document: int | None = None, codes: Sequence[int | None] = (),
                 coder: int | None = None) -> bool:
        """Whether an item waits on something skipped; if so the reason is reported for it."""
        for key, reasons in ((coder, self.coder_reasons), (document, self.document_reasons)):
            if key is not None and key in reasons:
                self.report.skip(reasons[key], kind)
                return True
        for code in codes:
            if code is not None and code in self.code_reasons:
                self.report.skip(self.code_reasons[code], kind)
                return True
        return False

    def _create_coders_and_codes(self, rec: Recorder) -> None:
        for coder_id, target_id in sorted(self.coders.items()):
            if target_id == _NEW:
                name, role = self.copy.coders[coder_id]
                self.coders[coder_id] = add_coder(self.project, name, role)
                self.report.added["coders"] += 1
        for code_id in sorted(self.codes, key=lambda c: (self.copy.codes[c]["path"].count("/"), c)):
            if self.codes[code_id] != _NEW:
                continue
            code = self.copy.codes[code_id]
            fields = {name: code[name] for name in _CODE_FIELDS}
            for name in ("translations", "attributes"):
                if isinstance(fields[name], str):
                    fields[name] = json.loads(fields[name])
            parent = self.codes.get(code["parent_id"]) if code["parent_id"] is not None else None
            try:
                self.codes[code_id] = insert_code(rec, code["name"], parent, guid=code["guid"], **fields)
            except WorkbenchError as exc:
                del self.codes[code_id]
                self.code_reasons[code_id] = f"code «{code['path']}» could not be created: {exc}"
                continue
            self.report.added["codes"] += 1

    def _decisions(self, rec: Recorder) -> None:
        for row in self.copy.decisions:
            relabel = row["relabel_code_id"]
            if self._blocked("review decision", document=row["document_id"], codes=(row["code_id"], relabel),
                             coder=row["reviewed_by"]):
                continue
            document, code = self.documents[row["document_id"]], self.codes[row["code_id"]]
            relabel_here = None if relabel is None else self.codes[relabel]
            reviewer = None if row["reviewed_by"] is None else self.coders[row["reviewed_by"]]
            found = self.project.rows(
                "SELECT id, status, relabel_code_id FROM suggestions WHERE document_id = ? AND start_pos = ? "
                "AND end_pos = ? AND code_id = ? ORDER BY status = 'pending' DESC, id",
                [document, row["start_pos"], row["end_pos"], code])
            same = [hit for hit in found if (hit[1], hit[2]) == (row["status"], relabel_here)]
            if same:
                self.suggestion_ids[row["id"]] = int(same[0][0])
                self.report.already += 1
                continue
            pending = [hit for hit in found if hit[1] == "pending"]
            if found and not pending:
                self.report.skip(f"document {row['document_id']} [{row['start_pos']}, {row['end_pos']}): the "
                                 f"suggestion of «{self.copy.codes[row['code_id']]['path']}» was {row['status']} "
                                 f"in this copy but {found[0][1]} in the target", "review decision")
                continue
            if pending:
                suggestion_id = int(pending[0][0])
            else:
                unit = (row["unit_kind"], document) if row["unit_kind"] == "document" else (None, None)
                explanation = row["explanation"]
                suggestion_id = suggestion_store.file(rec, None, suggestion_store.Proposal(
                    document, row["start_pos"], row["end_pos"], code, float(row["score"]),
                    json.loads(explanation) if isinstance(explanation, str) else explanation or {}, *unit))
            suggestion_store.decide(rec, suggestion_id, row["status"], relabel_here, reviewer=reviewer,
                                    at=row["reviewed_at"])
            self.suggestion_ids[row["id"]] = suggestion_id
            self.report.added["decisions"] += 1

    def _held(self) -> tuple[dict[str, tuple[int, tuple[int, ...]]], dict[tuple[int, ...], int]]:
        """The target's codings that a copy's codings may already be, read in two statements rather than
        one lookup per coding: by GUID (id, what it is) and by what they are (document, code, span, coder)."""
        guids = [row["guid"] for row in self.copy.codings]
        by_guid = {row[0]: (int(row[1]), tuple(row[2:])) for row in self.project.rows(
            "SELECT guid, id, document_id, code_id, start_pos, end_pos, coder_id FROM codings "
            "WHERE guid IN (SELECT unnest(?::VARCHAR[]))", [guids])}
        by_content = {tuple(row[1:]): int(row[0]) for row in self.project.rows(
            "SELECT id, document_id, code_id, start_pos, end_pos, coder_id FROM codings "
            "WHERE document_id IN (SELECT unnest(?::BIGINT[])) ORDER BY id DESC", [sorted(set(self.documents.values()))])}
        return by_guid, by_content

    def _codings(self, rec: Recorder, cancel: CancelToken | None) -> None:
        by_guid, by_content = self._held()
        for index, row in enumerate(self.copy.codings):
            if cancel is not None and index % 500 == 0:
                cancel.check()
            if self._blocked("coding", document=row["document_id"], codes=(row["code_id"],), coder=row["coder_id"]):
                continue
            document, code, coder = (self.documents[row["document_id"]], self.codes[row["code_id"]],
                                     self.coders[row["coder_id"]])
            content = (document, code, row["start_pos"], row["end_pos"], coder)
            same_guid = by_guid.get(row["guid"])
            if same_guid is not None and same_guid[1] != content:
                self.report.skip(f"coding {row['guid']} ({self.copy.coders[row['coder_id']][0]}, document "
                                 f"{row['document_id']}) was changed differently in the target (its span, code "
                                 "or coder differs)", "coding")
                continue
            existing = same_guid[0] if same_guid is not None else by_content.get(content)
            if existing is not None:
                self.coding_ids[row["id"]] = existing
                self.report.already += 1
                continue
            if row["guid"] in self.deleted["codings"]:
                self.report.skip("codings deleted in the target since this copy was made", "coding")
                continue
            try:
                checked = coding_store.validate(self.project, document, code, coder, row["start_pos"], row["end_pos"])
            except WorkbenchError as exc:
                self.report.skip(f"document {row['document_id']}: {exc}", "coding")
                continue
            self.coding_ids[row["id"]] = by_content[content] = coding_store.insert(
                rec, document, code, coder, checked, origin=row["origin"],
                suggestion_id=self.suggestion_ids.get(row["suggestion_id"]), guid=row["guid"],
                created_at=row["created_at"])
            self.report.added["codings"] += 1

    def _memos(self, rec: Recorder) -> None:
        """The copy's memos: a memo the target holds too (same author, target and creation date) takes the
        copy's text when the copy's edit is the later one; any other memo is added, unless the target has
        its very text."""
        coding_documents = {row["id"]: row["document_id"] for row in self.copy.codings}
        written = Counter((row["target_kind"], row["target_id"], row["coder_id"], row["created_at"])
                          for row in self.copy.memos)
        for row in self.copy.memos:
            kind, about = row["target_kind"], row["target_id"]
            document = about if kind == "document" else coding_documents.get(about) if kind == "coding" else None
            if self._blocked("memo", document=document, codes=(about,) if kind == "code" else (),
                             coder=row["coder_id"]):
                continue
            target = {"project": lambda _: None, "document": self.documents.get, "code": self.codes.get,
                      "coding": self.coding_ids.get}[kind](about)
            if kind != "project" and target is None:
                self.report.skip(f"a memo on {kind} {about}, which did not come across", "memo")
                continue
            coder = None if row["coder_id"] is None else self.coders[row["coder_id"]]
            if memo_store.holds_memo(self.project, kind, target, coder, row["text"]):
                self.report.already += 1
                continue
            same = memo_store.same_memos(self.project, kind, target, coder, row["created_at"])
            if len(same) == 1 and written[(kind, about, row["coder_id"], row["created_at"])] == 1:
                if row["updated_at"] > same[0]["updated_at"]:
                    memo_store.take_edit(rec, same[0]["id"], row["text"], row["updated_at"])
                    self.report.added["memo edits"] += 1
                else:
                    self.report.skip("a memo edited later in the target than in this copy", "memo")
                continue
            memo_store.copy_memo(rec, kind, target, coder, row["text"], row["created_at"], row["updated_at"])
            self.report.added["memos"] += 1

    def run(self, rec: Recorder, cancel: CancelToken | None) -> None:
        self._create_coders_and_codes(rec)
        self._decisions(rec)
        self._codings(rec, cancel)
        self._memos(rec)
        on_matched = {row["coder_id"] for row in self.copy.codings if row["document_id"] in self.documents}
        self.report.coders = sorted(self.copy.coders[c][0] for c in on_matched if c in self.coders)


class _NothingNew(Exception):
    """Raised inside a copy's action when it wrote nothing, so that no empty action is journalled."""


def _merge_one(project: Project, path: Path, cancel: CancelToken | None) -> SourceReport:
    report = SourceReport(str(path))
    try:
        if not path.is_file():
            raise MergeRefused("the file does not exist or is not a file")
        if path.resolve() == project.path.resolve() or open_in_this_process(path):
            raise MergeRefused("it is the target project itself (or a project open in this window)")
        merger = _Merger(project, _read_copy(path), report)
    except WorkbenchError as exc:
        report.refused = str(exc).replace(str(path), path.name)
        return report
    summary = {"file": str(path)}
    try:
        with action(project, MERGE_ACTION, None, summary, f"merged {path.name}") as rec:
            merger.run(rec, cancel)
            if not rec.changes:
                raise _NothingNew
            summary.update({kind: count for kind, count in report.added.items()})
            rec.describe(summary, f"merged {path.name}: " + report.lines()[0].partition(": brought ")[2])
    except _NothingNew:
        pass
    return report


def _agreement_lines(project: Project, report: MergeReport) -> list[str]:
    """Agreement between the coders the merge put side by side, and the command that details it."""
    from workbench.training.agreement import agreement

    names = sorted({name for source in report.sources for name in source.coders})
    if not names:
        return []
    placeholders = ", ".join("?" for _ in names)
    names = [row[0] for row in project.rows(
        f"SELECT name FROM coders WHERE name IN ({placeholders}) AND role <> 'model' ORDER BY name", names)]
    if len(names) < 2:
        return []
    command = f"workbench agreement {shlex.quote(report.target)} --coders {shlex.quote(','.join(names))}"
    try:
        measured = agreement(project, names)
    except WorkbenchError as exc:
        return [f"Agreement between {', '.join(names)} could not be measured ({exc}); see: {command}"]
    overall = measured.overall
    if not measured.document_ids:
        return [(f"Agreement between {', '.join(names)}: not measurable yet (no document coded by all of them); "
                f"choose documents: {command} --documents …")]
    alpha = ("Krippendorff's alpha undefined (" + "; ".join(overall.notes) + ")" if overall.krippendorff_alpha is None
             else f"Krippendorff's alpha {overall.krippendorff_alpha:.2f}")
    percent = "" if overall.percent_agreement is None else f", {overall.percent_agreement:.0%} agreement"
    return [(f"Agreement between {', '.join(names)} on {plural(len(measured.document_ids), 'document')}: "
            f"{alpha}{percent}; per code: {command}")]


def merge_projects(project: Project, sources: Sequence[str | Path], progress: ProgressCallback = no_progress,
                   cancel: CancelToken | None = None) -> MergeReport:
    """Merge each copy in `sources` into `project` (see the module's docstring for what is matched, brought
    and skipped). One transaction for the whole merge: a cancel or an error leaves `project` untouched."""
    report = MergeReport(str(project.path))
    paths = [Path(source) for source in sources]
    if not paths:
        raise WorkbenchError("name at least one project to merge")
    with project.transaction():
        for done, path in enumerate(paths):
            if cancel is not None:
                cancel.check()
            progress(done, len(paths), f"merging {path.name}")
            report.sources.append(_merge_one(project, path, cancel))
    progress(len(paths), len(paths), "merged")
    report.agreement = _agreement_lines(project, report)
    return report
