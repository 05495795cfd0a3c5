"""`workbench import --pseudonymise`: texts are pseudonymised before they are stored."""

from __future__ import annotations

from cli_helpers import run

from workbench.project import Project


def test_import_with_pseudonymise(tmp_path):
    source = tmp_path / "lettre.txt"
    source.write_text("Bonjour, je suis Lucie Fontaine (lucie.fontaine@gmail.com), client CLI-2024-00123.\n"
                      "Rappelez-moi au 06 12 34 56 78. Lucie Fontaine\n", encoding="utf-8")
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    code, _out, err = run("import", path, source, "--pseudonymise", "--quiet")
    assert code == 0, err
    with Project.open(path, read_only=True) as project:
        assert project.scalar("SELECT text FROM documents") == (
            "Bonjour, je suis [PERSONNE_1] ([EMAIL_1]), client [CLIENT_1].\nRappelez-moi au [TEL_1]. [PERSONNE_1]")
        assert project.scalar("SELECT count(*) FROM pseudonyms") == 0


def test_reversible_needs_pseudonymise(tmp_path):
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    source = tmp_path / "a.txt"
    source.write_text("Bonjour.", encoding="utf-8")
    code, _, err = run("import", path, source, "--reversible")
    assert code == 2 and "--reversible only applies with --pseudonymise" in err


def test_import_of_a_table_with_pseudonymise(tmp_path):
    """Tables are imported in SQL, with the pseudonymiser as a SQL function over the rows."""
    source = tmp_path / "enquete.csv"
    source.write_text(
        "id;nps;commentaire\n"
        "1;2;Bonjour, ici Lucie Fontaine, écrivez-moi à lucie@example.fr, le conseiller était injoignable.\n"
        "2;9;Très bon service, merci à Lucie Fontaine pour son aide rapide et efficace.\n"
        "3;5;Rappelez-moi au 06 12 34 56 78 pour mon contrat CT-884512 s'il vous plaît.\n",
        encoding="utf-8",
    )
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    code, _out, err = run("import", path, source, "--pseudonymise", "--reversible", "--quiet")
    assert code == 0, err
    with Project.open(path, read_only=True) as project:
        texts = [row[0] for row in project.rows("SELECT text FROM documents ORDER BY position")]
        assert texts == [
            "Bonjour, ici [PERSONNE_1], écrivez-moi à [EMAIL_1], le conseiller était injoignable.",
            "Très bon service, merci à [PERSONNE_1] pour son aide rapide et efficace.",
            "Rappelez-moi au [TEL_1] pour mon contrat [CONTRAT_1] s'il vous plaît.",
        ]
        assert project.scalar("SELECT count(*) FROM pseudonyms") == 4


def test_the_file_named_after_the_caller_loses_the_name_too(tmp_path):
    """A transcript is often named after the caller: the name must not stay in the project's file list."""
    folder = tmp_path / "appels Fontaine"
    folder.mkdir()
    source = folder / "appel Lucie Fontaine 😀.txt"
    source.write_text("Conseiller : Bonjour.\nClient : Ici Lucie Fontaine, ma facture est fausse.\n", encoding="utf-8")
    table = tmp_path / "enquête Fontaine.csv"
    table.write_text("id;commentaire\n1;Lucie Fontaine : très déçue du service client\n", encoding="utf-8")
    path = tmp_path / "p.vwb"
    Project.create(path).close()
    code, _out, err = run("import", path, source, table, "--pseudonymise", "--quiet")
    assert code == 0, err
    with Project.open(path, read_only=True) as project:
        stored = project.rows("SELECT name, origin FROM sources ORDER BY id")
    assert len(stored) == 2
    assert not any(word in text for row in stored for text in row for word in ("Lucie", "Fontaine"))
    assert stored[0][0] == "appel [PERSONNE_1] 😀.txt"
