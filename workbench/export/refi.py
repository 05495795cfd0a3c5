"""Export a project as a REFI-QDA project (`.qdpx`), the exchange format of ATLAS.ti, MAXQDA, NVivo, QualCoder…

The archive holds `project.qde` (namespace `urn:QDA-XML:project:1.0`, valid against the official
Project.xsd), `sources/<GUID>.txt`, one UTF-8 file per document holding exactly `documents.text` (LF line
endings, no BOM) so selection positions are the project's own code-point offsets, and `sources/<GUID>.txt`
for each memo too. With `positions="utf16-crlf"` the texts are written with CRLF line endings and every
position counts UTF-16 units over that file, which is how NVivo counts.

What goes where, and why:
- `<Users>`: every coder. A coder's GUID is the one it came with from another tool (`refi_identities`),
  else derived from its name, so the same person has the same GUID in every export of every project
  (tools that merge projects then see one user, not two). Sources and selections likewise keep the GUID,
  creation date (with its time zone) and creating user they came with; other timestamps are written
  with the UTC offset of this machine.
- `<CodeBook>`: the code tree with GUIDs, colours and `isCodable`. A code's `<Description>` is its
  definition followed by its memos, because that is where other tools show a code's memo.
- `<Variables>`: every variable, typed. A date variable with times of day is a `DateTime` variable; its
  date-only values stay `DateValue`s so they come back unchanged.
- `<Sources>`: one `<TextSource>` per document, named uniquely (its title, else its file and row: see
  `document_names`), its memos as `<Description>` and as `<NoteRef>`s, its variable values (Project.xsd
  hangs them on the source) and one `<PlainTextSelection>` per coding, holding one `<Coding>` (its GUID
  is the coding's) and the coding's memos as the selection's `<Description>`.
- `<Notes>`: every memo as a `<Note>` whose text is an archive member (`plainTextPath`, the form QualCoder
  reads), referenced from its target: the project, a document, a coding or a code.
- `verbatim-workbench.json`: what REFI has no place for and only this program reads back (document kind,
  date and language; a code's key, scheme, criteria, examples and translations; the exact definitions;
  coder roles). Other tools ignore an archive member they do not know, so their users never see it as
  text, and the Descriptions above stay plain prose.
- `<Cases>`: only real ones: documents sharing a value of the text variable `case` (what an imported
  case becomes) form one case named by it. The project has no other notion of case (a verbatim is not a
  person), and one case per document only gave other tools duplicate case names to refuse. Not exported, because REFI has no place for them: document
parts (quoted replies, signatures), segments, suggestions and topics.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.errors import ExportError
from workbench.filters import Filters, make_filters
from workbench.output import check_output, output_file
from workbench.project import Project
from workbench.refi_xml import (
    CASE_VARIABLE,
    ORIGIN,
    POSITIONS,
    PROJECT_NS,
    SET_PREFIX,
    SIDECAR,
    SIDECAR_FORMAT,
    UTF16_CRLF,
    as_guid,
    derived_guid,
    xml_datetime,
    xml_text,
)

_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATETIME = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[ T]([0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)$")
_BOOLEAN = ("true", "false", "1", "0")
# Code fields REFI has no place for, carried in the sidecar member (with the exact definition).
_CODE_FIELDS = ("description", "key", "scheme", "inclusion", "exclusion", "indicators", "examples", "translations",
                "attributes")


def _q(tag: str) -> str:
    return f"{{{PROJECT_NS}}}{tag}"


def user_guid(name: str) -> str:
    """The GUID of a coder in every export: derived from the name alone (see the module docstring)."""
    return derived_guid("user", name)


def variable_guid(name: str) -> str:
    return derived_guid("variable", name)


def _project_seed(project: Project) -> str:
    """What makes this project's derived GUIDs its own: its creation time and file name."""
    return f"{project.get_meta('created_at', '')}|{project.path.name}"


def _typed_value(var_type: str, value: str) -> tuple[str, str]:
    """(element name, lexical value) of a stored value in a variable of `var_type`. A value that does not
    fit its type (possible in a variable widened by hand) is written as text rather than dropped."""
    if var_type == "integer" and _INTEGER.match(value):
        return "IntegerValue", value
    if var_type == "float":
        if _DECIMAL.match(value):
            return "FloatValue", value
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite():
            return "FloatValue", format(number, "f")
    if var_type == "boolean" and value.lower() in _BOOLEAN:
        return "BooleanValue", value.lower()
    if var_type == "date":
        if _DATE.match(value):
            return "DateValue", value
        stamp = _DATETIME.match(value)
        if stamp:
            clock = stamp.group(2) if stamp.group(3) else stamp.group(2) + ":00"
            return "DateTimeValue", f"{stamp.group(1)}T{clock}"
    return "TextValue", value


def _refi_type(var_type: str, values: Iterable[str | None]) -> str:
    if var_type == "date":
        return "DateTime" if any(value and _DATETIME.match(value) for value in values) else "Date"
    return {"integer": "Integer", "float": "Float", "boolean": "Boolean"}.get(var_type, "Text")


def _add_value(parent: Any, variable_guid_: str, var_type: str, value: str | None) -> None:
    from lxml import etree

    element = etree.SubElement(parent, _q("VariableValue"))
    etree.SubElement(element, _q("VariableRef"), targetGUID=variable_guid_)
    if value is not None:
        tag, lexical = _typed_value(var_type, value)
        etree.SubElement(element, _q(tag)).text = xml_text(lexical)


def _set(element: Any, **attributes: str | None) -> None:
    for key, value in attributes.items():
        if value is not None:
            element.set(key, value)


def _exported_codes(project: Project, filters: Filters) -> list[int] | None:
    """Codes to write: all (None), or the filtered ones with their ancestors so the tree stays whole."""
    if not filters.code_ids:
        return None
    wanted = set(filters.code_ids)
    parents = dict(project.rows("SELECT id, parent_id FROM codes"))
    for code_id in list(wanted):
        parent = parents.get(code_id)
        while parent is not None and parent not in wanted:
            wanted.add(parent)
            parent = parents.get(parent)
    return sorted(wanted)


class _Builder:
    """Collects the project's rows and writes the `<Project>` element (one instance per export)."""

    def __init__(self, project: Project, filters: Filters, positions: str) -> None:
        from workbench.export.document_names import unique_names

        self.project = project
        self.filters = filters
        self.positions = positions
        self.seed = _project_seed(project)
        self.code_ids = _exported_codes(project, filters)
        code_clause = "" if self.code_ids is None else " AND c.code_id IN (SELECT unnest(?::INTEGER[]))"
        where, params = filters.codings_sql("c")
        if self.code_ids is not None:
            params = [*params, self.code_ids]
        self.codings = project.dicts(
            f"""
            SELECT c.id, c.guid, c.document_id, c.start_pos, c.end_pos, c.created_at,
                   k.guid AS code_guid, u.name AS coder
            FROM codings c JOIN codes k ON k.id = c.code_id JOIN coders u ON u.id = c.coder_id
            WHERE {where}{code_clause}
            ORDER BY c.document_id, c.start_pos, c.end_pos, c.id
            """,
            params,
        )
        self.documents = project.dicts(
            "SELECT d.id, d.kind, d.title, d.text, d.lang, d.occurred_at, d.position, s.name AS source_name, "
            "s.imported_at FROM documents d LEFT JOIN sources s ON s.id = d.source_id ORDER BY d.id"
        )
        self.identity: dict[str, dict[int, tuple[str, str | None, str | None, str | None]]] = defaultdict(dict)
        for kind, target_id, guid, name, created, created_by in project.rows(
            "SELECT kind, target_id, guid, name, created, created_by FROM refi_identities"
        ):
            self.identity[kind][target_id] = (guid, name, created, created_by)
        # An untitled document that came with a name keeps it (its file is now an archive, not a table).
        self.names = unique_names([
            (d["id"], d["title"] or self.identity["document"].get(d["id"], (None, None))[1], d["source_name"],
             d["position"]) for d in self.documents])
        documents = self.identity["document"]
        self.document_guid = {doc["id"]: documents[doc["id"]][0] if doc["id"] in documents
                              else derived_guid(self.seed, "document", doc["id"]) for doc in self.documents}
        coders = self.identity["coder"]
        self.user_guid = {name: coders[coder_id][0] if coder_id in coders else user_guid(name)
                          for coder_id, name in project.rows("SELECT id, name FROM coders")}
        self.coding_guid = {coding["id"]: as_guid(coding["guid"]) for coding in self.codings}
        self.code_guid = dict(project.rows("SELECT id, guid FROM codes"))
        self.memos = self._memos()

    def _memos(self) -> list[dict[str, Any]]:
        """Memos whose target is exported (a memo on a filtered-out coding has nothing to hang on)."""
        rows = self.project.dicts(
            "SELECT m.id, m.target_kind, m.target_id, m.text, m.created_at, m.updated_at, u.name AS coder "
            "FROM memos m LEFT JOIN coders u ON u.id = m.coder_id ORDER BY m.id"
        )
        present = {
            "project": None,
            "document": self.document_guid,
            "coding": self.coding_guid,
            "code": self.code_guid if self.code_ids is None else {i: self.code_guid[i] for i in self.code_ids},
        }
        kept = []
        for memo in rows:
            targets = present[memo["target_kind"]]
            if targets is None or memo["target_id"] in targets:
                memo["guid"] = derived_guid(self.seed, "memo", memo["id"])
                kept.append(memo)
        return kept

    def notes_on(self, kind: str) -> dict[int | None, list[str]]:
        found: dict[int | None, list[str]] = defaultdict(list)
        for memo in self.memos:
            if memo["target_kind"] == kind:
                found[memo["target_id"]].append(memo["guid"])
        return found

    def memo_text(self, kind: str) -> dict[int | None, str]:
        """Target id -> its memos as one text, for the `<Description>` other tools show as the memo."""
        found: dict[int | None, list[str]] = defaultdict(list)
        for memo in self.memos:
            if memo["target_kind"] == kind:
                found[memo["target_id"]].append(memo["text"])
        return {target: "\n\n".join(texts) for target, texts in found.items()}

    def users(self) -> list[str]:
        if not self.filters.coder_ids:
            return [name for (name,) in self.project.rows("SELECT name FROM coders ORDER BY id")]
        names = {coding["coder"] for coding in self.codings} | {memo["coder"] for memo in self.memos if memo["coder"]}
        names |= {
            name for (name,) in self.project.rows(
                "SELECT name FROM coders WHERE id IN (SELECT unnest(?::INTEGER[]))", [list(self.filters.coder_ids)]
            )
        }
        return sorted(names)

    def exported_text(self, text: str) -> str:
        return text.replace("\n", "\r\n") if self.positions == UTF16_CRLF else text

    def build(self) -> Any:
        from lxml import etree

        from workbench.codebook_refi import codes_to_xml, sets_to_xml

        project = self.project
        users = self.users()
        root = etree.Element(_q("Project"), nsmap={None: PROJECT_NS})
        created = project.get_meta("created_at")
        origin = f"{ORIGIN} {__version__}" + (f" ({POSITIONS[UTF16_CRLF]})" if self.positions == UTF16_CRLF else "")
        _set(
            root,
            name=project.path.stem,
            origin=origin,
            creatingUserGUID=self.user_guid[users[0]] if users else None,
            creationDateTime=_meta_datetime(created),
            modifiedDateTime=xml_datetime(datetime.now().replace(microsecond=0)),
        )
        if users:
            element = etree.SubElement(root, _q("Users"))
            for name in users:
                etree.SubElement(element, _q("User"), guid=self.user_guid[name], name=xml_text(name))
        if project.scalar("SELECT count(*) FROM codes"):
            codes_to_xml(etree.SubElement(root, _q("CodeBook")), project, PROJECT_NS, self.code_ids,
                         metadata=False, note_refs=self.notes_on("code"), memos=self.memo_text("code"))
        variables = self._variables(root)
        if self.documents:
            self._cases(root, variables)
            self._sources(root, variables)
        if self.memos:
            notes = etree.SubElement(root, _q("Notes"))
            for memo in self.memos:
                note = etree.SubElement(notes, _q("Note"))
                _set(
                    note,
                    guid=memo["guid"],
                    name=xml_text(" ".join(memo["text"].split())[:60]),
                    plainTextPath=f"internal://{memo['guid']}.txt",
                    creatingUser=self.user_guid[memo["coder"]] if memo["coder"] else None,
                    creationDateTime=xml_datetime(memo["created_at"]),
                    modifiedDateTime=xml_datetime(memo["updated_at"]),
                )
        sets = sets_to_xml(root, project, PROJECT_NS, self.code_ids, member_attribute="targetGUID")
        self._document_sets(root, sets)
        for guid in self.notes_on("project").get(None, []):
            etree.SubElement(root, _q("NoteRef"), targetGUID=guid)
        return root

    def sidecar(self) -> dict[str, Any]:
        """What only this program reads back (see the module docstring), keyed by the GUIDs of the XML."""
        from workbench import codebook

        codes = {}
        wanted = None if self.code_ids is None else set(self.code_ids)
        for node in codebook.code_tree(self.project):
            if wanted is None or node["id"] in wanted:
                codes[node["guid"]] = {field: node[field] for field in _CODE_FIELDS if node.get(field)}
        # [title, kind, lang, occurred_at] by source GUID: a list, not a mapping, keeps a large project's
        # sidecar within what the import reads (about 90 bytes a document).
        documents = {
            self.document_guid[doc["id"]]: [
                doc["title"], doc["kind"], doc["lang"],
                doc["occurred_at"].isoformat(sep=" ") if doc["occurred_at"] else None,
            ]
            for doc in self.documents
        }
        roles = dict(self.project.rows("SELECT name, role FROM coders"))
        return {"format": SIDECAR_FORMAT, "positions": self.positions, "memo_descriptions": True,
                "codes": codes, "documents": documents,
                "coders": {name: roles[name] for name in self.users() if name in roles}}

    def _variables(self, root: Any) -> list[dict[str, Any]]:
        """Declares the variables and returns them with their values by document."""
        from lxml import etree

        variables = self.project.dicts("SELECT id, name, type FROM variables ORDER BY id")
        values: dict[int, dict[int, str | None]] = defaultdict(dict)
        for document_id, variable_id, value in self.project.rows(
            "SELECT document_id, variable_id, value FROM document_values ORDER BY document_id, variable_id"
        ):
            values[variable_id][document_id] = value
        for variable in variables:
            variable["values"] = values[variable["id"]]
            variable["refi_type"] = _refi_type(variable["type"], variable["values"].values())
        self.document_sets = [variable for variable in variables
                              if variable["type"] == "boolean" and variable["name"].startswith(SET_PREFIX)]
        self.case_variable = next((variable for variable in variables if variable["name"] == CASE_VARIABLE
                                   and variable["type"] == "text"), None)
        variables = [variable for variable in variables
                     if variable not in self.document_sets and variable is not self.case_variable]
        if variables:
            element = etree.SubElement(root, _q("Variables"))
            for variable in variables:
                variable["guid"] = variable_guid(variable["name"])
                etree.SubElement(
                    element, _q("Variable"), guid=variable["guid"], name=xml_text(variable["name"]),
                    typeOfVariable=variable["refi_type"],
                )
        return variables

    def _cases(self, root: Any, variables: list[dict[str, Any]]) -> None:
        """One `<Case>` per value of the text variable `case` (how the project holds a case, see the
        import), named by it, so names are unique; it holds the values all its documents share (NVivo
        reads attributes from cases) and refers to its documents."""
        from lxml import etree

        if self.case_variable is None:
            return
        members: dict[str, list[int]] = defaultdict(list)
        for doc_id, value in self.case_variable["values"].items():
            if value and doc_id in self.document_guid:
                members[value].append(doc_id)
        if not members:
            return
        cases = etree.SubElement(root, _q("Cases"))
        for name in sorted(members):
            documents = sorted(members[name])
            case = etree.SubElement(cases, _q("Case"), guid=derived_guid("case", name), name=xml_text(name))
            for variable in variables:
                values = {variable["values"].get(doc_id, "\x00missing") for doc_id in documents}
                if len(values) == 1 and None not in values and "\x00missing" not in values:
                    _add_value(case, variable["guid"], variable["type"], values.pop())
            for doc_id in documents:
                etree.SubElement(case, _q("SourceRef"), targetGUID=self.document_guid[doc_id])

    def _document_sets(self, root: Any, sets: Any | None) -> None:
        """A yes/no variable `set: NAME` (how the project holds a set of documents, see the import) becomes
        a `<Set>` of `<MemberSource>`s, MAXQDA's document set."""
        from lxml import etree

        for variable in self.document_sets:
            members = [doc_id for doc_id, value in variable["values"].items()
                       if value is not None and value.lower() in ("true", "1") and doc_id in self.document_guid]
            if not members:
                continue
            if sets is None:
                sets = etree.SubElement(root, _q("Sets"))
            element = etree.SubElement(sets, _q("Set"), guid=derived_guid("document-set", variable["name"]),
                                       name=xml_text(variable["name"].removeprefix(SET_PREFIX)))
            for doc_id in sorted(members):
                etree.SubElement(element, _q("MemberSource"), targetGUID=self.document_guid[doc_id])

    def _sources(self, root: Any, variables: list[dict[str, Any]]) -> None:
        from lxml import etree

        sources = etree.SubElement(root, _q("Sources"))
        by_document: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for coding in self.codings:
            by_document[coding["document_id"]].append(coding)
        document_notes = self.notes_on("document")
        document_memos = self.memo_text("document")
        coding_notes = self.notes_on("coding")
        coding_memos = self.memo_text("coding")
        for doc in self.documents:
            guid = self.document_guid[doc["id"]]
            source = etree.SubElement(sources, _q("TextSource"))
            _, _, created, created_by = self.identity["document"].get(doc["id"], (None, None, None, None))
            _set(
                source, guid=guid, name=xml_text(self.names[doc["id"]]), plainTextPath=f"internal://{guid}.txt",
                creatingUser=created_by, creationDateTime=created or xml_datetime(doc["imported_at"]),
            )
            if doc["id"] in document_memos:
                etree.SubElement(source, _q("Description")).text = xml_text(document_memos[doc["id"]])
            position = _units(doc["text"]) if self.positions == UTF16_CRLF else None
            for coding in by_document[doc["id"]]:
                coding_guid = self.coding_guid[coding["id"]]
                user = self.user_guid[coding["coder"]]
                stamp = xml_datetime(coding["created_at"])
                start, end = coding["start_pos"], coding["end_pos"]
                if position is not None:
                    start, end = position[start], position[end]
                selection = etree.SubElement(source, _q("PlainTextSelection"))
                kept = self.identity["coding"].get(coding["id"])
                _set(
                    selection, guid=kept[0] if kept else derived_guid("selection", coding_guid),
                    startPosition=str(start), endPosition=str(end), creatingUser=user, creationDateTime=stamp,
                )
                if coding["id"] in coding_memos:
                    etree.SubElement(selection, _q("Description")).text = xml_text(coding_memos[coding["id"]])
                element = etree.SubElement(selection, _q("Coding"))
                _set(element, guid=coding_guid, creatingUser=user, creationDateTime=stamp)
                etree.SubElement(element, _q("CodeRef"), targetGUID=as_guid(coding["code_guid"]))
                for note in coding_notes.get(coding["id"], []):
                    etree.SubElement(element, _q("NoteRef"), targetGUID=note)
            for note in document_notes.get(doc["id"], []):
                etree.SubElement(source, _q("NoteRef"), targetGUID=note)
            for variable in variables:
                if doc["id"] in variable["values"]:
                    _add_value(source, variable["guid"], variable["type"], variable["values"][doc["id"]])


def _units(text: str) -> list[int]:
    """Offset in UTF-16 units of the text written with CRLF line endings, for every code-point offset
    0..len(text): a line ending and a character outside the BMP count two."""
    offsets = [0]
    total = 0
    for char in text:
        total += 2 if char == "\n" or ord(char) > 0xFFFF else 1
        offsets.append(total)
    return offsets


def _meta_datetime(value: str | None) -> str | None:
    """The project's creation time (stored as text in meta) as an xsd:dateTime with its offset."""
    if not value:
        return None
    try:
        return xml_datetime(datetime.fromisoformat(value))
    except ValueError:
        return None


def export_qdpx(
    project: Project,
    path: str | Path,
    *,
    codes: Iterable[str | int] | None = None,
    coders: Iterable[str | int] | None = None,
    positions: str = "codepoints",
) -> dict[str, Any]:
    """Write `project` to `path` as a .qdpx. `codes` (paths, keys or ids; sub-codes included) and `coders`
    (names or ids) restrict the codings exported. `positions` is "codepoints" (LF texts, code-point
    offsets: what QualCoder, MAXQDA and ATLAS.ti read) or "utf16-crlf" (CRLF texts, UTF-16 offsets: what
    NVivo counts). The file appears whole or not at all.

    Returns counts of what was written, for the CLI and the demo to print."""
    from lxml import etree

    path = Path(path)
    if positions not in POSITIONS:
        raise ExportError(f"positions {positions!r}: choose one of {', '.join(POSITIONS)}")
    check_output(path, project)
    filters = make_filters(project, codes=codes or (), coders=coders or ())
    builder = _Builder(project, filters, positions)
    root = builder.build()
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    sidecar = json.dumps(builder.sidecar(), ensure_ascii=False, indent=1, default=str).encode("utf-8")
    with output_file(path, project) as partial, zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        archive.writestr(SIDECAR, sidecar)
        for doc in builder.documents:
            text = builder.exported_text(doc["text"])
            archive.writestr(f"sources/{builder.document_guid[doc['id']]}.txt", text.encode("utf-8"))
        for memo in builder.memos:
            archive.writestr(f"sources/{memo['guid']}.txt", memo["text"].encode("utf-8"))
    return {
        "path": str(path),
        "documents": len(builder.documents),
        "codes": len(root.findall(f".//{_q('Code')}")),
        "codings": len(builder.codings),
        "memos": len(builder.memos),
        "users": len(root.findall(f"{_q('Users')}/{_q('User')}")),
        "variables": len(root.findall(f"{_q('Variables')}/{_q('Variable')}")),
    }
