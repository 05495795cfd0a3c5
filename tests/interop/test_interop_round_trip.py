"""ours -> .qdpx -> ours -> .qdpx: nothing lost, and the second archive names everything as the first did
(GUIDs of sources, users and selections, creation dates with their time zone, creating users)."""

from __future__ import annotations

import zipfile

from conftest import DATA
from lxml import etree
from qualcoder_reader import read
from refi_helpers import dump
from test_interop_tools import SOURCES, USER, _archive, _maxqda

from workbench.export.refi import export_qdpx
from workbench.ingest.refi import import_qdpx
from workbench.project import Project

pytest_plugins = ["refi_fixtures"]
Q = "{urn:QDA-XML:project:1.0}"


def _identities(path) -> dict[str, list]:
    """What other tools know the archive's things by: GUIDs, names, dates and creators (the archive valid
    against the official Project.xsd)."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    etree.XMLSchema(etree.parse(str(DATA / "refi" / "Project.xsd"))).assertValid(root)
    return {
        "users": sorted((user.get("guid"), user.get("name")) for user in root.iter(f"{Q}User")),
        "sources": sorted((source.get("guid"), source.get("name"), source.get("creationDateTime"),
                           source.get("creatingUser")) for source in root.iter(f"{Q}TextSource")),
        "selections": sorted((selection.get("guid"), selection.get("startPosition"), selection.get("endPosition"),
                              selection.get("creatingUser"), selection[-1].get("guid") if len(selection) else None)
                             for selection in root.iter(f"{Q}PlainTextSelection")),
        "sets": sorted((found.get("name"), len(found)) for found in root.iter(f"{Q}Set")),
        "cases": sorted((case.get("guid"), case.get("name"), len(case)) for case in root.iter(f"{Q}Case")),
    }


def test_ours_to_qdpx_to_ours_loses_nothing(rich, tmp_path):
    from builders import set_value

    project, ids = rich
    set_value(project, ids["d1"], "set: Rappels", "true", "boolean")
    set_value(project, ids["d3"], "set: Rappels", "true", "boolean")
    for key, case in (("d1", "Client A"), ("d2", "Client A"), ("d3", "Client B")):
        set_value(project, ids[key], "case", case, "text")
    original = dump(project)
    export_qdpx(project, tmp_path / "first.qdpx")
    with Project.create(tmp_path / "copy.vwb") as copy:
        import_qdpx(copy, tmp_path / "first.qdpx")
        assert dump(copy) == original  # texts, titles, kinds, dates, codes, sets, codings by coder, memos, values
        export_qdpx(copy, tmp_path / "second.qdpx")
    first, second = _identities(tmp_path / "first.qdpx"), _identities(tmp_path / "second.qdpx")
    assert second["users"] == first["users"]
    assert [s[:2] + s[3:] for s in second["sources"]] == [s[:2] + s[3:] for s in first["sources"]]
    assert [s[2] for s in second["sources"]] == [s[2] for s in first["sources"]]  # dates with their offset
    assert all(s[2][-6] in "+-" for s in first["sources"])
    assert second["selections"] == first["selections"]
    assert second["sets"] == first["sets"] and ("Rappels", 2) in first["sets"]  # a set of two documents
    assert second["cases"] == first["cases"] and sorted(case[1] for case in first["cases"]) == ["Client A", "Client B"]
    assert sorted(read(tmp_path / "second.qdpx").texts()) == sorted(read(tmp_path / "first.qdpx").texts())


def test_another_tools_identities_go_back_unchanged(project, tmp_path):
    import_qdpx(project, _archive(tmp_path, "maxqda.qdpx", _maxqda()))
    export_qdpx(project, tmp_path / "back.qdpx")
    back = _identities(tmp_path / "back.qdpx")
    user = USER.strip("{}").lower()
    assert back["users"] == [(user, "Marie")]
    assert back["sources"] == sorted((guid.strip("{}").lower(), f"Entretien {n}", "2024-05-02T10:15:00+02:00", user)
                                     for n, guid in enumerate(SOURCES))
    [selection] = back["selections"]
    assert selection[0] == "00000000-0000-4000-8000-000000000000" and selection[3] == user
    assert selection[4] == "00000000-0000-4000-8000-0000000000a0"


def test_a_version_5_project_gains_the_identities_table_on_open(tmp_path):
    with Project.create(tmp_path / "old.vwb", version=5) as old:
        assert old.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'refi_identities'") == 0
    with Project.open(tmp_path / "old.vwb") as migrated:
        assert migrated.schema_version >= 6
        assert migrated.rows("SELECT * FROM refi_identities") == []
        assert [c[0] for c in migrated.execute("SELECT * FROM refi_identities").description] == [
            "kind", "target_id", "guid", "name", "created", "created_by"]


def test_an_unreadable_sidecar_is_said_and_the_archive_still_imports(rich, tmp_path):
    project, _ = rich
    export_qdpx(project, tmp_path / "ours.qdpx")
    with zipfile.ZipFile(tmp_path / "ours.qdpx") as archive, \
            zipfile.ZipFile(tmp_path / "edited.qdpx", "w") as edited:
        for name in archive.namelist():
            edited.writestr(name, b"{not json" if name == "verbatim-workbench.json" else archive.read(name))
    with Project.create(tmp_path / "copy.vwb") as copy:
        result = import_qdpx(copy, tmp_path / "edited.qdpx")
        assert result.warnings == [("verbatim-workbench.json is not in a format this version reads: ignored (kinds, "
                                   "languages and code criteria of the documents and codes are not restored)")]
        assert copy.scalar("SELECT count(*) FROM documents") == 3
        assert copy.rows("SELECT DISTINCT kind FROM documents") == [("other",)]
