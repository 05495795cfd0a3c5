"""The codebook demo step on its own: loads the demo schemes, prints a summary, writes the exchange files."""

from __future__ import annotations

import uuid
from contextlib import nullcontext

from conftest import DATA
from lxml import etree

from workbench import codebook as cb
from workbench.codebook_yaml import load_scheme
from workbench.demo import DemoContext
from workbench.demo.codebook import demo_step
from workbench.progress import no_progress


def test_demo_step_summarises_and_writes_files(project, tmp_path):
    printed: list[str] = []
    ctx = DemoContext(project, tmp_path, tmp_path, printed.append, lambda label: nullcontext(no_progress))
    load_scheme(project, "contact_reasons")
    project.execute("INSERT INTO codings (guid, document_id, code_id, start_pos, end_pos, coder_id, origin) "
                    "VALUES (?, 1, ?, 0, 3, 1, 'manual')", [str(uuid.uuid4()), cb.find_code(project, "price")])
    demo_step(ctx)
    assert ctx.results["codebook"] == {"contact_reasons": {"codes": 14, "codings": 1},
                                       "relationship_forms": {"codes": 20, "codings": 0}}
    assert any("Motifs de contact" in line and "14 codable codes" in line for line in printed)
    schema = etree.XMLSchema(etree.parse(str(DATA / "refi" / "Codebook.xsd")))
    assert schema.validate(etree.parse(str(tmp_path / "codebook.qdc")))
    assert "Partenariat engagé" in (tmp_path / "relationship_forms.yaml").read_text(encoding="utf-8")
