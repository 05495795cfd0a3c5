"""Coding stripes: one vertical bar per coding in the margin of the text, in its code's colour, with the
code's name written along it, as in the coding stripes of other qualitative analysis tools.

Bars that would overlap in the margin are put side by side in lanes (`assign_bar_lanes`), so every coding
keeps its own bar however many share a line; codings that overlap in the text get lanes the same way for
their underlines (`assign_lanes`). A whole-document coding is a
bar from the top of the text to its end, never a block over the words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from workbench.browse import CodingSpan

DEFAULT_CODE_COLOUR = "#999999"
LANE_WIDTH = 17
BAR_WIDTH = 4
MARGIN = 4
MAX_WIDTH = 260


def code_colour(span: CodingSpan) -> QColor:
    return QColor(span.color or DEFAULT_CODE_COLOUR)


def assign_lanes(spans: Sequence[CodingSpan]) -> dict[int, int]:
    """Coding id -> lane (0, 1, …): a coding takes the first lane free over its whole span. Longer codings
    come first at the same start, so a passage coded inside a longer one sits beside it, not under it."""
    lanes: dict[int, int] = {}
    ends: list[int] = []  # where each lane's latest coding ends
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.id)):
        lane = next((index for index, end in enumerate(ends) if end <= span.start), len(ends))
        if lane == len(ends):
            ends.append(span.end)
        else:
            ends[lane] = span.end
        lanes[span.id] = lane
    return lanes


@dataclass(frozen=True)
class Stripe:
    """One bar of the margin: which coding, in which lane, drawn from `top` to `bottom` (widget pixels)."""

    coding: CodingSpan
    lane: int
    top: int
    bottom: int

    def rect(self, current: bool = False) -> QRect:
        width = BAR_WIDTH + (2 if current else 0)
        return QRect(MARGIN + self.lane * LANE_WIDTH, self.top, width, max(self.bottom - self.top, 4))

    def hit_rect(self) -> QRect:
        """What a click may land on: the bar and the name beside it."""
        return QRect(MARGIN + self.lane * LANE_WIDTH, self.top, LANE_WIDTH, max(self.bottom - self.top, 4))


def assign_bar_lanes(extents: Sequence[tuple[int, int, int]]) -> dict[int, int]:
    """Coding id -> lane for bars (id, top, bottom) in pixels: two codings on the same line take two lanes
    even when their words do not overlap, since their bars would."""
    lanes: dict[int, int] = {}
    bottoms: list[int] = []
    for coding_id, top, bottom in sorted(extents, key=lambda e: (e[1], -(e[2] - e[1]), e[0])):
        lane = next((index for index, end in enumerate(bottoms) if end < top), len(bottoms))
        if lane == len(bottoms):
            bottoms.append(bottom)
        else:
            bottoms[lane] = bottom
        lanes[coding_id] = lane
    return lanes


class CodingStripes(QWidget):
    """The margin beside the text. `place` gives a coding's vertical extent in the text's viewport and
    `scroll` how far the text is scrolled, both from the viewer, which knows the layout; bars are laid out
    once per document and width (`relayout`) in document pixels, so scrolling only shifts them. A click on
    a bar emits `stripeClicked(coding id, where)`."""

    stripeClicked = Signal(int, QPoint)

    def __init__(self, place: Callable[[CodingSpan], tuple[int, int]], scroll: Callable[[], int],
                 describe: Callable[[CodingSpan], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._place = place
        self._scroll = scroll
        self._describe = describe
        self._codings: list[CodingSpan] = []
        self._layout: list[tuple[CodingSpan, int, int, int]] | None = None  # span, lane, top, bottom
        self.current_coding: int | None = None
        self.focus_code: int | None = None
        self.setMouseTracking(True)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 2, 6))
        self.setFont(font)

    def set_codings(self, codings: Sequence[CodingSpan]) -> None:
        self._codings = list(codings)
        self.relayout()

    def relayout(self) -> None:
        """Forget where the bars are (new codings, another width of text): found again when next needed."""
        self._layout = None
        self.update()

    def _bars(self) -> list[tuple[CodingSpan, int, int, int]]:
        if self._layout is None:
            scroll = self._scroll()
            placed = {span.id: self._place(span) for span in self._codings}
            lanes = assign_bar_lanes([(span.id, top, bottom) for span, (top, bottom) in
                                      ((span, placed[span.id]) for span in self._codings)])
            self._layout = [(span, lanes[span.id], placed[span.id][0] + scroll, placed[span.id][1] + scroll)
                            for span in self._codings]
        return self._layout

    def preferred_width(self) -> int:
        lanes = max((lane for _, lane, _, _ in self._bars()), default=-1) + 1
        return 0 if not lanes else min(2 * MARGIN + lanes * LANE_WIDTH, MAX_WIDTH)

    def stripes(self) -> list[Stripe]:
        """Every bar on screen with its place: what is painted, and what tests inspect."""
        scroll, height = self._scroll(), self.height()
        return [Stripe(span, lane, top - scroll, bottom - scroll) for span, lane, top, bottom in self._bars()
                if bottom - scroll >= 0 and top - scroll <= height]

    def stripe_at(self, point: QPoint) -> Stripe | None:
        """The bar under a point; the shortest when bars of several lanes would do."""
        hits = [stripe for stripe in self.stripes() if stripe.hit_rect().contains(point)]
        return min(hits, key=lambda s: s.coding.end - s.coding.start, default=None)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Bars of one colour in one call, then the names, each running down beside its bar as far as the
        bar goes (the painter turned once for all of them)."""
        metrics = QFontMetrics(self.font())
        visible = self.rect()
        bars: dict[int, tuple[QColor, list[QRect]]] = {}
        names: dict[int, tuple[QColor, list[tuple[QPointF, str]]]] = {}
        outline: QRect | None = None
        for stripe in self.stripes():
            current = stripe.coding.id == self.current_coding
            colour = code_colour(stripe.coding)
            if self.focus_code is not None and stripe.coding.code_id != self.focus_code and not current:
                colour.setAlpha(110)
            bar = stripe.rect(current)
            if not bar.intersects(visible):
                continue
            bars.setdefault(colour.rgba(), (colour, []))[1].append(bar)
            if current:
                outline = bar.adjusted(-1, -1, 0, 0)
            top, bottom = max(bar.top(), 0), min(bar.bottom(), visible.bottom())
            name = metrics.elidedText(stripe.coding.code_name, Qt.TextElideMode.ElideRight, bottom - top)
            if len(name) > 3:  # a bar too short for a readable name leaves it to the hover
                pen = self.palette().text().color() if current else colour.darker(160)
                # turned a quarter clockwise, widget point (x, y) is painter point (y, -x)
                names.setdefault(pen.rgba(), (pen, []))[1].append((QPointF(top, -(bar.right() + 2)), name))
        painter = QPainter(self)
        painter.fillRect(visible, self.palette().window())
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in bars.values():
            painter.setBrush(colour)
            painter.drawRects(rects)
        if outline is not None:
            painter.setPen(self.palette().text().color())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(outline)
        painter.rotate(90)
        for pen, texts in names.values():
            painter.setPen(pen)
            for point, name in texts:
                painter.drawText(point, name)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        stripe = self.stripe_at(event.position().toPoint())
        if stripe is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.stripeClicked.emit(stripe.coding.id, event.globalPosition().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        stripe = self.stripe_at(event.position().toPoint())
        self.setCursor(Qt.CursorShape.PointingHandCursor if stripe else Qt.CursorShape.ArrowCursor)

    def event(self, event: QEvent) -> bool:
        """Hovering a bar tells what the text's hover tells: the coding and its memos."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            stripe = self.stripe_at(event.pos())
            if stripe is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._describe(stripe.coding), self)
            return True
        return super().event(event)
