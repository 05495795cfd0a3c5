"""Document kinds as the window names them: the engine stores English identifiers ("call"), a French
analyst reads "Appel". Marked for lupdate here, translated when shown so the installed language wins."""

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
