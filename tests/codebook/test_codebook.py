"""Codebook engine: create, rename, update, move, reorder, merge, delete, find; undo and redo of each."""

from __future__ import annotations

import uuid

import pytest

from workbench import codebook as cb
from workbench.errors import CodingError
from workbench.journal import redo, undo


def _snapshot(project) -> dict[str, list[tuple]]:
    """Every row a codebook action may touch, to compare before/after undo and redo exactly."""
    return {
        "codes": project.rows("SELECT * FROM codes ORDER BY id"),
        "codings": project.rows("SELECT * FROM codings ORDER BY id"),
        "memos": project.rows("SELECT * FROM memos ORDER BY id"),
        "members": project.rows("SELECT * FROM code_set_members ORDER BY id"),
    }


def _coding(project, code_id: int, document_id: int = 1, start: int = 0, end: int = 5, coder: int = 1) -> int:
    return project.scalar(
        "INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, 'manual') RETURNING id",
        [str(uuid.uuid4()), document_id, code_id, start, end, coder],
    )


def _paths(project) -> list[str]:
    return [node["path"] for node in cb.code_tree(project)]


@pytest.fixture
def tree(project):
    """Émotions/{Colère/{Rage}, Joie}, Motifs/{Prix}."""
    ids = {}
    ids["emo"] = cb.create_code(project, "Émotions", codable=False)
    ids["colere"] = cb.create_code(project, "Colère", ids["emo"], description="Irritation forte")
    ids["rage"] = cb.create_code(project, "Rage", ids["colere"])
    ids["joie"] = cb.create_code(project, "Joie", ids["emo"], color="#0a0")
    ids["motifs"] = cb.create_code(project, "Motifs", codable=False)
    ids["prix"] = cb.create_code(project, "Prix", ids["motifs"], indicators=["trop cher", "tarif"],
                                 examples=["C'est trop cher !"], key="price", scheme="contact_reasons")
    return ids


def test_create_and_tree(project, tree):
    assert _paths(project) == ["Émotions", "Émotions/Colère", "Émotions/Colère/Rage", "Émotions/Joie",
                               "Motifs", "Motifs/Prix"]
    nodes = {node["name"]: node for node in cb.code_tree(project)}
    assert nodes["Rage"]["depth"] == 2 and nodes["Émotions"]["depth"] == 0
    assert nodes["Joie"]["color"] == "#00AA00"  # #RGB expanded, upper case
    assert nodes["Prix"]["indicators"] == ["trop cher", "tarif"]
    assert nodes["Émotions"]["codable"] is False
    assert [nodes[n]["position"] for n in ("Colère", "Joie")] == [0, 1]
    code = cb.get_code(project, tree["prix"])
    assert code["path"] == "Motifs/Prix" and code["key"] == "price" and code["examples"] == ["C'est trop cher !"]
    assert cb.code_tree(project, tree["colere"])[1]["path"] == "Émotions/Colère/Rage"
    assert cb.descendants(project, tree["emo"]) == [tree["colere"], tree["rage"], tree["joie"]]
    assert cb.code_path(project, tree["rage"]) == "Émotions/Colère/Rage"


def test_palette_colours_are_distinct_among_siblings(project):
    parent = cb.create_code(project, "Groupe")
    kids = [cb.create_code(project, f"Code {i}", parent) for i in range(4)]
    colours = [cb.get_code(project, k)["color"] for k in kids]
    assert len(set(colours)) == 4 and all(c in cb.PALETTE for c in colours)
    assert cb.get_code(project, parent)["color"] not in colours[:1]


@pytest.mark.parametrize("name, message", [("", "empty"), ("   ", "empty"), ("a/b", "'/'")])
def test_bad_names_refused(project, name, message):
    with pytest.raises(CodingError, match=message):
        cb.create_code(project, name)


def test_sibling_names_unique_case_insensitive_accent_sensitive(project, tree):
    with pytest.raises(CodingError, match="already exists under 'Émotions'"):
        cb.create_code(project, "colère", tree["emo"])
    with pytest.raises(CodingError, match="at the top level"):
        cb.create_code(project, "MOTIFS")
    assert cb.create_code(project, "Colere", tree["emo"])  # other accents: another name
    assert cb.create_code(project, "Colère", tree["motifs"])  # same name under another parent
    with pytest.raises(CodingError, match="already exists"):
        cb.rename_code(project, tree["joie"], "COLÈRE")


@pytest.mark.parametrize("colour", ["red", "#12345", "#GGGGGG", "123456"])
def test_bad_colours_refused(project, colour):
    with pytest.raises(CodingError, match="#RRGGBB"):
        cb.create_code(project, "X", color=colour)


def test_key_unique_within_scheme_and_format(project, tree):
    with pytest.raises(CodingError, match="already used"):
        cb.create_code(project, "Tarif", key="price", scheme="contact_reasons")
    assert cb.create_code(project, "Tarif", key="price", scheme="other")
    with pytest.raises(CodingError, match="lower-case"):
        cb.create_code(project, "Y", key="Bad Key")


def test_update_and_rename_with_undo_redo(project, tree):
    before = _snapshot(project)
    cb.update_code(project, tree["colere"], description="Nouvelle définition", inclusion="Insultes",
                   indicators=["énervé"], attributes={"valence": -1}, translations={"en": {"name": "Anger"}})
    code = cb.get_code(project, tree["colere"])
    assert code["description"] == "Nouvelle définition" and code["attributes"] == {"valence": -1}
    assert code["translations"]["en"]["name"] == "Anger" and code["indicators"] == ["énervé"]
    after = _snapshot(project)
    undo(project)
    assert _snapshot(project) == before
    redo(project)
    assert _snapshot(project) == after
    cb.rename_code(project, tree["colere"], "  Colère   forte ")
    assert cb.code_path(project, tree["rage"]) == "Émotions/Colère forte/Rage"
    with pytest.raises(CodingError, match="unknown code field"):
        cb.update_code(project, tree["colere"], parent_id=None)
    with pytest.raises(CodingError, match="no code with id 999"):
        cb.rename_code(project, 999, "X")


def test_code_with_codings_stays_codable(project, tree):
    _coding(project, tree["rage"])
    with pytest.raises(CodingError, match="must stay codable"):
        cb.update_code(project, tree["rage"], codable=False)
    cb.update_code(project, tree["joie"], codable=False)
    assert cb.get_code(project, tree["joie"])["codable"] is False


def test_move_and_reorder_with_undo_redo(project, tree):
    before = _snapshot(project)
    cb.move_code(project, tree["colere"], tree["motifs"], position=0)
    assert _paths(project) == ["Émotions", "Émotions/Joie", "Motifs", "Motifs/Colère", "Motifs/Colère/Rage",
                               "Motifs/Prix"]
    assert cb.get_code(project, tree["joie"])["position"] == 0  # gap closed in the old parent
    moved = _snapshot(project)
    undo(project)
    assert _snapshot(project) == before
    redo(project)
    assert _snapshot(project) == moved
    cb.move_code(project, tree["rage"], None)
    assert _paths(project)[-1] == "Rage"
    cb.reorder_code(project, tree["rage"], 0)
    assert _paths(project)[0] == "Rage"
    assert [n["position"] for n in cb.code_tree(project) if n["depth"] == 0] == [0, 1, 2]
    with pytest.raises(CodingError, match="outside 0..2"):
        cb.reorder_code(project, tree["rage"], 5)


def test_move_refuses_cycles_and_name_clashes(project, tree):
    with pytest.raises(CodingError, match="inside itself"):
        cb.move_code(project, tree["emo"], tree["rage"])
    with pytest.raises(CodingError, match="inside itself"):
        cb.move_code(project, tree["emo"], tree["emo"])
    cb.create_code(project, "Prix", tree["emo"])
    with pytest.raises(CodingError, match="already exists"):
        cb.move_code(project, tree["prix"], tree["emo"])
    with pytest.raises(CodingError, match="no code with id 42"):
        cb.move_code(project, tree["prix"], 42)


def test_merge_moves_codings_children_and_memos_undo_redo(project, tree):
    target = cb.create_code(project, "Irritation", tree["emo"])
    cb.create_code(project, "Rage", target)  # same-named child: merged recursively
    c1 = _coding(project, tree["colere"], 1, 0, 5)
    _coding(project, tree["colere"], 2, 3, 9)
    _coding(project, target, 1, 0, 5)  # twin of c1: c1 is dropped, not duplicated
    _coding(project, tree["rage"], 3, 0, 4)
    project.execute("INSERT INTO memos (target_kind, target_id, coder_id, text) VALUES ('code', ?, 1, 'note')",
                    [tree["colere"]])
    project.execute("INSERT INTO memos (target_kind, target_id, coder_id, text) VALUES ('coding', ?, 1, 'n2')", [c1])
    before = _snapshot(project)
    result = cb.merge_codes(project, tree["colere"], target)
    assert result == {"codings": 3, "duplicates": 1, "target_codings": 2}
    assert _paths(project) == ["Émotions", "Émotions/Joie", "Émotions/Irritation", "Émotions/Irritation/Rage",
                               "Motifs", "Motifs/Prix"]
    assert project.scalar("SELECT count(*) FROM codings WHERE code_id = ?", [target]) == 2
    rage = cb.find_code(project, "Émotions/Irritation/Rage")
    assert project.scalar("SELECT count(*) FROM codings WHERE code_id = ?", [rage]) == 1
    assert project.scalar("SELECT target_id FROM memos WHERE target_kind = 'code'") == target
    assert project.scalar("SELECT target_id FROM memos WHERE target_kind = 'coding'") != c1
    assert [n["position"] for n in cb.code_tree(project) if n["parent_id"] == tree["emo"]] == [0, 1]
    merged = _snapshot(project)
    undo(project)
    assert _snapshot(project) == before
    redo(project)
    assert _snapshot(project) == merged


def test_merge_refusals(project, tree):
    with pytest.raises(CodingError, match="into itself"):
        cb.merge_codes(project, tree["rage"], tree["rage"])
    with pytest.raises(CodingError, match="own sub-code"):
        cb.merge_codes(project, tree["colere"], tree["rage"])
    _coding(project, tree["joie"])
    with pytest.raises(CodingError, match="grouping code"):
        cb.merge_codes(project, tree["joie"], tree["motifs"])


def test_delete_with_codings_undo_redo(project, tree):
    _coding(project, tree["rage"], 1)
    keep = _coding(project, tree["joie"], 1)
    gone = _coding(project, tree["colere"], 2)
    project.execute("INSERT INTO memos (target_kind, target_id, coder_id, text) VALUES ('coding', ?, 1, 'x')", [gone])
    project.execute("INSERT INTO code_sets (guid, name) VALUES (?, 'S')", [str(uuid.uuid4())])
    project.execute("INSERT INTO code_set_members (set_id, code_id) VALUES (1, ?)", [tree["rage"]])
    before = _snapshot(project)
    with pytest.raises(CodingError, match="1 sub-code"):
        cb.delete_code(project, tree["colere"])
    assert _snapshot(project) == before
    assert cb.delete_code(project, tree["colere"], recursive=True) == {"codes": 2, "codings": 2}
    assert _paths(project) == ["Émotions", "Émotions/Joie", "Motifs", "Motifs/Prix"]
    assert project.rows("SELECT id FROM codings") == [(keep,)]
    assert project.scalar("SELECT count(*) FROM memos") == 0
    assert project.scalar("SELECT count(*) FROM code_set_members") == 0
    assert cb.get_code(project, tree["joie"])["position"] == 0
    deleted = _snapshot(project)
    undo(project)
    assert _snapshot(project) == before
    redo(project)
    assert _snapshot(project) == deleted
    assert project.scalar("SELECT count(*) FROM journal WHERE action = 'delete_code'") == 1


def test_find_code(project, tree):
    assert cb.find_code(project, "Émotions/Colère/Rage") == tree["rage"]
    assert cb.find_code(project, "émotions/COLÈRE") == tree["colere"]
    assert cb.find_code(project, "/Motifs/Prix/") == tree["prix"]
    assert cb.find_code(project, "contact_reasons:price") == tree["prix"]
    assert cb.find_code(project, "price") == tree["prix"]
    assert cb.find_code(project, "price", scheme="contact_reasons") == tree["prix"]
    assert cb.find_code(project, tree["joie"]) == tree["joie"]
    with pytest.raises(CodingError, match="did you mean: .*Émotions/Colère"):
        cb.find_code(project, "Emotions/Colere")
    with pytest.raises(CodingError, match="no code 'Tarifs'"):
        cb.find_code(project, "Tarifs")
    cb.create_code(project, "Prix bis", key="price", scheme="other")
    cb.create_code(project, "Prix ter", key="price")
    with pytest.raises(CodingError, match=r"several schemes.*contact_reasons:price, other:price, price \(no scheme\)"):
        cb.find_code(project, "price")
    with pytest.raises(CodingError, match="no code given"):
        cb.find_code(project, " / ")


def test_find_code_in_empty_project(project):
    with pytest.raises(CodingError, match="no codes yet"):
        cb.find_code(project, "Prix")


def test_counts_in_tree(project, tree):
    _coding(project, tree["rage"], 1)
    _coding(project, tree["rage"], 1, 6, 9)
    _coding(project, tree["rage"], 2)
    node = next(n for n in cb.code_tree(project, counts=True) if n["id"] == tree["rage"])
    assert (node["n_codings"], node["n_documents"]) == (3, 2)


def test_guid_kept_without_braces(project):
    guid = "{0A1B2C3D-0000-4000-8000-00000000ABCD}"
    code = cb.create_code(project, "Importé", guid=guid)
    assert cb.get_code(project, code)["guid"] == "0a1b2c3d-0000-4000-8000-00000000abcd"
    with pytest.raises(CodingError, match="already exists"):
        cb.create_code(project, "Autre", guid=guid)
    with pytest.raises(CodingError, match="not a GUID"):
        cb.create_code(project, "Encore", guid="1234")
