"""Which codings and documents an analysis or an export covers: codes, coders, document kinds, a date range.

One filter object is shared by the analyses, the charts and every export format so that a Frequencies
sheet, the Segments sheet and a CSV written with the same options describe exactly the same data.
Filters become SQL predicates with bound parameters (never string-pasted values).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from workbench.errors import ExportError, WorkbenchError
from workbench.project import DOCUMENT_KINDS, Project


@dataclass(frozen=True)
class Filters:
    """Restrictions on what is analysed or exported; empty fields mean "everything".

    `code_ids` are the codes kept; `make_filters` adds the sub-codes of each code a user names (asking for
    "Motif de contact" means every contact reason). `date_to` is inclusive: `make_filters` turns a date
    into the end of that day.
    """

    code_ids: tuple[int, ...] = ()
    coder_ids: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    date_from: datetime | None = None
    date_to: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.code_ids or self.coder_ids or self.kinds or self.date_from or self.date_to)

    def documents_sql(self, alias: str = "d") -> tuple[str, list[Any]]:
        """SQL predicate (always valid after WHERE/AND) restricting documents, and its parameters."""
        clauses, params = ["TRUE"], []
        if self.kinds:
            clauses.append(f"{alias}.kind IN ({', '.join('?' for _ in self.kinds)})")
            params.extend(self.kinds)
        if self.date_from is not None:
            clauses.append(f"{alias}.occurred_at >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            clauses.append(f"{alias}.occurred_at <= ?")
            params.append(self.date_to)
        return " AND ".join(clauses), params

    def codings_sql(self, alias: str = "c") -> tuple[str, list[Any]]:
        """SQL predicate on a codings alias for the code and coder restrictions, and its parameters."""
        clauses, params = ["TRUE"], []
        if self.code_ids:
            clauses.append(f"{alias}.code_id IN ({', '.join('?' for _ in self.code_ids)})")
            params.extend(self.code_ids)
        if self.coder_ids:
            clauses.append(f"{alias}.coder_id IN ({', '.join('?' for _ in self.coder_ids)})")
            params.extend(self.coder_ids)
        return " AND ".join(clauses), params

    def allows_code(self, code_id: int) -> bool:
        return not self.code_ids or code_id in self.code_ids


NO_FILTERS = Filters()


def _as_datetime(value: str | date | datetime | None, end_of_day: bool) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        day = value
    else:
        text = str(value).strip()
        try:
            if len(text) > 10:
                return datetime.fromisoformat(text)
            day = date.fromisoformat(text)
        except ValueError as exc:
            raise ExportError(f"invalid date {text!r}: use YYYY-MM-DD (or YYYY-MM-DDTHH:MM)") from exc
    if end_of_day:
        return datetime.combine(day, time.min) + timedelta(days=1) - timedelta(microseconds=1)
    return datetime.combine(day, time.min)


def _subtree(project: Project, roots: Sequence[int]) -> tuple[int, ...]:
    """The given codes and every code below them, found with a recursive query."""
    if not roots:
        return ()
    rows = project.rows(
        f"""
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM codes WHERE id IN ({', '.join('?' for _ in roots)})
            UNION
            SELECT c.id FROM codes c JOIN tree t ON c.parent_id = t.id
        )
        SELECT id FROM tree ORDER BY id
        """,
        list(roots),
    )
    return tuple(int(row[0]) for row in rows)


def resolve_code(project: Project, spec: str | int) -> int:
    """Code id from an id, a 'Parent/Child' path or a `scheme:key`; errors name the closest codes."""
    from workbench.codebook import find_code

    if isinstance(spec, str) and spec.strip().isdigit():
        spec = int(spec.strip())
    try:
        return find_code(project, spec)
    except WorkbenchError as exc:
        raise ExportError(str(exc)) from exc


def make_filters(
    project: Project,
    *,
    codes: Iterable[str | int] = (),
    coders: Iterable[str | int] = (),
    kinds: Iterable[str] = (),
    date_from: str | date | datetime | None = None,
    date_to: str | date | datetime | None = None,
) -> Filters:
    """Build `Filters` from what a user types (code paths or keys, coder names, kind names, ISO dates).

    Unknown codes, coders and kinds are errors rather than silently empty exports.
    """
    code_ids = tuple(resolve_code(project, spec) for spec in codes)
    coder_ids: list[int] = []
    for coder in coders:
        if isinstance(coder, int) or str(coder).isdigit():
            found = project.scalar("SELECT id FROM coders WHERE id = ?", [int(coder)])
        else:
            found = project.scalar("SELECT id FROM coders WHERE name = ?", [str(coder)])
        if found is None:
            known = ", ".join(name for (name,) in project.rows("SELECT name FROM coders ORDER BY name")) or "none"
            raise ExportError(f"no coder {coder!r} in this project (coders: {known})")
        coder_ids.append(int(found))
    kind_list = tuple(kinds)
    for kind in kind_list:
        if kind not in DOCUMENT_KINDS:
            raise ExportError(f"unknown document kind {kind!r}; choose among {', '.join(DOCUMENT_KINDS)}")
    start = _as_datetime(date_from, end_of_day=False)
    end = _as_datetime(date_to, end_of_day=True)
    if start and end and start > end:
        raise ExportError(f"the date range is empty: {start.date()} is after {end.date()}")
    return Filters(_subtree(project, code_ids), tuple(coder_ids), kind_list, start, end)
