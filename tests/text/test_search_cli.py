"""`workbench segment`, `workbench search` and `workbench pseudonymise` as a user runs them."""

from __future__ import annotations

import json

from cli_helpers import run
from text_fixtures import add_documents

from workbench.project import Project


def make(tmp_path, texts, **kwargs):
    path = tmp_path / "cli.vwb"
    with Project.create(path) as project:
        add_documents(project, texts, **kwargs)
    return path


def test_segment_then_search_prints_kwic_lines(tmp_path):
    path = make(tmp_path, ["J'ai reçu deux factures ce mois-ci.", "Remboursement refusé !", "Tout va bien."],
                values=[{"nps": 2}, {"nps": 1}, {"nps": 10}])
    code, out, err = run("segment", path, "--quiet")
    assert code == 0, err
    assert "segmented 3 document(s) (3 fr)" in out
    code, out, _ = run("segment", path, "--quiet")
    assert "segmented 0 document(s)" in out and "3 already done" in out
    code, out, err = run("search", path, "facture OR rembours*", "--where", "nps<=6")
    assert code == 0, err
    lines = out.splitlines()
    assert "factures" in lines[0] and "J'ai reçu deux" in lines[0] and "ce mois-ci." in lines[0]
    assert "Remboursement" in lines[1]
    assert lines[-1] == "2 match(es) in 2 document(s); showing 1-2"


def test_search_json(tmp_path):
    path = make(tmp_path, ["Mon contrat est résilié.", "Le contrat continue."], kind="email")
    run("segment", path, "--quiet")
    _code, out, _ = run("search", path, '"mon contrat"', "--json", "--kind", "email")
    data = json.loads(out)
    assert data["total_hits"] == 1
    hit = data["hits"][0]
    assert (hit["document_id"], hit["start_pos"], hit["end_pos"], hit["match"]) == (1, 0, 11, "Mon contrat")


def test_search_errors_are_one_line_and_exit_1(tmp_path):
    path = make(tmp_path, ["Un texte."])
    code, _, err = run("search", path, "texte")
    assert code == 1 and err == "error: the search index is empty: run `workbench segment PROJECT` first\n"
    run("segment", path, "--quiet")
    code, _, err = run("search", path, "(texte")
    assert code == 1 and err.startswith("error: parenthesis opened at column 1") and err.count("\n") == 1
    code, _, err = run("search", path, "texte", "--where", "nps<3")
    assert code == 1 and "unknown variable 'nps'" in err


def test_search_says_when_documents_are_not_indexed_yet(tmp_path):
    path = make(tmp_path, ["Un texte indexé."])
    run("segment", path, "--quiet")
    with Project.open(path) as project:
        add_documents(project, ["Un texte importé après."])
    code, out, err = run("search", path, "texte")
    assert code == 0 and out.splitlines()[-1].startswith("1 match(es) in 1 document(s)")
    assert err == f"note: 1 document(s) are not indexed yet; run `workbench segment {path}`\n"


def test_pseudonymise_report_and_forget(tmp_path):
    path = make(tmp_path, ["Bonjour, ici Lucie Fontaine, joignable au 06 12 34 56 78 ou lucie@example.fr."])
    code, out, err = run("pseudonymise", path, "--reversible", "--report", "--quiet")
    assert code == 0, err
    assert "pseudonymised 1 of 1 document(s): 3 replacement(s) (reversible)" in out
    assert sorted(line.split() for line in out.splitlines()[1:4]) == [["email", "1"], ["person", "1"], ["phone", "1"]]
    with Project.open(path, read_only=True) as project:
        assert project.scalar("SELECT text FROM documents") == "Bonjour, ici [PERSONNE_1], joignable au [TEL_1] ou [EMAIL_1]."
    code, out, _ = run("pseudonymise", path, "--forget")
    assert code == 0 and out.startswith("forgot 3 original(s)")
    with Project.open(path, read_only=True) as project:
        assert project.scalar("SELECT count(*) FROM pseudonyms") == 0


def test_pseudonymise_patterns_file(tmp_path):
    path = make(tmp_path, ["Dossier DOS-778899 en attente."])
    patterns = tmp_path / "patterns.yaml"
    patterns.write_text("- {kind: dossier, label: DOSSIER, pattern: 'DOS-\\d{6}'}\n", encoding="utf-8")
    code, out, err = run("pseudonymise", path, "--patterns", patterns, "--json")
    assert code == 0, err
    assert json.loads(out)["replacements"] == {"dossier": 1}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {kind: x}\n", encoding="utf-8")
    code, _, err = run("pseudonymise", path, "--patterns", bad)
    assert code == 1 and "cannot read identifier patterns" in err
