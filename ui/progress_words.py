"""The engine's progress lines in the window's language: "segmenting" becomes "segmentation en cours".

The engine reports progress in English on purpose: the command line prints the same lines. Under a French
window they made the progress bar speak English while everything around it spoke French. Each line the
engine can send has a pattern here and its sentence in the window's language; names the engine passes on
their own (a file name, a model, a sheet) are shown as they are. tests/ui/test_progress_words.py reads every
progress call in workbench/ and fails when one has no pattern here, so a new engine line cannot slip through
in English.

The strings go through `self.tr(…)` (with a count where there is one, the shape in which pyside6-lupdate
records singular and plural forms).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject

Render = Callable[[re.Match[str]], str]


class ProgressWords(QObject):
    """`say(line)`: the sentence for one engine progress line, or the line itself when it is only a name."""

    def _rules(self) -> list[tuple[str, Render]]:
        return [
            # segmentation (workbench/text/segment.py)
            (r"segmenting", lambda m: self.tr("segmentation en cours")),
            (r"splitting sentences", lambda m: self.tr("découpage en phrases")),
            (r"(\d+) sentences, (\d+) tokens stored", lambda m: self.tr("{sentences}, {tokens}").format(
                sentences=self.tr("%n phrases", "", int(m[1])), tokens=self.tr("%n mots enregistrés", "", int(m[2])))),
            # import (workbench/ingest)
            (r"(.+): reading rows", lambda m: self.tr("{file} : lecture des lignes").format(file=m[1])),
            (r"(.+): storing rows", lambda m: self.tr("{file} : enregistrement des lignes").format(file=m[1])),
            (r"done", lambda m: self.tr("terminé")),
            # embedding, suggestions, topics (workbench/suggest)
            (r"sentences of (.+): (\d+) cached", lambda m: self.tr("{model} : {cached}").format(
                model=m[1], cached=self.tr("%n phrases déjà calculées", "", int(m[2])))),
            (r"sentences of (.+)", lambda m: self.tr("vecteurs des phrases : {model}").format(model=m[1])),
            (r"(.+): (\d+) cached", lambda m: self.tr("{model} : {cached}").format(
                model=m[1], cached=self.tr("%n unités déjà calculées", "", int(m[2])))),
            (r"scoring (.+)", lambda m: self.tr("calcul des scores : {group}").format(group=m[1])),
            (r"choosing what to code next in (.+)", lambda m: self.tr(
                "choix des documents à coder ensuite : {group}").format(group=m[1])),
            (r"(\d+) suggestions", lambda m: self.tr("%n suggestions", "", int(m[1]))),
            (r"fitting topics", lambda m: self.tr("calcul des thèmes")),
            (r"placing the units on the topic map", lambda m: self.tr("placement des unités sur la carte des thèmes")),
            (r"placing the units on the topic map \(cluster\)", lambda m: self.tr(
                "placement des unités sur la carte des thèmes (cluster)")),
            (r"(\d+) topics", lambda m: self.tr("%n thèmes", "", int(m[1]))),
            # pseudonymisation, backup, codebook, merge, Excel
            (r"pseudonymising documents", lambda m: self.tr("pseudonymisation des documents")),
            (r"backing up", lambda m: self.tr("copie de sauvegarde en cours")),
            (r"backed up", lambda m: self.tr("copie de sauvegarde écrite")),
            (r"loading the codebook", lambda m: self.tr("lecture du livre de codes")),
            (r"loaded", lambda m: self.tr("livre de codes lu")),
            (r"exporting the codebook", lambda m: self.tr("écriture du livre de codes")),
            (r"exported", lambda m: self.tr("livre de codes écrit")),
            (r"merging (.+)", lambda m: self.tr("fusion de {file}").format(file=m[1])),
            (r"merged", lambda m: self.tr("fusion terminée")),
            (r"(.+): (\d+) rows", lambda m: self.tr("{sheet} : {rows}").format(
                sheet=m[1], rows=self.tr("%n lignes", "", int(m[2])))),
            (r"saved", lambda m: self.tr("classeur enregistré")),
            # the demo's steps (workbench/demo)
            (r"import (.+)", lambda m: self.tr("import : {folder}").format(folder=m[1])),
            (r"segment", lambda m: self.tr("segmentation")),
            (r"embedding", lambda m: self.tr("calcul des vecteurs")),
            (r"topics", lambda m: self.tr("thèmes")),
            (r"suggestions", lambda m: self.tr("suggestions")),
            (r"excel", lambda m: self.tr("classeur Excel")),
        ]

    def _rule(self, line: str) -> tuple[re.Match[str], Render] | None:
        for pattern, render in self._rules():
            match = re.fullmatch(pattern, line)
            if match:
                return match, render
        return None

    def knows(self, line: str) -> bool:
        """Whether `line` has its sentence here (else it is shown as it is, being a name)."""
        return self._rule(line) is not None

    def say(self, line: str) -> str:
        found = self._rule(line)
        return found[1](found[0]) if found else line


def progress_line(line: str) -> str:
    """An engine progress line in the window's language."""
    return ProgressWords().say(line)
