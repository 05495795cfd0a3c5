"""Topic explorer: the themes of the latest topic run as the analyst edited them, largest first, with their
keywords and sizes. A theme's representative units, most typical first, open in the viewer; a theme can be
renamed, merged into another, or proposed as a code, which files its units in the review queue as pending
suggestions; each of these is one undoable action. Two pictures drawn on a worker complete it: a 2-D map
of the units coloured by theme (`workbench.suggest.topic_map`, a PCA of the cached vectors) and the
themes' sizes over time or across a variable's values. Topics are computed by Traitement > Trouver des
thèmes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import shrinking_combo
from ui.workers import Job
from workbench import browse, charts
from workbench.errors import WorkbenchError
from workbench.project import Project

SPAN_ROLE = Qt.ItemDataRole.UserRole
NO_RUN = QT_TRANSLATE_NOOP("TopicPanel", "Aucun thème pour l'instant : Traitement > Trouver des thèmes.")
BY_PERIOD = "period"
MEMBERS_SHOWN = 200


def _language() -> str:
    from ui.app import current_language

    return current_language()


def _draw_map(project: Project, run_id: int, size: tuple[int, int], lang: str, **_job: Any) -> tuple[bytes, int, int]:
    """The map's PNG, the points drawn and the units of the run, on the job's own connection."""
    from workbench.suggest.topic_edits import edited_topics
    from workbench.suggest.topic_map import unit_map

    try:
        points = unit_map(project, run_id)
        names = {row["topic"]: row["label"] or str(row["topic"]) for row in edited_topics(project, run_id)}
    finally:
        project.close()
    figure = charts.topic_map_chart(points.x, points.y, points.topics, names, explained=points.explained, lang=lang,
                                    size=(size[0] / charts.DPI, size[1] / charts.DPI))
    return charts.png_bytes(figure), len(points.units), points.total


def _draw_sizes(project: Project, run_id: int, variable: str, size: tuple[int, int], lang: str,
                **_job: Any) -> bytes:
    from workbench.suggest.topic_edits import edited_by_variable, edited_over_time

    try:
        if variable == BY_PERIOD:
            frame = edited_over_time(project, run_id)
        else:
            frame = edited_by_variable(project, variable, run_id)
    finally:
        project.close()
    figure = charts.topic_sizes_chart(frame, by="period" if variable == BY_PERIOD else "value", variable=variable,
                                      lang=lang, size=(size[0] / charts.DPI, size[1] / charts.DPI))
    return charts.png_bytes(figure)


def _map_to_code(project: Project, code_id: int, topic: int, run_id: int, coder: str, **_job: Any) -> int:
    from workbench.suggest.topic_edits import map_edited_topic

    try:
        return map_edited_topic(project, code_id, topic, run_id, coder=coder)
    finally:
        project.close()


def _picture() -> QLabel:
    # The picture never asks for room: the dock keeps the width the user gave it.
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    label.setMinimumHeight(160)
    return label


class TopicPanel(QWidget):
    openMatch = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.coder = "analyste"
        self.run_id: int | None = None
        self._topics: list[dict] = []
        self.map_job: Job | None = None
        self.sizes_job: Job | None = None
        self.mapping_job: Job | None = None
        self.summary = QLabel(self.tr(NO_RUN))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Thème"), self.tr("Unités"), self.tr("Mots-clés")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Nouveau nom du thème"))
        self.rename_button = QPushButton(self.tr("Renommer"))
        self.merge_choice = shrinking_combo(12)
        self.merge_button = QPushButton(self.tr("Fusionner dans"))
        self.merge_button.setToolTip(self.tr("Met les unités de ce thème dans le thème choisi, qui garde son nom"))

        self.members = QListWidget()
        self.members.setWordWrap(True)
        self.map_picture = _picture()
        self.map_message = QLabel()
        self.map_message.setWordWrap(True)
        self.draw_map_button = QPushButton(self.tr("Dessiner la carte"))
        self.sizes_picture = _picture()
        self.sizes_choice = QComboBox()
        self.sizes_choice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.draw_sizes_button = QPushButton(self.tr("Dessiner"))
        self.sizes_message = QLabel()
        self.sizes_message.setWordWrap(True)
        for message in (self.map_message, self.sizes_message):  # two lines kept, so a picture keeps its height
            message.setMinimumHeight(2 * message.fontMetrics().lineSpacing())

        self.code_choice = shrinking_combo(12)  # code paths run long
        self.map_button = QPushButton(self.tr("Proposer ce code pour le thème"))

        rename = QHBoxLayout()
        rename.addWidget(self.name_edit, 1)
        rename.addWidget(self.rename_button)
        merge = QHBoxLayout()
        merge.addWidget(self.merge_button)
        merge.addWidget(self.merge_choice, 1)

        members_page = QWidget()
        members_layout = QVBoxLayout(members_page)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_title = QLabel(self.tr("Unités du thème (les plus typiques d'abord)"))
        members_title.setWordWrap(True)
        members_layout.addWidget(members_title)
        members_layout.addWidget(self.members, 1)
        map_page = QWidget()
        map_layout = QVBoxLayout(map_page)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addWidget(self.draw_map_button)
        map_layout.addWidget(self.map_picture, 1)
        map_layout.addWidget(self.map_message)
        sizes_page = QWidget()
        sizes_layout = QVBoxLayout(sizes_page)
        sizes_layout.setContentsMargins(0, 0, 0, 0)
        sizes_controls = QHBoxLayout()
        sizes_controls.addWidget(self.sizes_choice, 1)
        sizes_controls.addWidget(self.draw_sizes_button)
        sizes_layout.addLayout(sizes_controls)
        sizes_layout.addWidget(self.sizes_picture, 1)
        sizes_layout.addWidget(self.sizes_message)
        self.pages = QTabWidget()
        self.pages.addTab(members_page, self.tr("Verbatims"))
        self.pages.addTab(map_page, self.tr("Carte"))
        self.pages.addTab(sizes_page, self.tr("Tailles"))

        mapping = QVBoxLayout()  # one above the other: side by side they set the pane's width
        mapping.addWidget(self.code_choice)
        mapping.addWidget(self.map_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addLayout(rename)
        layout.addLayout(merge)
        layout.addWidget(self.pages, 3)
        layout.addLayout(mapping)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_topic(row))
        self.members.itemActivated.connect(self._open)
        self.members.itemClicked.connect(self._open)
        self.map_button.clicked.connect(self._map_to_code)
        self.rename_button.clicked.connect(lambda: self.rename(self.name_edit.text()))
        self.name_edit.returnPressed.connect(lambda: self.rename(self.name_edit.text()))
        self.merge_button.clicked.connect(lambda: self.merge_into(self.merge_choice.currentData()))
        self.draw_map_button.clicked.connect(self.draw_map)
        self.draw_sizes_button.clicked.connect(self.draw_sizes)
        self._enable_edits(None)

    def set_project(self, project: Project, coder: str, codes: list[tuple[str, int]]) -> None:
        """`codes`: (path, id) of the codes that can be applied, for the mapping chooser."""
        self.project = project
        self.coder = coder
        self.set_codes(codes)
        self.sizes_choice.clear()
        self.sizes_choice.addItem(self.tr("Dans le temps"), BY_PERIOD)
        for name, _type in browse.variable_names(project):
            self.sizes_choice.addItem(self.tr("Selon « {variable} »").format(variable=name), name)
        self.map_picture.clear()
        self.sizes_picture.clear()
        self.reload()

    def set_codes(self, codes: list[tuple[str, int]]) -> None:
        """The codes the mapping chooser offers, keeping the one chosen if it still exists."""
        chosen = self.code_choice.currentData()
        self.code_choice.clear()
        for path, code_id in codes:
            self.code_choice.addItem(path, code_id)
        self.code_choice.setCurrentIndex(max(self.code_choice.findData(chosen), 0))
        self._enable_edits(self.current_topic())

    def _label(self, row: dict) -> str:
        if row["topic"] == -1:
            return self.tr("Non classées")
        return row["label"] or self.tr("Thème {number}").format(number=row["topic"])

    def reload(self) -> None:
        """Read the run again (after a run, an edit, an undo), keeping the theme chosen when it is still there."""
        from workbench.suggest.topic_edits import edited_topics
        from workbench.suggest.topics import latest_run

        chosen = self.current_topic()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        self.members.clear()
        self._topics = []
        self.run_id = None
        self.merge_choice.clear()
        if self.project is None:
            self._enable_edits(None)
            return
        try:
            self.run_id = latest_run(self.project)
        except WorkbenchError:
            self.summary.setText(self.tr(NO_RUN))
            self._enable_edits(None)
            return
        self._topics = edited_topics(self.project, self.run_id)
        units = sum(row["size"] for row in self._topics)
        named = [row for row in self._topics if row["topic"] != -1]
        self.summary.setText(
            self.tr("%n thème(s) sur {units} (analyse n° {run}).", "", len(named)).format(
                units=self.tr("%n unité(s)", "", units), run=self.run_id
            )
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._topics))
        for index, row in enumerate(self._topics):
            label = self._label(row)
            for column, value in enumerate((label, str(row["size"]), ", ".join(row["keywords"] or []))):
                self.table.setItem(index, column, QTableWidgetItem(value))
            if row["topic"] != -1:
                self.merge_choice.addItem(label, row["topic"])
        self.table.blockSignals(False)
        self.table.setColumnWidth(0, 190)
        self.table.resizeColumnToContents(1)
        rows = [index for index, row in enumerate(self._topics) if row["topic"] == chosen]
        if rows:
            self.table.setCurrentCell(rows[0], 0)
        else:
            self._enable_edits(None)

    def current_topic(self) -> int | None:
        row = self.table.currentRow()
        return self._topics[row]["topic"] if 0 <= row < len(self._topics) else None

    def _current_row(self) -> dict | None:
        row = self.table.currentRow()
        return self._topics[row] if 0 <= row < len(self._topics) else None

    def _enable_edits(self, topic: int | None) -> None:
        editable = topic is not None and topic != -1 and self.run_id is not None
        self.rename_button.setEnabled(editable)
        self.name_edit.setEnabled(editable)
        self.merge_button.setEnabled(editable and self.merge_choice.count() > 1)
        self.merge_choice.setEnabled(editable)
        self.map_button.setEnabled(editable and self.code_choice.count() > 0 and self.mapping_job is None)
        for button in (self.draw_map_button, self.draw_sizes_button):
            button.setEnabled(self.run_id is not None)

    def _show_topic(self, row: int) -> None:
        from workbench.suggest.topic_edits import members_of

        self.members.clear()
        if self.project is None or self.run_id is None or not 0 <= row < len(self._topics):
            self._enable_edits(None)
            return
        topic = self._topics[row]["topic"]
        members = []
        for member in members_of(self.project, topic, self.run_id):
            members.extend(browse.topic_members(self.project, self.run_id, member, MEMBERS_SHOWN))
        members.sort(key=lambda m: -(m["probability"] if m["probability"] is not None else -1.0))
        for member in members[:MEMBERS_SHOWN]:
            probability = member["probability"]
            prefix = f"{probability:.2f} · " if probability is not None else ""
            item = QListWidgetItem(prefix + (member["text"] or "").replace("\n", " "))
            item.setData(SPAN_ROLE, (member["document_id"], member["start_pos"], member["end_pos"]))
            self.members.addItem(item)
        self.name_edit.setText(self._label(self._topics[row]) if topic != -1 else "")
        # The chosen theme cannot be merged into itself: offer the others, the largest first.
        index = self.merge_choice.findData(topic)
        self.merge_choice.setCurrentIndex(1 if index == 0 and self.merge_choice.count() > 1 else 0)
        self._enable_edits(topic)

    def _open(self, item: QListWidgetItem) -> None:
        self.openMatch.emit(*item.data(SPAN_ROLE))

    def _refused(self, message: str) -> None:
        self.summary.setText(f"⚠ {message}")

    def rename(self, label: str) -> bool:
        """Name the chosen theme `label`, one undoable action; False (and why, in the summary) when refused."""
        from workbench.suggest.topic_edits import rename_topic

        topic = self.current_topic()
        if self.project is None or self.run_id is None or topic is None:
            return False
        if not label.strip():
            self._refused(self.tr("Donnez un nom au thème."))
            return False
        try:
            rename_topic(self.project, topic, label, self.run_id, coder=self.coder)
        except WorkbenchError as exc:
            self._refused(str(exc))
            return False
        self.reload()
        self.summary.setText(self.tr("Thème renommé « {label} ». Ctrl+Z pour revenir.").format(label=label.strip()))
        return True

    def merge_into(self, target: int | None) -> bool:
        """Merge the chosen theme into `target`, one undoable action; the target stays chosen."""
        from workbench.suggest.topic_edits import merge_topics

        topic = self.current_topic()
        if self.project is None or self.run_id is None or topic is None or target is None:
            return False
        if target == topic:
            self._refused(self.tr("Choisissez un autre thème que celui-ci."))
            return False
        source_label = self.table.item(self.table.currentRow(), 0).text()
        try:
            merge_topics(self.project, topic, int(target), self.run_id, coder=self.coder)
        except WorkbenchError as exc:
            self._refused(str(exc))
            return False
        self.reload()
        rows = [index for index, row in enumerate(self._topics) if row["topic"] == target]
        if rows:
            self.table.setCurrentCell(rows[0], 0)
        self.summary.setText(self.tr("« {source} » fusionné dans « {target} ». Ctrl+Z pour revenir.").format(
            source=source_label, target=self._label(self._topics[rows[0]]) if rows else str(target)))
        return True

    def _map_to_code(self) -> Job | None:
        """File the chosen theme's units as suggestions of the chosen code, on a worker (a theme may hold
        thousands of units); one undoable action."""
        topic = self.current_topic()
        code_id = self.code_choice.currentData()
        if self.project is None or self.run_id is None or topic is None or code_id is None or self.mapping_job:
            return None
        code = self.code_choice.currentText()
        job = Job(_map_to_code, self.project.worker(), int(code_id), topic, self.run_id, self.coder)
        job.signals.finished.connect(lambda filed: self._mapped(
            self.tr("%n suggestion(s) de « {code} » ajoutée(s) à la file de revue.", "", int(filed)).format(code=code)))
        job.signals.failed.connect(lambda message: self._mapped(f"⚠ {message}"))
        self.mapping_job = job
        self.map_button.setEnabled(False)
        self.summary.setText(self.tr("Suggestions en cours d'ajout…"))
        job.start()
        return job

    def _mapped(self, message: str) -> None:
        self.mapping_job = None
        self.summary.setText(message)
        self._enable_edits(self.current_topic())

    def _size(self, picture: QLabel) -> tuple[int, int]:
        return max(picture.width(), 240), max(picture.height(), 200)

    def draw_map(self) -> Job | None:
        """Draw the units' map on a worker; None when there is no run or a map is being drawn."""
        if self.project is None or self.run_id is None or self.map_job is not None:
            return None
        job = Job(_draw_map, self.project.worker(), self.run_id, self._size(self.map_picture), _language())
        job.signals.finished.connect(self._map_drawn)
        job.signals.failed.connect(lambda message: self._drawing_failed(self.map_message, message))
        self.map_job = job
        self.draw_map_button.setEnabled(False)
        self.map_message.setText(self.tr("Carte en cours…"))
        job.start()
        return job

    def _map_drawn(self, result: tuple[bytes, int, int]) -> None:
        png, shown, total = result
        self.map_job = None
        self.draw_map_button.setEnabled(self.run_id is not None)
        self.map_message.setText(
            self.tr("Chaque point est une unité, placée par ACP de ses vecteurs ; %n unité(s) montrée(s)", "", shown)
            + (self.tr(" sur {total}.").format(total=total) if total > shown else "."))
        self._show(self.map_picture, png)

    def draw_sizes(self) -> Job | None:
        """Draw the themes' sizes over time or across the chosen variable, on a worker."""
        if self.project is None or self.run_id is None or self.sizes_job is not None:
            return None
        variable = self.sizes_choice.currentData() or BY_PERIOD
        job = Job(_draw_sizes, self.project.worker(), self.run_id, variable, self._size(self.sizes_picture),
                  _language())
        job.signals.finished.connect(self._sizes_drawn)
        job.signals.failed.connect(lambda message: self._drawing_failed(self.sizes_message, message))
        self.sizes_job = job
        self.draw_sizes_button.setEnabled(False)
        self.sizes_message.setText(self.tr("Tracé en cours…"))
        job.start()
        return job

    def _sizes_drawn(self, png: bytes) -> None:
        self.sizes_job = None
        self.draw_sizes_button.setEnabled(self.run_id is not None)
        self._show(self.sizes_picture, png)
        self.sizes_message.clear()

    def _drawing_failed(self, label: QLabel, message: str) -> None:
        self.map_job = self.map_job if label is not self.map_message else None
        self.sizes_job = self.sizes_job if label is not self.sizes_message else None
        self._enable_edits(self.current_topic())
        label.setText(f"⚠ {message}")

    @staticmethod
    def _show(picture: QLabel, png: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        # The message under the picture may have taken some of its height since the drawing started.
        if picture.isVisible() and (pixmap.width() > picture.width() or pixmap.height() > picture.height()):
            pixmap = pixmap.scaled(picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        picture.setPixmap(pixmap)
