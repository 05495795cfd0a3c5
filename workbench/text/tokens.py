"""The lemma search index: which word, in which form, at which code points, in which document.

Each token is stored as two integer ids into the `terms` dictionary (its folded lemma and its folded
surface form) plus its code-point offsets and its position in the document (for phrase queries).
Integers rather than strings because a search scans tens of millions of tokens: integer comparisons and
the min/max zone maps DuckDB keeps per row group make that scan cheap, and `compact` keeps `tokens`
sorted by lemma so that a one-word query reads only the row groups that can hold its lemma.

Punctuation and white space are not indexed: nobody searches for a comma, and leaving them out makes
"mon contrat" match across "mon, contrat" as most search engines do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.columns import column_array, insert_columns, registered
from workbench.project import Project
from workbench.text.normalise import fold

# Rewrite `tokens` in lemma order once this share of its rows was appended since the last sort.
UNSORTED_SHARE = 0.10
_SORTED_ROWS_KEY = "tokens_sorted_rows"


class TermDictionary:
    """The `terms` table held in memory during an indexing run; new terms are written with `flush`.

    Ids are assigned here, not by a sequence, so that a whole batch of tokens can be built in Python and
    inserted in one statement.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self.ids: dict[str, int] = dict(project.rows("SELECT text, id FROM terms"))
        self.next_id = max(self.ids.values(), default=0) + 1
        self.pairs: set[tuple[int, int]] = set(project.rows("SELECT form_id, lemma_id FROM forms"))
        self._new_terms: list[tuple[int, str]] = []
        self._new_pairs: list[tuple[int, int]] = []
        # spaCy's (surface hash, lemma hash) -> (form id, lemma id, length of the surface): folding and
        # Token objects are the costly part of indexing, and a corpus repeats a few thousand distinct
        # pairs millions of times. spaCy's string hashes are stable, so the cache holds across documents.
        self.seen: dict[tuple[int, int], tuple[int, int, int]] = {}

    def id(self, text: str) -> int:
        found = self.ids.get(text)
        if found is None:
            found = self.ids[text] = self.next_id
            self._new_terms.append((found, text))
            self.next_id += 1
        return found

    def ids_of(self, surface: str, lemma: str) -> tuple[int, int]:
        """(form id, lemma id) of a token, creating terms and the (form, lemma) pair on first sight."""
        folded = fold(surface)
        folded_lemma = fold(lemma) if lemma else folded
        form_id = self.id(folded)
        lemma_id = self.id(folded_lemma) if folded_lemma != folded else form_id
        self.pair(form_id, lemma_id)
        return form_id, lemma_id

    def pair(self, form_id: int, lemma_id: int) -> None:
        key = (form_id, lemma_id)
        if key not in self.pairs:
            self.pairs.add(key)
            self._new_pairs.append(key)

    def flush(self) -> None:
        """Write the terms and (form, lemma) pairs created since the last flush (inside the caller's
        transaction, so that a rolled-back batch leaves no orphan ids behind: see `reload`)."""
        if self._new_terms:
            insert_columns(self.project.con, "terms", ["id", "text"], list(zip(*self._new_terms)))
        if self._new_pairs:
            insert_columns(self.project.con, "forms", ["form_id", "lemma_id"], list(zip(*self._new_pairs)))
        self._new_terms.clear()
        self._new_pairs.clear()

    def reload(self) -> None:
        """Forget what the database does not hold (after a rolled-back batch); the id cache goes too."""
        self.__init__(self.project)  # type: ignore[misc]


@dataclass
class TokenRows:
    """Column lists of token rows for one batch, filled document by document."""

    document_id: list[int] = field(default_factory=list)
    position: list[int] = field(default_factory=list)
    start_pos: list[int] = field(default_factory=list)
    end_pos: list[int] = field(default_factory=list)
    lemma_id: list[int] = field(default_factory=list)
    form_id: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.position)

    def add_doc(self, terms: TermDictionary, document_id: int, doc: Any, base: int, first_position: int) -> int:
        """Append the indexable tokens of spaCy `doc`, whose text starts at code point `base` of the
        document. Returns the next free position.

        Reads token attributes as one array (`Doc.to_array`) rather than through Token objects: same
        values, several times faster, which is what keeps indexing close to spaCy's own speed."""
        from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, ORTH

        strings = doc.vocab.strings
        seen = terms.seen
        position = first_position
        for idx, space, punct, orth, lemma in doc.to_array([IDX, IS_SPACE, IS_PUNCT, ORTH, LEMMA]).tolist():
            if space or punct:
                continue
            known = seen.get((orth, lemma))
            if known is None:
                surface = strings[orth]
                known = seen[(orth, lemma)] = (*terms.ids_of(surface, strings[lemma] if lemma else ""), len(surface))
            form_id, lemma_id, length = known
            start = base + idx
            self.document_id.append(document_id)
            self.position.append(position)
            self.start_pos.append(start)
            self.end_pos.append(start + length)
            self.lemma_id.append(lemma_id)
            self.form_id.append(form_id)
            position += 1
        return position

    def write(self, project: Project) -> None:
        if self.position:
            insert_columns(
                project.con,
                "tokens",
                ["document_id", "position", "start_pos", "end_pos", "lemma_id", "form_id"],
                [self.document_id, self.position, self.start_pos, self.end_pos, self.lemma_id, self.form_id],
            )


def indexed_words(
    project: Project, spans: Sequence[tuple[int, int, int]], keep: Callable[[str, str], str | None]
) -> list[list[str] | None]:
    """The words of the indexed tokens inside each (document id, start, end) span, in text order, as
    `keep(folded form, folded lemma)` names them (None leaves a token out); None for a span whose
    document the text pipeline has not processed.

    Why: the segmentation pass already ran spaCy over every indexed document, and running it again is
    most of the time of anything that needs the lemmas of a large corpus. `keep` is called once per
    distinct (form, lemma) pair, not per token, and the tokens are read as integer columns."""
    if not spans:
        return []
    word_ids: dict[str, int] = {}
    pair_rows: tuple[list[int], list[int], list[int]] = ([], [], [])
    for form_id, lemma_id, form, lemma in project.rows(
        "SELECT p.form_id, p.lemma_id, f.text, l.text FROM forms p "
        "JOIN terms f ON f.id = p.form_id JOIN terms l ON l.id = p.lemma_id"
    ):
        word = keep(form, lemma)
        if word is not None:
            pair_rows[0].append(form_id)
            pair_rows[1].append(lemma_id)
            pair_rows[2].append(word_ids.setdefault(word, len(word_ids)))
    words = list(word_ids)
    span_rows = {"idx": column_array(range(len(spans))), "document_id": column_array([s[0] for s in spans]),
                 "span_start": column_array([s[1] for s in spans]),
                 "span_end": column_array([s[2] for s in spans])}
    pairs = {"form_id": column_array(pair_rows[0]), "lemma_id": column_array(pair_rows[1]),
             "word_id": column_array(pair_rows[2])}
    result: list[list[str] | None] = [None] * len(spans)
    with registered(project.con, "_word_spans", span_rows), registered(project.con, "_kept_pairs", pairs):
        indexed = project.rows("SELECT s.idx FROM _word_spans s SEMI JOIN text_status t USING (document_id)")
        for (idx,) in indexed:
            result[idx] = []
        for idx, ids in project.rows(
            "SELECT s.idx, list(k.word_id ORDER BY t.position) FROM _word_spans s JOIN tokens t "
            "ON t.document_id = s.document_id AND t.start_pos >= s.span_start AND t.end_pos <= s.span_end "
            "JOIN _kept_pairs k ON k.form_id = t.form_id AND k.lemma_id = t.lemma_id GROUP BY s.idx"
        ):
            result[idx] = [words[i] for i in ids]
    return result


def compact(project: Project, force: bool = False) -> bool:
    """Rewrite `tokens` sorted by lemma when enough rows were appended since the last sort.

    Returns True when it rewrote the table. Sorting 30 million tokens takes seconds and makes one-word
    queries an order of magnitude faster (measured in bench/text.py), so it is worth doing after each
    large indexing run but not after every small import.
    """
    total = int(project.scalar("SELECT count(*) FROM tokens"))
    sorted_rows = int(project.get_meta(_SORTED_ROWS_KEY, "0") or 0)
    if not force and (total == sorted_rows or total - sorted_rows < UNSORTED_SHARE * total):
        return False
    with project.transaction():
        project.execute("CREATE TEMP TABLE _tokens_sorted AS SELECT * FROM tokens ORDER BY lemma_id, document_id, position")
        project.execute("DELETE FROM tokens")
        project.execute("INSERT INTO tokens SELECT * FROM _tokens_sorted")
        project.execute("DROP TABLE _tokens_sorted")
        project.set_meta(_SORTED_ROWS_KEY, str(total))
    return True


def prune_dictionary(project: Project) -> int:
    """Delete the words and (form, lemma) pairs no token uses any more; returns the words deleted.

    Why: the dictionary only grows while indexing, so after pseudonymisation re-indexed the changed
    documents it still listed the replaced names ("dupont"), readable by anyone who opens the file."""
    with project.transaction():
        project.execute(
            "DELETE FROM forms f WHERE NOT EXISTS "
            "(SELECT 1 FROM tokens t WHERE t.form_id = f.form_id AND t.lemma_id = f.lemma_id)"
        )
        return len(project.rows(
            "DELETE FROM terms WHERE id NOT IN (SELECT lemma_id FROM tokens UNION SELECT form_id FROM tokens) "
            "RETURNING id"
        ))


def forget_documents(project: Project, document_ids: list[int]) -> None:
    """Drop the index rows and sentences of documents so they are processed again."""
    if not document_ids:
        return
    ids = [list(document_ids)]
    with project.transaction():
        project.execute("DELETE FROM tokens WHERE document_id = ANY(?)", ids)
        project.execute("DELETE FROM segments WHERE kind = 'sentence' AND document_id = ANY(?)", ids)
        project.execute("DELETE FROM text_status WHERE document_id = ANY(?)", ids)
