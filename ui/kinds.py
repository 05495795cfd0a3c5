"""Document kinds, coder roles and column types as the window names them: the engine stores English
identifiers ("call", "trainee", "integer"), a French analyst reads "Appel", "stagiaire", "entier". Marked
for lupdate here, translated when shown so the installed language wins."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_LABELS = {
    "call": QT_TRANSLATE_NOOP("DocumentKind", "Appel"),
    "email": QT_TRANSLATE_NOOP("DocumentKind", "E-mail"),
    "chat": QT_TRANSLATE_NOOP("DocumentKind", "Chat"),
    "interview": QT_TRANSLATE_NOOP("DocumentKind", "Entretien"),
    "survey": QT_TRANSLATE_NOOP("DocumentKind", "Enquête"),
    "other": QT_TRANSLATE_NOOP("DocumentKind", "Autre"),
}


def kind_label(kind: str) -> str:
    """The kind in the window's language; an unknown kind (a newer project) is shown as stored."""
    label = _LABELS.get(kind)
    return QCoreApplication.translate("DocumentKind", label) if label else kind


def role_label(role: str | None) -> str:
    """The role in the window's language (the engine's identifiers are English words)."""
    labels = {
        "analyst": QCoreApplication.translate("CoderDialog", "analyste"),
        "trainer": QCoreApplication.translate("CoderDialog", "formateur"),
        "trainee": QCoreApplication.translate("CoderDialog", "stagiaire"),
        "reference": QCoreApplication.translate("CoderDialog", "référence"),
        "model": QCoreApplication.translate("CoderDialog", "modèle"),
    }
    if role is None:
        return QCoreApplication.translate("CoderDialog", "nouveau")
    return labels.get(role, role)


def column_type_labels() -> dict[str, str]:
    """A table column's types as the import preview offers them (and its refusals name them); the context
    is the preview's, where they first appeared."""
    return {
        "text": QCoreApplication.translate("TablePreview", "texte"),
        "integer": QCoreApplication.translate("TablePreview", "entier"),
        "float": QCoreApplication.translate("TablePreview", "décimal"),
        "date": QCoreApplication.translate("TablePreview", "date"),
        "boolean": QCoreApplication.translate("TablePreview", "oui/non"),
        "ignore": QCoreApplication.translate("TablePreview", "ignorer"),
    }
