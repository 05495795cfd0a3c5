"""Where the window's topic job runs: on this machine, or with its heavy steps on a Ray cluster.

The choice sits in Edit > Settings… next to the model and the device the job uses, is remembered in
`ui.settings`, and is offered only when the `cluster` extra is installed. Whether Ray is there is asked of
the import system (`find_spec`), never by importing Ray: that takes seconds, and the window's thread must
not wait. The job itself (`topics_job`) joins the cluster on the job's thread.
"""

from __future__ import annotations

import importlib.util
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from ui import settings
from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from workbench.project import Project
    from workbench.suggest.topics import TopicsReport


def cluster_available() -> bool:
    return importlib.util.find_spec("ray") is not None


class ClusterChoice(QWidget):
    """"Sur ce poste" or "Sur un cluster Ray", with the cluster's address (empty: a local Ray cluster)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        on_cluster, address = settings.saved_cluster()
        self.where = QComboBox()
        self.where.addItem(self.tr("Sur ce poste"), False)
        self.where.addItem(self.tr("Sur un cluster Ray"), True)
        self.where.setCurrentIndex(1 if on_cluster else 0)
        self.address = QLineEdit(address)
        self.address.setPlaceholderText(self.tr("vide : un cluster Ray local ; sinon ray://hôte:10001"))
        self.address.setToolTip(self.tr("Les textes des unités partent vers ce cluster, et vers lui seul."))
        self.where.currentIndexChanged.connect(self._show_address)
        self._show_address()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.where)
        layout.addWidget(self.address, 1)

    def _show_address(self) -> None:
        self.address.setEnabled(bool(self.where.currentData()))

    def save(self) -> None:
        settings.save_cluster(bool(self.where.currentData()), self.address.text())


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClusterChoice", text)


def topics_function(options: dict[str, str]) -> tuple[Any, bool]:
    """(the topic job's function with `options`, whether it runs on a cluster) as the user last chose; a
    cluster chosen before the extra was removed is forgotten rather than failing."""
    on_cluster, address = settings.saved_cluster()
    if on_cluster and cluster_available():
        return partial(topics_job, address=address, **options), True
    from workbench.suggest.topics import run_topics

    return partial(run_topics, **options), False


def topics_job(project: Project, *, address: str, **options: Any) -> TopicsReport:
    """`run_topics_on_cluster` at `address` (empty: a local Ray cluster), with an unreachable cluster told
    in one French line that says what to do about it."""
    from workbench.suggest.cluster import LOCAL, ClusterUnreachable, run_topics_on_cluster

    try:
        return run_topics_on_cluster(project, address=address or LOCAL, **options)
    except ClusterUnreachable as exc:
        if address:
            text = _tr("Le cluster Ray {address} ne répond pas : vérifiez son adresse dans Édition > Paramètres, "
                       "ou calculez les thèmes sur ce poste.").format(address=address)
        else:
            text = _tr("Le cluster Ray local n'a pas pu démarrer : calculez les thèmes sur ce poste "
                       "(Édition > Paramètres).")
        raise WorkbenchError(text) from exc
