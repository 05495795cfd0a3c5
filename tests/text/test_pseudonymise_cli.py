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
