"""The project's corrections of speaker roles, and what they invalidate.

A correction is a journalled action (one `speaker_roles` row per corrected label), so Edit > Undo takes
it back like a coding. A change of role changes the customer's words of the calls that label speaks in,
so it also drops those calls' cached vectors (`embed.forget_documents`), and so does undoing or redoing
it (`forget_replayed`). That is why it lives here and not in `units.py`, which reads the roles: the
embedding cache is built on the units, so `units.py` cannot call into it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench.errors import WorkbenchError
from workbench.journal import Entry, action
from workbench.project import Project
from workbench.suggest import units
from workbench.suggest.embed import forget_documents
from workbench.text.speakers import ROLES, detect_role

ACTION = "set_speaker_roles"


def set_speaker_roles(project: Project, roles: Mapping[str, str], coder_id: int | None = None) -> dict[str, str]:
    """Set the role of speaker labels ('client', 'agent', 'other'; 'auto' goes back to the detected one),
    as one undoable action of `coder_id`. Returns the project's overrides. Takes effect at the next
    embedding or topic run."""
    for label, role in roles.items():
        if role not in (*ROLES, "auto"):
            raise WorkbenchError(f"unknown speaker role {role!r} for {label!r}; choose client, agent, other or auto")
        if not label.strip():
            raise WorkbenchError("a speaker label cannot be empty")
    before = units.role_of(project)
    stored = {label: (row_id, role) for row_id, label, role in project.rows("SELECT id, label, role FROM speaker_roles")}
    current = {label: role for label, (_, role) in sorted(stored.items())}
    wanted = {label: role for label, role in roles.items() if current.get(label, "auto") != role}
    if not wanted:
        return current
    changed = [label for label, role in wanted.items()
               if (detect_role(label) if role == "auto" else role) != before.get(label, detect_role(label))]
    described = ", ".join(f"{label} → {role}" for label, role in sorted(wanted.items()))
    with action(project, ACTION, coder_id, {"roles": dict(sorted(wanted.items()))},
                f"set speaker roles: {described}") as rec:
        for label, role in sorted(wanted.items()):
            if role == "auto":
                rec.delete("speaker_roles", [stored[label][0]])
            elif label in stored:
                rec.update("speaker_roles", stored[label][0], {"role": role})
            else:
                rec.insert("speaker_roles", {"label": label, "role": role})
        _forget_calls(project, changed)
    return units.overrides(project)


def forget_replayed(project: Project, entry: Entry) -> None:
    """Before a role correction is undone or redone (inside the replay's transaction): the calls its labels
    speak in will read differently again, so their cached vectors go."""
    if entry.action == ACTION:
        _forget_calls(project, sorted(entry.summary.get("roles", {})))


def _forget_calls(project: Project, labels: Sequence[str]) -> None:
    """Whole calls embedded as their customer's words now have other words."""
    if labels:
        forget_documents(project, [int(row[0]) for row in project.rows(
            "SELECT DISTINCT document_id FROM segments WHERE kind = 'turn' AND speaker = ANY(?)", [list(labels)])])
