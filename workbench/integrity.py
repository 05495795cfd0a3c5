"""The integrity check of a project file (`workbench check`): is everything in it where it should be?

Why: the schema has no foreign keys (they would slow the import of millions of rows), so nothing in the
database stops a row from pointing at a document that is gone, a span from running past its text or the
journal from losing its footing. The store modules keep these rules when they write; this check verifies
that they did, after a crash, a restored backup, a hand edit or a bug.

Which tables point at which is read from the database catalogue, by column name, so that a table or a
column added later is checked without a change here: a column `<thing>_id` points at the table
`<thing>s` (documents, codes, coders, runs, sources, ...), `parent_id` at its own table, a few names at
the table in `REFERENCES`, and a pair `<p>_kind` / `<p>_id` (a memo's target, a unit of an embedding, a
topic assignment or a suggestion) at the table its kind names (`KIND_TABLES`). Spans are checked in every
table with `document_id`, `start_pos` and `end_pos`.

Each check is one set-based query (the journal's, a few small ones more), so a project of a million
documents and ten million index entries is checked in about two seconds; at most `MAX_LISTED` problems
of one sort are listed, with a line counting the rest. Nothing here writes: `workbench check` opens the
file read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from itertools import groupby
from typing import Any

from workbench.journal import Entry, next_redo, next_undo
from workbench.project import Project, latest_version
from workbench.store.memos import TARGETS

# Problems of one sort (one check, one table, one column) listed before the rest are only counted.
MAX_LISTED = 100
# Columns holding the id of a row elsewhere whose name does not follow `<thing>_id` -> `<thing>s`.
REFERENCES = {"relabel_code_id": "codes", "reviewed_by": "coders", "set_id": "code_sets",
              "lemma_id": "terms", "form_id": "terms"}
# What the value of a `<p>_kind` column names (None: nothing, the `<p>_id` beside it stays empty).
KIND_TABLES: dict[str, str | None] = {**TARGETS, "segment": "segments"}
# Tables that record the past: the rows they name may since have been taken back (an undone action names
# the coder its undone `add_coder` removed). The journal check verifies what undo and redo need of them.
_HISTORY = ("journal",)
_INTEGERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT")
_REPLAYS = "('undo', 'redo')"
# What the summary line of a whole project counts: table, and how to call its rows.
_COUNTED = (("documents", "documents"), ("codings", "codings"), ("segments", "segments"), ("codes", "codes"),
            ("memos", "memos"), ("suggestions", "suggestions"), ("tokens", "index entries"),
            ("journal", "journal entries"))


@dataclass
class Problem:
    """One thing wrong. `row_id` is None for a table without ids (the message names the document or value
    instead) and on the line that counts problems left unlisted; `count` is how many problems the line
    stands for (1, or the number of the unlisted ones)."""

    kind: str  # short slug: missing-reference, span-outside-text, journal-flags, ...
    table: str
    row_id: int | None
    message: str
    count: int = 1


@dataclass
class IntegrityReport:
    path: str
    problems: list[Problem] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)  # rows per table (of _COUNTED), for the summary

    @property
    def whole(self) -> bool:
        return not self.problems

    @property
    def found(self) -> int:
        return sum(problem.count for problem in self.problems)

    def summary(self) -> str:
        if self.whole:
            labels = dict(_COUNTED)
            counts = ", ".join(f"{n:,} {labels[table]}" for table, n in self.checked.items())
            return f"project is whole: {counts} checked"
        return f"{self.found:,} problem{'' if self.found == 1 else 's'} found"

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "whole": self.whole, "summary": self.summary(), "checked": self.checked,
                "problems": [asdict(problem) for problem in self.problems]}


class _Catalogue:
    """The base tables of the project with their columns, and which of those hold integers, read from
    DuckDB's catalogue."""

    def __init__(self, project: Project) -> None:
        rows = project.rows(
            f"""
            SELECT t.table_name, list(c.column_name ORDER BY c.column_index),
                   list(c.column_name ORDER BY c.column_index)
                       FILTER (WHERE c.data_type IN ({', '.join(f"'{name}'" for name in _INTEGERS)}))
            FROM duckdb_tables() t JOIN duckdb_columns() c ON c.table_oid = t.table_oid
            WHERE t.database_name = current_database() AND t.schema_name = 'main' AND NOT t.temporary
            GROUP BY t.table_name ORDER BY t.table_name
            """
        )
        self.columns: dict[str, list[str]] = {table: columns for table, columns, _ in rows}
        self.integers: dict[str, list[str]] = {table: integers or [] for table, _, integers in rows}

    def has(self, table: Any, *integers: str) -> bool:
        """Whether `table` exists and has these integer columns."""
        return table in self.integers and all(column in self.integers[table] for column in integers)

    def with_columns(self, *integers: str) -> list[str]:
        return [table for table in self.integers if self.has(table, *integers)]

    def target(self, table: str, column: str) -> str | None:
        """The table whose `id` the integer column `column` of `table` holds, or None (not a reference, or
        one whose table is named by a `<p>_kind` column beside it)."""
        if column == "parent_id":
            return table
        if column.endswith("_id") and column.removesuffix("_id") + "_kind" in self.columns[table]:
            return None
        name = REFERENCES.get(column) or (column.removesuffix("_id") + "s" if column.endswith("_id") else "")
        return name if self.has(name, "id") else None


def _q(name: str) -> str:
    """An identifier from the catalogue, quoted (a hostile file could name a table anything)."""
    return '"' + name.replace('"', '""') + '"'


def _text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _noun(table: str) -> str:
    """What one row of `table` is called in a message: codings -> coding, code_sets -> code set."""
    return "journal entry" if table == "journal" else table.removesuffix("s").replace("_", " ")


def _row(table: str, row_id: int | None) -> str:
    return f"{_noun(table)} {row_id}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _report(project: Project, report: IntegrityReport, kind: str, sql: str | None,
            message: Callable[[dict[str, Any]], str], partition: tuple[str, ...] = ("tbl",),
            order: str = "row_id") -> None:
    """One problem per row of `sql`, which gives each row's table (`tbl`) and id (`row_id`, NULL in a
    table without ids): at most MAX_LISTED rows per `partition`, and a line counting the rest."""
    if sql is None:
        return
    columns = ", ".join(partition)
    rows = project.dicts(
        f"SELECT *, count(*) OVER (PARTITION BY {columns}) AS _total FROM ({sql}) "
        f"QUALIFY row_number() OVER (PARTITION BY {columns} ORDER BY {order}) <= {MAX_LISTED} "
        f"ORDER BY {columns}, {order}"
    )
    for _, group in groupby(rows, key=lambda row: tuple(row[column] for column in partition)):
        listed = list(group)
        for row in listed:
            report.problems.append(Problem(kind, row["tbl"], row["row_id"], message(row)))
        unlisted = listed[0]["_total"] - len(listed)
        if unlisted > 0:
            table = listed[0]["tbl"]
            report.problems.append(Problem(kind, table, None, f"… and {unlisted:,} more like the above in {table} "
                                           f"(only the first {MAX_LISTED} are listed)", unlisted))


def _union(parts: Iterable[str]) -> str | None:
    parts = list(parts)
    return " UNION ALL ".join(parts) if parts else None


# -- the checks ----------------------------------------------------------------------------------------
def _schema_version(project: Project, report: IntegrityReport) -> bool:
    """True when the file has this program's schema; the other checks assume its tables and columns."""
    version, expected = project.schema_version, latest_version()
    if version == expected:
        return True
    advice = ("update the program" if version > expected
              else "open it once for writing (in the app, or with any command that changes it) to upgrade it")
    report.problems.append(Problem(
        "schema-version", "meta", None,
        f"the project has schema version {version}, but this program expects {expected}: {advice}; "
        "the other checks need this program's schema and were not run"))
    return False


def _duplicate_ids(project: Project, catalogue: _Catalogue, report: IntegrityReport) -> None:
    """Ids are unique (documents and terms have no primary key to enforce it): a reference to a repeated
    id points at two rows."""
    sql = _union(f"SELECT {_text(table)} AS tbl, id AS row_id, count(*) AS n FROM {_q(table)} "
                 "GROUP BY id HAVING count(*) > 1" for table in catalogue.with_columns("id"))
    _report(project, report, "duplicate-id", sql,
            lambda r: f"{r['n']} rows of {r['tbl']} have the same id {r['row_id']}")


def _references(project: Project, catalogue: _Catalogue, report: IntegrityReport) -> None:
    """Every id a row holds names an existing row of the right table."""
    parts = []
    for table, columns in catalogue.integers.items():
        for column in columns if table not in _HISTORY else ():
            target = catalogue.target(table, column)
            if target is not None and column != "id":
                parts.append(_reference_sql(catalogue, table, column, target, None,
                                            f"ANTI JOIN {_q(target)} r ON r.id = s.{_q(column)} "
                                            f"WHERE s.{_q(column)} IS NOT NULL"))
            kind_column = column.removesuffix("_id") + "_kind"
            if column.endswith("_id") and kind_column in catalogue.columns[table]:
                parts.extend(_kind_references(catalogue, table, column, kind_column))
    _report(project, report, "missing-reference", _union(parts), _reference_problem, ("tbl", "col"),
            "row_id, value, kind")


def _reference_sql(catalogue: _Catalogue, table: str, column: str, target: str | None, kind_column: str | None,
                   rest: str) -> str:
    """One branch of the reference query: rows of `table` (or, without ids, their count per value) whose
    `column` names no row."""
    with_id = "id" in catalogue.integers[table]
    kind = f"s.{_q(kind_column)}" if kind_column else "NULL"
    return (f"SELECT {_text(table)} AS tbl, {_text(column)} AS col, {_text(target) if target else 'NULL'} AS target, "
            f"{kind} AS kind, {'s.id' if with_id else 'NULL'} AS row_id, CAST(s.{_q(column)} AS BIGINT) AS value, "
            f"{'1' if with_id else 'count(*)'} AS n FROM {_q(table)} s {rest}{'' if with_id else ' GROUP BY ALL'}")


def _kind_references(catalogue: _Catalogue, table: str, column: str, kind_column: str) -> list[str]:
    """Branches of the reference query for a `<p>_kind` / `<p>_id` pair: one per kind, one for unknown kinds."""
    kind, value = f"s.{_q(kind_column)}", f"s.{_q(column)}"
    parts = []
    for name, target in KIND_TABLES.items():
        rest = (f"WHERE {kind} = {_text(name)} AND {value} IS NOT NULL" if target is None
                else f"ANTI JOIN {_q(target)} r ON r.id = {value} WHERE {kind} = {_text(name)}")
        parts.append(_reference_sql(catalogue, table, column, target, kind_column, rest))
    known = ", ".join(_text(name) for name in KIND_TABLES)
    parts.append(_reference_sql(catalogue, table, column, None, kind_column, f"WHERE {kind} NOT IN ({known})"))
    return parts


def _reference_problem(r: dict[str, Any]) -> str:
    table, column, target, kind, value = r["tbl"], r["col"], r["target"], r["kind"], r["value"]
    one = r["row_id"] is not None or r["n"] == 1
    subject = _row(table, r["row_id"]) if r["row_id"] is not None else f"{table}: {_plural(r['n'], 'row')}"
    if kind is not None and kind not in KIND_TABLES:
        what = f"{'has' if one else 'have'} {column.removesuffix('_id')}_kind {kind!r}, which names no kind of row"
    elif kind is not None and target is None:
        what = f"{'is' if one else 'are'} about the {kind} as a whole, yet {column} holds {value}"
    elif value is None:
        what = f"{'is' if one else 'are'} about a {kind} but {column} is empty"
    else:
        what = f"{'points' if one else 'point'} at {_noun(target)} {value} ({column}), which does not exist"
    return f"{subject} {what}"


def _topic_representatives(project: Project, report: IntegrityReport) -> None:
    """A topic's representative examples are units assigned to that topic."""
    sql = """
        SELECT 'topics' AS tbl, NULL AS row_id, r.run_id, r.topic, r.unit_id FROM (
            SELECT run_id, topic, unnest(representatives) AS unit_id FROM topics) r
        ANTI JOIN unit_topics u ON u.run_id = r.run_id AND u.topic = r.topic AND u.unit_id = r.unit_id
    """
    _report(project, report, "missing-reference", sql, lambda r: (
        f"topic {r['topic']} of run {r['run_id']} shows unit {r['unit_id']} as an example, but that unit is not "
        "assigned to the topic (unit_topics)"), order="run_id, topic, unit_id")


def _parent_cycles(project: Project, catalogue: _Catalogue, report: IntegrityReport) -> None:
    """No code is its own ancestor: walking up its parents (paths, the tree, roll-ups) would never end."""
    sql = _union(f"""
        SELECT * FROM (
            WITH RECURSIVE walk(start, node, path) AS (
                SELECT id, parent_id, [id] FROM {_q(table)} WHERE parent_id IS NOT NULL
                UNION ALL
                SELECT w.start, c.parent_id, list_append(w.path, w.node)
                FROM walk w JOIN {_q(table)} c ON c.id = w.node
                WHERE NOT list_contains(w.path, w.node) AND c.parent_id IS NOT NULL
            )
            SELECT {_text(table)} AS tbl, start AS row_id, path FROM walk WHERE node = start AND start = list_min(path)
        )""" for table in catalogue.with_columns("id", "parent_id"))
    _report(project, report, "parent-cycle", sql, lambda r: (
        f"{_row(r['tbl'], r['row_id'])} is its own ancestor: its parent chain "
        f"{' → '.join(map(str, [*r['path'], r['row_id']]))} loops"))


def _text_lengths(project: Project, report: IntegrityReport) -> None:
    """n_chars is the length of the stored text in code points: every span is checked against it."""
    sql = ("SELECT 'documents' AS tbl, id AS row_id, n_chars, length(text) AS length FROM documents "
           "WHERE n_chars IS DISTINCT FROM length(text)")
    _report(project, report, "text-length", sql, lambda r: (
        f"document {r['row_id']} records {r['n_chars']} code points (n_chars), but its text has {r['length']}"))


def _spans(project: Project, catalogue: _Catalogue, report: IntegrityReport) -> None:
    """0 <= start < end <= n_chars for every span: offsets are code points into the document's text."""
    parts = []
    for table in catalogue.with_columns("document_id", "start_pos", "end_pos"):
        if "id" in catalogue.integers[table]:
            select, group = "s.id AS row_id, s.start_pos AS first, s.end_pos AS last, d.n_chars, 1 AS n", ""
        else:
            select = ("NULL AS row_id, min(s.start_pos) AS first, max(s.end_pos) AS last, "
                      "any_value(d.n_chars) AS n_chars, count(*) AS n")
            group = " GROUP BY s.document_id"
        parts.append(
            f"SELECT {_text(table)} AS tbl, s.document_id, {select} FROM {_q(table)} s JOIN documents d "
            "ON d.id = s.document_id WHERE NOT (s.start_pos >= 0 AND s.start_pos < s.end_pos AND s.end_pos <= d.n_chars)"
            f"{group}")
    _report(project, report, "span-outside-text", _union(parts), _span_problem, order="row_id, document_id")


def _span_problem(r: dict[str, Any]) -> str:
    table, document, first, last, n_chars = r["tbl"], r["document_id"], r["first"], r["last"], r["n_chars"]
    if r["row_id"] is None:
        return (f"{table}: {_plural(r['n'], 'row')} of document {document} lie outside its text of {n_chars} code "
                f"points (from code point {first} to {last})")
    if first < 0:
        what = f"starts at code point {first}, before the beginning of document {document}"
    elif first >= last:
        what = f"spans [{first}, {last}) code points of document {document}, which is empty or reversed"
    else:
        what = f"ends at code point {last}, past the end of document {document}, whose text has {n_chars} code points"
    return f"{_row(table, r['row_id'])} {what}"


def _duplicate_codings(project: Project, report: IntegrityReport) -> None:
    """A coder never holds the identical coding twice: it would count double in frequencies and agreement."""
    sql = """
        SELECT 'codings' AS tbl, list(id ORDER BY id)[2] AS row_id, list(id ORDER BY id) AS ids,
               document_id, code_id, coder_id, start_pos, end_pos
        FROM codings GROUP BY document_id, code_id, coder_id, start_pos, end_pos HAVING count(*) > 1
    """
    _report(project, report, "duplicate-coding", sql, lambda r: (
        f"codings {', '.join(map(str, r['ids'][:-1]))} and {r['ids'][-1]} are the same coding: coder {r['coder_id']} "
        f"coded [{r['start_pos']}, {r['end_pos']}) of document {r['document_id']} with code {r['code_id']} "
        f"{len(r['ids'])} times"))


def _search_index(project: Project, report: IntegrityReport) -> None:
    """Once a project has a search index, every document with sentences (which only the text pipeline
    writes, with the index) is in it with all its words, and the index holds nothing else."""
    sql = """
        WITH counted AS (SELECT document_id, count(*) AS n FROM tokens GROUP BY document_id)
        SELECT 'text_status' AS tbl, NULL AS row_id, document_id, NULL AS expected, NULL AS indexed FROM (
            SELECT DISTINCT document_id FROM segments WHERE kind = 'sentence') s
        ANTI JOIN text_status t USING (document_id)
        WHERE EXISTS (SELECT 1 FROM text_status) OR EXISTS (SELECT 1 FROM tokens)
        UNION ALL
        SELECT 'tokens', NULL, t.document_id, t.n_tokens, coalesce(c.n, 0) FROM text_status t
        LEFT JOIN counted c USING (document_id) WHERE coalesce(c.n, 0) <> t.n_tokens
        UNION ALL
        SELECT 'tokens', NULL, c.document_id, NULL, c.n FROM counted c ANTI JOIN text_status t USING (document_id)
    """
    _report(project, report, "search-index", sql, _index_problem, order="document_id")


def _index_problem(r: dict[str, Any]) -> str:
    document = r["document_id"]
    if r["tbl"] == "text_status":
        return (f"document {document} has sentences but is missing from the search index (no text_status row): "
                "search does not find it")
    if r["expected"] is None:
        return (f"the search index holds {_plural(r['indexed'], 'word')} of document {document}, which the text "
                "pipeline never recorded as processed (no text_status row)")
    return (f"the search index holds {r['indexed']:,} of the {_plural(r['expected'], 'word')} of document "
            f"{document} (tokens against text_status.n_tokens)")


# -- the journal -----------------------------------------------------------------------------------
# What journal.py relies on to undo and redo (see its docstring):
# - an undo or redo entry replays an older normal action, and is never undone or superseded itself;
# - a normal action is undone exactly when the latest undo or redo naming it is an undo;
# - superseded (no longer redoable) only applies to undone actions;
# - the redo stack (undone, not superseded) lies after every action still in effect, since undo takes the
#   newest action in effect and redo the oldest undone one. The superseded flag is written lazily: actions
#   done after the latest undo or redo imply it (journal.PENDING_SUPERSEDE), so only the actions in effect
#   before that replay count;
# - the rows the next undo and the next redo would touch are as the journal left them (`_apply` refuses a
#   row to delete or update that is gone, and a row to re-insert that is there).
_JOURNAL_FLAGS = f"""
WITH replays AS (
    SELECT id, action, TRY_CAST(json_extract_string(payload, '$.target') AS BIGINT) AS target
    FROM journal WHERE action IN {_REPLAYS}
), latest AS (
    SELECT target, arg_max(action, id) AS action, max(id) AS id FROM replays GROUP BY target
)
SELECT 'journal' AS tbl, r.id AS row_id, r.action, 'target' AS issue, r.target AS other, t.action AS other_action
FROM replays r LEFT JOIN journal t ON t.id = r.target
WHERE t.id IS NULL OR t.action IN {_REPLAYS} OR r.target >= r.id
UNION ALL
SELECT 'journal', id, action, 'replay-flagged', NULL, NULL FROM journal
WHERE action IN {_REPLAYS} AND (undone OR superseded)
UNION ALL
SELECT 'journal', id, action, 'superseded-not-undone', NULL, NULL FROM journal
WHERE action NOT IN {_REPLAYS} AND superseded AND NOT undone
UNION ALL
SELECT 'journal', j.id, j.action, CASE WHEN j.undone THEN 'undone-without-undo' ELSE 'in-effect-after-undo' END,
       l.id, l.action
FROM journal j LEFT JOIN latest l ON l.target = j.id
WHERE j.action NOT IN {_REPLAYS} AND j.undone <> coalesce(l.action = 'undo', FALSE)
UNION ALL
SELECT 'journal', j.id, j.action, 'redo-out-of-order', s.settled, NULL FROM journal j, (
    SELECT max(id) AS settled FROM journal WHERE action NOT IN {_REPLAYS} AND NOT undone
    AND id < (SELECT coalesce(max(id), 0) FROM journal WHERE action IN {_REPLAYS})
) s
WHERE j.action NOT IN {_REPLAYS} AND j.undone AND NOT j.superseded AND j.id < s.settled
"""


def _journal_flag_problem(r: dict[str, Any]) -> str:
    entry, other = f"journal entry {r['row_id']} ({r['action']})", r["other"]
    if r["issue"] == "target":
        whose = ("which does not exist" if r["other_action"] is None
                 else f"which is itself an {r['other_action']}" if r["other_action"] in ("undo", "redo")
                 else "which comes after it")
        return f"{entry} replays entry {other}, {whose}"
    if r["issue"] == "undone-without-undo":
        why = "no undo entry takes it back" if other is None else f"the latest entry replaying it, {other}, is a redo"
        return f"{entry} is marked undone, but {why}"
    return {
        "replay-flagged": f"{entry} is marked undone or superseded, which an undo or redo entry never is",
        "superseded-not-undone": f"{entry} is marked superseded (no longer redoable) but it is not undone",
        "in-effect-after-undo": f"{entry} is not marked undone, but the latest entry replaying it, {other}, is an undo",
        "redo-out-of-order": f"{entry} waits to be redone, but entry {other}, done after it, is still in effect: "
                             "a redo would apply it out of order",
    }[r["issue"]]


def _journal(project: Project, catalogue: _Catalogue, report: IntegrityReport) -> None:
    _report(project, report, "journal-flags", _JOURNAL_FLAGS, _journal_flag_problem, order="row_id, issue")
    _journal_replays(project, catalogue, report)


def _journal_replays(project: Project, catalogue: _Catalogue, report: IntegrityReport) -> None:
    """The next undo and the next redo (as journal.py picks them) would apply: replaying the changes in
    their order, each row they delete or update is there and each row they insert is not."""
    nexts: dict[int, str] = {}
    for verb, find in (("undo", next_undo), ("redo", next_redo)):
        try:
            entry = find(project)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a payload journal.py cannot parse
            report.problems.append(Problem("journal-replay", "journal", None, (
                f"the journal entry the next {verb} would replay cannot be read ({type(exc).__name__}: {exc}): "
                f"`workbench {verb}` would fail")))
            continue
        if entry is not None:
            nexts[entry["id"]] = verb
    entries = [Entry.parse(*row) for row in project.rows(
        "SELECT id, action, payload FROM journal WHERE id = ANY(?) ORDER BY id", [list(nexts)])]
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        for change in entry.changes:
            if catalogue.has(change.table, "id"):
                wanted.setdefault(change.table, set()).add(change.row_id)
    present = _present(project, wanted)
    for entry in entries:
        _replay(report, catalogue, entry, nexts[entry.id], set(present))


def _present(project: Project, wanted: dict[str, set[int]]) -> set[tuple[str, int]]:
    """Which of the (table, id) pairs exist now, in one query."""
    sql = _union(f"SELECT {_text(table)}, id FROM {_q(table)} WHERE id = ANY(?)" for table in wanted)
    if sql is None:
        return set()
    return set(project.rows(sql, [sorted(ids) for ids in wanted.values()]))


def _replay(report: IntegrityReport, catalogue: _Catalogue, entry: Entry, verb: str,
            present: set[tuple[str, int]]) -> None:
    """Walk the entry's changes in the order `verb` applies them, as journal._apply does, tracking which
    rows exist."""
    subject = f"journal entry {entry.id} ({entry.action}) is the next to {verb}"
    done = {"insert": "inserted", "delete": "deleted", "update": "changed"}
    for change in entry.changes if verb == "redo" else entry.changes[::-1]:
        if change.op not in done or not catalogue.has(change.table, "id"):
            report.problems.append(Problem("journal-replay", "journal", entry.id, (
                f"{subject}, but holds a change it cannot replay ({change.op!r} on table {change.table!r})")))
            continue
        removes = (change.op == "insert") == (verb == "undo")
        needs = change.op == "update" or removes
        key = (change.table, change.row_id)
        if (key in present) != needs:
            state = "no longer exists" if needs else "exists again"
            report.problems.append(Problem("journal-replay", "journal", entry.id, (
                f"{subject}, but the {_noun(change.table)} {change.row_id} it {done[change.op]} {state}: "
                f"`workbench {verb}` would refuse it")))
        elif change.op != "update":
            (present.discard if removes else present.add)(key)


def _checked(project: Project, catalogue: _Catalogue) -> dict[str, int]:
    tables = [table for table, _ in _COUNTED if table in catalogue.integers]
    row = project.rows("SELECT " + ", ".join(f"(SELECT count(*) FROM {_q(table)})" for table in tables))[0]
    return {table: int(n) for table, n in zip(tables, row)}


def check_project(project: Project) -> IntegrityReport:
    """Check `project` without changing it; the report lists every problem found (see the module docstring)."""
    report = IntegrityReport(str(project.path))
    if not _schema_version(project, report):
        return report
    catalogue = _Catalogue(project)
    _duplicate_ids(project, catalogue, report)
    _references(project, catalogue, report)
    _topic_representatives(project, report)
    _parent_cycles(project, catalogue, report)
    _text_lengths(project, report)
    _spans(project, catalogue, report)
    _duplicate_codings(project, report)
    _journal(project, catalogue, report)
    _search_index(project, report)
    report.checked = _checked(project, catalogue)
    return report
