"""Inter-coder agreement: percent agreement, Cohen's kappa and Krippendorff's alpha, plus a confusion table.

Units. Agreement is measured per code on binary units (coded / not coded), the way QDA tools report it:
- document level: one unit per selected document; a coder "applies" code C to D when any of their codings of
  C lies in D;
- character level: one unit per character of the selected documents; a character is coded with C by a coder
  when one of their codings of C covers it (a coder's overlapping codings of one code count once).
"Overall" pools the units of every selected code (n = documents x codes, or characters x codes).

Character-level counts are computed from interval boundaries (a sweep over each document's codings), never
by materialising one value per character, so a long corpus costs what its codings cost.

The statistics are implemented here from their definitions (Cohen 1960; Krippendorff 2011, "Computing
Krippendorff's alpha-reliability", coincidence matrices) rather than delegated, and the tests check them
against hand computations and against `sklearn` and the `krippendorff` package. Where a statistic is
undefined (no units, a single category used by everyone, kappa with more than two coders) the value is None
and `notes` says why: a reliability figure must never be a silent NaN.

Percent agreement with more than two coders is the share of units on which all coders agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from workbench.codebook import code_path, code_roots, descendants
from workbench.errors import CodingError
from workbench.project import Project
from workbench.store.coders import coder_by_name

LEVELS = ("document", "character")


class Undefined(ValueError):
    """A statistic has no value for these data; the message says why."""


# -- the statistics, on weighted units ----------------------------------------------------------------------
def percent_agreement_weighted(units: Iterable[tuple[Sequence[Hashable], float]]) -> float:
    """Share of (weighted) units whose values are all equal; units with fewer than two values are skipped."""
    agree = total = 0.0
    for values, weight in units:
        if len(values) < 2:
            continue
        total += weight
        if len(set(values)) == 1:
            agree += weight
    if total == 0:
        raise Undefined("no units coded by at least two coders")
    return agree / total


def cohen_kappa_weighted(pairs: Iterable[tuple[Hashable, Hashable, float]]) -> float:
    """Cohen's kappa from (value of coder A, value of coder B, weight): (p_o - p_e) / (1 - p_e)."""
    total = observed = 0.0
    margin_a: dict[Hashable, float] = defaultdict(float)
    margin_b: dict[Hashable, float] = defaultdict(float)
    for a, b, weight in pairs:
        total += weight
        observed += weight if a == b else 0.0
        margin_a[a] += weight
        margin_b[b] += weight
    if total == 0:
        raise Undefined("no units")
    p_o = observed / total
    p_e = sum(margin_a[c] * margin_b.get(c, 0.0) for c in margin_a) / (total * total)
    if p_e >= 1.0 - 1e-12:
        raise Undefined("both coders used a single, identical category: chance agreement is 1, kappa is undefined")
    return (p_o - p_e) / (1.0 - p_e)


def krippendorff_alpha_weighted(units: Iterable[tuple[Sequence[Hashable], float]]) -> float:
    """Krippendorff's alpha, nominal metric, from units given as (values present, weight).

    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k, with o the coincidence matrix: a unit with
    m values contributes each ordered pair of its values with weight 1 / (m - 1)."""
    coincidences: dict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for values, weight in units:
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    coincidences[(c, k)] += weight * pairs / (m - 1)
    margins: dict[Hashable, float] = defaultdict(float)
    for (c, _k), value in coincidences.items():
        margins[c] += value
    n = sum(margins.values())
    if n == 0:
        raise Undefined("no pairable values: every unit has fewer than two coders' values")
    if sum(1 for value in margins.values() if value > 0) < 2:
        raise Undefined("only one category occurs in the data: expected disagreement is 0, alpha is undefined")
    disagreement = sum(value for (c, k), value in coincidences.items() if c != k)
    expected = sum(margins[c] * margins[k] for c in margins for k in margins if c != k)
    return 1.0 - (n - 1) * disagreement / expected


# -- the same statistics on plain data, as users and tests hold it ------------------------------------------
def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's kappa of two equally long label sequences (as sklearn's `cohen_kappa_score`)."""
    if len(a) != len(b):
        raise ValueError(f"the two coders have {len(a)} and {len(b)} values; they must code the same units")
    return cohen_kappa_weighted((x, y, 1.0) for x, y in zip(a, b))


def krippendorff_alpha(reliability_data: Sequence[Sequence[Hashable | None]]) -> float:
    """Nominal alpha of a coders x units matrix, None marking a missing value (as `krippendorff.alpha`)."""
    if len({len(row) for row in reliability_data}) > 1:
        raise ValueError("every coder's row must have one value per unit (None where missing)")
    columns = zip(*reliability_data)
    return krippendorff_alpha_weighted(([v for v in column if v is not None], 1.0) for column in columns)


# -- results ------------------------------------------------------------------------------------------------
@dataclass
class Agreement:
    """Agreement on one code (or all codes pooled, code_id None) over n_units binary units."""

    code_id: int | None
    code: str
    n_units: int
    coded_by: dict[str, int]
    percent_agreement: float | None
    cohen_kappa: float | None
    krippendorff_alpha: float | None
    notes: list[str] = field(default_factory=list)


@dataclass
class AgreementReport:
    level: str
    coders: list[str]
    document_ids: list[int]
    per_code: list[Agreement]
    overall: Agreement

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_frame(self) -> Any:
        """One row per code and a last row for all codes pooled (a pandas DataFrame)."""
        import pandas as pd

        rows = [asdict(item) for item in [*self.per_code, self.overall]]
        for row in rows:
            row["notes"] = "; ".join(row["notes"])
            coded = row.pop("coded_by")
            row.update({f"coded_by_{name}": value for name, value in coded.items()})
        return pd.DataFrame(rows)


def _statistics(code_id: int | None, label: str, coders: list[str], patterns: Counter[tuple[bool, ...]]) -> Agreement:
    """All three statistics from the counts of each coded/not-coded pattern across coders."""
    units = [(pattern, float(count)) for pattern, count in patterns.items() if count]
    n_units = int(sum(patterns.values()))
    coded_by = {name: int(sum(count for pattern, count in patterns.items() if pattern[i]))
                for i, name in enumerate(coders)}
    notes: list[str] = []

    def attempt(compute: Any) -> float | None:
        try:
            return compute()
        except Undefined as exc:
            notes.append(str(exc))
            return None

    percent = attempt(lambda: percent_agreement_weighted(units))
    if len(coders) == 2:
        kappa = attempt(lambda: cohen_kappa_weighted((p[0], p[1], w) for p, w in units))
    else:
        kappa = None
        notes.append("Cohen's kappa compares exactly two coders; use Krippendorff's alpha")
    alpha = attempt(lambda: krippendorff_alpha_weighted(units))
    return Agreement(code_id, label, n_units, coded_by, percent, kappa, alpha, list(dict.fromkeys(notes)))


# -- selecting coders, documents, codes and codings ---------------------------------------------------------
def resolve_coders(project: Project, coders: Sequence[int | str], minimum: int = 2) -> list[tuple[int, str]]:
    """(id, name) of each coder; at least `minimum` distinct ones."""
    resolved: list[tuple[int, str]] = []
    for coder in coders:
        coder_id = coder_by_name(project, coder) if isinstance(coder, str) else int(coder)
        name = project.scalar("SELECT name FROM coders WHERE id = ?", [coder_id])
        if name is None:
            raise CodingError(f"unknown coder id {coder_id}")
        if any(existing == coder_id for existing, _ in resolved):
            raise CodingError(f"coder {name!r} is listed twice")
        resolved.append((coder_id, name))
    if len(resolved) < minimum:
        raise CodingError(f"agreement needs at least {minimum} coders, got {len(resolved)}")
    return resolved


def select_documents(project: Project, coder_ids: Sequence[int], documents: Sequence[int] | None) -> list[int]:
    """The given documents (checked), or by default those every coder coded at least once: the shared sample."""
    if documents is not None:
        wanted = sorted({int(d) for d in documents})
        found = {row[0] for row in project.rows(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?::BIGINT[]))", [wanted])}
        missing = [d for d in wanted if d not in found]
        if missing:
            raise CodingError(f"unknown document(s): {', '.join(map(str, missing[:10]))}")
        return wanted
    rows = project.rows(
        "SELECT document_id FROM codings WHERE coder_id IN (SELECT unnest(?::INTEGER[])) "
        "GROUP BY document_id HAVING count(DISTINCT coder_id) = ? ORDER BY document_id",
        [list(coder_ids), len(coder_ids)],
    )
    return [row[0] for row in rows]


def select_codes(project: Project, coder_ids: Sequence[int], document_ids: Sequence[int],
                 codes: Sequence[int] | None) -> list[int]:
    """The given codes with their codable descendants (a scheme root stands for its codes), or by default
    every code the coders used in these documents."""
    if codes is not None:
        selected: list[int] = []
        for code_id in codes:
            for candidate in [code_id, *descendants(project, code_id)]:
                if candidate not in selected and project.scalar("SELECT codable FROM codes WHERE id = ?", [candidate]):
                    selected.append(candidate)
        if not selected:
            raise CodingError("the selected codes have no codable code below them")
        return selected
    rows = project.rows(
        "SELECT DISTINCT code_id FROM codings WHERE coder_id IN (SELECT unnest(?::INTEGER[])) "
        "AND document_id IN (SELECT unnest(?::BIGINT[])) ORDER BY code_id",
        [list(coder_ids), list(document_ids)],
    )
    return [row[0] for row in rows]


def load_codings(project: Project, coder_ids: Sequence[int], document_ids: Sequence[int],
                 code_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The codings of these coders in these documents with these codes."""
    return project.dicts(
        "SELECT id, document_id, code_id, coder_id, start_pos, end_pos FROM codings "
        "WHERE coder_id IN (SELECT unnest(?::INTEGER[])) AND document_id IN (SELECT unnest(?::BIGINT[])) "
        "AND code_id IN (SELECT unnest(?::INTEGER[])) ORDER BY document_id, start_pos, id",
        [list(coder_ids), list(document_ids), list(code_ids)],
    )


# -- counting units -----------------------------------------------------------------------------------------
def _document_patterns(codings: list[dict[str, Any]], coder_ids: list[int], code_ids: list[int],
                       n_documents: int) -> dict[int, Counter[tuple[bool, ...]]]:
    applied: dict[tuple[int, int], set[int]] = defaultdict(set)
    for coding in codings:
        applied[(coding["code_id"], coding["document_id"])].add(coding["coder_id"])
    patterns: dict[int, Counter[tuple[bool, ...]]] = {code_id: Counter() for code_id in code_ids}
    for (code_id, _document_id), who in applied.items():
        patterns[code_id][tuple(coder in who for coder in coder_ids)] += 1
    nobody = tuple(False for _ in coder_ids)
    for counter in patterns.values():
        counter[nobody] += n_documents - sum(counter.values())
    return patterns


def _character_patterns(codings: list[dict[str, Any]], coder_ids: list[int], code_ids: list[int],
                        n_characters: int) -> dict[int, Counter[tuple[bool, ...]]]:
    """Characters per pattern, by a sweep over the coding boundaries of each (document, code)."""
    events: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    position = {coder: i for i, coder in enumerate(coder_ids)}
    for coding in codings:
        key = (coding["code_id"], coding["document_id"])
        slot = position[coding["coder_id"]]
        events[key].append((coding["start_pos"], 1, slot))
        events[key].append((coding["end_pos"], -1, slot))
    patterns: dict[int, Counter[tuple[bool, ...]]] = {code_id: Counter() for code_id in code_ids}
    for (code_id, _document_id), points in events.items():
        points.sort()
        depth = [0] * len(coder_ids)
        previous = points[0][0]
        for at, step, slot in points:
            if at > previous and any(depth):
                patterns[code_id][tuple(d > 0 for d in depth)] += at - previous
            depth[slot] += step
            previous = at
    nobody = tuple(False for _ in coder_ids)
    for counter in patterns.values():
        counter[nobody] += n_characters - sum(counter.values())
    return patterns


def agreement(
    project: Project,
    coders: Sequence[int | str],
    *,
    documents: Sequence[int] | None = None,
    codes: Sequence[int] | None = None,
    level: str = "document",
) -> AgreementReport:
    """Agreement between two or more coders, per code and overall, at document or character level.

    By default the documents are those every coder coded at least once and the codes those they used there;
    give `documents` and `codes` (a grouping code stands for its codable descendants) to fix the sample."""
    if level not in LEVELS:
        raise CodingError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    resolved = resolve_coders(project, coders)
    coder_ids = [coder_id for coder_id, _ in resolved]
    names = [name for _, name in resolved]
    document_ids = select_documents(project, coder_ids, documents)
    code_ids = select_codes(project, coder_ids, document_ids, codes)
    codings = load_codings(project, coder_ids, document_ids, code_ids)
    if level == "document":
        patterns = _document_patterns(codings, coder_ids, code_ids, len(document_ids))
    else:
        n_characters = int(project.scalar(
            "SELECT coalesce(sum(n_chars), 0) FROM documents WHERE id IN (SELECT unnest(?::BIGINT[]))",
            [document_ids]) or 0)
        patterns = _character_patterns(codings, coder_ids, code_ids, n_characters)
    per_code = [_statistics(code_id, code_path(project, code_id), names, patterns[code_id]) for code_id in code_ids]
    pooled: Counter[tuple[bool, ...]] = Counter()
    for counter in patterns.values():
        pooled.update(counter)
    overall = _statistics(None, "(all codes)", names, pooled)
    if not document_ids:
        overall.notes.insert(0, "no document was coded by every selected coder; choose documents explicitly")
    return AgreementReport(level, names, document_ids, per_code, overall)


# -- confusion between two coders ---------------------------------------------------------------------------
def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Characters shared by two spans over the characters either covers (Jaccard); 0 when disjoint."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    if shared <= 0:
        return 0.0
    return shared / (max(a[1], b[1]) - min(a[0], b[0]))


def spans_match(a: tuple[int, int], b: tuple[int, int], min_overlap: float) -> bool:
    """Whether two spans overlap enough: any shared character when min_overlap is 0, else Jaccard >= it."""
    ratio = overlap_ratio(a, b)
    return ratio > 0 and ratio >= min_overlap


@dataclass
class Confusion:
    """Counts of (code used by A, code used by B) on overlapping spans; None is "no code here"."""

    coder_a: str
    coder_b: str
    cells: list[dict[str, Any]]

    def off_diagonal(self) -> list[dict[str, Any]]:
        """The disagreements where both coders used a code, most frequent first."""
        return [cell for cell in self.cells if cell["code_a"] and cell["code_b"] and cell["code_a"] != cell["code_b"]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_frame(self) -> Any:
        """A cross-table: rows are A's codes, columns B's codes, "(none)" where one coder coded nothing."""
        import pandas as pd

        frame = pd.DataFrame(self.cells, columns=["code_a", "code_b", "count"]).fillna("(none)")
        return frame.pivot_table(index="code_a", columns="code_b", values="count", aggfunc="sum", fill_value=0)


def pair_codings(a_codings: list[dict[str, Any]], b_codings: list[dict[str, Any]], roots: dict[int, int],
                 min_overlap: float = 0.0) -> list[tuple[int | None, int | None, dict[str, Any] | None,
                                                           dict[str, Any] | None]]:
    """Pair two coders' codings of one document: (code_a, code_b, coding_a, coding_b) tuples.

    A coding of A matched by a same-code overlapping coding of B gives (c, c, coding_a, None). An unmatched coding
    pairs with each unmatched overlapping coding of the other coder whose code is in the same scheme (same
    top-level code): codes of different schemes are not alternatives to each other. A coding left alone pairs
    with None."""

    def span(coding: dict[str, Any]) -> tuple[int, int]:
        return coding["start_pos"], coding["end_pos"]

    def matched(coding: dict[str, Any], others: list[dict[str, Any]]) -> bool:
        return any(o["code_id"] == coding["code_id"] and spans_match(span(coding), span(o), min_overlap)
                   for o in others)

    pairs: list[tuple[int | None, int | None, dict[str, Any] | None, dict[str, Any] | None]] = []
    lonely_b = []
    for b in b_codings:
        if not matched(b, a_codings):
            lonely_b.append(b)
    paired_b: set[int] = set()
    for a in a_codings:
        if matched(a, b_codings):
            pairs.append((a["code_id"], a["code_id"], a, None))
            continue
        partners = [b for b in lonely_b if roots.get(b["code_id"]) == roots.get(a["code_id"])
                    and spans_match(span(a), span(b), min_overlap)]
        for b in partners:
            pairs.append((a["code_id"], b["code_id"], a, b))
            paired_b.add(b["id"])
        if not partners:
            pairs.append((a["code_id"], None, a, None))
    pairs.extend((None, b["code_id"], None, b) for b in lonely_b if b["id"] not in paired_b)
    return pairs


def confusion_table(project: Project, coder_a: int | str, coder_b: int | str, *,
                    documents: Sequence[int] | None = None, codes: Sequence[int] | None = None,
                    min_overlap: float = 0.0) -> Confusion:
    """Which code A used where B used which code, over overlapping spans (for whole-document codings: per
    document). Same selection rules as `agreement`."""
    (a_id, a_name), (b_id, b_name) = resolve_coders(project, [coder_a, coder_b])
    document_ids = select_documents(project, [a_id, b_id], documents)
    code_ids = select_codes(project, [a_id, b_id], document_ids, codes)
    by_document: dict[int, dict[int, list[dict[str, Any]]]] = defaultdict(lambda: {a_id: [], b_id: []})
    for coding in load_codings(project, [a_id, b_id], document_ids, code_ids):
        by_document[coding["document_id"]][coding["coder_id"]].append(coding)
    roots = code_roots(project)
    counts: Counter[tuple[int | None, int | None]] = Counter()
    for split in by_document.values():
        for code_a, code_b, _, _ in pair_codings(split[a_id], split[b_id], roots, min_overlap):
            counts[(code_a, code_b)] += 1
    labels = {code_id: code_path(project, code_id) for code_id in code_ids}
    cells = [{"code_a": labels.get(a) if a is not None else None,
              "code_b": labels.get(b) if b is not None else None, "count": n}
             for (a, b), n in sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))]
    return Confusion(a_name, b_name, cells)
