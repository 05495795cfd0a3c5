"""The project's corrections of speaker roles, and what they invalidate.

A change of role changes the customer's words of the calls that label speaks in, so it also drops those
calls' cached vectors (`embed.forget_documents`). That is why it lives here and not in `units.py`, which
reads the roles: the embedding cache is built on the units, so `units.py` cannot call into it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.suggest import units
from workbench.suggest.embed import forget_documents
from workbench.text.speakers import ROLES, detect_role


def set_speaker_roles(project: Project, roles: Mapping[str, str]) -> dict[str, str]:
    """Set the role of speaker labels ('client', 'agent', 'other'; 'auto' goes back to the detected one).
    Returns the project's overrides. Takes effect at the next embedding or topic run."""
    for label, role in roles.items():
        if role not in (*ROLES, "auto"):
            raise WorkbenchError(f"unknown speaker role {role!r} for {label!r}; choose client, agent, other or auto")
        if not label.strip():
            raise WorkbenchError("a speaker label cannot be empty")
    before = units.role_of(project)
    overrides = units.overrides(project)
    for label, role in roles.items():
        if role == "auto":
            overrides.pop(label, None)
        else:
            overrides[label] = role
    changed = [label for label in roles
               if overrides.get(label, detect_role(label)) != before.get(label, detect_role(label))]
    with project.transaction():
        project.set_meta(units.SPEAKER_ROLES_KEY, json.dumps(overrides, ensure_ascii=False, sort_keys=True))
        if changed:  # whole calls embedded as their customer's words now have other words
            forget_documents(project, [int(row[0]) for row in project.rows(
                "SELECT DISTINCT document_id FROM segments WHERE kind = 'turn' AND speaker = ANY(?)", [changed])])
    return overrides
