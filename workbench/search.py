"""Search the verbatims: the query language of `workbench.search_query` over the token index, with
filters on document kind, case variables, codes, coders and dates, answered as keyword-in-context rows.

How a query becomes SQL: each term (word, prefix, phrase) is resolved in Python against the small
`terms`/`forms` dictionaries into lemma and form ids, and becomes one scan of `tokens` on integer ids
(sorted by lemma, so a rare lemma reads few row groups). Boolean operators combine the *documents* each
term occurs in (INTERSECT / UNION / EXCEPT); the hits shown are the occurrences of the non-negated terms
in the documents that satisfy the whole query and the filters.

Word matching goes through the lemma: a query word stands for every lemma its surface form has in the
corpus (from `forms`) and for the word itself as a lemma ("rembourser" finds "remboursé"). The union
matters because spaCy's lemmatizer is not consistent across inflections ("satisfait" -> satisfait,
"satisfaite" -> satisfaire). The query path never loads spaCy: the index already says which lemmas each
form has, and `search_query.split_term` cuts a term into tokens as the index was cut. Loading spaCy for
that used to freeze the first search for seconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.search_query import And, Node, Not, Or, Phrase, Prefix, Word, parse_query, split_term
from workbench.text.normalise import fold

CONTEXT_CHARS = 40
# One-term queries first look in the first 1/WINDOW_SHARE of the documents (see _first_window).
WINDOW_SHARE = 16
WINDOW_MIN_DOCUMENTS = 50_000
_SIMPLE_WORD = re.compile(r"^\w+$")
_CONDITION = re.compile(r"^\s*(?P<name>[^<>=!]+?)\s*(?P<op><=|>=|!=|<>|=|<|>)\s*(?P<value>.*?)\s*$")
_TRUE = ("true", "1", "oui", "yes", "vrai")
_NO_ROWS = "SELECT document_id, start_pos, end_pos FROM tokens WHERE FALSE"


@dataclass
class Hit:
    """One keyword-in-context row: offsets are code points into the document text."""

    document_id: int
    title: str | None
    kind: str
    occurred_at: datetime | None
    start_pos: int
    end_pos: int
    left: str
    match: str
    right: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    total_hits: int | None = None  # all matches, when counted
    total_documents: int | None = None
    unindexed: int | None = None  # documents not searched because `segment` has not processed them yet


# -- terms -> SQL ------------------------------------------------------------------------------------
# Participles and adjectives whose out-of-context lemma the tagger gives as a verb or a masculine:
# "remboursée" -> rembourser, "satisfait" -> satisfaire, "remplie" -> remplir, "neuve" -> neuf. Only guesses that are lemmas of the corpus
# count, so a guess adds hits only where the corpus itself has that verb.
_VERB_ENDINGS = (("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"), ("aites", "aire"), ("aits", "aire"),
                 ("aite", "aire"), ("ait", "aire"), ("ies", "ir"), ("is", "ir"), ("ie", "ir"), ("i", "ir"),
                 ("ves", "f"), ("ve", "f"), ("euses", "eux"), ("euse", "eux"))


def _lemma_guesses(word: str) -> list[str]:
    """Lemmas the word may have out of context: the verb or masculine of its ending."""
    lower = word.casefold()
    return [fold(lower[: -len(ending)] + lemma) for ending, lemma in _VERB_ENDINGS
            if lower.endswith(ending) and len(lower) > len(ending) + 2][:1]


def _singular(word: str) -> list[str]:
    """For a word the corpus lacks: its singular, which may be a lemma of the corpus ("satisfaits")."""
    lower = word.casefold()
    return [fold(lower[:-1])] if lower.endswith(("s", "x")) and len(lower) > 3 else []


def _ids(values: set[int]) -> str:
    return ", ".join(str(int(v)) for v in sorted(values))


class _Compiler:
    """Turns a parsed query into CTEs over `tokens` (one per term) and a document-set expression."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.ctes: list[str] = []
        self.positive: list[str] = []  # CTE names of terms not under a NOT: their hits are shown

    def term_id(self, text: str) -> int | None:
        found = self.project.scalar("SELECT id FROM terms WHERE text = ?", [text])
        return None if found is None else int(found)

    def known(self, candidates: list[str]) -> set[str]:
        """The candidates that are one word of the index (compared folded, as the index stores them)."""
        folded = {candidate: fold(candidate) for candidate in candidates}
        found = {row[0] for row in self.project.rows("SELECT text FROM terms WHERE text = ANY(?)", [list(set(folded.values()))])}
        return {candidate for candidate, text in folded.items() if text in found}

    def tokens(self, text: str) -> list[list[str]]:
        """The ways the index may have cut `text` ("j'ai" -> j', ai): with the words the index holds whole
        kept whole ("aujourd'hui"), and by the rules alone when that differs, since the tokenizer keeps
        some words whole only in one spelling ("peut-être" but "Peut", "être")."""
        if _SIMPLE_WORD.match(text):
            return [[text]]
        ruled = split_term(text)
        joined = split_term(text, self.known) if len(ruled) > 1 else ruled
        return [joined] if joined == ruled else [joined, ruled]

    def lemmas_of_form(self, word: str) -> tuple[int | None, set[int]]:
        """(form id, lemma ids) for a query word: the lemmas its folded form had in the corpus, the form
        itself as a lemma, and the lemmas of the corpus that `_lemma_guesses` (and, for a word the
        corpus lacks, `_singular`) derive from the word: what spaCy's lemma of the lone word added."""
        form_id, lemmas = None, set()
        for text, term_id, is_lemma in self.project.rows(
            "SELECT t.text, t.id, t.id IN (SELECT lemma_id FROM forms) AS is_lemma FROM terms t WHERE t.text = ANY(?)",
            [[fold(word), *_lemma_guesses(word)]],
        ):
            if text == fold(word):
                form_id = term_id
            elif is_lemma:
                lemmas.add(term_id)
        if form_id is not None:
            lemmas |= {row[0] for row in self.project.rows("SELECT lemma_id FROM forms WHERE form_id = ?", [form_id])}
            lemmas.add(form_id)
        elif singular := _singular(word):
            lemmas |= {row[0] for row in self.project.rows(
                "SELECT id FROM terms WHERE text = ? AND id IN (SELECT lemma_id FROM forms)", singular)}
        return form_id, lemmas

    def add_cte(self, sql: str, negated: bool) -> str:
        name = f"t{len(self.ctes)}"
        self.ctes.append(f"{name} AS ({sql})")
        if not negated:
            self.positive.append(name)
        return f"SELECT document_id FROM {name}"

    def alternatives(self, text: str, negated: bool, exact: bool) -> str:
        """One CTE for a word or phrase: the union of the hits of each way the index may have cut it."""
        ways = self.tokens(text)
        if not ways[0]:
            raise WorkbenchError("a phrase needs at least one word (punctuation is not indexed)")
        sqls = [self.word_sql(parts[0]) if len(parts) == 1 and not exact else self.phrase_sql(parts) for parts in ways]
        return self.add_cte(" UNION ".join(sqls), negated)

    def word(self, text: str, negated: bool) -> str:
        return self.alternatives(text, negated, exact=False)

    def word_sql(self, word: str) -> str:
        _, lemmas = self.lemmas_of_form(word)
        if not lemmas:
            return _NO_ROWS
        return f"SELECT document_id, start_pos, end_pos FROM tokens WHERE lemma_id IN ({_ids(lemmas)})"

    def prefix(self, stem: str, negated: bool) -> str:
        pairs = self.project.rows(
            "SELECT f.form_id, f.lemma_id FROM forms f JOIN terms t ON t.id = f.form_id WHERE starts_with(t.text, ?)",
            [fold(stem)],
        )
        if not pairs:
            return self.add_cte(_NO_ROWS, negated)
        forms = {form for form, _ in pairs}
        lemmas = {lemma for _, lemma in pairs}
        return self.add_cte(
            "SELECT document_id, start_pos, end_pos FROM tokens "
            f"WHERE lemma_id IN ({_ids(lemmas)}) AND form_id IN ({_ids(forms)})",
            negated,
        )

    def phrase_sql(self, parts: list[str]) -> str:
        conditions = []
        for index, part in enumerate(parts):
            form_id, lemmas = self.lemmas_of_form(part)
            if form_id is None:
                return _NO_ROWS
            conditions.append(f"p{index}.lemma_id IN ({_ids(lemmas)}) AND p{index}.form_id = {form_id}")
        joins = " ".join(
            f"JOIN tokens p{i} ON p{i}.document_id = p0.document_id AND p{i}.position = p0.position + {i}"
            for i in range(1, len(parts))
        )
        last = len(parts) - 1
        return (f"SELECT p0.document_id, p0.start_pos, p{last}.end_pos FROM tokens p0 {joins} "
                f"WHERE {' AND '.join(conditions)}")

    def documents(self, node: Node, negated: bool = False) -> str:
        """SQL selecting the `document_id`s that satisfy `node`."""
        everything = "SELECT id AS document_id FROM documents"
        if isinstance(node, Word):
            return self.word(node.text, negated)
        if isinstance(node, Prefix):
            return self.prefix(node.text, negated)
        if isinstance(node, Phrase):
            return self.alternatives(node.text, negated, exact=True)
        if isinstance(node, Not):
            return f"{everything} EXCEPT {self.documents(node.child, not negated)}"
        if isinstance(node, Or):
            return " UNION ".join(f"SELECT document_id FROM ({self.documents(c, negated)})" for c in node.children)
        assert isinstance(node, And)
        positives = [c for c in node.children if not isinstance(c, Not)]
        negatives = [c.child for c in node.children if isinstance(c, Not)]
        sql = " INTERSECT ".join(
            f"SELECT document_id FROM ({self.documents(c, negated)})" for c in positives
        ) or everything
        for child in negatives:
            sql = f"SELECT document_id FROM ({sql}) EXCEPT SELECT document_id FROM ({self.documents(child, not negated)})"
        return sql


# -- filters ---------------------------------------------------------------------------------------
def _variable(project: Project, name: str) -> tuple[int, str]:
    variables = project.rows("SELECT id, name, type FROM variables ORDER BY name")
    for variable_id, variable_name, kind in variables:
        if fold(variable_name) == fold(name):
            return variable_id, kind
    known = ", ".join(row[1] for row in variables) or "none"
    raise WorkbenchError(f"unknown variable {name!r} in a filter; variables of this project: {known}")


def _parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise WorkbenchError(f"{what}: {text!r} is not a date; write it as YYYY-MM-DD") from None


def _condition_sql(project: Project, condition: str, params: list[Any]) -> str:
    """SQL selecting the documents whose variable satisfies `condition` (such as 'nps<=6')."""
    match = _CONDITION.match(condition)
    if not match or not match.group("value"):
        raise WorkbenchError(
            f"filter {condition!r} is not understood; write VARIABLE OP VALUE with OP one of = != < <= > >="
            " (for example nps<=6, canal=chat, region!=Bretagne, date>=2024-01-01)"
        )
    variable_id, kind = _variable(project, match.group("name"))
    op = "!=" if match.group("op") == "<>" else match.group("op")
    value = match.group("value").strip().strip("'\"")
    params.append(variable_id)
    if kind in ("integer", "float"):
        try:
            params.append(float(value.replace(",", ".")))
        except ValueError:
            raise WorkbenchError(f"filter {condition!r}: {match.group('name')} is a number, {value!r} is not") from None
        test = f"TRY_CAST(value AS DOUBLE) {op} ?"
    elif kind == "date":
        params.append(_parse_date(value, f"filter {condition!r}"))
        test = f"TRY_CAST(left(value, 10) AS DATE) {op} ?"
    elif op not in ("=", "!="):
        raise WorkbenchError(f"filter {condition!r}: {match.group('name')} is {kind}; only = and != apply to it")
    elif kind == "boolean":
        wanted = fold(value) in _TRUE
        test = f"(lower(value) IN ({', '.join(repr(t) for t in _TRUE)})) {'=' if op == '=' else '!='} {wanted}"
    else:
        choices = [fold(choice.strip()) for choice in value.split(",") if choice.strip()]
        params.extend(choices)
        marks = ", ".join("?" for _ in choices)
        test = f"lower(strip_accents(value)) {'IN' if op == '=' else 'NOT IN'} ({marks})"
    return f"SELECT document_id FROM document_values WHERE variable_id = ? AND {test}"


def _coder_ids(project: Project, names: Sequence[str]) -> list[int]:
    ids = []
    for name in names:
        found = project.scalar("SELECT id FROM coders WHERE lower(name) = lower(?)", [name.strip()])
        if found is None:
            known = ", ".join(r[0] for r in project.rows("SELECT name FROM coders ORDER BY name")) or "none"
            raise WorkbenchError(f"unknown coder {name!r}; coders of this project: {known}")
        ids.append(int(found))
    return ids


def _code_ids(project: Project, codes: Sequence[str]) -> list[list[int]]:
    """For each code path or key, its id and its descendants' (coding a sub-code codes the parent)."""
    from workbench.codebook import descendants, find_code

    groups = []
    for code in codes:
        code_id = find_code(project, code)
        groups.append([code_id, *descendants(project, code_id)])
    return groups


def _scope_sql(
    project: Project, kinds: Sequence[str], where: Sequence[str], codes: Sequence[str], coders: Sequence[str],
    date_from: str | date | None, date_to: str | date | None, params: list[Any],
) -> str | None:
    """SQL selecting the documents the filters allow, or None when there is no filter."""
    parts = []
    document_tests = []
    if kinds:
        document_tests.append(f"kind IN ({', '.join('?' for _ in kinds)})")
        params.extend(kinds)
    if date_from:
        document_tests.append("occurred_at >= ?")
        params.append(_parse_date(str(date_from), "--from"))
    if date_to:
        document_tests.append("occurred_at < ?")
        params.append(_parse_date(str(date_to), "--to") + timedelta(days=1))
    if document_tests:
        parts.append(f"SELECT id AS document_id FROM documents WHERE {' AND '.join(document_tests)}")
    for condition in where:
        parts.append(_condition_sql(project, condition, params))
    coder_ids = _coder_ids(project, coders)
    coder_test = f" AND coder_id IN ({_ids(set(coder_ids))})" if coder_ids else ""
    for group in _code_ids(project, codes):
        parts.append(f"SELECT document_id FROM codings WHERE code_id IN ({_ids(set(group))}){coder_test}")
    if coder_ids and not codes:
        parts.append(f"SELECT document_id FROM codings WHERE TRUE{coder_test}")
    if not parts:
        return None
    return " INTERSECT ".join(f"SELECT document_id FROM ({part})" for part in parts)


# -- search ----------------------------------------------------------------------------------------
def search(
    project: Project,
    query: str,
    *,
    kinds: Sequence[str] = (),
    where: Sequence[str] = (),
    codes: Sequence[str] = (),
    coders: Sequence[str] = (),
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    limit: int = 50,
    offset: int = 0,
    context: int = CONTEXT_CHARS,
    count: bool = False,
) -> SearchResult:
    """Occurrences of `query` in the documents the filters allow, in document order then text order.

    `where` holds variable conditions ('nps<=6', 'canal=chat,email', 'region!=Bretagne',
    'date_contact>=2024-03-01'); `codes` code paths or keys (documents coded with the code or a
    sub-code); `coders` coder names (documents they coded); `date_from`/`date_to` bound `occurred_at`
    (inclusive days). With `count`, the total numbers of hits and documents are computed too.
    """
    if limit < 0 or offset < 0:
        raise WorkbenchError("limit and offset must be zero or more")
    tree = parse_query(query)
    if not project.scalar("SELECT count(*) FROM text_status"):
        raise WorkbenchError("the search index is empty: run `workbench segment PROJECT` first")
    compiler = _Compiler(project)
    matched = compiler.documents(tree)
    if not compiler.positive:
        raise WorkbenchError("a query needs at least one term that is not negated (NOT) to show where it occurs")
    params: list[Any] = []
    scope = _scope_sql(project, kinds, where, codes, coders, date_from, date_to, params)
    single_term = isinstance(tree, Word | Prefix | Phrase)
    hits = (
        compiler.positive[0]
        if len(compiler.positive) == 1
        else "(" + " UNION ".join(f"SELECT * FROM {name}" for name in compiler.positive) + ")"
    )
    tests = [] if single_term else [f"h.document_id IN ({matched})"]
    if scope:
        tests.append(f"h.document_id IN ({scope})")

    def body(extra: Sequence[str] = ()) -> str:
        where = [*tests, *extra]
        return (
            f"WITH {', '.join(compiler.ctes)} SELECT h.document_id, h.start_pos, h.end_pos FROM {hits} h"
            + (f" WHERE {' AND '.join(where)}" if where else "")
        )

    order = "ORDER BY h.document_id, h.start_pos"
    rows = _first_window(project, body, order, limit + offset, params) if single_term and limit else None
    if rows is not None:
        rows = rows[offset:offset + limit]
    else:
        rows = project.rows(f"{body()} {order} LIMIT {int(limit)} OFFSET {int(offset)}", params)
    result = SearchResult(query=query, hits=_kwic(project, rows, context))
    if count:
        total = project.rows(f"SELECT count(*), count(DISTINCT document_id) FROM ({body()})", params)[0]
        result.total_hits, result.total_documents = int(total[0]), int(total[1])
        result.unindexed = int(project.scalar("SELECT count(*) FROM documents d ANTI JOIN text_status s ON s.document_id = d.id"))
    return result


def _first_window(
    project: Project, body: Callable[[Sequence[str]], str], order: str, wanted: int, params: list[Any]
) -> list[tuple] | None:
    """The first `wanted` hits when they all lie in the first 1/WINDOW_SHARE of the document ids, else
    None. A frequent word has hundreds of thousands of occurrences, and ordering them all to show the
    first 50 is what makes it slow; in a window the scan of `tokens` (sorted by lemma, then document)
    reads only the row groups of those documents. A rare word costs one more, cheap, query."""
    low, high = project.rows("SELECT min(id), max(id) FROM documents")[0]
    if low is None or high - low < WINDOW_MIN_DOCUMENTS:
        return None
    limit = low + (high - low) // WINDOW_SHARE
    rows = project.rows(f"{body([f'h.document_id <= {int(limit)}'])} {order} LIMIT {int(wanted)}", params)
    return rows if len(rows) >= wanted else None


def _kwic(project: Project, rows: list[tuple[int, int, int]], context: int) -> list[Hit]:
    if not rows:
        return []
    ids = sorted({row[0] for row in rows})
    # `id = ANY(list)` rather than `id IN (1, 2, …)`: DuckDB plans a constant IN list as a scan that
    # reads every text of the table (80 ms on a million documents), the list parameter as a join (5 ms).
    documents = {
        row[0]: row[1:]
        for row in project.rows("SELECT id, title, kind, occurred_at, text FROM documents WHERE id = ANY(?)", [ids])
    }
    hits = []
    for document_id, start, end in rows:
        title, kind, occurred_at, text = documents[document_id]
        hits.append(
            Hit(document_id, title, kind, occurred_at, start, end,
                text[max(0, start - context):start], text[start:end], text[end:end + context])
        )
    return hits
