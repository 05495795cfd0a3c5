"""`--positions utf16-crlf`: texts written with CRLF and positions in UTF-16 units, NVivo's way of counting."""

from __future__ import annotations

import zipfile

from cli_helpers import run
from lxml import etree
from refi_helpers import dump

from workbench.ingest.refi import import_qdpx
from workbench.project import Project

pytest_plugins = ["refi_fixtures"]
NS = "{urn:QDA-XML:project:1.0}"


def test_utf16_crlf_positions_land_on_the_same_characters_and_come_back(rich_file, tmp_path):
    path, _ = rich_file
    code, _, err = run("export", path, tmp_path / "nvivo.qdpx", "--positions", "utf16-crlf")
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "nvivo.qdpx") as archive:
        root = etree.fromstring(archive.read("project.qde"))
        files = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith("sources/")}
    with Project.open(path, read_only=True) as project:
        coded = sorted(project.rows(
            "SELECT c.guid, substring(d.text, c.start_pos + 1, c.end_pos - c.start_pos) FROM codings c "
            "JOIN documents d ON d.id = c.document_id"))
        original = dump(project)
    seen = []
    for source in root.iter(f"{NS}TextSource"):
        text = files[f"sources/{source.get('guid')}.txt"]
        assert "\n" not in text.replace("\r\n", "")  # every line ending is CRLF
        units = text.encode("utf-16-le")
        for selection in source.iter(f"{NS}PlainTextSelection"):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            words = units[2 * start:2 * end].decode("utf-16-le").replace("\r\n", "\n")
            seen.append((selection.find(f"{NS}Coding").get("guid"), words))
    assert sorted(seen) == coded and any(ord(char) > 0xFFFF for _, words in coded for char in words)
    with Project.create(tmp_path / "copy.vwb") as copy:
        import_qdpx(copy, tmp_path / "nvivo.qdpx")
        assert dump(copy) == original


def test_positions_apply_to_qdpx_only(rich_file, tmp_path):
    path, _ = rich_file
    code, _, err = run("export", path, tmp_path / "out.csv", "--positions", "utf16-crlf")
    assert code == 1 and "--positions applies to .qdpx files only" in err and not (tmp_path / "out.csv").exists()
