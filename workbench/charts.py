"""Charts of the coded corpus as matplotlib Figures: for the GUI (FigureCanvasQTAgg), the Excel export and files.

Each chart function takes the DataFrame an analysis returns and gives back a `matplotlib.figure.Figure`
built directly (no pyplot: its global state is not thread-safe and would pull in a GUI backend). `save`
writes PNG or SVG; SVG keeps text as text so labels stay searchable and editable.

Colours: a code's own colour when it has one, else the Okabe-Ito palette, which stays distinguishable
with the common colour-vision deficiencies; heatmaps use ColorBrewer RdBu (diverging) and cividis
(sequential), both colour-blind safe. DejaVu Sans (shipped with matplotlib) has every French accent.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import ExportError
from workbench.output import output_file

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from workbench.analysis import Crosstab

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
DPI = 100
SIZE = (10.0, 6.0)  # inches; at DPI 100 a chart is 1000 x 600 pixels
KAPPA_THRESHOLDS = (0.67, 0.8)  # Krippendorff: tentative conclusions from 0.667, reliable from 0.8
FORMATS = (".png", ".svg")

_TEXT = {
    "fr": {
        "frequencies": "Fréquence des codes", "documents": "documents", "codings": "codages",
        "residual": "résidu standardisé ajusté", "cooccurrence": "Co-occurrence des codes (Jaccard)",
        "trends": "Évolution des codes", "share": "part des documents", "topics": "Thèmes",
        "units": "unités", "agreement": "Accord inter-codeurs par code", "kappa": "kappa de Cohen",
        "alpha": "alpha de Krippendorff", "trainee": "Score de l'apprenant par code", "precision": "précision",
        "recall": "rappel", "f1": "F1", "relationship": "Carte des formes de relation",
        "valence": "négative  ←  valence  →  positive", "intimacy": "distante  ←  intimité  →  intime",
        "empty": "Aucune donnée à afficher", "period": "période",
        "topic_map": "Carte des unités par thème", "axis": "composante principale", "unclassified": "non classées",
        "topic_time": "Taille des thèmes dans le temps", "topic_variable": "Part des thèmes selon « {variable} »",
        "topic_share": "part des unités", "pca": "ACP",
    },
    "en": {
        "frequencies": "Code frequencies", "documents": "documents", "codings": "codings",
        "residual": "adjusted standardised residual", "cooccurrence": "Code co-occurrence (Jaccard)",
        "trends": "Codes over time", "share": "share of documents", "topics": "Topics",
        "units": "units", "agreement": "Inter-coder agreement per code", "kappa": "Cohen's kappa",
        "alpha": "Krippendorff's alpha", "trainee": "Trainee score per code", "precision": "precision",
        "recall": "recall", "f1": "F1", "relationship": "Relationship forms map",
        "valence": "negative  ←  valence  →  positive", "intimacy": "distant  ←  intimacy  →  intimate",
        "empty": "Nothing to show", "period": "period",
        "topic_map": "Units by topic", "axis": "principal component", "unclassified": "unclassified",
        "topic_time": "Topic sizes over time", "topic_variable": "Topic shares by “{variable}”",
        "topic_share": "share of units", "pca": "PCA",
    },
}


def _t(lang: str, key: str) -> str:
    return _TEXT.get(lang, _TEXT["en"])[key]


def _figure(size: tuple[float, float] | None) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=size or SIZE, dpi=DPI, layout="constrained")


def _tall(size: tuple[float, float] | None, bars: int, per_bar: float = 0.28) -> tuple[float, float]:
    """The given size, or one tall enough for `bars` readable labels (never below the default)."""
    if size is not None:
        return size
    return SIZE[0], max(SIZE[1], min(per_bar * bars + 1.5, 40.0))


def _colors(colors: Sequence[Any]) -> list[str]:
    """A code's colour when it has one, else the next Okabe-Ito colour."""
    result, spare = [], 0
    for color in colors:
        if isinstance(color, str) and color.startswith("#") and len(color) == 7:
            result.append(color)
        else:
            result.append(OKABE_ITO[spare % len(OKABE_ITO)])
            spare += 1
    return result


def _empty(fig: Figure, title: str, lang: str) -> Figure:
    ax = fig.add_subplot()
    ax.set_title(title)
    ax.text(0.5, 0.5, _t(lang, "empty"), ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _short(text: str, limit: int = 45) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- charts -------------------------------------------------------------------------------------------------
def frequency_chart(freq: pd.DataFrame, *, value: str | None = None, title: str | None = None, lang: str = "fr",
                    size: tuple[float, float] | None = None) -> Figure:
    """Horizontal bars, one per code in tree order, sub-codes indented under their parent.

    `freq` is `analysis.code_frequencies(...)`; the default value is documents including sub-codes.
    """
    column = value or ("documents_with_subcodes" if "documents_with_subcodes" in freq else "documents")
    if not freq.empty:
        # Codes nobody used are bars of nothing: with a shipped scheme's seventy codes their labels
        # covered each other (the tables keep every code).
        freq = freq[freq[column] > 0]
    fig = _figure(_tall(size, len(freq)))
    title = title or _t(lang, "frequencies")
    if freq.empty:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    labels = [("    " * (int(level) - 1)) + _short(str(name)) for name, level in zip(freq["name"], freq["level"])]
    positions = list(range(len(freq)))
    bars = ax.barh(positions, freq[column].tolist(), color=_colors(freq["color"].tolist()), edgecolor="#333333",
                   linewidth=0.4)
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_yticks(positions, labels, fontsize=9)
    for tick, level in zip(ax.get_yticklabels(), freq["level"]):
        tick.set_fontweight("bold" if int(level) == 1 else "normal")
    ax.invert_yaxis()
    ax.set_xlabel(_t(lang, "codings" if "codings" in column else "documents"))
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def crosstab_heatmap(table: Crosstab, *, lang: str = "fr", size: tuple[float, float] | None = None) -> Figure:
    """Counts and column percentages in each cell, coloured by adjusted residual (blue under, red over)."""
    import numpy as np

    fig = _figure(size)
    title = f"{table.title} × {table.variable}"
    if table.counts.empty:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    residuals = table.residuals.to_numpy(dtype=float)
    finite = np.abs(residuals[np.isfinite(residuals)])
    limit = max(3.0, float(finite.max()) if finite.size else 0.0)
    image = ax.imshow(np.nan_to_num(residuals), cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto")
    counts = table.counts.to_numpy()
    percents = table.col_pct.to_numpy(dtype=float)
    for i in range(counts.shape[0]):
        for j in range(counts.shape[1]):
            strong = np.isfinite(residuals[i, j]) and abs(residuals[i, j]) > limit * 0.6
            percent = "" if not np.isfinite(percents[i, j]) else f"\n{percents[i, j]:.0f} %"
            ax.text(j, i, f"{counts[i, j]}{percent}", ha="center", va="center", fontsize=8,
                    color="white" if strong else "black")
    ax.set_xticks(range(counts.shape[1]), [_short(str(c), 20) for c in table.counts.columns], rotation=30,
                  ha="right", fontsize=9)
    ax.set_yticks(range(counts.shape[0]), [_short(str(r), 35) for r in table.counts.index], fontsize=9)
    fig.colorbar(image, ax=ax, label=_t(lang, "residual"))
    if table.chi2 is not None:
        title += f"\nχ² = {table.chi2:.2f}, ddl = {table.dof}, p = {table.p_value:.3g}, V = {table.cramers_v:.2f}" \
            if lang == "fr" else \
            f"\nχ² = {table.chi2:.2f}, df = {table.dof}, p = {table.p_value:.3g}, V = {table.cramers_v:.2f}"
    ax.set_title(title, fontsize=10)
    return fig


def cooccurrence_heatmap(pairs: pd.DataFrame, *, value: str = "jaccard", lang: str = "fr",
                         size: tuple[float, float] | None = None) -> Figure:
    """Symmetric code x code matrix of Jaccard similarity (or `both` counts) from `analysis.cooccurrence`."""
    import numpy as np

    from workbench.analysis import cooccurrence_matrix

    fig = _figure(size)
    title = _t(lang, "cooccurrence")
    if pairs.empty:
        return _empty(fig, title, lang)
    matrix = cooccurrence_matrix(pairs, value)
    if size is None and len(matrix) > 12:  # room for every label
        fig.set_size_inches(SIZE[0] + 0.3 * (len(matrix) - 12), SIZE[1] + 0.3 * (len(matrix) - 12))
    ax = fig.add_subplot()
    values = matrix.to_numpy(dtype=float)
    image = ax.imshow(np.ma.masked_invalid(values), cmap="cividis", vmin=0, aspect="auto")
    top = np.nanmax(values)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if np.isfinite(values[i, j]):
                text = f"{values[i, j]:.2f}" if value == "jaccard" else f"{values[i, j]:.0f}"
                ax.text(j, i, text, ha="center", va="center", fontsize=7,
                        color="black" if values[i, j] > top * 0.6 else "white")
    labels = [_short(label.rsplit("/", 1)[-1], 25) for label in matrix.index]
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    fig.colorbar(image, ax=ax, label=value)
    ax.set_title(title)
    return fig


def trend_chart(trend: pd.DataFrame, *, value: str = "share", lang: str = "fr",
                size: tuple[float, float] | None = None) -> Figure:
    """One line per code over the periods of `analysis.trends` (share of documents by default)."""
    fig = _figure(size)
    title = _t(lang, "trends")
    if trend.empty:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    paths = list(dict.fromkeys(trend["path"]))
    first_colors = trend.drop_duplicates("path").set_index("path")["color"] if "color" in trend else None
    colors = _colors([first_colors[p] if first_colors is not None else None for p in paths])
    for index, (path, color) in enumerate(zip(paths, colors)):
        rows = trend[trend["path"] == path]
        ax.plot(rows["period"].tolist(), rows[value].tolist(), color=color, label=_short(str(path), 40),
                **_line_style(index))
    if value == "share":
        from matplotlib.ticker import PercentFormatter

        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylabel(_t(lang, "share") if value == "share" else value)
    ax.set_xlabel(_t(lang, "period"))
    ax.legend(fontsize=8, loc="best")
    ax.grid(alpha=0.3)
    ax.set_title(title)
    fig.autofmt_xdate()
    return fig


MARKERS = "osD^vP*X"
LINESTYLES = ("-", "--", ":", "-.")


def _line_style(index: int) -> dict[str, Any]:
    """Marker and dash pattern of the `index`-th line: two lines never share both, so they stay apart in
    grey print and for readers who cannot tell their colours apart (8 markers x 4 dashes, coprime cycles
    would repeat after 8; shifting the dash every full marker cycle gives 32 distinct lines)."""
    return {"marker": MARKERS[index % len(MARKERS)],
            "linestyle": LINESTYLES[(index + index // len(MARKERS)) % len(LINESTYLES)],
            "markersize": 6, "linewidth": 1.6}


def topics_chart(summary: pd.DataFrame, *, keywords: int = 5, lang: str = "fr",
                 size: tuple[float, float] | None = None) -> Figure:
    """Topic sizes as bars, each labelled with the topic's label and its first keywords."""
    fig = _figure(_tall(size, len(summary)))
    title = _t(lang, "topics")
    if summary.empty:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    labels = []
    for label, words in zip(summary["label"], summary["keywords"]):
        first = ", ".join(str(words or "").split(", ")[:keywords])
        labels.append(f"{_short(str(label), 30)} — {_short(first, 50)}" if first else _short(str(label), 30))
    positions = list(range(len(summary)))
    bars = ax.barh(positions, summary["size"].tolist(), color=_colors([None] * len(summary)))
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(_t(lang, "units"))
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def topic_map_chart(x: Sequence[float], y: Sequence[float], topics: Sequence[int], names: dict[int, str], *,
                    explained: float | None = None, lang: str = "fr",
                    size: tuple[float, float] | None = None, legend: int = 12) -> Figure:
    """Units as points on two axes (from `topic_map.unit_map`), one colour and marker per topic, the
    unclassified (-1) in light grey underneath; the legend names the `legend` largest topics (more would
    not fit beside a panel-sized map, and colours repeat after eight anyway)."""
    from collections import Counter

    import numpy as np

    fig = _figure(size)
    title = _t(lang, "topic_map")
    if len(topics) == 0:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    x, y, topics = np.asarray(x), np.asarray(y), np.asarray(topics)
    ordered = [topic for topic, _ in Counter(topics.tolist()).most_common() if topic != -1]
    if -1 in set(topics.tolist()):
        mask = topics == -1
        ax.scatter(x[mask], y[mask], s=6, color="#BBBBBB", label=_t(lang, "unclassified"), linewidths=0)
    for index, topic in enumerate(ordered):
        mask = topics == topic
        ax.scatter(x[mask], y[mask], s=14, color=OKABE_ITO[index % len(OKABE_ITO)],
                   marker=MARKERS[index % len(MARKERS)], alpha=0.8, linewidths=0,
                   label=f"{_short(names.get(topic, str(topic)), 30)} ({int(mask.sum())})" if index < legend
                   else "_nolegend_")
    axis = _t(lang, "axis")
    ax.set_xlabel(f"{axis} 1")
    ax.set_ylabel(f"{axis} 2")
    ax.set_xticks([])
    ax.set_yticks([])
    if explained is not None:
        title += f" ({_t(lang, 'pca')}, {explained:.0%})"
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), markerscale=1.5, frameon=False)
    return fig


def topic_sizes_chart(frame: pd.DataFrame, *, by: str = "period", variable: str = "", lang: str = "fr",
                      size: tuple[float, float] | None = None, top: int = 8) -> Figure:
    """The largest `top` topics' units per period (lines told apart by marker and dash) when `by` is
    "period", else their share within each value of a variable (grouped bars). `frame` comes from
    `topic_edits.edited_over_time` or `edited_by_variable`."""
    import numpy as np

    fig = _figure(size)
    title = _t(lang, "topic_time") if by == "period" else _t(lang, "topic_variable").format(variable=variable)
    if frame.empty:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    totals = frame.groupby("label")["units"].sum().sort_values(ascending=False)
    labels = [label for label in totals.index if label is not None][:top]
    if by == "period":
        for index, label in enumerate(labels):
            rows = frame[frame["label"] == label].sort_values("period")
            ax.plot(rows["period"].tolist(), rows["units"].tolist(), color=OKABE_ITO[index % len(OKABE_ITO)],
                    label=_short(str(label), 30), **_line_style(index))
        ax.set_xlabel(_t(lang, "period"))
        ax.set_ylabel(_t(lang, "units"))
        fig.autofmt_xdate()
    else:
        from matplotlib.ticker import PercentFormatter

        values = [str(v) for v in dict.fromkeys(frame["value"].fillna("—"))]
        width = 0.8 / max(len(labels), 1)
        positions = np.arange(len(values))
        hatches = ("", "//", "..", "xx", "\\\\", "--", "oo", "++")
        for index, label in enumerate(labels):
            rows = frame[frame["label"] == label].assign(value=lambda f: f["value"].fillna("—").astype(str))
            shares = rows.set_index("value")["share"].reindex(values).fillna(0.0)
            ax.bar(positions + index * width, shares.tolist(), width=width, color=OKABE_ITO[index % len(OKABE_ITO)],
                   hatch=hatches[index % len(hatches)], edgecolor="white", label=_short(str(label), 30))
        ax.set_xticks(positions + width * (len(labels) - 1) / 2, [_short(v, 20) for v in values], rotation=20,
                      ha="right")
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylabel(_t(lang, "topic_share"))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    ax.set_title(title, fontsize=10)
    return fig


def _grouped_bars(fig: Figure, labels: list[str], series: list[tuple[str, list[float | None]]], title: str,
                  thresholds: Sequence[float] = ()) -> Figure:
    import numpy as np

    ax = fig.add_subplot()
    height = 0.8 / max(len(series), 1)
    positions = np.arange(len(labels))
    for index, ((name, values), color) in enumerate(zip(series, OKABE_ITO)):
        numbers = [np.nan if v is None else float(v) for v in values]
        bars = ax.barh(positions + index * height, numbers, height=height, label=name, color=color)
        ax.bar_label(bars, labels=["" if np.isnan(v) else f"{v:.2f}" for v in numbers], padding=2, fontsize=7)
    ax.set_yticks(positions + height * (len(series) - 1) / 2, [_short(label, 40) for label in labels], fontsize=9)
    ax.invert_yaxis()
    for threshold, style in zip(thresholds, ("--", "-")):
        ax.axvline(threshold, color="#555555", linestyle=style, linewidth=1)
        ax.text(threshold, 1.01, f"{threshold:g}", transform=ax.get_xaxis_transform(), ha="center", fontsize=8)
    lowest = min([0.0] + [float(v) for _, values in series for v in values if v is not None])
    ax.set_xlim(lowest - 0.15 if lowest < 0 else 0.0, 1.1)
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title(title)
    return fig


def agreement_chart(frame: pd.DataFrame, *, lang: str = "fr", size: tuple[float, float] | None = None) -> Figure:
    """Cohen's kappa and Krippendorff's alpha per code, with the 0.67 and 0.8 reliability thresholds.

    `frame` is `agreement.agreement(...).to_frame()`: columns code, cohen_kappa, krippendorff_alpha.
    """
    fig = _figure(_tall(size, 2 * len(frame), 0.2))
    title = _t(lang, "agreement")
    if frame.empty:
        return _empty(fig, title, lang)
    series = [(_t(lang, "kappa"), _plain(frame["cohen_kappa"])),
              (_t(lang, "alpha"), _plain(frame["krippendorff_alpha"]))]
    return _grouped_bars(fig, [str(c) for c in frame["code"]], series, title, KAPPA_THRESHOLDS)


def trainee_chart(frame: pd.DataFrame, *, level: str = "span", lang: str = "fr",
                  size: tuple[float, float] | None = None) -> Figure:
    """Precision, recall and F1 of a trainee against the reference, per code.

    `frame` is `scoring.score_trainee(...).to_frame()`; `level` is "span" or "document".
    """
    fig = _figure(_tall(size, 3 * len(frame), 0.15))
    title = f"{_t(lang, 'trainee')} ({level})"
    if frame.empty:
        return _empty(fig, title, lang)
    series = [(_t(lang, key), _plain(frame[f"{level}_{key}"])) for key in ("precision", "recall", "f1")]
    return _grouped_bars(fig, [str(c) for c in frame["code"]], series, title)


def relationship_map(placed: pd.DataFrame, *, lang: str = "fr", size: tuple[float, float] | None = None) -> Figure:
    """Relationship forms on the valence (x) x intimacy (y) plane, bubble area proportional to documents.

    `placed` is `analysis.relationship_positions(...)`. Forms never coded stay visible as hollow rings,
    so the map always shows the whole scheme.
    """
    fig = _figure(size or (8.0, 8.0))
    title = _t(lang, "relationship")
    if placed.empty:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    counts = placed["documents"].fillna(0).astype(float)
    biggest = max(float(counts.max()), 1.0)
    areas = [60 + 1400 * c / biggest for c in counts]
    colors = _colors(placed["color"].tolist())
    labels: dict[tuple[float, float], list[str]] = {}  # forms sharing a place share one label
    sizes: dict[tuple[float, float], float] = {}
    # Largest first, so a small bubble sharing a place with a large one is drawn on top and stays visible.
    for x, y, area, color, count, name in sorted(
            zip(placed["valence"], placed["intimacy"], areas, colors, counts, placed["name"]),
            key=lambda row: -row[2]):
        ax.scatter([x], [y], s=area, color=color if count else "none", edgecolors=color, linewidths=1.5,
                   alpha=0.75)
        spot = (round(float(x), 2), round(float(y), 2))
        labels.setdefault(spot, []).append(f"{name} ({int(count)})")
        sizes[spot] = max(sizes.get(spot, 0.0), area)
    ax.axhline(0, color="#888888", linewidth=0.8)
    ax.axvline(0, color="#888888", linewidth=0.8)
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    ax.set_xlabel(_t(lang, "valence"))
    ax.set_ylabel(_t(lang, "intimacy"))
    ax.set_aspect("equal")
    ax.set_title(title)
    _place_labels(fig, ax, [(spot, "\n".join(names), sizes[spot] ** 0.5 / 2 + 3) for spot, names in labels.items()])
    return fig


def _overlap(box: Any, others: Sequence[Any]) -> float:
    """Area of `box` covered by the boxes `others` (display pixels)."""
    return sum(max(0.0, min(box.x1, o.x1) - max(box.x0, o.x0)) * max(0.0, min(box.y1, o.y1) - max(box.y0, o.y0))
               for o in others)


def _place_labels(fig: Figure, ax: Any, items: list[tuple[tuple[float, float], str, float]]) -> None:
    """Label each bubble on the first side (above, below, right, left, the diagonals, then the same sides
    further out) where the label covers no label already placed, no other bubble and nothing outside the
    axes: forms close on the map would otherwise print over each other or hide each other's bubble.
    `items` are ((x, y), text, bubble radius in points). Falls back to the place with the least overlap,
    counting another label ten times a bubble, since two labels over each other can no longer be read."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.get_layout_engine().execute(fig)  # final axes position, so label boxes are where they will be drawn
    points = fig.dpi / 72
    bubbles = {}
    for (x, y), _text, radius in items:
        cx, cy = ax.transData.transform((x, y))
        r = radius * points
        bubbles[(x, y)] = Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)
    frame = ax.get_window_extent(renderer)
    sides = [(0, 1, "center", "bottom"), (0, -1, "center", "top"), (1, 0, "left", "center"),
             (-1, 0, "right", "center"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
             (1, -1, "left", "top"), (-1, -1, "right", "top")]
    placed: list[Any] = []
    # Crowded places first: isolated bubbles can take whatever side is left.
    for (x, y), text, radius in sorted(items, key=lambda item: (-item[0][1], item[0][0])):
        others = [box for spot, box in bubbles.items() if spot != (x, y)]
        best = None
        for reach in (0.8, 1.6, 2.6):
            for dx, dy, ha, va in sides:
                distance = radius * reach if reach < 1 else radius + 6 * reach
                label = ax.annotate(text, (x, y), xytext=(dx * distance, dy * distance),
                                    textcoords="offset points", ha=ha, va=va, fontsize=8)
                box = label.get_window_extent(renderer).expanded(1.05, 1.15)
                outside = box.width * box.height - _overlap(box, [frame])
                cost = 10 * _overlap(box, placed) + _overlap(box, others) + 10 * outside
                if best is None or cost < best[0]:
                    if best is not None:
                        best[1].remove()
                    best = (cost, label, box)
                else:
                    label.remove()
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        assert best is not None
        placed.append(best[2])


def _plain(series: pd.Series) -> list[float | None]:
    return [None if value is None or math.isnan(value) else float(value) for value in series]


# -- output -------------------------------------------------------------------------------------------------
def save(fig: Figure, path: str | Path) -> Path:
    """Write `fig` as PNG or SVG (by suffix). SVG keeps text as <text> elements, not outlines."""
    from matplotlib import rc_context

    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ExportError(f"{path.name}: charts are written as .png or .svg")
    with output_file(path) as partial, rc_context({"svg.fonttype": "none"}):
        fig.savefig(partial, format=path.suffix.lower()[1:], dpi=DPI)
    return path


def png_bytes(fig: Figure) -> bytes:
    """The chart as PNG bytes, for embedding (Excel Charts sheet)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


# -- from a project to a chart ------------------------------------------------------------------------------
CHART_KINDS = ("frequencies", "crosstab", "cooccurrence", "trends", "topics", "agreement", "trainee",
               "relationship-map")


@dataclass
class Analysis:
    """What the analysis pane shows for a chart kind: the numbers as a table, the chart drawn from them, and
    a line about the test when there is one (the crosstab's chi-square)."""

    kind: str
    table: pd.DataFrame
    figure: Figure
    note: str = ""


def _crosstab_table(table: Crosstab) -> pd.DataFrame:
    """One row per cell: count, column percentage, expected count and adjusted residual, so a copy pasted
    into a spreadsheet can be sorted by residual."""
    import pandas as pd

    rows = []
    for row in table.counts.index:
        for column in table.counts.columns:
            rows.append({"row": str(row), "column": str(column), "count": int(table.counts.at[row, column]),
                         "column_percent": float(table.col_pct.at[row, column]),
                         "expected": float(table.expected.at[row, column]),
                         "residual": float(table.residuals.at[row, column])})
    return pd.DataFrame(rows, columns=["row", "column", "count", "column_percent", "expected", "residual"])


def _crosstab_note(table: Crosstab, lang: str) -> str:
    if table.chi2 is None:
        return ""
    dof = "ddl" if lang == "fr" else "df"
    return f"χ² = {table.chi2:.2f}, {dof} = {table.dof}, p = {table.p_value:.3g}, V = {table.cramers_v:.2f}"


def make_analysis(project: Any, kind: str, filters: Any = None, *, code: str | int | None = None,
                  variable: str | None = None, coders: Sequence[str] = (), scope: str = "document",
                  period: str = "month", level: int | None = None, lang: str | None = None) -> Analysis:
    """Run the analysis a chart `kind` needs on `project`: its table (plain column names, for the pane and
    the clipboard) and its chart in `lang` (the window's language, else the project's).

    Raises ExportError when the chart has nothing to show (no topics, no relationship-forms codes, …) so a
    caller can say why instead of writing an empty picture.
    """
    from workbench import analysis
    from workbench.filters import NO_FILTERS

    filters = filters or NO_FILTERS
    lang = lang or project.language
    if kind not in CHART_KINDS:
        raise ExportError(f"unknown chart {kind!r}; choose among {', '.join(CHART_KINDS)}")
    if kind == "frequencies":
        freq = analysis.code_frequencies(project, filters, level=level)
        if freq.empty:
            raise ExportError("no codes to chart; create or load a codebook first")
        table = freq[["path", "documents_with_subcodes", "codings_with_subcodes", "share_with_subcodes"]]
        table = table.rename(columns={"documents_with_subcodes": "documents", "codings_with_subcodes": "codings",
                                      "share_with_subcodes": "share"})
        return Analysis(kind, table, frequency_chart(freq, lang=lang))
    if kind == "crosstab":
        if code is None or variable is None:
            raise ExportError("a crosstab chart needs --code PATH and --variable NAME")
        crosstab = analysis.crosstab(project, code, variable, filters)
        return Analysis(kind, _crosstab_table(crosstab), crosstab_heatmap(crosstab, lang=lang),
                        _crosstab_note(crosstab, lang))
    if kind == "cooccurrence":
        pairs = analysis.cooccurrence(project, filters, scope=scope, level=level)  # type: ignore[arg-type]
        if pairs.empty:
            raise ExportError(f"no two codes occur in the same {scope}")
        table = pairs[["path_a", "path_b", "n_a", "n_b", "both", "jaccard"]]
        return Analysis(kind, table, cooccurrence_heatmap(pairs, lang=lang))
    if kind == "trends":
        trend = analysis.trends(project, filters, period=period, level=level or 1,  # type: ignore[arg-type]
                                codes=[code] if code is not None else None)
        if trend.empty:
            raise ExportError("no dated, coded documents to show over time")
        table = trend[["period", "path", "documents", "total_documents", "share"]]
        return Analysis(kind, table, trend_chart(trend, lang=lang))
    if kind == "topics":
        summary = analysis.topic_summary(project)
        if summary.empty:
            raise ExportError("this project has no topics yet; run `workbench topics` first")
        return Analysis(kind, summary[["topic", "label", "size", "share", "keywords"]], topics_chart(summary, lang=lang))
    if kind == "agreement":
        frame = analysis.agreement_frame(project, list(coders), filters)
        table = frame[["code", "n_units", "percent_agreement", "cohen_kappa", "krippendorff_alpha"]]
        return Analysis(kind, table, agreement_chart(frame, lang=lang))
    if kind == "trainee":
        frame = analysis.trainee_frame(project, list(coders), filters)
        table = frame[["code", "span_precision", "span_recall", "span_f1", "document_f1"]]
        return Analysis(kind, table, trainee_chart(frame, lang=lang))
    placed = analysis.relationship_positions(project, filters)
    if placed.empty:
        raise ExportError("no relationship_forms codes with valence and intimacy; load the relationship_forms scheme")
    table = placed[["path", "valence", "intimacy", "documents", "codings"]]
    return Analysis(kind, table, relationship_map(placed, lang=lang))


def make_chart(project: Any, kind: str, filters: Any = None, *, code: str | int | None = None,
               variable: str | None = None, coders: Sequence[str] = (), scope: str = "document",
               period: str = "month", level: int | None = None, lang: str | None = None) -> Figure:
    """The chart of `make_analysis` alone (the `workbench chart` command)."""
    return make_analysis(project, kind, filters, code=code, variable=variable, coders=coders, scope=scope,
                         period=period, level=level, lang=lang).figure
