"""The document browser: the list of documents with filters that combine, sortable columns and a count.

An analyst narrows a corpus the way the questions come ("e-mails from the South not yet coded as
Facturation", "what bob coded", "what still has suggestions to review"); each choice below becomes one
field of a `workbench.document_list.DocumentQuery`, and the list shows how many documents remain. The
list follows the document opened from elsewhere (search, suggestions, training) without reopening it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.kinds import kind_label
from ui.models.documents import DocumentTableModel
from ui.widgets import shrinking_combo
from workbench import browse, codebook, document_list
from workbench.document_list import DocumentQuery
from workbench.project import Project
from workbench.store.coders import list_coders


class DocumentBrowser(QWidget):
    """Filters, count and the paged, sortable list; emits `documentChosen(id)` when the user picks a row."""

    documentChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.model: DocumentTableModel | None = None
        self._following = False
        self._open_id: int | None = None

        self.kind_filter = shrinking_combo()
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Filtrer (texte ou titre)…"))
        self.text_filter.setClearButtonEnabled(True)
        self.more = QToolButton()
        self.more.setText(self.tr("Filtres"))
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setArrowType(Qt.ArrowType.RightArrow)

        self.variable = shrinking_combo()
        self.value = shrinking_combo()
        self.code = shrinking_combo()
        self.code_mode = shrinking_combo(4)
        self.code_mode.addItem(self.tr("codé avec"), "has")
        self.code_mode.addItem(self.tr("sans"), "lacks")
        self.coder = shrinking_combo()
        self.review = shrinking_combo()
        for label, state in (
            (self.tr("Tous"), None),
            (self.tr("Non codés"), "uncoded"),
            (self.tr("Codés"), "coded"),
            (self.tr("Suggestions à revoir"), "pending_suggestions"),
            (self.tr("Sans suggestion à revoir"), "no_pending_suggestions"),
        ):
            self.review.addItem(label, state)
        self.clear_filters = QPushButton(self.tr("Effacer les filtres"))
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_mode)
        code_row.addWidget(self.code, 1)
        variable_row = QHBoxLayout()
        variable_row.addWidget(self.variable, 1)
        variable_row.addWidget(self.value, 1)
        self.filters = QWidget()
        form = QFormLayout(self.filters)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Variable"), variable_row)
        form.addRow(self.tr("Code"), code_row)
        form.addRow(self.tr("Codeur"), self.coder)
        form.addRow(self.tr("Révision"), self.review)
        form.addRow(self.clear_filters)
        self.filters.hide()

        self.count = QLabel()
        self.count.setWordWrap(True)
        self.table = QTableView()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)

        top = QHBoxLayout()
        top.addWidget(self.kind_filter, 1)
        top.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.text_filter)
        layout.addWidget(self.filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

        self.more.toggled.connect(self._show_filters)
        self.text_filter.returnPressed.connect(self.apply_filters)
        for combo in (self.kind_filter, self.value, self.code, self.code_mode, self.coder, self.review):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.variable.currentIndexChanged.connect(self._fill_values)
        self.clear_filters.clicked.connect(self.reset_filters)

    # -- project --------------------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        self.project = project
        self.model = DocumentTableModel(project)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.model.loaded.connect(self._list_loaded)
        self.model.modelReset.connect(self._update_count)
        header = self.table.horizontalHeader()
        margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 4
        for column, width in ((0, 48), (1, 70), (3, 80), (4, 64), (5, 86)):
            # At least as wide as the header, whose words differ in length between languages.
            label = self.model.headerData(column, Qt.Orientation.Horizontal)
            self.table.setColumnWidth(column, max(width, header.fontMetrics().horizontalAdvance(label) + margin))
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.refresh_choices()
        self._update_count()

    def refresh_choices(self) -> None:
        """The kinds, variables, codes and coders offered, keeping what is chosen where it still exists."""
        assert self.project is not None
        project = self.project
        self._refill(self.kind_filter, self.tr("Tous les types"),
                     [(f"{kind_label(kind)} ({count})", kind) for kind, count in browse.document_kinds(project)])
        self._refill(self.variable, self.tr("Toute variable"),
                     [(name, name) for name, _type in browse.variable_names(project)])
        self._refill(self.code, self.tr("Tout code"),
                     [(node["path"], node["id"]) for node in codebook.code_tree(project)])
        self._refill(self.coder, self.tr("Tout codeur"),
                     [(coder["name"], coder["id"]) for coder in list_coders(project)])
        self._fill_values()

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, data in items:
            combo.addItem(label, data)
            combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def _fill_values(self) -> None:
        variable = self.variable.currentData()
        values = [] if self.project is None or variable is None else document_list.variable_values(self.project, variable)
        self._refill(self.value, self.tr("Toute valeur"), [(f"{value} ({n})", value) for value, n in values])
        self.value.setEnabled(variable is not None)
        self.apply_filters()

    # -- filters --------------------------------------------------------------------------------------
    def query(self) -> DocumentQuery:
        """What the filters ask for, in the list's current order."""
        kind = self.kind_filter.currentData()
        variable, value = self.variable.currentData(), self.value.currentData()
        code = self.code.currentData()
        coder = self.coder.currentData()
        base = self.model.query if self.model is not None else document_list.ALL_DOCUMENTS
        return DocumentQuery(
            kinds=(kind,) if kind else (),
            contains=self.text_filter.text().strip() or None,
            values=((variable, (value,)),) if variable is not None and value is not None else (),
            has_codes=(code,) if code is not None and self.code_mode.currentData() == "has" else (),
            lacks_codes=(code,) if code is not None and self.code_mode.currentData() == "lacks" else (),
            coders=(coder,) if coder is not None else (),
            review=self.review.currentData(),
            sort=base.sort,
            descending=base.descending,
        )

    def apply_filters(self) -> None:
        if self.model is None:
            return
        query = self.query()
        if query != self.model.query:
            self.model.set_query(query)
            self._update_count()

    def reset_filters(self) -> None:
        for combo in (self.kind_filter, self.variable, self.code, self.coder, self.review):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text_filter.clear()
        self._fill_values()

    def _show_filters(self, shown: bool) -> None:
        self.filters.setVisible(shown)
        self.more.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _update_count(self) -> None:
        if self.model is None or self.project is None:
            self.count.clear()
            return
        if self.model.loading:
            self.count.setText(self.tr("Recherche des documents…"))
            return
        shown = self.model.total
        if self.model.query.is_filtered:
            everything = sum(count for _kind, count in browse.document_kinds(self.project))
            self.count.setText(self.tr("%n document(s) sur {total}", "", shown).format(total=everything))
        else:
            self.count.setText(self.tr("%n document(s)", "", shown))

    # -- selection ------------------------------------------------------------------------------------
    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._following and self.model is not None:
            self._open_id = self.model.document_id(current.row())
            self.documentChosen.emit(self._open_id)

    def follow(self, document_id: int | None) -> None:
        """Select the row of a document opened elsewhere, without opening it again; no row is selected
        when the filters leave it out."""
        self._open_id = document_id
        if self.model is None:
            return
        row = self.model.row_of(document_id)
        self._following = True
        try:
            if row is None:
                self.table.selectionModel().clearSelection()
                self.table.selectionModel().setCurrentIndex(QModelIndex(), self.table.selectionModel().SelectionFlag.Clear)
            else:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._following = False

    def _list_loaded(self) -> None:
        """A new list arrived: keep the open document selected if it is still listed."""
        self._update_count()
        self.follow(self._open_id)

    def select_row(self, row: int) -> None:
        """Select (and so open) the document at `row`."""
        self.table.selectRow(row)
