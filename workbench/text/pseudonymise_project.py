"""Pseudonymising a project that already holds texts, codings and an index.

Document texts change length when "Marie Dupont" becomes "[PERSONNE_3]", so everything that points into
them moves with an `OffsetMap` built from the replacements: segments (turns and sentences), codings,
suggestions, and the codings recorded in the journal (so undo stays aligned). The token index of a
changed document is rebuilt (and words no document uses any more leave the index's dictionary) and
its cached embeddings are dropped. Titles, e-mail parts, case variables that hold names or addresses,
speakers, memos, the journal's excerpts, suggestion explanations (in the table and in the journal's
copies), topic keywords, the codebook's definitions and examples, and the names and paths of the
imported files are pseudonymised too. All of it is one transaction: a failure or a cancel leaves the
project as it was. The project file is then rewritten
(`Project.rewrite`), so that no byte of the original texts is left in it.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

from workbench.columns import insert_columns
from workbench.events import events_for_tables
from workbench.journal import read_entries, save_entry
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural
from workbench.text.offset_map import OffsetMap
from workbench.text.pseudonymise import Pseudonymiser, apply
from workbench.text.tokens import forget_documents, prune_dictionary

BATCH = 200
_SPAN_TABLES = ("segments", "codings", "suggestions")


@dataclass
class PseudonymiseReport(WholeOrNothing):
    replacements: dict[str, int] = field(default_factory=dict)  # per kind, all places together
    documents_changed: int = 0
    documents: int = 0
    spans_moved: dict[str, int] = field(default_factory=dict)  # rows of segments/codings/suggestions moved
    reindexed: int = 0
    reversible: bool = False

    def summary(self) -> str:
        found = ", ".join(f"{count} {kind}" for kind, count in sorted(self.replacements.items()) if count)
        return (f"pseudonymised {self.documents_changed} of {plural(self.documents, 'document')}"
                f" ({found or 'no personal data found'}); "
                + ("the originals are kept in the project for re-identification (`pseudonymise --forget` drops them)" if self.reversible
                   else "the originals are not kept"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "replacements": self.replacements, "total": sum(self.replacements.values()),
            "documents": self.documents, "documents_changed": self.documents_changed,
            "spans_moved": self.spans_moved, "reindexed": self.reindexed, "reversible": self.reversible,
        }


def _remap_table(project: Project, table: str, maps: dict[int, OffsetMap]) -> int:
    ids = list(maps)
    rows = project.rows(f"SELECT id, document_id, start_pos, end_pos FROM {table} WHERE document_id = ANY(?)", [ids])
    moved = [(row_id, *maps[doc].span(start, end)) for row_id, doc, start, end in rows]
    moved = [row for row, old in zip(moved, rows) if (row[1], row[2]) != (old[2], old[3])]
    if moved:
        project.execute("CREATE OR REPLACE TEMP TABLE _moved (id BIGINT, start_pos INTEGER, end_pos INTEGER)")
        insert_columns(project.con, "_moved", ["id", "start_pos", "end_pos"], list(zip(*moved)))
        project.execute(
            f"UPDATE {table} SET start_pos = m.start_pos, end_pos = m.end_pos FROM _moved m WHERE {table}.id = m.id"
        )
        project.execute("DROP TABLE _moved")
    return len(moved)


_IDENTIFIER_KEYS = {"guid", "color", "origin", "op", "table", "kind", "role", "status", "$dt"}


def _clean(value: Any, pseudo: Pseudonymiser, key: str = "", *, words: bool = False) -> Any:
    """Every string inside a JSON value pseudonymised, identifiers (guids, enum values) left alone. With
    `words`, the strings are loose words cut from their texts (keywords, quoted words), where the words of
    the names replaced in the texts are replaced too. Excerpts cut short ("«Merci à Amandine Lef…»") lose
    the cut piece of a name first, so it is not taken for another person."""
    if key == "explanation" and value is not None:
        return _clean_explanation(value, pseudo)
    if isinstance(value, str) and key not in _IDENTIFIER_KEYS:
        uncut = pseudo.scrub_cuts(value)
        cleaned = apply(uncut, pseudo.replacements(uncut))
        return pseudo.scrub_name_words(cleaned) if words else cleaned
    if isinstance(value, dict):
        return {k: _clean(item, pseudo, k, words=words) for k, item in value.items()}
    if isinstance(value, list):
        return [_clean(item, pseudo, key, words=words) for item in value]
    return value


def _clean_explanation(explanation: str | dict[str, Any], pseudo: Pseudonymiser) -> str | dict[str, Any]:
    """A suggestion's explanation, as stored (JSON text) or parsed: the excerpts it quotes pseudonymised and
    the loose words it lists (weighed words, a topic's keywords and label) rid of the words of names. The
    same cleaning for the table and for the journal's copies of its rows, where it is JSON inside JSON."""
    parsed = json.loads(explanation) if isinstance(explanation, str) else copy.deepcopy(explanation)
    for example in parsed.get("nearest_examples") or [] if isinstance(parsed, dict) else []:
        if isinstance(example, dict) and isinstance(example.get("text"), str):
            # The quoted text of a coded example is cut at a fixed length, maybe inside a name.
            example["text"] = pseudo.scrub_cuts(example["text"], ends_cut=True)
    if isinstance(parsed, dict) and isinstance(parsed.get("sentence"), str):
        parsed["sentence"] = pseudo.scrub_cuts(parsed["sentence"], ends_cut=True)  # cut at the same length
    cleaned = _clean(parsed, pseudo, words=True)
    return json.dumps(cleaned, ensure_ascii=False) if isinstance(explanation, str) else cleaned


def _model_output(project: Project, changed: list[int], pseudo: Pseudonymiser) -> None:
    """Model output derived from the original texts: cached embeddings of changed documents and of
    their segments, and the suggestion fits (`suggest/fits.py`, which keep each unit's explanation words),
    are deleted (they encode the old text; the next run recomputes them), and the words quoted by
    suggestion explanations and topic keywords are pseudonymised."""
    if changed:
        project.execute(
            """DELETE FROM embeddings WHERE (unit_kind = 'document' AND unit_id = ANY($ids))
                OR (unit_kind = 'segment' AND unit_id IN (SELECT id FROM segments WHERE document_id = ANY($ids)))""",
            {"ids": changed},
        )
        project.execute("DELETE FROM suggest_fits")
    for row_id, raw in project.rows("SELECT id, explanation FROM suggestions WHERE explanation IS NOT NULL"):
        cleaned = _clean_explanation(raw, pseudo)
        if cleaned != raw:
            project.execute("UPDATE suggestions SET explanation = ? WHERE id = ?", [cleaned, row_id])
    for run_id, topic, label, keywords in project.rows("SELECT run_id, topic, label, keywords FROM topics"):
        new_label = _clean(label, pseudo, words=True) if label else label
        new_keywords = _clean(list(keywords or []), pseudo, words=True)
        if new_label != label or new_keywords != list(keywords or []):
            project.execute("UPDATE topics SET label = ?, keywords = ? WHERE run_id = ? AND topic = ?",
                            [new_label, new_keywords, run_id, topic])


def _remap_journal(project: Project, maps: dict[int, OffsetMap], pseudo: Pseudonymiser) -> None:
    """Move the offsets recorded in the journal (so undo and redo stay aligned) and pseudonymise every
    text it quotes (summaries, descriptions with excerpts, whole rows of memos)."""
    owners = {table: dict(project.rows(f"SELECT id, document_id FROM {table}")) for table in _SPAN_TABLES}

    def move(values: dict[str, Any], mapping: OffsetMap | None, start: str, end: str) -> None:
        if mapping is None:
            return
        if isinstance(values.get(start), int):
            values[start] = mapping.start(values[start])
        if isinstance(values.get(end), int):
            values[end] = mapping.end(values[end])

    for entry in read_entries(project):
        original = entry.payload()
        entry.summary = _clean(entry.summary, pseudo)
        entry.description = _clean(entry.description, pseudo)
        move(entry.summary, maps.get(entry.summary.get("document_id")), "start", "end")
        for change in entry.changes:
            change.rewrite_values(lambda values: _clean(values, pseudo))
            if change.table in _SPAN_TABLES:
                owner = change.row.get("document_id") if change.row is not None else owners[change.table].get(change.row_id)
                for values in change.values():
                    move(values, maps.get(owner), "start_pos", "end_pos")
        if entry.payload() != original:
            save_entry(project, entry)


def _pseudonymise_sources(project: Project, pseudo: Pseudonymiser) -> None:
    """The names and paths of the imported files: a transcript or an e-mail export is often named after
    the person ("appel Dupont.txt", "entretien_marie_dupont.docx"). Like keywords, a file name is cut
    from any sentence, so the words of the names replaced in the texts are replaced there too."""
    for source_id, name, origin in project.rows("SELECT id, name, origin FROM sources"):
        new_name, new_origin = (pseudo.scrub_name_words(apply(text, pseudo.replacements(text))) for text in (name, origin))
        if (new_name, new_origin) != (name, origin):
            project.execute("UPDATE sources SET name = ?, origin = ? WHERE id = ?", [new_name, new_origin, source_id])
    # The name another QDA tool gave a document ("Entretien Mme Dupont") is kept for its exports.
    for target_id, name in project.rows("SELECT target_id, name FROM refi_identities WHERE kind = 'document' "
                                        "AND name IS NOT NULL"):
        new_name = pseudo.scrub_name_words(apply(name, pseudo.replacements(name)))
        if new_name != name:
            project.execute("UPDATE refi_identities SET name = ? WHERE kind = 'document' AND target_id = ?",
                            [new_name, target_id])


def _pseudonymise_codes(project: Project, pseudo: Pseudonymiser) -> None:
    """The codebook's own texts: an analyst defines a code with examples copied from the verbatims
    ("Merci à Amandine Lefebvre, très aimable"), and may name people in a definition."""
    rows = project.rows("SELECT id, description, inclusion, exclusion, indicators, examples FROM codes")
    for code_id, *texts in rows:
        cleaned = [_clean(list(value) if isinstance(value, list) else value, pseudo) for value in texts]
        if cleaned != [list(value) if isinstance(value, list) else value for value in texts]:
            project.execute("UPDATE codes SET description = ?, inclusion = ?, exclusion = ?, indicators = ?, "
                            "examples = ? WHERE id = ?", [*cleaned, code_id])


def _pseudonymise_column(project: Project, sql: str, update: str, pseudo: Pseudonymiser, whole_name: bool = False,
                         variable_of: bool = False) -> None:
    """Rewrite one text column row by row (rows selected as (key, text[, variable name]))."""
    for row in project.rows(sql):
        key, text = row[0], row[1]
        if text is None:
            continue
        new = pseudo.value(text, row[2]) if variable_of else apply(
            text, pseudo.replacements(text, pseudo.entities([text])[0], whole_name=whole_name)
        )
        if new != text:
            project.execute(update, [new, key])


def pseudonymise_project(
    project: Project, *, reversible: bool = False, progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None, use_ner: bool = True,
) -> PseudonymiseReport:
    """Pseudonymise every text of the project in place, moving every offset (one transaction)."""
    from workbench.text.segment import segment_project

    progress = progress or no_progress
    pseudo = Pseudonymiser(project, reversible=reversible, use_ner=use_ner, immediate=False)
    report = PseudonymiseReport(reversible=reversible)
    ids = [row[0] for row in project.rows("SELECT id FROM documents ORDER BY id")]
    report.documents = len(ids)
    indexed = {row[0] for row in project.rows("SELECT document_id FROM text_status")}
    with project.transaction():
        project.announce(events_for_tables("pseudonymise", ["documents", "codings", "suggestions", "terms",
                                                            "memos", "topics", "codes", "pseudonyms"]))
        # Speakers first: a name seen as a speaker is then found in the turn labels of the text too.
        _pseudonymise_column(
            project, "SELECT DISTINCT speaker, speaker FROM segments WHERE speaker IS NOT NULL",
            "UPDATE segments SET speaker = ? WHERE speaker = ?", pseudo, whole_name=True,
        )
        maps: dict[int, OffsetMap] = {}
        for first in range(0, len(ids), BATCH):
            if cancel is not None:
                cancel.check()
            batch = ids[first:first + BATCH]
            rows = project.rows("SELECT id, text, title FROM documents WHERE id = ANY(?) ORDER BY id", [batch])
            entities = pseudo.entities([row[1] for row in rows])
            for (doc_id, text, title), spans in zip(rows, entities):
                replaced = pseudo.replacements(text, spans)
                new_title = apply(title, pseudo.replacements(title)) if title else title
                if replaced:
                    maps[doc_id] = OffsetMap([(r.start, r.end, len(r.replacement)) for r in replaced])
                    new_text = apply(text, replaced)
                    project.execute(
                        "UPDATE documents SET text = ?, n_chars = ?, content_hash = hash(?), title = ? WHERE id = ?",
                        [new_text, len(new_text), new_text, new_title, doc_id],
                    )
                elif new_title != title:
                    project.execute("UPDATE documents SET title = ? WHERE id = ?", [new_title, doc_id])
            progress(min(first + BATCH, len(ids)), len(ids), "pseudonymising documents")
        report.documents_changed = len(maps)
        if maps:
            for table in _SPAN_TABLES:
                report.spans_moved[table] = _remap_table(project, table, maps)
        _pseudonymise_column(
            project, "SELECT rowid, text FROM document_parts", "UPDATE document_parts SET text = ? WHERE rowid = ?", pseudo
        )
        _pseudonymise_column(
            project,
            "SELECT v.rowid, v.value, x.name FROM document_values v JOIN variables x ON x.id = v.variable_id "
            "WHERE x.type = 'text'",
            "UPDATE document_values SET value = ? WHERE rowid = ?", pseudo, variable_of=True,
        )
        _pseudonymise_column(project, "SELECT id, text FROM memos", "UPDATE memos SET text = ? WHERE id = ?", pseudo)
        _pseudonymise_codes(project, pseudo)
        _pseudonymise_sources(project, pseudo)
        _remap_journal(project, maps, pseudo)
        _model_output(project, sorted(maps), pseudo)
        reindex = sorted(set(maps) & indexed)
        if reindex:
            forget_documents(project, reindex)
            segment_project(project, document_ids=reindex, cancel=cancel, compact=False)
        report.reindexed = len(reindex)
        if maps:
            prune_dictionary(project)
        pseudo.flush(project)
        project.set_meta("pseudonymised", "reversible" if reversible else "irreversible")
        project.owe_rewrite()
    report.replacements = dict(pseudo.counts)
    project.rewrite()  # the original texts would otherwise stay readable in freed blocks of the file
    return report
