"""The coding commands as a user runs them: output, JSON, files written, and exit code 1 with one line on
stderr for every user error."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from builders import add_code, add_document
from cli_helpers import fails, ok, run

from workbench.commands.coding_cmds import _short
from workbench.project import Project


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "p.vwb"
    with Project.create(file) as project:
        root = add_code(project, "Motifs", codable=False)
        add_code(project, "Facturation", root, key="billing", scheme="contact_reasons")
        add_code(project, "Remboursement", root, key="refund", scheme="contact_reasons")
        for i in range(1, 4):
            add_document(project, f"Bonjour, ma facture numéro {i} est fausse.", f"Appel {i}")
        project.execute("INSERT INTO segments (document_id, start_pos, end_pos, kind) VALUES (1, 0, 8, 'sentence')")
    return file


def test_code_uncode_undo_redo_and_codings(path: Path) -> None:
    out = ok("code", path, "--document", 1, "--code", "Motifs/Facturation", "--start", 9, "--end", 19,
             "--coder", "alice")
    assert out.startswith("coding 1: « Motifs/Facturation » on document 1, characters 9–19, coded by alice")
    data = json.loads(ok("code", path, "--document", 2, "--code", "contact_reasons:refund", "--coder", "bob",
                         "--role", "reference", "--json"))
    assert (data["start_pos"], data["end_pos"]) == (0, 40)
    ok("code", path, "--segment", 1, "--code", "billing", "--coder", "alice")
    listing = ok("codings", path, "--document", 1)
    assert "Motifs/Facturation" not in listing and "Facturation  (alice)  «ma facture»" in listing
    assert json.loads(ok("codings", path, "--document", 1, "--coder", "alice", "--json"))[0]["text"] == "Bonjour,"
    ok("recode", path, 1, "--code", "Motifs/Remboursement", "--coder", "alice")
    ok("resize", path, 1, "--start", 9, "--end", 20, "--coder", "alice")
    assert ok("uncode", path, 1, "--coder", "alice") == "removed coding 1\n"
    assert ok("undo", path, "--coder", "alice").startswith("undid #")
    assert "redid" in ok("redo", path)
    with Project.open(path) as project:
        assert project.scalar("SELECT count(*) FROM codings") == 2


def test_code_errors_exit_1_with_one_line(path: Path) -> None:
    assert "not inside document 1" in fails("code", path, "--document", 1, "--code", "billing", "--start", 0,
                                             "--end", 999, "--coder", "a")
    assert "grouping node" in fails("code", path, "--document", 1, "--code", "Motifs", "--coder", "a")
    assert "Inconnu" in fails("code", path, "--document", 1, "--code", "Motifs/Inconnu", "--coder", "a")
    assert "unknown document 9" in fails("code", path, "--document", 9, "--code", "billing", "--coder", "a")
    assert "either --document or --segment" in fails("code", path, "--code", "billing")
    assert "a segment is coded whole" in fails("code", path, "--segment", 1, "--start", 0, "--code", "billing")
    assert "unknown coding 5" in fails("uncode", path, 5, "--coder", "a")
    assert "nothing to undo" in fails("undo", path)
    assert "nothing to redo" in fails("redo", path)
    assert "unknown coder 'zed'" in fails("undo", path, "--coder", "zed")
    assert "does not exist" in fails("code", path.with_name("none.vwb"), "--document", 1, "--code", "billing")


def test_memo_commands(path: Path) -> None:
    ok("code", path, "--document", 1, "--code", "billing", "--coder", "alice")
    assert ok("memo", "add", path, "Étude pilote", "--project", "--coder", "alice") == "memo 1\n"
    ok("memo", "add", path, "client pressé", "--document", 1)
    ok("memo", "add", path, "ambigu", "--coding", 1)
    ok("memo", "add", path, "inclut les avoirs", "--code", "Motifs/Facturation")
    assert len(json.loads(ok("memo", "list", path, "--json"))) == 4
    listing = ok("memo", "list", path, "--code", "billing")
    assert "code 2" in listing and "inclut les avoirs" in listing
    ok("memo", "edit", path, 2, "client très pressé")
    assert "client très pressé" in ok("memo", "list", path, "--document", 1)
    ok("memo", "delete", path, 2)
    assert ok("memo", "list", path, "--document", 1) == ""
    assert "say what the memo is about" in fails("memo", "add", path, "x")
    assert "give one of" in fails("memo", "add", path, "x", "--project", "--document", 1)
    assert "unknown memo 42" in fails("memo", "edit", path, 42, "x")
    assert "unknown memo 42" in fails("memo", "delete", path, 42)
    assert "unknown coding 42" in fails("memo", "add", path, "x", "--coding", 42)


def test_coders_command(path: Path) -> None:
    ok("coders", path, "--add", "claire", "--role", "reference")
    ok("coders", path, "--add", "dan")
    out = ok("coders", path)
    assert "claire" in out and "reference" in out and "dan" in out and "analyst" in out
    ok("coders", path, "--set-role", "dan", "--role", "trainee")
    assert {c["name"]: c["role"] for c in json.loads(ok("coders", path, "--json"))}["dan"] == "trainee"
    assert "already exists" in fails("coders", path, "--add", "dan")
    assert "needs --role" in fails("coders", path, "--set-role", "dan")
    assert "not both" in fails("coders", path, "--add", "x", "--set-role", "dan", "--role", "trainee")
    code, _, err = run("coders", path, "--add", "x", "--role", "boss")
    assert code == 2 and "Invalid value" in err  # a usage error is click's, exit 2


def test_agreement_and_score_commands(path: Path) -> None:
    for coder, codes in (("ref", ["billing", "billing", "refund"]), ("eve", ["billing", "refund", "refund"])):
        for document, code in enumerate(codes, start=1):
            ok("code", path, "--document", document, "--code", code, "--coder", coder)
    out = ok("agreement", path, "--coders", "ref,eve")
    assert "Agreement between ref, eve on 3 documents (document level)" in out
    assert "Motifs/Facturation" in out and "(all codes)" in out
    assert "Motifs/Facturation → Motifs/Remboursement" in out
    data = json.loads(ok("agreement", path, "--coders", "ref,eve", "--level", "character", "--json",
                         "--codes", "Motifs", "--documents", "1-3"))
    assert data["level"] == "character" and data["overall"]["n_units"] == 3 * 40 * 2
    assert data["confusion"][0]["count"] >= 1
    assert "unknown coder 'nobody'" in fails("agreement", path, "--coders", "ref,nobody")
    assert "at least 2 coders" in fails("agreement", path, "--coders", "ref")
    assert "not a list of document ids" in fails("agreement", path, "--coders", "ref,eve", "--documents", "a-b")
    score = ok("score", path, "--reference", "ref", "--trainee", "eve")
    assert "eve against ref on 3 documents" in score
    assert "Misses: 1" in score and "Appel 2: Motifs/Facturation (other coder: Motifs/Remboursement)" in score
    assert "Motifs/Remboursement → Motifs/Facturation" in score
    report = json.loads(ok("score", path, "--reference", "ref", "--trainee", "eve", "--json"))
    assert report["span"]["found"] == 2 and report["false_alarms"][0]["title"] == "Appel 2"
    assert "between 0 and 1" in fails("score", path, "--reference", "ref", "--trainee", "eve", "--min-overlap", "2")


def test_audit_command_filters_and_exports(path: Path, tmp_path: Path) -> None:
    ok("code", path, "--document", 1, "--code", "billing", "--coder", "alice")
    ok("code", path, "--document", 2, "--code", "billing", "--coder", "bob")
    ok("undo", path, "--coder", "bob")
    out = ok("audit", path)
    lines = out.splitlines()
    assert len(lines) == 5 and "bob          undid #4: coded the whole of document 2" in lines[0]
    assert "[undone]" in lines[1] and "added coder bob (analyst)" in lines[2]
    assert "coded the whole of document 1 with Motifs/Facturation" in lines[3]
    entries = json.loads(ok("audit", path, "--json", "--coder", "alice"))
    assert [e["action"] for e in entries] == ["apply_code", "add_coder"]
    assert json.loads(ok("audit", path, "--json", "--action", "undo"))[0]["coder"] == "bob"
    assert json.loads(ok("audit", path, "--json", "--since", "2000-01-01", "--until", "2000-12-31")) == []
    assert len(json.loads(ok("audit", path, "--json", "--limit", "2"))) == 2
    target = tmp_path / "audit.csv"
    assert "5 entries written" in ok("audit", path, "--csv", target)
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["action"] for r in rows] == ["undo", "apply_code", "add_coder", "apply_code", "add_coder"]
    assert rows[3]["coder"] == "alice" and rows[1]["status"] == "undone"

    assert "unknown coder 'zed'" in fails("audit", path, "--coder", "zed")
    assert "not a date" in fails("audit", path, "--since", "yesterday")


def test_default_coder_and_short_code_paths(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_CODER", "nadia")
    ok("code", path, "--document", 3, "--code", "billing")
    assert json.loads(ok("coders", path, "--json"))[0]["name"] == "nadia"
    assert _short("Formes de relation client–marque/Négatives/Inimitié") == "…/Négatives/Inimitié"
    assert _short("Motifs/Facturation") == "Motifs/Facturation"
    assert _short("x" * 60, 10) == "…" + "x" * 9
    assert _short(None) == "(none)"
