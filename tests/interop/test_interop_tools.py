"""Archives built after each tool's documented habits (REFI-QDA Project.xsd, the tools' manuals), not
copied from real files: what of them the import keeps, and what it says it could not."""

from __future__ import annotations

import zipfile

from lxml import etree
from qualcoder_reader import read
from refi_helpers import write_qdpx

from workbench.export.refi import export_qdpx
from workbench.ingest.refi import import_qdpx

NS = "urn:QDA-XML:project:1.0"
USER = "{0C7A1F3E-5B6D-4E2A-9F10-3D2C1B0A9E8F}"
SOURCES = ["{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEF0}", "{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEF1}",
           "{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEF2}"]
CODE = "{11111111-2222-4333-8444-555555555555}"
DOCSET = "{22222222-3333-4444-8555-666666666666}"
TEXTS = ["Le prix a encore augmenté.\r\n", "Conseiller très aimable 😀.\r\n", "Rien à dire.\r\n"]


def _maxqda(codebook_ns: str = NS, description: str = "Le prix \n\n") -> str:
    """MAXQDA's habits: braced upper-case GUIDs, texts in `Sources/` with CRLF, values on sources, document
    sets as `<Set>`s of `<MemberSource>`, a link between two codings (no place for it in the project)."""
    sources = "".join(
        f'<TextSource guid="{guid}" name="Entretien {n}" plainTextPath="internal://{guid}.txt" '
        f'creatingUser="{USER}" creationDateTime="2024-05-02T10:15:00+02:00">'
        + (f'<PlainTextSelection guid="{{00000000-0000-4000-8000-00000000000{n}}}" startPosition="3" '
           f'endPosition="7" creatingUser="{USER}"><Coding guid="{{00000000-0000-4000-8000-0000000000A{n}}}" '
           f'creatingUser="{USER}"><CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>' if n == 0 else "")
        + "</TextSource>"
        for n, guid in enumerate(SOURCES)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Etude" origin="MAXQDA 24" creatingUserGUID="{USER}">
  <Users><User guid="{USER}" name="Marie"/></Users>
  <CodeBook><Codes xmlns="{codebook_ns}">
    <Code guid="{CODE}" name="Prix" isCodable="true" color="#FF0000"><Description>{description}</Description></Code>
  </Codes></CodeBook>
  <Sources>{sources}</Sources>
  <Links><Link guid="{{33333333-4444-4555-8666-777777777777}}" name="voir aussi"/></Links>
  <Sets><Set guid="{DOCSET}" name="Paris"><MemberSource targetGUID="{SOURCES[0]}"/>
    <MemberSource targetGUID="{SOURCES[2]}"/></Set></Sets>
</Project>"""


def _archive(tmp_path, name: str, qde: str):
    return write_qdpx(tmp_path / name, qde, {f"Sources/{guid}.txt": text for guid, text in zip(SOURCES, TEXTS)})


def test_maxqda_document_sets_become_a_variable_and_go_back_as_a_set(project, tmp_path):
    result = import_qdpx(project, _archive(tmp_path, "maxqda.qdpx", _maxqda()))
    assert project.scalar("SELECT count(*) FROM code_sets") == 0  # not an empty code set
    members = project.rows("SELECT d.title, v.value FROM document_values v JOIN variables k ON k.id = v.variable_id "
                           "JOIN documents d ON d.id = v.document_id WHERE k.name = 'set: Paris' AND k.type = 'boolean' "
                           "ORDER BY d.title")
    assert members == [("Entretien 0", "true"), ("Entretien 2", "true")]
    assert result.warnings == ["1 <Link> in <Links> not imported: the project has no place for it"]
    export_qdpx(project, tmp_path / "ours.qdpx")
    with zipfile.ZipFile(tmp_path / "ours.qdpx") as archive:
        root = etree.fromstring(archive.read("project.qde"))
    [document_set] = root.findall(f"{{{NS}}}Sets/{{{NS}}}Set")
    names = {source.get("guid"): source.get("name") for source in root.iter(f"{{{NS}}}TextSource")}
    assert document_set.get("name") == "Paris"
    assert sorted(names[m.get("targetGUID")] for m in document_set) == ["Entretien 0", "Entretien 2"]
    assert "set: Paris" not in read(tmp_path / "ours.qdpx").attributes


def test_a_codebook_in_another_namespace_is_read_and_said(project, tmp_path):
    result = import_qdpx(project, _archive(tmp_path, "maxqda.qdpx", _maxqda(codebook_ns="urn:QDA-XML:codebook:0:4")))
    assert project.rows("SELECT name FROM codes") == [("Prix",)]
    assert project.scalar("SELECT count(*) FROM codings") == 1
    assert any("namespace 'urn:QDA-XML:codebook:0:4'" in warning and "1 code(s)" in warning
               for warning in result.warnings)


def test_descriptions_are_read_byte_for_byte():
    from workbench.codebook_refi import codes_from_xml

    codes = etree.fromstring(f'<Codes xmlns="{NS}"><Code guid="{CODE}" name="Prix">'
                             "<Description>Le prix \n\n</Description></Code></Codes>")
    assert codes_from_xml(codes, NS)[0]["description"] == "Le prix \n\n"


def test_nameless_sources_take_their_file_name(project, tmp_path):
    qde = f"""<Project xmlns="{NS}" name="qc" origin="QualCoder 3.5"><Sources>
      <TextSource guid="{SOURCES[0]}" plainTextPath="relative://admin.txt"/>
      <TextSource guid="{SOURCES[1]}" plainTextPath="relative://teacher.txt"/></Sources></Project>"""
    archive = write_qdpx(tmp_path / "qc.qdpx", qde, {"admin.txt": "Texte A.", "teacher.txt": "Texte B."})
    import_qdpx(project, archive)
    assert project.rows("SELECT title FROM documents ORDER BY id") == [("admin.txt",), ("teacher.txt",)]


def _nvivo() -> str:
    """NVivo's habits: attributes on cases only (values hang on `<Case>`s that refer to their sources)."""
    var, vip = "{44444444-5555-4666-8777-888888888888}", "{55555555-6666-4777-8888-999999999999}"
    cases = "".join(
        f'<Case guid="{{6666666{n}-7777-4888-9999-AAAAAAAAAAAA}}" name="Client {n}">'
        f'<VariableValue><VariableRef targetGUID="{var}"/><TextValue>{segment}</TextValue></VariableValue>'
        f'<VariableValue><VariableRef targetGUID="{vip}"/><BooleanValue>{flag}</BooleanValue></VariableValue>'
        + "".join(f'<SourceRef targetGUID="{SOURCES[i]}"/>' for i in refs) + "</Case>"
        for n, segment, flag, refs in ((1, "PME", "true", (0, 1)), (2, "Grand compte", "false", (2,)))
    )
    sources = "".join(f'<TextSource guid="{guid}" name="Appel {n}" plainTextPath="internal://{guid}.txt"/>'
                      for n, guid in enumerate(SOURCES))
    return f"""<Project xmlns="{NS}" name="p" origin="NVivo 14">
      <Variables><Variable guid="{var}" name="Segment" typeOfVariable="Text"/>
        <Variable guid="{vip}" name="VIP" typeOfVariable="Boolean"/></Variables>
      <Cases>{cases}</Cases><Sources>{sources}</Sources></Project>"""


def test_nvivo_cases_come_back_as_cases_with_their_values(project, tmp_path):
    from conftest import DATA

    import_qdpx(project, _archive(tmp_path, "nvivo.qdpx", _nvivo()))
    assert project.rows("SELECT d.title, v.value FROM document_values v JOIN variables k ON k.id = v.variable_id "
                        "JOIN documents d ON d.id = v.document_id WHERE k.name = 'case' ORDER BY d.title") == [
        ("Appel 0", "Client 1"), ("Appel 1", "Client 1"), ("Appel 2", "Client 2")]
    export_qdpx(project, tmp_path / "ours.qdpx")
    with zipfile.ZipFile(tmp_path / "ours.qdpx") as archive:
        root = etree.fromstring(archive.read("project.qde"))
    etree.XMLSchema(etree.parse(str(DATA / "refi" / "Project.xsd"))).assertValid(root)
    names = {var.get("guid"): var.get("name") for var in root.iter(f"{{{NS}}}Variable")}
    cases = {case.get("name"): (sorted((names[v[0].get("targetGUID")], v[1].text)
                                       for v in case.findall(f"{{{NS}}}VariableValue")),
                                len(case.findall(f"{{{NS}}}SourceRef")))
             for case in root.iter(f"{{{NS}}}Case")}
    assert cases == {"Client 1": ([("Segment", "PME"), ("VIP", "true")], 2),
                     "Client 2": ([("Segment", "Grand compte"), ("VIP", "false")], 1)}
    assert "case" not in names.values()


def test_descriptions_are_stored_and_exported_byte_for_byte(project, tmp_path):
    """Trailing spaces and line breaks of a definition (3 MAXQDA, 3 NVivo codes lost theirs) survive the
    project and the export back."""
    import_qdpx(project, _archive(tmp_path, "maxqda.qdpx", _maxqda()))
    assert project.scalar("SELECT description FROM codes WHERE name = 'Prix'") == "Le prix \n\n"
    export_qdpx(project, tmp_path / "back.qdpx")
    with zipfile.ZipFile(tmp_path / "back.qdpx") as archive:
        qde = etree.fromstring(archive.read("project.qde"))
    descriptions = [element.text for element in qde.iter(f"{{{NS}}}Description")
                    if element.getparent().get("name") == "Prix"]
    assert descriptions and descriptions[0].startswith("Le prix \n\n")
