"""IRaMuTeQ corpus export: header lines IRaMuTeQ can parse, cleaned texts, code stars, filters."""

from __future__ import annotations

import re

import coded_project
import pytest

from workbench.errors import ExportError
from workbench.export.iramuteq import clean_text, export_iramuteq, modality, variable_name
from workbench.filters import make_filters

STAR = re.compile(r"^\*([a-z0-9]+)_([A-Za-z0-9-]+)$")


@pytest.fixture
def coded(project):
    return coded_project.build(project)


def _units(path):
    """(header stars, text) per unit, parsed the way IRaMuTeQ reads them."""
    units = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        if not block.strip():
            continue
        header, _, text = block.partition("\n")
        marks = header.split(" ")
        assert marks[0] == "****"
        units.append((marks[1:], text))
    return units


def test_sanitising_names_and_values():
    assert variable_name("Ancienneté_ans") == "ancienneteans"
    assert variable_name("NPS") == "nps"
    assert modality("Île-de-France") == "ile-de-france"
    assert modality("téléphone mobile / fixe") == "telephone-mobile-fixe"
    assert modality("2.5") == "2-5"
    assert modality("***") == "na"
    assert modality("cœur") == "coeur"
    with pytest.raises(ExportError, match="no letter or digit"):
        variable_name("__")
    assert clean_text("**** *pirate_1\nbien -*theme") == "pirate_1\nbien -theme"


def test_every_document_becomes_a_unit_with_valid_stars(coded, tmp_path):
    path = tmp_path / "corpus.txt"
    assert export_iramuteq(coded, path) == len(coded_project.DOCUMENTS)
    units = _units(path)
    assert len(units) == 6
    for stars, text in units:
        assert all(STAR.match(star) for star in stars), stars
        assert "*" not in text
    first_stars, first_text = units[0]
    assert first_stars == ["*kind_call", "*canal_telephone", "*nps_3", "*region_1-1", "*ancienneteans_2-5",
                           "*date_2026-01-05"]
    assert first_text == coded_project.DOCUMENTS[1][3]  # accents and emoji kept in the text itself
    assert units[5][0] == ["*kind_call", "*canal_telephone", "*region_2-2"]  # no value, no star


def test_chosen_variables_code_stars_and_filters(coded, tmp_path):
    path = tmp_path / "corpus.txt"
    filters = make_filters(coded, kinds=["call", "email"])
    count = export_iramuteq(coded, path, variables=["NPS"], include_kind=False,
                            code_stars={"forme": "relationship_forms:relationship_forms", "motif": "Motif"},
                            filters=filters)
    assert count == 4
    headers = [stars for stars, _ in _units(path)]
    assert headers == [
        ["*nps_3", "*forme_friendship", "*motif_resiliation"],
        ["*nps_9", "*forme_enmity", "*motif_facturation"],
        ["*nps_10", "*forme_enmity", "*motif_resiliation"],
        ["*forme_none", "*motif_none"],
    ]
    with pytest.raises(ExportError, match="no variable 'ville'"):
        export_iramuteq(coded, path, variables=["ville"])
