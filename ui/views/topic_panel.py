"""Topic explorer: the themes of the latest topic run, largest first. A theme's units, most typical
first, open in the viewer; a theme can be proposed as a code, which files its units in the review queue
as pending suggestions (one undoable action). Topics are computed by Traitement > Trouver des thèmes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench import browse
from workbench.errors import WorkbenchError
from workbench.project import Project

SPAN_ROLE = Qt.ItemDataRole.UserRole
NO_RUN = QT_TRANSLATE_NOOP("TopicPanel", "Aucun thème pour l'instant : Traitement > Trouver des thèmes.")


class TopicPanel(QWidget):
    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.coder = "analyste"
        self.run_id: int | None = None
        self._topics: list[dict] = []
        self.summary = QLabel(self.tr(NO_RUN))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Thème"), self.tr("Unités"), self.tr("Mots-clés")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.members = QListWidget()
        self.members.setWordWrap(True)
        self.code_choice = QComboBox()
        # Code paths run long; sized to their full length they would widen the whole window.
        self.code_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.code_choice.setMinimumContentsLength(12)
        self.code_choice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.map_button = QPushButton(self.tr("Proposer ce code pour le thème"))
        self.map_button.setEnabled(False)
        mapping = QVBoxLayout()  # one above the other: side by side they set the pane's width
        mapping.addWidget(self.code_choice)
        mapping.addWidget(self.map_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        members_title = QLabel(self.tr("Unités du thème (les plus typiques d'abord)"))
        members_title.setWordWrap(True)
        layout.addWidget(members_title)
        layout.addWidget(self.members, 3)
        layout.addLayout(mapping)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_topic(row))
        self.members.itemActivated.connect(self._open)
        self.members.itemClicked.connect(self._open)
        self.map_button.clicked.connect(self._map_to_code)

    def set_project(self, project: Project, coder: str, codes: list[tuple[str, int]]) -> None:
        """`codes`: (path, id) of the codes that can be applied, for the mapping chooser."""
        self.project = project
        self.coder = coder
        self.set_codes(codes)
        self.reload()

    def set_codes(self, codes: list[tuple[str, int]]) -> None:
        """The codes the mapping chooser offers, keeping the one chosen if it still exists."""
        chosen = self.code_choice.currentData()
        self.code_choice.clear()
        for path, code_id in codes:
            self.code_choice.addItem(path, code_id)
        self.code_choice.setCurrentIndex(max(self.code_choice.findData(chosen), 0))

    def reload(self) -> None:
        from workbench.suggest.topics import latest_run, topic_table

        self.table.setRowCount(0)
        self.members.clear()
        self._topics = []
        self.run_id = None
        self.map_button.setEnabled(False)
        if self.project is None:
            return
        try:
            self.run_id = latest_run(self.project)
        except WorkbenchError:
            self.summary.setText(self.tr(NO_RUN))
            return
        self._topics = topic_table(self.project, self.run_id)
        units = sum(row["size"] for row in self._topics)
        named = [row for row in self._topics if row["topic"] != -1]
        self.summary.setText(
            self.tr("%n thème(s) sur {units} (analyse n° {run}).", "", len(named)).format(
                units=self.tr("%n unité(s)", "", units), run=self.run_id
            )
        )
        self.table.setRowCount(len(self._topics))
        for index, row in enumerate(self._topics):
            if row["topic"] == -1:
                label = self.tr("Non classées")
            else:
                label = row["label"] or self.tr("Thème {number}").format(number=row["topic"])
            for column, value in enumerate((label, str(row["size"]), ", ".join(row["keywords"] or []))):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.setColumnWidth(0, 190)
        self.table.resizeColumnToContents(1)

    def current_topic(self) -> int | None:
        row = self.table.currentRow()
        return self._topics[row]["topic"] if 0 <= row < len(self._topics) else None

    def _show_topic(self, row: int) -> None:
        self.members.clear()
        if self.project is None or self.run_id is None or not 0 <= row < len(self._topics):
            self.map_button.setEnabled(False)
            return
        topic = self._topics[row]["topic"]
        for member in browse.topic_members(self.project, self.run_id, topic):
            probability = member["probability"]
            prefix = f"{probability:.2f} · " if probability is not None else ""
            item = QListWidgetItem(prefix + (member["text"] or "").replace("\n", " "))
            item.setData(SPAN_ROLE, (member["document_id"], member["start_pos"], member["end_pos"]))
            self.members.addItem(item)
        self.map_button.setEnabled(topic != -1 and self.code_choice.count() > 0)

    def _open(self, item: QListWidgetItem) -> None:
        self.openMatch.emit(*item.data(SPAN_ROLE))

    def _map_to_code(self) -> None:
        from workbench.suggest.topics import map_topic_to_code

        topic = self.current_topic()
        code_id = self.code_choice.currentData()
        if self.project is None or self.run_id is None or topic is None or code_id is None:
            return
        filed = map_topic_to_code(self.project, int(code_id), topic, self.run_id, coder=self.coder)
        self.summary.setText(
            self.tr("%n suggestion(s) de « {code} » ajoutée(s) à la file de revue.", "", filed).format(
                code=self.code_choice.currentText()
            )
        )
