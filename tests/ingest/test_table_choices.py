"""The user's choices for a table at import: title column, column types (checked on every value) and
ignored columns, per file or for the whole call, from the engine and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import ok, run

from workbench.errors import IngestError, WorkbenchError
from workbench.ingest.folder import FileChoices, import_file, import_paths

HEADER = "id;agent;canal;nps;rappel;satisfait;commentaire\r\n"
ROWS = [
    "1;Émilie;tél;3;12/03/2026;non;Très déçu 😀 par la facture, trop chère à mon goût\r\n",
    "2;Jérôme;mail;9;13/03/2026;Oui;Conseillère aimable et efficace, merci beaucoup\r\n",
    "3;;chat;;;;Réponse sans agent, ni note, ni date de rappel\r\n",
]


def survey(tmp_path: Path, rows: list[str] = ROWS, name: str = "enquete.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(rows)).encode("utf-8"))
    return path


def variables(project) -> dict[str, str]:
    return dict(project.rows("SELECT name, type FROM variables ORDER BY name"))


def values(project, name: str) -> list[str | None]:
    return [row[0] for row in project.rows(
        "SELECT dv.value FROM documents d LEFT JOIN document_values dv ON dv.document_id = d.id AND dv.variable_id = "
        "(SELECT id FROM variables WHERE name = ?) ORDER BY d.position", [name])]


def test_title_column_types_and_ignored_columns_are_honoured(project, tmp_path: Path) -> None:
    result = import_file(project, survey(tmp_path), title_column="agent",
                         column_types={"nps": "float", "satisfait": "boolean", "canal": "ignore", "id": "text"})
    assert result.documents == 3
    assert project.rows("SELECT title, text FROM documents ORDER BY position") == [
        ("Émilie", "Très déçu 😀 par la facture, trop chère à mon goût"),
        ("Jérôme", "Conseillère aimable et efficace, merci beaucoup"),
        (None, "Réponse sans agent, ni note, ni date de rappel"),
    ]
    # The title and the ignored column are not variables; the others have the chosen types.
    assert variables(project) == {"id": "text", "nps": "float", "rappel": "date", "satisfait": "boolean"}
    assert values(project, "nps") == ["3", "9", None]
    assert values(project, "satisfait") == ["false", "true", None]
    assert values(project, "rappel") == ["2026-03-12", "2026-03-13", None]
    assert [str(row[0])[:10] if row[0] else None for row in project.rows(
        "SELECT occurred_at FROM documents ORDER BY position")] == ["2026-03-12", "2026-03-13", None]


def test_an_ignored_date_column_gives_no_date(project, tmp_path: Path) -> None:
    import_file(project, survey(tmp_path), column_types={"rappel": "ignore"})
    assert "rappel" not in variables(project)
    assert project.scalar("SELECT count(occurred_at) FROM documents") == 0


def test_a_value_not_of_the_chosen_type_refuses_the_file_with_its_row(project, tmp_path: Path) -> None:
    path = survey(tmp_path)
    with pytest.raises(IngestError) as refused:
        import_file(project, path, column_types={"canal": "integer"})
    assert str(refused.value) == (f"{path}: column 'canal' was chosen as integer, but row 1 below the header "
                                  "holds \"tél\", which is not")
    with pytest.raises(IngestError, match="chosen as boolean, but row 2 below the header holds \"2\""):
        import_file(project, path, column_types={"id": "boolean"})
    with pytest.raises(IngestError, match="chosen as date, but row 1 below the header holds \"3\""):
        import_file(project, path, column_types={"nps": "date"})
    assert project.scalar("SELECT count(*) FROM sources") == 0
    assert project.scalar("SELECT count(*) FROM documents") == 0
    assert project.scalar("SELECT count(*) FROM variables") == 0


def test_wrong_choices_are_said_plainly(project, tmp_path: Path) -> None:
    path = survey(tmp_path)
    with pytest.raises(WorkbenchError, match="unknown type 'number' for column 'nps'; choose one of text, integer"):
        import_file(project, path, column_types={"nps": "number"})
    with pytest.raises(IngestError, match="no column 'note'; columns are: id, agent, canal"):
        import_file(project, path, column_types={"note": "integer"})
    with pytest.raises(IngestError, match="no column 'titre'"):
        import_file(project, path, title_column="titre")
    with pytest.raises(IngestError, match="'commentaire' is the text column; choose another column for the titles"):
        import_file(project, path, title_column="commentaire")
    with pytest.raises(IngestError, match="'commentaire' is the text column; it cannot be chosen as ignore"):
        import_file(project, path, text_column="commentaire", column_types={"commentaire": "ignore"})
    with pytest.raises(WorkbenchError, match="unknown type 'x'"):
        import_paths(project, [path], choices={path: FileChoices(column_types={"nps": "x"})})
    assert project.scalar("SELECT count(*) FROM documents") == 0


def test_per_file_choices_override_the_call(project, tmp_path: Path) -> None:
    table = survey(tmp_path)
    call = tmp_path / "appel.txt"
    call.write_text("Client : Bonjour, c'est pour un entretien.\nConseillère : Je vous écoute.\n", encoding="utf-8")
    other = tmp_path / "autre.txt"
    other.write_text("Client : Un autre appel.\n", encoding="utf-8")
    report = import_paths(project, [table, call, other], choices={
        call: FileChoices(kind="interview"),
        table: FileChoices(kind="chat", title_column="agent", column_types={"nps": "ignore"}),
    })
    assert not report.failed
    assert dict(project.rows("SELECT s.name, min(d.kind) FROM documents d JOIN sources s ON s.id = d.source_id "
                             "GROUP BY s.name")) == {"enquete.csv": "chat", "appel.txt": "interview", "autre.txt": "call"}
    assert "nps" not in variables(project)
    assert project.scalar("SELECT count(title) FROM documents WHERE kind = 'chat'") == 2


def test_failed_file_keeps_its_line(project, tmp_path: Path) -> None:
    ragged = tmp_path / "boiteux.csv"
    ragged.write_text("id;avis\n1;bien\n2;mal;encore\n", encoding="utf-8")
    [result] = import_paths(project, [ragged]).files
    assert (result.status, result.line) == ("failed", 3)
    assert result.message == "line 3: ragged row: 3 fields where the header has 2"


def test_command_line_options(tmp_path: Path) -> None:
    project = tmp_path / "p.vwb"
    ok("new", project)
    path = survey(tmp_path)
    out = ok("import", project, path, "--title-column", "agent", "--column-type", "nps=float",
             "--column-type", "canal=ignore")
    assert "3 survey document(s)" in out
    from workbench.project import Project

    with Project.open(project) as opened:
        assert opened.scalar("SELECT title FROM documents ORDER BY position LIMIT 1") == "Émilie"
        assert variables(opened)["nps"] == "float" and "canal" not in variables(opened)
    code, _out, err = run("import", project, path, "--column-type", "nps")
    assert code != 0 and "write NAME=TYPE" in err
