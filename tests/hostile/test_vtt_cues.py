"""Malformed subtitle cues are said, never dropped in silence (issue 14, item 8): three of four cues vanished
with exit code 0 before. The readable cues are imported; each block that looked like a cue but had no
readable timing is named with its line and reason, in the plain output of the command line."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run

from workbench.ingest.folder import import_file

pytest_plugins = ["hostile_fixtures"]  # seeded, seeded_path

NO_TIMING = "a cue without a readable 'start --> end' timing line"
SKIPPED = f"2 part(s) skipped: line 8: {NO_TIMING}; line 11: {NO_TIMING}"


def _vtt(folder: Path) -> Path:
    path = folder / "appel.vtt"
    path.write_text("WEBVTT\r\n\r\nNOTE exported by the call system\r\n\r\n"
                    "00:00:01.000 --> 00:00:04.000\r\n<v Client>Ma facture 🧾 est fausse.\r\n\r\n"
                    "00:00:05,000 -> 00:00:07.000\r\n<v Conseillère>Je regarde.\r\n\r\n"
                    "00:00:08.000 --> \r\n<v Client>Merci.\r\n\r\n"
                    "00:00:09.000 --> 00:00:10.000\r\n<v Conseillère>Au revoir.\r\n", encoding="utf-8")
    return path


def test_malformed_cues_are_reported_with_their_lines(seeded, tmp_path):
    result = import_file(seeded, _vtt(tmp_path))
    assert (result.documents, result.segments, result.message) == (1, 2, SKIPPED)
    assert seeded.scalar("SELECT text FROM documents WHERE title = 'appel'") == (
        "Client : Ma facture 🧾 est fausse.\nConseillère : Au revoir.")


def test_the_command_line_says_what_it_skipped(seeded_path, tmp_path):
    code, out, err = run("import", seeded_path, _vtt(tmp_path), "-q")
    assert (code, err) == (0, "")
    assert out == f"appel.vtt: 1 call document(s) (2 turns); {SKIPPED}\nimported 1 document from 1 file: 1 call\n"
