"""Folder import, progress and cancel, the demo step, the `workbench import` command, and the real demo corpus."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT, SAMPLES

from workbench.cli import cli
from workbench.demo.ingest import demo_step
from workbench.errors import Cancelled, WorkbenchError
from workbench.ingest.folder import collect_files, import_paths
from workbench.progress import CancelToken
from workbench.project import Project

INGEST = DATA / "ingest"
BAD = DATA / "bad"
FOLDER_KINDS = {"appels": "call", "emails": "email", "entretiens": "interview", "enquete": "survey"}
needs_corpus = pytest.mark.skipif(not (SAMPLES / "truth.csv").exists(), reason="demo corpus not present")


def test_collect_files_recursive_sorted_supported_only(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    for name in ("b/deep/z.txt", "a.csv", "b/y.eml", "notes.pdf", ".cache/x.txt", "b/~$lock.docx", "b/.hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [path.relative_to(tmp_path).as_posix() for path in collect_files([tmp_path])] == [
        "a.csv", "b/deep/z.txt", "b/y.eml"]
    explicit = tmp_path / "notes.pdf"
    assert collect_files([explicit]) == [explicit]  # named explicitly: reported as unknown format


def test_progress_and_cancel(project):
    calls = []
    report = import_paths(project, [INGEST / "avis_bom.csv", INGEST / "boite.mbox"],
                          progress=lambda done, total, message="": calls.append((done, total, message)))
    assert calls == [(0, 2, "avis_bom.csv"), (1, 2, "boite.mbox"), (2, 2, "done")]
    assert report.documents == 5
    token = CancelToken()

    def cancel_after_first(done, total, message=""):
        if done == 1:
            token.cancel()

    with pytest.raises(Cancelled):
        import_paths(project, [INGEST / "appel_colis.srt", INGEST / "appel_box.txt"], progress=cancel_after_first,
                     cancel=token)
    # The first file was imported, then taken back: the project is as it was before the cancelled call.
    assert sorted(row[0] for row in project.rows("SELECT name FROM sources")) == ["avis_bom.csv", "boite.mbox"]
    assert project.scalar("SELECT count(*) FROM documents") == 5
    again = import_paths(project, [INGEST / "appel_colis.srt"])  # and the file can be imported again
    assert again.documents == 1 and not again.failed


def test_unknown_kind_is_refused(project):
    with pytest.raises(WorkbenchError, match="unknown document kind 'letter'"):
        import_paths(project, [INGEST / "avis_bom.csv"], kind="letter")


def test_demo_step_tolerates_missing_folders(project, tmp_path):
    sample = tmp_path / "corpus"
    (sample / "emails").mkdir(parents=True)
    shutil.copy(INGEST / "boite.mbox", sample / "emails")
    shutil.copy(INGEST / "reclamation.eml", sample / "emails")
    (sample / "truth.csv").write_text("file,item\nemails/boite.mbox,1\n", encoding="utf-8")
    lines: list[str] = []
    ctx = SimpleNamespace(project=project, sample_dir=sample, echo=lines.append, results={},
                          progress=lambda label: nullcontext(lambda *args: None))
    demo_step(ctx)
    assert ctx.results["import"] == {"documents": {"email": 3}, "errors": []}
    assert "  appels/: missing, skipped" in lines
    assert project.scalar("SELECT count(*) FROM sources WHERE name = 'truth.csv'") == 0


# -- the command ---------------------------------------------------------------------------------
@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "cli.vwb"
    Project.create(path).close()
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def test_cli_import_reports_each_file_and_errors(project_file):
    result = run("import", project_file, INGEST / "avis_bom.csv", BAD / "ragged.csv", "--quiet")
    assert result.exit_code == 0
    assert "avis_bom.csv: 3 survey document(s)" in result.stdout
    assert "imported 3 documents from 2 files: 3 survey" in result.stdout
    assert f"error: {BAD / 'ragged.csv'}: failed: line 3: ragged row" in result.stderr
    again = run("import", project_file, INGEST / "avis_bom.csv", "--quiet")
    assert again.exit_code == 0 and "skipped: already imported" in again.stdout


def test_cli_options_and_json(project_file):
    result = run("import", project_file, INGEST / "enquete_cp1252.csv", "--kind", "chat", "--text-column", "region",
                 "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["by_kind"] == {"chat": 5}
    assert data["files"][0]["status"] == "imported"


def test_cli_exit_codes_via_python_m(project_file, tmp_path):
    def workbench(*args):
        return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], capture_output=True, text=True,
                              cwd=ROOT, timeout=120, check=False)

    failed = workbench("import", project_file, BAD / "empty.csv", BAD / "binary.txt", "-q")
    assert failed.returncode == 1
    assert failed.stderr.strip().splitlines()[-1] == "error: nothing imported: 2 file(s) failed"
    assert f"{BAD / 'empty.csv'}: failed: empty file" in failed.stderr
    assert "Traceback" not in failed.stderr
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    none = workbench("import", project_file, empty_folder, "-q")
    assert none.returncode == 1 and "no supported file found" in none.stderr
    usage = workbench("import", project_file, INGEST / "avis_bom.csv", "--kind", "letter")
    assert usage.returncode == 2 and "Invalid value for '--kind'" in usage.stderr
    missing_project = workbench("import", tmp_path / "absent.vwb", INGEST / "avis_bom.csv")
    assert missing_project.returncode == 1 and "does not exist" in missing_project.stderr
    ok = workbench("import", project_file, INGEST / "appel_facture.vtt")
    assert ok.returncode == 0 and "appel_facture.vtt: 1 call document(s) (4 turns)" in ok.stdout


# -- the real demo corpus ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not (SAMPLES / "truth.csv").exists():
        pytest.skip("demo corpus not present")
    path = tmp_path_factory.mktemp("corpus") / "corpus.vwb"
    project = Project.create(path)
    reports = {kind: import_paths(project, [SAMPLES / folder], kind=kind) for folder, kind in FOLDER_KINDS.items()}
    yield project, reports
    project.close()


@pytest.fixture(scope="module")
def truth():
    with (SAMPLES / "truth.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@needs_corpus
def test_corpus_imports_without_errors_and_every_truth_row_joins(corpus, truth):
    project, reports = corpus
    assert {kind: [f.message for f in report.failed] for kind, report in reports.items()} == {
        kind: [] for kind in reports}
    stored = {(name, position): kind for name, position, kind in project.rows(
        "SELECT s.name, d.position, d.kind FROM documents d JOIN sources s ON s.id = d.source_id")}
    keys = [(Path(row["file"]).name, int(row["item"] or 1)) for row in truth]
    assert [key for key in keys if key not in stored] == []
    expected_kinds = Counter(FOLDER_KINDS[row["file"].split("/")[0]] for row in truth)
    assert Counter(stored.values()) == expected_kinds
    assert project.scalar("SELECT count(*) FROM sources WHERE name = 'truth.csv'") == 0


@needs_corpus
def test_corpus_sources_and_formats(corpus):
    project, _ = corpus
    families = dict(project.rows("SELECT kind, count(*) FROM sources GROUP BY kind"))
    assert {"txt", "vtt", "eml", "mbox", "docx", "xlsx", "csv"} <= set(families)
    origins = [row[0] for row in project.rows("SELECT origin FROM sources")]
    assert all(Path(origin).is_absolute() and Path(origin).exists() for origin in origins)


@needs_corpus
def test_corpus_turns_slice_text_and_have_speakers(corpus):
    project, _ = corpus
    rows = project.rows(
        "SELECT d.kind, d.text, s.start_pos, s.end_pos, s.speaker FROM segments s JOIN documents d ON d.id = s.document_id"
    )
    assert rows
    for kind, text, start, end, speaker in rows:
        assert kind in ("call", "interview")
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip() and text[start:end]
        assert speaker is None or text[:start].endswith(f"{speaker} : ")
    transcripts = project.scalar("SELECT count(*) FROM documents WHERE kind IN ('call', 'interview')")
    with_turns = project.scalar("SELECT count(DISTINCT document_id) FROM segments WHERE kind = 'turn'")
    assert with_turns == transcripts
    vtt_times = project.rows("SELECT count(*), count(t_end) FROM segments s JOIN documents d ON d.id = s.document_id "
                             "JOIN sources src ON src.id = d.source_id WHERE src.kind = 'vtt'")
    assert vtt_times[0][0] > 0 and vtt_times[0][0] == vtt_times[0][1]


@needs_corpus
def test_corpus_survey_variables_typed_and_cp1252_decoded(corpus):
    project, _ = corpus
    types = dict(project.rows("SELECT name, type FROM variables"))
    assert types["nps"] == "integer"
    assert types["date"] == "date"
    assert types["canal"] == "text" and types["region"] == "text"
    csv_texts = [row[0] for row in project.rows(
        "SELECT d.text FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.kind = 'csv'")]
    assert csv_texts and any("é" in text for text in csv_texts)
    assert not any("Ã" in text or "\ufffd" in text for text in csv_texts)
    assert project.scalar("SELECT count(*) FROM documents WHERE kind = 'survey' AND occurred_at IS NULL") == 0
    regions = {row[0] for row in project.rows(
        "SELECT value FROM document_values dv JOIN variables v ON v.id = dv.variable_id WHERE v.name = 'region'")}
    assert any("é" in region or "ô" in region for region in regions)


@needs_corpus
def test_corpus_emails_have_subjects_dates_and_parts(corpus):
    project, _ = corpus
    emails = project.dicts("SELECT * FROM documents WHERE kind = 'email'")
    assert emails and all(doc["title"] and doc["occurred_at"] for doc in emails)
    assert not any(line.startswith(">") for doc in emails for line in doc["text"].split("\n"))
    assert project.scalar("SELECT count(DISTINCT kind) FROM document_parts") == 2


@needs_corpus
def test_corpus_reimport_adds_nothing(corpus):
    project, _ = corpus
    before = project.scalar("SELECT count(*) FROM documents")
    report = import_paths(project, [SAMPLES / "emails"])
    assert {result.status for result in report.files} == {"skipped"}
    assert project.scalar("SELECT count(*) FROM documents") == before


def test_cli_max_size(project_file, tmp_path):
    big = tmp_path / "gros.csv"
    big.write_text("id;commentaire\n" + "".join(f"{i};Un avis assez long pour grossir le fichier {i}\n"
                                                for i in range(30000)), encoding="utf-8")
    assert big.stat().st_size > 1024**2
    refused = CliRunner().invoke(cli, ["import", str(project_file), str(big), "--max-size", "1", "--quiet"])
    assert isinstance(refused.exception, WorkbenchError)  # `workbench.cli.main` turns it into exit code 1
    assert "gros.csv: file is 1.6 MB, over the 1 MB limit" in str(refused.exception)  # the one line it prints
    accepted = run("import", project_file, big, "--max-size", "2", "--quiet")
    assert accepted.exit_code == 0 and "gros.csv: 30000 survey document(s)" in accepted.stdout


def test_a_cancel_raised_by_the_progress_callback_takes_back_the_whole_call(project):
    """The window's job raises Cancelled from inside its progress callback, wherever the import is."""
    def window_progress(done, total, message=""):
        if done == 1:
            raise Cancelled()

    with pytest.raises(Cancelled, match="taken back"):
        import_paths(project, [INGEST / "avis_bom.csv", INGEST / "boite.mbox"], progress=window_progress)
    assert project.scalar("SELECT count(*) FROM sources") == 0
    assert project.scalar("SELECT count(*) FROM documents") == 0
    assert project.scalar("SELECT count(*) FROM document_values") == 0
