"""The command line as a newcomer meets it: imports that do not mislabel or swallow the wrong files, output
in plain words (never a Python repr, list or dict), progress that says something true, counts that agree
from one command to the next, and the tour after the demo."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_helpers import fails, ok, run
from conftest import DATA, SAMPLES
from suggest_data import add_documents, verbatim_project

from workbench.commands import common
from workbench.commands.common import plain_progress_line, progress_reporter
from workbench.demo import next_steps
from workbench.project import Project

INGEST = DATA / "ingest"
PYTHON_INTERNALS = re.compile(r"\\x[0-9a-f]{2}|\\n|\[\d+(, \d+)*\]|\{'|\{\"|': ")


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.vwb"
    Project.create(path, language="fr").close()
    return path


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """A folder as people keep them: a table, e-mails, a transcript, and files that are not documents."""
    folder = tmp_path / "corpus"
    (folder / "calls").mkdir(parents=True)
    shutil.copy(INGEST / "avis_bom.csv", folder / "avis.csv")
    shutil.copy(INGEST / "boite.mbox", folder / "boite.mbox")
    shutil.copy(INGEST / "appel_box.txt", folder / "calls" / "appel_box.txt")
    (folder / "truth.csv").write_text("file,item,code\ncalls/appel_box.txt,1,billing\n", encoding="utf-8")
    (folder / "README.txt").write_text("Ce dossier contient le corpus.\n", encoding="utf-8")
    (folder / "LICENSE.txt").write_text("CC BY 4.0\n", encoding="utf-8")
    (folder / "_brouillon.txt").write_text("Client : brouillon.\n", encoding="utf-8")
    (folder / ".cache.txt").write_text("Client : caché.\n", encoding="utf-8")
    return folder


def _kinds(path: Path) -> dict[str, int]:
    with Project.open(path, read_only=True) as project:
        return dict(project.rows("SELECT kind, count(*) FROM documents GROUP BY kind"))


# -- 1. --kind goes only where it fits ------------------------------------------------------------------
def test_kind_applies_only_to_the_files_it_fits_and_says_which_kept_theirs(project_file, mixed_folder):
    out = ok("import", project_file, mixed_folder, "--kind", "call", "-q")
    assert _kinds(project_file) == {"survey": 3, "email": 2, "call": 1}
    assert "--kind call does not fit 2 files (avis.csv, boite.mbox): they kept the kind of their format" in out
    assert "imported 6 documents from 3 files: 3 survey, 2 email, 1 call" in out


def test_kind_that_fits_no_file_is_one_clear_line_and_nothing_imported(project_file):
    err = fails("import", project_file, INGEST / "avis_bom.csv", INGEST / "boite.mbox", "--kind", "interview")
    assert err == ("error: --kind interview fits none of these files (email files: email; table files: survey, "
                   "chat, other)\n")
    assert _kinds(project_file) == {}


def test_kind_still_relabels_transcripts_and_tables_it_fits(project_file, mixed_folder):
    ok("import", project_file, mixed_folder / "calls", "--kind", "interview", "-q")
    ok("import", project_file, mixed_folder / "avis.csv", "--kind", "chat", "-q")
    assert _kinds(project_file) == {"interview": 1, "chat": 3}


# -- 2. a folder's files that are not documents ----------------------------------------------------------
def test_folder_import_leaves_out_what_is_not_a_document_and_says_so(project_file, mixed_folder):
    out = ok("import", project_file, mixed_folder, "-q")
    assert "truth.csv: left out (looks like an answer key, not a document)" in out
    assert "README.txt: left out (notes about the corpus, not a document)" in out
    assert "LICENSE.txt: left out" in out and "_brouillon.txt: left out (hidden, private or lock file)" in out
    assert "--include 'truth.csv'" in out
    with Project.open(project_file, read_only=True) as project:
        names = sorted(row[0] for row in project.rows("SELECT name FROM sources"))
    assert names == ["appel_box.txt", "avis.csv", "boite.mbox"]


def test_include_or_naming_the_file_imports_it(project_file, mixed_folder):
    out = ok("import", project_file, mixed_folder, "--include", "_brouillon.txt", "-q")
    assert "_brouillon.txt: 1 call document(s)" in out and "truth.csv: left out" in out
    ok("import", project_file, mixed_folder / "README.txt", "-q")
    with Project.open(project_file, read_only=True) as project:
        names = {row[0] for row in project.rows("SELECT name FROM sources")}
    assert {"_brouillon.txt", "README.txt"} <= names and "truth.csv" not in names


@pytest.mark.skipif(not (SAMPLES / "truth.csv").exists(), reason="demo corpus not present")
def test_the_demo_corpus_folder_imports_without_its_answer_key(project_file):
    out = ok("import", project_file, SAMPLES, "--json")
    assert '"reason": "looks like an answer key, not a document"' in out
    assert _kinds(project_file) == {"call": 90, "email": 80, "interview": 12, "survey": 300}


# -- 3. plain words: review and topics -------------------------------------------------------------------
@pytest.fixture
def suggested(tmp_path: Path) -> tuple[Path, int]:
    """A project with pending suggestions, one of them on a text with a no-break space and a line break."""
    path = tmp_path / "s.vwb"
    with Project.create(path) as project:
        verbatim_project(project)
        [tricky] = add_documents(project, ["Ma facture passe de 51,28\u00a0€ à 73,00\u00a0€\nsans prévenir, c'est abusé"])
    ok("suggest", path, "--embedder", "lexical", "--codes", "reasons", "--min-score", "0", "-q")
    return path, tricky


def test_review_queue_and_decisions_are_sentences_not_python(suggested):
    path, tricky = suggested
    queue = ok("review", path, "--limit", "200")
    assert not PYTHON_INTERNALS.search(queue), queue
    line = next(row for row in queue.splitlines() if f"document {tricky} " in row)
    assert "« Ma facture passe de 51,28 € à 73,00 € sans prévenir, c'est abusé »" in line
    ids = [int(row.split()[0]) for row in queue.splitlines()[:3]]
    done = ok("review", path, "--accept", ids[0], "--accept", ids[1], "--reject", ids[2])
    assert done == (f"accepted 2 suggestions ({ids[0]}, {ids[1]}): 2 codings made\nrejected 1 suggestion\n")
    dry = ok("review", path, "--accept-above", "0", "--dry-run")
    assert re.fullmatch(r"would accept \d+ suggestions scoring 0\.0 or more \((\w+: \d+(; )?)+\)\n", dry), dry


def test_topics_summary_is_the_windows_sentence_not_a_metrics_dict(tmp_path):
    path = tmp_path / "t.vwb"
    with Project.create(path) as project:
        verbatim_project(project)
    out = ok("topics", path, "--embedder", "lexical", "-q")
    first, second = out.splitlines()[:2]
    assert re.fullmatch(r"\d+ topics? found in 48 units \(run \d+\)(; \d+ % of the units were outliers, given to "
                        r"their nearest topic)?", first), first
    assert re.fullmatch(r"model \S+ on cpu in \d+ s; keyword diversity [\d.]+(, coherence \(NPMI\) -?[\d.]+)?",
                        second), second
    assert "{" not in out


# -- 4. progress that says something true ----------------------------------------------------------------
def test_plain_progress_line_gives_count_rate_and_time_left():
    assert plain_progress_line("suggesting", 100, 1725, 20.0, "e5-small") == \
        "suggesting: 100/1725 (5%), 5.0/s, about 5 min 25 s left (e5-small)"
    assert plain_progress_line("topics", 3, None, 2.0) == "topics: 3, 1.5/s"


def test_plain_progress_is_silent_for_short_jobs_empty_steps_and_the_end(monkeypatch, capsys):
    clock = [1000.0]
    monkeypatch.setattr(common.time, "monotonic", lambda: clock[0])
    with progress_reporter("segment") as report:
        report(10, 100, "splitting sentences")  # under two seconds: the summary will say enough
        clock[0] += 3
        report(0, 0, "e5-small: 48 cached")  # nothing to do: never "0/0"
        report(40, 100, "splitting sentences")
        clock[0] += 5
        report(60, 100, "")  # within ten seconds of the last line
        clock[0] += 20
        report(100, 100, "done")  # the end: the command prints its own summary
    assert capsys.readouterr().err == "segment: 40/100 (40%), 13/s, about 4 s left (splitting sentences)\n"


def test_segment_progress_never_claims_zero_sentences_it_has_not_counted(project_file, monkeypatch):
    from workbench.text import segment
    from workbench.text.segment import segment_project

    monkeypatch.setattr(segment, "PROGRESS_EVERY", 5)  # a line inside each batch of 10
    with Project.open(project_file) as project:
        add_documents(project, [f"Bonjour. Ma facture numéro {n} est fausse. Merci." for n in range(30)])
        seen: list[str] = []
        segment_project(project, progress=lambda done, total, message="": seen.append(message),
                        batch_documents=10)
    assert not re.search(r"\b0 sentences", " ".join(seen)), seen
    assert seen[1] == "splitting sentences"  # inside the first batch: nothing counted yet, and it says so
    assert re.fullmatch(r"90 sentences, \d+ tokens stored", seen[-1])


def test_failed_import_is_one_line_on_stderr(project_file, tmp_path):
    bad = tmp_path / "rapport.pdf"
    bad.write_bytes(b"%PDF-1.4")
    code, out, err = run("import", project_file, bad)
    assert code == 1 and out == ""
    assert err == f"error: {bad}: unknown format .pdf; supported: .csv, .docx, .eml, .mbox, .msg, .qde, .qdpx, " \
                  ".srt, .txt, .vtt, .xlsx\n"


# -- 5. counts and names that agree ----------------------------------------------------------------------
def test_codebook_load_counts_codes_as_codebook_list_does(project_file):
    listed = {line.split()[0]: int(line.split()[1]) for line in ok("codebook", "list").splitlines()
              if re.match(r"\w+ +\d+ codes", line)}
    for scheme in ("relationship_forms", "contact_reasons", "emotions"):
        loaded = ok("codebook", "load", project_file, scheme)
        assert re.search(rf"»: {listed[scheme]} codes \(undo", loaded), (scheme, loaded)


def test_coding_line_names_the_code(project_file):
    with Project.open(project_file) as project:
        [doc] = add_documents(project, ["Ma facture est fausse depuis trois mois."])
    ok("codebook", "load", project_file, "contact_reasons")
    out = ok("code", project_file, "--document", doc, "--code", "billing", "--start", 3, "--end", 10,
             "--coder", "claire")
    assert out == f"coding 1: « Motifs de contact/Facturation » on document {doc}, characters 3–10, coded by claire\n"


# -- 8. the tour -----------------------------------------------------------------------------------------
def test_tour_says_what_to_open_once_the_demo_ran(tmp_path):
    assert "run `workbench demo`" in ok("tour", "--out", tmp_path)
    Project.create(tmp_path / "demo.vwb").close()
    (tmp_path / "demo.xlsx").write_bytes(b"x")
    (tmp_path / "charts").mkdir()
    out = ok("tour", "--out", tmp_path)
    assert out.splitlines() == next_steps(tmp_path)
    assert f"workbench-gui {tmp_path / 'demo.vwb'}" in out
    assert f"the Excel workbook          {tmp_path / 'demo.xlsx'}" in out
    assert f"the charts                  {tmp_path / 'charts'}/" in out
    assert "demo.qdpx" not in out  # only what the demo wrote is offered


def test_the_demo_ends_with_the_tour_and_nothing_on_stderr(tmp_path, monkeypatch):
    from workbench import demo
    from workbench.demo import DemoContext, sample_dir

    def built(out_dir: Path, **_: object) -> DemoContext:
        project = Project.create(out_dir / "demo.vwb")
        (out_dir / "demo.xlsx").write_bytes(b"x")
        return DemoContext(project, out_dir, sample_dir(), print, print)

    monkeypatch.setattr(demo, "run_demo", built)
    code, out, err = run("demo", "--out", tmp_path, "--headless")
    assert code == 0 and err == ""
    tail = out.splitlines()[-len(next_steps(tmp_path)):]
    assert tail == next_steps(tmp_path) and tail[0] == "What to open next:"
    assert any("demo.xlsx" in line for line in tail)


def test_device_report_says_yes_or_no_not_python_booleans():
    out = ok("device")
    assert re.search(r"^cuda: (yes|no)$", out, re.MULTILINE) and "True" not in out and "False" not in out
