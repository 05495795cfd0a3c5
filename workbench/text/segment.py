"""Sentences and the search index, in one spaCy pass over the documents not processed yet.

For each pending document: detect its language, cut it into units that a sentence may never cross
(the speaker turns written by the importer, then paragraphs, then pieces short enough for spaCy's
max_length; in a transcript the speaker labels between turns are neither sentences nor indexed), run the language's pipeline over the units with `nlp.pipe`, and write sentences
(`segments` kind 'sentence'), tokens (`tokens`, see tokens.py), the language (`documents.lang`) and a
`text_status` row. One transaction per batch: a cancelled or crashed run keeps every finished batch and
the next run resumes with the first unfinished document.

Offsets: spaCy's `token.idx` and `span.start_char` count code points of the string it was given, so the
offset of a unit inside the document is added and nothing else is needed; sentences are trimmed of
surrounding white space and never empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from workbench.columns import insert_columns
from workbench.events import events_for_rows, events_for_tables
from workbench.progress import CancelToken, ProgressCallback, no_progress
from workbench.project import Project
from workbench.reports import WholeOrNothing, plural
from workbench.text import tokens as token_index
from workbench.text.language import detect_languages
from workbench.text.nlp import segmenter

# Documents per transaction. Large, because each batch restarts nlp.pipe (a partial last minibatch
# costs time); progress and cancel are still checked every PROGRESS_EVERY documents inside a batch.
BATCH_DOCUMENTS = 2000
PROGRESS_EVERY = 100
# Units are cut well below spaCy's max_length (1,000,000): its memory grows with the length of a doc.
MAX_UNIT_CHARS = 100_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
_SPACE = re.compile(r"\s")


@dataclass
class SegmentReport(WholeOrNothing):
    documents: int = 0
    sentences: int = 0
    tokens: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    skipped: int = 0  # already processed before this run
    compacted: bool = False

    def summary(self) -> str:
        if not self.documents:
            return f"nothing to segment: all {plural(self.skipped, 'document')} were segmented already"
        languages = ", ".join(f"{count} {language}" for language, count in sorted(self.languages.items()))
        return (f"{plural(self.documents, 'document')} segmented into {plural(self.sentences, 'sentence')} and "
                f"indexed ({plural(self.tokens, 'word')}; languages: {languages or 'none detected'})")


def _split_long(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Cut [start, end) into pieces of at most `limit` code points, at a line break or else a space."""
    while end - start > limit:
        window = text[start : start + limit]
        cut = max((m.end() for m in _LINE_BREAK.finditer(window)), default=0)
        if cut == 0:
            cut = max((m.end() for m in _SPACE.finditer(window)), default=0)
        if cut == 0:
            cut = limit
        yield start, start + cut
        start += cut
    if end > start:
        yield start, end


def units(text: str, turns: Sequence[tuple[int, int]] = (), limit: int | None = None) -> list[tuple[int, int]]:
    """Code-point ranges of `text` that no sentence may cross: the speaker turns when there are any
    (the speaker labels between them are not sentences), else the whole text; each cut at paragraph
    breaks and into pieces of at most `limit`. Blank ranges are left out."""
    ranges = []
    for left, right in sorted(turns) or [(0, len(text))]:
        piece_start = left
        for match in _PARAGRAPH_BREAK.finditer(text, left, right):
            ranges.append((piece_start, match.start()))
            piece_start = match.end()
        ranges.append((piece_start, right))
    result = []
    for start, end in ranges:
        if text[start:end].strip():
            result.extend(_split_long(text, start, end, limit or MAX_UNIT_CHARS))
    return result


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _pending_batch(project: Project, after_id: int, limit: int, only: Sequence[int] | None) -> list[tuple]:
    where = ""
    params: list = [after_id]
    if only is not None:
        where = "AND d.id = ANY(?)"
        params.append(list(only))
    return project.rows(
        f"""SELECT d.id, d.text FROM documents d ANTI JOIN text_status s ON s.document_id = d.id
            WHERE d.id > ? {where} ORDER BY d.id LIMIT {int(limit)}""",
        params,
    )


def _turns(project: Project, ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    for document_id, start, end in project.rows(
        "SELECT document_id, start_pos, end_pos FROM segments WHERE kind = 'turn' AND document_id = ANY(?)", [ids]
    ):
        found.setdefault(document_id, []).append((start, end))
    return found


def _process_batch(
    project: Project, batch: list[tuple], terms: token_index.TermDictionary, report: SegmentReport,
    on_document: Callable[[int], None],
) -> None:
    ids = [row[0] for row in batch]
    texts = {row[0]: row[1] for row in batch}
    langs = detect_languages([row[1] for row in batch], default=project.language)
    turns = _turns(project, ids)
    sentence_rows: tuple[list[int], list[int], list[int]] = ([], [], [])
    token_rows = token_index.TokenRows()
    positions = dict.fromkeys(ids, 0)
    sentences = dict.fromkeys(ids, 0)
    for lang in sorted(set(langs)):
        nlp = segmenter(lang)
        work = [
            (texts[doc_id][start:end], (doc_id, start))
            for doc_id, doc_lang in zip(ids, langs)
            if doc_lang == lang
            for start, end in units(texts[doc_id], turns.get(doc_id, ()))
        ]
        previous = None
        for doc, (doc_id, base) in nlp.pipe(work, as_tuples=True, batch_size=256):
            if doc_id != previous:
                on_document(doc_id)
                previous = doc_id
            text = texts[doc_id]
            for sent in doc.sents:
                span = _trimmed(text, base + sent.start_char, base + sent.end_char)
                if span:
                    sentence_rows[0].append(doc_id)
                    sentence_rows[1].append(span[0])
                    sentence_rows[2].append(span[1])
                    sentences[doc_id] += 1
            positions[doc_id] = token_rows.add_doc(terms, doc_id, doc, base, positions[doc_id])
    with project.transaction():
        project.announce(events_for_rows("segment", [("segments", None)] + [("documents", doc) for doc in positions])
                         + events_for_tables("segment", ["terms"]))
        terms.flush()
        token_rows.write(project)
        if sentence_rows[0]:
            insert_columns(
                project.con, "segments", ["document_id", "start_pos", "end_pos", "kind"],
                [*sentence_rows, ["sentence"] * len(sentence_rows[0])],
            )
        insert_columns(
            project.con, "text_status", ["document_id", "lang", "n_sentences", "n_tokens"],
            [ids, langs, [sentences[i] for i in ids], [positions[i] for i in ids]],
        )
        project.execute(
            "UPDATE documents SET lang = s.lang FROM text_status s "
            "WHERE documents.id = s.document_id AND s.document_id = ANY(?)",
            [ids],
        )
    report.documents += len(ids)
    report.sentences += len(sentence_rows[0])
    report.tokens += len(token_rows)
    for lang in langs:
        report.languages[lang] = report.languages.get(lang, 0) + 1


def _so_far(report: SegmentReport) -> str:
    """What the progress line can truly say: sentences and tokens are counted when a batch is stored, so
    before the first one is, only that sentences are being read."""
    if not report.sentences:
        return "splitting sentences"
    return f"{report.sentences} sentences, {report.tokens} tokens stored"


def segment_project(
    project: Project,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    document_ids: Sequence[int] | None = None,
    batch_documents: int = BATCH_DOCUMENTS,
    compact: bool = True,
) -> SegmentReport:
    """Detect languages, write sentences and the token index for every document not processed yet
    (or only `document_ids`). Resumable: documents already processed are skipped. Raises `Cancelled`
    between batches when `cancel` is set; finished batches stay committed."""
    progress = progress or no_progress
    only = list(document_ids) if document_ids is not None else None
    if only == []:
        return SegmentReport()
    scope, params = ("WHERE id = ANY(?)", [only]) if only else ("", None)
    total_docs = int(project.scalar(f"SELECT count(*) FROM documents {scope}", params))
    done_before = int(
        project.scalar(f"SELECT count(*) FROM text_status WHERE document_id IN (SELECT id FROM documents {scope})", params)
    )
    report = SegmentReport(skipped=done_before)
    todo = total_docs - done_before
    progress(0, todo, "segmenting")
    terms = token_index.TermDictionary(project)
    last_id = 0
    in_batch = [0]  # documents started in the current batch

    def on_document(_doc_id: int) -> None:
        in_batch[0] += 1
        if in_batch[0] % PROGRESS_EVERY == 0:
            if cancel is not None:
                cancel.check()
            progress(report.documents + in_batch[0], todo, _so_far(report))

    while True:
        if cancel is not None:
            cancel.check()
        batch = _pending_batch(project, last_id, batch_documents, only)
        if not batch:
            break
        in_batch[0] = 0
        try:
            _process_batch(project, batch, terms, report, on_document)
        except BaseException:
            terms.reload()
            raise
        last_id = batch[-1][0]
        progress(report.documents, todo, _so_far(report))
    if compact and report.documents and not project.in_transaction:
        report.compacted = token_index.compact(project)
    return report
