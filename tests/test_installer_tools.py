"""The build's measuring tools: installer/size_report.py (size per component of a built folder) and
installer/compare_suggestions.py (the app's suggestions against a development install's)."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType

import pytest

INSTALLER = Path(__file__).resolve().parents[1] / "installer"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)


def test_size_report_groups_a_built_folder_by_component(tmp_path: Path) -> None:
    size_report = load("size_report")
    app = tmp_path / "verbatim-workbench"
    mb = 1024 * 1024
    write(app / "verbatim-workbench", 3 * mb)
    write(app / "_internal" / "llvmlite" / "binding" / "libllvmlite.so", 5 * mb)
    write(app / "_internal" / "numpy" / "_core" / "multiarray.so", 2 * mb)
    write(app / "_internal" / "numpy.libs" / "libopenblas.so", 1 * mb)
    write(app / "_internal" / "_duckdb.cpython-311-x86_64-linux-gnu.so", 4 * mb)
    write(app / "_internal" / "libpython3.11.so.1.0", 1 * mb)
    write(app / "_internal" / "numpy-2.4.dist-info" / "METADATA", mb // 2)
    os.symlink("libpython3.11.so.1.0", app / "_internal" / "libpython3.11.so")  # a dropped duplicate: 0 MB
    assert size_report.sizes(app) == {
        "llvmlite": 5 * mb, "duckdb": 4 * mb, size_report.EXECUTABLE: 3 * mb, "numpy": 3 * mb,
        size_report.LOOSE_LIBRARIES: mb, size_report.METADATA: mb // 2,
    }
    table = size_report.report(app, markdown=True, top=2)
    lines = table.splitlines()
    assert lines[2] == "| llvmlite | 5.0 | 30.3% |"
    assert lines[4] == "| 4 smaller components | 7.5 | 45.5% |"
    assert lines[-1] == "| **total** | **16.5** | |"


def test_size_report_names_a_missing_folder_in_one_line(tmp_path: Path, capsys) -> None:
    assert load("size_report").main([str(tmp_path / "dist")]) == 1
    assert capsys.readouterr().err.strip() == f"size_report: {tmp_path / 'dist'}: no such folder"


def review(*rows: tuple[int, str, float]) -> list[dict[str, object]]:
    return [{"document_id": doc, "start_pos": 0, "end_pos": 10, "code": code, "score": score}
            for doc, code, score in rows]


@pytest.mark.parametrize(("app_rows", "expected"), [
    (review((1, "Facturation", 0.81234), (1, "Accueil", 0.2), (2, "Accueil", 0.2076503)), 0),
    (review((1, "Accueil", 0.9), (2, "Accueil", 0.2076503)), 1),  # another best code for unit 1
    (review((1, "Facturation", 0.8), (2, "Accueil", 0.2076503)), 1),  # same code, score off by 0.012
    (review((1, "Facturation", 0.81234)), 1),  # unit 2 missing
])
def test_compare_suggestions_wants_the_same_best_code_and_score_per_unit(tmp_path: Path, capsys, app_rows,
                                                                          expected: int) -> None:
    compare = load("compare_suggestions")
    dev = review((1, "Facturation", 0.81231), (1, "Accueil", 0.3), (2, "Accueil", 0.20764952))  # 0.2076 and 0.2077 at 4 decimals
    (tmp_path / "dev.json").write_text(json.dumps(dev), encoding="utf-8")
    (tmp_path / "app.json").write_text(json.dumps(app_rows), encoding="utf-8")
    assert compare.main(tmp_path / "dev.json", tmp_path / "app.json") == expected
    out, err = capsys.readouterr()
    if expected:
        assert "of 2 units differ" in err
    else:
        assert out.strip() == "compare_suggestions: same best code for all 2 units, scores at most 3.0e-05 apart"


def test_install_desktop_puts_the_app_in_the_menu_and_claims_project_files(tmp_path: Path) -> None:
    """What an analyst's `install-desktop.sh` leaves in their data folder, from an unpacked app folder laid
    out as installer/build.sh lays it out."""
    import shutil
    import subprocess

    app = tmp_path / "apps" / "verbatim workbench"
    app.mkdir(parents=True)
    for source in ("install-desktop.sh", "verbatim-workbench.desktop", "verbatim-workbench-mime.xml",
                   "icons/verbatim-workbench.png", "icons/verbatim-workbench.svg"):
        shutil.copy(INSTALLER / source, app / Path(source).name)
    data = tmp_path / "data"
    done = subprocess.run(["bash", str(app / "install-desktop.sh")], capture_output=True, text=True, check=False,
                          env={**os.environ, "XDG_DATA_HOME": str(data)})
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / "verbatim-workbench.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}/verbatim-workbench" %f' in entry
    assert "MimeType=application/x-verbatim-workbench;" in entry
    mime = (data / "mime" / "packages" / "verbatim-workbench.xml").read_text(encoding="utf-8")
    assert 'type="application/x-verbatim-workbench"' in mime and 'pattern="*.vwb"' in mime
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "verbatim-workbench.svg").is_file()
