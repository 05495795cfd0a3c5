"""Removing documents or whole imported sources from a project, for good.

Two needs: an analyst imported the wrong file (or a test export) and wants it gone; a data controller
must erase a customer's verbatims (GDPR right to erasure). Both mean every trace: the texts and
everything derived from or pointing into them (case values, e-mail parts, sentences and turns, the
search index and the words only they used, cached vectors, topic assignments and the topic keywords
and label words only they held (with the copies that suggestions filed from a topic keep), suggestions,
codings, memos on the documents and on their codings, the kept originals of placeholders no remaining
text uses, the imported file's name and path once none of its documents is left) and the journal's copies of removed rows. Journal entries that
only touched removed documents go; entries that also touched others keep their other changes, so undo
and redo of what remains stay consistent. The project file is then rewritten (`Project.rewrite`) so
that no byte of the removed texts stays in freed blocks.

All of it is one transaction: an error leaves the project as it was. (The rewrite follows the commit;
when it fails, its error says the documents are gone.) Removal is not undoable (that is its point); the
CLI asks for confirmation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from workbench.errors import ProjectError, WorkbenchError
from workbench.events import events_for_rows, events_for_tables
from workbench.journal import PENDING_SUPERSEDE, Entry, delete_entries, read_entries, save_entry
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural
from workbench.text.tokens import prune_dictionary

# Journalled tables whose rows belong to a document through their document_id column.
_DOCUMENT_TABLES = ("codings", "suggestions", "segments")
# A pseudonymisation placeholder, `[PERSONNE_12]`: a label, an underscore and a number in brackets.
_PLACEHOLDER = r"\[[^\[\]\s]+_[0-9]+\]"
# Everything that may quote a placeholder once the documents are gone.
_PLACEHOLDER_HOLDERS = (
    "SELECT text FROM documents", "SELECT title FROM documents", "SELECT text FROM document_parts",
    "SELECT value FROM document_values", "SELECT speaker FROM segments", "SELECT text FROM memos",
    "SELECT CAST(payload AS VARCHAR) FROM journal",
)
_ERASED = "(changes on removed documents were erased from this entry)"


@dataclass
class RemovalReport(WholeOrNothing):
    sources: int = 0
    documents: int = 0
    codings: int = 0
    suggestions: int = 0
    memos: int = 0
    journal_removed: int = 0  # entries that only touched removed documents
    journal_trimmed: int = 0  # entries that kept their changes on other documents

    def summary(self) -> str:
        files = f"{plural(self.sources, 'file')} and " if self.sources else ""
        return (f"removed {files}{plural(self.documents, 'document')} for good, with "
                f"{plural(self.codings, 'coding')}, {plural(self.suggestions, 'suggestion')} and "
                f"{plural(self.memos, 'memo')}")

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def list_sources(project: Project) -> list[dict[str, Any]]:
    """Imported files, oldest first, with the number of documents each still has."""
    return project.dicts(
        """
        SELECT s.id, s.kind, s.name, s.origin, s.imported_at, count(d.id) AS documents
        FROM sources s LEFT JOIN documents d ON d.source_id = s.id
        GROUP BY ALL ORDER BY s.id
        """
    )


def remove_sources(project: Project, source_ids: Iterable[int]) -> RemovalReport:
    """Remove imported files with all their documents; the same file can then be imported again.

    A text repeated by a later file was stored once, under the file imported first: it goes with that
    file, and the later file (already imported) cannot bring it back unless it is removed and imported
    again too (nothing records which files repeated which texts)."""
    wanted = _existing(project, "sources", source_ids, "no source {} in {}; see `workbench sources`")
    documents = [row[0] for row in project.rows("SELECT id FROM documents WHERE source_id = ANY(?)", [wanted])]
    with project.transaction():
        _announce(project, documents)
        report = _remove(project, documents)
        report.sources = len(project.rows("DELETE FROM sources WHERE id = ANY(?) RETURNING id", [wanted]))
        project.owe_rewrite()
    _rewrite(project, report)
    return report


def remove_documents(project: Project, document_ids: Iterable[int]) -> RemovalReport:
    """Remove documents. Their source stays with its other documents; a source left with none goes too,
    since a file is often named after the person whose texts are erased ("appel Dupont.txt")."""
    wanted = _existing(project, "documents", document_ids, "no document {} in {}")
    sources = [row[0] for row in project.rows("SELECT DISTINCT source_id FROM documents WHERE id = ANY(?)", [wanted])]
    with project.transaction():
        _announce(project, wanted)
        report = _remove(project, wanted)
        report.sources = len(project.rows(
            "DELETE FROM sources WHERE id = ANY(?) AND id NOT IN (SELECT source_id FROM documents) RETURNING id",
            [sources]))
        project.owe_rewrite()
    _rewrite(project, report)
    return report


def _plain_document_tables(project: Project) -> list[str]:
    """Every table whose rows belong to one document (a `document_id` column), read from the schema so a
    table added later goes with its documents too; codings and suggestions are removed apart, counted."""
    return [row[0] for row in project.rows(
        "SELECT table_name FROM duckdb_columns() WHERE column_name = 'document_id' "
        "AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE NOT internal) "
        "AND table_name NOT IN ('codings', 'suggestions') ORDER BY table_name")]


def take_back_sources(project: Project, source_ids: Iterable[int]) -> int:
    """Remove files a job imported before it was cancelled, so a cancelled import leaves the project as it
    was; returns the documents removed. Unlike `remove_sources` the file is not rewritten: these texts
    were never coded, journalled or exported, and the user is still at work."""
    wanted = sorted(set(source_ids))
    if not wanted:
        return 0
    documents = [row[0] for row in project.rows("SELECT id FROM documents WHERE source_id = ANY(?)", [wanted])]
    with project.transaction():
        _announce(project, documents)
        report = _remove(project, documents)
        project.execute("DELETE FROM sources WHERE id = ANY(?)", [wanted])
    return report.documents


def _announce(project: Project, documents: list[int]) -> None:
    """The removed documents by id; the rows attached to them, group by group."""
    project.announce(events_for_rows("remove", [("documents", document_id) for document_id in documents])
                     + events_for_tables("remove", ["codings", "suggestions", "memos", "terms", "topics"]))


def _rewrite(project: Project, report: RemovalReport) -> None:
    """Rewrite the file after a removal. The removal is committed by then: when the rewrite fails (a full
    disk), the error must say so, or the analyst would believe nothing happened and try again."""
    try:
        project.rewrite()
    except ProjectError as exc:
        raise ProjectError(f"removed {report.documents} document(s) for good, but {exc}") from exc


def _existing(project: Project, table: str, ids: Iterable[int], message: str) -> list[int]:
    """The ids, sorted and without repeats, after checking that `table` has every one (nothing is removed
    when one is wrong: a typo must not remove the rest silently)."""
    wanted = sorted(set(ids))
    known = {row[0] for row in project.rows(f"SELECT id FROM {table} WHERE id = ANY(?)", [wanted])}
    missing = [str(i) for i in wanted if i not in known]
    if missing:
        raise WorkbenchError(message.format(", ".join(missing), project.path.name))
    return wanted


def _remove(project: Project, documents: list[int]) -> RemovalReport:
    report = RemovalReport(documents=len(documents))
    if not documents:
        return report
    ids = [documents]
    # Rows that belong to the documents, now or in the journal's records (a coding made then removed).
    owned = {
        table: {row[0] for row in project.rows(f"SELECT id FROM {table} WHERE document_id = ANY(?)", ids)}
        for table in _DOCUMENT_TABLES
    }
    removed_documents = set(documents)
    # Parsed once: a journal holds whole rows and may be long.
    entries = read_entries(project)
    for entry in entries:
        for change in entry.changes:
            if change.table in owned and change.row is not None and change.row.get("document_id") in removed_documents:
                owned[change.table].add(change.row_id)
    memos = {
        row[0] for row in project.rows(
            "SELECT id FROM memos WHERE (target_kind = 'document' AND target_id = ANY(?)) "
            "OR (target_kind = 'coding' AND target_id = ANY(?))",
            [documents, sorted(owned["codings"])],
        )
    }
    for entry in entries:
        for change in entry.changes:
            if change.table == "memos" and _memo_is_removed(change.row or {}, removed_documents, owned["codings"]):
                memos.add(change.row_id)
    owned["memos"] = memos

    segment_ids = sorted(owned["segments"])
    report.codings = _delete(project, "DELETE FROM codings WHERE document_id = ANY(?) RETURNING id", ids)
    report.suggestions = _delete(project, "DELETE FROM suggestions WHERE document_id = ANY(?) RETURNING id", ids)
    report.memos = _delete(project, "DELETE FROM memos WHERE id = ANY(?) RETURNING id", [sorted(memos)])
    for table in _plain_document_tables(project):
        project.execute(f"DELETE FROM {table} WHERE document_id = ANY(?)", ids)
    touched: set[tuple[int, int]] = set()
    for kind, unit_ids in (("document", documents), ("segment", segment_ids)):
        project.execute("DELETE FROM embeddings WHERE unit_kind = ? AND unit_id = ANY(?)", [kind, unit_ids])
        touched |= _forget_topic_units(project, kind, unit_ids, documents)
    project.execute("DELETE FROM suggest_fits")  # each unit's explanation words: from the texts too
    # What another QDA tool said about them: the GUIDs, and a source's name, which may name the caller.
    project.execute(
        "DELETE FROM refi_identities WHERE (kind = 'document' AND target_id = ANY(?)) "
        "OR (kind = 'coding' AND target_id = ANY(?))",
        [documents, sorted(owned["codings"])],
    )
    project.execute("DELETE FROM documents WHERE id = ANY(?)", ids)
    prune_dictionary(project)  # words only the removed texts had
    _forget_examples(project, documents)
    _refresh_topic_copies(project, touched, entries)
    report.journal_removed, report.journal_trimmed = _trim_journal(project, entries, owned, removed_documents)
    _forget_pseudonyms(project)
    return report


def _forget_pseudonyms(project: Project) -> None:
    """Delete the originals kept by reversible pseudonymisation (`pseudonyms`) whose placeholder no
    remaining text, title, value, speaker, memo or journal entry uses: they could only re-identify
    removed texts, and an erased customer's name must not stay in the project. (The keyed hashes in
    `pseudonym_keys` stay: they hold no original and keep later placeholders consistent.)"""
    if not project.scalar("SELECT count(*) FROM pseudonyms"):
        return
    texts = " UNION ALL ".join(_PLACEHOLDER_HOLDERS)
    project.execute(
        f"""
        DELETE FROM pseudonyms WHERE replacement NOT IN (
            SELECT DISTINCT unnest(regexp_extract_all(t, '{_PLACEHOLDER}')) FROM ({texts}) held(t)
            WHERE contains(t, '[')
        )
        """
    )


def _forget_examples(project: Project, documents: list[int]) -> None:
    """Take removed documents out of the nearest coded examples other suggestions quote as explanation,
    for their own code and for the runner-up."""
    rows = project.rows(
        """
        SELECT id, explanation FROM suggestions
        WHERE list_has_any(CAST(json_extract(explanation, '$.nearest_examples[*].document_id') AS BIGINT[]), ?)
           OR list_has_any(CAST(json_extract(explanation, '$.runner_up.nearest_examples[*].document_id') AS BIGINT[]), ?)
        """,
        [documents, documents],
    )
    removed = set(documents)
    for suggestion_id, raw in rows:
        explanation = json.loads(raw)
        for holder in (explanation, explanation.get("runner_up")):
            if isinstance(holder, dict) and isinstance(holder.get("nearest_examples"), list):
                holder["nearest_examples"] = [
                    example for example in holder["nearest_examples"] if example.get("document_id") not in removed
                ]
        project.execute("UPDATE suggestions SET explanation = ? WHERE id = ?",
                        [json.dumps(explanation, ensure_ascii=False), suggestion_id])


def _memo_is_removed(row: dict[str, Any], documents: set[int], codings: set[int]) -> bool:
    kind, target = row.get("target_kind"), row.get("target_id")
    return (kind == "document" and target in documents) or (kind == "coding" and target in codings)


def _delete(project: Project, sql: str, params: list[Any]) -> int:
    return len(project.rows(sql, params))


def _forget_topic_units(project: Project, kind: str, unit_ids: list[int],
                        documents: list[int]) -> set[tuple[int, int]]:
    """Take removed units out of topic assignments, topic sizes and representative lists, and return the
    (run, topic) pairs touched. A topic left without units goes: its label and keywords were drawn from
    the removed texts alone (a name among them). Runs before the documents' rows are deleted: the label
    check reads the removed texts."""
    if not unit_ids:
        return set()
    touched = project.rows(
        "SELECT DISTINCT run_id, topic FROM unit_topics WHERE unit_kind = ? AND unit_id = ANY(?)", [kind, unit_ids]
    )
    runs = sorted({run_id for run_id, _ in touched})
    if not runs:
        return set()
    project.execute("DELETE FROM unit_topics WHERE unit_kind = ? AND unit_id = ANY(?)", [kind, unit_ids])
    project.execute(
        """
        UPDATE topics SET
            representatives = list_filter(representatives, lambda u: NOT list_contains(?::BIGINT[], u)),
            size = (SELECT count(*) FROM unit_topics a WHERE a.run_id = topics.run_id AND a.topic = topics.topic)
        WHERE run_id = ANY(?)
        """,
        [unit_ids, runs],
    )
    for run_id, topic in touched:
        project.execute("DELETE FROM topics WHERE run_id = ? AND topic = ? AND size = 0", [run_id, topic])
        _prune_topic_keywords(project, run_id, topic, documents)
    return {(int(run_id), int(topic)) for run_id, topic in touched}


# A keyword's word as a whole word of a text: not preceded or followed by a letter, digit or underscore.
_WORD_PATTERN = "(^|[^\\pL\\pN_]){}($|[^\\pL\\pN_])"
# How topic labels are written: key phrases joined by " · ", older automatic labels by ", ".
_LABEL_PARTS = re.compile(r"\s*[·,;]\s*")


def _whole_words(project: Project, texts_sql: str, params: list[Any], words: list[str]) -> set[str]:
    """The `words` (lower case) that are whole words of at least one text `texts_sql` selects (column t)."""
    if not words:
        return set()
    checks = ", ".join("bool_or(regexp_matches(t, ?))" for _ in words)
    patterns = [_WORD_PATTERN.format(re.sub(r"(\W)", r"\\\1", word)) for word in words]
    found = project.rows(f"SELECT {checks} FROM ({texts_sql})", [*patterns, *params])[0]
    return {word for word, hit in zip(words, found) if hit}


def _prune_topic_keywords(project: Project, run_id: int, topic: int, documents: list[int]) -> None:
    """Drop the keywords of a topic that its remaining units no longer contain, and the parts of its
    label that name a word of the removed texts the remaining units no longer contain. The keywords were
    drawn from all the topic's texts, the removed ones included, so one of them may be a word only a
    removed text had (an erased customer's name); a label (automatic from an older run, or edited) may
    have copied it. A keyword stays when each of its words is still a word of one of the topic's texts;
    a label's own wording (words no removed text had) stays. A label left empty, or an automatic one
    (its first three keywords), follows the kept keywords."""
    row = project.rows("SELECT label, keywords FROM topics WHERE run_id = ? AND topic = ?", [run_id, topic])
    if not row:
        return
    label, keywords = row[0][0] or "", list(row[0][1] or [])
    parts = [part for part in _LABEL_PARTS.split(label) if part]
    part_words = [set(re.findall(r"\w+", part.lower())) for part in parts]
    keyword_words = {word for keyword in keywords for word in keyword.lower().split()}
    label_words = set().union(*part_words)
    words = sorted(keyword_words | label_words)
    present = _whole_words(project, """
        WITH units AS (SELECT unit_kind, unit_id FROM unit_topics WHERE run_id = ? AND topic = ?)
        SELECT lower(d.text) AS t FROM units u JOIN documents d ON u.unit_kind = 'document' AND d.id = u.unit_id
        UNION ALL
        SELECT lower(substr(d.text, s.start_pos + 1, s.end_pos - s.start_pos)) FROM units u
        JOIN segments s ON u.unit_kind = 'segment' AND s.id = u.unit_id JOIN documents d ON d.id = s.document_id
        """, [run_id, topic], words)
    removed = _whole_words(project, "SELECT lower(text) AS t FROM documents WHERE id = ANY(?)", [documents],
                           sorted(label_words - present))
    kept = [keyword for keyword in keywords if all(word in present for word in keyword.lower().split())]
    kept_parts = [part for part, words_of_part in zip(parts, part_words) if not words_of_part & removed]
    if kept == keywords and kept_parts == parts:
        return
    automatic = label == ", ".join(keywords[:3])
    separator = " · " if "·" in label else ", "
    new_label = separator.join(kept_parts) if kept_parts and not automatic else ", ".join(kept[:3])
    project.execute(
        "UPDATE topics SET keywords = ?, label = ? WHERE run_id = ? AND topic = ?",
        [kept, new_label or f"topic {topic}", run_id, topic],
    )


def _refresh_topic_copies(project: Project, touched: set[tuple[int, int]], entries: list[Entry]) -> None:
    """Give the suggestions made from a touched topic (a topic mapped to a code), and the journal's
    copies of them, the topic's label and keywords as pruned: they copied them when they were made."""
    if not touched:
        return
    runs = sorted({run_id for run_id, _ in touched})
    current = {(run_id, topic): (label, list(keywords or [])) for run_id, topic, label, keywords in
               project.rows("SELECT run_id, topic, label, keywords FROM topics WHERE run_id = ANY(?)", [runs])}

    def refreshed(raw: Any) -> str | None:
        """The explanation with the topic's current words, or None when it is not a touched topic's."""
        try:
            explanation = json.loads(raw) if isinstance(raw, str) else None
        except ValueError:
            return None
        if not isinstance(explanation, dict) or explanation.get("method") != "topic":
            return None
        key = (explanation.get("run_id"), explanation.get("topic"))
        if key not in touched:
            return None
        label, keywords = current.get(key, (f"topic {key[1]}", []))  # type: ignore[arg-type]
        explanation.update(label=label, keywords=keywords)
        return json.dumps(explanation, ensure_ascii=False)

    for suggestion_id, raw in project.rows("SELECT id, explanation FROM suggestions "
                                           "WHERE json_extract_string(explanation, '$.method') = 'topic'"):
        updated = refreshed(raw)
        if updated is not None and updated != raw:
            project.execute("UPDATE suggestions SET explanation = ? WHERE id = ?", [updated, suggestion_id])
    for entry in entries:
        changed = False
        for change in entry.changes:
            if change.table != "suggestions":
                continue
            for values in change.values():
                updated = refreshed(values.get("explanation"))
                if updated is not None and updated != values["explanation"]:
                    values["explanation"], changed = updated, True
        if changed:
            save_entry(project, entry)


def _trim_journal(project: Project, entries: list[Entry], owned: dict[str, set[int]],
                  documents: set[int]) -> tuple[int, int]:
    """Drop the journal's changes on removed rows. Entries left with no change are deleted, with the
    undo and redo entries that name them (they copy the description, which may quote the text); an
    entry whose summary names a removed document keeps its other changes under a neutral description."""
    removed: set[int] = set()
    trimmed: set[int] = set()
    redacted: set[int] = set()
    # An action after an undo makes the undone actions impossible to redo, but the journal writes that
    # flag lazily: it is implied while the newest row is a normal action. Deleting that action must not
    # bring back a redo the user had given up, so the flag is written first.
    project.execute(f"UPDATE journal SET superseded = TRUE WHERE undone AND NOT superseded AND {PENDING_SUPERSEDE}")
    for entry in entries:
        if entry.target is not None:
            continue
        kept = [change for change in entry.changes if change.row_id not in owned.get(change.table, ())]
        if len(kept) == len(entry.changes):
            continue
        if not kept:
            removed.add(entry.id)
            continue
        entry.changes = kept
        trimmed.add(entry.id)
        if entry.summary.get("document_id") in documents:
            entry.summary, entry.description = {"erased": True}, _ERASED
            redacted.add(entry.id)
        save_entry(project, entry)
    for entry in entries:
        if entry.target in removed:
            removed.add(entry.id)
        elif entry.target in redacted:
            entry.summary, entry.description = {"erased": True}, _ERASED
            save_entry(project, entry)
    delete_entries(project, sorted(removed))
    return len(removed), len(trimmed)
