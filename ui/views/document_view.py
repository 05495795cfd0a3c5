"""The document viewer: the stored text with every coding visible at once.

Each coding that covers part of the text gets a light background in its code's colour (overlaps blend) and
an underline of its own, stacked under the line in lanes, so two, three or five codings on the same words
all show; the margin beside the text holds one coding stripe per coding, whole-document codings included
(a bar down the whole text, never a block over it). Focusing a code in the codebook makes its codings
stronger without hiding the others.

The text shown is the stored text, character for character: speaker names and greyed preambles are
character formats over it (`document_styles`), so the offsets the engine stores never move. Every position
Qt gives is converted to code points through `ui.offsets` only.

The viewer does no coding itself: it says what the user did (a click on a highlight or a stripe, a key, a
right-click, a drag) through signals, and `coding_menu.CodingController` turns that into engine calls.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLineF,
    QMimeData,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ui.offsets import Utf16Map
from ui.views.coding_stripes import CodingStripes, assign_lanes, code_colour
from ui.views.document_styles import email_header_html, parts_html, style_document
from ui.views.suggestion_marks import SuggestionMark, paint_marks
from workbench.browse import CodingSpan, DocumentView

SPAN_MIME_TYPE = "application/x-verbatim-span"
BACKGROUND_ALPHA = 45
FOCUSED_ALPHA = 120
UNFOCUSED_ALPHA = 25
UNDERLINE_STEP = 3  # pixels between stacked underlines
MAX_UNDERLINES = 8  # lanes drawn under a line; deeper overlaps share the last one (the stripes show all)
# A French keyboard's digit row gives these characters without Shift: keys 1-9 work there as well.
AZERTY_DIGITS = {char: rank for rank, char in enumerate("&é\"'(-è_ç", start=1)}


@dataclass(frozen=True)
class Highlight:
    """How one coding is painted over the text: a background in `colour` (translucent, so overlaps blend)
    and an underline in the code's colour, stacked in `lane` (0 is right under the words); `strong` for
    the focused code and the coding being edited."""

    coding: CodingSpan
    lane: int
    colour: QColor
    strong: bool


def span_mime_data(document_id: int, start: int, end: int) -> bytes:
    """What a dragged selection carries for the codebook: the document and the span in code points."""
    return json.dumps({"document_id": document_id, "start": start, "end": end}).encode("utf-8")


class DocumentViewer(QTextEdit):
    """Read-only text with coding highlights, underlines and stripes; reports spans in code points."""

    spanSelected = Signal(int, int)
    codingsClicked = Signal(list, QPoint)  # ids of the codings under a click, and where
    stripeClicked = Signal(int, QPoint)
    favouriteKey = Signal(int)  # 1-9
    quickCodeRequested = Signal()
    contextMenuRequested = Signal(int, QPoint)  # code point under the mouse, and where
    suggestionMenuRequested = Signal(list, int, QPoint)  # pending suggestions under a right-click, code point, where
    documentShown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)  # the text never changes; Ctrl+Z belongs to the project's journal
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        font = QFont()
        font.setPointSize(11)
        self.setFont(font)
        self._map = Utf16Map("")
        self._view: DocumentView | None = None
        self._focus_code: int | None = None
        self.current_coding: int | None = None
        self._lanes: dict[int, int] = {}
        self._highlights: list[Highlight] = []
        self._gap = -1  # underline lanes the lines have room for
        self._placing = False
        self.memos_for: Callable[[int], list[dict[str, Any]]] = lambda _coding_id: []  # set by the controller
        self.span_before_click: tuple[int, int] | None = None
        self._press_point: QPoint | None = None
        self._pending_click: tuple[list[int], QPoint] | None = None
        self._click_timer = QTimer(self)
        self._click_timer.setSingleShot(True)
        self._click_timer.setInterval(QApplication.doubleClickInterval())
        self._click_timer.timeout.connect(self._emit_click)
        self.stripes = CodingStripes(self._stripe_extent, self.verticalScrollBar().value,
                                     lambda span: describe_codings([span], self.memos_for, self._whole), self)
        self.stripes.stripeClicked.connect(self.stripeClicked)
        self.verticalScrollBar().valueChanged.connect(self.stripes.update)
        self._document_size = QSizeF()
        self.document().documentLayout().documentSizeChanged.connect(self._document_resized)
        self.selectionChanged.connect(self._emit_selection)
        self.viewport().setMouseTracking(True)
        self._marks: tuple[int | None, list[SuggestionMark]] = (None, [])

    # -- showing a document -----------------------------------------------------------------------
    @property
    def view(self) -> DocumentView | None:
        return self._view

    def show_document(self, view: DocumentView | None) -> None:
        """Show a document; the same document shown again (after a coding) keeps its scroll and selection."""
        same = view is not None and self._view is not None and view.id == self._view.id and view.text == self._view.text
        scroll = self.verticalScrollBar().value()
        selection = self.selected_span() if same else None
        self._view = view
        text = view.text if view else ""
        self._map = Utf16Map(text)
        codings = view.codings if view else []
        self._lanes = assign_lanes([span for span in codings if not self._whole(span)])
        gap = min(max(self._lanes.values(), default=-1) + 1, MAX_UNDERLINES)
        if not same:
            self.current_coding = None
            self._gap = -1
            self.stripes.set_codings([])  # the new text's layout asks for the stripes: not the old codings
            self.setPlainText(text)
        if not same or gap != self._gap:
            # One edit block: the text is laid out once, after every format is set, not once per format.
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            if view is not None and not same:
                style_document(self.document(), view, self._map)
            self._set_line_gap(gap)
            cursor.endEditBlock()
        if self.current_coding not in {span.id for span in codings}:
            self.current_coding = None
        self.stripes.set_codings(codings)
        self.stripes.current_coding = self.current_coding
        self._place_stripes(shrink=True)
        self.paint_codings(self._focus_code)
        if same:
            if selection:
                self.select_span(*selection)
            self.verticalScrollBar().setValue(scroll)
        self.documentShown.emit()

    def _whole(self, span: CodingSpan) -> bool:
        return self._view is not None and span.start == 0 and span.end == len(self._view.text)

    def _set_line_gap(self, lanes: int) -> None:
        """Room under each line for the stacked underlines: a format on the blocks, the text unchanged."""
        self._gap = lanes
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(2 + UNDERLINE_STEP * lanes, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
        cursor.mergeBlockFormat(block)

    def paint_codings(self, focus_code_id: int | None = None) -> None:
        """Paint every coding; the focused code's (and the current coding) stronger, the others lighter
        but still there.

        The highlights are painted by `paintEvent`, not as QTextEdit extra selections: one fill per colour
        instead of one selection object per coding, and the underlines need the same geometry anyway."""
        self._focus_code = focus_code_id
        highlights = []
        for span in self._view.codings if self._view else []:
            if span.id not in self._lanes:
                continue
            strong = span.id == self.current_coding or (focus_code_id is not None and span.code_id == focus_code_id)
            alpha = FOCUSED_ALPHA if strong else BACKGROUND_ALPHA if focus_code_id is None else UNFOCUSED_ALPHA
            colour = code_colour(span)
            colour.setAlpha(alpha)
            highlights.append(Highlight(span, self._lanes[span.id], colour, strong))
        self._highlights = highlights
        self.stripes.focus_code = focus_code_id
        self.stripes.update()
        self.viewport().update()

    def highlights(self) -> list[Highlight]:
        """The codings painted over the text (all but whole-document ones): what is painted, and what
        tests inspect."""
        return list(self._highlights)

    def set_current_coding(self, coding_id: int | None) -> None:
        """The coding being edited: stronger in the text, outlined in the margin."""
        self.current_coding = coding_id
        self.stripes.current_coding = coding_id
        self.paint_codings(self._focus_code)

    def coding(self, coding_id: int) -> CodingSpan | None:
        return next((span for span in self._view.codings if span.id == coding_id), None) if self._view else None

    # -- geometry -----------------------------------------------------------------------------------
    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def _line_pieces(self, start: int, end: int) -> list[QRectF]:
        """The rectangle, in viewport pixels, that a span [start, end) covers on each of its lines."""
        first, last = self._map.to_utf16(start), self._map.to_utf16(end)
        document, layout_of = self.document(), self.document().documentLayout()
        pieces = []
        block = document.findBlock(first)
        while block.isValid() and block.position() <= last:
            layout = block.layout()
            origin = layout_of.blockBoundingRect(block).topLeft() - self._offset()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                line_start = block.position() + line.textStart()
                line_end = line_start + line.textLength()
                a, b = max(first, line_start), min(last, line_end)
                if a >= b:
                    continue
                x1 = line.cursorToX(a - block.position())[0]
                x2 = line.cursorToX(b - block.position())[0]
                top = origin.y() + line.rect().top()
                pieces.append(QRectF(origin.x() + x1, top, x2 - x1, line.rect().height()))
            block = block.next()
        return pieces

    def _stripe_extent(self, span: CodingSpan) -> tuple[int, int]:
        """Top and bottom, in viewport pixels, of the lines a coding covers (its stripe's extent)."""
        if self._whole(span) or self._view is None:
            layout = self.document().documentLayout()
            top = self.document().documentMargin() - self.verticalScrollBar().value()
            return int(top), int(top + layout.documentSize().height() - 2 * self.document().documentMargin())
        start = self.cursorRect(self._cursor(span.start, span.start))
        end = self.cursorRect(self._cursor(span.end, span.end))
        return start.top(), end.bottom() + 1

    def visible_span(self) -> tuple[int, int]:
        """The code points from the top-left to the bottom-right of the viewport: what painting looks at."""
        corner = self.viewport().rect().bottomRight()
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(corner).position()
        return self._map.to_code_point(first), self._map.to_code_point(last)

    def _place_stripes(self, shrink: bool = False) -> None:
        """Give the margin the width its lanes need. How many lanes depends on where lines wrap, which
        depends on the margin: on a resize the margin only grows, so the two settle instead of chasing
        each other (a new document may shrink it again)."""
        if self._placing:
            return
        self._placing = True
        try:
            current = self.viewportMargins().right()
            width = self.stripes.preferred_width()
            width = width if shrink else max(width, current)
            if width != current:
                self.setViewportMargins(0, 0, width, 0)
                self.stripes.relayout()  # the text is narrower or wider now: lines wrap elsewhere
        finally:
            self._placing = False
        width = self.viewportMargins().right()
        viewport = self.viewport().geometry()
        self.stripes.setGeometry(QRect(viewport.right() + 1, viewport.top(), width, viewport.height()))
        self.stripes.setVisible(width > 0)

    def _document_resized(self, size: QSizeF) -> None:
        """Qt lays a long text out in steps: the bars follow when the laid-out size changes."""
        if size != self._document_size:
            self._document_size = QSizeF(size)
            self.stripes.relayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.stripes.relayout()  # lines wrap differently
        self._place_stripes()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Backgrounds first, the text over them, then the underlines; shapes of one colour are drawn in
        one call."""
        first, last = self.visible_span()
        backgrounds: dict[int, tuple[QColor, list[QRectF]]] = {}
        lines: dict[tuple[int, bool], tuple[QColor, list[QLineF]]] = {}
        for highlight in self._highlights:
            span = highlight.coding
            if span.end < first or span.start > last:
                continue
            underline = code_colour(span)
            if self._focus_code is not None and not highlight.strong:
                underline.setAlpha(120)
            lane = min(highlight.lane, MAX_UNDERLINES - 1)
            for piece in self._line_pieces(span.start, span.end):
                backgrounds.setdefault(highlight.colour.rgba(), (highlight.colour, []))[1].append(piece)
                y = piece.bottom() + 2 + lane * UNDERLINE_STEP
                lines.setdefault((underline.rgba(), highlight.strong), (underline, []))[1].append(
                    QLineF(piece.left(), y, piece.right(), y))
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in backgrounds.values():
            painter.setBrush(colour)
            painter.drawRects(rects)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        for (_, strong), (colour, segments) in lines.items():
            pen = QPen(colour, 3 if strong else 2)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLines(segments)
        paint_marks(painter, self.suggestions(), self._line_pieces, (first, last))
        painter.end()
        self.stripes.update()

    # -- what is under the mouse --------------------------------------------------------------------
    def offset_at(self, point: QPoint) -> int:
        """Code point of the character under a viewport point (the one the mouse is over, not the nearest
        gap between characters)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if position > 0 and self.cursorRect(cursor).x() > point.x():
            position -= 1
        return self._map.to_code_point(position)

    def codings_at(self, offset: int, *, whole: bool = False) -> list[CodingSpan]:
        """The codings covering code point `offset`, the narrowest first; whole-document ones only if asked."""
        if self._view is None:
            return []
        found = [span for span in self._view.codings
                 if span.start <= offset < span.end and (whole or not self._whole(span))]
        return sorted(found, key=lambda span: (span.end - span.start, span.id))

    def tooltip_at(self, offset: int) -> str:
        """What hovering a character shows: each coding on it (code, coder, origin) with its memos."""
        return describe_codings(self.codings_at(offset, whole=True), self.memos_for, self._whole)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(self.offset_at(event.pos())) if self._view else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- clicks, keys, right-click, drag ------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.span_before_click = self.selected_span()  # a click clears it; "resize to the selection" needs it
        self._press_point = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if (event.button() != Qt.MouseButton.LeftButton or self._press_point is None or self.textCursor().hasSelection()
                or (point - self._press_point).manhattanLength() >= QApplication.startDragDistance()):
            return
        ids = [span.id for span in self.codings_at(self.offset_at(point))]
        if ids:  # a double-click (select a word) must not open the menu: wait until it cannot be one
            self._pending_click = (ids, event.globalPosition().toPoint())
            self._click_timer.start()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._click_timer.stop()
        self._pending_click = None
        super().mouseDoubleClickEvent(event)

    def _emit_click(self) -> None:
        if self._pending_click is not None:
            ids, where = self._pending_click
            self._pending_click = None
            self.codingsClicked.emit(ids, where)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        if modifiers == Qt.KeyboardModifier.NoModifier:
            rank = event.key() - Qt.Key.Key_0 if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9 else AZERTY_DIGITS.get(event.text())
            if rank:
                self.favouriteKey.emit(rank)
                return
        if modifiers == Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_K:
            self.quickCodeRequested.emit()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._view is None:
            super().contextMenuEvent(event)
            return
        offset = self.offset_at(event.pos())
        here = [mark.id for mark in self.suggestions_at(offset)]
        if here:
            self.suggestionMenuRequested.emit(here, offset, event.globalPos())
        else:
            self.contextMenuRequested.emit(offset, event.globalPos())

    # -- pending suggestions (`suggestion_marks`) ----------------------------------------------------
    def set_suggestions(self, document_id: int | None, marks: list[SuggestionMark]) -> None:
        """Pending suggestions of document `document_id`, outlined dashed while it is the one shown."""
        self._marks = (document_id, list(marks))
        self.viewport().update()

    def suggestions(self) -> list[SuggestionMark]:
        document_id, marks = self._marks
        return marks if self._view is not None and document_id == self._view.id else []

    def suggestions_at(self, offset: int) -> list[SuggestionMark]:
        return [mark for mark in self.suggestions() if mark.start <= offset < mark.end]

    def createMimeDataFromSelection(self) -> QMimeData:
        """A dragged selection carries its span for the codebook, besides the plain text."""
        data = QMimeData()
        span = self.selected_span()
        if span is None or self._view is None:
            return super().createMimeDataFromSelection()
        data.setText(self._view.text[span[0]:span[1]])
        data.setData(SPAN_MIME_TYPE, span_mime_data(self._view.id, *span))
        return data

    # -- selection in code points -------------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The current selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_code_point(cursor.selectionStart())
        end = self._map.to_code_point(cursor.selectionEnd())
        return (start, end) if start < end else None

    def cursor_offset(self) -> int:
        """Code point where the text cursor stands."""
        return self._map.to_code_point(self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        """Select code points [start, end) — used by tests and by 'go to coding'."""
        self.setTextCursor(self._cursor(start, end))

    def _emit_selection(self) -> None:
        span = self.selected_span()
        if span:
            self.spanSelected.emit(*span)


def _origin(origin: str) -> str:
    if origin == "manual":
        return QCoreApplication.translate("DocumentViewer", "manuel")
    if origin == "suggestion":
        return QCoreApplication.translate("DocumentViewer", "suggestion acceptée")
    if origin == "autocode":
        return QCoreApplication.translate("DocumentViewer", "codage automatique")
    if origin == "import":
        return QCoreApplication.translate("DocumentViewer", "importé")
    return origin


def describe_codings(spans: list[CodingSpan], memos_for: Callable[[int], list[dict[str, Any]]],
                     whole: Callable[[CodingSpan], bool]) -> str:
    """Rich text for a tooltip: one paragraph per coding, its memos under it."""
    blocks = []
    for span in spans:
        colour = html.escape(span.color or "#999999")
        line = (f"<span style='color:{colour}'>■</span> <b>{html.escape(span.code_name)}</b> — "
                f"{html.escape(span.coder)} ({html.escape(_origin(span.origin))})")
        if whole(span):
            line += " · " + html.escape(QCoreApplication.translate("DocumentViewer", "document entier"))
        memo_word = html.escape(QCoreApplication.translate("DocumentViewer", "Mémo"))
        memos = [f"<br>&nbsp;&nbsp;<i>{memo_word} ({html.escape(str(memo.get('coder') or '?'))}) : "
                 f"{html.escape(_short(memo['text']))}</i>" for memo in memos_for(span.id)]
        blocks.append(line + "".join(memos))
    return "<p style='white-space:pre-wrap'>" + "<br>".join(blocks) + "</p>" if blocks else ""


def _short(text: str, length: int = 200) -> str:
    line = " ".join(text.split())
    return line[:length] + "…" if len(line) > length else line


class DocumentPane(QWidget):
    """The viewer with what surrounds it: an e-mail's header above, the codes applied to the whole
    document, a line for short notices, and the parts kept out of the coded text below, greyed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.whole_codes = QLabel()
        self.whole_codes.setTextFormat(Qt.TextFormat.RichText)
        self.whole_codes.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00")
        self.viewer = DocumentViewer()
        self.parts = QTextBrowser()
        self.parts.setMaximumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.header, self.whole_codes, self.notice, self.viewer, self.parts):
            layout.addWidget(widget)
        layout.setStretchFactor(self.viewer, 1)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(6000)
        self._notice_timer.timeout.connect(self.notice.clear)
        self._show_surroundings(None)
        self.viewer.documentShown.connect(lambda: self._show_surroundings(self.viewer.view))

    def _show_surroundings(self, view: DocumentView | None) -> None:
        header = email_header_html(view) if view else ""
        self.header.setText(header)
        self.header.setVisible(bool(header))
        whole = [span for span in (view.codings if view else []) if span.start == 0 and span.end == len(view.text)]
        chips = " ".join(f"<span style='background:{html.escape(span.color or '#999999')}; color:black'>"
                         f"&nbsp;{html.escape(span.code_name)}&nbsp;</span>" for span in whole)
        self.whole_codes.setText(self.tr("Document entier : {codes}").format(codes=chips) if whole else "")
        self.whole_codes.setVisible(bool(whole))
        parts = parts_html(view) if view else ""
        self.parts.setHtml(parts)
        self.parts.setVisible(bool(parts))

    def show_notice(self, text: str) -> None:
        """A short line above the text (nothing selected, a favourite key without a code…)."""
        self.notice.setText(text)
        self._notice_timer.start()
