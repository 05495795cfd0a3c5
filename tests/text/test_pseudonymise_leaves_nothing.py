"""Pseudonymisation and removal leave nothing behind (issue 14, item 7).

A project is built through the engine as an analyst would: files imported (a table with case variables,
a transcript named after the caller, an e-mail with a signature), segmented and indexed, coded, memos
written on the project, a document, a code and a coding, one memo edited, one deleted and one undone,
suggestions and topics computed with the lexical model, a topic mapped to a code. Distinctive personal
data (accented names, one next to an emoji, e-mails, phone numbers) is planted in the texts, titles,
file names, values, memos and speakers, and flows from there into the search index, explanations, topic
keywords and the journal. Then every column of every table, cast to text, accents and case folded, is
searched for every planted string, and so are the project file's bytes.

The bytes are searched in a meaningful way: DuckDB compresses strings (FSST, dictionaries) in a way that
hides them from a byte search, so the project's connection is told to write uncompressed
(`force_compression`), which the rewrite's copy inherits; the names are first shown to be in the bytes
before. Document texts alone are stored with ZSTD, a compression the column asks for and that setting
does not override: their absence is shown by the table scan, and by the rewritten file holding no free
block where an old copy could remain.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from suggest_data import VERBATIMS

from workbench.audit import audit_trail
from workbench.codebook import create_code, update_code
from workbench.coding import apply_code
from workbench.ingest.folder import import_file
from workbench.journal import undo
from workbench.project import Project
from workbench.removal import remove_documents
from workbench.store.memos import add_memo, delete_memo, edit_memo
from workbench.suggest.codes import suggest_codes
from workbench.suggest.review import accept
from workbench.suggest.topics import fit_topics, map_topic_to_code
from workbench.text.normalise import fold
from workbench.text.pseudonymise import forget
from workbench.text.pseudonymise_project import pseudonymise_project
from workbench.text.segment import segment_project

CALLER = "Hélène Bézier-Quatrefages"
ADVISER = "Amandine Lefebvre"
WRITER = "Gaëlle Kerhervé"
EMOJI = "Jérôme Castellane"
EMAILS = ("amandine.lefebvre@exemple.fr", "g.kerherve@exemple.com")
PHONES = ("06 71 82 93 04", "+33 7 45 12 98 60")
# What must be nowhere (accents and case folded): every name whole and each of its words, the e-mails
# and the phones.
NEEDLES = sorted({
    CALLER, ADVISER, WRITER, EMOJI,
    "Bézier", "Quatrefages", "Amandine", "Lefebvre", "Gaëlle", "Kerhervé", "Jérôme", "Castellane",
    *EMAILS, *PHONES,
    # What the journal's previews of memos keep of an e-mail and a phone cut short by their length.
    "amandine.lefe", "06 71 82 9",
})
FILLER = "Le conseiller a pris le temps de tout reprendre depuis le début, point par point, sans jamais s'impatienter."


def _uncompressed(project: Project) -> Project:
    """Strings written as they are, so that a byte search of the file can see them (see the docstring)."""
    project.execute("SET force_compression = 'uncompressed'")
    return project


def _files(tmp: Path) -> list[Path]:
    """The files an analyst imports, with the personal data planted in them."""
    rows = [line.split(",", 1) for line in VERBATIMS.read_text(encoding="utf-8").splitlines()[1:]]
    table = tmp / "avis.csv"
    lines = ["id;commentaire;client;email;telephone"]
    for number, (_, text) in enumerate(rows, start=1):
        planted = number % 3 == 0
        if planted:
            # The first is long enough for a suggestion's explanation to quote it cut inside the name.
            filler = (" " + FILLER)[:148 - len(text) - len(" Merci à ")] if number == 3 else ""
            text += f"{filler} Merci à {ADVISER}, conseillère Amandine très aimable."
        lines.append(";".join([
            str(number), text.replace(";", ","), CALLER if planted else "Client anonyme",
            EMAILS[0] if planted else "", PHONES[0] if planted else "",
        ]))
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    call = tmp / f"appel {CALLER}.txt"
    call.write_text(
        f"Conseillère : Bonjour, service client, {ADVISER} à votre écoute.\n"
        f"{CALLER} : Bonjour Madame, ma facture est fausse, rappelez-moi au {PHONES[0]}.\n"
        f"Conseillère : C'est noté Madame Bézier-Quatrefages, je transmets à 😀{EMOJI}😀 demain.\n"
        f"{CALLER} : Merci, au revoir.\n",
        encoding="utf-8")
    mail = tmp / "reclamation.eml"
    mail.write_text(
        f"From: {WRITER} <{EMAILS[1]}>\nTo: Service Client <service@exemple.fr>\n"
        f"Subject: Réclamation de {WRITER}\nDate: Thu, 12 Mar 2026 09:41:00 +0100\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"utf-8\"\n\n"
        f"Bonjour,\n\nJe conteste ma facture, merci à {EMOJI}😀 de me rappeler.\n\n"
        f"Cordialement,\n{WRITER}\n{PHONES[1]}\n", encoding="utf-8")
    return [table, call, mail]


def _build(path: Path) -> None:
    with _uncompressed(Project.create(path, language="fr")) as project:
        for file in _files(path.parent):
            import_file(project, file)
        segment_project(project)
        codes = {name: create_code(project, name, description=description) for name, description in (
            ("Facturation", "Question ou contestation portant sur une facture, son montant."),
            ("Livraison", "Retard, perte ou dommage d'un colis ou d'une commande."),
            ("Compliment", "Le client remercie ou félicite le conseiller."),
        )}
        # An example copied from a verbatim, as analysts do.
        update_code(project, codes["Compliment"], examples=[f"Merci à {ADVISER}, très aimable."])
        planted = [row[0] for row in project.rows(
            "SELECT id FROM documents WHERE contains(text, 'Amandine') ORDER BY id")]
        billing = [row[0] for row in project.rows(
            "SELECT id FROM documents WHERE contains(text, 'facture') ORDER BY id")]
        codings = [apply_code(project, document, codes["Compliment"], coder="alice") for document in planted[:4]]
        codings += [apply_code(project, document, codes["Facturation"], coder="alice") for document in billing[:4]]
        text = project.scalar("SELECT text FROM documents WHERE id = ?", [planted[1]])
        named = text.index(ADVISER)  # a coding whose journal excerpt (60 characters) ends inside the name
        apply_code(project, planted[1], codes["Compliment"], named - 48, named + len(ADVISER), coder="alice")
        call = project.scalar("SELECT id FROM documents WHERE contains(text, 'Madame Bézier')")
        add_memo(project, "project", None, f"Corpus fourni par {ADVISER} ({EMAILS[0]}).", coder="alice")
        add_memo(project, "document", call, f"{CALLER} rappellera au {PHONES[0]}.", coder="alice")
        add_memo(project, "code", codes["Compliment"], f"Souvent pour {ADVISER}.", coder="alice")
        add_memo(project, "coding", codings[0], f"Compliment à {ADVISER}, voir {WRITER}.", coder="alice")
        edited = add_memo(project, "coding", codings[1], f"Cliente {CALLER}.", coder="alice")
        edit_memo(project, edited, "Cliente fidèle.", coder="alice")
        deleted = add_memo(project, "document", call, f"Doublon de {WRITER}, {PHONES[1]}.", coder="alice")
        delete_memo(project, deleted, coder="alice")
        add_memo(project, "document", call, f"Joindre {EMOJI} ou {WRITER} au {PHONES[1]}.", coder="alice")
        undo(project)  # the undone action keeps its memo's text in the journal, for redo
        suggest_codes(project, embedder="lexical", min_score=0.0, min_examples=3)
        run = fit_topics(project, embedder="lexical", device="cpu")
        # Topic words leave capitalised names out now; an older run's keywords and labels still hold them,
        # as a first name in lower case does: planted here, where the model no longer puts them.
        topic = project.scalar("SELECT min(topic) FROM topics WHERE run_id = ?", [run])
        project.execute("UPDATE topics SET keywords = list_concat(keywords, [lower(?), ?]), label = ? "
                        "WHERE run_id = ? AND topic = ?",
                        [ADVISER, EMOJI, "conseillère amandine, castellane", run, topic])
        map_topic_to_code(project, codes["Compliment"], topic, run, coder="alice")
        pending = [row[0] for row in project.rows("SELECT id FROM suggestions WHERE status = 'pending' LIMIT 2")]
        accept(project, pending, coder="alice")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("planted") / "built.vwb"
    _build(path)
    return path


@pytest.fixture
def planted(built: Path, tmp_path: Path):
    """A fresh copy of the built project, open for writing."""
    copy = tmp_path / "project.vwb"
    shutil.copyfile(built, copy)
    with _uncompressed(Project.open(copy)) as project:
        yield project


def _text_columns(project: Project) -> list[tuple[str, str]]:
    return project.rows(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND "
        "table_name IN (SELECT table_name FROM duckdb_tables() WHERE NOT internal) ORDER BY ALL")


def leaks(project: Project, needles: list[str] = NEEDLES) -> dict[str, set[str]]:
    """`table.column` -> the planted strings found there, accents and case folded, in every table of the
    catalogue (a table added later is searched too)."""
    folded = sorted({fold(needle) for needle in needles})
    found: dict[str, set[str]] = {}
    for table, column in _text_columns(project):
        values = project.rows(f'SELECT DISTINCT strip_accents(lower(CAST("{column}" AS VARCHAR))) FROM "{table}" '
                              f'WHERE "{column}" IS NOT NULL')
        hits = {needle for needle in folded for (value,) in values if needle in value}
        if hits:
            found[f"{table}.{column}"] = hits
    return found


def file_bytes(project: Project) -> bytes:
    """The project file and its write-ahead log, as they are on disk."""
    wal = Path(str(project.path) + ".wal")
    return project.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


_NAME_WORDS = sorted({fold(word) for needle in NEEDLES if "@" not in needle
                      for word in re.findall(r"[^\W\d_]+", needle) if len(word) > 3})


def cut_names(project: Project) -> list[str]:
    """Excerpts that end inside a planted word ("voir Gaëlle Kerher…"): the journal's previews, cut
    before an ellipsis, and the texts of coded examples that explanations quote, cut at a fixed length."""
    ends = [match.group(1) for (raw,) in project.rows("SELECT CAST(payload AS VARCHAR) FROM journal")
            for match in re.finditer(r"(\S+)…", raw)]
    ends += [example["text"] for (raw,) in project.rows("SELECT explanation FROM suggestions")
             for example in json.loads(raw or "{}").get("nearest_examples", [])]
    return [end for end in ends for word in _NAME_WORDS
            if any(fold(end).endswith(word[:size]) for size in range(2, len(word)))
            and not re.search(r"\[[A-Z]+_\d+\]$", end)]


def in_bytes(data: bytes, needles: list[str] = NEEDLES) -> set[str]:
    forms = {form for needle in needles for form in (needle, needle.lower(), fold(needle))}
    return {form for form in forms if form.encode() in data}


def test_the_planted_data_is_everywhere_before(planted):
    """The searches can fail: before, the planted data is in each place it was planted in or flows into,
    and every planted string is in the file's bytes."""
    where = leaks(planted)
    for place, expected in {
        "documents.text": {CALLER, ADVISER, EMOJI, PHONES[0]}, "documents.title": {CALLER, WRITER},
        "document_values.value": {CALLER, *EMAILS, PHONES[0], WRITER}, "document_parts.text": {WRITER, PHONES[1]},
        "segments.speaker": {CALLER}, "sources.name": {CALLER}, "sources.origin": {CALLER},
        "memos.text": {ADVISER, CALLER, WRITER, EMAILS[0], PHONES[0]},
        "journal.payload": {ADVISER, CALLER, WRITER, EMOJI, EMAILS[0], *PHONES},
        "suggestions.explanation": {ADVISER}, "codes.examples": {ADVISER},
        "terms.text": {"amandine", "lefebvre", "castellane", "quatrefages"},
        "topics.keywords": {ADVISER, EMOJI}, "topics.label": {"amandine", "castellane"},
    }.items():
        assert {fold(needle) for needle in expected} <= where.get(place, set()), place
    cut = cut_names(planted)
    assert all(any(end.endswith(piece) for end in cut) for piece in ("Kerher", "amandine.lefe", "Amandine Lef"))
    planted.execute("CHECKPOINT")
    assert in_bytes(file_bytes(planted)) >= set(NEEDLES)


def _audit(project: Project) -> str:
    return " ".join(str(entry) for entry in audit_trail(project))


def test_pseudonymising_leaves_no_personal_data_anywhere(planted):
    pseudonymise_project(planted)
    assert leaks(planted) == {}
    assert not any(fold(needle) in fold(_audit(planted)) for needle in NEEDLES)
    assert in_bytes(file_bytes(planted)) == set()
    assert planted.scalar("SELECT free_blocks FROM pragma_database_size()") == 0
    assert cut_names(planted) == []


def test_reversible_pseudonymising_keeps_the_originals_in_the_pseudonyms_table_only(planted):
    pseudonymise_project(planted, reversible=True)
    assert set(leaks(planted)) == {"pseudonyms.token"}
    kept = {token for (token,) in planted.rows("SELECT token FROM pseudonyms")}
    assert {CALLER, ADVISER, WRITER, EMOJI, *EMAILS, *PHONES} <= kept
    assert not any(fold(needle) in fold(_audit(planted)) for needle in NEEDLES)
    # The kept originals are in the rewritten file's bytes: the byte search sees what the file holds.
    assert in_bytes(file_bytes(planted)) >= {CALLER, WRITER, *EMAILS, *PHONES}
    forget(_uncompressed(planted))  # the rewrite reconnected, with DuckDB's default compression
    assert leaks(planted) == {}
    assert in_bytes(file_bytes(planted)) == set()


def _planted_documents(project: Project) -> list[int]:
    """The documents that hold planted data (read before any pseudonymisation)."""
    return [row[0] for row in project.rows(
        "SELECT id FROM documents WHERE contains(text, 'Amandine') OR contains(text, 'Castellane') OR "
        "contains(title, 'Kerhervé') OR contains(title, 'Bézier') ORDER BY id")]


# Only memos on the project and on a code name the adviser once her documents are gone: a removal takes
# what belongs to the removed documents, not the analyst's notes about the study.
_REMOVED_ONLY = [needle for needle in NEEDLES if fold(needle) not in fold(f"{ADVISER} {EMAILS[0]}")]


def test_removing_the_documents_leaves_nothing_of_them(planted):
    remove_documents(planted, _planted_documents(planted))
    assert leaks(planted, _REMOVED_ONLY) == {}
    assert set(leaks(planted)) == {"memos.text", "codes.examples", "journal.payload"}
    assert not any(fold(needle) in fold(_audit(planted)) for needle in _REMOVED_ONLY)
    assert in_bytes(file_bytes(planted), _REMOVED_ONLY) == set()


def test_removal_after_reversible_pseudonymising_forgets_the_removed_people(planted):
    """The originals kept for re-identification go with the last text that used their placeholder."""
    documents = _planted_documents(planted)
    pseudonymise_project(planted, reversible=True)
    remove_documents(planted, documents)
    assert leaks(planted, _REMOVED_ONLY) == {}
    kept = {fold(token) for (token,) in planted.rows("SELECT token FROM pseudonyms")}
    # The adviser's originals stay: the memo on the project still uses her placeholders.
    assert {fold(ADVISER), fold(EMAILS[0])} <= kept
