"""REFI-QDA codebooks (`.qdc`, namespace urn:QDA-XML:codebook:1.0): export and import.

REFI-QDA is the exchange standard of QDA tools (ATLAS.ti, MAXQDA, NVivo, QualCoder…). A codebook is
`CodeBook/Codes/Code` (nested `Code` for the hierarchy; attributes `guid`, `name`, `isCodable`, `color`;
child `Description`) and optional `Sets/Set/MemberCode`. The project exchange (`.qdpx`, namespace
urn:QDA-XML:project:1.0) uses the same `Codes/Code` structure, so the functions that build and read a
`<Codes>` tree take the namespace as a parameter and are reused by the project exchange.

In a `.qdc`, what REFI has no element for (key, scheme, inclusion, exclusion, indicators, examples,
translations, attributes) is appended to the Description after a line `--- verbatim-workbench ---`, as
YAML (a codebook file has no other place); our import reads it back, so a round trip through a .qdc loses
nothing. `metadata=False` leaves the block out (a plain definition only): the project exchange does so
and carries those fields in a member of the archive that other tools do not show.

Import parses with defusedxml: a file that declares a DTD, entities or external references is refused
(billion-laughs and external-entity attacks), before anything is read into the project.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench import __version__, codebook
from workbench.errors import CodingError, IngestError
from workbench.journal import Recorder, action
from workbench.output import output_file
from workbench.project import Project
from workbench.refi_xml import as_guid

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
MARKER = "--- verbatim-workbench ---"
# Code fields carried in the Description block, in this order.
EXTRAS = ("key", "scheme", "inclusion", "exclusion", "indicators", "examples", "translations", "attributes")
_TRUE = {"true", "1"}
_FALSE = {"false", "0"}


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}" if ns else tag


# -- Description text with our metadata block --------------------------------------------------------------
def description_text(code: Mapping[str, Any], metadata: bool = True) -> str | None:
    """The Description of a code: its definition, then (with `metadata`) the block of fields REFI lacks."""
    import yaml

    extras = {field: code[field] for field in EXTRAS if code.get(field)}
    parts = [code["description"]] if code.get("description") else []
    if metadata and extras:
        block = yaml.safe_dump(extras, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n")
        parts.append(f"{MARKER}\n{block}")
    return "\n\n".join(parts) or None


def parse_description(text: str | None) -> dict[str, Any]:
    """Split a Description into {'description': …} plus the fields of our block when there is a valid one.
    A block that is not valid YAML mapping is left in the description as plain text. The description is kept
byte for byte (trailing blanks and newlines included): other tools' codebooks come back as they were."""
    import yaml

    if not text or not text.strip():
        return {"description": None}
    head, marker, tail = text.partition(MARKER)
    if not marker:
        return {"description": text}
    try:
        extras = yaml.safe_load(tail)
    except yaml.YAMLError:
        extras = None
    if not isinstance(extras, dict):
        return {"description": text}
    head = head.removesuffix("\n\n")
    result: dict[str, Any] = {"description": head if head.strip() else None}
    for field in EXTRAS:
        value = extras.get(field)
        if field in ("indicators", "examples"):
            result[field] = [str(item) for item in value] if isinstance(value, list) else []
        elif field in ("translations", "attributes"):
            result[field] = value if isinstance(value, dict) else None
        else:
            result[field] = str(value) if isinstance(value, str | int) else None
    return result


# -- Codes tree -> XML ------------------------------------------------------------------------------------
def codes_to_xml(parent_element: Any, project: Project, ns: str, code_ids: Sequence[int] | None = None, *,
                 metadata: bool = True, note_refs: Mapping[int, Sequence[str]] | None = None,
                 memos: Mapping[int | None, str] | None = None) -> Any:
    """Append a `<Codes>` element (lxml) under `parent_element` with the project's codes, nested.

    `code_ids`: only these codes (a code whose parent is not among them becomes a top-level code).
    `note_refs`: code id -> GUIDs of notes, written as `<NoteRef targetGUID=…>` (project exchange only).
    `memos`: code id -> its memos as one text, appended to the Description, where other tools show a
    code's memo (project exchange only; our import takes the definition from the archive's sidecar).
    Returns the `<Codes>` element. Raises CodingError when there is no code to write (REFI needs one).
    """
    from lxml import etree

    nodes = codebook.code_tree(project)
    if code_ids is not None:
        wanted = set(code_ids)
        nodes = [node for node in nodes if node["id"] in wanted]
    if not nodes:
        raise CodingError("no codes to export: a REFI-QDA codebook needs at least one code")
    included = {node["id"] for node in nodes}
    codes_element = etree.SubElement(parent_element, _q(ns, "Codes"))
    elements: dict[int, Any] = {}
    for node in nodes:  # depth first: a parent is always written before its children
        parent = elements.get(node["parent_id"]) if node["parent_id"] in included else codes_element
        element = etree.SubElement(parent, _q(ns, "Code"))
        element.set("guid", node["guid"])
        element.set("name", node["name"])
        element.set("isCodable", "true" if node["codable"] else "false")
        if node["color"]:
            element.set("color", node["color"])
        text = description_text(node, metadata)
        memo = (memos or {}).get(node["id"])
        if memo:
            text = f"{text}\n\n{memo}" if text else memo
        if text:
            etree.SubElement(element, _q(ns, "Description")).text = text
        for guid in (note_refs or {}).get(node["id"], ()):
            etree.SubElement(element, _q(ns, "NoteRef")).set("targetGUID", guid)
        elements[node["id"]] = element
    return codes_element


def code_sets(project: Project) -> list[dict[str, Any]]:
    """The project's code sets: id, guid, name, description and the ids of their member codes."""
    sets = project.dicts("SELECT id, guid, name, description FROM code_sets ORDER BY id")
    for code_set in sets:
        code_set["code_ids"] = [row[0] for row in project.rows(
            "SELECT code_id FROM code_set_members WHERE set_id = ? ORDER BY id", [code_set["id"]])]
    return sets


def sets_to_xml(parent_element: Any, project: Project, ns: str, code_ids: Sequence[int] | None = None,
                member_attribute: str = "guid") -> Any | None:
    """Append `<Sets>` with the sets that have members among `code_ids` (all codes when None); returns it,
    or None when there is no such set. `member_attribute` is `guid` in a codebook, `targetGUID` in a
    project file."""
    from lxml import etree

    guids = dict(project.rows("SELECT id, guid FROM codes"))
    wanted = set(guids) if code_ids is None else set(code_ids)
    chosen = [(code_set, [c for c in code_set["code_ids"] if c in wanted]) for code_set in code_sets(project)]
    chosen = [(code_set, members) for code_set, members in chosen if members]
    if not chosen:
        return None
    sets_element = etree.SubElement(parent_element, _q(ns, "Sets"))
    for code_set, members in chosen:
        element = etree.SubElement(sets_element, _q(ns, "Set"))
        element.set("guid", code_set["guid"])
        element.set("name", code_set["name"])
        if code_set["description"]:
            etree.SubElement(element, _q(ns, "Description")).text = code_set["description"]
        for code_id in members:
            etree.SubElement(element, _q(ns, "MemberCode")).set(member_attribute, guids[code_id])
    return sets_element


# -- XML -> nested dicts ----------------------------------------------------------------------------------
def _codable(value: str | None, name: str) -> bool:
    if value is None:
        return True
    lowered = value.strip().lower()
    if lowered in _TRUE | _FALSE:
        return lowered in _TRUE
    raise CodingError(f"code {name!r}: isCodable={value!r} is neither true nor false")


def _color(value: str | None) -> str | None:
    try:
        return codebook.clean_color(value)
    except CodingError:
        return None  # another tool's colour notation we cannot read: the palette gives one


def codes_from_xml(codes_element: Any, ns: str) -> list[dict[str, Any]]:
    """Read a `<Codes>` element (ElementTree or lxml) into nested dicts: guid (normalised, no braces),
    name, codable, color (None when absent or unreadable), description, the fields of our Description
    block (key, scheme, inclusion, exclusion, indicators, examples, translations, attributes), note_refs
    (GUIDs) and children. Raises CodingError for a code without a valid GUID."""

    def read(element: Any) -> dict[str, Any]:
        name = element.get("name") or ""
        guid = element.get("guid")
        if not guid:
            raise CodingError(f"code {name!r} has no guid attribute")
        description = element.find(_q(ns, "Description"))
        code = {
            "guid": codebook.clean_guid(guid),
            "name": name,
            "codable": _codable(element.get("isCodable"), name),
            "color": _color(element.get("color")),
            **parse_description(description.text if description is not None else None),
            "note_refs": [ref.get("targetGUID") for ref in element.findall(_q(ns, "NoteRef")) if ref.get("targetGUID")],
            "children": [read(child) for child in element.findall(_q(ns, "Code"))],
        }
        return code

    return [read(element) for element in codes_element.findall(_q(ns, "Code"))]


def sets_from_xml(sets_element: Any, ns: str, member_attribute: str = "guid") -> list[dict[str, Any]]:
    """Read `<Sets>` into [{guid, name, description, members: [code GUIDs]}]."""
    return [set_from_xml(element, ns, member_attribute) for element in sets_element.findall(_q(ns, "Set"))]


def set_from_xml(element: Any, ns: str, member_attribute: str = "guid") -> dict[str, Any]:
    """Read one `<Set>` (the project import reads sets one at a time as it parses): its member codes, and
    its member sources (a project's sets of documents)."""
    description = element.find(_q(ns, "Description"))
    return {
        "guid": codebook.clean_guid(element.get("guid")),
        "name": element.get("name") or "",
        "description": description.text if description is not None and (description.text or "").strip() else None,
        "members": [codebook.clean_guid(member.get(member_attribute)) for member in
                    element.findall(_q(ns, "MemberCode")) if member.get(member_attribute)],
        "sources": [as_guid(member.get(member_attribute)) for member in
                    element.findall(_q(ns, "MemberSource")) if member.get(member_attribute)],
    }


# -- nested dicts -> project ------------------------------------------------------------------------------
def _safe_name(name: str, taken: set[str], guid: str) -> str:
    """A name our rules accept: '/' becomes '-', an empty name gets one, a sibling clash gets ' (2)'."""
    cleaned = " ".join(name.replace("/", "-").split()) or f"Code {guid[:8]}"
    candidate, counter = cleaned, 2
    while candidate.casefold() in taken:
        candidate = f"{cleaned} ({counter})"
        counter += 1
    taken.add(candidate.casefold())
    return candidate


def insert_codes(rec: Recorder, codes: Sequence[Mapping[str, Any]], parent_id: int | None = None) -> dict[str, int]:
    """Create nested code dicts (as from `codes_from_xml`) under `parent_id` inside an open action.
    Returns GUID -> new code id. Names are adapted to our rules (see `_safe_name`); GUIDs are kept."""
    created: dict[str, int] = {}
    project = rec.project
    taken = {name.casefold() for (name,) in project.rows(
        "SELECT name FROM codes WHERE parent_id IS NOT DISTINCT FROM ?", [parent_id])}
    for code in codes:
        name = _safe_name(code["name"], taken, code["guid"])
        try:
            code_id = codebook.insert_code(
                rec, name, parent_id, guid=code["guid"], color=code.get("color"), codable=code.get("codable", True),
                description=code.get("description"), inclusion=code.get("inclusion"),
                exclusion=code.get("exclusion"), indicators=code.get("indicators") or [],
                examples=code.get("examples") or [], translations=code.get("translations"),
                attributes=code.get("attributes"), key=code.get("key"), scheme=code.get("scheme"),
            )
        except CodingError as exc:
            raise CodingError(f"code {code['name']!r}: {exc}") from None
        created[code["guid"]] = code_id
        created.update(insert_codes(rec, code.get("children", []), code_id))
    return created


# -- files ---------------------------------------------------------------------------------------------
def parse_xml_file(path: str | Path) -> Any:
    """Parse an XML file safely (defusedxml): DTDs, entity declarations and external references are
    refused with an IngestError naming the file. Returns the root element (xml.etree)."""
    from xml.etree import ElementTree

    import defusedxml
    from defusedxml import ElementTree as SafeTree

    path = Path(path)
    try:
        return SafeTree.parse(str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True).getroot()
    except defusedxml.DefusedXmlException:
        raise IngestError(path, "refused: the file declares a DTD or entities, which a REFI-QDA file never needs "
                                "(possible entity-expansion 'billion laughs' or external-entity attack)") from None
    except ElementTree.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise IngestError(path, f"not well-formed XML: {exc}", line, kind="bad_xml") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None


def read_qdc(path: str | Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(codes, sets) of a .qdc file, as nested dicts. The namespace is taken from the root element so that
    files written without it (some tools do) are read too."""
    path = Path(path)
    root = parse_xml_file(path)
    match = re.match(r"^(?:\{([^}]*)\})?(.*)$", root.tag)
    ns, local = (match.group(1) or "", match.group(2)) if match else ("", root.tag)
    if local != "CodeBook":
        raise IngestError(path, f"not a REFI-QDA codebook: the root element is <{local}>, not <CodeBook>",
                          kind="not_a_codebook")
    codes_element = root.find(_q(ns, "Codes"))
    if codes_element is None:
        raise IngestError(path, "the codebook has no <Codes> element", kind="no_codes")
    try:
        codes = codes_from_xml(codes_element, ns)
        sets_element = root.find(_q(ns, "Sets"))
        sets = sets_from_xml(sets_element, ns) if sets_element is not None else []
    except CodingError as exc:
        raise IngestError(path, str(exc)) from None
    if not codes:
        raise IngestError(path, "the codebook has no codes", kind="no_codes")
    return codes, sets


def import_qdc(project: Project, path: str | Path, parent_id: int | None = None,
               coder_id: int | None = None) -> list[int]:
    """Add the codes and sets of a .qdc file to the project, under `parent_id` (None: top level), as one
    undoable action. Returns the ids of the file's top-level codes. A code whose GUID is already in the
    project is refused (the codebook was imported before)."""
    path = Path(path)
    codes, sets = read_qdc(path)
    with action(project, "import_codebook", coder_id, {"file": str(path), "codes": len(codes)},
                f"imported REFI-QDA codebook {path.name}") as rec:
        try:
            created = insert_codes(rec, codes, parent_id)
            codebook.insert_code_sets(rec, sets, created)
        except CodingError as exc:
            raise IngestError(path, str(exc)) from None
    return [created[code["guid"]] for code in codes]


def export_qdc(project: Project, path: str | Path, root_id: int | None = None, *, metadata: bool = True) -> Path:
    """Write the codebook (or the sub-tree under `root_id`, root included) as a REFI-QDA .qdc file, with the
    sets that have members in it. Valid against the REFI-QDA Codebook.xsd."""
    from lxml import etree

    path = Path(path)
    code_ids = None if root_id is None else [root_id, *codebook.descendants(project, root_id)]
    root = etree.Element(_q(CODEBOOK_NS, "CodeBook"), nsmap={None: CODEBOOK_NS})
    root.set("origin", f"Verbatim Workbench {__version__}")
    codes_to_xml(root, project, CODEBOOK_NS, code_ids, metadata=metadata)
    sets_to_xml(root, project, CODEBOOK_NS, code_ids)
    with output_file(path, project) as partial:
        etree.ElementTree(root).write(str(partial), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return path
