"""What the window remembers between sessions: recent projects, the last coder, the language.

One place builds the QSettings object so every part of the window reads the same file. `VERBATIM_SETTINGS`
names another file (a portable install, a test that must not touch the user's own list).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

ENVIRONMENT_VARIABLE = "VERBATIM_SETTINGS"
ORGANISATION = "Verbatim Workbench"
APPLICATION = "workbench-gui"
RECENT_KEY = "projects/recent"
CODER_KEY = "coder/name"
LANGUAGE_KEY = "window/language"
MAX_RECENT = 10


def settings() -> QSettings:
    named = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if named:
        return QSettings(named, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def data_folder() -> Path:
    """Where the program keeps what it builds for the user (the demo project): the platform's place for
    application data, or the settings file's folder when `VERBATIM_SETTINGS` names one."""
    named = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if named:
        return Path(named).resolve().parent
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location) / "verbatim-workbench"


def _paths(value: object) -> list[str]:
    """QSettings gives back one string for a one-item list and None for none (INI format)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(item) for item in value]  # type: ignore[union-attr]


def recent_projects() -> list[Path]:
    """Projects opened before, most recent first (some may have been moved or deleted since)."""
    return [Path(item) for item in _paths(settings().value(RECENT_KEY))]


def remember_project(path: Path) -> None:
    """Put a project at the top of the recent list (once), keeping the list short."""
    resolved = str(Path(path).resolve())
    kept = [item for item in _paths(settings().value(RECENT_KEY)) if item != resolved]
    settings().setValue(RECENT_KEY, [resolved, *kept][:MAX_RECENT])


def forget_project(path: Path) -> None:
    kept = [item for item in _paths(settings().value(RECENT_KEY)) if item != str(path)]
    settings().setValue(RECENT_KEY, kept)


def saved_coder() -> str | None:
    value = settings().value(CODER_KEY)
    return str(value).strip() or None if value else None


def save_coder(name: str) -> None:
    settings().setValue(CODER_KEY, name)


def saved_language() -> str | None:
    value = settings().value(LANGUAGE_KEY)
    return str(value) if value in ("fr", "en") else None


def save_language(language: str) -> None:
    settings().setValue(LANGUAGE_KEY, language)
