"""The filters every export dialog offers, the same as the command line's `--codes --coders --kinds --from
--to`: the box turns what the user ticked into the engine's `Filters` (`workbench.filters.make_filters`), so
a file written from the window and one written by `workbench export` with the same choices hold the same
rows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from ui.kinds import kind_label
from workbench import browse, codebook
from workbench.filters import Filters, make_filters
from workbench.project import Project
from workbench.store.coders import list_coders

VALUE_ROLE = Qt.ItemDataRole.UserRole


def checkable_list(entries: list[tuple[str, object]]) -> QListWidget:
    """A list of unticked entries (label, value); nothing ticked means "everything", as on the command line."""
    widget = QListWidget()
    for label, value in entries:
        item = QListWidgetItem(label)
        item.setData(VALUE_ROLE, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(110)
    return widget


def ticked(widget: QListWidget) -> list[object]:
    return [widget.item(row).data(VALUE_ROLE) for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked]


def tick(widget: QListWidget, values: list[object]) -> None:
    """Tick the entries whose value is in `values` (and untick the others)."""
    for row in range(widget.count()):
        item = widget.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.data(VALUE_ROLE) in values else Qt.CheckState.Unchecked)


class FilterBox(QGroupBox):
    """Codes (with their sub-codes), coders, document kinds and a date range; empty means everything."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Filtres (rien de coché : tout)"), parent)
        self.codes = checkable_list([("    " * node["depth"] + node["name"], node["id"])
                                     for node in codebook.code_tree(project)])
        self.coders = checkable_list([(row["name"], row["name"]) for row in list_coders(project)])
        self.kinds = checkable_list([(kind_label(kind), kind) for kind, _count in browse.document_kinds(project)])
        self.use_from = QCheckBox(self.tr("Depuis le"))
        self.use_to = QCheckBox(self.tr("Jusqu'au"))
        self.date_from = QDateEdit(QDate.currentDate().addYears(-1))
        self.date_to = QDateEdit(QDate.currentDate())
        for box, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Codes")), 0, 0)
        grid.addWidget(QLabel(self.tr("Codeurs")), 0, 1)
        grid.addWidget(QLabel(self.tr("Types de document")), 0, 2)
        grid.addWidget(self.codes, 1, 0)
        grid.addWidget(self.coders, 1, 1)
        grid.addWidget(self.kinds, 1, 2)
        dates = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        grid.addLayout(dates, 2, 0, 1, 3)
        self.date_widgets: tuple[QWidget, ...] = (self.kinds, self.use_from, self.date_from, self.use_to, self.date_to)

    def whole_documents_only(self) -> None:
        """A format that carries whole documents (REFI-QDA) filters codings, not documents: no kinds, no dates."""
        tick(self.kinds, [])
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        for widget in self.date_widgets:
            widget.setEnabled(False)

    def chosen_codes(self) -> list[int]:
        return [int(value) for value in ticked(self.codes)]  # type: ignore[call-overload]

    def chosen_coders(self) -> list[str]:
        return [str(value) for value in ticked(self.coders)]

    def _day(self, enabled: QCheckBox, edit: QDateEdit) -> date | None:
        if not enabled.isChecked():
            return None
        day = edit.date()
        return date(day.year(), day.month(), day.day())

    def filters(self, project: Project) -> Filters:
        """The engine's filters; raises the engine's one-line error for an empty date range."""
        return make_filters(project, codes=self.chosen_codes(), coders=self.chosen_coders(),
                            kinds=[str(kind) for kind in ticked(self.kinds)],
                            date_from=self._day(self.use_from, self.date_from),
                            date_to=self._day(self.use_to, self.date_to))
