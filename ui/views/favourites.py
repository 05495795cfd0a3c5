"""The codes a coder reaches in one key: favourites 1-9 and the recently applied codes.

Favourites are the codes the user pinned, in pinning order, then the first codable codes of the tree, up to
nine: a new project has useful keys at once, and pinning reorders them. Pins are kept in QSettings per
project file, by code GUID (ids change when a codebook is loaded into another project; GUIDs do not).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from workbench import browse, codebook
from workbench.project import Project

FAVOURITE_KEYS = 9
RECENT = 5


@dataclass(frozen=True)
class CodeChoice:
    id: int
    name: str
    path: str
    color: str | None
    depth: int
    codable: bool
    guid: str


def code_choices(project: Project) -> list[CodeChoice]:
    """Every code in tree order (grouping codes too, to show where the codable ones sit)."""
    return [CodeChoice(node["id"], node["name"], node["path"], node.get("color"), node.get("depth", 0),
                       bool(node.get("codable", True)), str(node.get("guid") or ""))
            for node in codebook.code_tree(project)]


class Favourites:
    """The favourite and recent codes of one project for one coder."""

    def __init__(self, project: Project, settings: QSettings | None = None) -> None:
        self.project = project
        self.settings = settings if settings is not None else QSettings()
        self._key = f"coding/favourites/{project.path.resolve()}"

    def _pinned_guids(self) -> list[str]:
        stored = self.settings.value(self._key, [])
        if isinstance(stored, str):  # QSettings gives back a one-item list as a bare string
            stored = [stored]
        return [str(guid) for guid in stored or []]

    def pinned(self) -> list[CodeChoice]:
        by_guid = {choice.guid: choice for choice in code_choices(self.project) if choice.codable}
        return [by_guid[guid] for guid in self._pinned_guids() if guid in by_guid]

    def codes(self) -> list[CodeChoice]:
        """Favourites 1-9 in key order."""
        choices = [choice for choice in code_choices(self.project) if choice.codable]
        pinned = self.pinned()
        chosen = {choice.id for choice in pinned}
        return (pinned + [choice for choice in choices if choice.id not in chosen])[:FAVOURITE_KEYS]

    def is_pinned(self, code_id: int) -> bool:
        return any(choice.id == code_id for choice in self.pinned())

    def pin(self, code_id: int) -> None:
        guid = next((c.guid for c in code_choices(self.project) if c.id == code_id), None)
        guids = self._pinned_guids()
        if guid and guid not in guids:
            self.settings.setValue(self._key, [*guids, guid][-FAVOURITE_KEYS:])
            self.settings.sync()

    def unpin(self, code_id: int) -> None:
        guid = next((c.guid for c in code_choices(self.project) if c.id == code_id), None)
        self.settings.setValue(self._key, [g for g in self._pinned_guids() if g != guid])
        self.settings.sync()

    def recent(self, coder: str) -> list[CodeChoice]:
        by_id = {choice.id: choice for choice in code_choices(self.project) if choice.codable}
        return [by_id[code_id] for code_id in browse.recent_codes(self.project, coder, RECENT) if code_id in by_id]
