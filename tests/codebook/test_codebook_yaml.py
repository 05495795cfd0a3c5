"""YAML coding schemes: loading into a project, saving back, and the errors a user gets for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from workbench import codebook as cb
from workbench import codebook_yaml as cy
from workbench.errors import CodingError, IngestError, WorkbenchError
from workbench.journal import redo, undo
from workbench.project import Project

SMALL = DATA / "codebooks" / "small_scheme.yaml"
COMPARED = ("path", "depth", "position", "key", "guid", "name", "color", "description", "inclusion", "exclusion",
            "indicators", "examples", "translations", "attributes", "scheme", "codable")


def comparable_tree(project: Project) -> list[dict]:
    """The tree without database ids, which differ from one project to the next."""
    return [{field: node[field] for field in COMPARED} for node in cb.code_tree(project)]


def test_load_puts_project_language_in_columns_and_other_in_translations(project):
    root = cy.load_scheme(project, SMALL)
    nodes = {node["key"]: node for node in cb.code_tree(project)}
    assert nodes["satisfaction"]["id"] == root and nodes["satisfaction"]["codable"] is False
    assert nodes["satisfaction"]["scheme"] == "satisfaction"
    assert nodes["satisfaction"]["attributes"] == {"source": "Écrit pour les tests de Verbatim Workbench",
                                                   "licence": "MIT", "version": 2}
    pleased = nodes["very_pleased"]
    assert pleased["path"] == "Satisfaction exprimée/Positif/Très content"
    assert pleased["description"] == "Enthousiasme net." and pleased["indicators"] == ["génial", "parfait", "ravi"]
    assert pleased["translations"]["en"]["name"] == "Very pleased"
    assert pleased["translations"]["en"]["examples"][1] == "Perfect, nothing to add."
    assert pleased["attributes"] == {"valence": 1, "intensity": 0.9} and pleased["color"] == "#117733"
    assert nodes["negative"]["description"] == "Avis défavorables (texte non traduit)."
    assert "description" not in nodes["negative"]["translations"].get("en", {})
    assert pleased["guid"] == cy.derived_guid("satisfaction", "very_pleased")
    assert cb.find_code(project, "satisfaction:very_pleased") == pleased["id"]


def test_load_in_english_project(tmp_path):
    with Project.create(tmp_path / "en.vwb", language="en") as english:
        cy.load_scheme(english, SMALL)
        paths = [node["path"] for node in cb.code_tree(english)]
        assert "Expressed satisfaction/Positive/Very pleased" in paths
        node = cb.get_code(english, cb.find_code(english, "very_pleased"))
        assert node["translations"]["fr"]["name"] == "Très content"


def test_load_is_one_undoable_action_and_refused_twice(project):
    cy.load_scheme(project, SMALL)
    loaded = comparable_tree(project)
    assert len(loaded) == 4
    with pytest.raises(CodingError, match="already in this project as 'Satisfaction exprimée'"):
        cy.load_scheme(project, SMALL)
    undo(project)
    assert cb.code_tree(project) == []
    redo(project)
    assert comparable_tree(project) == loaded


def test_round_trip_load_save_load(project, tmp_path):
    root = cy.load_scheme(project, SMALL)
    saved = cy.save_scheme(project, root, tmp_path / "out.yaml")
    assert "Très content" in saved.read_text(encoding="utf-8")  # accents written as they are
    with Project.create(tmp_path / "other.vwb") as other:
        cy.load_scheme(other, saved)
        assert comparable_tree(other) == comparable_tree(project)


def test_save_a_hand_made_codebook(project, tmp_path):
    group = cb.create_code(project, "Motifs d'appel", codable=False)
    cb.create_code(project, "Retard", group, description="Colis en retard", examples=["Toujours rien reçu"])
    saved = cy.save_scheme(project, group, tmp_path / "mine.yaml")
    scheme = cy.read_scheme(saved)
    assert scheme["key"] == "motifs_d_appel"
    assert scheme["codes"][0]["examples"] == {"fr": ["Toujours rien reçu"]}
    with Project.create(tmp_path / "copy.vwb") as copy:
        cy.load_scheme(copy, saved)
        assert [n["path"] for n in cb.code_tree(copy)] == ["Motifs d'appel", "Motifs d'appel/Retard"]
        assert cb.code_tree(copy)[1]["guid"] == cb.code_tree(project)[1]["guid"]


def test_save_refuses_a_code_without_sub_codes(project, tmp_path):
    lone = cb.create_code(project, "Seul")
    with pytest.raises(CodingError, match="no sub-codes"):
        cy.save_scheme(project, lone, tmp_path / "x.yaml")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scheme.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, message", [
    ("key: s\nname: S\ncodes:\n  - name: A\n    defintion: typo\n", "unknown field.*defintion"),
    ("key: s\nname: S\ncodes:\n  - {key: a, name: A}\n  - {key: a, name: B}\n", "key 'a' is used twice"),
    ("key: s\nname: S\ncodes:\n  - {key: a}\n", "needs a name"),
    ("key: s\nname: S\ncodes:\n  - {name: A, color: rouge}\n", "#RRGGBB"),
    ("key: s\nname: S\ncodes:\n  - {name: A, codable: oui}\n", "true or false"),
    ("key: s\nname: S\ncodes:\n  - {name: A, examples: {de: [x]}}\n", "'examples' must be"),
    ("key: s\nname: S\ncodes:\n  - {name: A, other_names: Autre}\n", "'other_names' must be a list"),
    ("key: s\nname: S\ncodes:\n  - {name: A, name: {fr: 1}}\n", "'name' must be"),
    ("key: S S\nname: S\ncodes: [{name: A}]\n", "needs a 'key'"),
    ("key: s\nname: S\ncodes: []\n", "non-empty list"),
    ("key: s\nname: S\nauthor: me\ncodes: [{name: A}]\n", "unknown scheme field.*author"),
    ("key: s\nformat: 9\nname: S\ncodes: [{name: A}]\n", "format 9"),
    ("- just\n- a list\n", "is a mapping"),
])
def test_bad_scheme_files_are_refused_clearly(tmp_path, text, message):
    with pytest.raises(IngestError, match=message) as info:
        cy.read_scheme(_write(tmp_path, text))
    assert "scheme.yaml" in str(info.value)


def test_yaml_aliases_are_refused(tmp_path):
    bomb = "key: s\nname: S\ncodes:\n  - &a {name: A}\n  - {name: B, children: [*a, *a]}\n"
    with pytest.raises(IngestError, match="aliases") as info:
        cy.read_scheme(_write(tmp_path, bomb))
    assert info.value.line == 5


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = _write(tmp_path, "key: s\nname: S\ncodes:\n  - name: [unclosed\n")
    with pytest.raises(IngestError, match="invalid YAML") as info:
        cy.read_scheme(path)
    assert info.value.line is not None


def test_unreadable_and_unknown_schemes(tmp_path, project):
    with pytest.raises(WorkbenchError, match="no shipped scheme of that name.*relationship_forms"):
        cy.load_scheme(project, "no_such_scheme")
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("key: s\nname: Émotions\ncodes: [{name: A}]\n".encode("latin-1"))
    with pytest.raises(IngestError, match="not UTF-8"):
        cy.read_scheme(latin1)


def test_load_in_unknown_language_refused(project):
    with pytest.raises(WorkbenchError, match="language 'de'"):
        cy.load_scheme(project, SMALL, language="de")


def test_scheme_root_name_clash_rolls_back(project):
    cb.create_code(project, "Satisfaction exprimée")
    with pytest.raises(CodingError, match="already exists"):
        cy.load_scheme(project, SMALL)
    assert len(cb.code_tree(project)) == 1
    assert project.scalar("SELECT count(*) FROM journal WHERE action = 'load_scheme'") == 0


def test_schemes_dir_of_an_installed_wheel(tmp_path, monkeypatch):
    """Installed from a wheel, the schemes are under <prefix>/share/verbatim-workbench/coding_schemes."""
    import sys

    import workbench

    monkeypatch.setattr(workbench, "__file__", str(tmp_path / "site-packages" / "workbench" / "__init__.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    with pytest.raises(WorkbenchError, match="shipped coding schemes not found"):
        cy.schemes_dir()
    share = tmp_path / "prefix" / "share" / "verbatim-workbench" / "coding_schemes"
    share.mkdir(parents=True)
    assert cy.schemes_dir() == share


def _codable(codes: list[dict]) -> list[dict]:
    return [found for code in codes for found in ([code] if code["codable"] else []) + _codable(code["children"])]


@pytest.mark.parametrize("scheme", ["contact_reasons", "relationship_forms"])
def test_shipped_codes_give_several_examples_in_both_languages(scheme):
    """A code created by name reads its shipped code's examples in suggestions, where a few more examples
    per code raised top-1 by 3 to 4 points (docs/BENCHMARKS.md): each codable code gives six at least, and
    as many in English as in French, so that an English project reads the same examples translated."""
    codes = _codable(cy.read_scheme(cy.schemes_dir() / f"{scheme}.yaml")["codes"])
    assert codes
    for code in codes:
        assert len(code["examples"]["fr"]) >= 6, code["key"]
        assert len(code["examples"]["en"]) == len(code["examples"]["fr"]), code["key"]
        assert len(set(code["examples"]["fr"])) == len(code["examples"]["fr"]), code["key"]
