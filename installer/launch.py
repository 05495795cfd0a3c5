"""Entry point of the packaged desktop app: `verbatim-workbench [PROJECT]` opens the GUI,
`verbatim-workbench --self-test` checks the installed app (ui/self_test.py), and
`verbatim-workbench cli ARGS…` runs the `workbench` command line from the same bundle."""

import os
import sys
from pathlib import Path

APP = "verbatim-workbench"


def user_cache_dir() -> Path:
    """This user's cache folder for the app, where each system keeps such files (no dependency: this
    runs before anything is imported)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP


# Before numba is imported (it reads the variable once; only the GPU edition carries it, for cuML): its
# compiled functions are cached here, so only the first GPU topic run of a version pays the compilation,
# not every launch. The bundle's own folder may be read-only.
os.environ.setdefault("NUMBA_CACHE_DIR", str(user_cache_dir() / "numba"))

if len(sys.argv) > 1 and sys.argv[1] == "cli":
    from workbench.cli import main as cli_main

    cli_main(sys.argv[2:])
else:
    from ui.app import main as gui_main

    sys.exit(gui_main(sys.argv[1:]))
