"""Text files that switch encoding part-way (issue 14, item 4): decoding the whole as cp1252 would turn every
earlier "é" into "Ã©" without a word, exit code 0. Such a file is refused at the line where the other
encoding starts, and the project is left as it was; a file legacy-encoded throughout is still read."""

from __future__ import annotations

from workbench.ingest.folder import import_file

pytest_plugins = ["hostile_fixtures"]  # seeded, refused

UTF8_ROW = "Le conseiller était très aimable, problème réglé 👍"
MIXED = "this line is not UTF-8 while the lines before it are: the file mixes two encodings; save it again as UTF-8"


def test_a_csv_valid_utf8_for_300_kb_then_one_cp1252_row(refused, tmp_path):
    """The encoding guess read the first 256 KB; the cp1252 row after them made the whole file cp1252."""
    path = tmp_path / "mixte.csv"
    rows = ["id;commentaire"] + [f"{i};{UTF8_ROW}" for i in range(5000)]
    with path.open("wb") as handle:
        handle.write("\r\n".join(rows).encode("utf-8") + b"\r\n")
        handle.write("5000;Déçu par la facture\r\n".encode("cp1252"))
    assert path.stat().st_size > 300 * 1024
    refused(lambda project: import_file(project, path), f"{path}, line 5002: {MIXED} (CSV UTF-8 in Excel)")


def test_a_csv_in_cp1252_throughout_is_still_read(seeded, tmp_path):
    legacy = tmp_path / "ancien.csv"
    legacy.write_bytes(("id;commentaire\r\n" + "".join(f"{i};A{' x' * 40}\r\n" for i in range(4000))
                        + "4000;Déçu, très déçu\r\n").encode("cp1252"))
    import_file(seeded, legacy)
    assert seeded.scalar("SELECT count(*) FROM documents WHERE text = 'Déçu, très déçu'") == 1


def test_a_txt_with_mixed_encodings(refused, tmp_path):
    """A long transcript, plain ASCII but for one UTF-8 turn and then a cp1252 one: the detector, seeing
    mostly plain letters, took it all for cp1252 and stored "j'Ã©tais dÃ©Ã§u"."""
    path = tmp_path / "appel.txt"
    path.write_bytes(("Client : bonjour\n" * 20_000).encode("ascii")
                     + "Client : j'étais déçu\n".encode() + "Conseillère : désolée\n".encode("cp1252"))
    refused(lambda project: import_file(project, path), f"{path}, line 20002: {MIXED}")


def test_a_txt_in_cp1252_throughout_is_still_read(seeded, tmp_path):
    path = tmp_path / "ancien.txt"
    path.write_bytes(("Client : bonjour\n" * 20_000 + "Client : j'étais déçu\nConseillère : désolée\n").encode("cp1252"))
    import_file(seeded, path)
    text = seeded.scalar("SELECT text FROM documents WHERE title = 'ancien'")
    assert text.endswith("Client : j'étais déçu\nConseillère : désolée")
