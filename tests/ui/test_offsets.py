"""Code point <-> UTF-16 conversion: the only place the GUI's offsets could drift from the engine's."""

from __future__ import annotations

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
