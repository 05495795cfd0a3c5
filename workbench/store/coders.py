"""Coders: the people (and models) whose codings are kept apart, compared and scored.

A role says what a coder's codings are for: `reference` codings are the answer key a `trainee` is scored
against, a `trainer` reviews, an `analyst` codes for the study itself, `model` is suggestion machinery.
Adding a coder or changing a role is journalled like any other change, so it is undoable and audited.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from workbench.errors import CodingError
from workbench.journal import Recorder, action
from workbench.project import Project

ROLES = ("analyst", "trainer", "trainee", "reference", "model")
FALLBACK_CODER = "analyst"


def default_coder_name() -> str:
    """Who acts when nobody says: $WORKBENCH_CODER, else the login name, else "analyst" (some containers
    and services have no login name). The one definition the commands and the window share."""
    named = os.environ.get("WORKBENCH_CODER", "").strip()
    if named:
        return named
    try:
        return getpass.getuser() or FALLBACK_CODER
    except (OSError, KeyError):
        return FALLBACK_CODER


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise CodingError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")


def add_coder(project: Project, name: str, role: str = "analyst", *, by: int | None = None) -> int:
    """Create a coder and return its id. Names are unique: a second coder with the same name is refused."""
    name = name.strip()
    if not name:
        raise CodingError("a coder needs a name")
    _check_role(role)
    existing = project.rows("SELECT id, role FROM coders WHERE name = ?", [name])
    if existing:
        raise CodingError(f"coder {name!r} already exists (role {existing[0][1]})")
    with action(project, "add_coder", by, {"name": name, "role": role},
                f"added coder {name} ({role})") as rec:
        coder_id = rec.insert("coders", {"name": name, "role": role})
        if rec.coder_id is None:
            rec.coder_id = coder_id
    return coder_id


def imported_coder(project: Project, name: str, role: str = "analyst") -> tuple[int, bool]:
    """(id, created) of the coder an imported project names: found by name (a known coder keeps the role
    this project gave them), else created with `role` (what our own export recorded; an analyst for other
    tools) without a journal row, since an import is not an undoable action (it is taken back by
    removing its file). Call it inside the import's transaction."""
    existing = project.scalar("SELECT id FROM coders WHERE name = ?", [name])
    if existing is not None:
        return int(existing), False
    _check_role(role)
    return int(project.scalar("INSERT INTO coders (name, role) VALUES (?, ?) RETURNING id", [name, role])), True


def coder_name(project: Project, coder_id: int) -> str | None:
    """The name of the coder with this id, None when there is none."""
    return project.scalar("SELECT name FROM coders WHERE id = ?", [coder_id])


def coder_by_name(project: Project, name: str) -> int:
    """Id of an existing coder; a clear error listing the known coders otherwise."""
    found = project.scalar("SELECT id FROM coders WHERE name = ?", [name])
    if found is None:
        known = [row[0] for row in project.rows("SELECT name FROM coders ORDER BY name")]
        listing = ", ".join(known) if known else "none yet"
        raise CodingError(f"unknown coder {name!r} (known coders: {listing})")
    return int(found)


def resolve_coder(project: Project, coder: int | str, role: str | None = None) -> int:
    """Id of `coder` given by id or by name. A name not seen before creates the coder, as an analyst unless
    `role` says otherwise. A role that contradicts an existing coder's is refused rather than ignored, so a
    reference is never silently recorded as an analyst."""
    if not isinstance(coder, str):  # an id, possibly a numpy integer from a table model
        if project.scalar("SELECT id FROM coders WHERE id = ?", [int(coder)]) is None:
            raise CodingError(f"unknown coder id {coder}")
        if role is not None:
            raise CodingError("a role can only be given with a coder name")
        return int(coder)
    if role is not None:
        _check_role(role)
    row = project.rows("SELECT id, role FROM coders WHERE name = ?", [coder.strip()])
    if not row:
        return add_coder(project, coder, role or "analyst")
    coder_id, current = row[0]
    if role is not None and role != current:
        raise CodingError(f"coder {coder!r} is {current}, not {role}; change the role first (workbench coders --set-role)")
    return int(coder_id)


def set_role(project: Project, coder: int | str, role: str, *, by: int | None = None) -> None:
    """Change a coder's role (journalled)."""
    _check_role(role)
    coder_id = coder_by_name(project, coder) if isinstance(coder, str) else int(coder)
    row = project.rows("SELECT name, role FROM coders WHERE id = ?", [coder_id])
    if not row:
        raise CodingError(f"unknown coder id {coder_id}")
    name, current = row[0]
    if current == role:
        raise CodingError(f"coder {name!r} is already {role}")
    with action(project, "set_role", by, {"coder_id": coder_id, "name": name, "before": current, "role": role},
                f"changed the role of {name} from {current} to {role}") as rec:
        rec.update("coders", coder_id, {"role": role})


def list_coders(project: Project) -> list[dict[str, Any]]:
    """Every coder with role and number of codings, in name order."""
    return project.dicts(
        """
        SELECT c.id, c.name, c.role, c.created_at,
               (SELECT count(*) FROM codings g WHERE g.coder_id = c.id) AS codings
        FROM coders c ORDER BY c.name
        """
    )


@contextmanager
def acting_as(project: Project, action_name: str, coder: int | str | None, *, role: str | None = None,
              default: int | None = None) -> Iterator[Recorder]:
    """A journalled action done by `coder` (id or name; `default` when None).

    A coder met for the first time is created in the same transaction but as an action of its own, so
    undoing someone's first coding takes back the coding and keeps the person (and their later undo
    stays attributed to them)."""
    with project.transaction():
        coder_id = default if coder is None else resolve_coder(project, coder, role)
        with action(project, action_name, coder_id) as rec:
            yield rec


def coder_role(project: Project, name: str) -> str | None:
    """The role of the coder of that name, or None when nobody of that name has acted in this project yet
    (they are created, as an analyst, at their first action)."""
    return project.scalar("SELECT role FROM coders WHERE name = ?", [name.strip()])


def take_identity(project: Project, name: str, role: str) -> int:
    """Who acts from now on in a window, as the person at the keyboard says: a new name is created with
    `role`; a known coder whose role differs gets `role`, journalled as their own act, so the change is
    undoable and audited rather than a silent difference between what they chose and what is recorded."""
    _check_role(role)
    name = name.strip()
    if not name:
        raise CodingError("a coder needs a name")
    current = coder_role(project, name)
    if current is None:
        return add_coder(project, name, role)
    if current == "model":
        raise CodingError(f"{name!r} is the coder of machine suggestions; a person works under another name")
    coder_id = coder_by_name(project, name)
    if current != role:
        set_role(project, coder_id, role, by=coder_id)
    return coder_id
