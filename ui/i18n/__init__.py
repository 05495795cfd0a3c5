"""The GUI's languages. French is the source language: every string in `ui/` is written in French and
wrapped in `tr()`, so French needs no translation file. English comes from `verbatim_en.qm`, compiled from
`verbatim_en.ts` by `make i18n` and committed, so the program needs no Qt tool at run time.

Qt's own translations (`qtbase_*.qm`, shipped with PySide6) are installed too, so the buttons of standard
dialogs (file chooser, message boxes) speak the same language as the window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("fr", "en")
SOURCE_LANGUAGE = "fr"
DIRECTORY = Path(__file__).resolve().parent
ENVIRONMENT_VARIABLE = "VERBATIM_LANG"


def choose_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """`--lang` wins, then `VERBATIM_LANG`, then the system locale; anything not French means English,
    since English is the only other language the GUI has."""
    environ = os.environ if environ is None else environ
    for value in (option, environ.get(ENVIRONMENT_VARIABLE)):
        if value and value.strip():
            return "fr" if value.strip().lower().startswith("fr") else "en"
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


# The translators installed and not removed yet, oldest first (a test removes what it installed).
INSTALLED: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's translation and ours for `language`; returned so that a caller (a test) can remove
    them. Qt's is optional (a build may lack it); ours missing is a packaging bug, said on stderr rather
    than stopping the program, which then shows its French source strings."""
    installed = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # French is the source language, yet it needs its file too: the singular of the strings with a count.
    wanted = [(f"qtbase_{language}", qt_folder, False), (f"verbatim_{language}", str(DIRECTORY), True)]
    for name, folder, required in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
            INSTALLED.append(translator)
        elif required:
            print(f"workbench-gui: {name}.qm not found in {folder}; the window stays in French", file=sys.stderr)
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Remove translators installed by `install`, so that strings built afterwards are French again."""
    for translator in translators:
        if translator not in INSTALLED:  # already removed (a test's clean-up, then the window's switch)
            continue
        INSTALLED.remove(translator)
        app.removeTranslator(translator)
        translator.deleteLater()
