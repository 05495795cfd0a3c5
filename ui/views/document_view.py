"""The document viewer: the stored text with codings painted in their code colours.

Codings are drawn as translucent extra selections, so overlapping codings stay visible (their colours mix).
The viewer reports selections in engine offsets (code points), converting through `ui.offsets` only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ui.offsets import Utf16Map
from workbench.browse import DocumentView

DEFAULT_CODE_COLOUR = "#999999"
HIGHLIGHT_ALPHA = 90


class DocumentViewer(QPlainTextEdit):
    """Read-only text with coding highlights; emits `spanSelected(start, end)` in code points."""

    spanSelected = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont()
        font.setPointSize(11)
        self.setFont(font)
        self._map = Utf16Map("")
        self._view: DocumentView | None = None
        self.selectionChanged.connect(self._emit_selection)

    @property
    def view(self) -> DocumentView | None:
        return self._view

    def show_document(self, view: DocumentView | None) -> None:
        self._view = view
        text = view.text if view else ""
        self._map = Utf16Map(text)
        self.setPlainText(text)
        self.paint_codings()

    def paint_codings(self, focus_code_id: int | None = None) -> None:
        """Highlight every coding; when `focus_code_id` is given, only that code's codings."""
        selections = []
        for coding in self._view.codings if self._view else []:
            if focus_code_id is not None and coding.code_id != focus_code_id:
                continue
            selection = QTextEdit.ExtraSelection()
            colour = QColor(coding.color or DEFAULT_CODE_COLOUR)
            colour.setAlpha(HIGHLIGHT_ALPHA)
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            fmt.setToolTip(f"{coding.code_name} — {coding.coder} ({coding.origin})")
            selection.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(coding.start))
            cursor.setPosition(self._map.to_utf16(coding.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    def selected_span(self) -> tuple[int, int] | None:
        """The current selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_code_point(cursor.selectionStart())
        end = self._map.to_code_point(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        """Select code points [start, end) — used by tests and by 'go to coding'."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _emit_selection(self) -> None:
        span = self.selected_span()
        if span:
            self.spanSelected.emit(*span)
