"""REFI-QDA import: round trips, other tools' habits, position conventions, and hostile archives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from refi_helpers import add_document, dump, patch_header, write_qdpx

from workbench.errors import IngestError
from workbench.export.refi import export_qdpx
from workbench.ingest import refi as refi_ingest
from workbench.ingest.refi import import_qdpx
from workbench.ingest.refi_positions import AS_IN_FILE, CONVENTIONS, StoredText
from workbench.project import Project
from workbench.refi_xml import ZipLimits
from workbench.text.normalise import normalise_text

pytest_plugins = ["refi_fixtures"]  # the `rich` and `rich_file` fixtures
NS = "urn:QDA-XML:project:1.0"
G_USER = "{0C7A1F3E-5B6D-4E2A-9F10-3D2C1B0A9E8F}"
G_SOURCE = "{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}"
G_PRICE = "{11111111-2222-4333-8444-555555555555}"
G_PARENT = "{66666666-7777-4888-9999-AAAAAAAAAAAA}"
G_KIND = "{BBBBBBBB-CCCC-4DDD-8EEE-FFFFFFFFFFFF}"
G_VAR = "{12345678-1234-4234-8234-123456789ABC}"
CRLF_TEXT = "Bonjour,\r\nje suis très déçu du prix.\r\nLe conseiller 😀 était aimable.\r\nMerci beaucoup.\r\n"


# -- round trip ---------------------------------------------------------------------------------------------
def test_round_trip_loses_nothing(rich, tmp_path):
    project, _ = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    with Project.create(tmp_path / "copy.vwb") as copy:
        result = import_qdpx(copy, tmp_path / "out.qdpx")
        assert dump(copy) == dump(project)
        assert (result.documents, result.codes, result.codings, result.memos, result.variables, result.coders) == (
            3, 6, 6, 4, 5, 2)
        assert result.warnings == [] and result.convention == AS_IN_FILE.name
        assert copy.rows("SELECT DISTINCT origin FROM codings") == [("import",)]
        assert copy.rows("SELECT kind, name FROM sources") == [("qdpx", "out.qdpx")]
        # and again: the copy exports the same GUIDs for codes and codings
        export_qdpx(copy, tmp_path / "again.qdpx")
        with Project.create(tmp_path / "third.vwb") as third:
            import_qdpx(third, tmp_path / "again.qdpx")
            assert dump(third) == dump(project)


def test_reimporting_own_export_merges_instead_of_duplicating(rich, tmp_path):
    project, _ = rich
    before = dump(project)
    export_qdpx(project, tmp_path / "out.qdpx")
    result = import_qdpx(project, tmp_path / "out.qdpx")
    assert (result.documents, result.merged_documents, result.codes, result.codings) == (0, 3, 0, 0)
    after = dump(project)
    assert after["codings"] == before["codings"] and after["codes"] == before["codes"]
    assert after["values"] == before["values"]


def test_the_same_archive_twice_is_refused(rich, tmp_path):
    project, _ = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    with Project.create(tmp_path / "copy.vwb") as copy:
        import_qdpx(copy, tmp_path / "out.qdpx")
        with pytest.raises(IngestError, match="out.qdpx: already imported"):
            import_qdpx(copy, tmp_path / "out.qdpx")


# -- other tools' habits ------------------------------------------------------------------------------------
def _positions(text: str, words: str, unit: str = "cp", breaks: str = "file") -> tuple[int, int]:
    """Start/end of `words` in `text` counted as another tool would."""
    start = text.index(words)

    def count(part: str) -> int:
        if breaks == "one":
            part = part.replace("\r\n", "\n")
        elif breaks == "two":
            part = part.replace("\n", "\r\n")
        return len(part.encode("utf-16-le")) // 2 if unit == "utf16" else len(part)

    return count(text[:start]), count(text[:start]) + count(words)


def _maxqda_qde(text: str, origin: str = "MAXQDA 2022", unit: str = "cp", breaks: str = "file",
                path: str = f"internal://{G_SOURCE}.txt") -> str:
    """A project in MAXQDA/NVivo habits: GUIDs upper case in braces, no Cases, a code without colour,
    values on the source, a selection without coding, another with only a note."""
    def sel(guid: str, words: str, coding: str = "", extra: str = "") -> str:
        start, end = _positions(text, words, unit, breaks)
        return (f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}" '
                f'creatingUser="{G_USER}">{extra}{coding}</PlainTextSelection>')

    def coding(guid: str, code: str) -> str:
        return f'<Coding guid="{guid}" creatingUser="{G_USER}"><CodeRef targetGUID="{code}"/></Coding>'

    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="Etude" origin="{origin}" creatingUserGUID="{G_USER}">
  <Users><User guid="{G_USER}" name="Marie"/></Users>
  <CodeBook><Codes>
    <Code guid="{G_PARENT}" name="Motifs" isCodable="false" color="#FF0000">
      <Code guid="{G_PRICE}" name="Prix/Tarif" isCodable="true"><Description>Le prix</Description></Code>
    </Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="{G_VAR}" name="Canal" typeOfVariable="Text"/>
    <Variable guid="{G_KIND}" name="Score" typeOfVariable="Integer"/>
  </Variables>
  <Sources>
    <TextSource guid="{G_SOURCE}" name="Entretien 1" plainTextPath="{path}" creatingUser="{G_USER}">
      {sel("{00000000-0000-4000-8000-000000000001}", "déçu", coding("{00000000-0000-4000-8000-0000000000A1}", G_PRICE))}
      {sel("{00000000-0000-4000-8000-000000000002}", "prix", coding("{00000000-0000-4000-8000-0000000000A2}", G_PRICE))}
      {sel("{00000000-0000-4000-8000-000000000003}", "aimable", coding("{00000000-0000-4000-8000-0000000000A3}", G_PRICE))}
      {sel("{00000000-0000-4000-8000-000000000004}", "Merci")}
      {sel("{00000000-0000-4000-8000-000000000005}", "conseiller", extra="<Description>Agent nommé</Description>")}
      <VariableValue><VariableRef targetGUID="{G_VAR}"/><TextValue>téléphone</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="{G_KIND}"/><IntegerValue>007</IntegerValue></VariableValue>
    </TextSource>
  </Sources>
</Project>"""


def _coded_words(project: Project) -> list[str]:
    return [text[start:end] for text, start, end in project.rows(
        "SELECT d.text, c.start_pos, c.end_pos FROM codings c JOIN documents d ON d.id = c.document_id "
        "ORDER BY c.start_pos")]


def test_maxqda_style_archive(project, tmp_path):
    """Sources/ folder, CRLF text with a BOM, braced upper-case GUIDs, positions over the CRLF text."""
    archive = write_qdpx(tmp_path / "maxqda.qdpx", _maxqda_qde(CRLF_TEXT),
                         {f"Sources/{G_SOURCE}.txt": "\ufeff" + CRLF_TEXT})
    result = import_qdpx(project, archive)
    assert _coded_words(project) == ["déçu", "prix", "aimable"]
    assert result.convention == AS_IN_FILE.name
    assert project.scalar("SELECT text FROM documents") == normalise_text(CRLF_TEXT).strip()
    assert project.rows("SELECT title, kind FROM documents") == [("Entretien 1", "other")]
    codes = project.dicts("SELECT guid, name, color, codable, parent_id, description FROM codes ORDER BY id")
    assert [(c["guid"], c["name"], c["codable"]) for c in codes] == [
        (G_PARENT.strip("{}").lower(), "Motifs", False), (G_PRICE.strip("{}").lower(), "Prix-Tarif", True)]
    assert codes[0]["color"] == "#FF0000" and codes[1]["color"].startswith("#")  # palette colour
    assert codes[1]["parent_id"] is not None and codes[1]["description"] == "Le prix"
    assert project.rows("SELECT DISTINCT k.name FROM codings c JOIN coders k ON k.id = c.coder_id") == [("Marie",)]
    assert sorted(project.rows("SELECT k.name, k.type, v.value FROM document_values v "
                               "JOIN variables k ON k.id = v.variable_id")) == [
        ("Canal", "text", "téléphone"), ("Score", "integer", "7")]
    memos = project.rows("SELECT target_kind, text FROM memos")
    at = normalise_text(CRLF_TEXT).index("conseiller")
    assert memos == [("document", f"«conseiller» [{at}, {at + 10})\nAgent nommé")]
    assert result.warnings == ["1 selection(s) without coding or note skipped"]


def test_atlas_style_positions_count_crlf_once(project, tmp_path):
    archive = write_qdpx(tmp_path / "atlas.qdpx", _maxqda_qde(CRLF_TEXT, origin="ATLAS.ti 9", breaks="one"),
                         {f"sources/{G_SOURCE}.txt": CRLF_TEXT})
    result = import_qdpx(project, archive)
    assert _coded_words(project) == ["déçu", "prix", "aimable"]
    assert result.convention == "code points, one per line ending"


def test_crlf_counted_once_is_detected_without_the_tool_name(project, tmp_path):
    archive = write_qdpx(tmp_path / "other.qdpx", _maxqda_qde(CRLF_TEXT, origin="SomeTool", breaks="one"),
                         {f"sources/{G_SOURCE}.txt": CRLF_TEXT})
    import_qdpx(project, archive)
    assert _coded_words(project) == ["déçu", "prix", "aimable"]


def test_two_units_per_line_ending_over_an_lf_file_with_leading_blank_lines(project, tmp_path):
    """NVivo habit: an LF file, positions counted as if each line ended with CRLF; the stored text loses its
    leading blank lines, and positions follow."""
    text = "\n\n  " + CRLF_TEXT.replace("\r\n", "\n")
    archive = write_qdpx(tmp_path / "nvivo.qdpx", _maxqda_qde(text, origin="NVivo 14", breaks="two"),
                         {f"Sources/{G_SOURCE}.txt": text})
    result = import_qdpx(project, archive)
    assert _coded_words(project) == ["déçu", "prix", "aimable"]
    assert result.convention == "code points, two per line ending"
    assert project.scalar("SELECT text FROM documents").startswith("Bonjour,\nje")


def test_utf16_positions_after_an_emoji(project, tmp_path):
    text = "Le conseiller 😀😀 était aimable, 👍 Merci pour le prix, déçu.\r\n"
    archive = write_qdpx(tmp_path / "nvivo.qdpx", _maxqda_qde(text, unit="utf16"), {f"Sources/{G_SOURCE}.txt": text})
    result = import_qdpx(project, archive)
    assert _coded_words(project) == ["aimable", "prix", "déçu"]
    assert result.convention == "UTF-16 units, line endings as in the file"


def test_bare_qde_with_its_sources_folder(project, tmp_path):
    (tmp_path / "Sources").mkdir()
    (tmp_path / "Sources" / f"{G_SOURCE}.txt").write_bytes(CRLF_TEXT.encode("utf-8"))
    qde = tmp_path / "project.qde"
    qde.write_text(_maxqda_qde(CRLF_TEXT), encoding="utf-8")
    result = import_qdpx(project, qde)
    assert _coded_words(project) == ["déçu", "prix", "aimable"]
    assert project.scalar("SELECT kind FROM sources") == "qde" and result.documents == 1


def test_a_link_out_of_the_qde_folder_is_refused(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe")
    folder = tmp_path / "etude"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / f"{G_SOURCE}.txt").symlink_to(secret)
    (folder / "project.qde").write_text(_maxqda_qde(CRLF_TEXT), encoding="utf-8")
    with pytest.raises(IngestError, match="a link out of the project's folder"):
        import_qdpx(project, folder / "project.qde")
    assert project.scalar("SELECT count(*) FROM documents") == 0


def test_a_qde_with_another_name_at_the_archive_root(project, tmp_path):
    archive = write_qdpx(tmp_path / "named.qdpx", _maxqda_qde(CRLF_TEXT), {f"sources/{G_SOURCE}.txt": CRLF_TEXT},
                         qde_name="Etude clients.qde")
    assert import_qdpx(project, archive).codings == 3


def test_relative_source_path(project, tmp_path):
    archive = write_qdpx(tmp_path / "rel.qdpx", _maxqda_qde(CRLF_TEXT, path="texts/entretien.txt"),
                         {"texts/entretien.txt": CRLF_TEXT})
    import_qdpx(project, archive)
    assert _coded_words(project) == ["déçu", "prix", "aimable"]


@pytest.mark.parametrize("reference", ["/etc/hostname", "file:///etc/hostname", "absolute:///etc/hostname",
                                       "C:\\Users\\x.txt", "\\\\server\\share\\x.txt"])
def test_sources_outside_the_archive_are_never_read(project, tmp_path, reference):
    """The only source lies outside the archive: nothing is read, so the import is refused (issue 14)."""
    archive = write_qdpx(tmp_path / "ext.qdpx", _maxqda_qde(CRLF_TEXT, path=reference),
                         {f"sources/{G_SOURCE}.txt": CRLF_TEXT, "etc/hostname": "lu dans l'archive"})
    with pytest.raises(IngestError) as caught:
        import_qdpx(project, archive)
    assert caught.value.reason == (f"nothing imported: source 'Entretien 1' skipped: its text {reference!r} "
                                   "is outside the archive, not read")
    assert project.scalar("SELECT count(*) FROM documents") == 0
    assert project.scalar("SELECT count(*) FROM codes") == 0


def test_relative_scheme_and_upper_case_internal(project, tmp_path):
    archive = write_qdpx(tmp_path / "rel.qdpx", _maxqda_qde(CRLF_TEXT, path="relative://texts/a.txt"),
                         {"texts/a.txt": CRLF_TEXT})
    assert import_qdpx(project, archive).codings == 3
    archive = write_qdpx(tmp_path / "up.qdpx", _maxqda_qde(CRLF_TEXT, path=f"INTERNAL://{G_SOURCE}.TXT"),
                         {f"Sources/{G_SOURCE}.txt": CRLF_TEXT})
    assert import_qdpx(project, archive).merged_documents == 1


def test_minimal_project_without_optional_parts(project, tmp_path):
    qde = (f'<Project xmlns="{NS}" name="p"><Sources><TextSource guid="{G_SOURCE}">'
           "<PlainTextContent>  Texte seul.  </PlainTextContent></TextSource></Sources></Project>")
    result = import_qdpx(project, write_qdpx(tmp_path / "min.qdpx", qde))
    assert project.rows("SELECT title, text, kind FROM documents") == [(None, "Texte seul.", "other")]
    assert (result.codes, result.codings, result.coders, result.memos) == (0, 0, 0, 0)
    empty = write_qdpx(tmp_path / "empty.qdpx", f'<Project xmlns="{NS}" name="vide"/>')
    with pytest.raises(IngestError, match="empty.qdpx: nothing imported: the project holds no text source"):
        import_qdpx(project, empty)
    bare = (f'<Project name="sans espace de noms"><CodeBook><Codes><Code guid="{G_PRICE}" name="Prix" '
            f'isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="{G_VAR}"><PlainTextContent>Le prix.'
            f'</PlainTextContent><PlainTextSelection guid="{G_USER}" startPosition="3" endPosition="7">'
            f'<Coding guid="{G_KIND}"><CodeRef targetGUID="{G_PRICE}"/></Coding></PlainTextSelection></TextSource>'
            '</Sources></Project>')
    assert import_qdpx(project, write_qdpx(tmp_path / "bare.qdpx", bare)).codings == 1
    assert _coded_words(project) == ["prix"]
    assert project.scalar("SELECT name FROM coders") == "REFI-QDA import"


def test_nvivo_cases_carry_the_values_and_notes_without_references(project, tmp_path):
    qde = f"""<Project xmlns="{NS}" name="p" origin="NVivo 14">
      <Variables><Variable guid="{G_VAR}" name="Segment" typeOfVariable="Text"/>
        <Variable guid="{G_KIND}" name="Fidèle" typeOfVariable="Boolean"/></Variables>
      <Cases><Case guid="{G_PARENT}" name="Client 12">
        <VariableValue><VariableRef targetGUID="{G_VAR}"/><TextValue>PME</TextValue></VariableValue>
        <VariableValue><VariableRef targetGUID="{G_KIND}"/><BooleanValue>1</BooleanValue></VariableValue>
        <SourceRef targetGUID="{G_SOURCE}"/></Case></Cases>
      <Sources><TextSource guid="{G_SOURCE}" name="Appel" plainTextPath="internal://{G_SOURCE}.txt">
        <VariableValue><VariableRef targetGUID="{G_VAR}"/><TextValue>Grand compte</TextValue></VariableValue>
        <NoteRef targetGUID="{G_PRICE}"/>
      </TextSource>
      <PDFSource guid="{G_USER}" name="contrat.pdf"/></Sources>
      <Notes><Note guid="{G_PRICE}"><PlainTextContent>Rappeler lundi</PlainTextContent></Note>
        <Note guid="{G_USER}" creatingUser="{G_USER}"><PlainTextContent>Note libre</PlainTextContent></Note></Notes>
    </Project>"""
    result = import_qdpx(project, write_qdpx(tmp_path / "nvivo.qdpx", qde, {f"Sources/{G_SOURCE}.txt": "Allô ?"}))
    assert sorted(project.rows("SELECT k.name, k.type, v.value FROM document_values v "
                               "JOIN variables k ON k.id = v.variable_id")) == [
        ("Fidèle", "boolean", "true"), ("Segment", "text", "Grand compte"),  # the source's own value wins
        ("case", "text", "Client 12")]
    assert sorted(project.rows("SELECT target_kind, text FROM memos")) == [
        ("document", "Rappeler lundi"), ("project", "Note libre")]
    assert project.scalar("SELECT name FROM coders") == "user 0c7a1f3e"  # a note's author not in <Users>
    assert result.warnings == ["1 PDFSource source(s) skipped: only text sources are imported"]


def test_values_that_do_not_fit_their_type_make_the_variable_text(project, tmp_path):
    qde = f"""<Project xmlns="{NS}" name="p"><Variables><Variable guid="{G_VAR}" name="Age" typeOfVariable="Integer"/>
      <Variable guid="{G_KIND}" name="Quand" typeOfVariable="DateTime"/></Variables>
      <Sources><TextSource guid="{G_SOURCE}"><PlainTextContent>Oui.</PlainTextContent>
        <VariableValue><VariableRef targetGUID="{G_VAR}"/><TextValue>trente</TextValue></VariableValue>
        <VariableValue><VariableRef targetGUID="{G_KIND}"/><DateTimeValue>2026-03-12T09:05:00+01:00</DateTimeValue>
        </VariableValue></TextSource></Sources></Project>"""
    import_qdpx(project, write_qdpx(tmp_path / "t.qdpx", qde))
    assert sorted(project.rows("SELECT k.name, k.type, v.value FROM document_values v "
                               "JOIN variables k ON k.id = v.variable_id")) == [
        ("Age", "text", "trente"), ("Quand", "date", "2026-03-12 09:05:00")]


def test_codings_of_unknown_codes_and_outside_the_text_are_reported(project, tmp_path):
    qde = f"""<Project xmlns="{NS}" name="p"><Sources><TextSource guid="{G_SOURCE}">
      <PlainTextContent>Court.</PlainTextContent>
      <PlainTextSelection guid="{G_USER}" startPosition="0" endPosition="99">
        <Coding guid="{G_PARENT}"><CodeRef targetGUID="{G_PRICE}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="{G_VAR}" startPosition="0" endPosition="5">
        <Coding guid="{G_KIND}"><CodeRef targetGUID="{G_PRICE}"/></Coding></PlainTextSelection>
    </TextSource></Sources></Project>"""
    result = import_qdpx(project, write_qdpx(tmp_path / "t.qdpx", qde))
    assert result.codings == 0
    assert result.warnings == ["1 selection(s) outside their text skipped",
                               "codings of 1 code(s) missing from the codebook skipped"]


# -- positions ----------------------------------------------------------------------------------------------
_ALPHABET = st.sampled_from(["a", "b", " ", "é", "e\u0301", "😀", "\r\n", "\r", "\n", "\x01", "\ufeff", "\u2028",
                             "x\u0301", "\t", "ﬁ"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=30))
def test_position_map_agrees_with_normalise_text(pieces):
    raw = "".join(pieces)
    stored = StoredText(raw)
    normalised = normalise_text(raw)
    assert stored.text == normalised.strip(" \t\n")
    for k in range(len(raw) + 1):
        if stored.aligned[k]:
            assert stored.floor[k] == len(normalise_text(raw[:k]))


@settings(max_examples=100, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=20), st.lists(_ALPHABET, min_size=1, max_size=5),
       st.lists(_ALPHABET, max_size=20))
def test_every_convention_maps_a_span_onto_its_text(before, middle, after):
    raw = "".join(before) + "[" + "".join(middle) + "]" + "".join(after)
    stored = StoredText(raw)
    start, end = raw.index("["), raw.index("]") + 1
    for convention in CONVENTIONS:
        units = stored.units(convention)
        mapped = stored.map(convention, [int(units[start])], [int(units[end])])
        assert mapped.valid == [True]
        piece = stored.text[mapped.start[0]:mapped.end[0]]
        assert piece.startswith("[") and piece.endswith("]")
        assert piece == normalise_text(raw[start:end])


# -- refusals -----------------------------------------------------------------------------------------------


def _hostile(tmp_path: Path, case: str) -> tuple[Path, ZipLimits | None]:
    good = _maxqda_qde(CRLF_TEXT)
    text = {f"sources/{G_SOURCE}.txt": CRLF_TEXT}
    path = tmp_path / "bad.qdpx"
    if case == "not a zip":
        path.write_bytes(b"PK? not really a zip")
    elif case == "no project.qde":
        write_qdpx(path, good, text, qde_name="other/project.xml")
    elif case == "header declares more":
        write_qdpx(path, good, text)
        patch_header(path, "project.qde", size=10**6)
    elif case == "doctype in utf-16":
        body = good.replace('encoding="utf-8"', 'encoding="utf-16"').replace(
            "<Project ", '<!DOCTYPE Project SYSTEM "http://example.com/p.dtd">\n<Project ', 1)
        write_qdpx(path, body.encode("utf-16"), text)
    elif case == "malformed xml":
        write_qdpx(path, good.replace("</Sources>", ""), text)
    elif case == "wrong root":
        write_qdpx(path, f'<CodeBook xmlns="{NS}"/>', text)
    elif case == "bad position":
        write_qdpx(path, good.replace('startPosition="', 'startPosition="x', 1), text)
    elif case == "huge position":
        write_qdpx(path, good.replace('endPosition="', 'endPosition="99999999999999999999', 1), text)
    elif case == "traversal in internal path":
        write_qdpx(path, _maxqda_qde(CRLF_TEXT, path="internal://../../secret.txt"), text)
    elif case == "binary source text":
        write_qdpx(path, good, {f"sources/{G_SOURCE}.txt": b"\x00\x01\x02binary"})
    elif case == "guidless code":
        write_qdpx(path, good.replace(f'guid="{G_PRICE}" ', ""), text)
    return path, None


# Zip limits, member names, lying and encrypted members, entity attacks: tests/hostile/, with the digest.
HOSTILE = {
    "not a zip": "not a readable zip archive",
    "no project.qde": "no project.qde",
    "header declares more": "shorter than its header says",
    "doctype in utf-16": "DOCTYPE",
    "malformed xml": "not well-formed XML",
    "wrong root": "not a REFI-QDA <Project>",
    "bad position": "startPosition 'x",
    "huge position": "endPosition '99999999999999999999",
    "traversal in internal path": "unsafe member name 'sources/../../secret.txt'",
    "binary source text": "binary file",
    "guidless code": "code 'Prix/Tarif' has no guid attribute",
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_or_broken_archives_are_refused_and_change_nothing(project, tmp_path, case):
    add_document(project, "Déjà là.", "Ancien", "call", None, "fr")
    before = dump(project)
    sources = project.scalar("SELECT count(*) FROM sources")
    path, limits = _hostile(tmp_path, case)
    with pytest.raises(IngestError, match="bad.qdpx") as caught:
        import_qdpx(project, path, **({"limits": limits} if limits else {}))
    assert HOSTILE[case] in str(caught.value)
    assert dump(project) == before
    assert project.scalar("SELECT count(*) FROM sources") == sources


def test_line_number_of_bad_xml_is_given(project, tmp_path):
    path, _ = _hostile(tmp_path, "bad position")
    with pytest.raises(IngestError) as caught:
        import_qdpx(project, path)
    assert caught.value.line is not None and caught.value.line > 1


def test_wrong_file_types_are_refused(project, tmp_path):
    with pytest.raises(IngestError, match="file not found"):
        import_qdpx(project, tmp_path / "none.qdpx")
    other = tmp_path / "notes.txt"
    other.write_text("x")
    with pytest.raises(IngestError, match="expected a .qdpx archive or a .qde file"):
        import_qdpx(project, other)


def test_a_failure_while_writing_rolls_everything_back(rich, tmp_path, monkeypatch):
    project, _ = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    with Project.create(tmp_path / "copy.vwb") as copy:
        before = dump(copy)

        def broken(self) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(refi_ingest._Writer, "_memos", broken)
        with pytest.raises(RuntimeError):
            import_qdpx(copy, tmp_path / "out.qdpx")
        assert dump(copy) == before
        assert copy.scalar("SELECT count(*) FROM documents") == 0


# -- through `workbench import` -----------------------------------------------------------------------------
def test_workbench_import_dispatches_qdpx_and_skips_it_the_second_time(rich, tmp_path):
    from click.testing import CliRunner

    from workbench.cli import cli

    project, _ = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    Project.create(tmp_path / "copy.vwb").close()
    runner = CliRunner()
    first = runner.invoke(cli, ["import", str(tmp_path / "copy.vwb"), str(tmp_path / "out.qdpx"), "--json"])
    assert first.exit_code == 0, first.output
    assert '"status": "imported"' in first.output and '"documents": 3' in first.output
    assert "6 coding(s), 4 memo(s)" in first.output
    second = runner.invoke(cli, ["import", str(tmp_path / "copy.vwb"), str(tmp_path / "out.qdpx")])
    assert second.exit_code == 0 and "out.qdpx: skipped: already imported" in second.output
    with Project.open(tmp_path / "copy.vwb") as copy:
        assert dump(copy) == dump(project)


def test_workbench_import_reports_a_hostile_archive(tmp_path):
    from cli_helpers import run

    path, _ = _hostile(tmp_path, "traversal in internal path")
    Project.create(tmp_path / "p.vwb").close()
    code, _, err = run("import", tmp_path / "p.vwb", path)
    assert code == 1
    assert "bad.qdpx" in err and "unsafe member name 'sources/../../secret.txt'" in err


def test_a_cp1252_source_text_is_decoded(project, tmp_path):
    archive = write_qdpx(tmp_path / "old.qdpx", _maxqda_qde(CRLF_TEXT.replace("😀", ":)")),
                         {f"Sources/{G_SOURCE}.txt": CRLF_TEXT.replace("😀", ":)").encode("cp1252")})
    import_qdpx(project, archive)
    assert _coded_words(project) == ["déçu", "prix", "aimable"]


def test_an_oversized_qde_is_refused(project, tmp_path):
    qde = tmp_path / "project.qde"
    qde.write_text(_maxqda_qde(CRLF_TEXT), encoding="utf-8")
    with pytest.raises(IngestError, match="project.qde: file is .* bytes, over the limit of 100"):
        import_qdpx(project, qde, limits=ZipLimits(max_member_bytes=100))


def test_codes_merge_by_guid_name_or_scheme_key_and_clashes_are_renamed(project, tmp_path):
    from workbench import codebook

    kept = codebook.create_code(project, "Prix", color="#123456")
    keyed = codebook.create_code(project, "Accueil", key="accueil", scheme="motifs")
    g = [f"{{0000000{n}-AAAA-4AAA-8AAA-AAAAAAAAAAAA}}" for n in range(5)]
    qde = f"""<Project xmlns="{NS}" name="p"><CodeBook><Codes>
      <Code guid="{g[0]}" name="prix" isCodable="true" color="#FF0000"/>
      <Code guid="{g[1]}" name="Réception" isCodable="true">
        <Description>--- verbatim-workbench ---\nkey: accueil\nscheme: motifs</Description></Code>
      <Code guid="{g[2]}" name="Délai" isCodable="true"/>
      <Code guid="{g[3]}" name="délai" isCodable="true"/>
    </Codes></CodeBook><Sources><TextSource guid="{g[4]}"><PlainTextContent>Délai trop long.</PlainTextContent>
      <PlainTextSelection guid="{G_USER}" startPosition="0" endPosition="5">
        <Coding guid="{G_VAR}"><CodeRef targetGUID="{g[0]}"/></Coding>
        <Coding guid="{G_KIND}"><CodeRef targetGUID="{g[1]}"/></Coding></PlainTextSelection>
    </TextSource></Sources></Project>"""
    result = import_qdpx(project, write_qdpx(tmp_path / "codes.qdpx", qde))
    assert result.codes == 2
    assert sorted(name for (name,) in project.rows("SELECT name FROM codes")) == [
        "Accueil", "Délai", "Prix", "délai (2)"]
    assert project.scalar("SELECT color FROM codes WHERE id = ?", [kept]) == "#123456"  # the project's code stays
    assert sorted(code for (code,) in project.rows("SELECT code_id FROM codings")) == sorted([kept, keyed])


def test_what_a_refi_import_skipped_is_said_in_the_plain_output(tmp_path):
    """Issue 14, item 8: the warnings of a REFI-QDA import reached only --json before."""
    from cli_helpers import run

    qde = _maxqda_qde(CRLF_TEXT).replace("</Sources>", f'<PDFSource guid="{G_VAR}" name="contrat.pdf"/></Sources>')
    archive = write_qdpx(tmp_path / "pdf.qdpx", qde, {f"sources/{G_SOURCE}.txt": CRLF_TEXT})
    assert run("new", tmp_path / "p.vwb")[0] == 0
    code, out, _ = run("import", tmp_path / "p.vwb", archive, "-q")
    assert code == 0
    assert "1 PDFSource source(s) skipped: only text sources are imported" in out
