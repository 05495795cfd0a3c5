"""Audit trail: readable lines for every action (ours and other modules'), filters, CSV and JSON export."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from builders import add_code, add_document

from workbench.audit import audit_trail, export_csv, export_json
from workbench.codebook import create_code
from workbench.coding import apply_code
from workbench.errors import WorkbenchError
from workbench.journal import action, undo
from workbench.project import Project


@pytest.fixture
def history(project: Project) -> Project:
    doc = add_document(project, "Mon colis n'est jamais arrivé, c'est inadmissible.", "Mail")
    code = add_code(project, "Livraison")
    apply_code(project, doc, code, 4, 9, coder="léa")
    create_code(project, "Retard", code)
    with action(project, "bulk_fix", None, {"documents": 3}) as rec:
        rec.insert("coders", {"name": "robot", "role": "model"})
    undo(project)
    return project


def test_every_action_has_a_readable_line(history: Project) -> None:
    lines = [(e["action"], e["coder"], e["status"], e["description"]) for e in audit_trail(history)]
    assert lines[0] == ("undo", None, "done", "undid #4: bulk_fix")
    assert lines[1] == ("bulk_fix", None, "undone", "bulk fix; documents=3; added 1 coders row")
    assert lines[2][0] == "create_code" and "Retard" in lines[2][3]  # another module's action
    assert lines[3] == ("apply_code", "léa", "done", "coded [4, 9) of document 1 with Livraison: «colis»")
    assert lines[4] == ("add_coder", "léa", "done", "added coder léa (analyst)")


def test_filters(history: Project) -> None:
    assert [e["action"] for e in audit_trail(history, coder="léa")] == ["apply_code", "add_coder"]
    assert [e["id"] for e in audit_trail(history, action="undo")] == [5]
    today = date.today()
    assert len(audit_trail(history, since=today - timedelta(days=1), until=today + timedelta(days=1))) == 5
    assert audit_trail(history, until=datetime(2000, 1, 1)) == []
    assert len(audit_trail(history, since=(today + timedelta(days=1)).isoformat())) == 0
    assert len(audit_trail(history, limit=2)) == 2
    with pytest.raises(WorkbenchError, match="unknown coder 'max'"):
        audit_trail(history, coder="max")
    with pytest.raises(WorkbenchError, match="not a date: 'hier'"):
        audit_trail(history, since="hier")


def test_csv_and_json_exports(history: Project, tmp_path: Path) -> None:
    entries = audit_trail(history)
    with export_csv(entries, tmp_path / "a.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["id", "happened_at", "coder", "action", "status", "description"]
    assert rows[3]["description"].endswith("«colis»") and rows[3]["coder"] == "léa"
    data = json.loads(export_json(entries, tmp_path / "a.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data] == [5, 4, 3, 2, 1]
    assert datetime.fromisoformat(data[0]["happened_at"]) == entries[0]["happened_at"]
