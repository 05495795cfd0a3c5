"""`python installer/size_report.py [--markdown] FOLDER`: what a built app folder is made of, in MB per
component, largest first, so that a size regression names its package.

A component is a top-level package or library group of the bundle (PyInstaller's `_internal/`): a
package's `.libs` folder counts with the package, packages' metadata together, the shared libraries
PyInstaller puts loose at the top (Python's own, the system's) together, and the executable with the
archive of pure-Python modules it carries. Symbolic links count nothing (they are how duplicates are
dropped)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

MB = 1024 * 1024
EXECUTABLE = "executable + pure-Python modules (PYZ)"
METADATA = "package metadata (*.dist-info)"
LOOSE_LIBRARIES = "Python runtime and system libraries"
STDLIB = "Python standard library (base_library.zip)"


def component(relative: Path) -> str:
    """The component a file belongs to, from its path relative to the app folder."""
    parts = relative.parts
    if parts[0] == "_internal":
        parts = parts[1:]
    if len(parts) == 1:
        name = parts[0]
        if relative.parts[0] != "_internal":
            return EXECUTABLE if not name.endswith((".txt", ".desktop", ".png", ".svg", ".sh")) else "launcher files"
        if name == "base_library.zip":
            return STDLIB
        if ".cpython-" in name:  # an extension module at the top: DuckDB's _duckdb, for one
            return name.split(".")[0].lstrip("_")
        return LOOSE_LIBRARIES
    top = parts[0]
    if top.endswith((".dist-info", ".egg-info")):
        return METADATA
    return top.removesuffix(".libs")


def sizes(folder: Path) -> Counter[str]:
    totals: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            totals[component(path.relative_to(folder))] += path.stat().st_size
    return totals


def report(folder: Path, markdown: bool = False, top: int = 30) -> str:
    totals = sizes(folder)
    total = sum(totals.values())
    ranked = totals.most_common()
    shown, rest = ranked[:top], ranked[top:]
    if rest:
        shown.append((f"{len(rest)} smaller components", sum(size for _, size in rest)))
    lines = []
    if markdown:
        lines += ["| component | MB | share |", "|---|---:|---:|"]
        lines += [f"| {name} | {size / MB:.1f} | {size / total:.1%} |" for name, size in shown]
        lines.append(f"| **total** | **{total / MB:.1f}** | |")
    else:
        width = max(len(name) for name, _ in shown)
        lines += [f"{name:<{width}}  {size / MB:8.1f} MB  {size / total:6.1%}" for name, size in shown]
        lines.append(f"{'total':<{width}}  {total / MB:8.1f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the built app folder, e.g. dist/cpu/verbatim-workbench")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table (for docs/BENCHMARKS.md)")
    parser.add_argument("--top", type=int, default=30, help="components listed before the rest is summed")
    options = parser.parse_args(argv)
    if not options.folder.is_dir():
        print(f"size_report: {options.folder}: no such folder", file=sys.stderr)
        return 1
    print(report(options.folder, options.markdown, options.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
