"""Import a REFI-QDA project (`.qdpx`, or a bare `project.qde` with its sources folder) into a project.

The archive is read and checked completely (see `workbench.refi_xml` for the hostile-archive rules) and
every position remapped before anything is written; then everything is written in one transaction, so a
bad archive leaves the project exactly as it was.

How another tool's project becomes ours:
- text sources become documents, their text through `normalise_text` (NFC, LF, no BOM or controls) and
  stripped of surrounding blanks like every imported text; selection positions are remapped onto that
  text with the line-ending/UTF-16 convention that fits the archive best (`refi_positions`). A source
  whose text the project already has is not duplicated: its codings, values and notes join that document,
  which is how coding done elsewhere on exported texts comes back. PDF, picture, audio and video sources
  are skipped with a warning (the project holds texts only), and so is a text source whose file lies
  outside the archive (`absolute://`, `file://`, absolute paths): only archive members are ever read.
  An archive none of whose sources could be read is refused with the reasons, the project unchanged.
- the code tree keeps its GUIDs (braces removed, lower case), colours, descriptions and hierarchy; a code
  without colour gets the codebook palette's. A code whose GUID the project has is that code; a new code
  whose name a project code already has at the same place is merged into it (the same codebook loaded
  twice), and so is one with the same scheme key; a name clash inside the archive gets a " (2)" suffix;
  "/" in names becomes "-". Code sets come along (those the project has are kept as they are).
- users become coders (by name; new ones as analysts). A coding's coder is its `creatingUser`, else its
  selection's, else the project's creating user, else a coder named "REFI-QDA import".
- every `<Coding>` of a selection becomes a coding (origin 'import', its GUID kept); a coding the project
  already has (same GUID, or same document, code, span and coder) is skipped. Codings directly under a
  source code the whole document.
- a selection without codings is skipped unless it carries a description or notes: those become a memo
  on the document quoting the selection, so no comment is lost.
- variables keep their types (DateTime becomes a date variable holding 'YYYY-MM-DD HH:MM:SS'); a value
  that does not fit its declared type turns the variable into text. Values hang on sources (MAXQDA) or on
  cases (NVivo): a case's values apply to its sources that have none of their own. The reserved
  variables written by our export (`vwb:kind`, `vwb:occurred_at`, `vwb:lang`) become document fields.
- the GUIDs of sources, users and selections, and a source's creationDateTime (as written, time zone
  included) and creatingUser, are kept in `refi_identities`, so the export gives them back unchanged.
- a `<Set>` of sources (MAXQDA's document set) becomes the yes/no variable `set: NAME`, true on its
  documents (the project has no sets of documents); a code set stays a code set.
- our own export's `verbatim-workbench.json` gives back what REFI has no place for (document kind, date
  and language, a code's definition and criteria); with it, the Descriptions that repeat memos are not
  imported twice.
- every part of the archive the project has no place for (links, graphs…) is counted in a warning, and
  a codebook in another namespace than the project's is read and said.
- notes become memos on what references them (project, document, coding, code; a note on a selection
  goes to the selection's first coding); notes referenced by nothing become project memos.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.errors import CodingError, IngestError
from workbench.events import events_for_tables
from workbench.ingest.base import decode_text, file_sha256
from workbench.ingest.refi_positions import Convention, Placed, StoredText, candidates, choose_convention
from workbench.journal import Recorder
from workbench.project import DOCUMENT_KINDS, Project
from workbench.refi_xml import (
    CASE_VARIABLE,
    DEFAULT_LIMITS,
    HOSTILE_MARKERS,
    KIND_VARIABLE,
    LANG_VARIABLE,
    OCCURRED_VARIABLE,
    RESERVED_VARIABLES,
    SET_PREFIX,
    SIDECAR,
    SIDECAR_FORMAT,
    BoundedStream,
    SafeZip,
    ZipLimits,
    as_guid,
    check_member_name,
    derived_guid,
    free,
    iter_xml,
    parse_datetime,
)
from workbench.store.coders import ROLES as CODER_ROLES
from workbench.store.coders import imported_coder
from workbench.text.normalise import normalise_text

FALLBACK_CODER = "REFI-QDA import"
_TYPES = {"Text": "text", "Boolean": "boolean", "Integer": "integer", "Float": "float", "Date": "date",
          "DateTime": "date"}
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STORED_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?)?$")
_QUOTE = 80
_MAX_POSITION = 2**62
# Characters of text, and rows of codings, values or memos, handed to DuckDB in one statement.
_BATCH_CHARS = 4_000_000
_BATCH_ROWS = 50_000
# Columns of the batched inserts (name, DuckDB type).
_DOCUMENT_COLUMNS = (("id", "BIGINT"), ("source_id", "INTEGER"), ("kind", "VARCHAR"), ("title", "VARCHAR"),
                     ("text", "VARCHAR"), ("lang", "VARCHAR"), ("occurred_at", "TIMESTAMP"), ("n_chars", "INTEGER"),
                     ("content_hash", "UBIGINT"), ("position", "INTEGER"))
_VALUE_COLUMNS = (("document_id", "BIGINT"), ("variable_id", "INTEGER"), ("value", "VARCHAR"))
_CODING_COLUMNS = (("id", "BIGINT"), ("guid", "VARCHAR"), ("document_id", "BIGINT"), ("code_id", "INTEGER"),
                   ("start_pos", "INTEGER"), ("end_pos", "INTEGER"), ("coder_id", "INTEGER"), ("origin", "VARCHAR"),
                   ("created_at", "TIMESTAMP"))
_IDENTITY_COLUMNS = (("kind", "VARCHAR"), ("target_id", "BIGINT"), ("guid", "VARCHAR"), ("name", "VARCHAR"),
                     ("created", "VARCHAR"), ("created_by", "VARCHAR"))
_MEMO_COLUMNS = (("target_kind", "VARCHAR"), ("target_id", "BIGINT"), ("coder_id", "INTEGER"), ("text", "VARCHAR"),
                 ("created_at", "TIMESTAMP"), ("updated_at", "TIMESTAMP"))
# Code fields read from the archive (REFI's own plus those of our Description block) passed to insert_code.
_CODE_FIELDS = ("color", "description", "inclusion", "exclusion", "indicators", "examples", "translations",
                "attributes", "key", "scheme")


@dataclass
class RefiImport:
    """What an import did, for the CLI, the GUI and the demo to report."""

    path: str
    convention: str = ""
    documents: int = 0
    merged_documents: int = 0
    codes: int = 0
    codings: int = 0
    memos: int = 0
    variables: int = 0
    coders: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        merged = f" ({self.merged_documents} already in the project)" if self.merged_documents else ""
        return (
            f"{Path(self.path).name}: {self.documents} document(s){merged}, {self.codes} new code(s), "
            f"{self.codings} coding(s), {self.memos} memo(s), {self.variables} variable(s), "
            f"{self.coders} new coder(s)"
        )


# -- reading the archive ----------------------------------------------------------------------------------
class _Archive:
    """Where the project XML and the source texts come from: a zip, or a folder holding a .qde."""

    def __init__(self, path: Path, limits: ZipLimits) -> None:
        self.path = path
        self.limits = limits
        self.zip: SafeZip | None = None
        if path.suffix.lower() == ".qdpx":
            self.zip = SafeZip(path, limits)

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()

    @contextmanager
    def project_xml(self) -> Iterator[tuple[BoundedStream, str]]:
        """The project XML as a stream to parse, and where it is (for messages)."""
        if self.zip is None:
            size = self._size(self.path)
            with self.path.open("rb") as file:
                yield BoundedStream(file, self.path, "the project XML", size, size, HOSTILE_MARKERS,
                                    lambda exc: IngestError(self.path, f"cannot read: {exc}")), str(self.path)
            return
        names = self.zip.names()
        chosen = self.zip.find("project.qde")
        if chosen is None:
            at_root = [name for name in names if "/" not in name and name.lower().endswith(".qde")]
            if len(at_root) != 1:
                raise IngestError(self.path, "no project.qde in the archive: this is not a REFI-QDA project")
            chosen = at_root[0]
        with self.zip.stream(chosen) as stream:
            yield stream, f"{self.path}:{chosen}"

    def _size(self, file: Path) -> int:
        size, limit = file.stat().st_size, min(self.limits.max_member_bytes, self.limits.max_read_bytes)
        if size > limit:
            raise IngestError(file, f"file is {size} bytes, over the limit of {limit}")
        return size

    def _read_file(self, file: Path) -> bytes:
        self._size(file)
        return file.read_bytes()

    def _in_folder(self, relative: str) -> Path | None:
        """A file under the .qde's folder, matching names ignoring case (`Sources/` vs `sources/`)."""
        current = self.path.parent
        for part in relative.split("/"):
            exact = current / part
            if exact.exists():
                current = exact
                continue
            matches = [entry for entry in current.iterdir() if entry.name.casefold() == part.casefold()] \
                if current.is_dir() else []
            if len(matches) != 1:
                return None
            current = matches[0]
        if not current.resolve().is_relative_to(self.path.parent.resolve()):
            raise IngestError(current, "a link out of the project's folder; refused")
        return current if current.is_file() else None

    def source_text(self, reference: str) -> str | None:
        """The decoded text a `plainTextPath` points at; None when the archive does not hold it.

        `internal://` means the archive's sources folder; `relative://` and plain relative paths are
        looked up from the archive root (or the .qde's folder). Files elsewhere (`absolute://`, `file://`,
        absolute paths, drive letters) are never read: a crafted project must not pull the user's files
        into a project that may later be shared. A path climbing out with `..` refuses the archive."""
        if _outside(reference):
            return None
        scheme, _, rest = reference.partition("://")
        if not rest:
            candidates = [reference, f"sources/{reference}"]
        elif scheme.lower() == "internal":
            candidates = [f"sources/{rest}"]
        else:
            candidates = [rest, f"sources/{rest}"]
        for candidate in candidates:
            check_member_name(self.path, candidate)
            if self.zip is not None:
                member = self.zip.find(candidate)
                if member is not None:
                    self._check_text_size(member, self.zip.size(member))
                    return decode_text(Path(f"{self.path}:{member}"), self.zip.read(member))
            else:
                found = self._in_folder(candidate)
                if found is not None:
                    self._check_text_size(candidate, found.stat().st_size)
                    return decode_text(found, self._read_file(found))
        return None

    def sidecar(self, warnings: list[str]) -> dict[str, Any]:
        """Our export's sidecar member as a dict; {} when the archive has none. One that cannot be read is
        said and ignored: the archive is still a valid REFI project without it."""
        import json

        member = self.zip.find(SIDECAR) if self.zip is not None else None
        if member is None:
            return {}
        if self.zip.size(member) > self.limits.max_text_bytes:
            warnings.append(f"{SIDECAR} is over {self.limits.max_text_bytes // 1024**2} MB: ignored (kinds, "
                            "languages and code criteria of the documents and codes are not restored)")
            return {}
        try:
            data = json.loads(self.zip.read(member).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            data = None
        if not isinstance(data, dict) or data.get("format") != SIDECAR_FORMAT:
            warnings.append(f"{SIDECAR} is not in a format this version reads: ignored (kinds, languages and "
                            "code criteria of the documents and codes are not restored)")
            return {}
        return data

    def _check_text_size(self, name: str, size: int) -> None:
        limit = self.limits.max_text_bytes
        if size > limit:
            mb = 1024**2
            raise IngestError(self.path, f"text {name!r} is {size / mb:.1f} MB, over the {limit / mb:.0f} MB "
                                         "a source or note text may hold; refused")


@dataclass(slots=True)
class _Coding:
    guid: str
    code: str
    user: str | None
    created: datetime | None
    notes: list[str]


@dataclass(slots=True)
class _Selection:
    guid: str | None
    user: str | None
    created: datetime | None
    description: str | None
    codings: list[_Coding]
    notes: list[str]


@dataclass(slots=True)
class _Source:
    guid: str
    name: str | None
    # The stored text in UTF-8 until it is written: a Python string of a text with one emoji takes four
    # bytes per character, and the model holds every text of the archive.
    utf8: bytes
    n_chars: int
    placed: Placed
    created: datetime | None
    # creationDateTime as written (its time zone kept) and the creating user's GUID, for the export.
    created_text: str | None
    creating_user: str | None
    description: str | None
    selections: list[_Selection]
    whole_codings: list[_Coding]
    notes: list[str]
    values: dict[str, str | None]


@dataclass(slots=True)
class _Note:
    text: str
    user: str | None
    created: datetime | None
    modified: datetime | None


@dataclass
class _Parts:
    """What the children of a `<TextSource>` or `<Case>` gave as each was read and freed."""

    content: str | None = None
    description: str | None = None
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    selections: list[_Selection] = field(default_factory=list)
    codings: list[_Coding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: dict[str, str | None] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)


@dataclass
class _Model:
    """Everything read from the XML, before any write."""

    origin: str | None = None
    creating_user: str | None = None
    users: dict[str, str] = field(default_factory=dict)
    codes: list[dict[str, Any]] = field(default_factory=list)
    sets: list[dict[str, Any]] = field(default_factory=list)
    variables: dict[str, tuple[str, str]] = field(default_factory=dict)
    case_values: list[tuple[dict[str, str | None], list[str]]] = field(default_factory=list)
    case_names: list[str] = field(default_factory=list)
    sources: list[_Source] = field(default_factory=list)
    notes: dict[str, _Note] = field(default_factory=dict)
    project_notes: list[str] = field(default_factory=list)
    project_description: str | None = None
    warnings: list[str] = field(default_factory=list)
    # What our own export wrote in its sidecar member (see export.refi); empty for other tools' archives.
    sidecar: dict[str, Any] = field(default_factory=dict)


# Sections of <Project> and the records in them this import reads; anything else is counted and said.
_RECORDS = {("Users", "User"), ("CodeBook", "Codes"), ("Variables", "Variable"), ("Cases", "Case"),
            ("Notes", "Note"), ("Sets", "Set")}
_SECTIONS = {"Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Sets", "Description", "NoteRef"}
# Sections whose records can be large (a source's selections, a case's source references): their
# children are read and freed one by one; other records are read whole, then freed.
_STREAMED = ("Sources", "Cases")


class _Reader:
    """Turns the project XML into a `_Model` as it is parsed, reading source texts from the archive.

    Each record (a user, a variable, a case, a source, a note, a set; the children of a source or a case)
    is read when its end tag arrives and then freed, so memory holds one record at a time besides the
    model. What has to be read whole is bounded: `max_record_elements` elements per record, and
    `max_codes` codes in the codebook."""

    def __init__(self, archive: _Archive, where: str, limits: ZipLimits) -> None:
        self.archive = archive
        self.where = where
        self.limits = limits
        self.ns: str | None = None
        self.model = _Model()
        self.conventions: tuple[Convention, ...] = ()
        self.skipped: dict[str, int] = defaultdict(int)
        # Parts of the archive this import has no place for: '<Link> in <Links>' -> how many.
        self.ignored: dict[str, int] = defaultdict(int)
        self.parts = _Parts()

    def q(self, tag: str) -> str:
        return f"{{{self.ns}}}{tag}" if self.ns else tag

    def children(self, element: Any, tag: str) -> list[Any]:
        return element.findall(self.q(tag))

    def child(self, element: Any, tag: str) -> Any:
        return element.find(self.q(tag))

    def text_of(self, element: Any, tag: str) -> str | None:
        found = self.child(element, tag)
        return _text(found) if found is not None else None

    def guid(self, element: Any, attribute: str = "guid") -> str:
        value = element.get(attribute)
        if not value:
            raise IngestError(self.where, f"<{_local(element)}> has no {attribute}", element.sourceline)
        return as_guid(value)

    @staticmethod
    def _guid_or_none(value: str | None) -> str | None:
        return as_guid(value) if value else None

    def position(self, element: Any, attribute: str) -> int:
        value = element.get(attribute)
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise IngestError(self.where, f"{attribute} {value!r} is not an integer", element.sourceline) from None
        if not -_MAX_POSITION <= number <= _MAX_POSITION:  # positions are mapped as 64-bit integers
            raise IngestError(self.where, f"{attribute} {value!r} is out of range", element.sourceline)
        return number

    def read(self, stream: BoundedStream) -> _Model:
        depth, section, record, elements, codes = 0, "", "", 0, 0
        for event, element in iter_xml(stream, self.where):
            if event == "start":
                depth += 1
                if depth == 1:
                    self._project(element)
                elif depth == 2:
                    section = _local(element)
                else:
                    if depth == 3 or (depth == 4 and section in _STREAMED):
                        record, elements = _local(element), 0
                        if depth == 3:
                            self.parts = _Parts()
                    elements += 1
                    if elements > self.limits.max_record_elements:
                        raise IngestError(self.where, f"a <{record}> holds over {self.limits.max_record_elements} "
                                          "elements; refused", element.sourceline)
                    if section == "CodeBook" and _local(element) == "Code":
                        codes += 1
                        if codes > self.limits.max_codes:
                            raise IngestError(self.where, f"the codebook holds over {self.limits.max_codes} codes; "
                                              "refused", element.sourceline)
                continue
            if depth == 4 and section in _STREAMED:
                self._part(element)
                free(element)
            elif depth == 3:
                self._record(section, element)
                free(element)
            elif depth == 2:
                kind = _local(element)
                if kind == "NoteRef":
                    self.model.project_notes.append(self.guid(element, "targetGUID"))
                elif kind == "Description" and _text(element):
                    self.model.project_description = element.text
                elif kind not in _SECTIONS and len(element) == 0:  # its records, if any, were counted
                    self.ignored[f"<{kind}>"] += 1
                free(element)
            depth -= 1
        for kind, count in self.skipped.items():
            self.model.warnings.append(f"{count} {kind} source(s) skipped: only text sources are imported")
        for what, count in self.ignored.items():
            self.model.warnings.append(f"{count} {what} not imported: the project has no place for it")
        self._document_sets()
        self._cases()
        return self.model

    def _cases(self) -> None:
        """Give each source the name of its case as the text variable `case` (the project has no cases; a
        variable is what filters and exports work with, and our export makes cases of it again). A source
        in several cases keeps the first, and that is said."""
        sources = {source.guid: source for source in self.model.sources}
        guid = "case:variable"
        shared = 0
        for name, (_, refs) in zip(self.model.case_names, self.model.case_values):
            for ref in refs:
                source = sources.get(ref)
                if source is None or not name:
                    continue
                if guid in source.values:
                    shared += 1
                    continue
                self.model.variables[guid] = (CASE_VARIABLE, "text")
                source.values[guid] = name
        if shared:
            self.model.warnings.append(f"{shared} source(s) in more than one case: each keeps its first case only")

    def _document_sets(self) -> None:
        """Turn each set of sources (MAXQDA's document sets) into a yes/no variable `set: NAME`, true on its
        documents: the project has no sets of documents, and a variable is what filters, crosstabs and
        exports already work with. Our export writes such variables back as sets of sources."""
        sources = {source.guid: source for source in self.model.sources}
        for found in self.model.sets:
            members = [sources[guid] for guid in found.get("sources", []) if guid in sources]
            if not members:
                continue
            guid = f"set:{found['guid']}"
            self.model.variables[guid] = (_clean(f"{SET_PREFIX}{found['name']}"), "boolean")
            for source in members:
                source.values[guid] = "true"

    def _project(self, root: Any) -> None:
        from lxml import etree

        qname = etree.QName(root)
        if qname.localname != "Project":
            raise IngestError(self.where, f"root element is <{qname.localname}>, not a REFI-QDA <Project>")
        self.ns = qname.namespace
        self.model.origin = root.get("origin")
        self.model.creating_user = self._guid_or_none(root.get("creatingUserGUID"))
        self.conventions = candidates(self.model.origin)

    def _record(self, section: str, element: Any) -> None:
        """Read one child of a section of `<Project>` (those of other sections are left alone)."""
        from workbench.codebook_refi import codes_from_xml, set_from_xml

        kind = _local(element)
        try:
            if section == "Users" and kind == "User":
                self.model.users[self.guid(element)] = _clean(element.get("name"))
            elif section == "CodeBook" and kind == "Codes":
                self.model.codes = codes_from_xml(element, self._own_namespace(element, "codebook"))
            elif section == "Sets" and kind == "Set":
                self.model.sets.append(set_from_xml(element, self.ns or "", "targetGUID"))
        except CodingError as exc:
            raise IngestError(self.where, str(exc)) from None
        if (section, kind) not in _RECORDS and section != "Sources":
            self.ignored[f"<{kind}> in <{section}>"] += 1
        if section == "Variables" and kind == "Variable":
            self.model.variables[self.guid(element)] = (
                _clean(element.get("name")), _TYPES.get(element.get("typeOfVariable") or "", "text")
            )
        elif section == "Cases" and kind == "Case":
            self.model.case_values.append((self.parts.values, self.parts.refs))
            self.model.case_names.append(_clean(element.get("name")))
        elif section == "Sources" and kind == "TextSource":
            source = self._text_source(element, self.parts)
            if source is not None:
                self.model.sources.append(source)
        elif section == "Sources":
            self.skipped[kind] += 1
        elif section == "Notes" and kind == "Note":
            self._note(element)

    def _own_namespace(self, element: Any, what: str) -> str:
        """The namespace `element` is in. One other than the project's (MAXQDA has written its codebook as
        `urn:QDA-XML:codebook:0:4` inside a project) is read all the same, and said: silently finding no
        codes there would lose every coding."""
        from lxml import etree

        namespace = etree.QName(element).namespace or ""
        if namespace != (self.ns or ""):
            count = sum(1 for _ in element.iter(f"{{{namespace}}}Code" if namespace else "Code"))
            self.model.warnings.append(
                f"the {what} is in namespace {namespace or '(none)'!r}, not the project's {self.ns!r}: its "
                f"{count} code(s) were read as REFI-QDA codes; check them")
        return namespace

    def _part(self, element: Any) -> None:
        """Keep what a child of a `<TextSource>` or `<Case>` says, before it is freed."""
        parts, kind = self.parts, _local(element)
        if kind == "PlainTextContent":
            parts.content = element.text
        elif kind == "Description":
            parts.description = _text(element)
        elif kind == "PlainTextSelection":
            guid: str | None = self.guid(element)
            parts.starts.append(self.position(element, "startPosition"))
            parts.ends.append(self.position(element, "endPosition"))
            codings = self._codings(element)
            if len(codings) == 1 and guid == derived_guid("selection", codings[0].guid):
                guid = None  # the GUID our export derives again: neither held nor stored
            parts.selections.append(_Selection(
                guid=guid,
                user=self._guid_or_none(element.get("creatingUser")),
                created=parse_datetime(element.get("creationDateTime")),
                description=self.text_of(element, "Description"),
                codings=codings,
                notes=[self.guid(ref, "targetGUID") for ref in self.children(element, "NoteRef")],
            ))
        elif kind == "Coding":
            parts.codings.append(self._coding(element))
        elif kind == "NoteRef":
            parts.notes.append(self.guid(element, "targetGUID"))
        elif kind == "VariableValue":
            ref = self.child(element, "VariableRef")
            if ref is None:
                raise IngestError(self.where, "<VariableValue> without <VariableRef>", element.sourceline)
            parts.values[self.guid(ref, "targetGUID")] = _value_text(element)
        elif kind == "SourceRef":
            parts.refs.append(self.guid(element, "targetGUID"))

    def _codings(self, parent: Any) -> list[_Coding]:
        return [self._coding(coding) for coding in self.children(parent, "Coding")]

    def _coding(self, coding: Any) -> _Coding:
        ref = self.child(coding, "CodeRef")
        if ref is None:
            raise IngestError(self.where, "<Coding> without <CodeRef>", coding.sourceline)
        return _Coding(
            guid=self.guid(coding),
            code=self.guid(ref, "targetGUID"),
            user=self._guid_or_none(coding.get("creatingUser")),
            created=parse_datetime(coding.get("creationDateTime")),
            notes=[self.guid(note, "targetGUID") for note in self.children(coding, "NoteRef")],
        )

    def _text_source(self, element: Any, parts: _Parts) -> _Source | None:
        guid = self.guid(element)
        name = _clean(element.get("name")) or _file_name(element.get("plainTextPath")) or None
        label = name or guid
        if parts.content is not None:
            raw: str | None = parts.content
        elif element.get("plainTextPath"):
            raw = self.archive.source_text(element.get("plainTextPath"))
            if raw is None:
                where = "outside the archive, not read" if _outside(element.get("plainTextPath")) else "missing"
                self.model.warnings.append(
                    f"source {label!r} skipped: its text {element.get('plainTextPath')!r} is {where}"
                )
                return None
        else:
            self.model.warnings.append(f"source {label!r} skipped: it has no plain text (rich text only)")
            return None
        stored = StoredText(raw)
        if not stored.text:
            self.model.warnings.append(f"source {label!r} skipped: its text is empty")
            return None
        return _Source(
            guid=guid,
            name=name,
            utf8=stored.text.encode("utf-8"),
            n_chars=len(stored.text),
            placed=Placed(stored, parts.starts, parts.ends, self.conventions),
            created=parse_datetime(element.get("creationDateTime")),
            created_text=element.get("creationDateTime") if parse_datetime(element.get("creationDateTime")) else None,
            creating_user=self._guid_or_none(element.get("creatingUser")),
            description=parts.description,
            selections=parts.selections,
            whole_codings=parts.codings,
            notes=parts.notes,
            values=parts.values,
        )

    def _note(self, note: Any) -> None:
        guid = self.guid(note)
        content = self.child(note, "PlainTextContent")
        text = content.text if content is not None else None
        if text is None and note.get("plainTextPath"):
            text = self.archive.source_text(note.get("plainTextPath"))
        if text is None or not text.strip():
            return
        self.model.notes[guid] = _Note(
            text=text,
            user=self._guid_or_none(note.get("creatingUser")),
            created=parse_datetime(note.get("creationDateTime")),
            modified=parse_datetime(note.get("modifiedDateTime")),
        )


def _local(element: Any) -> str:
    return element.tag.split("}")[-1]


def _text(element: Any) -> str | None:
    """An element's text, None when it holds only blanks."""
    return element.text if element.text and element.text.strip() else None


def _outside(reference: str) -> bool:
    """True for a source path that names a file outside the archive (see `_Archive.source_text`)."""
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]+)://", reference)
    if scheme:
        return scheme.group(1).lower() not in ("internal", "relative")
    return reference.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", reference))


def _file_name(reference: str | None) -> str:
    """The file name a `plainTextPath` ends with (a nameless source is called after its file, as the
    tool that wrote it showed it), '' when there is none."""
    if not reference:
        return ""
    return _clean(re.split(r"[/\\]", reference.partition("://")[2] or reference)[-1])


def _clean(value: str | None) -> str:
    """A name or value as the project stores short texts: normalised (NFC, no controls), blanks trimmed."""
    return normalise_text(value or "").strip()


def _value_text(item: Any) -> str | None:
    """The stored form of a `<VariableValue>`'s value (None when it has none)."""
    for element in item:
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.split("}")[-1]
        if tag == "VariableRef":
            continue
        text = _clean(element.text)
        if tag == "BooleanValue" and text.lower() in ("true", "1", "false", "0"):
            return "true" if text.lower() in ("true", "1") else "false"
        if tag == "IntegerValue" and _INTEGER.match(text):
            return str(int(text))
        if tag == "DateValue" and _DATE.match(text):
            return text[:10]
        if tag == "DateTimeValue":
            try:
                stamp = datetime.fromisoformat(text)
            except ValueError:
                return text or None
            return stamp.replace(tzinfo=None).isoformat(sep=" ")
        return text or None
    return None


def _fits(var_type: str, value: str | None) -> bool:
    if value is None or var_type == "text":
        return True
    if var_type == "integer":
        return bool(_INTEGER.match(value))
    if var_type == "float":
        return bool(_DECIMAL.match(value))
    if var_type == "boolean":
        return value in ("true", "false")
    return bool(_STORED_DATE.match(value))


# -- writing ------------------------------------------------------------------------------------------------
class _Writer:
    """Writes a `_Model` into the project; called inside one transaction."""

    def __init__(self, project: Project, model: _Model, convention: Convention, result: RefiImport) -> None:
        self.project = project
        self.model = model
        self.convention = convention
        self.result = result
        self.coders: dict[str | None, int] = {}
        self.codes: dict[str, int] = {}
        self.documents: dict[str, int] = {}
        self.codings: dict[str, int] = {}
        self.code_notes: list[tuple[str, str]] = []
        self.memos: list[tuple[Any, ...]] = []
        # refi_identities rows (kind, target id, GUID, name, creationDateTime, creating user) of what is new.
        self.identities: list[tuple[Any, ...]] = []
        self.known_coders = {coder_id for (coder_id,) in project.rows(
            "SELECT target_id FROM refi_identities WHERE kind = 'coder'")}
        self.merged: set[int] = set()
        self.now: datetime | None = None
        # Code inserts go through the codebook's checks; an import is not an undoable action (documents
        # are not journalled either), so what this recorder collects is not written to the journal.
        self.recorder = Recorder(project, None, None, None)
        self.coded_guids = {
            coding.code
            for source in model.sources
            for coding in [*source.whole_codings, *(c for s in source.selections for c in s.codings)]
        }

    def coder(self, guid: str | None) -> int:
        """Coder id for a user GUID (None: the fallback chain's end), created on first use."""
        if guid is None and self.model.creating_user is not None:
            guid = self.model.creating_user
        if guid in self.coders:
            return self.coders[guid]
        if guid is None:
            name = FALLBACK_CODER
        else:
            name = self.model.users.get(guid) or f"user {guid[:8]}"
        roles = self.model.sidecar.get("coders")
        role = roles.get(name) if isinstance(roles, dict) else None
        coder_id, created = imported_coder(self.project, name, role if role in CODER_ROLES else "analyst")
        self.result.coders += created
        self.coders[guid] = coder_id
        if guid is not None and coder_id not in self.known_coders:
            self.known_coders.add(coder_id)
            self.identities.append(("coder", coder_id, guid, None, None, None))
        return coder_id

    def write(self, source_id: int) -> None:
        self._sidecar_codes(self.model.codes)
        for guid in self.model.users:
            self.coder(guid)
        self._codes(self.model.codes, None)
        self._sets()
        self._documents(source_id)
        self._values()
        self._codings()
        self._memos()
        self._flush_identities()

    def _flush_identities(self) -> None:
        """Write the identities gathered so far (by batches: an archive may hold a million selections)."""
        _insert_rows(self.project, "refi_identities", _IDENTITY_COLUMNS, self.identities)
        self.identities = []

    @property
    def mirrored(self) -> bool:
        """Whether the Descriptions of sources and selections repeat memos that the archive's notes also
        hold (our own export writes both, so other tools show them): those are not imported twice."""
        return self.model.sidecar.get("memo_descriptions") is True

    def _sidecar_codes(self, nodes: list[dict[str, Any]]) -> None:
        """Take each code's definition and extra fields from our sidecar, where the archive has one: the
        Description there is the definition followed by the code's memos."""
        entries = self.model.sidecar.get("codes")
        if not isinstance(entries, dict):
            return
        for node in nodes:
            entry = entries.get(node["guid"])
            if isinstance(entry, dict):
                for name in _CODE_FIELDS[1:]:
                    value = entry.get(name)
                    if name in ("indicators", "examples"):
                        node[name] = [str(item) for item in value] if isinstance(value, list) else []
                    elif name in ("translations", "attributes"):
                        node[name] = value if isinstance(value, dict) and value else None
                    else:
                        node[name] = value if isinstance(value, str) else None
            self._sidecar_codes(node.get("children") or [])

    def _document_fields(self, source: _Source, reserved: dict[str, str]) -> tuple[str | None, str, str | None,
                                                                                 datetime | None]:
        """(title, kind, lang, occurred_at) of a new document: from our sidecar, else from the reserved
        variables of older exports, else the source's name and 'other'."""
        entry = self.model.sidecar.get("documents", {}).get(source.guid) \
            if isinstance(self.model.sidecar.get("documents"), dict) else None
        if isinstance(entry, list) and len(entry) == 4:
            fields = {KIND_VARIABLE: entry[1], LANG_VARIABLE: entry[2], OCCURRED_VARIABLE: entry[3]}
            title = entry[0] if isinstance(entry[0], str) else None
        else:
            fields = {reserved[guid]: value for guid, value in source.values.items() if guid in reserved}
            title = source.name
        kind, lang, occurred = (value if isinstance(value, str) else None for value in
                                (fields.get(KIND_VARIABLE), fields.get(LANG_VARIABLE), fields.get(OCCURRED_VARIABLE)))
        return (title, kind if kind in DOCUMENT_KINDS else "other", lang,
                parse_datetime(occurred.replace(" ", "T")) if occurred else None)

    # codes
    def _codes(self, nodes: list[dict[str, Any]], parent_id: int | None) -> None:
        """Map each code of the archive onto a project code, creating those the project lacks."""
        from workbench.codebook import insert_code

        used = {
            name.casefold(): code_id
            for code_id, name in self.project.rows(
                "SELECT id, name FROM codes WHERE parent_id IS NOT DISTINCT FROM ?", [parent_id]
            )
        }
        before = set(used.values())
        for node in nodes:
            guid = node["guid"]
            name = " ".join(node["name"].replace("/", "-").split()) or f"Code {guid[:8]}"
            existing = self.project.scalar("SELECT id FROM codes WHERE guid = ?", [guid])
            if existing is None and node.get("key"):
                existing = self.project.scalar(
                    "SELECT id FROM codes WHERE key = ? AND scheme IS NOT DISTINCT FROM ?",
                    [node["key"], node.get("scheme")],
                )
            if existing is None and used.get(name.casefold()) in before:
                existing = used[name.casefold()]
            if existing is None:
                base, suffix = name, 2
                while name.casefold() in used:
                    name, suffix = f"{base} ({suffix})", suffix + 1
                fields = {field: node.get(field) for field in _CODE_FIELDS}
                fields["codable"] = node["codable"] or guid in self.coded_guids
                try:
                    existing = insert_code(self.recorder, name, parent_id, guid=guid, **fields)
                except CodingError as exc:
                    raise IngestError(self.result.path, f"code {node['name']!r}: {exc}") from None
                used[name.casefold()] = existing
                self.result.codes += 1
            self.codes[guid] = int(existing)
            self.code_notes.extend((guid, note) for note in node.get("note_refs", []))
            self._codes(node.get("children") or [], int(existing))

    def _sets(self) -> None:
        from workbench.codebook import insert_code_sets

        known = {guid for (guid,) in self.project.rows("SELECT guid FROM code_sets")}
        # A set of sources only is a set of documents (see `_Reader._document_sets`), not an empty code set.
        insert_code_sets(self.recorder, [s for s in self.model.sets if s["guid"] not in known
                                         and (s["members"] or not s["sources"])], self.codes)

    # documents
    def _documents(self, source_id: int) -> None:
        """New documents, one statement per batch of texts; a text the project (or the archive) already has
        is reused. Batches of `_BATCH_CHARS`: DuckDB copies the texts it is given, and a copy of every
        text of a large archive at once doubled the import's memory."""
        self.merged = set()
        batch: list[tuple[int, _Source]] = []
        size = 0
        for position, source in enumerate(self.model.sources, start=1):
            batch.append((position, source))
            size += source.n_chars
            if size >= _BATCH_CHARS:
                self._document_batch(source_id, batch)
                batch, size = [], 0
        if batch:
            self._document_batch(source_id, batch)

    def _document_batch(self, source_id: int, batch: list[tuple[int, _Source]]) -> None:
        from workbench.ingest.store import content_hashes, existing_documents, reserve_ids

        reserved = {guid: name for guid, (name, _) in self.model.variables.items() if name in RESERVED_VARIABLES}
        # Documents of earlier batches are in the table already: a text repeated in the archive is found
        # there like one the project had.
        texts = [source.utf8.decode("utf-8") for _, source in batch]
        known = existing_documents(self.project, texts)
        self.merged.update(known.values())
        fresh: list[tuple[Any, ...]] = []
        pending: dict[str, list[_Source]] = defaultdict(list)
        for (position, source), text in zip(batch, texts):
            if text in known or text in pending:
                self.result.merged_documents += 1
                if text in known:
                    self.documents[source.guid] = known[text]
                    continue
            pending[text].append(source)
            if len(pending[text]) > 1:
                continue
            title, kind, lang, occurred = self._document_fields(source, reserved)
            fresh.append((source_id, kind, title, text, lang, occurred, len(text), position))
        ids = reserve_ids(self.project, "documents_id", len(fresh))
        for document_id, row in zip(ids, fresh):
            for source in pending[row[3]]:
                self.documents[source.guid] = document_id
            first = pending[row[3]][0]
            self.identities.append(("document", document_id, first.guid, first.name, first.created_text,
                                    first.creating_user))
        hashes = content_hashes(self.project, [row[3] for row in fresh])
        _insert_rows(self.project, "documents", _DOCUMENT_COLUMNS,
                     [(i, *row[:7], content_hash, row[7]) for i, row, content_hash in zip(ids, fresh, hashes)])
        self.result.documents += len(fresh)

    def _values(self) -> None:
        from workbench.ingest.store import variable_ids

        # Each source and case is looked at once (sources x cases or x variables took hours on a large
        # archive).
        cases: dict[str, list[dict[str, str | None]]] = defaultdict(list)
        for case_values, refs in self.model.case_values:
            for ref in refs:
                cases[ref].append(case_values)
        found: dict[str, dict[str, str | None]] = {}
        misfits: set[str] = set()
        for source in self.model.sources:
            values = dict(source.values)
            for case_values in cases.get(source.guid, ()):
                for guid, value in case_values.items():
                    values.setdefault(guid, value)
            found[source.guid] = values
            for guid, value in values.items():
                if guid in self.model.variables and not _fits(self.model.variables[guid][1], value):
                    misfits.add(guid)
        wanted: dict[str, str] = {}
        for guid, (name, var_type) in self.model.variables.items():
            if not name or name in RESERVED_VARIABLES:
                continue
            wanted[name] = "text" if guid in misfits else var_type
        before = int(self.project.scalar("SELECT count(*) FROM variables"))
        ids = variable_ids(self.project, wanted)
        self.result.variables = int(self.project.scalar("SELECT count(*) FROM variables")) - before
        have = set(self.project.rows(
            "SELECT document_id, variable_id FROM document_values WHERE document_id IN (SELECT unnest(?::BIGINT[]))",
            [sorted(self.merged)],
        ))
        rows = []
        for source in self.model.sources:
            document_id = self.documents[source.guid]
            for guid, value in found[source.guid].items():
                name = self.model.variables.get(guid, ("", ""))[0]
                if name in ids and (document_id, ids[name][0]) not in have:
                    have.add((document_id, ids[name][0]))
                    rows.append((document_id, ids[name][0], value))
                    if len(rows) >= _BATCH_ROWS:
                        _insert_rows(self.project, "document_values", _VALUE_COLUMNS, rows)
                        rows = []
        _insert_rows(self.project, "document_values", _VALUE_COLUMNS, rows)

    # codings
    def _codings(self) -> None:
        self.by_guid: dict[tuple[int, str], int] = {}
        self.by_span: dict[tuple[int, int, int, int, int], int] = {}
        for coding_id, guid, *key in self.project.rows(
            "SELECT id, guid, document_id, code_id, start_pos, end_pos, coder_id FROM codings "
            "WHERE document_id IN (SELECT unnest(?::BIGINT[]))", [sorted(self.merged)]
        ):
            self.by_guid[(key[0], guid)] = coding_id
            self.by_span[tuple(key)] = coding_id
        self.fresh_codings: list[tuple[Any, ...]] = []
        self.coding_ids: list[int] = []
        self.unqueued = sum(coding.code in self.codes for source in self.model.sources
                            for coding in [*source.whole_codings, *(c for s in source.selections for c in s.codings)])
        self.now = self.project.scalar("SELECT current_timestamp::TIMESTAMP")
        missing_codes: set[str] = set()
        out_of_bounds = 0
        uncoded = 0
        for source in self.model.sources:
            document_id = self.documents[source.guid]
            spans = source.placed.spans(self.convention)
            text: str | None = None  # decoded for the first memo that quotes it
            for selection, (start, end, valid) in zip(source.selections, spans):
                if not valid:
                    out_of_bounds += 1
                    continue
                if not selection.codings:
                    if selection.description or selection.notes:
                        text = source.utf8.decode("utf-8") if text is None else text
                        self._selection_memo(document_id, text, start, end, selection)
                    else:
                        uncoded += 1
                    continue
                for coding in selection.codings:
                    if coding.code not in self.codes:
                        missing_codes.add(coding.code)
                        continue
                    self._coding(document_id, coding, start, end, coding.user or selection.user,
                                 coding.created or selection.created, selection.guid)
            for coding in source.whole_codings:
                if coding.code not in self.codes:
                    missing_codes.add(coding.code)
                    continue
                self._coding(document_id, coding, 0, source.n_chars, coding.user, coding.created, None)
        self._flush_codings()
        for source in self.model.sources:
            for selection in source.selections:
                if selection.codings and selection.description and not self.mirrored:
                    self._memo("coding", self.codings.get(selection.codings[0].guid), selection.description,
                               selection.user, selection.created, None)
        if out_of_bounds:
            self.result.warnings.append(f"{out_of_bounds} selection(s) outside their text skipped")
        if uncoded:
            self.result.warnings.append(f"{uncoded} selection(s) without coding or note skipped")
        if missing_codes:
            self.result.warnings.append(f"codings of {len(missing_codes)} code(s) missing from the codebook skipped")

    def _coding(self, document_id: int, coding: _Coding, start: int, end: int, user: str | None,
                created: datetime | None, selection: str | None) -> None:
        """Queue a coding unless the project (or this archive) already has it, by GUID or by content."""
        code_id = self.codes[coding.code]
        coder_id = self.coder(user)
        span = (document_id, code_id, start, end, coder_id)
        existing = self.by_guid.get((document_id, coding.guid), self.by_span.get(span))
        self.unqueued -= 1
        if existing is not None:
            self.codings[coding.guid] = existing
            return
        coding_id = self._coding_id()
        self.by_guid[(document_id, coding.guid)] = coding_id
        self.by_span[span] = coding_id
        self.codings[coding.guid] = coding_id
        self.fresh_codings.append((coding_id, coding.guid, document_id, code_id, start, end, coder_id, "import",
                                   created or self.now))
        if selection is not None:
            self.identities.append(("coding", coding_id, selection, None, None, None))
            if len(self.identities) >= _BATCH_ROWS:
                self._flush_identities()
        if len(self.fresh_codings) >= _BATCH_ROWS:
            self._flush_codings()

    def _coding_id(self) -> int:
        """A fresh coding id. Reserved in blocks, at most as many as codings are left to queue: a small
        archive costs one query, a large one wastes no more ids than it has duplicate codings."""
        from workbench.ingest.store import reserve_ids

        if not self.coding_ids:
            self.coding_ids = reserve_ids(self.project, "codings_id", min(self.unqueued + 1, _BATCH_ROWS))[::-1]
        return self.coding_ids.pop()

    def _flush_codings(self) -> None:
        """Insert the queued codings: by batches, since DuckDB's copy of a few hundred thousand rows given
        at once took more memory than the whole archive."""
        _insert_rows(self.project, "codings", _CODING_COLUMNS, self.fresh_codings)
        self.result.codings += len(self.fresh_codings)
        self.fresh_codings = []

    # memos
    def _memo(self, kind: str, target_id: int | None, text: str, user: str | None, created: datetime | None,
              modified: datetime | None) -> None:
        if kind != "project" and target_id is None:
            return
        stamp = created or self.now
        self.memos.append((kind, target_id, None if user is None else self.coder(user), text, stamp,
                           modified or stamp))
        if len(self.memos) >= _BATCH_ROWS:
            self._flush_memos()

    def _flush_memos(self) -> None:
        _insert_rows(self.project, "memos", _MEMO_COLUMNS, self.memos)
        self.result.memos += len(self.memos)
        self.memos = []

    def _selection_memo(self, document_id: int, text: str, start: int, end: int, selection: _Selection) -> None:
        quote = text[start:end]
        quote = quote if len(quote) <= _QUOTE else quote[:_QUOTE] + "…"
        header = f"«{quote}» [{start}, {end})"
        comments = [selection.description] if selection.description else []
        comments += [self.model.notes[guid].text for guid in selection.notes if guid in self.model.notes]
        self._memo("document", document_id, "\n".join([header, *comments]), selection.user, selection.created, None)

    def _memos(self) -> None:
        model = self.model
        referenced: set[str] = set()

        def attach(kind: str, target_id: int | None, guids: list[str]) -> None:
            for guid in guids:
                note = model.notes.get(guid)
                if note is None:
                    continue
                referenced.add(guid)
                self._memo(kind, target_id, note.text, note.user, note.created, note.modified)

        for source in model.sources:
            document_id = self.documents[source.guid]
            if source.description and not self.mirrored:
                self._memo("document", document_id, source.description, None, source.created, None)
            attach("document", document_id, source.notes)
            for selection in source.selections:
                if selection.codings:
                    attach("coding", self.codings.get(selection.codings[0].guid), selection.notes)
                else:
                    referenced.update(selection.notes)
                for coding in selection.codings:
                    attach("coding", self.codings.get(coding.guid), coding.notes)
            for coding in source.whole_codings:
                attach("coding", self.codings.get(coding.guid), coding.notes)
        for code_guid, note in self.code_notes:
            attach("code", self.codes.get(code_guid), [as_guid(note)])
        if model.project_description:
            self._memo("project", None, model.project_description, None, None, None)
        attach("project", None, model.project_notes)
        for guid in model.notes:
            if guid not in referenced:
                attach("project", None, [guid])
        self._flush_memos()


def _insert_rows(project: Project, table: str, columns: tuple[tuple[str, str], ...], rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows in one statement (one list per column, unnested together): row-by-row inserts
    cost a round trip each, which made a 500-document archive take seconds."""
    if not rows:
        return
    names = ", ".join(name for name, _ in columns)
    unnested = ", ".join(f"unnest(?::{sql_type}[])" for _, sql_type in columns)
    project.execute(f"INSERT INTO {table} ({names}) SELECT {unnested}", [list(values) for values in zip(*rows)])


def _read_refi(path: str | Path, limits: ZipLimits = DEFAULT_LIMITS) -> tuple[_Model, Convention]:
    """Read and check a .qdpx or .qde completely, without touching any project."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(path, "file not found")
    if path.suffix.lower() not in (".qdpx", ".qde"):
        raise IngestError(path, "not a REFI-QDA project: expected a .qdpx archive or a .qde file")
    archive = _Archive(path, limits)
    try:
        with archive.project_xml() as (stream, where):
            model = _Reader(archive, where, limits).read(stream)
        model.sidecar = archive.sidecar(model.warnings)
    finally:
        archive.close()
    return model, choose_convention([source.placed for source in model.sources], model.origin)


def import_qdpx(project: Project, path: str | Path, *, limits: ZipLimits = DEFAULT_LIMITS) -> RefiImport:
    """Import a .qdpx (or a .qde beside its sources folder) into `project` in one transaction.

    Raises `IngestError` naming the file for a hostile, corrupt or already imported archive, and for one
    from which no text source could be read (each skipped source is said, with its reason): an import
    that brought in nothing is not a success. The project is then unchanged."""
    from workbench.ingest.store import find_source, insert_source

    path = Path(path)
    model, convention = _read_refi(path, limits)
    if not model.sources:
        reasons = "; ".join(model.warnings) or "the project holds no text source"
        raise IngestError(path, f"nothing imported: {reasons}")
    sha256 = file_sha256(path)
    previous = find_source(project, sha256)
    if previous is not None:
        raise IngestError(path, f"already imported as {previous['name']} (source {previous['id']})")
    result = RefiImport(str(path), convention=convention.name, warnings=list(model.warnings))
    with project.transaction():
        project.announce(events_for_tables("import", ["documents", "codes", "codings", "coders", "memos"]))
        source_id = insert_source(project, path.suffix.lower().lstrip("."), path, sha256)
        _Writer(project, model, convention, result).write(source_id)
    return result

