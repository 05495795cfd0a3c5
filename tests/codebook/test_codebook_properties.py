"""Random sequences of codebook edits keep the tree sound, and undoing them all (then redoing them all)
restores every row exactly."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_codebook import _snapshot

from workbench import codebook as cb
from workbench.errors import CodingError
from workbench.journal import redo, undo
from workbench.project import Project

NAMES = st.sampled_from(["Prix", "prix", "Délai", "Accueil", "Colère", "Joie", "Retard"])
OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["create", "move", "reorder", "rename", "merge", "delete"]),
              st.integers(0, 30), st.integers(0, 30), st.integers(0, 4), NAMES),
    min_size=1, max_size=10,
)


def _check_tree(project: Project) -> None:
    rows = project.rows("SELECT id, parent_id, position, name FROM codes")
    ids = {row[0] for row in rows}
    siblings: dict[int | None, list[tuple[int, str]]] = {}
    for code_id, parent, position, name in rows:
        assert parent is None or parent in ids
        siblings.setdefault(parent, []).append((position, name.casefold()))
        seen, current = set(), code_id
        while current is not None:  # no cycle: walking up ends at the top
            assert current not in seen
            seen.add(current)
            current = next(row[1] for row in rows if row[0] == current)
    for members in siblings.values():
        assert sorted(position for position, _ in members) == list(range(len(members)))
        assert len({name for _, name in members}) == len(members)
    coded = {row[0] for row in project.rows("SELECT DISTINCT code_id FROM codings")}
    assert coded <= ids


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_random_edits_keep_the_tree_sound_and_undo_everything(tmp_path_factory, operations):
    with Project.create(tmp_path_factory.mktemp("prop") / "p.vwb") as project:
        root = cb.create_code(project, "Racine")
        for name in ("A", "B"):
            code = cb.create_code(project, name, root)
            project.execute("INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
                            "VALUES (?, 1, ?, 0, 5, 1, 'manual')", [str(uuid.uuid4()), code])
        start = _snapshot(project)
        done = 0
        for kind, first, second, position, name in operations:
            ids = [row[0] for row in project.rows("SELECT id FROM codes ORDER BY id")]
            if not ids:
                break
            code, other = ids[first % len(ids)], ids[second % len(ids)]
            before = _snapshot(project)
            try:
                if kind == "create":
                    cb.create_code(project, name, other if second % 3 else None)
                elif kind == "move":
                    cb.move_code(project, code, other if second % 4 else None, position if position < 3 else None)
                elif kind == "reorder":
                    cb.reorder_code(project, code, position)
                elif kind == "rename":
                    cb.rename_code(project, code, name)
                elif kind == "merge":
                    cb.merge_codes(project, code, other)
                else:
                    cb.delete_code(project, code, recursive=bool(position % 2))
                done += 1
            except CodingError:
                assert _snapshot(project) == before  # a refused edit changes nothing
            _check_tree(project)
        end = _snapshot(project)
        for _ in range(done):
            undo(project)
        assert _snapshot(project) == start
        for _ in range(done):
            redo(project)
        assert _snapshot(project) == end
