"""Memos and names of our export, read the way QualCoder reads an archive (see `qualcoder_reader`)."""

from __future__ import annotations

from qualcoder_reader import read

from workbench.export.refi import export_qdpx

pytest_plugins = ["refi_fixtures"]


def test_qualcoder_finds_every_memo(rich, tmp_path):
    project, _ = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    seen = read(tmp_path / "out.qdpx")
    memos = [text for (text,) in project.rows("SELECT text FROM memos ORDER BY id")]
    assert len(memos) == 4
    for memo in memos:
        assert any(memo in shown for shown in seen.texts()), memo
    assert seen.code_memos["Prix"] == "Inclure les frais."
    assert seen.code_memos["Émotions"] == "Ce que ressent le client."  # a definition stays a definition
    assert seen.file_memos == {"Courriel 7": "Client très fâché 😠"}
    assert seen.segment_memos == ["Ironie ?"]
    assert list(seen.journals.values()).count("Étude pilote\r\nmars 2026") == 1


def test_a_code_with_a_definition_and_memos_shows_both(rich, tmp_path):
    from workbench.store.memos import add_memo

    project, ids = rich
    add_memo(project, "code", ids["emotions"], "Revoir avec l'équipe.")
    export_qdpx(project, tmp_path / "out.qdpx")
    assert read(tmp_path / "out.qdpx").code_memos["Émotions"] == "Ce que ressent le client.\n\nRevoir avec l'équipe."


def test_other_tools_see_no_metadata_of_ours(rich, tmp_path):
    project, _ = rich
    export_qdpx(project, tmp_path / "out.qdpx")
    seen = read(tmp_path / "out.qdpx")
    assert not any("verbatim-workbench" in text for text in seen.texts())
    assert not any(name.startswith("vwb:") for name in seen.attributes)
    assert seen.case_names == []  # no invented case per document


def test_every_source_has_a_unique_meaningful_name(project, tmp_path):
    from builders import add_document, add_source

    survey = add_source(project, "enquete.xlsx", kind="xlsx")
    for row in (1, 2, 3):
        add_document(project, f"Réponse {row}.", None, "survey", source_id=survey, position=row)
    add_document(project, "Premier courriel.", "Facture", "email")
    add_document(project, "Second courriel.", "Facture", "email", source_name="boite.mbox", position=7)
    export_qdpx(project, tmp_path / "out.qdpx")
    names = read(tmp_path / "out.qdpx").file_names
    assert names == ["enquete.xlsx, row 1", "enquete.xlsx, row 2", "enquete.xlsx, row 3",
                     "Facture (Facture.txt, row 1)", "Facture (boite.mbox, row 7)"]
    assert len({name.casefold() for name in names}) == len(names)
