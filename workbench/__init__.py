"""Verbatim Workbench engine: everything a user can do, without Qt.

The GUI (`ui/`) and the `workbench` command are thin layers over these modules.
"""

__version__ = "0.1.0"
