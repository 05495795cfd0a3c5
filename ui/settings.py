"""What the window remembers between sessions: recent projects, the last coder, the language, and the
preferences of Edit > Settings… (embedder, device, where topics run, pseudonymisation on import, the coding
view's font size).

One place builds the QSettings object so every part of the window reads the same file. `VERBATIM_SETTINGS`
names another file (a portable install, a test that must not touch the user's own list).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from workbench.suggest.device import DEVICES

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


# -- preferences (Edit > Settings…) -------------------------------------------------------------------------
EMBEDDER_KEY = "suggestions/embedder"
DEVICE_KEY = "suggestions/device"
PSEUDONYMISE_KEY = "import/pseudonymise"
CLUSTER_KEY = "topics/on_cluster"
CLUSTER_ADDRESS_KEY = "topics/cluster_address"
FONT_SIZE_KEY = "coding/font_size"
DEFAULT_FONT_SIZE = 11
FONT_SIZES = range(8, 29)


def saved_embedder() -> str:
    """The embedder suggestion and topic jobs use: an `EMBEDDERS` name or `st:<folder>`; `auto` by default."""
    value = settings().value(EMBEDDER_KEY)
    return str(value).strip() if value else "auto"


def save_embedder(spec: str) -> None:
    settings().setValue(EMBEDDER_KEY, spec)


def saved_device() -> str:
    value = settings().value(DEVICE_KEY)
    return str(value) if value in DEVICES else "auto"


def save_device(device: str) -> None:
    settings().setValue(DEVICE_KEY, device if device in DEVICES else "auto")


def saved_cluster() -> tuple[bool, str]:
    """(topic jobs run on a Ray cluster, its address): an empty address means `RAY_ADDRESS`, or a Ray
    cluster started on this machine. The address is kept when the user goes back to this machine."""
    store = settings()
    return store.value(CLUSTER_KEY) in (True, "true"), str(store.value(CLUSTER_ADDRESS_KEY) or "").strip()


def save_cluster(on_cluster: bool, address: str) -> None:
    store = settings()
    store.setValue(CLUSTER_KEY, bool(on_cluster))
    store.setValue(CLUSTER_ADDRESS_KEY, address.strip())


def pseudonymise_on_import() -> bool:
    """Off by default: pseudonymising changes the stored texts, which the user must have asked for."""
    value = settings().value(PSEUDONYMISE_KEY)
    return str(value).lower() in ("true", "1") if value is not None else False


def save_pseudonymise_on_import(enabled: bool) -> None:
    settings().setValue(PSEUDONYMISE_KEY, bool(enabled))


def saved_font_size() -> int:
    """Point size of the coding view's text; a value out of range (a hand-edited file) falls back."""
    try:
        size = int(settings().value(FONT_SIZE_KEY, DEFAULT_FONT_SIZE))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_FONT_SIZE
    return size if size in FONT_SIZES else DEFAULT_FONT_SIZE


def save_font_size(size: int) -> None:
    settings().setValue(FONT_SIZE_KEY, int(size))
