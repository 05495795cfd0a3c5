"""The REFI-QDA `<Codes>` tree (identical in Project.xsd and Codebook.xsd), written and read for a namespace.

Kept apart from the project exchange so that the codebook exchange (.qdc) can share it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from workbench.project import Project
from workbench.refi_xml import as_guid, xml_text


def codes_to_xml(parent: Any, project: Project, ns: str, code_ids: Sequence[int] | None = None) -> Any:
    """Append `<Codes>` with the project's code tree (or only `code_ids`, which must include the
    ancestors of each code) to `parent`; returns the `<Codes>` element."""
    from lxml import etree

    rows = project.dicts("SELECT id, guid, parent_id, name, color, description, codable FROM codes ORDER BY position, id")
    wanted = None if code_ids is None else set(code_ids)
    kids: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if wanted is None or row["id"] in wanted:
            kids[row["parent_id"]].append(row)
    codes = etree.SubElement(parent, f"{{{ns}}}Codes")

    def add(container: Any, row: dict[str, Any]) -> None:
        element = etree.SubElement(
            container, f"{{{ns}}}Code", guid=as_guid(row["guid"]), name=xml_text(row["name"]),
            isCodable="true" if row["codable"] else "false",
        )
        if row["color"]:
            element.set("color", row["color"])
        if row["description"]:
            etree.SubElement(element, f"{{{ns}}}Description").text = xml_text(row["description"])
        for child in kids[row["id"]]:
            add(element, child)

    for row in kids[None]:
        add(codes, row)
    return codes


def codes_from_xml(codes: Any, ns: str | None) -> list[dict[str, Any]]:
    """The tree under a `<Codes>` element: dicts with guid, name, color, description, codable, children."""

    def q(tag: str) -> str:
        return f"{{{ns}}}{tag}" if ns else tag

    def read(element: Any) -> dict[str, Any]:
        description = element.find(q("Description"))
        return {
            "guid": element.get("guid") or "",
            "name": element.get("name") or "",
            "color": element.get("color"),
            "description": description.text.strip() if description is not None and description.text else None,
            "codable": (element.get("isCodable") or "true").strip().lower() in ("true", "1"),
            "children": [read(child) for child in element.findall(q("Code"))],
        }

    return [read(element) for element in codes.findall(q("Code"))]
