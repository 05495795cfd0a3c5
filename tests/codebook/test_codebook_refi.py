"""REFI-QDA codebooks (.qdc): export valid against the official schema, lossless round trip, imports from
other tools' habits, and hostile files refused."""

from __future__ import annotations

import uuid

import pytest
from conftest import DATA
from lxml import etree
from test_codebook_yaml import SMALL, comparable_tree

from workbench import codebook as cb
from workbench import codebook_refi as refi
from workbench import codebook_yaml as cy
from workbench.errors import CodingError, IngestError
from workbench.journal import undo
from workbench.project import Project

CODEBOOKS = DATA / "codebooks"
NS = {"q": refi.CODEBOOK_NS}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "refi" / "Codebook.xsd")))


def _validate(schema: etree.XMLSchema, path) -> etree._ElementTree:
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    return document


@pytest.fixture
def coded(project):
    """Two schemes, a hand-made tree with accents, and a code set."""
    cy.load_scheme(project, "relationship_forms")
    cy.load_scheme(project, SMALL)
    mine = cb.create_code(project, "Réclamations « urgentes »", description="Définition avec accents : é è à ç œ",
                          color="#123abc", inclusion="Ton pressant", indicators=["urgent", "immédiatement"])
    cb.create_code(project, "Sous-niveau été", mine, codable=False)
    project.execute("INSERT INTO code_sets (guid, name, description) VALUES (?, 'Sélection', 'Pour la formation')",
                    [str(uuid.uuid4())])
    for code_id in (mine, cb.find_code(project, "enmity")):
        project.execute("INSERT INTO code_set_members (set_id, code_id) VALUES (1, ?)", [code_id])
    return project


def test_export_validates_against_codebook_xsd(coded, tmp_path, schema):
    path = refi.export_qdc(coded, tmp_path / "all.qdc")
    document = _validate(schema, path)
    codes = document.findall(".//q:Code", NS)
    assert len(codes) == len(cb.code_tree(coded))
    names = {code.get("name") for code in codes}
    assert {"Réclamations « urgentes »", "Partenariat engagé", "Très content"} <= names
    top = document.findall("q:Codes/q:Code", NS)
    assert [code.get("name") for code in top] == [node["name"] for node in cb.code_tree(coded) if node["depth"] == 0]
    forms = next(code for code in top if code.get("name") == "Formes de relation client–marque")
    assert forms.get("isCodable") == "false" and forms.get("guid") == cy.derived_guid("relationship_forms")
    members = document.findall("q:Sets/q:Set/q:MemberCode", NS)
    assert len(members) == 2
    assert document.getroot().get("origin").startswith("Verbatim Workbench")


def test_export_of_one_scheme_and_plain_descriptions(coded, tmp_path, schema):
    root = cb.find_code(coded, "relationship_forms")
    path = refi.export_qdc(coded, tmp_path / "forms.qdc", root, metadata=False)
    document = _validate(schema, path)
    assert len(document.findall(".//q:Code", NS)) == 24
    assert refi.MARKER not in path.read_text(encoding="utf-8")
    assert len(document.findall("q:Sets/q:Set/q:MemberCode", NS)) == 1  # only the member inside the export
    assert document.findall("q:Codes/q:Code", NS)[0].get("name") == "Formes de relation client–marque"


def test_round_trip_through_qdc_loses_nothing(coded, tmp_path):
    path = refi.export_qdc(coded, tmp_path / "all.qdc")
    with Project.create(tmp_path / "copy.vwb") as copy:
        roots = refi.import_qdc(copy, path)
        assert comparable_tree(copy) == comparable_tree(coded)
        assert len(roots) == 3
        sets = refi.code_sets(copy)
        assert [(s["name"], s["description"]) for s in sets] == [("Sélection", "Pour la formation")]
        assert {cb.code_path(copy, c) for c in sets[0]["code_ids"]} == {
            "Réclamations « urgentes »", "Formes de relation client–marque/Négatives/Inimitié"}
        assert cb.find_code(copy, "relationship_forms:enmity")  # keys came back from the Description block


def test_import_twice_is_refused_and_changes_nothing(coded, tmp_path):
    path = refi.export_qdc(coded, tmp_path / "all.qdc")
    before = comparable_tree(coded)
    with pytest.raises(IngestError, match="all.qdc.*already exists"):
        refi.import_qdc(coded, path)
    assert comparable_tree(coded) == before


def test_import_other_tool_conventions(project):
    roots = refi.import_qdc(project, CODEBOOKS / "other_tool.qdc")
    nodes = {node["path"]: node for node in cb.code_tree(project)}
    assert list(nodes) == ["Réclamations", "Réclamations/Délai de livraison", "Réclamations/Prix-tarif",
                           "Réclamations/Accueil", "Réclamations/accueil (2)", "Éloges"]
    group = nodes["Réclamations"]
    assert group["id"] == roots[0] and group["codable"] is False and group["color"] == "#CC0000"
    assert group["guid"] == "a1b2c3d4-0001-4000-8000-000000000001"  # braces gone, lower case
    assert nodes["Réclamations/Délai de livraison"]["description"] == \
        "Retard ou absence de livraison ; « colis perdu » compris."
    assert nodes["Réclamations/accueil (2)"]["codable"] is False and nodes["Réclamations/Accueil"]["codable"] is True
    assert nodes["Éloges"]["color"] in cb.PALETTE  # unreadable colour replaced by the palette
    (code_set,) = refi.code_sets(project)
    assert code_set["name"] == "À relire" and code_set["guid"] == "b1b2c3d4-0001-4000-8000-000000000001"
    assert [cb.code_path(project, c) for c in code_set["code_ids"]] == ["Réclamations/Délai de livraison", "Éloges"]
    undo(project)
    assert cb.code_tree(project) == [] and refi.code_sets(project) == []


def test_import_under_a_parent(project):
    parent = cb.create_code(project, "Importés", codable=False)
    refi.import_qdc(project, CODEBOOKS / "other_tool.qdc", parent_id=parent)
    assert cb.find_code(project, "Importés/Éloges")


@pytest.mark.parametrize("name, message", [
    ("dtd_only.qdc", "refused: the file declares a DTD"),  # entity attacks: tests/hostile/test_entity_attacks.py
])
def test_hostile_files_are_refused(project, name, message):
    with pytest.raises(IngestError, match=message) as info:
        refi.import_qdc(project, CODEBOOKS / name)
    assert name in str(info.value)
    assert cb.code_tree(project) == []


@pytest.mark.parametrize("text, message", [
    ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes><Code guid='x' name='A' isCodable='true'/></Codes>",
     "not well-formed"),
    ("<Project xmlns='urn:QDA-XML:project:1.0'/>", "root element is <Project>"),
    ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'/>", "no <Codes>"),
    ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes/></CodeBook>", "has no codes"),
    (("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes><Code guid='12' name='A' isCodable='true'/></Codes>"
      "</CodeBook>"), "not a GUID"),
    ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes><Code name='A' isCodable='true'/></Codes></CodeBook>",
     "no guid"),
    (("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes><Code guid='a1b2c3d4-0001-4000-8000-000000000009' "
      "name='A' isCodable='maybe'/></Codes></CodeBook>"), "neither true nor false"),
])
def test_broken_codebooks_are_refused_clearly(project, tmp_path, text, message):
    path = tmp_path / "broken.qdc"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IngestError, match=message) as info:
        refi.import_qdc(project, path)
    assert "broken.qdc" in str(info.value)


def test_missing_file(project, tmp_path):
    with pytest.raises(IngestError, match="cannot read"):
        refi.import_qdc(project, tmp_path / "absent.qdc")


def test_codebook_without_namespace_is_read(project, tmp_path):
    path = tmp_path / "plain.qdc"
    path.write_text("<CodeBook><Codes><Code guid='a1b2c3d4-0001-4000-8000-00000000000a' name='Sans espace' "
                    "isCodable='true'><Description>Texte</Description></Code></Codes></CodeBook>", encoding="utf-8")
    refi.import_qdc(project, path)
    assert cb.get_code(project, cb.find_code(project, "Sans espace"))["description"] == "Texte"


def test_description_block_parsing():
    plain = refi.parse_description("Juste une définition.")
    assert plain == {"description": "Juste une définition."}
    broken = refi.parse_description(f"Déf.\n\n{refi.MARKER}\n: [unbalanced")
    assert broken["description"].startswith("Déf.") and refi.MARKER in broken["description"]
    text = refi.description_text({"description": "Déf.", "key": "k", "examples": ["é"], "attributes": {"v": 1}})
    back = refi.parse_description(text)
    assert (back["description"], back["key"], back["examples"], back["attributes"]) == ("Déf.", "k", ["é"], {"v": 1})
    assert refi.description_text({"description": None}) is None


def test_codes_helpers_work_in_another_namespace(coded):
    """The project exchange reuses these with urn:QDA-XML:project:1.0 and note references."""
    ns = "urn:QDA-XML:project:1.0"
    root = etree.Element(f"{{{ns}}}CodeBook", nsmap={None: ns})
    fling = cb.find_code(coded, "fling")
    note = str(uuid.uuid4())
    refi.codes_to_xml(root, coded, ns, note_refs={fling: [note]})
    refi.sets_to_xml(root, coded, ns, member_attribute="targetGUID")
    codes = refi.codes_from_xml(root.find(f"{{{ns}}}Codes"), ns)
    flat = {}

    def walk(items):
        for item in items:
            flat[item["name"]] = item
            walk(item["children"])

    walk(codes)
    assert flat["Aventure"]["note_refs"] == [note] and flat["Aventure"]["key"] == "fling"
    assert flat["Aventure"]["attributes"]["valence"] == 0.7
    sets = refi.sets_from_xml(root.find(f"{{{ns}}}Sets"), ns, member_attribute="targetGUID")
    assert len(sets[0]["members"]) == 2


def test_export_refusals(project, tmp_path):
    with pytest.raises(CodingError, match="no codes to export"):
        refi.export_qdc(project, tmp_path / "empty.qdc")
    cb.create_code(project, "A")
    with pytest.raises(Exception, match="folder .* does not exist"):
        refi.export_qdc(project, tmp_path / "no" / "such" / "dir.qdc")
