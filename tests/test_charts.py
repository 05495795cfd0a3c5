"""Every chart renders to a PNG of the expected size with its labels, and to SVG with text kept as text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import coded_project
import pandas as pd
import pytest
from matplotlib.image import imread
from matplotlib.text import Text

from workbench import analysis, charts
from workbench.errors import ExportError


@pytest.fixture
def coded(project):
    return coded_project.build(project)


def _texts(fig) -> str:
    fig.canvas.draw()
    return "\n".join(item.get_text() for item in fig.findobj(Text))


def _check_png(fig, path: Path, size: tuple[int, int] = (1000, 600)) -> None:
    charts.save(fig, path)
    pixels = imread(path)
    assert (pixels.shape[1], pixels.shape[0]) == size
    assert pixels[..., :3].std() > 0.01  # not a blank picture


def test_frequency_chart_labels_accents_and_hierarchy(coded, tmp_path):
    fig = charts.frequency_chart(analysis.code_frequencies(coded))
    text = _texts(fig)
    assert "Fréquence des codes" in text
    assert "    Résiliation" in text  # sub-codes indented under their parent
    assert "        Erreur de facture" in text
    _check_png(fig, tmp_path / "f.png")


def test_frequency_chart_leaves_out_codes_nobody_used(coded):
    """A shipped scheme brings dozens of codes; bars of nothing covered each other's labels."""
    from builders import add_code

    add_code(coded, "Jamais utilisé", id=999)
    freq = analysis.code_frequencies(coded)
    assert "Jamais utilisé" in set(freq["name"])  # the table keeps every code
    labels = [label.get_text().strip() for label in charts.frequency_chart(freq).axes[0].get_yticklabels()]
    assert "Jamais utilisé" not in labels and "Résiliation" in labels


def test_frequency_bars_use_code_colours_then_the_palette(coded):
    fig = charts.frequency_chart(analysis.code_frequencies(coded))
    colours = [bar.get_facecolor()[:3] for bar in fig.axes[0].patches]
    from matplotlib.colors import to_rgb

    assert colours[1] == pytest.approx(to_rgb("#D55E00"))  # Résiliation's own colour
    assert colours[0] == pytest.approx(to_rgb(charts.OKABE_ITO[0]))  # Motif has none: first palette colour


def test_crosstab_heatmap_shows_counts_percentages_and_test(coded, tmp_path):
    fig = charts.crosstab_heatmap(analysis.crosstab(coded, "Motif", "canal"))
    text = _texts(fig)
    assert "Motif × canal" in text and "χ² = 4.00" in text and "téléphone" in text
    assert "2\n100 %" in text
    _check_png(fig, tmp_path / "c.png")


def test_cooccurrence_and_trend_and_topic_charts(coded, tmp_path):
    fig = charts.cooccurrence_heatmap(analysis.cooccurrence(coded))
    assert "Erreur de facture" in _texts(fig) and "0.50" in _texts(fig)
    _check_png(fig, tmp_path / "co.png")
    fig = charts.trend_chart(analysis.trends(coded))
    assert "Formes de relation" in _texts(fig) and "Évolution des codes" in _texts(fig)
    _check_png(fig, tmp_path / "t.png")
    fig = charts.topics_chart(analysis.topic_summary(coded))
    assert "départ — résilier, concurrent" in _texts(fig)
    _check_png(fig, tmp_path / "top.png")


def test_agreement_chart_has_threshold_lines(tmp_path):
    frame = pd.DataFrame({"code": ["Motif/Résiliation", "Formes de relation/Hostilité", "(all codes)"],
                          "cohen_kappa": [0.9, 0.5, None], "krippendorff_alpha": [0.88, 0.45, 0.7]})
    fig = charts.agreement_chart(frame, lang="en")
    text = _texts(fig)
    assert "Cohen's kappa" in text and "Krippendorff's alpha" in text and "Motif/Résiliation" in text
    vertical = [line.get_xdata()[0] for line in fig.axes[0].get_lines()]
    assert vertical == pytest.approx([0.67, 0.8])
    _check_png(fig, tmp_path / "a.png")


def test_trainee_chart_from_the_scoring_module(coded, tmp_path):
    fig = charts.make_chart(coded, "trainee", coders=["alice", "bob"])
    text = _texts(fig)
    assert "précision" in text and "rappel" in text and "F1" in text
    _check_png(fig, tmp_path / "tr.png")


def test_relationship_map_places_forms_on_the_plane(coded, tmp_path):
    fig = charts.relationship_map(analysis.relationship_positions(coded))
    text = _texts(fig)
    assert "Amitié (2)" in text and "Hostilité (2)" in text and "intime" in text and "positive" in text
    offsets = [collection.get_offsets()[0].tolist() for collection in fig.axes[0].collections]
    assert offsets == [[1.0, 0.8], [-1.0, 0.5]]
    _check_png(fig, tmp_path / "r.png", size=(800, 800))


def test_svg_keeps_text_searchable(coded, tmp_path):
    path = charts.save(charts.make_chart(coded, "frequencies"), tmp_path / "f.svg")
    svg = path.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "Erreur de facture" in svg and "Fréquence des codes" in svg


def test_every_kind_renders_through_make_chart(coded, tmp_path):
    for kind in charts.CHART_KINDS:
        options = {"code": "Motif", "variable": "nps_group"} if kind == "crosstab" else {}
        if kind in ("agreement", "trainee"):
            options = {"coders": ["alice", "bob"]}
        fig = charts.make_chart(coded, kind, **options)
        _check_png(fig, tmp_path / f"{kind}.png", size=(800, 800) if kind == "relationship-map" else (1000, 600))


def test_make_chart_explains_what_is_missing(project):
    with pytest.raises(ExportError, match="unknown chart 'pie'"):
        charts.make_chart(project, "pie")
    with pytest.raises(ExportError, match="needs --code PATH and --variable NAME"):
        charts.make_chart(project, "crosstab")
    with pytest.raises(ExportError, match="no topics yet"):
        charts.make_chart(project, "topics")
    with pytest.raises(ExportError, match="relationship_forms"):
        charts.make_chart(project, "relationship-map")
    with pytest.raises(ExportError, match=r"\.png or \.svg"):
        charts.save(charts.frequency_chart(pd.DataFrame()), Path("chart.pdf"))


def test_charts_never_load_pyplot_or_qt(tmp_path):
    script = (
        "import sys, coded_project\n"
        "from workbench.project import Project\n"
        "from workbench import charts\n"
        f"p = coded_project.build(Project.create({str(tmp_path / 'p.vwb')!r}))\n"
        f"charts.save(charts.make_chart(p, 'frequencies'), {str(tmp_path / 'f.png')!r})\n"
        "bad = [m for m in sys.modules if m == 'matplotlib.pyplot' or m.startswith(('PySide6', 'PyQt'))]\n"
        "print('loaded:', bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "MPLBACKEND": "", "PYTHONPATH": str(Path(__file__).parent)})
    assert done.returncode == 0, done.stderr
    assert "loaded: []" in done.stdout


def _label_boxes(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    return [(text.get_text(), text.get_window_extent(renderer)) for text in fig.axes[0].texts]


@pytest.mark.parametrize("seed", range(4))
def test_relationship_map_labels_never_cover_each_other(project, seed):
    """The whole scheme with uneven counts: forms at one place (Asservissement and Adversaires, Partenariat
    engagé and Meilleure amitié) and neighbours share the plane without a label over another."""
    import itertools
    import random

    from workbench.codebook_yaml import load_scheme

    load_scheme(project, Path(__file__).parents[1] / "coding_schemes" / "relationship_forms.yaml")
    placed = analysis.relationship_positions(project)
    rng = random.Random(seed)
    placed["documents"] = [rng.choice([0, 1, 5, 40, 300, 1200]) for _ in range(len(placed))]
    fig = charts.relationship_map(placed)
    boxes = _label_boxes(fig)
    text = "\n".join(label for label, _ in boxes)
    assert "Asservissement" in text and "Adversaires" in text and "Meilleure amitié" in text
    for (first, a), (second, b) in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"{first!r} overlaps {second!r}"
    frame = fig.axes[0].get_window_extent()
    assert all(frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
               for _, box in boxes)


def test_trend_lines_differ_by_marker_and_dash_not_only_colour():
    periods = pd.to_datetime(["2024-01-01", "2024-02-01"])
    trend = pd.DataFrame({"period": list(periods) * 10, "path": [f"Code {i}" for i in range(10) for _ in range(2)],
                          "share": [0.1 * (i % 5) for i in range(20)]})
    lines = charts.trend_chart(trend).axes[0].get_lines()
    styles = {(line.get_marker(), line.get_linestyle()) for line in lines}
    assert len(lines) == 10 and len(styles) == 10
    assert len({line.get_linestyle() for line in lines}) > 1


def test_make_analysis_gives_the_table_and_the_chart_in_the_language_asked(coded):
    result = charts.make_analysis(coded, "crosstab", code="Motif", variable="canal", lang="en")
    assert list(result.table.columns) == ["row", "column", "count", "column_percent", "expected", "residual"]
    assert result.table["count"].sum() == analysis.crosstab(coded, "Motif", "canal").n
    assert result.note.startswith("χ² = 4.00, df = ")
    frequencies = charts.make_analysis(coded, "frequencies", lang="en")
    assert "Code frequencies" in _texts(frequencies.figure) and "Fréquence" not in _texts(frequencies.figure)
    assert "Erreur de facture" in "\n".join(frequencies.table["path"])
    assert "Codes over time" in _texts(charts.make_analysis(coded, "trends", lang="en").figure)
    assert "Évolution des codes" in _texts(charts.make_analysis(coded, "trends", lang="fr").figure)
