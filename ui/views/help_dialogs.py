"""The Help menu: a first-steps guide, the keyboard shortcuts and the About box.

The shortcut list is read from the window itself (every QAction that has a key) and from the constants the
coding view and the review queue act on, so it says what the keys do today rather than what a hand-kept
list once said. The About box names the versions a bug report needs and the compute device, found as the
status bar finds it (`ui.device_status`, without importing torch).
"""

from __future__ import annotations

import platform
from importlib import metadata
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui import device_status
from ui.views.document_view import AZERTY_DIGITS
from ui.views.favourites import FAVOURITE_KEYS
from ui.views.review_panel import DECISION_KEYS
from workbench import __version__

if TYPE_CHECKING:
    from ui.views.main_window import MainWindow

QUICK_CODE_KEY = "Ctrl+K"  # DocumentViewer.keyPressEvent and the coding menu's "Autre code…"
DECISION_LABELS = {
    "accept": QT_TRANSLATE_NOOP("Shortcuts", "Suggestions : accepter"),
    "reject": QT_TRANSLATE_NOOP("Shortcuts", "Suggestions : rejeter"),
    "relabel": QT_TRANSLATE_NOOP("Shortcuts", "Suggestions : changer de code"),
    "skip": QT_TRANSLATE_NOOP("Shortcuts", "Suggestions : passer"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def _key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window that has a key. A menu text's detail after « : » (the
    action Undo would take back) is left out: the list names what the key does, whatever was done last."""
    rows: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        keys = [_key_text(sequence) for sequence in action.shortcuts() if not sequence.isEmpty()]
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").split(" : ")[0].strip()
        if keys and text:
            rows[(text, ", ".join(keys))] = None
    return list(rows)


def coding_keys() -> list[tuple[str, str]]:
    """The keys of the coding view and of the review queue (read by their key handlers, not by actions)."""
    azerty = " ".join(list(AZERTY_DIGITS)[:FAVOURITE_KEYS])
    return [
        (QCoreApplication.translate("Shortcuts", "Coder la sélection avec le favori n° 1 à {count}").format(count=FAVOURITE_KEYS),
         QCoreApplication.translate("Shortcuts", "1 … {count} (AZERTY : {keys})").format(count=FAVOURITE_KEYS, keys=azerty)),
        (QCoreApplication.translate("Shortcuts", "Coder la sélection avec un autre code (recherche)"),
         _key_text(QKeySequence(QUICK_CODE_KEY))),
        *[(_tr(DECISION_LABELS[name]), _key_text(QKeySequence(key))) for key, name in DECISION_KEYS],
        (QCoreApplication.translate("Shortcuts", "Suggestions : suggestion précédente ou suivante"),
         QCoreApplication.translate("Shortcuts", "Flèches haut et bas")),
    ]


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    return [*window_shortcuts(window), *coding_keys()]


def versions() -> dict[str, str]:
    """Program, Python, Qt, PySide6 and DuckDB versions (DuckDB's from its package metadata: the window
    never imports the database library itself)."""
    try:
        duckdb_version = metadata.version("duckdb")
    except metadata.PackageNotFoundError:
        duckdb_version = "?"
    return {"Verbatim Workbench": __version__, "Python": platform.python_version(), "Qt": qVersion(),
            "PySide6": pyside_version, "DuckDB": duckdb_version}


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Touches")])
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(row, 0).text(), self.table.item(row, 1).text()) for row in range(self.table.rowCount())]


class AboutDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("À propos de Verbatim Workbench"))
        self.versions = QLabel("\n".join(f"{name} {version}" for name, version in versions().items()))
        self.versions.setTextFormat(Qt.TextFormat.PlainText)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.device = QLabel(self.tr("Calcul : …"))
        self.device.setTextFormat(Qt.TextFormat.PlainText)
        intro = QLabel(self.tr("Codage de verbatims clients, sur votre poste, sans connexion : aucune donnée ne "
                               "quitte cet ordinateur."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.versions)
        layout.addWidget(self.device)
        layout.addWidget(buttons)
        if device_status._known:
            self.show_device(device_status._known)
        else:
            device_status.announcer().known.connect(self.show_device)
            device_status.detection()

    def show_device(self, report: dict[str, Any]) -> None:
        if report.get("cuda"):
            self.device.setText(self.tr("Calcul : GPU {name} ({memory} Gio, CUDA {cuda})").format(
                name=report.get("gpu", ""), memory=report.get("gpu_memory_gib", "?"), cuda=report.get("cuda_version", "?")))
        else:
            self.device.setText(self.tr("Calcul : CPU {cpu}, {count} cœurs ; aucun GPU CUDA utilisable").format(
                cpu=report.get("cpu", ""), count=report.get("cpu_count", "?")))


class FirstStepsDialog(QDialog):
    """A short page in plain words: the five things a first session does, in order."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Premiers pas"))
        self.page = QTextBrowser()
        self.page.setOpenExternalLinks(False)
        self.page.setHtml(self.tr(
            "<h2>Premiers pas</h2>"
            "<ol>"
            "<li><b>Ouvrir la démonstration.</b> Sur la page d'accueil, « Ouvrir le projet de démonstration » "
            "crée un projet d'exemple (appels, e-mails, entretiens, enquête) déjà codé en partie : "
            "le meilleur moyen de voir à quoi ressemble le travail.</li>"
            "<li><b>Importer vos verbatims.</b> Fichier › Nouveau projet…, puis Fichier › Importer des fichiers… "
            "(ou glissez les fichiers sur la fenêtre) : tableaux CSV ou Excel, e-mails, transcriptions, "
            "projets REFI-QDA (.qdpx). Pour un tableau, choisissez la colonne qui contient le texte. "
            "Les textes restent sur votre ordinateur.</li>"
            "<li><b>Coder.</b> Ouvrez un document dans la liste de gauche, sélectionnez un passage, puis "
            "cliquez sur un code à droite, tapez le chiffre d'un code favori (1 à 9) ou Ctrl+K pour chercher "
            "un code. Clic droit sur le texte pour les autres choix. Ctrl+Z annule, Ctrl+Maj+Z rétablit.</li>"
            "<li><b>Relire les suggestions.</b> Traitement › Suggérer des codes propose des codes pour les "
            "passages non codés, appris de vos propres codages. Dans l'onglet « Suggestions », A accepte, "
            "R rejette, L change de code, S passe ; rien n'est codé sans votre accord.</li>"
            "<li><b>Exporter.</b> Fichier › Exporter : un classeur Excel (segments, matrice, fréquences, "
            "tableaux croisés, graphiques), une table CSV ou Parquet, un projet REFI-QDA pour un autre logiciel, "
            "ou un corpus IRaMuTeQ.</li>"
            "</ol>"
            "<p>Aide › Raccourcis clavier donne toutes les touches.</p>"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.resize(620, 520)


class HelpMenu(QMenu):
    """Help ▸ First steps, Keyboard shortcuts, About; each dialog is kept while open, for the tests too."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(self.tr("&Aide"), window)
        self.window_ = window
        self.dialog: QDialog | None = None
        self.first_steps_action = self.addAction(self.tr("&Premiers pas"))
        self.first_steps_action.triggered.connect(lambda: self.open_dialog(FirstStepsDialog))
        self.shortcuts_action = self.addAction(self.tr("&Raccourcis clavier"))
        self.shortcuts_action.triggered.connect(lambda: self.open_dialog(ShortcutsDialog))
        self.about_action = self.addAction(self.tr("À &propos…"))
        self.about_action.triggered.connect(lambda: self.open_dialog(AboutDialog))

    def open_dialog(self, dialog_class: type[QDialog]) -> QDialog:
        self.dialog = dialog_class(self.window_)
        self.dialog.show()
        return self.dialog
