"""IRaMuTeQ text corpus: the format French researchers feed to IRaMuTeQ (Reinert classification, similarity).

Each document becomes one "initial context unit": a header line `**** *kind_call *canal_telephone *nps_9`
followed by its text. IRaMuTeQ splits a starred variable on its first underscore into name and modality and
reads spaces as separators, so names are reduced to lower-case ASCII letters and digits, and modalities to
ASCII letters, digits and hyphens (accents are folded: "téléphone" -> "telephone"). Asterisks are removed
from the texts because a line starting with `****` or `-*` would be read as a header or a thematic marker.

Optional code stars put coding into the header too: with `code_stars={"forme": <relationship forms root>}`
a document coded "Hostilité" gets `*forme_enmity` (the code key, else its folded name); a document with none
of those codes gets `*forme_none`, so IRaMuTeQ can contrast coded and uncoded texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

from workbench.errors import ExportError
from workbench.filters import NO_FILTERS, Filters, resolve_code
from workbench.output import check_output, output_file
from workbench.project import Project

_NOT_NAME = re.compile(r"[^a-z0-9]+")
_NOT_MODALITY = re.compile(r"[^A-Za-z0-9]+")


def fold(text: str) -> str:
    """Accents removed (é -> e, œ -> oe), for IRaMuTeQ's ASCII-only variables."""
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def variable_name(name: str) -> str:
    """A variable name IRaMuTeQ accepts: lower-case ASCII letters and digits only (no underscore)."""
    cleaned = _NOT_NAME.sub("", fold(name).lower())
    if not cleaned:
        raise ExportError(f"variable name {name!r} has no letter or digit left for IRaMuTeQ; rename it")
    return cleaned


def modality(value: str) -> str:
    """A modality: ASCII letters, digits and hyphens (runs of anything else become one hyphen)."""
    cleaned = _NOT_MODALITY.sub("-", fold(str(value)).lower()).strip("-")
    return cleaned or "na"


def clean_text(text: str) -> str:
    """The document text without asterisks, with blank-line runs reduced (a blank line ends nothing)."""
    text = text.replace("*", "")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def export_iramuteq(project: Project, path: str | Path, *, variables: Sequence[str] | None = None,
                    code_stars: Mapping[str, int | str] | None = None, include_kind: bool = True,
                    filters: Filters = NO_FILTERS) -> int:
    """Write the IRaMuTeQ corpus (UTF-8) of the documents in scope; returns the number of documents.

    `variables`: project variables to star (default: all). `code_stars`: star prefix -> code whose children
    (each with its sub-codes) become modalities. Variables without a value are left out of a header.
    """
    path = Path(path)
    check_output(path, project)
    known = {name.casefold(): (vid, name) for vid, name in project.rows("SELECT id, name FROM variables")}
    wanted = list(variables) if variables is not None else [name for _, name in sorted(known.values())]
    chosen: list[tuple[int, str]] = []
    for name in wanted:
        if name.casefold() not in known:
            raise ExportError(f"no variable {name!r}; choose among {', '.join(sorted(n for _, n in known.values()))}")
        vid, real = known[name.casefold()]
        chosen.append((vid, variable_name(real)))
    stars = _code_star_map(project, code_stars or {}, filters)
    doc_sql, params = filters.documents_sql("d")
    values: dict[int, dict[int, str]] = {}
    for document_id, variable_id, value in project.rows(
        f"""SELECT dv.document_id, dv.variable_id, dv.value FROM document_values dv
            JOIN documents d ON d.id = dv.document_id WHERE {doc_sql} AND dv.value IS NOT NULL
              AND trim(dv.value) <> ''""",
        params,
    ):
        values.setdefault(document_id, {})[variable_id] = value
    count = 0
    cursor = project.con.cursor()
    try:
        result = cursor.execute(f"SELECT d.id, d.kind, d.text FROM documents d WHERE {doc_sql} ORDER BY d.id", params)
        with output_file(path, project) as partial, partial.open("w", encoding="utf-8", newline="\n") as handle:
            while batch := result.fetchmany(2000):
                for document_id, kind, text in batch:
                    header = ["****"]
                    if include_kind:
                        header.append(f"*kind_{modality(kind)}")
                    own = values.get(document_id, {})
                    header += [f"*{name}_{modality(own[vid])}" for vid, name in chosen if vid in own]
                    for prefix, by_document in stars.items():
                        header += [f"*{prefix}_{mod}" for mod in by_document.get(document_id, ["none"])]
                    handle.write(" ".join(header) + "\n" + clean_text(text) + "\n\n")
                    count += 1
    finally:
        cursor.close()
    return count


def _code_star_map(project: Project, code_stars: Mapping[str, int | str],
                   filters: Filters) -> dict[str, dict[int, list[str]]]:
    """prefix -> {document id: modalities in code order} for each requested code star."""
    from workbench.analysis import _ANCESTRY, _scope_ctes

    result: dict[str, dict[int, list[str]]] = {}
    for prefix, code in code_stars.items():
        name = variable_name(prefix)
        code_id = resolve_code(project, code)
        children = project.rows("SELECT id, coalesce(key, name) FROM codes WHERE parent_id = ? ORDER BY position, id",
                                [code_id])
        if not children:
            children = project.rows("SELECT id, coalesce(key, name) FROM codes WHERE id = ?", [code_id])
        order = {child_id: index for index, (child_id, _) in enumerate(children)}
        label = {child_id: modality(text) for child_id, text in children}
        scope, params = _scope_ctes(filters)
        rows = project.rows(
            f"""WITH RECURSIVE {_ANCESTRY}, {scope}
                SELECT DISTINCT s.document_id, a.ancestor_id FROM scoped s JOIN ancestry a ON a.code_id = s.code_id
                WHERE a.ancestor_id IN ({', '.join('?' for _ in children)})""",
            params + [child_id for child_id, _ in children],
        )
        by_document: dict[int, list[int]] = {}
        for document_id, child_id in rows:
            by_document.setdefault(document_id, []).append(child_id)
        result[name] = {doc: [label[c] for c in sorted(ids, key=order.__getitem__)]
                        for doc, ids in by_document.items()}
    return result
