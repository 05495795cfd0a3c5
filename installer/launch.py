"""Entry point of the packaged desktop app: `verbatim-workbench [PROJECT]` opens the GUI,
`verbatim-workbench cli ARGS…` runs the `workbench` command line from the same bundle."""

import sys

if len(sys.argv) > 1 and sys.argv[1] == "cli":
    from workbench.cli import main as cli_main

    cli_main(sys.argv[2:])
else:
    from ui.app import main as gui_main

    sys.exit(gui_main(sys.argv[1:]))
