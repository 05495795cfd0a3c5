"""REFI-QDA export: a .qdpx other QDA tools can open, valid against the official Project.xsd."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import DATA
from lxml import etree
from refi_helpers import TEXTS

from workbench.errors import ExportError
from workbench.export.refi import export_qdpx, user_guid
from workbench.project import Project
from workbench.store.memos import add_memo

pytest_plugins = ["refi_fixtures"]  # the `rich` and `rich_file` fixtures
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "refi" / "Project.xsd")))


def _open(path: Path) -> tuple[etree._Element, dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return etree.fromstring(files.pop("project.qde")), files


def _notes(root: etree._Element, files: dict[str, bytes]) -> dict[str, str]:
    """Note GUID -> its text, read from the archive member its plainTextPath names (as QualCoder does)."""
    found = {}
    for note in root.findall("q:Notes/q:Note", NS):
        assert note.find("q:PlainTextContent", NS) is None  # the schema allows one of the two, not both
        member = "sources/" + note.get("plainTextPath").removeprefix("internal://")
        found[note.get("guid")] = files[member].decode("utf-8")
    return found


def test_export_is_valid_and_holds_every_part(rich, tmp_path, schema):
    project, _ = rich
    summary = export_qdpx(project, tmp_path / "out.qdpx")
    root, files = _open(tmp_path / "out.qdpx")
    schema.assertValid(root)
    assert summary == {"path": str(tmp_path / "out.qdpx"), "documents": 3, "codes": 6, "codings": 6, "memos": 4,
                       "users": 2, "variables": 5}
    assert root.get("name") == "test" and root.get("origin").startswith("Verbatim Workbench")
    assert [user.get("name") for user in root.findall("q:Users/q:User", NS)] == ["alice", "bob"]
    assert root.findall("q:Users/q:User", NS)[0].get("guid") == user_guid("alice")
    top = root.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert [(code.get("name"), code.get("isCodable"), code.get("color")) for code in top] == [
        ("Émotions", "false", "#332288"), ("Motifs", "true", "#DDCC77")]
    assert top[0].findtext("q:Description", namespaces=NS) == "Ce que ressent le client."
    assert [code.get("name") for code in top[0].iter(f"{{{NS['q']}}}Code")] == ["Émotions", "Joie 😀", "Colère", "Rage"]
    assert root.findall("q:Cases/q:Case", NS) == []  # the project has no cases: none invented
    assert len(root.findall("q:Notes/q:Note", NS)) == 4
    [code_set] = root.findall("q:Sets/q:Set", NS)
    assert code_set.get("name") == "Négatif" and len(code_set.findall("q:MemberCode", NS)) == 2
    # one plain-text file per document, the stored text exactly: UTF-8, LF, no BOM
    texts = [files[f"sources/{source.get('guid')}.txt"] for source in root.findall("q:Sources/q:TextSource", NS)]
    assert sorted(texts) == sorted(text.encode("utf-8") for text in TEXTS)
    assert len(files) == 1 + 3 + 4  # the sidecar, the texts, the memos
    for source in root.findall("q:Sources/q:TextSource", NS):
        assert f"sources/{source.get('guid')}.txt" in files
        assert source.get("plainTextPath") == f"internal://{source.get('guid')}.txt"


def test_positions_are_code_points_into_the_exported_text(rich, tmp_path):
    project, _ = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    root, files = _open(tmp_path / "out.qdpx")
    coded = set()
    for source in root.findall("q:Sources/q:TextSource", NS):
        text = files[f"sources/{source.get('guid')}.txt"].decode("utf-8")
        for selection in source.findall("q:PlainTextSelection", NS):
            coded.add(text[int(selection.get("startPosition")):int(selection.get("endPosition"))])
    assert coded == {"😀 pour ma facture", "très aimable", "Trop cher ! 🇫🇷", "Le prix a augmenté",
                     "x\u0301 c'est sûr. 👍🏽"}


def test_notes_hang_on_their_targets(rich, tmp_path):
    project, ids = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    root, files = _open(tmp_path / "out.qdpx")
    notes = _notes(root, files)

    def texts(refs: list) -> list[str]:
        return [notes[ref.get("targetGUID")] for ref in refs]

    assert texts(root.findall("q:NoteRef", NS)) == ["Étude pilote\r\nmars 2026"]
    assert texts(root.findall("q:Sources/q:TextSource[@name='Courriel 7']/q:NoteRef", NS)) == ["Client très fâché 😠"]
    assert texts(root.findall(".//q:Code[@name='Prix']/q:NoteRef", NS)) == ["Inclure les frais."]
    guid = project.scalar("SELECT guid FROM codings WHERE id = ?", [ids["c3"]])
    assert texts(root.findall(f".//q:Coding[@guid='{guid}']/q:NoteRef", NS)) == ["Ironie ?"]


def test_variables_are_typed_and_values_sit_on_sources(rich, tmp_path):
    project, _ = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    root, _ = _open(tmp_path / "out.qdpx")
    types = {var.get("name"): var.get("typeOfVariable") for var in root.findall("q:Variables/q:Variable", NS)}
    assert types == {"canal": "Text", "nps": "Integer", "note": "Float", "vip": "Boolean", "jour": "DateTime"}
    guid = {var.get("name"): var.get("guid") for var in root.findall("q:Variables/q:Variable", NS)}
    source = root.find("q:Sources/q:TextSource[@name='Courriel 7']", NS)
    values = {
        value.find("q:VariableRef", NS).get("targetGUID"): [(child.tag.split("}")[1], child.text) for child in value][1:]
        for value in source.findall("q:VariableValue", NS)
    }
    assert values[guid["canal"]] == [("TextValue", "=SUM(A1)")]
    assert values[guid["nps"]] == [("IntegerValue", "-3")]
    assert values[guid["jour"]] == [("DateValue", "2026-03-13")]
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert [s.get("name") for s in sources] == ["Appel 1", "Courriel 7", "None.txt, row 1"]  # untitled: file, row
    untitled = [s for s in sources if s.get("name") == "None.txt, row 1"]
    empty = [v for v in untitled[0].findall("q:VariableValue", NS) if len(v) == 1]
    assert [v.find("q:VariableRef", NS).get("targetGUID") for v in empty] == [guid["nps"]]  # NULL kept as no value


def test_export_is_stable(rich, tmp_path):
    project, _ = rich
    export_qdpx(project, tmp_path / "a.qdpx")
    export_qdpx(project, tmp_path / "b.qdpx")
    first, files_a = _open(tmp_path / "a.qdpx")
    second, files_b = _open(tmp_path / "b.qdpx")
    for root in (first, second):
        del root.attrib["modifiedDateTime"]
    assert etree.tostring(first) == etree.tostring(second)
    assert files_a == files_b


def test_code_and_coder_filters(rich, tmp_path, schema):
    project, _ = rich
    export_qdpx(project, tmp_path / "motifs.qdpx", codes=["Motifs"], coders=["alice"])
    root, files = _open(tmp_path / "motifs.qdpx")
    schema.assertValid(root)
    assert [code.get("name") for code in root.iter(f"{{{NS['q']}}}Code")] == ["Motifs", "Prix"]
    selections = root.findall(".//q:PlainTextSelection", NS)
    assert len(selections) == 1 and selections[0].get("creatingUser") == user_guid("alice")
    notes = list(_notes(root, files).values())
    assert "Ironie ?" not in notes  # its coding (Colère) is not exported
    assert "Inclure les frais." in notes
    assert [user.get("name") for user in root.findall("q:Users/q:User", NS)] == ["alice", "bob"]  # bob wrote a memo


def test_child_code_filter_keeps_its_ancestors(rich, tmp_path, schema):
    project, _ = rich
    export_qdpx(project, tmp_path / "rage.qdpx", codes=["Émotions/Colère/Rage"])
    root, _ = _open(tmp_path / "rage.qdpx")
    schema.assertValid(root)
    assert [code.get("name") for code in root.iter(f"{{{NS['q']}}}Code")] == ["Émotions", "Colère", "Rage"]


def test_empty_project_exports_a_valid_file(project, tmp_path, schema):
    summary = export_qdpx(project, tmp_path / "empty.qdpx")
    root, files = _open(tmp_path / "empty.qdpx")
    schema.assertValid(root)
    assert list(files) == ["verbatim-workbench.json"] and summary["documents"] == 0 and len(root) == 0


def test_text_xml_cannot_carry_is_dropped(project, tmp_path, schema):
    add_memo(project, "project", None, "bip\x07 fin")
    export_qdpx(project, tmp_path / "out.qdpx")
    root, files = _open(tmp_path / "out.qdpx")
    schema.assertValid(root)
    assert root.find("q:Notes/q:Note", NS).get("name") == "bip fin"
    assert list(_notes(root, files).values()) == ["bip\x07 fin"]  # the member is not XML: kept whole


def test_export_errors(rich, tmp_path):
    project, _ = rich
    with pytest.raises(ExportError, match="does not exist"):
        export_qdpx(project, tmp_path / "missing" / "out.qdpx")
    with pytest.raises(ExportError, match="Tarif"):
        export_qdpx(project, tmp_path / "out.qdpx", codes=["Tarif"])
    with pytest.raises(ExportError, match="no coder 'zoe'"):
        export_qdpx(project, tmp_path / "out.qdpx", coders=["zoe"])
    assert not list(tmp_path.glob("*qdpx*"))


def test_failed_write_leaves_no_file(rich, tmp_path):
    project, _ = rich
    target = tmp_path / "out.qdpx"
    target.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(ExportError, match="is a folder; give a file name"):
        export_qdpx(project, target)
    assert [path.name for path in tmp_path.glob("*qdpx*")] == ["out.qdpx"] and target.is_dir()


def test_read_only_project_can_be_exported(rich_file, tmp_path, schema):
    with Project.open(rich_file[0], read_only=True) as opened:
        export_qdpx(opened, tmp_path / "ro.qdpx")
    root, _ = _open(tmp_path / "ro.qdpx")
    schema.assertValid(root)


def test_demo_step_writes_demo_qdpx_and_checks_the_round_trip(rich, tmp_path, schema):
    from contextlib import nullcontext

    from workbench.demo import DemoContext
    from workbench.demo.refi import demo_step

    project, _ = rich
    lines: list[str] = []
    ctx = DemoContext(project, tmp_path, tmp_path, lines.append, lambda label: nullcontext(None))
    demo_step(ctx)
    root, _ = _open(tmp_path / "demo.qdpx")
    schema.assertValid(root)
    assert lines[1] == "  demo.qdpx: 3 documents, 6 codes, 6 codings, 4 memos, 5 variables, 2 users"
    assert lines[2].endswith(": lossless")
    assert ctx.results["refi"]["lost"] == {"documents": 0, "codes": 0, "codings": 0, "values": 0, "memos": 0}


def test_values_that_do_not_fit_their_type_stay_readable(project, tmp_path, schema):
    from refi_helpers import add_document, set_value

    doc = add_document(project, "Un texte.", "T", "other", None, None)
    for name, var_type, value in (("n", "integer", "douze"), ("f", "float", "1e3"), ("g", "float", "nan"),
                                  ("b", "boolean", "oui"), ("d", "date", "12/03/2026"), ("h", "date", "2026-03-12 09:05")):
        set_value(project, doc, name, var_type, value)
    export_qdpx(project, tmp_path / "odd.qdpx")
    root, _ = _open(tmp_path / "odd.qdpx")
    schema.assertValid(root)
    names = {var.get("guid"): var.get("name") for var in root.findall("q:Variables/q:Variable", NS)}
    written = {
        names[value.find("q:VariableRef", NS).get("targetGUID")]: (value[1].tag.split("}")[1], value[1].text)
        for value in root.findall("q:Sources/q:TextSource/q:VariableValue", NS)
    }
    assert written == {
        "n": ("TextValue", "douze"), "f": ("FloatValue", "1000"), "g": ("TextValue", "nan"),
        "b": ("TextValue", "oui"), "d": ("TextValue", "12/03/2026"), "h": ("DateTimeValue", "2026-03-12T09:05:00"),
    }


@pytest.mark.parametrize(("text", "span"), [
    ("😀 ab cd ef gh", (3, 6)),  # a span ending inside a word, after an emoji
    ("Bonjour,\nle client 😀 a dit : ab cd ef gh\nfin", (31, 34)),
    ("Conseillère : bonjour\r\nClient : ma facture 🧾 est fausse", (40, 45)),
])
def test_our_own_archive_brings_every_coding_back_on_the_same_characters(tmp_path, text, span):
    """Issue 14, item 5: the position convention was guessed for our own archives too, and a coding
    ending inside a word came back moved onto the nearest word ([3, 6) "b c" became [2, 5) "ab ")."""
    from builders import add_code, add_coder_row
    from builders import add_document as add_text

    from workbench.coding import apply_code
    from workbench.ingest.refi import import_qdpx
    from workbench.text.normalise import normalise_text

    with Project.create(tmp_path / "a.vwb") as source:
        document = add_text(source, normalise_text(text))  # as an import would have stored it
        stored = source.scalar("SELECT text FROM documents WHERE id = ?", [document])
        add_coder_row(source, "alice")
        apply_code(source, document, add_code(source, "C"), *span, coder="alice")
        export_qdpx(source, tmp_path / "x.qdpx")
    with Project.create(tmp_path / "b.vwb") as target:
        import_qdpx(target, tmp_path / "x.qdpx")
        start, end, again = target.rows("SELECT c.start_pos, c.end_pos, d.text FROM codings c "
                                        "JOIN documents d ON d.id = c.document_id")[0]
    assert again == stored and (start, end) == span and again[start:end] == stored[span[0]:span[1]]
