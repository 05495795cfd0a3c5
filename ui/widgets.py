"""Small widget helpers shared by the panels."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSizePolicy


def shrinking_combo(minimum_chars: int = 8) -> QComboBox:
    """A combo box that takes the width its pane gives it: sized to its longest item (a code path, a
    free-text variable value) it would widen the pane, and the window, past the screen."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum_chars)
    combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return combo
