"""A failed `import --pseudonymise --reversible` keeps no original (issue 14, item 7): the reversible
pseudonymiser commits the names, e-mails and phones it replaces through a connection of its own, so a file
that then failed (nothing imported, exit code 1) left 4,160 originals in the `pseudonyms` table, and its
keyed hashes of them and its counters in `pseudonym_keys` and `meta`. Here the file fails for real, on a row
in another encoding after 4,000 pseudonymised ones."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import ok, run
from digest import file_digest

from workbench.project import Project
from workbench.text import pseudonymise

pytest_plugins = ["hostile_fixtures"]  # seeded_path

NAMES = ["Jean Dupont", "Marie Durand", "Lucie Fontaine", "Amandine Lefebvre"]


def _rows(count: int) -> str:
    """Rows naming four people, each with an e-mail address and a phone number."""
    return "".join(f"{i};Bonjour, ici {NAMES[i % 4]}, écrivez-moi à client{i % 4}@example.fr "
                   f"ou au 06 12 34 56 {i % 4 + 10:02d}.\r\n" for i in range(count))


def _without_the_name_model(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The command's pseudonymiser without spaCy's named-entity model, 15 s to load: e-mails and phones
    are still found, and kept, so a leak still shows."""
    monkeypatch.setattr(pseudonymise, "make_pseudonymiser", lambda project, reversible=False:
                        pseudonymise.Pseudonymiser(project, reversible=reversible, use_ner=False))


def test_a_failed_reversible_import_keeps_no_original(seeded_path, tmp_path, monkeypatch):
    _without_the_name_model(monkeypatch)
    survey = tmp_path / "enquete.csv"
    with survey.open("wb") as handle:
        handle.write(("id;commentaire\r\n" + _rows(4000)).encode("utf-8"))
        handle.write("4000;Déçu par la facture\r\n".encode("cp1252"))
    before = file_digest(seeded_path)
    code, out, err = run("import", seeded_path, survey, "--pseudonymise", "--reversible", "-q")
    assert (code, out) == (1, "")
    assert err == (f"error: {survey}: line 4002: this line is not UTF-8 while the lines before it are: the "
                   "file mixes two encodings; save it again as UTF-8 (CSV UTF-8 in Excel)\n")
    assert file_digest(seeded_path) == before
    assert b"client3@example.fr" not in Path(seeded_path).read_bytes()


def test_the_same_rows_imported_for_real_keep_their_originals(seeded_path, tmp_path, monkeypatch):
    """The rollback takes back only what a failed file brought."""
    _without_the_name_model(monkeypatch)
    survey = tmp_path / "enquete.csv"
    survey.write_bytes(("id;commentaire\r\n" + _rows(40)).encode("utf-8"))
    ok("import", seeded_path, survey, "--pseudonymise", "--reversible", "-q")
    with Project.open(seeded_path, read_only=True) as project:
        kept = set(project.rows("SELECT kind, token FROM pseudonyms"))
    assert {("email", f"client{i}@example.fr") for i in range(4)} <= kept
