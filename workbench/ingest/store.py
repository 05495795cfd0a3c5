"""Writing imported files into the project: sources, documents, parts, variables, values, turns.

Everything for one file is written inside one transaction opened by the caller (`folder.import_file`),
so a file is either fully imported or not at all. Documents are deduplicated on their stored text, within
the file and against the project: the same verbatim exported twice (a survey export overlapping last
month's) is imported once. `documents.content_hash` (DuckDB's `hash()` of the text) finds the candidates
cheaply; equal texts decide, so a hash collision can never drop a document.

Speaker turns: the stored text of a transcript is one line per turn, `Speaker : utterance` (French
spacing), continuation lines of a turn kept as they were; a turn without a speaker is the bare
utterance. Each turn becomes a `segments` row of kind 'turn' whose offsets cover the utterance only (not
the speaker label), so coding a whole turn codes what was said. Offsets are computed on the final text,
after the optional pseudonymiser, so they slice the stored text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.columns import insert_columns
from workbench.errors import ProjectError
from workbench.ingest.base import ParsedDocument, Pseudonymiser, ScrubsNameWords, clean_text
from workbench.ingest.values import widen
from workbench.project import Project
from workbench.text.normalise import normalise_text

TURN_LABEL_SEPARATOR = " : "
_DOCUMENT_COLUMNS = ["id", "source_id", "kind", "title", "text", "occurred_at", "n_chars", "content_hash", "position"]
_TURN_COLUMNS = ["document_id", "start_pos", "end_pos", "kind", "speaker", "t_start", "t_end"]


@dataclass
class StoreCounts:
    documents: int = 0
    duplicates: int = 0
    empty: int = 0
    segments: int = 0


@dataclass
class Prepared:
    """A document in its stored form, ready to insert."""

    position: int
    text: str
    title: str | None
    occurred_at: Any
    variables: dict[str, str]
    parts: list[tuple[str, str]]
    turns: list[tuple[int, int, str | None, float | None, float | None]]


def find_source(project: Project, sha256: str) -> dict[str, Any] | None:
    """The source already imported with these exact bytes, if any."""
    rows = project.dicts("SELECT id, name, imported_at FROM sources WHERE sha256 = ?", [sha256])
    return rows[0] if rows else None


def insert_source(project: Project, family: str, path: Path, sha256: str) -> int:
    return int(
        project.scalar(
            "INSERT INTO sources (kind, name, origin, sha256) VALUES (?, ?, ?, ?) RETURNING id",
            [family, path.name, str(path.resolve()), sha256],
        )
    )


def pseudonymise_source(project: Project, source_id: int, pseudonymiser: Pseudonymiser) -> None:
    """Pseudonymise the file's name and path once its texts are stored (the names replaced in them are
    known by then): a transcript is often named after the caller, and the name would stay in `sources`."""
    name, origin = project.rows("SELECT name, origin FROM sources WHERE id = ?", [source_id])[0]

    def scrubbed(text: str) -> str:
        text = pseudonymiser(text)
        return pseudonymiser.scrub_name_words(text) if isinstance(pseudonymiser, ScrubsNameWords) else text

    new_name, new_origin = scrubbed(name), scrubbed(origin)
    if (new_name, new_origin) != (name, origin):
        project.execute("UPDATE sources SET name = ?, origin = ? WHERE id = ?", [new_name, new_origin, source_id])


def variable_ids(project: Project, wanted: dict[str, str]) -> dict[str, tuple[int, str]]:
    """Id and final type of each variable `name -> found type`, creating or widening as needed."""
    result: dict[str, tuple[int, str]] = {}
    for name, found in wanted.items():
        row = project.rows("SELECT id, type FROM variables WHERE name = ?", [name])
        if not row:
            new_id = project.scalar("INSERT INTO variables (name, type) VALUES (?, ?) RETURNING id", [name, found])
            result[name] = (int(new_id), found)
            continue
        var_id, existing = row[0]
        final = widen(existing, found)
        if final != existing:
            project.execute("UPDATE variables SET type = ? WHERE id = ?", [final, var_id])
        result[name] = (int(var_id), final)
    return result


def reserve_ids(project: Project, sequence: str, count: int) -> list[int]:
    """`count` fresh values of a sequence (not necessarily consecutive), for inserts that need ids first."""
    if count == 0:
        return []
    return [row[0] for row in project.rows(f"SELECT nextval('{sequence}') FROM range(?)", [count])]


def reserve_id_block(project: Project, count: int) -> int:
    """First of `count` consecutive document ids taken from the sequence, for bulk inserts that number
    rows in SQL. The project has one writer, so the values drawn in one statement are consecutive;
    this is checked rather than assumed."""
    if count == 0:
        return 0
    low, high = project.rows(
        "SELECT min(v), max(v) FROM (SELECT nextval('documents_id') AS v FROM range(?))", [count]
    )[0]
    if high - low + 1 != count:
        raise ProjectError(f"{project.path}: document ids were taken concurrently; import again")
    return int(low)


def _finish(text: str, pseudonymiser: Pseudonymiser | None) -> str:
    """Normalise, pseudonymise, and normalise again (a pseudonymiser may insert anything)."""
    text = clean_text(text)
    if pseudonymiser is not None and text:
        text = clean_text(pseudonymiser(text))
    return text


def prepare(document: ParsedDocument, pseudonymiser: Pseudonymiser | None) -> Prepared:
    """Build the stored text (assembling turns) and everything attached to it."""
    turns: list[tuple[int, int, str | None, float | None, float | None]] = []
    if document.turns:
        lines: list[str] = []
        offset = 0
        preamble = _finish(document.preamble, pseudonymiser)
        if preamble:
            lines.append(preamble)
            offset = len(preamble) + 1
        for turn in document.turns:
            utterance = _finish(turn.text, pseudonymiser)
            if not utterance:
                continue
            speaker = _finish(turn.speaker or "", pseudonymiser).replace("\n", " ") or None
            label = f"{speaker}{TURN_LABEL_SEPARATOR}" if speaker else ""
            start = offset + len(label)
            turns.append((start, start + len(utterance), speaker, turn.t_start, turn.t_end))
            lines.append(label + utterance)
            offset += len(label) + len(utterance) + 1
        text = "\n".join(lines)
    else:
        text = _finish(document.text, pseudonymiser)
    assert normalise_text(text) == text, "assembled text must already be in stored form"
    title = _finish(document.title, pseudonymiser) if document.title else None
    variables = {
        name: value
        for name, raw in document.variables.items()
        if (value := _finish(raw, pseudonymiser))
    }
    parts = [(part.kind, finished) for part in document.parts if (finished := _finish(part.text, pseudonymiser))]
    return Prepared(
        position=document.position,
        text=text,
        title=title or None,
        occurred_at=document.occurred_at,
        variables=variables,
        parts=parts,
        turns=turns,
    )


def content_hashes(project: Project, texts: list[str]) -> list[int]:
    """`documents.content_hash` of each text, in order: DuckDB's `hash()`, the function the table importer
    and migration 0003 use, so every importer finds the same duplicates."""
    if not texts:
        return []
    return list(project.scalar("SELECT list_transform(?::VARCHAR[], lambda t: hash(t))", [texts]))


def existing_documents(project: Project, texts: list[str]) -> dict[str, int]:
    """Texts among `texts` the project already has, with the lowest id of a document holding each."""
    if not texts:
        return {}
    return dict(project.rows(
        """
        SELECT d.text, min(d.id) FROM documents d
        JOIN (SELECT DISTINCT unnest(?::VARCHAR[]) AS t) wanted ON d.content_hash = hash(wanted.t) AND d.text = wanted.t
        GROUP BY d.text
        """,
        [texts],
    ))


def store_parsed(
    project: Project,
    source_id: int,
    documents: list[ParsedDocument],
    kind: str,
    pseudonymiser: Pseudonymiser | None = None,
) -> StoreCounts:
    """Write parsed documents of one source (inside the caller's transaction)."""
    counts = StoreCounts()
    prepared: list[Prepared] = []
    seen: set[str] = set()
    for document in documents:
        item = prepare(document, pseudonymiser)
        if not item.text:
            counts.empty += 1
        elif item.text in seen:
            counts.duplicates += 1
        else:
            seen.add(item.text)
            prepared.append(item)
    if prepared:
        known = existing_documents(project, [item.text for item in prepared])
        counts.duplicates += sum(item.text in known for item in prepared)
        prepared = [item for item in prepared if item.text not in known]
    if not prepared:
        return counts
    first = reserve_id_block(project, len(prepared))
    ids = list(range(first, first + len(prepared)))
    texts = [item.text for item in prepared]
    insert_columns(project.con, "documents", _DOCUMENT_COLUMNS, [
        ids, [source_id] * len(ids), [kind] * len(ids), [item.title for item in prepared], texts,
        [item.occurred_at for item in prepared], [len(text) for text in texts], content_hashes(project, texts),
        [item.position for item in prepared],
    ])
    names = sorted({name for item in prepared for name in item.variables})
    variables = variable_ids(project, {name: "text" for name in names})
    values = [(doc_id, variables[name][0], value)
              for doc_id, item in zip(ids, prepared) for name, value in item.variables.items()]
    if values:
        insert_columns(project.con, "document_values", ["document_id", "variable_id", "value"], list(zip(*values)))
    parts = [(doc_id, kind_, text) for doc_id, item in zip(ids, prepared) for kind_, text in item.parts]
    if parts:
        insert_columns(project.con, "document_parts", ["document_id", "kind", "text"], list(zip(*parts)))
    turns = [(doc_id, start, end, speaker, t_start, t_end)
             for doc_id, item in zip(ids, prepared) for start, end, speaker, t_start, t_end in item.turns]
    store_turns(project, turns)
    counts.documents = len(prepared)
    counts.segments = len(turns)
    return counts


def store_turns(project: Project, turns: list[tuple[int, int, int, str | None, float | None, float | None]]) -> None:
    """Speaker turns as `segments` rows of kind 'turn': (document id, start, end, speaker, t_start, t_end)."""
    if turns:
        rows = [(doc_id, start, end, "turn", speaker, t_start, t_end)
                for doc_id, start, end, speaker, t_start, t_end in turns]
        insert_columns(project.con, "segments", _TURN_COLUMNS, list(zip(*rows)))
