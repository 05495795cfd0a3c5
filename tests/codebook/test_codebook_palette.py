"""Codes created without a colour get colours no other code of their scheme has."""

from __future__ import annotations

from workbench import codebook as cb
from workbench.codebook_yaml import load_scheme


def test_a_twenty_code_scheme_has_twenty_distinct_colours(project) -> None:
    root = cb.create_code(project, "Motifs", codable=False)
    groups = [cb.create_code(project, f"Groupe {g}", root) for g in range(4)]
    leaves = [cb.create_code(project, f"Motif {g}.{i}", group) for g, group in enumerate(groups) for i in range(4)]
    scheme = [root, *groups, *leaves[:15]]
    assert len(scheme) == 20
    colours = [cb.get_code(project, code)["color"] for code in scheme]
    assert len(set(colours)) == 20, colours


def test_colours_stay_distinct_past_the_palette_and_schemes_are_independent(project) -> None:
    root = cb.create_code(project, "Grand schéma", codable=False)
    codes = [cb.create_code(project, f"Code {i}", root) for i in range(40)]
    colours = {cb.get_code(project, code)["color"] for code in [root, *codes]}
    assert len(colours) == 41
    other = cb.create_code(project, "Autre schéma", codable=False)
    first = cb.create_code(project, "Premier", other)
    # A second scheme starts again from the palette: a colour is unique within its scheme, not the project.
    assert cb.get_code(project, first)["color"] in cb.PALETTE[:3]


def test_explicit_colours_are_skipped_and_a_reset_colour_is_not_a_sibling_s(project) -> None:
    root = cb.create_code(project, "Schéma", codable=False)
    taken = cb.get_code(project, root)["color"]
    explicit = cb.create_code(project, "Imposé", root, color=cb.PALETTE[1])
    fresh = cb.create_code(project, "Libre", root)
    assert cb.get_code(project, fresh)["color"] not in {taken, cb.PALETTE[1]}
    cb.update_code(project, explicit, color=None)
    reset = cb.get_code(project, explicit)["color"]
    assert reset not in {taken, cb.get_code(project, fresh)["color"]}


def test_a_shipped_scheme_gives_distinct_colours_to_the_codes_it_leaves_without_one(project) -> None:
    from workbench.codebook_yaml import read_scheme, resolve_scheme

    def uncoloured(codes: list[dict]) -> list[str]:
        keys = []
        for code in codes:
            if code["color"] is None:
                keys.append(code["key"])
            keys.extend(uncoloured(code["children"]))
        return keys

    keys = uncoloured(read_scheme(resolve_scheme("emotions"))["codes"])
    assert len(keys) > 20
    root = load_scheme(project, "emotions")
    nodes = {node["key"]: node for node in cb.code_tree(project, root)}
    colours = [nodes[key]["color"] for key in keys]
    assert len(set(colours)) == len(colours)
    for key in keys:  # and none looks like the group it sits in
        assert nodes[key]["color"] != cb.get_code(project, nodes[key]["parent_id"])["color"]
