"""The retrieval pane: every passage coded with the selected code, with its context, a page at a time.

An analyst checks that a code holds together by reading what it gathered; a click opens the document on
that passage (`openMatch`, as the search and review panels do). A code may have hundreds of thousands of
codings, so the pane shows the total and loads `PAGE` passages at a time, on demand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.project import Project
from workbench.retrieval import Passage, coded_passages, count_coded_passages

PAGE = 100
SPAN_ROLE = Qt.ItemDataRole.UserRole


def _one_line(text: str) -> str:
    return " ".join(text.split())


class RetrievalPanel(QWidget):
    """Passages of one code; `openMatch(document_id, start, end)` asks to show one in its document."""

    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.code_id: int | None = None
        self.total = 0
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.with_subcodes = QCheckBox(self.tr("Avec les sous-codes"))
        self.passages = QListWidget()
        self.passages.setWordWrap(True)
        self.passages.setAlternatingRowColors(True)
        self.passages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.more = QPushButton()
        self.more.hide()
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.with_subcodes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.passages)
        layout.addWidget(self.more)
        self._subcodes_wanted = False  # the user's choice, which a grouping code overrides while shown
        self.with_subcodes.toggled.connect(self._subcodes_toggled)
        self.more.clicked.connect(self.load_more)
        self.passages.itemClicked.connect(self._open)
        self.passages.itemActivated.connect(self._open)
        self.show_code(None, None)

    def show_code(self, project: Project | None, code_id: int | None, *, codable: bool = True) -> None:
        """List the passages of `code_id` (None: empty the pane). A grouping code has no codings of its
        own, so its sub-codes' passages are shown whatever the box says."""
        self.project, self.code_id = project, code_id
        self.with_subcodes.blockSignals(True)
        self.with_subcodes.setChecked(self._subcodes_wanted or not codable)
        self.with_subcodes.setEnabled(codable and code_id is not None)
        self.with_subcodes.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Read the first page again (after a coding changed, or the box was ticked)."""
        self.passages.clear()
        if self.project is None or self.code_id is None:
            self.total = 0
            self.summary.setText(self.tr("Choisissez un code pour lire ses passages."))
            self.more.hide()
            return
        self.total = count_coded_passages(self.project, self.code_id, include_descendants=self._descendants())
        self.load_more()

    def load_more(self) -> None:
        """Append the next page of passages."""
        if self.project is None or self.code_id is None:
            return
        page = coded_passages(self.project, self.code_id, include_descendants=self._descendants(),
                              offset=self.passages.count(), limit=PAGE)
        for passage in page:
            self.passages.addItem(self._item(passage))
        shown = self.passages.count()
        if self.total == 0:
            self.summary.setText(self.tr("Aucun passage codé."))
        elif shown < self.total:
            self.summary.setText(self.tr("{shown} passages affichés sur {total}").format(shown=shown, total=self.total))
        elif self.total == 1:
            self.summary.setText(self.tr("1 passage"))
        else:
            self.summary.setText(self.tr("{total} passages").format(total=self.total))
        remaining = self.total - shown
        self.more.setVisible(remaining > 0)
        self.more.setText(self.tr("Afficher {count} de plus").format(count=min(PAGE, remaining)))

    def _subcodes_toggled(self, checked: bool) -> None:
        self._subcodes_wanted = checked
        self.reload()

    def _descendants(self) -> bool:
        return self.with_subcodes.isChecked()

    def _item(self, passage: Passage) -> QListWidgetItem:
        before = ("…" if passage.more_before else "") + _one_line(passage.before)
        after = _one_line(passage.after) + ("…" if passage.more_after and not passage.truncated else "")
        body = f"{before} « {_one_line(passage.text)}{'…' if passage.truncated else ''} » {after}".strip()
        heading = self.tr("{title} · {coder}").format(title=passage.document_title, coder=passage.coder)
        if self._descendants():
            heading += f" · {passage.code_name}"
        item = QListWidgetItem(f"{heading}\n{body}")
        item.setData(SPAN_ROLE, (passage.document_id, passage.start, passage.end))
        item.setToolTip(self.tr("Cliquez pour ouvrir le document sur ce passage."))
        return item

    def _open(self, item: QListWidgetItem) -> None:
        document_id, start, end = item.data(SPAN_ROLE)
        self.openMatch.emit(document_id, start, end)
