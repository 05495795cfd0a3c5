"""The last page of the import dialog: what became of each file, in plain words, until the user closes it.

An import of a folder can mix files that went in, files already in the project and files refused for a
reason the user must act on (a ragged row, a value not of the chosen type): each gets its own line, the
refused ones with their reason and line, so nothing is lost in a passing status message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from ui.kinds import kind_label
from ui.refusals import ingest_reason
from workbench.ingest.folder import FileResult, ImportReport

STATUS_ROLE = Qt.ItemDataRole.UserRole


class ImportResultsPage(QWidget):
    """A summary line, then one line per file; the status of each line is in `STATUS_ROLE`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.files = QListWidget()
        self.files.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.note)

    def show_report(self, report: ImportReport) -> None:
        self.files.clear()
        icons = {
            "imported": QStyle.StandardPixmap.SP_DialogApplyButton,
            "skipped": QStyle.StandardPixmap.SP_MessageBoxInformation,
            "failed": QStyle.StandardPixmap.SP_MessageBoxCritical,
        }
        for result in report.files:
            item = QListWidgetItem(self.style().standardIcon(icons[result.status]), self.file_line(result))
            item.setData(STATUS_ROLE, result.status)
            item.setToolTip("\n".join(filter(None, [result.path, result.message if result.status == "skipped" else ""])))
            self.files.addItem(item)
        counts = {status: sum(r.status == status for r in report.files) for status in icons}
        parts = [self.tr("%n documents importés", "", report.documents)]
        if counts["skipped"]:
            parts.append(self.tr("%n fichiers déjà importés", "", counts["skipped"]))
        if counts["failed"]:
            parts.append(self.tr("%n fichiers refusés", "", counts["failed"]))
        self.summary.setText(self.tr("Import terminé : {parts}.").format(parts=", ".join(parts)))
        self.note.setText(self.tr("Les nouveaux documents sont maintenant segmentés et indexés en tâche de fond : "
                                  "la recherche les trouvera dès la fin de cette tâche.") if report.documents else "")

    def show_message(self, text: str) -> None:
        """The import did not finish (cancelled, or stopped by an error): say so instead of a list."""
        self.files.clear()
        self.summary.setText(text)
        self.note.setText("")

    def file_line(self, result: FileResult) -> str:
        name = Path(result.path).name
        if result.status == "failed":
            reason = result.message.removeprefix(f"line {result.line}: ") if result.line is not None else result.message
            reason = ingest_reason(result.refusal, result.details, reason)
            if result.line is not None:
                return self.tr("{name} : refusé, ligne {line} : {reason}").format(name=name, line=result.line,
                                                                                   reason=reason)
            return self.tr("{name} : refusé : {reason}").format(name=name, reason=reason)
        if result.status == "skipped":
            return self.tr("{name} : ignoré, ce fichier a déjà été importé").format(name=name)
        line = self.tr("{name} : {documents} de type « {kind} »").format(
            name=name, kind=kind_label(result.kind or ""),
            documents=self.tr("%n documents importés", "", result.documents))
        extra = []
        if result.duplicates:
            extra.append(self.tr("%n doublons écartés", "", result.duplicates))
        if result.empty:
            extra.append(self.tr("%n lignes vides écartées", "", result.empty))
        if result.segments:
            extra.append(self.tr("%n tours de parole", "", result.segments))
        if result.documents == 0 and result.duplicates:
            extra.append(self.tr("tous ses textes étaient déjà dans le projet"))
        elif result.message:
            extra.append(result.message)
        return line + (f" ({', '.join(extra)})" if extra else "")
