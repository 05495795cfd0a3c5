"""Job reports: the sentence a user reads when a job ends, the same in the command line and the window."""

from __future__ import annotations

from pathlib import Path

from workbench.ingest.folder import import_paths
from workbench.project import Project
from workbench.removal import remove_documents
from workbench.reports import JobReport
from workbench.text.segment import segment_project


def test_import_segment_and_removal_reports_speak_plain_words(project: Project, tmp_path: Path) -> None:
    call = tmp_path / "appel.txt"
    call.write_text("Client : Ma facture 🧾 est fausse, c'est inadmissible.\r\nConseillère : Je regarde.\r\n",
                    encoding="utf-8")
    broken = tmp_path / "faux.xlsx"
    broken.write_bytes(b"not a workbook")
    report = import_paths(project, [call, broken])
    assert isinstance(report, JobReport)
    assert report.summary() == ("1 document imported from 2 files (1 call); 1 file could not be imported")
    assert len(report.failures) == 1 and "faux.xlsx" in report.failures[0]
    again = import_paths(project, [call])
    assert again.summary() == "0 documents imported from 1 file; 1 file already imported, skipped"
    assert again.failures == []
    segmented = segment_project(project)
    assert segmented.summary().startswith("1 document segmented into ")
    assert "languages: 1 fr" in segmented.summary() and segmented.failures == []
    removed = remove_documents(project, [project.scalar("SELECT id FROM documents")])
    # The file's only document gone, the file goes too (its name may name the person).
    assert removed.summary() == "removed 1 file and 1 document for good, with 0 codings, 0 suggestions and 0 memos"
    for done in (report, again, segmented, removed):
        assert "Report(" not in done.summary()
