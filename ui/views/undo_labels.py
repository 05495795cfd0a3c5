"""What Undo and Redo say they will do, in the window's language: "Codé « … » comme Facturation".

The journal keeps an English audit sentence and a structured summary per action; the audit sentence names
ids and offsets, fine for an audit trail, not for a menu. The label is built here from the summary, in the
user's words, quoting the passage and naming the code by its own name (the last part of its path).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

QUOTE_LENGTH = 40


def _code(path: object) -> str:
    return str(path or "").rsplit("/", 1)[-1]


def _quote(text: object) -> str:
    line = " ".join(str(text or "").split())
    return line[:QUOTE_LENGTH].rstrip() + "…" if len(line) > QUOTE_LENGTH else line


def _count(value: object) -> int:
    """How many things a summary lists: some actions keep their ids, others only a number."""
    if isinstance(value, int):
        return value
    return len(value) if isinstance(value, list | tuple) else 0


class UndoCounts(QObject):
    """The labels that count: through `self.tr(…, "", n)`, the one shape in which pyside6-lupdate records
    singular and plural forms (French "Accepté 1 suggestion", English "Accepted 1 suggestion")."""

    def accepted(self, n: int) -> str:
        return self.tr("Accepté %n suggestions", "", n)

    def rejected(self, n: int) -> str:
        return self.tr("Rejeté %n suggestions", "", n)


def entry_label(entry: dict[str, Any]) -> str:
    """A short sentence for a journal entry (`journal.next_undo` / `next_redo`), without raw identifiers."""
    action = entry.get("action") or ""
    summary = entry.get("summary") or {}
    code, quote = _code(summary.get("code")), _quote(summary.get("excerpt"))
    suggestions = _count(summary.get("suggestions"))
    if action == "apply_code":
        if summary.get("whole"):
            return QCoreApplication.translate("UndoLabels", "Codé le document entier comme {code}").format(code=code)
        if quote:
            return QCoreApplication.translate("UndoLabels", "Codé « {text} » comme {code}").format(text=quote, code=code)
        return QCoreApplication.translate("UndoLabels", "Codé un passage comme {code}").format(code=code)
    if action == "remove_coding":
        if quote:
            return QCoreApplication.translate("UndoLabels", "Retiré {code} de « {text} »").format(code=code, text=quote)
        return QCoreApplication.translate("UndoLabels", "Retiré un codage {code}").format(code=code)
    if action == "resize_coding":
        if quote:
            return QCoreApplication.translate("UndoLabels", "Ajusté {code} à « {text} »").format(code=code, text=quote)
        return QCoreApplication.translate("UndoLabels", "Ajusté les limites d'un codage")
    if action == "recode":
        if code:
            return QCoreApplication.translate("UndoLabels", "Recodé « {text} » de {before} en {code}").format(
                text=quote, before=_code(summary.get("code_before")), code=code)
        return QCoreApplication.translate("UndoLabels", "Changé le code d'un codage")
    if action == "add_memo":
        return QCoreApplication.translate("UndoLabels", "Écrit un mémo")
    if action == "edit_memo":
        return QCoreApplication.translate("UndoLabels", "Modifié un mémo")
    if action == "delete_memo":
        return QCoreApplication.translate("UndoLabels", "Supprimé un mémo")
    if action == "accept_suggestions":
        return UndoCounts().accepted(suggestions)
    if action == "reject_suggestions":
        return UndoCounts().rejected(suggestions)
    if action == "relabel_suggestion":
        return QCoreApplication.translate("UndoLabels", "Recodé une suggestion")
    if action == "map_topic_to_code":
        return QCoreApplication.translate("UndoLabels", "Associé un thème à un code")
    if action == "create_code":
        return QCoreApplication.translate("UndoLabels", "Créé le code {code}").format(code=summary.get("name", ""))
    if action == "update_code":
        return QCoreApplication.translate("UndoLabels", "Modifié le code {code}").format(code=_code(summary.get("path")))
    if action in ("move_code", "reorder_code"):
        return QCoreApplication.translate("UndoLabels", "Déplacé le code {code}").format(code=_code(summary.get("path")))
    if action == "merge_codes":
        return QCoreApplication.translate("UndoLabels", "Fusionné {source} dans {target}").format(
            source=_code(summary.get("source")), target=_code(summary.get("target")))
    if action == "delete_code":
        return QCoreApplication.translate("UndoLabels", "Supprimé le code {code}").format(code=_code(summary.get("path")))
    if action in ("load_scheme", "import_codebook"):
        return QCoreApplication.translate("UndoLabels", "Chargé un livre de codes")
    if action == "add_coder":
        return QCoreApplication.translate("UndoLabels", "Ajouté le codeur {name}").format(name=summary.get("name", ""))
    if action == "set_role":
        return QCoreApplication.translate("UndoLabels", "Changé le rôle de {name}").format(name=summary.get("name", ""))
    if action == "set_speaker_roles":
        return QCoreApplication.translate("UndoLabels", "Corrigé le rôle de {labels}").format(
            labels=", ".join(summary.get("roles", {})))
    if action == "demo_coding":
        return QCoreApplication.translate("UndoLabels", "Codage de démonstration")
    return QCoreApplication.translate("UndoLabels", "Dernière action")
