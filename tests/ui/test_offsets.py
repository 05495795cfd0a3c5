"""Code point <-> UTF-16 conversion: the only place the GUI's offsets could drift from the engine's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.offsets import Utf16Map


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_emoji_and_combining_accents() -> None:
    text = "Merci 😀 pour l'e\u0301quipe 👍🏽 !"
    mapping = Utf16Map(text)
    start = text.index("pour")
    assert mapping.to_utf16(start) == start + 1  # one emoji before: one extra UTF-16 unit
    end = len(text)
    assert mapping.to_utf16(end) == _utf16_length(text)
    assert mapping.to_code_point(mapping.to_utf16(start)) == start


def test_position_inside_a_surrogate_pair_snaps_to_the_character() -> None:
    mapping = Utf16Map("a😀b")
    assert mapping.to_code_point(2) == 1  # between the two halves of the emoji
    assert mapping.to_code_point(3) == 2


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip_for_any_text(text: str) -> None:
    mapping = Utf16Map(text)
    for offset in range(len(text) + 1):
        position = mapping.to_utf16(offset)
        assert position == _utf16_length(text[:offset])
        assert mapping.to_code_point(position) == offset


TRICKY = [
    "Merci 😀 pour l'e\u0301quipe 👍🏽 !",  # astral characters, a combining accent
    "ligne 1\nligne 2\n\nfin 🙂",  # what CRLF becomes once stored
    "avant\u2028après\u2029suite\u00a0fin",  # separators Qt turns into line and block breaks, a no-break space
    "🇫🇷🇫🇷 drapeaux, 👩‍👩‍👧 famille",  # flags and a zero-width-joiner sequence
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_viewer_selects_and_reports_the_same_code_points(qtbot, text: str) -> None:
    """Qt's text document must hold the stored text one UTF-16 unit per unit: every span selected in the
    viewer comes back as the same code points, and the characters it shows are the stored ones."""
    from ui.views.document_view import DocumentViewer
    from workbench.browse import DocumentView

    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    viewer.show_document(DocumentView(1, "other", "t", text, "fr", None))
    assert viewer.document().characterCount() == _utf16_length(text) + 1  # + the final block end
    n = len(text)
    spans = {(i, i + 1) for i in range(n)} | {(0, i) for i in range(1, n + 1)} | {(i, n) for i in range(n)}
    for start, end in sorted(spans):
        viewer.select_span(start, end)
        assert viewer.selected_span() == (start, end)
        assert viewer.createMimeDataFromSelection().text() == text[start:end]
