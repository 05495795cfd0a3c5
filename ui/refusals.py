"""Engine refusals as the window words them.

The engine's messages are one-line English sentences made for the command line. The refusals a person
meets in the middle of their work, where the engine's exception says enough to word them, are put in
the window's language here; any other refusal keeps the engine's words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.errors import WorkbenchError
from workbench.training.clock import TimeUp


def refusal_text(exc: WorkbenchError) -> str:
    if isinstance(exc, TimeUp):
        return QCoreApplication.translate(
            "refusals", "Temps écoulé : vos {limit} minutes pour cet exercice ont pris fin à {time}. Vos codages "
            "ne peuvent plus changer ; rendez votre copie.").format(
            limit=exc.clock.limit_minutes, time=exc.clock.deadline.astimezone().strftime("%H:%M"))
    return str(exc)
