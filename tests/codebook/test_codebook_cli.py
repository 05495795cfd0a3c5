"""`workbench codebook …` as a user runs it: output, JSON, files, undo, and exit code 1 with one line on
stderr for every user error."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from cli_helpers import fails, ok
from conftest import DATA
from lxml import etree

from workbench import codebook as cb
from workbench.project import Project


@pytest.fixture
def path(tmp_path: Path) -> Path:
    project = tmp_path / "p.vwb"
    Project.create(project).close()
    return project


def paths(project: Path) -> list[str]:
    with Project.open(project, read_only=True) as opened:
        return [node["path"] for node in cb.code_tree(opened)]


def test_list_shipped_schemes():
    out = ok("codebook", "list")
    assert "relationship_forms" in out and "Motifs de contact / Contact reasons" in out
    listed = json.loads(ok("codebook", "list", "--json"))
    assert {item["key"] for item in listed} >= {"emotions", "experience", "relational_markers"}


def test_load_list_and_undo(path):
    out = ok("codebook", "load", path, "relationship_forms", "--coder", "alice")
    assert "loaded « Formes de relation client–marque »: 23 codes" in out  # as `codebook list` counts it
    assert "relationship_forms    23 codes" in ok("codebook", "list")
    tree = ok("codebook", "list", path)
    assert "Partenariat engagé  [relationship_forms:committed_partnership]  0 codings / 0 docs" in tree
    nodes = json.loads(ok("codebook", "list", path, "--json"))
    assert nodes[0]["codable"] is False and nodes[1]["depth"] == 1
    fling = next(node for node in nodes if node["key"] == "fling")
    assert fling["attributes"]["valence"] == 0.7 and fling["translations"]["en"]["name"] == "Fling"
    with Project.open(path, read_only=True) as opened:
        who = opened.scalar("SELECT c.name FROM journal j JOIN coders c ON c.id = j.coder_id "
                            "WHERE j.action = 'load_scheme'")
    assert who == "alice"
    err = fails("codebook", "load", path, "relationship_forms", "--coder", "alice")
    assert "already in this project" in err
    ok("undo", path)
    assert paths(path) == []


def test_load_yaml_file_and_qdc(path):
    ok("codebook", "load", path, DATA / "codebooks" / "small_scheme.yaml", "--language", "en")
    out = ok("codebook", "load", path, DATA / "codebooks" / "other_tool.qdc", "--json")
    assert [item["path"] for item in json.loads(out)] == ["Réclamations", "Éloges"]
    assert "Expressed satisfaction/Positive/Very pleased" in paths(path)
    assert "no shipped scheme of that name" in fails("codebook", "load", path, "nonexistent")


def test_add_says_which_shipped_definition_a_bare_name_borrows(path):
    assert json.loads(ok("codebook", "add", path, "Client captif", "--json"))["borrows"] == {
        "scheme": "Formes de relation client–marque", "code": "Asservissement"}
    for own in (("Mon code à moi",), ("Livraison", "--description", "Colis en retard"), ("Remboursement", "--group")):
        assert json.loads(ok("codebook", "add", path, *own, "--json"))["borrows"] is None, own
    # read beside its siblings: under relationship forms, "Détracteur" is no NPS code
    ok("codebook", "add", path, "Formes", "--group")
    for form in ("Inimitié", "Ex-amis"):
        ok("codebook", "add", path, form, "--parent", "Formes")
    assert json.loads(ok("codebook", "add", path, "Détracteur", "--json"))["borrows"] == {
        "scheme": "Expérience client", "code": "Détracteur"}
    assert json.loads(ok("codebook", "add", path, "Détracteur", "--parent", "Formes", "--json"))["borrows"] is None
    # with no sibling to decide, the parent's name does: under contact reasons "Menace de départ" is a cancellation
    ok("codebook", "add", path, "Motifs d'appel", "--group")
    assert json.loads(ok("codebook", "add", path, "Menace de départ", "--parent", "Motifs d'appel", "--json"))[
        "borrows"] == {"scheme": "Motifs de contact", "code": "Résiliation"}


def test_add_rename_move_reorder(path):
    group = json.loads(ok("codebook", "add", path, "Motifs", "--group", "--json"))
    assert group["path"] == "Motifs"
    assert "created code" in ok("codebook", "add", path, "Retard", "--parent", "Motifs", "--color", "#AABBCC",
                                "--description", "Livraison en retard")
    assert ok("codebook", "add", path, "Prix", "--parent", "motifs").splitlines()[1] == (
        "suggestions read the shipped definition of 'Prix' (Motifs de contact) until this code has a definition, "
        "indicators or examples of its own")
    with Project.open(path, read_only=True) as opened:
        code = cb.get_code(opened, cb.find_code(opened, "Motifs/Retard"))
    assert (code["color"], code["description"], code["codable"]) == ("#AABBCC", "Livraison en retard", True)
    assert "renamed to Motifs/Délai" in ok("codebook", "rename", path, "Motifs/Retard", "Délai")
    assert "moved to Motifs/Prix" in ok("codebook", "move", path, "Motifs/Prix", "--position", "0")
    assert paths(path) == ["Motifs", "Motifs/Prix", "Motifs/Délai"]
    assert "moved to Délai" in ok("codebook", "move", path, "Motifs/Délai", "--top")
    ok("codebook", "move", path, "Délai", "--parent", "Motifs", "--position", "1")
    assert paths(path) == ["Motifs", "Motifs/Prix", "Motifs/Délai"]
    ok("undo", path)
    assert paths(path) == ["Motifs", "Motifs/Prix", "Délai"]


@pytest.mark.parametrize("args, message", [
    (("add", "{p}", "a/b"), "cannot contain '/'"),
    (("add", "{p}", "X", "--color", "rouge"), "#RRGGBB"),
    (("add", "{p}", "X", "--parent", "Motfs"), "did you mean: Motifs"),
    (("add", "{p}", "motifs"), "already exists at the top level"),
    (("move", "{p}", "Motifs"), "say where to"),
    (("move", "{p}", "Motifs", "--top", "--parent", "Motifs"), "not both"),
    (("move", "{p}", "Motifs", "--parent", "Motifs/Retard"), "inside itself"),
    (("merge", "{p}", "Motifs", "Motifs/Retard"), "own sub-code"),
    (("delete", "{p}", "Motifs"), "--recursive"),
    (("rename", "{p}", "Nothing", "X"), "no code 'Nothing'"),
    (("export", "{p}", "{d}/out.txt"), "choose a .yaml or .qdc"),
])
def test_user_errors_are_one_line(path, args, message):
    ok("codebook", "add", path, "Motifs", "--group")
    ok("codebook", "add", path, "Retard", "--parent", "Motifs")
    err = fails("codebook", *(a.format(p=path, d=path.parent) for a in args))
    assert message in err


def test_merge_and_delete_with_undo(path):
    ok("codebook", "add", path, "Motifs", "--group")
    ok("codebook", "add", path, "Retard", "--parent", "Motifs")
    ok("codebook", "add", path, "Délai", "--parent", "Motifs")
    with Project.open(path) as opened:
        for code, start in (("Motifs/Retard", 0), ("Motifs/Retard", 5), ("Motifs/Délai", 0), ("Motifs/Délai", 9)):
            opened.execute("INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
                           "VALUES (?, 1, ?, ?, ?, 1, 'manual')",
                           [str(uuid.uuid4()), cb.find_code(opened, code), start, start + 4])
    out = ok("codebook", "merge", path, "Motifs/Retard", "Motifs/Délai")
    assert "1 codings moved (1 identical to existing ones dropped); it now has 3" in out
    assert paths(path) == ["Motifs", "Motifs/Délai"]
    ok("undo", path)
    assert paths(path) == ["Motifs", "Motifs/Retard", "Motifs/Délai"]
    out = ok("codebook", "delete", path, "Motifs", "--recursive")
    assert "3 code(s), 4 coding(s)" in out
    ok("undo", path)
    with Project.open(path, read_only=True) as opened:
        assert opened.scalar("SELECT count(*) FROM codings") == 4
    ok("codebook", "delete", path, "Motifs/Délai")
    assert paths(path) == ["Motifs", "Motifs/Retard"]


def test_export_yaml_and_qdc(path, tmp_path):
    ok("codebook", "load", path, "emotions")
    ok("codebook", "load", path, "contact_reasons")
    assert "--scheme" in fails("codebook", "export", path, tmp_path / "x.yaml")
    out = ok("codebook", "export", path, tmp_path / "emotions.yaml", "--scheme", "emotions")
    assert "wrote 33 codes" in out
    assert "Colère" in (tmp_path / "emotions.yaml").read_text(encoding="utf-8")
    ok("codebook", "export", path, tmp_path / "all.qdc")
    ok("codebook", "export", path, tmp_path / "reasons.qdc", "--scheme", "Motifs de contact", "--plain")
    schema = etree.XMLSchema(etree.parse(str(DATA / "refi" / "Codebook.xsd")))
    for name, count in (("all.qdc", 33 + 15), ("reasons.qdc", 15)):
        document = etree.parse(str(tmp_path / name))
        assert schema.validate(document), schema.error_log
        assert len(document.findall(".//{urn:QDA-XML:codebook:1.0}Code")) == count
    single = tmp_path / "single.vwb"
    Project.create(single).close()
    ok("codebook", "load", single, tmp_path / "emotions.yaml")
    assert "wrote 33 codes" in ok("codebook", "export", single, tmp_path / "again.yaml")
