"""Small widget helpers shared by the panels."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSizePolicy, QTabWidget


def shrinking_combo(minimum_chars: int = 8) -> QComboBox:
    """A combo box that takes the width its pane gives it: sized to its longest item (a code path, a
    free-text variable value) it would widen the pane, and the window, past the screen."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum_chars)
    combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return combo


# Tabs drawn like the platform's, with half its side padding: a pane of five tabs fits the right dock of a
# 1024-pixel screen instead of hiding its last tabs behind scroll arrows.
_COMPACT_TABS = (
    "QTabBar::tab { padding: 4px 5px; margin-right: 1px; border: 1px solid palette(mid); border-bottom: none;"
    " border-top-left-radius: 3px; border-top-right-radius: 3px; background: palette(button); }"
    " QTabBar::tab:selected { background: palette(window); }"
    " QTabBar::tab:!selected { margin-top: 2px; background: palette(midlight); }")


def compact_tabs() -> QTabWidget:
    """A tab widget whose tabs take less width, for the narrow panes."""
    tabs = QTabWidget()
    tabs.tabBar().setStyleSheet(_COMPACT_TABS)
    return tabs
