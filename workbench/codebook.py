"""The codebook: a tree of codes of any depth, and every change a user can make to it.

Codes live in the `codes` table; `parent_id` makes the tree and `position` (0, 1, 2… without gaps) orders
siblings. A code can be a pure grouping node (`codable = FALSE`), such as the root of a shipped scheme.

Why every change goes through `journal.action`: a merge or a delete touches many rows (codings moved or
deleted, sub-codes re-parented, sibling positions shifted, memos and suggestions re-targeted) and the
user must be able to take it all back in one undo, and redo it, exactly. So the functions here only ever
write through the `Recorder`, never with bare SQL.

Rules a user sees:
- names are non-empty, contain no "/" (it separates levels in a code path such as "Parent/Child") and are
  unique among siblings ignoring case but not accents ("Prix" clashes with "prix", not with "Prîx");
- colours are "#RRGGBB" (or "#RGB", stored expanded); a code without a colour gets the first colour of
  `PALETTE` that no code of its scheme (the sub-tree of its top-level code) has yet, so the highlights of
  one scheme never share a colour;
- a `key` (stable identifier of a shipped scheme's code) is unique inside its scheme;
- `delete_code` refuses a code with sub-codes unless `recursive=True`; the code's codings (and memos on
  them), memos on the code, its pending suggestions and its set memberships are deleted with it;
- `merge_codes` moves the source's codings, suggestions, memos and set memberships to the target (a
  coding identical to one the target already has, same document, span and coder, is dropped instead of
  duplicated), re-parents the source's sub-codes under the target (a sub-code whose name the target
  already has is merged into that one, recursively), then deletes the source.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.errors import BadCodeName, CodeNameTaken, CodingError, FixedCodebook, GroupingCode
from workbench.journal import Recorder, action
from workbench.project import EXERCISE_KEY, Project
from workbench.store import codings, suggestions
from workbench.store.memos import delete_memos_on, retarget_memos

# Paul Tol's colour-blind-safe qualitative schemes, "muted" first, then "light" and "bright" (their greys
# left out): 23 colours a reader can tell apart, most of them light enough to sit behind text. A scheme
# with more codes than that gets colours spread around the hue circle (`_spread_color`).
PALETTE: tuple[str, ...] = (
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499",
    "#77AADD", "#EE8866", "#BBCC33", "#FFAABB", "#99DDFF", "#44BB99", "#EEDD88", "#AAAA00",
    "#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377",
)

# Columns a caller may set with create_code / update_code (parent and position have their own functions).
EDITABLE = (
    "name", "color", "description", "inclusion", "exclusion", "indicators", "examples",
    "translations", "attributes", "key", "scheme", "codable",
)
_TEXT_FIELDS = ("description", "inclusion", "exclusion")
_COLOR = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


# -- validation ---------------------------------------------------------------------------------------
def clean_name(name: str) -> str:
    """A code name as stored: NFC, surrounding blanks removed. Refuses empty names and "/"."""
    if not isinstance(name, str):
        raise CodingError(f"a code name must be text, not {type(name).__name__}")
    cleaned = unicodedata.normalize("NFC", " ".join(name.split()))
    if not cleaned:
        raise BadCodeName("a code name cannot be empty", name=cleaned)
    if "/" in cleaned:
        raise BadCodeName(f"a code name cannot contain '/' (it separates levels of a code path): {cleaned!r}",
                          name=cleaned)
    return cleaned


def clean_color(color: str | None) -> str | None:
    """'#RRGGBB' in upper case; '#RGB' is expanded. None stays None (the palette decides)."""
    if color is None:
        return None
    if not isinstance(color, str) or not _COLOR.match(color.strip()):
        raise CodingError(f"colour {color!r} is not of the form #RRGGBB (for example #CC6677)")
    digits = color.strip()[1:]
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits.upper()


def clean_guid(guid: str | None) -> str:
    """A GUID as stored: lower case, without the braces some tools (NVivo, MAXQDA) put around it."""
    if guid is None:
        return str(uuid.uuid4())
    value = guid.strip().strip("{}").lower()
    if not _GUID.match(value):
        raise CodingError(f"{guid!r} is not a GUID (expected 8-4-4-4-12 hexadecimal digits)")
    return value


def _clean_key(key: str | None) -> str | None:
    if key is None:
        return None
    if not isinstance(key, str) or not _KEY.match(key):
        raise CodingError(f"code key {key!r} must be lower-case letters, digits and '_' (e.g. best_friendship)")
    return key


def _clean_list(values: Iterable[str] | None, what: str) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        raise CodingError(f"{what} must be a list of texts, not one text")
    result = []
    for value in values:
        if not isinstance(value, str):
            raise CodingError(f"{what} must be texts, got {value!r}")
        text = unicodedata.normalize("NFC", value.strip())
        if text:
            result.append(text)
    return result


def _clean_text(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CodingError(f"{what} must be text, got {value!r}")
    # Kept as written, trailing spaces and line breaks included: a definition from another QDA tool must
    # go back to it byte for byte (REFI-QDA round trips); only a blank one means "none".
    text = unicodedata.normalize("NFC", value)
    return text if text.strip() else None


def _clean_json(value: dict[str, Any] | None, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise CodingError(f"{what} must be a mapping, got {value!r}")
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise CodingError(f"{what} cannot be stored: {exc}") from exc


def _clean_field(field: str, value: Any) -> Any:
    if field == "name":
        return clean_name(value)
    if field == "color":
        return clean_color(value)
    if field in _TEXT_FIELDS:
        return _clean_text(value, field)
    if field in ("indicators", "examples"):
        return _clean_list(value, field)
    if field in ("translations", "attributes"):
        return _clean_json(value, field)
    if field == "key":
        return _clean_key(value)
    if field == "scheme":
        return _clean_key(value)
    if field == "codable":
        return bool(value)
    raise CodingError(f"unknown code field {field!r}; editable fields: {', '.join(EDITABLE)}")


# -- reading ------------------------------------------------------------------------------------------
def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for column in ("translations", "attributes"):
        value = row.get(column)
        row[column] = json.loads(value) if isinstance(value, str) else (value or {})
    row["indicators"] = list(row.get("indicators") or [])
    row["examples"] = list(row.get("examples") or [])
    return row


def _skeleton(project: Project) -> dict[int, tuple[int | None, int, str]]:
    """id -> (parent_id, position, name) of every code: small enough to walk in Python."""
    return {row[0]: (row[1], row[2], row[3]) for row in project.rows("SELECT id, parent_id, position, name FROM codes")}


def _children_map(skeleton: dict[int, tuple[int | None, int, str]]) -> dict[int | None, list[int]]:
    children: dict[int | None, list[int]] = {}
    for code_id, (parent, position, _name) in skeleton.items():
        children.setdefault(parent, []).append(code_id)
    for ids in children.values():
        ids.sort(key=lambda code_id: (skeleton[code_id][1], code_id))
    return children


def is_fixed(project: Project) -> bool:
    """True in an exercise file (or a hand-in): its codebook is the trainer's. Collecting checks a hand-in's
    codebook code by code, so a change made in a trainee's copy would only be found then, and cost the
    trainee their work. Colours, descriptions and the order of siblings are not checked and may change."""
    return project.get_meta(EXERCISE_KEY) is not None


def _refuse_in_exercise(project: Project) -> None:
    if is_fixed(project):
        raise FixedCodebook(f"{project.path.name} is an exercise: its codebook is the trainer's and cannot "
                            "change here (a hand-in with another codebook cannot be collected)",
                            file=project.path.name)


def _require(project: Project, code_id: int) -> None:
    if code_id is None or project.scalar("SELECT count(*) FROM codes WHERE id = ?", [code_id]) == 0:
        raise CodingError(f"no code with id {code_id}")


def children(project: Project, parent_id: int | None) -> list[int]:
    """Ids of the direct sub-codes of `parent_id` (None: the top-level codes), in order."""
    return _children_map(_skeleton(project)).get(parent_id, [])


def names_around(project: Project, parent_id: int | None) -> tuple[list[str], str | None]:
    """The names of the codable codes directly under `parent_id` (None: the top level), in order, and the
    parent's name: what a new code's name is read beside when it borrows a shipped definition
    (`codebook_library.group_scheme`)."""
    names = [row[0] for row in project.rows(
        "SELECT name FROM codes WHERE parent_id IS NOT DISTINCT FROM ? AND codable ORDER BY position, id",
        [parent_id])]
    parent = None if parent_id is None else project.rows("SELECT name FROM codes WHERE id = ?", [parent_id])[0][0]
    return names, parent


def descendants(project: Project, code_id: int) -> list[int]:
    """Ids of every code below `code_id` (not itself), depth first in sibling order."""
    _require(project, code_id)
    kids = _children_map(_skeleton(project))
    found: list[int] = []
    stack = list(reversed(kids.get(code_id, [])))
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(kids.get(current, [])))
    return found


def code_roots(project: Project) -> dict[int, int]:
    """code id -> id of its top-level ancestor (the scheme it belongs to)."""
    rows = project.rows(
        """
        WITH RECURSIVE down(id, root) AS (
            SELECT id, id FROM codes WHERE parent_id IS NULL
            UNION ALL
            SELECT c.id, down.root FROM codes c JOIN down ON c.parent_id = down.id
        )
        SELECT id, root FROM down
        """
    )
    return dict(rows)


def code_path(project: Project, code_id: int) -> str:
    """'Parent/Child/Grandchild': the names from the top of the tree down to the code."""
    _require(project, code_id)
    skeleton = _skeleton(project)
    names: list[str] = []
    current: int | None = code_id
    while current is not None:
        parent, _position, name = skeleton[current]
        names.append(name)
        current = parent
    return "/".join(reversed(names))


def get_code(project: Project, code_id: int) -> dict[str, Any]:
    """Every column of one code, JSON decoded, plus its `path` and `depth` (0 for a top-level code)."""
    rows = project.dicts("SELECT * FROM codes WHERE id = ?", [code_id])
    if not rows:
        raise CodingError(f"no code with id {code_id}")
    code = _decode(rows[0])
    code["path"] = code_path(project, code_id)
    code["depth"] = code["path"].count("/")
    return code


def code_tree(project: Project, root_id: int | None = None, *, counts: bool = False) -> list[dict[str, Any]]:
    """The codes in depth-first, sibling order, each with `depth` and `path`.

    With `root_id`, only that code and its sub-tree (depth stays relative to the whole tree). With
    `counts`, each node also has `n_codings` (its own codings) and `n_documents`.
    """
    rows = {row["id"]: _decode(row) for row in project.dicts("SELECT * FROM codes")}
    if root_id is not None and root_id not in rows:
        raise CodingError(f"no code with id {root_id}")
    tally: dict[int, tuple[int, int]] = {}
    if counts:
        tally = {
            code_id: (n, d)
            for code_id, n, d in project.rows(
                "SELECT code_id, count(*), count(DISTINCT document_id) FROM codings GROUP BY code_id"
            )
        }
    skeleton = {code_id: (row["parent_id"], row["position"], row["name"]) for code_id, row in rows.items()}
    kids = _children_map(skeleton)
    result: list[dict[str, Any]] = []

    def path_of(code_id: int) -> list[str]:
        names = []
        current: int | None = code_id
        while current is not None:
            names.append(rows[current]["name"])
            current = rows[current]["parent_id"]
        return list(reversed(names))

    starts = [root_id] if root_id is not None else kids.get(None, [])
    stack: list[tuple[int, list[str]]] = [(code_id, path_of(code_id)) for code_id in reversed(starts)]
    while stack:
        code_id, names = stack.pop()
        node = dict(rows[code_id])
        node["path"] = "/".join(names)
        node["depth"] = len(names) - 1
        if counts:
            node["n_codings"], node["n_documents"] = tally.get(code_id, (0, 0))
        result.append(node)
        stack.extend((child, names + [rows[child]["name"]]) for child in reversed(kids.get(code_id, [])))
    return result


def coding_counts(project: Project) -> dict[int, int]:
    """How many codings each code has (codes without any are absent). What the code tree shows after
    every coding: without `code_tree(counts=True)`'s distinct documents, which cost ten times more on a
    large project (25 ms against 185-420 ms for a million codings)."""
    return {int(code_id): int(n) for code_id, n in project.rows("SELECT code_id, count(*) FROM codings GROUP BY code_id")}


def removal_counts(project: Project, code_id: int) -> dict[str, int]:
    """What deleting a code with its sub-tree would take away, for the confirmation a user reads first:
    {"subcodes", "codings", "memos"} (memos on the codes and on their codings)."""
    subtree = [code_id, *descendants(project, code_id)]
    marks = _in(subtree)
    codings_count = int(project.scalar(f"SELECT count(*) FROM codings WHERE code_id IN ({marks})", subtree))
    memos_count = int(project.scalar(
        f"""SELECT count(*) FROM memos
            WHERE (target_kind = 'code' AND target_id IN ({marks}))
               OR (target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE code_id IN ({marks})))""",
        [*subtree, *subtree],
    ))
    return {"subcodes": len(subtree) - 1, "codings": codings_count, "memos": memos_count}


def scheme_root(project: Project, scheme: str) -> int | None:
    """Id of the grouping code a scheme was loaded under (its key is the scheme's key), or None."""
    value = project.scalar("SELECT id FROM codes WHERE scheme = ? AND key = ? ORDER BY id LIMIT 1", [scheme, scheme])
    return None if value is None else int(value)


def find_code(project: Project, path_or_key: str | int, scheme: str | None = None) -> int:
    """The id of a code named the one way every command and service accepts: an id (a number, as given
    on the command line or shown by `workbench codebook list`), a path of names ("Formes de relation/
    Positives et intimes/Meilleure amitié"), a `scheme:key` ("relationship_forms:best_friendship"), a bare
    key ("best_friendship"), or the name of a single code anywhere in the tree ("Meilleure amitié").

    Names match ignoring case. With `scheme`, paths may also start below that scheme's root and bare keys
    are looked up in that scheme only. Raises CodingError listing the closest codes when nothing matches,
    or the candidates when a key or a name is ambiguous.
    """
    if isinstance(path_or_key, int):
        _require(project, path_or_key)
        return path_or_key
    text = unicodedata.normalize("NFC", str(path_or_key).strip()).strip("/")
    if not text:
        raise CodingError("no code given: give a code path such as 'Parent/Child' or a key")
    if text.isdigit() and project.scalar("SELECT count(*) FROM codes WHERE id = ?", [int(text)]):
        return int(text)
    if ":" in text and "/" not in text:
        prefix, _, key = text.partition(":")
        found = project.rows("SELECT id FROM codes WHERE scheme = ? AND key = ?", [prefix, key])
        if found:
            return int(found[0][0])
    skeleton = _skeleton(project)
    kids = _children_map(skeleton)
    parts = [part.strip() for part in text.split("/")]
    starts: list[int | None] = [None]
    if scheme is not None:
        root = scheme_root(project, scheme)
        if root is not None:
            starts.append(root)
    for start in starts:
        hit = _walk(skeleton, kids, start, parts)
        if hit is not None:
            return hit
    if "/" not in text:
        if scheme is not None:
            found = project.rows("SELECT id FROM codes WHERE key = ? AND scheme = ?", [text, scheme])
        else:
            found = project.rows("SELECT id, scheme FROM codes WHERE key = ? ORDER BY id", [text])
        if len(found) == 1:
            return int(found[0][0])
        if len(found) > 1:
            options = ", ".join(f"{row[1]}:{text}" if row[1] else f"{text} (no scheme)" for row in found)
            raise CodingError(f"key {text!r} is in several schemes; say which: {options}")
        named = [code_id for code_id, (_, _, name) in skeleton.items() if name.casefold() == text.casefold()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            paths = ", ".join(sorted(code_path(project, code_id) for code_id in named))
            raise CodingError(f"{len(named)} codes are called {text!r}; give the path of one: {paths}")
    raise CodingError(_not_found_message(project, text))


def find_codable_code(project: Project, spec: str | int) -> int:
    """`find_code`, for a code about to be applied: a grouping node is refused with the reason."""
    code_id = find_code(project, spec)
    if not project.scalar("SELECT codable FROM codes WHERE id = ?", [code_id]):
        path = code_path(project, code_id)
        raise GroupingCode(f"code {path!r} is a grouping node and cannot be applied; choose one of its children",
                           path=path)
    return code_id


def _walk(skeleton: dict[int, tuple[int | None, int, str]], kids: dict[int | None, list[int]],
          start: int | None, parts: Sequence[str]) -> int | None:
    current = start
    for part in parts:
        wanted = part.casefold()
        match = [child for child in kids.get(current, []) if skeleton[child][2].casefold() == wanted]
        if not match:
            return None
        current = match[0]
    return current


def _not_found_message(project: Project, text: str) -> str:
    candidates: list[str] = []
    for node in code_tree(project):
        candidates.append(node["path"])
        if node["key"]:
            candidates.append(f"{node['scheme']}:{node['key']}" if node["scheme"] else node["key"])
    close = difflib.get_close_matches(text, candidates, n=5, cutoff=0.5)
    if not close:
        leaf = text.split("/")[-1].casefold()
        close = [c for c in candidates if leaf and leaf in c.casefold()][:5]
    hint = f"; did you mean: {', '.join(close)}" if close else ""
    if not candidates:
        hint = "; the project has no codes yet (load a scheme with `workbench codebook load`)"
    return f"no code {text!r}{hint}"


# -- writing (inside an action) -------------------------------------------------------------------------
def _check_sibling_name(project: Project, parent_id: int | None, name: str, exclude: int | None = None) -> None:
    siblings = project.rows(
        "SELECT id, name FROM codes WHERE parent_id IS NOT DISTINCT FROM ? AND id IS DISTINCT FROM ?",
        [parent_id, exclude],
    )
    for sibling_id, sibling in siblings:
        if sibling.casefold() == name.casefold():
            parent = code_path(project, parent_id) if parent_id is not None else None
            where = f"under {parent!r}" if parent is not None else "at the top level"
            raise CodeNameTaken(f"a code named {sibling!r} already exists {where} (id {sibling_id}); "
                                "choose another name", name=sibling, parent=parent)


def _check_key(project: Project, scheme: str | None, key: str | None, exclude: int | None = None) -> None:
    if key is None:
        return
    clash = project.scalar(
        "SELECT id FROM codes WHERE key = ? AND scheme IS NOT DISTINCT FROM ? AND id IS DISTINCT FROM ?",
        [key, scheme, exclude],
    )
    if clash is not None:
        raise CodingError(f"key {key!r} is already used in scheme {scheme!r} by code {code_path(project, clash)!r}")


def _next_position(project: Project, parent_id: int | None) -> int:
    return int(project.scalar(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM codes WHERE parent_id IS NOT DISTINCT FROM ?", [parent_id]
    ))


def insert_code(rec: Recorder, name: str, parent_id: int | None = None, *, guid: str | None = None,
                **fields: Any) -> int:
    """Create one code inside an open action (`rec`); `fields` are any of EDITABLE except name.

    For importers (YAML schemes, REFI codebooks and projects) that create many codes in one action.
    """
    project = rec.project
    _refuse_in_exercise(project)
    if parent_id is not None:
        _require(project, parent_id)
    values: dict[str, Any] = {"name": clean_name(name)}
    for field, value in fields.items():
        if field == "name":
            raise CodingError("give the name once")
        values[field] = _clean_field(field, value)
    _check_sibling_name(project, parent_id, values["name"])
    values["guid"] = clean_guid(guid)
    existing = project.scalar("SELECT id FROM codes WHERE guid = ?", [values["guid"]])
    if existing is not None:
        raise CodingError(f"a code with GUID {values['guid']} already exists ({code_path(project, existing)!r})")
    _check_key(project, values.get("scheme"), values.get("key"))
    position = _next_position(project, parent_id)
    if values.get("color") is None:
        values["color"] = default_color(project, parent_id)
    values.update(parent_id=parent_id, position=position)
    values.setdefault("codable", True)
    values.setdefault("indicators", [])
    values.setdefault("examples", [])
    return rec.insert("codes", values)


def scheme_colors(project: Project, parent_id: int | None, exclude: int | None = None) -> set[str]:
    """The colours already taken in the scheme a code under `parent_id` belongs to: every code in the
    sub-tree of its top-level ancestor (for a top-level code, the other top-level codes), `exclude` left
    out. Walked in SQL, so that an import creating thousands of codes does not read the codebook each time."""
    if parent_id is None:
        rows = project.rows("SELECT color FROM codes WHERE parent_id IS NULL AND id IS DISTINCT FROM ?", [exclude])
        return {row[0] for row in rows if row[0]}
    rows = project.rows(
        """
        WITH RECURSIVE up(id, parent_id) AS (
            SELECT id, parent_id FROM codes WHERE id = $parent
            UNION ALL SELECT c.id, c.parent_id FROM codes c JOIN up ON c.id = up.parent_id
        ), down(id) AS (
            SELECT id FROM up WHERE parent_id IS NULL
            UNION ALL SELECT c.id FROM codes c JOIN down ON c.parent_id = down.id
        )
        SELECT k.color FROM codes k JOIN down ON k.id = down.id WHERE k.id IS DISTINCT FROM $exclude
        """,
        {"parent": parent_id, "exclude": exclude},
    )
    return {row[0] for row in rows if row[0]}


def _spread_color(index: int) -> str:
    """The `index`-th colour after the palette: hues a golden angle apart, at a lightness that keeps text
    readable on top, so that colours keep differing however many codes a scheme has."""
    import colorsys

    hue = (index * 0.618033988749895) % 1.0
    lightness = (0.62, 0.72, 0.52)[index % 3]
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, 0.55)
    return f"#{round(red * 255):02X}{round(green * 255):02X}{round(blue * 255):02X}"


def default_color(project: Project, parent_id: int | None, exclude: int | None = None) -> str:
    """The colour of a code created (or reset) without one under `parent_id`: the first palette colour
    that its scheme does not use yet, so that no two codes of a scheme look alike; `exclude` is the code
    being recoloured, whose own colour is free again."""
    taken = scheme_colors(project, parent_id, exclude)
    for color in PALETTE:
        if color not in taken:
            return color
    index = 0
    while _spread_color(index) in taken:
        index += 1
    return _spread_color(index)


def _renumber(rec: Recorder, ordered: Sequence[int]) -> None:
    """Give siblings positions 0..n-1 in the given order, journalling only the rows that change."""
    for position, code_id in enumerate(ordered):
        current = rec.project.scalar("SELECT position FROM codes WHERE id = ?", [code_id])
        if current != position:
            rec.update("codes", code_id, {"position": position})


def _ids_where(project: Project, sql: str, params: Sequence[Any]) -> list[int]:
    return [int(row[0]) for row in project.rows(sql, params)]


def _in(ids: Sequence[int]) -> str:
    return ", ".join("?" for _ in ids)


def _move(rec: Recorder, code_id: int, new_parent_id: int | None, position: int | None) -> None:
    project = rec.project
    old_parent = project.scalar("SELECT parent_id FROM codes WHERE id = ?", [code_id])
    if new_parent_id is not None:
        _require(project, new_parent_id)
        if new_parent_id == code_id or new_parent_id in descendants(project, code_id):
            raise CodingError(
                f"cannot move {code_path(project, code_id)!r} under {code_path(project, new_parent_id)!r}: "
                "a code cannot be placed inside itself or its own sub-codes"
            )
    name = project.scalar("SELECT name FROM codes WHERE id = ?", [code_id])
    _check_sibling_name(project, new_parent_id, name, exclude=code_id)
    old_siblings = [c for c in children(project, old_parent) if c != code_id]
    new_siblings = old_siblings if old_parent == new_parent_id else children(project, new_parent_id)
    if position is None:
        position = len(new_siblings)
    if position < 0 or position > len(new_siblings):
        raise CodingError(f"position {position} is outside 0..{len(new_siblings)}")
    if old_parent != new_parent_id:
        _refuse_in_exercise(project)
        rec.update("codes", code_id, {"parent_id": new_parent_id})
        _renumber(rec, old_siblings)
    ordered = list(new_siblings)
    ordered.insert(position, code_id)
    _renumber(rec, ordered)


def _delete_codes(rec: Recorder, code_ids: Sequence[int]) -> None:
    """Delete codes with their codings, memos on them and on their codings, suggestions and set memberships."""
    project = rec.project
    _refuse_in_exercise(project)
    marks = _in(code_ids)
    codings.delete_for_codes(rec, list(code_ids))
    delete_memos_on(rec, "code", list(code_ids))
    suggestions.delete_for_codes(rec, list(code_ids))
    rec.delete("code_set_members", _ids_where(
        project, f"SELECT id FROM code_set_members WHERE code_id IN ({marks})", code_ids))
    rec.delete("codes", list(code_ids))


def _merge(rec: Recorder, source_id: int, target_id: int) -> int:
    """Merge one code into another inside an action; returns how many duplicate codings were dropped."""
    project = rec.project
    _refuse_in_exercise(project)
    dropped = codings.merge_codes(rec, source_id, target_id)
    suggestions.merge_codes(rec, source_id, target_id)
    retarget_memos(rec, "code", {source_id: target_id})
    for member_id, set_id in project.rows("SELECT id, set_id FROM code_set_members WHERE code_id = ?", [source_id]):
        if project.scalar("SELECT count(*) FROM code_set_members WHERE set_id = ? AND code_id = ?", [set_id, target_id]):
            rec.delete("code_set_members", [member_id])
        else:
            rec.update("code_set_members", member_id, {"code_id": target_id})
    for child in children(project, source_id):
        name = project.scalar("SELECT name FROM codes WHERE id = ?", [child]).casefold()
        twin = [c for c in children(project, target_id)
                if project.scalar("SELECT name FROM codes WHERE id = ?", [c]).casefold() == name]
        if twin:
            dropped += _merge(rec, child, twin[0])
        else:
            _move(rec, child, target_id, None)
    parent = project.scalar("SELECT parent_id FROM codes WHERE id = ?", [source_id])
    rec.delete("codes", [source_id])
    _renumber(rec, children(project, parent))
    return dropped


# -- public actions -------------------------------------------------------------------------------------
def create_code(project: Project, name: str, parent_id: int | None = None, *, color: str | None = None,
                description: str | None = None, inclusion: str | None = None, exclusion: str | None = None,
                indicators: Iterable[str] = (), examples: Iterable[str] = (),
                translations: dict[str, Any] | None = None, attributes: dict[str, Any] | None = None,
                key: str | None = None, scheme: str | None = None, codable: bool = True,
                coder_id: int | None = None, guid: str | None = None) -> int:
    """Create a code as the last child of `parent_id` (None: top level) and return its id."""
    where = f" under {code_path(project, parent_id)!r}" if parent_id is not None else ""
    with action(project, "create_code", coder_id, {"name": name, "parent_id": parent_id},
                f"created code {name!r}{where}") as rec:
        return insert_code(
            rec, name, parent_id, guid=guid, color=color, description=description, inclusion=inclusion,
            exclusion=exclusion, indicators=list(indicators), examples=list(examples), translations=translations,
            attributes=attributes, key=key, scheme=scheme, codable=codable,
        )


def update_code(project: Project, code_id: int, *, coder_id: int | None = None, **fields: Any) -> None:
    """Change any of EDITABLE. Refuses a sibling-name clash, a key clash, and making a code that has
    codings non-codable (the codings would become invalid)."""
    _require(project, code_id)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise CodingError(f"unknown code field(s) {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
    if not fields:
        return
    values = {field: _clean_field(field, value) for field, value in fields.items()}
    if {"name", "codable"} & set(values):
        _refuse_in_exercise(project)
    current = get_code(project, code_id)
    if "name" in values:
        _check_sibling_name(project, current["parent_id"], values["name"], exclude=code_id)
    if "key" in values or "scheme" in values:
        _check_key(project, values.get("scheme", current["scheme"]), values.get("key", current["key"]), code_id)
    if values.get("codable") is False and current["codable"]:
        used = project.scalar("SELECT count(*) FROM codings WHERE code_id = ?", [code_id])
        if used:
            raise CodingError(
                f"{current['path']!r} has {used} codings; a code with codings must stay codable "
                "(move them to another code with merge first)"
            )
    if "color" in values and values["color"] is None:
        values["color"] = default_color(project, current["parent_id"], exclude=code_id)
    if set(values) == {"name"}:
        description = f"renamed code {current['path']!r} to {values['name']!r}"
    else:
        description = f"changed {', '.join(sorted(values))} of code {current['path']!r}"
    summary = {"code_id": code_id, "path": current["path"], "fields": sorted(values)}
    if "name" in values:
        summary["new_name"] = values["name"]  # so that an Undo label can say "Renamed X to Y"
    with action(project, "update_code", coder_id, summary, description) as rec:
        rec.update("codes", code_id, values)


def rename_code(project: Project, code_id: int, new_name: str, *, coder_id: int | None = None) -> None:
    """Give a code a new name (unique among its siblings)."""
    update_code(project, code_id, name=new_name, coder_id=coder_id)


def move_code(project: Project, code_id: int, new_parent_id: int | None, position: int | None = None, *,
              coder_id: int | None = None) -> None:
    """Re-parent a code (None: to the top level) at `position` among its new siblings (None: last).
    Refuses to move a code inside itself or its own sub-tree."""
    _require(project, code_id)
    summary = {"code_id": code_id, "path": code_path(project, code_id), "new_parent_id": new_parent_id}
    where = f"under {code_path(project, new_parent_id)!r}" if new_parent_id is not None else "to the top level"
    with action(project, "move_code", coder_id, summary, f"moved code {summary['path']!r} {where}") as rec:
        _move(rec, code_id, new_parent_id, position)


def reorder_code(project: Project, code_id: int, position: int, *, coder_id: int | None = None) -> None:
    """Put a code at `position` (0 = first) among its siblings; the others shift."""
    _require(project, code_id)
    parent = project.scalar("SELECT parent_id FROM codes WHERE id = ?", [code_id])
    summary = {"code_id": code_id, "path": code_path(project, code_id), "position": position}
    with action(project, "reorder_code", coder_id, summary,
                f"moved code {summary['path']!r} to position {position} among its siblings") as rec:
        _move(rec, code_id, parent, position)


def merge_codes(project: Project, source_id: int, target_id: int, *, coder_id: int | None = None) -> dict[str, int]:
    """Merge `source_id` into `target_id` (see the module notes). Returns {"codings": codings of the source
    and its sub-tree, "duplicates": those dropped as identical to one the target side had,
    "target_codings": the target's own codings afterwards}."""
    _require(project, source_id)
    _require(project, target_id)
    if source_id == target_id:
        raise CodingError("cannot merge a code into itself")
    if target_id in descendants(project, source_id):
        raise CodingError(
            f"cannot merge {code_path(project, source_id)!r} into its own sub-code {code_path(project, target_id)!r}"
        )
    subtree = [source_id, *descendants(project, source_id)]
    n_codings = int(project.scalar(f"SELECT count(*) FROM codings WHERE code_id IN ({_in(subtree)})", subtree))
    target_codable = project.scalar("SELECT codable FROM codes WHERE id = ?", [target_id])
    own = int(project.scalar("SELECT count(*) FROM codings WHERE code_id = ?", [source_id]))
    if own and not target_codable:
        raise CodingError(
            f"{code_path(project, target_id)!r} is a grouping code (not codable): it cannot receive the "
            f"{own} codings of {code_path(project, source_id)!r}"
        )
    summary = {"source": code_path(project, source_id), "target": code_path(project, target_id),
               "source_id": source_id, "target_id": target_id}
    with action(project, "merge_codes", coder_id, summary,
                f"merged code {summary['source']!r} into {summary['target']!r} ({n_codings} codings)") as rec:
        dropped = _merge(rec, source_id, target_id)
        after = int(project.scalar("SELECT count(*) FROM codings WHERE code_id = ?", [target_id]))
    return {"codings": n_codings, "duplicates": dropped, "target_codings": after}


def delete_code(project: Project, code_id: int, *, recursive: bool = False, coder_id: int | None = None) -> dict[str, int]:
    """Delete a code with its codings. A code with sub-codes is refused unless `recursive`, which deletes
    the whole sub-tree. Returns how many codes and codings went."""
    _require(project, code_id)
    below = descendants(project, code_id)
    path = code_path(project, code_id)
    if below and not recursive:
        raise CodingError(
            f"{path!r} has {len(below)} sub-code(s); delete them too with recursive=True (CLI: --recursive) "
            "or move them elsewhere first"
        )
    doomed = [code_id, *below]
    n_codings = int(project.scalar(f"SELECT count(*) FROM codings WHERE code_id IN ({_in(doomed)})", doomed))
    parent = project.scalar("SELECT parent_id FROM codes WHERE id = ?", [code_id])
    summary = {"code_id": code_id, "path": path, "codes": len(doomed), "codings": n_codings}
    description = f"deleted code {path!r}" + (f" with {len(below)} sub-codes" if below else "") + \
        f" and {n_codings} codings"
    with action(project, "delete_code", coder_id, summary, description) as rec:
        _delete_codes(rec, doomed)
        _renumber(rec, children(project, parent))
    return {"codes": len(doomed), "codings": n_codings}


def insert_code_sets(rec: Recorder, sets: Sequence[Mapping[str, Any]], code_ids: Mapping[str, int]) -> int:
    """Create code sets inside an open action; members whose code is unknown are skipped. Returns the
    number of sets created."""
    for code_set in sets:
        if rec.project.scalar("SELECT count(*) FROM code_sets WHERE guid = ?", [code_set["guid"]]):
            raise CodingError(f"a code set with GUID {code_set['guid']} ({code_set['name']!r}) is already in the project")
        set_id = rec.insert("code_sets", {"guid": code_set["guid"], "name": code_set["name"] or code_set["guid"],
                                          "description": code_set["description"]})
        for guid in code_set["members"]:
            if guid in code_ids:
                rec.insert("code_set_members", {"set_id": set_id, "code_id": code_ids[guid]})
    return len(sets)
