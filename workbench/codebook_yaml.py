"""Coding schemes as bilingual YAML files: the shipped ones in `coding_schemes/` and the user's own.

Why YAML: analysts and trainers edit codebooks by hand, review them in diffs and translate them; a YAML
file with one block per code, French and English side by side, is readable by all of them. The format is
described in docs/CODING_SCHEMES.md; `read_scheme` checks it strictly (unknown fields are refused, so a
typo cannot silently drop a definition).

In a project a scheme becomes one non-codable top-level code named after the scheme (its `key` and
`scheme` are the scheme's key) with the scheme's codes below it. Texts in the loading language go into the
code's columns, the other language into `translations`, so `save_scheme` can write both back.

GUIDs of scheme codes are derived from the scheme key and the code key (UUID version 5), so the same
shipped code has the same GUID in every project and REFI-QDA exports of two projects line up.
"""

from __future__ import annotations

import re
import sys
import uuid
from pathlib import Path
from typing import Any

from workbench import codebook
from workbench.errors import CodingError, IngestError, WorkbenchError
from workbench.journal import Recorder, action
from workbench.output import output_file
from workbench.project import LANGUAGES, Project
from workbench.text.normalise import fold

FORMAT = 1
SCHEME_FIELDS = {"format", "key", "name", "other_names", "description", "source", "licence", "version", "color", "codes"}
CODE_FIELDS = {"key", "guid", "name", "other_names", "color", "codable", "definition", "inclusion", "exclusion",
               "indicators", "examples", "attributes", "children"}
# YAML field -> codes column (for texts that exist in each language).
TEXTS = {"name": "name", "definition": "description", "inclusion": "inclusion", "exclusion": "exclusion"}
LISTS = ("indicators", "examples")
METADATA = ("source", "licence", "version")
_GUID_NAMESPACE = uuid.UUID("6f1c1e53-3d1b-5b7e-9a43-2f3c0c8e6a10")


def schemes_dir() -> Path:
    """The folder of shipped schemes: `coding_schemes/` beside the package (source tree, editable
    install, frozen app), else the copy a wheel installs under `<prefix>/share/verbatim-workbench/`."""
    import workbench

    candidates = [
        Path(workbench.__file__).resolve().parent.parent / "coding_schemes",
        Path(sys.prefix) / "share" / "verbatim-workbench" / "coding_schemes",
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise WorkbenchError(f"shipped coding schemes not found (looked in {', '.join(map(str, candidates))})")


def derived_guid(scheme: str, key: str | None = None) -> str:
    """The stable GUID of a scheme's root (key None) or of one of its codes."""
    return str(uuid.uuid5(_GUID_NAMESPACE, scheme if key is None else f"{scheme}:{key}"))


# -- reading and checking a file ---------------------------------------------------------------------------
def _texts(value: Any, where: str, field: str, path: Path) -> dict[str, str]:
    """{lang: text}. A plain string is one untranslated text (key '*')."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"*": value} if value.strip() else {}
    if isinstance(value, dict) and all(k in LANGUAGES and isinstance(v, str) for k, v in value.items()):
        return {k: v for k, v in value.items() if v.strip()}
    raise IngestError(path, f"{where}: '{field}' must be a text or a mapping {{fr: …, en: …}} of texts")


def _lists(value: Any, where: str, field: str, path: Path) -> dict[str, list[str]]:
    if value is None:
        return {}
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return {"*": value} if value else {}
    if isinstance(value, dict) and all(
        k in LANGUAGES and isinstance(v, list) and all(isinstance(i, str) for i in v) for k, v in value.items()
    ):
        return {k: v for k, v in value.items() if v}
    raise IngestError(path, f"{where}: '{field}' must be a list of texts or a mapping {{fr: […], en: […]}}")


def _read_code(raw: Any, where: str, path: Path, keys: set[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise IngestError(path, f"{where}: each code must be a mapping with at least a name")
    unknown = set(raw) - CODE_FIELDS
    if unknown:
        raise IngestError(path, f"{where}: unknown field(s) {', '.join(sorted(unknown))}; "
                                f"allowed: {', '.join(sorted(CODE_FIELDS))}", kind="unknown_field", where=where,
                          fields=", ".join(sorted(unknown)), allowed=", ".join(sorted(CODE_FIELDS)))
    key = raw.get("key")
    label = f"{where} > {key or raw.get('name')}"
    if key is not None:
        if not isinstance(key, str) or not codebook._KEY.match(key):
            raise IngestError(path, f"{label}: key {key!r} must be lower-case letters, digits and '_'")
        if key in keys:
            raise IngestError(path, f"{label}: key {key!r} is used twice in this scheme")
        keys.add(key)
    code: dict[str, Any] = {"key": key, "guid": raw.get("guid")}
    for field in TEXTS:
        code[field] = _texts(raw.get(field), label, field, path)
    if not code["name"]:
        raise IngestError(path, f"{label}: a code needs a name")
    for field in LISTS:
        code[field] = _lists(raw.get(field), label, field, path)
    # Names an analyst may type for this code; the library reads them (`codebook_library`), a project does not.
    code["other_names"] = _lists(raw.get("other_names"), label, "other_names", path)
    code["color"] = raw.get("color")
    if code["color"] is not None:
        try:
            codebook.clean_color(code["color"])
        except CodingError as exc:
            raise IngestError(path, f"{label}: {exc}") from None
    code["codable"] = raw.get("codable", True)
    if not isinstance(code["codable"], bool):
        raise IngestError(path, f"{label}: 'codable' must be true or false")
    attributes = raw.get("attributes")
    if attributes is not None and not isinstance(attributes, dict):
        raise IngestError(path, f"{label}: 'attributes' must be a mapping")
    code["attributes"] = attributes
    kids = raw.get("children") or []
    if not isinstance(kids, list):
        raise IngestError(path, f"{label}: 'children' must be a list of codes")
    code["children"] = [_read_code(child, label, path, keys) for child in kids]
    return code


def _safe_loader() -> type:
    """PyYAML's safe loader in C (libyaml) when the wheel has it: the shipped schemes take 2 s to read
    with the pure-Python one, which a cached suggestion run spends before it does anything else."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str, path: Path) -> None:
    """Refuse YAML aliases (`*name`): a scheme never needs them, and nested aliases can make a tiny file
    expand into an enormous code tree (the YAML form of a "billion laughs" attack)."""
    import yaml

    for event in yaml.parse(text, Loader=_safe_loader()):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else None
            raise IngestError(path, "YAML aliases (*name) are not allowed in a scheme file; write each code out", line)


def read_scheme(path: str | Path) -> dict[str, Any]:
    """Parse and check a scheme file. Returns {key, name, description, source, licence, version, color,
    codes}, texts as {lang: text} ('*' for an untranslated text). Raises IngestError naming the problem."""
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        _refuse_aliases(text, path)
        raw = yaml.load(text, Loader=_safe_loader())
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise IngestError(path, "not UTF-8 text", kind="not_utf8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise IngestError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None,
                          kind="invalid_yaml") from None
    if not isinstance(raw, dict):
        raise IngestError(path, "a scheme file is a mapping with at least 'key', 'name' and 'codes'",
                          kind="not_a_scheme")
    unknown = set(raw) - SCHEME_FIELDS
    if unknown:
        raise IngestError(path, f"unknown scheme field(s) {', '.join(sorted(unknown))}; "
                                f"allowed: {', '.join(sorted(SCHEME_FIELDS))}")
    if raw.get("format", FORMAT) != FORMAT:
        raise IngestError(path, f"scheme format {raw.get('format')!r} is not supported (this program reads {FORMAT})")
    key = raw.get("key")
    if not isinstance(key, str) or not codebook._KEY.match(key):
        raise IngestError(path, "the scheme needs a 'key' of lower-case letters, digits and '_' (e.g. emotions)")
    name = _texts(raw.get("name"), key, "name", path)
    if not name:
        raise IngestError(path, f"{key}: the scheme needs a name")
    codes = raw.get("codes")
    if not isinstance(codes, list) or not codes:
        raise IngestError(path, f"{key}: 'codes' must be a non-empty list of codes")
    keys: set[str] = {key}
    scheme = {
        "key": key,
        "name": name,
        "other_names": _lists(raw.get("other_names"), key, "other_names", path),
        "description": _texts(raw.get("description"), key, "description", path),
        "color": raw.get("color"),
        "codes": [_read_code(code, key, path, keys) for code in codes],
    }
    for field in METADATA:
        value = raw.get(field)
        if value is not None and not isinstance(value, str | int | float):
            raise IngestError(path, f"{key}: '{field}' must be a text")
        scheme[field] = value
    return scheme


def _count(codes: list[dict[str, Any]]) -> int:
    return sum(1 + _count(code["children"]) for code in codes)


def list_schemes() -> list[dict[str, Any]]:
    """The shipped schemes: key, name and description {fr, en}, source, number of codes, file path."""
    found = []
    for path in sorted(schemes_dir().glob("*.yaml")):
        scheme = read_scheme(path)
        found.append({
            "key": scheme["key"], "name": scheme["name"], "description": scheme["description"],
            "source": scheme["source"], "codes": _count(scheme["codes"]), "path": str(path),
        })
    return found


def resolve_scheme(path_or_name: str | Path) -> Path:
    """A scheme file from a path, or from the name of a shipped scheme ('emotions')."""
    candidate = Path(path_or_name)
    if candidate.is_file():
        return candidate
    name = str(path_or_name)
    if "/" not in name and "\\" not in name:
        shipped = schemes_dir() / f"{Path(name).stem}.yaml"
        if shipped.is_file():
            return shipped
    names = ", ".join(path.stem for path in sorted(schemes_dir().glob("*.yaml")))
    raise WorkbenchError(f"{path_or_name}: no such file and no shipped scheme of that name (shipped: {names})")


# -- into a project ------------------------------------------------------------------------------------
def pick(texts: dict[str, Any], language: str) -> Any:
    """The text in `language`, else the untranslated one, else the first language present."""
    for choice in (language, "*"):
        if choice in texts:
            return texts[choice]
    return next(iter(texts.values()), None)


def _translations(code: dict[str, Any], language: str) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = {}
    for field in (*TEXTS, *LISTS):
        for lang, value in code.get(field, {}).items():
            if lang not in ("*", language):
                result.setdefault(lang, {})[TEXTS.get(field, field)] = value
    return result


def _insert(rec: Recorder, code: dict[str, Any], parent_id: int, scheme: str, language: str) -> int:
    guid = code["guid"] or (derived_guid(scheme, code["key"]) if code["key"] else None)
    try:
        code_id = codebook.insert_code(
            rec, pick(code["name"], language), parent_id, guid=guid, key=code["key"], scheme=scheme,
            color=code["color"], codable=code["codable"], description=pick(code["definition"], language),
            inclusion=pick(code["inclusion"], language), exclusion=pick(code["exclusion"], language),
            indicators=pick(code["indicators"], language) or [], examples=pick(code["examples"], language) or [],
            translations=_translations(code, language) or None, attributes=code["attributes"],
        )
    except CodingError as exc:
        raise CodingError(f"scheme {scheme}, code {code['key'] or pick(code['name'], language)}: {exc}") from None
    for child in code["children"]:
        _insert(rec, child, code_id, scheme, language)
    return code_id


def load_scheme(project: Project, path_or_name: str | Path, language: str | None = None,
                coder_id: int | None = None) -> int:
    """Add a scheme (a file, or a shipped scheme's name) to the project as one undoable action; returns
    the id of its root code. A scheme already in the project is refused: delete its root code first."""
    path = resolve_scheme(path_or_name)
    scheme = read_scheme(path)
    language = language or project.language
    if language not in LANGUAGES:
        raise WorkbenchError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    key = scheme["key"]
    existing = codebook.scheme_root(project, key)
    if existing is not None:
        raise CodingError(
            f"scheme {key!r} is already in this project as {codebook.code_path(project, existing)!r} "
            f"(code {existing}); delete that code first to load it again"
        )
    metadata = {field: scheme[field] for field in METADATA if scheme[field] is not None}
    root_code = {"key": key, "guid": derived_guid(key), "name": scheme["name"], "definition": scheme["description"],
                 "inclusion": {}, "exclusion": {}, "indicators": {}, "examples": {}, "color": scheme["color"],
                 "codable": False, "attributes": metadata or None, "children": scheme["codes"]}
    description = f"loaded coding scheme {key!r} from {path.name}"
    with action(project, "load_scheme", coder_id, {"scheme": key, "file": str(path)}, description) as rec:
        return _insert(rec, root_code, None, key, language)


# -- out of a project ----------------------------------------------------------------------------------
def _export_texts(node: dict[str, Any], column: str, language: str) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    if node.get(column):
        values[language] = node[column]
    for lang, fields in sorted(node["translations"].items()):
        if fields.get(column):
            values[lang] = fields[column]
    return values or None


def _export_code(node: dict[str, Any], kids: dict[int, list[dict[str, Any]]], scheme: str,
                 language: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if node["key"]:
        out["key"] = node["key"]
    if not node["key"] or node["guid"] != derived_guid(scheme, node["key"]):
        out["guid"] = node["guid"]
    for field, column in TEXTS.items():
        value = _export_texts(node, column, language)
        if value:
            out[field] = value
    out["color"] = node["color"]
    if not node["codable"]:
        out["codable"] = False
    for field in LISTS:
        value = _export_texts(node, field, language)
        if value:
            out[field] = value
    if node["attributes"]:
        out["attributes"] = node["attributes"]
    below = kids.get(node["id"], [])
    if below:
        out["children"] = [_export_code(child, kids, scheme, language) for child in below]
    return out


def _slug(name: str) -> str:
    """A scheme key made from a code name: 'Motifs d'appel' -> 'motifs_d_appel'."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")
    return slug if slug and slug[0].isalnum() else f"scheme_{slug}".rstrip("_")


def scheme_document(project: Project, root_id: int) -> dict[str, Any]:
    """The YAML structure of the sub-tree under `root_id` (the root becomes the scheme itself)."""
    nodes = codebook.code_tree(project, root_id)
    root = nodes[0]
    language = project.language
    key = root["scheme"] or root["key"] or _slug(root["name"])
    kids: dict[int, list[dict[str, Any]]] = {}
    for node in nodes[1:]:
        kids.setdefault(node["parent_id"], []).append(node)
    document: dict[str, Any] = {"format": FORMAT, "key": key, "name": _export_texts(root, "name", language)}
    description = _export_texts(root, "description", language)
    if description:
        document["description"] = description
    for field in METADATA:
        if root["attributes"].get(field) is not None:
            document[field] = root["attributes"][field]
    document["color"] = root["color"]
    if not kids.get(root_id):
        raise CodingError(f"{root['path']!r} has no sub-codes: nothing to save as a scheme")
    document["codes"] = [_export_code(child, kids, key, language) for child in kids[root_id]]
    return document


def save_scheme(project: Project, root_id: int, path: str | Path) -> Path:
    """Write the scheme under `root_id` as YAML (readable, UTF-8, accents kept). Returns the path."""
    import yaml

    path = Path(path)
    document = scheme_document(project, root_id)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    with output_file(path, project) as partial:
        partial.write_text(text, encoding="utf-8")
    return path
