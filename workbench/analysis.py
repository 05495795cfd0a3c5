"""What the coded corpus says, in numbers: frequencies, crosstabs with chi-square, co-occurrence, trends.

Counting happens in DuckDB (one SQL query per analysis, whatever the corpus size); only the small result
tables come back as pandas DataFrames, which the charts, the Excel export and the CLI all consume. Every
analysis takes the same `Filters` as the exports so that a chart and the exported rows agree.

Conventions a user should know:
- a code's counts "with sub-codes" include the codings of every code below it (roll-up);
- "documents" counts distinct documents, "share" is documents / documents in scope (after filters);
- crosstab cells count documents; a document coded with two row codes counts in both rows (multiple
  response), which `Crosstab.overlapping_documents` reports, as chi-square assumes one row per unit.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from workbench.errors import ExportError
from workbench.filters import NO_FILTERS, Filters, resolve_code
from workbench.project import Project

if TYPE_CHECKING:
    import pandas as pd

Period = Literal["week", "month", "quarter", "year"]
Scope = Literal["document", "segment", "overlap"]
PERIODS = ("week", "month", "quarter", "year")
SCOPES = ("document", "segment", "overlap")

# Pseudo-variables every project has: the document kind, and the NPS group derived from an `nps` score.
KIND_VARIABLE = "kind"
NPS_GROUP_VARIABLE = "nps_group"
_NPS_LABELS = {
    "fr": ("détracteur (0-6)", "passif (7-8)", "promoteur (9-10)"),
    "en": ("detractor (0-6)", "passive (7-8)", "promoter (9-10)"),
}
_NOT_CODED = {"fr": "(non codé)", "en": "(not coded)"}

# (code_id, ancestor_id, ancestor_depth) for every code and each of its ancestors, itself included.
# Depth 0 is a top-level code.
_ANCESTRY = """
depths(id, depth) AS (
    SELECT id, 0 FROM codes WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, p.depth + 1 FROM codes c JOIN depths p ON c.parent_id = p.id
),
chain(code_id, ancestor_id) AS (
    SELECT id, id FROM codes
    UNION ALL
    SELECT ch.code_id, c.parent_id FROM chain ch JOIN codes c ON c.id = ch.ancestor_id
    WHERE c.parent_id IS NOT NULL
),
ancestry AS (
    SELECT ch.code_id, ch.ancestor_id, d.depth AS ancestor_depth
    FROM chain ch JOIN depths d ON d.id = ch.ancestor_id
)
"""


def _scope_ctes(filters: Filters) -> tuple[str, list[Any]]:
    """CTEs `scoped_docs` (documents in scope) and `scoped` (their codings in scope), with parameters."""
    doc_sql, doc_params = filters.documents_sql("d")
    cod_sql, cod_params = filters.codings_sql("c")
    sql = f"""
scoped_docs AS (SELECT d.id, d.kind, d.occurred_at FROM documents d WHERE {doc_sql}),
scoped AS (
    SELECT c.* FROM codings c JOIN scoped_docs sd ON sd.id = c.document_id WHERE {cod_sql}
)"""
    return sql, doc_params + cod_params


def _documents_in_scope(project: Project, filters: Filters) -> int:
    doc_sql, params = filters.documents_sql("d")
    return int(project.scalar(f"SELECT count(*) FROM documents d WHERE {doc_sql}", params))


def codes_frame(project: Project) -> pd.DataFrame:
    """Every code in tree order with `path`, `level` (1 = top level), `color`, `key`, `scheme`, `attributes`."""
    import pandas as pd

    from workbench.codebook import code_tree

    rows = [
        {
            "code_id": node["id"],
            "parent_id": node["parent_id"],
            "name": node["name"],
            "path": node["path"],
            "level": node["depth"] + 1,
            "color": node["color"],
            "key": node["key"],
            "scheme": node["scheme"],
            "attributes": node["attributes"] or {},
            "description": node["description"],
            "codable": node["codable"],
        }
        for node in code_tree(project)
    ]
    columns = ["code_id", "parent_id", "name", "path", "level", "color", "key", "scheme", "attributes",
               "description", "codable"]
    return pd.DataFrame(rows, columns=columns)


# -- frequencies ------------------------------------------------------------------------------------------
def code_frequencies(project: Project, filters: Filters = NO_FILTERS, *, level: int | None = None) -> pd.DataFrame:
    """Codings, documents and share of the corpus per code.

    Without `level`: one row per code (tree order) with its own counts (`codings`, `documents`, `share`)
    and counts including its sub-codes (`codings_with_subcodes`, …). With `level` (1 = top level): one row
    per code of that level, every coding below it rolled up into it.
    """
    codes = codes_frame(project)
    scope, params = _scope_ctes(filters)
    counts = project.con.execute(
        f"""
        WITH RECURSIVE {_ANCESTRY}, {scope}
        SELECT a.ancestor_id AS code_id,
               count(*) FILTER (WHERE s.code_id = a.ancestor_id) AS codings,
               count(DISTINCT s.document_id) FILTER (WHERE s.code_id = a.ancestor_id) AS documents,
               count(*) AS codings_with_subcodes,
               count(DISTINCT s.document_id) AS documents_with_subcodes
        FROM scoped s JOIN ancestry a ON a.code_id = s.code_id
        GROUP BY a.ancestor_id
        """,
        params,
    ).df()
    total = _documents_in_scope(project, filters)
    table = codes[["code_id", "path", "name", "level", "color"]].merge(counts, on="code_id", how="left")
    number_columns = ["codings", "documents", "codings_with_subcodes", "documents_with_subcodes"]
    table[number_columns] = table[number_columns].fillna(0).astype("int64")
    if filters.code_ids:
        table = table[table["code_id"].isin(filters.code_ids)]
    if level is not None:
        if level < 1:
            raise ExportError("level starts at 1 (the top-level codes)")
        table = table[table["level"] == level].drop(columns=["codings", "documents"])
        table = table.rename(columns={"codings_with_subcodes": "codings", "documents_with_subcodes": "documents"})
        table["share"] = table["documents"] / total if total else 0.0
        return table.reset_index(drop=True)
    table["share"] = table["documents"] / total if total else 0.0
    table["share_with_subcodes"] = table["documents_with_subcodes"] / total if total else 0.0
    return table.reset_index(drop=True)


# -- crosstabs ----------------------------------------------------------------------------------------------
@dataclass
class Crosstab:
    """A code (or topic) x variable table with its chi-square test.

    `residuals` are adjusted standardised residuals (Haberman): about N(0, 1) under independence, so
    |r| > 1.96 marks a cell notably over (+) or under (-) represented at the 5 % level.
    """

    title: str
    variable: str
    counts: pd.DataFrame
    row_pct: pd.DataFrame
    col_pct: pd.DataFrame
    expected: pd.DataFrame
    residuals: pd.DataFrame
    n: int
    chi2: float | None
    dof: int | None
    p_value: float | None
    cramers_v: float | None
    low_expected_share: float | None
    overlapping_documents: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready structure for `workbench report --json`."""

        def table(frame: pd.DataFrame, digits: int) -> dict[str, dict[str, float | None]]:
            return {
                str(row): {str(col): (None if math.isnan(value) else round(float(value), digits))
                           for col, value in values.items()}
                for row, values in frame.iterrows()
            }

        return {
            "title": self.title,
            "variable": self.variable,
            "rows": [str(label) for label in self.counts.index],
            "columns": [str(label) for label in self.counts.columns],
            "counts": {str(r): {str(c): int(v) for c, v in row.items()} for r, row in self.counts.iterrows()},
            "row_percent": table(self.row_pct, 2),
            "column_percent": table(self.col_pct, 2),
            "expected": table(self.expected, 3),
            "adjusted_residuals": table(self.residuals, 3),
            "n": self.n,
            "chi2": self.chi2,
            "dof": self.dof,
            "p_value": self.p_value,
            "cramers_v": self.cramers_v,
            "low_expected_share": self.low_expected_share,
            "overlapping_documents": self.overlapping_documents,
            "notes": self.notes,
        }


def _variable_sql(project: Project, variable: str) -> tuple[str, list[Any], str]:
    """SQL yielding (document_id, label, sort_num, sort_text) for a variable, and the variable's display name.

    Real variables win over the pseudo-variables `kind` and `nps_group` when a project defines them.
    Numeric variables sort by value, not alphabetically (2 before 10).
    """
    row = project.rows("SELECT id, name, type FROM variables WHERE lower(name) = lower(?)", [variable])
    if row:
        variable_id, name, vtype = row[0]
        numeric = "TRY_CAST(value AS DOUBLE)" if vtype in ("integer", "float") else "NULL::DOUBLE"
        label = "CAST(TRY_CAST(value AS DOUBLE) AS BIGINT)::VARCHAR" if vtype == "integer" else "value"
        if vtype == "integer":
            label = f"coalesce({label}, value)"
        sql = f"""SELECT document_id, {label} AS label, {numeric} AS sort_num, value AS sort_text
                  FROM document_values WHERE variable_id = ? AND value IS NOT NULL AND trim(value) <> ''"""
        return sql, [variable_id], name
    if variable.lower() == KIND_VARIABLE:
        return "SELECT id AS document_id, kind AS label, NULL::DOUBLE AS sort_num, kind AS sort_text FROM documents", \
            [], KIND_VARIABLE
    if variable.lower() == NPS_GROUP_VARIABLE:
        nps = project.rows("SELECT id FROM variables WHERE lower(name) = 'nps'")
        if not nps:
            raise ExportError("nps_group is derived from a variable named 'nps', which this project does not have")
        detractor, passive, promoter = _NPS_LABELS.get(project.language, _NPS_LABELS["en"])
        sql = """
            SELECT document_id, CASE WHEN score >= 9 THEN ? WHEN score >= 7 THEN ? ELSE ? END AS label,
                   CASE WHEN score >= 9 THEN 2 WHEN score >= 7 THEN 1 ELSE 0 END AS sort_num, NULL AS sort_text
            FROM (SELECT document_id, TRY_CAST(value AS DOUBLE) AS score FROM document_values WHERE variable_id = ?)
            WHERE score BETWEEN 0 AND 10
        """
        return sql, [promoter, passive, detractor, nps[0][0]], NPS_GROUP_VARIABLE
    known = [name for (name,) in project.rows("SELECT name FROM variables ORDER BY name")]
    choices = ", ".join(known + [KIND_VARIABLE, NPS_GROUP_VARIABLE])
    raise ExportError(f"no variable {variable!r}; choose among {choices}")


def _stats(counts: pd.DataFrame) -> dict[str, Any]:
    """Percentages, expected counts, adjusted residuals and chi-square of a count table.

    Empty rows and columns are left out of the test (they have no expected count) and get NaN residuals.
    """
    import numpy as np
    from scipy.stats import chi2_contingency

    observed = counts.to_numpy(dtype=float)
    n = observed.sum()
    row_totals = observed.sum(axis=1, keepdims=True)
    col_totals = observed.sum(axis=0, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        row_pct = np.where(row_totals > 0, observed / row_totals * 100, np.nan)
        col_pct = np.where(col_totals > 0, observed / col_totals * 100, np.nan)
        expected = row_totals @ col_totals / n if n else np.full_like(observed, np.nan)
        variance = expected * (1 - row_totals / n) * (1 - col_totals / n) if n else expected
        residuals = np.where(variance > 0, (observed - expected) / np.sqrt(variance), np.nan)
    keep_rows = row_totals[:, 0] > 0
    keep_cols = col_totals[0, :] > 0
    reduced = observed[np.ix_(keep_rows, keep_cols)]
    result: dict[str, Any] = {"chi2": None, "dof": None, "p_value": None, "cramers_v": None, "low": None}
    if reduced.shape[0] >= 2 and reduced.shape[1] >= 2:
        chi2, p_value, dof, expected_reduced = chi2_contingency(reduced, correction=False)
        result.update(
            chi2=float(chi2), dof=int(dof), p_value=float(p_value),
            cramers_v=float(np.sqrt(chi2 / (n * (min(reduced.shape) - 1)))),
            low=float((expected_reduced < 5).mean()),
        )
    def frame(values: Any) -> pd.DataFrame:
        return counts.__class__(values, index=counts.index, columns=counts.columns)

    result.update(n=int(n), row_pct=frame(row_pct), col_pct=frame(col_pct), expected=frame(expected),
                  residuals=frame(residuals))
    return result


def _crosstab_from_long(title: str, variable: str, long: pd.DataFrame, row_order: list[str],
                        col_frame: pd.DataFrame) -> Crosstab:
    """Pivot (row, col, n) counts into a full table in the given row and column order, then test it."""
    counts = long.pivot_table(index="row", columns="col", values="n", aggfunc="sum", fill_value=0)
    columns = list(col_frame["label"])
    counts = counts.reindex(index=row_order, columns=columns, fill_value=0).astype("int64")
    counts.index.name, counts.columns.name = title, variable
    stats = _stats(counts)
    notes = []
    if stats["low"] is not None and stats["low"] > 0.2:
        notes.append(f"{stats['low']:.0%} of expected counts are below 5: read the chi-square with caution")
    if stats["chi2"] is None:
        notes.append("chi-square needs at least two non-empty rows and two non-empty columns")
    return Crosstab(title, variable, counts, stats["row_pct"], stats["col_pct"], stats["expected"],
                    stats["residuals"], stats["n"], stats["chi2"], stats["dof"], stats["p_value"],
                    stats["cramers_v"], stats["low"], notes=notes)


def _column_order(project: Project, var_sql: str, var_params: list[Any], filters: Filters) -> pd.DataFrame:
    doc_sql, doc_params = filters.documents_sql("d")
    return project.con.execute(
        f"""
        SELECT label, min(sort_num) AS sort_num, min(sort_text) AS sort_text
        FROM ({var_sql}) v JOIN documents d ON d.id = v.document_id
        WHERE {doc_sql}
        GROUP BY label ORDER BY sort_num NULLS LAST, sort_text, label
        """,
        var_params + doc_params,
    ).df()


def row_codes(project: Project, code_id: int, rows: Literal["children", "leaves"] = "children") -> list[int]:
    """The codes that make a crosstab's rows: the code's children (default) or every leaf below it."""
    codes = codes_frame(project)
    if rows == "children":
        return [int(c) for c in codes.loc[codes["parent_id"] == code_id, "code_id"]]
    parents = set(codes["parent_id"].dropna().astype(int))
    below = {int(c) for c in _descendants(codes, code_id)}
    return [int(c) for c in codes["code_id"] if int(c) in below and int(c) not in parents]


def _descendants(codes: pd.DataFrame, code_id: int) -> list[int]:
    kids: dict[int, list[int]] = {}
    for child, parent in zip(codes["code_id"], codes["parent_id"]):
        if parent is not None and not math.isnan(parent):
            kids.setdefault(int(parent), []).append(int(child))
    found, stack = [], list(kids.get(code_id, []))
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(kids.get(current, []))
    return found


def crosstab(project: Project, code: int | str, variable: str, filters: Filters = NO_FILTERS, *,
             rows: Literal["children", "leaves"] = "children") -> Crosstab:
    """Documents per (sub-code of `code`) x (value of `variable`), with chi-square and residuals.

    Rows are the code's children, each with its own sub-codes rolled up (`rows="leaves"`: every leaf
    below it instead). A code without sub-codes gives two rows: coded and not coded. `variable` is a
    project variable, `kind`, or `nps_group` (detractor 0-6, passive 7-8, promoter 9-10 from `nps`).
    Documents without a value for the variable are left out (N counts only documents with one).
    """
    code_id = resolve_code(project, code)
    codes = codes_frame(project).set_index("code_id")
    title = str(codes.loc[code_id, "path"])
    var_sql, var_params, var_name = _variable_sql(project, variable)
    col_frame = _column_order(project, var_sql, var_params, filters)
    scope, scope_params = _scope_ctes(filters)
    members = row_codes(project, code_id, rows)
    label_of = {member: str(codes.loc[member, "name"]) for member in members}
    if len(set(label_of.values())) < len(label_of):  # same name under different parents: use paths
        label_of = {member: str(codes.loc[member, "path"]) for member in members}
    if members:
        mapping = project.con.execute(
            f"""
            WITH RECURSIVE {_ANCESTRY}, {scope},
            doc_rows AS (
                SELECT DISTINCT s.document_id, a.ancestor_id AS row_code
                FROM scoped s JOIN ancestry a ON a.code_id = s.code_id
                WHERE a.ancestor_id IN ({', '.join('?' for _ in members)})
            )
            SELECT r.document_id, r.row_code, v.label
            FROM doc_rows r JOIN ({var_sql}) v ON v.document_id = r.document_id
            """,
            scope_params + members + var_params,
        ).df()
        mapping["row"] = mapping["row_code"].map(label_of)
        row_order = [label_of[m] for m in members]
        overlapping = int((mapping.groupby("document_id")["row_code"].nunique() > 1).sum())
    else:
        not_coded = _NOT_CODED.get(project.language, _NOT_CODED["en"])
        mapping = project.con.execute(
            f"""
            WITH RECURSIVE {_ANCESTRY}, {scope},
            coded AS (
                SELECT DISTINCT s.document_id FROM scoped s JOIN ancestry a ON a.code_id = s.code_id
                WHERE a.ancestor_id = ?
            )
            SELECT sd.id AS document_id,
                   CASE WHEN coded.document_id IS NULL THEN ? ELSE ? END AS row, v.label
            FROM scoped_docs sd JOIN ({var_sql}) v ON v.document_id = sd.id
            LEFT JOIN coded ON coded.document_id = sd.id
            """,
            scope_params + [code_id, not_coded, str(codes.loc[code_id, "name"])] + var_params,
        ).df()
        row_order = [str(codes.loc[code_id, "name"]), not_coded]
        overlapping = 0
    long = mapping.rename(columns={"label": "col"}).assign(n=1)[["row", "col", "n"]]
    table = _crosstab_from_long(title, var_name, long, row_order, col_frame)
    table.overlapping_documents = overlapping
    if overlapping:
        table.notes.append(f"{overlapping} documents carry several of these codes and count in each row")
    return table


# -- co-occurrence ------------------------------------------------------------------------------------------
def _mapped_codings(filters: Filters, level: int | None) -> tuple[str, list[Any]]:
    """CTE `mapped`: scoped codings with code_id replaced by its ancestor at `level` when given."""
    scope, params = _scope_ctes(filters)
    if level is None:
        return f"{scope},\nmapped AS (SELECT document_id, code_id, start_pos, end_pos FROM scoped)", params
    return (
        f"""{scope},
mapped AS (
    SELECT s.document_id, a.ancestor_id AS code_id, s.start_pos, s.end_pos
    FROM scoped s JOIN ancestry a ON a.code_id = s.code_id WHERE a.ancestor_depth = ?
)""",
        params + [level - 1],
    )


def cooccurrence(project: Project, filters: Filters = NO_FILTERS, *, scope: Scope = "document",
                 level: int | None = None) -> pd.DataFrame:
    """Pairs of codes found together, with counts and Jaccard similarity.

    `scope` says what "together" means: the same `document`, the same `segment` (sentence or turn; a
    coding belongs to every segment it touches), or `overlap` of the coded spans, measured in characters
    (both = characters coded with both codes, Jaccard = shared characters / characters coded with either).
    Columns: code_a, code_b, path_a, path_b, n_a, n_b, both, jaccard; one row per pair with both > 0.
    """
    if scope not in SCOPES:
        raise ExportError(f"unknown co-occurrence scope {scope!r}; choose among {', '.join(SCOPES)}")
    mapped, params = _mapped_codings(filters, level)
    if scope == "overlap":
        body = """
        ordered AS (
            SELECT *, max(end_pos) OVER (PARTITION BY code_id, document_id ORDER BY start_pos, end_pos
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
            FROM mapped
        ),
        islands AS (
            SELECT *, sum(CASE WHEN reach IS NOT NULL AND start_pos <= reach THEN 0 ELSE 1 END)
                      OVER (PARTITION BY code_id, document_id ORDER BY start_pos, end_pos ROWS UNBOUNDED PRECEDING)
                      AS island
            FROM ordered
        ),
        merged AS (
            SELECT code_id, document_id, min(start_pos) AS s, max(end_pos) AS e FROM islands
            GROUP BY code_id, document_id, island
        ),
        sizes AS (SELECT code_id, sum(e - s) AS n FROM merged GROUP BY code_id),
        pairs AS (
            SELECT a.code_id AS code_a, b.code_id AS code_b, sum(least(a.e, b.e) - greatest(a.s, b.s)) AS both
            FROM merged a JOIN merged b
              ON a.document_id = b.document_id AND a.code_id < b.code_id AND a.s < b.e AND b.s < a.e
            GROUP BY ALL
        )"""
    else:
        unit = "m.document_id" if scope == "document" else "g.id"
        join = "" if scope == "document" else (
            "JOIN segments g ON g.document_id = m.document_id AND g.start_pos < m.end_pos AND m.start_pos < g.end_pos"
        )
        body = f"""
        units AS (SELECT DISTINCT m.code_id, {unit} AS unit
                  FROM mapped m {join}),
        sizes AS (SELECT code_id, count(*) AS n FROM units GROUP BY code_id),
        pairs AS (
            SELECT a.code_id AS code_a, b.code_id AS code_b, count(*) AS both
            FROM units a JOIN units b ON a.unit = b.unit AND a.code_id < b.code_id GROUP BY ALL
        )"""
    result = project.con.execute(
        f"""
        WITH RECURSIVE {_ANCESTRY}, {mapped}, {body}
        SELECT p.code_a, p.code_b, sa.n AS n_a, sb.n AS n_b, p.both,
               p.both / (sa.n + sb.n - p.both) AS jaccard
        FROM pairs p JOIN sizes sa ON sa.code_id = p.code_a JOIN sizes sb ON sb.code_id = p.code_b
        ORDER BY jaccard DESC, p.both DESC, p.code_a, p.code_b
        """,
        params,
    ).df()
    paths = codes_frame(project).set_index("code_id")["path"]
    result.insert(2, "path_a", result["code_a"].map(paths))
    result.insert(3, "path_b", result["code_b"].map(paths))
    for column in ("n_a", "n_b", "both"):
        result[column] = result[column].astype("int64")
    return result


def cooccurrence_matrix(pairs: pd.DataFrame, value: str = "jaccard") -> pd.DataFrame:
    """Square symmetric matrix (index and columns = code paths) from `cooccurrence` pairs."""
    import numpy as np
    import pandas as pd

    labels = sorted(set(pairs["path_a"]) | set(pairs["path_b"]))
    matrix = pd.DataFrame(np.nan, index=labels, columns=labels)
    for a, b, v in zip(pairs["path_a"], pairs["path_b"], pairs[value]):
        matrix.loc[a, b] = matrix.loc[b, a] = v
    return matrix


# -- trends -------------------------------------------------------------------------------------------------
def trends(project: Project, filters: Filters = NO_FILTERS, *, period: Period = "month", level: int = 1,
           codes: list[int | str] | None = None) -> pd.DataFrame:
    """Per period (from documents.occurred_at) and code: codings, documents and share of that period's documents.

    Codes are those of `level` (1 = top level) or the given `codes`, each with its sub-codes rolled up.
    Every (period, code) pair between the first and the last dated document is present, with zeros, so
    lines do not skip quiet months. Undated documents are left out.
    """
    import pandas as pd

    if period not in PERIODS:
        raise ExportError(f"unknown period {period!r}; choose among {', '.join(PERIODS)}")
    frame = codes_frame(project).set_index("code_id")
    if codes:
        chosen = [resolve_code(project, code) for code in codes]
    else:
        chosen = [int(c) for c in frame.index[frame["level"] == level]]
    if filters.code_ids:
        chosen = [c for c in chosen if c in filters.code_ids]
    scope, params = _scope_ctes(filters)
    columns = ["period", "code_id", "path", "color", "codings", "documents", "total_documents", "share"]
    if not chosen:
        return pd.DataFrame(columns=columns)
    marks = ", ".join("?" for _ in chosen)
    result = project.con.execute(
        f"""
        WITH RECURSIVE {_ANCESTRY}, {scope},
        bounds AS (SELECT date_trunc('{period}', min(occurred_at)) AS lo, date_trunc('{period}', max(occurred_at)) AS hi
                   FROM scoped_docs),
        periods AS (SELECT unnest(generate_series(lo, hi, INTERVAL 1 {period})) AS period FROM bounds
                    WHERE lo IS NOT NULL),
        chosen AS (SELECT unnest([{marks}]) AS code_id),
        totals AS (SELECT date_trunc('{period}', occurred_at) AS period, count(*) AS total_documents
                   FROM scoped_docs WHERE occurred_at IS NOT NULL GROUP BY 1),
        hits AS (
            SELECT date_trunc('{period}', sd.occurred_at) AS period, a.ancestor_id AS code_id,
                   count(*) AS codings, count(DISTINCT s.document_id) AS documents
            FROM scoped s JOIN scoped_docs sd ON sd.id = s.document_id
            JOIN ancestry a ON a.code_id = s.code_id
            WHERE sd.occurred_at IS NOT NULL AND a.ancestor_id IN ({marks})
            GROUP BY ALL
        )
        SELECT p.period, c.code_id, coalesce(h.codings, 0) AS codings, coalesce(h.documents, 0) AS documents,
               coalesce(t.total_documents, 0) AS total_documents
        FROM periods p CROSS JOIN chosen c
        LEFT JOIN hits h ON h.period = p.period AND h.code_id = c.code_id
        LEFT JOIN totals t ON t.period = p.period
        ORDER BY p.period, c.code_id
        """,
        params + chosen + chosen,
    ).df()
    result["path"] = result["code_id"].map(frame["path"])
    result["color"] = result["code_id"].map(frame["color"])
    result["share"] = (result["documents"] / result["total_documents"]).where(result["total_documents"] > 0, 0.0)
    for column in ("codings", "documents", "total_documents"):
        result[column] = result[column].astype("int64")
    order = {code: i for i, code in enumerate(chosen)}
    result = result.sort_values(["period", "code_id"], key=lambda s: s.map(order) if s.name == "code_id" else s)
    return result[columns].reset_index(drop=True)


# -- topics -------------------------------------------------------------------------------------------------
def latest_topic_run(project: Project) -> int | None:
    """The most recent run that produced topics, or None when topics were never computed."""
    value = project.scalar("SELECT max(run_id) FROM topics")
    return None if value is None else int(value)


def topic_summary(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """Topics of a run (default: the latest) with label, size, share of units and keywords, largest first."""
    import pandas as pd

    run = run_id if run_id is not None else latest_topic_run(project)
    columns = ["run_id", "topic", "label", "size", "share", "keywords"]
    if run is None:
        return pd.DataFrame(columns=columns)
    table = project.con.execute(
        """SELECT run_id, topic, coalesce(label, 'topic ' || topic) AS label, size,
                  size / sum(size) OVER () AS share, array_to_string(keywords, ', ') AS keywords
           FROM topics WHERE run_id = ? ORDER BY (topic < 0), size DESC, topic""",
        [run],
    ).df()
    return table[columns]


def topic_crosstab(project: Project, variable: str, filters: Filters = NO_FILTERS, *, run_id: int | None = None,
                   include_outliers: bool = False) -> Crosstab:
    """Units (documents or segments) per topic x variable value of their document, with chi-square.

    BERTopic's outlier topic (-1) is left out unless `include_outliers`: it is a residue, not a theme.
    """
    run = run_id if run_id is not None else latest_topic_run(project)
    if run is None:
        raise ExportError("this project has no topics yet; run `workbench topics` first")
    var_sql, var_params, var_name = _variable_sql(project, variable)
    col_frame = _column_order(project, var_sql, var_params, filters)
    doc_sql, doc_params = filters.documents_sql("d")
    outliers = "" if include_outliers else "AND ut.topic >= 0"
    long = project.con.execute(
        f"""
        WITH units AS (
            SELECT ut.topic, CASE WHEN ut.unit_kind = 'segment' THEN g.document_id ELSE ut.unit_id END AS document_id
            FROM unit_topics ut LEFT JOIN segments g ON ut.unit_kind = 'segment' AND g.id = ut.unit_id
            WHERE ut.run_id = ? {outliers}
        )
        SELECT coalesce(t.label, 'topic ' || u.topic) AS row, v.label AS col, count(*) AS n
        FROM units u JOIN documents d ON d.id = u.document_id
        JOIN ({var_sql}) v ON v.document_id = u.document_id
        LEFT JOIN topics t ON t.run_id = ? AND t.topic = u.topic
        WHERE {doc_sql}
        GROUP BY ALL
        """,
        [run] + var_params + [run] + doc_params,
    ).df()
    summary = topic_summary(project, run)
    if not include_outliers:
        summary = summary[summary["topic"] >= 0]
    return _crosstab_from_long(f"topics (run {run})", var_name, long, list(summary["label"]), col_frame)


# -- relationship forms -------------------------------------------------------------------------------------
def relationship_positions(project: Project, filters: Filters = NO_FILTERS,
                           scheme: str = "relationship_forms") -> pd.DataFrame:
    """Codes of the relationship-forms scheme that have a place on the valence x intimacy plane, with counts.

    A code's place comes from its `attributes` ({"valence": -1..1, "intimacy": -1..1}); its size is the
    number of documents coded with it or its sub-codes.
    """
    codes = codes_frame(project)
    freq = code_frequencies(project, filters)[["code_id", "codings_with_subcodes", "documents_with_subcodes"]]
    placed = codes[codes["scheme"] == scheme].copy()
    placed["valence"] = placed["attributes"].map(lambda a: _number(a, "valence"))
    placed["intimacy"] = placed["attributes"].map(lambda a: _number(a, "intimacy"))
    placed = placed.dropna(subset=["valence", "intimacy"]).merge(freq, on="code_id", how="left")
    placed = placed.rename(columns={"codings_with_subcodes": "codings", "documents_with_subcodes": "documents"})
    return placed[["code_id", "name", "path", "color", "valence", "intimacy", "codings", "documents"]] \
        .reset_index(drop=True)


def _number(attributes: Any, key: str) -> float | None:
    if isinstance(attributes, str):
        attributes = json.loads(attributes or "{}")
    value = (attributes or {}).get(key)
    return float(value) if isinstance(value, int | float) else None


# -- agreement and trainee scores ---------------------------------------------------------------------------
def default_agreement_coders(project: Project) -> list[str]:
    """The two human coders with the most codings: who an agreement table compares when nobody says."""
    rows = project.rows(
        """SELECT k.name FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.role <> 'model'
           GROUP BY k.name ORDER BY count(*) DESC, k.name LIMIT 2"""
    )
    return [name for (name,) in rows]


def default_trainee_pair(project: Project) -> list[str]:
    """[reference, trainee]: a reference (or trainer) coder and a trainee who both coded something."""
    def first(roles: tuple[str, ...]) -> str | None:
        marks = ", ".join("?" for _ in roles)
        return project.scalar(
            f"""SELECT k.name FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.role IN ({marks})
                GROUP BY k.name, k.role ORDER BY (k.role = 'reference') DESC, count(*) DESC, k.name LIMIT 1""",
            list(roles),
        )

    reference, trainee = first(("reference", "trainer")), first(("trainee",))
    return [name for name in (reference, trainee) if name]


def _scope_for_scores(project: Project, filters: Filters) -> tuple[list[int] | None, list[int] | None]:
    """Documents and codes to pass to agreement/scoring, None when the filters do not restrict them."""
    documents = None
    if filters.kinds or filters.date_from or filters.date_to:
        doc_sql, params = filters.documents_sql("d")
        documents = [row[0] for row in project.rows(f"SELECT id FROM documents d WHERE {doc_sql} ORDER BY id", params)]
    return documents, (list(filters.code_ids) or None)


def agreement_frame(project: Project, coders: list[str | int] | None = None, filters: Filters = NO_FILTERS, *,
                    level: str = "document") -> pd.DataFrame:
    """Per-code agreement table (`training.agreement`), between `coders` or the two busiest coders."""
    from workbench.errors import WorkbenchError
    from workbench.training.agreement import agreement

    chosen = list(coders) if coders else default_agreement_coders(project)
    if len(chosen) < 2:
        raise ExportError("agreement needs two coders who both coded; name them with --coders A --coders B")
    documents, codes = _scope_for_scores(project, filters)
    try:
        return agreement(project, chosen, documents=documents, codes=codes, level=level).to_frame()
    except WorkbenchError as exc:
        raise ExportError(str(exc)) from exc


def trainee_frame(project: Project, coders: list[str | int] | None = None,
                  filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Per-code precision/recall/F1 of a trainee (`training.trainee_scores`), `coders` = [reference, trainee]."""
    from workbench.errors import WorkbenchError
    from workbench.training.trainee_scores import score_trainee

    chosen = list(coders) if coders else default_trainee_pair(project)
    if len(chosen) != 2:
        raise ExportError("trainee scores need a reference and a trainee; name them with --coders REF --coders TRAINEE")
    documents, codes = _scope_for_scores(project, filters)
    try:
        return score_trainee(project, chosen[0], chosen[1], documents=documents, codes=codes).to_frame()
    except WorkbenchError as exc:
        raise ExportError(str(exc)) from exc
